"""A day's items and who does each, as the theme-day templates write them.

Provinces run the 主题党日 to a model ("4+X", 规定动作/自选动作, 七个一), so a record is often a run of
items, each with the person doing it written beside it rather than in a sentence:

    序号 | 时间 | 内容 | 负责人              a table whose doer column names each row's person
    重温入党誓词——支部书记 韩秋生           the doer after a dash closing the item
    集中学习（领学：乌仁图雅）——学习《…》   the doer in a bracket, under a doer's label
    （二）集中学习　领学：郁孟川             the doer under a label after the item; its materials on the
    内容：1.…；2.《…》                       next line when the item names none

An item's doer counts only when the words in the doer's place are a name and the titles before it
(宣传委员 夏侯语桐), never a group (全体党员, 党员志愿者). The readers of the oath and the study ask which
item is theirs (``doer_of``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from extractors.fields.people import PersonFinder, PersonHit, strip_titles
from extractors.layout.lines import CELL_BARS, TABLE_CELL_GAP, Line
from extractors.text.normalize import normalize

# the heading of a table's doer column
_DOER_HEAD = re.compile(
    r"(?:负责人|责任人|执行人|实施人|牵头人|组织者|主讲人?|领学人|领誓人|承办人|负责)(?:员)?"
)
# a doer's label: 负责人: / 领学: / 主讲人:
_DOER_LABEL = r"(?:负责人?|责任人|执行人|牵头人|领学人?|领誓人?|主讲人?|带领人)"
_BRACKETED = re.compile(rf"\({_DOER_LABEL}:(?P<doer>[^()]{{2,20}})\)")
# the doer after a dash closing the item (not a time range's dash: 8:40—8:50)
_DASHED = re.compile(r"(?<![\d:])(?:——|—|－－|--)(?P<doer>[^—－\-\d():,;。]{2,20})[。;]?$")
_LABELLED = re.compile(rf"(?P<what>.{{2,}}?)\s*{_DOER_LABEL}:(?P<doer>[^,;。:]{{2,20}})[。;]?$")
# the line of an item's content under it: 内容:… / 学习内容:…
_CONTENT = re.compile(r"^(?:学习)?(?:内容|材料|篇目):")


@dataclass(frozen=True)
class AgendaItem:
    what: str  # the item's words, normalised, without its doer
    doer: PersonHit
    line: Line  # the item's first line
    text: str  # the item's paragraph (a table row) as written: the evidence


def agenda_items(lines: list[Line], finder: PersonFinder) -> list[AgendaItem]:
    """Every item of the record that names its doer beside it, in the order written."""
    rows = _paragraphs(lines)
    return [*_tabled(rows, finder), *_written(rows, finder)]


def doer_of(items: list[AgendaItem], about: Callable[[str], bool]) -> AgendaItem | None:
    """The first item whose words ``about`` accepts."""
    return next((item for item in items if about(item.what)), None)


def _paragraphs(lines: list[Line]) -> list[tuple[str, Line]]:
    """Each paragraph once, as written (its lines share one span), with its first line: a table row's
    cells may hold a stop (《甲》；《乙》) that cut the row into sentences."""
    out: list[tuple[str, Line]] = []
    seen: set[int] = set()
    for line in lines:
        if id(line.span) not in seen:
            seen.add(id(line.span))
            out.append((line.span.text, line))
    return out


def _cells(text: str) -> list[str]:
    return [c for c in (normalize(c) for c in TABLE_CELL_GAP.split(text.strip().strip(CELL_BARS))) if c]


def _tabled(rows: list[tuple[str, Line]], finder: PersonFinder) -> list[AgendaItem]:
    out: list[AgendaItem] = []
    for i, (text, _) in enumerate(rows):
        head = _cells(text) if TABLE_CELL_GAP.search(text.strip()) else []
        at = next((k for k, c in enumerate(head) if _DOER_HEAD.fullmatch(c)), None)
        if at is None or len(head) < 2:
            continue
        for row_text, line in rows[i + 1 :]:
            cells = _cells(row_text)
            if len(cells) < len(head) or not TABLE_CELL_GAP.search(row_text.strip()):
                break
            doer = "".join(cells[at : at + 1 + len(cells) - len(head)])  # (a name padded: 王　芳)
            what = "".join(c for k, c in enumerate(cells) if not at <= k <= at + len(cells) - len(head))
            if (hit := _doer(doer, finder)) is not None:
                out.append(AgendaItem(what, hit, line, row_text))
    return out


def _written(paragraphs: list[tuple[str, Line]], finder: PersonFinder) -> list[AgendaItem]:
    # (a paragraph broken into lines by hand is an item per line: 重温入党誓词(领誓人:甲)↵会议传达了《…》)
    rows = [(part, line) for text, line in paragraphs for part in text.split("\n") if part.strip()]
    out: list[AgendaItem] = []
    for i, (text, line) in enumerate(rows):
        norm = normalize(text).strip()
        for pattern in (_BRACKETED, _DASHED, _LABELLED):
            m = pattern.search(norm)
            if m is None or (hit := _doer(m["doer"], finder)) is None:
                continue
            what = norm[: m.start()] + norm[m.end() :] if pattern is not _LABELLED else m["what"]
            if "《" not in what and i + 1 < len(rows) and _CONTENT.match(normalize(rows[i + 1][0]).strip()):
                what += normalize(rows[i + 1][0]).strip()  # 集中学习 领学:X / 内容:《…》
            out.append(AgendaItem(what, hit, line, text))
            break
    return out


def _doer(words: str, finder: PersonFinder) -> PersonHit | None:
    """The person in a doer's place, when the words there are a name and its titles only."""
    words = re.sub(r"\s", "", words).removesuffix("同志")
    hit = finder.resolve(words)
    if hit is None or (words != hit.name and strip_titles(words).strip() != hit.name):
        return None
    return hit
