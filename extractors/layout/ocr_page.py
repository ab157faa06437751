"""Photographed or scanned pages: lines rebuilt from the geometry of OCR boxes.

A photographed page has no tables, only OCR lines with boxes: the page's skew is
estimated from the boxes, label boxes (``FORM_LABELS``, one wrong character allowed for
labels of three or more) are paired with the box to their right on the same row or
directly below, and lines wrapped inside a paragraph are joined again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from core.models import Origin, Page, TextSpan
from extractors.layout.lines import (
    LABEL_SEPARATORS,
    MAX_LABEL_CHARS,
    Line,
    match_label,
    sentences,
    starts_with_label,
)
from extractors.text.normalize import normalize, normalize_ocr

MAX_SKEW = 0.1  # |dy/dx| of a photographed page's text rows, about 6°
SKEW_STEP = 0.002
AGREE = 0.3  # boxes agree (same row, same left edge) within this share of a text height
FULL_LINE = 2.5  # a line ending within this many text heights of the right edge was wrapped
EDGE_SUPPORT = 1.25  # a line end this many text heights from another tells the block's right edge
EDGE_WINDOW = 4.0  # ... when it is at most this many text heights short of the furthest line end
MIN_WRAPPED_CHARS = 12  # a wrapped body line holds at least this many characters (text heights)
VALUE_GAP = 2.0  # a value cell's boxes are at most this many text heights apart
BELOW_WIDTH = 3.0  # a value under its label is at most this many times the label's width
_TERMINATORS = "。；;！!？?:："


@dataclass(frozen=True)
class _Box:
    """An OCR span with its box turned upright (page skew removed)."""

    span: TextSpan
    x0: float
    y0: float
    x1: float
    y1: float
    label: str | None

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def is_ocr_page(page: Page) -> bool:
    return not page.tables and bool(page.spans) and all(s.via == "ocr" and s.origin.bbox for s in page.spans)


def ocr_page_lines(page: Page) -> list[Line]:
    """Form pairs and body sentences of an OCR'd page, in the page's reading order."""
    boxes = upright_boxes(page.spans)
    if not boxes:
        return []
    rows = group_rows(boxes)
    pairs, used = _form_pairs(rows)
    height = float(np.median([b.height for b in boxes]))
    chunks: list[Line | list[_Box]] = []
    for row in rows:
        chunks.extend(pairs[id(b)] for b in row if id(b) in pairs)
        rest = [b for b in row if id(b) not in used and id(b) not in pairs and not b.label]
        if rest:
            chunks.append(rest)
    return _merge_paragraphs(chunks, height)


def upright_boxes(spans: list[TextSpan]) -> list[_Box]:
    """The spans' boxes with the page's tilt and perspective shear removed (see ``estimate_slopes``)."""
    spans = [s for s in spans if s.origin.bbox and s.text.strip()]
    if not spans:
        return []
    arr = np.array([s.origin.bbox for s in spans], dtype=float)
    row, column = estimate_slopes(arr)
    w, h = arr[:, 2] - arr[:, 0], np.maximum(arr[:, 3] - arr[:, 1], 1.0)
    cx, cy = (arr[:, 0] + arr[:, 2]) / 2, (arr[:, 1] + arr[:, 3]) / 2
    ux, uy = cx + column * cy, cy - row * cx
    text_h = np.maximum(h - abs(row) * w, np.minimum(h, 0.5 * np.median(h)))
    return [
        _Box(
            s, ux[i] - w[i] / 2, uy[i] - text_h[i] / 2, ux[i] + w[i] / 2, uy[i] + text_h[i] / 2, _label_of(s)
        )
        for i, s in enumerate(spans)
    ]


def _label_of(span: TextSpan) -> str | None:
    return match_label(span.text) if len(normalize(span.text)) <= MAX_LABEL_CHARS + 1 else None


MIN_ROW_EVIDENCE = 2.0  # pairs' worth of side-by-side boxes needed to trust a row slope
MAX_SKEW_BOXES = 300  # boxes compared pairwise at most (a crowded page is sampled)


def estimate_slopes(boxes: np.ndarray) -> tuple[float, float]:
    """The slope dy/dx of the text rows and dx/dy of the left margins (negated) of a
    photographed page, from axis-aligned boxes alone.

    A row of a tilted page is a line y = c + r·x, a left margin a line x = c' - m·y
    (m = r for a pure rotation; a photo taken at an angle shears them apart). ``r``
    is the slope that puts the most side-by-side box pairs on one row (their centres);
    ``m`` the one that lines up the most left ends of boxes above one another. Without
    side-by-side boxes (prose) the rows are taken square to the margins (r = m).
    """
    if len(boxes) < 2:
        return 0.0, 0.0
    boxes = boxes[:: -(-len(boxes) // MAX_SKEW_BOXES)]  # every k-th box of a crowded page
    x0, y0, x1, y1 = boxes.T
    w, h = x1 - x0, np.maximum(boxes[:, 3] - boxes[:, 1], 1.0)
    unit = AGREE * float(np.median(np.minimum(h, 3 * np.median(h))))
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    grid = np.arange(-MAX_SKEW, MAX_SKEW + SKEW_STEP / 2, SKEW_STEP)
    i, j = np.triu_indices(len(boxes), k=1)
    side = (np.minimum(x1[i], x1[j]) <= np.maximum(x0[i], x0[j])) & (np.abs(cx[j] - cx[i]) > 4 * unit)
    above = ~side & (np.abs(cy[j] - cy[i]) > 2 * unit)
    dx, dy = (cx[j] - cx[i])[side], (cy[j] - cy[i])[side]
    row_scores = np.array([np.clip(1 - np.abs(dy - r * dx) / unit, 0, None).sum() for r in grid])
    row = _best(grid, row_scores) if row_scores.max() >= MIN_ROW_EVIDENCE else None

    def margin_score(m: float, r: float) -> float:
        lx = x0 + m * (cy - r * w / 2)  # the left end of each box, moved along the margin to y = 0
        return float(np.clip(1 - np.abs(lx[i] - lx[j])[above] / unit, 0, None).sum())

    column_scores = np.array([margin_score(m, m if row is None else row) for m in grid])
    column = _best(grid, column_scores)
    if row is None:
        row = _prose_row_slope(w, h, column, margin_score)
    return row, column


MIN_WIDTH_SPREAD = 4.0  # text heights of width between two boxes that tell the row slope by their heights
MIN_HEIGHT_PAIRS = 6


def _prose_row_slope(
    w: np.ndarray, h: np.ndarray, column: float, margin_score: Callable[[float, float], float]
) -> float:
    """The row slope of a page without side-by-side boxes (prose), whose margins alone told it
    badly: a photo taken at an angle shears the margins apart from the rows, and a few
    indented paragraphs make a weak margin. A tilted line's box is ``|r|·w`` taller than its
    text, so the size of the slope is how the boxes' heights grow with their widths (the
    median over pairs of boxes of different widths: a title in a larger font is outvoted);
    its sign is the margins', or (level margins) the one that lines the left ends up better.
    Too few boxes of different widths: the margins' slope, as before."""
    text = float(np.median(h))
    i, j = np.triu_indices(len(w), k=1)
    wide = np.abs(w[j] - w[i]) >= MIN_WIDTH_SPREAD * text
    if wide.sum() < MIN_HEIGHT_PAIRS:
        return column
    size = float(np.median((h[j] - h[i])[wide] / (w[j] - w[i])[wide]))
    size = round(min(max(size, 0.0), MAX_SKEW) / SKEW_STEP) * SKEW_STEP
    if column:
        return float(np.copysign(size, column))
    return size if margin_score(size, size) >= margin_score(-size, -size) else -size


