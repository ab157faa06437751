"""Who presided and led the oath, where a form's value is cut at the line's end."""

from __future__ import annotations

import pytest
from fields_helpers import meeting


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        (("主持人：村党支部书记葛", "长春", "记录人：阮秀芝"), "葛长春"),
        (("主持人：支部书记、仓储部经理", "武振东", "记录人：单海燕"), "武振东"),
        (("主持人：", "贺明远"), "贺明远"),
    ],
)
def test_a_form_value_cut_at_the_line_end_goes_on_to_the_name(texts: tuple[str, ...], name: str) -> None:
    record = meeting(*texts, roster=[])
    assert record.presider is not None and record.presider.value == name


def test_a_form_value_that_names_someone_is_not_joined_to_the_next_line() -> None:
    record = meeting("主持人：张明", "王芳", roster=[])
    assert record.presider is not None and record.presider.value == "张明"


def test_an_oath_leader_cut_at_the_line_end() -> None:
    record = meeting("领誓人：支部副书记", "邹海燕", roster=[])
    assert record.oath_leader is not None and record.oath_leader.value == "邹海燕"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会议由母德全主持。", "母德全"),
        ("主持人：是永红", "是永红"),
        ("大会由村党支部书记姚本富主持。", "姚本富"),
        ("会议由支部书记、街道办副主任楚望川主持。", "楚望川"),
        ("活动由支部书记、研二学生苻语桐主持。", "苻语桐"),  # a rare surname of the old lists
    ],
)
def test_a_surname_that_is_an_everyday_character_names_the_presider_alone(text: str, name: str) -> None:
    record = meeting(text, roster=[])
    assert record.presider is not None and record.presider.value == name


@pytest.mark.parametrize("text", ["由普通党员主持。", "会议由大家轮流主持。"])
def test_everyday_words_do_not_name_a_presider(text: str) -> None:
    assert meeting(text, roster=[]).presider is None


@pytest.mark.parametrize(
    ("text", "name"),
    [("主持人：第五春华（支部书记）", "第五春华"), ("主持人：旺加（上届支部书记）", "旺加")],
)
def test_a_form_value_with_its_title_in_brackets_is_a_name_whatever_its_surname(text: str, name: str) -> None:
    record = meeting(text, roster=[])
    assert record.presider is not None and record.presider.value == name


@pytest.mark.parametrize("text", ["主持人：见签到表", "主持人：待定（支部书记）", "主持人：书记（代）"])
def test_a_form_value_that_names_nobody_is_no_presider(text: str) -> None:
    assert meeting(text, roster=[]).presider is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("组长（主持）：任海澄        记录：邹可心", "任海澄"),
        ("主持人：施明琛（支部副书记）                  主讲人：蓝慧卿（支部书记）", "施明琛"),
    ],
)
def test_a_header_row_of_two_pairs(text: str, name: str) -> None:
    record = meeting(text, roster=[])
    assert record.presider is not None and record.presider.value == name


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("支部书记兰淑华宣布活动开始，向大家说明了本次活动的四项议程。", "兰淑华"),
        ("会议开始前，党支部书记端木青首先清点了到会人数：应到党员11名。", "端木青"),
        ("支部书记包承远先作开场说明，讲了会议的四项议程。", "包承远"),
        ("主持会议的是在村里当了二十六年村医、去年换届时当选支部书记的杨世荣。", "杨世荣"),
        ("主持会议的是支部书记、副局长皇甫振——他在一线干了十八年。", "皇甫振"),
        ("主持这个会的是支部书记桑布扎布同志。", "桑布扎布"),
    ],
)
def test_the_presider_known_by_chairing_or_named_after_a_description(text: str, want: str) -> None:
    record = meeting(text, roster=[])
    assert record.presider is not None and record.presider.value == want


@pytest.mark.parametrize(
    "texts",
    [
        (
            "护士长卓秀兰把党旗挂在正墙上，站到党旗前。",
            "随后，全体党员跟着她举起右拳，一句一句念完了入党誓词。",
        ),
        (
            "党龄三十年的老党员、退休教师鲍承德，这天特意从县城赶回学校。",
            "他站在党旗前领誓，全体党员重温入党誓词。",
        ),
    ],
)
def test_the_oath_leader_by_pronoun_is_the_one_named_the_sentence_before(texts: tuple[str, str]) -> None:
    record = meeting("主题党日。", *texts, roster=[])
    assert record.oath_leader is not None and record.oath_leader.value in texts[0]


