"""Photographed or scanned evidence (JPEG / PNG / WebP / HEIC / TIFF): decode safely, orient, OCR.

``load_image`` turns untrusted bytes into an upright RGB image of working size or
raises ``UnreadableFileError``; ``orient`` fixes pages photographed sideways or
upside down; ``ocr_page`` turns an image into a ``Page`` of OCR spans in reading
order (also usable for scanned PDF pages); ``ocr_image_document`` ties them together.
"""

from __future__ import annotations

import io
import struct
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PIL import (
    Image,
    ImageOps,
    JpegImagePlugin,
    MpoImagePlugin,
    PngImagePlugin,
    TiffImagePlugin,
    WebPImagePlugin,
)

from core.errors import UnreadableFileError
from core.models import Document, FileKind, Origin, Page, TextSpan
from core.settings import Limits
from extractors.imaging.repair import repair
from extractors.ocr import (
    DEFAULT_PAGE_TIMEOUT_S,
    OcrEngine,
    OcrLine,
    SupportsDetect,
    detect_with_timeout,
    read_with_timeout,
)
from ingest import heif
from ingest.exif import too_many_pixels

ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", heif.PIL_FORMAT, "TIFF")  # never EPS, PSD, ... (MPO opens as JPEG)
_PLUGINS = (JpegImagePlugin, MpoImagePlugin, PngImagePlugin, WebPImagePlugin, TiffImagePlugin)  # imported = registered
FORMAT_KINDS = {"JPEG": FileKind.JPEG, "MPO": FileKind.JPEG, "PNG": FileKind.PNG, "WEBP": FileKind.WEBP,
                heif.PIL_FORMAT: FileKind.HEIC, "TIFF": FileKind.TIFF}

WORK_MAX_SIDE = 2000  # long side of the working image (also rapidocr's own internal cap)
WORK_SHORT_SIDE = 1650  # short side of a page: enough for PP-OCR, bounds memory and time
MAX_ASPECT_RATIO = 30.0  # long side / short side; long phone screenshots reach ~10
ORIENT_PROBE_SIDE = 1024  # long side of the downscaled copy used to find the page angle
ORIENT_MIN_CHARS = 6  # below this much elongated text we leave the image as it is
ORIENT_SAMPLE_LINES = 3  # longest lines re-read in the candidate directions
ORIENT_FLIP_MARGIN = 0.1  # mean-confidence gain needed to turn an upright-looking page 180°
SCENE_MAX_TEXT_BOXES = 4  # a photo with at most this many detected text boxes is a scene, not a page
SCENE_PROBE_SIDE = 640  # the scene check detects on a copy this large: fixture pages show the same 12-80 boxes as at 800 px, in 0.08 s instead of 0.13
ROW_TOLERANCE = 0.5  # lines whose centres differ by < half a line height share a row
DESKEW_MIN_DEG = 4.0  # a page tilted at least this much is levelled and read again (at 6-8° form rows ran together)
DESKEW_MAX_DEG = 30.0  # lines further off level (modulo 90°) do not tell a tilted page (stamps, diagrams)
DESKEW_MIN_CHARS = 4  # only lines this long tell the tilt
DESKEW_MIN_LINES = 3

_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError, TypeError)
_EXIF_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error, KeyError, TypeError, IndexError)
_RETRY_HINT = "请重新拍摄或导出图片（JPG/PNG 格式）后再上传。"


# --------------------------------------------------------------------------- decode


