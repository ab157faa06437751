"""Absentees written as the rows of a leave register, each with its cause under a label or in a
column of its own:

    请销假登记摘录：甲　事由：外出培训　审批：同意；乙　事由：病假　审批：同意。
    请假登记：甲，事由：因公出差，已批准；乙，事由：外出培训，已批准。
    缺席登记（姓名｜事由｜是否请假）：甲｜病假｜是；乙｜外出开会｜是。

Every row must open with a name (a roster name, or one anchored on a surname) right before its
cause; a cause written as none (事由：无) gives that row no reason. The general list reader would
take the cause after the label for the next row's name, one row off.
"""

from __future__ import annotations

import re

from core.models import Absentee, Evidence
from extractors.fields.absence_grouped import sentence_lines
from extractors.fields.attendance import clean_reason
from extractors.fields.people import NOT_NAMES, PersonFinder, leading_guess
from extractors.layout.lines import Line
from extractors.text.normalize import normalize

_LABEL = r"(?:请假事由|缺席原因|请假原因|事由|原因)(?:为|是)?:"
# a row: the name opening it, the label, the cause up to the next label or the row's end
_LABELLED = re.compile(
    rf"(?:^|(?<=[:;,。]))(?P<name>[\u4e00-\u9fff·]{{2,8}}?)(?:同志)?,?{_LABEL}(?P<r>[^,;。:|]+?)"
    r"(?=审批|批准|备注|是否|请假时间|时间|天数|[,;。|]|$)"
)
# a header naming the columns: (姓名|事由|是否请假)
_HEADER = re.compile(r"姓名\|(?P<cols>[^()。:]+)")


def absentees(lines: list[Line], finder: PersonFinder) -> list[Absentee]:
    """The absentees of the first register found: its labelled rows, else its columns."""
    for k in range(len(lines)):
        used = sentence_lines(lines[k:])  # (rows cut at ;)
        text = "".join(ln.norm for ln in used)
        written = "".join(normalize(ln.text) for ln in used)  # (the cells' bars as written)
        rows = _labelled(text, finder) or _columns(written, finder)
        if rows:
            ev = [Evidence.of(ln.span, ln.text) for ln in used]
            return [Absentee(name, reason, list(ev)) for name, reason in rows]
    return []


def _labelled(text: str, finder: PersonFinder) -> list[tuple[str, str | None]]:
    """Rows with the cause under a label; none unless each row opens with a name."""
    rows = []
    for m in _LABELLED.finditer(text):
        name = _name(m["name"], finder)
        if name is None:
            return []
        rows.append((name, clean_reason(m["r"])))
    return rows


def _columns(text: str, finder: PersonFinder) -> list[tuple[str, str | None]]:
    """Rows of cells under a header naming the columns (姓名|事由|…), the cause in its column."""
    header = _HEADER.search(text)
    if header is None:
        return []
    columns = ["姓名", *header["cols"].split("|")]
    cause = next((i for i, c in enumerate(columns) if c in ("事由", "原因", "请假事由", "缺席原因")), None)
    body = text[header.end() :].split(":", 1)[-1]
    rows = []
    for row in (r for r in re.split(r"[;。]", body) if r.strip()):
        cells = row.split("|")
        name = _name(cells[0], finder)
        if cause is None or name is None or len(cells) != len(columns):
            return []
        rows.append((name, clean_reason(cells[cause])))
    return rows


def _name(text: str, finder: PersonFinder) -> str | None:
    """``text`` when it is one name: a roster name as written, or one anchored on a surname."""
    hits = finder.find(text)
    if hits and hits[0].name == text:
        return text
    return text if text not in NOT_NAMES and leading_guess(text) == text else None
