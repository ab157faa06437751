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
        ("出席情况：实到八人（应到九人，缺席一人）。", False),  # the other counts in the bracket, no parts
        ("实到8人(应到9人,缺席1人)", False),
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


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        ("应到党员21名，实到19名，缺席2名。\n分组到会：第一党小组6人，第二党小组7人，第三党小组5人。", True),
        (
            "会议应到党员28人，请假2人，实到26人。按党小组签到：第一党小组9人，第二党小组8人，第三党小组8人。",
            True,
        ),
        ("应到24人，实到22人。\n分组到会：第一党小组8人，第二党小组7人，第三党小组6人，合计22人。", True),
        ("应到40人，实到36人。第一党小组到会13人、第二党小组到会12人、第三党小组到会11人。", False),  # 36
        ("应到党员21名，实到18名，缺席3名。\n分组到会：第一党小组6人，第二党小组7人，第三党小组5人。", False),
        ("应到20人，实到18人。分组到会：第一党小组9人，第二党小组8人，列席群众3人。", False),  # not counted
        (
            "应到28人，实到26人。支部设三个党小组：第一党小组9人，第二党小组10人，第三党小组9人。",
            False,
        ),  # members
    ],
)
def test_attendance_per_group_adding_up_to_another_number(text: str, apart: bool) -> None:
    assert ("count_grouped" in meeting(text, roster=[]).cues) is apart
