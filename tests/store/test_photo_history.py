"""Reused photos across submissions, end to end (rapidocr classifies the photos), and the CLI flags."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from PIL import Image

from core.models import Finding, Report, Status
from core.settings import Settings
from ingest.submission import load_submission
from jishi.cli import main
from jishi.pipeline import check_submission
from store.history import HistoryStore, submission_key

NOW = dt.datetime(2023, 1, 10, 12, 0, tzinfo=dt.UTC)
CASE = "ok_prose_docx"
OTHER = "ok_form_docx"


def check(folder: Path, store: HistoryStore) -> Report:
    return check_submission(
        load_submission([folder], settings=Settings()), Settings(), now=NOW, history=store
    )


def finding(report: Report, code: str) -> Finding:
    return next(f for f in report.findings if f.code == code)


def reencoded(data: bytes) -> bytes:
    """The photo as a messenger would pass it on: 70 % size, JPEG quality 60, EXIF kept."""
    img = Image.open(io.BytesIO(data))
    small = img.resize((round(img.width * 0.7), round(img.height * 0.7)), Image.Resampling.BILINEAR)
    buf = io.BytesIO()
    small.save(buf, "JPEG", quality=60, exif=img.info.get("exif", b""))
    return buf.getvalue()


def test_recheck_is_not_reuse_but_a_copy_elsewhere_is(corpus: Path, tmp_path: Path) -> None:
    first_folder = corpus / CASE
    photo = sorted(first_folder.glob("*.jpg"))[0]
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        first = check(first_folder, store)
        again = check(first_folder, store)
        assert len(first.photos) == 3 and len(store) == 3
        for report in (first, again):
            assert [p.duplicate_of for p in report.photos] == [None, None, None]
            assert finding(report, "photos.reused").status == Status.PASS

        other = shutil.copytree(corpus / OTHER, tmp_path / "十二月主题党日")
        (other / "现场照片.jpg").write_bytes(reencoded(photo.read_bytes()))
        report = check(other, store)

    key = submission_key(CASE, [f.sha256 for f in load_submission([first_folder], settings=Settings()).files])
    reused = finding(report, "photos.reused")
    assert reused.status == Status.FAIL and reused.required and reused.rule_version == "2"
    assert f"“{key}”" in reused.message and photo.name in reused.message
    assert [e.file for e in reused.evidence] == ["现场照片.jpg"]
    assert {p.file: p.duplicate_of for p in report.photos}["现场照片.jpg"] == f"{key}/{photo.name}"
    assert report.verdict == "noncompliant"


def test_same_photo_twice_in_one_submission(corpus: Path, tmp_path: Path) -> None:
    folder = shutil.copytree(corpus / CASE, tmp_path / CASE)
    photo = sorted(folder.glob("*.jpg"))[0]
    (folder / "zz_再传一次.jpg").write_bytes(reencoded(photo.read_bytes()))
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        report = check(folder, store)
    reused = finding(report, "photos.reused")
    assert reused.status == Status.FAIL
    assert f"zz_再传一次.jpg 与本次材料中的 {photo.name}" in reused.message
    assert finding(report, "photos.screenshot").status == Status.PASS


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main(["check", *map(str, argv), "--ocr-engine", "none", "--format", "json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_cli_history_flags(capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path) -> None:
    explicit = tmp_path / "mine" / "h.sqlite3"
    assert run(capsys, corpus / CASE, "--history", explicit)[0] == 1
    assert explicit.exists()
    assert run(capsys, corpus / CASE, "--no-history")[0] == 1
    code, _, err = run(capsys, corpus / CASE, "--history", explicit, "--no-history")
    assert code == 2 and "usage" in err


def test_cli_default_history_is_the_test_private_one(
    capsys: pytest.CaptureFixture[str], corpus: Path, _private_user_dirs: Path
) -> None:
    code, out, _ = run(capsys, corpus / CASE)
    assert code == 1 and json.loads(out)["schema_version"] == "1"
    assert (
        _private_user_dirs / "history.sqlite3"
    ).exists()  # the autouse fixture's path, never the user's data dir


def test_cli_unusable_history_is_exit_4_environment(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "history.sqlite3"
    broken.write_bytes(b"not a database" * 100)
    code, out, err = run(capsys, corpus / CASE, "--history", broken)
    assert code == 4 and out == ""
    assert "history.unavailable" in err and "--no-history" in err
