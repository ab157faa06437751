"""Cue sentences: the minutes talk about a field even when no value is read from them."""

from __future__ import annotations

import pytest
from fields_helpers import lines_of, meeting

from extractors.fields.cues import cue_lines


@pytest.mark.parametrize(
    "text",
    [
        "会议由支部书记主持。",  # a title, no name
        "主持人：张老三（书记）",  # a name not on the roster, written after the label
        "本次活动在党支部书记的主持下进行。",
        "组织委员第一个站起来作开场说明：今天有两项议程。",  # the act of chairing, its doer unread
        "支部书记宣布活动开始。",
    ],
)
def test_presiding_talked_about(text: str) -> None:
    assert cue_lines(lines_of(text), "presider")


@pytest.mark.parametrize(
    "text",
    [
        "主持人：",  # an empty form cell is evidence of a missing presider
        "主持人：记录人：王芳",  # cells joined: the 主持人 cell is empty
        "记录人签字：__________\u3000\u3000主持人签字：__________",  # lines to sign on
        "在总监票人的主持下，进行了无记名投票。",  # an election's chair
        "宣读主持词。",
        "全体党员重温入党誓词。",
    ],
)
def test_presiding_not_talked_about(text: str) -> None:
    assert not cue_lines(lines_of(text), "presider")


def test_oath_leader_cues() -> None:
    assert cue_lines(lines_of("全体党员在书记的带领下重温入党誓词。"), "oath_leader")
    assert cue_lines(lines_of("由支部书记领誓。"), "oath_leader")
    assert not cue_lines(lines_of("全体党员面向党旗重温入党誓词。"), "oath_leader")
    assert not cue_lines(lines_of("领誓人："), "oath_leader")


def test_record_carries_cues_only_for_fields_talked_about() -> None:
    record = meeting("会议由上级党委派员主持。", "全体党员重温入党誓词。")
    assert record.presider is None
    assert [e.text for e in record.cues["presider"]] == ["会议由上级党委派员主持。"]
    assert "oath_leader" not in record.cues


def test_an_oath_sentence_naming_someone_is_a_cue_for_its_leader() -> None:
    assert meeting("全体党员跟随李光振同志重温入党誓词。").cues["oath_leader"]
    assert meeting("随后，大家在宣传委员的带动下庄严宣誓。").cues["oath_leader"]
    assert "oath_leader" not in meeting("全体党员面向党旗重温入党誓词。").cues


def test_plan_item_object_named_but_not_read_as_done_is_a_cue() -> None:
    record = meeting("会后，党员们逐一把本月党费交到组织委员手中。", items=["缴纳党费", "观看警示教育片"])
    assert "缴纳党费" not in record.items_done
    assert [e.text for e in record.cues["item:缴纳党费"]] == ["会后，党员们逐一把本月党费交到组织委员手中。"]
    assert "item:观看警示教育片" not in record.cues
    assert "缴纳党费" in meeting("组织委员现场收取党费。", items=["缴纳党费"]).items_done


def test_a_pronoun_subject_is_no_name_guess() -> None:
    record = meeting(
        "孙文杰首先作党课报告。",
        "他从大会的召开背景、主要成果以及历史意义讲起,重点领学了报告第二部分。",
        roster=[],
    )
    assert all(item.leader != "成果" for item in record.study)
    assert record.cues["study_lead"]


def test_an_oath_led_by_name_is_a_cue_for_its_leader() -> None:
    lines = lines_of("最后我带着宋晓苓面对党旗进行了入党宣誓，她念得有点紧张。")
    assert cue_lines(lines, "oath_leader")
