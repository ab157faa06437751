"""Whole meeting records by a third round of writers who never read the parser (session 59): the
classes their records exposed. Presider: a form field or a 由…主持 holding only an office (``主持：支部书记``,
``会议由村支书主持``) is that office as written, not a word of an earlier clause; a name glued to a slip
of the phone (``马永福主次``). Absentees: a head naming committee members away (``缺席支委：``); a count
and who they are between the names and the act (``甲、乙、丙三位老党员今天没能来``); a group's reason, its
number, then who (``生病的二人是甲、乙``); a count with no unit before its bracket (``缺席1(甲 …)``); one
named right after another's leave, saying only where they were, when the counts leave room for exactly
them (``甲请假,乙在外地送达``); a title is no name (``总工程师``); those the record says came
(``…都到了``) and a list of those present as long as 实到 are no absentees; a heading ``缺席人`` over its
rows; the workplace keeping someone (``工地加班``). Counts: ``应到会党员：共20人``; ``请假的2个``. Lecture: the
one who came to give it (``X来给…上党课``)."""

from __future__ import annotations

import datetime as dt

import pytest
from fields_helpers import counts_of, lines_of, meeting

from core.models import Document, FileKind, Origin, Page, TextSpan
from extractors.fields.lecture import lecture
from extractors.fields.minutes import extract_meeting
from extractors.fields.people import PersonFinder
from extractors.layout.document import document_lines

ROSTER: list[str] = []


def absent(*texts: str) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees]


def absent_in_document(*texts: str) -> list[tuple[str | None, str | None]]:
    """As a Word file's paragraphs read them (a gap of spaces between two names parts them)."""
    spans = [TextSpan(t, Origin("记录.docx", paragraph=i), via="text-layer") for i, t in enumerate(texts)]
    doc = Document(file="记录.docx", kind=FileKind.DOCX, pages=[Page(1, spans)], via="text-layer")
    record = extract_meeting(
        document_lines(doc), [], default_date=dt.date(2024, 3, 5), plan_items=[], source_files=["记录.docx"]
    )
    return [(a.name, a.reason) for a in record.absentees]


def presider(*texts: str) -> str | None:
    value = meeting(*texts, roster=[]).presider
    return value.value if value else None


@pytest.mark.parametrize("field", ["主持：支部书记", "主 持 人：支部书记"])
def test_a_presider_field_holding_only_an_office_is_the_office(field: str) -> None:
    assert (
        presider("某社区党支部主题党日活动记录", field, "记录：冉秋池", "应到12人，实到12人。") == "支部书记"
    )


def test_a_field_naming_someone_beside_the_office_is_the_person() -> None:
    assert presider("组长（主持）  张明华       记录  冉秋池", "应到9人，实到9人。") == "张明华"


def test_presided_by_an_office_after_a_clause_of_another_subject() -> None:
    text = "镇里的同志讲了题目是“从小岗村的红手印说起 谈谈农村改革” 会议由村支书主持"
    assert presider(text, "应到12人，实到12人。") == "村支书"


def test_a_name_glued_to_a_slip_of_the_phone_for_presiding() -> None:
    assert presider("村支书张明华主次 应到18人 实到15人", "学习了《中国共产党章程》。") == "张明华"


def test_committee_members_away_under_their_own_head_keep_the_reason() -> None:
    found = absent(
        "应到支委5人，实到4人。",
        "缺席支委：宣传委员冉秋池（外出参加省骨干教师培训）",
        "四、其他：冉秋池缺席，会议内容会后传达。",
    )
    assert found == [("冉秋池", "外出参加省骨干教师培训")]


def test_a_title_in_the_list_is_no_name() -> None:
    found = absent("缺席支委：总工程师、支委冉秋池（在集团总部配合审计）", "应到支委6人，实到5人。")
    assert found == [("冉秋池", "在集团总部配合审计")]


@pytest.mark.parametrize("when", ["今天", ""])
def test_names_then_their_count_and_who_they_are_before_the_act(when: str) -> None:
    text = f"因病在家的冉秋池、宋听澜、周岚三位老党员{when}没能来。"
    assert absent("支部现有党员23名。", text) == [
        ("冉秋池", "病在家"),
        ("宋听澜", "病在家"),
        ("周岚", "病在家"),
    ]


def test_a_count_that_is_not_the_names_reads_no_group() -> None:
    assert ("周岚", "病在家") not in absent(
        "应到12人，实到9人，因病在家的冉秋池、宋听澜两位老党员、周岚三人没能来。"
    )


def test_a_groups_reason_its_number_then_who() -> None:
    text = "应到党员四十一人，实到三十三人，请假九人（外出务工七人，生病二人）。生病的二人是冉秋池、宋听澜。"
    assert absent(text) == [("冉秋池", "生病"), ("宋听澜", "生病")]


