"""Parsers over uploaded bytes run under a time and memory limit."""

from __future__ import annotations

import time

import pytest

from jishi.errors import UnreadableFileError, UsageError
from jishi.sandbox import run_limited


def _add(a: int, b: int) -> int:
    return a + b


def _hang() -> None:
    time.sleep(60)


def _hog() -> bytes:
    return b"x" * (4 * 1024**3)


def _bad_input() -> None:
    raise UsageError("坏输入", hint="改")


def _crash() -> None:
    raise KeyError("trailer")


def test_result_comes_back() -> None:
    assert run_limited(_add, 2, 3, name="a", timeout_s=10, memory_mb=512) == 5


def test_hang_becomes_a_timeout_finding_quickly() -> None:
    start = time.monotonic()
    with pytest.raises(UnreadableFileError) as err:
        run_limited(_hang, name="slow.pdf", timeout_s=0.5, memory_mb=512)
    assert err.value.code == "input.parse_timeout" and "slow.pdf" in err.value.message
    assert time.monotonic() - start < 5


def test_memory_blowup_is_refused() -> None:
    with pytest.raises(UnreadableFileError) as err:
        run_limited(_hog, name="bomb.pdf", timeout_s=20, memory_mb=512)
    assert err.value.code == "input.parse_timeout"


def test_typed_errors_cross_the_process_boundary() -> None:
    with pytest.raises(UsageError):
        run_limited(_bad_input, name="a", timeout_s=10, memory_mb=512)


def test_third_party_crash_is_bad_input() -> None:
    with pytest.raises(UnreadableFileError) as err:
        run_limited(_crash, name="odd.pdf", timeout_s=10, memory_mb=512)
    assert "KeyError" in err.value.message


@pytest.mark.parametrize(("case", "name"), [("ok_prose_pdf", "主题党日会议记录.pdf"), ("ok_prose_docx", "会议记录.docx")])
def test_backends_parse_inside_the_sandbox(corpus, case: str, name: str) -> None:
    import hashlib

    from extractors.base import backend_for
    from ingest.sniff import sniff
    from jishi.config import Limits, OcrSettings, Settings
    from jishi.models import EvidenceFile

    data = (corpus / case / name).read_bytes()
    file = EvidenceFile(name, sniff(data), data, hashlib.sha256(data).hexdigest())
    starved = Settings(limits=Limits(parse_timeout_s=0.0001), ocr=OcrSettings(engine="none"))
    with pytest.raises(UnreadableFileError) as err:
        backend_for(file.kind).extract(file, starved)
    assert err.value.code == "input.parse_timeout"
