"""The weak classes of the blind split (2026-12-01): study leaders and materials, absentees with
reasons, the place, plan items in other words. Each class has sentences of our own, written the
way branches write minutes (记录簿 forms, news-style accounts, platform exports), none copied
from a corpus; names are those of ``fields_helpers.ROSTER`` (and, marked, without a roster)."""

from __future__ import annotations

import pytest
from fields_helpers import counts_of, lines_of, meeting

from extractors.fields.cues import find_cues
from extractors.fields.meeting import place
from extractors.fields.people import named_alone

# ----------------------------------------------------------------- study: who led which material


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("支部副书记张明带大家学习了《中国共产党章程》。", [("张明", "《中国共产党章程》")]),
        ("王芳同志围绕《中国共产党章程》作了导读。", [("王芳", "《中国共产党章程》")]),
        ("副局长孙七围绕《中国共产党章程》作专题宣讲。", [("孙七", "《中国共产党章程》")]),
        ("党员们在孙七的引导下，共同学习《中国共产党章程》。", [("孙七", "《中国共产党章程》")]),
        ("第二项：学习《中国共产党章程》，领学人赵六。", [("赵六", "《中国共产党章程》")]),
        (
            "王芳同志通过PPT向大家讲解了《中国共产党章程》。",
            [("王芳", "《中国共产党章程》")],
        ),  # 通过 is no 过
        ("学习由孙七同志主讲，内容为《中国共产党章程》。", [("孙七", "《中国共产党章程》")]),
        ("孙书记领学了《中国共产党章程》。", [("孙七", "《中国共产党章程》")]),  # the only 孙 on the roster
        ("学习了《中国共产党廉洁自律准则》（领学：王芳）。", [("王芳", "《中国共产党廉洁自律准则》")]),
        ("王芳同志主持学习了《中国共产党纪律处分条例》。", [("王芳", "《中国共产党纪律处分条例》")]),
        ("会上，宣传委员王芳向大家宣讲了《中国共产党章程》总纲。", [("王芳", "《中国共产党章程》")]),
        ("党员们跟随李光振书记一起学习了《中国共产党简史》第三章。", [("李光振", "《中国共产党简史》")]),
        ("全体党员在张明同志的领读下学习了《中国共产党章程》。", [("张明", "《中国共产党章程》")]),
        (
            "组织委员张明同志采取“领学+研讨”的方式，带领大家学习了《中国共产党支部工作条例（试行）》。",
            [("张明", "《中国共产党支部工作条例（试行）》")],
        ),
        (
            "书记李光振同志结合PPT，为大家讲解了《习近平新时代中国特色社会主义思想学习纲要（2023年版）》。",
            [("李光振", "《习近平新时代中国特色社会主义思想学习纲要（2023年版）》")],
        ),
        ("赵六同志围绕《中国共产党章程》带领大家开展了集中学习。", [("赵六", "《中国共产党章程》")]),
        (
            "领学人：王芳（《中国共产党章程》第一章）、孙七（《中国共产党廉洁自律准则》）。",
            [("王芳", "《中国共产党章程》"), ("孙七", "《中国共产党廉洁自律准则》")],
        ),
        (
            "学习内容：《中国共产党纪律处分条例》（宣传委员王芳领学）。",  # one item, not a leaderless copy
            [("王芳", "《中国共产党纪律处分条例》")],
        ),
        (
            "理论学习环节由组织委员张明同志负责，大家学习了《中国共产党章程》。",
            [("张明", "《中国共产党章程》")],
        ),
        (
            "全体党员由王芳同志带领，逐条研读了《中国共产党廉洁自律准则》。",
            [("王芳", "《中国共产党廉洁自律准则》")],
        ),
        ("在李光振书记带领下，党员们学习了《中国共产党简史》。", [("李光振", "《中国共产党简史》")]),
        ("王芳带着大家一起读《中国共产党章程》。", [("王芳", "《中国共产党章程》")]),
        ("由组织委员张明同志带读《中国共产党章程》第三章。", [("张明", "《中国共产党章程》")]),
        ("王芳同志逐条讲读《中国共产党廉洁自律准则》。", [("王芳", "《中国共产党廉洁自律准则》")]),
        ("学习《中国共产党章程》，赵六同志作领学发言。", [("赵六", "《中国共产党章程》")]),
        ("领学：孙七，内容：《中国共产党简史》第一章。", [("孙七", "《中国共产党简史》")]),
        ("张明同志组织大家重温了《中国共产党章程》。", [("张明", "《中国共产党章程》")]),
        ("张明组织党员开展《中国共产党纪律处分条例》专题学习。", [("张明", "《中国共产党纪律处分条例》")]),
        (
            "学习篇目：《中国共产党章程》（王芳领学）、《中国共产党简史》（孙七同志领读）。",
            [("王芳", "《中国共产党章程》"), ("孙七", "《中国共产党简史》")],
        ),
        (
            "赵六同志和孙七同志分别就《中国共产党章程》和《中国共产党简史》进行了领学。",
            [("赵六", "《中国共产党章程》"), ("孙七", "《中国共产党简史》")],
        ),
        (
            "王芳领学了《中国共产党章程》中“党的纪律”一章，孙七领学了《党的二十大报告学习辅导百问》。",
            [("王芳", "《中国共产党章程》"), ("孙七", "《党的二十大报告学习辅导百问》")],
        ),
        # the verb ends the clause, the title came before it (passive, with a title before the name)
        (
            "学习篇目《中国共产党章程》由宣传委员王芳同志导读，大家边听边思。",
            [("王芳", "《中国共产党章程》")],
        ),
        (
            "由支部书记李光振同志通读《中国共产党简史》，全体党员认真聆听。",
            [("李光振", "《中国共产党简史》")],
        ),
        # what follows the verb is no material: the title before it in the sentence, or after 内容为
        (
            "组织委员张明同志对照《中国共产党章程》，带领党员逐条学习、逐条对照。",
            [("张明", "《中国共产党章程》")],
        ),
        (
            "由孙七同志领学《中国共产党简史》，领学中穿插了本单位的实际案例。",
            [("孙七", "《中国共产党简史》")],
        ),
        ("宣传委员王芳同志作领学发言，领学内容为《中国共产党章程》。", [("王芳", "《中国共产党章程》")]),
        # 作专题辅导, the material told after the clause (内容为 / 围绕)
        (
            "由公司党委委员、副总经理张明作专题辅导，辅导内容为《中国共产党简史》第十章。",
            [("张明", "《中国共产党简史》")],
        ),
        (
            "由副局长王芳作专题辅导，围绕《中国共产党章程》讲基层的变化。",
            [("王芳", "《中国共产党章程》")],
        ),
        ("孙七同志领学《中国共产党章程》并作辅导。", [("孙七", "《中国共产党章程》")]),  # one leader
        # read out by one, explained by the other: the one explaining led it
        (
            "一、学习。办公室主任张明宣读《中国共产党组织工作条例》第四章，孙七逐条作了解读，联系局里情况。",
            [("孙七", "《中国共产党组织工作条例》")],
        ),
        (
            "学习内容：《中国共产党章程》第三章，邵一帆导读，并结合报销审核工作讲了体会。",
            [("邵一帆", "《中国共产党章程》")],
        ),
    ],
)
def test_study_leaders_and_materials(text: str, want: list[tuple[str, str]]) -> None:
    assert [(i.leader, i.material) for i in meeting(text).study] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("专题学习：纪检委员柏凯通过PPT解读《中国共产党纪律处分条例》第二编。", "柏凯"),
        ("下午回到单位，支部纪检委员卓敏借助案例讲解了《中国共产党纪律处分条例》第六章。", "卓敏"),
    ],
)
def test_how_the_leader_explained_it_may_stand_between_the_leader_and_the_verb(text: str, want: str) -> None:
    assert [i.leader for i in meeting(text, roster=[]).study] == [want]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the verb ends the clause, the title came before it
        ("这回学的是《中国共产党简史》第五章，孙七同志领的学。", [("孙七", "《中国共产党简史》")]),
        (
            "学《中国共产党章程》，王芳领；学《中国共产党简史》，张明领。",
            [("王芳", "《中国共产党章程》"), ("张明", "《中国共产党简史》")],
        ),
        # more verbs of leading, right before the title
        ("宣传委员王芳同志为大家串讲了《中国共产党章程》。", [("王芳", "《中国共产党章程》")]),
        ("张明书记为全体党员辅导学习《中国共产党简史》。", [("张明", "《中国共产党简史》")]),
        ("孙七同志先讲了章程，王芳同志接着精读《中国共产党简史》。", [("王芳", "《中国共产党简史》")]),
        # a label after a bracketed heading
        ("[领学] 孙七：《中国共产党章程》", [("孙七", "《中国共产党章程》")]),
        # 领学前 / 领学中: the time around the study, not its object
        (
            "王芳同志在领学前先讲了学习要求，随后由王芳同志领学《中国共产党章程》。",
            [("王芳", "《中国共产党章程》")],
        ),
    ],
)
def test_leading_verbs_after_the_title_and_before_it(text: str, want: list[tuple[str, str]]) -> None:
    assert [(i.leader, i.material) for i in meeting(text).study] == want


@pytest.mark.parametrize(
    "text",
    ["组织委员王芳拿着《中国共产党章程》，一段一段念给大家听。", "王芳给大家讲了讲《中国共产党章程》。"],
)
def test_a_title_read_out_or_talked_through_is_a_study_cue(text: str) -> None:
    assert "study" in meeting(text).cues


@pytest.mark.parametrize(
    "text",
    [
        "原定本次学习《中国共产党章程》第二专题，学习改到下周三补上，到时由组织委员王芳领学。",
        "本月学习内容《中国共产党章程》第九章，先发到群里大家自学，下周由张明带着逐条过一遍，今天不展开。",
    ],
)
def test_a_study_put_off_or_planned_is_none_held(text: str) -> None:
    assert meeting(text).study == []


def test_organising_a_study_written_with_the_one_character_verb() -> None:
    text = "讲完后孙七组织大家学了《中国共产党章程》。"
    assert [(i.leader, i.material) for i in meeting(text).study] == [("孙七", "《中国共产党章程》")]


@pytest.mark.parametrize(
    "texts",
    [
        ["会议集中学习了《中国共产党章程》第二章。", "宣传委员王芳同志领学。"],
        ["王芳同志领学。", "学习内容为《中国共产党章程》第二章。"],
        ["学习《中国共产党章程》第二章。", "宣传委员王芳同志领学，党员们结合各自岗位进行了讨论。"],
        ["1、导读：王芳。", "学习《中国共产党章程》第二章。"],
    ],
)
def test_a_leader_in_the_sentence_next_to_the_material(texts: list[str]) -> None:
    assert [(i.leader, i.material) for i in meeting(*texts).study] == [("王芳", "《中国共产党章程》")]


