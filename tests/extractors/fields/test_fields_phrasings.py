"""Phrasing families of real minutes, one class per test, without a roster unless stated.

The sentences are written for these tests (names and units invented); each class is one
way branches write an element: the grammar anchored on the verb must read them all.
"""

from __future__ import annotations

import datetime as dt

import pytest
from fields_helpers import lines_of, meeting

from core.models import Document, FileKind, Origin, Page, Role, TextSpan
from extractors.fields.lecture import lecture
from extractors.fields.meeting import date_partial, kind
from extractors.fields.people import PersonFinder
from extractors.roles import classify


def bare(*texts: str):
    return meeting(*texts, roster=[])


# ----------------------------------------------------------------- presider


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会议主持人为韦晓丽。", "韦晓丽"),
        ("党课由党支部书记司马文涛同志主持。", "司马文涛"),
        ("会议由蓝天宇支部书记主持。", "蓝天宇"),
        ("主持人乔建华宣读到会人数。", "乔建华"),
        ("市分行营业部党委委员、党支部书记詹立平主持,全体党员参加。", "詹立平"),
        ("第三党支部书记柏雪同志主持了本次活动。", "柏雪"),
        ("大会由支部副书记凌振东主持召开。", "凌振东"),
        ("會議由支部書記馮國華主持。", "馮國華"),
        ("在党支部书记包振宇同志的主持下,会议依次进行了各项议程。", "包振宇"),
    ],
)
def test_presider_without_roster(text: str, name: str) -> None:
    record = bare(text)
    assert record.presider is not None and record.presider.value == name
    assert record.presider.evidence[0].text == text  # the original is quoted


def test_presider_role_only_is_kept_as_written() -> None:
    record = bare("各党小组的组长主持了本组的学习讨论。")
    assert record.presider is not None and record.presider.value == "各党小组的组长"


@pytest.mark.parametrize(
    "text",
    [
        "大会在监票人的主持下进行了无记名投票。",
        "党委书记贺明远召开专题会议研究工作。",
        "支部书记郝立新作总结讲话。",
    ],
)
def test_not_a_presider(text: str) -> None:
    assert bare(text).presider is None


# ----------------------------------------------------------------- oath


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        (["随后,大家在组织委员梅子涵的带领下重温了入党誓词。"], "梅子涵"),
        (["会议首先由焦振华检察长领誓,全体党员面向党旗重温入党誓词。"], "焦振华"),
        (["经理车晓光就新规作了讲解,同时带领全体党员重新宣读了一遍入党誓词。"], "车晓光"),
        (
            ["全体党员在姜海洋书记的带领下参观了展馆。", "最后,全体党员在姜书记的带领下重温入党誓词。"],
            "姜海洋",
        ),
        (["宣传委员卓立作为领誓人,带领大家重温入党誓词。"], "卓立"),
        (["由各分支部书记轮流带领本支部党员面向党旗进行宣誓。"], "各分支部书记"),
    ],
)
def test_oath_leader_without_roster(texts: list[str], name: str) -> None:
    record = bare(*texts)
    assert record.oath_leader is not None and record.oath_leader.value == name
    assert record.oath_taken is not None


def test_oath_leader_is_the_one_of_the_oath_sentence() -> None:
    record = bare(
        "活动以“牢记入党誓言”为题,全体党员在支部书记聂文同志的带领下前往纪念馆参观。",
        "随后,大家在组织委员邝子健的带领下重温了入党誓词。",
    )
    assert record.oath_leader is not None and record.oath_leader.value == "邝子健"


@pytest.mark.parametrize(
    "text",
    [
        "在村党员活动室对着党旗集中宣誓入党誓词。",
        "随后进行集体宣誓。",
        "数十名党员右拳高举,重温了入党时许下的誓言。",
    ],
)
def test_oath_taken_phrasings(text: str) -> None:
    record = bare(text)
    assert record.oath_taken is not None and record.oath_leader is None


def test_a_pledge_is_not_the_oath() -> None:
    assert bare("支部书记带领全体党员作出公开承诺。").oath_taken is None


def test_an_oath_to_prepare_for_is_none_taken() -> None:
    assert bare("最后，姚峻熙提醒两名同志认真准备入党宣誓，按时参加入党谈话。").oath_taken is None


# ----------------------------------------------------------------- study


