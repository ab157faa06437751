"""HEIC/HEIF photos (iPhone default): Pillow reads them once ``pillow-heif`` registered its opener.

libheif applies the file's rotation and mirroring while decoding, and pillow-heif then
resets the EXIF orientation to 1 (so nothing turns the picture twice) and keeps the
original value in ``info["original_orientation"]``; ``original_orientation`` reads it
for the EXIF facts. Thumbnails and depth images are not loaded.
"""

from __future__ import annotations

from PIL import Image

PIL_FORMAT = "HEIF"
_registered = False


def register() -> None:
    """Let Pillow open HEIC/HEIF (idempotent; cheap after the first call)."""
    global _registered
    if _registered:
        return
    import pillow_heif

    pillow_heif.register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)
    _registered = True


def original_orientation(img: Image.Image) -> int | None:
    """The EXIF orientation a HEIF file was stored with (its pixels come out upright)."""
    value = img.info.get("original_orientation")
    return value if isinstance(value, int) and 1 <= value <= 8 else None
