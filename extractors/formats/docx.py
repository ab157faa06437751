"""Word .docx backend (also .docm, .dotx, .dotm): body paragraphs and tables in document order,
then the pictures pasted into it (photos of the record book or the sign-in sheet) as OCR'd pages.

python-docx repeats a merged cell in ``row.cells`` once per grid column it spans
(and a vertically merged cell once per row); cells are de-duplicated by their
underlying ``<w:tc>`` element so each merged cell is read exactly once. The
ingest guard (``ingest.docx_guard``) has already refused zip bombs and XML with
DOCTYPE/entities before this runs.
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

from docx.document import Document as DocxDocument
from docx.opc.part import PartFactory
from docx.oxml.ns import qn
from docx.package import Package
from docx.parts.document import DocumentPart
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml.etree import XMLSyntaxError

from core.errors import UnreadableFileError
from core.models import Document, EvidenceFile, FileKind, Origin, Page, Table, TextSpan
from core.settings import Limits, Settings
from extractors.formats.base import register_backend
from extractors.formats.pictures import document_pictures, ocr_pictures
from extractors.sandbox import run_limited

# Macro-enabled documents and (filled-in) templates hold the same WordprocessingML main part;
# python-docx only knows the plain document's content type. Macros are never run: only XML is read.
WORD_MAIN_TYPES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
)
for _content_type in WORD_MAIN_TYPES:
    PartFactory.part_type_for[_content_type] = DocumentPart


@register_backend(FileKind.DOCX)
class DocxBackend:
    name = "docx"
    version = "2"  # 2: pictures in the document are OCR'd as pages

    def extract(self, file: EvidenceFile, settings: Settings) -> Document:
        return extract_docx_data(file.path, file.data, file.kind, settings)


def extract_docx_data(path: str, data: bytes, kind: FileKind, settings: Settings) -> Document:
    """The body (page 1) and the page-sized pictures OCR'd as the following pages
    (``extractors.formats.pictures``); the document keeps ``kind`` (a converted .doc stays DOC)."""
    limits = settings.limits
    body, pictures = run_limited(
        read_docx,
        path,
        data,
        limits,
        name=path,
        timeout_s=limits.parse_timeout_s,
        memory_mb=limits.parse_memory_mb,
    )
    pages = ocr_pictures(path, pictures, settings)
    via: Literal["text-layer", "ocr", "none"] = "text-layer"
    if pages:
        via = "ocr"
    elif pictures and settings.ocr.engine == "none" and not body.spans and not body.tables:
        via = "none"  # only pictures, not read: the rules that need it say unknown
    return Document(file=path, kind=kind, pages=[body, *pages], via=via)


def docx_pictures(path: str, data: bytes, limits: Limits) -> list[bytes]:
    """The page-sized pictures of a .docx again, as ``extract_docx_data`` numbered them."""
    _body, pictures = run_limited(
        read_docx,
        path,
        data,
        limits,
        name=path,
        timeout_s=limits.parse_timeout_s,
        memory_mb=limits.parse_memory_mb,
    )
    return pictures


def read_docx(path: str, data: bytes, limits: Limits) -> tuple[Page, list[bytes]]:
    """Paragraphs and tables in body order, and the pictures (runs inside the sandbox)."""
    doc = _open(path, data)
    spans: list[TextSpan] = []
    tables: list[Table] = []
    paragraph_index = 0
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = unstruck_text(Paragraph(child, doc)).strip()
            if text:
                spans.append(TextSpan(text, Origin(path, paragraph=paragraph_index)))
            paragraph_index += 1
        elif child.tag == qn("w:tbl"):
            tables.append(read_table(DocxTable(child, doc), path, len(tables)))
    pictures = document_pictures(doc.element.body, doc.part.related_parts, limits)
    return Page(1, spans, tables), pictures


def unstruck_text(paragraph: Paragraph) -> str:
    """The paragraph's text without the words struck through: a figure corrected in the record
    (应到~~15~~16人, struck in Word) counts as written after the correction."""
    runs = [item for item in paragraph.iter_inner_content() if isinstance(item, Run)]
    if not any(run.font.strike or run.font.double_strike for run in runs):
        return paragraph.text
    parts = []
    for item in paragraph.iter_inner_content():
        if isinstance(item, Run):
            parts.append("" if item.font.strike or item.font.double_strike else item.text)
        else:  # a hyperlink's runs
            parts.append("".join(r.text for r in item.runs if not (r.font.strike or r.font.double_strike)))
    return "".join(parts)


def _open(path: str, data: bytes) -> DocxDocument:
    try:
        part = Package.open(io.BytesIO(data)).main_document_part
        if not isinstance(part, DocumentPart):
            raise ValueError(f"not a Word document: {part.content_type}")
        return part.document
    except (zipfile.BadZipFile, KeyError, XMLSyntaxError, ValueError) as exc:
        raise UnreadableFileError(
            f"Word 文件《{path}》已损坏，无法读取（{type(exc).__name__}）",
            hint="请在 Word 中打开该文件并“另存为” .docx 后重新上传。",
        ) from exc


def read_table(table: DocxTable, path: str, index: int) -> Table:
    """Rows of unique cells; a merged cell appears once, at its first grid position."""
    seen: set[object] = set()  # holds the elements, so lxml keeps one proxy per node
    rows: list[list[TextSpan]] = []
    for r, row in enumerate(table.rows):
        cells: list[TextSpan] = []
        for c, cell in enumerate(row.cells):
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            text = "\n".join(unstruck_text(p) for p in cell.paragraphs).strip()
            cells.append(TextSpan(text, Origin(path, cell=(index, r, c))))
        rows.append(cells)
    return Table(rows)
