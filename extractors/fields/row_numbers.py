"""Absentees named by their row on the sheet above them: ``未签到：7号（在税务局办事）``.

A sign-in sheet typed into the record numbers its rows (``7　税务管理部　CW0178　寇丽莎``); the lines under it
often name those away by that number alone. Each such number with its reason in brackets, in a line that says
some were away, is read as the name on its row, so the absentee readers read the name and the reason
(``未签到：寇丽莎（在税务局办事）``).
A number without its reason (``缺席：05、11``, the reasons told after) is left a number, so no name is read bare
of the reason told for it; a number that is no row, or a sheet of fewer than ``MIN_ROWS`` named rows, leaves the line as
written.
"""

from __future__ import annotations

import dataclasses
import re

from extractors.fields.absence_tables import row_cells
from extractors.fields.people import PersonFinder
from extractors.layout.lines import Line

MIN_ROWS = 3  # named rows a sheet needs before its numbers are read as names
_ROW_NUMBER = re.compile(r"^0?(?P<n>\d{1,3})$")
# a line saying some were away: the numbers after it are rows
_AWAY = re.compile(r"(?:未签到|未签|缺席|缺勤|请假|未到会?|未参加|没到|没来|缺)(?:人员|的)?:")
# a row's number as a list item with its reason in brackets: 7号(…) / 05(…) (not 5月, 12号楼(…) or a number
# without its reason: 缺席:05、11 stays numbers, so no name is read bare of the reason told after it)
_ROW_REF = re.compile(r"(?<![\d.:/\-])0?(?P<n>\d{1,3})(?:号|號)?(?=\()")


def rows_named(lines: list[Line], finder: PersonFinder) -> list[Line]:
    """``lines`` with each row number after a word of absence read as the name on that row."""
    numbered = _numbered_rows(lines, finder)
    if len(numbered) < MIN_ROWS:
        return lines
    out = []
    for line in lines:
        m = _AWAY.search(line.norm)
        if m is None:
            out.append(line)
            continue
        tail = _ROW_REF.sub(lambda r: numbered.get(int(r["n"]), r.group()), line.norm[m.end() :])
        norm = line.norm[: m.end()] + tail
        out.append(dataclasses.replace(line, norm=norm) if norm != line.norm else line)
    return out


def _numbered_rows(lines: list[Line], finder: PersonFinder) -> dict[int, str]:
    """The sheet's rows: number -> the name in the row (the first cell read whole as a name)."""
    found: dict[int, str] = {}
    for line in lines:
        cells = row_cells(line)
        m = _ROW_NUMBER.match(cells[0]) if len(cells) >= 2 else None
        if m is None:
            continue
        name = next((c for c in cells[1:] if (hit := finder.resolve(c)) is not None and hit.name == c), None)
        if name is not None:
            found.setdefault(int(m["n"]), name)
    return found
