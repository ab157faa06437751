"""study.missing and study.material_missing fail only on positive evidence: study the parser could
not attribute, or a planned title written where no study was read, is ``unknown`` (quoted)."""

from __future__ import annotations

import datetime as dt

import pytest

from checks.context import CheckContext
from checks.registry import Outcome, rules
from core.meta import Branch, Member, Plan, SubmissionMeta
from core.models import Evidence, MeetingRecord, Status, StudyItem

RULES = {r.code: r for r in rules()}
PLAN = Plan(materials=["《中国共产党支部工作条例（试行）》"])


def ctx(record: MeetingRecord, plan: Plan | None = None, kind: str = "主题党日") -> CheckContext:
    return CheckContext(
        meta=SubmissionMeta(meeting_date=dt.date(2023, 3, 20), reported_attendance=9, categories=[kind]),
        branch=Branch(members=[Member(name="李光振", role="书记")]),
        plan=plan or Plan(),
        record=record,
        signin=None,
        photos=[],
        files=[],
    )


def run(code: str, record: MeetingRecord, plan: Plan | None = None, kind: str = "主题党日") -> Outcome:
    result = RULES[code].fn(ctx(record, plan, kind))
    assert not isinstance(result, list)
    return result


def said(text: str) -> Evidence:
    return Evidence(file="m.docx", text=text)


def item(leader: str | None, material: str, text: str) -> StudyItem:
    return StudyItem(leader, material, [said(text)])


def test_no_study_at_all_fails() -> None:
    assert run("study.missing", MeetingRecord()).status is Status.FAIL


def test_study_sentences_the_parser_could_not_read_are_unknown_and_quoted() -> None:
    cue = said("会上，大家原原本本通读了条例全文。")
    outcome = run("study.missing", MeetingRecord(cues={"study": [cue]}))
    assert outcome.status is Status.UNKNOWN and cue in outcome.evidence


def test_study_without_a_leader_fails_unless_a_leading_sentence_is_there() -> None:
    unled = item(None, "《中国共产党章程》", "会议学习了《中国共产党章程》。")
    assert run("study.missing", MeetingRecord(study=[unled])).status is Status.FAIL
    lead = said("由支部的老同志带领大家学习了《中国共产党章程》。")
    outcome = run("study.missing", MeetingRecord(study=[unled], cues={"study_lead": [lead]}))
    assert outcome.status is Status.UNKNOWN and lead in outcome.evidence


def test_led_study_passes() -> None:
    led = item("李光振", "《中国共产党章程》", "李光振领学《中国共产党章程》。")
    assert run("study.missing", MeetingRecord(study=[led])).status is Status.PASS


def test_a_second_material_with_nobody_leading_it_is_unknown_and_named() -> None:
    led = item("李光振", "《中国共产党章程》", "李光振领学《中国共产党章程》。")
    unled = item(None, "《中国共产党纪律处分条例》", "会上还学习了《中国共产党纪律处分条例》。")
    outcome = run("study.missing", MeetingRecord(study=[led, unled]))
    assert outcome.status is Status.UNKNOWN and "《中国共产党纪律处分条例》" in outcome.message
    # the same material read once led and once unled (two sentences about it) is led
    again = item(None, "《中国共产党章程》（2022年修订）", "会上学习了《中国共产党章程》（2022年修订）。")
    assert run("study.missing", MeetingRecord(study=[led, again])).status is Status.PASS
    # a material someone conveyed or acted on (a leader not attached) is no unled study
    for text in (
        "组织委员王明同志向全体党员通报了《中国共产党简史》的主要内容。",
        "会上，龚德顺传达了《中国共产党简史》精神。",
        "紀檢委員冉秋池傳達學習了《中國共產黨簡史》的有關精神。",  # written in traditional script
        "会议第一项：传达《中国共产党简史》（传达人：组织委员冯冬振）。",  # the one conveying it labelled
    ):
        conveyed = item(None, "《中国共产党简史》", text)
        assert run("study.missing", MeetingRecord(study=[led, conveyed])).status is Status.PASS


@pytest.mark.parametrize(
    "text", ["会议传达学习了《中国共产党简史》。", "会上还通报了《中国共产党简史》，要求对照自查。"]
)
def test_a_material_the_meeting_conveyed_with_nobody_named_is_unknown(text: str) -> None:
    led = item("李光振", "《中国共产党章程》", "李光振领学《中国共产党章程》。")
    outcome = run("study.missing", MeetingRecord(study=[led, item(None, "《中国共产党简史》", text)]))
    assert outcome.status is Status.UNKNOWN and "《中国共产党简史》" in outcome.message


def test_planned_material_in_another_width_or_edition_form_passes() -> None:
    for written in (
        "《中国共产党支部工作条例(试行)》",
        "《中国共产党支部工作条例》(试行)",
        "《中國共產黨支部工作條例（試行）》",
    ):
        record = MeetingRecord(study=[item("李光振", written, f"李光振领学{written}。")])
        assert run("study.material_missing", record, PLAN).status is Status.PASS, written


def test_planned_title_written_but_not_read_as_studied_is_unknown() -> None:
    other = item("李光振", "《中国共产党章程》", "李光振领学《中国共产党章程》。")
    line = said("随后大家逐章研读中国共产党支部工作条例（试行）并交流。")
    record = MeetingRecord(study=[other], cues={"study": [line]})
    outcome = run("study.material_missing", record, PLAN)
    assert outcome.status is Status.UNKNOWN and line in outcome.evidence


def test_planned_title_written_nowhere_fails() -> None:
    other = item("李光振", "《中国共产党章程》", "李光振领学《中国共产党章程》。")
    record = MeetingRecord(study=[other], cues={"material": [said("李光振领学《中国共产党章程》。")]})
    assert run("study.material_missing", record, PLAN).status is Status.FAIL
    assert run("study.material_missing", MeetingRecord(), PLAN).status is Status.FAIL


def test_a_material_studied_in_a_meeting_that_owes_no_study_is_not_passed_unread() -> None:
    shared = said(
        "党课结束后，宣传委员把《中国共产党章程》原文发到支部微信群里，党员们在手机上各自学习了总纲部分。"
    )
    record = MeetingRecord(cues={"study": [shared], "material": [shared]})
    outcome = run("study.missing", record, kind="党课")
    assert outcome.status is Status.UNKNOWN and shared in outcome.evidence
    assert run("study.missing", MeetingRecord(), kind="党课").status is Status.PASS


def test_a_lectures_title_is_no_study_left_unread() -> None:
    lecture = said("支部书记以《学习党章 践行初心》为题，为全体党员讲授专题党课。")
    record = MeetingRecord(cues={"study": [lecture], "material": [lecture]})
    assert run("study.missing", record, kind="党课").status is Status.PASS


def test_a_lecture_given_instead_of_a_material_led_goes_to_a_person() -> None:
    given = said("随后，支部书记李光振讲了一堂党课，题目是“在大考中践行初心”。")
    outcome = run("study.missing", MeetingRecord(cues={"lecture_given": [given]}))
    assert outcome.status is Status.UNKNOWN and given in outcome.evidence


def test_a_material_the_members_each_studied_on_their_own_is_unknown() -> None:
    led = item("李光振", "《中国共产党章程》", "李光振领学《中国共产党章程》。")
    text = "2.党员们各自用手机在学习强国上学习了《让“土专家”成为乡村振兴的领头雁》一文。"
    own = item(None, "《让“土专家”成为乡村振兴的领头雁》", text)
    outcome = run("study.missing", MeetingRecord(study=[led, own]))
    assert outcome.status is Status.UNKNOWN and "领头雁" in outcome.message
