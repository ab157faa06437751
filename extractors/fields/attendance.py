"""Attendance: expected / actual / absent counts, absentees with reasons, attendee lists.

Only phrases about *this meeting* count: 应到/实到/缺席/请假/参加. Membership
figures (``支部共有党员21名``) and vote tallies (``同意23票``) are not attendance.
"""

from __future__ import annotations

import re

from core.models import Absentee, Evidence, Value
from extractors.fields.numbers import NUM, to_int
from extractors.fields.people import COMPOUND_SURNAMES, TITLES, PersonFinder, guess_name
from extractors.layout.lines import Line

_U = r"(?:名|人|位)"
_WHO = r"(?:党员|同志|人员|人数|会议|会|正式党员|预备党员)?"
_IS = r"(?:人数)?(?:为|是|共|共计|:)?"

EXPECTED = [
    re.compile(rf"应(?:到|参会|参加|出席|到会){_WHO}{_WHO}{_IS}(?P<n>{NUM}){_U}?"),
    # a membership figure paired with this meeting's attendance: 支部31名党员,出席会议25人
    re.compile(
        rf"(?:支部|全支部|现有|共有)(?P<n>{NUM}){_U}党员[,;](?:本次|此次|实际)?(?:出席|参加|到会|参会)"
    ),
    re.compile(rf"(?:现有|共有)党员(?P<n>{NUM}){_U}[,;](?:本次|此次|实际)?(?:出席|参加|到会|参会)"),
]
ACTUAL = [
    re.compile(
        rf"(?<!应)(?:实到|实际到会|实际参会|实际参加|实际出席|实参会|实参加|实出席|到会|出席)"
        rf"{_WHO}{_WHO}{_IS}(?P<n>{NUM}){_U}?"
    ),
    re.compile(rf"(?:参会|与会){_WHO}{_IS}(?P<n>{NUM}){_U}"),
    re.compile(rf"共(?:有)?(?P<n>{NUM}){_U}(?:党员|同志)?(?:参加|参会|出席|到会|参与)"),
    re.compile(
        rf"(?<![应共])(?<!共有)(?P<n>{NUM}){_U}(?:党员|同志)(?:及[^,;。]{{0,12}}?)?(?:参加|参会|出席|到会|参与)"
    ),
    re.compile(rf"(?<=有)(?P<n>{NUM}){_U}(?:参加|参会|出席|到会|参与)"),
]
ABSENT = [
    re.compile(rf"(?:缺席|请假|缺勤){_WHO}(?:人数)?:?(?P<n>{NUM}){_U}"),
    re.compile(rf"(?:缺席|请假)人数:(?P<n>{NUM})"),
    re.compile(rf"(?P<n>{NUM}){_U}(?:党员|同志)?(?:因[^,;。]{{1,10}}?)?(?:请假|缺席|未参加|未到会|未到)"),
]
_ABSENT_LIST = re.compile(
    r"^(?:缺席|请假|未参会|未到会|未参加|缺会)(?:人员|党员|同志)?(?:名单|情况)?(?:及(?:原因|事由))?:(?P<list>.*)"
)
_ABSENT_PROSE = re.compile(
    r"(?P<names>[^,;。:]{2,24}?)(?:等)?(?:(?:共)?" + NUM + r"(?:名|人|位)(?:同志|党员)?)?"
    r"(?P<reason>因[^,;。]{1,10}?)?(?:请假|缺席|未参加)"
)
_ATTENDEE_LIST = re.compile(
    r"(?:^|(?<=[。:;,]))(?:参会|参加|出席|到会)(?:人员|党员|同志)(?:名单)?:(?P<list>[^。]+。?)"
)
_ITEM = re.compile(
    r"^(?P<name>[^()]+?)\((?P<reason>[^)]*)\)$|^(?P<name2>[^()]{2,4}?)(?P<reason2>因.+|病假|事假|公出|出差.*)$"
)
_NONE = {"无", "没有", "无缺席", "全到", "全部到会"}


def count(lines: list[Line], patterns: list[re.Pattern[str]]) -> Value[int] | None:
    for pattern in patterns:
        for line in lines:
            m = pattern.search(line.norm)
            if m and (n := to_int(m["n"])) is not None:
                return Value(n, [Evidence.of(line.span, line.text)], line.span.confidence)
    return None


def expected(lines: list[Line]) -> Value[int] | None:
    return count(lines, EXPECTED)


# 到会正式党员N人、预备党员M人: the attendance given in parts (not after a total: 实到20人,其中正式党员…)
_PARTS = re.compile(
    rf"(?<!其中)(?:实到|到会|出席|参会|参加|实际参会|实际出席)?正式党员(?P<f>{NUM}){_U}[,、和及]?预备党员(?P<p>{NUM}){_U}"
)


def actual(lines: list[Line]) -> Value[int] | None:
    for line in lines:
        m = _PARTS.search(line.norm)
        if m and not re.search(r"其中|共|合计|实到\d|出席\d|参会\d", line.norm[: m.start()]):
            f, p = to_int(m["f"]), to_int(m["p"])
            if f is not None and p is not None:
                return Value(f + p, [Evidence.of(line.span, line.text)], line.span.confidence)
    return count(lines, ACTUAL)