@pytest.mark.parametrize(
    ("texts", "leaders", "materials"),
    [
        (["党员柯雨辰同志带领全体党员认真学习《中国共产党章程》。"], {"柯雨辰"}, {"《中国共产党章程》"}),
        (
            ["党支部副书记耿一鸣组织与会委员学习了《中国共产党纪律处分条例》。"],
            {"耿一鸣"},
            {"《中国共产党纪律处分条例》"},
        ),
        (
            [
                "会议中,支部书记甘露首先通报了支部情况,随后带领全体党员学习了《中国共产党党员教育管理工作条例》。"
            ],
            {"甘露"},
            {"《中国共产党党员教育管理工作条例》"},
        ),
        (
            ["主任裴志远就《中国共产党农村基层组织工作条例》中的内容进行了详细地讲解。"],
            {"裴志远"},
            {"《中国共产党农村基层组织工作条例》"},
        ),
        (
            [
                "组织委员阮静领学了《中国共产党支部工作条例（试行）》;随后宣传委员欧阳明带领大家学习了《论党的自我革命》。"
            ],
            {"阮静", "欧阳明"},
            {"《中国共产党支部工作条例（试行）》", "《论党的自我革命》"},
        ),
        (["活动中,组委领学了《习近平著作选读》。"], {"组委"}, {"《习近平著作选读》"}),
        (
            ["随后,离退休工作处组织员庞欣悦领学《中国共产党章程》总纲部分。"],
            {"庞欣悦"},
            {"《中国共产党章程》"},
        ),
        (
            ["宣传委员孟庆兰同志逐条解读了新修订的《中华人民共和国未成年人保护法》。"],
            {"孟庆兰"},
            {"《中华人民共和国未成年人保护法》"},
        ),
    ],
)
def test_study_leaders_and_materials(texts: list[str], leaders: set[str], materials: set[str]) -> None:
    study = bare(*texts).study
    assert {s.leader for s in study if s.leader} == leaders
    assert {s.material for s in study if s.material.startswith("《")} == materials


@pytest.mark.parametrize(
    "text",
    [
        "会上,支部书记龙海传达了《关于加强党员教育的通知》的精神。",
        "党务干事伍佳宣读了《关于进一步规范组织生活的意见》。",
        "会议重点围绕《中国共产党党务公开条例（试行）》开展集体学习。",
    ],
)
def test_passing_on_is_study_without_a_leader(text: str) -> None:
    study = bare(text).study
    assert study and all(s.leader is None for s in study)


def test_a_document_cited_as_basis_or_a_film_is_not_studied() -> None:
    study = bare("根据《关于开展主题党日活动的通知》要求,党员观看了纪录片《榜样》。").study
    assert study == []


def test_a_campaign_is_not_a_study_led() -> None:
    assert bare("党总支组织开展了形式多样的党史学习教育活动。").study == []


# ----------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("text", "expected", "actual", "absent"),
    [
        ("应出席14人,实际出席12人。", 14, 12, None),
        ("应参会14人,实参会13人。", 14, 13, None),
        ("支部现有党员14名,本次出席12名。", 14, 12, None),
        ("应到党员十八名,实到十六名,缺席二名。", 18, 16, 2),
        ("主持人通报了应到会党员人数为21名,实到党员人数20名。", 21, 20, None),
        ("支部27名党员,出席会议23人。", 27, 23, None),
        ("支部26名党员及3名入党积极分子参加了会议。", None, 26, None),
        ("其中本季度过生日的党员有15人参与。", None, 15, None),
        ("通过与会9人的无记名投票确定了人选。", None, 9, None),
        ("党员应到十九人,到会正式党员十五人、预备党员二人。", 19, 17, None),
        ("应参会党员19人,实际参会17人,其中正式党员15人、预备党员2人。", 19, 17, None),
    ],
)
def test_counts(text: str, expected: int | None, actual: int | None, absent: int | None) -> None:
    record = bare(text)
    got = tuple(
        v.value if v else None for v in (record.expected_count, record.actual_count, record.absent_count)
    )
    assert got == (expected, actual, absent)


def test_a_name_list_counts_but_is_not_trusted_alone() -> None:
    record = bare("应到党员5人。", "参会党员:鲍立新、芮晓东、", "成小雨、卫东。")
    assert record.actual_count is not None and record.actual_count.value == 4
    assert record.actual_count.confidence < 0.8  # a cut list must be confirmed by the sign-in or the platform


def test_all_present_with_an_expected_count() -> None:
    record = bare("出席情况:应到21人,全体党员参加。")
    assert record.actual_count is not None and record.actual_count.value == 21
    assert bare("全体党员参加了活动。").actual_count is None


