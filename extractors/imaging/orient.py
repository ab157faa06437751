"""Turning pages upright: quarter turns from the text direction, and levelling a tilted photo."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PIL import (
    Image,
)

from extractors.ocr import (
    DEFAULT_PAGE_TIMEOUT_S,
    OcrEngine,
    OcrLine,
    read_with_timeout,
)

ORIENT_PROBE_SIDE = 1024  # long side of the downscaled copy used to find the page angle
ORIENT_MIN_CHARS = 6  # below this much elongated text we leave the image as it is
ORIENT_SAMPLE_LINES = 3  # longest lines re-read in the candidate directions
ORIENT_FLIP_MARGIN = 0.1  # mean-confidence gain needed to turn an upright-looking page 180°
DESKEW_MIN_DEG = (
    4.0  # a page tilted at least this much is levelled and read again (at 6-8° form rows ran together)
)
DESKEW_MAX_DEG = 30.0  # lines further off level (modulo 90°) do not tell a tilted page (stamps, diagrams)
DESKEW_MIN_CHARS = 4  # only lines this long tell the tilt
DESKEW_MIN_LINES = 3


_TRANSPOSE = {
    90: Image.Transpose.ROTATE_90,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_270,
}


def rotate(image: Image.Image, angle: int) -> Image.Image:
    """Rotate counter-clockwise by a multiple of 90 degrees (lossless)."""
    angle %= 360
    return image if angle == 0 else image.transpose(_TRANSPOSE[angle])


def turn(image: Image.Image, degrees: float) -> Image.Image:
    """Turn counter-clockwise by ``degrees`` as ``ocr_page`` did (``Page.rotation``): the
    nearest multiple of 90 losslessly, then the remaining few degrees of deskew on a canvas
    grown to fit, filled white. The same input always gives the same pixels."""
    quarter = round(degrees / 90) * 90
    upright = rotate(image, quarter % 360)
    rest = round(degrees - quarter, 2)
    if rest == 0:
        return upright
    return upright.rotate(rest, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(255, 255, 255))


def page_skew(lines: Sequence[OcrLine]) -> float | None:
    """The page's tilt in degrees (the turn that levels it, whichever way up the page is),
    from the slopes of its longer lines taken modulo 90° (a sideways page's lines run
    near ±90°): the length-weighted median, or None when too few lines tell."""
    found = []
    for ln in lines:
        if ln.slope is None or len(ln.text.strip()) < DESKEW_MIN_CHARS:
            continue
        residual = (ln.slope + 45.0) % 90.0 - 45.0
        if abs(residual) <= DESKEW_MAX_DEG:
            found.append((residual, max(ln.box[2] - ln.box[0], ln.box[3] - ln.box[1])))
    if len(found) < DESKEW_MIN_LINES:
        return None
    found.sort()
    half, total = sum(w for _, w in found) / 2, 0.0
    for slope, length in found:
        total += length
        if total >= half:
            return slope
    return None


@dataclass(frozen=True)
class _Probe:
    lines: list[OcrLine]
    scale: float  # full-size pixels per probe pixel
    as_read: bool = (
        False  # the lines were read from the full image as it stands (their confidence is the 0° score)
    )


def orient(
    image: Image.Image,
    engine: OcrEngine,
    *,
    lines: Sequence[OcrLine] | None = None,
    timeout_s: float = DEFAULT_PAGE_TIMEOUT_S,
) -> tuple[Image.Image, int]:
    """Turn a page photographed sideways or upside down upright.

    Returns the upright image and the counter-clockwise angle (0, 90, 180, 270) it was
    rotated by. PP-OCR's own angle classifier only flips single lines by 180°, so:

    1. look at the text-line boxes (``lines`` = ``engine.read(image)`` if the caller
       has it, else a read of a copy downscaled to 1024 px): if most text sits in
       tall boxes the page lies on its side (90 or 270), else it is upright or upside
       down (0 or 180);
    2. crop the longest lines from the full image, recognise each (recognition only,
       no angle classifier) in both candidate directions and keep the direction with
       the higher mean confidence: text the wrong way up reads as low-confidence
       garbage. Turning an upright-looking page by 180° needs a clear margin. When
       ``lines`` come from reading this very image, their own confidences are the
       upright score, so a confidently read upright page costs no extra reading.

    Images with too little text (people photos) are returned unchanged.
    """
    angle = orientation(image, engine, lines=lines, timeout_s=timeout_s)
    return rotate(image, angle), angle


def orientation(
    image: Image.Image,
    engine: OcrEngine,
    *,
    lines: Sequence[OcrLine] | None = None,
    timeout_s: float = DEFAULT_PAGE_TIMEOUT_S,
) -> int:
    """The counter-clockwise quarter turn ``orient`` would apply, without applying it."""
    probe = _Probe(list(lines), 1.0, as_read=True) if lines is not None else _probe(image, engine, timeout_s)
    return _page_angle(image, engine, probe)


def _page_angle(image: Image.Image, engine: OcrEngine, probe: _Probe) -> int:
    elongated = [ln for ln in probe.lines if len(ln.text.strip()) >= 2 and _elongation(ln.box) >= 2.0]
    tall = sum(_cells(ln) for ln in elongated if _is_tall(ln.box))
    wide = sum(_cells(ln) for ln in elongated if not _is_tall(ln.box))
    if tall + wide < ORIENT_MIN_CHARS:
        return 0
    sideways = tall > wide
    sample = sorted((ln for ln in elongated if _is_tall(ln.box) == sideways), key=_length, reverse=True)
    sample = sample[:ORIENT_SAMPLE_LINES]
    first, second = (90, 270) if sideways else (0, 180)
    margin = 0.0 if sideways else ORIENT_FLIP_MARGIN
    crops = [_crop(image, ln.box, probe.scale) for ln in sample]
    if probe.as_read and not sideways:
        score_first = sum(ln.confidence for ln in sample) / len(sample)
    else:
        score_first = _mean_confidence(engine, crops, first)
    if score_first + margin >= 1.0:  # the other direction cannot win: skip reading it
        return first
    return second if _mean_confidence(engine, crops, second) > score_first + margin else first


def _probe(image: Image.Image, engine: OcrEngine, timeout_s: float) -> _Probe:
    scale = max(1.0, max(image.size) / ORIENT_PROBE_SIDE)
    small = image
    if scale > 1.0:
        small = image.resize(
            (round(image.width / scale), round(image.height / scale)), Image.Resampling.BILINEAR
        )
    return _Probe(lines=read_with_timeout(engine, small, timeout_s), scale=scale)


def _cells(line: OcrLine) -> float:
    """How many characters a line holds: as read, or as its box says when the reading is
    shorter. A sideways page's lines are turned the wrong way for the recogniser and come
    back as a few characters of garbage (a 20-character line read as ``（：《》3``), so the
    text length alone took a sideways page for one with too little text to orient."""
    return max(float(len(line.text.strip())), _elongation(line.box))


def _elongation(box: Sequence[float]) -> float:
    w, h = box[2] - box[0], box[3] - box[1]
    return max(w, h) / max(1.0, min(w, h))


def _is_tall(box: Sequence[float]) -> bool:
    return (box[3] - box[1]) > (box[2] - box[0])


def _length(line: OcrLine) -> float:
    return max(line.box[2] - line.box[0], line.box[3] - line.box[1])


def _crop(image: Image.Image, box: Sequence[float], scale: float) -> Image.Image:
    pad = 0.15 * min(box[2] - box[0], box[3] - box[1]) * scale
    x0, y0 = max(0, int(box[0] * scale - pad)), max(0, int(box[1] * scale - pad))
    x1, y1 = min(image.width, int(box[2] * scale + pad) + 1), min(image.height, int(box[3] * scale + pad) + 1)
    return image.crop((x0, y0, x1, y1))


def _mean_confidence(engine: OcrEngine, crops: list[Image.Image], angle: int) -> float:
    scores = [engine.read_line(rotate(crop, angle)).confidence for crop in crops]
    return sum(scores) / len(scores) if scores else 0.0


# -------------------------------------------------------------------------- pages
