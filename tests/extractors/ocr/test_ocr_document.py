"""Image file -> Document through the real default engine: orientation, EXIF, reading order."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.models import FileKind
from core.settings import Limits
from extractors.imaging.decode import load_image
from extractors.imaging.orient import orient, rotate, turn
from extractors.imaging.page import is_scene, ocr_image_document, ocr_page
from extractors.ocr import OcrEngine

TextImage = Callable[..., Image.Image]
MINUTES = [
    "时间：2024年5月20日",
    "地点：支部活动室",
    "会议由支部书记李光振同志主持",
    "应到党员25名，实到23名",
    "记录人：王芳",
]
LIMITS = Limits()


def _png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def _jpeg_with_orientation(image: Image.Image, orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=92, exif=exif)
    return buf.getvalue()


@pytest.fixture(scope="module")
def minutes(text_image: TextImage) -> Image.Image:
    return text_image(MINUTES)


def _assert_minutes_read(text: str) -> None:
    for expected in ("会议由支部书记李光振同志主持", "应到党员25名，实到23名", "地点：支部活动室"):
        assert expected in text, text


def test_document_spans_in_reading_order(rapid: OcrEngine, minutes: Image.Image) -> None:
    doc = ocr_image_document("纪实/会议记录.png", _png(minutes), rapid, LIMITS)
    assert doc.kind is FileKind.PNG and doc.via == "ocr" and len(doc.pages) == 1
    page = doc.pages[0]
    assert (page.number, page.width, page.height) == (1, float(minutes.width), float(minutes.height))
    _assert_minutes_read(doc.text)
    texts = [s.text for s in page.spans]
    order = [
        next(i for i, t in enumerate(texts) if key in t) for key in ("时间", "地点", "主持", "应到", "记录人")
    ]
    assert order == sorted(order), texts
    for span in page.spans:
        assert span.via == "ocr" and span.origin.page == 1 and span.origin.file == "纪实/会议记录.png"
        assert 0 < span.confidence <= 1
        x0, y0, x1, y1 = span.origin.bbox or (0, 0, 0, 0)
        assert 0 <= x0 < x1 <= page.width and 0 <= y0 < y1 <= page.height


@pytest.mark.parametrize("angle", [90, 180, 270])
def test_turned_page_is_oriented(rapid: OcrEngine, minutes: Image.Image, angle: int) -> None:
    upright, applied = orient(rotate(minutes, angle), rapid)
    assert (angle + applied) % 360 == 0
    assert upright.size == minutes.size


def test_sideways_photo_document_is_read(rapid: OcrEngine, minutes: Image.Image) -> None:
    doc = ocr_image_document("sideways.png", _png(rotate(minutes, 90)), rapid, LIMITS)
    page = doc.pages[0]
    assert (page.width, page.height) == (float(minutes.width), float(minutes.height))
    _assert_minutes_read(doc.text)


def test_exif_orientation_is_applied(rapid: OcrEngine, minutes: Image.Image) -> None:
    # Stored turned 90° counter-clockwise; EXIF 6 says "rotate 90° clockwise to view".
    data = _jpeg_with_orientation(rotate(minutes, 90), orientation=6)
    result = ocr_page(Image.open(io.BytesIO(data)).convert("RGB"), rapid, file="raw.jpg")
    assert result.angle in (90, 270)  # without EXIF handling the raw pixels are sideways
    doc = ocr_image_document("exif.jpg", data, rapid, LIMITS)
    assert doc.kind is FileKind.JPEG
    assert (doc.pages[0].width, doc.pages[0].height) == (float(minutes.width), float(minutes.height))
    _assert_minutes_read(doc.text)


@pytest.mark.parametrize("tilt", [-9.0, 12.0])
def test_tilted_page_is_levelled_and_read_in_order(
    rapid: OcrEngine, minutes: Image.Image, tilt: float
) -> None:
    crooked = minutes.rotate(tilt, expand=True, fillcolor="white", resample=Image.Resampling.BICUBIC)
    result = ocr_page(crooked, rapid, file="crooked.png")
    assert abs(result.angle + tilt) <= 1.5  # turned back by about as much
    assert np.array_equal(np.asarray(result.image), np.asarray(turn(crooked, result.page.rotation)))
    texts = [s.text for s in result.page.spans]
    order = [
        next(i for i, t in enumerate(texts) if key in t) for key in ("时间", "地点", "主持", "应到", "记录人")
    ]
    assert order == sorted(order), texts
    _assert_minutes_read("\n".join(texts))


def test_slight_tilt_is_read_as_it_is(rapid: OcrEngine, minutes: Image.Image) -> None:
    crooked = minutes.rotate(1.0, expand=True, fillcolor="white", resample=Image.Resampling.BICUBIC)
    result = ocr_page(crooked, rapid, file="crooked.png")
    assert result.angle == 0 and result.image is crooked


def test_ocr_page_image_allows_cropping_cells(rapid: OcrEngine, minutes: Image.Image) -> None:
    result = ocr_page(rotate(minutes, 270), rapid, file="x.png")
    span = next(s for s in result.page.spans if "记录人" in s.text)
    assert span.origin.bbox is not None
    cell = result.image.crop(tuple(int(v) for v in span.origin.bbox))
    assert "王芳" in rapid.read_line(cell).text


def test_photo_without_text_is_left_alone(rapid: OcrEngine) -> None:
    rng = np.random.default_rng(7)
    noise = Image.fromarray(rng.integers(90, 160, size=(300, 400, 3), dtype=np.uint8), "RGB")
    upright, angle = orient(noise, rapid)
    assert angle == 0 and upright is noise
    doc = ocr_image_document("photo.png", _png(noise), rapid, LIMITS)
    assert doc.pages[0].spans == []


def test_tesseract_document_has_plausible_spans(tess: OcrEngine, minutes: Image.Image) -> None:
    doc = ocr_image_document("t.png", _png(minutes), tess, LIMITS)
    page = doc.pages[0]
    assert page.spans
    assert all(s.origin.bbox is not None and s.via == "ocr" for s in page.spans)


# ---------------------------------------------------------------------- scene or page

PAGES = [
    ("ok_photo_form", "会议记录照片.jpg"),
    ("ok_handwritten", "会议记录（手写）.jpg"),
    ("ok_sideways_scan", "会议记录扫描.jpg"),
    ("ok_signin_photo", "签到表.jpg"),
    ("ok_signin_photo_twoup", "签到表.jpg"),
]


@pytest.mark.parametrize(("case", "name"), PAGES)
def test_document_photos_are_not_scenes(rapid: OcrEngine, corpus: Path, case: str, name: str) -> None:
    image = load_image((corpus / case / name).read_bytes(), LIMITS)
    assert not is_scene(image, rapid, timeout_s=60)


@pytest.mark.parametrize("case", ["ok_prose_docx", "ok_lecture", "v_date_mismatch"])
def test_on_site_photos_are_scenes(rapid: OcrEngine, corpus: Path, case: str) -> None:
    photos = sorted((corpus / case).glob("*.jpg"))
    scenes = [p for p in photos if not p.name.startswith(("会议记录", "签到表", "讲稿"))]
    assert scenes
    for photo in scenes:
        assert is_scene(load_image(photo.read_bytes(), LIMITS), rapid, timeout_s=60), photo.name


def test_scene_photos_skip_recognition(rapid: OcrEngine, corpus: Path) -> None:
    photo = sorted((corpus / "ok_prose_docx").glob("IMG_*.jpg"))[0]
    doc = ocr_image_document(photo.name, photo.read_bytes(), rapid, LIMITS)
    assert doc.via == "ocr" and len(doc.pages) == 1 and doc.pages[0].spans == []
