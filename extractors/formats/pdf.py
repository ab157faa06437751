"""PDF backend (text layer) with pdfplumber.

Tables come from ``find_tables()`` cell by cell (``extract_text()`` interleaves
narrow form cells); body text is read line by line from what lies outside the
tables. A page whose text layer is missing or garbled (``(cid:NN)``, U+FFFD,
private-use characters), or that is mostly a picture under a little typed text (a
photographed page in an otherwise typed PDF), is marked ``needs_ocr``. With an OCR engine configured such a
page is rendered with pypdfium2 (about 200 dpi, within the pixel budget and the OCR
working size) and read by OCR; per page the text layer or the OCR result is kept,
whichever is sound. Lines the engine read with low confidence are read again,
recognition only (PP-OCR's angle classifier turns some handwritten lines with 《》
upside down). Boxes are PDF points, origin top-left (OCR'd pages: of the upright page).

``Document.via`` is "ocr" when any page was read by OCR, "text-layer" when only text
layers were read, "none" when no page could be read (a scan with ``ocr.engine=none``).
If OCR failed on every page that needed it and nothing else was readable, the file is
reported as unreadable with the OCR error's code; a page that failed among readable
ones stays ``needs_ocr``.
"""

from __future__ import annotations

import io
import itertools
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from typing import Literal

import pdfplumber
import pypdfium2 as pdfium
from pdfplumber.page import Page as PlumberPage
from pdfplumber.table import Table as PlumberTable
from PIL import Image

from core.errors import OcrError, UnreadableFileError
from core.models import BBox, Document, EvidenceFile, FileKind, Origin, Page, Table, TextSpan
from core.settings import Limits, Settings
from extractors.formats.base import register_backend
from extractors.imaging.decode import WORK_MAX_SIDE, WORK_SHORT_SIDE
from extractors.imaging.orient import turn
from extractors.imaging.page import OcrPage, ocr_page
from extractors.imaging.repair import repair
from extractors.layout.document import wraps_into
from extractors.ocr import OcrEngine, get_engine
from extractors.sandbox import run_limited

_CID = re.compile(r"\(cid:\d+\)")
GARBLED_RATIO = 0.05  # share of bad characters above which a text layer is not trusted
MIN_TEXT_CHARS = 8  # fewer characters than this on a page: treat as scanned
RENDER_DPI = 200  # scanned pages are rendered at this resolution (or less, see render_scale)
PHOTO_PAGE_SHARE = 0.4  # pictures covering this share of a page with little text: the page is a photo
PHOTO_PAGE_MAX_CHARS = 200  # more typed text than this: the pictures illustrate a typed page


@register_backend(FileKind.PDF)
class PdfBackend:
    name = "pdf"
    version = "3"  # 2: scanned pages are OCR'd; 3: a cell's line wrapped mid-sentence is joined

    def extract(self, file: EvidenceFile, settings: Settings) -> Document:
        limits = settings.limits
        pages = run_limited(
            read_text_layer,
            file,
            limits.max_pdf_pages,
            name=file.path,
            timeout_s=limits.parse_timeout_s,
            memory_mb=limits.parse_memory_mb,
        )
        via: Literal["text-layer", "ocr", "none"] = (
            "text-layer" if any(not p.needs_ocr for p in pages) else "none"
        )
        if settings.ocr.engine != "none" and any(p.needs_ocr for p in pages):
            pages, read = ocr_scanned_pages(file, pages, settings)
            via = "ocr" if read else via
        return Document(file=file.path, kind=FileKind.PDF, pages=pages, via=via)


def read_text_layer(file: EvidenceFile, max_pages: int) -> list[Page]:
    """Every page's text layer (runs in the sandbox: pdfminer on hostile bytes may hang or blow up)."""
    with _open(file) as pdf:
        plumber_pages = _page_list(pdf, file.path)
        if len(plumber_pages) > max_pages:
            raise UnreadableFileError(
                f"PDF《{file.path}》共 {len(plumber_pages)} 页，超过上限 {max_pages} 页",
                hint="请只上传会议记录、签到表等相关页面。",
                code="input.limit_exceeded",
            )
        return [_read_page(file.path, number, page) for number, page in enumerate(plumber_pages, start=1)]


