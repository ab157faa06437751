"""Numbers of people in the attendance sentences that the counts read do not account for.

A record that writes ``全村党员36名（其中流动党员9名），在家党员到会22名，流动党员通过微信群参学5名`` holds
more figures than 应到, 实到 and 缺席; which of them the branch meant as 实到 is a judgement the
reader cannot make with confidence. When a sentence a count was read from holds a number of
people the counts do not account for, it is a cue (``count_unplaced``): a rule that would fail on
the counts (the 80 % threshold, 应到 = 实到 + 缺席) answers ``unknown`` instead, quoting it.
"""

from __future__ import annotations

import itertools
import re

from core.models import Evidence, Value
from extractors.fields.numbers import NUM, to_int
from extractors.text.normalize import normalize

# a number of people: 22名 / 5人 / 九位 / 三个 (not 第3名, 5人次, 10名以上 is still people)
_PEOPLE = re.compile(rf"(?<!第)(?<![\d.])({NUM})(?:名|人(?!次)|位|个(?=人|党员|同志|[,;。)]|$))")
# a part of a whole written as such, just before the number: (其中在外地的6位) / (含预备党员2名)
_PART = re.compile(r"(?:其中|含|包括|包含)[^;。()]{0,24}$")  # 其中正式党员18人，预备党员1人
# a number of people beside a word of attending: 到会17人 / 17名党员参加
_ATTENDING_NUMBER = re.compile(
    rf"(?:应到|实到|到会|出席|参会|参加|与会|到场|来了|到了)[^,;。]{{0,6}}?{NUM}(?:名|人|位|个)"
    rf"|{NUM}(?:名|人|位|个)[^,;。]{{0,6}}?(?:参加|出席|到会|参会|与会|到场)"
)
# ... in a sentence about others than the members (入党积极分子5人列席会议) or about other business
# (推荐2名党员参加评选, 转入党员6名): none of its numbers is a count of this meeting
_OTHER_BUSINESS = re.compile(
    r"列席|积极分子|发展对象|群众|嘉宾|旁听|家属|团员|志愿者|推荐|评选|选举|候选|转入|转出|票|发展"
)


def _counts_attendance(text: str, circular: bool) -> bool:
    """Whether a sentence about attendance may hold a count the reader missed: any such sentence
    when a count was worked out from the others (the check would hold by construction), else one
    with a number beside a word of attending; never one about others or other business."""
    return _OTHER_BUSINESS.search(text) is None and (circular or _ATTENDING_NUMBER.search(text) is not None)


# a number of others than the members, right after it: 另有12名入党积极分子旁听 / 3位群众列席
_OTHERS = re.compile(
    r"[^,;。\d]{0,4}?(?:入党积极分子|积极分子|发展对象|群众|嘉宾|列席|旁听|家属|团员|志愿者)"
)

MAX_PARTS = 3  # parts that add up to a count: 正式党员20人、预备党员5人 → 25


def unplaced(
    counts: tuple[Value[int] | None, ...], attendance: list[Evidence] | None = None
) -> list[Evidence]:
    """The sentences the counts were read from (``counts``: 应到, 实到, 缺席) that hold a number of
    people which is none of the counts (nor 应到 − 实到 when no 缺席 was read), no part of a whole
    (其中/含 N 名) and no sum of parts adding up to one of them; and, when 应到 ≠ 实到 + 缺席,
    those whose other numbers add up to 应到 − 实到: the 缺席 read is only a part of the absence
    (除去值班的两人和请假的三人，到会二十六人: 缺席 read as 3).

    When 应到 was not read, or a count was worked out from the others, every sentence speaking of
    attendance (``attendance``) is looked at too: the count may be written there in a form the
    reader missed (实到17 against 应到20, 缺席2; 实到 and 缺席 read, the 应到 written elsewhere).
    (A record that writes 应到 and 实到 and no 缺席 is common and whole: not then.)"""
    found = [c for c in counts if c is not None]
    placed = {c.value for c in found}
    expected, actual, absent = counts
    gap = expected.value - actual.value if expected is not None and actual is not None else None
    if gap is not None and absent is None:
        placed.add(gap)  # the absence written in parts (两人…三人)
    quoted = {(e.file, e.text): e for c in found if not c.inferred for e in c.evidence}
    circular = any(c is not None and c.inferred for c in counts)
    if attendance and (expected is None or circular):
        quoted |= {
            (e.file, e.text): e
            for e in attendance
            if (e.file, e.text) not in quoted and _counts_attendance(normalize(e.text), circular)
        }
    short = gap if absent is not None and gap is not None and absent.value < gap else None
    wholes = {c.value for c in (expected, actual) if c is not None}
    return [
        e
        for e in quoted.values()
        if _left_over(numbers := _numbers(normalize(e.text), placed), placed)
        or _adds_up(numbers, wholes, short)
    ]


def _adds_up(numbers: list[int], wholes: set[int], gap: int | None) -> bool:
    """Numbers other than the ``wholes`` (应到, 实到), two or more, adding up to ``gap``."""
    rest = [n for n in numbers if n not in wholes]
    return gap is not None and any(
        sum(c) == gap for k in range(2, MAX_PARTS + 1) for c in itertools.combinations(rest, k)
    )


def _numbers(text: str, placed: set[int]) -> list[int]:
    """The numbers of people in ``text``, leaving out parts written as such: after 其中/含/包括, or
    smaller numbers after a count and a colon (请假13人：执飞航班11人…)."""
    out, whole = [], None
    for m in _PEOPLE.finditer(text):
        n = to_int(m.group(1))
        if n is None or n <= 0 or _PART.search(text, 0, m.start()) or _OTHERS.match(text, m.end()):
            continue
        if whole is not None and n < whole:
            continue
        out.append(n)
        whole = n if n in placed and text[m.end() : m.end() + 1] == ":" else whole
    return out


def _left_over(numbers: list[int], placed: set[int]) -> bool:
    """A number none of the counts accounts for, alone or as a part adding up to one of them with
    up to two other numbers of the sentence."""
    rest = [n for n in numbers if n not in placed]
    for n in list(rest):
        others = list(numbers)
        others.remove(n)
        if any(n + sum(c) in placed for k in range(1, MAX_PARTS) for c in itertools.combinations(others, k)):
            rest.remove(n)
    return bool(rest)
