"""An image to a ``Page`` of OCR spans in reading order, and a photo or scan to a ``Document``.

``ocr_page`` reads an upright image (also scanned PDF pages); ``ocr_image_document`` ties
decoding, orientation, page OCR and repair together; ``probe_scene`` tells a scene photo
from a document page cheaply (the pixel pre-classifier ``extractors.imaging.scene`` when it
is sure, text detection otherwise).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PIL import (
    Image,
)

from core.models import Document, FileKind, Origin, Page, TextSpan
from core.settings import Limits
from extractors.imaging.decode import image_kind, load_image
from extractors.imaging.orient import DESKEW_MIN_DEG, orientation, page_skew, turn
from extractors.imaging.repair import repair
from extractors.imaging.scene import PROBE_SIDE, surely_scene
from extractors.ocr import (
    DEFAULT_PAGE_TIMEOUT_S,
    OcrEngine,
    OcrLine,
    SupportsDetect,
    detect_with_timeout,
    read_with_timeout,
)

SCENE_MAX_TEXT_BOXES = 4  # a photo with at most this many detected text boxes is a scene, not a page
SCENE_PROBE_SIDE = 640  # the scene check detects on a copy this large: fixture pages show the same 12-80 boxes as at 800 px, in 0.08 s instead of 0.13
ROW_TOLERANCE = 0.5  # lines whose centres differ by < half a line height share a row


def reading_order(lines: Sequence[OcrLine]) -> list[OcrLine]:
    """Top-to-bottom rows, left-to-right within a row.

    Lines join the current row while their vertical centre is within half a line
    height of the row's centre (so a table row or "时间：… 地点：…" stays together).
    """
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda ln: (_centre_y(ln), ln.box[0])):
        if rows and _same_row(rows[-1], line):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda ln: ln.box[0])]


def _centre_y(line: OcrLine) -> float:
    return (line.box[1] + line.box[3]) / 2


def _height(line: OcrLine) -> float:
    return max(1.0, line.box[3] - line.box[1])


def _same_row(row: list[OcrLine], line: OcrLine) -> bool:
    row_centre = sum(_centre_y(ln) for ln in row) / len(row)
    row_height = sum(_height(ln) for ln in row) / len(row)
    tolerance = ROW_TOLERANCE * (row_height + _height(line)) / 2
    return abs(_centre_y(line) - row_centre) <= tolerance


@dataclass
class OcrPage:
    """An OCR'd page plus the upright image its bboxes refer to (for cropping cells)."""

    page: Page
    image: Image.Image
    angle: float  # counter-clockwise turn applied to the input image (see ``turn``)


def ocr_page(
    image: Image.Image,
    engine: OcrEngine,
    *,
    file: str,
    page: int = 1,
    timeout_s: float = DEFAULT_PAGE_TIMEOUT_S,
    auto_orient: bool = True,
) -> OcrPage:
    """OCR a working-size image into a Page of spans in reading order.

    With ``auto_orient`` a page photographed crooked (``page_skew`` of at least
    DESKEW_MIN_DEG) is first levelled and read again; then that read serves as the
    orientation probe, and only a page found sideways or upside down is turned and read
    again. Bboxes are in pixels of ``OcrPage.image`` = ``turn(image, OcrPage.angle)``.
    """
    source = image
    lines = read_with_timeout(engine, image, timeout_s)
    angle: float = 0
    if auto_orient:
        skew = page_skew(lines)
        if skew is not None and abs(skew) >= DESKEW_MIN_DEG:  # level first: crooked lines mislead orient
            angle = round(skew, 2)
            image = turn(source, angle)
            lines = read_with_timeout(engine, image, timeout_s)
        quarter = orientation(image, engine, lines=lines, timeout_s=timeout_s)
        if quarter:
            angle += quarter
            image = turn(source, angle)  # the one definition of the view, as crops redraw it
            lines = read_with_timeout(engine, image, timeout_s)
    spans = [
        TextSpan(
            text=line.text,
            origin=Origin(file=file, page=page, bbox=line.box),
            confidence=line.confidence,
            via="ocr",
        )
        for line in reading_order(lines)
    ]
    result = Page(
        number=page, spans=spans, width=float(image.width), height=float(image.height), rotation=angle
    )
    return OcrPage(page=result, image=image, angle=angle)


def ocr_image_document(
    file: str,
    data: bytes,
    engine: OcrEngine,
    limits: Limits,
    *,
    timeout_s: float = DEFAULT_PAGE_TIMEOUT_S,
) -> Document:
    """Decode, orient and OCR one image file into a one-page Document.

    The scene check runs on previews decoded at their own small sizes, so an on-site photo
    is never decoded at working size (its page, with no text, has the preview's size).
    Raises ``UnreadableFileError`` for bad images and ``OcrError`` if OCR fails.
    """
    kind = image_kind(data) or FileKind.JPEG  # decodable, so always one of ours
    preview = probe_scene(data, limits, engine, timeout_s)
    if preview is not None:
        page = Page(number=1, spans=[], width=float(preview.width), height=float(preview.height))
        return Document(file=file, kind=kind, pages=[page], via="ocr")
    image = load_image(data, limits)
    result = repair(ocr_page(image, engine, file=file, page=1, timeout_s=timeout_s), engine)
    return Document(file=file, kind=kind, pages=[result.page], via="ocr")


def probe_scene(data: bytes, limits: Limits, engine: OcrEngine, timeout_s: float) -> Image.Image | None:
    """The preview that showed ``data`` is a scene photo, or None for a page (or a picture
    that may be one). The pixel pre-classifier answers when it is sure (a few ms); else
    text detection on a larger preview decides, as ``is_scene``."""
    small = load_image(data, limits, max_side=PROBE_SIDE)
    if surely_scene(small):
        return small
    preview = load_image(data, limits, max_side=SCENE_PROBE_SIDE)
    return preview if is_scene(preview, engine, timeout_s) else None


def is_scene(image: Image.Image, engine: OcrEngine, timeout_s: float) -> bool:
    """A photo with at most a few text boxes (a banner, a slide title) is a scene, not a page:
    detection alone tells, and recognition is not paid for. Engines without ``detect`` say no."""
    if not isinstance(engine, SupportsDetect):
        return False
    scale = max(image.size) / SCENE_PROBE_SIDE
    if scale > 1.0:  # ocr_image_document passes a preview already this small
        image = image.resize(
            (round(image.width / scale), round(image.height / scale)), Image.Resampling.BILINEAR
        )
    return len(detect_with_timeout(engine, image, timeout_s)) <= SCENE_MAX_TEXT_BOXES
