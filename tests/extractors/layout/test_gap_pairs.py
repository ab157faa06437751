"""A form row of fields apart by gaps alone, no colons (``gap_pairs``): one ``label:value`` line each."""

from __future__ import annotations

from core.models import Origin, TextSpan
from extractors.layout.gap_pairs import gap_pairs_as_lines
from extractors.layout.lines import Line, sentences


def _read(text: str) -> list[str]:
    lines: list[Line] = sentences(TextSpan(text, Origin("f.docx", 1)))
    return [line.norm for line in gap_pairs_as_lines(lines)]


def test_a_row_of_roles_and_people_apart_by_gaps_is_a_line_per_role() -> None:
    got = _read("主持　鄂望舒　　领誓　莘晓岚　　领学　濮云峤　　记录　訾清和")
    assert got == ["主持:鄂望舒", "领誓人:莘晓岚", "领学人:濮云峤", "记录:訾清和"]


def test_a_row_of_the_time_and_the_room_apart_by_gaps() -> None:
    assert _read("时间　2024年9月27日　　地点　街道办四楼会议室") == [
        "时间:2024年9月27日",
        "地点:街道办四楼会议室",
    ]


def test_rows_that_are_no_form_row_stay_as_they_are() -> None:
    # a colon: a labelled line already; an odd cell out: no pairs; a value that is a label: no pairs
    for text in (
        "主持：鄂望舒　　领誓：莘晓岚",
        "主持　鄂望舒　　领誓",
        "主持　记录　　领誓　莘晓岚",
        "孟青梧　到　　卓怀瑾　到",
    ):
        lines = sentences(TextSpan(text, Origin("f.docx", 1)))
        assert gap_pairs_as_lines(lines) == lines
