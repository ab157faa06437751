"""Word text as the record reads: words struck through in Word are corrections, not content."""

from __future__ import annotations

import io

import docx

from core.settings import Limits
from extractors.formats.docx import read_docx


def _corrected_docx() -> bytes:
    document = docx.Document()
    paragraph = document.add_paragraph("应到")
    paragraph.add_run("15").font.strike = True
    paragraph.add_run("16人，实到14人")
    document.add_paragraph("主持：张明")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "缺席"
    cell = table.cell(0, 1).paragraphs[0]
    cell.add_run("王芳").font.double_strike = True
    cell.add_run("李强（出差）")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_struck_runs_are_left_out_of_paragraphs_and_cells() -> None:
    page, _ = read_docx("a.docx", _corrected_docx(), Limits())
    assert [s.text for s in page.spans] == ["应到16人，实到14人", "主持：张明"]
    assert page.tables[0].rows[0][1].text == "李强（出差）"
