"""Names read from their place in a counted list of absentees (names no surname list knows)."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

from extractors.fields.attendance import REASON_START
from extractors.fields.placed_names import named_by_place
from extractors.text.normalize import normalize


def _away(*texts: str) -> list[tuple[str, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees]


def test_a_counted_list_of_mongolian_names() -> None:
    assert _away("支部应到党员14人，实到12人，缺席2人：哈斯图娅在蒙古国访学，阿茹娜生病住院。") == [
        ("哈斯图娅", "在蒙古国访学"),
        ("阿茹娜", "生病住院"),
    ]


def test_a_long_transcribed_name_after_its_reason() -> None:
    assert _away("应到12人，实到10人，请假2人：在嘎查蹲点督查防火的额尔登巴雅尔、休产假的白晓雯。") == [
        ("额尔登巴雅尔", "在嘎查蹲点督查防火"),
        ("白晓雯", "休产假"),
    ]


def test_a_list_running_on_to_the_next_line() -> None:
    assert _away(
        "应到21人，实到19人，缺席2人",
        "缺席情况：扎西多布上山挖虫草未参加；",
        "德吉白珍在县人民医院陪护母亲。",
    ) == [("扎西多布", "上山挖虫草"), ("德吉白珍", "在县人民医院陪护母亲")]


def test_a_list_read_short_is_completed_by_place() -> None:
    """漆 is in no surname list: the first reading names two of three."""
    assert _away(
        "参会人数：实到24人（应到27人），缺3人：漆远山 下村处理山林纠纷；封晓燕 在县委党校培训；郜立敏 病休"
    ) == [
        ("漆远山", "下村处理山林纠纷"),
        ("封晓燕", "在县委党校培训"),
        ("郜立敏", "病休"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "哈斯图娅在蒙古国访学",  # one item for a count of two
        "哈斯图娅在蒙古国访学,阿茹娜生病住院,巴特尔在牧区接羔",  # three people where two are counted
        "他们都在外地,阿茹娜生病住院",  # a pronoun is no name
        "哈斯图娅(在蒙古国访学),阿茹娜生病住院",  # brackets: other readers' list
    ],
)
def test_no_reading_by_place(text: str) -> None:
    assert named_by_place(normalize(text), 2, REASON_START) is None


def test_an_item_after_the_count_that_is_no_person_ends_the_list() -> None:
    text = normalize("一个是哈斯图娅在蒙古国访学，一个是阿茹娜生病住院，他们都提前请了假")
    assert named_by_place(text, 2, REASON_START) == [("哈斯图娅", "在蒙古国访学"), ("阿茹娜", "生病住院")]


def test_a_count_without_its_unit() -> None:
    assert _away("到会率92.3%（24/26），请假2：哈斯图娅在外校交换，阿茹娜发烧去校医院。") == [
        ("哈斯图娅", "在外校交换"),
        ("阿茹娜", "发烧去校医院"),
    ]


def test_a_verbs_character_ends_no_name() -> None:
    assert named_by_place(normalize("郜二旦未到,贺长根在新疆"), 2, REASON_START) is None


def test_names_joined_by_a_comma_of_enumeration_share_the_reason() -> None:
    assert _away(
        "应到党员26人，实到23人，请假3人，分别是舒德明、漆志远在浙江务工，钮桂英在县城带孙子上学。"
    ) == [
        ("舒德明", "在浙江务工"),
        ("漆志远", "在浙江务工"),
        ("钮桂英", "在县城带孙子上学"),
    ]


def test_a_pairs_word_and_a_post_are_no_part_of_the_name() -> None:
    text = normalize("司机刘强东在外地出差，钮桂英、马小跳二人在县城带孙子上学")
    assert named_by_place(text, 3, REASON_START) == [
        ("刘强东", "在外地出差"),
        ("钮桂英", "在县城带孙子上学"),
        ("马小跳", "在县城带孙子上学"),
    ]


def test_the_reason_first_and_the_person_after_de() -> None:
    assert _away(
        "支部应到党员24人，实到21人，另有3人请假，分别是在市中心医院跟班实习值夜班的付嘉宁、"
        "参加省大学生护理技能大赛集训的满晓彤、回老家奔丧的艾力亚尔·吐尔逊。"
    ) == [
        ("付嘉宁", "在市中心医院跟班实习值夜班"),
        ("满晓彤", "参加省大学生护理技能大赛集训"),
        ("艾力亚尔·吐尔逊", "回老家奔丧"),
    ]


def test_a_hospital_stay_opens_a_reason() -> None:
    assert _away("请假2名：覃光明在广东中山打工未回，韦三妹住县医院做白内障手术。") == [
        ("覃光明", "在广东中山打工未回"),
        ("韦三妹", "住县医院做白内障手术"),
    ]


def test_a_reason_going_on_after_a_comma_stays_with_its_person() -> None:
    """白天 and 已 open no person: the reason goes on (门 and 佴 are in no surname list)."""
    assert _away(
        "支部应到党员19名，实到16名，缺席3名：鄂春晖当天在江西赣州做技术交底；"
        "门晓东这周上夜班，白天在宿舍补觉；佴雅琪7月1日至5日在宁波参加展销会，已于5日返厂。"
    ) == [
        ("鄂春晖", "当天在江西赣州做技术交底"),
        ("门晓东", "这周上夜班,白天在宿舍补觉"),
        ("佴雅琪", "7月1日至5日在宁波参加展销会,已于5日返厂"),
    ]


def test_the_unit_before_each_person_is_left_out() -> None:
    assert _away(
        "应到19名，实到17名，缺席2名：挤塑车间党员门晓东这周上夜班；办公室党员佴雅琪在宁波参加展销会。"
    ) == [("门晓东", "这周上夜班"), ("佴雅琪", "在宁波参加展销会")]


def test_a_new_sentence_opening_with_a_time_word_is_no_part_of_the_last_reason() -> None:
    text = normalize("哈斯图娅在蒙古国访学，阿茹娜生病住院。下午大家到社区开展志愿服务")
    assert named_by_place(text, 2, REASON_START) == [("哈斯图娅", "在蒙古国访学"), ("阿茹娜", "生病住院")]


def test_a_list_after_the_leave_asked_in_a_group_chat_with_reasons_running_over_commas() -> None:
    """宣 is an everyday character: only the list's count names 宣一鸣."""
    assert _away(
        "支部应到党员23人，实到20人，缺席3人。",
        "缺席的三位同学都提前在支部群里请了假：米热古丽·吐尔逊4月6日至5月28日在县三中教育实习，住在实习学校；"
        "帅俊豪那天晚上在实验室值守，反应釜连续运行不能离人；宣一鸣开会那天在省城参加省赛答辩。",
    ) == [
        ("米热古丽·吐尔逊", "4月6日至5月28日在县三中教育实习,住在实习学校"),
        ("帅俊豪", "那天晚上在实验室值守,反应釜连续运行不能离人"),
        ("宣一鸣", "开会那天在省城参加省赛答辩"),
    ]


def test_reasons_opening_with_a_month_or_an_earlier_meeting() -> None:
    assert _away(
        "村党支部应到党员30名，实到27名，缺席3名，其中党员瞿德明当天在镇上参加补贴核验，"
        "姬秀云本月以来在江苏昆山女儿家带外孙，贡长青10月中旬在县中医院做了胆囊手术，10月28日已出院。"
    ) == [
        ("瞿德明", "当天在镇上参加补贴核验"),
        ("姬秀云", "本月以来在江苏昆山女儿家带外孙"),
        ("贡长青", "10月中旬在县中医院做了胆囊手术,10月28日已出院"),
    ]
