"""Scanned and garbled PDF pages: rendered with pypdfium2 and read by OCR, page by page."""

from __future__ import annotations

import io
import math

import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

import extractors.formats.pdf as pdf_backend
from core.errors import OcrError, UnreadableFileError
from core.models import Document, EvidenceFile, FileKind, Origin, Page, TextSpan
from core.settings import Limits, OcrSettings, Settings
from extractors.formats.pdf import PdfBackend, render_scale, sounder
from extractors.imaging.decode import WORK_MAX_SIDE
from extractors.imaging.page import OcrPage
from extractors.imaging.repair import recover_dropped_lines, reread_weak_lines
from extractors.layout.document import document_lines
from extractors.ocr import OcrLine

CJK_FONT = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
PAGE = (420.0, 300.0)  # points: a small page keeps OCR fast
SCAN_LINES = ["主题党日会议记录", "主持人：李光振", "应到人数：25人", "实到人数：23人"]
TYPED_LINE = "本次会议由支部书记李光振同志主持"


def scan_image(lines: list[str], size: int = 44) -> Image.Image:
    """A grey 'scan' of typed lines (CJK in Droid, digits in DejaVu)."""
    cjk, latin = ImageFont.truetype(CJK_FONT, size), ImageFont.truetype(LATIN_FONT, size)
    image = Image.new("L", (1167, 833), 246)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(lines):
        x = 90.0
        for ch in line:
            font = latin if ord(ch) < 0x2E80 else cjk
            draw.text((x, 90 + row * 1.9 * size), ch, font=font, fill=20)
            x += font.getlength(ch)
    return image


def build_pdf(*pages: str | Image.Image) -> bytes:
    """One page per argument: a string is typed (text layer), an image is scanned (no text layer)."""
    pdfmetrics.registerFont(TTFont("DroidTest", CJK_FONT))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=PAGE, invariant=1)
    for page in pages:
        if isinstance(page, str):
            pdf.setFont("DroidTest", 14)
            pdf.drawString(40, 240, page)
        else:
            jpeg = io.BytesIO()
            page.save(jpeg, "JPEG", quality=85)
            pdf.drawImage(ImageReader(io.BytesIO(jpeg.getvalue())), 0, 0, width=PAGE[0], height=PAGE[1])
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def extract(data: bytes, settings: Settings | None = None) -> Document:
    file = EvidenceFile(path="扫描件.pdf", kind=FileKind.PDF, data=data, sha256="0" * 64)
    return PdfBackend().extract(file, settings or Settings())


@pytest.fixture(scope="module")
def scanned_pdf() -> bytes:
    return build_pdf(scan_image(SCAN_LINES))


@pytest.fixture(scope="module")
def mixed_pdf() -> bytes:
    return build_pdf(TYPED_LINE, scan_image(SCAN_LINES))


@pytest.fixture(scope="module")
def scanned_doc(scanned_pdf: bytes) -> Document:
    return extract(scanned_pdf)


def test_scanned_page_is_read_by_ocr(scanned_doc: Document) -> None:
    page = scanned_doc.pages[0]
    assert scanned_doc.via == "ocr" and not page.needs_ocr
    assert all(s.via == "ocr" and 0 < s.confidence <= 1 for s in page.spans)
    assert "李光振" in scanned_doc.text
    norms = [line.norm for line in document_lines(scanned_doc)]
    assert "主持人:李光振" in norms and "实到人数:23人" in norms


def test_ocr_boxes_are_pdf_points_of_the_page(scanned_doc: Document) -> None:
    page = scanned_doc.pages[0]
    assert page.width == pytest.approx(PAGE[0], abs=1) and page.height == pytest.approx(PAGE[1], abs=1)
    for span in page.spans:
        x0, y0, x1, y1 = span.origin.bbox  # type: ignore[misc]
        assert 0 <= x0 < x1 <= PAGE[0] and 0 <= y0 < y1 <= PAGE[1]
    title = page.spans[0]
    assert title.origin.bbox[1] < 60  # type: ignore[index]  # near the top, in points (90 px / 2.78)


def test_engine_none_leaves_the_scan_unread(scanned_pdf: bytes) -> None:
    doc = extract(scanned_pdf, Settings(ocr=OcrSettings(engine="none")))
    assert doc.via == "none" and doc.pages[0].needs_ocr


def test_mixed_pdf_keeps_the_text_layer_and_reads_the_scan(mixed_pdf: bytes) -> None:
    doc = extract(mixed_pdf)
    typed, scanned = doc.pages
    assert doc.via == "ocr"
    assert [s.via for s in typed.spans] == ["text-layer"] and typed.spans[0].text == TYPED_LINE
    assert not scanned.needs_ocr and scanned.spans and all(s.via == "ocr" for s in scanned.spans)


class FailingEngine:
    name = "failing"
    version = "0"

    def read(self, image: Image.Image) -> list[OcrLine]:
        raise OcrError("模拟的识别失败", hint="")

    def read_line(self, image: Image.Image) -> OcrLine:
        raise OcrError("模拟的识别失败", hint="")


def _failing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_backend, "get_engine", lambda name: FailingEngine())


