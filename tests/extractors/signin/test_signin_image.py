"""Photographed sign-in sheets: grid, ink counting (struck-out entries), roster matching.

The sheets are rendered by fixtures/signin_photos.py (printed table, brush-font
"handwriting", phone-photo effects) and read with the real RapidOCR engine. Only the
top of each photo is OCR'd for the header, so the names are read by recognition alone.
"""

from __future__ import annotations

import io
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from core.errors import OcrError
from core.models import EvidenceFile, FileKind, Page
from core.settings import Limits, Settings
from extractors.formats.pdf import PdfBackend
from extractors.imaging.decode import load_image
from extractors.imaging.orient import rotate
from extractors.ocr import OcrEngine, OcrLine, get_engine
from extractors.signin.grid import deskew, find_grid
from extractors.signin.image import page_view, read_signin_photo, read_signin_scan
from extractors.signin.sheet import NEAR_MATCH, OFF_ROSTER
from fixtures.generate import ROSTER_NAMES

ROOT = Path(__file__).resolve().parents[2]
ROSTER = ROSTER_NAMES  # the fixture corpus's roster
ABSENT = ("赵海燕", "孙晓东")
SIGNED = [n for n in ROSTER if n not in ABSENT]
GUEST = "马骁骑"  # signs but is not on the roster


@pytest.fixture(scope="module")
def photos() -> ModuleType:
    from fixtures import signin_photos

    return signin_photos


@pytest.fixture(scope="module")
def engine() -> OcrEngine:
    return get_engine("rapidocr")


def _header_lines(engine: OcrEngine, image: Image.Image) -> list[OcrLine]:
    """Page OCR of the top of the photo only (title, header row): cheap, boxes unchanged."""
    return engine.read(image.crop((0, 0, image.width, int(image.height * 0.35))))


Sheet = tuple[Image.Image, list[OcrLine]]


@pytest.fixture(scope="module")
def three_col(photos: ModuleType, engine: OcrEngine) -> Sheet:
    entries = photos.three_col_entries(ROSTER, SIGNED, struck_in="赵海燕")  # 宋佳 first signed there, struck
    image = load_image(photos.signin_photo(photos.SheetSpec("three_col", entries, seed=11)), Limits())
    return image, _header_lines(engine, image)


@pytest.fixture(scope="module")
def two_up(photos: ModuleType, engine: OcrEngine) -> Sheet:
    e = photos.Entry
    entries = (
        e(written="李光振"),
        e(written="张明"),
        e(written="王芳"),
        e(written="陈华", struck=True),
        e(written="陈静"),
        e(written="王建国"),
        e(written="张明"),
        e(written=GUEST),
        e(written="宋佳"),
    )
    image = load_image(photos.signin_photo(photos.SheetSpec("two_up", entries, seed=5, rows=6)), Limits())
    return image, _header_lines(engine, image)


# ------------------------------------------------------------------------------ grid


def test_grid_found_despite_rotation_perspective_and_desk(three_col: Sheet, two_up: Sheet) -> None:
    scan = find_grid(deskew(three_col[0]))
    assert scan is not None and scan.grid.shape == (26, 3)  # header + 25 rows; 序号 姓名 签名
    scan = find_grid(deskew(two_up[0]))
    assert scan is not None and scan.grid.shape == (7, 4)  # header + 6 rows; 序号 姓名 序号 姓名


@pytest.mark.parametrize("share", [0.06, 0.12])
def test_grid_found_on_a_sheet_photographed_at_an_angle(
    photos: ModuleType, three_col: Sheet, engine: OcrEngine, share: float
) -> None:
    image = photos.keystone(three_col[0], share)  # the outer columns lean by up to ~5 degrees, opposite ways
    scan = find_grid(deskew(image))
    assert scan is not None and scan.grid.shape == (26, 3)
    sheet = read_signin_photo(image, _header_lines(engine, image), engine, ROSTER, file="a.jpg")
    assert sheet is not None and sheet.signed_count.value == len(SIGNED)


