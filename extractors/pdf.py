"""PDF backend (text layer) with pdfplumber.

Tables come from ``find_tables()`` cell by cell (``extract_text()`` interleaves
narrow form cells); body text is read line by line from what lies outside the
tables. A page whose text layer is missing or garbled (``(cid:NN)``, U+FFFD,
private-use characters) is marked ``needs_ocr``; the pipeline OCRs such pages
when an OCR engine is configured. Boxes are PDF points, origin top-left.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pdfplumber
from pdfplumber.page import Page as PlumberPage
from pdfplumber.table import Table as PlumberTable

from extractors.base import register_backend
from jishi.config import Settings
from jishi.errors import UnreadableFileError
from jishi.models import BBox, Document, EvidenceFile, FileKind, Origin, Page, Table, TextSpan

_CID = re.compile(r"\(cid:\d+\)")
GARBLED_RATIO = 0.05  # share of bad characters above which a text layer is not trusted
MIN_TEXT_CHARS = 8  # fewer characters than this on a page: treat as scanned


@register_backend(FileKind.PDF)
class PdfBackend:
    name = "pdf"
    version = "1"

    def extract(self, file: EvidenceFile, settings: Settings) -> Document:
        pages: list[Page] = []
        with _open(file) as pdf:
            if len(pdf.pages) > settings.limits.max_pdf_pages:
                raise UnreadableFileError(
                    f"PDF《{file.path}》共 {len(pdf.pages)} 页，超过上限 {settings.limits.max_pdf_pages} 页",
                    hint="请只上传会议记录、签到表等相关页面。",
                    code="input.limit_exceeded",
                )
            for number, page in enumerate(pdf.pages, start=1):
                pages.append(_read_page(file.path, number, page))
        via = "text-layer" if any(not p.needs_ocr for p in pages) else "none"
        return Document(file=file.path, kind=FileKind.PDF, pages=pages, via=via)


@contextmanager
def _open(file: EvidenceFile) -> Iterator[pdfplumber.PDF]:
    try:
        pdf = pdfplumber.open(io.BytesIO(file.data))
    except Exception as exc:  # pdfminer raises many types on hostile bytes: all are bad input
        raise _unreadable(file.path, exc) from None
    try:
        yield pdf
    finally:
        pdf.close()


def _unreadable(path: str, exc: BaseException) -> UnreadableFileError:
    text = " ".join(f"{type(e).__name__} {e}" for e in (exc, *getattr(exc, "args", ()))).lower()
    if "password" in text or "encrypt" in text:
        return UnreadableFileError(
            f"PDF《{path}》已加密，无法读取", hint="请上传未加密的 PDF（去掉打开密码后重新导出）。"
        )
    return UnreadableFileError(
        f"PDF《{path}》已损坏或不完整，无法读取", hint="请重新导出或重新扫描该文件后上传。"
    )


def _read_page(path: str, number: int, page: PlumberPage) -> Page:
    try:
        found = page.find_tables()
        tables = [_read_table(path, number, i, t) for i, t in enumerate(found)]
        outside = page
        for t in found:
            outside = outside.outside_bbox(t.bbox)
        lines = outside.extract_text_lines(layout=False, strip=True)
    except Exception as exc:  # a broken content stream is bad input, reported for this file
        raise _unreadable(path, exc) from None
    spans = [TextSpan(ln["text"], Origin(path, page=number, bbox=_bbox(ln))) for ln in lines if ln["text"]]
    page_text = "".join(s.text for s in spans) + "".join(c.text for t in tables for r in t.rows for c in r)
    return Page(
        number,
        spans,
        tables,
        needs_ocr=is_garbled(page_text),
        width=float(page.width),
        height=float(page.height),
    )


def _read_table(path: str, number: int, index: int, table: PlumberTable) -> Table:
    texts = table.extract()
    rows: list[list[TextSpan]] = []
    for r, (row, cells) in enumerate(zip(table.rows, texts, strict=False)):
        out: list[TextSpan] = []
        for c, (box, text) in enumerate(zip(row.cells, cells, strict=False)):
            if box is None:  # covered by a merged cell to its left or above
                continue
            clean = (text or "").strip()
            out.append(TextSpan(clean, Origin(path, page=number, cell=(index, r, c), bbox=_round(box))))
        rows.append(out)
    return Table(rows)


def _bbox(line: dict) -> BBox:
    return _round((line["x0"], line["top"], line["x1"], line["bottom"]))


def _round(box: tuple[float, float, float, float]) -> BBox:
    x0, y0, x1, y1 = box
    return (round(x0, 1), round(y0, 1), round(x1, 1), round(y1, 1))


def is_garbled(text: str) -> bool:
    """True when a text layer is absent or not to be trusted."""
    compact = "".join(text.split())
    if len(compact) < MIN_TEXT_CHARS:
        return True
    bad = len(_CID.findall(compact)) * 6 + sum(1 for ch in compact if _is_bad_char(ch))
    return bad / len(compact) > GARBLED_RATIO


def _is_bad_char(ch: str) -> bool:
    code = ord(ch)
    return ch == "\ufffd" or 0xE000 <= code <= 0xF8FF or code >= 0xF0000
