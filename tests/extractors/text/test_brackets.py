"""Splitting at marks outside brackets (``brackets``)."""

from __future__ import annotations

from extractors.text.brackets import split_outside_brackets


def test_marks_inside_brackets_do_not_split() -> None:
    assert split_outside_brackets("甲(出差,在外省)、乙(病假)", "、,") == ["甲(出差,在外省)", "乙(病假)"]


def test_empty_pieces_are_left_out_and_a_stray_closing_bracket_is_text() -> None:
    assert split_outside_brackets("甲,,乙", ",") == ["甲", "乙"]
    assert split_outside_brackets("甲)、乙", "、") == ["甲)", "乙"]
