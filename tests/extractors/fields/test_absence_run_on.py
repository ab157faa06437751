"""A numbered table of absentees run on in one line (``extractors/fields/absence_run_on.py``), and
reasons cleaned of what only tells the absence, its paperwork or the next row (``clean_reason``)."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

from extractors.fields.attendance import clean_reason

ROSTER = ["冉秋池", "宋听澜", "周岚", "魏明远", "贺知章", "张明华"]


def absent(*texts: str, roster: list[str] | None = None) -> list[tuple[str | None, str | None]]:
    record = meeting("应到6人，实到4人。", *texts, roster=ROSTER if roster is None else roster)
    return [(a.name, a.reason) for a in record.absentees]


@pytest.mark.parametrize(
    "text",
    [
        "未到会党员登记　序号　姓名　事由　1　冉秋池　身体不适　2　宋听澜　休产假",
        "缺席登记 序号 姓名 缺席原因 一 冉秋池 身体不适 二 宋听澜 休产假",
    ],
)
def test_a_numbered_table_run_on_in_one_line(text: str) -> None:
    assert absent(text) == [("冉秋池", "身体不适"), ("宋听澜", "休产假")]


def test_a_row_without_a_reason_in_a_run_on_table() -> None:
    text = "未到会党员登记 序号 姓名 事由 1 冉秋池 家中有事 2 宋听澜 未请假"
    assert absent(text) == [("冉秋池", "家中有事"), ("宋听澜", None)]


def test_rows_that_do_not_follow_the_numbers_are_no_run_on_table() -> None:
    # (the row numbers skip: the heading's width is not the rows')
    text = "未到会党员登记 序号 姓名 事由 1 冉秋池 家中有事 3 宋听澜 病假"
    assert ("冉秋池", "家中有事") not in absent(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("缺席人员及原因：因公出差的冉秋池同志未能参加本次活动。", [("冉秋池", "因公出差")]),
        (
            "缺席情况：冉秋池、宋听澜这回都是因公外出，没来成。",
            [("冉秋池", "因公外出"), ("宋听澜", "因公外出")],
        ),
        (
            "缺席情况：冉秋池因公出差，会前口头请假，会后已补签请假条；宋听澜病假，会前口头请假，会后已补签请假条。",
            [("冉秋池", "因公出差"), ("宋听澜", "病假")],
        ),
        ("缺席人员及原因：冉秋池说是病假，宋听澜说是值班。", [("冉秋池", "病假"), ("宋听澜", "值班")]),
        (
            "缺席人员及原因：冉秋池（值班，已通过）、宋听澜（事假，已通过）。",
            [("冉秋池", "值班"), ("宋听澜", "事假")],
        ),
        ("缺席人员：· 冉秋池　家中有事 · 宋听澜　病假", [("冉秋池", "家中有事"), ("宋听澜", "病假")]),
        (
            "缺席人员及原因：冉秋池因为值班，宋听澜由于病假，均未参加。",
            [("冉秋池", "值班"), ("宋听澜", "病假")],
        ),
        (
            "关于2名同志未参会的说明：冉秋池同志，事假；宋听澜同志，身体不适。",
            [("冉秋池", "事假"), ("宋听澜", "身体不适")],
        ),
        ("缺席情况：缺席登记（姓名｜事由｜是否请假）：冉秋池｜休产假｜是。", [("冉秋池", "休产假")]),
        (
            "签到表上，冉秋池一栏未签，备注“家中有事”；宋听澜一栏未签，备注“病假”。",
            [("冉秋池", "家中有事"), ("宋听澜", "病假")],
        ),
        ("缺席人员及原因：缺席人员1名（冉秋池）。", [("冉秋池", None)]),
    ],
)
def test_reasons_cleaned_of_what_only_tells_the_absence(
    text: str, want: list[tuple[str, str | None]]
) -> None:
    assert sorted(absent(text)) == sorted(want)


@pytest.mark.parametrize(
    "said",
    [
        "未请假",
        "均未请假",
        "都没请假",
        "本人未请假",
        "无故未请假",
        "未履行请假手续",
        "没说为什么",
        "未请假,原因不详",
    ],
)
def test_saying_no_leave_was_asked_is_no_reason(said: str) -> None:
    assert clean_reason(said) is None  # not the 未 left when the 请假 tail is cut


@pytest.mark.parametrize(
    ("said", "want"), [("病假", "病假"), ("不在本地", "不在本地"), ("未请假,在外打工", "未请假,在外打工")]
)
def test_a_reason_beside_no_leave_is_kept(said: str, want: str) -> None:
    assert clean_reason(said) == want


@pytest.mark.parametrize(
    ("said", "want"),
    [
        ("写的是“因公出差”", "因公出差"),  # the leave note's words, quoted
        ("“本人家中有事,特请假”", "家中有事"),  # ... less the note's formula
        ("“1·08”盗窃案蹲守", "“1·08”盗窃案蹲守"),  # a quote inside the reason stays
        ("病假◎", "病假"),  # the next item's bullet
        ("身体不适,当面", "身体不适"),  # how the leave was asked (请假 cut as the cue)
        ("请了假,说是事假", "事假"),
        ("休产假,没来", "休产假"),  # the absence itself, said after the reason
    ],
)
def test_reasons_cleaned_of_quotes_bullets_and_how_leave_was_asked(said: str, want: str) -> None:
    assert clean_reason(said) == want