@pytest.mark.parametrize(
    "text",
    [
        "党员们围绕《中国共产党章程》开展讨论，张明同志也谈了体会。",
        "大家围绕《中国共产党章程》谈体会，赵六同志作了交流发言。",
    ],
)
def test_a_study_sentence_naming_someone_is_a_lead_cue(text: str) -> None:
    """No leader read: the sentence names a person who may have led it (unknown, not a fail)."""
    record = meeting(text)
    assert not any(i.leader for i in record.study)
    assert "study_lead" in record.cues


def test_a_campaign_is_no_study_led() -> None:
    assert meeting("张明同志带领大家开展了学雷锋志愿服务活动。").study == []


# ----------------------------------------------------------------- absentees and their reasons


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (["赵六同志病假；孙七同志因公出差，未能参加本次活动。"], [("赵六", "病假"), ("孙七", "因公出差")]),
        (["缺席党员姓名及原因：赵六 住院治疗　孙七 外出务工"], [("赵六", "住院治疗"), ("孙七", "外出务工")]),
        (["缺席人员　赵六　年老体弱　孙七　在外地务工"], [("赵六", "年老体弱"), ("孙七", "在外地务工")]),
        (
            ["因故未参加会议的有：赵六（陪护家人）、孙七（外出学习）。"],
            [("赵六", "陪护家人"), ("孙七", "外出学习")],
        ),
        (["请假情况：赵六请假（值班）；孙七缺席。"], [("赵六", "值班"), ("孙七", None)]),
        (["缺席3人：病假：赵六、孙七；出差：于洋。"], [("赵六", "病假"), ("孙七", "病假"), ("于洋", "出差")]),
        (["缺席2人（流动党员在外）：赵六、孙七。"], [("赵六", "流动党员在外"), ("孙七", "流动党员在外")]),
        (["缺席2人：赵六、孙七；原因：事假、出差。"], [("赵六", "事假"), ("孙七", "出差")]),
        (["缺席2人：赵六、孙七", "原因：事假、出差。"], [("赵六", "事假"), ("孙七", "出差")]),
        (
            ["缺席党员：赵六（身体不适，已请假），孙七（出差，已请假）。"],
            [("赵六", "身体不适"), ("孙七", "出差")],
        ),
        (["应到会党员中，赵六事假、孙七，共2人未到会。"], [("赵六", "事假"), ("孙七", None)]),
        (
            ["因故未参加的2名党员：赵六同志，孙七同志。"],
            [("赵六", None), ("孙七", None)],
        ),  # 因故 says no reason
        (["赵六、孙七两位同志因年老体弱无法参加会议。"], [("赵六", "因年老体弱"), ("孙七", "因年老体弱")]),
        (["赵六同志因在外地务工，不能参加。"], [("赵六", "因在外地务工")]),
        (["缺席：赵六（请假，住院）、孙七（未参会）。"], [("赵六", "住院"), ("孙七", None)]),
        (
            ["赵六：外出务工；", "孙七：照顾病重老人；", "以上2人缺席。"],
            [("赵六", "外出务工"), ("孙七", "照顾病重老人")],
        ),
        (["赵六：年老体弱；", "孙七：无；", "以上2人均未参加。"], [("赵六", "年老体弱"), ("孙七", None)]),
        (["缺席情况：赵六：无；以上1人缺席。"], [("赵六", None)]),  # the reason ends at ;
        (["因病请假：赵六；因公出差：孙七。"], [("赵六", "因病"), ("孙七", "因公出差")]),
        (
            ["应到8人，实到6人，缺席2人。", "赵六病假，孙七外出务工。"],
            [("赵六", "病假"), ("孙七", "外出务工")],
        ),
        (["缺席2人。赵六住院，孙七。"], [("赵六", "住院"), ("孙七", None)]),
        (["请假人员：赵六、孙七（病假、事假）"], [("赵六", "病假"), ("孙七", "事假")]),
        (
            ["缺席3人：因公出差：赵六；", "病假：孙七；", "无故：于洋。"],
            [("赵六", "因公出差"), ("孙七", "病假"), ("于洋", None)],
        ),
        (
            [
                "应到5人。参会人员（3人）：李光振 张明 王芳赵六休产假、孙七，未参加会议。"
            ],  # two lines run together
            [("赵六", "休产假"), ("孙七", None)],
        ),
        (
            ["应到9人，参加人员：李光振、张明、王芳缺席人员及原因：赵六—出差；"],  # a PDF line run together
            [("赵六", "出差")],
        ),
    ],
)
def test_absentees_with_reasons(texts: list[str], want: list[tuple[str, str | None]]) -> None:
    assert [(a.name, a.reason) for a in meeting(*texts).absentees] == want


def test_a_denial_counts_only_in_the_absentees_own_clause() -> None:
    own = meeting("缺席人员：赵六（病假）、孙七（未请假）。")
    assert [(a.name, a.reason) for a in own.absentees] == [("赵六", "病假"), ("孙七", None)]
    assert "absence_reason" not in own.cues  # nothing else said: the rule fails


def test_a_denial_in_another_sentence_is_quoted_not_decided() -> None:
    record = meeting("缺席人员：赵六（病假）。", "会上强调，赵六同志此前多次未请假缺席，要引以为戒。")
    assert [(a.name, a.reason) for a in record.absentees] == [("赵六", None)]
    assert "absence_reason" in record.cues  # the two sentences disagree: a person reads them


@pytest.mark.parametrize(
    "text", ["赵六缺席，系家中老人住院需照看。", "赵六同志未参加会议，据了解其在外地务工。"]
)
def test_a_reason_the_reader_could_not_attach_is_a_cue(text: str) -> None:
    record = meeting(text)
    assert [(a.name, a.reason) for a in record.absentees] == [("赵六", None)]
    assert "absence_reason" in record.cues  # unknown, not a fail


# ----------------------------------------------------------------- where the meeting took place


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (["活动时间：2023年5月6日 14:30  活动地点：村党群服务中心"], "村党群服务中心"),
        (["时间、地点：2023年5月6日下午，社区党员活动室。"], "社区党员活动室"),
        (["会议地点：行政楼301会议室（线上同步）"], "行政楼301会议室"),
        (["机关第二党支部5月主题党日活动（2023年5月6日，局机关五楼会议室）"], "局机关五楼会议室"),
        (["5月6日，支部党员赴烈士陵园开展“缅怀先烈”主题党日活动。"], "烈士陵园"),
        (["2023年5月6日，支部于腾讯会议召开线上主题党日活动。"], "腾讯会议"),
        (["时间：2023年5月6日 地点：村委会二楼会议室"], "村委会二楼会议室"),
        (["5月6日，支部通过腾讯会议线上召开主题党日活动。"], "腾讯会议"),
        (["5月6日，支部组织党员到县档案馆参观学习。"], "县档案馆"),
        (["5月6日，支部党员来到红色教育基地——杨家岭旧址，开展主题党日活动。"], "杨家岭旧址"),
        (["5月6日，支部党员来到位于城南的革命烈士纪念馆，开展主题党日活动。"], "革命烈士纪念馆"),
        (["5月6日，支部借助钉钉直播间开展线上主题党日。"], "钉钉直播间"),
        (["5月6日，支部在党建活动室以“学党史 守初心”为主题召开主题党日活动。"], "党建活动室"),
        (
            [
                "5月6日，支部带领党员赴某县桃园镇石桥村，开展“送学下乡”主题党日。",
                "活动开始，党员们在石桥村党群服务中心会议室面向党旗重温入党誓词。",
            ],
            "石桥村党群服务中心会议室",  # the room in the village the outing went to
        ),
    ],
)
def test_place(texts: list[str], want: str) -> None:
    found = place(lines_of(*texts))
    assert found is not None and found.value == want


def test_a_place_someone_was_driven_to_is_no_meeting_place() -> None:
    assert place(lines_of("老党员清早让儿子开车送到乡政府院内，坐着轮椅来到会场。")) is None


# ----------------------------------------------------------------- plan items written in other words


@pytest.mark.parametrize(
    ("item", "text", "want"),
    [
        ("重温入党誓词", "王芳领誓，全体党员举起右拳庄严宣誓。", "done"),
        ("重温入党誓词", "党员们面对党旗，跟读入党誓词。", "done"),
        ("重温入党誓词", "全体党员进行了入党誓词重温。", "done"),
        ("重温入党誓词", "全体党员签订廉洁承诺书并庄严宣誓。", "cue"),  # another pledge: a person reads it
        ("缴纳党费", "会后由组织委员统一收了本季度党费。", "done"),
        ("缴纳党费", "党员们在支付宝上依次缴费。", "cue"),
        ("缴纳党费", "会议学习了《中国共产党章程》。", "missing"),
        ("学习《中国共产党章程》", "王芳同志领学了《党章》第一章。", "done"),
        ("学习《中国共产党章程》", "王芳同志带领大家学习了中国共产党章程总纲部分。", "done"),
        ("学习《习近平新时代中国特色社会主义思想学习纲要（2023年版）》", "王芳领学了《学习纲要》。", "cue"),
        ("学习《中国共产党章程》", "王芳同志领学了《中国共产党纪律处分条例》。", "missing"),
        ("观看警示教育片", "全体党员集中收看了警示教育专题片。", "done"),
        ("开展志愿服务", "会后党员们参加了社区志愿服务活动。", "done"),
        ("开展志愿服务", "王芳同志领学了《中国共产党章程》。", "missing"),
    ],
)
def test_plan_items_in_other_words(item: str, text: str, want: str) -> None:
    record = meeting("主题党日活动记录", text, items=[item])
    got = "done" if item in record.items_done else "cue" if f"item:{item}" in record.cues else "missing"
    assert got == want


def test_no_roster_names_are_not_cut_from_common_words() -> None:
    """方面 / 方式 are not names (方 is a surname): the leader is the person before them."""
    found = meeting("党支部书记姜梅同志从三个方面对《中国共产党章程》作了解读。", roster=[]).study
    assert [(i.leader, i.material) for i in found] == [("姜梅", "《中国共产党章程》")]


def test_find_cues_without_roster_keeps_study_lead_to_verbs() -> None:
    assert "study_lead" not in find_cues(lines_of("全体党员自主学习了《中国共产党章程》。"))


def test_who_chaired_the_study_part_is_no_presider() -> None:
    record = meeting(
        "会议主持人为李光振。", "学习环节由纪检委员张明同志主持，大家共同学习了《中国共产党章程》。"
    )
    assert record.presider is not None and record.presider.value == "李光振"
    assert [(i.leader, i.material) for i in record.study] == [("张明", "《中国共产党章程》")]
    alone = meeting("学习环节由纪检委员张明同志主持，大家共同学习了《中国共产党章程》。")
    assert alone.presider is None and "presider" in alone.cues  # a person decides, never a pass


def test_a_planned_volume_is_not_written_by_another_volume() -> None:
    from extractors.fields.study import material_written

    assert not material_written(
        "《习近平谈治国理政》第三卷", "书记领学了《习近平谈治国理政》第四卷中的一篇。"
    )
    assert material_written("《习近平谈治国理政》第三卷", "书记领学了《习近平谈治国理政》。")


