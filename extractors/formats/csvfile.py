"""CSV backend: a sign-in list exported as comma- or tab-separated text, one table.

Encodings tried in turn: UTF-8 (with or without BOM), then GB18030 (what Excel and WPS
on Chinese Windows write). The dialect is sniffed from the first lines (comma, tab,
semicolon). Rows and cells are bounded by the same limits as a sheet of a workbook, and
the rows become a page exactly as an .xlsx sheet does (``extractors.formats.xlsx.sheet_page``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from core.errors import UnreadableFileError
from core.models import Document, EvidenceFile, FileKind
from core.settings import Settings
from extractors.formats.base import register_backend
from extractors.formats.xlsx import sheet_page

ENCODINGS = ("utf-8-sig", "gb18030")
SNIFF_CHARS = 4096
DELIMITERS = ",\t;"


@register_backend(FileKind.CSV)
class CsvBackend:
    name = "csv"
    version = "1"

    def extract(self, file: EvidenceFile, settings: Settings) -> Document:
        text = decode_text(file.data)
        if text is None:
            raise UnreadableFileError(
                f"《{file.path}》不是可识别编码的文本表格",
                hint="请用 Excel 或 WPS 打开后“另存为” .xlsx 再上传。",
            )
        limits = settings.limits
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
                text[:SNIFF_CHARS], delimiters=DELIMITERS
            )
        except csv.Error:
            dialect = csv.excel
        csv.field_size_limit(max(1024, limits.max_yaml_bytes))
        try:
            rows = list(_bounded(csv.reader(io.StringIO(text), dialect), limits.max_sheet_rows))
        except csv.Error as exc:
            raise UnreadableFileError(
                f"《{file.path}》的表格格式有误（{exc}）",
                hint="请用 Excel 或 WPS 打开后“另存为” .xlsx 再上传。",
            ) from exc
        return Document(file=file.path, kind=FileKind.CSV, pages=[sheet_page(file.path, 1, rows, limits)])


def _bounded(reader: Iterator[list[str]], max_rows: int) -> list[list[str]]:
    out = []
    for i, row in enumerate(reader):
        if i >= max_rows:
            break
        out.append(row)
    return out


def decode_text(data: bytes) -> str | None:
    """The text of ``data`` in the first encoding that fits, or None (binary data)."""
    if b"\x00" in data[:SNIFF_CHARS]:
        return None
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None
