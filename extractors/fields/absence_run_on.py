"""A numbered table of absentees run on in one line (a PDF or a pasted form losing its rows):

    未到会党员登记　序号　姓名　事由　1　熊涛　身体不适　2　贺涛　休产假

Its heading opens with a row-number column (序号 / 编号); each row after it opens with the next
number (1, 2, … or 一, 二, …) and has as many cells as the heading. The heading and the rows are
read as the table they were (``absence_tables.tabled_absences``), each row quoting the line.
"""

from __future__ import annotations

import dataclasses
import re

from extractors.fields.absence_tables import Tabled, TabledAbsence, tabled_absences
from extractors.fields.people import PersonFinder
from extractors.layout.lines import Line
from extractors.text.normalize import normalize

_NUMBER_HEAD = re.compile(r"^(?:序号|编号|序)$")
_ZH_NUMBERS = "一二三四五六七八九十"


def run_on_absences(lines: list[Line], finder: PersonFinder) -> Tabled | None:
    """The first line holding a whole numbered table of absentees, read as that table."""
    for line in lines:
        table = _split(line)
        if table is None:
            continue
        found = tabled_absences(table, finder)
        if found is not None and found.absences:
            return Tabled(
                [TabledAbsence(a.name, a.reason, line) for a in found.absences],
                found.roll,
                set(),
                found.people,
            )
    return None


def _split(line: Line) -> list[Line] | None:
    """The line's heading and rows, each a line of tab-apart cells, or None when it holds no
    numbered table (a heading of three or more columns and one or more whole rows)."""
    tokens = line.text.split()
    start = next((k for k, token in enumerate(tokens) if _NUMBER_HEAD.match(normalize(token))), None)
    if start is None:
        return None
    width = next((k for k, token in enumerate(tokens[start:]) if _row_number(token) == 1), None)
    if width is None or width < 3:
        return None
    head, cells = tokens[start : start + width], tokens[start + width :]
    rows = [cells[k : k + width] for k in range(0, len(cells), width)]
    if not rows or any(len(row) != width or _row_number(row[0]) != n for n, row in enumerate(rows, 1)):
        return None
    return [_as_line(line, head), *(_as_line(line, row) for row in rows)]


def _row_number(token: str) -> int | None:
    token = normalize(token).strip(".、)")
    if token.isdigit():
        return int(token)
    return _ZH_NUMBERS.index(token) + 1 if len(token) == 1 and token in _ZH_NUMBERS else None


def _as_line(line: Line, cells: list[str]) -> Line:
    text = "\t".join(cells)
    return dataclasses.replace(line, text=text, norm=normalize(text), cells=None)