def test_a_membership_total_alone_is_not_the_expected_count() -> None:
    assert bare("本支部共有党员43人。").expected_count is None


# ----------------------------------------------------------------- absentees


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("缺席1人（邬海燕休产假）。", [("邬海燕", "休产假")]),
        ("缺席2人（闵强值班、卞丽君在外培训）。", [("闵强", "值班"), ("卞丽君", "在外培训")]),
        (
            "栾涛因公出差、巩一凡病假、上官雪休产假未参加。",
            [("栾涛", "因公出差"), ("巩一凡", "病假"), ("上官雪", "休产假")],
        ),
        ("其中谷雨同志在外培训、池明同志值班,未能参会。", [("谷雨", "在外培训"), ("池明", "值班")]),
        ("未参会人员:岑立,因公外出;麦小芸,病假。", [("岑立", "因公外出"), ("麦小芸", "病假")]),
        ("缺席2人:房东升、晏青（都是请假）。", [("房东升", "请假"), ("晏青", "请假")]),
        ("缺席人员及原因:冉静（事假）、苟建（出差）。", [("冉静", "事假"), ("苟建", "出差")]),
    ],
)
def test_absentees_with_glued_reasons(text: str, want: list[tuple[str, str]]) -> None:
    record = bare(text)
    assert [(a.name, a.reason) for a in record.absentees] == want


def test_absentees_with_a_roster_split_name_and_reason() -> None:
    record = meeting("缺席1人（张莹休产假）。")  # 张莹 is on the helper roster
    assert [(a.name, a.reason) for a in record.absentees] == [("张莹", "休产假")]


def test_unnamed_leave_gives_the_reason_not_an_absentee() -> None:
    record = bare("会议应到12人,实到10人,其中2人请假。")
    assert record.absentees == []
    assert record.absent_count is not None and record.absent_count.value == 2
    assert record.unnamed_leave is not None and record.unnamed_leave.value == "请假"


# ----------------------------------------------------------------- kind, dates, script


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("开展主题党日暨支部党员大会", "主题党日"),
        ("召开2023年度组织生活会和民主评议党员大会", "组织生活会"),
        ("第二党支部召开支部委员会会议", "支委会"),
    ],
)
def test_kind_from_the_title(title: str, kind: str) -> None:
    record = bare(title, "会议由支部书记滕飞主持。")
    assert record.kind is not None and record.kind.value == kind


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("二0二三年十月十九日上午,支部召开党员大会。", dt.date(2023, 10, 19)),
        ("2019年 6 月1日,支部开展主题党日活动。", dt.date(2019, 6, 1)),
        ("2022年9月8号下午,支部召开支委会。", dt.date(2022, 9, 8)),
    ],
)
def test_dates_as_written(text: str, date: dt.date) -> None:
    record = meeting(text, roster=[])
    assert record.date is not None and record.date.value == date


def test_a_date_without_a_year_is_partial() -> None:
    assert date_partial(lines_of("6 月 24 日下午,支部在会议室召开党员大会。")) == "--06-24"


def test_lecture_lecturer_and_title() -> None:
    found = lecture(lines_of("支部书记祁东以《守初心担使命》为题为全体党员讲授专题党课。"), PersonFinder([]))
    assert found is not None and (found.lecturer, found.title) == ("祁东", "守初心担使命")


def _doc(text: str) -> Document:
    spans = [TextSpan(p, Origin("account.docx", paragraph=i)) for i, p in enumerate(text.split("\n"))]
    return Document("account.docx", FileKind.DOCX, [Page(1, spans)])


def test_a_news_style_account_is_the_minutes() -> None:
    text = (
        "学党章 守初心\n9月12日下午,市第三中学党支部在党员活动室开展主题党日活动,全体党员参加了活动。"
        "活动中,大家集中学习了党章,并结合教学工作交流了体会,表示要立足岗位作表率。"
    )
    assert classify(_doc(text), is_image=False) == Role.MINUTES


def test_a_traditional_script_account_is_the_minutes() -> None:
    text = (
        "9月24日,餐飲服務中心黨支部在明湖草坪開展主題黨日活動,全體黨員參加。"
        "活動中,大家在支部書記的帶領下重溫了入黨誓詞,並集中學習了黨史知識,表示要踐行初心使命。"
    )
    assert classify(_doc(text), is_image=False) == Role.MINUTES


