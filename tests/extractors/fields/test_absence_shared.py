"""Absentees named with their absence, then one reason said of them all in the next clause
(``extractors/fields/absence_shared.py``)."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

ROSTER = ["冉秋池", "宋听澜", "周岚", "魏明远", "贺知章", "张明华", "李伟", "王芳"]


def absent(text: str) -> list[tuple[str | None, str | None]]:
    record = meeting("应到8人，实到5人，缺席3人。", text, roster=ROSTER)
    return [(a.name, a.reason) for a in record.absentees]


@pytest.mark.parametrize(
    "text",
    [
        "会前点名，冉秋池、宋听澜、周岚未到，三人均为因公外出。",
        "冉秋池、宋听澜、周岚三位同志未参加，都是因公外出。",
        "冉秋池、宋听澜、周岚缺席。三人均因公外出。",
        "冉秋池、宋听澜、周岚未参加，均系因公外出。",
        # how the reason was learnt, between the absence and the reason
        "会前清点人数，冉秋池、宋听澜、周岚没到，经核对是因公外出。",
        "签到表上冉秋池、宋听澜、周岚未签名，会后电话核实，3人都是因公外出。",
        "冉秋池、宋听澜、周岚未到，经了解，均因公外出。",  # (经了解 is nobody)
    ],
)
def test_one_reason_said_of_all_the_absentees_named_before(text: str) -> None:
    assert absent(text) == [(n, "因公外出") for n in ("冉秋池", "宋听澜", "周岚")]


@pytest.mark.parametrize(
    "text",
    [
        "冉秋池、宋听澜、周岚未到，均未请假。",  # said of all, but no reason
        "冉秋池、宋听澜、周岚缺席。会议由张明华主持。",  # the next sentence is about something else
    ],
)
def test_no_shared_reason_when_none_is_said(text: str) -> None:
    assert absent(text) == [(n, None) for n in ("冉秋池", "宋听澜", "周岚")]


def test_a_name_before_its_honorific_without_a_roster() -> None:
    record = meeting(
        "党员8名，到会7名，1名未到。", "关于1名同志未参会的说明：冉秋池同志，外出开会。", roster=[]
    )
    assert [(a.name, a.reason) for a in record.absentees] == [("冉秋池", "外出开会")]  # not 冉秋池同
