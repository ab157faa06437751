"""Whole meeting records by writers who never read the parser (session 57): the classes their
records exposed. Absentees: a bare list then a clause per person (``甲、乙未到，甲在外打工，乙外出未归``),
a person named again after a bare 请假, each group's reason before its bracket of names (``因病请假1名
（甲），因公出差1名（乙）``), a bracket note that is one item's in a list ending bare, ``另外`` opening
another group, someone who joined by video named after the list. Counts: ``出席活动18名``. Study,
lecture and kind: a title after other topics (``学习了…报告和新修订的《…》``), an election's
《批复》, a lecturer who came to the branch (``X到支部讲授``), a lecture planned for a later month, a
committee's name before the members' meeting and a letterhead with its issue date. A group meeting told
plainly in the members' chat (``在组长家开的，9个党员来了7个``) is the minutes."""

from __future__ import annotations

import pytest
from fields_helpers import counts_of, lines_of, meeting

from core.models import Document, FileKind, Origin, Page, Role, TextSpan
from extractors.fields.lecture import lecture
from extractors.fields.people import PersonFinder
from extractors.roles import classify

ROSTER = ["冉秋池", "宋听澜", "周岚", "张明华", "吕一帆", "蒋南星"]


def absent(*texts: str, roster: list[str] | None = None) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=roster or []).absentees]


@pytest.mark.parametrize("roster", [ROSTER, []])
@pytest.mark.parametrize("act", ["未到", "请假"])
def test_a_bare_list_then_a_clause_for_each(act: str, roster: list[str]) -> None:
    text = f"应到10人，实到8人，冉秋池、宋听澜{act}，冉秋池在外打工，宋听澜外出未归。"
    assert absent(text, roster=roster) == [("冉秋池", "在外打工"), ("宋听澜", "外出未归")]


@pytest.mark.parametrize("roster", [ROSTER, []])
def test_each_groups_reason_before_its_bracket_of_names(roster: list[str]) -> None:
    text = "支部应到有选举权的党员25名，实到22名，因病请假1名（冉秋池），因公出差2名（宋听澜、周岚），符合法定人数。"
    assert absent(text, roster=roster) == [("冉秋池", "因病"), ("宋听澜", "因公出差"), ("周岚", "因公出差")]


def test_a_denial_in_the_next_group_is_not_the_first_groups() -> None:
    text = "实到会党员30名，未到会4名，其中请假3名（冉秋池、宋听澜、周岚），无故缺席1名（张明华）。"
    found = dict(absent(text, roster=ROSTER))
    assert list(found) == ["冉秋池", "宋听澜", "周岚", "张明华"]
    assert found["张明华"] is None


@pytest.mark.parametrize("roster", [ROSTER, []])
def test_a_count_of_members_on_leave_for_one_reason_then_their_names(roster: list[str]) -> None:
    text = "支部共有党员22名，出席活动18名，4名党员因公请假，分别为冉秋池、宋听澜、周岚、张明华。"
    record = meeting(text, roster=roster)
    assert [(a.name, a.reason) for a in record.absentees] == [
        (name, "因公") for name in ("冉秋池", "宋听澜", "周岚", "张明华")
    ]
    assert counts_of(record) == (22, 18, 4)


def test_a_bracket_note_in_a_list_ending_bare_is_that_items() -> None:
    assert absent("应到20人，实到17人。", "缺席:冉秋池、宋听澜(出差)、周岚", roster=ROSTER) == [
        ("冉秋池", None),
        ("宋听澜", "出差"),
        ("周岚", None),
    ]
    # notes that close each group still cover the names before them
    assert absent("缺席：冉秋池、宋听澜（住院）、周岚（出差）", roster=ROSTER) == [
        ("冉秋池", "住院"),
        ("宋听澜", "住院"),
        ("周岚", "出差"),
    ]


def test_another_group_opened_by_another_word() -> None:
    text = "应到党员52名，实到48名，4名党员未到会。未参会的有冉秋池、宋听澜，另外周岚、买买提·艾力请假。"
    assert absent(text) == [("冉秋池", None), ("宋听澜", None), ("周岚", "请假"), ("买买提·艾力", "请假")]


def test_the_kind_of_leave_asked_after_the_name() -> None:
    assert absent("应到19名，实到17名。", "缺席人员：冉秋池因在外打工未参加；宋听澜请病假。") == [
        ("冉秋池", "因在外打工"),
        ("宋听澜", "病假"),
    ]


def test_a_pair_of_brothers_after_the_names() -> None:
    text = "组里党员十一人到了九人，没到的两个是冉秋池和冉一帆两兄弟，在外地搞装修没回来。"
    assert absent(text) == [("冉秋池", "在外地搞装修没回来"), ("冉一帆", "在外地搞装修没回来")]


def test_one_named_away_after_a_reasons_label_has_none_of_its_reason() -> None:
    assert absent("缺席：因病请假：冉秋池；宋听澜同志未到会。") == [("冉秋池", "因病"), ("宋听澜", None)]


