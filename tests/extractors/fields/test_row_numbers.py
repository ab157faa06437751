"""Absentees named by their row on the sheet above them (``row_numbers``)."""

from __future__ import annotations

from fields_helpers import meeting

SHEET = [
    "序号　部门　工号　姓名　签到",
    "1　中心领导　CW0008　公孙立诚　公孙立诚",
    "2　总账核算部　CW0031　饶思琪　饶思琪",
    "3　费用报销部　CW0142　狄梦瑶　狄梦瑶",
    "4　税务管理部　CW0178　寇丽莎",
    "应到4人　实到3人",
]


def test_a_row_number_after_a_word_of_absence_is_the_name_on_that_row() -> None:
    record = meeting(*SHEET, "未签到：4号（在区税务局办理汇算清缴，当天未回中心）", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("寇丽莎", "在区税务局办理汇算清缴,当天未回中心")
    ]


def test_a_number_that_is_no_row_or_no_sheet_is_left_as_written() -> None:
    assert meeting(*SHEET, "未签到：9号（出差）", roster=[]).absentees == []
    assert meeting("应到4人　实到3人", "未签到：4号（出差）", roster=[]).absentees == []


def test_numbers_without_their_reasons_stay_numbers() -> None:
    """缺席：4。4号到医院复查: no name read bare of the reason told after it."""
    record = meeting(*SHEET, "缺席：4。4号到医院复查。", roster=[])
    assert [a.name for a in record.absentees if not a.reason] == []
