"""Who presided, who led the oath, who kept the record.

Patterns run on normalised sentences (``Line.norm``). Each pattern captures a
short phrase around the name (``支部书记李光振同志``); ``PersonFinder.resolve``
cuts the name out of it, roster first.
"""

from __future__ import annotations

import re

from core.models import Evidence, TextSpan, Value
from extractors.fields.people import PersonFinder, PersonHit
from extractors.layout.lines import Line

_X = r"(?P<x>[^,;。由在:]{2,14}?)"

PRESIDER = [
    re.compile(r"^主持人?:(?P<x>[^,;。]{2,14})"),
    re.compile(rf"由{_X}(?:同志)?主持"),
    re.compile(rf"{_X}(?:同志)?主持(?!人)(?:了|召开)?(?:会议|本次|此次|活动|学习|$)"),
]
# OCR lines only: 主持 with one character misread (由李光振同志主特). Never trusted (unknown, not fail).
PRESIDER_SLIPPED = [re.compile(rf"由{_X}(?:同志)?(?:[^,;。:主]持|主[^,;。:持人讲任])")]
SLIP_CONFIDENCE = 0.6
OATH_LEADER = [
    re.compile(r"^领誓人?:(?P<x>[^,;。]{2,14})"),
    re.compile(rf"由{_X}(?:同志)?(?:领誓|领读|带领)"),
    re.compile(rf"在{_X}(?:同志)?的?(?:带领|领誓|领读)下"),
    re.compile(rf"{_X}(?:同志)?(?:领誓|领读|带领)"),
]
OATH_CONTEXT = re.compile(r"誓")
OATH_TAKEN = re.compile(r"(?:重温|宣读|诵读|领读|带领[^,;。]{0,10}?重温)(?:了)?入党誓词|领誓|举起右拳|面向党旗宣誓")
RECORDER = [
    re.compile(r"^记录(?:人|员)?:(?P<x>[^,;。]{2,14})"),
    re.compile(rf"由{_X}(?:同志)?(?:记录|担任记录)"),
]


def find_person(lines: list[Line], patterns: list[re.Pattern[str]], finder: PersonFinder,
                context: re.Pattern[str] | None = None) -> Value[str] | None:
    """The first person named by one of ``patterns`` (in order of preference).

    Read by OCR, the value is corroborated by every other line naming the same person
    for the same role (the 主持人 cell and 由…主持 in the text are two independent reads).
    """
    found = ((hit, line) for pattern in patterns for line in lines if (hit := _hit(pattern, line, finder, context)))
    first = next(found, None)
    if first is None:
        return None
    hit, line = first
    value = Value(hit.name, [Evidence.of(line.span, line.text)], _confidence(hit, line))
    if line.span.via == "ocr" and value.confidence < 1.0:
        corroborate(value, line.span, [(h, ln) for h, ln in found if h.name == hit.name])
    return value


def _hit(pattern: re.Pattern[str], line: Line, finder: PersonFinder,
         context: re.Pattern[str] | None) -> PersonHit | None:
    if context is not None and not context.search(line.norm):
        return None
    return _match(pattern, line.norm, finder, fuzzy=line.span.via == "ocr")


def _confidence(hit: PersonHit, line: Line) -> float:
    return (1.0 if hit.on_roster else 0.9) * hit.confidence * line.span.confidence


def corroborate(value: Value[str], read: TextSpan, others: list[tuple[PersonHit, Line]]) -> None:
    """Independent reads (other spans) agreeing: confidence 1 - Π(1 - cᵢ), their evidence added."""
    seen = {id(read)}
    doubt = 1.0 - value.confidence
    for hit, line in others:
        if id(line.span) in seen:
            continue
        seen.add(id(line.span))
        doubt *= 1.0 - _confidence(hit, line)
        value.evidence.append(Evidence.of(line.span, line.text))
    value.confidence = round(1.0 - doubt, 4)


def _match(pattern: re.Pattern[str], text: str, finder: PersonFinder, fuzzy: bool = False) -> PersonHit | None:
    for m in pattern.finditer(text):
        chunk = m["x"].rsplit("由", 1)[-1]
        hit = finder.resolve(chunk, fuzzy=fuzzy)
        if hit is not None:
            return hit
    return None


def presider(lines: list[Line], finder: PersonFinder) -> Value[str] | None:
    found = find_person(lines, PRESIDER, finder)
    if found is not None:
        return found
    slipped = find_person([ln for ln in lines if ln.span.via == "ocr"], PRESIDER_SLIPPED, finder)
    if slipped is not None:
        slipped.confidence = round(slipped.confidence * SLIP_CONFIDENCE, 4)
    return slipped


def oath_leader(lines: list[Line], finder: PersonFinder) -> Value[str] | None:
    return find_person(lines, OATH_LEADER, finder, context=OATH_CONTEXT)


def recorder(lines: list[Line], finder: PersonFinder) -> Value[str] | None:
    return find_person(lines, RECORDER, finder)


def oath_taken(lines: list[Line]) -> Value[bool] | None:
    for line in lines:
        if OATH_TAKEN.search(line.norm):
            return Value(True, [Evidence.of(line.span, line.text)], line.span.confidence)
    return None
