"""plan.item_missing on records read from minutes: a planned item written in other words is done,
an item whose object is named in words the reader does not know is ``unknown`` (quoted), and an
item a completely read record never mentions fails."""

from __future__ import annotations

import datetime as dt

import pytest

from checks.context import CheckContext
from checks.registry import rules
from core.meta import Branch, Member, Plan, SubmissionMeta
from core.models import Origin, Status, TextSpan
from extractors.fields.minutes import extract_meeting
from extractors.layout.lines import sentences

RULE = next(r for r in rules() if r.code == "plan.item_missing")


def status(item: str, *texts: str) -> Status:
    lines = [ln for i, t in enumerate(texts) for ln in sentences(TextSpan(t, Origin("m.docx", paragraph=i)))]
    record = extract_meeting(
        lines, ["王芳", "张明"], default_date=dt.date(2023, 5, 6), plan_items=[item], source_files=["m.docx"]
    )
    outcome = RULE.fn(
        CheckContext(
            meta=SubmissionMeta(meeting_date=dt.date(2023, 5, 6)),
            branch=Branch(members=[Member(name="王芳", role="书记")]),
            plan=Plan(required_items=[item]),
            record=record,
            signin=None,
            photos=[],
            files=[],
        )
    )
    assert not isinstance(outcome, list)
    return outcome.status


@pytest.mark.parametrize(
    ("item", "text", "want"),
    [
        ("重温入党誓词", "王芳领誓，全体党员面对党旗庄严宣誓。", Status.PASS),
        ("缴纳党费", "会后党员们现场交了本月党费。", Status.PASS),
        ("学习《中国共产党章程》", "张明同志带领大家学习了《党章》总纲。", Status.PASS),
        ("缴纳党费", "党员们在手机上依次缴费。", Status.UNKNOWN),
        ("学习《中国共产党章程》", "会议期间，张明推荐大家课后阅读《章程》。", Status.UNKNOWN),
        ("缴纳党费", "王芳领誓，全体党员重温入党誓词。", Status.FAIL),
        ("学习《中国共产党章程》", "张明同志领学了《中国共产党纪律处分条例》。", Status.FAIL),
    ],
)
def test_plan_items_against_the_minutes(item: str, text: str, want: Status) -> None:
    assert status(item, "5月主题党日活动记录", text) is want
