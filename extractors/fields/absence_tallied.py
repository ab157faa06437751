"""Absentees counted by reason and not named, in the sentence that says they were away:

    未到会的6名党员中，5名在外地务工，1名因病卧床，均已向总支请假。
    缺席8人，其中5人在合肥带学生顶岗实习，2人病假，1人在天津担任大赛裁判。
    全村党员41名，参加活动36名，其余5名党员均在外地务工。
    ICU值班、手术台上3人未参会。

A tally is read only when its parts add up to the absence: the counts of the parts, each with a
reason, plus the absentees named with a reason, come to exactly the number away (``absent``).
A part whose words say no leave was asked (其余3人未请假) has no reason, so it cannot add up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.models import Absentee, Evidence, Value
from extractors.fields.attendance import clean_reason, reasonish
from extractors.fields.leave_words import DENIED
from extractors.fields.numbers import NUM, to_int
from extractors.layout.lines import Line

# the words that make a sentence about those away: a part is read only in such a sentence
_AWAY_WORDS = re.compile(r"缺席|缺会|未到|没到|未参|没参|未能|没能|没来|未来|不能参|请假|请了假|其余|其他")
_UNIT = r"(?:名|人|位|个(?=人|党员|同志))"
# a part opening its clause: (其中/另有/还有/其余)5名(党员)(均)<reason>
_COUNT_FIRST = re.compile(
    rf"(?:^|(?<=[,;:、]))(?:其中|另有|还有|另外|其余|其他|另)?(?P<n>{NUM}){_UNIT}(?:党员|同志)?(?:均|都|分别)?"
    r"(?P<r>[^,;:。、]{2,30})"
)
# a part whose reason comes before its count: ICU值班、手术台上3人未参会
_REASON_FIRST = re.compile(
    rf"(?:^|(?<=[,;:]))(?P<r>[^,;:。\d]{{2,20}}?)(?P<n>{NUM}){_UNIT}(?:党员|同志)?(?:均|都)?"
    r"(?:未参会|未参加|未到会?|缺席|请假|没来|没到|未能参加|未能到会)"
)
# what ends a part's reason and is not why: the absence itself, the leave, the word for the people
_ACT_TAIL = re.compile(
    r"(?:的?(?:党员|同志))?(?:均|都)?(?:已经?|提前|事先|会前|书面|口头|电话)*(?:向[^,;。]{1,8}?)?"
    r"(?:请假|请了假|未参会|未参加|未能参加|未到会?|未能到会|缺席|没来|没到)?$"
)
_PRESENT = re.compile(r"^(?:参加|参会|出席|到会|到场|列席|旁听|在线|线上|现场|通过|同意|赞成|反对|弃权)")


def tallied(lines: list[Line], absent: int | None, named: list[Absentee]) -> tuple[Value[str], int] | None:
    """The reasons of the absentees counted and not named, and how many they are; None unless the
    parts of one sentence, each with a reason, and the absentees ``named`` with a reason add up to
    ``absent``."""
    for line, _, parts in _tallies(lines, absent, named):
        if all(r for _, r in parts):
            text = ";".join(f"{n}人{r}" for n, r in parts)
            return Value(text, [Evidence.of(line.span, line.text)], line.span.confidence), sum(
                n for n, _ in parts
            )
    return None


def refused(lines: list[Line], absent: int | None, named: list[Absentee]) -> list[Evidence]:
    """The sentence whose counted parts add up to the absence and say of some that they asked no
    leave (缺席6人:甲(…)、乙(…)、丙(…),其余3人未请假): positive evidence of absentees with no leave."""
    return [
        Evidence.of(line.span, _sentence_of(line, k))
        for line, k, parts in _tallies(lines, absent, named)
        if any(r is None for _, r in parts)
    ][:1]


def _tallies(
    lines: list[Line], absent: int | None, named: list[Absentee]
) -> Iterator[tuple[Line, int, list[tuple[int, str | None]]]]:
    """Each sentence's counted parts (the parts of its brackets only when those without them do not
    add up) that, with the absentees ``named`` with a reason, come to ``absent``; the sentence or the
    one before it must speak of absence."""
    if not absent:
        return
    reasoned = sum(1 for a in named if a.name and a.reason)
    before = ""
    for line in lines:
        for k, sentence in enumerate(line.norm.split("。")):
            if not sentence.strip():
                continue
            said, before = before + sentence, sentence  # (缺席3人。其中2人…: the sentence before says it)
            if not _AWAY_WORDS.search(said):
                continue
            for parts in (
                _parts(_unbracketed(sentence)),
                _parts(sentence.replace("(", ",").replace(")", ",")),
            ):
                if parts and sum(n for n, _ in parts) in (absent, absent - reasoned):
                    yield line, k, parts
                    break


def _sentence_of(line: Line, k: int) -> str:
    """The ``k``-th sentence of the line as written (the whole line when its stops were changed)."""
    written = line.text.split("。")
    return written[k] if len(written) == line.norm.count("。") + 1 else line.text


def _unbracketed(text: str) -> str:
    """The sentence without what its brackets hold (4名在外务工(江苏昆山3名、广东佛山1名): a part's
    own breakdown, not more parts)."""
    return re.sub(r"\([^()]*\)", "", text)


def _parts(sentence: str) -> list[tuple[int, str | None]]:
    """Each counted part of the sentence with its reason (None when its words say no reason)."""
    found: list[tuple[int, str | None]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_COUNT_FIRST, _REASON_FIRST):
        for m in pattern.finditer(sentence):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            said = _ACT_TAIL.sub("", m["r"]).strip()
            if _PRESENT.match(said) or not said:
                continue  # 到会18人,线上参会7人: those who came
            count = to_int(m["n"])
            refused = DENIED.search(m["r"])
            if count is None or not (reasonish(said) or refused):
                continue
            taken.append((m.start(), m.end()))
            found.append((count, None if refused else clean_reason(said)))
    return found
