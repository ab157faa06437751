"""A table pasted as text with its labels in a heading row and the values in the row below.

Platform exports and ledgers write a meeting as one record of many columns
(``组织名称|活动类型|活动日期|…|主持人|领誓人|领学人|学习内容|应到|实到|缺席|缺席人员及原因`` and, on
the next line, the values in the same order). Each column becomes one ``label:value`` line, as a
form row would read, quoting the values row; a value left empty gives no line.
"""

from __future__ import annotations

import itertools
import re

from core.models import TextSpan
from extractors.layout.lines import CELL_BARS, FORM_LABELS, TABLE_CELL_GAP, Line
from extractors.text.normalize import normalize

MIN_LABELS = 3  # known form labels a heading row must hold to be read as one
_REMARK = re.compile(r"备注|说明|原因|情况说明|缺席原因|请假原因")
# a last column naming those away and why, which a total row leaves empty (缺席人员(原因) / 请假人员及事由)
# (请假人·事由 / 未到人员及原因 / 缺席人员、原因)
_AWAY_COLUMN = re.compile(
    r"^(?:缺席|请假|未到|缺勤)(?:人员|党员|同志|人)?[·、/]?(?:及|和)?\(?(?:原因|事由|说明|去向)\)?$"
)
MIN_WIDTH_SHORT_ROW = 4  # cells of a heading under which a row may leave its last cell empty
# count headings a table of counts writes bare (人员类别 应到 实到 缺席)
_COUNT_HEADINGS = frozenset({"缺席", "请假", "未到", "缺勤", "合计"})
# the row of a table's totals, under rows of its parts (正式党员 / 预备党员 / 合计)
_TOTAL = re.compile(r"^(?:合计|总计|共计|小计|总数)$")


def header_rows_as_pairs(lines: list[Line]) -> list[Line]:
    """``lines`` with each heading row and the values row under it replaced by ``label:value`` lines;
    under a heading row with several rows of values, the totals row (合计) is the one read."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        rows, total = _value_rows(lines, i)
        pairs = _pairs(lines[i], rows[total]) if rows else None
        if pairs is None:
            out.append(lines[i])
            i += 1
            continue
        out.extend([*pairs, *(_away_cell(lines[i], row) for k, row in enumerate(rows) if k != total)])
        i += 1 + len(rows)
    return out


def _value_rows(lines: list[Line], head: int) -> tuple[list[Line], int]:
    """The rows under ``lines[head]`` holding as many cells as it, and which of them is read: the one
    row, or of several the totals row."""
    labels = _cells(lines[head].text)
    rows = list(itertools.takewhile(lambda ln: _fits(len(_cells(ln.text)), labels), lines[head + 1 :]))
    total = next((k for k, row in enumerate(rows) if _TOTAL.match(normalize(_cells(row.text)[0]))), None)
    return (rows, total) if len(rows) > 1 and total is not None else (rows[:1], 0)


def _fits(cells: int, labels: list[str]) -> bool:
    """A row under the heading ``labels``: as many cells, or one fewer when the last column is a
    remark the row left empty (机关党小组　7　7　0 under 党小组 应到 实到 缺席 说明)."""
    short = len(labels) >= MIN_WIDTH_SHORT_ROW and _remark(labels[-1])
    return cells == len(labels) or (short and cells == len(labels) - 1)


def _away_cell(head: Line, row: Line) -> Line:
    """A part's row beside the totals row read: its cell of those away and why as that column's
    ``label:value`` line (缺席人员(原因):甲(跑长途)、乙(跑长途)), so they are read; else the row as written."""
    labels, values = _cells(head.text), _cells(row.text)
    if len(values) != len(labels) or not _AWAY_COLUMN.match(normalize(labels[-1])):
        return row
    if not re.search(r"[\u4e00-\u9fff]{2}", values[-1]):
        return row  # (— / 无: nobody away in that part)
    away = "请假人员及原因" if normalize(labels[-1]).startswith("请假") else "缺席人员及原因"
    return Line(row.text, f"{away}:{normalize(values[-1])}", row.span, label=away)


def _remark(label: str) -> bool:
    name = normalize(label)
    return _REMARK.fullmatch(name) is not None or _AWAY_COLUMN.match(name) is not None


def _cells(text: str) -> list[str]:
    return [c.strip() for c in TABLE_CELL_GAP.split(text.strip().strip(CELL_BARS))]


def _pairs(head: Line, row: Line) -> list[Line] | None:
    labels, values = _cells(head.text), _cells(row.text)
    if len(values) == len(labels) - 1 and _remark(labels[-1]):
        values.append("")  # a remark left empty
    known = [c for c in labels if normalize(c).rstrip(":") in FORM_LABELS | _COUNT_HEADINGS]
    if (
        len(known) < MIN_LABELS
        or len(values) != len(labels)
        or any(normalize(v) in FORM_LABELS for v in values)
    ):
        return None
    return [_pair(label, value, row.span) for label, value in zip(labels, values, strict=True) if value]


def _pair(label: str, value: str, span: TextSpan) -> Line:
    name = normalize(label).rstrip(":")
    return Line(f"{label}：{value}", f"{name}:{normalize(value)}", span, label=name)
