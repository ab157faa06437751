"""load_image on hostile and unusual inputs, working size and reading order (no OCR engine)."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from core.errors import UnreadableFileError
from core.models import FileKind
from core.settings import Limits
from extractors.imaging.decode import (
    WORK_MAX_SIDE,
    WORK_SHORT_SIDE,
    image_kind,
    load_image,
    to_rgb,
    working_size,
)
from extractors.imaging.orient import orientation, page_skew, rotate, turn
from extractors.imaging.page import reading_order
from extractors.ocr import OcrLine

LIMITS = Limits()


def _encode(image: Image.Image, fmt: str, **params: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt, **params)
    return buf.getvalue()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG whose IHDR claims ``width`` x ``height`` RGB pixels."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + _png_chunk(b"IEND", b"")
    )


def _sample_page() -> Image.Image:
    image = Image.new("RGB", (320, 240), "white")
    image.paste((0, 0, 0), (20, 20, 300, 40))  # a dark "text line" near the top
    return image


# ------------------------------------------------------------------------ hostile


@pytest.mark.parametrize("dims", [(100_000, 100_000), (10_000, 7_000), (13_000, 10_000)])
def test_decompression_bomb_is_rejected(dims: tuple[int, int]) -> None:
    with pytest.raises(UnreadableFileError) as err:
        load_image(_png_header_only(*dims), LIMITS)
    assert err.value.code == "input.limit_exceeded"
    assert "像素" in err.value.message


def test_pixel_limit_comes_from_limits() -> None:
    data = _encode(Image.new("RGB", (300, 300), "white"), "PNG")
    with pytest.raises(UnreadableFileError) as err:
        load_image(data, Limits(max_image_pixels=50_000))
    assert err.value.code == "input.limit_exceeded"


def test_truncated_jpeg_is_reported_incomplete() -> None:
    data = _encode(Image.effect_noise((800, 600), 60).convert("RGB"), "JPEG", quality=90)
    with pytest.raises(UnreadableFileError) as err:
        load_image(data[: len(data) // 2], LIMITS)
    assert err.value.code == "input.unreadable"
    assert "图片文件不完整" in err.value.message


def test_truncated_png_is_unreadable() -> None:
    data = _encode(Image.effect_noise((400, 300), 60).convert("RGB"), "PNG")
    with pytest.raises(UnreadableFileError):
        load_image(data[: len(data) // 2], LIMITS)


@pytest.mark.parametrize("size", [(1, 50_000), (50_000, 1), (40, 4_000)])
def test_absurd_aspect_ratio_is_rejected(size: tuple[int, int]) -> None:
    with pytest.raises(UnreadableFileError) as err:
        load_image(_encode(Image.new("L", size, 255), "PNG"), LIMITS)
    assert "长宽比" in err.value.message


@pytest.mark.parametrize("data", [b"", b"hello", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n"])
def test_garbage_is_unreadable(data: bytes) -> None:
    with pytest.raises(UnreadableFileError):
        load_image(data, LIMITS)


def test_other_formats_are_not_decoded() -> None:
    for fmt in ("GIF", "BMP"):  # TIFF is accepted: scanners save multi-page TIFF (issue 10)
        with pytest.raises(UnreadableFileError):
            load_image(_encode(Image.new("RGB", (50, 50), "red"), fmt), LIMITS)
    assert image_kind(_encode(Image.new("RGB", (50, 50), "red"), "GIF")) is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    base=st.sampled_from(["JPEG", "PNG", "WEBP"]),
    cut=st.integers(min_value=0, max_value=4000),
    flips=st.lists(st.tuples(st.integers(0, 4000), st.integers(0, 255)), max_size=8),
)
def test_mangled_files_never_crash(base: str, cut: int, flips: list[tuple[int, int]]) -> None:
    data = bytearray(_encode(_sample_page(), base))
    for pos, value in flips:
        data[pos % len(data)] = value
    data = data[: max(1, len(data) - cut)]
    try:
        image = load_image(bytes(data), LIMITS)
    except UnreadableFileError:
        return
    assert image.mode == "RGB" and image.width > 0 and image.height > 0


# ---------------------------------------------------------------------- conversion


def test_cmyk_jpeg_becomes_rgb() -> None:
    image = load_image(_encode(Image.new("CMYK", (300, 200), (0, 255, 255, 0)), "JPEG"), LIMITS)
    assert image.mode == "RGB"
    r, g, b = np.asarray(image).reshape(-1, 3).mean(axis=0)
    assert r > 240 and g < 20 and b < 20  # red, not inverted


def test_16_bit_png_is_scaled_not_clipped() -> None:
    ramp = np.linspace(0, 65535, 256 * 64).reshape(64, 256).astype(np.uint16)
    data = _encode(Image.fromarray(ramp), "PNG")
    assert Image.open(io.BytesIO(data)).mode.startswith("I;16")
    image = load_image(data, LIMITS)
    pixels = np.asarray(image)[:, :, 0]
    assert image.mode == "RGB"
    assert pixels.min() == 0 and pixels.max() == 255
    assert 120 < pixels.mean() < 135  # a clip at 255 would make it almost all white


def test_32_bit_integer_image_is_scaled() -> None:
    image = to_rgb(Image.fromarray(np.full((40, 60), 30000, dtype=np.int32), mode="I"))
    assert image.mode == "RGB"
    assert 100 < np.asarray(image).mean() < 140
    assert np.asarray(to_rgb(Image.fromarray(np.full((4, 4), 200, dtype=np.int32), mode="I"))).max() == 200


def test_transparent_images_are_flattened_on_white() -> None:
    rgba = Image.new("RGBA", (100, 60), (0, 0, 0, 0))
    rgba.paste((0, 0, 0, 255), (10, 10, 90, 20))  # opaque black text on transparent paper
    for image in (rgba, rgba.convert("LA")):
        pixels = np.asarray(load_image(_encode(image, "PNG"), LIMITS))
        assert pixels[0, 0].tolist() == [255, 255, 255]
        assert pixels[15, 50].tolist() == [0, 0, 0]


def test_palette_with_transparency() -> None:
    image = Image.new("P", (80, 40), 0)
    image.putpalette([0, 0, 0, 200, 0, 0] + [0] * 762)
    image.paste(1, (0, 0, 40, 40))
    data = _encode(image, "PNG", transparency=0)
    pixels = np.asarray(load_image(data, LIMITS))
    assert pixels[20, 60].tolist() == [255, 255, 255]  # transparent index -> white paper
    assert pixels[20, 10].tolist() == [200, 0, 0]


def test_grayscale_and_bilevel_become_rgb() -> None:
    for mode in ("L", "1"):
        assert load_image(_encode(Image.new(mode, (50, 40), 0), "PNG"), LIMITS).mode == "RGB"


def test_webp_is_decoded() -> None:
    data = _encode(Image.new("RGB", (64, 48), (0, 0, 255)), "WEBP", lossless=True)
    assert image_kind(data) is FileKind.WEBP
    assert np.asarray(load_image(data, LIMITS))[10, 10].tolist() == [0, 0, 255]


# ----------------------------------------------------------------- orientation, size


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_exif_orientation_is_always_applied(orientation: int) -> None:
    upright = _sample_page()  # landscape, dark bar at the top
    stored = rotate(upright, {3: 180, 6: 90, 8: 270}[orientation])
    exif = Image.Exif()
    exif[0x0112] = orientation
    image = load_image(_encode(stored, "JPEG", quality=95, exif=exif), LIMITS)
    assert image.size == upright.size
    pixels = np.asarray(image.convert("L"))
    assert pixels[25:35, 40:280].mean() < 60 and pixels[200:230, 40:280].mean() > 200


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data")
def test_corrupt_exif_is_ignored() -> None:
    data = _encode(_sample_page(), "JPEG", exif=b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\xff\xff")
    assert load_image(data, LIMITS).size == (320, 240)


def test_big_jpeg_is_reduced_to_working_size() -> None:
    data = _encode(Image.new("RGB", (6000, 4000), "white"), "JPEG")
    image = load_image(data, LIMITS)
    assert image.size == working_size((6000, 4000))
    assert max(image.size) <= WORK_MAX_SIDE


@pytest.mark.parametrize("orientation", [1, 6])
def test_preview_is_small_and_upright(orientation: int) -> None:
    upright = Image.new("RGB", (4000, 3000), "white")
    ImageDraw.Draw(upright).rectangle((0, 0, 4000, 300), fill="black")  # a dark band at the top
    exif = Image.Exif()
    exif[0x0112] = orientation
    stored = upright if orientation == 1 else rotate(upright, 90)
    preview = load_image(_encode(stored, "JPEG", quality=90, exif=exif), LIMITS, max_side=640)
    assert preview.size == (640, 480) == working_size((4000, 3000), 640)
    pixels = np.asarray(preview.convert("L"))
    assert pixels[:40].mean() < 60 and pixels[100:].mean() > 200


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((800, 600), (800, 600)),  # never upscaled
        ((2480, 3508), (1414, 2000)),  # A4 at 300 dpi: long side bound
        ((3300, 1800), (2000, 1091)),
        ((1650, 1900), (1650, 1900)),
        ((2000, 2000), (WORK_SHORT_SIDE, WORK_SHORT_SIDE)),  # square: short side bound
    ],
)
def test_working_size(size: tuple[int, int], expected: tuple[int, int]) -> None:
    assert working_size(size) == expected


# -------------------------------------------------------------------- reading order


def _line(text: str, x0: float, y0: float, x1: float, y1: float) -> OcrLine:
    return OcrLine(text=text, box=(x0, y0, x1, y1), confidence=0.9)


def test_reading_order_rows_then_columns() -> None:
    lines = [
        _line("地点：活动室", 500, 104, 800, 146),  # same row as 时间, a few px lower
        _line("主持人：李光振", 100, 200, 400, 240),
        _line("时间：5月20日", 100, 100, 400, 140),
        _line("标题", 300, 20, 500, 60),
    ]
    assert [ln.text for ln in reading_order(lines)] == [
        "标题",
        "时间：5月20日",
        "地点：活动室",
        "主持人：李光振",
    ]


def test_reading_order_separates_close_rows() -> None:
    lines = [_line("下", 0, 130, 100, 170), _line("右上", 200, 100, 300, 140), _line("左上", 0, 98, 100, 138)]
    assert [ln.text for ln in reading_order(lines)] == ["左上", "右上", "下"]


def test_reading_order_empty() -> None:
    assert reading_order([]) == []


# --------------------------------------------------------------------------- deskew


def _sloped(text: str, width: float, slope: float | None) -> OcrLine:
    return OcrLine(text, (0.0, 0.0, width, 30.0), 0.99, slope)


def test_page_skew_is_the_length_weighted_median() -> None:
    lines = [
        _sloped("会议由李光振同志主持", 800, -9.0),
        _sloped("应到党员25名", 500, -8.0),
        _sloped("记录人：王芳", 300, -10.5),
        _sloped("签名", 100, 30.0),
        _sloped("地点", 120, None),
    ]
    assert page_skew(lines) == -9.0


def test_page_skew_of_a_sideways_page_is_taken_modulo_90() -> None:
    lines = [
        _sloped("会议由李光振同志主持", 40, -84.0),
        _sloped("应到党员25名", 40, -84.5),
        _sloped("记录人：王芳", 40, 96.0),
    ]
    assert page_skew(lines) == pytest.approx(6.0)


def test_page_skew_needs_enough_long_lines() -> None:
    assert page_skew([_sloped("会议由李光振同志主持", 800, -9.0), _sloped("应到党员25名", 500, -8.0)]) is None
    assert page_skew([_sloped("张明", 100, -9.0)] * 5) is None  # names and labels do not tell


@pytest.mark.parametrize("degrees", [0, 90, -8.5, 98.5, 270, 181.0])
def test_turn_is_quarter_turns_then_the_rest(degrees: float) -> None:
    image = _sample_page()
    quarter = round(degrees / 90) * 90
    turned = turn(image, degrees)
    if degrees == quarter:
        assert np.array_equal(np.asarray(turned), np.asarray(rotate(image, quarter % 360)))
    else:
        base = rotate(image, quarter % 360)
        assert turned.width > base.width and turned.height > base.height  # grown to fit, corners white
        assert np.asarray(turned)[0, 0].tolist() == [255, 255, 255]
    assert np.array_equal(np.asarray(turned), np.asarray(turn(image, degrees)))  # the same pixels every time


class _WideReader:
    """Reads a crop confidently when its text runs across it (it was turned the right way)."""

    name = "wide"
    version = "0"

    def read(self, image: Image.Image) -> list[OcrLine]:
        return []

    def read_line(self, image: Image.Image) -> OcrLine:
        wide = image.width > image.height
        return OcrLine(
            "会议记录" if wide else "", (0.0, 0.0, image.width, image.height), 0.95 if wide else 0.1
        )


def test_a_sideways_page_read_as_garbage_is_still_turned() -> None:
    """A sideways scan's lines come back as a few characters of garbage (``（：《》3`` for a
    20-character line): their tall boxes, not the characters read, tell it lies on its side."""
    image = Image.new("RGB", (2000, 1414), "white")
    lines = [
        OcrLine("（：《》3", (303.0, 436.0, 347.0, 1220.0), 0.71),
        OcrLine("0", (395.0, 368.0, 434.0, 1220.0), 0.71),
    ]
    assert orientation(image, _WideReader(), lines=lines) in (90, 270)
    upright = [
        OcrLine("会议", (100.0, 100.0, 180.0, 140.0), 0.99),
        OcrLine("0", (300.0, 100.0, 340.0, 900.0), 0.5),
    ]
    assert orientation(image, _WideReader(), lines=upright) == 0  # too little text either way
