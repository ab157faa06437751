"""Counts in a form's fields as a writer who never read the parser wrote them: the members counted apart
from others under the label of those present, a figure in brackets after its label, the whole alone
in its field (党员总数:), 党员数 labels, and the membership with its parts before this meeting's count."""

from __future__ import annotations

import pytest
from fields_helpers import counts_of, meeting


def counts(*texts: str) -> tuple[int | None, int | None, int | None]:
    return counts_of(meeting(*texts, roster=[]))


@pytest.mark.parametrize(
    "text",
    [
        "参会人员：党员12名，入党积极分子3名。",
        "出席人数（党员）：12名；列席人数：5名（入党积极分子3名、群众2名）",
        "活动参加人数：党员12名，入党积极分子8名，共20名。",
        "本次参会人员共15人，其中党员12人，入党积极分子3人。",
    ],
)
def test_the_members_counted_apart_from_others_present(text: str) -> None:
    assert counts(text)[1] == 12


@pytest.mark.parametrize(
    "text", ["应到人数（13）实到人数（12）缺席人数（1）", "应到会党员人数：(13)人 实到会党员人数：(12)人"]
)
def test_a_figure_in_brackets_after_its_label(text: str) -> None:
    assert counts(text)[:2] == (13, 12)


def test_the_whole_alone_in_its_field() -> None:
    assert counts("党员总数：26人；", "出席：24人；", "缺席：2人（请假）") == (26, 24, 2)


def test_labels_of_the_number_of_members() -> None:
    assert counts("会议应出席党员数：19；实际出席党员数：18；请假：1") == (19, 18, 1)


def test_the_membership_and_its_parts_then_this_meeting_s_count() -> None:
    text = "支部现有党员31名，其中正式党员28名、预备党员3名，本次会议实到27名。"
    assert counts(text)[:2] == (31, 27)


def test_a_list_that_names_some_then_counts_them_all_after_etc() -> None:
    assert counts("出席会议党员：冉秋池、宋听澜、周岚、张明华、魏明远等11人。")[1] == 11


@pytest.mark.parametrize("text", ["参会党员：全体（11人）", "出席党员：11名（支部全体党员）"])
def test_everyone_in_a_field_of_those_present(text: str) -> None:
    assert counts(text)[:2] == (11, 11)


def test_a_pair_labelled_those_present_first() -> None:
    assert counts("实到人数/应到人数：18/20")[:2] == (20, 18)