def _best(grid: np.ndarray, scores: np.ndarray) -> float:
    """The best-scoring slope; 0 unless it explains more than 0 does."""
    best, zero = int(np.argmax(scores)), int(np.argmin(np.abs(grid)))
    return float(grid[best]) if scores[best] > scores[zero] else 0.0


def group_rows(boxes: list[_Box]) -> list[list[_Box]]:
    """Upright boxes in rows (centres within half a text height), top to bottom, left to right."""
    rows: list[list[_Box]] = []
    for box in sorted(boxes, key=lambda b: b.cy):
        if rows and _same_row(rows[-1], box):
            rows[-1].append(box)
        else:
            rows.append([box])
    return [sorted(row, key=lambda b: b.x0) for row in rows]


def _same_row(row: list[_Box], box: _Box) -> bool:
    centre = sum(b.cy for b in row) / len(row)
    height = sum(b.height for b in row) / len(row)
    return abs(box.cy - centre) <= 0.5 * (height + box.height) / 2


def _form_pairs(rows: list[list[_Box]]) -> tuple[dict[int, Line], set[int]]:
    """Label box id -> its ``label:value`` line; and the ids of the boxes used as values."""
    pairs: dict[int, Line] = {}
    used: set[int] = set()
    for r, row in enumerate(rows):
        for label in (b for b in row if b.label):
            value = _value_boxes(rows, r, label, used)
            if value:
                used.update(id(b) for b in value)
                pairs[id(label)] = _ocr_pair(label, value)
    return pairs, used


