"""A whole document to lines: text-layer pages by their text, OCR pages by their geometry."""

from __future__ import annotations

from core.models import Document
from extractors.layout.lines import Line, sentences, table_lines
from extractors.layout.ocr_page import is_ocr_page, ocr_page_lines


def document_lines(doc: Document) -> list[Line]:
    """Body sentences then form pairs, page by page, in reading order (OCR pages: by geometry)."""
    lines: list[Line] = []
    for page in doc.pages:
        if is_ocr_page(page):
            lines.extend(ocr_page_lines(page))
            continue
        for span in page.spans:
            lines.extend(sentences(span))
        for table in page.tables:
            lines.extend(table_lines(table))
    return lines
