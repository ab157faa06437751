"""A whole document to lines: text-layer pages by their text, OCR pages by their geometry.

A PDF text layer gives one span per *visual* line, so a sentence that wraps at the right
margin arrives in two spans (``…《中国共产党支部工作条例（试行）`` / ``》（第1-3章）。``).
Before cutting sentences, a span that runs to the right edge of the page's text block and
does not end a sentence is joined with the span right below it (``joined_wraps``).
"""

from __future__ import annotations

import dataclasses

from core.models import BBox, Document, Origin, Page, TextSpan
from extractors.layout.lines import Line, sentences, table_lines
from extractors.layout.ocr_page import is_ocr_page, ocr_page_lines

SENTENCE_ENDS = "。；;！!？?：:"
WRAP_EDGE_LINES = 2.0  # a wrapped line ends within this many line heights of the block's right edge
WRAP_GAP_LINES = 1.2  # and the next line starts within this many line heights below it
MIN_BLOCK_SHARE = 0.5  # the block is a text column: at least half the page wide


def document_lines(doc: Document) -> list[Line]:
    """Body sentences then form pairs, page by page, in reading order (OCR pages: by geometry)."""
    lines: list[Line] = []
    for page in doc.pages:
        if is_ocr_page(page):
            lines.extend(ocr_page_lines(page))
            continue
        for span in joined_wraps(page):
            lines.extend(sentences(span))
        for table in page.tables:
            lines.extend(table_lines(table))
    return lines


def joined_wraps(page: Page) -> list[TextSpan]:
    """The page's spans with lines wrapped at the right margin joined to their continuation."""
    spans = page.spans
    boxes = [s.origin.bbox for s in spans]
    if len(spans) < 2 or page.width is None or any(b is None for b in boxes):
        return list(spans)
    left = min(b[0] for b in boxes if b is not None)
    right = max(b[2] for b in boxes if b is not None)
    if right - left < MIN_BLOCK_SHARE * page.width:
        return list(spans)
    out = [spans[0]]
    for span in spans[1:]:
        if _continues(out[-1], span, right):
            out[-1] = _join(out[-1], span)
        else:
            out.append(span)
    return out


def _continues(prev: TextSpan, nxt: TextSpan, right: float) -> bool:
    a, b = prev.origin.bbox, nxt.origin.bbox
    if a is None or b is None or prev.via != "text-layer" or nxt.via != "text-layer":
        return False
    return wraps_into(prev.text, a, b, right)


def wraps_into(text: str, box: BBox, below: BBox, right: float) -> bool:
    """Whether the visual line ``text`` (at ``box``) wraps into the line at ``below``: it ends
    within two line heights of the block's ``right`` edge, does not end a sentence, and the
    next line starts right under it, not indented further."""
    height = max(1.0, below[3] - below[1])
    at_edge = box[2] >= right - WRAP_EDGE_LINES * height
    under = 0 <= below[1] - box[3] <= WRAP_GAP_LINES * height and below[0] <= box[0] + height
    return at_edge and under and not text.rstrip().endswith(tuple(SENTENCE_ENDS))


def _join(prev: TextSpan, nxt: TextSpan) -> TextSpan:
    a, b = prev.origin.bbox, nxt.origin.bbox
    assert a is not None and b is not None
    box = (min(a[0], b[0]), a[1], max(a[2], b[2]), b[3])
    origin: Origin = dataclasses.replace(prev.origin, bbox=box)
    return TextSpan(
        prev.text.rstrip() + nxt.text.lstrip(), origin, min(prev.confidence, nxt.confidence), prev.via
    )
