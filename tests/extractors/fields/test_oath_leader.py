"""Ways records name who led the oath, beyond 由X领誓 and 在X的带领下."""

from __future__ import annotations

import pytest
from fields_helpers import meeting


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        ("全体党员跟随李光振同志重温入党誓词。", "李光振"),
        ("大家跟着书记李光振一起重温入党誓词。", "李光振"),
        ("全体党员在张明同志的引领下重温入党誓词。", "张明"),
        ("王芳领着全体党员面向党旗庄严宣誓。", "王芳"),
        ("全体党员重温入党誓词（领誓人：张明）。", "张明"),
        ("由王芳同志领诵入党誓词。", "王芳"),
        ("随后，于洋同志领读入党誓词。", "于洋"),
        ("入党誓词领读：宣传委员 于洋", "于洋"),  # a form's label, the title before the name
    ],
)
def test_oath_leader_on_the_roster(text: str, leader: str) -> None:
    found = meeting(text).oath_leader
    assert found is not None and found.value == leader


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        # no roster: the name before 为/担任 the role, or right after the role word
        ("鲍云舟为领誓人，全体党员重温入党誓词。", "鲍云舟"),
        ("由鲍云舟担任领誓人，全体党员重温入党誓词。", "鲍云舟"),
        ("▲党员在纪念馆前重温入党誓词（前排右二为领誓人单雪晴）", "单雪晴"),
        # a Tibetan name made of common parts, without a dot
        ("在支部组织委员格桑拉姆的领誓下，全体党员重温入党誓词。", "格桑拉姆"),
        # surnames that are everyday characters, after a title; a rare compound surname
        ("活动第一项，村党支部副书记羊春燕领誓，全体党员重温入党誓词。", "羊春燕"),
        ("支部副书记宣耀东领誓，全体党员重温入党誓词。", "宣耀东"),
        ("活动第一项,由宰父晨曦同志领誓,全体党员面向党旗重温入党誓词.", "宰父晨曦"),
        # where the leader stood, a room named by itself
        ("组织委员龙彩云在活动室领誓，全体党员重温入党誓词。", "龙彩云"),
    ],
)
def test_oath_leader(text: str, leader: str) -> None:
    found = meeting(text, roster=[]).oath_leader
    assert found is not None and found.value == leader


@pytest.mark.parametrize(
    "text", ["全体党员面向党旗重温入党誓词。", "随后全体党员重温入党誓词。", "随即全体起立宣誓。"]
)
def test_no_oath_leader_named(text: str) -> None:
    assert meeting(text).oath_leader is None


def test_the_leader_planned_for_the_next_meeting_is_not_this_ones() -> None:
    record = meeting("三、研究确定下月主题党日：由纪检委员鲍云舟领誓，组织委员单雪晴领学。", roster=[])
    assert record.oath_leader is None


@pytest.mark.parametrize(
    "text",
    [
        "会议议定3月主题党日安排在3月24日，内容为耕地保护专题学习，由组织委员王芳领誓。",
        "支委会商定下月活动由张明同志领誓，赵六同志领学。",
    ],
)
def test_an_oath_planned_for_a_later_meeting_names_no_leader(text: str) -> None:
    record = meeting(text)
    assert record.oath_leader is None and record.oath_taken is None, record.oath_leader


def test_the_oath_leader_told_after_de_shi() -> None:
    record = meeting("领誓的是支部组织委员、数学组教师端木一鸣同志，全体党员重温入党誓词。", roster=[])
    assert record.oath_leader is not None and record.oath_leader.value == "端木一鸣"


def test_a_leader_of_a_rarer_surname_without_a_roster() -> None:
    record = meeting("1.组织委员盖晓雯领誓，全体党员重温入党誓词。", roster=[])
    assert record.oath_leader is not None and record.oath_leader.value == "盖晓雯"


def test_an_oath_someone_proposes_for_a_later_day_is_none_taken() -> None:
    proposed = meeting(
        "二、研究8月主题党日方案。孔德明提出组织党员到烈士陵园祭扫并重温入党誓词，严冬负责联系车辆。"
    )
    assert proposed.oath_taken is None
    # a proposal in an earlier clause says nothing of the oath taken after it
    taken = meeting("书记提出要求后，全体党员重温入党誓词。")
    assert taken.oath_taken is not None and taken.oath_taken.value


def test_a_leader_whose_given_name_ends_in_zhong_after_a_title() -> None:
    leader = meeting("重温入党誓词（组织委员祁慧中领誓）。", roster=[]).oath_leader
    assert leader is not None and leader.value == "祁慧中"


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        ("全体党员跟随副局长邵明达，面向党旗重温入党誓词。", "邵明达"),  # followed, a comma before the oath
        ("活动开始，在辅导员王嘉慧老师的领誓下，全体党员重温入党誓词。", "王嘉慧"),
        (
            "活动中，年龄最大的党员、78岁的妥永胜领誓，全体党员重温入党誓词。",
            "妥永胜",
        ),  # a description before 的
        ("一、重温入党誓词。领誓人由退役军人党员祝光明担任，全体党员跟着他一句一句宣誓。", "祝光明"),
        ("第一项，老支书彭德明举起右拳领读誓词，大家跟着念。", "彭德明"),  # the gesture between name and act
        (
            "1.重温誓词 领誓:组织委员 覃月红   2.领学:农书记 学《党章》",
            "覃月红",
        ),  # the next item ends the value
    ],
)
def test_oath_leaders_in_more_phrasings(text: str, leader: str) -> None:
    record = meeting(text, roster=[])
    assert record.oath_leader is not None and record.oath_leader.value == leader


@pytest.mark.parametrize("came", ["到会指导并", "应邀出席并", "莅临指导并"])
def test_a_guest_who_came_and_led_the_oath(came: str) -> None:
    """上级党委委员X到会指导并领誓: the guest's coming, then the oath they led."""
    text = f"鹭汀软件园综合党委委员程晓岚{came}领誓，全体党员重温入党誓词。"
    record = meeting(text, roster=[])
    assert record.oath_leader is not None and record.oath_leader.value == "程晓岚"


@pytest.mark.parametrize(
    "text", ["二、重温入党誓词，是组织委员王建国领的誓。", "二、王建国领的誓，大家重温入党誓词。"]
)
def test_the_oath_led_said_aloud(text: str) -> None:
    record = meeting(text, roster=[])
    assert record.oath_leader is not None and record.oath_leader.value == "王建国"


def test_an_oath_said_not_to_be_taken_at_this_meeting_is_not_taken() -> None:
    record = meeting("本次党小组会不安排重温入党誓词，誓词放在3月29日支部主题党日统一进行。", roster=[])
    assert record.oath_taken is None
