"""Where an absence may be explained in words the reader did not attach.

``attendance.absence_without_reason`` fails only on positive evidence: an absentee named with
nothing after the name, or an absence counted in a clause that says nothing else. A reason is
open-ended (``她在深圳参加“挑战杯”决赛``, ``驻新疆项目现场的``, ``分别因跑长途货运、在厂里值夜班``,
``晁东　倒班　　祁永利　倒班``), so no list of reason words decides that it is absent. Instead the
clauses around the absence are stripped of everything that is *not* a reason (the names, the
numbers, the words of attending and absence, pronouns, the meeting's own nouns); if words are
left, they may be the reason, and the sentence is a cue: the rule answers ``unknown`` quoting it.

A denial in those clauses (无故, 未请假, 未说明原因) is evidence of no reason: such a clause is
never a cue.

Clauses are split at punctuation and at white space (a spoken record written with spaces for
commas). The window of a named absentee is the rest of its clause and the next clause, plus
the start of its clause with the names and reasons read there taken out; the window of an
absent count is the clause that states the number and the next one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from core.models import Absentee, Value
from extractors.fields.leave_words import DENIED, NO_REASON_CELLS, no_reason_left
from extractors.fields.list_reasons import bare_in_repeating_list
from extractors.fields.numbers import NUM, to_int
from extractors.layout.lines import Line
from extractors.text.normalize import normalize

_CLAUSE_GAP = re.compile(r"[，,；;。！？!?]+|\s+")
# what is not a reason: attending and absence words, counting words, pronouns, connectives, the
# meeting's nouns and the labels of a form row
_NOT_REASON = re.compile(
    r"缺席人员|请假人员|缺席情况|请假情况|未到人员|及原因|原因|事由|名单|人员|人数|"
    r"缺席|缺勤|缺会|请假|未能|不能|无法|没有|没能|未|没|参加|出席|到会|参会|与会|到场|前往|"
    r"实到|应到|应出席|实际|到了|没来|来了|到|缺:|缺(?=\d|[一二两三四五六七八九十人名])|"
    r"预备党员|正式党员|党员|同志|其中|其余|其他|另有|另外|还有|合计|共|计|均|都|全部|全体|除|"
    r"分别|本次|此次|这次|当天|当日|会议|活动|主题党日|党日|大会|党课|组织生活会|支委会|小组会|"
    r"他们|她们|他|她|二人|两人|三人|以上|上述|如下|为|是|有|了|的|和|与|及|等|人|名|位|个|之"
)
_NUMBER = re.compile(NUM)
# a number of people: in figures, or in words before its unit (not the 一 of 邝一鸣)
_COUNT = re.compile(rf"\d+|{NUM}(?=[人名位个])")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ABBREVIATED = re.compile(r"[\u4e00-\u9fff]:|\([\u4e00-\u9fff]\)")
MIN_LEFT = 2  # characters left once the non-reasons are gone that may be a reason
# an absence heading with nothing after it: what it announces is on the lines below
_ABSENCE_HEADING = re.compile(r"^(?:缺席|请假|未到|未参加|缺勤|未参会)[^:]{0,8}:$")


def unread_absence(lines: list[Line], found: list[Absentee], absent: Value[int] | None) -> list[Line]:
    """Lines in which an absence may be explained by words the reader did not attach."""
    out = [ln for ln in lines if any(_bare_name_left(ln, a, found) for a in found if a.name and not a.reason)]
    given = len([a for a in found if a.name and a.reason])
    if absent is not None and absent.value > given:
        read_from = {e.text for e in absent.evidence}
        out += [
            ln
            for ln, nxt in itertools.pairwise([*lines, None])
            if ln is not None and ln.text in read_from and _count_left(ln, nxt, absent.value, found)
        ]
    out += _under_heading(lines, found)
    return list(dict.fromkeys(out))


# the note right after a name (柴守田同志(已86岁)): when it is no reason, nothing was left unread in it
_NOTE = re.compile(r"\((?P<note>[^()]{1,30})\)")
_NOTE_AFTER = re.compile(rf"^(?:同志)?{_NOTE.pattern}")


def _clauses(text: str) -> list[str]:
    return [c for c in (normalize(part) for part in _CLAUSE_GAP.split(text)) if c]


def _bare_name_left(line: Line, who: Absentee, found: list[Absentee]) -> bool:
    """The clause of a name read without a reason holds more than names and absence words."""
    name, names = who.name or "", _names(found)
    if not any(line.text == e.text for e in who.evidence) or name not in line.norm:
        return False
    clauses = _clauses(line.text)
    for i, clause in enumerate(clauses):
        at = clause.find(name)
        if at < 0:
            continue
        following = _up_to_next_name(clauses[i + 1 :], names)
        if any(DENIED.search(c) or c in NO_REASON_CELLS for c in [clause, *following]):
            return False  # 无故：晏小六 / 阮秋菊  监控班  /
        before = _without(_after_a_reason(clause[:at], found), names + _reasons(found))
        rest = clause[at + len(name) :] + "".join(following[:1])
        if bare_in_repeating_list(name, line.text):  # 甲、乙(务工) in a list repeating reasons: 乙's
            rest = _up_to_a_name(rest, names)
        if (note := _NOTE_AFTER.match(rest)) and no_reason_left(note["note"]):
            rest = _up_to_a_name(rest[note.end() :], names)  # its own note, judged: no one else's reason
        after = _without(rest, names)
        if _left(before) or _left(after):
            return True
    return False


def _up_to_next_name(clauses: list[str], names: list[str]) -> list[str]:
    """The clauses before the first one naming an absentee."""
    out = []
    for clause in clauses:
        if any(name in clause for name in names):
            break
        out.append(clause)
    return out


def _up_to_a_name(text: str, names: list[str]) -> str:
    at = min((i for n in names if (i := text.find(n)) >= 0), default=len(text))
    return text[:at]


def _count_left(line: Line, nxt: Line | None, absent: int, found: list[Absentee]) -> bool:
    """A clause stating the absent number holds more than counts and absence words, with the clause
    after it: the next of its sentence or, with nobody named absent, the first of the next sentence
    when it ends one (缺1个。龚志远跑的是夜班线)."""
    clauses = _clauses(line.text)
    following = clauses[1:] + (_clauses(nxt.text)[:1] if nxt is not None and not _names(found) else [])
    for i, clause in enumerate(clauses):
        if absent not in {to_int(m.group()) for m in _COUNT.finditer(clause)}:
            continue
        window = clause + "".join(following[i : i + 1])
        if DENIED.search(window):
            return False
        if _left(_without(without_judged_notes(window), _names(found) + _reasons(found))):
            return True
    return False


def without_judged_notes(text: str) -> str:
    """``text`` without the brackets that hold a note judged no reason (柴守田同志(已86岁))."""
    return _NOTE.sub(lambda m: "" if no_reason_left(m["note"]) else m[0], text)


def _under_heading(lines: list[Line], found: list[Absentee]) -> list[Line]:
    """With nobody named absent, the line under an absence heading left empty (``缺席情况：``)."""
    if any(a.name for a in found):
        return []
    return [
        nxt for ln, nxt in itertools.pairwise(lines) if _ABSENCE_HEADING.match(ln.norm) and _left(nxt.norm)
    ]


def _names(found: Iterable[Absentee]) -> list[str]:
    return [a.name for a in found if a.name]


def _reasons(found: Iterable[Absentee]) -> list[str]:
    return [normalize(a.reason) for a in found if a.reason]


def _after_a_reason(head: str, found: list[Absentee]) -> str:
    """The start of a clause without the end of a reason read before it that a clause break cut
    (甲(腰椎做了手术,在家躺着)、乙: 乙's clause opens with 在家躺着)."""
    for reason in _reasons(found):
        for piece in _CLAUSE_GAP.split(reason)[1:]:
            if piece and head.startswith(piece):
                return head[len(piece) :]
    return head


def _without(text: str, words: list[str]) -> str:
    for word in sorted(words, key=lambda w: (-len(w), w)):
        text = text.replace(word, "")
    return text


def _left(text: str) -> bool:
    """Words left once the non-reasons are gone: two characters, or one written as a reason's
    abbreviation (``病：鲁德贵``, ``张三（公）``)."""
    rest = _NOT_REASON.sub("", _NUMBER.sub("", text))
    return len(_CJK.findall(rest)) >= MIN_LEFT or _ABBREVIATED.search(rest) is not None
