"""Builders for ingest tests: real docx/jpeg/png/zip bytes made in memory."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx
from PIL import Image

EXIF_IFD = 0x8769


def docx_bytes(text: str = "会议记录：主题党日") -> bytes:
    doc = docx.Document()
    doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def docx_with_part(part: str, content: bytes) -> bytes:
    """A real docx whose ``part`` is replaced (or added) with ``content``."""
    src = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != part:
                out.writestr(info.filename, src.read(info.filename))
        out.writestr(part, content)
    return buf.getvalue()


def image_bytes(fmt: str = "JPEG", size: tuple[int, int] = (32, 24), exif: Image.Exif | None = None) -> bytes:
    buf = io.BytesIO()
    img = Image.new("RGB", size, (200, 30, 30))
    if exif is None:
        img.save(buf, fmt)
    else:
        img.save(buf, fmt, exif=exif)
    return buf.getvalue()


def camera_exif(
    *,
    orientation: int | None = 6,
    original: str | None = "2024:05:01 09:30:00",
    datetime: str | None = "2024:05:02 10:00:00",
) -> Image.Exif:
    exif = Image.Exif()
    if orientation is not None:
        exif[274] = orientation
    if datetime is not None:
        exif[306] = datetime
    exif[271] = "HUAWEI"
    exif[272] = "P60 Pro"
    exif[305] = "HarmonyOS 4.0"
    if original is not None:
        exif.get_ifd(EXIF_IFD)[36867] = original
    return exif


def _chunk(ctype: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", zlib.crc32(ctype + body))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose IHDR declares ``width``x``height`` but carries almost no pixel data."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 16)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def make_zip(path: Path, members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def zip_with_raw_name(path: Path, raw_name: bytes, data: bytes) -> Path:
    """A zip whose single member's name is ``raw_name`` bytes with flag bit 11 clear.

    zipfile always writes non-ASCII names as flagged UTF-8, so we write an ASCII
    placeholder of the same length and patch the bytes in both headers.
    """
    placeholder = b"Q" * (len(raw_name) - 5) + b".docx"
    assert len(placeholder) == len(raw_name)
    make_zip(path, {placeholder.decode("ascii"): data})
    blob = path.read_bytes()
    assert blob.count(placeholder) == 2
    path.write_bytes(blob.replace(placeholder, raw_name))
    return path
