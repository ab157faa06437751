"""Reasons told after 其中 for absentees the sentence has already named (``absence_among``)."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

from extractors.fields.absence_among import among_reasons

COUNTS = "应到12人，实到9人，"


@pytest.mark.parametrize(
    "told",
    [
        "其中冉秋池同志是因为参加县人大会议，宋听澜、周岚两位同志是因为在外地务工。",
        "其中冉秋池同志因参加县人大会议，宋听澜、周岚两位同志因在外地务工。",
        "其中冉秋池参加县人大会议，宋听澜和周岚在外地务工。",
    ],
)
def test_each_clause_after_among_gives_its_people_their_reason(told: str) -> None:
    for roster in (["冉秋池", "宋听澜", "周岚", "张明华"], []):
        record = meeting(COUNTS + "冉秋池、宋听澜、周岚三位同志未到会，" + told, roster=roster)
        assert [(a.name, (a.reason or "").removeprefix("因")) for a in record.absentees] == [
            ("冉秋池", "参加县人大会议"),
            ("宋听澜", "在外地务工"),
            ("周岚", "在外地务工"),
        ]


def test_one_named_after_among_and_one_not_keeps_the_other_without_a_reason() -> None:
    assert among_reasons("甲乙未到会,其中冉秋池同志病假,会上学习了文件", ["冉秋池", "宋听澜"]) == {
        "冉秋池": "病假"
    }


def test_a_clause_naming_nobody_goes_on_the_reason_before_it() -> None:
    assert among_reasons("其中冉秋池因病住院,至今未出院", ["冉秋池"]) == {"冉秋池": "因病住院,至今未出院"}


def test_without_among_nothing_is_told() -> None:
    assert among_reasons("冉秋池同志因病住院", ["冉秋池"]) == {}
