"""A study item with no leader read whose sentence names one person doing the leading
(``extractors/fields/study_lone.py``), the sentences where that person is no leader, and a planned
material written with a study act of any wording (``study._planned_items``)."""

from __future__ import annotations

import datetime as dt

import pytest
from fields_helpers import lines_of, meeting

from extractors.fields.minutes import extract_meeting

ROSTER = ["冉秋池", "宋听澜", "周岚", "张明华"]
A, B = "《中国共产党章程》", "《中国共产党简史》"


def studied(*texts: str, roster: list[str] | None = None) -> list[tuple[str | None, str]]:
    record = meeting("会议由张明华主持。", *texts, roster=ROSTER if roster is None else roster)
    return [(i.leader, i.material) for i in record.study]


@pytest.mark.parametrize(
    "text",
    [
        f"学习环节的内容是{A}，由宣传委员冉秋池同志带着大家逐段读、逐段议。",
        f"由冉秋池同志带领大家，从头到尾通读了一遍{A}。",
        f"组织学习的是冉秋池同志，学习材料为{A}。",
        f"学：{A}；领：冉秋池；议：联系岗位谈体会。",
        f"精读环节选的是{A}，由冉秋池同志带着逐段精读。",
    ],
)
def test_the_one_person_of_a_study_sentence_who_leads_it(text: str) -> None:
    assert studied(text) == [("冉秋池", A)]


def test_a_name_before_tongzhi_when_there_is_no_roster() -> None:
    assert studied(f"学习环节的内容是{A}，由冉秋池同志带着大家逐段读、逐段议。", roster=[]) == [("冉秋池", A)]


@pytest.mark.parametrize(
    "text",
    [
        f"冉秋池同志强调，要带着问题学习{A}。",  # an instruction, not a study led
        f"会上传达了{A}，由冉秋池同志宣读。",  # a paper passed on
        f"冉秋池同志请假，会后自学{A}，由支部统一组织补学。",  # the one person named is away
        f"原定学习{A}，改到下周，到时由冉秋池同志带着大家读。",  # put off
    ],
)
def test_no_leader_from_another_act_an_absence_or_a_study_put_off(text: str) -> None:
    assert all(leader != "冉秋池" for leader, _ in studied(text))


def test_a_person_who_leads_another_material_leads_no_second_one_by_being_named() -> None:
    assert studied(f"冉秋池同志领学{A}；会上还集中学习了{B}。") == [("冉秋池", A), (None, B)]


@pytest.mark.parametrize(
    "text",
    [
        f"{A}和{B}分别由冉秋池、宋听澜两位同志领学。",
        f"冉秋池同志就{A}、宋听澜同志就{B}分别进行了领学。",
    ],
)
def test_titles_and_people_told_respectively_pair_in_order(text: str) -> None:
    assert studied(text) == [("冉秋池", A), ("宋听澜", B)]


def test_people_fewer_than_the_titles_pair_nothing_respectively() -> None:
    got = studied(f"{A}和{B}分别由宋听澜同志组织学习。")
    assert ("冉秋池", A) not in got and ("冉秋池", B) not in got


def planned(*texts: str, materials: tuple[str, ...] = (A,)) -> list[tuple[str | None, str]]:
    record = extract_meeting(
        lines_of("会议由张明华主持。", *texts),
        ROSTER,
        default_date=dt.date(2023, 5, 8),
        plan_items=[],
        source_files=["minutes.docx"],
        materials=list(materials),
    )
    return [(i.leader, i.material) for i in record.study]


def test_a_planned_material_written_with_a_study_act_the_readers_do_not_know() -> None:
    text = f"冉秋池同志带着大家细细品悟{A}总纲部分。"
    assert planned(text) == [("冉秋池", A)]
    assert planned(text, materials=()) == []  # (not planned: the wording alone is no study)


@pytest.mark.parametrize(
    "text",
    [
        f"冉秋池同志强调，要认真领悟{A}。",  # a requirement
        f"下次由冉秋池同志带着大家品悟{A}。",  # another meeting
        f"冉秋池同志结合{A}谈了心得体会。",  # a speech about it
        f"会后请大家自学{A}。",  # after the meeting
    ],
)
def test_a_planned_material_only_mentioned_is_not_studied(text: str) -> None:
    assert planned(text) == []


@pytest.mark.parametrize("roster", [ROSTER, []])
def test_the_former_and_the_latter_each_lead_their_own_title(roster: list[str]) -> None:
    text = (
        "会上学习了两份材料：《中国共产党章程》与《中国共产党简史》中“伟大开端”一节。"
        "前者由冉秋池同志领学，后者由宋听澜同志领学。"
    )
    assert studied(text, roster=roster) == [
        ("冉秋池", "《中国共产党章程》"),
        ("宋听澜", "《中国共产党简史》"),
    ]
