"""People written by their row number or staff number, resolved to names before the absentee
readers run.

Registers typed from paper name a member once, in a numbered roster or beside a staff number, and
then refer to them by it:

    4｜晁立明｜YY0160｜            a numbered roster row (cells apart by bars, tabs or spaces)
    巴永赓（WL2031）              a staff number beside a name, in brackets or its own cell
    缺席2人：4号、11号。备注：4号出差   the references, read as 缺席2人：晁立明、厍志刚。…

``resolved`` returns the lines with every reference replaced by the name it stands for; a roster
is only one of three or more rows numbered in order, and a number outside it stays as written
(3号楼, 15号 in a roster of 14: no one's).
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from extractors.fields.people import NOT_NAMES, minority_name
from extractors.layout.lines import Line
from extractors.text.normalize import normalize

MIN_ROSTER_ROWS = 3  # numbered rows that make a roster (fewer: an agenda's items)
_CELL_SPLIT = re.compile(r"\s*[｜|\t]\s*")
_SPACES = re.compile(r"[ \u3000]+")
_ROW_NUMBER = re.compile(r"^(\d{1,3})[.、．]?$")
# a cell of a row that is no name: a group (一组, 第二党小组), a mark or a staff number
_GROUP_CELL = re.compile(
    r"^(?:第?[一二三四五六七八九十\d]{1,3}(?:组|小组|党小组|班|队)|[^\d]{1,6}(?:党小组|小组|班组))$"
)
_NAME_CELL = re.compile(r"^[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}$")
_NOT_IN_NAME = set("的了们等及或也都均已未没不因请假到党员组号")
_STAFF_NUMBER = r"[A-Z]{1,4}\d{3,6}"
_NAME_THEN_STAFF = re.compile(
    rf"(?P<name>[\u4e00-\u9fff]{{2,4}})\s*(?:[(（]\s*(?P<a>{_STAFF_NUMBER})\s*[)）]|[｜|\t]\s*(?P<b>{_STAFF_NUMBER})\b)"
    rf"|(?P<c>{_STAFF_NUMBER})[ \u3000｜|\t]+(?P<after>[\u4e00-\u9fff]{{2,4}})(?![\u4e00-\u9fff])"
)
# a number of a row referred to: 4号 (not 3号楼, 5号线, 8号库)
_ROW_REFERENCE = re.compile(r"(?<![\d\w])(\d{1,3})号(?![楼院线库房室厅门桥站台机床位车间区段井码])")


def keys(lines: list[Line]) -> dict[str, str]:
    """Each row number of the record's numbered roster and each staff number written beside a
    name, with the name it stands for."""
    return _keys([_written(line) for line in lines])


def resolved(lines: list[Line]) -> list[Line]:
    """``lines`` with every row number (4号) and staff number that stands for a name replaced by
    it, outside the roster rows and the name's own cell; ``lines`` itself when nothing is."""
    written = [_written(line) for line in lines]
    found = _keys(written)
    if not found:
        return lines
    staff = [k for k in found if not k.endswith("号")]
    pattern = re.compile(
        "|".join(
            [
                _ROW_REFERENCE.pattern,
                *(rf"(?<![A-Za-z\d])(?P<s{i}>{re.escape(k)})(?!\d)" for i, k in enumerate(staff)),
            ]
        )
    )
    out = [
        line if names else _resolved_line(line, found, pattern)
        for line, names in zip(lines, written, strict=True)
    ]
    return lines if all(a is b for a, b in zip(out, lines, strict=True)) else out


def _resolved_line(line: Line, found: dict[str, str], pattern: re.Pattern[str]) -> Line:
    def replace(m: re.Match[str]) -> str:
        key = f"{m[1]}号" if m[1] else m.group()
        name = found.get(key)
        if name is not None and line.text.startswith(name, m.end()):
            return ""  # 8号吉永康: the number before the name it stands for
        return name or m.group()

    new = pattern.sub(replace, line.text)
    return line if new == line.text else dataclasses.replace(line, text=new, norm=normalize(new))


@dataclasses.dataclass(frozen=True)
class _Written:
    """What a line writes of people by number: its roster rows, and its staff numbers beside a
    name (``staff``, None for a name the shape rejects); true when it writes any."""

    rows: list[tuple[int, str]]
    staff: list[tuple[str, str | None]]

    def __bool__(self) -> bool:
        return bool(self.rows or self.staff)


def _written(line: Line) -> _Written:
    staff = [
        (m["a"] or m["b"] or m["c"], _name(m["name"] or m["after"]))
        for m in _NAME_THEN_STAFF.finditer(line.text)
    ]
    return _Written(_rows_in(line), staff)


def _keys(written: list[_Written]) -> dict[str, str]:
    rows: dict[int, str] = {}
    for w in written:
        for number, name in w.rows:
            rows.setdefault(number, name)
    out = {f"{n}号": name for n, name in rows.items()} if _in_order(rows) else {}
    for w in written:
        for code, staff_name in w.staff:
            if staff_name is not None:
                out.setdefault(code, staff_name)
    return out


def _rows_in(line: Line) -> list[tuple[int, str]]:
    """The numbered roster rows in ``line`` (two or more when a register is typed two-up): a number
    in a cell of its own, then, after a group's or a staff number's cell, a name."""
    text = line.text.strip()
    cells = [
        c for c in (_CELL_SPLIT.split(text) if re.search(r"[｜|\t]", text) else _SPACES.split(text)) if c
    ]
    rows = []
    for k, cell in enumerate(cells):
        if (number := _ROW_NUMBER.match(cell)) is None:
            continue
        rest = cells[k + 1 : k + 4]
        while rest and (_GROUP_CELL.match(rest[0]) or re.fullmatch(_STAFF_NUMBER, rest[0])):
            rest = rest[1:]
        if rest and (name := _name(rest[0])) is not None:
            rows.append((int(number[1]), name))
    return rows


def _name(cell: str) -> str | None:
    """``cell`` as a name by its shape (padding spaces inside taken out)."""
    if not _NAME_CELL.match(cell):
        return None
    name = _SPACES.sub("", cell)
    if name in NOT_NAMES or (bool(_NOT_IN_NAME & set(name)) and minority_name(name) is None):
        return None
    return name


def _in_order(rows: dict[int, str]) -> bool:
    """Three or more rows numbered from 1 with no more than a row's gap between them."""
    numbers = sorted(rows)
    if len(numbers) < MIN_ROSTER_ROWS or numbers[0] != 1:
        return False
    return all(b - a <= 2 for a, b in itertools.pairwise(numbers))
