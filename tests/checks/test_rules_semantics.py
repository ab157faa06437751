"""Rule edge cases the corpus does not reach: unknown instead of guesses, warnings, fallbacks."""

from __future__ import annotations

import datetime as dt

import pytest

from checks.context import CheckContext
from checks.registry import rules
from core.meta import Branch, Member, Plan, SubmissionMeta
from core.models import (
    Absentee,
    Evidence,
    MeetingRecord,
    PhotoFacts,
    Problem,
    SigninSheet,
    Status,
    StudyItem,
    Value,
)

RULES = {r.code: r for r in rules()}


def ctx(**kw) -> CheckContext:
    base = dict(
        meta=SubmissionMeta(
            meeting_date=dt.date(2022, 12, 23),
            reported_attendance=23,
            uploaded_at=dt.datetime(2022, 12, 27, 9, 30, tzinfo=dt.UTC),
        ),
        branch=Branch(
            members=[Member(name="李光振", role="书记"), Member(name="周八", role="党员")], leaders=["王建国"]
        ),
        plan=Plan(),
        record=MeetingRecord(),
        signin=None,
        photos=[],
        files=[],
    )
    base.update(kw)
    return CheckContext(**base)


def status(code: str, c: CheckContext) -> list[Status]:
    result = RULES[code].fn(c)
    return [o.status for o in (result if isinstance(result, list) else [result])]


def said(name: str, text: str) -> Value[str]:
    return Value(name, [Evidence(file="m.docx", text=text)])


def test_presider_role_from_roster_or_title_else_unknown() -> None:
    assert status(
        "presider.not_authorized", ctx(record=MeetingRecord(presider=said("周八", "由周八主持")))
    ) == [Status.FAIL]
    no_roster = Branch()
    titled = MeetingRecord(presider=said("张莹", "由张莹支部书记主持"))
    bare = MeetingRecord(presider=said("张莹", "主持人：张莹"))
    assert status("presider.not_authorized", ctx(branch=no_roster, record=titled)) == [Status.PASS]
    assert status("presider.not_authorized", ctx(branch=no_roster, record=bare)) == [Status.UNKNOWN]


def test_a_presider_written_by_office_alone_is_the_rosters_holder_else_unknown() -> None:
    office = MeetingRecord(presider=said("支部书记", "活动由支部书记主持"))
    assert status("presider.missing", ctx(record=office)) == [Status.PASS]  # the roster's one 书记
    assert status("presider.missing", ctx(branch=Branch(), record=office)) == [Status.UNKNOWN]
    named = MeetingRecord(presider=said("张莹", "活动由支部书记张莹主持"))
    assert status("presider.missing", ctx(branch=Branch(), record=named)) == [Status.PASS]


def test_a_presider_written_by_a_short_office_is_an_office_too() -> None:
    """支书 / 组委 for the presider (主持人：支书, no name anywhere) name no one without a roster."""
    for office in ("支书", "村支书", "组委", "党小组长"):
        record = MeetingRecord(presider=said(office, f"主持人：{office}"))
        assert status("presider.missing", ctx(branch=Branch(), record=record)) == [Status.UNKNOWN]
    village = MeetingRecord(presider=said("村支书", "会议由村支书主持"))
    assert status("presider.missing", ctx(record=village)) == [Status.PASS]  # the roster's one 书记


def test_a_presider_written_by_surname_and_office_alone_is_the_rosters_holder_else_unknown() -> None:
    """王书记 with no full name anywhere: the roster's 书记 of that surname, else a person decides."""
    called = MeetingRecord(presider=said("李书记", "活动由李书记主持"))
    assert status("presider.missing", ctx(record=called)) == [Status.PASS]  # the roster's 书记 李光振
    other = MeetingRecord(presider=said("王书记", "活动由王书记主持"))
    assert status("presider.missing", ctx(record=other)) == [Status.UNKNOWN]
    assert status("presider.missing", ctx(branch=Branch(), record=called)) == [Status.UNKNOWN]


