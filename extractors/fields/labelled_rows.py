"""A table exported one row per line with every cell labelled, read as the table it is.

    姓名：韦振华；是否参会：是；备注：支部书记，主持
    姓名：盛国庆；是否参会：否；备注：运行二值当班

Platforms export a roll this way. Two or more consecutive lines opening with a 姓名 label and
holding the same labels in the same order are the rows (one is enough under a register's heading,
请假登记; cells apart by ；, a full-width space or a wide gap); their labels are the heading. The rows are
handed back as a table's rows (cells apart by bars) with the heading first, and for each a way back
to the line it was read from, so the table readers read them and quote the line as written.
"""

from __future__ import annotations

import dataclasses
import re

from extractors.fields.people import holds_title
from extractors.layout.lines import Line
from extractors.text.normalize import normalize

_PAIR = re.compile(r"^(?P<k>[\u4e00-\u9fff]{1,6})[:：](?P<v>.*)$")
_NAME_LABEL = frozenset({"姓名", "名字", "党员姓名", "请假人", "请假党员", "缺席人", "缺席党员", "申请人"})
MIN_ROWS = 2  # labelled lines that make a table (one under a register's heading: 请假登记)
_REGISTER = re.compile(
    r"^(?:请假|缺席|缺勤|未到)(?:人员)?(?:登记|登记表|情况|名单|记录|一览|一览表|明细)[:]?$"
)
_CELL_GAP = re.compile(r"[;；]|\u3000+|\s{2,}")  # between a row's cells: ；, a full-width space, a wide gap
EMPTY = "—"  # an empty value's cell (备注：), kept so the cells stay under their labels


@dataclasses.dataclass(frozen=True)
class LabelledTable:
    lines: list[Line]  # the heading row, then the rows, cells apart by bars
    paragraphs: dict[int, Line]  # a row's index in ``lines`` -> its paragraph as written
    source: dict[int, list[int]]  # a row's index in ``lines`` -> the indices of the lines it was read from


def as_table(lines: list[Line]) -> LabelledTable | None:
    """The first run of labelled rows in ``lines`` as a table, or None (a row is a paragraph: the
    sentences were cut at its ；)."""
    run: list[tuple[list[int], list[tuple[str, str]]]] = []
    least, headed = MIN_ROWS, False
    for at, paragraph, pairs in _records(lines):
        if pairs and (not run or [k for k, _ in pairs] == [k for k, _ in run[0][1]]):
            least = 1 if not run and headed else least
            run.append((at, pairs))
            continue
        if len(run) >= least:
            break
        run = [(at, pairs)] if pairs else []
        least, headed = MIN_ROWS, bool(_REGISTER.match(paragraph.norm))
    if not run or len(run) < least:
        return None
    head = _row(lines[run[0][0][0]], [k for k, _ in run[0][1]])
    rows = [_row(lines[at[0]], [_without_title(k, v) for k, v in pairs]) for at, pairs in run]
    paragraphs = {k + 1: _whole(lines, at) for k, (at, _) in enumerate(run)}
    return LabelledTable([head, *rows], paragraphs, {k + 1: at for k, (at, _) in enumerate(run)})


def _records(lines: list[Line]) -> list[tuple[list[int], Line, list[tuple[str, str]] | None]]:
    """Each paragraph with its label/value pairs (None for a paragraph of other words); a record
    written down the page, a label on each line from a name's (姓名：甲 / 缺席原因：…, a value maybe
    on the line below its label), is one row."""
    out: list[_Record] = []
    for at, paragraph in _paragraphs(lines):
        one = _one_pair(paragraph.text)
        down = out[-1] if out and out[-1].down else None
        if down is not None and one is not None and normalize(one[0]) not in _NAME_LABEL:
            down.add(at, one)
        elif down is not None and one is None and not down.pairs[-1][1]:
            down.add(at, (down.pairs.pop()[0], paragraph.text.strip().rstrip("。")))  # 事由：\n在ICU会诊
        elif one is not None and normalize(one[0]) in _NAME_LABEL:
            out.append(_Record(list(at), paragraph, [one], down=True))
        else:
            out.append(_Record(list(at), paragraph, _pairs(paragraph.text) or [], down=False))
    return [(r.at, r.line, r.pairs if len(r.pairs) >= MIN_ROWS else None) for r in out]


@dataclasses.dataclass
class _Record:
    at: list[int]
    line: Line
    pairs: list[tuple[str, str]]
    down: bool  # written down the page, a label a line

    def add(self, at: list[int], pair: tuple[str, str]) -> None:
        self.at.extend(at)
        self.pairs.append(pair)


def _one_pair(text: str) -> tuple[str, str] | None:
    m = _PAIR.match(text.strip().rstrip("。"))
    return (m["k"], m["v"].strip()) if m and not _CELL_GAP.search(m["v"].strip()) else None


def _paragraphs(lines: list[Line]) -> list[tuple[list[int], Line]]:
    """The lines grouped by the paragraph they were cut from, each with the paragraph as a line."""
    groups: list[list[int]] = []
    for at, line in enumerate(lines):
        if groups and lines[groups[-1][0]].span is line.span:
            groups[-1].append(at)
        else:
            groups.append([at])
    return [(at, _whole(lines, at)) for at in groups]


def _whole(lines: list[Line], at: list[int]) -> Line:
    first = lines[at[0]]
    text = first.span.text.strip() if len(at) > 1 else first.text
    return dataclasses.replace(first, text=text, norm=normalize(text))


def _pairs(text: str) -> list[tuple[str, str]] | None:
    """The label/value pairs of a line made of them, one of them a name's (姓名：甲 / 事由：… 请假人：甲);
    else None."""
    cells = [c.strip() for c in _CELL_GAP.split(text.strip().rstrip("。")) if c.strip()]
    found = [m for c in cells if (m := _PAIR.match(c))]
    if len(found) < 2 or len(found) != len(cells) or not any(normalize(m["k"]) in _NAME_LABEL for m in found):
        return None
    return [(m["k"], m["v"].strip()) for m in found]


def _without_title(label: str, value: str) -> str:
    """A name's cell without the title in brackets after it (樊瑞冬（支部组织委员）: 樊瑞冬)."""
    m = re.fullmatch(r"(?P<name>[^()（）]{2,8})[(（](?P<t>[^()（）]{2,12})[)）]", value)
    return m["name"] if m and normalize(label) in _NAME_LABEL and holds_title(m["t"]) else value


def _row(line: Line, cells: list[str]) -> Line:
    text = "|".join(cell or EMPTY for cell in cells)
    return dataclasses.replace(line, text=text, norm=normalize(text))
