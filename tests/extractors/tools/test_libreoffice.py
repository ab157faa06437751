"""LibreOffice conversions fail as per-file findings with a Chinese hint: corrupt input,
LibreOffice missing, over its time limit (no process left behind), over its memory limit."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from core.models import EvidenceFile, FileKind
from core.settings import Limits, OcrSettings, Settings
from extractors.tools import libreoffice
from fixtures import formats, generate
from jishi.pipeline import extract_files

pytestmark = pytest.mark.skipif(
    libreoffice.find_soffice() is None, reason="LibreOffice (soffice) is not installed"
)
NO_OCR = OcrSettings(engine="none")


@pytest.fixture(scope="module")
def doc_bytes() -> bytes:
    case = next(c for c in generate.build_cases() if c.name == "ok_prose_docx")
    files = formats.as_doc(formats.plain_files(case), case)
    assert files is not None
    return files["会议记录.doc"]


def _evidence(data: bytes, name: str = "会议记录.doc", kind: FileKind = FileKind.DOC) -> EvidenceFile:
    return EvidenceFile(path=name, kind=kind, data=data, sha256=str(hash(data)))


def _soffice_processes(marker: str) -> list[str]:
    found = []
    for pid in os.listdir("/proc"):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        if marker in cmdline and "soffice" in cmdline:
            found.append(pid)
    return found


def test_doc_is_read_after_conversion(doc_bytes: bytes) -> None:
    extraction = extract_files([_evidence(doc_bytes)], Settings(ocr=NO_OCR))
    assert extraction.problems == []
    text = extraction.files[0].document.text  # type: ignore[union-attr]
    assert "主持" in text and "李光振" in text
    assert extraction.files[0].document.kind is FileKind.DOC  # type: ignore[union-attr]


@pytest.mark.parametrize("damage", ["zeroed", "truncated"])
def test_corrupt_doc_is_a_finding_with_a_hint(doc_bytes: bytes, damage: str) -> None:
    data = (
        doc_bytes[:4096] + bytes(len(doc_bytes) - 4096)
        if damage == "zeroed"
        else doc_bytes[: len(doc_bytes) // 3]
    )
    extraction = extract_files([_evidence(data)], Settings(ocr=NO_OCR))
    [problem] = extraction.problems
    assert problem.code == "input.unreadable"
    assert "另存为" in problem.hint and ".docx" in problem.hint
    assert extraction.files[0].document is None


def test_missing_libreoffice_says_how_to_install(doc_bytes: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JISHI_SOFFICE", "/nonexistent/soffice")
    extraction = extract_files([_evidence(doc_bytes + b"\x00")], Settings(ocr=NO_OCR))  # not in the cache
    [problem] = extraction.problems
    assert problem.code == "input.converter_missing"
    assert "apt-get install" in problem.hint and "另存为" in problem.hint


def test_time_limit_holds_and_leaves_no_process(doc_bytes: bytes) -> None:
    limits = Limits(convert_timeout_s=0.2)
    start = time.monotonic()
    extraction = extract_files([_evidence(doc_bytes + b"\x00\x00")], Settings(limits=limits, ocr=NO_OCR))
    assert time.monotonic() - start < 10
    [problem] = extraction.problems
    assert problem.code == "input.parse_timeout" and "超时" in problem.message and problem.hint
    time.sleep(0.5)
    assert _soffice_processes("jishi-lo-") == []


def test_memory_limit_is_a_finding(doc_bytes: bytes) -> None:
    limits = Limits(convert_memory_mb=256)  # LibreOffice cannot even start in 256 MB of address space
    extraction = extract_files([_evidence(doc_bytes + b"\x00" * 3)], Settings(limits=limits, ocr=NO_OCR))
    [problem] = extraction.problems
    assert problem.code.startswith("input.") and problem.hint


def test_conversions_are_remembered(doc_bytes: bytes) -> None:
    first = libreoffice.convert(
        doc_bytes, suffix=".doc", target="docx", name="a", timeout_s=60, memory_mb=2048
    )
    start = time.monotonic()
    again = libreoffice.convert(
        doc_bytes, suffix=".doc", target="docx", name="a", timeout_s=60, memory_mb=2048
    )
    assert again == first and time.monotonic() - start < 0.1
