"""Splitting text at marks that stand outside brackets (甲(出差,在外省)、乙(病假): two items, not three)."""

from __future__ import annotations


def split_outside_brackets(text: str, marks: str) -> list[str]:
    """``text`` cut at each of ``marks`` standing outside round brackets, the empty pieces left out;
    a closing bracket without its opening one is read as text."""
    pieces, depth, start = [], 0, 0
    for k, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and ch in marks:
            pieces.append(text[start:k])
            start = k + 1
    pieces.append(text[start:])
    return [p for p in pieces if p]
