"""The local record history: submissions by branch and date, and copied-text candidates."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from core.errors import EnvironmentFault
from core.history import PastSubmission, Presence
from extractors.fingerprints.text import fingerprint_text
from store.records import RecordStore

TEXT = (
    "会议由李光振同志主持。大家结合窗口服务逐条交流了心得，认为预算编制还需把规章制度执行到位。"
    "随后支部观看了警示教育片，与会党员表示要守住纪律底线不踩红线。针对夜班值守中的作风建设问题，参会同志摆出了实际困难。"
)
OTHER = (
    "本次活动由张明同志主持。围绕“节约办公”，支部党员列出了整改清单，认为档案整理还需以实绩检验学习效果。"
    "支部号召各位党员要主动认领服务岗位，在社区共建中见实效。全体党员一致认为，抓好青年培养关键是用好每一次学习机会。"
)


def sub(sid: str, branch: str, day: dt.date, cats: tuple[str, ...] = ("主题党日",)) -> PastSubmission:
    return PastSubmission(sid, branch, day, cats, "compliant", None, (Presence("李光振", "attended"),), True)


def test_submissions_round_trip_and_filter(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "h.sqlite3") as store:
        store.record(sub("a", "一支部", dt.date(2023, 1, 5)), None)
        store.record(sub("b", "一支部", dt.date(2023, 2, 5), ("主题党日", "党课")), None)
        store.record(sub("c", "二支部", dt.date(2023, 2, 6)), None)
        store.record(sub("b", "一支部", dt.date(2023, 2, 7), ("主题党日",)), None)  # a re-check replaces
        assert len(store) == 3
        got = store.submissions("一支部", dt.date(2023, 2, 1), dt.date(2023, 2, 28))
        assert [(s.submission_id, s.meeting_date, s.categories) for s in got] == [
            ("b", dt.date(2023, 2, 7), ("主题党日",))
        ]
        assert got[0].attendance == (Presence("李光振", "attended"),) and got[0].attendance_trusted


def test_similar_texts_finds_a_copy_from_another_branch_and_quotes_it(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "h.sqlite3") as store:
        store.record(
            sub("src", "一支部", dt.date(2023, 3, 1)), fingerprint_text(TEXT, ["李光振"], "记录.docx")
        )
        store.record(
            sub("else", "三支部", dt.date(2023, 3, 2)), fingerprint_text(OTHER, ["张明"], "记录.docx")
        )
        copy = fingerprint_text(TEXT.replace("李光振", "王芳"), ["王芳"], "本次.docx")
        found = store.similar_texts(copy, branch="二支部", exclude="mine", until=dt.date(2024, 3, 1))
        assert [m.submission_id for m in found] == ["src"]
        assert found[0].jaccard == 1.0 and not found[0].same_branch
        mine, theirs = found[0].passages[0]
        assert (
            mine.file == "本次.docx"
            and theirs.file == "记录.docx"
            and mine.text.replace("王芳", "李光振") == theirs.text
        )
        # a record held later than the one checked is not "earlier"
        assert store.similar_texts(copy, branch="二支部", exclude="mine", until=dt.date(2023, 2, 1)) == []
        # and a submission never matches itself
        assert store.similar_texts(copy, branch="一支部", exclude="src", until=None) == []


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    RecordStore(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO records_schema VALUES (99)")
    with pytest.raises(EnvironmentFault) as err:
        RecordStore(path)
    assert err.value.code == "history.incompatible"


def test_an_unwritable_place_is_a_chinese_input_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(EnvironmentFault) as err:
        RecordStore(blocker / "h.sqlite3")
    assert err.value.code == "history.unavailable"


def test_realdev_accounts_checked_one_after_another_match_nothing(tmp_path: Path) -> None:
    """The 52 realdev accounts (read in place), each filed as another branch's record: the store
    (LSH candidates, common shingles left out) reports no pair at the warning level."""
    from checks.rules.history import WARN_CONTAINMENT, WARN_JACCARD

    realdev = Path(__file__).resolve().parents[2].parent / "shared" / "realdev"
    if not realdev.is_dir():
        pytest.skip("../shared/realdev is not beside the repository")
    found = []
    with RecordStore(tmp_path / "h.sqlite3") as store:
        for i, path in enumerate(sorted(realdev.glob("[0-9][0-9][0-9].txt"))):
            text = "\n".join(path.read_text(encoding="utf-8").splitlines()[2:])
            fp = fingerprint_text(text, file=path.name)
            day = dt.date(2023, 1, 1) + dt.timedelta(days=i)
            found += [
                (path.name, m.submission_id, m.jaccard, m.containment)
                for m in store.similar_texts(fp, branch=f"支部{i}", exclude=path.name, until=day)
                if m.jaccard >= WARN_JACCARD or m.containment >= WARN_CONTAINMENT
            ]
            store.record(sub(path.name, f"支部{i}", day), fp)
        assert len(store) == 52
        # the control: the last account again, filed by yet another branch, is found
        again = store.similar_texts(fp, branch="另一支部", exclude="copy", until=None)
        assert [m.submission_id for m in again][:1] == [path.name] and again[0].jaccard == 1.0
    assert found == []
