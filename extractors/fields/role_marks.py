"""Roles written beside names instead of in sentences.

Lists, rosters and tables often carry the meeting's roles as marks on the people they name:
``柏松涛（支部书记、主持）``, ``主持——支部书记尚怀谷``, ``主持/记录：卓沛霖/路欣怡``,
``鞠文海—书记/主持``, a table row ``吕砚秋 | 支部书记 | 主持 | √``. ``role_lines`` writes each such
mark as the form pair the officers' readers know (``主持人:柏松涛``), one line per mark quoting the line
it came from. They are read only when the record's own sentences name nobody for the role: a role
planned in a list and changed in the narrative is the narrative's.
"""

from __future__ import annotations

import dataclasses
import re

from extractors.fields.people import guess_name, strip_titles
from extractors.layout.lines import TABLE_CELL_GAP, Line, is_label
from extractors.text.normalize import normalize

# a role mark and the form label it stands for
_ROLES = {"主持": "主持人", "领誓": "领誓人", "领学": "领学人", "记录": "记录人"}
_ROLE = r"(?:主持|领誓|领学|记录)(?:人|会议)?"
_ROLE_LIST = re.compile(rf"^{_ROLE}(?:[、/,]{_ROLE})*$")
# 柏松涛(支部书记、主持): a bracket after a name holding a role among titles
# (a roll's mark of present between them: 支部书记　甲　到（主持）)
_BRACKETED = re.compile(
    r"(?P<x>[^、,;:()/—\-→]{2,14}?)(?:到会|到场|出席|到|√|✓)?\((?P<r>[^()]{2,30})\)(?!:)"
)  # not 组长(主持):X
# 主持——支部书记尚怀谷 / 领誓—X: the role, a dash, the person
_DASHED = re.compile(rf"(?P<role>{_ROLE})(?:——|—|－{{1,2}}|-{{1,2}}|→)(?P<x>[^;,。、—]{{2,20}})")
# 鞠文海—书记/主持: the person, a dash, titles and roles parted by slashes
_NAME_DASH = re.compile(r"^(?P<x>[^—\-:;,、]{2,8})(?:——|—)(?P<r>[^—]{2,20})$")
# 主持/记录:卓沛霖/路欣怡: roles and people in the same order
_SLASHED = re.compile(rf"(?P<roles>{_ROLE}(?:/{_ROLE})+):(?P<x>[^;。]+)")


# a roll-call row: the person, their title, a dash, present, then what they did (1.裘某(支部书记)——到会,主持会议)
_ROLL_ROW = re.compile(
    rf"^(?:\d{{1,2}}[.、]?)?(?P<x>[\u4e00-\u9fff]{{2,4}})(?:\([^()]{{1,12}}\))?(?:——|—|:|-{{1,2}})"
    rf"(?:到会|到场|出席|参会|到|√|✓)(?:\([^()]*\))?[,、](?P<r>{_ROLE}(?:[、,]{_ROLE})*)[。]?$"
    # … or the roles in brackets after the status: 陆某:到(主持)
    rf"|^(?:\d{{1,2}}[.、]?)?(?P<y>[\u4e00-\u9fff]{{2,4}})(?:——|—|:|-{{1,2}})(?:到会|到场|出席|参会|到|√|✓)"
    rf"\((?P<b>{_ROLE}(?:[、,]{_ROLE})*)\)[。]?$"
)


def role_lines(lines: list[Line]) -> list[Line]:
    """A line per role mark of ``lines`` (see the module's note), its norm the form pair."""
    out = []
    for line in lines:
        pairs = _bracketed(line.norm) + _dashed(line.norm) + _slashed(line.norm) + _marked_cells(line.text)
        pairs += _roll_row(line.norm)
        out += [dataclasses.replace(line, norm=f"{label}:{who}。") for label, who in pairs]
    return out


def _roll_row(norm: str) -> list[tuple[str, str]]:
    m = _ROLL_ROW.match(norm)
    return [(label, m["x"] or m["y"]) for label in _labels(m["r"] or m["b"])] if m else []


def _labels(marks: str) -> list[str]:
    """The form labels of the roles among ``marks`` (支部书记、主持 → 主持人)."""
    parts = [p.removesuffix("人").removesuffix("会议") for p in re.split(r"[、/,]", marks)]
    return [_ROLES[p] for p in parts if p in _ROLES]


def _bracketed(norm: str) -> list[tuple[str, str]]:
    return [(label, m["x"]) for m in _BRACKETED.finditer(norm) for label in _labels(m["r"])]


def _dashed(norm: str) -> list[tuple[str, str]]:
    return [(label, m["x"]) for m in _DASHED.finditer(norm) for label in _labels(m["role"])]


def _slashed(norm: str) -> list[tuple[str, str]]:
    out = []
    for m in _SLASHED.finditer(norm):
        roles = m["roles"].split("/")
        people = re.split(r"/(?![^()]*\))", m["x"])
        if len(people) == len(roles):
            out += [(_labels(r)[0], re.sub(r"\([^()]*\)", "", p)) for r, p in zip(roles, people, strict=True)]
    return out


def _marked_cells(text: str) -> list[tuple[str, str]]:
    """A table row or a list of items parted by gaps: a name with a cell of roles after it
    (``吕砚秋 | 支部书记 | 主持、领学 | √``; ``鞠文海—书记/主持　蓝秀清—组织委员/领誓``); not a row of
    form labels and their values (``主持人 | X | 记录人 | Y``)."""
    cells = [normalize(c) for c in TABLE_CELL_GAP.split(text.strip()) if c.strip()]
    out = []
    if len(cells) >= 2 and _a_name(cells[0]) and any(_ROLE_LIST.match(c) for c in cells[1:]):
        out += [(label, cells[0]) for c in cells[1:] if _ROLE_LIST.match(c) for label in _labels(c)]
    for cell in cells:
        if (m := _NAME_DASH.match(cell.split(":")[-1])) is not None:
            out += [(label, m["x"]) for label in _labels(m["r"])]
    return out


def _a_name(cell: str) -> bool:
    """A row's first cell naming a person (not a form label, an item number or a heading)."""
    return not is_label(cell) and guess_name(strip_titles(cell)) is not None
