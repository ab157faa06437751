"""Documents to logical lines: sentences of body text and label/value pairs of forms.

Field extraction works on :class:`Line` only, whatever the format: a docx
paragraph, a PDF text line, a form cell pair or (with OCR) a line read from a
photo. A form such as the 《党支部工作记录簿》 page has label cells
(``主持人``) whose value is the cell to the right, or below when the label is
the last cell of its row; each pair becomes one line ``主持人:李光振`` so the
same patterns read prose and forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.fields.text import normalize
from jishi.models import Document, Table, TextSpan

_SENTENCE = re.compile(r"[^。；;！!？?\n]+[。；;！!？?]?")

# Label cells of record-book forms (normalised, without the trailing colon).
FORM_LABELS = frozenset(
    ["时间", "会议时间", "活动时间", "日期", "会议日期", "地点", "会议地点", "活动地点", "主持人", "主持", "记录人", "记录", "记录员", "领誓人", "领学人", "学习内容", "学习材料", "应到人数", "应到", "应到党员", "应参会人数", "应到会人数", "实到人数", "实到", "实到党员", "参会人数", "出席人数", "到会人数", "缺席人数", "请假人数", "缺席人员及原因", "缺席人员", "请假人员", "缺席党员及原因", "缺席人员及事由", "缺席党员", "请假人员及原因", "参会人员", "出席人员", "参加人员", "参会党员", "会议主题", "主题", "会议名称", "会议类型", "活动主题", "会议议题", "主讲人", "党课题目"]
)


@dataclass(frozen=True)
class Line:
    text: str  # the sentence as written (quoted as evidence)
    norm: str  # normalised for matching
    span: TextSpan
    label: str | None = None  # the form label when this line is a label/value pair


def document_lines(doc: Document) -> list[Line]:
    """Body sentences then form pairs, page by page, in reading order."""
    lines: list[Line] = []
    for page in doc.pages:
        for span in page.spans:
            lines.extend(sentences(span))
        for table in page.tables:
            lines.extend(table_lines(table))
    return lines


def sentences(span: TextSpan) -> list[Line]:
    out = []
    for m in _SENTENCE.finditer(span.text):
        text = m.group().strip()
        norm = normalize(text)
        if norm:
            out.append(Line(text, norm, span))
    return out


def is_label(text: str) -> bool:
    return normalize(text).rstrip(":") in FORM_LABELS


def table_lines(table: Table) -> list[Line]:
    """Label/value pairs as ``label:value`` lines; other cells as their sentences."""
    used: set[int] = set()
    out: list[Line] = []
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            if id(cell) in used or not cell.text:
                continue
            if is_label(cell.text):
                value = _value_of(table, r, c)
                if value is not None:
                    used.add(id(value))
                    out.append(_pair(cell, value))
                continue
            out.extend(sentences(cell))
    return out


def _value_of(table: Table, r: int, c: int) -> TextSpan | None:
    row = table.rows[r]
    if c + 1 < len(row) and not is_label(row[c + 1].text):
        return row[c + 1]
    if r + 1 < len(table.rows) and c < len(table.rows[r + 1]):
        below = table.rows[r + 1][c]
        if not is_label(below.text):
            return below
    return None


def _pair(label: TextSpan, value: TextSpan) -> Line:
    name = normalize(label.text).rstrip(":")
    text = f"{label.text.rstrip('：:')}：{value.text}"
    return Line(text, f"{name}:{normalize(value.text)}", value, label=name)