@pytest.mark.parametrize("joined", ["通过微信视频参会", "线上参会"])
def test_one_who_joined_online_is_not_absent(joined: str) -> None:
    lines = (
        "应到29人，实到28人，缺席1人",
        "缺席人员：冉秋池（住院治疗）",
        f"党员宋听澜因在外地工作，{joined}。",
    )
    assert absent(*lines, roster=ROSTER) == [("冉秋池", "住院治疗")]
    assert absent("应到29人，实到28人。宋听澜因在外地工作，未能线上参会。", roster=ROSTER) == [
        ("宋听澜", "因在外地工作")
    ]


def test_a_note_beside_a_legends_mark_gives_the_reason() -> None:
    lines = (
        "签到（√出席　○病假　△公差）",
        "冉秋池√　宋听澜√　周岚√",
        "张明华△（送教下乡，去青杨沟教学点）",
        "吕一帆○",
        "应到5人，实到3人",
    )
    assert absent(*lines, roster=ROSTER) == [("张明华", "送教下乡,去青杨沟教学点"), ("吕一帆", "病假")]


def test_studied_after_other_topics_and_a_procedures_document() -> None:
    record = meeting(
        "会议首先集中学习了党的二十大报告和新修订的《中国共产党章程》有关内容。",
        "组织委员宋听澜领学了《中国共产党基层组织选举工作条例》相关条款，宣读了公司党委关于同意换届选举的《批复》。",
        roster=ROSTER,
    )
    assert [(i.leader, i.material) for i in record.study] == [
        (None, "《中国共产党章程》"),
        ("宋听澜", "《中国共产党基层组织选举工作条例》"),
    ]


def test_a_lecturer_who_came_to_the_branch() -> None:
    found = lecture(
        lines_of(
            "党课由支部书记何静主持，集团党委书记、董事长诸葛明远到支部讲授专题党课，题目为《以党建引领发展》。"
        ),
        PersonFinder([]),
    )
    assert found is not None and (found.lecturer, found.title) == ("诸葛明远", "以党建引领发展")


def test_a_lecture_planned_for_a_later_month_is_none() -> None:
    text = "会议明确：4月至7月，每月安排一次集中学习，5月份由冉秋池讲授专题党课，6月份组织党员开展警示教育。"
    assert lecture(lines_of("主持：支部书记冉秋池", text), PersonFinder([])) is None


@pytest.mark.parametrize(
    "texts",
    [
        ["会议名称：中共某某电子有限公司支部委员会支部党员大会", "时间：2023年12月12日"],
        [
            "中共某某大学图书馆总支部委员会              二〇二四年五月二十二日",
            "图书馆第二党支部召开支部党员大会",
        ],
    ],
)
def test_the_committees_name_is_no_committee_meeting(texts: list[str]) -> None:
    found = meeting(*texts, roster=ROSTER).kind
    assert found is not None and found.value == "支部党员大会"


def test_a_group_meeting_told_plainly_in_a_chat_is_the_minutes() -> None:
    text = (
        "合作社党支部第二党小组 十一月份党小组会（群里补个记录）\n"
        "11月9号晚上8点在组长冉秋池家堂屋开的，全组9个党员来了7个。宋听澜去广东还没回来，周岚在镇上医院陪她婆婆。\n"
        "先一起读了《中国共产党章程》里头讲党员义务的那几段，大家议论得多。"
    )
    spans = [TextSpan(line, Origin("chat.docx", paragraph=i)) for i, line in enumerate(text.split("\n"))]
    assert classify(Document("chat.docx", FileKind.DOCX, [Page(1, spans)]), is_image=False) == Role.MINUTES


def test_crew_and_duty_words_around_names_and_reasons() -> None:
    assert absent("应到8人，实到6人。", "未参加：二副冉秋池、电机员宋听澜") == [
        ("冉秋池", None),
        ("宋听澜", None),
    ]
    text = "应到12人，实到8人，执勤出警4人（冉秋池、宋听澜、周岚、张明华）。"
    assert absent(text, roster=ROSTER) == [(n, "执勤出警") for n in ("冉秋池", "宋听澜", "周岚", "张明华")]
    assert absent("应到12人，实到11人。因卫星信号中断，冉秋池未能连线。") == [("冉秋池", "因卫星信号中断")]


def test_what_he_was_doing_told_in_the_next_sentence() -> None:
    lines = (
        "船上党员5人，参加4人。",
        "轮机长冉秋池未参加。他当时正在机舱抢修主机冷却水泵，会后由组长补传达。",
    )
    assert absent(*lines, roster=ROSTER) == [("冉秋池", "正在机舱抢修主机冷却水泵")]
    assert absent("船上党员5人，参加4人。", "轮机长冉秋池未参加。他在会上作了发言。", roster=ROSTER) == [
        ("冉秋池", None)
    ]


def test_a_later_theme_days_oath_is_not_taken_now() -> None:
    record = meeting(
        "会议内容：1. 研究工作。2. 确定3月份主题党日内容：学雷锋志愿服务+重温入党誓词。", roster=ROSTER
    )
    assert record.oath_taken is None or not record.oath_taken.value


