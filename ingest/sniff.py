"""Content sniffing: decide a file's type from its bytes, never from its name."""

from __future__ import annotations

import io
import struct
import zipfile

from core.models import FileKind
from ingest.raw import ZIP_OPEN_ERRORS

PDF_MAGIC = b"%PDF-"
PDF_MAGIC_WINDOW = 1024  # "%PDF-" may follow some junk; readers accept it within the first 1 KiB
JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # local file header, empty archive
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls/.ppt and encrypted Office files
DOCX_REQUIRED_PARTS = ("[Content_Types].xml", "word/document.xml")
DOCX_SUFFIXES = (".docx", ".docm", ".dotx")

ACCEPTED_TYPES_TEXT = "Word 文档（.docx）、PDF 文件（.pdf）、JPEG/PNG/WebP 图片"


def is_zip(data: bytes) -> bool:
    """True when the bytes start like a zip archive (docx, xlsx, plain zip, ...)."""
    return data.startswith(ZIP_MAGICS)


def zip_names(data: bytes) -> set[str] | None:
    """Member names of a zip held in memory, or None when it cannot be opened."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return set(zf.namelist())
    except ZIP_OPEN_ERRORS:
        return None


def _sniff_zip(data: bytes) -> FileKind | None:
    names = zip_names(data)
    if names is not None and all(part in names for part in DOCX_REQUIRED_PARTS):
        return FileKind.DOCX
    return None


def sniff(data: bytes) -> FileKind | None:
    """The accepted type of ``data`` or None when it is none of them."""
    if data.startswith(JPEG_MAGIC):
        return FileKind.JPEG
    if data.startswith(PNG_MAGIC):
        return FileKind.PNG
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return FileKind.WEBP
    if is_zip(data):
        return _sniff_zip(data)
    if PDF_MAGIC in data[:PDF_MAGIC_WINDOW]:
        return FileKind.PDF
    return None


def describe_unknown(data: bytes) -> str:
    """A short Chinese description of an unaccepted file, for messages."""
    if not data:
        return "空文件"
    if is_zip(data):
        names = zip_names(data)
        if names is None:
            return "已损坏的压缩格式文件"
        if "[Content_Types].xml" in names:
            return "非 Word 的 Office 文档（如 Excel、PowerPoint）"
        return "压缩包（压缩包中的压缩包不会被展开）"
    if data.startswith(OLE_MAGIC):
        return "旧版 Office 文档（如 .doc）或加密的 Office 文档"
    return "无法识别的类型"


def _first_member_name(data: bytes) -> bytes:
    """The name in the first local file header (Word writes ``[Content_Types].xml`` first)."""
    if len(data) < 30:
        return b""
    (length,) = struct.unpack_from("<H", data, 26)
    return data[30 : 30 + length]


def looks_like_docx(data: bytes, name: str) -> bool:
    """Whether a zip-like file that is not a valid docx was meant to be a Word document.

    Used only to pick the right problem for a *broken* file (blocking "unreadable"
    rather than "unsupported type"): the extension, Word parts, or Word's first part.
    """
    if not is_zip(data):
        return False
    if name.lower().endswith(DOCX_SUFFIXES):
        return True
    names = zip_names(data)
    if names is None:
        return _first_member_name(data) == b"[Content_Types].xml"
    return any(n.startswith("word/") for n in names)