@pytest.mark.parametrize(
    ("text", "planned", "same"),
    [
        ("王芳领学了《习近平谈治国理政》（第四卷）。", "《习近平谈治国理政》第四卷", True),
        ("王芳领学了《习近平谈治国理政》第4卷。", "《习近平谈治国理政》第四卷", True),
        ("王芳领学了《习近平谈治国理政》第4卷。", "《习近平谈治国理政》第三卷", False),
        ("王芳领学了《中国共产党支部工作条例》（试行）第三章。", "《中国共产党支部工作条例（试行）》", True),
    ],
)
def test_materials_with_volumes_and_editions(text: str, planned: str, same: bool) -> None:
    from extractors.fields.study import material_matches

    (item,) = meeting(text).study
    assert item.leader == "王芳" and material_matches(planned, item.material) is same


def test_one_sentence_per_absentee_in_one_cell() -> None:
    from core.models import Origin, TextSpan
    from extractors.fields.attendance import absentees
    from extractors.fields.people import PersonFinder
    from extractors.layout.lines import Line
    from extractors.text.normalize import normalize

    cell = "缺席人员及原因：赵六同志请假，原因：病假。孙七同志请假，原因：事假。"
    line = Line(cell, normalize(cell), TextSpan(cell, Origin("m.docx", paragraph=0)))
    found = absentees([line], PersonFinder(["赵六", "孙七"]))
    assert [(a.name, a.reason) for a in found] == [("赵六", "病假"), ("孙七", "事假")]


def test_no_leader_is_cut_from_a_title() -> None:
    found = meeting(
        "学习了《中国共产党党员教育管理工作条例》（第1-3章）（领学：王芳）。", roster=["王芳"]
    ).study
    assert [(i.leader, i.material) for i in found] == [("王芳", "《中国共产党党员教育管理工作条例》")]


def test_a_count_announced_at_the_meeting_is_no_count_written() -> None:
    assert "attendance" not in meeting("主持人李光振宣读到会人数，宣布会议开始。").cues


def test_who_chaired_the_study_of_a_title_is_its_leader_not_the_presider() -> None:
    record = meeting("会议主持人为王芳。", "支部书记李光振同志主持学习了《中国共产党章程》。")
    assert record.presider is not None and record.presider.value == "王芳"
    assert [(i.leader, i.material) for i in record.study] == [("李光振", "《中国共产党章程》")]


def test_an_absentee_glued_to_the_list_of_those_present() -> None:
    """A PDF ran the 出席 cell into the 缺席 cell: 参加人员:…李光振赵六:外出开会;"""
    record = meeting(
        "应到5人，参加人员：张明、王芳、李光振赵六：外出开会；", "孙七：身体不适；", "以上2人缺席。"
    )
    assert record.attendees is not None and record.attendees.value == ["张明", "王芳", "李光振"]
    assert [(a.name, a.reason) for a in record.absentees] == [("赵六", "外出开会"), ("孙七", "身体不适")]


def test_a_count_of_people_not_named_after_a_list_of_those_present() -> None:
    """参加人员:A、B…其中2人请假 (a PDF ran the two sentences together): the list attended."""
    record = meeting(
        "应到11人，参加人员：李光振、张明、王芳、赵六、孙七、于洋、王建国、张莹、欧阳娜娜其中2人请假。"
    )
    assert record.absentees == []
    assert record.absent_count is not None and record.absent_count.value == 2


def test_among_those_due_is_no_count_cue() -> None:
    """应到会党员中,赵六事假,共1人未到会: the absence statement, no expected or actual count."""
    record = meeting("缺席人员及原因：应到会党员中，赵六事假，共1人未到会。")
    assert [(a.name, a.reason) for a in record.absentees] == [("赵六", "事假")]
    assert "attendance" not in record.cues


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("支部12名党员，10名到场。", (12, 10)),
        ("本次到场党员10人，应到12人。", (12, 10)),
        ("支部共有党员12人，其中10人参加了本次活动。", (12, 10)),
    ],
)
def test_attendance_written_with_other_verbs(text: str, want: tuple[int, int]) -> None:
    record = meeting(text)
    assert record.expected_count is not None and record.actual_count is not None
    assert (record.expected_count.value, record.actual_count.value) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("大会由村党支部副书记闻人秀英主持召开。", "闻人秀英"),
        ("支部书记南宫志远同志主持会议。", "南宫志远"),
        ("会议由社区党委书记端木国强主持。", "端木国强"),
        ("大会由上届支部书记计文斌主持。", "计文斌"),
        ("会议由支部副书记冼美玲主持。", "冼美玲"),
        # the one marked as presiding, a title and name longer than 14 characters, X主持。 alone
        ("小组长：贺兰芳（主持）", "贺兰芳"),
        ("组长：端木红（主持）", "端木红"),
        ("主持：社区党委副书记、支部书记　夏侯振东", "夏侯振东"),
        ("组长尤家旺主持。今晚天冷，到的人不齐。", "尤家旺"),  # 家 inside a given name
        ("组长：钱海波（主持并领学）", "钱海波"),
        # a signature block, an English gloss, a table pasted with tabs
        ("主持人（签字）：甘文涛　　记录人（签字）：詹雅婷", "甘文涛"),
        ("主持人签字：苏卫东", "苏卫东"),
        # where, between the presider and the verb
        ("活动开始前，支部书记凌子墨在社区党群服务中心主持召开了简短的动员会。", "凌子墨"),
        ("主持 Host：党小组长 庄文静", "庄文静"),
        ("主持人\t贺振邦\t记录人\t叶青", "贺振邦"),
        # names of the minority regions, which no surname anchors
        ("会议由村党支部书记艾尼瓦尔·吐尔逊主持。", "艾尼瓦尔·吐尔逊"),
        ("会议由嘎查党支部书记宝音图主持。", "宝音图"),
        ("会议由村党支部书记旦增平措主持。", "旦增平措"),
        ("会议由支部书记额尔敦巴特尔主持。", "额尔敦巴特尔"),
        ("会议由寨子党支部书记岩罕主持。", "岩罕"),
    ],
)
def test_presiders_without_a_roster_with_rarer_surnames(text: str, want: str) -> None:
    record = meeting(text, roster=[])
    assert record.presider is not None and record.presider.value == want


def test_the_count_in_a_form_label_then_the_names_in_the_next_sentence() -> None:
    record = meeting("缺席人员及原因：2人。赵六（夜班补休）、孙七（外出进修）")
    assert [(a.name, a.reason) for a in record.absentees] == [("赵六", "夜班补休"), ("孙七", "外出进修")]
    assert record.absent_count is not None and record.absent_count.value == 2


def test_a_room_whose_name_holds_an_event_verb() -> None:
    """学习 ends the shortest object (在班组|学习…): the room is read to the next stop."""
    assert place(lines_of("4月18日中午，检修党小组在车间班组学习室召开党小组会。")).value == "车间班组学习室"  # type: ignore[union-attr]


def test_the_voters_of_an_election_are_the_expected_count() -> None:
    record = meeting("本次大会应到会有选举权的党员32名，实到会29名。")
    assert record.expected_count is not None and record.expected_count.value == 32
    assert record.actual_count is not None and record.actual_count.value == 29


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (  # the reasons below the names, each after its name again
            ["缺席情况：赵六、孙七未到。原因：孙七—外出开会；赵六—病假。"],
            [("赵六", "病假"), ("孙七", "外出开会")],
        ),
        (  # a reason, then those it covers: 病假的有赵六
            ["缺席人员及原因：缺席2人，其中外出培训的有赵六；病假的有孙七。"],
            [("赵六", "外出培训"), ("孙七", "病假")],
        ),
        (["签到时有1人未到，经了解，赵六是事假。"], [("赵六", "事假")]),  # a copula before the reason
        (["赵六、孙七两名同志分别因出差和生病请假。"], [("赵六", "因出差"), ("孙七", "生病")]),
        (["因工作原因，赵六、孙七未能参会。"], [("赵六", "因工作原因"), ("孙七", "因工作原因")]),
        (["应到15人，实到13人，赵六、孙七因公外出。"], [("赵六", "因公外出"), ("孙七", "因公外出")]),
        (["孙七同志请了病假。"], [("孙七", "病假")]),
        (
            ["缺席情况：赵六、孙七因公外出,没有参加本次主题党日。"],
            [("赵六", "因公外出"), ("孙七", "因公外出")],
        ),
    ],
)
def test_absentee_reasons_in_more_shapes(texts: list[str], want: list[tuple[str, str]]) -> None:
    assert [(a.name, a.reason) for a in meeting(*texts).absentees] == want


def test_a_vote_says_how_many_were_present_and_一致_is_no_count() -> None:
    record = meeting("经举手表决，24名到会党员一致同意赵六同志按期转正。")
    assert record.actual_count is not None and record.actual_count.value == 24
    assert meeting("到会党员一致同意赵六同志按期转正。").actual_count is None


def test_a_later_clause_with_its_own_agent_keeps_its_material() -> None:
    record = meeting(
        "先由王芳同志带领大家学习《中国共产党章程》第一章，再由孙七同志对《中国共产党纪律处分条例》进行解读。"
    )
    assert [(s.leader, s.material) for s in record.study] == [
        ("王芳", "《中国共产党章程》"),
        ("孙七", "《中国共产党纪律处分条例》"),
    ]


def test_a_surname_and_title_shared_by_several_members_is_a_role() -> None:
    record = meeting("张书记领学了《中国共产党章程》。")  # 张明 and 张莹 on the roster
    assert [(s.leader, s.material) for s in record.study] == [("张书记", "《中国共产党章程》")]


def test_a_leader_label_in_the_next_sentence_of_a_form() -> None:
    record = meeting("学习内容：《中国共产党章程》；领学：王芳。")
    assert [(s.leader, s.material) for s in record.study] == [("王芳", "《中国共产党章程》")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("合作社党支部党员总数9人，本次到会8人，1人在外地跑销售请假。", (9, 8, 1)),
        ("小组现有党员7名，5人上线参会，另有2人分别因跑长途货运、在厂里值夜班未能参加。", (7, 5, 2)),
        ("公司党支部现有党员12名,除2名驻新疆项目现场的党员外,其余10名党员全部参加.", (12, 10, 2)),
        ("全村黨員四十一名，參加活動三十六名，其餘五名黨員均在外地務工。", (41, 36, 5)),
        ("会议由支部组织委员孙七主持，13名党员和2名入党积极分子参加。", (None, 13, None)),
        ("支部在家党员27名参加。", (None, 27, None)),
    ],
)
def test_counts_written_in_real_accounts(text: str, want: tuple[int | None, int | None, int | None]) -> None:
    record = meeting(text)
    assert counts_of(record) == want


def test_reasons_first_in_one_sentence_of_clauses_without_a_roster() -> None:
    record = meeting(
        "因病住院的有东方国强、万俟秀英同志，随子女在外地居住的有隗德明同志，另有2名党员因行动不便请假。",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("东方国强", "因病住院"),
        ("万俟秀英", "因病住院"),
        ("隗德明", "随子女在外地居住"),
    ]