def test_a_record_pointing_to_its_sign_in_sheet_is_the_minutes() -> None:
    text = (
        "24.8.21　星期三　上午九点\n锦江里社区第一党支部　8月主题党日\n地点：社区二楼会议室\n主持人：邝志勇\n"
        "参加人员：在家党员（见签到表）\n缺席人员及原因：骆红 外地；乔建新 病\n内容：学习党的二十届三中全会公报。"
    )
    assert classify(_doc(text), is_image=False) == Role.MINUTES


def test_a_party_group_meeting_written_as_a_record_is_the_minutes() -> None:
    text = (
        "护理第二党小组　小组会\n3月5日　14:00　外科楼护士站旁示教室\n小组长：贺兰芳（主持）\n"
        "本小组党员11名，今天到7名。组长贺兰芳带大家学了《护士条例》中护士权利和义务两章，对照上月两起纠纷讨论交接班。"
    )
    assert classify(_doc(text), is_image=False) == Role.MINUTES


def test_a_volunteer_day_reported_by_the_branch_is_the_minutes() -> None:
    text = (
        "县二中党支部·“文明创城 党员先行”志愿服务\n5月18日星期六上午，地点人民广场东侧路口。\n"
        "组织委员林国庆带队，党员老师分三组劝导闯红灯的电动车、捡拾垃圾。没来的：数学组冯佳佳（女儿发烧）。"
    )
    assert classify(_doc(text), is_image=False) == Role.MINUTES


def test_a_short_notice_is_not_the_minutes() -> None:
    assert classify(_doc("关于报送材料的通知"), is_image=False) == Role.OTHER


def test_a_headline_naming_the_lecturer_by_office_gives_way_to_the_story_that_names_them() -> None:
    found = lecture(
        lines_of(
            "书记讲党课｜把课堂搬进车间", "支部书记程立恒讲授党课，讲稿题目为《在产教融合中践行初心》。"
        ),
        PersonFinder([]),
    )
    assert found is not None and (found.lecturer, found.title) == ("程立恒", "在产教融合中践行初心")


def test_a_report_of_a_lecture_naming_its_lecturer_is_the_minutes_not_the_manuscript() -> None:
    text = (
        "城北中学党支部书记讲党课\n5月9日下午，城北中学党支部在图书馆二楼报告厅上了一堂专题党课，主讲人是支部书记、"
        "校长邢怀远，他从学校的育人故事讲起。党课后，副校长带领党员教师学习了有关文件。"
    )
    assert classify(_doc(text), is_image=False) == Role.MINUTES


def test_a_lecture_manuscript_is_the_manuscript() -> None:
    text = "党课讲稿\n题目：坚定理想信念 争做合格党员\n主讲人：邢怀远\n同志们：今天我和大家一起学习党章，谈谈怎样做一名合格党员。"
    assert classify(_doc(text), is_image=False) == Role.MANUSCRIPT


def test_a_kind_beside_a_later_plan_in_one_long_sentence() -> None:
    text = "就是我们支部这周二晚上在研讨间开了一个专题党课，然后请的是学院的老师来讲的，然后下次我们想搞一个读书分享会"
    found = kind(lines_of(text))
    assert found is not None and found.value == "党课"


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (("中心党委副书记、主任段鸿远以《守好一方安澜》为题为支部党员授课。",), ("段鸿远", "守好一方安澜")),
        (("车间主任、党员常立山以“安全是最大的效益”为题讲课。",), ("常立山", "安全是最大的效益")),
        (  # a label whose colon was a gap, and a long description before the name
            ("主 讲 人　县卫健局下派医生、党员 艾力·买买提", "党课题目　《做群众健康的守门人》"),
            ("艾力·买买提", "做群众健康的守门人"),
        ),
        (  # the label names the lecturer, the story's sentence gives the title
            (
                "讲课人：党支部书记、总经理秦立波",
                "一、专题党课。秦立波以“从报告看我们的奔头”为题讲党课，从…讲起。",
            ),
            ("秦立波", "从报告看我们的奔头"),
        ),
        # a 专题辅导 on a title; a lecture given in everyday words
        (
            ("随后，高级讲师隗秉钧以“从百年党史看共产党人的初心”为题作专题辅导。",),
            ("隗秉钧", "从百年党史看共产党人的初心"),
        ),
        (
            ("老党员翁敬山以“我的几点体会”为题，给支部党员特别是年轻人讲了一课。",),
            ("翁敬山", "我的几点体会"),
        ),
        # the label's name with its title in brackets; the verb alone, no 党课 in the sentence
        (("主讲人：殷鹤鸣（院党委副书记）", "党课题目：《守护生命之托》"), ("殷鹤鸣", "守护生命之托")),
        (("支部书记庞建伟主讲，题目是“守好三尺讲台”。",), ("庞建伟", "守好三尺讲台")),
    ],
)
def test_lectures_told_on_a_title_or_under_a_label(texts: tuple[str, ...], want: tuple[str, str]) -> None:
    found = lecture(lines_of(*texts), PersonFinder([]))
    assert found is not None and (found.lecturer, found.title) == want


