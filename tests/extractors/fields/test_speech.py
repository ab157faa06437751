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


@pytest.mark.parametrize("head", ["[2023年4月20日 12:42] ", "[2023/4/20 12:42] ", "15:37 "])
def test_a_chat_message_names_its_speaker_after_its_time(head: str) -> None:
    record = meeting(f"{head}戈立平：我给大家领学了《中国共产党纪律处分条例》。", roster=[])
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


def test_a_meeting_tools_turns_are_their_speakers_the_key_names() -> None:
    record = meeting(
        "说话人1　00:00:08",
        "好，人差不多到齐了，咱们开始。应到12人，实到12人。",
        "[00:02:47] 说话人2：大家站起来，跟着我宣誓。",
        "说话人3 [00:08:15]：下面我带大家学一下这个《中国共产党章程》第一章。",
        "补记：说话人1为支部书记庞立珩；说话人2为组织委员桑晓清；祁明宇（说话人3）。",
        roster=[],
    )
    assert record.presider is not None and record.presider.value == "庞立珩"
    assert record.oath_leader is not None and record.oath_leader.value == "桑晓清"
    assert [(s.leader, s.material) for s in record.study] == [("祁明宇", "《中国共产党章程》")]


def test_a_turn_the_key_does_not_name_is_nobodys() -> None:
    record = meeting("[00:00:12] 发言人1：今天我来主持。", "[00:03:52] 发言人2：跟我念。", roster=[])
    assert record.presider is None and record.oath_leader is None


def test_i_chair_said_to_an_addressee_is_no_chairing_of_theirs() -> None:
    record = meeting("王委员：支委会昨天开了，我主持的。", roster=[])
    assert record.presider is None or record.presider.value != "王委员"
