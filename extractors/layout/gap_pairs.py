"""A form row whose labels and values stand apart by gaps alone, with no colons.

A 记录簿 page typed or read by OCR often holds several fields on one row, each label followed by
its value in the next cell: ``主持　孟某　　领誓　向某　　领学　邰某　　记录　晏某`` or ``时间　2024年9月27日
地点　四楼会议室``. Read as one line the row runs its fields together (``…领誓向某领学邰某…`` is
no sentence about who led the study). ``gap_pairs_as_lines`` writes such a row as one
``label:value`` line per field, each quoting the row, when every other cell from the first is a
form label (or a role 领誓 / 领学) and every cell after one is a short value that is no label.
"""

from __future__ import annotations

import re

from extractors.layout.lines import TABLE_CELL_GAP, Line, match_label
from extractors.text.normalize import normalize

MIN_PAIRS = 2  # fields on a row that make it a form's row (one may be a heading and its value)
MAX_VALUE_CHARS = 20  # a field's value on such a row: a name, a date and time, a room
_ROLE_WORDS = {"领誓": "领誓人", "领学": "领学人"}  # roles that are labels without their 人
_LABELLED = re.compile(r"(?<!\d):|:(?!\d)")  # a colon that is no clock's


def gap_pairs_as_lines(lines: list[Line]) -> list[Line]:
    """``lines`` with each form row of gap-parted fields written as a ``label:value`` line per field."""
    out: list[Line] = []
    for line in lines:
        pairs = _pairs(line)
        out.extend(pairs if pairs else [line])
    return out


def _pairs(line: Line) -> list[Line]:
    if line.label is not None or line.cells is not None or _LABELLED.search(line.norm):
        return []
    cells = [c.strip() for c in TABLE_CELL_GAP.split(line.text.strip()) if c.strip()]
    if len(cells) < 2 * MIN_PAIRS or len(cells) % 2:
        return []
    labels = [_label(c) for c in cells[::2]]
    values = [normalize(c) for c in cells[1::2]]
    if None in labels or not all(_is_value(v) for v in values):
        return []
    return [
        Line(f"{raw}：{value}", f"{label}:{normalize(value)}", line.span, label=label)
        for raw, label, value in zip(cells[::2], labels, cells[1::2], strict=True)
        if label is not None
    ]


def _label(cell: str) -> str | None:
    norm = normalize(cell)
    return _ROLE_WORDS.get(norm) or match_label(norm)


def _is_value(value: str) -> bool:
    return 0 < len(value) <= MAX_VALUE_CHARS and match_label(value) is None and not value.endswith("。")
