"""What a branch appends below the record, which is no part of it: the lecture's manuscript.

For a 党课 the branch uploads the first page of the lecturer's manuscript (讲稿) with the record, often
typed into the same document under a heading (``附：讲稿首页``, ``附：党课讲稿（第1页）``, ``岳某党课讲稿（首页）``).
The page repeats the title and quotes other documents in 《》 that were not studied at the meeting, so
the record's readers skip it; the lecture reader reads the page for its title. The page runs to the end,
unless the record resumes below it: the agenda's next item (四、 after 三、 above the heading, the page
numbering none of its own lines) or a line of the record's attendance (到会情况:…).
"""

from __future__ import annotations

import re

from extractors.fields.numbers import to_int
from extractors.layout.lines import Line

# a manuscript's heading, the whole line: 附:讲稿首页 / 附件:党课讲稿(首页) / 讲稿第一页(手写,照录)
_MANUSCRIPT = re.compile(
    r"^[【\[]?(?:附(?:件|录)?[\d一二三]?:)?[^,;。:]{0,8}?(?:专题党课|微党课|党课)?讲稿"
    r"(?:首页|第[一1]页|封面|节选|摘录|\([^()]{0,30}\))*[】\]]?[:。]?$"
)


def manuscript_at(lines: list[Line]) -> int | None:
    """The index of the manuscript's heading, None when nothing is appended."""
    return next((i for i, line in enumerate(lines) if i > 0 and _MANUSCRIPT.match(line.norm)), None)


# an agenda item's ordinal opening a line: 四、交流 / 4.交流 / (四)交流
_ORDINAL = re.compile(r"^\(?(?P<n>[一二三四五六七八九十]{1,3}|\d{1,2})(?:[、.)]|\)(?!\d))")
# the record's own attendance line
_ATTENDANCE = re.compile(r"^(?:到会|出席|参会|出勤|缺席|请假)(?:情况|人员|人数)?:|^应到")


def _resumes_at(lines: list[Line], at: int) -> int:
    """The index of the first line after the manuscript page (``len(lines)`` when it runs to the end)."""
    before = [n for line in lines[:at] if (n := _ordinal(line)) is not None]
    for i in range(at + 1, len(lines)):
        n = _ordinal(lines[i])
        if _ATTENDANCE.match(lines[i].norm) or (n is not None and before and n == before[-1] + 1):
            return i
        if n is not None:
            return len(lines)  # the page numbers its own parts: what follows is the page's
    return len(lines)


def _ordinal(line: Line) -> int | None:
    m = _ORDINAL.match(line.norm)
    return to_int(m["n"]) if m else None


def record_only(lines: list[Line]) -> list[Line]:
    """The lines of the record, without a manuscript page appended to it."""
    at = manuscript_at(lines)
    return lines if at is None else lines[:at] + lines[_resumes_at(lines, at) :]


def manuscript(lines: list[Line]) -> list[Line]:
    """The lines of the appended manuscript, after its heading ([] when none)."""
    at = manuscript_at(lines)
    return [] if at is None else lines[at + 1 : _resumes_at(lines, at)]
