"""Absentees in a table pasted as text (cells apart by bars, tabs or runs of spaces).

Three shapes are read, each from its heading row, and a roll written without one:

    | 姓名 | 科室 | 缺勤原因 |            a table of absentees: every row is one, its reason in the
                                          reason column
    | 姓名 | 职务 | 出勤情况 | 备注 |      a roll of the branch: a status column says who came (出席, ✅)
                                          and who did not (请假, 缺席, ❌); only the latter are
                                          absentees, their reason in the reason column (备注,
                                          原因) or in the status itself (请假（出差）, 病假)
    | 缺席原因 | 人数 | 姓名 |             absentees grouped by reason: a row's name cell lists
                                          several names (甲、乙、丙), who share its reason

    包洪宇　到                            a roll with no heading row: four or more rows in a run,
    关晓雯　假　备注：在省联社参加培训    each a name, its status (到, 假, 缺席, √) and maybe a note;
                                          at least two came

A roll read to its end says who was away, even nobody: its rows are then no part of any other
list (``Tabled.rows``). Reasons come back as written (normalised); the caller cleans them.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from extractors.fields.labelled_rows import as_table
from extractors.fields.leave_words import NO_REASON_CELLS
from extractors.fields.people import TITLE_PATTERN, PersonFinder
from extractors.layout.lines import CELL_BARS, TABLE_CELL_GAP, Line, is_label
from extractors.text.brackets import split_outside_brackets
from extractors.text.normalize import normalize

# the heading of the names column (请假人员:姓名 — a bare label paired with the heading row under it)
_WHO = re.compile(r"(?:^|:)(?:姓名|名字|人员|党员姓名)$")
# ... or, in a table with no 姓名 column, the absentees' own label (缺席人员 | 原因)
_WHO_AWAY = re.compile(r"(?:缺席|请假|未到|缺勤)(?:人员|人|党员)$|^(?:申请人|请假人|缺席人)$")
# the heading of a roll's status column (出勤情况, 是否参会, 状态)
_STATUS = re.compile(
    r"(?:出勤|出席|参会|到会|签到|参加|考勤)(?:情况|状态)?|是否(?:参会|出席|到会|参加|到场)|状态|到会与否"
)
# the heading of a reason column; in a table without a status column, a 情况 column holds the reasons
_REASON = re.compile(r"原因|事由|理由|备注|说明")
_REASON_NO_STATUS = re.compile(r"原因|事由|理由|情况")
# the words of a status saying the member did not come (before the words of coming: 未参加 holds 参加)
_AWAY_WORDS = r"请[了过]?假|缺席|缺勤|缺会|未签到|未到|未能?(?:参加|出席|参会|到会)|没(?:有|能)?(?:来|到|参加)|^缺$|^否$|[✗✘×╳☒❌]"
# a leave type written as the status is its own reason (病假, 事假, 产假)
_LEAVE_TYPE = re.compile(r"[病事产婚丧年公]假|休假")
# a roster's one-character marks of absence: 假 / ○ (no reason of their own), 公 病 事 产 (their own)
_AWAY_MARK = r"^[假○]$"
REASON_MARKS = "公病事产"  # marks that are a reason of their own (公出, 病假, 事假, 产假)
_REASON_MARK = rf"^[{REASON_MARKS}]$"
# a status the legend spelled out in brackets (△ with 注:△公差 -> (公差)): away, that its reason
_SPELLED_OUT = r"^\([^()]{1,12}\)$"
_AWAY_STATE = re.compile(rf"{_AWAY_WORDS}|{_LEAVE_TYPE.pattern}|{_AWAY_MARK}|{_REASON_MARK}|{_SPELLED_OUT}")
_STATE_WORDS = re.compile(rf"{_AWAY_WORDS}|{_AWAY_MARK}|[()]")  # what of a status is no reason
_NAME_LIST = re.compile(r"[、,，;；/]")


@dataclass(frozen=True)
class TabledAbsence:
    name: str
    reason: str | None  # as written (normalised), None when the table gives none
    line: Line  # the row


@dataclass
class Tabled:
    """What a table says about who was away."""

    absences: list[TabledAbsence]
    roll: bool  # a roll of the branch read to its end: its word on who was away is the whole word
    rows: set[int]  # indices of the heading row and the rows read
    people: int | None = None  # the people a headless roll lists, when it lists the whole branch


def row_cells(line: Line) -> list[str]:
    """The cells of a table row written as text: apart by bars, tabs or runs of spaces, or by the
    commas of a comma-separated sheet (``Line.cells``)."""
    if line.cells is not None:
        return [normalize(c) for c in line.cells]
    return [normalize(c) for c in TABLE_CELL_GAP.split(line.text.strip().strip(CELL_BARS))]


def _aligned_cells(row: Line, head: list[str]) -> list[str]:
    """A row's cells under ``head``: a row pasted with tabs keeps the cells it leaves empty (聂长松
    <TAB>宣传委员<TAB><TAB>√ under 姓名 职务 会议角色 出勤) when reading them as empty puts its cells
    under the heading's columns (a gap of tabs may also be a wide one, read as one gap)."""
    cells = row_cells(row)
    if len(cells) == len(head) or "\t" not in row.text:
        return cells
    exact = [normalize(c) for c in row.text.strip(" \n").split("\t")]
    return exact if len(cells) < len(exact) <= len(head) else cells


