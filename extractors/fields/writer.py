"""Who is 我 in a first-person record (我主持的 / 主持是我): a record written or dictated by one of
the people in it names its writer somewhere:

    我就是支部书记甲 / 我是支部书记甲 / 我叫甲 / 我(支部书记甲)   the writer says who they are
    2024-06-28 18:20 甲:…我主持                                   the speaker of a chat message
    环卫站 甲 / ——甲 / (所党支部 甲)                               a signature under the text

The speaker of the message the sentence is in comes first, then the writer's own words, then a
signature; without one of them 我 is nobody the reader can name.
"""

from __future__ import annotations

import re

from core.models import Evidence, Value
from extractors.fields.people import (
    PersonFinder,
    after_last_title,
    guess_name,
    leading_guess,
    strip_titles,
)
from extractors.layout.lines import Line
from extractors.text.normalize import normalize

WRITER_CONFIDENCE = 0.9  # 我 resolved through another sentence: a reading, not the name written there

# a chat message's head: [2023年4月20日 12:41] 甲: / 2024-06-28 18:20 甲: / 组织委员-甲:
_SPEAKER = re.compile(
    r"^\s*(?:\[[^\]]{4,30}\]|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?)\s*"
    r"(?P<who>[^:：\[\]]{2,14}?)\s*[:：]"
)
_SELF = re.compile(r"我(?:就|也)?(?:是|叫)(?P<x>[^,;。:!?]{2,16})|我\((?P<y>[^()]{2,16})\)")
# a signature: a short last line ending with a name, a unit or a dash before it, a date after it
_SIGNED = re.compile(
    r"^\s*(?:——|—|-|\()?\s*(?P<x>[^,;。:!?()]{2,20}?)\s*(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)?\s*\)?\s*$"
)
SIGNATURE_LINES = 2  # a signature is one of the last lines


def named_writer(texts: list[str], finder: PersonFinder) -> str | None:
    """The writer the record names in its own words or signs with (``texts``: the normalised
    sentences), for a 我 whose message head is not known."""
    for text in texts:
        if _SELF.search(text) and (name := _self_named(text, finder)) is not None:
            return name
    for text in texts[-SIGNATURE_LINES:][::-1]:
        if _SIGNED.match(text) and (name := guess_name(_DATE.sub("", text).strip(" ()—-"))) is not None:
            return name
    return None


def writer(line: Line, lines: list[Line], finder: PersonFinder) -> Value[str] | None:
    """The person 我 is in ``line``, quoting where the name was found."""
    if (found := _speaker(line, finder)) is not None:
        return Value(found, [Evidence.of(line.span, line.text)], WRITER_CONFIDENCE * line.span.confidence)
    for other in [*(ln for ln in lines if _SELF.search(ln.norm)), *_last_lines(lines)]:
        name = _self_named(other.norm, finder) if _SELF.search(other.norm) else _signed(other, finder)
        if name is not None:
            evidence = [Evidence.of(line.span, line.text), Evidence.of(other.span, other.text)]
            return Value(name, evidence, WRITER_CONFIDENCE * min(line.span.confidence, other.span.confidence))
    return None


def _speaker(line: Line, finder: PersonFinder) -> str | None:
    """The speaker of the chat message the sentence is part of (its paragraph's head)."""
    m = _SPEAKER.match(normalize(line.span.text))
    return _name(re.split(r"[-\s]", m["who"].strip())[-1], finder) if m else None


def _self_named(norm: str, finder: PersonFinder) -> str | None:
    for m in _SELF.finditer(norm):
        if (name := _name(m["x"] or m["y"], finder)) is not None:
            return name
    return None


def _last_lines(lines: list[Line]) -> list[Line]:
    return lines[-SIGNATURE_LINES:][::-1]


def _signed(line: Line, finder: PersonFinder) -> str | None:
    if _SIGNED.match(line.norm) is None:
        return None
    text = _DATE.sub("", normalize(line.text)).strip(" ()—-")
    return _name(re.split(r"\s+", text)[-1], finder)


_DATE = re.compile(r"\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日")


def _name(text: str, finder: PersonFinder) -> str | None:
    """The person ``text`` opens with once titles and units are taken off (支部书记甲 / 甲然后…):
    a roster name, else the longest surname-anchored guess."""
    text = after_last_title(strip_titles(text.strip()))
    hits = finder.find(text)
    if hits:
        return hits[0].name if hits[0].start == 0 else None
    return leading_guess(text)