def load_image(data: bytes, limits: Limits, *, max_side: int | None = None, frame: int = 0) -> Image.Image:
    """Decode untrusted image bytes into an upright RGB image of working size, or with a
    long side of at most ``max_side`` (a preview: JPEGs then decode at 1/2 to 1/8 scale,
    several times faster).

    ``frame``: the page of a multi-page TIFF (0-based). Raises ``UnreadableFileError``
    (code ``input.limit_exceeded`` for oversized images) instead of crashing or
    exhausting memory.
    """
    img = _open(data, limits)
    if frame:
        _seek(img, frame)
    _check_geometry(img.size, limits)
    _draft(img, working_size(img.size, max_side))
    _decode(img, limits)
    upright = _exif_transpose(img)
    rgb = to_rgb(upright)
    target = working_size(rgb.size, max_side)
    return rgb.resize(target, Image.Resampling.LANCZOS) if target != rgb.size else rgb


def _seek(img: Image.Image, frame: int) -> None:
    try:
        img.seek(frame)
    except (EOFError, *_DECODE_ERRORS) as exc:
        raise UnreadableFileError(f"多页图片没有第 {frame + 1} 页，或该页已损坏", hint=_RETRY_HINT) from exc


def frame_count(data: bytes, limit: int) -> int:
    """Pages of a (multi-page TIFF) image, at most ``limit`` (header walk, no pixels)."""
    heif.register()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as img:
                count = 0
                while count < limit:
                    try:
                        img.seek(count)
                    except EOFError:
                        break
                    count += 1
                return max(1, count)
        except (*_DECODE_ERRORS, Image.DecompressionBombError, Image.DecompressionBombWarning):
            return 1


def image_kind(data: bytes) -> FileKind | None:
    """The accepted image kind of ``data`` per Pillow, or None (header only, cheap)."""
    heif.register()
    try:
        with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as img:
            return FORMAT_KINDS.get(img.format or "")
    except (*_DECODE_ERRORS, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None


def _open(data: bytes, limits: Limits) -> Image.Image:
    Image.MAX_IMAGE_PIXELS = limits.max_image_pixels  # process-wide, as Pillow offers no per-call limit
    heif.register()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise too_many_pixels(None, limits) from exc
    except Image.UnidentifiedImageError as exc:
        raise UnreadableFileError("无法识别的图片格式，或图片文件已损坏", hint=_RETRY_HINT) from exc
    except _DECODE_ERRORS as exc:
        raise _decode_error(exc) from exc


def _check_geometry(size: tuple[int, int], limits: Limits) -> None:
    w, h = size
    if w * h > limits.max_image_pixels:
        raise too_many_pixels(size, limits)
    if min(w, h) < 1 or max(w, h) / min(w, h) > MAX_ASPECT_RATIO:
        raise UnreadableFileError(
            f"图片尺寸异常（{w}×{h}），长宽比过大，不像是纪实照片或扫描件",
            hint="请上传会议记录、签到表或现场照片的原图。",
        )


def _draft(img: Image.Image, target: tuple[int, int]) -> None:
    """Let libjpeg decode big JPEGs at 1/2, 1/4 or 1/8 scale (never below ``target``)."""
    if img.format in ("JPEG", "MPO") and target != img.size:
        img.draft(None, target)


def _decode(img: Image.Image, limits: Limits) -> None:
    try:
        img.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise too_many_pixels(img.size, limits) from exc
    except _DECODE_ERRORS as exc:
        raise _decode_error(exc) from exc


def _decode_error(exc: BaseException) -> UnreadableFileError:
    if isinstance(exc, EOFError) or "truncated" in str(exc).lower():
        return UnreadableFileError("图片文件不完整（可能上传中断）", hint=_RETRY_HINT)
    return UnreadableFileError(f"图片已损坏，无法解码（{type(exc).__name__}）", hint=_RETRY_HINT)


def _exif_transpose(img: Image.Image) -> Image.Image:
    """Apply the EXIF orientation; a corrupt EXIF block is ignored, not fatal."""
    try:
        return ImageOps.exif_transpose(img)
    except _EXIF_ERRORS:
        return img


def to_rgb(img: Image.Image) -> Image.Image:
    """Any decoded mode -> 8-bit RGB; transparency is flattened onto white paper."""
    mode = img.mode
    if mode == "RGB":
        return img
    if mode.startswith("I;16") or mode in ("I", "F"):
        return Image.fromarray(_to_uint8(np.asarray(img))).convert("RGB")  # 2-D uint8 -> "L"
    if _has_alpha(img):
        rgba = img.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, rgba).convert("RGB")
    return img.convert("RGB")  # L, 1, P, CMYK (Adobe-inverted handled by Pillow), YCbCr, LAB, ...


