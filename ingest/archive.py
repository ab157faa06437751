"""Safe reading of an uploaded zip: names decoded (GBK, UTF-8, Info-ZIP extra), members
read with a cap; the checks common to every archive format live in ``ingest.members``."""

from __future__ import annotations

import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, cast

from core.errors import UnreadableFileError
from ingest.budget import Budget
from ingest.members import (
    BOMB_HINT,
    UNSAFE_HINT,
    ArchiveReader,
    EncryptedMemberError,
    Member,
    MemberReadError,
    Source,
    collect_members,
    ratio_cap_of,
    ratio_exceeded,
    safe_parts,
)
from ingest.names import nfc
from ingest.raw import ZIP_OPEN_ERRORS, BoundExceeded, Collected, read_bounded

__all__ = [
    "BOMB_HINT",
    "UNSAFE_HINT",
    "collect_zip",
    "decode_member_name",
    "open_zip",
    "ratio_cap",
    "ratio_exceeded",
    "safe_parts",
]

UTF8_NAME_FLAG = 0x800  # general purpose bit 11: names are UTF-8
ENCRYPTED_FLAG = 0x1
UNICODE_PATH_EXTRA = 0x7075  # Info-ZIP Unicode Path extra field
ZIP_READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    NotImplementedError,
    RuntimeError,
    ValueError,
)


# ----------------------------------------------------------------------------- names


def _unicode_path_extra(info: zipfile.ZipInfo, raw_name: bytes) -> str | None:
    """The UTF-8 name from an Info-ZIP Unicode Path extra field, if present and current."""
    extra = info.extra
    pos = 0
    while pos + 4 <= len(extra):
        header_id, size = struct.unpack_from("<HH", extra, pos)
        body = extra[pos + 4 : pos + 4 + size]
        pos += 4 + size
        if header_id != UNICODE_PATH_EXTRA or len(body) < 5 or body[0] != 1:
            continue
        (crc,) = struct.unpack_from("<I", body, 1)
        if crc != zlib.crc32(raw_name):
            return None  # the name was changed after the field was written
        try:
            return body[5:].decode("utf-8")
        except UnicodeDecodeError:
            return None
    return None


def decode_member_name(info: zipfile.ZipInfo) -> str:
    """A member's real name: UTF-8 when flagged, else UTF-8 or GBK (Chinese Windows) bytes.

    Without bit 11, Python decodes names as cp437; we recover the raw bytes and try
    the Unicode Path extra field, strict UTF-8 (macOS Finder zips) and GBK in turn.
    """
    if info.flag_bits & UTF8_NAME_FLAG:
        return nfc(info.filename)
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return nfc(info.filename)
    from_extra = _unicode_path_extra(info, raw)
    if from_extra is not None:
        return nfc(from_extra)
    for encoding in ("utf-8", "gbk"):
        try:
            return nfc(raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    return nfc(info.filename)


# ----------------------------------------------------------------------------- limits


def ratio_cap(info: zipfile.ZipInfo, max_ratio: float) -> int:
    """The most bytes a member may expand to, whatever its header says."""
    return ratio_cap_of(info.compress_size, max_ratio)


def _is_dir(info: zipfile.ZipInfo) -> bool:
    """A folder entry, also as written by Windows tools with a trailing backslash."""
    return info.is_dir() or (info.filename.endswith("\\") and info.file_size == 0)


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


# ----------------------------------------------------------------------------- reading


def open_zip(path: Path | BinaryIO, shown: str | None = None) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except ZIP_OPEN_ERRORS as exc:
        name = shown if shown is not None else nfc(getattr(path, "name", "") or "")
        raise UnreadableFileError(
            f"压缩包“{nfc(name)}”已损坏，无法打开", hint="请重新压缩后上传（推荐 .zip 格式）。"
        ) from exc


class ZipReader:
    """A zip as an ``ingest.members.ArchiveReader``."""

    label = "压缩包"

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf

    def members(self) -> list[Member]:
        return [
            Member(
                decode_member_name(info),
                info.file_size,
                info.compress_size,
                is_dir=_is_dir(info),
                is_symlink=_is_symlink(info),
                encrypted=bool(info.flag_bits & ENCRYPTED_FLAG),
                ref=info,
            )
            for info in self.zf.infolist()
        ]

    def read(self, member: Member, cap: int) -> bytes:
        """A member's bytes, decompressed in chunks and never more than ``cap`` of them."""
        try:
            with self.zf.open(cast(zipfile.ZipInfo, member.ref)) as stream:
                return read_bounded(stream, cap)
        except BoundExceeded:
            raise
        except RuntimeError as exc:
            if "encrypted" in str(exc):
                raise EncryptedMemberError from exc
            raise MemberReadError(str(exc)) from exc
        except ZIP_READ_ERRORS as exc:
            raise MemberReadError(str(exc)) from exc


@contextmanager
def open_zip_reader(source: Source, shown: str) -> Iterator[ArchiveReader]:
    with open_zip(source, shown) as zf:
        yield ZipReader(zf)


def collect_zip(path: Path, prefix: str, budget: Budget, out: Collected) -> None:
    """Add the members of the zip at ``path`` under ``prefix`` ("" for the root).

    Every name is checked before any member is read, so a single unsafe name
    rejects the whole archive. A single top folder (a zipped folder) is the root.
    Nested archives are expanded (``ingest.members``).
    """
    with open_zip_reader(path, nfc(path.name)) as reader:
        collect_members(reader, prefix, budget, out)
