"""What a record form's template left in the text: its notes, its example sentences, its blanks.

Branches fill in the 记录簿 from a template handed out to them and often upload it before every
blank is filled: ``主持人:(填写主持人姓名及职务)``, ``领誓人:________``, ``XXX领誓``, ``应到__人``.
A note or an example (``(示例:由XXX同志领学《XXX》)``) is no part of the record: it is taken out
of the text that is read (``filled_only``), the quoted text stays as written. A blank left where a
role's name or a count belongs is positive evidence that the record lacks it (``unfilled``): the
checks fail on it, quoting the line, where otherwise they could only say a sentence went unread.
"""

from __future__ import annotations

import dataclasses
import re

from core.models import Evidence
from extractors.layout.lines import Line

# the template's note to the one filling it in, in brackets: (填写主持人姓名及职务) / [如有请填写] / 【填写姓名】
# (not (填写人:…): who filled it in)
_NOTE = re.compile(
    r"[(\[【](?:如有|如无)?(?:请)?(?:在此|此处)?(?:填写|填入|注明|写明|选填)(?!人:)[^()\[\]【】]{0,24}[)\]】]"
)
# the template's example, in brackets (or to the sentence's end, where the bracket was cut with the sentence):
# (示例:组长×××传达上级精神…) / (例:由XXX同志领誓…)
_EXAMPLE = re.compile(r"[(\[【](?:示例|例如|范例|样例|例)[:,][^()\[\]【】]*(?:[)\]】]|$)")
# a blank where a value belongs: XXX / ×× / ____ / □□ (not the letters of a word)
BLANK = r"(?<![A-Za-z])(?:[Xx×]{2,}|_{2,}|＿{2,}|□{2,})(?![A-Za-z])"
_BLANK = re.compile(BLANK)

# a form label whose value is only a note or a blank: 主持人:(填写…) / 领誓人:____ (the field each is)
_LABELS = {
    "presider": r"(?:会议)?主持人?",
    "oath_leader": r"领誓人?",
    "study_lead": r"领学人?",
    "expected_count": r"应到(?:人数|党员)?",
    "actual_count": r"实到(?:人数|党员)?",
    "absent_count": r"(?:缺席|请假)(?:人数)?",
}
_VALUE_LEFT = r"(?:同志|\(\)|人|名)?"
# a blank doing the act or counted: XXX领誓 / 由××同志领学 / 应到__人
_ACTS = {
    "presider": re.compile(rf"{BLANK}(?:同志)?主持"),
    "oath_leader": re.compile(rf"{BLANK}(?:同志)?(?:领誓|领读誓词)"),
    "study_lead": re.compile(rf"{BLANK}(?:同志)?(?:领学|带领[^,;。]{{0,8}}学习)"),
    "expected_count": re.compile(rf"应到(?:人数|党员)?:?{BLANK}(?:人|名)"),
    "actual_count": re.compile(rf"实到(?:人数|党员)?:?{BLANK}(?:人|名)"),
    "absent_count": re.compile(rf"(?:缺席|请假)(?:人数|党员)?:?{BLANK}(?:人|名)"),
}


def unfilled(lines: list[Line]) -> dict[str, list[Evidence]]:
    """Per field (``unfilled:presider`` …), the lines where the template's blank for it was left
    unfilled; examples are no blanks (``(示例:由XXX同志领誓)``)."""
    found: dict[str, list[Evidence]] = {}
    for line in lines:
        text = _EXAMPLE.sub("", line.norm)
        for field in _blank_fields(text):
            found.setdefault(f"unfilled:{field}", []).append(Evidence.of(line.span, line.text))
    return found


def _blank_fields(text: str) -> list[str]:
    fields = [field for field, act in _ACTS.items() if act.search(text)]
    for field, label in _LABELS.items():
        m = re.match(rf"^{label}:(?P<value>.*)$", text)
        if m is None or field in fields:
            continue
        value = m["value"].rstrip("。.;,")
        left = _BLANK.sub("", _NOTE.sub("", value))
        if value != left and re.fullmatch(_VALUE_LEFT, left):
            fields.append(field)
    return fields


def filled_only(lines: list[Line]) -> list[Line]:
    """``lines`` read without the template's notes, examples and blanks (the text quoted stays)."""
    return [_filled(line) for line in lines]


# the underline a filled-in value was written on: 应到_20_人
_UNDERLINE = re.compile(r"[_＿]+")


def _filled(line: Line) -> Line:
    norm = _UNDERLINE.sub("", _BLANK.sub("", _NOTE.sub("", _EXAMPLE.sub("", line.norm))))
    return line if norm == line.norm else dataclasses.replace(line, norm=norm)
