"""Sentences that talk about a field, whatever the parser could read from them.

A required rule fails only on positive evidence. When the parser finds no presider,
that is evidence of a missing presider only if the minutes never talk about presiding;
a sentence that does (``会议由支部书记主持``, ``主持人：张三（书记）``, a phrasing the grammar
does not know) leaves the question open, and the rule answers ``unknown`` quoting it.

Each cue is a keyword test on normalised sentences (``Line.norm``). A bare form label
with nothing written after it (``主持人:``, ``主持人:记录人:王芳``) is not a cue: an empty
cell is evidence that the field is missing.
"""

from __future__ import annotations

import re

from core.models import Evidence
from extractors.layout.lines import Line

# 在监票人的主持下: an election's chair, not the meeting's; 主持词: the script
_ELECTION_CHAIR = re.compile(r"在(?:总?监票人|计票人|唱票人)[^,;。]{0,8}的主持下")
_LABELS = (
    r"(?:会议|活动)?(?:主持人?|记录人?|记录员|领誓人?|时间|日期|地点|主题|内容|议题)"
    r"|(?:应到|实到|缺席|请假|参会|出席|列席)(?:人员|人数)?"
)
_EMPTY_LABEL = re.compile(rf"(?:{_LABELS}):(?=$|(?:{_LABELS}):)")

CUES: dict[str, re.Pattern[str]] = {
    "presider": re.compile(r"主持(?!词)"),
    "oath_leader": re.compile(
        r"领誓|领读[^,;。]{0,6}誓词|带领[^。;]{0,30}?(?:宣誓|誓词)|的?带领下[^。;]{0,24}?(?:宣誓|誓词)"
    ),
}


def cue_lines(lines: list[Line], field: str) -> list[Evidence]:
    """Evidence of every sentence that talks about ``field`` (a key of ``CUES``)."""
    pattern = CUES[field]
    return [Evidence.of(line.span, line.text) for line in lines if _talks_about(line.norm, pattern)]


def find_cues(lines: list[Line]) -> dict[str, list[Evidence]]:
    """Cue sentences per field; fields without any are left out."""
    found = {name: cue_lines(lines, name) for name in CUES}
    return {name: evidence for name, evidence in found.items() if evidence}


def _talks_about(text: str, pattern: re.Pattern[str]) -> bool:
    text = _ELECTION_CHAIR.sub("", _drop_empty_labels(text))
    return pattern.search(text) is not None


def _drop_empty_labels(text: str) -> str:
    """``主持人:记录人:王芳`` -> ``记录人:王芳``: a label followed by nothing or by the next label."""
    return _EMPTY_LABEL.sub("", text)