def test_a_leave_count_then_who_keeps_the_reasons_said_respectively() -> None:
    text = "（说明：请假的2名同志为待遇科冉秋池、监管科宋听澜，分别在外省参加培训和在定点医院开展检查。）"
    assert absent("召开支部党员大会（应到19人，实到17人，请假2人）", text) == [
        ("冉秋池", "在外省参加培训"),
        ("宋听澜", "在定点医院开展检查"),
    ]


def test_speakers_are_no_group_of_reasons() -> None:
    assert absent("会上发言的二人是冉秋池、宋听澜。") == []


@pytest.mark.parametrize("gap", ["\t", " "])
def test_a_count_without_its_unit_before_the_bracket(gap: str) -> None:
    text = f"应到{gap}14{gap}实到{gap}13{gap}缺席{gap}1(冉秋池 县教师进修学校跟岗学习)"
    assert absent(text) == [("冉秋池", "县教师进修学校跟岗学习")]


def test_one_named_after_anothers_leave_saying_where_they_were() -> None:
    assert absent("到会情况:全庭党员11人,到会9人。冉秋池请假,宋听澜在外地送达。") == [
        ("冉秋池", "请假"),
        ("宋听澜", "在外地送达"),
    ]


def test_one_named_after_anothers_leave_needs_the_counts_room() -> None:
    assert absent("到会情况:全庭党员11人,到会10人。冉秋池请假,宋听澜在外地送达。") == [("冉秋池", "请假")]
    assert absent("到会情况:全庭党员11人,到会9人。冉秋池请假,宋听澜在会上发言。") == [("冉秋池", "请假")]


def test_those_the_record_says_came_are_no_absentees() -> None:
    text = "应到支委5人实到5人,冉秋池、宋听澜、周岚、张明华、吕一帆都到了,记录人吕一帆。"
    assert absent("今天召开支委会。会议由村党支部书记冉秋池主持。", text) == []


def test_the_list_of_those_present_after_the_counts_then_a_heading_of_those_away() -> None:
    found = absent(
        "参会人",
        "应到7人,实到5人,缺席2人",
        "冉秋池、宋听澜、周岚、张明华、吕一帆",
        "缺席人",
        "- 蒋南星: 出差(深圳客户现场交付)",
        "- 欧阳婧: 产假",
        "议程",
    )
    assert found == [("蒋南星", "出差(深圳客户现场交付)"), ("欧阳婧", "产假")]


def test_the_workplace_that_kept_them_opens_the_reason() -> None:
    text = "本党小组共有党员9名，现场参加6名，线上参加2名，请假1名，张明华工地加班请假。"
    assert absent(text) == [("张明华", "工地加班")]


def test_speakers_who_talked_about_something_are_no_absentees() -> None:
    found = absent(
        "小组6人,到5人,冉秋池出国访学。", "学习《政府工作报告》。", "宋听澜、周岚都谈到青年教师科研压力大。"
    )
    assert found == [("冉秋池", "出国访学")]


def test_counts_written_with_a_total_after_the_colon() -> None:
    record = meeting("应到会党员：共20人（正式党员14人，预备党员6人）", "实到会党员：18人", roster=[])
    assert counts_of(record)[:2] == (20, 18)


def test_those_on_leave_counted_as_said_aloud() -> None:
    record = meeting("本组党员11人 今天来了8个 请假的2个 冉秋池 去舟山送货 宋听澜 住院", roster=[])
    assert counts_of(record) == (11, 8, 2)


def test_the_lecturer_who_came_to_give_it() -> None:
    lines = lines_of("镇党委书记张明华来给我们村党员上党课，题目是“从红手印说起”。")
    given = lecture(lines, PersonFinder([], [line.norm for line in lines]))
    assert given is not None and given.lecturer == "张明华"


def test_a_numbered_units_head_before_the_name() -> None:
    text = (
        "应到党员十三名，实到十名，缺席三名。其中一班长冉秋池、消防员宋听澜随车出动执勤；驾驶员周岚轮休离站。"
    )
    assert absent(text) == [("冉秋池", "随车出动执勤"), ("宋听澜", "随车出动执勤"), ("周岚", "轮休离站")]


def test_a_counted_leave_head_with_nothing_else_said_of_them() -> None:
    assert absent("参会人员：应到贰拾陆人，实到贰拾肆人，请假二人：冉秋池、宋听澜") == [
        ("冉秋池", "请假"),
        ("宋听澜", "请假"),
    ]


