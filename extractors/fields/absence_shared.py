"""Absentees named with their absence, then one reason said of them all in the next clause:

    冉秋池、宋听澜、周岚未到，三人均为因公外出。
    冉秋池、宋听澜、周岚三位同志未参加，都是因公外出。
    冉秋池、宋听澜缺席。以上同志均因公外出请假。

Every name must be a roster name as written and the shared words must read as a reason; the
list must name no more people than the counts leave away (``room``, when known).
"""

from __future__ import annotations

import re

from core.models import Absentee, Evidence
from extractors.fields.attendance import NOT_ATTEND, NOT_COME, clean_reason, exact_names, reasonish
from extractors.fields.numbers import NUM
from extractors.fields.people import PersonFinder
from extractors.layout.lines import Line

_NAMES = r"(?P<names>[\u4e00-\u9fff·]{2,5}?(?:[、,和与及][\u4e00-\u9fff·]{2,5}?)+)"
_COUNTED = rf"(?:同志)?(?:{NUM}(?:人|名|位)(?:同志|党员)?)?"
_AWAY = rf"(?:均|都)?(?:未到会?|未参加|未参会|未出席|缺席|请假|{NOT_ATTEND}|{NOT_COME})(?:本次|此次)?(?:会议|活动)?"
_OF_ALL = rf"(?:原因)?(?:以上|上述)?(?:{NUM}(?:人|名|位))?(?:同志|党员)?(?:均|都|皆)(?:为|是|系)?"
_SHARED = re.compile(rf"{_NAMES}{_COUNTED}{_AWAY}[,。;]{_OF_ALL}(?P<r>[^,;。]{{2,24}})")


def absentees(lines: list[Line], finder: PersonFinder, room: int | None) -> list[Absentee]:
    """The absentees of the first line (with the next, when the reason is its own sentence) telling
    them this way, each with the shared reason."""
    for k, line in enumerate(lines):
        used = lines[k : k + 2] if line.norm.endswith("。") else [line]
        for m in _SHARED.finditer("".join(ln.norm for ln in used)):
            names = _trailing_names(m["names"], finder)
            said = m["r"]  # (均未请假 / 都没说: said of all, but no reason, which clean_reason drops)
            reason = clean_reason(said) if reasonish(said) else None
            if names and reason and (room is None or len(names) <= room):
                return [
                    Absentee(name, reason, [Evidence.of(ln.span, ln.text) for ln in used]) for name in names
                ]
    return []


def _trailing_names(text: str, finder: PersonFinder) -> list[str] | None:
    """The roster names the list ends with, two or more (会前点名,甲、乙、丙: 甲、乙、丙)."""
    pieces = re.split(r"[、,和与及]", text)
    for k in range(len(pieces) - 1):
        if names := exact_names("、".join(pieces[k:]), finder):
            return names
    return None