def test_low_confidence_ocr_value_is_unknown_not_pass() -> None:
    shaky = Value("李光振", [Evidence(file="p.jpg", text="由李光振主持")], confidence=0.5)
    assert status("presider.missing", ctx(record=MeetingRecord(presider=shaky))) == [Status.UNKNOWN]
    sheet = SigninSheet(Value(23, [], confidence=0.4))
    assert status("signin.count_mismatch", ctx(signin=sheet)) == [Status.UNKNOWN]


def test_missing_evidence_is_unknown_while_images_are_unread() -> None:
    assert status("minutes.missing", ctx(record=None, unread=["a.jpg"])) == [Status.UNKNOWN]
    assert status("minutes.missing", ctx(record=None)) == [Status.FAIL]
    assert status("signin.missing", ctx(unread=["a.jpg"])) == [Status.UNKNOWN]
    assert status("photos.missing", ctx()) == [Status.FAIL]


def test_signin_photo_that_could_not_be_read_is_unknown_not_missing() -> None:
    from core.models import EvidenceFile, ExtractedFile, FileKind, Role

    photo = EvidenceFile("签到表.jpg", FileKind.JPEG, b"", "0" * 64)
    files = [ExtractedFile(photo, None, Role.SIGNIN, ocr=True)]
    assert status("signin.missing", ctx(files=files)) == [Status.UNKNOWN]


MINUTES_RULES = (
    "presider.missing",
    "presider.not_authorized",
    "oath_leader.missing",
    "study.missing",
    "study.material_missing",
    "plan.item_missing",
    "attendance.counts_missing",
    "attendance.counts_inconsistent",
    "attendance.below_threshold",
    "attendance.absence_without_reason",
)


@pytest.mark.parametrize("code", MINUTES_RULES)
def test_rules_needing_minutes_are_unknown_without_them(code: str) -> None:
    result = RULES[code].fn(ctx(record=None, plan=Plan(required_items=["缴纳党费"], materials=["《党章》"])))
    assert result.status == Status.UNKNOWN and "未找到会议记录" in result.message, code


@pytest.mark.parametrize("code", ["study.material_missing", "plan.item_missing"])
def test_nothing_planned_passes_without_minutes(code: str) -> None:
    assert status(code, ctx(record=None, plan=Plan())) == [Status.PASS]


def test_self_check_without_upload_time_uses_now() -> None:
    meta = SubmissionMeta(meeting_date=dt.date(2022, 12, 23))
    late = ctx(meta=meta, now=dt.datetime(2023, 1, 9, tzinfo=dt.UTC))
    early = ctx(meta=meta, now=dt.datetime(2022, 12, 26, tzinfo=dt.UTC))
    assert status("upload.late", late) == [Status.FAIL]
    assert status("upload.late", early) == [Status.PASS]


def test_unknown_year_says_it_fell_back_to_weekdays() -> None:
    meta = SubmissionMeta(
        meeting_date=dt.date(2090, 1, 6), uploaded_at=dt.datetime(2090, 1, 9, tzinfo=dt.UTC)
    )
    result = RULES["upload.late"].fn(ctx(meta=meta))
    assert result.status == Status.PASS and "周一至周五" in result.message


def test_upload_day_is_taken_in_china_time() -> None:
    # 2022-12-30 17:00 UTC is 2022-12-31 01:00 in Beijing: one day past the 5-working-day limit
    meta = SubmissionMeta(
        meeting_date=dt.date(2022, 12, 23), uploaded_at=dt.datetime(2022, 12, 30, 17, tzinfo=dt.UTC)
    )
    assert status("upload.late", ctx(meta=meta)) == [Status.FAIL]


def test_leader_rule_warns_without_configured_leaders() -> None:
    assert status("leader.absent", ctx(branch=Branch())) == [Status.WARN]


def test_a_leader_missing_from_a_sheet_short_of_those_present_is_unknown_not_absent() -> None:
    signed = [Value(n, [Evidence(file="s.jpg", text=n)], confidence=1.0) for n in ("李光振", "周八")]
    record = MeetingRecord(actual_count=Value(3))  # 实到3人, two signatures: one came and did not sign
    sheet = SigninSheet(Value(2), signed)
    assert status("leader.absent", ctx(record=record, signin=sheet)) == [Status.UNKNOWN]
    record = MeetingRecord(actual_count=Value(2))  # everyone present signed, the leader is not among them
    assert status("leader.absent", ctx(record=record, signin=sheet)) == [Status.FAIL]


