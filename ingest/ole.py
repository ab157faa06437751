"""OLE compound files (legacy .doc/.wps/.dot/.wpt, .xls/.et, and encrypted Office files).

Word 97-2003, WPS Writer/Spreadsheets and every password-protected Office 2007+ file
(.docx/.xlsx with an open password) are OLE "compound files": a small FAT file system
whose directory entries (128 bytes each, at 128-byte boundaries of the file) start with
the stream's UTF-16LE name and hold its byte length at offset 64. We only need to know
which of a few stream names are present, so we look for those names where a directory
entry would hold them; nothing is parsed or decompressed.
"""

from __future__ import annotations

import struct

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENTRY_SIZE = 128
NAME_LENGTH_AT = 64
KNOWN_STREAMS = (
    "WordDocument",
    "Workbook",
    "Book",
    "EncryptedPackage",
    "EncryptionInfo",
    "PowerPoint Document",
)
MAX_SCAN_BYTES = 64 * 1024 * 1024  # the directory of a real file is found long before this


def is_ole(data: bytes) -> bool:
    return data.startswith(OLE_MAGIC)


def ole_streams(data: bytes) -> set[str]:
    """Which of ``KNOWN_STREAMS`` have a directory entry in ``data`` (an OLE file)."""
    found: set[str] = set()
    window = memoryview(data)[:MAX_SCAN_BYTES]
    for name in KNOWN_STREAMS:
        raw = name.encode("utf-16-le")
        start = 0
        while (at := data.find(raw, start, len(window))) >= 0:
            start = at + 1
            if at % ENTRY_SIZE or at + NAME_LENGTH_AT + 2 > len(window):
                continue
            (length,) = struct.unpack_from("<H", window, at + NAME_LENGTH_AT)
            if length == len(raw) + 2:  # the name's bytes plus its terminating NUL
                found.add(name)
                break
    return found


def ole_kind(data: bytes) -> str | None:
    """ "encrypted" (a password-protected Office file), "word", "sheet", "slides" or None."""
    if not is_ole(data):
        return None
    streams = ole_streams(data)
    if "EncryptedPackage" in streams and "EncryptionInfo" in streams:
        return "encrypted"
    if "WordDocument" in streams:
        return "word"
    if "Workbook" in streams or "Book" in streams:
        return "sheet"
    if "PowerPoint Document" in streams:
        return "slides"
    return None
