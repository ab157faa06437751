"""Counts read by their arithmetic, where no phrasing gave them.

``支委7人到6人，缺1人`` / ``第三党小组共12人。本次到会11人，缺1人`` / ``小组在深圳的党员18人，今晚到了15人。没到的3个``
hold the whole, the part that came and the part away in words the phrasings do not know. When one
sentence, or a sentence and the next, holds three numbers of people of which the first is a whole
(a membership word before it), the second follows a word of attending and the third a word of
absence, and whole = came + away, the three are the counts: the sum is the evidence that they were
read together. Only the counts the phrasings left unread are filled, and only when the ones read
agree with the sum; a sentence holding two such readings gives none.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from core.models import Evidence, Value
from extractors.fields.attendance import BARE_ABSENT
from extractors.fields.numbers import NUM, to_int
from extractors.layout.lines import Line

# a number of people: 12人 / 十二名 / 3个 / 7位 (not 第3名, not 5人次)
_PEOPLE = re.compile(rf"(?<!第)(?<![\d.])(?P<n>{NUM})(?:名|人(?!次)|位|个)")
_CLAUSE = re.compile(r"[^,;。:]*$")
_NOT_ATTENDANCE = re.compile(r"评|选|票|同意|表决|慰问|走访|发展|转正|优秀|捐|生日|党龄|积极分子|群众|列席")
# before the whole: the members of a branch, a group, a committee
_WHOLE = re.compile(r"党员|同志|共|有|在册|支委|委员|小组|组|支部|全村|村|队|班|科|室")
# the part that came: the attending word just before the number, or just after it
_CAME_BEFORE = re.compile(
    r"(?<![未没不])(?:实到|到会|到场|到了|来了|出席|参加|参会|与会|到|来)(?:会议|活动)?的?(?:党员|同志)?(?:有|共|是)?$"
)
_CAME_AFTER = re.compile(r"^(?:党员|同志)?(?:参加|出席|到会|参会|到场|到了|来了|与会)")
# the part away: an absence word just before the number, or just after it
_AWAY_BEFORE = re.compile(
    r"(?:缺席|缺|没到|没来|未到|请假|未参加|没参加|未出席)的?(?:党员|同志)?(?:有|共|是)?$"
)
_AWAY_AFTER = re.compile(r"^(?:党员|同志)?(?:缺席|请假|没来|没到|未到|未能?参加|未能?出席)")


# figures a form writes bare: 参会28/31 / 到会率92.3%(24/26) (came over whole); 缺3: / 请假2(…) (BARE_ABSENT)
_CAME_OF_WHOLE = re.compile(
    r"(?:实到|到会|出席|参会|参加|出勤)[^,;。/]{0,12}?(?<![\d.])(?P<c>\d{1,3})/(?P<w>\d{1,3})(?![\d/])"
)


@dataclass(frozen=True)
class _Figure:
    value: int
    role: str  # "whole", "came", "away" or ""
    at: int = 0  # where in the text


def filled(
    lines: list[Line], counts: tuple[Value[int] | None, Value[int] | None, Value[int] | None]
) -> tuple[Value[int] | None, Value[int] | None, Value[int] | None]:
    """``counts`` (应到, 实到, 缺席) with the unread ones taken from a sentence whose figures add up;
    or, when the three read do not add up, all three from a sentence that adds up and agrees with two
    of them (支部现有党员22人，两场合计到会20人，2人请假 after 第一场…到会党员13人)."""
    if _add_up(counts):
        return counts
    if (parted := _parted_absence(lines, counts)) is not None:
        return parted
    for window in _windows(lines):
        found = _sum_in(" ".join(line.norm for line in window))
        if found is None:
            continue
        evidence = [Evidence.of(line.span, line.text) for line in window]
        confidence = min(line.span.confidence for line in window)
        if _agrees(counts, found):
            return tuple(  # type: ignore[return-value]
                c if c is not None else Value(v, evidence, confidence)
                for c, v in zip(counts, found, strict=True)
            )
        if _overruled(counts, found, window):
            return tuple(Value(v, evidence, confidence) for v in found)  # type: ignore[return-value]
    return counts


# a part of those away by why: 请假1人 / 病假1人 / 公差1人 / 出差1人
_AWAY_PART = re.compile(
    r"(?P<kind>请假|[病事产婚丧年休]假|公差|出差|公出|外出|因公|因事|因病|值班|培训|缺席|未到)的?(?:党员|同志)?"
    rf"(?P<n>{NUM})(?:名|人(?!次)|位)"
)
_BRACKETED = re.compile(r"\([^()]*\)")  # (上月:应到15人,实到14人,缺席1人): another meeting's


def _parted_absence(
    lines: list[Line], counts: tuple[Value[int] | None, Value[int] | None, Value[int] | None]
) -> tuple[Value[int] | None, Value[int] | None, Value[int] | None] | None:
    """应到17人，实到15人，请假1人，出差1人: those away told in parts by why, of which the count read
    one or none; the parts of one sentence, when they add up to 应到 - 实到, are the number away."""
    expected, actual, absent = counts
    if expected is None or actual is None:
        return None
    away = expected.value - actual.value
    for line in lines:
        found = list(_AWAY_PART.finditer(_BRACKETED.sub("", line.norm)))
        parts = [to_int(m["n"]) for m in found]
        if len({m["kind"] for m in found}) != len(found) or len(parts) < 2 or None in parts:
            continue  # (each part a kind of its own: 缺席1人…缺席1人 is a count told twice)
        if sum(p for p in parts if p is not None) != away:
            continue
        if absent is None or (absent.value != away and line.text in {e.text for e in absent.evidence}):
            return expected, actual, Value(away, [Evidence.of(line.span, line.text)], line.span.confidence)
    return None


def _add_up(counts: tuple[Value[int] | None, ...]) -> bool:
    expected, actual, absent = counts
    if expected is None or actual is None or absent is None:
        return False
    return expected.value == actual.value + absent.value


def _overruled(
    counts: tuple[Value[int] | None, ...], found: tuple[int, int, int], window: list[Line]
) -> bool:
    """Counts that do not add up give way to one sentence that does and shares two of them, unless
    they were all read from that sentence (应到9名，到会8名，缺2名 stays as written, to be doubted)."""
    if len(window) != 1 or any(c is None for c in counts):
        return False
    shared = sum(c is not None and c.value == v for c, v in zip(counts, found, strict=True))
    own = all(c is not None and {e.text for e in c.evidence} == {window[0].text} for c in counts)
    return shared >= 2 and not own


def _windows(lines: list[Line]) -> list[list[Line]]:
    return [[line] for line in lines] + [list(pair) for pair in itertools.pairwise(lines)]


def _agrees(counts: tuple[Value[int] | None, ...], found: tuple[int, int, int]) -> bool:
    return all(c is None or c.value == v for c, v in zip(counts, found, strict=True))


def _sum_in(text: str) -> tuple[int, int, int] | None:
    """The one (whole, came, away) of ``text`` that adds up, the whole first; None for none or two."""
    figures = sorted(
        [f for m in _PEOPLE.finditer(text) if (f := _figure(text, m)) is not None] + _bare_figures(text),
        key=lambda f: f.at,
    )
    sums = set()
    for w, first, second in itertools.combinations(figures, 3):
        c, a = (first, second) if first.role == "came" else (second, first)
        if (w.role, c.role, a.role) == ("whole", "came", "away") and w.value == c.value + a.value > c.value:
            sums.add((w.value, c.value, a.value))
    return sums.pop() if len(sums) == 1 else None


def _bare_figures(text: str) -> list[_Figure]:
    """The figures written without a unit: the whole before the part that came (``28/31`` after an
    attending word, both at the whole's place), and a bare count after a word of absence."""
    out = []
    for m in _CAME_OF_WHOLE.finditer(text):
        out += [_Figure(int(m["w"]), "whole", m.start("c")), _Figure(int(m["c"]), "came", m.start("c") + 1)]
    return out + [_Figure(int(m["n"]), "away", m.start()) for m in BARE_ABSENT.finditer(text)]


def _figure(text: str, m: re.Match[str]) -> _Figure | None:
    value = to_int(m["n"])
    if value is None:
        return None
    before = _CLAUSE.search(text[: m.start()])
    clause = before[0] if before else ""
    after = text[m.end() :]
    if _NOT_ATTENDANCE.search(clause) or _NOT_ATTENDANCE.match(after[:4]):
        return _Figure(value, "", m.start())
    if _AWAY_BEFORE.search(clause) or _AWAY_AFTER.match(after):
        return _Figure(value, "away", m.start())
    if _CAME_BEFORE.search(clause) or _CAME_AFTER.match(after):
        return _Figure(value, "came", m.start())
    return _Figure(value, "whole" if _WHOLE.search(clause) else "", m.start())