def test_photo_dates_and_reuse() -> None:
    same_day = PhotoFacts("a.jpg", dt.datetime(2022, 12, 23, 15, 2))
    other_day = PhotoFacts("b.jpg", dt.datetime(2022, 11, 23, 15, 2))
    no_exif = PhotoFacts("c.jpg", None)
    assert status("photos.date_mismatch", ctx(photos=[same_day])) == [Status.PASS]
    assert status("photos.date_mismatch", ctx(photos=[same_day, other_day])) == [Status.FAIL]
    assert status("photos.date_mismatch", ctx(photos=[same_day, no_exif])) == [Status.WARN]
    reused = PhotoFacts("d.jpg", None, duplicate_of="a.jpg")
    assert status("photos.reused", ctx(photos=[same_day, reused])) == [Status.FAIL]
    assert status("photos.reused", ctx(photos=[same_day])) == [Status.PASS]


def test_unreadable_inputs_fail_ocr_failures_need_review_ignored_types_warn() -> None:
    problems = [
        Problem("a.docx", "input.unreadable", "已损坏"),
        Problem("b.jpg", "ocr.timeout", "识别超时"),
        Problem("c.txt", "input.unsupported_type", "不支持", blocking=False),
    ]
    assert status("input.unreadable", ctx(problems=problems)) == [Status.FAIL, Status.UNKNOWN, Status.WARN]


def test_absence_reason_collective_or_listed() -> None:
    collective = MeetingRecord(expected_count=Value(25), actual_count=Value(23), absent_count=Value(2))
    assert status("attendance.absence_without_reason", ctx(record=collective)) == [Status.FAIL]


def test_absence_reason_possibly_borrowed_from_the_next_name_is_for_a_person() -> None:
    listed = [Absentee("石老幺", "腰伤卧床"), Absentee("田茂坤", "腰伤卧床")]
    said = Evidence("a.docx", "缺席名单：杨光荣（务工）、吴德秀（陪护）、石老幺、田茂坤（腰伤卧床）")
    record = MeetingRecord(absentees=listed, cues={"absence_shared": [said]})
    assert status("attendance.absence_without_reason", ctx(record=record)) == [Status.UNKNOWN]
    assert status("attendance.absence_without_reason", ctx(record=MeetingRecord(absentees=listed))) == [
        Status.PASS
    ]


def test_threshold_uses_roster_when_minutes_lack_expected() -> None:
    record = MeetingRecord(actual_count=Value(1))  # roster of 2 -> 50%
    meta = SubmissionMeta(meeting_date=dt.date(2022, 12, 23), reported_attendance=1)  # the platform agrees
    assert status("attendance.below_threshold", ctx(record=record, meta=meta)) == [Status.FAIL]
    assert status("attendance.below_threshold", ctx(record=MeetingRecord(actual_count=Value(2)))) == [
        Status.PASS
    ]


def test_missing_phrase_with_unsure_ocr_lines_is_unknown_not_fail() -> None:
    shaky = [Evidence(file="p.jpg", text="会议由李□□同志主□", page=1, bbox=(0, 0, 9, 9), confidence=0.4)]
    clean = MeetingRecord()
    doubtful = MeetingRecord(uncertain_lines=shaky)
    assert status("presider.missing", ctx(record=clean)) == [Status.FAIL]
    assert status("presider.missing", ctx(record=doubtful)) == [Status.UNKNOWN]
    assert status("study.missing", ctx(record=doubtful)) == [Status.UNKNOWN]
    result = RULES["presider.missing"].fn(ctx(record=doubtful))
    assert shaky[0] in result.evidence and "可能漏读" in result.message


def test_counts_read_without_confidence_are_not_compared() -> None:
    shaky = Value(22, [Evidence(file="p.jpg", text="实到22人")], confidence=0.5)
    record = MeetingRecord(expected_count=Value(25), actual_count=shaky, absent_count=Value(2))
    assert status("attendance.counts_inconsistent", ctx(record=record)) == [Status.UNKNOWN]
    sheet = SigninSheet(Value(23, []))
    assert status("signin.count_mismatch", ctx(record=record, signin=sheet)) == [Status.UNKNOWN]
    trusted_record = MeetingRecord(actual_count=Value(22))
    assert status("signin.count_mismatch", ctx(record=trusted_record, signin=sheet)) == [Status.FAIL]


