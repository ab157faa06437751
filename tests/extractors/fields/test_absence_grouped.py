"""Absentees told in groups by why they were away, each group with its number (``absence_grouped``),
with no roster. Every sentence here is our own."""

from __future__ import annotations

from fields_helpers import meeting


def _read(*texts: str) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees]


BRACKETED = (
    "全村党员40人，到会31人，缺席的9名：跑船的4人（黄国安、黄国平、吴德茂、许振南），船还在舟山没回来；"
    "在外地开店的3人（蔡丽珍在昆明、洪文杰在成都、郑美华在西安）；生病的2人，许金水住院，陈秀兰阿婆中风卧床。"
)


def test_groups_with_their_names_in_brackets_then_one_by_one() -> None:
    assert _read(BRACKETED) == [
        ("黄国安", "跑船"),
        ("黄国平", "跑船"),
        ("吴德茂", "跑船"),
        ("许振南", "跑船"),  # the remark after the bracket is no one
        ("蔡丽珍", "在外地开店"),  # a place after a name in the bracket is the group's reason's
        ("洪文杰", "在外地开店"),
        ("郑美华", "在外地开店"),
        ("许金水", "住院"),
        ("陈秀兰", "中风卧床"),  # an honorific after the name is no part of the reason
    ]


def test_groups_must_add_up_to_those_away() -> None:
    # one name too few in a group, or groups adding up to fewer than are away: nobody from the groups
    assert ("黄国安", "跑船") not in _read(BRACKETED.replace("黄国平、", ""))
    assert ("黄国安", "跑船") not in _read(BRACKETED.replace("到会31人", "到会30人"))


def test_groups_after_a_colon_each_name_with_its_own_reason() -> None:
    text = (
        "社区党员30人，到会25人，请假5人。在外地的3人：王建新在迪拜做外贸，李月娥在厦门带孙子，"
        "张永福在莆田工地做工；生病的2人：刘德厚老伯住院，赵桂芳阿姨膝盖手术后在家休养。"
    )
    assert _read(text) == [
        ("王建新", "在迪拜做外贸"),
        ("李月娥", "在厦门带孙子"),
        ("张永福", "在莆田工地做工"),
        ("刘德厚", "住院"),
        ("赵桂芳", "膝盖手术后在家休养"),
    ]


def test_one_more_named_after_the_groups() -> None:
    text = (
        "全村党员30人，到会24人，请假6人：在外地打工的3人（林志强、林志明在泉州，陈玉兰在东莞），"
        "生病的2人（吴阿土、郭美玉），还有蔡小芬在福州读研究生。"
    )
    assert _read(text) == [
        ("林志强", "在外地打工"),
        ("林志明", "在外地打工"),
        ("陈玉兰", "在外地打工"),
        ("吴阿土", "生病"),
        ("郭美玉", "生病"),
        ("蔡小芬", "在福州读研究生"),
    ]


def test_an_alias_in_brackets_after_a_full_name_is_left_out() -> None:
    text = "支部党员20人，到会18人。请假2人：黄德海（海伯）腿摔伤在家；洪玉梅（玉梅婶）八十多岁卧床。"
    assert _read(text) == [("黄德海", "腿摔伤在家"), ("洪玉梅", "八十多岁卧床")]
    # …and the full name in brackets after what the village calls them (surname, 阿, a name) is the name
    called = "支部党员20人，到会18人。请假2人：黄阿四（黄四海）腿摔伤在家；洪阿妹（洪玉梅）在外地带孙子。"
    assert _read(called) == [("黄四海", "腿摔伤在家"), ("洪玉梅", "在外地带孙子")]
    # …but a full name in brackets after what neighbours call them is the name
    said = "支部党员16名，今晚除了老林（林德旺）回老家奔丧、陈丽娟在省城照顾女儿两人外，其余14名都到了。"
    assert ("林德旺", "回老家奔丧") in _read(said)


