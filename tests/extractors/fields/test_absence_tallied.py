"""Absentees counted by reason and not named (``extractors/fields/absence_tallied.py``): read
only when the parts add up to the absence."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

from extractors.fields import absence_tallied


def leave(*texts: str) -> tuple[str | None, int | None]:
    record = meeting(*texts, roster=[])
    return (record.unnamed_leave.value if record.unnamed_leave else None), record.unnamed_leave_count


@pytest.mark.parametrize(
    ("texts", "count"),
    [
        (("全村党员四十一名，参加活动三十六名，其余五名党员均在外地务工。",), 5),
        (
            (
                "全村有选举权的党员47名，到会41名。",
                "未到会的6名党员中，5名在外地务工，1名因病卧床，均已向总支请假。",
            ),
            6,
        ),
        (("应到党员38人，缺席8人，其中5人在合肥带学生顶岗实习，2人病假，1人在天津担任大赛裁判。",), 8),
        # a part's own breakdown in brackets is no more parts
        (("支部共有党员27名，参会23名，4名在外务工党员（广东2名、浙江2名）已书面请假。",), 4),
        # the reason before the count
        (("支部党员共22人，现场参会12人，线上参会7人；ICU值班、手术台上3人未参会。",), 3),
    ],
)
def test_parts_counted_by_reason_that_add_up_to_the_absence(texts: tuple[str, ...], count: int) -> None:
    reason, covered = leave(*texts)
    assert reason is not None and covered == count


def test_the_parts_and_the_absentees_named_add_up_together() -> None:
    record = meeting(
        "全村党员41名，到会35名，没能到会的7人里，冉秋池、宋听澜两人在中宁摘枸杞，周岚在银川陪读，"
        "魏明远、贺知章两人跟着劳务队去了新疆拾棉花，还有两人卧床不起。",
        roster=["冉秋池", "宋听澜", "周岚", "魏明远", "贺知章"],
    )
    assert len([a for a in record.absentees if a.reason]) == 5
    assert record.unnamed_leave is not None and record.unnamed_leave_count == 2


@pytest.mark.parametrize(
    "texts",
    [
        ("应到党员38人，缺席8人，其中5人在合肥带学生顶岗实习，2人病假。",),  # 7 of 8: one not told
        ("应到20人，实到18人。会上，3名党员在学习中作了发言。",),  # no word of absence, and not 2
        ("应到20人，实到17人，其中2人参会迟到，1人现场发言。",),  # those who came
    ],
)
def test_no_tally_when_the_parts_do_not_add_up_or_are_no_reasons(texts: tuple[str, ...]) -> None:
    assert leave(*texts) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "应到党员20人，缺席3人，其中2人外出务工，1人未请假。",
        "应到党员20人，实到17人，缺席3人。其中2人外出务工，1人无故缺席。",
    ],
)
def test_a_part_said_to_have_asked_no_leave_is_positive_evidence(text: str) -> None:
    record = meeting(text, roster=[])
    assert record.unnamed_leave is None
    assert [e.text for e in record.cues["absence_refused"]] == [text.split("。")[-2]]


def test_no_refusal_read_when_the_parts_do_not_add_up() -> None:
    record = meeting("应到党员20人，缺席4人，其中2人外出务工，1人未请假。", roster=[])
    assert "absence_refused" not in record.cues


def test_nothing_is_read_without_the_number_away() -> None:
    assert meeting("其中5人外出务工。", roster=[]).unnamed_leave is None
    assert absence_tallied.tallied([], None, []) is None and absence_tallied.refused([], 0, []) == []


def test_a_denial_of_one_counted_is_not_said_of_the_absentee_named_before() -> None:
    record = meeting(
        "会议应到党员20人，实到17人。",
        "缺席3人：党员教师冉秋池病假，体育组党员宋听澜带田径队去市体育中心比赛，另有1人未请假。",
        roster=["冉秋池", "宋听澜", "周岚"],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("冉秋池", "病假"),
        ("宋听澜", "带田径队去市体育中心比赛"),
    ]
    assert "absence_refused" in record.cues and "absence_denied" not in record.cues