def tabled_absences(lines: list[Line], finder: PersonFinder) -> Tabled | None:
    """The first table in ``lines`` that names absentees (or a roll that says nobody was away)."""
    for i, line in enumerate(lines):
        head = row_cells(line) if line.cells or TABLE_CELL_GAP.search(line.text.strip()) else []
        spaced = not head and _SPACED_HEAD.fullmatch(line.text.strip()) is not None
        head = line.text.split() if spaced else head
        columns = _columns(head)
        if columns is None:
            continue
        if (half := _side_by_side(head)) is not None:  # 序号 姓名 签到 序号 姓名 签到
            unfolded = _unfolded(lines[i + 1 :], half)
            found = _rows([line, *unfolded], 0, head[:half], columns, finder)
            found.rows = {i, *range(i + 1, i + 1 + len(unfolded) // 2)}  # (the sheet's rows as written)
        else:
            found = _rows(lines, i, head, columns, finder, spaced)
        if found.absences or found.roll:
            return found
    return headless_roll(lines, finder)


def _side_by_side(head: list[str]) -> int | None:
    """The width of one block of a sheet printed as two blocks side by side (the heading twice over)."""
    half = len(head) // 2
    return half if half >= 2 and len(head) == 2 * half and head[:half] == head[half:] else None


def _unfolded(rows: list[Line], half: int) -> list[Line]:
    """The rows of a two-block sheet, the left block's read down, then the right block's: one line per
    row of each block, up to the first line that is no row of both."""
    left: list[Line] = []
    right: list[Line] = []
    for row in rows:
        cells = row.text.strip(" \n").split("\t")
        if len(cells) != 2 * half:
            break
        for side, part in ((left, cells[:half]), (right, cells[half:])):
            text = "\t".join(part)
            side.append(dataclasses.replace(row, text=text, norm=normalize(text), cells=None))
    return [*left, *right]


# a heading row whose cells are apart by single spaces (序号 姓名 班组 考勤 备注): its rows are too
_SPACED_HEAD = re.compile(r"[\u4e00-\u9fff]{1,6}(?: [\u4e00-\u9fff]{1,6}){2,}")


def _spaced_cells(row: Line, head: list[str]) -> list[str]:
    """A row of a table apart by single spaces: a cell per heading, the last one taking the rest
    (a note may hold spaces of its own)."""
    return [normalize(c) for c in row.text.split(maxsplit=len(head) - 1)]


def labelled_absences(lines: list[Line], finder: PersonFinder) -> Tabled | None:
    """``tabled_absences`` of a table exported one labelled row per line (姓名：X；是否参会：否；备注：…),
    its rows and indices those of the lines as written."""
    table = as_table(lines)
    found = tabled_absences(table.lines, finder) if table is not None else None
    if table is None or found is None:
        return None
    back = {id(table.lines[k]): paragraph for k, paragraph in table.paragraphs.items()}
    return Tabled(
        [TabledAbsence(a.name, a.reason, back.get(id(a.line), a.line)) for a in found.absences],
        found.roll,
        {at for k in found.rows for at in table.source.get(k, [])},
    )


def _columns(head: list[str]) -> tuple[int, int | None, int | None] | None:
    """The names, status and reason columns of a heading row, or None when it heads no table of
    absence (no names column, or neither a status nor a reason column)."""
    who = next((k for k, c in enumerate(head) if _WHO.search(c)), None)
    if who is None:
        who = next((k for k, c in enumerate(head) if _WHO_AWAY.fullmatch(c)), None)
    if who is None:
        return None
    status = next((k for k, c in enumerate(head) if k != who and _STATUS.fullmatch(c)), None)
    reasons = _REASON if status is not None else _REASON_NO_STATUS
    why = next((k for k, c in enumerate(head) if k not in (who, status) and reasons.search(c)), None)
    if status is None and why is None:
        return None
    return who, status, why


def _rows(
    lines: list[Line],
    head_at: int,
    head: list[str],
    columns: tuple[int, int | None, int | None],
    finder: PersonFinder,
    spaced: bool = False,
) -> Tabled:
    """The table's rows under its heading, read until a row that is not one of them (a totals row,
    the text after the table); ``spaced``: its cells are apart by single spaces."""
    who, status, why = columns
    absences: list[TabledAbsence] = []
    rows = {head_at}
    for at in range(head_at + 1, len(lines)):
        row = lines[at]
        if _LABELLED_LINE.match(row.norm):
            break  # 列席人员:入党积极分子甲、乙 — the form's next field, after the table
        written = _spaced_cells(row, head) if spaced else _aligned_cells(row, head)
        cells = name_cell_joined(under_merged_head(written, head, who, finder), who)
        # a row may end early: its reason cell left empty (穆晓东　机械队)
        names = _names(cells[who], finder) if who < len(cells) <= len(head) else []
        if not names:
            break
        rows.add(at)
        reason = _cell(cells, why)
        if status is not None:
            state = _cell(cells, status) or ""
            if _AWAY_STATE.search(state) is None:
                continue  # came (出席, ✅), or the cell says nothing
            reason = reason or _state_reason(state)
        absences += [TabledAbsence(name, reason, row) for name in names]
    return Tabled(absences, roll=status is not None and len(rows) > 1, rows=rows)


# a line opening with a field's label (列席人员: / 会议内容:): the form goes on after the table
_LABELLED_LINE = re.compile(r"^(?:列席(?:人员|同志|对象)?|会议(?:内容|议程|主题))[:：]")


def _cell(cells: list[str], at: int | None) -> str | None:
    if at is None or at >= len(cells) or not cells[at] or cells[at] in NO_REASON_CELLS:
        return None
    return cells[at]


def _names(cell: str, finder: PersonFinder) -> list[str]:
    """The names a names cell holds: one, or several listed (甲、乙、丙); none when any item is no
    name (a totals row's 合计, the text after the table)."""
    items = [_STANDING.sub("", item) for item in _NAME_LIST.split(cell) if item]
    if not items or any(finder.resolve(item) is None and not name_cell(item) for item in items):
        return []
    return items


# a member's standing in brackets after the name in its cell: 陈淑贞(退休) / 甲(预备党员)
_STANDING = re.compile(r"\((?:退休|离休|离退休|在职|预备党员|正式党员|流动党员|老党员|预备|正式)\)$")


_NOT_NAME_CELLS = re.compile(
    r"合计|小计|总计|共计|说明|备注|人数|以上|其他|其余|会议|议程|内容|时间|地点|主题|活动|情况|记录|签名|签字"
)


def name_cell(item: str) -> bool:
    """A names column's cell that is a name whatever its surname (琚立诚, 殳俊杰): two to four
    characters, no totals word."""
    return (
        re.fullmatch(r"[\u4e00-\u9fff]{2,4}", item) is not None
        and _NOT_NAME_CELLS.search(item) is None
        and not is_label(item)
    )


def _state_reason(state: str) -> str | None:
    """The reason a status cell gives: what it says besides 请假 or 缺席 (请假(出差)), or the leave
    type it names (病假)."""
    rest = _STATE_WORDS.sub("", state).strip(",;:、 ")
    if rest:
        return rest
    return m.group() if (m := _LEAVE_TYPE.search(state)) else None


def under_merged_head(cells: list[str], head: list[str], who: int, finder: PersonFinder) -> list[str]:
    """A row one cell short whose name stands one column left of the name heading: the heading row
    opens with a label spanning the rows below (缺席人员 | 姓名 | 原因, then | 童建业 | 病休), whose
    empty cell the row lost; the row is read with that cell put back."""
    short = len(cells) == len(head) - 1 and who >= 1
    if (
        short
        and finder.resolve(cells[who - 1]) is not None
        and finder.resolve(cells[min(who, len(cells) - 1)]) is None
    ):
        return ["", *cells]
    return cells


def name_cell_joined(cells: list[str], who: int) -> list[str]:
    """A two-character name spaced out to the width of three (喻　芳) is one cell."""
    if who + 1 < len(cells) and len(cells[who]) == 1 and len(cells[who + 1]) == 1:
        return [*cells[:who], cells[who] + cells[who + 1], *cells[who + 2 :]]
    return cells


# a headless roll's status of coming (到, 出席, √); its status of not coming is ``_AWAY_STATE``'s,
# the whole cell a short word (假, 缺席, 病假, 请假(出差))
PRESENT_STATE = re.compile(r"已?到会?|到场|出席|参加|参会|已签到|[√✓✔☑✅]")
_NOTE_LABEL = re.compile(r"^(?:备注|说明|原因|事由|注)[:：]\s*")
_ROW_NUMBER = re.compile(r"\d{1,3}[.、]?")
MIN_ROLL_ROWS = 4  # rows in a run that make a headless roll
MIN_ROLL_PRESENT = 2  # ... of which came
MAX_STATE = 12  # characters of a status cell (请假(出差)); a longer cell is no status


def headless_roll(lines: list[Line], finder: PersonFinder) -> Tabled | None:
    """A roll written with no heading row (包洪宇　到 / 关晓雯　假　备注：…): the first run of at least
    ``MIN_ROLL_ROWS`` rows, each a name, a status and maybe a note, at least two of whom came."""
    run: list[tuple[int, str, str, str | None]] = []
    for at, line in enumerate(lines):
        rows = (
            _barred_rows(line, finder)
            or _comma_roll(line, finder)
            or [row for row in [_roll_row(line, finder)] if row is not None]
        )
        if rows:
            run += [(at, *row) for row in rows]
            continue
        if _is_roll(run):
            break
        run = []
    if not _is_roll(run):
        return None
    absences = [
        TabledAbsence(name, note or _state_reason(state), lines[at])
        for at, name, state, note in run
        if not PRESENT_STATE.fullmatch(state)
    ]
    return Tabled(absences, roll=True, rows={at for at, *_ in run}, people=len(run))


def _barred_rows(line: Line, finder: PersonFinder) -> list[tuple[str, str, str | None]]:
    """The rows of a roll written a name, a space and the status: several on one line apart by bars
    (甲 已签到｜乙 未签到（产假）) or one alone (丙 未签到（病假）); none when any piece is no row."""
    pieces = [p.strip() for p in _BAR.split(line.text.strip()) if p.strip()]
    if len(pieces) < 2 and line.cells is None and TABLE_CELL_GAP.search(line.text.strip()):
        return []  # (one piece: a row of a roll apart by wide gaps is _roll_row's)
    rows = []
    for piece in pieces:
        status = _STATUS_NOTE.fullmatch(piece)  # 乙 未签到（产假）: the note in brackets after the status
        cells = [status["who"], status["state"], status["note"]] if status else piece.split(maxsplit=2)
        row = _roll_row(
            dataclasses.replace(line, text=piece, norm=normalize(piece), cells=tuple(cells)), finder
        )
        if row is None:
            return []
        rows.append(row)
    return rows


# a roll written in a sentence after its label, each person and their status an item (点名:甲到,乙到,丙请假(…),丁到)
_COMMA_ROLL = re.compile(r"^(?:点名|点名情况|到会情况|出勤情况|出勤|签到情况)(?:记录)?:(?P<items>.+)$")
_COMMA_ITEM = re.compile(
    r"(?P<who>[\u4e00-\u9fff·]{2,6}?)(?P<state>到会|到|出席|请假|缺席|未到|[病事公产婚丧年]假)(?:\((?P<note>[^()]{1,40})\))?"
)


def _comma_roll(line: Line, finder: PersonFinder) -> list[tuple[str, str, str | None]]:
    """The rows of a roll written as one sentence after its label (see ``_COMMA_ROLL``); none when any
    item is not a name and a status."""
    m = _COMMA_ROLL.match(line.norm)
    if m is None:
        return []
    rows = []
    for item in split_outside_brackets(m["items"].rstrip("。"), ",、;"):
        found = _COMMA_ITEM.fullmatch(item)
        if found is None or len(_names(found["who"], finder)) != 1:
            return []
        rows.append((found["who"], found["state"], found["note"]))
    return rows


_BAR = re.compile(f"[{CELL_BARS}]")
_STATUS_NOTE = re.compile(r"(?P<who>\S{2,6})\s+(?P<state>[^\s（(]{1,6})[（(](?P<note>[^（()）]{1,40})[)）]")


# a roll's row with a dash or a colon between the person and the status, the person's title in brackets
# and what they did or why they were away after it (6.甲——请假(夜班后补休) / 1.乙(支部书记)——到会,主持会议)
_DASHED_ROW = re.compile(
    r"^(?:\d{1,3}[.、]\s*)?(?P<who>[\u4e00-\u9fff·]{2,6})(?:\([^()]{1,12}\))?\s*(?:——|—|:|-{1,2})\s*"
    r"(?P<state>到会|到场|已到|到|出席|参会|请假|假|缺席|缺|未到|[病事公产婚丧年]假)(?P<rest>.*)$"
)
_TITLE_CELL = re.compile(rf"(?:(?:{TITLE_PATTERN})|[、,·])+")
# a status cell with its note in brackets after it: 到(主持) / 假(腰伤)
_STATE_NOTE = re.compile(r"^(?P<state>[^()]{1,6})\((?P<note>[^()]{1,40})\)$")


def _roll_cells(line: Line) -> list[str] | None:
    """A roll row's cells, person first: dashed (see ``_DASHED_ROW``) or apart by gaps, a row number
    and a title before the person taken off (支部书记　甲　到(主持)), a status's bracket its note."""
    dashed = _DASHED_ROW.match(normalize(line.text.strip())) if line.cells is None else None
    if dashed is not None:
        rest = dashed["rest"].strip(" ,。")
        note = rest[1:-1] if rest.startswith("(") and rest.endswith(")") else rest
        return [dashed["who"], dashed["state"], *([note] if note else [])]
    if line.cells is None and not TABLE_CELL_GAP.search(line.text.strip()):
        return None
    cells = row_cells(line)
    if cells and _ROW_NUMBER.fullmatch(cells[0]):
        cells = cells[1:]
    if len(cells) == 3 and _TITLE_CELL.fullmatch(cells[0]):
        cells = cells[1:]  # 支部书记　甲　到: the title before the person
    if len(cells) == 2 and (m := _STATE_NOTE.match(cells[1])):
        cells = [cells[0], m["state"], m["note"]]
    return cells


def _roll_row(line: Line, finder: PersonFinder) -> tuple[str, str, str | None] | None:
    """A headless roll's row: its name, its status and its note (its label taken off), or None."""
    cells = _roll_cells(line)
    if cells is None:
        return None
    if not 2 <= len(cells) <= 3 or len(_names(cells[0], finder)) != 1:
        return None
    state = cells[1]
    if not (PRESENT_STATE.fullmatch(state) or (len(state) <= MAX_STATE and _AWAY_STATE.search(state))):
        return None
    note = _NOTE_LABEL.sub("", cells[2]) if len(cells) == 3 else None
    return cells[0], state, (note if note and note not in NO_REASON_CELLS else None)


def _is_roll(run: list[tuple[int, str, str, str | None]]) -> bool:
    present = sum(1 for _, _, state, _ in run if PRESENT_STATE.fullmatch(state))
    return len(run) >= MIN_ROLL_ROWS and present >= MIN_ROLL_PRESENT
