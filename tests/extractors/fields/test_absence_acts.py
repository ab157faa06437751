"""Absentees named around the act of missing the meeting, in phrasings a writer who never read the
parser used: the act before the names with no colon (``缺席甲、乙``, ``缺席者为甲、乙``), names run into
their act (``甲、乙、丙未参加``: not a list of those present), a clause about someone who took part
another way (``甲线上参会，乙请假（出差）``), the reasons of a count's own bracket, a 原因 line after a
未到 list, the leave asked of someone (``打电话给书记请了假``) and 未能参与."""

from __future__ import annotations

import pytest
from fields_helpers import counts_of, meeting

ROSTER = ["冉秋池", "宋听澜", "周岚", "张明华"]


def absent(*texts: str, roster: list[str] | None = None) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=roster or []).absentees]


@pytest.mark.parametrize("roster", [ROSTER, []])
@pytest.mark.parametrize(
    "text",
    [
        "应到12人，实到10人，缺席冉秋池、宋听澜，其中冉秋池同志病假，宋听澜同志未说明原因。",
        "应到12人，实到10人。缺席者为冉秋池、宋听澜，其中冉秋池同志病假。",
    ],
)
def test_the_act_then_the_names_without_a_colon(text: str, roster: list[str]) -> None:
    assert absent(text, roster=roster) == [("冉秋池", "病假"), ("宋听澜", None)]


def test_two_names_joined_by_and_then_among_without_a_roster() -> None:
    text = "应到12人，实到10人。缺席人员为冉秋池和宋听澜，其中冉秋池同志病假。"
    assert absent(text) == [("冉秋池", "病假"), ("宋听澜", None)]


@pytest.mark.parametrize("roster", [ROSTER, []])
@pytest.mark.parametrize("act", ["未参加", "未参加会议", "没参加", "未能参加"])
def test_names_run_into_their_act_are_not_those_present(act: str, roster: list[str]) -> None:
    text = f"本次党课应到12人，实到9人，冉秋池、宋听澜、周岚{act}。"
    assert absent(text, roster=roster) == [("冉秋池", None), ("宋听澜", None), ("周岚", None)]


def test_one_who_took_part_another_way_is_not_the_leave_s() -> None:
    text = "应到12人，实到11人。冉秋池同志线上参会，宋听澜同志请假（出差在外），其余同志均现场参会。"
    assert absent(text, roster=ROSTER) == [("宋听澜", "出差在外")]


@pytest.mark.parametrize("roster", [ROSTER, []])
def test_the_reasons_in_the_count_s_own_bracket(roster: list[str]) -> None:
    text = "应到12人，实到10人（冉秋池、宋听澜请假，分别为病假、事假）"
    assert absent(text, roster=roster) == [("冉秋池", "病假"), ("宋听澜", "事假")]


def test_the_reason_line_after_a_list_of_those_who_did_not_come() -> None:
    lines = ("实到人员：10人", "未到人员：冉秋池、宋听澜", "未到原因：均在一线抗洪")
    assert absent(*lines, roster=ROSTER) == [("冉秋池", "在一线抗洪"), ("宋听澜", "在一线抗洪")]


@pytest.mark.parametrize("asked", ["会前打电话给书记请了假", "提前向支部书记请了假", "会前跟组织委员请了假"])
def test_leave_asked_of_someone_after_the_reason(asked: str) -> None:
    assert absent(f"宋听澜同志家里有事，{asked}。", roster=ROSTER) == [("宋听澜", "家里有事")]


def test_not_able_to_take_part_is_an_absence() -> None:
    text = "本次活动共有11名党员参加，冉秋池同志因在社区核酸检测点值守未能参与。"
    assert absent(text, roster=ROSTER) == [("冉秋池", "因在社区核酸检测点值守")]


def test_those_present_counted_before_the_whole_in_a_bracket_of_the_label() -> None:
    assert counts_of(meeting("出席：支部委员4人（应出席5人）", roster=[])) == (5, 4, None)


@pytest.mark.parametrize(
    ("said", "reason"),
    [
        ("冉秋池[病假]", "病假"),
        ("冉秋池（行动不便，由支部委员上门送学）", "行动不便"),
        ("冉秋池（护送学生返回村里后被困）", "护送学生返回村里后被困"),
        ("冉秋池为公假", "公假"),
    ],
)
def test_what_is_said_around_a_reason_is_no_part_of_it(said: str, reason: str) -> None:
    assert absent(f"应到12人，实到11人。缺席：{said}", roster=ROSTER) == [("冉秋池", reason)]


@pytest.mark.parametrize("after", ["本次会议请假", "已履行请假手续", "已提前请假"])
def test_the_leave_s_telling_after_a_reason_is_no_part_of_it(after: str) -> None:
    text = f"应到12人，实到11人，冉秋池同志由于参加公司年度审计工作，{after}。"
    assert absent(text, roster=ROSTER) == [("冉秋池", "参加公司年度审计工作")]


@pytest.mark.parametrize("head", ["未请假缺席", "无故缺席"])
def test_a_second_head_of_those_away_without_leave(head: str) -> None:
    lines = ("应到12人，实到10人。", "请假人员：冉秋池（丈夫住院陪护）", f"{head}：宋听澜")
    assert absent(*lines, roster=ROSTER) == [("冉秋池", "丈夫住院陪护"), ("宋听澜", None)]


def test_one_away_from_an_earlier_meeting_who_came_to_this_one_is_not_away() -> None:
    text = "冉秋池同志上次会议因出差请假，本次会议已按时参加。应到12人，实到12人。"
    assert absent(text, roster=ROSTER) == []


def test_the_reason_told_in_the_sentence_after_the_list() -> None:
    lines = ("未到会同志：冉秋池同志。冉秋池同志一直在外地照顾生病的母亲，已较长时间未参加组织生活。",)
    assert absent(*lines, roster=ROSTER) == [("冉秋池", "一直在外地照顾生病的母亲")]
