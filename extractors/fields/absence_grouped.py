"""Absentees told in groups by why they were away, each group with its number: read when the list
readers name fewer, and only when the groups add up to the number the counts leave away.

    出海捕捞的6人(甲、乙、丙、丁、戊、己),开海后还没回来;在外地做生意的3人(庚在深圳、辛在宁波、壬在迪拜);
    生病的2人,癸住院,子阿婆中风卧床      a group's reason, its number, then its names in brackets
                                        (each given the group's reason; a place after a name and a
                                        remark after the bracket are no one) or the names one by one,
                                        each with its own reason
    在外地的4人:甲在迪拜做建材生意,乙…;生病的2人:丙住院,丁…   the same with a colon
    因公出差(甲)、外出培训(乙) / 事由一致:因公外出(丙、丁)    a group's reason, its names in brackets
    …,还有丑在杭州读研究生                one more, a name and its own reason, after the groups

Every group must hold exactly its number of names, every name must open its item (a roster name
or a surname-anchored one), and the groups and the single names after them must add up to the
number away; else nothing is read (a false "absent without leave" costs more than a miss).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from core.models import Absentee, Evidence
from extractors.fields.attendance import HONORIFICS, REASON_START, clean_reason, reasonish
from extractors.fields.numbers import NUM, to_int
from extractors.fields.people import NOT_NAMES, PersonFinder, leading_guess
from extractors.layout.lines import Line

# a group: why, 的, how many (在外地做生意的3人 / 生病的2人), its names in brackets or after it
_GROUP = re.compile(
    rf"^(?:其中|另有|另外|还有)?(?P<r>[^,;:()\d的]{{2,14}})的(?:(?:党员|同志|人员)?(?:有|共))?(?P<n>{NUM})"
    r"(?:个人|个|人|名|位)(?:党员|同志)?(?:\((?P<names>[^()]+)\))?$"
)  # (因公外出的同志有2位: then its names, a list after the colon)
# a group's reason, 的, its names, then their number, a remark in brackets after:
# 随子女在外地居住的甲、乙、丙3人 / 年老卧床的丁、戊2人(已安排委员上门送学)
_INLINE = re.compile(
    rf"^(?:其中|另有|另外|还有)?(?P<r>[^,;:()\d的]{{2,14}})的(?P<names>[^,;:()\d的]{{2,40}}?)"
    rf"(?P<n>{NUM})(?:个人|个|人|名|位)(?:党员|同志)?(?:\([^()]+\))?$"
)
# a group's reason, 的有, its names, no number: 病假的有甲、乙 / 因公出差的是丙 (not 符合…的有关规定: 有关
# is one word; the reason must say why)
_HAS = re.compile(
    r"^(?:其中|另有|另外|还有)?(?P<r>[^,;:()\d的]{2,14})的(?:有(?!关)|是|为)(?P<names>[^,;:()的]{2,40})$"
)
# a group's reason, its number or not, its names in brackets: 因公出差(甲)、外出培训(乙) /
# 家中有事1人(丙);外出培训1人(丁) / 事由一致:因公外出(甲、乙)
_BRACKETED = re.compile(
    rf"^(?:其中|另有|另外|还有)?(?P<r>[^,;:()\d的]{{2,14}}?)(?:(?P<n>{NUM})(?:个人|个|人|名|位))?\((?P<names>[^()]+)\)$"
)
# a group's reason and its absence, its names after the colon: 身体不适未到:甲 / 外出开会未到:乙、丙
_ACT_HEAD = re.compile(
    r"^(?:其中|另有|另外|还有)?(?P<r>[^,;:()\d的]{2,14}?)(?:未到会?|未参加|未参会|未出席|缺席|没来|没到)$"
)
# one named with no reason, after the groups: 丙未请假 / 丁无故缺席
_NO_REASON = re.compile(r"^(?P<name>[\u4e00-\u9fff·]{2,8}?)(?:同志)?(?:未请假|无故缺席|未说明原因|原因不明)$")
# a head's act of absence is no group's reason (缺席的11名: then the groups)
_ONLY_AWAY = re.compile(r"^(?:缺席|缺会|缺勤|请假|没来|没到|没参加|未到|未到会|未参会|未参加|未出席)$")
_LEAD = re.compile(r"^(?:其中|另有|另外|还有|此外)+")
_HONORIFIC = re.compile(rf"^(?:{HONORIFICS})")
# a place after a name in a group's brackets: 甲在深圳 / 乙去了宁波
_PLACE = re.compile(r"^(?:在|去了?|到了?)[^,;、]{1,8}$")
MAX_GROUPS = 6
MAX_LINES = 8  # lines of one sentence read together


def absentees(lines: list[Line], finder: PersonFinder, room: int | None) -> list[Absentee]:
    """The absentees of the first sentence told in groups whose numbers add up to ``room``."""
    if not room:
        return []
    for k, line in enumerate(lines):
        start = _first_group(line.norm)
        if start is None:
            continue
        used = sentence_lines(lines[k:])
        text = "".join(ln.norm for ln in used)[start:]
        found = _read(text.rstrip("。."), finder)
        if found and len(found) == room:
            ev = [Evidence.of(ln.span, ln.text) for ln in used]
            return [Absentee(name, reason, list(ev)) for name, reason in found]
    return []


def sentence_lines(lines: list[Line]) -> list[Line]:
    """The first line and those continuing its sentence (lines cut at ``;`` or ``,``)."""
    used = [lines[0]]
    while used[-1].norm.endswith((";", ",")) and len(used) < min(len(lines), MAX_LINES):
        used.append(lines[len(used)])
    return used


def _first_group(norm: str) -> int | None:
    """Where the first group opens: after the head's colon or the sentence's last stop before it."""
    for m in re.finditer(
        r"(?:^|(?<=[:;,。]))[^,;:()。]{2,18}?(?:的|未到|未参|未出|缺席|没来|没到|(?=\())", norm
    ):
        piece = _pieces(norm[m.start() :])[0].rstrip("。.")
        if (group := _group_match(piece)) and not _ONLY_AWAY.match(group["r"]):
            return m.start()
    return None


def _group_match(piece: str) -> re.Match[str] | None:
    """A group's head: its number before its names (bracketed or after it) or after them."""
    has = _HAS.match(piece) or _ACT_HEAD.match(piece) or _BRACKETED.match(piece)
    return _GROUP.match(piece) or _INLINE.match(piece) or (has if has and reasonish(has["r"]) else None)


