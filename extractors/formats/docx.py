"""Word .docx backend: body paragraphs and tables in document order.

python-docx repeats a merged cell in ``row.cells`` once per grid column it spans
(and a vertically merged cell once per row); cells are de-duplicated by their
underlying ``<w:tc>`` element so each merged cell is read exactly once. The
ingest guard (``ingest.docx_guard``) has already refused zip bombs and XML with
DOCTYPE/entities before this runs.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from core.errors import UnreadableFileError
from core.models import Document, EvidenceFile, FileKind, Origin, Page, Table, TextSpan
from core.settings import Settings
from extractors.formats.base import register_backend
from extractors.sandbox import run_limited


@register_backend(FileKind.DOCX)
class DocxBackend:
    name = "docx"
    version = "1"

    def extract(self, file: EvidenceFile, settings: Settings) -> Document:
        limits = settings.limits
        return run_limited(
            read_docx, file, name=file.path, timeout_s=limits.parse_timeout_s, memory_mb=limits.parse_memory_mb
        )


def read_docx(file: EvidenceFile) -> Document:
    """Paragraphs and tables in body order (runs inside the sandbox)."""
    doc = _open(file)
    spans: list[TextSpan] = []
    tables: list[Table] = []
    paragraph_index = 0
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = Paragraph(child, doc).text.strip()
            if text:
                spans.append(TextSpan(text, Origin(file.path, paragraph=paragraph_index)))
            paragraph_index += 1
        elif child.tag == qn("w:tbl"):
            tables.append(read_table(DocxTable(child, doc), file.path, len(tables)))
    return Document(file=file.path, kind=FileKind.DOCX, pages=[Page(1, spans, tables)])


def _open(file: EvidenceFile) -> DocxDocument:
    try:
        return docx.Document(io.BytesIO(file.data))
    except (zipfile.BadZipFile, KeyError, XMLSyntaxError, ValueError) as exc:
        raise UnreadableFileError(
            f"Word 文件《{file.path}》已损坏，无法读取（{type(exc).__name__}）",
            hint="请在 Word 中打开该文件并“另存为” .docx 后重新上传。",
        ) from None


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
            text = "\n".join(p.text for p in cell.paragraphs).strip()
            cells.append(TextSpan(text, Origin(path, cell=(index, r, c))))
        rows.append(cells)
    return Table(rows)
