"""Content sniffing: decide a file's type from its bytes, never from its name."""

from __future__ import annotations

import io
import struct
import zipfile

from core.models import FileKind
from ingest.ole import is_ole, ole_kind
from ingest.raw import ZIP_OPEN_ERRORS

PDF_MAGIC = b"%PDF-"
PDF_MAGIC_WINDOW = 1024  # "%PDF-" may follow some junk; readers accept it within the first 1 KiB
JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # local file header, empty archive
RTF_MAGIC = b"{\\rtf"
TIFF_MAGICS = (b"II*\x00", b"MM\x00*")
SEVEN_ZIP_MAGIC = b"7z\xbc\xaf\x27\x1c"
RAR_MAGICS = (b"Rar!\x1a\x07\x00", b"Rar!\x1a\x07\x01\x00")  # RAR 4, RAR 5
HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1")
HEIF_BRAND_WINDOW = 64  # major brand and the first compatible brands of the ftyp box
DOCX_REQUIRED_PARTS = ("[Content_Types].xml", "word/document.xml")
XLSX_REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
DOCX_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
CSV_SUFFIX = ".csv"
TEXT_PROBE_BYTES = 64 * 1024
OLE_KINDS = {"word": FileKind.DOC, "sheet": FileKind.XLS}

ACCEPTED_TYPES_TEXT = (
    "Word/WPS 文档（.docx、.doc、.wps、.rtf）、PDF 文件、图片（JPG、PNG、WebP、HEIC、TIFF）、"
    "签到表格（.xlsx、.xls、.et、.csv）、压缩包（.zip、.7z、.rar）"
)


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
    if names is not None and all(part in names for part in XLSX_REQUIRED_PARTS):
        return FileKind.XLSX
    return None


def is_heif(data: bytes) -> bool:
    """An ISO media file (``ftyp`` box first) whose brands say HEIC/HEIF."""
    if len(data) < 12 or data[4:8] != b"ftyp":
        return False
    brands = data[8:HEIF_BRAND_WINDOW]
    return any(brand in brands for brand in HEIF_BRANDS)


def sniff(data: bytes) -> FileKind | None:
    """The accepted type of ``data`` or None when it is none of them (archives are not
    evidence: see ``archive_format``)."""
    if data.startswith(JPEG_MAGIC):
        return FileKind.JPEG
    if data.startswith(PNG_MAGIC):
        return FileKind.PNG
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return FileKind.WEBP
    if is_heif(data):
        return FileKind.HEIC
    if data.startswith(TIFF_MAGICS):
        return FileKind.TIFF
    if is_zip(data):
        return _sniff_zip(data)
    if is_ole(data):
        return OLE_KINDS.get(ole_kind(data) or "")
    if data.startswith(RTF_MAGIC):
        return FileKind.RTF
    if PDF_MAGIC in data[:PDF_MAGIC_WINDOW]:
        return FileKind.PDF
    return None


def sniff_named(data: bytes, name: str) -> FileKind | None:
    """``sniff``, then the one type content cannot tell: text named ``.csv`` is a CSV table."""
    kind = sniff(data)
    if kind is None and name.lower().endswith(CSV_SUFFIX) and is_text(data):
        return FileKind.CSV
    return kind


def is_text(data: bytes) -> bool:
    """Non-empty UTF-8 or GB18030 text without NUL bytes (judged on the first 64 KiB)."""
    probe = data[:TEXT_PROBE_BYTES]
    if not probe.strip() or b"\x00" in probe:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            probe.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            if exc.start >= len(probe) - 4:  # a character cut at the probe's end
                return True
    return False


def is_encrypted_office(data: bytes) -> bool:
    """A password-protected Office 2007+ file (.docx/.xlsx with an open password)."""
    return ole_kind(data) == "encrypted"


def archive_format(data: bytes) -> str | None:
    """ "zip", "7z" or "rar" when ``data`` is an archive to expand (not an Office document), else None."""
    if data.startswith(SEVEN_ZIP_MAGIC):
        return "7z"
    if data.startswith(RAR_MAGICS):
        return "rar"
    if is_zip(data):
        names = zip_names(data)
        if names is not None and "[Content_Types].xml" not in names and "mimetype" not in names:
            return "zip"
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
            return "非 Word/Excel 的 Office 文档（如 PowerPoint）"
        if "mimetype" in names:
            return "OpenDocument 文档（.odt/.ods，请另存为 .docx/.xlsx）"
        return "压缩包（嵌套层数过多，未展开）"
    kind = ole_kind(data)
    if kind == "slides":
        return "PowerPoint 演示文稿"
    if is_ole(data):
        return "旧版 Office 文档"
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