def test_a_platform_export_copied_as_text() -> None:
    record = meeting("主持人 | 王芳", "应参加人数 | 9", "实参加人数 | 8", "请假人员 | 赵六（倒班）")
    assert record.presider is not None and record.presider.value == "王芳"
    assert record.actual_count is not None and record.actual_count.value == 8
    assert [(a.name, a.reason) for a in record.absentees] == [("赵六", "倒班")]


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (["缺席人员：", "赵六，病假", "孙七，事假", "一、集中学习"], [("赵六", "病假"), ("孙七", "事假")]),
        (["缺席人员：", "赵六：病假", "孙七：事假", "一、集中学习"], [("赵六", "病假"), ("孙七", "事假")]),
        (
            ["应到11人，实到9人，副主任医师赵六在省人民医院进修、护士长孙七休产假未参会。"],
            [("赵六", "在省人民医院进修"), ("孙七", "休产假")],
        ),
    ],
)
def test_absentees_a_line_each_and_titles_between_items(
    texts: list[str], want: list[tuple[str, str]]
) -> None:
    assert [(a.name, a.reason) for a in meeting(*texts).absentees] == want


def test_a_line_each_without_a_roster_names_glued_to_reasons() -> None:
    record = meeting(
        "缺席人员：", "郗文彬  参加省局税收大数据集中攻坚", "厍海燕  病假", "会议议程：", roster=[]
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("郗文彬", "参加省局税收大数据集中攻坚"),
        ("厍海燕", "病假"),
    ]


def test_two_leaders_standing_somewhere_lead_one_material() -> None:
    record = meeting("学生党员王芳、孙七在“红军小屋”前领学《中国共产党章程》。")
    assert [(s.leader, s.material) for s in record.study] == [
        ("王芳", "《中国共产党章程》"),
        ("孙七", "《中国共产党章程》"),
    ]


def test_a_meeting_held_on_a_platform_named_in_its_form_row() -> None:
    assert place(lines_of("会议形式：腾讯会议（线上）")).value == "腾讯会议"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "最后，支部书记李光振作总结讲话，要求大家认真学习《中国共产党章程》。",
        "李光振同志强调，全体党员要把学习《中国共产党章程》与本职工作结合起来。",
        "王芳同志谈了学习《中国共产党章程》的心得体会。",
        "会议结束前，李光振同志对下一阶段学习《中国共产党章程》提出了要求。",
    ],
)
def test_a_study_mentioned_in_a_speech_is_no_material_studied(text: str) -> None:
    assert meeting(text).study == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("支部共有党员32名（含预备党员3名），到会28名，未到会的4名同志均在导管室值守。", (32, 28, 4)),
        ("本组党员九名，八名参加，一名（赵六）因休产假未参加。", (9, 8, 1)),
        ("全村41名党员中，在家的33名参加了活动。", (41, 33, None)),
        ("支部党员除两名在外地就医的老党员外，均参加了会议。", (None, None, 2)),
        ("参会人数：27/30", (30, 27, None)),
        ("应到支委：5", (5, None, None)),
    ],
)
def test_counts_in_more_real_forms(text: str, want: tuple[int | None, int | None, int | None]) -> None:
    record = meeting(text)
    assert counts_of(record) == want


def test_those_excepted_from_all_present_are_the_absentees() -> None:
    record = meeting(
        "除在西藏阿里开展野外地质调查的司马骏、贡嘎两位同志外，支部其余14名党员全部参加。", roster=[]
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("司马骏", "在西藏阿里开展野外地质调查"),
        ("贡嘎", "在西藏阿里开展野外地质调查"),
    ]
    assert record.actual_count is not None and record.actual_count.value == 14
    assert record.expected_count is None


def test_bracketed_reasons_when_a_name_cannot_be_guessed() -> None:
    record = meeting(
        "请假3人:邰子健(赴南京参加推免复试)、闵佳(在附属医院跟岗轮转)、容朗(家中有事).", roster=[]
    )
    assert [(a.name, a.reason) for a in record.absentees][:2] == [
        ("邰子健", "赴南京参加推免复试"),
        ("闵佳", "在附属医院跟岗轮转"),
    ]


def test_form_rows_pair_leaders_and_materials_in_order() -> None:
    record = meeting(
        "领学人 | 王芳、孙七", "学习内容 | 《中国共产党章程》第五部分；《中国共产党廉洁自律准则》"
    )
    assert [(s.leader, s.material) for s in record.study] == [
        ("王芳", "《中国共产党章程》"),
        ("孙七", "《中国共产党廉洁自律准则》"),
    ]


def test_a_general_branch_committee_meeting() -> None:
    assert meeting("中医院第二党总支委员会会议记录").kind.value == "支委会"  # type: ignore[union-attr]


def test_attendance_given_per_group_is_added() -> None:
    record = meeting(
        "第一党小组到会7人、第二党小组到会6人、第三党小组到会8人，另有2名党员因执法检查任务未能参加。"
    )
    assert record.actual_count is not None and record.actual_count.value == 21
    record = meeting("本次在职党员18名全部到会，退休党员到会7名。")
    assert record.actual_count is not None and record.actual_count.value == 25


def test_a_members_meeting_electing_a_committee_is_the_members_meeting() -> None:
    assert meeting("青溪镇机关党支部召开党员大会选举产生新一届支部委员会").kind.value == "支部党员大会"  # type: ignore[union-attr]


def test_guiding_students_is_no_study_led() -> None:
    assert meeting("青年教师孙七结合自己指导学生科研的经历作了发言。").study == []


def test_a_room_number_after_the_building() -> None:
    assert place(lines_of("支部在软件楼A203召开支部党员大会。")).value == "软件楼A203"  # type: ignore[union-attr]


def test_a_count_between_the_names_and_their_reason() -> None:
    record = meeting("徐振邦、梁咏琪二人因在集团党校参加中青年干部培训请假。", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("徐振邦", "因在集团党校参加中青年干部培训"),
        ("梁咏琪", "因在集团党校参加中青年干部培训"),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("支部14名党员中，2名在外地驻场、1名夜班轮休，当天到场的11名党员在工地集合。", (14, 11, None)),
        ("内科支部现有党员29名，除值班和下乡义诊的以外，本次听课的党员有22名。", (29, 22, None)),
        ("本组党员7人，到6人。", (7, 6, None)),
        ("全村参加党员26人，因外出务工未参加的9人。", (None, 26, 9)),
        ("全村有选举权的党员47名，到会41名。", (47, 41, None)),
        ("支委5人全部到会。", (5, 5, None)),
        ("应到25 实到21 请假4", (25, 21, 4)),
        ("支部14名党员中到了13名。", (14, 13, None)),
        ("支部共有党员32名，到会28名，未到会的4名同志均在值守。", (32, 28, 4)),
        # all but the one named came: worked out (inferred), never the whole eleven
        ("全支部党员十一人，除急诊科医生邬志刚值班外，悉数到场。", (11, 10, 1)),
    ],
)
def test_counts_as_a_clerk_types_them(text: str, want: tuple[int | None, int | None, int | None]) -> None:
    record = meeting(text, roster=[])
    assert counts_of(record) == want


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (["事假：赵六、孙七", "病假：于洋"], [("赵六", "事假"), ("孙七", "事假"), ("于洋", "病假")]),
        (["全支部党员十一人，除急诊科医生赵六值班外，悉数到场。"], [("赵六", "值班")]),
        (
            ["党员教师赵六、孙七两位老师因带学生外出研学未能参加。"],
            [("赵六", "因带学生外出研学"), ("孙七", "因带学生外出研学")],
        ),
    ],
)
def test_absentees_as_a_clerk_types_them(texts: list[str], want: list[tuple[str, str]]) -> None:
    assert [(a.name, a.reason) for a in meeting(*texts).absentees] == want


def test_a_form_row_of_several_labels_and_a_bare_study_label() -> None:
    record = meeting("主持：王芳    记录：孙七", "学习：《中国共产党章程》第九章", "领学：赵六")
    assert record.presider is not None and record.presider.value == "王芳"
    assert [(s.leader, s.material) for s in record.study] == [("赵六", "《中国共产党章程》")]


def test_the_kind_a_form_states_and_a_name_after_a_long_title() -> None:
    record = meeting("会议类型 | 支部党员大会", "会议内容 | 支委会研究发展党员", roster=[])
    assert record.kind is not None and record.kind.value == "支部党员大会"
    record = meeting("支部书记、心内科主任沈蕴主持。", roster=[])
    assert record.presider is not None and record.presider.value == "沈蕴"


def test_study_materials_carried_to_a_visit_are_no_study_led() -> None:
    assert meeting("支部委员带着学习资料上门，给他们送学。").study == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "参会党员12人(含预备党员1人),车间党员欧晓军因跟车到外省安装设备、质检部党员俞佳因哺乳假没能到场.",
            [("欧晓军", "因跟车到外省安装设备"), ("俞佳", "因哺乳假")],
        ),
        (
            "支部14名党员中到了13名，缺席的巫立群是当天在指挥中心值守的值班领导。",
            [("巫立群", "当天在指挥中心值守的值班领导")],
        ),
        ("参会党员共13名；另有1名（宁晓冬）在外地实习，已书面提交对照检查材料。", [("宁晓冬", "在外地实习")]),
        ("另有2名（张三、李四）列席会议。", []),
    ],
)
def test_absentees_with_units_and_titles_or_who_then_why(text: str, want: list[tuple[str, str]]) -> None:
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("出勤情况：应出勤20人，实际出勤18人，缺勤2人。", (20, 18, 2)),
        ("全体党员19人参加，无缺席。", (19, 19, None)),
        ("参会人员：支部全体党员（共16人）。", (16, 16, None)),
        ("支部现有正式党员12名、预备党员3名，本次会议到会14名。", (None, 14, None)),
        ("到会情况：应到9，实到8，缺1（赵六，出差）。", (9, 8, 1)),
        ("参加会议的有支部党员12名、入党积极分子3名。", (None, 12, None)),
    ],
)
def test_counts_in_briefs_and_forms(text: str, want: tuple[int | None, int | None, int | None]) -> None:
    assert counts_of(meeting(text)) == want


