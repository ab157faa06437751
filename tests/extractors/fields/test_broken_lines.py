"""A list of absentees cut where the page's lines end (``broken_lines``), read whole. Every line here
is our own."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

from extractors.fields.broken_lines import continues


def _read(*texts: str) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees]


@pytest.mark.parametrize(
    ("prev", "nxt"),
    [
        ("缺席：邝玉成（出差）、", "黎春燕（产假）"),  # ends at a separator
        ("缺席:邝玉成(出差)", ",黎春燕(产假)"),  # the next opens with one
        ("缺席：邝玉成（出差）、黎", "春燕（产假）"),  # a surname left alone
        ("缺席:邝玉成(出差),黎春", "燕(产假)"),  # one character carried over
        ("缺席：（邝玉成、黎春燕，在外地", "学习）"),  # a bracket left open
        ("缺:冯雅芃——领六年级合唱队去县里", "比赛"),  # a reason's last word on a line of its own
    ],
)
def test_a_list_goes_on_across_the_line_end(prev: str, nxt: str) -> None:
    assert continues(prev.replace("（", "(").replace("）", ")").replace("：", ":"), nxt.replace("）", ")"))


@pytest.mark.parametrize(
    ("prev", "nxt"),
    [
        ("缺席:无", "记录:黎春燕"),  # a label's own line
        ("缺席:邝玉成(出差)、黎春燕　缺", "应到16人,实到14人"),  # a mark, no name cut in two
        ("缺席:邝玉成;", "黎春燕右腿骨折,拄拐到会。"),  # a sentence ended at ;
        ("缺席:邝玉成(出差)。", "黎春燕主持会议"),
        ("缺:冯雅芃——领六年级合唱队去县里", "黎春燕"),  # a name on its own line: the next item
        ("缺席:邹晓东带学生参加市运动会", "甘露产假"),  # the next item, its name glued to its reason
        ("缺:冯雅芃——领六年级合唱队去县里", "内容"),  # a label
    ],
)
def test_a_list_ends_at_its_line(prev: str, nxt: str) -> None:
    assert not continues(prev, nxt)


def test_a_list_cut_three_times_is_read_whole() -> None:
    texts = (
        "应到20人，实到16人，缺席4人。",
        "缺席：邝玉成（去省里参加培训）",
        "，黎春燕（产假），欧阳",
        "明（住院），单雪（在外地）",
        "会议内容：",
    )
    assert _read(*texts) == [
        ("邝玉成", "去省里参加培训"),
        ("黎春燕", "产假"),
        ("欧阳明", "住院"),
        ("单雪", "在外地"),
    ]


def test_a_list_numbered_inside_its_line_and_cut() -> None:
    texts = ("应到15人，实到13人，缺席2人。", "缺席人员及原因：1.邝玉成（产假）2.黎", "春燕（外出学习）")
    assert _read(*texts) == [("邝玉成", "产假"), ("黎春燕", "外出学习")]


def test_a_count_cut_at_the_line_end_is_read_whole() -> None:
    """实到人数 2 / 1人: the page's line end cut the count 21."""
    record = meeting(
        "应到人数　23人　实到人数　2", "1人", "缺席人员及原因　杨甲富(在外务工)　滕乙芝(住院)", roster=[]
    )
    assert record.actual_count is not None and record.actual_count.value == 21
