"""A table typed with slashes between its cells, read as one with bars.

A leave register typed into a record with slashes for columns::

    姓名／岗位／事由／登记时间
    屠小满／夜班调度／夜班连上三天，下班补休／8月15日
    伏晨曦／分拣主管／未请假／——

is a table like any other once its slashes are bars. A heading row is read as one only when it
holds at least ``MIN_CELLS`` short label cells, one of them a person's (姓名 …); the rows under it
are the table while each has exactly as many cells, none empty. A slash inside a cell (a date
8/16) makes a row of another width, which ends the table there. Each slash becomes one bar, so
every offset into the text stays where it was (the lines quote the text as written).
"""

from __future__ import annotations

import re

MIN_CELLS = 3  # cells of a heading row of slashes
_SLASH = re.compile(r"[/／]")
_LABEL = re.compile(r"\s*[\u4e00-\u9fff]{1,6}\s*")
_PERSON_LABEL = re.compile(r"^\s*(?:姓名|人员|党员|党员姓名|缺席人员?|请假人员?)\s*$")


def slashes_as_bars(rows: list[str]) -> list[str]:
    """``rows`` (a document's paragraphs or lines) with the slashes of each table of slashes (its
    heading row and the rows under it) as bars."""
    out: list[str] = []
    width = 0
    for row in rows:
        cells = _SLASH.split(row)
        if width and len(cells) == width and all(c.strip() for c in cells):
            out.append(_SLASH.sub("|", row))
            continue
        width = len(cells) if _heading(cells) else 0
        out.append(_SLASH.sub("|", row) if width else row)
    return out


def _heading(cells: list[str]) -> bool:
    return (
        len(cells) >= MIN_CELLS
        and all(_LABEL.fullmatch(c) for c in cells)
        and any(_PERSON_LABEL.match(c) for c in cells)
    )