def test_missing_name_in_a_sentence_about_it_is_unknown_not_fail() -> None:
    said_it = [Evidence(file="m.docx", text="会议由支部书记主持。")]
    assert status("presider.missing", ctx(record=MeetingRecord())) == [Status.FAIL]
    assert status("presider.missing", ctx(record=MeetingRecord(cues={"presider": said_it}))) == [
        Status.UNKNOWN
    ]
    result = RULES["presider.missing"].fn(ctx(record=MeetingRecord(cues={"presider": said_it})))
    assert said_it[0] in result.evidence
    oath = [Evidence(file="m.docx", text="由支部书记领誓。")]
    taken = MeetingRecord(oath_taken=Value(True, oath), cues={"oath_leader": oath})
    assert status("oath_leader.missing", ctx(record=taken)) == [Status.UNKNOWN]
    assert status("oath_leader.missing", ctx(record=MeetingRecord(oath_taken=Value(True, oath)))) == [
        Status.FAIL
    ]


def test_plan_item_written_in_unknown_words_is_unknown_not_fail() -> None:
    plan = Plan(required_items=["缴纳党费"])
    dues = [Evidence(file="m.docx", text="会后，党员们逐一把本月党费交到组织委员手中。")]
    assert status("plan.item_missing", ctx(plan=plan, record=MeetingRecord())) == [Status.FAIL]
    said_it = MeetingRecord(cues={"item:缴纳党费": dues})
    assert status("plan.item_missing", ctx(plan=plan, record=said_it)) == [Status.UNKNOWN]


def test_an_officer_also_written_absent_is_doubted() -> None:
    """Who presided, led the oath or a study was there: read also among the absentees, one of the
    two readings is wrong, and the rule answers unknown quoting both."""
    away = [Absentee("李光振", "出差", [Evidence("minutes.docx", "缺席：李光振（出差）")])]
    chair = MeetingRecord(presider=said("李光振", "会议由李光振主持"), absentees=away)
    assert status("presider.missing", ctx(record=chair)) == [Status.UNKNOWN]
    assert status("presider.not_authorized", ctx(record=chair)) == [Status.UNKNOWN]
    oath = MeetingRecord(oath_leader=said("李光振", "由李光振领誓"), absentees=away)
    assert status("oath_leader.missing", ctx(record=oath)) == [Status.UNKNOWN]
    led = [
        StudyItem("李光振", "《中国共产党章程》", [Evidence("minutes.docx", "李光振领学《中国共产党章程》")])
    ]
    assert status("study.missing", ctx(record=MeetingRecord(study=led, absentees=away))) == [Status.UNKNOWN]
    assert status("study.missing", ctx(record=MeetingRecord(study=led))) == [Status.PASS]


def test_a_role_or_count_left_as_the_templates_blank_fails_quoting_it() -> None:
    blank = Evidence(file="m.docx", text="主持人：（填写主持人姓名及职务）")
    unread = Evidence(file="m.docx", text="主持人：（填写主持人姓名及职务）")
    left = MeetingRecord(cues={"presider": [unread], "unfilled:presider": [blank]})
    assert status("presider.missing", ctx(record=left)) == [Status.FAIL]
    assert status("presider.missing", ctx(record=MeetingRecord(cues={"presider": [unread]}))) == [
        Status.UNKNOWN
    ]
    counts = Evidence(file="m.docx", text="应到__人，实到26人，缺席2人")
    written = {"actual_count": Value(26, [counts]), "absent_count": Value(2, [counts])}
    blank_count = MeetingRecord(**written, cues={"unfilled:expected_count": [counts]})
    assert status("attendance.counts_missing", ctx(record=blank_count)) == [Status.FAIL]
    assert status("attendance.counts_missing", ctx(record=MeetingRecord(**written))) == [Status.PASS]
