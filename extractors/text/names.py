"""The one roster-name matcher: is a name as read one OCR slip away from a roster name?

Two contexts, one rule each, written here once:

* running text (minutes): a substituted character; an added or dropped character only for
  names of three or more characters (two-character names one character apart are usually
  different people, and a longer phrase around a name is cut before matching);
* a whole sign-in cell: a substituted character, or the name plus one stray character
  (a stroke of the signature read as a character) — nothing else can be in the cell.
"""

from __future__ import annotations

from collections.abc import Iterable

from extractors.text.normalize import edit_distance


def one_slip(read: str, name: str, *, whole_cell: bool = False) -> bool:
    """``read`` is ``name`` with exactly one OCR slip (see the module docstring)."""
    if len(read) == len(name):
        return edit_distance(read, name, 1) == 1
    if whole_cell:
        return len(read) == len(name) + 1 and name in read
    return min(len(read), len(name)) >= 3 and edit_distance(read, name, 1) == 1


def unique_near(read: str, roster: Iterable[str], *, whole_cell: bool = False) -> str | None:
    """The one roster name ``read`` is one slip from, or None (none, or several: ambiguous)."""
    near = {name for name in roster if one_slip(read, name, whole_cell=whole_cell)}
    return near.pop() if len(near) == 1 else None