def test_a_compound_surnames_given_name_ending_in_he() -> None:
    record = meeting("主题党日。", "诸葛清和带着大家逐段学习了《中国共产党章程》。", roster=[])
    assert [i.leader for i in record.study] == ["诸葛清和"]


def test_the_hakka_surname_qiu() -> None:
    record = meeting("主题党日。", "支部组织委员丘昭衍领誓，党员们面对党旗重温入党誓词。", roster=[])
    assert record.oath_leader is not None and record.oath_leader.value == "丘昭衍"


def test_the_study_led_after_a_clause_on_what_the_leader_would_say() -> None:
    text = "学习时，技术员党员陆鸣川谈学习体会前，先领读了《中华人民共和国安全生产法》第二章中的几条。"
    assert [i.leader for i in meeting("主题党日。", text, roster=[]).study] == ["陆鸣川"]


@pytest.mark.parametrize(
    ("text", "study", "oath"),
    [
        ("随后，宣传委员景浩然通过共享屏幕领学《中国共产党章程》有关篇目。", ["景浩然"], None),
        ("副书记岳川面对屏幕上的党旗领誓，全体党员起立重温入党誓词。", [], "岳川"),
        ("92岁的老党员覃世英坐在家里沙发上，在他的领誓下，线上线下一起重温入党誓词。", [], "覃世英"),
    ],
)
def test_roles_in_a_meeting_held_online(text: str, study: list[str], oath: str | None) -> None:
    record = meeting("主题党日。", text, roster=[])
    assert [i.leader for i in record.study] == study
    assert (record.oath_leader.value if record.oath_leader else None) == oath


def test_the_dai_surname_dao_after_a_title_and_a_language_used() -> None:
    text = "随后，大学生村官、党员刀玉婷用汉傣双语领学《中华人民共和国民族区域自治法》序言。"
    assert [i.leader for i in meeting("主题党日。", text, roster=[]).study] == ["刀玉婷"]


def test_a_form_value_names_its_person_after_the_title_whatever_the_script() -> None:
    from fields_helpers import meeting

    record = meeting(
        "主持：支部书记 洛桑旺杰",
        "领誓：护士长 乌日娜其其格",
        "主持人：请组织委员许德华同志领学。",
        roster=[],
    )
    assert record.presider is not None and record.presider.value == "洛桑旺杰"
    assert record.oath_leader is not None and record.oath_leader.value == "乌日娜其其格"


def test_a_planned_presider_recorded_as_away_gives_way_to_the_one_who_presided() -> None:
    from fields_helpers import meeting

    record = meeting(
        "会议议程：1.主持：党小组组长 闻春华",
        "组长闻春华因急诊手术未能到会，会议由副组长柯知远主持。",
        roster=[],
    )
    assert record.presider is not None and record.presider.value == "柯知远"


@pytest.mark.parametrize(
    ("text", "field", "want"),
    [
        ("3.领誓人老党员俞水生。", "oath_leader", "俞水生"),
        ("活动由党支部书记、校长乔立本主持。", "presider", "乔立本"),
    ],
)
def test_roles_written_plainly(text: str, field: str, want: str) -> None:
    from fields_helpers import meeting

    found = getattr(meeting("全体党员重温入党誓词。", text, roster=[]), field)
    assert found is not None and found.value == want


@pytest.mark.parametrize(
    "text",
    [
        "主持人是支部书记、运营中心经理鲍云舟（鲍经理）。",
        "今天的主持人为运营中心经理鲍云舟，记录人为单雪晴。",
    ],
)
def test_the_presider_named_after_the_role_and_the_copula(text: str) -> None:
    found = meeting(text, roster=[]).presider
    assert found is not None and found.value == "鲍云舟"


@pytest.mark.parametrize(
    "text",
    ["会前委托组织委员鲍云舟代为主持本次党员大会。", "活动由公司党支部副书记、生产副总鲍云舟主持。"],
)
def test_a_deputy_presiding_and_a_post_of_a_firm(text: str) -> None:
    found = meeting(text, roster=[]).presider
    assert found is not None and found.value == "鲍云舟"


