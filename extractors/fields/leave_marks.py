"""A leave mark in brackets after a name, and the reason written after the mark.

Sign-in books and the lists copied from them mark who asked leave with 请, 假 or 请假 in brackets
after the name and write the reason after the mark: ``倪梅（请）因公出差 尚勇（请）身体不适``. Scanned, the
gaps between the items are often gone (``倪梅(请)因公出差尚勇(请)身体不适``), and the readers of absentees
would take the mark for the reason. :func:`marks_as_reasons` writes such a run as items each with
its reason in the bracket (``倪梅(因公出差)、尚勇(身体不适)``), the list the readers know; a mark with
nothing after it stays the leave it notes (``倪梅(请假)``).
"""

from __future__ import annotations

import re

from extractors.fields.people import guess_name

# the mark: 请 / 假 / 请假 / 已请假 alone in a bracket
_MARK = re.compile(r"[(（](?:已?请假?|假)[)）]")
# where the last item's reason ends: the clause's end
_REASON_END = re.compile(r"[,;。，；]")
_SEPARATORS = ",;、: ，；：\u3000"
# what closes an item right after its mark: the next item follows, no reason (甲(请假)、乙(病假)), or the
# absence the marks are of (甲(请假)、乙(请假)未参会)
_ITEM_CLOSED = re.compile(
    r"^[ \u3000]*(?:[,;、，；]|(?:均|都)?(?:未能?|没有?|没能)(?:参会|参加|到会|出席|到)|缺席|缺会)"
)


def marks_as_reasons(text: str) -> str:
    """``text`` with each ``name(mark)reason`` written ``name(reason)``, the items joined by 、;
    unchanged when a mark does not follow a name."""
    marks = list(_MARK.finditer(text))
    if not marks:
        return text
    items: list[list[str]] = []  # [name, its mark as written, the reason after it]
    head, start = "", 0
    for i, mark in enumerate(marks):
        chunk = text[start : mark.start()]
        name = guess_name(chunk)
        if name is None or not chunk.endswith(name):
            return text
        before = chunk[: -len(name)]
        if i == 0:
            head = before
        elif not _ITEM_CLOSED.match(before):
            items[-1][2] = before.strip(_SEPARATORS)
        items.append([name, mark.group(), ""])
        start = mark.end()
    end = _REASON_END.search(text, start)
    stop = end.start() if end else len(text)
    if not _ITEM_CLOSED.match(text[start:stop]):
        items[-1][2] = text[start:stop].strip(_SEPARATORS)
    if not any(reason for _, _, reason in items):
        return text  # 阙宏宇(已请假): the leave noted, no reason after it
    listed = "、".join(f"{name}({reason})" if reason else f"{name}{mark}" for name, mark, reason in items)
    return f"{head}{listed}{text[stop:]}"
