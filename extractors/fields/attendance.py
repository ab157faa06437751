"""Attendance: expected / actual / absent counts, absentees with reasons, attendee lists.

Only phrases about *this meeting* count: 应到/实到/缺席/请假/参加. Membership
figures (``支部共有党员21名``) and vote tallies (``同意23票``) are not attendance.
"""

from __future__ import annotations

import re

from core.models import Absentee, Evidence, Value
from extractors.fields.numbers import NUM, to_int
from extractors.fields.people import PersonFinder
from extractors.layout.lines import Line

_U = r"(?:名|人|位)"
_WHO = r"(?:党员|同志|人员|人数|会|正式党员|预备党员)?"

EXPECTED = [
    re.compile(rf"应(?:到|参会|参加|出席){_WHO}(?:人数)?:?(?P<n>{NUM}){_U}?"),
]
ACTUAL = [
    re.compile(rf"(?:实到|实际到会|实际参会|实际参加|实际出席|到会|出席){_WHO}(?:人数)?:?(?P<n>{NUM}){_U}?"),
    re.compile(rf"参会{_WHO}(?:人数)?:?(?P<n>{NUM}){_U}"),
    re.compile(rf"共(?:有)?(?P<n>{NUM}){_U}(?:党员|同志)?(?:参加|参会|出席|到会)"),
    re.compile(rf"(?<![应共有])(?P<n>{NUM}){_U}(?:党员|同志)(?:参加|参会|出席|到会)"),
]
ABSENT = [
    re.compile(rf"(?:缺席|请假|缺勤){_WHO}(?:人数)?:?(?P<n>{NUM}){_U}"),
    re.compile(rf"(?:缺席|请假)人数:(?P<n>{NUM})"),
    re.compile(rf"(?P<n>{NUM}){_U}(?:党员|同志)?(?:因[^,;。]{{1,10}}?)?(?:请假|缺席|未参加|未到会|未到)"),
]
_ABSENT_LIST = re.compile(r"^(?:缺席|请假)(?:人员|党员|同志)?(?:及(?:原因|事由))?:(?P<list>.*)")
_ABSENT_PROSE = re.compile(
    r"(?P<names>[^,;。:]{2,24}?)(?:等)?(?:(?:共)?" + NUM + r"(?:名|人|位)(?:同志|党员)?)?"
    r"(?P<reason>因[^,;。]{1,10}?)?(?:请假|缺席|未参加)"
)
_ATTENDEE_LIST = re.compile(r"^(?:参会|参加|出席|到会)(?:人员|党员|同志)(?:名单)?:(?P<list>.+)")
_ITEM = re.compile(r"^(?P<name>[^()]+?)\((?P<reason>[^)]*)\)$|^(?P<name2>[^()]{2,4}?)(?P<reason2>因.+|病假|事假|公出|出差.*)$")
_NONE = {"无", "没有", "无缺席", "全到", "全部到会"}


def count(lines: list[Line], patterns: list[re.Pattern[str]]) -> Value[int] | None:
    for pattern in patterns:
        for line in lines:
            m = pattern.search(line.norm)
            if m and (n := to_int(m["n"])) is not None:
                return Value(n, [Evidence.of(line.span, line.text)], line.span.confidence)
    return None


def expected(lines: list[Line]) -> Value[int] | None:
    return count(lines, EXPECTED)


def actual(lines: list[Line]) -> Value[int] | None:
    return count(lines, ACTUAL)


def absent(lines: list[Line]) -> Value[int] | None:
    value = count(lines, ABSENT)
    if value is None and any(_is_none_list(line) for line in lines):
        line = next(line for line in lines if _is_none_list(line))
        return Value(0, [Evidence.of(line.span, line.text)], line.span.confidence)
    return value


def _is_none_list(line: Line) -> bool:
    m = _ABSENT_LIST.match(line.norm)
    return bool(m) and m["list"].strip("。.") in _NONE


def absentees(lines: list[Line], finder: PersonFinder) -> list[Absentee]:
    for line in lines:
        m = _ABSENT_LIST.match(line.norm)
        if m and m["list"] and m["list"].strip("。.") not in _NONE:
            return _parse_list(m["list"], line, finder)
    out: list[Absentee] = []
    for line in lines:
        out.extend(_prose_absentees(line, finder))
    return out


def _parse_list(text: str, line: Line, finder: PersonFinder) -> list[Absentee]:
    out = []
    for part in re.split(r"[、,;，；]+(?![^()]*\))", text.strip("。.")):
        m = _ITEM.match(part)
        name_part = (m["name"] or m["name2"]) if m else part
        reason = (m["reason"] or m["reason2"]) if m else None
        hit = finder.resolve(name_part, fuzzy=line.span.via == "ocr")
        if hit is not None:
            out.append(Absentee(hit.name, clean_reason(reason), [Evidence.of(line.span, line.text)]))
    return out


def _prose_absentees(line: Line, finder: PersonFinder) -> list[Absentee]:
    out = []
    for m in _ABSENT_PROSE.finditer(line.norm):
        names = finder.names_in_list(m["names"].rsplit(",", 1)[-1], fuzzy=line.span.via == "ocr")
        reason = clean_reason(m["reason"])
        ev = [Evidence.of(line.span, line.text)]
        out.extend(Absentee(name, reason, ev) for name in names)
    return out


def clean_reason(reason: str | None) -> str | None:
    if not reason:
        return None
    reason = reason.strip("()（）。., ")
    reason = re.sub(r"(?<=.)(?:请假|缺席)$", "", reason)
    return reason or None


def attendees(lines: list[Line], finder: PersonFinder) -> Value[list[str]] | None:
    for line in lines:
        m = _ATTENDEE_LIST.match(line.norm)
        if m:
            names = finder.names_in_list(m["list"], fuzzy=line.span.via == "ocr")
            if names:
                return Value(names, [Evidence.of(line.span, line.text)], line.span.confidence)
    return None


CORROBORATED = 0.95  # a count that an independent source states too


def corroborate_count(value: Value[int] | None, *others: int | None) -> Value[int] | None:
    """A count read with low confidence (OCR) is confirmed when an independent source (the
    sign-in count, the platform's reported attendance) states the same number."""
    if value is None or value.confidence >= CORROBORATED:
        return value
    if any(other is not None and other == value.value for other in others):
        value.confidence = CORROBORATED
    return value
