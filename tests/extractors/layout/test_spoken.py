"""Records dictated into a phone: a transcript's pauses read as marks (``spoken``). Every sentence
here is our own."""

from __future__ import annotations

import pytest

from extractors.layout.spoken import is_transcript, pauses_as_marks

SAID = (
    "2024年4月9号上午九点 在村部二楼的会议室开的主题党日 主持人是支部书记 邓志远 嗯 先是重温入党誓词 "
    "由组织委员那个罗春燕领誓 大家跟着她一句一句的念 然后学习 邓志远领着大家学了《中国共产党章程》第一章 "
    "应到的党员是十六个 实到十四个 有两个请假 一个是柴德旺 他在浙江打工没回来 一个是邹桂英 她住院了 "
    "最后交了党费 散会"
)


def test_a_transcripts_pauses_are_its_commas_stops_and_colons() -> None:
    read = pauses_as_marks(SAID)
    assert len(read) == len(SAID)  # character for character: offsets hold
    assert "应到的党员是十六个，实到十四个，有两个请假，一个是柴德旺，他在浙江打工没回来" in read
    assert "。然后学习" in read and "。最后交了党费" in read  # another part of the meeting
    assert "支部书记 邓志远" in read  # inside a phrase: a title before its name
    assert "由组织委员那个罗春燕领誓" in read
    assert pauses_as_marks(
        "…所以放在中午开 主持 支部书记戚永红 我们中心主任 然后是重温入党誓词 由纪检委员敖立平领誓"
    ).startswith("…所以放在中午开。主持：支部书记戚永红")


@pytest.mark.parametrize(
    "line",
    [
        "主持 訾东海",  # a form's row
        "到会支委:闵春漪 邬梦洁 桑爱群 祁东岳 宋听澜",  # names apart by spaces
        "缺席人员及原因：1.詹国栋 锅炉房当班 2.吉秀芳 病假 3.邵启帆 外出采购 4.尚红霞 婚假",  # numbered cells
        "主持人 支部书记褚立新 领誓人 副书记 卓文静 记录人 组织委员 邝海峰",  # labels
        "主持人：王芳 记录人：李四 地点：三楼会议室 时间：上午九点",
        "会议由支部书记张三主持，全体党员重温入党誓词，李四领学了《党章》，大家 交流了 体会。",  # written, punctuated
        "一级警长 马国华——补给站安保值守 二级警长 栾小军——起点区域封控",  # cells with dashes
    ],
)
def test_forms_lists_and_written_lines_keep_their_spaces(line: str) -> None:
    assert not is_transcript(line)
    assert pauses_as_marks(line) == line


def test_a_correction_sent_after_the_record_is_said_too() -> None:
    line = "改一下：实到是二十四个 请假的是四个 侯德明后来赶过来了 孙子打完针他就来了 其他不变"
    assert is_transcript(line)
    assert pauses_as_marks(line).startswith("改一下：实到是二十四个，请假的是四个，侯德明后来赶过来了")


def test_a_title_said_in_marks_keeps_its_pause() -> None:
    said = "先是领学了意见 然后请的老党员柏云深给大家讲党课 题目是“退休不退志 余热献乡村”讲他这些年帮村里调解矛盾 讲的很实在"
    assert pauses_as_marks(said) == (
        "先是领学了意见。然后请的老党员柏云深给大家讲党课，题目是“退休不退志 余热献乡村”讲他这些年帮村里调解矛盾，讲的很实在"
    )
