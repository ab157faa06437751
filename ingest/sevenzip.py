"""7-Zip archives (.7z) with py7zr: listed, checked and read like a zip (``ingest.members``).

py7zr decompresses in pure Python; a member's output goes to a writer that refuses
more than its cap (``BoundExceeded``), so a header that lies about sizes cannot make
us hold more than the limits allow. In a solid archive members share one compressed
stream; a member's compressed size for the ratio check is then its share of the
archive's packed size. An archive whose headers need a password is a bad-input error;
a member that needs one is a per-file problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import py7zr
import py7zr.exceptions
from py7zr.io import Py7zIO, WriterFactory

from ingest.members import (
    RATIO_MIN_BYTES,
    ArchiveReader,
    EncryptedMemberError,
    Member,
    MemberReadError,
    Source,
    corrupt_archive,
    encrypted_archive,
)
from ingest.names import nfc
from ingest.raw import BoundExceeded

MAGIC = b"7z\xbc\xaf\x27\x1c"
# py7zr (pure Python, with lzma/zlib/bz2 and ppmd/brotli codecs) raises many exception types on hostile bytes: all of them are bad input.
# BoundExceeded (our own signal) and password errors are caught before these.
OPEN_ERRORS: tuple[type[Exception], ...] = (Exception,)


class _Capped(Py7zIO):
    """A member's bytes in memory, refusing to grow past ``cap`` (or the archive's ``total``)."""

    def __init__(self, cap: int, total: list[int]) -> None:
        self.cap = cap
        self.total = total  # [bytes left for the whole archive], shared by all members
        self.chunks: list[bytes] = []
        self.written = 0

    def write(self, s: bytes | bytearray) -> int:
        self.written += len(s)
        self.total[0] -= len(s)
        if self.written > self.cap or self.total[0] < 0:
            raise BoundExceeded
        self.chunks.append(bytes(s))
        return len(s)

    def read(self, size: int | None = None) -> bytes:
        return b"".join(self.chunks)

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0

    def flush(self) -> None:
        return None

    def size(self) -> int:
        return self.written


class _Factory(WriterFactory):
    def __init__(self, cap: int, total: int) -> None:
        self.cap = cap
        self.total = [total]
        self.products: dict[str, _Capped] = {}

    def create(self, filename: str) -> Py7zIO:
        product = _Capped(self.cap, self.total)
        self.products[filename] = product
        return product


class SevenZipReader:
    """Decompresses every file in one pass on the first read (a solid archive is one
    stream: reading members one by one would decompress it again for each)."""

    label = "7z 压缩包"

    def __init__(self, archive: py7zr.SevenZipFile, packed_total: int, shown: str) -> None:
        self.archive = archive
        self.shown = shown
        self.packed_total = packed_total
        self._members: list[Member] = []
        self._read: dict[str, bytes] | None = None
        self._error: MemberReadError | None = None

    def members(self) -> list[Member]:
        try:
            return self._list()
        except OPEN_ERRORS:
            raise corrupt_archive(self.shown) from None

    def _list(self) -> list[Member]:
        infos = list(self.archive.files)
        declared = sum(int(f.uncompressed or 0) for f in infos if not f.is_directory) or 1
        encrypted = self.archive.needs_password()
        out = []
        for f in infos:
            size = int(f.uncompressed or 0)
            packed = f.compressed if f.compressed else max(1, self.packed_total * size // declared)
            out.append(
                Member(
                    nfc(f.filename),
                    size,
                    int(packed),
                    is_dir=bool(f.is_directory),
                    is_symlink=bool(f.is_symlink),
                    encrypted=encrypted,
                    ref=f.filename,
                )
            )
        self._members = out
        return out

    def read(self, member: Member, cap: int) -> bytes:
        if self._read is None:
            try:
                self._read = self._extract_all(cap)
            except MemberReadError as exc:
                self._read, self._error = {}, exc  # every member of a broken stream is unreadable
        if self._error is not None:
            raise self._error
        data = self._read.get(str(member.ref))
        if data is None:
            raise MemberReadError("member not extracted")
        if len(data) > cap:
            raise BoundExceeded
        return data

    def _extract_all(self, cap: int) -> dict[str, bytes]:
        """Every file, each at most ``cap`` bytes, all together at most the declared total
        plus the ratio floor (headers that lie about sizes are caught here)."""
        files = [m for m in self._members if not m.is_dir and not m.is_symlink]
        factory = _Factory(cap, sum(m.size for m in files) + RATIO_MIN_BYTES)
        try:
            self.archive.reset()
            self.archive.extract(targets=[str(m.ref) for m in files], factory=factory)
        except BoundExceeded:
            raise
        except py7zr.exceptions.PasswordRequired:
            raise EncryptedMemberError from None
        except OPEN_ERRORS as exc:
            raise MemberReadError(str(exc)) from exc
        return {name: product.read() for name, product in factory.products.items()}


@contextmanager
def open_7z_reader(source: Source, shown: str) -> Iterator[ArchiveReader]:
    """The archive in ``source`` as an ArchiveReader; UnreadableFileError when it cannot be opened."""
    packed_total = _size(source)
    try:
        archive = py7zr.SevenZipFile(source, mode="r")
    except py7zr.exceptions.PasswordRequired:
        raise encrypted_archive(nfc(shown)) from None
    except OPEN_ERRORS:
        raise corrupt_archive(nfc(shown)) from None
    try:
        yield SevenZipReader(archive, packed_total, nfc(shown))
    finally:
        with suppress(*OPEN_ERRORS):
            archive.close()


def _size(source: Any) -> int:
    if isinstance(source, Path):
        return source.stat().st_size
    return len(source.getbuffer()) if hasattr(source, "getbuffer") else 1
