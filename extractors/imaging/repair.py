"""Second looks at an OCR'd page: lines read badly are read again, dropped lines recovered.

PP-OCR's angle classifier turns some handwritten lines with 《》 upside down
(``《…》第四卷`` comes back as ``《》``, even with confidence 0.99), and a line whose
score falls below the detector's threshold vanishes silently. Both repairs use
recognition only (``read_line``) on crops of the upright page image, and are
applied to OCR'd photos and scanned PDF pages alike.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from core.errors import OcrError
from core.models import BBox, TextSpan
from extractors.ocr import OcrEngine

if TYPE_CHECKING:
    from extractors.imaging.page import OcrPage

REREAD_BELOW = 0.8  # OCR lines read with less confidence are read again, recognition only
REREAD_SHORT = 0.4  # ... and lines with fewer characters than this share of their box's width/height
INK_LEVEL = 110  # grey values below this are ink (light-blue rulings of record books are not)
MIN_INK_SHARE = 0.01  # a pixel row with ink on at least this share of the width carries text
RECOVERED_MIN_CONFIDENCE = 0.7  # a dropped line read from its ink band is kept from this confidence
MIN_TEXT_LINES = 5  # pages with fewer lines are scene photos: nothing to repair
TITLE_LINES = 3


def repair(result: OcrPage, engine: OcrEngine) -> OcrPage:
    """Both repairs, on pages of running text (a scene photo or a sign-in sheet is left
    alone: a sheet's names are read cell by cell by extractors.signin.image)."""
    if len(result.page.spans) < MIN_TEXT_LINES or _is_signin_sheet(result):
        return result
    return recover_dropped_lines(reread_weak_lines(result, engine), engine)


def reread_weak_lines(result: OcrPage, engine: OcrEngine) -> OcrPage:
    """Read suspect lines again from their crop, recognition only; keep the better reading.

    Suspect: a low confidence, or far too few characters for the box (PP-OCR's angle
    classifier turned the line upside down and ``《…》第四卷`` came back as ``《》``, even
    with confidence 0.99). A reread replaces a suspect line when it is more confident, or
    as confident and about as long as the box says.
    """
    spans = []
    for span in result.page.spans:
        better = _reread(result.image, span, engine) if is_suspect(span) else None
        spans.append(better if better is not None and _improves(better, span) else span)
    result.page.spans = spans
    return result


def is_suspect(span: TextSpan) -> bool:
    return span.confidence < REREAD_BELOW or len(span.text.strip()) < REREAD_SHORT * _box_chars(span)


def _box_chars(span: TextSpan) -> float:
    x0, y0, x1, y1 = span.origin.bbox or (0.0, 0.0, 0.0, 0.0)
    return (x1 - x0) / max(1.0, y1 - y0)


def _improves(new: TextSpan, old: TextSpan) -> bool:
    if new.confidence > old.confidence:
        return True
    filled = len(new.text.strip()) >= REREAD_SHORT * _box_chars(new) > len(old.text.strip())
    return filled and new.confidence >= REREAD_BELOW


def _reread(image: Image.Image, span: TextSpan, engine: OcrEngine) -> TextSpan | None:
    x0, y0, x1, y1 = span.origin.bbox or (0.0, 0.0, 0.0, 0.0)
    pad = 0.1 * (y1 - y0)
    box = (
        max(0, int(x0 - pad)),
        max(0, int(y0 - pad)),
        min(image.width, int(x1 + pad)),
        min(image.height, int(y1 + pad)),
    )
    if box[2] - box[0] < 2 or box[3] - box[1] < 2:
        return None
    try:
        line = engine.read_line(image.crop(box))
    except OcrError:
        return None
    return replace(span, text=line.text, confidence=line.confidence) if line.text.strip() else None


def recover_dropped_lines(result: OcrPage, engine: OcrEngine) -> OcrPage:
    """Read the ink bands no OCR box covers, recognition only.

    PP-OCR drops a line whose (angle-classified, then recognised) score falls below its
    threshold, silently: a handwritten 全体党员在…领誓 line can vanish. Ink rows outside
    every box, as tall as a text line, are cropped and read; a confident reading is added.
    """
    spans = result.page.spans
    if not spans:
        return result
    height = float(np.median([s.origin.bbox[3] - s.origin.bbox[1] for s in spans if s.origin.bbox]))
    ink = _uncovered_ink(result.image, spans)
    for top, bottom in _ink_bands(ink, height):
        columns = np.flatnonzero(ink[top:bottom].any(axis=0))
        box = (float(columns[0]), float(top), float(columns[-1] + 1), float(bottom))
        found = _read_band(result.image, box, spans[0], engine)
        if found is not None:
            spans.insert(
                next(
                    (i for i, s in enumerate(spans) if s.origin.bbox and s.origin.bbox[1] > top), len(spans)
                ),
                found,
            )
    return result


def _uncovered_ink(image: Image.Image, spans: list[TextSpan]) -> np.ndarray:
    ink = np.asarray(image.convert("L")) < INK_LEVEL
    for span in spans:
        x0, y0, x1, y1 = (int(v) for v in span.origin.bbox or (0, 0, 0, 0))
        ink[max(0, y0 - 2) : y1 + 3, max(0, x0 - 2) : x1 + 3] = False
    return ink


def _ink_bands(ink: np.ndarray, height: float) -> list[tuple[int, int]]:
    """Runs of pixel rows carrying text-like ink, about one text line tall."""
    rows = ink.sum(axis=1) >= max(4, MIN_INK_SHARE * ink.shape[1])
    bands: list[tuple[int, int]] = []
    start = None
    for y, on in enumerate([*rows, False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            if bands and start - bands[-1][1] < 0.2 * height:
                start = bands.pop()[0]  # a gap inside one line of handwriting
            bands.append((start, y))
            start = None
    return [(a, b) for a, b in bands if 0.4 * height <= b - a <= 2.0 * height]


def _read_band(image: Image.Image, box: BBox, like: TextSpan, engine: OcrEngine) -> TextSpan | None:
    pad = 0.15 * (box[3] - box[1])
    crop = image.crop(
        (
            max(0, int(box[0] - pad)),
            max(0, int(box[1] - pad)),
            min(image.width, int(box[2] + pad)),
            min(image.height, int(box[3] + pad)),
        )
    )
    try:
        line = engine.read_line(crop)
    except OcrError:
        return None
    if line.confidence < RECOVERED_MIN_CONFIDENCE or len(line.text.strip()) < 2:
        return None
    return TextSpan(line.text, replace(like.origin, bbox=box), line.confidence, via="ocr")


def _is_signin_sheet(result: OcrPage) -> bool:
    return any("签到" in span.text or "签名" in span.text for span in result.page.spans[:TITLE_LINES])