def test_ocr_failing_on_every_page_makes_the_file_unreadable(
    scanned_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    _failing(monkeypatch)
    with pytest.raises(UnreadableFileError) as err:
        extract(scanned_pdf)
    assert err.value.code == "ocr.failed"
    assert "扫描件" in err.value.message


def test_ocr_failing_on_one_page_keeps_the_readable_ones(
    mixed_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    _failing(monkeypatch)
    doc = extract(mixed_pdf)
    assert doc.via == "text-layer"
    assert not doc.pages[0].needs_ocr and doc.pages[1].needs_ocr


def test_render_scale_is_about_200_dpi_within_budgets() -> None:
    assert render_scale(*PAGE, Limits()) == pytest.approx(200 / 72)
    a4 = render_scale(595, 842, Limits())
    assert 842 * a4 <= WORK_MAX_SIDE + 1e-6
    small = render_scale(595, 842, Limits(max_image_pixels=200_000))
    assert 595 * 842 * small**2 <= 200_000 * (1 + 1e-9)
    with pytest.raises(OcrError):
        render_scale(0, 842, Limits())


class RereadEngine:
    """Full-page reads are poor; recognition-only reads of a crop are good."""

    name = "reread"
    version = "0"

    def __init__(self, text: str, confidence: float) -> None:
        self.text, self.confidence = text, confidence
        self.crops: list[tuple[int, int]] = []

    def read(self, image: Image.Image) -> list[OcrLine]:
        return []

    def read_line(self, image: Image.Image) -> OcrLine:
        self.crops.append(image.size)
        return OcrLine(self.text, (0, 0, image.width, image.height), self.confidence)


def _ocr_page(*spans: tuple[str, float]) -> OcrPage:
    page = Page(
        1,
        [
            TextSpan(t, Origin("x.pdf", page=1, bbox=(10, 10 + 40 * i, 400, 40 + 40 * i)), c, via="ocr")
            for i, (t, c) in enumerate(spans)
        ],
    )
    return OcrPage(page=page, image=Image.new("RGB", (500, 300), "white"), angle=0)


def test_weak_lines_are_read_again_and_the_better_reading_kept() -> None:
    engine = RereadEngine("由张明同志领学《习近平谈治国理政》第四卷", 0.97)
    result = reread_weak_lines(_ocr_page(("主持人：李光振", 0.99), ("中《》", 0.55)), engine)
    assert [s.text for s in result.page.spans] == [
        "主持人：李光振",
        "由张明同志领学《习近平谈治国理政》第四卷",
    ]
    assert result.page.spans[1].confidence == 0.97 and result.page.spans[1].via == "ocr"
    assert len(engine.crops) == 1  # the confident line is not read again


def test_a_worse_reread_is_discarded() -> None:
    result = reread_weak_lines(_ocr_page(("会议由李光振同志主持", 0.7)), RereadEngine("合", 0.3))
    assert result.page.spans[0].text == "会议由李光振同志主持"


def test_sounder_prefers_a_clean_text_layer_unless_ocr_finds_more() -> None:
    ocr = Page(1, [TextSpan("第2页 会议由李光振同志主持", Origin("x.pdf", 1), 0.9, via="ocr")])
    short = Page(1, [TextSpan("第2页", Origin("x.pdf", 1))], needs_ocr=True)
    garbled = Page(1, [TextSpan("(cid:12)(cid:13)会议", Origin("x.pdf", 1))], needs_ocr=True)
    blank = Page(1, [], needs_ocr=True)
    assert sounder(short, ocr) is ocr
    assert sounder(garbled, ocr) is ocr
    empty_ocr = Page(1, [])
    kept = sounder(blank, empty_ocr)
    assert not kept.needs_ocr and not kept.spans
    assert math.isclose(ocr.spans[0].confidence, 0.9)


def test_a_confident_line_far_too_short_for_its_box_is_read_again() -> None:
    """PP-OCR's angle classifier flips a line with 《》 and reads it as '《》' with confidence 0.99."""
    engine = RereadEngine("由张明同志领学《习近平谈治国理政》第四卷", 0.96)
    result = reread_weak_lines(_ocr_page(("《》", 0.99), ("主持人：李光振", 0.99)), engine)
    assert result.page.spans[0].text == "由张明同志领学《习近平谈治国理政》第四卷"
    assert result.page.spans[1].text == "主持人：李光振" and len(engine.crops) == 1


def test_a_line_the_engine_dropped_is_read_from_its_ink_band() -> None:
    """Ink between two read lines, covered by no box: cropped, read, put in reading order."""
    image = Image.new("RGB", (500, 300), "white")
    draw = ImageDraw.Draw(image)
    for top in (12, 52, 92):  # three 'lines' of ink; the engine reported the first and the last
        draw.rectangle((20, top, 380, top + 24), fill="black")
    draw.line((200, 0, 200, 300), fill="black", width=2)  # a form's grid line is not a text line
    page = Page(
        1,
        [
            TextSpan(t, Origin("x.pdf", page=1, bbox=(15, y, 390, y + 34)), 0.99, via="ocr")
            for t, y in (("主持人：李光振", 7), ("记录人：王芳", 87))
        ],
    )
    engine = RereadEngine("全体党员在张明同志带领下重温入党誓词", 0.9)
    result = recover_dropped_lines(OcrPage(page=page, image=image, angle=0), engine)
    assert [s.text for s in result.page.spans] == [
        "主持人：李光振",
        "全体党员在张明同志带领下重温入党誓词",
        "记录人：王芳",
    ]
    x0, y0, x1, y1 = result.page.spans[1].origin.bbox  # type: ignore[misc]
    assert (y0, y1) == (52, 77) and x0 == 20 and x1 <= 381
    assert len(engine.crops) == 1
