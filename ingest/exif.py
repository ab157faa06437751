"""Image header checks and EXIF reading, without decoding pixel data.

``Image.open`` is lazy: it parses the header (size, mode, EXIF segment) and
stops. Pixel decoding is left to the extractors.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from PIL import Image

from core.errors import ErrorCode, LimitExceededError, UnreadableFileError
from core.models import ExifInfo, FileKind
from core.settings import Limits
from ingest import heif

EXIF_IFD = 0x8769
TAG_ORIENTATION = 274
TAG_DATETIME = 306
TAG_DATETIME_ORIGINAL = 36867
TAG_SOFTWARE = 305
TAG_MAKE = 271
TAG_MODEL = 272
MAX_TEXT_CHARS = 200  # longer Software/Make/Model strings are junk

PIL_FORMATS = {
    FileKind.JPEG: "JPEG",
    FileKind.PNG: "PNG",
    FileKind.WEBP: "WEBP",
    FileKind.HEIC: heif.PIL_FORMAT,
    FileKind.TIFF: "TIFF",
}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
EXIF_DATETIME_RE = re.compile(r"^\s*(\d{4})[:\-/](\d{2})[:\-/](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")


@contextmanager
def _open(data: bytes, kind: FileKind | None) -> Iterator[Image.Image]:
    """Open lazily, restricted to the sniffed format, with Pillow's warnings silenced.

    Pillow warns (rather than fails) on oversized or corrupt metadata; we judge
    those ourselves, so the warnings would only be noise.
    """
    formats = [PIL_FORMATS[kind]] if kind in PIL_FORMATS else None
    heif.register()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with Image.open(io.BytesIO(data), formats=formats) as img:
            yield img


def too_many_pixels(size: tuple[int, int] | None, limits: Limits) -> UnreadableFileError:
    """The one pixel-limit error, at ingest (header) and at decoding alike."""
    what = f"（{size[0]}×{size[1]}）" if size else ""
    long_side = int((limits.max_image_pixels * 4 / 3) ** 0.5) // 500 * 500  # a 4:3 photo that fits
    return UnreadableFileError(
        f"图片像素过多{what}，超过上限 {limits.max_image_pixels} 像素，未检查",
        hint=f"请把图片缩小（例如长边不超过 {long_side} 像素）后再上传。",
        code=ErrorCode.INPUT_LIMIT_EXCEEDED,
    )


def check_image(data: bytes, limits: Limits, kind: FileKind | None = None) -> None:
    """Raise LimitExceededError for too many pixels, UnreadableFileError for a bad header."""
    try:
        with _open(data, kind) as img:
            width, height = img.size
            frames = _frames(img, limits) if kind is FileKind.TIFF else 1
    except Image.DecompressionBombError as exc:
        raise too_many_pixels(None, limits) from exc
    except Exception as exc:  # Pillow's parsers raise many types on hostile input
        raise UnreadableFileError(
            "图片已损坏或格式不完整，无法读取", hint="请重新导出或重新拍摄该照片后上传。"
        ) from exc
    if width <= 0 or height <= 0:
        raise UnreadableFileError("图片尺寸无效，无法读取", hint="请重新导出该照片后上传。")
    if width * height > limits.max_image_pixels:
        raise too_many_pixels((width, height), limits)
    if frames > limits.max_image_frames:
        raise LimitExceededError(
            f"多页图片共 {frames} 页，超过上限 {limits.max_image_frames} 页，未检查",
            hint="请只上传会议记录、签到表等相关页面。",
        )


def _frames(img: Image.Image, limits: Limits) -> int:
    """Pages of a multi-page TIFF, counted by walking its directory chain (no pixels
    decoded), stopping one past the limit."""
    count = 0
    while count <= limits.max_image_frames:
        try:
            img.seek(count)
        except EOFError:
            break
        count += 1
    return count


def parse_exif_datetime(value: object) -> dt.datetime | None:
    """ "YYYY:MM:DD HH:MM:SS" (NULs, blanks and sub-seconds tolerated) as a naive datetime."""
    text = _text(value)
    match = EXIF_DATETIME_RE.match(text or "")
    if match is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(g) for g in match.groups())
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:  # 0000:00:00 00:00:00, month 13, ...
        return None


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        return None
    cleaned = value.replace("\x00", "").strip()
    return cleaned[:MAX_TEXT_CHARS] or None


def _orientation(value: object) -> int | None:
    return value if isinstance(value, int) and 1 <= value <= 8 else None


def _png_exif_chunk(data: bytes) -> bytes | None:
    """The eXIf chunk of a PNG, found by walking chunk headers (no decompression)."""
    pos = len(PNG_SIGNATURE)
    while pos + 8 <= len(data):
        (length,) = struct.unpack_from(">I", data, pos)
        ctype = data[pos + 4 : pos + 8]
        if ctype == b"eXIf":
            return data[pos + 8 : pos + 8 + length]
        if ctype == b"IEND":
            return None
        pos += 12 + length
    return None


def _raw_exif(img: Image.Image, data: bytes) -> bytes | None:
    raw = img.info.get("exif")
    if raw is None and data.startswith(PNG_SIGNATURE):
        raw = _png_exif_chunk(data)  # may follow the pixel data; PngImageFile.getexif would decode
    return raw if isinstance(raw, bytes) and raw else None


def _exif_info(raw: bytes, stored_orientation: int | None = None) -> ExifInfo | None:
    """``stored_orientation``: a HEIF's original orientation (its EXIF says 1 once decoded upright)."""
    exif = Image.Exif()
    exif.load(raw)
    sub = exif.get_ifd(EXIF_IFD)
    taken = parse_exif_datetime(sub.get(TAG_DATETIME_ORIGINAL)) or parse_exif_datetime(exif.get(TAG_DATETIME))
    info = ExifInfo(
        orientation=stored_orientation or _orientation(exif.get(TAG_ORIENTATION)),
        taken_at=taken,
        software=_text(exif.get(TAG_SOFTWARE)),
        make=_text(exif.get(TAG_MAKE)),
        model=_text(exif.get(TAG_MODEL)),
    )
    return None if info == ExifInfo() else info


def read_exif(data: bytes, limits: Limits, kind: FileKind | None = None) -> ExifInfo | None:
    """EXIF facts of an image, or None when absent or unreadable. Never raises."""
    try:
        with _open(data, kind) as img:
            width, height = img.size
            if width * height > limits.max_image_pixels:
                return None
            raw = _raw_exif(img, data)
            return _exif_info(raw, heif.original_orientation(img)) if raw else None
    except Exception:  # hostile or broken metadata must never stop a submission
        return None
