"""Absentees' reasons told around the list rather than beside each name: one cause for all after the
bracket of names, a heading that gives the cause, a form's next label; and what is no absentee (a count
and its people, someone said to have attended, run on after the list)."""

from __future__ import annotations

import pytest
from fields_helpers import meeting


def absent(*texts: str) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("缺席情况：缺席2人（冉秋池、宋听澜），原因均是病假。", "病假"),
        ("缺席人员及原因：请假二人（冉秋池、宋听澜），均为病假。", "病假"),
        ("缺席情况：请假2人（冉秋池、宋听澜），均为因公外出。", "因公外出"),
        ("缺席情况：因公外出未参会：冉秋池、宋听澜。", "因公外出"),
    ],
)
def test_one_cause_for_every_name_told_around_the_list(text: str, reason: str) -> None:
    assert absent("应到10人，实到8人，缺席2人。", text) == [("冉秋池", reason), ("宋听澜", reason)]


def test_a_forms_next_label_is_no_part_of_the_reason() -> None:
    text = "缺席情况：缺席名单 姓名：冉秋池 事由：家中有事 姓名：宋听澜 事由：事假"
    assert absent("应到10人，实到8人，缺席2人。", text) == [("冉秋池", "家中有事"), ("宋听澜", "事假")]


@pytest.mark.parametrize(
    "text",
    [
        "缺席人员及原因：1人因公外出请假。",
        "缺席人员及原因：1名同志因工作冲突已提前请假。",
        "缺席人员及原因：1名党员因事请假。",
    ],
)
def test_a_count_and_its_people_is_no_name(text: str) -> None:
    assert absent("应到10人，实到9人，缺席1人。", text) == []


def test_someone_said_to_have_attended_run_on_after_the_list_is_not_away() -> None:
    text = "缺席人员：冉秋池（因公出差）县中医院主要领导宋听澜同志作为普通党员参加了本次主题党日。"
    assert absent("应到10人，实到9人。", text) == [("冉秋池", "因公出差")]


def test_a_name_read_by_its_place_in_a_run_on_list_is_without_its_honorific() -> None:
    record = absent(
        "应到8人、实到6人，缺席2人。",
        "缺席人员及原因：冉秋池同志因公出差，已向支部书记请假。",
        "周岚同志外出培训，已向支部书记请假。",
    )
    assert record == [("冉秋池", "因公出差"), ("周岚", "外出培训")]
