"""Sign-in sheets kept in spreadsheets (.xlsx, .xls, .csv) and what is not one."""

from __future__ import annotations

import hashlib
import io

import msoffcrypto.format.ooxml
from openpyxl import Workbook

from core.models import EvidenceFile, FileKind, Role
from core.settings import Limits, OcrSettings, Settings
from extractors.signin.typed import read_signin
from fixtures import formats, generate
from ingest.raw import RawFile
from ingest.submission import _examine
from jishi.pipeline import extract_files

NO_OCR = Settings(ocr=OcrSettings(engine="none"))
CASE = next(c for c in generate.build_cases() if c.name == "ok_prose_docx")
ROSTER = list(generate.ROSTER_NAMES)


def _examined(name: str, data: bytes, settings: Settings = NO_OCR) -> EvidenceFile:
    result = _examine(RawFile(name, data), settings.limits)
    assert isinstance(result, EvidenceFile), result
    return result


def _extract(name: str, data: bytes, settings: Settings = NO_OCR):
    extraction = extract_files([_examined(name, data, settings)], settings)
    assert extraction.problems == [], extraction.problems
    return extraction.files[0]


def _workbook(rows: list[list[object]]) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_signin_with_merged_title_and_notes_sheet() -> None:
    f = _extract("签到表.xlsx", formats.signin_workbook(CASE))
    assert f.file.kind is FileKind.XLSX and f.role is Role.SIGNIN
    assert f.document is not None and len(f.document.pages) == 2  # the notes sheet is a page too
    assert f.document.pages[0].spans[0].text == formats.SHEET_TITLE  # the merged title row is a span
    sheet = read_signin(f.document, ROSTER)
    assert sheet is not None and sheet.signed_count.value == 23
    assert {v.value for v in sheet.names} == set(CASE.signed_names())


def test_two_up_workbook_counts_both_halves() -> None:
    f = _extract("签到表.xlsx", formats.signin_workbook(CASE, two_up=True))
    sheet = read_signin(f.document, ROSTER)  # type: ignore[arg-type]
    assert sheet is not None and sheet.signed_count.value == 23


def test_csv_in_gb18030_is_a_signin_sheet() -> None:
    files = formats.signin_csv({"签到表.docx": b""}, CASE)
    f = _extract("签到表.csv", files["签到表.csv"])
    assert f.file.kind is FileKind.CSV and f.role is Role.SIGNIN
    assert read_signin(f.document, ROSTER).signed_count.value == 23  # type: ignore[arg-type,union-attr]


def test_spreadsheet_without_signin_columns_is_other() -> None:
    data = _workbook([["项目", "金额"], ["党费", 1200], ["应到", 25], ["实到", 23], ["主持", "李光振"]])
    assert _extract("党费.xlsx", data).role is Role.OTHER


def test_text_named_csv_only_when_it_is_text() -> None:
    assert _examine(RawFile("x.csv", bytes(range(256)) * 4), NO_OCR.limits).code == "input.unsupported_type"


def test_row_and_cell_limits_bound_the_read() -> None:
    data = _workbook([["序号", "姓名", "签到"], *[[i, f"人{i}", "✓"] for i in range(500)]])
    settings = Settings(limits=Limits(max_sheet_rows=50), ocr=OcrSettings(engine="none"))
    f = _extract("big.xlsx", data, settings)
    assert len(f.document.pages[0].tables[0].rows) == 50  # type: ignore[union-attr]
    settings = Settings(limits=Limits(max_sheet_cells=30), ocr=OcrSettings(engine="none"))
    assert len(_extract("big.xlsx", data, settings).document.pages[0].tables[0].rows) == 10  # type: ignore[union-attr]


def test_password_protected_xlsx_is_a_finding_with_a_hint() -> None:
    out = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(io.BytesIO(formats.signin_workbook(CASE))).encrypt("1234", out)
    problem = _examine(RawFile("签到表.xlsx", out.getvalue()), NO_OCR.limits)
    assert not isinstance(problem, EvidenceFile)
    assert problem.code == "input.encrypted" and problem.blocking
    assert "密码" in problem.message and "密码" in problem.hint


def test_corrupt_xlsx_is_a_finding_with_a_hint() -> None:
    data = formats.rezip(formats.signin_workbook(CASE), {"xl/workbook.xml": lambda b: b[: len(b) // 2]})
    evidence = _examined("签到表.xlsx", data)
    extraction = extract_files([evidence], NO_OCR)
    [problem] = extraction.problems
    assert problem.code == "input.unreadable" and ".xlsx" in problem.hint
    assert hashlib.sha256(data).hexdigest() == evidence.sha256
