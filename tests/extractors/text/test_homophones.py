"""Key words typed through a pinyin input method's slips (``homophones``): read as the key word
where their context is there, left alone where the slip is a word or a name of its own."""

from __future__ import annotations

import pytest

from extractors.text.homophones import homophones_undone


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("沈竹溪同治(支部书记)主持会议", "沈竹溪同志(支部书记)主持会议"),
        ("组织委员梅若愚另学了《中国共产党章程》", "组织委员梅若愚领学了《中国共产党章程》"),
        ("缺习1人(龚守田在海南过冬)", "缺席1人(龚守田在海南过冬)"),
        ("请家3名:范一苒", "请假3名:范一苒"),
        ("应道:19人,实道:17人", "应到:19人,实到:17人"),
        ("姚小禾领事,全体党员重温入党誓词", "姚小禾领誓,全体党员重温入党誓词"),
        ("由王芳同志住持", "由王芳同志主持"),
        ("在外地出查", "在外地出差"),
    ],
)
def test_a_key_word_typed_through_a_slip_of_sound_is_read_as_the_key_word(typed: str, read: str) -> None:
    assert homophones_undone(typed) == read


@pytest.mark.parametrize(
    "text",
    [
        "驻外领事馆",  # a word of its own
        "请家长来学校",
        "请加强学习",
        "同治年间",
        "休探亲假",  # 亲 is read qin first
        "过去总觉得这次才真正认识到一笔业务的责任",  # 识到 before a number is no 实到
        "童志明同志主持",  # a surname sounding like 同 before a given name with 志
        "凌学军领学《中国共产党章程》",  # 凌学 before no title
        "王芳领事务工作",
    ],
)
def test_words_and_names_that_only_sound_like_a_key_word_are_left_alone(text: str) -> None:
    assert homophones_undone(text) == text
