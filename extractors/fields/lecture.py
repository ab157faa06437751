"""The 党课 given at the meeting: who lectured and on what title.

``X讲授/讲了/作了…党课``, ``X以《…》为题…党课``, ``党课由X主讲``, ``主讲人:X``. The
title is the 《…》 or “…” in the lecture sentence; a sentence that names no 党课
(an event theme in quotes) gives no title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.models import Evidence
from extractors.fields.people import PersonFinder
from extractors.layout.lines import Line

_LECTURE = re.compile(r"党课|主讲|微党课|讲党课")
_TITLE = re.compile(r"《(?P<t>[^》]{2,60})》|[\"“](?P<q>[^\"”]{2,60})[\"”]")
_LECTURER = [
    re.compile(r"^主讲人?:(?P<x>[^,;。]{2,14})"),
    re.compile(r"由(?P<x>[^,;。由在:]{2,14}?)(?:同志)?(?:主讲|讲授|宣讲)"),
    re.compile(
        r"(?P<x>[^,;。由在:]{2,14}?)(?:同志)?(?:以|围绕|结合|就|为全体党员|为大家|为与会党员)?"
        r"[^,;。]{0,40}?(?:讲授|讲了|上了|作了|做了|开展了|带来了|主讲)[^,;。]{0,30}?党课"
    ),
]


@dataclass(frozen=True)
class Lecture:
    lecturer: str | None
    title: str | None
    evidence: list[Evidence]


def lecture(lines: list[Line], finder: PersonFinder) -> Lecture | None:
    for line in lines:
        if not _LECTURE.search(line.norm):
            continue
        for pattern in _LECTURER:
            m = pattern.search(line.norm)
            if m is None:
                continue
            hit = finder.resolve(m["x"].rsplit("由", 1)[-1])
            if hit is None:
                continue
            t = _TITLE.search(line.norm)
            title = (t["t"] or t["q"]) if t else None
            return Lecture(hit.name, title, [Evidence.of(line.span, line.text)])
    return None
