"""Both OCR engines for real, on rendered Chinese text (no mocks of the OCR itself)."""

from __future__ import annotations

import socket
from collections.abc import Callable

import pytest
from PIL import Image

from core.errors import OcrError
from extractors.ocr import OcrEngine, OcrLine, available_engines, get_engine
from extractors.ocr import rapid as rapid_module

TextImage = Callable[..., Image.Image]
BRUSH_FONT = "/usr/share/fonts/truetype/arphic/ukai.ttc"  # AR PL UKai: a brush (kai) hand
PRESIDER = "会议由支部书记李光振同志主持"
ATTENDANCE = "应到党员25名，实到23名"


def _plausible(line: OcrLine, image: Image.Image) -> bool:
    x0, y0, x1, y1 = line.box
    return 0 <= x0 < x1 <= image.width and 0 <= y0 < y1 <= image.height and 0 <= line.confidence <= 1


def test_rapidocr_reads_printed_chinese(rapid: OcrEngine, text_image: TextImage) -> None:
    image = text_image([PRESIDER, ATTENDANCE])
    lines = rapid.read(image)
    texts = [line.text for line in lines]
    assert any(PRESIDER in t for t in texts), texts
    assert any(ATTENDANCE in t for t in texts), texts
    assert all(_plausible(line, image) for line in lines)
    first = next(line for line in lines if PRESIDER in line.text)
    second = next(line for line in lines if ATTENDANCE in line.text)
    assert first.box[3] <= second.box[1] + 5  # first line above the second
    assert first.confidence > 0.9


def test_rapidocr_identity_and_cache(rapid: OcrEngine) -> None:
    assert isinstance(rapid, OcrEngine)
    assert rapid.name == "rapidocr"
    assert rapid.version == "rapidocr 3.10.0"
    assert get_engine("rapidocr") is rapid
    assert {"rapidocr", "tesseract"} <= set(available_engines())


def test_recognition_only_reads_brush_font_name(rapid: OcrEngine, text_image: TextImage) -> None:
    cell = text_image(["王建国"], font=BRUSH_FONT, size=48, margin=12, spacing=1.3)
    line = rapid.read_line(cell)
    assert line.text == "王建国"
    assert line.confidence > 0.8
    assert line.box == (0.0, 0.0, float(cell.width), float(cell.height))


def test_recognition_only_does_not_leak_into_full_reads(rapid: OcrEngine, text_image: TextImage) -> None:
    page = text_image([PRESIDER, ATTENDANCE])
    rapid.read_line(text_image(["李光振"]))
    assert len(rapid.read(page)) >= 2  # detection still on after a recognition-only call


def test_blank_images_give_no_text(rapid: OcrEngine) -> None:
    blank = Image.new("RGB", (400, 200), "white")
    assert rapid.read(blank) == []
    assert rapid.read_line(Image.new("RGB", (120, 40), "white")).text == ""


def test_degenerate_image_raises_typed_error(rapid: OcrEngine) -> None:
    with pytest.raises(OcrError) as err:
        rapid.read(Image.new("RGB", (1, 1), "white"))
    assert err.value.code == "ocr.failed"


def test_unknown_engine_is_a_typed_error() -> None:
    with pytest.raises(OcrError) as err:
        get_engine("no-such-engine")
    assert err.value.code == "ocr.unknown_engine"


def test_rapidocr_never_touches_the_network(monkeypatch: pytest.MonkeyPatch, text_image: TextImage) -> None:
    """A fresh engine loads only the models bundled in the wheel, even with networking broken."""
    from rapidocr.utils.download_file import DownloadFile

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(DownloadFile, "run", classmethod(refuse))
    for path in rapid_module._model_paths().values():
        assert path.is_file() and path.stat().st_size > 100_000
    engine = rapid_module.RapidOcrEngine()
    assert any(PRESIDER in line.text for line in engine.read(text_image([PRESIDER])))
    assert engine.read_line(text_image(["李光振"], margin=8)).text == "李光振"


def test_tesseract_returns_plausible_lines(tess: OcrEngine, text_image: TextImage) -> None:
    image = text_image([PRESIDER, ATTENDANCE], size=48)
    lines = tess.read(image)
    assert tess.name == "tesseract"
    assert tess.version.startswith("tesseract ")
    assert lines, "tesseract found no text at all"
    assert all(_plausible(line, image) and line.text for line in lines)
    assert "".join(line.text for line in lines).count("党") >= 1


def test_tesseract_read_line(tess: OcrEngine, text_image: TextImage) -> None:
    cell = text_image(["李光振"], size=48, margin=12)
    line = tess.read_line(cell)
    assert isinstance(line, OcrLine)
    assert 0.0 <= line.confidence <= 1.0


def test_tesseract_missing_binary_is_ocr_error_with_hint(
    tess: OcrEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(OcrError) as err:
        tess.read(Image.new("RGB", (200, 80), "white"))
    assert "tesseract-ocr-chi-sim" in err.value.hint
