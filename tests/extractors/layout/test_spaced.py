"""Typed text with spaces where the colons belong (``spaced``)."""

from __future__ import annotations

from extractors.layout.lines import FORM_LABELS, ROW_LABELS
from extractors.layout.spaced import gaps_before_labels, label_spaces_as_colons


def test_a_space_after_a_label_is_its_colon_spelled_out_or_not() -> None:
    assert label_spaces_as_colons("主持人 司徒永安 领誓人 侯佳云 记录人 祝小芳", FORM_LABELS) == (
        "主持人：司徒永安 领誓人：侯佳云 记录人：祝小芳"
    )
    assert label_spaces_as_colons(
        "主 持 人 机关党支部书记 芦振东 记 录 人 组织委员 覃小雨", FORM_LABELS
    ).startswith("主 持 人：机关党支部书记")


def test_a_punctuated_line_and_a_count_are_left_alone() -> None:
    text = "主持人：王 芳，记录人：李四。"
    assert label_spaces_as_colons(text, FORM_LABELS) == text
    assert (
        label_spaces_as_colons("应到 十八 人 实到 十六 人 缺席 二 人", FORM_LABELS)
        == "应到 十八 人 实到 十六 人 缺席 二 人"
    )


def test_a_gap_before_a_label_ends_the_pair_before_it() -> None:
    text = "主持：贲立行　领誓：潘晓岚  记录：汤佳妮"
    out = gaps_before_labels(text, ROW_LABELS)
    assert out == "主持：贲立行；领誓：潘晓岚； 记录：汤佳妮"
    assert len(out) == len(text)
    assert gaps_before_labels("书记讲话后 大家发言：", ROW_LABELS) == "书记讲话后 大家发言："
    assert (
        gaps_before_labels("作者：组织部　　日期：2022-10-28", ROW_LABELS)
        == "作者：组织部　　日期：2022-10-28"
    )


def test_cells_apart_by_wide_gaps_each_a_label_a_space_and_a_value() -> None:
    assert (
        label_spaces_as_colons("主持人 鲁长庚　　记录人 牟杏芳", FORM_LABELS)
        == "主持人：鲁长庚　　记录人：牟杏芳"
    )
    assert (
        label_spaces_as_colons("主持人 鲁长庚  记录人 牟杏芳", FORM_LABELS)
        == "主持人：鲁长庚  记录人：牟杏芳"
    )
    one = "主持人 鲁长庚　　会后合影留念"  # one such cell makes no row of pairs
    assert label_spaces_as_colons(one, FORM_LABELS) == one
