"""A leave mark in brackets after a name and the reason after it (``leave_marks``), as sign-in
books mark those who asked leave: ``倪梅（请）因公出差 尚勇（请）身体不适``."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

from extractors.fields.leave_marks import marks_as_reasons

WANT = [("冉秋池", "因公出差"), ("宋听澜", "身体不适"), ("周岚", "因公出差")]


@pytest.mark.parametrize(
    "listed",
    [
        "冉秋池（请）因公出差宋听澜（请）身体不适周岚（请）因公出差",  # scanned: the gaps are gone
        "冉秋池（请）因公出差 宋听澜（请）身体不适 周岚（请）因公出差",
        "冉秋池（请假）因公出差，宋听澜（请假）身体不适，周岚（请假）因公出差",
    ],
)
def test_the_reason_after_each_mark_is_the_name_s(listed: str) -> None:
    record = meeting("应到16人，实到13人。", f"缺席人员及原因：签到册标注：{listed}", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == WANT


def test_a_mark_with_nothing_after_it_stays_the_leave_it_notes() -> None:
    text = "缺席人员及原因:冉秋池(病假);宋听澜(已请假)"
    assert marks_as_reasons(text) == text


def test_the_last_reason_ends_with_its_clause() -> None:
    assert (
        marks_as_reasons("请假:冉秋池(假)出差,宋听澜(假)病,其余到齐")
        == "请假:冉秋池(出差)、宋听澜(病),其余到齐"
    )


def test_a_mark_closed_by_the_next_item_has_no_reason_after_it() -> None:
    record = meeting("应到12人，实到10人。", "缺席人员：冉秋池（请假）、宋听澜（病假）", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [("冉秋池", "请假"), ("宋听澜", "病假")]