def test_a_leader_label_alone_after_the_material() -> None:
    record = meeting("学习《中国共产党章程》。领学：王芳。")
    assert [(s.leader, s.material) for s in record.study] == [("王芳", "《中国共产党章程》")]


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (
            [
                "另有四名同志请假：调度中心副主任雷振宇在上海参加集团培训，驾驶员甘有福、庞小军正执行长途运输任务，财务部俞婉清休产假。"
            ],
            [
                ("雷振宇", "在上海参加集团培训"),
                ("甘有福", "正执行长途运输任务"),
                ("庞小军", "正执行长途运输任务"),
                ("俞婉清", "休产假"),
            ],
        ),
        (["未到的三人：血透室刁文静、谭子墨值夜班。"], [("刁文静", "值夜班"), ("谭子墨", "值夜班")]),
        (
            ["缺席的三位是：随船出海执行科考任务的黎振东、蒲晓帆，以及借调在部里的包建业。"],
            [
                ("黎振东", "随船出海执行科考任务"),
                ("蒲晓帆", "随船出海执行科考任务"),
                ("包建业", "借调在部里"),
            ],
        ),
        (
            [
                "缺勤明细如下：",
                "| 姓名 | 科室 | 缺勤原因 |",
                "| 江雨萱 | 产科 | 产假 |",
                "| 殷鹏 | 急诊科 | 参加援疆医疗队 |",
            ],
            [("江雨萱", "产假"), ("殷鹏", "参加援疆医疗队")],
        ),
        (["请假：", "- 庄守仁，在海南随子女过冬", "- 欧阳淑贞，腰伤卧床"], [("庄守仁", "在海南随子女过冬")]),
    ],
)
def test_absentees_in_an_editors_brief(texts: list[str], want: list[tuple[str, str]]) -> None:
    got = [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees]
    assert got[: len(want)] == want


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (
            [
                "三名同志请假，分别是：参加省委党校中青班学习的校办副主任龙跃，在学校定点帮扶村驻村的后勤处干部阮平，照顾病重母亲的图书馆馆员訾雨晴。"
            ],
            [
                ("龙跃", "参加省委党校中青班学习"),
                ("阮平", "在学校定点帮扶村驻村"),
                ("訾雨晴", "照顾病重母亲"),
            ],
        ),
        (
            ["未到会的有夏侯刚、鄢丽、宁国强等8位同志，均在当班，车间已安排班后补学。"],
            [("夏侯刚", "在当班"), ("鄢丽", "在当班"), ("宁国强", "在当班")],
        ),
        (
            [
                "缺席的三人中，初三年级组长温雅带学生参加中考体育测试，德育处主任黄甫良在市里参加校园安全培训。"
            ],
            [("温雅", "带学生参加中考体育测试"), ("黄甫良", "在市里参加校园安全培训")],
        ),
        (
            ["请假名单:", "郝大川:外出务工(广东)", "居永福:外出务工"],
            [("郝大川", "外出务工(广东)"), ("居永福", "外出务工")],
        ),
        (["一级检察官柏岩因出庭支持公诉请假。"], [("柏岩", "因出庭支持公诉")]),
    ],
)
def test_absentees_described_by_their_errand_and_job(texts: list[str], want: list[tuple[str, str]]) -> None:
    assert [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees] == want


def test_a_study_line_after_the_leave_rows_names_nobody() -> None:
    record = meeting(
        "应到25 实到21 请假4",
        "事假：赵六、孙七",
        "病假：于洋",
        "学习：《中国共产党章程》第九章 党的纪律",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("赵六", "事假"),
        ("孙七", "事假"),
        ("于洋", "病假"),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("司徒志宏、习明、麦秋、官小舟4名同志因公出差外地，均已请假。", 4),
        ("党员教师鲁一鸣、竺小燕两位老师因带初二学生外出研学未能参加。", 2),
    ],
)
def test_the_absent_count_written_with_the_names(text: str, want: int) -> None:
    record = meeting(text, roster=[])
    assert record.absent_count is not None and record.absent_count.value == want


def test_doers_with_adverbs_and_positions_before_the_verb() -> None:
    record = meeting(
        "党组书记、检察长巫马骏领誓，全体党员重温入党誓词。车晓峰随后领学了《中国共产党章程》。", roster=[]
    )
    assert record.oath_leader is not None and record.oath_leader.value == "巫马骏"
    assert [(s.leader, s.material) for s in record.study] == [("车晓峰", "《中国共产党章程》")]
    record = meeting(
        "在纪念碑前，校党委组织部副部长钮一鸣站在队伍前列领读入党誓词，全体党员庄严宣誓。", roster=[]
    )
    assert record.oath_leader is not None and record.oath_leader.value == "钮一鸣"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("本次应参会党员二十六名。", (26, None, None)),
        ("散会后对了签到簿，一共到了二十二人。没来的四个：胡长根（在宁波打工）。", (None, 22, 4)),
        ("应到15人（正式党员9人、预备党员6人，预备党员也算），到会14人。", (15, 14, None)),
        ("本支部党员二十人，今天来了十七人。", (20, 17, None)),
        ("出勤:只有2人没来。", (None, None, 2)),
        ("应到人数：廿六人　　实到人数：廿一人", (26, 21, None)),  # 廿 = 二十
        ("本小组党员11名，今天到7名，其余4名：夜班2（米晓、柏玲）。", (11, 7, 4)),
        ("应参加活动党员31名，实际参加28名（正式党员25名、预备党员3名），缺席3名。", (31, 28, 3)),
        # the actual count as written, never 应到 − 缺席 over it (17 ≠ 15 + 3 is for the rule to see)
        ("支部共有党员17人，参加本次主题党日15人，缺席3人。", (17, 15, 3)),
        (
            "未到会的两名同志，一位是值完夜班的班长庞立强，一位是检验员丁秀。",
            (None, None, 2),
        ),  # 未到会 ≠ 到会
        ("到会：应到会有表决权党员18名，实到15名。", (18, 15, None)),
        ("到会情况：全村党员四十名，流动党员六名在外未回，另有三人请假，到会的三十一名。", (40, 31, 3)),
        ("腾讯会议后台签到显示：应参会38人，实际入会36人，入会率94.7%。", (38, 36, None)),
        ("参加情况：钉钉在线22人，联络处现场3人，合计25人。", (None, 25, None)),
        ("本组党员9人，除周桂兰（在昆山女儿家带外孙）外均到会。", (9, 8, 1)),  # worked out from the exception
        ("支部有表决权的正式党员23名，到会21名，到会率91.3%。", (23, 21, None)),
        ("本次参学党员14人，请假1人。", (None, 14, 1)),
        ("支委7人，到会6人，组织委员孙雅丽因参加集中轮训请假。", (7, 6, None)),
        # a joint meeting: each branch's pair, added up
        ("本科生第一党支部应到21人实到20人，研究生第三党支部应到17人实到15人。", (38, 35, None)),
        ("联席会议成员单位应到18家，实到16家。", (None, None, None)),  # member units, not people
        # the membership alone in its sentence, the attendance in the next
        ("该支部在册党员二十三名。当天参加活动的有十九名，另有四名同志请假。", (23, 19, 4)),
        ("本组党员9人。今天到会7人（含视频连线2人）。", (9, 7, None)),
        ("出席党课的党员和入党积极分子共42人，其中党员31人。", (None, 31, None)),
        ("院机关党支部在职党员18名，到会17名；一级检察官柏岩因出庭支持公诉请假。", (18, 17, None)),
        ("19名党员里去掉在青海湖做冬季观测的3人，其余16人全部到会。", (19, 16, 3)),
        ("除了在清河线抢修现场的石勇，支部党员全部到齐，一共15人。", (None, 15, None)),
        # the expected count in parts, then the actual in parts
        ("本次大会应到会正式党员12名、预备党员5名，实到正式党员11名、预备党员5名。", (17, 16, None)),
        # a form's bare numbers
        ("人数：在册22 到场19", (22, 19, None)),
        ("出席：18/20", (20, 18, None)),
        ("• 参会人员：详见签到表（共23人）", (None, 23, None)),
        # the membership in parts is no attendance; others than the members after the count are no membership
        ("支部有正式党员24名、预备党员2名，有表决权的正式党员应到24名，实到19名。", (24, 19, None)),
        (
            "社区党支部现有党员41名，其中搬迁来的党员26名，这次到场参加活动的党员33名，社区6名楼栋长（非党员）列席。",
            (41, 33, None),
        ),
        ("出席：党员15名（其中员额法官9名、法官助理4名、书记员2名）", (None, 15, None)),
        ("参会：全支部15人，请假1人（万晓燕，产假），其余到齐", (15, 14, 1)),
        ("人数：应20/实18/假2（刘海波—路面应急抢修；杨少华—在省厅培训）", (20, 18, 2)),
    ],
)
def test_counts_as_secretaries_write_them(text: str, want: tuple[int | None, int | None, int | None]) -> None:
    assert counts_of(meeting(text, roster=[])) == want


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (
            ["没来的四个：胡长根、胡桂香两口子（在宁波打工），钱四海（腿摔伤了，在家躺着）。"],
            [("胡长根", "在宁波打工"), ("胡桂香", "在宁波打工"), ("钱四海", "腿摔伤了,在家躺着")],
        ),
        (["出勤:只有2人没来 -- 冉浩(出差) / 卜佳琪(病假)。"], [("冉浩", "出差"), ("卜佳琪", "病假")]),
        # items opened by an ordinal, the person's unit before the name
        (
            ["请假两人：一是副镇长甘立新，在北山村驻村；二是党政办房小雨，事假。"],
            [("甘立新", "在北山村驻村"), ("房小雨", "事假")],
        ),
        (["请假2人：容海（陪父亲看病）、闵嘉（家中有事）。"], [("容海", "陪父亲看病"), ("闵嘉", "家中有事")]),
        (["宁晴、杜美兰两位老师没能参加。"], [("宁晴", None), ("杜美兰", None)]),
        # the name and its reason apart by spaces, items cut at ;
        (
            ["缺席人员及原因：骆红 外地；乔建新 病；于德水 照看孙子；于德海 出差"],
            [("骆红", "外地"), ("乔建新", "病"), ("于德水", "照看孙子"), ("于德海", "出差")],
        ),
        # one line per person under a bare label, numbered ①②③
        (
            ["请假情况：", "①童卫东　下乡开展质量抽检", "②仇丹丹　产假", "③司徒文海　在市局跟班学习"],
            [("童卫东", "下乡开展质量抽检"), ("仇丹丹", "产假"), ("司徒文海", "在市局跟班学习")],
        ),
        (["缺：项海燕　年休假（回贵州老家）"], [("项海燕", "年休假(回贵州老家)")]),
        (["未到会：王芳、孙七（以上2人均因公出差）。"], [("王芳", "因公出差"), ("孙七", "因公出差")]),
        (["缺席2人，其中身体不适的有熊涛；休产假的有贺涛。"], [("熊涛", "身体不适"), ("贺涛", "休产假")]),
        # a list continued on an indented line; rarer surnames (谈, 奚, 萧)
        (
            ["缺席：谈小勇（带队参加县运动会）", "　　　邬月（产假）"],
            [("谈小勇", "带队参加县运动会"), ("邬月", "产假")],
        ),
        # heads after the counts, items run together, 假: and 备注: heads, / between items
        (
            ["应到23实到20，缺的3个焦晓燕（跟台）吕鹏（门诊坐诊）石晓蕾（休产假）。"],
            [("焦晓燕", "跟台"), ("吕鹏", "门诊坐诊"), ("石晓蕾", "休产假")],
        ),
        (
            ["应到20人，到会率90%，没到的是地理组蔡梦（带学生参加地理奥赛）和高三的韩建华（去医院陪护）。"],
            [("蔡梦", "带学生参加地理奥赛"), ("韩建华", "去医院陪护")],
        ),
        (
            ["假：俞春燕（带毕业班参加口语竞赛），龙佳（病假）"],
            [("俞春燕", "带毕业班参加口语竞赛"), ("龙佳", "病假")],
        ),
        (
            ["备注：没到的三位——甘永福（参加街道防汛值守）、梁淑贞（住院）"],
            [("甘永福", "参加街道防汛值守"), ("梁淑贞", "住院")],
        ),
        (
            ["实到12，应到14，差2个：园医潘晓（陪孩子去医院复查）、大三班陈雪（家访）"],
            [("潘晓", "陪孩子去医院复查"), ("陈雪", "家访")],
        ),
        # a comma after a counted head, each name with its errand; the clause said of both is no reason
        (
            [
                "未到会的两名党员，费蕴之正在新疆开展对口支援工作，伍嘉言在英国利兹大学访学，二人均在会前提交了书面意见。"
            ],
            [("费蕴之", "正在新疆开展对口支援工作"), ("伍嘉言", "在英国利兹大学访学")],
        ),
        (
            ["马骁、严启明两位同志正随科考船在南海执行航次任务，无法到会。"],
            [("马骁", "正随科考船在南海执行航次任务"), ("严启明", "正随科考船在南海执行航次任务")],
        ),
        # groups apart by 、, each its reason before 的 and a title after the name
        (
            [
                "因髋关节置换术后在家康复的向启明教授、远在美国探亲的邢碧云教授未能参加，支部委员会后将登门转达。"
            ],
            [("向启明", "髋关节置换术后在家康复"), ("邢碧云", "远在美国探亲")],
        ),
        # those who attended, then the one who did not (没参加 followed by what was done about it)
        (
            [
                "书记齐振国主持，副书记严文婷、组织委员马骏参加，宣传委员乔丹丹随县医院下乡巡诊，没参加，会后电话告诉她。"
            ],
            [("乔丹丹", "随县医院下乡巡诊")],
        ),
        (
            ["支部党员孔令轩正在参加数学建模竞赛的赛前集训，向支部请了假，党课录像已上传供其补学。"],
            [("孔令轩", "正在参加数学建模竞赛的赛前集训")],
        ),
        # an absentee list's items written X(reason) name X even when no surname anchors it
        (
            ["缺席人员：阿西木呷（回老家收洋芋）、海来伍合（在外务工）、格桑（转场到冬营盘）"],
            [("阿西木呷", "回老家收洋芋"), ("海来伍合", "在外务工"), ("格桑", "转场到冬营盘")],
        ),
        # office bullets, a unit before each name apart by a space, 未出席, court job titles
        (
            [
                "• 参会人员：详见签到表（共23人）",
                "• 未到会：理赔部 任晓川（借调省公司）；车险部 葛蔓（调休）",
            ],
            [("任晓川", "借调省公司"), ("葛蔓", "调休")],
        ),
        (
            ["未出席：审判员詹国梁（赴省高院参加业务培训）；书记员尤佳佳（庭审值班）"],
            [("詹国梁", "赴省高院参加业务培训"), ("尤佳佳", "庭审值班")],
        ),
        (["缺席2人：财务部 芮晓萍、盛佳（均为年休假）"], [("芮晓萍", "年休假"), ("盛佳", "年休假")]),
        # a name read twice keeps one entry, with the reason one reading gives; 前两位 gives the
        # first two theirs
        (
            ["缺席的有：骆欣、孔芳、何晓静，前两位夜班下来补休，何晓静在省人民医院进修。"],
            [("骆欣", "夜班下来补休"), ("孔芳", "夜班下来补休"), ("何晓静", "在省人民医院进修")],
        ),
        # whose member the absentee is, before 的
        (
            ["税务所党支部的骆晨因值守办税服务厅，社区支部的老党员朱长发因腿脚不便，没有到场。"],
            [("骆晨", "因值守办税服务厅"), ("朱长发", "因腿脚不便")],
        ),
        # groups, each its reason before 的, joined by 和, then the act of not attending
        (
            ["住院治疗的龚德厚、邢淑芬和随子女在厦门居住的林国栋没有参加，会前都已向支部请假。"],
            [("龚德厚", "住院治疗"), ("邢淑芬", "住院治疗"), ("林国栋", "随子女在厦门居住")],
        ),
        # an online meeting's head; a name whose reason begins 所在 (no unit 陆家齐所); the make-up is no reason
        (
            [
                "未入会的两名同学：邓语桐在市医院实习值夜班，已提前请假；陆家齐所在宿舍区临时断网，会后看回放补学。"
            ],
            [("邓语桐", "在市医院实习值夜班"), ("陆家齐", "所在宿舍区临时断网")],
        ),
        # 一位是…的班长A，一位是…的检验员B, then one leave for both
        (
            [
                "未到会的两名同志，一位是值完夜班正在补休的班长庞立强，一位是回甘肃老家探亲的检验员丁秀，均已事先请假。"
            ],
            [("庞立强", "值完夜班正在补休"), ("丁秀", "回甘肃老家探亲")],
        ),
        # a platform row: the count, then names and reasons apart by spaces in brackets
        (
            ["缺席 | 3（夏明远 在迪拜参展；祁红、贝小军 会员单位年审，在税务大厅）"],
            [
                ("夏明远", "在迪拜参展"),
                ("祁红", "会员单位年审,在税务大厅"),
                ("贝小军", "会员单位年审,在税务大厅"),
            ],
        ),
        # groups by reason, each with its count and its names in brackets
        (
            ["缺席4人：病假1人（郑国梁），事假2人（韩梅、冯海涛），出差1人（邓小红）。"],
            [("郑国梁", "病假"), ("韩梅", "事假"), ("冯海涛", "事假"), ("邓小红", "出差")],
        ),
        (
            [
                "本小组党员11名，今天到7名，其余4名：夜班2（米晓、柏玲），休息1（毛思琪），外出学习1（符婷，在省医院进修）。"
            ],
            [("米晓", "夜班"), ("柏玲", "夜班"), ("毛思琪", "休息"), ("符婷", "外出学习")],
        ),
    ],
)
def test_absentees_as_secretaries_write_them(texts: list[str], want: list[tuple[str, str | None]]) -> None:
    assert [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees] == want


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (["地点：图书馆四楼研讨间　主持：陆嘉宁"], "图书馆四楼研讨间"),
        (["2025年9月26日下午，镇机关第二党支部在镇政府五楼小会议室开支部党员大会。"], "镇政府五楼小会议室"),
        (["12月1日(周一)上午9:30,所党支部在二号楼报告厅开展主题党日。"], "二号楼报告厅"),
        # a record book's heading: the date and time, then only the place, no label
        (
            ["护理第一党支部党员大会记录", "11月6日下午4点半，住院部三楼示教室。", "支部共有党员三十一人。"],
            "住院部三楼示教室",
        ),
        (["2022/8/3 上午10:00，三楼党建室", "应到支委7人，实到6人。"], "三楼党建室"),
        (["二〇二一年九月七日　下午三时", "局四楼会议室", "主持人：支部书记　雷振宇"], "局四楼会议室"),
        (
            ["护理第二党小组　小组会", "3月5日　14:00　外科楼护士站旁示教室", "小组长：贺兰芳（主持）"],
            "外科楼护士站旁示教室",
        ),
        (["2023.09.12（周二）17:40　支行行长办公室"], "支行行长办公室"),
        (["二〇二一年九月七日　下午三時", "局四樓會議室"], "局四楼会议室"),  # traditional script
        # colloquial: held "in X" with 开 alone
        (["6月27号晚上在桥隧工区学习室开的小组会，组长曹永胜主持。"], "桥隧工区学习室"),
        (
            ["今天上午，桂香社区第三党支部的主题党日在社区党群服务站一楼会议室开。"],
            "社区党群服务站一楼会议室",
        ),
        # a 地点 label with no colon, after the time or opening the line
        (["时间2021年11月23日晚7点 地点行政楼四楼小会议室 主持人 支部书记程立平"], "行政楼四楼小会议室"),
        (["地点　营销楼6楼大会议室"], "营销楼6楼大会议室"),
    ],
)
def test_places_a_secretary_writes(texts: list[str], want: str) -> None:
    assert place(lines_of(*texts)).value == want  # type: ignore[union-attr]


