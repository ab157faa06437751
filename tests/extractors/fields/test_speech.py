"""Verbatim minutes: the speaker's study lead and chairing read as prose."""

from __future__ import annotations

import pytest
from fields_helpers import lines_of, meeting

from extractors.fields.people import PersonFinder
from extractors.fields.speech import speeches


def test_the_one_invited_reads_the_material_and_leads_the_study() -> None:
    record = meeting(
        "主持人：侯永年（村党支部书记）",
        "侯永年：现在开会。今天应到23人，实到21人。",
        "侯永年：第二项，学习，请宣传委员汤玉珍同志领学。",
        "汤玉珍：我给大家读一下《中国共产党农村基层组织工作条例》第三章的几条。（读原文）",
        roster=[],
    )
    assert [(s.leader, s.material) for s in record.study] == [
        ("汤玉珍", "《中国共产党农村基层组织工作条例》")
    ]


@pytest.mark.parametrize(
    "said",
    [
        "我领大家学《中国共产党发展党员工作细则》第五章。",
        "先学习。我给大家念《中国共产党发展党员工作细则》里的几条。",
        "今天学《中国共产党发展党员工作细则》第五章。",
    ],
)
def test_ways_of_leading_the_study_in_the_first_person(said: str) -> None:
    record = meeting(f"戈立平：{said}", roster=[])
    assert [s.leader for s in record.study] == ["戈立平"]


def test_a_speech_goes_on_in_its_paragraph() -> None:
    record = meeting("聂海鸥：第一件事，先学一段。我给大家读《危险化学品安全管理条例》第二章。", roster=[])
    assert [s.leader for s in record.study] == ["聂海鸥"]


@pytest.mark.parametrize(
    "first",
    ["庹国强：同志们，现在开会。", "庹国强（主持）：第一项，重温入党誓词。", "主持人（庹国强）：第一项。"],
)
def test_the_speaker_who_opens_or_is_marked_chairing_presided(first: str) -> None:
    record = meeting(first, "庹国强：没别的事了，散会。", roster=[])
    assert record.presider is not None and record.presider.value == "庹国强"


def test_a_lectures_title_is_no_study() -> None:
    record = meeting("钱韵秋：同学们好。我今天讲的题目是《把论文写在祖国大地上》。", roster=[])
    assert record.study == [] or all(s.leader != "钱韵秋" for s in record.study)


def test_form_labels_are_no_speakers() -> None:
    lines = lines_of("会议内容：学习《中国共产党章程》。", "缺席：刘晓燕、赵德顺")
    assert speeches(lines, PersonFinder([], [ln.norm for ln in lines])) == [None, None]


def test_an_agenda_items_number_is_no_speaker() -> None:
    record = meeting("议程二：学习《中国共产党支部工作条例（试行）》（主讲人：夏侯楠旭同志）。", roster=[])
    assert all(s.leader != "程二" for s in record.study)