@contextmanager
def _open(file: EvidenceFile) -> Iterator[pdfplumber.PDF]:
    try:
        pdf = pdfplumber.open(io.BytesIO(file.data))
    except Exception as exc:  # pdfminer raises many types on hostile bytes: all are bad input
        raise _unreadable(file.path, exc) from exc
    try:
        yield pdf
    finally:
        with suppress(Exception):  # close() walks the pages again; a broken page tree already failed above
            pdf.close()


def _page_list(pdf: pdfplumber.PDF, path: str) -> list[PlumberPage]:
    try:
        return list(pdf.pages)
    except Exception as exc:  # a broken page tree (non-numeric MediaBox, bad /Kids) is bad input
        raise _unreadable(path, exc) from exc


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
        raise _unreadable(path, exc) from exc
    spans = [TextSpan(ln["text"], Origin(path, page=number, bbox=_bbox(ln))) for ln in lines if ln["text"]]
    page_text = "".join(s.text for s in spans) + "".join(c.text for t in tables for r in t.rows for c in r)
    return Page(
        number,
        spans,
        tables,
        needs_ocr=is_garbled(page_text) or is_photographed(page, page_text),
        width=float(page.width),
        height=float(page.height),
    )


def is_photographed(page: PlumberPage, text: str) -> bool:
    """A page that is mostly a picture with a little typed text (a photographed record-book
    page under a typed heading): OCR reads it, and ``sounder`` keeps whichever read is fuller."""
    if len("".join(text.split())) >= PHOTO_PAGE_MAX_CHARS:
        return False
    area = float(page.width) * float(page.height)
    try:
        covered = sum(max(0.0, (im["x1"] - im["x0"]) * (im["bottom"] - im["top"])) for im in page.images)
    except (KeyError, TypeError, ValueError):
        return False
    return area > 0 and covered / area >= PHOTO_PAGE_SHARE


def _read_table(path: str, number: int, index: int, table: PlumberTable) -> Table:
    texts = table.extract()
    rows: list[list[TextSpan]] = []
    for r, (row, cells) in enumerate(zip(table.rows, texts, strict=False)):
        out: list[TextSpan] = []
        for c, (box, text) in enumerate(zip(row.cells, cells, strict=False)):
            if box is None:  # covered by a merged cell to its left or above
                continue
            clean = _unwrapped(table.page, box, (text or "").strip())
            out.append(TextSpan(clean, Origin(path, page=number, cell=(index, r, c), bbox=_round(box))))
        rows.append(out)
    return Table(rows)


def _unwrapped(page: PlumberPage, box: BBox, text: str) -> str:
    """A cell's text with the line breaks pdfplumber puts at every visual wrap removed where the
    line ran to the cell's right edge mid-sentence (``实际出席35`` / ``人。``); breaks between
    sentences or paragraphs are kept. The text is left as extracted if the cell's lines do not
    add up to it."""
    if "\n" not in text:
        return text
    lines = page.crop(box).extract_text_lines(layout=False, strip=True)
    if "\n".join(ln["text"] for ln in lines) != text:
        return text
    padding = max(0.0, min(ln["x0"] for ln in lines) - box[0])  # the cell's inner margin, as on the left
    out = lines[0]["text"]
    for prev, nxt in itertools.pairwise(lines):
        joined = wraps_into(prev["text"], _bbox(prev), _bbox(nxt), box[2] - padding)
        out += ("" if joined else "\n") + nxt["text"]
    return out


def _bbox(line: dict) -> BBox:
    return _round((line["x0"], line["top"], line["x1"], line["bottom"]))


def _round(box: tuple[float, float, float, float]) -> BBox:
    x0, y0, x1, y1 = box
    return (round(x0, 1), round(y0, 1), round(x1, 1), round(y1, 1))


def scale_box(box: BBox, factor: float) -> BBox:
    """``box`` times ``factor`` (pixels <-> PDF points), to a tenth as PDF boxes are kept."""
    return _round((box[0] * factor, box[1] * factor, box[2] * factor, box[3] * factor))


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


# ------------------------------------------------------------------ scanned pages