def test_a_planned_presider_called_away_presided_nothing() -> None:
    from fields_helpers import meeting

    record = meeting(
        "本次活动原定由支部书记尤立新主持，尤立新当天一早被街道临时抽调，活动按原定议程进行。", roster=[]
    )
    assert record.presider is None
    record = meeting("本次活动原定由支部书记尤立新主持，因其外出，改由副书记冼晓岚主持。", roster=[])
    assert record.presider is not None and record.presider.value == "冼晓岚"


def test_a_posts_column_host_in_its_credits_is_no_presider() -> None:
    """栏目主持｜X closes a WeChat post: the column's host, not the meeting's presider."""
    assert (
        meeting("社区党支部开展主题党日活动，书记通报了工作。", "栏目主持｜蔺楚", roster=[]).presider is None
    )
    record = meeting("主持人｜蔺楚", roster=[])
    assert record.presider is not None and record.presider.value == "蔺楚"


@pytest.mark.parametrize(
    "texts",
    [
        ("主持人：杭玉洁", "记录人：杭玉洁", "备注：书记出差，杭玉洁同志仅负责会议记录。"),
        ("主持人：单立民", "说明：支部书记住院，会前未委托其他委员主持。"),
    ],
)
def test_a_presider_the_record_itself_denies_is_doubted(texts: tuple[str, ...]) -> None:
    record = meeting(*texts, roster=[])
    assert record.presider is not None and record.presider.confidence < 0.8
    assert any("主持" in e.text or "记录" in e.text for e in record.presider.evidence[1:])


def test_a_presider_beside_a_recorder_of_their_own_stays_trusted() -> None:
    record = meeting("主持人：杭玉洁", "记录人：单立民，负责会议记录。", roster=[])
    assert record.presider is not None and record.presider.value == "杭玉洁"
    assert record.presider.confidence >= 0.8


def test_the_chair_of_a_committee_met_first_is_not_the_days_presider() -> None:
    """8点先开支委会,由X主持…; 9点,主题党日开始: X chaired the committee, not the theme day."""
    record = meeting(
        "8点先开支委会，由支部书记晏国柱主持，研究入党积极分子推荐人选，支委会情况另页记录。",
        "9点，主题党日在村部二楼会议室开始。组织委员夏雪兰领誓，全体党员重温入党誓词。",
        roster=[],
    )
    assert record.presider is None


@pytest.mark.parametrize(
    ("texts", "presider", "oath"),
    [
        (
            ("主持人：支部书记（季秀蓉）", "领誓人：支委（苏立福）"),
            "季秀蓉",
            "苏立福",
        ),  # the holder in brackets
        (("主持：冉书记（冉文锦）",), "冉文锦", None),  # called by surname and title, named in brackets
        (("主持：村党支部书记 拓永亮",), "拓永亮", None),  # 拓, a surname after a title
    ],
)
def test_a_form_value_naming_an_office_and_its_holder(
    texts: tuple[str, ...], presider: str, oath: str | None
) -> None:
    record = meeting(*texts, roster=[])
    assert record.presider is not None and record.presider.value == presider
    assert (record.oath_leader.value if record.oath_leader else None) == oath


def test_拓展_opens_no_name() -> None:
    record = meeting("会议要拓展思路，由支部书记王立明主持。", roster=[])
    assert record.presider is not None and record.presider.value == "王立明"


@pytest.mark.parametrize(
    "row",
    [
        "主持人：支部书记 蒲望川（党课环节由副书记 钟离菡 主持）",
        "主持人:支部书记 蒲望川(19:00后由组织委员 钟离菡 主持)",
        "主持人：蒲望川。后续议程由钟离菡主持。",
        "上午第一场，支部书记蒲望川主持。当晚线上补开一场，由副书记钟离菡主持。",  # a later sitting
        "白班场：10:00，由支部书记蒲望川主持。夜班场：20:30，同一地点，由组织委员钟离菡主持。",
        "主持人：支部书记 蒲望川（两场均由其主持）",  # a note in brackets after the name
        "主持：两场均由支部书记蒲望川主持",  # the form's value a sentence
        "会议分两批，第一批10时开始、第二批15时开始，两批均由支部书记蒲望川主持。",  # every sitting
    ],
)
def test_the_one_who_took_over_a_part_did_not_preside(row: str) -> None:
    """党课环节由X主持 / 19:00后由X主持 / 后续议程由X主持: a part handed over, not the meeting's chair."""
    record = meeting(row, roster=[])
    assert record.presider is not None and record.presider.value == "蒲望川"