def test_a_label_with_no_colon_holds_a_place_or_nothing() -> None:
    assert place(lines_of("地点到时候在群里通知。")) is None


def test_a_byline_is_no_heading_and_a_room_a_sentence_names_wins() -> None:
    assert place(lines_of("2020-05-27 发布者:规划处")) is None
    lines = lines_of("5月9日　望湖社区", "望湖社区党委在社区党群服务中心一楼议事厅召开党员大会。")
    assert place(lines).value == "社区党群服务中心一楼议事厅"  # type: ignore[union-attr]


def test_a_sentence_after_the_date_that_ends_in_a_place_is_read_by_its_locative() -> None:
    where = place(lines_of("11月28日，支行党支部的主题党日放在了市金融廉政教育基地。"))
    assert where is not None and where.value == "市金融廉政教育基地"


def test_a_counted_attendance_row_is_no_list_of_names() -> None:
    record = meeting("参会：全支部15人，请假1人（万晓燕，产假），其余到齐", roster=[])
    assert record.attendees is None
    assert [(a.name, a.reason) for a in record.absentees] == [("万晓燕", "产假")]


@pytest.mark.parametrize("text", ["岩石", "玉米", "乌云", "格桑花", "扎西德勒", "加措花"])
def test_minority_name_parts_as_words_are_no_names(text: str) -> None:
    from extractors.fields.people import minority_name

    assert minority_name(text) is None


@pytest.mark.parametrize("text", ["久美", "扎西", "才让东智", "多杰才让", "旦正加", "拉毛措", "查干巴拉"])
def test_minority_names_of_one_part_or_closed_by_one_character(text: str) -> None:
    from extractors.fields.people import minority_name

    assert minority_name(text) == text


def test_tibetan_names_lead_and_are_absent_without_a_surname() -> None:
    record = meeting(
        "2023.7.14 主题党日\n今天开会。支部书记久美主持。应到十二人，实到十人。旦正加、拉毛措两个在夏季草场放牧，"
        "没下山。\n一、久美领着大家重温入党誓词。\n二、组织委员巴图孟和领学《中国共产党章程》。",
        roster=[],
    )
    assert record.presider is not None and record.presider.value == "久美"
    assert record.oath_leader is not None and record.oath_leader.value == "久美"
    assert [s.leader for s in record.study] == ["巴图孟和"]
    assert [a.name for a in record.absentees] == ["旦正加", "拉毛措"]


def test_the_title_organising_member_is_no_committee_meeting_nor_a_later_meeting_this_one() -> None:
    record = meeting(
        "县二中党支部志愿服务",
        "组织委员林国庆带队，党员老师分三组劝导闯红灯的电动车。",
        "没有学习环节，下周支部大会补学。",
        roster=[],
    )
    assert record.kind is None


@pytest.mark.parametrize("text", ["缺席：会议室（三楼）", "请假：年休假（回贵州老家）"])
def test_an_absentee_list_item_that_is_no_name_stays_unread(text: str) -> None:
    assert meeting(text, roster=[]).absentees == []


