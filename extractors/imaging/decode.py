"""Untrusted image bytes to an upright RGB image of working size, or ``UnreadableFileError``.

JPEG / PNG / WebP / HEIC / TIFF only (never EPS, PSD, ...), under the pixel limit, EXIF
orientation applied, frames of a multi-page TIFF one at a time.
"""

from __future__ import annotations

import io
import struct
import warnings

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
from core.models import FileKind
from core.settings import Limits
from ingest import heif
from ingest.exif import too_many_pixels

ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", heif.PIL_FORMAT, "TIFF")  # never EPS, PSD, ... (MPO opens as JPEG)
_PLUGINS = (
    JpegImagePlugin,
    MpoImagePlugin,
    PngImagePlugin,
    WebPImagePlugin,
    TiffImagePlugin,
)  # imported = registered
FORMAT_KINDS = {
    "JPEG": FileKind.JPEG,
    "MPO": FileKind.JPEG,
    "PNG": FileKind.PNG,
    "WEBP": FileKind.WEBP,
    heif.PIL_FORMAT: FileKind.HEIC,
    "TIFF": FileKind.TIFF,
}
WORK_MAX_SIDE = 2000  # long side of the working image (also rapidocr's own internal cap)
WORK_SHORT_SIDE = 1650  # short side of a page: enough for PP-OCR, bounds memory and time
MAX_ASPECT_RATIO = 30.0  # long side / short side; long phone screenshots reach ~10
# libheif (pillow-heif) reports every decoding failure of a broken HEIC as RuntimeError
# ("Security limit exceeded", "Invalid input"): bad input like the others
_DECODE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    struct.error,
    IndexError,
    TypeError,
    RuntimeError,
)
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
