"""Whose reason a bracket in a list of absentees is (甲、乙(x)): shared when the list says so, none
of 甲's when the list writes shared reasons once per person, undecided otherwise."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

from extractors.fields.list_reasons import bare_in_repeating_list, said_shared
from extractors.text.normalize import normalize


@pytest.mark.parametrize(
    ("line", "all_named", "shared"),
    [
        ("缺席:甲大海(务工)、乙小兰、丙德胜(都在广东电子厂上班)", False, True),
        ("请假:乙小兰、丙德胜(二人随课题组赴兰州调研),甲大海(住院)", False, True),
        ("请假四名:乙小兰、丙德胜(在广东上班),甲大海(腿脚不便),丁春来(拉货去了外省)", True, True),
        ("缺席人员及原因:甲大海(住院)丁春来(住院)乙小兰、丙德胜(社区防疫值守)", True, True),
        # the same list with an absent count other than the names read: a person decides
        ("请假:乙小兰、丙德胜(在广东上班),甲大海(腿脚不便)", False, False),
        # items parted by the same 、 that joins the two: nothing says the bracket is shared
        ("缺席:甲大海(务工)、乙小兰、丙德胜(腰伤卧床)", True, False),
    ],
)
def test_said_shared(line: str, all_named: bool, shared: bool) -> None:
    assert said_shared(normalize(line), "乙小兰", "丙德胜", all_named) is shared


def test_a_list_repeating_shared_reasons_leaves_a_bare_name_bare() -> None:
    line = "缺席名单：杨光荣（在东莞务工）、杨光华（在东莞务工）、石老幺、田茂坤（腰伤卧床）。"
    assert bare_in_repeating_list("石老幺", line)
    assert not bare_in_repeating_list("杨光华", line)
    assert not bare_in_repeating_list(
        "石老幺", "缺席名单：杨光荣（务工）、吴德秀（陪护）、石老幺、田茂坤（腰伤卧床）。"
    )


def _absent(*texts: str) -> tuple[list[tuple[str, str | None]], bool]:
    """The absentees read, and whether the record leaves any of their reasons to a person."""
    record = meeting(*texts, roster=[])
    doubted = "absence_shared" in record.cues or "absence_reason" in record.cues
    return [(a.name, a.reason) for a in record.absentees], doubted


def test_groups_parted_by_commas_share_their_bracket() -> None:
    found, doubted = _absent(
        "应到二十五名，到会二十一名，请假四名：陈金水、陈桂英（在广东电子厂上班），黄老四（腿脚不便），何春来（拉货去了外省）。"
    )
    assert ("陈金水", "在广东电子厂上班") in found
    assert not doubted


def test_an_even_list_stays_for_a_person() -> None:
    found, doubted = _absent(
        "应到18人，实到15人。缺席人员：毛雪芬（陪护母亲）、周建土、葛小龙（在义乌务工）。"
    )
    assert ("周建土", "在义乌务工") in found
    assert doubted


def test_a_list_writing_reasons_per_person_gives_the_bare_name_none() -> None:
    found, doubted = _absent(
        "应到32名，实到26名，缺席6名。",
        "缺席名单：杨光荣（在东莞电子厂务工）、杨光华（在东莞电子厂务工）、吴德秀（在县医院陪护丈夫）、"
        "麻正清（在温州工地务工）、石老幺、田茂坤（腰伤卧床）。",
    )
    assert ("石老幺", None) in found
    assert ("田茂坤", "腰伤卧床") in found
    assert not doubted


@pytest.mark.parametrize(
    "line",
    [
        "应到31人，实到29人，请假2人：霍嘉木（赴北京参加比赛）、廖可欣（会后补学）。",
        "应到党员9人，实到8人，缺1人：姜德茂（电话已打）。",
        "缺席：邸春林（请假，去上海参加泵阀展会）、廖可欣　缺",
    ],
)
def test_a_remedy_a_call_or_an_absence_mark_is_no_reason(line: str) -> None:
    found, _ = _absent(line)
    assert found[-1][1] is None


@pytest.mark.parametrize(
    ("texts", "name", "reason"),
    [
        (("应到党员11人，实到9人，缺席2人（易佳乐带大班小朋友彩排；韩晓湄婚假）。",), "韩晓湄", "婚假"),
        (
            ("缺席人员及原因：霍宁宁外派帮扶；夏侯芸产假；东方一诺值24小时班后休息。",),
            "东方一诺",
            "值24小时班后休息",
        ),
        (
            (
                "应到：31人　实到：28人　缺席：3人（龚少卿在新疆项目部；闻晓笛骨折在家休养；牛怀安在外地培训）",
            ),
            "闻晓笛",
            "骨折在家休养",
        ),
        (
            ("请假人员：", "1.冉立国　夜班带班", "2.柴有田　工伤休养（左腿骨折）"),
            "柴有田",
            "工伤休养(左腿骨折)",
        ),
        (
            ("5名缺席：列车长包慧敏值乘G1857次，列车长司马俊、乘务员庞玉洁值乘G618次。",),
            "司马俊",
            "值乘G618次",
        ),
    ],
)
def test_reasons_glued_to_names_and_items_with_their_note(
    texts: tuple[str, ...], name: str, reason: str
) -> None:
    found, _ = _absent(*texts)
    assert (name, reason) in found


@pytest.mark.parametrize("note", ["已补交党费", "本月第二次缺席", "将另行补学", "已电话通知本人"])
def test_a_note_beside_an_absentee_is_no_reason(note: str) -> None:
    found, _ = _absent(
        f"应到23人，实到21人，缺席2人：农雅丽（赴云南楚雄开展野生菌资源普查）、应浩宇（{note}）。"
    )
    assert ("应浩宇", None) in found
    assert ("农雅丽", "赴云南楚雄开展野生菌资源普查") in found


def test_a_ditto_mark_is_the_reason_above() -> None:
    from extractors.fields.leave_words import no_reason_left

    assert not no_reason_left("〃")
    assert not no_reason_left("″")
