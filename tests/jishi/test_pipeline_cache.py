"""Re-checking the same files reads every document from the cache: no backend (and no OCR) runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import extractors.base
from ingest.submission import load_submission
from jishi.cache import DocumentCache
from jishi.config import Settings
from jishi.pipeline import check_submission
from jishi.report.json_report import to_dict

NOW = dt.datetime(2023, 1, 10, tzinfo=dt.UTC)


def test_second_check_runs_no_backend(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings()
    cache = DocumentCache(tmp_path / "cache.sqlite3")
    submission = load_submission([corpus / "ok_prose_docx"], settings=settings)
    first = to_dict(check_submission(submission, settings, now=NOW, cache=cache))

    real = extractors.base.backend_for

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


def test_recheck_of_photographed_signin_runs_no_ocr(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractors.ocr.engine import get_engine

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