# 实到 not written as a number but counted from a name list or read from 全体党员参加: not trusted
# for a decision until the sign-in count or the platform's figure states the same (corroborate_count).
DERIVED_COUNT_CONFIDENCE = 0.7
_ALL_PRESENT = re.compile(
    r"全体党员(?:均)?(?:参加|出席|到会|参会)|全部到会|全员到齐|全员参加|无人缺席|无缺席"
)


def actual_or_listed(lines: list[Line], finder: PersonFinder) -> Value[int] | None:
    """实到 as written; else the number of names in the attendance list (参会党员:A、B、…); else,
    with an expected count and 全体党员参加 / 全部到会, the expected count."""
    value = actual(lines)
    if value is not None:
        return value
    listed = attendees(lines, finder)
    if listed is not None:  # a list may be cut or wrapped: trusted only when another source agrees
        return Value(
            len(listed.value), list(listed.evidence), min(listed.confidence, DERIVED_COUNT_CONFIDENCE)
        )
    want = expected(lines)
    line = next((ln for ln in lines if _ALL_PRESENT.search(ln.norm)), None)
    if want is not None and line is not None:
        return Value(
            want.value,
            [*want.evidence, Evidence.of(line.span, line.text)],
            min(want.confidence, line.span.confidence, DERIVED_COUNT_CONFIDENCE),
        )
    return None


def absent(lines: list[Line]) -> Value[int] | None:
    value = count(lines, ABSENT)
    if value is None and any(_is_none_list(line) for line in lines):
        line = next(line for line in lines if _is_none_list(line))
        return Value(0, [Evidence.of(line.span, line.text)], line.span.confidence)
    return value


def _is_none_list(line: Line) -> bool:
    m = _ABSENT_LIST.match(line.norm)
    return m is not None and m["list"].strip("。.") in _NONE


_ABSENT_ACT = r"(?:均|都|也)?(?:未能?参加|未能?参会|未能?到会|未能?出席|未到|缺席|缺会|请假|未参与)"
# 缺席2人（张三休产假、李四病假） / 请假1名:王五因公出差
_GLUED = re.compile(
    rf"(?:缺席|请假|缺勤|未参会|未到会)(?:人员|党员|同志)?(?:{NUM}{_U})?[(:](?P<body>[^)。;]+)\)?"
)
# 张三因公出差、李四病假未参加 / 其中王五同志在外培训、赵六同志值班,未能参会
_BEFORE_ACT = re.compile(rf"(?P<body>[^:;。]{{2,80}}?)[,]?{_ABSENT_ACT}")
# one reason for all: （都是请假） / 均请假 / 2位同志均因公外出
_SHARED = re.compile(
    rf"^(?P<names>.+?)(?:{NUM}{_U}(?:同志|党员)?)?[(]?(?:都是|均为|均是|均|都)(?P<r>[^()]{{1,12}})\)?$"
)
_REASON_START = re.compile(
    r"^(?:因|休|病|事假|公出|出差|外出|在外|值班|培训|住院|产假|年假|探亲|陪护|照顾|身体|家中|家里|有事|工作|请假|"
    r"出国|参加|赴|到|去|年老|年事|行动|生病|手术|孕|哺乳|援|驻|下乡|挂职|借调|学习|开会|临时)"
)
_COUNT_HEAD = re.compile(rf"^(?:缺席|请假|缺勤|未参会|未到会)?(?:人员|党员)?{NUM}{_U}(?:同志|党员)?:?")
_LEAD_WORDS = re.compile(r"^(?:其中|另有|另外|此外|还有|会议|本次)+")


def absentees(lines: list[Line], finder: PersonFinder) -> list[Absentee]:
    for i, line in enumerate(lines):
        m = _ABSENT_LIST.match(line.norm)
        if m and m["list"] and m["list"].strip("。.") not in _NONE:
            found = _items(_continued(m["list"], lines[i + 1 :]), line, finder)
            if found:
                return found
    out: list[Absentee] = []
    for line in lines:
        out.extend(_prose_absentees(line, finder))
    return out


# 其中2人请假 / 缺席2人,均已请假 / 2名同志因工作原因请假: leave without names, one reason for all.
_UNNAMED = re.compile(
    rf"(?:缺席|另有|其中)?{NUM}{_U}(?:同志|党员)?[,]?(?:均已|均|都已|都|事先|已)?(?:因(?P<r>[^,;。]{{1,12}}?))?请假"
)


def unnamed_leave(lines: list[Line]) -> Value[str] | None:
    """The reason written for absentees who are not named (其中2人请假: 请假)."""
    for line in lines:
        m = _UNNAMED.search(line.norm)
        if m:
            reason = f"因{m['r']}请假" if m["r"] else "请假"
            return Value(reason, [Evidence.of(line.span, line.text)], line.span.confidence)
    return None


def _continued(text: str, after: list[Line]) -> str:
    """A list whose items end in ``;`` was cut into sentences there: join them again."""
    for line in after:
        if not text.endswith(";") or ":" in line.norm:
            break
        text += line.norm
    return text


