"""Parsers over uploaded bytes run under a time and memory limit."""

from __future__ import annotations

import operator
import time

import pytest

from core.errors import ConfigError, UnreadableFileError
from core.meta import SubmissionMeta, parse_yaml_model
from extractors.sandbox import run_limited

# The children run in a fork server and get their function by reference: builtins and
# library functions, not functions of this test module.


def test_result_comes_back() -> None:
    assert run_limited(operator.add, 2, 3, name="a", timeout_s=10, memory_mb=512) == 5


def test_hang_becomes_a_timeout_finding_quickly() -> None:
    start = time.monotonic()
    with pytest.raises(UnreadableFileError) as err:
        run_limited(time.sleep, 60, name="slow.pdf", timeout_s=0.5, memory_mb=512)
    assert err.value.code == "input.parse_timeout" and "slow.pdf" in err.value.message
    assert time.monotonic() - start < 5


def test_memory_blowup_is_refused() -> None:
    with pytest.raises(UnreadableFileError) as err:
        run_limited(bytearray, 4 * 1024**3, name="bomb.pdf", timeout_s=20, memory_mb=512)
    assert err.value.code == "input.parse_memory"


def test_typed_errors_cross_the_process_boundary() -> None:
    with pytest.raises(ConfigError):
        run_limited(
            parse_yaml_model,
            SubmissionMeta,
            "reported_attendance: 二十三",
            "submission.yaml",
            name="a",
            timeout_s=10,
            memory_mb=512,
        )


def test_third_party_crash_is_bad_input() -> None:
    with pytest.raises(UnreadableFileError) as err:
        run_limited(int, "not a number", name="odd.pdf", timeout_s=10, memory_mb=512)
    assert "ValueError" in err.value.message


@pytest.mark.parametrize(
    ("case", "name"), [("ok_prose_pdf", "主题党日会议记录.pdf"), ("ok_prose_docx", "会议记录.docx")]
)
def test_backends_parse_inside_the_sandbox(corpus, case: str, name: str) -> None:
    import hashlib

    from core.models import EvidenceFile
    from core.settings import Limits, OcrSettings, Settings
    from extractors.formats.base import backend_for
    from ingest.sniff import sniff

    data = (corpus / case / name).read_bytes()
    file = EvidenceFile(name, sniff(data), data, hashlib.sha256(data).hexdigest())
    starved = Settings(limits=Limits(parse_timeout_s=0.0001), ocr=OcrSettings(engine="none"))
    with pytest.raises(UnreadableFileError) as err:
        backend_for(file.kind).extract(file, starved)
    assert err.value.code == "input.parse_timeout"