def _has_alpha(img: Image.Image) -> bool:
    return img.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (img.mode == "P" and "transparency" in img.info)


def _to_uint8(arr: np.ndarray) -> np.ndarray:
    """Scale 16/32-bit integer or float samples to 0..255 (proportionally, never clipping)."""
    values = arr.astype(np.float64)
    if arr.dtype.kind == "u" and arr.dtype.itemsize == 2:
        scaled = values * (255.0 / 65535.0)
    else:
        lo, hi = float(values.min(initial=0.0)), float(values.max(initial=0.0))
        if lo >= 0 and hi <= 255 and arr.dtype.kind in "iu":
            scaled = values
        elif lo >= 0 and hi <= 65535 and arr.dtype.kind in "iu":
            scaled = values * (255.0 / 65535.0)
        else:
            scaled = (values - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(values)
    return np.clip(np.rint(scaled), 0, 255).astype(np.uint8)


def working_size(size: tuple[int, int], max_side: int | None = None) -> tuple[int, int]:
    """Downscaled (never upscaled) size: long side <= WORK_MAX_SIDE (and ``max_side``),
    short side <= WORK_SHORT_SIDE. The same either way round, so EXIF rotation does not matter."""
    w, h = size
    long_side = min(WORK_MAX_SIDE, max_side or WORK_MAX_SIDE)
    scale = min(1.0, long_side / max(w, h), WORK_SHORT_SIDE / max(1, min(w, h)))
    return max(1, round(w * scale)), max(1, round(h * scale))


# ------------------------------------------------------------------------- orient

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
    as_read: bool = False  # the lines were read from the full image as it stands (their confidence is the 0° score)


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
    tall = sum(len(ln.text) for ln in elongated if _is_tall(ln.box))
    wide = sum(len(ln.text) for ln in elongated if not _is_tall(ln.box))
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
    result = Page(number=page, spans=spans, width=float(image.width), height=float(image.height), rotation=angle)
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

    The scene check runs on a preview decoded at its own small size, so an on-site photo
    is never decoded at working size (its page, with no text, has the preview's size).
    Raises ``UnreadableFileError`` for bad images and ``OcrError`` if OCR fails.
    """
    preview = load_image(data, limits, max_side=SCENE_PROBE_SIDE)
    kind = image_kind(data) or FileKind.JPEG  # decodable, so always one of ours
    if is_scene(preview, engine, timeout_s):
        page = Page(number=1, spans=[], width=float(preview.width), height=float(preview.height))
        return Document(file=file, kind=kind, pages=[page], via="ocr")
    image = load_image(data, limits)
    result = repair(ocr_page(image, engine, file=file, page=1, timeout_s=timeout_s), engine)
    return Document(file=file, kind=kind, pages=[result.page], via="ocr")


def is_scene(image: Image.Image, engine: OcrEngine, timeout_s: float) -> bool:
    """A photo with at most a few text boxes (a banner, a slide title) is a scene, not a page:
    detection alone tells, and recognition is not paid for. Engines without ``detect`` say no."""
    if not isinstance(engine, SupportsDetect):
        return False
    scale = max(image.size) / SCENE_PROBE_SIDE
    if scale > 1.0:  # ocr_image_document passes a preview already this small
        image = image.resize((round(image.width / scale), round(image.height / scale)), Image.Resampling.BILINEAR)
    return len(detect_with_timeout(engine, image, timeout_s)) <= SCENE_MAX_TEXT_BOXES
