"""Absentees and counts in the forms a fourth writer used: reasons keyed by name in the leave's
bracket, groups told as 病假的有…, a form's label before the list's own head, a shared reason after
以上同志均系, counts as 应到/实到/缺席 figures in Chinese numerals, and the others away after the counts."""

from __future__ import annotations

import pytest
from fields_helpers import counts_of, meeting


def absent(*texts: str) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees]


def test_reasons_keyed_by_name_in_the_leaves_bracket() -> None:
    text = (
        "应到10人，实到7人。冉秋池、宋听澜请假未到（冉秋池：病假；宋听澜：因公出差），周岚缺席，未说明原因。"
    )
    assert absent(text) == [("冉秋池", "病假"), ("宋听澜", "因公出差"), ("周岚", None)]


def test_a_bracket_naming_others_than_those_before_it_is_no_key() -> None:
    text = "应到10人，实到8人。冉秋池、宋听澜请假未到（周岚：病假；魏明远：因公出差）。"
    assert ("冉秋池", "病假") not in absent(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "应到10人，实到7人。缺席3人。其中病假的有冉秋池、宋听澜；因公出差的有周岚。",
            [("冉秋池", "病假"), ("宋听澜", "病假"), ("周岚", "因公出差")],
        ),
        (
            "应到10人，实到7人。缺席3人。其中病假的有冉秋池、宋听澜；周岚未请假。",
            [("冉秋池", "病假"), ("宋听澜", "病假"), ("周岚", None)],
        ),
    ],
)
def test_groups_told_as_a_reason_and_who_had_it(text: str, want: list[tuple[str, str | None]]) -> None:
    assert absent(text) == want


def test_a_forms_label_before_the_lists_own_head() -> None:
    text = "应到14人，实到12人。缺席情况：未到人员及原因：1. 冉秋池：因公出差 2. 宋听澜：病假"
    assert absent(text) == [("冉秋池", "因公出差"), ("宋听澜", "病假")]


def test_a_shared_reason_after_以上同志均系() -> None:
    text = "应到10人，实到8人。未到会人员：冉秋池、宋听澜，以上同志均系因公外出。"
    assert absent(text) == [("冉秋池", "因公外出"), ("宋听澜", "因公外出")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("应到/实到/缺席：十九/十七/二（人）", (19, 17, 2)),
        ("应到/实到：三十六/三十五（人）。", (36, 35, None)),
        ("出席情况：党员人数：应到二十九　实到二十五　缺席四", (29, 25, 4)),
        ("本次会议党员应到23人，到会23人，另有0人缺会。", (23, 23, 0)),
        ("本次会议党员应到10人，到会8人，另有2人缺会。", (10, 8, 2)),
    ],
)
def test_counts_in_chinese_figures_and_the_others_away(text: str, want: tuple[int | None, ...]) -> None:
    assert counts_of(meeting(text, roster=[])) == want


def test_a_holiday_opens_the_reason_after_a_name() -> None:
    text = "应到20人，实到18人，缺席2人：冉秋池腰椎手术后住院，宋听澜春节回外省老家。"
    assert absent(text) == [("冉秋池", "腰椎手术后住院"), ("宋听澜", "春节回外省老家")]


def test_a_nickname_with_the_full_name_first_in_its_bracket() -> None:
    text = "应到25人，实到23人，请假2人：冉秋池（在县城陪读）、彭老幺（彭德明，在山上看护茶园防野猪）。"
    assert absent(text) == [("冉秋池", "在县城陪读"), ("彭德明", "在山上看护茶园防野猪")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "应到10人，实到7人。组织委员报告出勤情况：冉秋池因公出差，宋听澜病假，已按规定请假；周岚未请假，也未说明原因。",
            [("冉秋池", "因公出差"), ("宋听澜", "病假"), ("周岚", None)],
        ),
        (
            "应到10人，实到7人。缺席：【病假】冉秋池【因公出差】宋听澜【未请假】周岚",
            [("冉秋池", "病假"), ("宋听澜", "因公出差"), ("周岚", None)],
        ),
        (
            "应到10人，实到8人。未到会党员去向及原因说明——冉秋池：外出培训；宋听澜：去向不明，未请假。",
            [("冉秋池", "外出培训"), ("宋听澜", None)],
        ),
        (
            "应到10人，实到8人。冉秋池同志休产假，记请假一次。宋听澜同志无故未到，记缺席一次。",
            [("冉秋池", "休产假"), ("宋听澜", None)],
        ),
    ],
)
def test_reasons_tagged_reported_or_recorded_and_one_without(
    text: str, want: list[tuple[str, str | None]]
) -> None:
    assert absent(text) == want


def test_absent_without_leave_is_no_leave() -> None:
    assert absent("应到10人，实到8人。冉秋池、宋听澜缺席，均未请假。") == [("冉秋池", None), ("宋听澜", None)]
    assert absent("应到10人，实到8人。冉秋池、宋听澜缺席，均已请假。") == [
        ("冉秋池", "请假"),
        ("宋听澜", "请假"),
    ]
    assert absent("缺席人员：冉秋池、宋听澜", "缺席原因：病假、出差") == [
        ("冉秋池", "病假"),
        ("宋听澜", "出差"),
    ]


def test_a_rule_complied_with_after_the_counts_is_no_group_of_absentees() -> None:
    text = "主持人通报了应到会党员人数为19名，实到党员人数18名，符合党章和基层组织选举的有关规定，随后宣布表决通过选举办法。"
    assert absent(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("应到12人，实到11人，只有冉秋池同志因在外地打工没有参加。", [("冉秋池", "因在外地打工")]),
        ("应到12人，实到11人。冉秋池同志外出务工，已委托家人请假。", [("冉秋池", "外出务工")]),
        ("应到12人，实到11人。冉秋池同志请假了，她母亲住院需要照顾。", [("冉秋池", "母亲住院需要照顾")]),
        ("应到12人，实到11人。冉秋池同志家中有急事临时请假。", [("冉秋池", "家中有急事")]),
        (
            "应到12人，实到10人，缺席：冉秋池 宋听澜（均已请假，原因：外出务工）",
            [("冉秋池", "外出务工"), ("宋听澜", "外出务工")],
        ),
    ],
)
def test_the_leave_s_telling_around_a_reason_is_no_part_of_it(text: str, want: list[tuple[str, str]]) -> None:
    assert absent(text) == want


def test_a_shared_leave_with_a_make_up_after_it_keeps_the_leave() -> None:
    text = "应到12人，实到10人，缺席：冉秋池、宋听澜（均已请假，会后补学）"  # no reason told after the leave
    assert absent(text) == [("冉秋池", "请假"), ("宋听澜", "请假")]


def test_names_after_the_counts_as_many_as_they_leave_out_are_away() -> None:
    # a meeting elsewhere (在上海参加学术会议) is where one was, not what one did at this meeting
    lines = ("应到17人，实到15人。", "冉秋池在上海参加学术会议，宋听澜回老家处理家里的事。")
    assert absent(*lines) == [("冉秋池", "在上海参加学术会议"), ("宋听澜", "回老家处理家里的事")]


@pytest.mark.parametrize(
    "after",
    [
        "冉秋池在上海参加学术会议。",  # one name where the counts leave out two
        "冉秋池在会上传达了上级精神，宋听澜带领大家重温入党誓词。",  # what they did at the meeting
    ],
)
def test_names_after_the_counts_that_do_not_add_up_or_were_there_are_not_away(after: str) -> None:
    assert absent("应到17人，实到15人。", after) == []
