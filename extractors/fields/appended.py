"""What a branch appends below the record, which is no part of it: the lecture's manuscript.

For a 党课 the branch uploads the first page of the lecturer's manuscript (讲稿) with the record, often
typed into the same document under a heading (``附：讲稿首页``, ``附：党课讲稿（第1页）``, ``岳某党课讲稿（首页）``).
The page repeats the title and quotes other documents in 《》 that were not studied at the meeting, so
the record's readers stop at the heading; the lecture reader reads the page for its title.
"""

from __future__ import annotations

import re

from extractors.layout.lines import Line

# a manuscript's heading, the whole line: 附:讲稿首页 / 附件:党课讲稿(首页) / 讲稿第一页(手写,照录)
_MANUSCRIPT = re.compile(
    r"^[【\[]?(?:附(?:件|录)?[\d一二三]?:)?[^,;。:]{0,8}?(?:专题党课|微党课|党课)?讲稿"
    r"(?:首页|第[一1]页|封面|节选|摘录|\([^()]{0,30}\))*[】\]]?[:。]?$"
)


def manuscript_at(lines: list[Line]) -> int | None:
    """The index of the manuscript's heading, None when nothing is appended."""
    return next((i for i, line in enumerate(lines) if i > 0 and _MANUSCRIPT.match(line.norm)), None)


def record_only(lines: list[Line]) -> list[Line]:
    """The lines of the record, without a manuscript appended below it."""
    at = manuscript_at(lines)
    return lines if at is None else lines[:at]


def manuscript(lines: list[Line]) -> list[Line]:
    """The lines of the appended manuscript, after its heading ([] when none)."""
    at = manuscript_at(lines)
    return [] if at is None else lines[at + 1 :]
