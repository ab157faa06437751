"""Attendance rules fail only on positive evidence: what the minutes state in a form the parser
only half understood, or a reason written elsewhere, leaves the rule undecided (unknown)."""

from __future__ import annotations

import datetime as dt

from checks.context import CheckContext
from checks.registry import rules
from core.meta import Branch, Member, Plan, SubmissionMeta
from core.models import Absentee, Evidence, MeetingRecord, Status, Value

RULES = {r.code: r for r in rules()}
MEMBERS = [Member(name=f"党员{i}", role="党员") for i in range(10)]


def status(code: str, record: MeetingRecord) -> Status:
    ctx = CheckContext(
        meta=SubmissionMeta(meeting_date=dt.date(2023, 5, 8)),
        branch=Branch(members=MEMBERS),
        plan=Plan(),
        record=record,
        signin=None,
        photos=[],
        files=[],
    )
    result = RULES[code].fn(ctx)
    return (result[0] if isinstance(result, list) else result).status


def cue(text: str) -> list[Evidence]:
    return [Evidence("minutes.docx", text)]


def record(
    e: int | None = None,
    a: int | None = None,
    x: int | None = None,
    absentees: list[Absentee] | None = None,
    cues: dict[str, list[Evidence]] | None = None,
) -> MeetingRecord:
    v = lambda n: Value(n) if n is not None else None  # noqa: E731
    return MeetingRecord(
        expected_count=v(e), actual_count=v(a), absent_count=v(x), absentees=absentees or [], cues=cues or {}
    )


# ----------------------------------------------------------------- counts_missing


def test_no_attendance_in_any_form_fails() -> None:
    assert status("attendance.counts_missing", record()) == Status.FAIL


def test_attendance_written_in_a_form_not_read_is_unknown() -> None:
    half_read = record(cues={"attendance": cue("到会情况：大部分党员按时到会。")})
    assert status("attendance.counts_missing", half_read) == Status.UNKNOWN


def test_actual_without_expected_or_absent_is_unknown_not_fail() -> None:
    assert status("attendance.counts_missing", record(a=9)) == Status.UNKNOWN
    assert status("attendance.counts_missing", record(e=10, a=9)) == Status.PASS
    assert status("attendance.counts_missing", record(x=1)) == Status.UNKNOWN  # 缺1人, 实到 unread


# ----------------------------------------------------------------- absence_without_reason


def test_a_named_absentee_with_nothing_attached_fails() -> None:
    r = record(10, 9, 1, [Absentee("赵甲", None)])
    assert status("attendance.absence_without_reason", r) == Status.FAIL


def test_a_reason_written_elsewhere_makes_a_bare_name_unknown() -> None:
    r = record(10, 9, 1, [Absentee("赵甲", None)], {"absence_reason": cue("赵甲同志因公出差在外。")})
    assert status("attendance.absence_without_reason", r) == Status.UNKNOWN


def test_counted_absentees_without_any_reason_anywhere_fail() -> None:
    assert status("attendance.absence_without_reason", record(10, 8, 2)) == Status.FAIL


def test_counted_absentees_with_leave_written_elsewhere_are_unknown() -> None:
    r = record(10, 8, 2, cues={"absence_reason": cue("上述同志均已请假。")})
    assert status("attendance.absence_without_reason", r) == Status.UNKNOWN


def test_names_without_a_count_all_with_reasons_pass() -> None:
    r = record(absentees=[Absentee("赵甲", "病假"), Absentee("钱乙", "值班")])
    assert status("attendance.absence_without_reason", r) == Status.PASS


def test_nobody_absent_in_any_sentence_passes() -> None:
    assert status("attendance.absence_without_reason", record()) == Status.PASS


def test_absence_mentioned_but_not_read_is_unknown() -> None:
    r = record(cues={"absence": cue("个别党员因故缺席。")})
    assert status("attendance.absence_without_reason", r) == Status.UNKNOWN


def test_a_reason_said_of_one_named_absentee_covers_no_one_else() -> None:
    # 缺席两个,一个是邢立新,他去厂家参加培训了,还有一个…没来: the reason read without a name is 邢立新's
    rec = record(19, 17, 2, absentees=[Absentee("邢立新", "去厂家参加培训了")])
    rec.unnamed_leave = Value("一个是质检组的邢立新,他去厂家参加培训了")
    assert status("attendance.absence_without_reason", rec) == Status.UNKNOWN
    rec.unnamed_leave = Value("另一人事假")  # a reason of the one not named
    assert status("attendance.absence_without_reason", rec) == Status.PASS


def test_a_note_that_holds_nothing_a_reason_is_made_of_is_unknown_not_pass() -> None:
    for note in (
        "我表姐",
        '微信名"山水有约"',
        "手机停机了",
        "听说是回老家了，没核实",
        "爱人在县中医院当护士",
    ):
        r = record(10, 8, 2, [Absentee("赵甲", "病假"), Absentee("钱乙", note)])
        assert status("attendance.absence_without_reason", r) == Status.UNKNOWN, note
    # ... or one that says why only through an everyday act of one character: weakly, for a person
    for note in ("常驻城东分院", "头天晚上在群里说明天的会来不了"):
        r = record(10, 8, 2, [Absentee("赵甲", "病假"), Absentee("钱乙", note)])
        assert status("attendance.absence_without_reason", r) == Status.UNKNOWN, note
    # short and everyday reasons still pass: a leave's code, a shift, the family, the road, in either script
    for note in (
        "公",
        "夜班",
        "老伴透析，他陪着",
        "跑长途",
        "驾校考科目二",
        "新冠阳性居家",
        "產假",
        "出野外",
        "在校医院挂水",
    ):
        r = record(10, 8, 2, [Absentee("赵甲", "病假"), Absentee("钱乙", note)])
        assert status("attendance.absence_without_reason", r) == Status.PASS, note


def test_a_note_opening_with_a_pronoun_is_judged_by_what_it_says_the_person_did() -> None:
    r = record(10, 8, 2, [Absentee("赵甲", "病假"), Absentee("钱乙", "她在三亚南繁基地做加代繁育回不来")])
    assert status("attendance.absence_without_reason", r) == Status.PASS
    r = record(10, 8, 2, [Absentee("赵甲", "病假"), Absentee("钱乙", "她说的")])  # a pronoun holds no reason
    assert status("attendance.absence_without_reason", r) == Status.UNKNOWN