def ocr_scanned_pages(file: EvidenceFile, pages: list[Page], settings: Settings) -> tuple[list[Page], int]:
    """OCR the pages marked ``needs_ocr``; returns the pages and how many are now OCR pages.

    Raises ``UnreadableFileError`` (code of the OCR error) when OCR failed on every such page
    and no page has a sound text layer either: the file could not be read at all.
    """
    out = list(pages)
    read, error = 0, None
    try:
        engine = get_engine(settings.ocr.engine)
        with _pdfium(file.data) as doc:
            for i, page in enumerate(pages):
                if not page.needs_ocr:
                    continue
                try:
                    ocr = _ocr_one(file.path, doc, i, engine, settings)
                except OcrError as exc:
                    error = exc
                    continue
                out[i] = sounder(page, ocr)
                read += out[i] is ocr
    except OcrError as exc:  # the engine could not be loaded
        error = exc
    if error is not None and not read and all(p.needs_ocr for p in out):
        raise UnreadableFileError(
            f"PDF《{file.path}》是扫描件，文字识别失败：{error.message}",
            hint="请重新扫描（建议 200 dpi 以上、页面端正清晰）后上传，或上传可复制文字的 PDF。",
            code=error.code,
        ) from error
    return out, read


@contextmanager
def _pdfium(data: bytes) -> Iterator[pdfium.PdfDocument]:
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise OcrError(f"无法渲染扫描页：{exc}", hint="请重新导出或重新扫描该文件后上传。") from exc
    try:
        yield doc
    finally:
        doc.close()


def _ocr_one(path: str, doc: pdfium.PdfDocument, index: int, engine: OcrEngine, settings: Settings) -> Page:
    image, scale = _render_index(doc, index, settings.limits)
    result = ocr_page(image, engine, file=path, page=index + 1, timeout_s=settings.ocr.page_timeout_s)
    return to_points(repair(result, engine), scale)


def render_upright(data: bytes, number: int, rotation: float, limits: Limits) -> tuple[Image.Image, float]:
    """Page ``number`` rendered again as the OCR saw it (turned by its ``Page.rotation``),
    so its boxes (PDF points) times the returned scale (pixels per point) are pixels of
    the image. Raises ``OcrError`` when the page cannot be rendered."""
    with _pdfium(data) as doc:
        image, scale = _render_index(doc, number - 1, limits)
    return turn(image, rotation), scale


def _render_index(doc: pdfium.PdfDocument, index: int, limits: Limits) -> tuple[Image.Image, float]:
    try:
        pdf_page = doc[index]
    except (pdfium.PdfiumError, IndexError) as exc:
        raise OcrError(f"无法打开扫描页：{exc}", hint="请重新扫描该页后上传。") from exc
    try:
        return render_page(pdf_page, limits)
    finally:
        pdf_page.close()


def render_scale(width_pt: float, height_pt: float, limits: Limits) -> float:
    """Pixels per point: RENDER_DPI, but never past the pixel budget or the OCR working size."""
    if width_pt <= 0 or height_pt <= 0:
        raise OcrError("扫描页尺寸异常，无法渲染", hint="请重新扫描该页后上传。")
    return min(
        RENDER_DPI / 72,
        math.sqrt(limits.max_image_pixels / (width_pt * height_pt)),
        WORK_MAX_SIDE / max(width_pt, height_pt),
        WORK_SHORT_SIDE / min(width_pt, height_pt),
    )


def render_page(page: pdfium.PdfPage, limits: Limits) -> tuple[Image.Image, float]:
    """The page as an RGB image and its scale (pixels per point)."""
    width, height = page.get_size()
    scale = render_scale(width, height, limits)
    try:
        bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
        return bitmap.to_pil().convert("RGB"), scale
    except pdfium.PdfiumError as exc:
        raise OcrError(f"无法渲染扫描页：{exc}", hint="请重新扫描该页后上传。") from exc


def to_points(result: OcrPage, scale: float) -> Page:
    """The OCR'd page with boxes in PDF points of the upright page."""
    spans = [
        replace(s, origin=replace(s.origin, bbox=scale_box(s.origin.bbox, 1.0 / scale)))
        if s.origin.bbox
        else s
        for s in result.page.spans
    ]
    page = result.page
    width, height = round(result.image.width / scale, 1), round(result.image.height / scale, 1)
    return Page(page.number, spans, width=width, height=height, rotation=page.rotation)


def sounder(text_page: Page, ocr: Page) -> Page:
    """The text layer when it is clean and at least as full as the OCR result, else the OCR page."""
    layer = "".join(s.text for s in text_page.spans) + "".join(
        c.text for t in text_page.tables for r in t.rows for c in r
    )
    compact = "".join(layer.split())
    clean = not _CID.search(compact) and not any(_is_bad_char(ch) for ch in compact)
    ocr_chars = sum(len("".join(s.text.split())) for s in ocr.spans)
    if clean and len(compact) >= ocr_chars:
        return replace(text_page, needs_ocr=False)
    return ocr
