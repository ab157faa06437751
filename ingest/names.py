"""Path names inside a submission: normalisation, ignored files, config files."""

from __future__ import annotations

import posixpath
import unicodedata
from collections.abc import Iterable

CONFIG_NAMES = ("submission.yaml", "branch.yaml", "plan.yaml")
IGNORED_SUFFIXES = (".yaml", ".yml", ".txt", ".md")
IGNORED_DIRS = ("__MACOSX",)
IGNORED_NAMES = ("thumbs.db", "desktop.ini")  # Windows Explorer litter
OFFICE_LOCK_PREFIX = "~$"  # Word's owner file next to an open document


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def join(parts: Iterable[str]) -> str:
    """A "/"-separated, NFC-normalised relative path from its components."""
    return "/".join(nfc(p) for p in parts if p not in ("", "."))


def is_ignored(path: str) -> bool:
    """Hidden files, OS litter and notes/config files that are never evidence."""
    parts = path.split("/")
    if any(p.startswith(".") or p in IGNORED_DIRS for p in parts):
        return True
    name = parts[-1]
    lower = name.lower()
    return lower in IGNORED_NAMES or name.startswith(OFFICE_LOCK_PREFIX) or lower.endswith(IGNORED_SUFFIXES)


def make_unique(path: str, taken: set[str]) -> str:
    """``path`` or ``stem (2).ext``, ``stem (3).ext``... so no two files share a path."""
    if path not in taken:
        taken.add(path)
        return path
    stem, ext = posixpath.splitext(path)
    n = 2
    while f"{stem} ({n}){ext}" in taken:
        n += 1
    unique = f"{stem} ({n}){ext}"
    taken.add(unique)
    return unique
