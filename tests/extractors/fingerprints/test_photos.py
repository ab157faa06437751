"""Photo fingerprints survive re-encoding, resizing, EXIF rotation and light crops; screenshots."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest
from PIL import Image

from core.models import ExifInfo
from core.settings import Limits
from extractors.fingerprints.photos import (
    DUPLICATE_MAX_DISTANCE,
    HASH_DECODE_SIDE,
    HASH_HEX_DIGITS,
    hash_distance,
    is_near_duplicate,
    is_screenshot_suspect,
    parse_hash,
    perceptual_hash,
    photo_signature,
)
from extractors.imaging.decode import load_image

LIMITS = Limits()
UNRELATED_MARGIN = 6  # bits between the threshold and the closest pair of different photos


def _jpeg(img: Image.Image, quality: int = 85, exif: bytes | None = None) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, **({"exif": exif} if exif else {}))
    return buf.getvalue()


def _hash(data: bytes) -> str:
    """As photo_signature hashes: a small upright decode."""
    return perceptual_hash(load_image(data, LIMITS, max_side=HASH_DECODE_SIDE))


def _variants(data: bytes) -> dict[str, bytes]:
    img = Image.open(io.BytesIO(data))
    img.load()
    w, h = img.size
    turned = img.transpose(Image.Transpose.ROTATE_270)  # stored turned clockwise ...
    exif = img.getexif()
    exif[274] = 8  # ... and tagged "rotate 90° counter-clockwise to view": upright pixels are equal
    dx, dy = round(w * 0.015), round(h * 0.015)
    return {
        "resized 50%": _jpeg(img.resize((w // 2, h // 2), Image.Resampling.LANCZOS)),
        "q=40": _jpeg(img, 40),
        "resized 70% q=60": _jpeg(img.resize((round(w * 0.7), round(h * 0.7))), 60),
        "exif rotated": _jpeg(turned, 85, exif.tobytes()),
        "cropped 3% in all": _jpeg(img.crop((dx, dy, w - dx, h - dy))),
    }


@pytest.fixture(scope="module")
def photos(corpus: Path) -> list[bytes]:
    return [p.read_bytes() for p in sorted(corpus.glob("*/*.jpg"))]


def test_hash_is_128_bits_of_hex(photos: list[bytes]) -> None:
    value = _hash(photos[0])
    assert len(value) == HASH_HEX_DIGITS == 32
    assert parse_hash(value) < 1 << 128
    with pytest.raises(ValueError):
        parse_hash("abc")


def test_variants_of_a_photo_are_near_duplicates(photos: list[bytes]) -> None:
    for data in photos[:12]:
        original = _hash(data)
        for name, variant in _variants(data).items():
            other = _hash(variant)
            assert is_near_duplicate(original, other), (name, hash_distance(original, other))


def test_exif_rotation_is_undone_before_hashing(photos: list[bytes]) -> None:
    data = photos[0]
    rotated = _variants(data)["exif rotated"]
    assert hash_distance(_hash(data), _hash(rotated)) <= 2
    raw = Image.open(io.BytesIO(rotated)).convert("RGB")  # pixels as stored, orientation ignored
    assert not is_near_duplicate(_hash(data), perceptual_hash(raw))


def test_small_decode_hashes_like_the_working_image(photos: list[bytes]) -> None:
    """Hashes recorded in a history before photos were hashed from a small decode still match."""
    for data in photos:
        small, working = _hash(data), perceptual_hash(load_image(data, LIMITS))
        assert is_near_duplicate(small, working), hash_distance(small, working)


def test_different_photos_are_never_near_duplicates(photos: list[bytes]) -> None:
    hashes = [_hash(d) for d in photos]
    closest = min(hash_distance(a, b) for a, b in itertools.combinations(hashes, 2))
    assert len(hashes) >= 60
    assert closest >= DUPLICATE_MAX_DISTANCE + UNRELATED_MARGIN


@pytest.mark.parametrize(
    ("size", "exif", "expected"),
    [
        ((1170, 2532), None, True),  # iPhone 12/13/14
        ((1290, 2796), None, True),  # iPhone 14/15 Pro Max
        ((1080, 2400), None, True),  # 20:9 Android
        ((1080, 1920), None, True),  # 16:9
        ((2532, 1170), None, True),  # landscape
        ((750, 1334), ExifInfo(), True),
        ((1170, 2532), ExifInfo(make="Apple", model="iPhone 13"), False),  # a camera wrote it
        ((4000, 3000), None, False),  # camera 4:3
        ((1080, 1440), None, False),  # 3:4 at a screen width
        ((1000, 2165), None, False),  # screen shape, not a screen width
        ((1280, 960), None, False),  # a WeChat-compressed photo
        ((4000, 3000), ExifInfo(software="Screenshot"), True),
        ((800, 600), ExifInfo(software="MIUI 截屏"), True),
        ((4000, 3000), ExifInfo(software="HDR+ 1.0", make="Google"), False),
    ],
)
def test_screenshot_suspect(size: tuple[int, int], exif: ExifInfo | None, expected: bool) -> None:
    assert is_screenshot_suspect(Image.new("L", size), exif) is expected


def test_signature_of_a_png_screenshot_and_of_garbage() -> None:
    buf = io.BytesIO()
    Image.new("RGB", (1179, 2556), (240, 240, 240)).save(buf, "PNG")
    shot = photo_signature(buf.getvalue(), None, LIMITS)
    assert shot.screenshot and shot.phash is not None
    broken = photo_signature(b"\xff\xd8\xff\xe0 not really a jpeg", None, LIMITS)
    assert broken.phash is None and not broken.screenshot


def test_signature_hashes_the_upright_image(photos: list[bytes]) -> None:
    exif = ExifInfo(make="HUAWEI", model="ELE-AL00")
    upright = photo_signature(photos[1], exif, LIMITS)
    rotated = photo_signature(_variants(photos[1])["exif rotated"], exif, LIMITS)
    assert upright.phash is not None and rotated.phash is not None
    assert is_near_duplicate(upright.phash, rotated.phash) and not upright.screenshot
