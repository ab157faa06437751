"""Absentees written as the rows of a leave register (``extractors/fields/absence_registers.py``):
each row's cause under its label or in its column, not the next row's."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

ROSTER = ["冉秋池", "宋听澜", "周岚", "魏明远", "贺知章"]


@pytest.mark.parametrize("roster", [ROSTER, []])
@pytest.mark.parametrize(
    "rows",
    [
        ("请销假登记摘录：冉秋池　事由：因公出差　审批：同意；", "宋听澜　事由：外出培训　审批：同意。"),
        ("请假登记：冉秋池，事由：因公出差，已批准；", "宋听澜，事由：外出培训，已批准。"),
        ("缺席登记（姓名｜事由｜是否请假）：冉秋池｜因公出差｜是；", "宋听澜｜外出培训｜是。"),
    ],
)
def test_each_row_keeps_its_own_cause(rows: tuple[str, ...], roster: list[str]) -> None:
    record = meeting("应到13名，实到11名。", *rows, roster=roster)
    assert [(a.name, a.reason) for a in record.absentees] == [("冉秋池", "因公出差"), ("宋听澜", "外出培训")]


def test_a_cause_written_as_none_gives_no_reason() -> None:
    record = meeting(
        "应出席三十五人，实际出席三十三人。",
        "请销假登记摘录：冉秋池　事由：在外学习　审批：同意；宋听澜　事由：无　审批：未履行请假手续。",
        roster=ROSTER,
    )
    assert [(a.name, a.reason) for a in record.absentees] == [("冉秋池", "在外学习"), ("宋听澜", None)]


def test_rows_that_do_not_open_with_a_name_are_no_register() -> None:
    record = meeting("应到13名，实到12名。", "会议讨论了请假制度，事由：规范请假审批。", roster=ROSTER)
    assert record.absentees == []
