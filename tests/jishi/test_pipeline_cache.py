"""Re-checking the same files reads every document from the cache: no backend (and no OCR) runs."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

import extractors.formats.base
from core.settings import Settings
from ingest.submission import load_submission
from jishi.pipeline import check_submission
from jishi.report.json_report import to_dict
from store.cache import DocumentCache

NOW = dt.datetime(2023, 1, 10, tzinfo=dt.UTC)


def test_second_check_runs_no_backend(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings()
    cache = DocumentCache(tmp_path / "cache.sqlite3")
    submission = load_submission([corpus / "ok_prose_docx"], settings=settings)
    first = to_dict(check_submission(submission, settings, now=NOW, cache=cache))

    real = extractors.formats.base.backend_for

    class Guard:
        def __init__(self, kind) -> None:
            self.inner = real(kind)
            self.name, self.version = self.inner.name, self.inner.version

        def extract(self, file, settings):
            raise AssertionError(f"backend for {file.path} ran although the cache holds the document")

    monkeypatch.setattr("jishi.pipeline.backend_for", Guard)
    second = to_dict(check_submission(submission, settings, now=NOW, cache=cache))
    assert second["findings"] == first["findings"]
    assert second["verdict"] == first["verdict"] == "compliant"
    assert any(f["ocr"] for f in second["files"])


def test_recheck_of_photographed_signin_runs_no_ocr(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extractors.ocr import get_engine

    settings = Settings()
    cache = DocumentCache(tmp_path / "cache.sqlite3")
    submission = load_submission([corpus / "ok_signin_photo"], settings=settings)
    first = to_dict(check_submission(submission, settings, now=NOW, cache=cache))

    def no_ocr(image):
        raise AssertionError("OCR ran although the same pixels were read before")

    inner = get_engine("rapidocr").inner  # type: ignore[attr-defined]
    monkeypatch.setattr(inner, "read", no_ocr)
    monkeypatch.setattr(inner, "read_line", no_ocr)
    second = to_dict(check_submission(submission, settings, now=NOW, cache=cache))
    assert second["signin"] == first["signin"] and second["signin"]["signed_count"] > 0
    assert second["verdict"] == first["verdict"]


@pytest.mark.parametrize("case", ["ok_signin_photo", "ok_signin_scanned_pdf"])
def test_recheck_reads_no_signin_picture(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    settings = Settings()
    cache = DocumentCache(tmp_path / "cache.sqlite3")
    submission = load_submission([corpus / case], settings=settings)
    first = check_submission(submission, settings, now=NOW, cache=cache)

    def unread(*args, **kwargs):
        raise AssertionError("the sign-in picture was read again although the cache holds the sheet")

    monkeypatch.setattr("jishi.pipeline.read_signin_upload", unread)
    monkeypatch.setattr("jishi.pipeline.read_signin_scan", unread)
    second = check_submission(submission, settings, now=NOW, cache=cache)
    assert first.signin is not None and second.signin == first.signin  # evidence, boxes, confidences too
    assert to_dict(second)["findings"] == to_dict(first)["findings"]


def test_signin_is_read_again_for_another_roster(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jishi.pipeline

    settings = Settings()
    cache = DocumentCache(tmp_path / "cache.sqlite3")
    submission = load_submission([corpus / "ok_signin_photo"], settings=settings)
    reads: list[str] = []
    real = jishi.pipeline.read_signin_upload

    def counted(*args, **kwargs):
        reads.append(kwargs["file"])
        return real(*args, **kwargs)

    monkeypatch.setattr("jishi.pipeline.read_signin_upload", counted)
    check_submission(submission, settings, now=NOW, cache=cache)
    check_submission(submission, settings, now=NOW, cache=cache)
    assert reads == ["签到表.jpg"]
    branch = submission.branch.model_copy(update={"members": submission.branch.members[:-1]})  # one left
    check_submission(dataclasses.replace(submission, branch=branch), settings, now=NOW, cache=cache)
    assert reads == ["签到表.jpg", "签到表.jpg"]
