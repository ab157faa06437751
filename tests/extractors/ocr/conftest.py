"""Shared fixtures for the OCR tests: real engines (loaded once) and real rendered text."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.ocr import OcrEngine, get_engine

CJK_FONT = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"  # no Latin glyphs
BRUSH_FONT = "/usr/share/fonts/truetype/arphic/ukai.ttc"
LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

TextImage = Callable[..., Image.Image]


def _font_for(
    char: str, cjk: ImageFont.FreeTypeFont, latin: ImageFont.FreeTypeFont
) -> ImageFont.FreeTypeFont:
    return latin if ord(char) < 0x2E80 else cjk  # Droid Sans Fallback has no digits or Latin


def render_lines(
    lines: Sequence[str],
    *,
    size: int = 40,
    font: str = CJK_FONT,
    width: int | None = None,
    margin: int = 40,
    spacing: float = 1.9,
) -> Image.Image:
    """White image with black text lines, one font per glyph (CJK font + Latin fallback)."""
    cjk, latin = ImageFont.truetype(font, size), ImageFont.truetype(LATIN_FONT, size)
    text_width = max(sum(_font_for(c, cjk, latin).getlength(c) for c in line) for line in lines)
    image = Image.new(
        "RGB", (width or int(text_width) + 2 * margin, int(2 * margin + spacing * size * len(lines))), "white"
    )
    draw = ImageDraw.Draw(image)
    y = float(margin)
    for line in lines:
        x = float(margin)
        for char in line:
            glyph_font = _font_for(char, cjk, latin)
            draw.text((x, y), char, font=glyph_font, fill="black")
            x += glyph_font.getlength(char)
        y += spacing * size
    return image


@pytest.fixture(scope="session")
def text_image() -> TextImage:
    return render_lines


@pytest.fixture(scope="session")
def rapid() -> OcrEngine:
    return get_engine("rapidocr")


@pytest.fixture(scope="session")
def tess() -> OcrEngine:
    return get_engine("tesseract")
