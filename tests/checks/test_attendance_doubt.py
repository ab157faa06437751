"""Counts that contradict each other or an independent source are doubted (unknown), never the
ground for a failure; counts that hold together still fail when they show a violation."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from checks.context import CheckContext
from checks.registry import rules
from core.meta import Branch, Member, Plan, SubmissionMeta
from core.models import Absentee, Evidence, MeetingRecord, Origin, StatedRate, Status, TextSpan, Value
from extractors.fields.minutes import extract_meeting
from extractors.layout.lines import sentences

RULES = {r.code: r for r in rules()}
MEMBERS = [Member(name=f"党员{i}", role="党员") for i in range(10)]


def ctx(record: MeetingRecord, reported: int | None = None) -> CheckContext:
    return CheckContext(
        meta=SubmissionMeta(meeting_date=dt.date(2023, 5, 8), reported_attendance=reported),
        branch=Branch(members=MEMBERS),
        plan=Plan(),
        record=record,
        signin=None,
        photos=[],
        files=[],
    )


def status(code: str, c: CheckContext) -> Status:
    result = RULES[code].fn(c)
    return (result[0] if isinstance(result, list) else result).status


def counts(
    e: int | None, a: int | None, x: int | None, absentees: list[Absentee] | None = None
) -> MeetingRecord:
    v = lambda n: Value(n) if n is not None else None  # noqa: E731
    return MeetingRecord(expected_count=v(e), actual_count=v(a), absent_count=v(x), absentees=absentees or [])


def _minutes(*paragraphs: str) -> MeetingRecord:
    lines = [
        x for i, p in enumerate(paragraphs) for x in sentences(TextSpan(p, Origin("m.docx", paragraph=i)))
    ]
    return extract_meeting(lines, [], default_date=None, plan_items=[], source_files=["m.docx"])


def test_actual_equal_to_expected_while_absentees_are_named_is_doubted() -> None:
    record = counts(10, 10, 2, [Absentee("赵甲", None), Absentee("钱乙", None)])  # 应出席10人 read as 实到
    assert status("attendance.counts_inconsistent", ctx(record)) == Status.UNKNOWN
    assert status("attendance.absence_without_reason", ctx(record)) == Status.UNKNOWN


def test_more_named_absentees_than_the_absent_count_is_doubted() -> None:
    record = counts(10, 9, 1, [Absentee("赵甲", None), Absentee("钱乙", "病假")])
    assert status("attendance.absence_without_reason", ctx(record)) == Status.UNKNOWN


def test_consistent_counts_with_a_bare_absentee_still_fail() -> None:
    record = counts(10, 9, 1, [Absentee("赵甲", None)])
    assert status("attendance.absence_without_reason", ctx(record)) == Status.FAIL


def test_a_written_absent_count_off_by_one_still_fails() -> None:
    record = counts(10, 8, 3, [Absentee("赵甲", "病假"), Absentee("钱乙", "事假")])
    assert status("attendance.counts_inconsistent", ctx(record, reported=8)) == Status.FAIL


def test_below_threshold_is_doubted_when_the_platform_figure_clears_it() -> None:
    record = counts(None, 5, None)
    assert status("attendance.below_threshold", ctx(record, reported=9)) == Status.UNKNOWN
    assert status("attendance.below_threshold", ctx(record, reported=5)) == Status.FAIL


def test_unnamed_leave_gives_every_absentee_a_reason() -> None:
    record = counts(10, 8, 2)
    assert status("attendance.absence_without_reason", ctx(record)) == Status.FAIL
    record.unnamed_leave = Value("请假")
    assert status("attendance.absence_without_reason", ctx(record)) == Status.PASS


def test_unnamed_leave_for_fewer_than_the_absent_is_no_pass() -> None:
    record = counts(10, 7, 3)  # 缺席3人，其中2人请假: the third is unexplained
    record.unnamed_leave, record.unnamed_leave_count = Value("请假"), 2
    assert status("attendance.absence_without_reason", ctx(record)) == Status.UNKNOWN
    record.absentees = [Absentee("赵甲", "病假")]
    assert status("attendance.absence_without_reason", ctx(record)) == Status.PASS


def test_parts_counted_by_reason_give_every_absentee_a_reason() -> None:
    record = _minutes("应到党员38人，缺席8人，其中5人在合肥带学生顶岗实习，2人病假，1人在天津担任大赛裁判。")
    assert status("attendance.absence_without_reason", ctx(record)) == Status.PASS


def test_counted_absentees_said_to_have_asked_no_leave_fail() -> None:
    record = _minutes("应到党员20人，实到17人，缺席3人。其中2人外出务工，1人未请假。")
    assert status("attendance.absence_without_reason", ctx(record)) == Status.FAIL
    record = _minutes("应到党员20人，实到17人，缺席3人。其中2人外出务工，1人在外地培训。")
    assert status("attendance.absence_without_reason", ctx(record)) == Status.PASS


def test_an_absentee_said_to_have_asked_no_leave_fails_whatever_else_is_said_of_leave() -> None:
    record = _minutes(
        "应到党员20人，实到18人，缺席2人：宋听澜（病假）、周岚。",
        "周岚没来，也没请假，电话打了两回没人接。",
        "书记强调，今后有事要提前请假。",
    )
    assert status("attendance.absence_without_reason", ctx(record)) == Status.FAIL
    record = _minutes("应到党员20人，实到18人，缺席2人：宋听澜（病假）、周岚。", "周岚会后补了请假手续。")
    assert status("attendance.absence_without_reason", ctx(record)) == Status.UNKNOWN


def test_more_on_leave_than_are_absent_covers_nobody() -> None:
    record = counts(10, 8, 2, [Absentee("赵甲", "病假")])  # the 8 present read as those on leave
    record.unnamed_leave, record.unnamed_leave_count = Value("请假"), 8
    assert status("attendance.absence_without_reason", ctx(record)) == Status.UNKNOWN
    record.unnamed_leave_count = 1
    assert status("attendance.absence_without_reason", ctx(record)) == Status.PASS


def test_a_list_with_only_the_expected_count_read_is_not_known_complete() -> None:
    record = counts(32, None, None, [Absentee("赵甲", "病假"), Absentee("钱乙", "出差")])
    assert status("attendance.absence_without_reason", ctx(record)) == Status.UNKNOWN
    record.expected_count = None  # no count at all: the list is all the record says
    assert status("attendance.absence_without_reason", ctx(record)) == Status.PASS


def test_derived_absence_with_fewer_reasoned_names_is_unknown() -> None:
    record = counts(10, 7, None, [Absentee("赵甲", "病假")])  # 3 absent by arithmetic, one named
    assert status("attendance.absence_without_reason", ctx(record)) == Status.UNKNOWN


def test_more_named_absentees_than_expected_minus_actual_is_doubted() -> None:
    record = counts(10, 9, None, [Absentee("赵甲", None), Absentee("钱乙", "病假")])
    assert status("attendance.absence_without_reason", ctx(record)) == Status.UNKNOWN
    record = counts(10, 8, None, [Absentee("赵甲", None), Absentee("钱乙", "病假")])
    assert status("attendance.absence_without_reason", ctx(record)) == Status.FAIL


def test_a_list_longer_than_the_actual_count_is_doubted() -> None:
    record = counts(10, 7, None)
    record.attendees = Value([f"党员{i}" for i in range(9)])  # nine listed, seven written as present
    assert status("attendance.below_threshold", ctx(record)) == Status.FAIL  # no independent count clears it
    record.absentees = [Absentee("赵甲", None)]
    assert status("attendance.absence_without_reason", ctx(record)) == Status.UNKNOWN


def test_a_figure_the_counts_leave_over_doubts_the_rate_and_the_sum() -> None:
    record = counts(10, 6, 3)
    assert status("attendance.below_threshold", ctx(record)) == Status.FAIL
    assert status("attendance.counts_inconsistent", ctx(record)) == Status.FAIL
    # 另有2名在家收看直播: the branch may count them as present
    record.cues["count_unplaced"] = [
        Evidence("minutes.docx", "应到10人，到场6人，另有2名在家收看直播，缺席3人。")
    ]
    assert status("attendance.below_threshold", ctx(record)) == Status.UNKNOWN
    assert status("attendance.counts_inconsistent", ctx(record)) == Status.UNKNOWN


def test_a_rate_over_present_plus_absent_is_no_pass_when_a_figure_is_left_over() -> None:
    record = counts(None, 31, 3)  # 全村党员四十名,流动党员六名在外未回,另有三人请假…到会的三十一名
    c = dataclasses.replace(ctx(record), branch=Branch())
    assert status("attendance.below_threshold", c) == Status.PASS
    record.cues["count_unplaced"] = [
        Evidence("minutes.docx", "全村党员四十名,流动党员六名在外未回,另有三人请假")
    ]
    assert status("attendance.below_threshold", c) == Status.UNKNOWN


def _with_cue(record: MeetingRecord, text: str) -> MeetingRecord:
    return dataclasses.replace(record, cues={"count_unplaced": [Evidence(file="minutes.docx", text=text)]})


def test_a_count_worked_out_from_the_others_with_a_figure_left_over_is_undecided() -> None:
    """实到 = 应到 − 缺席 holds by construction: with a number of people nothing accounts for in the
    attendance sentences, the check says it cannot tell (no pass on a circular check)."""
    worked_out = dataclasses.replace(
        counts(20, None, 2), actual_count=Value(18, inferred="由应到人数减缺席人数推算")
    )
    assert status("attendance.counts_inconsistent", ctx(worked_out)) == Status.PASS
    assert status("attendance.counts_inconsistent", ctx(_with_cue(worked_out, "本次实到17人。"))) == (
        Status.UNKNOWN
    )


def test_an_expected_count_not_read_with_a_figure_left_over_is_undecided() -> None:
    partial = counts(None, 26, 4)
    assert status("attendance.counts_inconsistent", ctx(partial)) == Status.PASS
    assert (
        status("attendance.counts_inconsistent", ctx(_with_cue(partial, "全支部党员31人。")))
        == Status.UNKNOWN
    )


def test_counts_all_read_are_checked_as_written_whatever_is_left_over() -> None:
    assert (
        status("attendance.counts_inconsistent", ctx(_with_cue(counts(20, 18, 2), "列席3人。")))
        == Status.PASS
    )


def test_a_ditto_with_no_reason_above_it_is_undecided() -> None:
    record = counts(10, 8, 2, [Absentee("赵甲", "〃"), Absentee("钱乙", "病假")])
    assert status("attendance.absence_without_reason", ctx(record)) == Status.UNKNOWN


def _rated(percent: float, at_least: bool = False) -> MeetingRecord:
    record = counts(21, 19, 2, [Absentee("赵甲", "病假"), Absentee("钱乙", "事假")])
    record.stated_rate = Value(StatedRate(percent, at_least))
    return record


def test_a_written_rate_the_counts_cannot_give_leaves_the_counts_to_a_person() -> None:
    assert status("attendance.counts_inconsistent", ctx(_rated(95.2))) == Status.UNKNOWN  # 19/21 = 90.5 %
    assert status("attendance.counts_inconsistent", ctx(_rated(95.0, at_least=True))) == Status.UNKNOWN


def test_a_written_rate_rounded_or_a_floor_below_agrees() -> None:
    assert status("attendance.counts_inconsistent", ctx(_rated(90.5))) == Status.PASS
    assert status("attendance.counts_inconsistent", ctx(_rated(90))) == Status.PASS
    assert status("attendance.counts_inconsistent", ctx(_rated(80, at_least=True))) == Status.PASS


def test_a_reason_for_another_day_than_the_meeting_is_undecided() -> None:
    code = "attendance.absence_without_reason"
    away = lambda reason: counts(10, 9, 1, [Absentee(name="党员3", reason=reason)])  # noqa: E731
    assert status(code, ctx(away("当天在城东分院值班"))) is Status.PASS
    assert status(code, ctx(away("上个月在省人民医院进修了两周"))) is Status.UNKNOWN
    # the meeting's day comes from the record first, else from the platform (2023-05-08, a Monday)
    assert status(code, ctx(away("每周一下午在窗口坐班"))) is Status.PASS
    assert status(code, ctx(away("每周四下午在窗口坐班"))) is Status.UNKNOWN
    dated = dataclasses.replace(away("每周四下午在窗口坐班"), date=Value(dt.date(2023, 5, 11)))
    assert status(code, ctx(dated)) is Status.PASS


def test_parts_of_those_present_that_add_up_to_another_number_leave_the_counts_undecided() -> None:
    said = Evidence(file="m.docx", text="应到党员10名，实到9名（其中正式党员7名、预备党员1名）；请假1名。")
    record = dataclasses.replace(counts(10, 9, 1), cues={"count_parts": [said]})
    assert status("attendance.counts_inconsistent", ctx(record)) == Status.UNKNOWN
    assert status("attendance.counts_inconsistent", ctx(counts(10, 9, 1))) == Status.PASS


def test_counts_that_add_up_but_name_more_absentees_than_the_count_go_to_a_person() -> None:
    record = counts(16, 15, 1, [Absentee("赵甲", "出差"), Absentee("钱乙", "产假")])  # 签到 marks two 假
    result = RULES["attendance.counts_inconsistent"].fn(ctx(record))
    outcome = result[0] if isinstance(result, list) else result
    assert outcome.status == Status.UNKNOWN
    assert "点名了2名缺席人员（赵甲、钱乙）" in outcome.message
    held = counts(16, 14, 2, [Absentee("赵甲", "出差"), Absentee("钱乙", "产假")])
    assert status("attendance.counts_inconsistent", ctx(held)) == Status.PASS


@pytest.mark.parametrize(
    ("cue", "text"),
    [
        ("count_signed", "签到表签名19人。"),
        ("count_tallied", "“e党建”平台到会确认：19人"),
        ("count_grouped", "分组到会：第一党小组6人，第二党小组7人，第三党小组6人。"),
        ("count_restated", "书记通报：今天实到党员十九名。"),
    ],
)
def test_counts_that_add_up_beside_another_tally_go_to_a_person(cue: str, text: str) -> None:
    tally = Evidence(file="m.docx", text=text)
    record = dataclasses.replace(counts(22, 20, 2), cues={cue: [tally]})
    result = RULES["attendance.counts_inconsistent"].fn(ctx(record))
    outcome = result[0] if isinstance(result, list) else result
    assert outcome.status == Status.UNKNOWN
    assert text in outcome.message
    assert status("attendance.counts_inconsistent", ctx(counts(22, 20, 2))) == Status.PASS


def test_absentees_listed_under_a_head_the_readers_could_not_place_are_left_to_a_person() -> None:
    paragraphs = [
        "应到12人　实到9人　缺3人",
        "缺：",
        "跟车在外（2人）：许志明、郎建平（广州线）",
        "探亲：尤小军（回甘肃看父母，月底回）",
        "一、管振华领学《中华人民共和国安全生产法》。",
    ]
    assert status("attendance.absence_without_reason", ctx(_minutes(*paragraphs))) == Status.UNKNOWN


def test_counts_that_add_up_beside_a_longer_list_of_those_present_go_to_a_person() -> None:
    listed = Value([f"党员{i}" for i in range(10)])
    record = dataclasses.replace(counts(12, 9, 3), attendees=listed)
    assert status("attendance.counts_inconsistent", ctx(record)) == Status.UNKNOWN
    held = dataclasses.replace(counts(12, 10, 2), attendees=listed)
    assert status("attendance.counts_inconsistent", ctx(held)) == Status.PASS


def test_a_leave_count_heading_a_shorter_list_is_no_pass() -> None:
    record = _minutes("应到20人，实到17人，请假3人（詹若虚：在省局培训中心学习；司徒蕙芷：病假）。")
    assert status("attendance.absence_without_reason", ctx(record)) == Status.UNKNOWN
    whole = _minutes("应到20人，实到17人，请假3人（詹若虚：在省局培训；司徒蕙芷：病假；韩立：出差）。")
    assert status("attendance.absence_without_reason", ctx(whole)) == Status.PASS


def test_a_duty_named_without_a_verb_is_a_reason() -> None:
    record = counts(10, 9, 1, [Absentee("欧阳秋实", "市局集中执法办案")])
    assert status("attendance.absence_without_reason", ctx(record)) == Status.PASS


def test_absentees_listed_under_a_mixed_heading_without_a_cause_are_undecided() -> None:
    record = _minutes("应到10人，实到8人，缺席2人。", "缺席情况：请假未参会：冉秋池、宋听澜。")
    assert [a.reason for a in record.absentees] == [None, None]
    assert status("attendance.absence_without_reason", ctx(record)) == Status.UNKNOWN
    # no leave written for them: nothing attached, a failure
    bare = _minutes("应到10人，实到8人，缺席2人。", "未请假：冉秋池、宋听澜。")
    assert status("attendance.absence_without_reason", ctx(bare)) == Status.FAIL
    # a section's label, the bare absentee after another's reason and a ;
    section = _minutes("应到10人，实到8人，缺席2人。", "请假情况：冉秋池请假（事假）；宋听澜缺席。")
    assert status("attendance.absence_without_reason", ctx(section)) == Status.FAIL
    # a section's label, the bare absentee after another's reason and a ;
    section = _minutes("应到10人，实到8人，缺席2人。", "请假情况：冉秋池请假（事假）；宋听澜缺席。")
    assert status("attendance.absence_without_reason", ctx(section)) == Status.FAIL


def test_absentees_listed_under_a_head_of_those_on_leave_asked_for_leave() -> None:
    """Listed under 请假人员: and said of nowhere else: their leave is noted (the organisation tells 请假 from 无故)."""
    record = _minutes("应到10人，实到8人，缺席2人。", "请假人员：冉秋池、宋听澜。")
    assert [a.reason for a in record.absentees] == ["请假", "请假"]
    assert status("attendance.absence_without_reason", ctx(record)) == Status.PASS
