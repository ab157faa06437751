"""What the collectors (folder, zip, file list) hand to the checks: bytes by path."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from core.errors import ConfigError
from core.models import Problem
from ingest.names import make_unique

CHUNK_BYTES = 64 * 1024
# What zipfile.ZipFile() raises on hostile bytes (NotImplementedError: "zip file version 10.7").
ZIP_OPEN_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    ValueError,
    EOFError,
    NotImplementedError,
)

ConfigRef = Path | bytes  # a config file on disk, or the bytes of a zip member


class BoundExceeded(Exception):
    """A stream produced more bytes than allowed (internal signal, never user-facing)."""


@dataclass(frozen=True)
class RawFile:
    path: str  # unique, NFC, relative, "/"-separated
    data: bytes


@dataclass
class Collected:
    """Everything found in the inputs before content checks."""

    files: list[RawFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    configs: dict[str, tuple[ConfigRef, str]] = field(default_factory=dict)  # name -> (ref, shown as)
    _taken: set[str] = field(default_factory=set, repr=False)

    def add_file(self, path: str, data: bytes) -> None:
        self.files.append(RawFile(make_unique(path, self._taken), data))

    def add_config(self, name: str, ref: ConfigRef, shown_as: str) -> None:
        if name in self.configs:
            raise ConfigError(
                f"提交中有多个 {name}（{self.configs[name][1]} 和 {shown_as}）",
                hint=f"请只保留一个 {name}。",
            )
        self.configs[name] = (ref, shown_as)


def iter_bounded(stream: IO[bytes], cap: int) -> Iterator[bytes]:
    """Yield chunks of ``stream``; raise BoundExceeded once more than ``cap`` bytes came out."""
    total = 0
    while chunk := stream.read(CHUNK_BYTES):
        total += len(chunk)
        if total > cap:
            raise BoundExceeded
        yield chunk


def read_bounded(stream: IO[bytes], cap: int) -> bytes:
    """Read all of ``stream`` but never more than ``cap`` bytes (BoundExceeded past it)."""
    return b"".join(iter_bounded(stream, cap))