def test_a_row_of_labels_in_the_traditional_script_is_read_apart() -> None:
    """主持：黨支部書記 甲　領誓：組織委員 乙: the 領誓 label ends the presider's value."""
    record = meeting("主持：黨支部書記 敖振聲　領誓：組織委員 寧淑芬", roster=[])
    assert record.presider is not None and record.presider.value == "敖振聲"
    assert record.oath_leader is not None and record.oath_leader.value == "寧淑芬"


def test_the_office_s_holder_in_brackets_after_their_own_title() -> None:
    record = meeting("主持：书记（第一书记 甘伯明）", roster=[])
    assert record.presider is not None and record.presider.value == "甘伯明"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("主持人：鞠永年 支部书记、联社副主任", "鞠永年"),  # the titles after the name, 、 between them
        ("主持人：支部书记、联社副主任鞠永年", "鞠永年"),
    ],
)
def test_a_form_value_with_several_titles_before_or_after_the_name(text: str, name: str) -> None:
    record = meeting(text, roster=[])
    assert record.presider is not None and record.presider.value == name


def test_a_form_value_of_titles_alone_names_no_presider() -> None:
    assert meeting("主持人：村党支部书记、村委会主任", roster=[]).presider is None


def test_a_presider_row_whose_colons_the_ocr_lost() -> None:
    record = meeting("金鹭社区第二党支部三月主题党日", "主持人社区党委副书记 卢婉宁记录人 芮菁瑶", roster=[])
    assert record.presider is not None and record.presider.value == "卢婉宁"


@pytest.mark.parametrize(
    "text",
    [
        "主持人：支部书记 冉秋池（因急性肠胃炎住院，本次由副书记宋听澜代为主持）",
        "主持人：冉秋池（委托宋听澜主持）",
        "会议由副书记宋听澜代为主持。",
    ],
)
def test_the_stand_in_named_for_the_presider_presides(text: str) -> None:
    record = meeting(text, roster=[])
    assert record.presider is not None and record.presider.value == "宋听澜"


def test_a_stand_in_for_part_of_the_meeting_does_not_replace_the_presider() -> None:
    text = "会议由支部书记冉秋池主持。冉秋池代表支委班子作对照检查时，由副书记宋听澜代为主持。"
    record = meeting(text, roster=[])
    assert record.presider is not None and record.presider.value == "冉秋池"


def test_the_writer_who_says_i_presided_in_northern_speech() -> None:
    record = meeting("会是俺主持的（支部书记 冉秋池），应到党员19人实到16人。", roster=[])
    assert record.presider is not None and record.presider.value == "冉秋池"


@pytest.mark.parametrize(
    ("texts", "presider", "oath"),
    [
        (
            ("序号｜会议角色｜姓名｜签到", "1｜主持、支部书记｜冉秋池｜√", "2｜领誓、组织委员｜宋听澜｜√"),
            "冉秋池",
            "宋听澜",
        ),
        (
            (
                "姓名：冉秋池；是否参会：是；备注：支部书记，主持",
                "姓名：宋听澜；是否参会：是；备注：组织委员，领誓",
            ),
            "冉秋池",
            "宋听澜",
        ),
        (("组长（主持）  冉秋池                       记录  宋听澜",), "冉秋池", None),
        (("冉秋池\t支部副书记\t是\t主持", "宋听澜\t组织委员\t是\t"), "冉秋池", None),
        # the duty cell with its posts in brackets, and the agenda's duty with the name and posts beside it
        (
            ("姓名　签到　备注", "冉秋池　√　　主持（支部书记、行长）", "宋听澜　√　　领誓"),
            "冉秋池",
            "宋听澜",
        ),
        (
            ("议程\t内容\t负责人", "1\t重温入党誓词\t周岚", "2\t主持活动\t冉秋池（支部书记、生产副总）"),
            "冉秋池",
            "周岚",
        ),
    ],
)
def test_a_table_row_whose_duty_cell_says_it_chairs_or_leads_the_oath(
    texts: tuple[str, ...], presider: str, oath: str | None
) -> None:
    record = meeting(*texts, roster=[])
    assert record.presider is not None and record.presider.value == presider
    assert (record.oath_leader.value if record.oath_leader else None) == oath


def test_a_chair_cell_left_blank_gives_the_row_no_presider() -> None:
    record = meeting("主持人\t\t记录人\t宋听澜", roster=[])
    assert record.presider is None
