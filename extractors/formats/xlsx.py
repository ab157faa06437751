"""Excel .xlsx backend (openpyxl, read-only streaming): every sheet a page of one table.

A sign-in sheet kept in Excel (序号 | 姓名 | 签到/签名, several sheets, a merged title
row on top, names in one column or two-up) must read like a typed sign-in table. So each
sheet becomes one :class:`~core.models.Page`: the rows above the header (titles, with at
most one filled cell, as a merged title is) are body spans, and the rows from the first
row with two or more filled cells on form the page's table. Cells become text the way
Excel shows them (1.0 -> "1", a time -> "15:05"). Whether the workbook *is* a sign-in
sheet is decided by the role classifier (``extractors.roles``): a spreadsheet is either
a sign-in sheet or ``other``.

Limits (``Limits.max_sheets``, ``max_sheet_rows``, ``max_sheet_columns``,
``max_sheet_cells``) bound the work on a hostile or huge workbook: reading stops at
them. The ingest guard has already refused zip bombs and XML with DOCTYPE/entities; the
parse runs in the sandbox (time and memory limit).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence

from core.errors import UnreadableFileError
from core.models import Document, EvidenceFile, FileKind, Origin, Page, Table, TextSpan
from core.settings import Limits, Settings
from extractors.formats.base import register_backend
from extractors.sandbox import run_limited

RESAVE_HINT = "请用 WPS 或 Excel 打开该表格，选择“另存为” Excel 工作簿（.xlsx）后重新上传。"
HEADER_MIN_CELLS = 2  # the first row with this many filled cells starts the table


@register_backend(FileKind.XLSX)
class XlsxBackend:
    name = "xlsx"
    version = "1"

    def extract(self, file: EvidenceFile, settings: Settings) -> Document:
        limits = settings.limits
        return run_limited(
            read_xlsx,
            file.path,
            file.data,
            file.kind,
            limits,
            name=file.path,
            timeout_s=limits.parse_timeout_s,
            memory_mb=limits.parse_memory_mb,
        )


def read_xlsx(path: str, data: bytes, kind: FileKind, limits: Limits) -> Document:
    """Every sheet of the workbook in ``data`` as a page (runs inside the sandbox)."""
    import openpyxl  # imported in the worker only: a slow import the parent does not need

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            pages = []
            for number, sheet in enumerate(workbook.worksheets[: limits.max_sheets], start=1):
                rows = sheet.iter_rows(max_col=limits.max_sheet_columns, values_only=True)
                pages.append(sheet_page(path, number, rows, limits))
        finally:
            workbook.close()
    except MemoryError:
        raise  # the sandbox reports it as over the memory limit
    except Exception as exc:  # openpyxl and lxml raise many types on hostile workbooks: all are bad input
        raise UnreadableFileError(
            f"表格《{path}》已损坏，无法读取（{type(exc).__name__}）", hint=RESAVE_HINT
        ) from exc
    return Document(file=path, kind=kind, pages=pages)


def sheet_page(path: str, number: int, rows: Iterable[Sequence[object]], limits: Limits) -> Page:
    """One sheet as a page: title rows as spans, the rest (from the header) as a table."""
    spans: list[TextSpan] = []
    table: list[list[TextSpan]] = []
    cells = 0
    for r, row in enumerate(rows):
        if r >= limits.max_sheet_rows or cells >= limits.max_sheet_cells:
            break
        texts = [cell_text(v) for v in list(row)[: limits.max_sheet_columns]]
        cells += max(1, max((i + 1 for i, t in enumerate(texts) if t), default=0))  # the row's used width
        filled = [t for t in texts if t]
        if not table and len(filled) < HEADER_MIN_CELLS:
            spans.extend(TextSpan(t, Origin(path, page=number, paragraph=r)) for t in filled)
            continue
        if not filled:
            continue  # blank rows inside the table carry nothing
        table.append(
            [TextSpan(t, Origin(path, page=number, cell=(0, len(table), c))) for c, t in enumerate(texts)]
        )
    return Page(number, spans, [Table(_trimmed(table))] if table else [])


def _trimmed(rows: list[list[TextSpan]]) -> list[list[TextSpan]]:
    """Rows without the trailing empty cells every row shares (Excel's used range is wide)."""
    width = max((max((i + 1 for i, s in enumerate(row) if s.text), default=0) for row in rows), default=0)
    return [row[:width] for row in rows]


def cell_text(value: object) -> str:
    """A cell as Excel shows it: integral floats without ".0", times as HH:MM."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return (
            value.strftime("%Y-%m-%d %H:%M")
            if (value.hour, value.minute) != (0, 0)
            else value.date().isoformat()
        )
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()
