"""The 党课 given at the meeting: who lectured and on what title.

``X以《…》为题讲授专题党课``, ``X为全体党员上了一堂…党课``, ``党课由X主讲``, ``主讲人:X``,
``X上专题党课,《…》``. The lecturer is the subject of the lecture verb (``grammar``);
the title is the 《…》 or “…” of the lecture sentence, None when it names none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.models import Evidence
from extractors.fields.grammar import Subjects
from extractors.fields.people import PersonFinder
from extractors.layout.lines import Line

_LECTURE = re.compile(r"党课")
_LABEL = re.compile(r"^主讲人?:(?P<x>[^,;。]{2,14})")
_BY = re.compile(r"由(?P<x>[^,;。由在:]{2,14}?)(?:同志)?(?:主讲|讲授|宣讲)")
# the act, up to the word 党课 in the same clause: 以…为题讲授 / 为全体党员上了一堂 / 作了…
_ACT = re.compile(
    r"(?:以|围绕|结合|就|为全体|为大家|为与会|给)?[^,;。]{0,40}?(?:讲授|讲了|上了|上|作了|做了|带来了|主讲|宣讲|讲)"
    r"[^,;。]{0,30}?党课"
)
_HEAD = re.compile(r"以|围绕|结合|就|为|给|讲授|讲了|上了|上|作了|做了|带来了|主讲|宣讲|讲")
_TITLE = re.compile(r"《(?P<t>[^》]{2,60})》|[\"“](?P<q>[^\"”。]{2,24})[\"”]")


@dataclass(frozen=True)
class Lecture:
    lecturer: str | None
    title: str | None
    evidence: list[Evidence]


def lecture(lines: list[Line], finder: PersonFinder) -> Lecture | None:
    subjects = Subjects(finder, [line.norm for line in lines])
    for line in lines:
        if not _LECTURE.search(line.norm) and not _LABEL.match(line.norm):
            continue
        name = _lecturer(line, subjects, finder)
        if name is not None:
            t = _TITLE.search(line.norm)
            title = (t["t"] or t["q"]) if t else None
            return Lecture(name, title, [Evidence.of(line.span, line.text)])
    return None


def _lecturer(line: Line, subjects: Subjects, finder: PersonFinder) -> str | None:
    for pattern in (_LABEL, _BY):
        m = pattern.search(line.norm)
        if m and (hit := finder.resolve(m["x"])) is not None:
            return hit.name
    for m in _ACT.finditer(line.norm):
        for head in _HEAD.finditer(line.norm, m.start(), m.end()):  # where the subject ends
            doer = subjects.before(line.norm, head.start(), line.text, roles=False)
            if doer is not None:
                return doer.name
    return None