@pytest.mark.parametrize(
    "text",
    [
        "吉芸熙（王教授课题组）细胞正在传代，走不开。",  # 授课 inside 教授课题组
        "党员柏子宁提议每季度搞一次技术沙龙，第一期由柏子宁主讲。",  # a plan
        "支部书记尹浩然共享屏幕主讲，领学《习近平著作选读》第二卷。",  # the study it was
    ],
)
def test_words_of_teaching_that_tell_no_lecture_here(text: str) -> None:
    assert lecture(lines_of(text), PersonFinder([])) is None


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (  # told again in another tongue, in the same sentence, by one called by a first part and a title
            (
                "主持人：村党支部书记 顿珠次仁",
                "党员韦立军领学《中国共产党农村基层组织工作条例》，顿珠书记用藏语逐条讲解。",
            ),
            ["韦立军", "顿珠次仁"],
        ),
        (  # … or in the next sentence
            ("党员依香领学了《乡村振兴促进法》第二章。岩温光用傣语又讲了一遍，让老党员听得明白。",),
            ["依香", "岩温光"],
        ),
        (  # a heading that only names the material, then who explained it
            (
                "一、学习《中国共产党发展党员工作细则》。",
                "组织委员柯思远对照细则第三章，逐条解读发展党员的程序。",
            ),
            ["柯思远"],
        ),
        (  # reading while explaining is the same leader, no second one
            ("组织委员林秀珠领学《中国共产党支部工作条例（试行）》第三章，边念边用闽南话给老党员解释。",),
            ["林秀珠"],
        ),
    ],
)
def test_study_leaders_who_explain_again_or_after_a_heading(texts: tuple[str, ...], want: list[str]) -> None:
    assert [i.leader for i in meeting(*texts, roster=[]).study] == want


def test_a_transcribed_name_ending_in_和_leads_the_oath() -> None:
    record = meeting("支部委员乌力吉苏和领誓，全体党员重温入党誓词。", roster=[])
    assert record.oath_leader is not None and record.oath_leader.value == "乌力吉苏和"


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (
            ("领学人：公孙明　　学习内容：《新时代公民道德建设实施纲要》第三部分",),
            ["公孙明"],
        ),  # the next label
        (
            ("应到26人，缺席1人：詹若林领着学生在省城参加大赛。", "王立新领学《党章》。"),
            ["王立新"],
        ),  # 领着学生
        (("会上，邵宏达领学了《通知》，要求支委班子带头学党史、悟思想。",), ["邵宏达"]),  # 班子 is no one
    ],
)
def test_no_leader_read_from_a_label_a_student_or_a_body(texts: tuple[str, ...], want: list[str]) -> None:
    assert [i.leader for i in meeting(*texts, roster=[]).study] == want


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "支部书记钱立本以《学纪知纪明纪守纪，做遵规守纪的明白人》为题讲党课。",
            "学纪知纪明纪守纪，做遵规守纪的明白人",
        ),
        (
            "主讲人：葛清瑜\n党课题目：《守正创新，做群众信得过的中医药人》",
            "守正创新，做群众信得过的中医药人",
        ),
        (
            "局机关党支部开展“书记讲党课”活动，支部书记辛卫东以“‘四好农村路’上的初心答卷”为题讲授专题党课。",
            "‘四好农村路’上的初心答卷",
        ),
    ],
)
def test_the_lecture_s_title_whole_and_not_the_activity_s_name(text: str, title: str) -> None:
    """A title's own comma ends no clause; 以“…”为题 is the title, not the activity's “书记讲党课”."""
    found = lecture(lines_of(*text.split("\n")), PersonFinder([]))
    assert found is not None and found.title == title


def test_the_record_of_a_lecture_naming_its_lecturer_is_the_minutes() -> None:
    text = (
        "党课记录\n支部：城北中学党支部\n时间：2021年6月24日\n党课题目：《百年初心》\n主讲人：副校长 邢怀远\n"
        "由支部书记程立恒主持，到课16人。\n记录人：时雨萱"
    )
    assert classify(_doc(text), is_image=False) == Role.MINUTES
