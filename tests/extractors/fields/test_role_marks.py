"""Roles written beside names (role_marks): read when the record's sentences name nobody, never
over what the narrative says."""

from __future__ import annotations

import pytest
from fields_helpers import meeting


@pytest.mark.parametrize(
    ("texts", "presider", "oath"),
    [
        (
            ("参加人员：柏松涛（支部书记、主持）、鄢晓静（组织委员、领誓）、闫佩珊、龚立恒",),
            "柏松涛",
            "鄢晓静",
        ),
        (
            ("会议分工：主持——支部书记尚怀谷；领誓——组织委员阿依古丽·吾买尔；记录——党员庞海涛。",),
            "尚怀谷",
            "阿依古丽·吾买尔",
        ),
        (
            ("主持/领誓/领学:吐尔逊·艾力/古丽娜尔·热合曼/王援疆(驻村第一书记)",),
            "吐尔逊·艾力",
            "古丽娜尔·热合曼",
        ),
        (("出席：鞠文海—书记/主持　蓝秀清—组织委员/领誓　曲怀远—领学　司马晓楠—记录",), "鞠文海", "蓝秀清"),
        (
            ("姓名\t职务\t会议角色\t出勤", "邵栋梁\t支部书记\t主持、领学\t√", "钮春来\t组织委员\t领誓\t√"),
            "邵栋梁",
            "钮春来",
        ),
        # the list's marks are no sentence: 藍曉雯 led the oath, not the 主持 before her
        (
            (
                "參會人員：支部書記龐敬之（主持）、組織委員藍曉雯（領誓）、副校長孔維哲（領學）及黨員教師共26人。",
                "活動中，藍曉雯領誓，全體黨員重溫入黨誓詞。",
            ),
            "龐敬之",
            "藍曉雯",
        ),
    ],
)
def test_roles_marked_beside_names(texts: tuple[str, ...], presider: str, oath: str) -> None:
    record = meeting(*texts, roster=[])
    assert record.presider is not None and record.presider.value == presider
    assert record.oath_leader is not None and record.oath_leader.value == oath


def test_the_narrative_wins_over_the_planned_marks() -> None:
    record = meeting(
        "会前分工：王立群（书记、主持）、韩守义（领誓）",
        "韩守义当天陪老伴去医院复查，领誓改由老党员于振东担任，于振东领誓，全体党员重温入党誓词。",
        roster=[],
    )
    assert record.oath_leader is not None and record.oath_leader.value == "于振东"


def test_a_typed_row_of_pairs_parted_by_gaps_is_read_pair_by_pair() -> None:
    record = meeting("主持：贲立行　领誓：潘晓岚　记录：汤佳妮　学习：全体党员集中自学", roster=[])
    assert record.presider is not None and record.presider.value == "贲立行"
    assert record.oath_leader is not None and record.oath_leader.value == "潘晓岚"


def test_the_study_leader_of_the_row_leads_nothing_but_what_the_record_says() -> None:
    """Run together the row read 莘晓岚 as leading a study of …; apart, the study is the narrative's."""
    record = meeting(
        "主持　鄂望舒　　领誓　莘晓岚　　领学　濮云峤　　记录　訾清和\n"
        "一、莘晓岚领誓，全体党员重温入党誓词。\n二、濮云峤领学《中国共产党章程》第二章。",
        roster=[],
    )
    assert [(i.leader, i.material) for i in record.study] == [("濮云峤", "《中国共产党章程》")]
    assert record.presider is not None and record.presider.value == "鄂望舒"


def test_roles_on_a_roll_row_and_people_called_by_title_or_surname() -> None:
    """陆某:到(主持): the role after the status; 韦书记 is 韦明澈(支部书记) of the roll, 小龚 the one 龚 on it."""
    roll = meeting(
        "点名：\n鄂望舒：到（主持）\n莘晓岚：到\n濮云峤：到（记录）\n訾清和：请假（在省城培训）", roster=[]
    )
    assert roll.presider is not None and roll.presider.value == "鄂望舒"
    called = meeting(
        "主持：韦书记　　领誓：小龚　　记录：戴雨眠\n点名（√到）：\n韦明澈（支部书记）√\n龚小溪（组织委员）√\n戴雨眠√　寿春生√\n"
        "1.小龚领誓，全体党员重温入党誓词。",
        roster=[],
    )
    assert called.presider is not None and called.presider.value == "韦明澈"
    assert called.oath_leader is not None and called.oath_leader.value == "龚小溪"