def _items(text: str, line: Line, finder: PersonFinder) -> list[Absentee]:
    """Absentees from an enumeration: 张三(病假)、李四(出差) / 张三休产假、李四值班 / 张三,因公外出;李四,病假
    / 张三、李四(都是请假)."""
    text = _LEAD_WORDS.sub("", text.strip("。."))
    text = _COUNT_HEAD.sub("", text)  # 缺席三人(张三出差、…) / 缺席2人:…
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    ev = [Evidence.of(line.span, line.text)]
    shared = _SHARED.match(text)
    if shared:
        names = [_split_item(p, finder, line)[0] for p in re.split(r"[、,;和及与]+", shared["names"])]
        if names and all(names):
            return [Absentee(n, clean_reason(shared["r"]), list(ev)) for n in names]
    parts = re.split(r";", text) if ";" in text else re.split(r"[、,]+(?![^()]*\))", text)
    out = []
    for part in parts:
        name, reason = _split_item(part, finder, line)
        if name is not None:
            out.append(Absentee(name, clean_reason(reason), list(ev)))
    return out


def _split_item(part: str, finder: PersonFinder, line: Line) -> tuple[str | None, str | None]:
    """A name and the reason glued to it: 张三(病假) / 张三休产假 / 张三同志在外培训 / 张三,因公外出."""
    part = _LEAD_WORDS.sub("", part.strip(",、 "))
    m = _ITEM.match(part)
    if m and m["name"]:
        hit = finder.resolve(m["name"], fuzzy=line.span.via == "ocr")
        return (hit.name if hit else None), m["reason"]
    if "," in part:
        name, reason = part.split(",", 1)
        hit = finder.resolve(name, fuzzy=line.span.via == "ocr")
        return (hit.name if hit else None), reason
    hits = finder.find(part)
    if hits and hits[0].start <= 6:
        return hits[0].name, _reason_after(part[hits[0].end :])
    return _guess_glued(strip_titles_front(part))


def strip_titles_front(part: str) -> str:
    for title in TITLES:
        if part.startswith(title) and len(part) > len(title) + 1:
            return part[len(title) :]
    return part


def _guess_glued(part: str) -> tuple[str | None, str | None]:
    """No roster: a surname-anchored name of two or three characters, the rest a reason."""
    sizes = (3, 4) if part[:2] in COMPOUND_SURNAMES else (2, 3)
    for size in sizes:  # the shortest name after which a reason begins
        name, rest = part[:size], _reason_after(part[size:])
        if guess_name(name) == name and rest is not None and _REASON_START.match(rest):
            return name, rest
    whole = guess_name(part)
    return (whole, None) if whole == part else (None, None)


def _reason_after(rest: str) -> str | None:
    rest = re.sub(r"^(?:同志|老师|党员)", "", rest).strip(",、()")
    return rest or None


def _prose_absentees(line: Line, finder: PersonFinder) -> list[Absentee]:
    for m in _GLUED.finditer(line.norm):
        found = _items(m["body"], line, finder)
        if found:
            return found
    for m in _BEFORE_ACT.finditer(line.norm):
        body = m["body"].rsplit(",", 1)
        text = m["body"] if len(body) == 1 or ("、" in m["body"] and "、" not in body[-1]) else body[-1]
        found = _items(text, line, finder)
        if found:
            return found
    return []


def clean_reason(reason: str | None) -> str | None:
    if not reason:
        return None
    reason = reason.strip("()（）。., ")
    reason = re.sub(r"(?<=.)(?:均|都)?(?:请假|缺席|未能?参加|未能?参会|未能?到会|未到|未出席)$", "", reason)
    return reason or None


def attendees(lines: list[Line], finder: PersonFinder) -> Value[list[str]] | None:
    for i, line in enumerate(lines):
        m = _ATTENDEE_LIST.search(line.norm)
        if m:
            text, used = _wrapped(m["list"], lines[i + 1 :])
            names = finder.names_in_list(text.rstrip("。."), fuzzy=line.span.via == "ocr")
            if names:
                evidence = [Evidence.of(ln.span, ln.text) for ln in [line, *used]]
                return Value(names, evidence, line.span.confidence)
    return None


_LIST_TAIL = re.compile(r"^[\u4e00-\u9fff·、,;]+[。.]?$")


def _wrapped(text: str, after: list[Line]) -> tuple[str, list[Line]]:
    """A name list wrapped onto the next lines of a page (PDF text lines, photographed pages)."""
    used: list[Line] = []
    for line in after:
        if text.endswith(("。", ".")) or not _LIST_TAIL.match(line.norm) or "、" not in line.norm + text[-1:]:
            break
        text += line.norm
        used.append(line)
    return text, used


CORROBORATED = 0.95  # a count that an independent source states too


def corroborate_count(value: Value[int] | None, *others: int | None) -> Value[int] | None:
    """A count read with low confidence (OCR) is confirmed when an independent source (the
    sign-in count, the platform's reported attendance) states the same number."""
    if value is None or value.confidence >= CORROBORATED:
        return value
    if any(other is not None and other == value.value for other in others):
        value.confidence = CORROBORATED
    return value