def test_tables_of_counts_and_absentees_pasted_as_text() -> None:
    record = meeting(
        "应到　　实到　　请假　　缺席",
        "26　　　23　　　3　　　0",
        "请假人员：",
        "姓名　　部门　　　　原因",
        "邬振宇　公司业务部　因公出差",
        "程思雨　运营管理部　年休假",
        "鲍立群　个人金融部　因病",
        roster=[],
    )
    assert counts_of(record) == (26, 23, 3)
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("邬振宇", "因公出差"),
        ("程思雨", "年休假"),
        ("鲍立群", "因病"),
    ]


def test_a_table_of_counts_whose_last_cell_is_left_empty() -> None:
    record = meeting("实到　　应到　　请假　　缺席", "17　　　20　　　3", roster=[])
    assert counts_of(record) == (20, 17, 3)


def test_the_committee_then_those_who_came_after_a_bare_dao() -> None:
    record = meeting("主题党日。书记冷锋主持。支委5人，到4人，副书记程立言去省局参加培训，请假。", roster=[])
    assert record.expected_count is not None and record.expected_count.value == 5
    assert record.actual_count is not None and record.actual_count.value == 4
    assert "attendance" in record.cues


def test_an_oath_led_in_everyday_words_is_a_cue_for_its_leader() -> None:
    record = meeting("主题党日。书记冷锋主持。应到9人，实到9人。一、阿卡领着大家重温入党誓词。", roster=[])
    assert record.oath_leader is None
    assert "oath_leader" in record.cues  # the leader is named in a way no reader knows: a person looks