def test_illnesses_of_the_pandemic_years_are_reasons() -> None:
    text = "支部党员12人，到会9人。请假3人：孙丽华在泉州照顾外孙；郑国栋阳了，在家隔离；林玉珍卧床。"
    assert _read(text) == [("孙丽华", "在泉州照顾外孙"), ("郑国栋", "阳了,在家隔离"), ("林玉珍", "卧床")]


ROSTER = ["冉秋池", "宋听澜", "周岚", "魏明远", "贺知章"]


def _listed(*texts: str) -> list[tuple[str | None, str | None]]:
    return sorted((a.name, a.reason) for a in meeting(*texts, roster=ROSTER).absentees)


def test_a_group_with_its_number_then_its_names_after_the_colon() -> None:
    text = "应到5人，实到3人。缺席人员及原因：因公外出的同志有2位：冉秋池、宋听澜。"
    assert _listed(text) == [("冉秋池", "因公外出"), ("宋听澜", "因公外出")]


def test_groups_headed_by_their_reason_and_absence() -> None:
    text = "应到5人，实到2人。缺席情况：外出开会未到：冉秋池、周岚；值班未到：宋听澜。"
    assert _listed(text) == [("冉秋池", "外出开会"), ("周岚", "外出开会"), ("宋听澜", "值班")]
    assert _listed("应到5人，实到4人。缺席人员及原因：身体不适未到：周岚。") == [("周岚", "身体不适")]


def test_groups_headed_by_their_reason_must_add_up_to_those_away() -> None:
    text = "应到5人，实到1人。缺席情况：外出开会未到：冉秋池、周岚；值班未到：宋听澜。"
    assert ("宋听澜", "值班") not in _listed(text)


def test_those_excepted_from_everyone_each_with_the_reason_before_them() -> None:
    text = "应到5人，实到2人。缺席人员及原因：除了在外学习的冉秋池、因公出差的宋听澜和值班的周岚，其他同志都来了。"
    assert _listed(text) == [("冉秋池", "在外学习"), ("周岚", "值班"), ("宋听澜", "因公出差")]
    assert _listed("应到5人，实到4人。缺席人员及原因：除了休产假的周岚，其他同志都来了。") == [
        ("周岚", "休产假")
    ]


def test_groups_of_a_reason_then_its_names_in_brackets() -> None:
    head = "应出席党员11人，实际出席党员9人，缺席党员2人。"
    expected = [("冉秋池", "因公出差"), ("宋听澜", "外出培训")]
    assert _listed(head, "缺席2人，事由及人员：因公出差（冉秋池）、外出培训（宋听澜）。") == expected
    assert _listed(head, "缺席2人，按原因分：因公出差1人（冉秋池）；", "外出培训1人（宋听澜）。") == expected
    shared = [("冉秋池", "因公外出"), ("宋听澜", "因公外出")]
    assert _listed(head, "缺席2人，事由一致：因公外出（冉秋池、宋听澜）。") == shared
    assert _read(head, "缺席2人，事由一致：因公外出（冉秋池、宋听澜）。") == shared  # (no roster)


def test_a_reason_in_brackets_after_its_name_is_no_group() -> None:
    assert _listed("应到8人，实到6人，缺席2人：冉秋池（病假）、宋听澜（外出培训）。") == [
        ("冉秋池", "病假"),
        ("宋听澜", "外出培训"),
    ]


def test_groups_headed_by_any_kind_of_leave() -> None:
    assert _read("应到12人，实到9人。公差：冉秋池、周岚；病假：宋听澜。") == [
        ("冉秋池", "公差"),
        ("周岚", "公差"),
        ("宋听澜", "病假"),
    ]


def test_groups_on_one_row_a_gap_apart() -> None:
    # the row's gaps are gone from the normal form: 公假:冉秋池病假:宋听澜
    assert _read("应到12人，实到9人。病假：冉秋池 事假：宋听澜、周岚") == [
        ("冉秋池", "病假"),
        ("宋听澜", "事假"),
        ("周岚", "事假"),
    ]
