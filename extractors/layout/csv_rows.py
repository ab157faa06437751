"""A sheet pasted as comma-separated values: its commas read as the bars of a table.

A sign-in sheet exported from a spreadsheet and pasted as text keeps its cells apart by commas
(``序号,姓名,出勤,原因`` / ``5,蒲长根,请假,在浙江义乌开网店,年底发货走不开``). The table readers know
bars, not commas, and a comma is also how a sentence goes on. So a block is read as a sheet only
when it opens with a header row of short column names, one of them a person's column (姓名) and
one a mark or note column; each row below it that has at least as many cells, and opens with a
row number (under 序号) or a short cell, has its first cells read apart, the commas past the last
column kept inside the last cell (a note may hold commas). A comma is read as a bar character for
character, so the evidence still quotes the commas as written.
"""

from __future__ import annotations

import re

_CELL = r"[\u4e00-\u9fff/()（）]{1,6}"
_HEADER = re.compile(rf"^\s*{_CELL}(?:\s*,\s*{_CELL}){{2,}}\s*,?\s*$")
_NAME_COLUMNS = frozenset({"姓名", "党员姓名", "名字"})
_MARK_COLUMNS = re.compile(r"出勤|参会|出席|到会|签到|状态|情况|原因|事由|备注|请假|缺席")
MIN_COLUMNS = 3
# a row's first cell: its number under a 序号 column, else a short cell (a name), not a sentence
_NUMBER_FIRST = re.compile(r"^\s*\d{1,3}\s*,")
_ANY_FIRST = re.compile(r"^\s*[^,\s]{1,5}\s*,")


def sheet_columns(texts: list[str]) -> list[int]:
    """For each paragraph of ``texts``, the number of columns of the comma-separated sheet it is
    a row (or the header) of, else 0."""
    out: list[int] = []
    columns, first = 0, _ANY_FIRST
    for text in texts:
        if columns and text.count(",") >= columns - 1 and first.match(text):
            out.append(columns)
            continue
        columns = _header_columns(text)
        first = _NUMBER_FIRST if re.match(r"\s*(?:序号|编号)\s*,", text) else _ANY_FIRST
        out.append(columns)
    return out


def as_bars(text: str, columns: int) -> str:
    """``text`` (a sheet's row) with its first ``columns - 1`` commas written as bars (a comma
    ending the row, before an empty last cell, as a space)."""
    if not columns:
        return text
    barred = re.sub(",", "|", text, count=columns - 1)
    return re.sub(r"\|(\s*)$", r" \1", barred)  # an empty last cell (1,蒲德厚,出席,) is no cell


def sheet_cells(text: str, columns: int) -> list[str]:
    """The cells of a sheet's row, the commas past the last column kept in the last cell."""
    return [c.strip() for c in text.strip().split(",", columns - 1)]


def _header_columns(text: str) -> int:
    """The number of columns ``text`` names when it is a sheet's header row, else 0."""
    if not _HEADER.match(text):
        return 0
    cells = [c.strip() for c in text.strip().rstrip(",").split(",")]
    named = any(c in _NAME_COLUMNS for c in cells)
    marked = any(_MARK_COLUMNS.search(c) for c in cells)
    return len(cells) if len(cells) >= MIN_COLUMNS and named and marked else 0
