"""A sentence a text-layer PDF wraps at the right margin (of the page or of a table cell) is read
as one sentence; sentences that end a line stay apart."""

from __future__ import annotations

import io

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from core.models import Document, EvidenceFile, FileKind
from core.settings import Settings
from extractors.formats.pdf import PdfBackend
from extractors.layout.document import document_lines

CJK_FONT = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
PAGE = (595.0, 842.0)
SIZE = 10.0
LEFT, RIGHT = 60.0, 535.0  # the text column
pdfmetrics.registerFont(TTFont("DroidWrap", CJK_FONT))


def _wrap(text: str, width: float) -> list[str]:
    """Greedy character wrap at ``width`` points, as a word processor exporting to PDF does."""
    lines, line = [], ""
    for ch in text:
        if pdfmetrics.stringWidth(line + ch, "DroidWrap", SIZE) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines


def build(body: list[str], cell: list[str]) -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=PAGE, invariant=1)
    pdf.setFont("DroidWrap", SIZE)
    y = PAGE[1] - 80
    for paragraph in body:
        for line in _wrap(paragraph, RIGHT - LEFT):
            pdf.drawString(LEFT, y, line)
            y -= 1.6 * SIZE
    # a two-column form row: label cell and a narrow value cell whose text wraps
    top, label_right, right = y - 20, 200.0, 330.0
    lines = [part for p in cell for part in _wrap(p, right - label_right - 12)]
    bottom = top - 12 - 1.6 * SIZE * len(lines)
    for x in (LEFT - 6, label_right, right):
        pdf.line(x, top, x, bottom)
    for yy in (top, bottom):
        pdf.line(LEFT - 6, yy, right, yy)
    pdf.drawString(LEFT, top - 6 - SIZE, "出席情况")
    for i, line in enumerate(lines):
        pdf.drawString(label_right + 6, top - 6 - SIZE - i * 1.6 * SIZE, line)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def read(data: bytes) -> Document:
    file = EvidenceFile(path="记录.pdf", kind=FileKind.PDF, data=data, sha256="1" * 64)
    return PdfBackend().extract(file, Settings())


STUDY = (
    "随后，由党支部书记王建国、组织委员李晓梅两位同志分别领学《中国共产党廉洁自律准则》和"
    "《中国共产党支部工作条例（试行）》，大家边学边记，结合本职工作交流了学习体会。"
)


def test_a_sentence_wrapped_at_the_page_margin_is_one_line() -> None:
    assert len(_wrap(STUDY, RIGHT - LEFT)) >= 2  # the test really wraps
    doc = read(build(["会议由王建国同志主持。", STUDY, "党员们按时缴纳了党费。"], ["全体党员参加。"]))
    texts = [ln.text for ln in document_lines(doc)]
    assert STUDY in texts
    assert "会议由王建国同志主持。" in texts and "党员们按时缴纳了党费。" in texts


def test_short_lines_and_finished_sentences_are_not_joined() -> None:
    doc = read(build(["支部工作记录簿", "会议内容：", STUDY], ["全体党员参加。"]))
    texts = [ln.text for ln in document_lines(doc)]
    assert "支部工作记录簿" in texts and "会议内容：" in texts


def test_a_cell_wrapped_mid_sentence_is_joined_and_its_sentences_kept_apart() -> None:
    counts = "应出席三十六人，实际出席三十五人，缺席一人。"  # Droid has no digits
    cell = [counts, "严嘉振因公出差。"]
    assert len(_wrap(counts, 330.0 - 200.0 - 12)) >= 2
    doc = read(build(["会议由王建国同志主持。"], cell))
    texts = [ln.text for ln in document_lines(doc)]
    assert any(counts in t for t in texts), texts
    assert not any("缺席一人。严嘉振" in t for t in texts)  # a finished sentence is not run on
