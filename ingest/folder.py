"""Reading a folder (nested subfolders allowed) or single files from disk."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from core.errors import UnreadableFileError
from ingest import problems
from ingest.budget import Budget
from ingest.members import add_or_expand
from ingest.names import CONFIG_NAMES, is_ignored, join, nfc
from ingest.raw import BoundExceeded, Collected, read_bounded

Walked = tuple[tuple[str, ...], os.DirEntry[str] | None]  # None: a folder we could not list


def _walk(root: Path, parts: tuple[str, ...] = ()) -> Iterator[Walked]:
    """Every entry below ``root`` (files, symlinks, specials), sorted; symlinks never followed."""
    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        yield parts, None
        return
    for entry in entries:
        rel = (*parts, nfc(entry.name))
        if entry.is_dir(follow_symlinks=False):
            if not is_ignored(join(rel)):
                yield from _walk(Path(entry.path), rel)
        else:
            yield rel, entry


def _read_file(path: Path, cap: int) -> bytes:
    with path.open("rb") as f:
        return read_bounded(f, cap)


def collect_file(path: Path, rel: str, budget: Budget, out: Collected, *, is_symlink: bool = False) -> None:
    """Add one file on disk as ``rel`` (config, ignored, problem or candidate evidence)."""
    is_config = rel in CONFIG_NAMES
    if is_ignored(rel) and not is_config:
        return
    if is_symlink:
        out.problems.append(problems.symlink(rel))
        return
    if is_config:
        out.add_config(rel, path, str(path))
        return
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = 0
    if not stat.S_ISREG(mode):
        out.problems.append(problems.special_file(rel))
        return
    budget.add_file()
    _read_candidate(path, rel, budget, out)


def _read_candidate(path: Path, rel: str, budget: Budget, out: Collected) -> None:
    limit = budget.limits.max_file_bytes
    size = 0
    try:
        size = path.stat().st_size
        if size > limit:
            raise BoundExceeded
        data = _read_file(path, limit)
    except BoundExceeded:
        out.problems.append(problems.too_large(rel, max(size, limit + 1), limit))
        return
    except OSError:
        err = UnreadableFileError("无法读取（权限不足或磁盘错误）", hint="请检查文件权限后重试。")
        out.problems.append(problems.from_error(rel, err))
        return
    budget.add_bytes(len(data))
    add_or_expand(rel, data, budget, out, depth=0)  # an archive in the folder is expanded as a folder


def collect_folder(root: Path, prefix: str, budget: Budget, out: Collected) -> None:
    """Add every file below ``root`` under ``prefix`` ("" for the submission root)."""
    for parts, entry in _walk(root):
        rel = join([prefix, *parts])
        if entry is None:
            err = UnreadableFileError("文件夹无法打开（权限不足或磁盘错误）", hint="请检查文件夹权限后重试。")
            out.problems.append(problems.from_error(rel or nfc(root.name), err))
            continue
        collect_file(Path(entry.path), rel, budget, out, is_symlink=entry.is_symlink())
