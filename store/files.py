"""The content-addressed file store: bytes kept under their sha256, never under a user's name.

``<root>/ab/cd/abcd…`` (two levels of fan-out). Writing goes through a temporary file
in the same directory and an atomic rename, so a crash leaves no half-written blob and
the same bytes are stored once.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

CHUNK_BYTES = 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise ValueError("not a sha256 hex digest")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put_bytes(self, data: bytes) -> str:
        return self.put_hashed(data, hashlib.sha256(data).hexdigest())

    def put_hashed(self, data: bytes, sha256: str) -> str:
        """Store bytes whose sha256 the caller computed from them (not hashed again)."""
        if self.has(sha256):  # already stored: no second write, no fsync
            return sha256

        def write(out: BinaryIO) -> str:
            out.write(data)
            return sha256

        return self._spool(write)

    def _place(self, tmp: str, sha256: str) -> None:
        target = self.path(sha256)
        if target.is_file():
            os.unlink(tmp)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)

    def put_stream(self, stream: BinaryIO) -> tuple[str, int]:
        """Store a file object's bytes; returns (sha256, size)."""
        size = 0

        def chunks() -> Iterable[bytes]:
            nonlocal size
            while chunk := stream.read(CHUNK_BYTES):
                size += len(chunk)
                yield chunk

        return self.put_chunks(chunks()), size

    def put_chunks(self, chunks: Iterable[bytes]) -> str:
        def write(out: BinaryIO) -> str:
            digest = hashlib.sha256()
            for chunk in chunks:
                digest.update(chunk)
                out.write(chunk)
            return digest.hexdigest()

        return self._spool(write)

    def _spool(self, write: Callable[[BinaryIO], str]) -> str:
        """Write through a temporary file, fsync, and place it under the sha256 ``write`` returns."""
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out:
                sha = write(out)
                out.flush()
                os.fsync(out.fileno())
            self._place(tmp, sha)
            return sha
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

    def read(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()
