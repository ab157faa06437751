"""A sentence saying of an absentee read without a reason that they asked no leave is a denial
(``absence_denied``), not another sentence that may hold their reason (``absence_reason``)."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

ROSTER = ["冉秋池", "宋听澜", "周岚", "魏明远", "贺知章"]


@pytest.mark.parametrize(
    "said",
    [
        "周岚未请假。",
        "老三（周岚），未请假。",
        "周岚没来，也没请假，电话打了两回没人接。",
        "兰书记最后说，周岚没请假，也没说明原因，散会后组织委员去找他谈一谈。",
        "周岚是流动党员，电话联系不上，原因不明。",
    ],
)
def test_a_denial_said_of_an_absentee_without_a_reason(said: str) -> None:
    record = meeting("应到5人，实到3人，缺席2人：冉秋池（在外地出差）、周岚。", said, roster=ROSTER)
    assert [(a.name, a.reason) for a in record.absentees] == [("冉秋池", "在外地出差"), ("周岚", None)]
    assert [e.text for e in record.cues["absence_denied"]] == [said]
    assert said not in [e.text for e in record.cues.get("absence_reason", [])]


@pytest.mark.parametrize(
    "said",
    [
        "周岚会后说明了情况。",  # may be a reason: left to a person
        "周岚另有安排，未到的其他同志未请假的要补假。",  # the denial after a clause on others
        "书记强调，以后未请假缺席的要通报。",  # of nobody named
    ],
)
def test_no_denial_of_the_absentee_when_it_is_not_said_of_them(said: str) -> None:
    record = meeting("应到5人，实到3人，缺席2人：冉秋池（在外地出差）、周岚。", said, roster=ROSTER)
    assert "absence_denied" not in record.cues


def test_not_having_told_the_branch_is_a_denial_said_of_the_absentee() -> None:
    text = "应到党员21人，实到20人。缺席1人：冉秋池。冉秋池年后去了广东，会前没有向支部讲明情况。"
    assert "absence_denied" in meeting(text, roster=[]).cues
