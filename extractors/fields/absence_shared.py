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
_AWAY = (
    rf"(?:均|都)?(?:未到会?|没到|未参加|未参会|未出席|缺席|请假|未签名|未签到|{NOT_ATTEND}|{NOT_COME})"
    r"(?:本次|此次)?(?:会议|活动)?"
)
# how the reason was learnt, between the absence and the reason: 会后电话核实, / 经核对(是)
_CHECKED = r"(?:(?:会后|事后|会前)?(?:经|通过)?(?:电话|微信)?(?:核对|核实|了解|询问|确认)(?:后)?,?)?"
_OF_ALL = rf"(?:原因)?(?:以上|上述)?(?:{NUM}(?:人|名|位))?(?:同志|党员)?(?:(?:均|都|皆)(?:为|是|系)?|(?<=[对实解问认,])(?:是|为|系))"
_SHARED = re.compile(rf"{_NAMES}{_COUNTED}{_AWAY}[,。;]{_CHECKED}{_OF_ALL}(?P<r>[^,;。]{{2,24}})")


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
    for k in range(len(pieces)):
        if names := exact_names("、".join(pieces[k:]), finder):
            # 签到表上甲、乙: the first name, after the words before it
            head = finder.find(pieces[k - 1]) if k else []
            if head and pieces[k - 1].endswith(head[-1].name):
                return [head[-1].name, *names]
            return names if len(names) > 1 else None
    return None