def _value_boxes(rows: list[list[_Box]], r: int, label: _Box, used: set[int]) -> list[_Box]:
    """The value of ``label``: the boxes right of it up to the next label (and the lines the
    cell wraps onto), else (a label or nothing right of it) the box directly below."""
    right = [b for b in rows[r] if b.x0 >= label.x1 - label.height and b is not label]
    value: list[_Box] = []
    for box in right:
        if box.label or id(box) in used or (value and box.x0 - value[-1].x1 > VALUE_GAP * label.height):
            break
        value.append(box)
    if value:
        limit = next((b.x0 for b in right if b.label), float("inf"))
        return value + _wrapped(rows[r + 1 :], value, limit, label.height)
    if (right and not right[0].label) or r + 1 >= len(rows):
        return []
    below = [b for b in rows[r + 1] if b.x0 < label.x1 and b.x1 > label.x0]
    return below[:1] if below and _value_below(label, below[0], used) else []


def _value_below(label: _Box, box: _Box, used: set[int]) -> bool:
    """A header-style value under its label: close, not a label or heading (会议内容：), not much wider."""
    heading = normalize(box.span.text).endswith((":", "："))
    close = box.y0 - label.y1 < 1.5 * label.height
    narrow = box.x1 - box.x0 <= BELOW_WIDTH * (label.x1 - label.x0)
    return close and narrow and not heading and not box.label and id(box) not in used


def _wrapped(rows: list[list[_Box]], value: list[_Box], limit: float, height: float) -> list[_Box]:
    """Rows below that continue a value cell: only boxes inside the cell's column, close below."""
    out: list[_Box] = []
    bottom = max(b.y1 for b in value)
    for row in rows:
        inside = all(b.x0 >= value[0].x0 - height and b.x1 <= limit + height and not b.label for b in row)
        if not inside or row[0].y0 - bottom > height:
            break
        out.extend(row)
        bottom = max(b.y1 for b in row)
    return out


def _ocr_pair(label: _Box, value: list[_Box]) -> Line:
    span = value[0].span if len(value) == 1 else _joined(value)
    text = f"{label.span.text.rstrip(LABEL_SEPARATORS)}：{span.text}"
    return Line(text, f"{label.label}:{normalize_ocr(span.text)}", span, label=label.label)


def _joined(boxes: list[_Box]) -> TextSpan:
    """One span for boxes read as one text: text joined, box = union, confidence = the lowest."""
    first = boxes[0].span
    text = ""
    for prev, box in zip([None, *boxes[:-1]], boxes, strict=True):
        same_row = prev is not None and box.y0 < prev.y1 and box.x0 > prev.x1
        text += (" " if same_row else "") + box.span.text
    bbox = tuple(
        f(b.span.origin.bbox[k] for b in boxes)  # type: ignore[index]
        for k, f in enumerate((min, min, max, max))
    )
    origin = Origin(first.origin.file, page=first.origin.page, bbox=bbox)  # type: ignore[arg-type]
    return TextSpan(text, origin, min(b.span.confidence for b in boxes), via="ocr")


def _merge_paragraphs(chunks: list[Line | list[_Box]], height: float) -> list[Line]:
    """Body rows joined into paragraphs where a line was wrapped (full line, no end mark)."""
    body = [b for c in chunks if isinstance(c, list) for b in c]
    right = _right_edge([b.x1 for b in body], height)
    out: list[Line] = []
    para: list[_Box] = []
    for chunk in chunks:
        if isinstance(chunk, Line):
            out.extend(_paragraph_lines(para))
            out.append(chunk)
            para = []
        elif para and _continues(para, chunk, right, height):
            para.extend(chunk)
        else:
            out.extend(_paragraph_lines(para))
            para = list(chunk)
    out.extend(_paragraph_lines(para))
    return out


def _right_edge(ends: list[float], height: float) -> float:
    """The right edge of the text block: the furthest line end, or, a few text heights short of
    it, the furthest one another line end comes close to (the lines wrapped there). A title
    wider than the body (a handwritten page's title in a larger hand) then no longer puts the
    edge out of reach of the wrapped lines; on a page of short lines the furthest end stands."""
    ends = sorted(ends, reverse=True)
    for far, near in pairwise(ends):
        if far < ends[0] - EDGE_WINDOW * height:
            break
        if far - near <= EDGE_SUPPORT * height:
            return far
    return ends[0] if ends else 0.0


def _continues(para: list[_Box], row: list[_Box], right: float, height: float) -> bool:
    last = para[-1]
    line_start = min(b.x0 for b in para if b.y0 < last.y1 and b.y1 > last.y0)
    ends_open = not normalize(last.span.text).endswith(tuple(_TERMINATORS))
    full = last.x1 >= right - FULL_LINE * height and last.x1 - line_start >= MIN_WRAPPED_CHARS * height
    starts = row[0].x0 < last.x0 + height and row[0].y0 - last.y1 < height
    return ends_open and full and starts and not starts_with_label(row[0].span.text)


def _paragraph_lines(boxes: list[_Box]) -> list[Line]:
    if not boxes:
        return []
    return sentences(boxes[0].span if len(boxes) == 1 else _joined(boxes))