def _pieces(text: str) -> list[str]:
    """The text cut at commas, semicolons and colons outside brackets, and at a 、 after a bracket
    (因公出差(甲)、外出培训(乙): two groups)."""
    return [p for p in re.split(r"(?:[,;:]|(?<=\))、)(?![^()]*\))", text) if p]


def _read(text: str, finder: PersonFinder) -> list[tuple[str, str | None]]:
    """Each name with its reason; empty when any piece is not a group, a name of a group, a remark
    right after a bracketed group, or a name with its own reason."""
    pieces = _pieces(text)
    out: list[tuple[str, str | None]] = []
    groups, i, after_bracket = 0, 0, False
    while i < len(pieces):
        m = _group_match(pieces[i])
        if m is not None and not _ONLY_AWAY.match(m["r"]):
            read = _group(m, pieces[i + 1 :], finder)
            if read is None:
                return []
            named, used = read
            out.extend(named)
            groups, i, after_bracket = groups + 1, i + 1 + used, used == 0
            continue
        item = _unexplained(pieces[i], finder) or _named(_LEAD.sub("", pieces[i]), finder)
        if item is not None:
            out.append(item)
        elif not after_bracket:
            return []  # (only right after a bracket may a remark on its group stand: 开海后还没回来)
        i += 1
    return out if 0 < groups <= MAX_GROUPS else []


def _group(
    m: re.Match[str], after: list[str], finder: PersonFinder
) -> tuple[list[tuple[str, str | None]], int] | None:
    """A group's names with their reasons and how many of the pieces after it they took: its
    bracket's names with the group's reason, else as many pieces after it as its number, each a
    name with its own reason; None when the names are not as many as the number."""
    reason = clean_reason(m["r"])
    if "names" in m.re.groupindex and m["names"]:
        names = _bracketed_names(m["names"], finder)
        count = to_int(m["n"]) if "n" in m.re.groupindex and m["n"] else len(names or [])
        return ([(n, reason) for n in names], 0) if names is not None and len(names) == count else None
    listed = _bracketed_names(after[0], finder) if after else None  # …的同志有2位:甲、乙 / 病假未到:甲、乙
    if listed is not None and ("n" not in m.re.groupindex or len(listed) == to_int(m["n"])):
        return [(n, reason) for n in listed], 1
    if "n" not in m.re.groupindex:
        return None
    count = to_int(m["n"]) or 0
    items = [_named(p, finder) for p in after[:count]]
    named = [item for item in items if item is not None]
    return (named, count) if len(named) == count else None


def _unexplained(piece: str, finder: PersonFinder) -> tuple[str, str | None] | None:
    """One named with no reason, after the groups (丙未请假): the name, and None for the reason."""
    m = _NO_REASON.match(piece)
    name = _name_opening(m["name"], finder, lambda rest: not rest) if m else None
    return (name, None) if name else None


def _bracketed_names(text: str, finder: PersonFinder) -> list[str] | None:
    """The names in a group's brackets, a place after a name left out; None when an item is not."""
    names = []
    for item in re.split(r"[、,]", text):
        name = _name_opening(item, finder, lambda rest: not rest or bool(_PLACE.match(rest)))
        if name is None:
            return None
        names.append(name)
    return names


def _named(piece: str, finder: PersonFinder) -> tuple[str, str | None] | None:
    """A name opening ``piece`` and the reason after it (an honorific between left out); None when
    the piece does not open with a name or holds no reason after it."""
    name = _name_opening(piece, finder, lambda rest: bool(REASON_START.match(_HONORIFIC.sub("", rest))))
    reason = clean_reason(_HONORIFIC.sub("", piece[len(name) :])) if name else None
    return (name, reason) if name and reason else None


def _name_opening(piece: str, finder: PersonFinder, fits: Callable[[str], bool]) -> str | None:
    """The roster name or surname-anchored name ``piece`` opens with, the rest passing ``fits``."""
    hits = finder.find(piece)
    candidates = [hits[0].name] if hits and hits[0].start == 0 else []
    candidates += [piece[:k] for k in (4, 3, 2) if len(piece) >= k and leading_guess(piece[:k]) == piece[:k]]
    for name in candidates:
        if name not in NOT_NAMES and fits(piece[len(name) :]):
            return name
    return None
