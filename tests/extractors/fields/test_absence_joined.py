"""Absentees read without a roster where names are joined to each other or to their absence:
``甲和乙随劳务队在外地`` (two names joined by 和 before the reason they share), ``甲、乙未到`` (the
absence said right after the last name, no reason: not a name 乙未 with the reason 到), and a denial
said after names joined by 和 (``甲和乙在外务工,未请假``: said of both)."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

from extractors.fields.attendance import own_clauses


def absent(*texts: str) -> list[tuple[str | None, str | None]]:
    record = meeting(*texts, roster=[])
    return [(a.name, a.reason) for a in record.absentees]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "应到25人，实到22人，缺席3人：冉秋池在福建务工，宋听澜和周岚随村里劳务队在外地摘枸杞。",
            [
                ("冉秋池", "在福建务工"),
                ("宋听澜", "随村里劳务队在外地摘枸杞"),
                ("周岚", "随村里劳务队在外地摘枸杞"),
            ],
        ),
        (
            "应到25人，实到22人，缺席3人：冉秋池病假，宋听澜与周岚在外务工。",
            [("冉秋池", "病假"), ("宋听澜", "在外务工"), ("周岚", "在外务工")],
        ),
    ],
)
def test_two_names_joined_by_and_share_the_reason_after_them(text: str, want: list[tuple[str, str]]) -> None:
    assert sorted(absent(text)) == sorted(want)


@pytest.mark.parametrize(
    "text",
    [
        "应到25人，实到23人，周岚同志和宋听澜同志因病请假。",
        "应到25人，实到23人，周岚同志与宋听澜同志因病请假。",
        "应到25人，实到23人，宋听澜同志、周岚同志因病请假。",
    ],
)
def test_names_each_with_an_honorific_share_the_reason_after_them(text: str) -> None:
    assert sorted(absent(text)) == [("周岚", "因病"), ("宋听澜", "因病")]


@pytest.mark.parametrize(
    "text",
    [
        "应到25人，实到22人，缺席3人：冉秋池病假，宋听澜、周岚未到。",
        "应到25人，实到22人，缺席3人：冉秋池病假，宋听澜和周岚未到。",
        "应到25人，实到22人，缺席3人：冉秋池病假，宋听澜和周岚没来。",
    ],
)
def test_names_with_their_absence_and_no_reason_have_none(text: str) -> None:
    assert sorted(absent(text)) == sorted([("冉秋池", "病假"), ("宋听澜", None), ("周岚", None)])


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("应到25人，实到23人，缺席2人：宋听澜、周岚未到会，因公出差。", "因公出差"),
        ("应到25人，实到23人，缺席2人：宋听澜、周岚未到会，均在外务工。", "在外务工"),
    ],
)
def test_the_reason_after_the_absence_is_both_ones(text: str, reason: str) -> None:
    assert sorted(absent(text)) == [("周岚", reason), ("宋听澜", reason)]


def test_what_was_done_after_the_absence_is_no_reason_and_the_reason_before_stands() -> None:
    text = (
        "应到25人，实到23人。未到：因在海南开展冬季加代试验，党员宋听澜、周岚未能参会，会前已提交书面材料。"
    )
    assert sorted(absent(text)) == [
        ("周岚", "因在海南开展冬季加代试验"),
        ("宋听澜", "因在海南开展冬季加代试验"),
    ]


def test_a_denial_after_names_joined_by_and_is_said_of_both() -> None:
    norm = "宋听澜和周岚在外务工,未请假"
    assert all("未请假" in clause for clause in own_clauses("宋听澜", ["宋听澜", "周岚"], norm))
    assert own_clauses("宋听澜", ["宋听澜", "周岚"], "宋听澜病假,周岚未请假") == ["病假,"]


@pytest.mark.parametrize("roster", [["冉秋池", "宋听澜", "周岚", "张明华"], []])
def test_names_listed_as_not_there_then_each_reason_in_the_next_sentence(roster: list[str]) -> None:
    record = meeting(
        "应到20人，实到17人。",
        "截至会议开始，冉秋池、宋听澜、周岚3名同志仍未到场。",
        "其中冉秋池病假、宋听澜值班、周岚病假，均事先请过假。",
        roster=roster,
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("冉秋池", "病假"),
        ("宋听澜", "值班"),
        ("周岚", "病假"),
    ]


@pytest.mark.parametrize("roster", [["冉秋池", "宋听澜", "周岚", "张明华"], []])
def test_a_run_of_names_not_there_is_no_list_of_those_present(roster: list[str]) -> None:
    record = meeting("应到20人，实到17人。", "冉秋池、宋听澜、周岚3名同志仍未到场。", roster=roster)
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("冉秋池", None),
        ("宋听澜", None),
        ("周岚", None),
    ]


def test_a_head_said_twice_is_no_name() -> None:
    record = meeting(
        "支部党员36人，到会35人，未到1人。", "缺席人员及原因：缺席情况：（1）冉秋池，事假。", roster=[]
    )
    assert [(a.name, a.reason) for a in record.absentees] == [("冉秋池", "事假")]  # (not 席情况)


def test_in_unison_is_nobody_away() -> None:
    record = meeting(
        "应到13人，实到12人，缺席一人（均已向支部请假）。",
        "入党誓词由书记领读，与会党员齐声跟读。",
        roster=[],
    )
    assert record.absentees == []


def test_the_reasons_told_respectively_in_the_clause_after_the_leave() -> None:
    text = "应到25人，实到23人，宋听澜、周岚请假，分别为病假、事假。"
    assert absent(text) == [("宋听澜", "病假"), ("周岚", "事假")]