def test_meiyou_lai_is_not_attending() -> None:
    record = meeting("主题党日。书记冷锋主持。应到9人，实到8人。何守义在家摔了一跤，没来。", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [("何守义", "在家摔了一跤")]
    assert "absence" in record.cues
    assert meeting("主题党日。冷锋主持。会后大家没来得及合影。", roster=[]).cues.get("absence") is None


def test_a_list_of_counted_reason_groups_cut_at_semicolons_and_one_bare_name_after() -> None:
    record = meeting(
        "主持：第一支部书记尉迟玉芬。人数：应到58名，实到52名，请假6名。\n"
        "请假名单：住院2人（胡玉珍、戚德福）；外出探亲3人（邬桂英、苗长顺、边小梅）；另有郑立国。",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("胡玉珍", "住院"),
        ("戚德福", "住院"),
        ("邬桂英", "外出探亲"),
        ("苗长顺", "外出探亲"),
        ("边小梅", "外出探亲"),
        ("郑立国", None),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("应到11人，实到10人，李春燕下村做高血压患者随访，请假。", [("李春燕", "下村做高血压患者随访")]),
        ("应到15人，实到14人，熊永刚工伤休养未到。", [("熊永刚", "工伤休养")]),
        (
            "本次到会11人，缺1人：郝若汐（带学生到省城参加化学竞赛复赛）。",
            [("郝若汐", "带学生到省城参加化学竞赛复赛")],
        ),
        (
            "全所9名党员中有8名到场，民警党员古丽扎尔·艾山因在卡口执勤未能参加。",
            [("古丽扎尔·艾山", "因在卡口执勤")],
        ),
    ],
)
def test_absentees_with_reasons_in_everyday_words(text: str, want: list[tuple[str, str]]) -> None:
    record = meeting(f"主题党日。书记周明主持。{text}", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == want


def test_titles_before_a_form_value_cut_off_by_commas() -> None:
    record = meeting("主持:理事长,支部书记 杨正荣\n应到9人,实到9人.", roster=[])
    assert record.presider is not None and record.presider.value == "杨正荣"
    bracketed = meeting("主持人：方志远（支部书记、院长）。应到9人，实到9人。", roster=[])
    assert bracketed.presider is not None and bracketed.presider.value == "方志远"


def test_rarer_compound_surnames() -> None:
    record = meeting(
        "主题党日。主持人：支部书记 贺兰承业。应到9人，实到9人。"
        "活动第一项，副所长、支部副书记独孤采薇领誓，全体党员面对党旗重温入党誓词。",
        roster=[],
    )
    assert record.presider is not None and record.presider.value == "贺兰承业"
    assert record.oath_leader is not None and record.oath_leader.value == "独孤采薇"


def test_only_one_missing_said_aloud_with_the_reason_after_a_pronoun() -> None:
    record = meeting(
        "主题党日。支部书记久美主持。人差不多都来了，就差多杰才让，他去西宁给媳妇办住院，头天晚上打电话请了假。"
        "支部一共十一个党员，到了十个。（1）久美领大家重温入党誓词。",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [("多杰才让", "去西宁给媳妇办住院")]
    assert record.oath_leader is not None and record.oath_leader.value == "久美"


@pytest.mark.parametrize(
    ("text", "expected", "actual"),
    [
        (
            "村党总支现有党员83名，本次应到77名。到会党员中，现场参会58名，16名党员视频参会，实到74名。",
            77,
            74,
        ),
        ("应到人数：17人　实到人数：15人。通报：3月份主题党日应到17人、实到13人。", 17, 15),
        ("支部以退休党员为主，到了17个，还有3个老党员住院。", None, 17),
        ("全院在岗党员干警41名参加。", None, 41),
        ("支部书记钱晓岚主持，5名支委全员到会。", 5, 5),
        ("出席：呼延卓、苗润秋、查干巴拉。3名支委都到了。", 3, 3),
        (
            "支委五个都到了：呼延卓（书记）、苗润秋、查干巴拉、向小川、门雪。",
            5,
            5,
        ),  # said aloud, a colon after
        ("当晚到课党员19人。", None, 19),
        ("支部在册党员14人全部到场。", 14, 14),
        ("出席：殷鉴之、褚兰因、许怀瑾、单秋萍（支委5人，全部到会）", 5, 5),
        ("参加：第二党小组党员7人（应到8人），组长綦崧清主持。", 8, 7),  # the whole in brackets after
        ("参会：隗子衿、封慧心、亓砚、侯建勋、郗樾生、茹菡平（6人，全组7人）", 7, 6),
        # a joint meeting's totals, then this branch's
        ("两支部应到党员29名，实到27名。其中我支部应到13名，实到12名，鄢雪松请假。", 13, 12),
        ("两支部应到党员29名，实到27名，其中本支部应到13名，实到12名。", 13, 12),
    ],
)
def test_counts_in_more_words(text: str, expected: int | None, actual: int | None) -> None:
    record = meeting(f"主题党日。书记周明主持。{text}", roster=[])
    assert (record.expected_count and record.expected_count.value) == expected
    assert (record.actual_count and record.actual_count.value) == actual


@pytest.mark.parametrize("text", ["支部20余名党员参加。", "今天来的党员有12个。", "到的有12人。"])
def test_attendance_without_an_exact_count_is_a_cue(text: str) -> None:
    assert "attendance" in meeting(f"主题党日。书记周明主持。{text}", roster=[]).cues


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "应到28人，实到25人，请假3人（庞立秋驻村开展防汛排查；栗明珠休产假；闵国栋参加县委党校中青班培训）。",
            [("庞立秋", "驻村开展防汛排查"), ("栗明珠", "休产假"), ("闵国栋", "参加县委党校中青班培训")],
        ),
        (
            "应到9人，实到7人。请假：2人（司徒月明跟干线车去省城押运；俞小蝶孩子发烧在医院陪护）",
            [("司徒月明", "跟干线车去省城押运"), ("俞小蝶", "孩子发烧在医院陪护")],
        ),
        ("本组11名党员到了10名，缺的1名是段海川（上夜班，白天补休）。", [("段海川", "上夜班,白天补休")]),
        ("应到5人，实到4人，骆晴轮值夜班后补休。", [("骆晴", "轮值夜班后补休")]),
    ],
)
def test_absentees_whose_reasons_are_shifts_errands_or_family(text: str, want: list[tuple[str, str]]) -> None:
    record = meeting(f"主题党日。书记周明主持。{text}", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == want


def test_digits_typed_with_letters_as_pasted_from_ocr() -> None:
    from extractors.text.normalize import fix_typed_digits

    record = meeting("主题党日。书记周明主持。应到人数：2l　实到人数：l8　缺席3人。", roster=[])
    assert (
        record.expected_count and record.expected_count.value,
        record.actual_count and record.actual_count.value,
    ) == (21, 18)
    assert [fix_typed_digits(t) for t in ("O2O模式", "No1", "B2B", "3O3室", "实到人数:3S人", "4S店")] == [
        "O2O模式",
        "No1",
        "B2B",
        "303室",
        "实到人数:35人",
        "4S店",
    ]


def test_a_form_label_misread_in_pasted_text_by_its_shape() -> None:
    record = meeting("主特人：戚海鹰　　记录人：闻人婧", "应到人数：2l　　实到人数：l8", roster=[])
    assert record.presider is not None and record.presider.value == "戚海鹰"


@pytest.mark.parametrize(
    ("text", "counts", "want"),
    [
        (
            "本组党员8人，应到8人，实到7人，缺1人：史德旺在新疆棉区查看制种田，前天已跟我请假。",
            (8, 7),
            [("史德旺", "在新疆棉区查看制种田")],
        ),
        ("5名支委到会4名，缺1名：骆晴（轮值夜班后补休）。", (5, 4), [("骆晴", "轮值夜班后补休")]),
        ("支部应参加党员30名，实际参加27名，3名值守生产运行岗位的党员请假。", (30, 27), []),
    ],
)
def test_more_absence_shapes(text: str, counts: tuple[int, int], want: list[tuple[str, str]]) -> None:
    record = meeting(f"主题党日。书记周明主持。{text}", roster=[])
    assert (
        record.expected_count and record.expected_count.value,
        record.actual_count and record.actual_count.value,
    ) == counts
    assert [(a.name, a.reason) for a in record.absentees] == want
    assert record.absent_count is not None and record.absent_count.value == counts[0] - counts[1]


def test_those_excepted_for_a_long_reason_are_counted_absent() -> None:
    record = meeting(
        "主题党日。书记周明主持。学校党支部共有党员36名，除3名党员教师带学生赴省城参加青少年科技创新大赛外，其余33名党员全部参加。",
        roster=[],
    )
    assert record.absent_count is not None and record.absent_count.value == 3


def test_absentees_counted_and_described_by_why_they_were_away() -> None:
    record = meeting(
        "主题党日。书记周明主持。支部应参加党员30名，实际参加27名，3名值守生产运行岗位的党员请假。", roster=[]
    )
    assert record.unnamed_leave is not None and record.unnamed_leave.value == "值守生产运行岗位"


def test_a_phone_post_with_emoji_bullets_roles_without_colons_and_surname_title_references() -> None:
    record = meeting(
        "【肾内科病区党支部·3月主题党日】\n📅2024.3.5 周二 12:10—13:00\n主持：支部书记 褚静怡（护士长）\n"
        "应到14 实到12 假2（符思岑-夜班后补休、葛春明-外院进修）\n✅重温入党誓词 领誓：宣传委员 邝玉蓉\n"
        "✅领学 褚书记，学《医疗机构工作人员廉洁从业九项准则》，逐条对照\n✅讨论 透析患者随访群谁来管",
        roster=[],
    )
    assert record.oath_leader is not None and record.oath_leader.value == "邝玉蓉"
    assert [(s.leader, s.material) for s in record.study] == [
        ("褚静怡", "《医疗机构工作人员廉洁从业九项准则》")
    ]


def test_circled_items_and_a_role_word_before_or_after_without_its_colon() -> None:
    record = meeting(
        "急诊科党支部2月主题党日\n主持：支部书记 乜红梅\n①重温入党誓词 领誓 乜书记\n"
        "②学《中华人民共和国医师法》第三章执业规则  领学 组织委员 冀东升\n③讨论节后急诊高峰分流",
        roster=[],
    )
    assert record.oath_leader is not None and record.oath_leader.value == "乜红梅"
    assert [(s.leader, s.material) for s in record.study] == [("冀东升", "《中华人民共和国医师法》")]
    village = meeting("村党支部支委会\n主持支书仝建业\n1、学《中国共产党章程》，仝书记领学。", roster=[])
    assert village.presider is not None and village.presider.value == "仝建业"


def test_a_surname_and_title_stays_unresolved_when_two_people_share_the_surname() -> None:
    from extractors.fields.people import full_name

    texts = ("主持:支部书记张明", "组织委员张丽领学", "领誓:张书记")
    assert full_name("张书记", texts, ()) == "张明"  # written with that very title
    assert full_name("张委员", ("主持:书记张明", "宣传委员张丽", "纪检委员张强"), ()) is None


@pytest.mark.parametrize(
    ("text", "counts", "absentees"),
    [
        ("支委5人，到5缺0（宓晓东 端木琳 游思远 汲海峰 鲍雨晴）", (5, 5, 0), []),
        ("应12实11假1（王芳 出差）", (12, 11, 1), [("王芳", "出差")]),
        (
            "应到14 实到12 假2（符思岑-夜班后补休、葛春明-外院进修）",
            (14, 12, 2),
            [("符思岑", "夜班后补休"), ("葛春明", "外院进修")],
        ),
    ],
)
def test_counts_typed_in_short(
    text: str, counts: tuple[int, int, int], absentees: list[tuple[str, str]]
) -> None:
    record = meeting(f"主题党日。主持：书记 宓晓东。\n{text}", roster=[])
    got = tuple(
        v.value if v else None for v in (record.expected_count, record.actual_count, record.absent_count)
    )
    assert got == counts
    assert [(a.name, a.reason) for a in record.absentees] == absentees


def test_an_oath_planned_for_another_meeting_is_not_taken() -> None:
    record = meeting(
        "支委会。主持：书记 宓晓东。\n2.定9月主题党日：去市档案馆看展，现场重温入党誓词", roster=[]
    )
    assert record.oath_taken is None
    assert meeting("主题党日。主持：张明。全体党员重温入党誓词。", roster=[]).oath_taken is not None
    agenda = "二、研究10月主题党日安排：时间定在10月23日，内容为重温入党誓词、到乡敬老院义诊。"
    assert meeting("支委会。主持：书记 格桑曲杰。", agenda, roster=[]).oath_taken is None


@pytest.mark.parametrize(
    "text",
    ["请假：颜宏斌-去省厅报送材料；辜小曼-年休假", "请假人员：颜宏斌：去省厅报送材料、辜小曼：年休假"],
)
def test_list_items_with_a_mark_between_name_and_any_reason(text: str) -> None:
    record = meeting(f"主题党日。主持：书记 宓晓东。应到7人，实到5人。\n{text}", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("颜宏斌", "去省厅报送材料"),
        ("辜小曼", "年休假"),
    ]


def test_a_bare_name_before_a_bracketed_one_in_a_list_of_own_brackets_is_marked_ambiguous() -> None:
    record = meeting(
        "主题党日。主持：书记 向贵林。应到32人，实到26人，缺席6人。\n缺席名单：杨光荣（在东莞电子厂务工）、"
        "吴德秀（在县医院陪护丈夫）、麻正清（在温州工地务工）、石老幺、田茂坤（腰伤卧床）、杨光华（在东莞电子厂务工）。",
        roster=[],
    )
    assert "absence_shared" in record.cues  # 石老幺 shares 田茂坤's reason, or has none: a person decides
    plain = meeting(
        "主题党日。主持：书记 向贵林。应到8人，实到6人，缺席2人。\n缺席名单：石老幺、田茂坤（腰伤卧床）。",
        roster=[],
    )
    assert "absence_shared" not in plain.cues  # 甲、乙(原因): one reason for both


def test_who_organised_a_reading_in_turns_is_a_cue_for_the_study_leader() -> None:
    record = meeting(
        "党小组会。会议由党小组长左晓燕主持。应到8人，实到8人。\n本次学习《习近平关于调查研究论述摘编》。"
        "由左晓燕组织，大家轮流读第一、第二专题。",
        roster=[],
    )
    assert "study_lead" in record.cues


def test_a_count_label_after_a_semicolon_is_no_absentee() -> None:
    record = meeting(
        "主题党日。主持：张明。参加人员：出席：32人；缺席：1人；应到：33人。\n缺席情况：另有1名党员请假，未参加。",
        roster=[],
    )
    assert record.absentees == []
    assert (
        record.expected_count and record.expected_count.value,
        record.actual_count and record.actual_count.value,
    ) == (33, 32)


def test_a_platforms_bracketed_field_names_are_labels() -> None:
    record = meeting(
        "【主持人】戚永年",
        "【应到人数】17　【实到人数】15　【缺席人数】2",
        "【缺席人员】司马悦宁（外出培训）、阙小满（产假）",
        roster=[],
    )
    assert record.presider is not None and record.presider.value == "戚永年"
    assert counts_of(record) == (17, 15, 2)
    assert [a.name for a in record.absentees] == ["司马悦宁", "阙小满"]


def test_a_surname_that_is_an_everyday_character_after_a_title() -> None:
    record = meeting("主题党日。主持：张三。", "由副书记相雨桐领誓，全体党员重温入党誓词。", roster=[])
    assert record.oath_leader is not None and record.oath_leader.value == "相雨桐"
    assert meeting("主题党日。主持：张三。", "相关人员领誓。", roster=[]).oath_leader is None


def test_attending_a_lecture_counted() -> None:
    record = meeting(
        "党课由副书记翁雪芳主持。学院教工党员32人，参加党课29人，3人因带学生实习请假。", roster=[]
    )
    assert counts_of(record) == (32, 29, 3)


def test_a_name_ending_in_a_word_ending_character_as_the_whole_label_value() -> None:
    record = meeting("主持：党支部书记 龙慧中", roster=[])
    assert record.presider is not None and record.presider.value == "龙慧中"
    assert [named_alone(w) for w in ("王建中", "会议中", "工作中")] == ["王建中", None, None]


def test_names_sharing_a_drivers_shift_glued_to_the_last() -> None:
    record = meeting(
        "全体党员37人，到会33人，4人请假（瞿永红、喻长林跑早晚班，钭海军病假，虞婷到市里学习）。", roster=[]
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("瞿永红", "跑早晚班"),
        ("喻长林", "跑早晚班"),
        ("钭海军", "病假"),
        ("虞婷", "到市里学习"),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "缺席党员情况如下：郎晓川在合肥照顾刚生产的女儿；温承志5月做了心脏搭桥，仍在家中康复。",
            [("郎晓川", "在合肥照顾刚生产的女儿"), ("温承志", "5月做了心脏搭桥,仍在家中康复")],
        ),
        ("缺席1人：庞秀云同一时段给本科生上专业课。", [("庞秀云", "同一时段给本科生上专业课")]),
    ],
)
def test_absentees_under_a_head_saying_as_follows_and_reasons_opening_with_when(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == want


def test_a_record_typed_with_slips_of_sound_reads_its_roles_and_counts() -> None:
    record = meeting(
        "会议由沈竹溪同治主持。应道：10人，实到：9人，请家1人：龚守田在海南过冬。梅若愚另学了《中国共产党章程》。",
        roster=[],
    )
    assert record.presider is not None and record.presider.value == "沈竹溪"
    assert record.expected_count is not None and record.expected_count.value == 10
    assert [(a.name, a.reason) for a in record.absentees] == [("龚守田", "在海南过冬")]
    assert [(i.leader, i.material) for i in record.study] == [("梅若愚", "《中国共产党章程》")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "请假2人：程立（在德国参加展会）；顾雪峰育儿假。",
            [("程立", "在德国参加展会"), ("顾雪峰", "育儿假")],
        ),
        ("请假3：江伟泽（在瑞士开学术会议）；包启民（在老家照顾父亲）；邹雪（育儿假）", None),
        ("缺席1人：吴峒林送学生到县城参加篮球赛。", [("吴峒林", "送学生到县城参加篮球赛")]),
    ],
)
def test_leave_of_a_parent_and_errands_with_pupils_are_reasons(
    text: str, want: list[tuple[str, str]] | None
) -> None:
    absentees = [(a.name, a.reason) for a in meeting(text, roster=[]).absentees]
    if want is None:
        assert [name for name, _ in absentees] == ["江伟泽", "包启民", "邹雪"]
    else:
        assert absentees == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "请假2人：聂航——本周值班，凌晨做完系统升级后调休；卢婷——婚假。",
            [("聂航", "本周值班,凌晨做完系统升级后调休"), ("卢婷", "婚假")],
        ),
        ("请假1人（杨光荣初六就回重庆的厂里了）。", [("杨光荣", "初六就回重庆的厂里了")]),
    ],
)
def test_times_of_day_are_no_names_and_a_lunar_day_opens_a_reason(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == want


@pytest.mark.parametrize(
    ("text", "actual"),
    [
        ("上午开第一场，到会21人；下午开第二场，到会11人。两场合计到会32人，支部在册党员36人。", 32),
        ("白班场到会6人，夜班场到会4人。小组党员11人，两场共到会10人。", 10),
        ("白班党员12人参加；夜班党员7人参加。支部党员22人，两场共有19人听课。", 19),
        ("支部共有党员32名，两个班次分别到会17名、12名，共29名；请假3名。", 29),
    ],
)
def test_a_meeting_held_in_sittings_counts_those_present_at_all_of_them(text: str, actual: int) -> None:
    record = meeting(f"主题党日。书记周明主持。{text}", roster=[])
    assert record.actual_count is not None and record.actual_count.value == actual


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("支部有党员24名（正式党员23名，预备党员1名），应到24人，实到21人，缺席3人。", (24, 21, 3)),
        ("本组党员7人（正式党员2人，预备党员5人），到6人。", (7, 6, None)),
    ],
)
def test_the_parts_of_the_membership_in_brackets_are_not_those_present(
    text: str, want: tuple[int | None, ...]
) -> None:
    assert counts_of(meeting(text, roster=[])) == want


def test_sittings_counted_apart_with_no_total_are_added_and_not_trusted() -> None:
    record = meeting(
        "白班场：10:00，四楼党员活动室，由支部书记周明主持，到课16人",
        "夜班场：20:30，同一地点，由组织委员钱立主持，到课10人",
        "支部应参加党员30人。",
        roster=[],
    )
    actual = record.actual_count
    assert actual is not None and actual.value == 26 and actual.inferred and actual.confidence < 0.8
