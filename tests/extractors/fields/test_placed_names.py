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
