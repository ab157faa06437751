"""A count of those present whose bracketed parts add up to another number (``count_parts``).
Every sentence here is our own."""

from __future__ import annotations

import pytest
from fields_helpers import lines_of, meeting

from extractors.fields.count_parts import disagreeing, signed_apart


@pytest.mark.parametrize(
    ("text", "contradicts"),
    [
        ("应到党员30名，实到27名（其中正式党员24名、预备党员2名）；请假3名。", True),
        ("应到党员30名，实到27名（其中正式党员25名、预备党员2名）；请假3名。", False),
        ("应到40人，实到36人（其中一组13人、二组12人、三组10人），请假4人。", True),
        ("应到12人，实到10人（含列席2人），缺席2人。", False),  # one part, and of people not counted
        ("实到20人（其中党员18人、入党积极分子3人）。", False),  # those not counted are no part
        ("实到党员：27人（贰拾陆人），请假4人。", True),  # the figure in words is another number
        ("应到31人（叁拾壹人），实到27人（贰拾柒人）。", False),
        ("缺席2人（张三、李四）。", False),
    ],
)
def test_parts_of_those_present_that_add_up_to_another_number(text: str, contradicts: bool) -> None:
    assert bool(disagreeing(lines_of(text))) is contradicts


def test_the_contradiction_is_a_cue_of_the_record() -> None:
    record = meeting("应到党员30名，实到27名（其中正式党员24名、预备党员2名）；请假3名。", roster=[])
    assert [e.text for e in record.cues["count_parts"]] == [
        "应到党员30名，实到27名（其中正式党员24名、预备党员2名）；"
    ]


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        ("应到22人，实到20人，缺席2人。签到表签名19人。", True),
        ("应到22人，实到20人，缺席2人。签到表签名20人。", False),
        ("实到14名。签到表上共有17人签名，除14名正式党员外，另有发展对象和列席人员3人。", False),
        ("实到23名。附：签到表共24人签名（原件存档）。", True),
    ],
)
def test_a_sign_in_tally_that_is_not_the_count_of_those_present(text: str, apart: bool) -> None:
    record = meeting(text, roster=[])
    assert bool(signed_apart(lines_of(text), record.actual_count.value)) is apart
    assert ("count_signed" in record.cues) is apart


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        ("应到党员19人，实到16人，缺席3人。“智慧党建”平台到会确认：17人", True),
        ("应到党员19人，实到16人，缺席3人。钉钉签到16人。", False),  # the same figure
        ("实到16人。平台签到18人，其中列席人员2人。", False),  # others who came
    ],
)
def test_a_platform_tally_that_is_not_the_count_of_those_present(text: str, apart: bool) -> None:
    assert ("count_tallied" in meeting(text, roster=[]).cues) is apart