def test_no_grid_is_none(engine: OcrEngine) -> None:
    page = Image.new("RGB", (1200, 1600), "white")
    font = ImageFont.truetype("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 40)
    ImageDraw.Draw(page).text((100, 100), "主题党日签到表：姓名 签名", font=font, fill="black")
    lines = [OcrLine("主题党日签到表：姓名签名", (100.0, 100.0, 700.0, 150.0), 0.99)]
    assert read_signin_photo(page, lines, engine, ROSTER, file="a.jpg") is None


def test_grid_without_header_is_none(three_col: Sheet, engine: OcrEngine) -> None:
    assert read_signin_photo(three_col[0], [], engine, ROSTER, file="a.jpg") is None


# ------------------------------------------------------------------------------- ink


def test_three_col_counts_signatures_and_skips_struck_row(three_col: Sheet, engine: OcrEngine) -> None:
    image, lines = three_col
    sheet = read_signin_photo(image, lines, engine, ROSTER, file="签到表.jpg")
    assert sheet is not None
    assert sheet.signed_count.value == 23
    assert sheet.signed_count.confidence >= 0.8
    assert [v.value for v in sheet.names] == SIGNED
    notes = [e.text for e in sheet.signed_count.evidence]
    assert "第6行的签名已划掉，未计入" in notes  # 赵海燕's row
    for value in sheet.names:
        (ev,) = value.evidence
        assert ev.file == "签到表.jpg" and ev.page == 1 and ev.bbox is not None
        x0, y0, x1, y1 = ev.bbox
        assert 0 <= x0 < x1 <= image.width and 0 <= y0 < y1 <= image.height


def test_two_up_duplicate_guest_and_struck_entry(two_up: Sheet, engine: OcrEngine) -> None:
    image, lines = two_up
    sheet = read_signin_photo(image, lines, engine, ROSTER, file="签到表.jpg")
    assert sheet is not None
    names = [v.value for v in sheet.names]
    assert names[:5] == ["李光振", "张明", "王芳", "陈静", "王建国"] and names[-1] == "宋佳"
    assert sheet.signed_count.value == 7  # 9 entries - struck 陈华 - second 张明
    assert sheet.signed_count.confidence < 0.8  # counted, but the guest matches no member: review
    notes = [e.text for e in sheet.signed_count.evidence]
    assert any("张明签名两次" in t for t in notes)
    assert any("划掉" in t for t in notes)
    assert any(GUEST in t and "对不上" in t for t in notes)  # the unmatched name is reported
    guest = sheet.names[5]
    assert guest.value not in ROSTER and guest.confidence == OFF_ROSTER


class MisreadingEngine:
    """The real engine, except that one name is misread by one character."""

    def __init__(self, engine: OcrEngine, wrong: dict[str, str]) -> None:
        self.engine, self.wrong = engine, wrong
        self.name, self.version = engine.name, engine.version

    def read(self, image: Image.Image) -> list[OcrLine]:
        return self.engine.read(image)

    def read_line(self, image: Image.Image) -> OcrLine:
        line = self.engine.read_line(image)
        return OcrLine(self.wrong.get(line.text, line.text), line.box, line.confidence)


def test_one_character_misread_is_corrected_with_lower_confidence(two_up: Sheet, engine: OcrEngine) -> None:
    image, lines = two_up
    sheet = read_signin_photo(
        image, lines, MisreadingEngine(engine, {"王建国": "王建图"}), ROSTER, file="a.jpg"
    )
    assert sheet is not None
    fixed = next(v for v in sheet.names if v.value == "王建国")
    assert fixed.confidence == NEAR_MATCH
    assert fixed.evidence[0].text == "王建图"  # the evidence quotes what was read


# ------------------------------------------------------------------------ orientation


def _page(image: Image.Image, rotation: int) -> Page:
    return Page(number=1, spans=[], width=float(image.width), height=float(image.height), rotation=rotation)


@pytest.mark.parametrize("angle", [0, 90, 180, 270])
def test_the_view_the_page_ocr_read_is_restored(three_col: Sheet, angle: int) -> None:
    image, _ = three_col
    stored = rotate(image, (360 - angle) % 360)  # what the file holds; the OCR turned it by ``angle``
    view = page_view(stored, _page(image, angle))
    assert view is not None and np.array_equal(np.asarray(view), np.asarray(image))


def test_the_view_needs_the_page_size(three_col: Sheet) -> None:
    image, _ = three_col
    page = Page(number=1, spans=[], width=float(image.width + 1), height=float(image.height))
    assert page_view(image, page) is None


# ------------------------------------------------------------------ scanned into a PDF


def _image_pdf(*pages: Image.Image) -> bytes:
    """An image-only A4 PDF, one scanned page per image (no text layer)."""
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for page in pages:
        jpeg = io.BytesIO()
        page.convert("L").save(jpeg, "JPEG", quality=85)
        pdf.drawImage(ImageReader(io.BytesIO(jpeg.getvalue())), 0, 0, width=A4[0], height=A4[1])
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def test_sheet_scanned_into_a_pdf_is_read_on_its_page(photos: ModuleType) -> None:
    entries = photos.three_col_entries(ROSTER, SIGNED, struck_in="赵海燕")
    sheet = photos.render(photos.SheetSpec("three_col", entries, seed=3, photo=False))
    cover = Image.new("RGB", sheet.size, "white")
    data = _image_pdf(cover, sheet)
    doc = PdfBackend().extract(EvidenceFile("签到表.pdf", FileKind.PDF, data, "0" * 64), Settings())
    result = read_signin_scan(data, doc.pages[1], ROSTER, Limits(), file="签到表.pdf")
    assert result is not None and result.signed_count.value == len(SIGNED)
    assert sorted(v.value for v in result.names) == sorted(SIGNED)
    evidence = [ev for v in result.names for ev in v.evidence]
    assert {ev.page for ev in evidence} == {2}
    assert all(
        ev.bbox and 0 <= ev.bbox[0] < ev.bbox[2] <= A4[0] and 0 <= ev.bbox[1] < ev.bbox[3] <= A4[1]
        for ev in evidence
    )


def test_page_that_cannot_be_rendered_is_an_ocr_error() -> None:
    page = Page(number=3, spans=[], width=595.0, height=842.0)
    with pytest.raises(OcrError):
        read_signin_scan(
            _image_pdf(Image.new("RGB", (200, 300), "white")), page, ROSTER, Limits(), file="a.pdf"
        )
