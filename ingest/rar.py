"""RAR archives (.rar, RAR 4 and 5) with rarfile: listed, checked and read like a zip.

rarfile parses the headers itself and reads stored (uncompressed) members itself;
compressed members are decompressed by an external tool. We point it at ``bsdtar``
(Debian ``libarchive-tools``, free software that reads RAR 4 and RAR 5); ``unrar`` (the
non-free one) or ``7z`` with its RAR codec are used instead when present. Debian's
``7zip`` package is built without the RAR codec, so it is tried last. The tool's
output is streamed through the same cap as a zip member. Without any tool a
compressed member is a per-file problem asking for a .zip instead.

Header-encrypted archives are a bad-input error; an encrypted member is a per-file
problem, like in a zip.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import rarfile

from ingest.members import ArchiveReader, Member, MemberReadError, Source, corrupt_archive, encrypted_archive
from ingest.names import nfc
from ingest.raw import BoundExceeded, read_bounded

MAGICS = (b"Rar!\x1a\x07\x00", b"Rar!\x1a\x07\x01\x00")  # RAR 4, RAR 5
# rarfile (pure-Python header parsing) raises many exception types on hostile bytes: all of them are bad input.
# BoundExceeded (our own signal) and password errors are caught before these.
READ_ERRORS: tuple[type[Exception], ...] = (Exception,)
TOOL_ORDER = ("unrar", "bsdtar", "7z", "7zz")


def configure_tool() -> bool:
    """Pick the decompressing tool once; False when none is installed."""
    if rarfile.CURRENT_SETUP is not None:
        return True
    have = {name: shutil.which(name) for name in TOOL_ORDER}
    unrar = have["unrar"]
    real_unrar = unrar is not None and not Path(unrar).resolve().name.startswith("unrar-free")
    try:
        rarfile.tool_setup(
            unrar=real_unrar,
            unar=False,
            bsdtar=bool(have["bsdtar"]),
            sevenzip=bool(have["7z"]),
            sevenzip2=bool(have["7zz"]) and not have["bsdtar"],
            force=True,
        )
    except rarfile.RarCannotExec:
        return False
    return True


class RarReader:
    label = "RAR 压缩包"

    def __init__(self, archive: rarfile.RarFile, shown: str) -> None:
        self.archive = archive
        self.shown = shown

    def members(self) -> list[Member]:
        try:
            return self._list()
        except READ_ERRORS:
            raise corrupt_archive(self.shown) from None

    def _list(self) -> list[Member]:
        out = []
        for info in self.archive.infolist():
            name = nfc(info.filename or "")
            out.append(
                Member(
                    name,
                    int(info.file_size or 0),
                    int(info.compress_size or 0),
                    is_dir=info.is_dir(),
                    is_symlink=info.is_symlink(),
                    encrypted=info.needs_password(),
                    ref=info,
                )
            )
        return out

    def read(self, member: Member, cap: int) -> bytes:
        try:
            with self.archive.open(member.ref) as stream:
                return read_bounded(stream, cap)
        except BoundExceeded:
            raise
        except rarfile.RarCannotExec:
            raise MemberReadError("no tool to decompress RAR") from None
        except READ_ERRORS as exc:
            raise MemberReadError(str(exc)) from exc


@contextmanager
def open_rar_reader(source: Source, shown: str) -> Iterator[ArchiveReader]:
    """The archive in ``source`` as an ArchiveReader; UnreadableFileError when it cannot be opened.

    Bytes held in memory are written to a private temporary file first: the external
    tool needs a path."""
    configure_tool()
    with tempfile.TemporaryDirectory(prefix="jishi-rar-") as tmp:
        path = source if isinstance(source, Path) else Path(tmp) / "archive.rar"
        if not isinstance(source, Path):
            path.write_bytes(source.read())
        try:
            archive = rarfile.RarFile(str(path))
        except rarfile.PasswordRequired:
            raise encrypted_archive(nfc(shown)) from None
        except READ_ERRORS:
            raise corrupt_archive(nfc(shown)) from None
        try:
            if archive.needs_password() and not archive.infolist():
                raise encrypted_archive(nfc(shown))
            yield RarReader(archive, nfc(shown))
        finally:
            archive.close()
