"""On-site photos: a perceptual fingerprint to find reused photos, and a screenshot test.

``perceptual_hash`` is 128 bits written as 32 hex digits: a 64-bit DCT hash (phash)
followed by a 64-bit gradient hash (dhash), both of the upright image (EXIF
orientation applied by ``extractors.imaging.decode.load_image``). Two photos are the same
picture when ``is_near_duplicate``: the Hamming distance over all 128 bits is at
most ``DUPLICATE_MAX_DISTANCE`` and over the phash half at most
``PHASH_MAX_DISTANCE`` (the radius the history index searches exhaustively, see
``store.history``).

Thresholds, measured on the 73 JPEG photos of the fixture corpus (drawn meeting
rooms from one template, so unrelated pairs are unusually alike: a hard test;
"caught" = ``is_near_duplicate`` with the thresholds below):

=============================  =========  ===========  ======
variant of the same photo      phash max  128-bit max  caught
=============================  =========  ===========  ======
resized to 50 %                2          3            73/73
re-encoded JPEG q=40           2          4            73/73
resized to 70 % + JPEG q=60    2          4            73/73
EXIF-rotated (upright equal)   2          2            73/73
cropped 1.5 % per side         10         14           73/73
cropped 3 % off one side       12         19           70/73
cropped 3 % per side           14         24           46/73
unrelated photos (2628 pairs)  min 10     min 25       0
=============================  =========  ===========  ======

16 of 128 bits catches re-encoding, resizing and rotation with a margin of 12 and
light crops (3 % of width and height in all); it stays 9 bits below the closest
unrelated pair (1st percentile 32, median 51). Heavier crops are caught only in
part, on purpose: beyond that, two different photos of one room look as alike to
these hashes, and a reuse finding is a required failure.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import imagehash
from PIL import Image

from core.errors import UnreadableFileError
from core.models import ExifInfo
from core.settings import Limits
from extractors.imaging.decode import ACCEPTED_FORMATS, load_image

HASH_BITS = 128
HASH_HEX_DIGITS = HASH_BITS // 4
PHASH_BITS = 64
DUPLICATE_MAX_DISTANCE = 16  # over all 128 bits
PHASH_MAX_DISTANCE = 11  # over the phash half; 4 index chunks x radius 2 finds all of these
HASH_DECODE_SIDE = 256  # photos are decoded this small for hashing (the hashes look at 32x32 and 9x8)

# Phone screens (short side in pixels) and their shapes (long side / short side).
SCREEN_WIDTHS = frozenset({720, 750, 828, 1080, 1125, 1170, 1179, 1242, 1284, 1290, 1440})
SCREEN_RATIOS = (16 / 9, 18 / 9, 18.5 / 9, 19 / 9, 19.5 / 9, 20 / 9)
RATIO_TOLERANCE = 0.01  # 1170x2532 is 2.164, 19.5:9 is 2.167
SCREENSHOT_WORDS = ("screenshot", "screen shot", "截屏", "截图")


# ------------------------------------------------------------------------- hashing


def perceptual_hash(image: Image.Image) -> str:
    """32 hex digits: phash then dhash of ``image`` (pass it upright, as load_image returns it)."""
    return f"{imagehash.phash(image)}{imagehash.dhash(image)}"


def parse_hash(value: str) -> int:
    """The 128-bit integer of a hash string; ValueError for anything else."""
    if len(value) != HASH_HEX_DIGITS:
        raise ValueError(f"perceptual hash must be {HASH_HEX_DIGITS} hex digits: {value!r}")
    return int(value, 16)


def phash_part(value: str) -> int:
    """The 64-bit phash half of a hash string."""
    return parse_hash(value) >> (HASH_BITS - PHASH_BITS)


def hash_distance(a: str, b: str) -> int:
    """Hamming distance over all 128 bits."""
    return (parse_hash(a) ^ parse_hash(b)).bit_count()


def phash_distance(a: str, b: str) -> int:
    """Hamming distance over the phash half."""
    return (phash_part(a) ^ phash_part(b)).bit_count()


def is_near_duplicate(a: str, b: str) -> bool:
    """The same picture, re-encoded, resized, rotated or lightly cropped."""
    return hash_distance(a, b) <= DUPLICATE_MAX_DISTANCE and phash_distance(a, b) <= PHASH_MAX_DISTANCE


# ---------------------------------------------------------------------- screenshots


def is_screenshot_suspect(image: Image.Image, exif: ExifInfo | None) -> bool:
    """A phone screenshot rather than a camera photo (conservative).

    ``image`` must have the uploaded pixel size (a lazily opened image is enough;
    ``load_image`` downscales). Yes when the EXIF Software names a screenshot, or
    when there is no camera Make/Model and the size is exactly a phone screen: a
    common screen width and a screen shape (16:9 … 20:9), either way round.
    """
    if exif is not None and _mentions_screenshot(exif.software):
        return True
    if exif is not None and (exif.make or exif.model):
        return False
    return _is_screen_size(image.size)


def _mentions_screenshot(software: str | None) -> bool:
    text = (software or "").lower()
    return any(word in text for word in SCREENSHOT_WORDS)


def _is_screen_size(size: tuple[int, int]) -> bool:
    short, long = sorted(size)
    if short not in SCREEN_WIDTHS:
        return False
    ratio = long / short
    return any(abs(ratio - r) <= RATIO_TOLERANCE for r in SCREEN_RATIOS)


# --------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class PhotoSignature:
    phash: str | None  # None when the pixels cannot be decoded
    screenshot: bool


def photo_signature(data: bytes, exif: ExifInfo | None, limits: Limits) -> PhotoSignature:
    """Hash and screenshot test of one uploaded photo; decodes the pixels once."""
    screenshot = _screenshot(data, exif)
    try:
        phash: str | None = perceptual_hash(load_image(data, limits, max_side=HASH_DECODE_SIDE))
    except UnreadableFileError:
        phash = None
    return PhotoSignature(phash, screenshot)


def _screenshot(data: bytes, exif: ExifInfo | None) -> bool:
    """is_screenshot_suspect on the lazily opened upload (header only, no decoding)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as img:
                return is_screenshot_suspect(img, exif)
    except Exception:  # a hostile header: no size, so no screenshot verdict
        return False