@pytest.mark.parametrize("said", ["（冉秋池  门诊走不开）", "冉秋池门诊走不开。"])
def test_one_of_the_list_explained_on_the_next_line(said: str) -> None:
    assert absent("应到5人，实到3人", "缺席：冉秋池、宋听澜", said) == [
        ("冉秋池", "门诊走不开"),
        ("宋听澜", None),
    ]


@pytest.mark.parametrize("bracket", ["（冉秋池病假）", "（其中冉秋池病假）"])
def test_a_bracket_naming_one_of_the_list_is_that_ones_alone(bracket: str) -> None:
    assert absent("应到5人，实到3人", f"缺席：冉秋池、宋听澜{bracket}") == [
        ("冉秋池", "病假"),
        ("宋听澜", None),
    ]


def test_a_bracket_of_items_each_with_its_reason_gives_each_its_own() -> None:
    text = "缺席：肆名（冉秋池在外地务工、宋听澜住院、周岚年老行动不便、张明华在外地务工，均已请假）"
    assert absent(text) == [
        ("冉秋池", "在外地务工"),
        ("宋听澜", "住院"),
        ("周岚", "年老行动不便"),
        ("张明华", "在外地务工"),
    ]


def test_names_apart_by_a_space_share_the_reason_after_them() -> None:
    text = "参加:应到党员十九名,到会十五名,冉秋池 宋听澜在外头打工没回来 吕一帆他妈病了在医院伺候 张明华腿脚不行没来"
    assert absent_in_document("某村党支部主题党日记录", text) == [
        ("冉秋池", "在外头打工没回来"),
        ("宋听澜", "在外头打工没回来"),
        ("吕一帆", "他妈病了在医院伺候"),
        ("张明华", "腿脚不行"),
    ]


def test_the_present_count_written_for_those_who_came_is_read_before_a_votes_count() -> None:
    record = meeting(
        "应到会党员：17名（其中正式党员16名，预备党员1名）",
        "实到会党员：15名",
        "缺席党员：冉秋池（出差）、宋听澜（病假）",
        "表决：有表决权的正式党员应到16名，实到14名，同意14票。",
        roster=[],
    )
    assert counts_of(record)[:2] == (17, 15)


def test_each_unit_before_a_name_in_a_run_sharing_a_reason_is_no_reason() -> None:
    text = "未参会：冉秋池（病假），宋听澜（事假）；急诊科吕一帆、手术室张明华、儿科蒋南星下夜班休息。"
    assert absent("支部党员共23名，本次参会18名。", text) == [
        ("冉秋池", "病假"),
        ("宋听澜", "事假"),
        ("吕一帆", "下夜班休息"),
        ("张明华", "下夜班休息"),
        ("蒋南星", "下夜班休息"),
    ]


def test_groups_counted_by_reason_then_the_names_on_the_next_line() -> None:
    found = absent(
        "支部党员共23名，本次参会19名。未参会的：病假1人、事假1人、下夜班休息2人。",
        "具体：内科片—冉秋池（病假），ICU—宋听澜（事假）；急诊科吕一帆、手术室张明华下夜班休息。",
    )
    assert found == [
        ("冉秋池", "病假"),
        ("宋听澜", "事假"),
        ("吕一帆", "下夜班休息"),
        ("张明华", "下夜班休息"),
    ]


def test_one_away_and_why_in_the_next_sentence_after_the_act() -> None:
    assert absent(
        "应到5人，实到4人", "人：书记 张明华，纪检委员 宋听澜；组织委员冉秋池没来。在成都出差。"
    ) == [("冉秋池", "在成都出差")]
    assert absent("应到5人，实到4人", "冉秋池没来。会议由张明华主持。") == [("冉秋池", None)]


def test_members_who_are_teachers_came() -> None:
    record = meeting("4月26日上午，幼儿园党支部开展了4月份主题党日活动，全园12名党员教师参加。", roster=[])
    assert counts_of(record)[1] == 12


def test_a_groups_label_with_why_in_brackets_then_who() -> None:
    found = absent(
        "应到12人，实到8人，缺席4人：",
        "一值（当日白班在岗）：冉秋池、宋听澜",
        "三值（当日夜班下班休息）：吕一帆、张明华",
    )
    assert found == [
        ("冉秋池", "当日白班在岗"),
        ("宋听澜", "当日白班在岗"),
        ("吕一帆", "当日夜班下班休息"),
        ("张明华", "当日夜班下班休息"),
    ]


def test_a_leave_register_whose_name_cell_notes_the_members_standing() -> None:
    found = absent(
        "应到：38人    实到：36人    请假：2人",
        "姓名|原因|是否补学",
        "冉秋池|高三年级联考监考|是",
        "宋听澜（退休）|年老行动不便|送学上门",
    )
    assert found == [("冉秋池", "高三年级联考监考"), ("宋听澜", "年老行动不便")]
