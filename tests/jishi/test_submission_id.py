"""A re-upload under the platform's submission id does not flag its own earlier photos."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from core.settings import Settings
from ingest.submission import load_submission
from jishi.pipeline import check_submission
from store.history import HistoryStore

NOW = dt.datetime(2023, 1, 10, tzinfo=dt.UTC)


def _reused(folder: Path, history: HistoryStore) -> str:
    settings = Settings()
    report = check_submission(
        load_submission([folder], settings=settings), settings, now=NOW, history=history
    )
    return next(f.status for f in report.findings if f.code == "photos.reused")


def test_same_id_with_fixed_minutes_is_not_reuse(corpus: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    shutil.copytree(corpus / "ok_prose_docx", first)
    shutil.copytree(corpus / "ok_prose_docx", second)
    for folder in (first, second):
        meta = folder / "submission.yaml"
        meta.write_text("id: DY-2022-12-0042\n" + meta.read_text(encoding="utf-8"), encoding="utf-8")
    (second / "会议记录.docx").write_bytes((corpus / "ok_form_docx" / "党支部工作记录簿.docx").read_bytes())
    with HistoryStore(tmp_path / "h.sqlite3") as history:
        assert _reused(first, history) == "pass"
        assert _reused(second, history) == "pass"
        (second / "submission.yaml").write_text(
            (second / "submission.yaml").read_text(encoding="utf-8").replace("0042", "0043"), encoding="utf-8"
        )
        assert _reused(second, history) == "fail"