def test_a_document_forwarded_by_the_company_is_studied() -> None:
    record = meeting(
        "1、大家自学了公司党委通过卫星宽带转发的《关于做好远洋渔业安全生产工作的通知》。", roster=ROSTER
    )
    assert [i.material for i in record.study] == ["《关于做好远洋渔业安全生产工作的通知》"]


def test_a_party_groups_study_record_by_its_title_is_the_minutes() -> None:
    text = (
        "“浙渔07599”船海上党小组学习记录\n9月3日 北太平洋公海秋刀鱼渔场\n时间：晚饭后19:00 地点：驾驶台后部生活区\n"
        "组长冉秋池主持。船上党员5人，参加4人。\n内容：大家自学了公司党委转发的通知，对照检查了本船渔获日志填写情况。"
    )
    spans = [TextSpan(line, Origin("ship.docx", paragraph=i)) for i, line in enumerate(text.split("\n"))]
    assert classify(Document("ship.docx", FileKind.DOCX, [Page(1, spans)]), is_image=False) == Role.MINUTES


def test_a_list_after_the_count_and_respectively_on_one_form_line() -> None:
    line = "应到：26人    实到：22人    请假：3人，分别为冉秋池（住院）、宋听澜（病休在家）、周岚（外出就医）"
    assert absent(line) == [("冉秋池", "住院"), ("宋听澜", "病休在家"), ("周岚", "外出就医")]


def test_leave_after_one_bare_item_of_a_list_noted_in_brackets_is_its_own() -> None:
    line = "未到人员：冉秋池（在外地女儿家）、宋听澜（骨折卧床）、周岚、张明华请假、吕一帆（陪护老伴住院）"
    assert absent(line, roster=ROSTER) == [
        ("冉秋池", "在外地女儿家"),
        ("宋听澜", "骨折卧床"),
        ("周岚", None),
        ("张明华", "请假"),
        ("吕一帆", "陪护老伴住院"),
    ]


def test_a_reason_in_the_next_sentence_up_to_how_leave_was_asked() -> None:
    lines = ("缺席：1名，冉秋池。因赴美国参加国际学术会议，会前已向支部书面请假，并提交了书面意见。",)
    assert absent(*lines) == [("冉秋池", "因赴美国参加国际学术会议")]


def test_each_missing_one_told_of_after_the_counts_in_plain_words() -> None:
    text = (
        "本次会议应到党员28人，到会25人，缺3人。冉秋池在广东东莞电子厂务工，春节前回不来；"
        "宋听澜家正是砍甘蔗的时候，走不开；周岚刚生了二胎，在家带娃。"
    )
    assert [name for name, _ in absent(text)] == ["冉秋池", "宋听澜", "周岚"]
    assert absent("应到5人，到会3人。冉秋池作了发言；宋听澜领学了党章。") == []


def test_a_group_noted_after_its_last_name_covers_the_group() -> None:
    lines = (
        "应到人数：10人 实到人数：5人",
        "缺席人员及原因：5人",
        "冉秋池、宋听澜 在外务工",
        "（天津工地）",
        "周岚 住院",
        "张明华、吕一帆 麦收帮工在外村",
    )
    assert absent(*lines) == [
        ("冉秋池", "在外务工(天津工地)"),
        ("宋听澜", "在外务工(天津工地)"),
        ("周岚", "住院"),
        ("张明华", "麦收帮工在外村"),
        ("吕一帆", "麦收帮工在外村"),
    ]


def test_a_bracketed_note_telling_each_listed_one_by_name() -> None:
    lines = (
        "缺席人员：冉秋池、宋听澜、周岚。",
        "（冉秋池同志在雄安项目部驻场，宋听澜同志休产假，周岚同志参加青年干部培训班，均已事先向支部书记请假。）",
    )
    assert absent(*lines, roster=ROSTER) == [
        ("冉秋池", "在雄安项目部驻场"),
        ("宋听澜", "休产假"),
        ("周岚", "参加青年干部培训班"),
    ]


def test_a_later_theme_day_agreed_on_is_no_oath_taken_now() -> None:
    text = "（一）研究“七一”系列活动方案。会议同意：6月下旬开展“重温入党誓词、讲好身边故事”主题党日。"
    record = meeting(text, roster=ROSTER)
    assert record.oath_taken is None or not record.oath_taken.value


def test_a_table_of_absences_ends_at_the_next_field_and_duty_is_a_reason() -> None:
    lines = (
        "应到人数：26人    实到人数：23人    缺席人数：2人",
        "缺席人员及原因：",
        "  姓名          班组          原因",
        "  冉秋池        转炉丙班      夜班倒休",
        "  宋听澜        调度室        病假",
        "列席人员：入党积极分子周岚、张明华",
        "会议内容：",
    )
    assert absent(*lines) == [("冉秋池", "夜班倒休"), ("宋听澜", "病假")]
    text = "应参加党员21名，实际参加18名，2名党员因在班未能参加，分别为一烧主控工冉秋池、原料班组长宋听澜。"
    assert absent(text, roster=ROSTER) == [("冉秋池", "在班"), ("宋听澜", "在班")]
