"""Sentences of a span (``extractors.layout.lines.sentences``): where a sentence ends as the writer meant it."""

from __future__ import annotations

import pytest

from core.models import Origin, TextSpan
from extractors.layout.lines import sentences


def _norms(text: str, via: str = "text-layer") -> list[str]:
    return [line.norm for line in sentences(TextSpan(text, Origin("记录.docx", paragraph=0), via=via))]


def test_a_half_width_stop_after_chinese_ends_the_sentence() -> None:
    assert _norms("社区党支部开展主题党日.主持:书记 庞月华.应到30,实到29.") == [
        "社区党支部开展主题党日。",
        "主持:书记庞月华。",
        "应到30,实到29。",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "到会率96.7%,议程第1.2项",  # a decimal point and an ordinal
        "缺席:阿依努尔.托合提、买买提.吐尔逊",  # the dot of transcribed names, typed as a stop
        "请假1人(在外地培训.已请假)",  # inside a bracket
    ],
)
def test_a_half_width_stop_that_ends_no_sentence_stays(text: str) -> None:
    assert len(_norms(text)) == 1


def test_semicolons_inside_a_bracket_end_no_sentence_and_stay_in_it() -> None:
    norms = _norms("应到26,实到23,请假3(邝秋实 外出培训;裘美玲 病假;洪一鸣 探亲);学习《党章》。")
    assert norms == ["应到26,实到23,请假3(邝秋实外出培训;裘美玲病假;洪一鸣探亲);", "学习《党章》。"]


def test_sentences_quote_the_text_as_written() -> None:
    span = TextSpan("主持:书记 庞月华.应到30", Origin("记录.docx", paragraph=0))
    assert [line.text for line in sentences(span)] == ["主持:书记 庞月华.", "应到30"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("主持人：叶尔克江.哈布都力", "主持人：叶尔克江·哈布都力"),
        ("缺席：沙吾列-哈力木（值班）", "缺席：沙吾列·哈力木（值班）"),
        ("活动由支部书记阿布来提-吾守尔主持", "活动由支部书记阿布来提·吾守尔主持"),
        ("哈那提-努尔旦（给合作社拉饲草）", "哈那提·努尔旦（给合作社拉饲草）"),
        ("开展主题党日.主持：支部书记 2023-11", "开展主题党日.主持：支部书记 2023-11"),
    ],
)
def test_a_transcribed_names_stop_or_dash_is_its_dot(text: str, want: str) -> None:
    from extractors.layout.lines import name_dots

    assert name_dots(text) == want
