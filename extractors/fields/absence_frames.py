"""Absentees written as frames around the attendance statement, read when the list readers of
``attendance`` find nobody:

    除了在抢修现场的甲,支部党员全部到齐             除/除去/去掉 … (外), then all the others came:
    19名党员里去掉在外地观测的3人(甲,乙,丙),其余…    the excepted are absent, the words before 的
                                                      their reason
    除3名同志外,其余…到会。3名同志是:甲,在…;乙,…    a counted exception named in a later sentence
    没回来的4个都在外面:甲、乙在温州打工,丙在上海     a head of those not there, then names and
    另有三人请假:甲(住院)、乙(去女儿家了)            their reasons
    营业部主管甲在三亚休年假,没能参加               names and their reason, the act in the next
    因参加集训,本科生党员甲未能前往                  clause; or the reason first, then the names
    来了十三个,甲跟车出差 / 请假的有两个,驾驶员甲,     who is missing right after the count that
    跑早班,还有修理班的小乙乙丙,他儿子结婚             came or a head said aloud
    应到28人,到会25人。甲在东莞务工;乙…;丙…          the next sentence, naming exactly those missing

Every reading is checked before it is believed: each item of a list must be a name, and a count
written with the names must be their number (or, after 里/中, at least it); otherwise the frame
reads nobody.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from core.models import Absentee, Evidence
from extractors.fields.attendance import (
    ATTEND_VERBS,
    HONORIFICS,
    KIN_PAIRS,
    NOT_ATTEND,
    OTHERS_HEAD,
    REASON_START,
    TELLING_ACT,
    TITLED_AT_MOST,
    clean_reason,
    denied,
    exact_names,
    gaps_as_commas,
    known_reason,
    leading_transcribed,
    person_head,
    reasonish,
)
from extractors.fields.leave_words import CANNOT, DENIED, LEAVE_ASKED, no_reason_left
from extractors.fields.numbers import NUM, to_int
from extractors.fields.people import (
    COMPOUND_SURNAMES,
    RARE_SURNAMES,
    PersonFinder,
    after_last_title,
    guess_name,
    leading_guess,
    name_then_errand,
    named_alone,
)
from extractors.layout.lines import Line
from extractors.text.brackets import split_outside_brackets

_END = "。;:,.!?"


@dataclass(frozen=True)
class _Passage:
    """The minutes' lines as one text (each line closed by a stop), to read frames that run
    across sentences; any span of it is quoted as the lines it overlaps."""

    text: str
    lines: list[Line]
    starts: list[int]

    @classmethod
    def of(cls, lines: list[Line]) -> _Passage:
        parts: list[str] = []
        starts: list[int] = []
        pos = 0
        for line in lines:
            text = line.norm if line.norm.endswith(tuple(_END)) else line.norm + "。"
            starts.append(pos)
            parts.append(text)
            pos += len(text)
        return cls("".join(parts), lines, starts)

    def evidence(self, start: int, end: int) -> list[Evidence]:
        return [
            Evidence.of(line.span, line.text)
            for line, s in zip(self.lines, self.starts, strict=True)
            if s < end and s + len(line.norm) > start
        ]


def absentees(lines: list[Line], finder: PersonFinder) -> list[Absentee]:
    passage = _Passage.of(gaps_as_commas(lines))  # 请假的有两个 驾驶员甲 跑早班: said with pauses
    out: list[Absentee] = []
    for reader in (
        _excepted,
        _topic_lists,
        _reason_topics,
        _act_clauses,
        _after_count,
        _after_shortfall,
        _referred_away,
    ):
        for found in reader(passage, finder):
            if all(found.name != a.name for a in out):
                out.append(found)
    return denied(out, lines)  # 擅自缺席 / 未请假: the words saying there was no leave are no reason


# --- 除 … 外, 其余 … 到会 ---------------------------------------------------------------------

_EXCEPT_OPEN = re.compile(r"除去|去掉|扣除|减去|除了?")
_CAME = (
    r"(?:按时)?(?:到会|参加|参会|到齐|出席|在场|到场|全到|来齐|来了|到了)了?"
    rf"(?:本次|此次|这次|今天的?)?(?:会议|活动|大会|学习|主题党日|党日)?(?:{NUM}(?:个|人|名|位))?(?=[,;。.:!?]|$)"
)
_OTHERS_CAME = re.compile(
    rf"(?:(?:以外|之外|外),?|,)(?:其余|其他|其它|别的|剩下的?|支部|全体|大家|全村)?[^。;:,]{{0,10}}?"
    rf"(?:全部|全都|都|均|悉数)?{_CAME}"
    rf"|(?:其余|其他|其它|还|也|都|均)[^。;:,]{{0,6}}?{_CAME}"
)
_MAX_BODY = 60
_COUNTED = re.compile(rf"(?P<n>{NUM})(?:个|人|名|位)(?:同志|党员)?")


def _excepted(passage: _Passage, finder: PersonFinder) -> list[Absentee]:
    out: list[Absentee] = []
    text = passage.text
    for opening in _EXCEPT_OPEN.finditer(text):
        for end in _body_ends(text, opening.end()):
            found = _excepted_body(passage, opening.start(), opening.end(), end, finder)
            if found:
                out.extend(found)
                break
    return out


def _body_ends(text: str, start: int) -> list[int]:
    """Where the excepted words may end: before the statement that all the others came."""
    ends = []
    depth = 0
    for pos in range(start, min(len(text), start + _MAX_BODY)):
        ch = text[pos]
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and ch in "。;:":
            break
        if depth == 0 and pos - start >= 2 and _OTHERS_CAME.match(text, pos):
            ends.append(pos)
    return ends


def _excepted_body(passage: _Passage, at: int, start: int, end: int, finder: PersonFinder) -> list[Absentee]:
    body = passage.text[start:end]
    if (groups := _reason_groups(body, finder)) is not None:  # 上夜班的甲和在宁波学技术的乙两个
        ev = passage.evidence(at, end)
        return [Absentee(n, r, list(ev)) for n, r in groups]
    why, who = _split_last_de(body)
    counted = _COUNTED.search(who)
    number = to_int(counted["n"]) if counted else None
    listed = re.search(r"\(([^()]+)\)", who)
    rest = _COUNTED.sub("", who).strip()
    names = exact_names(listed[1], finder) if listed else (exact_names(rest, finder) if rest else [])
    reason = clean_reason(why) if why else None
    if names and number in (None, len(names)):
        ev = passage.evidence(at, end)
        return [Absentee(n, reason, list(ev)) for n in names]
    if not names and not rest and number:  # 除3名同志外…。3名同志是:… — named later
        return _named_later(passage, end, number, reason, finder)
    return []


_GROUP_JOINS = re.compile(r"和|、|以及|还有")


def _reason_groups(body: str, finder: PersonFinder) -> list[tuple[str, str | None]] | None:
    """Groups joined by 和/、, each its reason, 的 and its name: ``上夜班的甲和在宁波学技术的乙两个``;
    None unless there are two or more and each reads so (a count after them must be their number)."""
    counted = re.search(rf"(?P<n>{NUM})(?:个|人|名|位)(?:同志|党员)?$", body)
    text = body[: counted.start()] if counted else body
    parts = _GROUP_JOINS.split(text)
    if len(parts) < 2 or not all("的" in p for p in parts):
        return None
    out: list[tuple[str, str | None]] = []
    for part in parts:
        why, who = _split_last_de(part)
        names = exact_names(who, finder)
        if not why or not names or len(names) != 1:
            return None
        out.append((names[0], clean_reason(why)))
    return out if counted is None or to_int(counted["n"]) == len(out) else None


def _split_last_de(body: str) -> tuple[str, str]:
    """``在外实习的3人(甲,乙)`` -> (在外实习, 3人(甲,乙)): the reason before the last 的 outside brackets."""
    depth = 0
    for pos in range(len(body) - 1, -1, -1):
        depth += (body[pos] == ")") - (body[pos] == "(")
        if depth == 0 and body[pos] == "的":
            return body[:pos], body[pos + 1 :]
    return "", body


_NAMED_LATER = re.compile(
    rf"(?:[^,;。:]{{1,12}}?的)?(?:这|那|上述|以上)?(?P<n>{NUM})(?:个|人|名|位)(?:同志|党员)?"
    r"(?:分别|依次)?(?:是|为|有):?(?P<list>[^。]+)"
)
_LATER_REACH = 120


def _named_later(
    passage: _Passage, start: int, number: int, reason: str | None, finder: PersonFinder
) -> list[Absentee]:
    for m in _NAMED_LATER.finditer(passage.text, start, min(len(passage.text), start + _LATER_REACH)):
        if to_int(m["n"]) != number:
            continue
        items = _listed(m["list"], finder)
        if items and len(items) == number:
            ev = passage.evidence(start, m.end())
            return [Absentee(n, _better_reason(r, reason), list(ev)) for n, r in items]
    return []


def _better_reason(own: str | None, shared: str | None) -> str | None:
    """An item's own words when they are a reason (在英国访学), else the frame's (在外实习 for 甲(杭州))."""
    return own if own and (reasonish(own) or not shared) else shared


# --- 没回来的4个都在外面: / 另有三人请假: ------------------------------------------------------

_TOPIC = re.compile(
    rf"(?:^|(?<=[。;,:]))(?:另有|还有|其中|另)?(?:"
    rf"(?:还)?(?:没回来|没回村|没来|没到|没到会|未到|未到会|未参会|未出席|缺席|请假|没参加|未参加|不在|没能参加|没能到会|没能来|未能参加|未能到会)"
    rf"的(?:党员|同志)?(?:(?P<n>{NUM})(?:个人|个|人|名|位))?(?:同志|党员)?"
    rf"|(?P<m>{NUM})(?:个人|个|人|名|位)(?:同志|党员)?(?:因故)?(?:请[了过]?假|缺席|未到|没来|未参加|没参加)(?:的)?"
    r")(?:(?P<among>中|里|当中),|(?:都|均)?(?P<common>[^:。;,]{0,8}?)(?:是|为|有)?:)(?P<list>[^。]+)"
)


def _topic_lists(passage: _Passage, finder: PersonFinder) -> list[Absentee]:
    out: list[Absentee] = []
    for m in _TOPIC.finditer(passage.text):
        number = to_int(m["n"] or m["m"]) if (m["n"] or m["m"]) else None
        items = _listed(m["list"], finder)
        # 没能到会的7人里,甲…,乙…,还有两人卧床不起: among the number, some named
        named = number is None or len(items) == number or (m["among"] and len(items) < number)
        if not items or not named:
            continue
        common = clean_reason(m["common"]) if m["common"] else None
        ev = passage.evidence(m.start(), m.end())
        out.extend(Absentee(n, r or common, list(ev)) for n, r in items)
    return out


# a group's reason, its number, then who: 生病的二人是甲、乙 / 外出务工的3名党员为甲、乙、丙 (as many as counted)
_REASON_TOPIC = re.compile(
    rf"(?:^|(?<=[。;,:]))(?P<r>[^,;。:()的]{{2,14}})的(?:党员|同志)?(?P<n>{NUM})(?:个人|个|人|名|位)(?:同志|党员)?"
    r"(?:分别|依次)?(?:是|为|有):?(?P<list>[^。;]+)"
)


_ACT_ONLY = re.compile(
    r"^(?:因故|临时|会前)?(?:请[了过]?假|缺席|缺会|未到会?|没来|没到|未参加|未参会|未出席|没参加)$"
)


def _reason_topics(passage: _Passage, finder: PersonFinder) -> list[Absentee]:
    out: list[Absentee] = []
    for m in _REASON_TOPIC.finditer(passage.text):
        items = _listed(m["list"], finder)
        if not items or len(items) != to_int(m["n"]) or not reasonish(m["r"]) or _ACT_ONLY.match(m["r"]):
            continue  # (请假的2名同志为甲、乙,分别…: the act, no reason; the list readers' own)
        ev = passage.evidence(m.start(), m.end())
        out.extend(Absentee(n, r or clean_reason(m["r"]), list(ev)) for n, r in items)
    return out


# --- 甲在三亚休年假,没能参加 / 因参加集训,甲未能前往 -------------------------------------------

_ACT = re.compile(
    rf"(?:都|均|也|就|而|故)?(?:{NOT_ATTEND}|(?:未能?|没能|没有?|不能|无法)(?:按时{ATTEND_VERBS}|(?:按时)?(?:前来|来(?![得过])))"
    r"|(?:已?向[^,;。]{1,8}?)?请[了过]?假|缺席)(?:本次|此次|这次|今天的?)?(?:会议|活动|学习|党日)?$"
)
_THEY = rf"(?:{NUM}(?:人|位|名)|他们|她们|他俩|她俩)"
# (and when or how the leave was asked: 前一天打电话(向书记请了假) / 头天晚上在群里(请了假))
_BARE = re.compile(
    rf"^{_THEY}?(?:都|均|也|就|而|故|所以|因此|已|已经|事先|提前|会前|事前|早就|早已|前一天|头一天|头天|前天|昨天|晚上|"
    r"打了?电话|发了?微信|电话|微信|在(?:支部|党员|工作)?群里"
    r"|[给向跟](?:支部|党支部)?(?:书记|副书记|组织委员|委员|党小组长|组长|支部|组织|领导|我们|我))*$"
)
_CAUSE = re.compile(r"^(?:因为?|由于)")
_LABEL_HEAD = re.compile(r"^[^,;。:]{1,8}:")
_OTHERS_COUNTED = re.compile(rf"{OTHERS_HEAD}{NUM}(?:个|人|名|位)")
_HEADCOUNT = re.compile(rf"^{NUM}(?:个|人|名|位)")


def _act_clauses(passage: _Passage, finder: PersonFinder) -> list[Absentee]:
    out: list[Absentee] = []
    pos = 0
    for sentence in re.split(r"(?<=[。!?])", passage.text):
        clauses = _clauses(sentence)
        for i, clause in enumerate(clauses):
            act = _ACT.search(clause)
            if act is None:
                continue
            head = clause[: act.start()]
            found = _acted(head, clauses[i - 1] if i else "", finder)
            if found and _ALL_OF.match(clause):  # 甲去外地进货,乙回老家…,都提前请了假: each clause before
                found = _each_before(clauses[: i - 1], finder) + found
            if re.match(_THEY, head) and len(found) < 2:
                continue  # 两人请假 after one named: the two are not told here
            if found:
                ev = passage.evidence(pos, pos + len(sentence))
                out.extend(Absentee(n, r, list(ev)) for n, r in found)
        pos += len(sentence)
    return out


def _each_before(clauses: list[str], finder: PersonFinder) -> list[tuple[str, str | None]]:
    """The clauses right before the last one, back to the first that is no name and a reason."""
    out: list[tuple[str, str | None]] = []
    for clause in reversed(clauses):
        items = _group(clause, finder)
        if not items or not all(r for _, r in items):
            break
        out = items + out
    return out


# an act of them all: 都提前请了假 / 均已请假
_ALL_OF = re.compile(rf"^(?:{_THEY}|(?:也|就|而)?(?:都|均))")


def _acted(head: str, before: str, finder: PersonFinder) -> list[tuple[str, str | None]]:
    """Who did not come, and why: named in ``head`` (the act's own clause), or, when the act stands
    alone, at the front of the clause ``before`` with their reason after them."""
    if _OTHERS_COUNTED.search(head):
        return []  # 甲另有三人事先请假: the count's people are others, not named
    head = re.sub(r"(?:无故?|擅自|未经请假)$", "", head)  # 甲、乙无(故缺席): no name 乙无, no reason
    before = _LABEL_HEAD.sub("", before)  # 未到:因在海南…: the reason after a form label
    if _BARE.match(head):
        items = _group(before, finder)
        return items if items and all(r for _, r in items) else []
    items = _group(head, finder)
    if not items or any(r and _HEADCOUNT.match(r) for _, r in items):
        return []  # 甲 2名同志因工作原因请假: a list of those present run into a count of others
    if (
        not any(r for _, r in items)
        and _CAUSE.match(before)
        and ":" not in before  # (缺席:因病请假:甲;乙同志未到会: 甲's label, not 乙's cause)
        and not _lead_name(person_head(before), finder)
    ):
        reason = clean_reason(before)
        return [(n, reason) for n, _ in items]
    return items


# --- 来了十三个,甲跟车出差,乙休产假在家: who is missing, right after the count that came ----------

_CAME_COUNT = re.compile(
    rf"(?:来了|到了|到会|实到|出席|参加|到场)(?:的)?(?:党员)?{NUM}(?:个|名|位|人)(?:党员|同志)?[,;]"
    # said aloud, a head of those not there: 没来的,就是… / 请假的有…
    rf"|(?:^|(?<=[,;。:]))(?:然后)?(?:没来的|没到的|没回来的|请假的|缺席的|没参加的|差的|缺的)(?:有|是)?(?:{NUM}(?:个|人|名|位)|仨)?(?:是|就是)?[,:]?"
)
# 还有两个在工地上回不来就是甲和乙: the reason first, then who
_REASON_THEN_WHO = re.compile(r"^(?P<r>[^,;。]{2,24}?)(?:就是|是)(?P<who>[^,;。]{2,16})$")
_CONNECTIVES = re.compile(rf"^(?:然后|还有|另外|另|就是|那个|其中)+(?:{NUM}个)?(?:是|就是)?")
# 老杨杨甲 / 老范(范甲) / 小吕就是吕甲 / 庞师傅庞甲: a nickname before the full name
_NICKNAME = re.compile(
    r"^(?:(?:老|小)(?P<s>[\u4e00-\u9fff])|(?P<t>[\u4e00-\u9fff])(?:师傅|老师|大姐|大哥|姐|哥))"
    r"(?:\((?P<full>[^()]{2,4})\)|(?:就是)?(?=(?P=s)|(?P=t)))"
)
# 修理班的小秦秦甲: the team said before the person
_TEAM_OF = re.compile(r"^[^,;。的]{1,8}的(?=[\u4e00-\u9fff]{2})")
_FILLER = re.compile(r"^(?:然后|还有|另外|就是|那个|这个|嗯|呃)+$")


# what is said of people who came (预备党员甲、乙均到会): no reason for an absence
_PRESENT_SAID = re.compile(r"^(?:均|都|也|全部)?(?:到会|到场|在场|出席|参会|参加|到齐)")


def _after_count(passage: _Passage, finder: PersonFinder) -> list[Absentee]:
    out: list[Absentee] = []
    for m in _CAME_COUNT.finditer(passage.text):
        end = passage.text.find("。", m.end())
        found: list[tuple[str, str | None]] = []
        clauses = _clauses(passage.text[m.end() : end if end >= 0 else None])
        while clauses:
            clause = clauses.pop(0)
            if _FILLER.match(clause):
                continue  # 还有那个: a pause
            items = _said(_CONNECTIVES.sub("", clause), finder)
            if items and all(r is None for _, r in items) and clauses and _each_told(items, clauses[0]):
                found.extend(items)  # 甲、乙未到,甲在外打工,乙外出未归: each told in a clause of their own
                continue
            if items and all(r is None for _, r in items) and clauses and _said_why(clauses[0], finder):
                why = clean_reason(clauses.pop(0))  # 驾驶员甲,跑早班
                items = [(n, why) for n, _ in items]
            elif not items or not all(r and _why(r) and not _PRESENT_SAID.match(r) for _, r in items):
                break
            found.extend(items)
        ev = passage.evidence(m.start(), end if end >= 0 else len(passage.text))
        told = {n: r for n, r in found if r}  # (a name listed bare, then told again with why)
        out.extend(Absentee(n, told.get(n), list(ev)) for n in dict.fromkeys(n for n, _ in found))
    return out


def _each_told(items: list[tuple[str, str | None]], clause: str) -> bool:
    """``clause`` opens with one of a bare list's names (more than one listed): each is told again
    with why, not one reason for all."""
    return len(items) > 1 and any(clause.startswith(n) for n, _ in items)


_PRONOUN = re.compile(r"^(?:他|她)(?:们|俩)?(?:家)?")


def _why(text: str) -> bool:
    """A reason, said alone or after a pronoun: 跑十二路早班 / 他儿子结婚."""
    bare = _PRONOUN.sub("", text)
    return bool(bare) and bool(reasonish(bare) or _ABOUT.match(bare) or _ABOUT.match(text))


# what the record goes on to, not why someone was away
_MEETING_TALK = re.compile(r"主持|领学|领誓|宣誓|学习|会议|讨论|传达|内容|议程|党费|主题|地点|时间|记录")

# what someone does at the meeting, said right after their name (甲在会上发言 / 甲带领大家…)
_AT_MEETING = re.compile(
    r"会上|会议|到会|到场|指导|列席|出席|点评|讲评|旁听|发言|讲话|讲了|回忆|讲述|谈了|谈到|讲到|说到|说了|表示|指出|强调|带领|带着|领着|带大家|领大家|领学|领读|领誓|宣读|念了|(?:作|做)了[^,;。]{0,8}?(?:发言|讲话|报告|汇报|表态|总结|交流|部署|分享|点评|讲解|讲评|动员|辅导|介绍)|提出|分享|汇报|介绍|交流|总结|要求|希望|主持|参观|观看|重温|宣誓|缴纳|学习了|(?:讲解|解读|导读)了"
    r"|(?:给|为|向)(?:大家|全体党员|与会党员|党员们)"
    r"|(?<![里上外地县市省区镇乡村京沪])参加(?:了)?(?:本次|此次|这次|今天的)?(?:活动|会议)(?=[,;。]|$)"  # 驻村第一书记甲参加活动
)


# a meeting elsewhere the person went to: 在上海参加学术会议 / 去市里参加培训会 (not this meeting's 会议)
_MEETING_ELSEWHERE = re.compile(
    r"(?:在|去|赴|到)[^,;。]{1,10}?(?:参加|出席|列席|开)[^,;。]{0,12}?(?:会议|大会|年会|论坛|研讨会|培训会|会)"
)


def _away_why(reason: str | None) -> bool:
    """``reason`` says why someone was away, not what they did at the meeting."""
    if not reason:
        return False
    rest = _MEETING_ELSEWHERE.sub("", reason)
    return _why(reason) and not _MEETING_TALK.search(rest) and not _AT_MEETING.search(rest)


def _said_why(clause: str, finder: PersonFinder) -> bool:
    """The clause after a name said alone, in a list of those away: the reason, unless it names
    someone or turns to the meeting (然后主持是…)."""
    if _why(clause):
        return True
    bare = _CONNECTIVES.sub("", clause)
    return 2 <= len(bare) <= 16 and not _MEETING_TALK.search(bare) and not _said(bare, finder)


def _said(clause: str, finder: PersonFinder) -> list[tuple[str, str | None]]:
    """Who and why in one clause said aloud: names then the reason (a nickname before a full
    name), or the reason then 就是 and the names."""
    if items := _group(_full_name(clause), finder):
        return items
    if (team := _TEAM_OF.match(clause)) and (items := _group(_full_name(clause[team.end() :]), finder)):
        return items
    m = _REASON_THEN_WHO.match(clause)
    names = exact_names(m["who"], finder) if m else None
    return [(n, clean_reason(m["r"])) for n in names] if m and names else []


def _full_name(clause: str) -> str:
    m = _NICKNAME.match(clause)
    if m is None:
        return clause
    return m["full"] + clause[m.end() :] if m["full"] else clause[m.end() :]


# --- 应到28人,到会25人,缺3人。甲在东莞务工;乙家里砍甘蔗…: who is missing, the sentence after ----

_SHORT_BY = re.compile(
    rf"(?:应到|应出席|应参会|应参加|共有|现有|在册)(?:会)?(?:[^,;。\d]{{0,8}}?党员)?(?P<e>{NUM})(?:人|名|位)?[^。]{{0,16}}?"
    rf"(?:实到|到会|实际到会|出席|参会|实际参加)(?:会)?(?:党员)?(?P<a>{NUM})"
    rf"|(?<![空欠短])缺(?P<k>{NUM})(?:人|名|位)"
)


def _after_shortfall(passage: _Passage, finder: PersonFinder) -> list[Absentee]:
    """The sentence right after the counts that leave some out, when it is nothing but who (a
    name opening each part, after any words setting the scene) and why, naming exactly as many
    as are missing (fewer or more: the sentence is about something else)."""
    sentences = re.split(r"(?<=。)", passage.text)
    out: list[Absentee] = []
    pos = 0
    for sentence, following in itertools.pairwise(sentences):
        missing = _shortfall(sentence)
        told = _told_after(sentence, following, pos) if missing else []
        for start, text in told:
            found = _who_and_why(text, finder)
            if found and len(found) == missing:
                ev = passage.evidence(start, start + len(text))
                out.extend(Absentee(n, r, list(ev)) for n, r in found)
                break
        pos += len(sentence)
    return out


# what opens the sentence of who is missing without being part of it: 其中 / 情况说明:
_TOLD = re.compile(r"^(?:其中|另外|此外|具体(?:情况)?(?:是|为|如下)?|[^,;:。()\d]{1,8}:),?")


def _told_after(sentence: str, following: str, pos: int) -> list[tuple[int, str]]:
    """Where the counts' sentence (at ``pos``) may say who is missing: a bracket right after the
    counts (实到10人(甲在…,乙去…)), then the next sentence, without the words opening it."""
    out: list[tuple[int, str]] = []
    counts = _SHORT_BY.search(sentence)
    if counts and (bracket := re.match(r"(?:人|名|位)?\((?P<in>[^()]{4,})\)", sentence[counts.end() :])):
        out.append((pos + counts.end() + bracket.start("in"), bracket["in"]))
    if counts and (rest := re.match(r"(?:人|名|位)?;(?P<in>[^;]{4,})$", sentence[counts.end() :])):
        out.append((pos + counts.end() + rest.start("in"), rest["in"]))  # 实到21名;博士生甲在合肥…
    lead = _TOLD.match(following)
    skip = lead.end() if lead else 0
    out.append((pos + len(sentence) + skip, following[skip:]))
    return out


def _shortfall(sentence: str) -> int:
    m = _SHORT_BY.search(sentence)
    if m is None:
        return 0
    if m["k"]:
        return to_int(m["k"]) or 0
    expected, actual = to_int(m["e"]), to_int(m["a"])
    return expected - actual if expected is not None and actual is not None and expected > actual else 0


def _who_and_why(sentence: str, finder: PersonFinder) -> list[tuple[str, str | None]]:
    """Each part (apart by ; or else by commas) opens with names, and its reason runs to the
    part's end (甲在东莞务工,春节前回不来;乙…); a clause opening with no name goes on the reason."""
    text = sentence.rstrip("。")
    parts = [_clauses(part) for part in text.split(";")] if ";" in text else [[c] for c in _clauses(text)]
    parts = [[piece for clause in clauses for piece in _apart(clause, finder)] for clauses in parts]
    while parts and parts[0] and not _group(parts[0][0], finder) and not _MEETING_TALK.search(parts[0][0]):
        parts[0] = parts[0][1:]  # 正值春季防火期前的准备阶段,…: the scene before the names
        parts = [p for p in parts if p]
    found: list[tuple[str, str | None]] = []
    for clauses in parts:
        items: list[tuple[str, str | None]] = []
        for clause in clauses:
            if named := _group(clause, finder):
                found.extend(items)
                items = named
            elif items and not _MEETING_TALK.search(clause):
                items = [(n, f"{r},{clause}" if r else clause) for n, r in items]  # 春节前回不来
            else:
                break
        if not items:
            break
        items = [(n, clean_reason(r)) for n, r in items]
        if not all(_away_why(r) or _told_of_them(r) for _, r in items):
            return []  # someone named with what they did at the meeting: no list of those away
        found.extend(items)
    # (each told of by name, one at least plainly away: 甲在广东务工;乙家正是砍甘蔗的时候,走不开;丙刚生了二胎)
    return found if any(_away_why(r) for _, r in found) else []


def _told_of_them(reason: str | None) -> bool:
    """What is told of a person named in a list of those away, in words no reason opens (家正是砍甘蔗的
    时候 / 刚生了二胎): nothing done at the meeting, nothing of how leave was asked."""
    if not reason:
        return False
    return not (_MEETING_TALK.search(reason) or _AT_MEETING.search(reason) or _LET_KNOW.search(reason))


def _apart(clause: str, finder: PersonFinder) -> list[str]:
    """``clause`` cut at each 、 after which someone else is named with why they were away
    (甲在合肥参加实验、硕士生乙在苏州企业实习), else the clause whole."""
    pieces = clause.split("、")
    out = [pieces[0]]
    for piece in pieces[1:]:
        if _away_after_name(_front(out[-1], finder), finder) and _away_after_name(
            _front(piece, finder), finder
        ):
            out.append(piece)  # (甲、乙参加…培训: 甲 has no reason of their own, the two share one)
        else:
            out[-1] += "、" + piece
    return out


# --- lists of names and reasons -------------------------------------------------------------------

# the names' own count after them: 甲、乙、丙3名(党员)
_THEIR_COUNT = r"(?P<n>[二两三四五六七八九十\d]{1,2})(?:人|位|个|名)"
_KIN = re.compile(
    rf"^(?:(?:两|二)?(?:{KIN_PAIRS})|{_THEIR_COUNT}|等[^,;]{{0,3}}人)?"
    r"(?:俩)?(?:同志|老师|老党员|党员|师傅|同学|老人)?"
)
_ABOUT = re.compile(r"^[在去到赴因回随带陪跟给]")


def _listed(text: str, finder: PersonFinder) -> list[tuple[str, str | None]]:
    """Names and reasons of a list (groups apart by ; or by commas outside brackets), up to the
    first group that does not open with a name (电话里都说了)."""
    groups = text.split(";") if ";" in text else _clauses(text)
    out: list[tuple[str, str | None]] = []
    for group in groups:
        items = _group(group, finder)
        if not items:
            break
        out.extend(items)
    return out


def _clauses(text: str) -> list[str]:
    """``text`` cut at commas and semicolons outside brackets."""
    return split_outside_brackets(text, ",;。")


# an honorific after the name that opens a group (甲老伯在女儿家…): the name alone
_HONORIFIC_AFTER = re.compile(
    rf"^(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?:{HONORIFICS}|老师傅|师傅)(?=[\u4e00-\u9fff])"
)


def _group(text: str, finder: PersonFinder) -> list[tuple[str, str | None]]:
    """A group of a list: names at its front (apart by 、和及与, each with a bracket of its own),
    then the reason they share: 甲、乙兄弟在温州打工 / 甲(住院)、乙(去女儿家了) / 甲,在英国访学."""
    rest = _HONORIFIC_AFTER.sub(r"\g<name>", _front(text.strip(), finder), count=1)  # 甲老伯在女儿家…
    named: list[tuple[str, str | None]] = []
    name = _lead_name(rest, finder)
    while name is not None:
        rest = rest[len(name) :]
        own = None
        if bracket := re.match(r"^(?:同志)?\(([^()]+)\)", rest):
            own, rest = clean_reason(bracket[1]), rest[bracket.end() :]
        named.append((name, own))
        joint = re.match(r"^(?:、|和|及|与|,)(?=.)", rest)
        after = _front(rest[joint.end() :], finder) if joint else ""
        # after 、 a name follows: the longest name guessed there (甲、阙晓雯留守病区)
        name = _lead_name(after, finder) or (
            leading_guess(after, 1) if joint and joint.group() == "、" else None
        )
        if name is None:
            break
        rest = after
    if not named or not _as_many(rest, len(named)):
        return []
    rest = _KIN.sub("", rest, count=1).lstrip(",、 ")
    shared = clean_reason(rest) if rest else None
    last = named[-1][1]
    if (
        shared is None
        and len(named) > 1
        and all(own is None for _, own in named[:-1])
        and not _about_one(last)
    ):
        shared = last  # 嘎玛、普布(在夏季牧场放牧): the bracket after the last name is all theirs
    return [(n, own or shared) for n, own in named]


_KIN_COUNT = re.compile(rf"^{_THEIR_COUNT}")


def _as_many(rest: str, named: int) -> bool:
    """A count right after the names is theirs: 甲、乙、丙3名党员在… (not 周志明 2名同志因…请假, the
    last of those present, then others away)."""
    counted = _KIN_COUNT.match(rest)
    return counted is None or to_int(counted["n"]) == named


def _about_one(reason: str | None) -> bool:
    """A bracket about one person (她在县医院陪护…): no reason the names before it share."""
    return reason is None or reason.startswith(("他", "她"))


def _front(text: str, finder: PersonFinder) -> str:
    """``text`` from the person it opens with: without an ordinal, a unit and titles
    (本科生党员甲 / 营业部主管甲)."""
    head = person_head(text)
    if _lead_name(head, finder) is not None:
        return head
    # (法制股的甲3名党员在…: a description, then the name; 党员 after the count is no title)
    described = _DESCRIBED.match(head) if not name_then_errand(head) else None
    if described and _away_after_name(head[described.end() :], finder):
        return head[described.end() :]
    if (after := after_last_title(head[:TITLED_AT_MOST])) != head[:TITLED_AT_MOST]:
        return after + head[TITLED_AT_MOST:]
    return head


def _away_after_name(text: str, finder: PersonFinder) -> bool:
    """``text`` opens with a name and, right after it, where the person was (鲍柠在省中医院规培), not a
    separator: a reason written before the name (在外地旅游的汪桂香,) is no description of the person."""
    name = _lead_name(text, finder)
    return name is not None and _away_next(_KIN.sub("", text[len(name) :], count=1))


# what describes a person before the name, not a known title: 跑外勤的 / 销售部的 / 康复治疗师
_DESCRIBED = re.compile(r"^[^,;:。()、\d]{0,8}?(?:的|师|员|工|手|生)(?=[\u4e00-\u9fff])")


def _lead_name(text: str, finder: PersonFinder) -> str | None:
    """The name ``text`` opens with: a roster name, or a surname-anchored guess followed by what
    follows a name (a separator, a bracket, a reason)."""
    hits = finder.find(text)
    if hits:
        return hits[0].name if hits[0].start == 0 else None
    sizes = (3, 4) if text[:2] in COMPOUND_SURNAMES else (2, 3)
    for size in sizes:
        name, after = text[:size], text[size:]
        if len(name) == size and guess_name(name) == name and _name_ends(after):
            return name
    # 原大山在县医院做手术: a surname that is an everyday character, then why the person was away
    if text[:1] in _RARE_NAMING and named_alone(text[:3]) == text[:3] and REASON_START.match(text[3:]):
        return text[:3]
    transcribed = leading_transcribed(text, _away_next)  # 达瓦平措援藏未返: a transcribed name, then why
    if transcribed is not None:
        return transcribed
    # 蒙秀英刚生了二胎: the longest name before a household or a moment (not 梁志|刚)
    for size in reversed(sizes):
        if guess_name(text[:size]) == text[:size] and _HOME_OR_JUST.match(text[size:]):
            return text[:size]
    return None


# surnames that are everyday characters, less the words no name opens (是个实在人, 都讲清楚了, 要教育孩子…,
# 能坚持…)
_RARE_NAMING = RARE_SURNAMES - frozenset("都是要能")


def _away_next(after: str) -> bool:
    """What follows a name says where the person was or why they were away (在…, 赴…, 援藏未返)."""
    return bool(_ABOUT.match(after) or REASON_START.match(after))


_WHEN = re.compile(
    r"^(?:凌晨|一早|一大早|今早|早上|上午|中午|下午|晚上|当天|当日|昨天|昨晚|前天|这两天|这几天|近日|近期|目前|正|正好)(?=.)"
)


def _name_ends(after: str) -> bool:
    """What may follow a name: nothing, a separator or bracket, 兄弟/两位同志, or a reason."""
    if not after or after[0] in "、和及与,(;。":
        return True
    kin = _KIN.match(after)
    if (kin and kin.end()) or _ABOUT.match(after) or REASON_START.match(after):
        return True
    after = _WHEN.sub("", after)  # 甲凌晨去外地进货: when, then why
    return bool(_ABOUT.match(after) or REASON_START.match(after))


# what a household or a moment said right after the name opens: 覃德明家正是砍甘蔗的时候 / 蒙秀英刚生了二胎
_HOME_OR_JUST = re.compile(r"^(?:家(?:里|中)?|刚刚?)(?=[\u4e00-\u9fff]{2})")


# --- 给没来的甲补学: a person referred to as the one who did not come --------------------------------

_REFERRED_AWAY = re.compile(
    r"(?:没来|没到|没有来|未到会?|缺席|没参加|未参加|未参会|没参会|没能来|没能参加)(?:会议|会|开会|今天)?的"
    r"(?:党员|同志|老党员)?"
)
_AFTER_SHORT_NAME = ("同志", "党员", "老师")
_AFTER_NAME = "补送传打转发带讲做的,;。、("


def _referred_away(passage: _Passage, finder: PersonFinder) -> list[Absentee]:
    """Someone referred to as the one away (会议内容由乙给没来的甲补学): absent, the reason only a
    bracket right after the name (the rest of the sentence is what was done about it)."""
    out = []
    for m in _REFERRED_AWAY.finditer(passage.text):
        after = passage.text[m.end() :]
        name = _referred_name(after, finder)
        if name is None:
            continue
        bracket = re.match(r"(?:同志|党员|老师)?\(([^()]{2,30})\)", after[len(name) :])
        reason = clean_reason(bracket.group(1)) if bracket else None
        out.append(Absentee(name, reason or None, passage.evidence(m.start(), m.end() + len(name))))
    return out


def _referred_name(text: str, finder: PersonFinder) -> str | None:
    hits = finder.find(text[:8])
    if hits:
        return hits[0].name if hits[0].start == 0 else None
    sizes = (4, 3) if text[:2] in COMPOUND_SURNAMES else (3, 2)
    # the name ends where what was done for them begins (没来的王丽同志 / 给没来的司马雯补课)
    ended = [k for k in sizes if text[k : k + 2] in _AFTER_SHORT_NAME or text[k : k + 1] in _AFTER_NAME]
    return next((text[:k] for k in (*ended, *sizes) if guess_name(text[:k]) == text[:k]), None)


# --- what is said of someone there is no reason they were away ------------------------------------

# the words after a name telling what the person did at the meeting: 书记甲,给大家讲了一个党课
_ACTING = re.compile(
    r"^(?:同志)?,?(?:首先|先|还|也|又)?(?:给|为|向|带|领[着著])?(?:大家|全体党员|与会党员)?"
    r"(?:讲了|讲授|上了|主持|领学(?!生)|领誓|领读|带领|带学(?!生)|宣读|传达|发言|汇报|通报|介绍|总结|解读"
    # what was done at the meeting (作了发言 / 做了交流), not done to one (做了手术在家里休养)
    r"|[作做]了(?=[^,;。]{0,8}?(?:发言|讲话|报告|汇报|表态|总结|交流|部署|分享|点评|讲解|讲评|动员|辅导|介绍|党课)))"
)


def present_acting(found: list[Absentee]) -> list[Absentee]:
    """``found`` without the people whose "reason" tells what they did at the meeting: a list read
    past its end (没来的:…,第二个是书记甲,给大家讲了一个党课) names someone who was there."""
    return [a for a in found if not (a.reason and _ACTING.match(a.reason))]


# 36 names, then 3名同志因工作原因请假: the count's people are fewer than the names before it
_COUNTED_ACT = re.compile(
    rf"(?<!另有)(?<!还有)(?<!另外)(?<!此外)(?<!其中)(?<!另)(?<![\d零〇一二三四五六七八九十百两])(?P<n>{NUM})(?:名|人|位|个)(?:同志|党员)?(?:因[^,;。]{{1,12}}?|均|都|已|事先|提前)*(?:请[了过]?假|缺席|未参加|未到)"
)


def outnumbered(found: list[Absentee], lines: list[Line]) -> list[Absentee]:
    """``found`` without the people read from a sentence whose own count of those away is smaller
    than the names read from it (a list of those present run into 3名同志因工作原因请假; not
    另有2名…请假, a count of others)."""
    out = found
    for line in lines:
        people = [a for a in found if any(e.text == line.text for e in a.evidence)]
        m = _COUNTED_ACT.search(line.norm)
        if people and m and (n := to_int(m["n"])) is not None and n < len(people):
            out = [a for a in out if a not in people]
    return out


# --- 前两位夜班补休 / 前者在驻外项目部,后者借调: reasons that refer back to the list by position ----

_FIRST_N = re.compile(
    r"前(?P<n>两|二|三|四|2|3|4)(?:位|人|个|名)(?:同志|老师|党员)?(?:都|均|是|系)?(?P<r>[^,;。]{2,30})"
)
_FORMER_LATTER = re.compile(r"前者(?:是|系)?(?P<a>[^,;。]{2,30})[,;。]后者(?:是|系)?(?P<b>[^,;。]{2,30})")


def referred_reasons(found: list[Absentee], lines: list[Line]) -> list[Absentee]:
    """Reasons written after a list by position (前两位…, 前者…后者…, in the list's sentence or
    the next), given to the listed people they refer to when the list gave them none."""
    for i, line in enumerate(lines):
        people = [a for a in found if any(e.text == line.text for e in a.evidence)]
        if not people:
            continue
        text = "".join(ln.norm for ln in lines[i : i + 2])
        if (m := _FIRST_N.search(text)) and (n := to_int(m["n"])) and n < len(people):
            found = _given(found, people[:n], clean_reason(m["r"]))
        if (m := _FORMER_LATTER.search(text)) and len(people) == len("前后"):  # one each
            found = _given(found, people[:1], clean_reason(m["a"]))
            found = _given(found, people[1:], clean_reason(m["b"]))
    found = _named_again(_pronoun_reasons(_nicknamed_reasons(_respective(found), lines), lines), lines)
    return _explained(_told_before(_cause_first(_next_sentence(found, lines), lines), lines), lines)


# a reason opening the clause before the names it covers, in their sentence: 因赴青海野外科考,课题组长甲、
# 助理研究员乙未能参加… / 本月主题党日,因在县医院做白内障手术,甲同志请假 (the cause, then the people)
_CAUSE_FIRST = re.compile(
    r"(?:^|,|(?<=\d[人名]))(?:因为?|由于)(?P<r>[^,;。:]{2,40}),(?P<mid>[^,;。:]{0,40})$"
)
_NOT_THEIRS = re.compile(r"主持|由|委托|安排|组织|决定|推迟|改为|[会议活动]")


def _cause_first(found: list[Absentee], lines: list[Line]) -> list[Absentee]:
    """A reason told first and the absentees after it, in one sentence that ends in their absence,
    given to those the list gave none (or only the bare 请假 their act says)."""
    for a in found:
        if not a.name or a.reason not in (None, "请假"):
            continue
        for line in (ln for ln in lines if a.name in ln.norm):  # (the act is said of them in the sentence)
            cause = next(
                (c for s in re.split(r"[;。]", line.norm) if (c := _cause_of(s, a.name)) is not None), None
            )
            if cause is not None:
                told = [*a.evidence, Evidence.of(line.span, line.text)]
                found = [Absentee(b.name, cause, told) if b is a else b for b in found]
                break
    return found


# … or as what the person is (因病住院的退休党员甲同志也未能到场), or what they were kept by (受疫情影响,…甲未能返回)
_CAUSE_ATTRIBUTE = re.compile(r"(?:^|,)(?:因为?|由于)(?P<r>[^,;。:的]{2,30})的(?P<mid>[^,;。:]{0,12})$")
_KEPT_BY = re.compile(r"(?:^|,)(?P<r>受[^,;。:]{1,12}影响),(?P<mid>[^,;。:]{0,40})$")


def _cause_of(sentence: str, name: str) -> str | None:
    at = sentence.find(name)
    if at < 0:
        return None
    m = (
        _CAUSE_FIRST.search(sentence[:at])
        or _CAUSE_ATTRIBUTE.search(sentence[:at])
        or _KEPT_BY.search(sentence[:at])
    )
    if m is None or _NOT_THEIRS.search(m["mid"]):
        return None
    after = sentence[at + len(name) :]
    if not re.search(rf"^[^,]{{0,24}}?(?:{NOT_ATTEND}|{LEAVE_ASKED.pattern}|缺席|未到)", after):
        return None
    if DENIED.search(m["r"]):
        return None
    return clean_reason(m["r"])


# a note explaining the absences, under a label of its own: 请假说明:甲、乙两人在…;丙是…
_EXPLAINED = re.compile(
    r"^(?:请假|缺席|缺会|未到)?(?:情况)?(?:说明|原因|事由|备注|注)(?:如下)?:(?P<body>.+)$"
)
_THEY_ALL = re.compile(rf"^(?:{_THEY}|两人|二人|俩人|俩)?(?:都|均|也)?(?:是|因为|因)?")


def _explained(found: list[Absentee], lines: list[Line]) -> list[Absentee]:
    """Reasons in a note explaining the absences under a label of its own (请假说明:甲、乙两人在县里参加
    培训;丙是开会前…), each clause opening with listed names and going on to why, given to those
    the lists gave none."""
    names = sorted((a.name for a in found if a.name), key=len, reverse=True)
    if not names or all(a.reason for a in found):
        return found
    one = "|".join(map(re.escape, names))
    heads = re.compile(rf"^(?P<who>(?:{one})(?:[、和及与](?:{one}))*)(?:同志)?,?")
    for i, line in enumerate(lines):
        if (m := _EXPLAINED.match(line.norm)) is None:
            continue
        # the note may run on over the lines after it (its sentences apart), while they open with a name
        body = m["body"] + "".join(
            ln.norm for ln in itertools.takewhile(lambda ln: heads.match(ln.norm), lines[i + 1 : i + 4])
        )
        for clause in re.split(r"[;。]", body):
            if (h := heads.match(clause)) is None:
                continue
            rest = _THEY_ALL.sub("", clause[h.end() :], count=1)
            rest = _before_leave_told(rest)  # (not 会前已书面请假: how the leave was asked)
            if len(rest) < 2 or DENIED.search(rest) or no_reason_left(clean_reason(rest) or ""):
                continue  # (under the label, what follows the names is why, as the label says)
            who = [a for a in found if a.name and a.name in re.split(r"[、和及与]", h["who"])]
            found = _given(found, who, clean_reason(rest))
    return found


def _told_before(found: list[Absentee], lines: list[Line]) -> list[Absentee]:
    """A reason told of a listed person by name before the list, in a clause opened by 因 / 由于
    (原定由书记甲主持,甲因公出差,赴省分行汇报…,会前委托乙主持。…缺席1人即甲), given when the list gave
    none: the clauses from 因 up to one turning to the meeting or to how the branch was let know."""
    for a in found:
        if a.reason or not a.name:
            continue
        at = [i for i, line in enumerate(lines) if any(e.text == line.text for e in a.evidence)]
        told = re.compile(rf"{re.escape(a.name)}(?:同志)?(?P<r>(?:因为?|由于)[^;。]{{2,60}})")
        for line in lines[: at[0]] if at else []:
            if (m := told.search(line.norm)) is None or DENIED.search(m["r"]):
                continue
            said = list(itertools.takewhile(lambda c: not _TURNS.search(c), m["r"].split(",")))
            if said and reasonish(said[0]):
                found = _given(found, [a], clean_reason(",".join(said)))
                break
    return found


def _next_sentence(found: list[Absentee], lines: list[Line]) -> list[Absentee]:
    """The reason of one absentee listed alone at a sentence's end, told in the paragraph's next
    sentence without a name or a label (缺:甲。牙疼,下午刚在口腔诊所拔了牙。), given when the list
    gave none."""
    for a in found:
        if a.reason or not a.name or (pair := _listed_then_next([a], lines)) is None:
            continue
        listed, after = pair
        if [b for b in found if any(e.text == listed.text for e in b.evidence)] != [a]:
            continue  # (not alone on its line)
        said = _before_leave_told(after.norm.rstrip("。.; "))  # (…,会前已向支部书面请假,…: how it was asked)
        if _why_said_next(said, found):
            found = _given(found, [a], clean_reason(said))
    return _next_sentence_theirs(found, lines)


# the next sentence opening with the group it speaks of: 两人均… / 以上2人都… / 他们俩…
_GROUP_OPENS = re.compile(
    rf"^(?:以上|上述|这|此)?(?P<n>{NUM})(?:人|位|名)(?:同志|党员)?(?:均|都)|^(?:他们|她们)(?:俩|两人|二人)?(?:均|都)"
)


def _next_sentence_theirs(found: list[Absentee], lines: list[Line]) -> list[Absentee]:
    """The reason of a group listed at a sentence's end, none with a reason, told in the paragraph's
    next sentence of all of them (缺席:甲、乙。两人均在外地客户处做售后服务。)."""
    group = [a for a in found if a.name and not a.reason]
    if len(group) < 2 or len(group) != len(found) or (pair := _listed_then_next(group, lines)) is None:
        return found
    opens = _GROUP_OPENS.match(pair[1].norm)
    if opens is None or (opens["n"] is not None and to_int(opens["n"]) != len(group)):
        return found
    said = _before_leave_told(pair[1].norm[opens.end() :].rstrip("。.; "))
    return _given(found, group, clean_reason(said)) if _why_said_next(said, found) else found


def _listed_then_next(people: list[Absentee], lines: list[Line]) -> tuple[Line, Line] | None:
    """The one line quoted for all of ``people``, ending with the last one's name, and the next line of
    its paragraph; None when they are quoted on several lines or nothing follows in the paragraph."""
    ats = sorted(
        {i for a in people for i, line in enumerate(lines) if any(e.text == line.text for e in a.evidence)}
    )
    # (one line, or a head and the line it runs on to: 人:甲,乙; / 组织委员丙没来。)
    if not ats or ats[-1] - ats[0] != len(ats) - 1 or len(ats) > 2 or (at := ats[-1]) + 1 >= len(lines):
        return None
    listed, after = lines[at], lines[at + 1]
    last = people[-1].name
    told = listed.norm.rstrip("。.; ")
    # (the name, or the name and the act of its absence: 组织委员李娜没来。在成都出差。)
    ends = last is not None and (
        told.endswith(last) or re.search(rf"{re.escape(last)}{_BARE_AWAY}$", told) is not None
    )
    return (listed, after) if ends and after.span.origin == listed.span.origin else None


_BARE_AWAY = r"(?:同志)?(?:都|均)?(?:没来|没有来|没到|未到会?|未参加|没参加|缺席|未参会|没能来)"


def _why_said_next(said: str, found: list[Absentee]) -> bool:
    if ":" in said or any(b.name and b.name in said for b in found) or DENIED.search(said):
        return False
    elsewhere = _MEETING_ELSEWHERE.sub("", said)  # (因赴美国参加国际学术会议: a meeting elsewhere)
    if _MEETING_TALK.search(elsewhere) or _AT_MEETING.search(elsewhere) or no_reason_left(said):
        return False
    return known_reason(said.split(",", 1)[0])


def _named_again(found: list[Absentee], lines: list[Line]) -> list[Absentee]:
    """Reasons told of listed people by name in the sentences after the list (缺席:尹晓雪、鲍玉洁。
    尹晓雪带学生在省城参加技能大赛,鲍玉洁休产假 / 其中尹晓雪病假、鲍玉洁值班), each up to the next
    listed name, given when the list gave none, nobody of the list was given one (甲(出差)、乙(病假)、丙:
    丙's reason is missing, whatever is said of 丙 later)."""
    names = [a.name for a in found if a.name]
    given = {b.name for b in found if b.reason and b.reason != "请假"}  # (a bare 请假 is the act itself)
    heads = "|".join(map(re.escape, names))
    notes = (
        re.compile(rf"^(?:\[[^\]]{{1,8}}\])?(?:(?:备注|说明|注):)?{_AWAY_AS}(?:{heads})[-—–~:,]")
        if names
        else None
    )
    for a in found:
        if not a.name or a.reason not in (None, "请假"):
            continue
        listed = [i for i, line in enumerate(lines) if any(e.text == line.text for e in a.evidence)]
        same_list = [b for b in found if {e.text for e in b.evidence} & {e.text for e in a.evidence}]
        if any(b.name in given for b in same_list):
            continue
        told = re.compile(
            rf"(?:^|(?<=[,;。:—\-、(])|(?<=其中)){_AWAY_AS}{re.escape(a.name)}(?:[、和](?:{heads}))*(?:同志)?,?"
            r"(?P<r>[^,;。、()][^;。]{1,40})"  # (甲、乙同志随子女在外地生活: said of both)
        )
        noted = re.compile(rf"{re.escape(a.name)}[-—–~:,](?P<r>[^;。]{{2,40}})")
        after = lines[listed[0] :] if listed else []
        # the sentences right after the list that each open with a listed name: one explained in each
        chain = 1 + sum(1 for _ in itertools.takewhile(lambda ln: _opens_with(ln.norm, names), after[1:]))
        for k, line in enumerate(after):
            # in the list's own sentence, the name told again after the list, not the list itself; in
            # the next (or the run of sentences after it, each opening with a listed name), the name
            # anywhere; further on, in notes opening with a listed name (米雪芬—下乡…)
            if k > 1 and k >= chain:
                m = noted.search(line.norm) if notes is not None and notes.match(line.norm) else None
                if m is None and line.norm.startswith(a.name):  # a later line opening with the name
                    m = re.match(rf"{re.escape(a.name)}(?:同志)?,?(?P<r>[^,;。、()][^;。]*)", line.norm)
            else:
                m = told.search(line.norm, line.norm.find(a.name) + 1 if k == 0 else 0)
            rest = _ABSENCE_FIRST.sub("", _up_to_names(m["r"], names).lstrip("-—–~:")) if m else ""
            if not m or ":" in rest or DENIED.search(rest):
                continue
            said = _said_away(rest) if reasonish(rest.split(",", 1)[0]) else None
            if said is None and 0 < k < chain and m.start() == 0 and chain > 2:
                said = _told_at_once(rest)  # one of a run of sentences explaining the list in turn
            why = clean_reason(_before_leave_told(said)) if said else None
            if why and len(why) >= 2 and not no_reason_left(why):  # (not 在 of 甲在会前已向…请假)
                found = _given(found, [a], why, over_leave=True)
                break
    return found


def _told_at_once(rest: str) -> str | None:
    """What a sentence of those explaining a list one by one says of the listed person it opens with
    (缺席:甲、乙。甲这一趟跑的是…的干线,人还在甘肃境内;乙请了一周假,在医院陪护…): why they were
    away, as the writer goes on to explain each; its clauses up to one on how the leave was asked,
    none turning to the meeting."""
    text = _before_leave_told(rest)
    if len(text) < MIN_TOLD_AT_ONCE or _MEETING_TALK.search(text) or _AT_MEETING.search(text):
        return None
    return None if _LET_KNOW.search(text.split(",", 1)[0]) else text


def _before_leave_told(text: str) -> str:
    """``text``'s first clause and those after it up to one on how the leave was asked or the branch
    let know (…,为期三天,会前已书面请假 -> …,为期三天)."""
    clauses = text.split(",")
    return ",".join([clauses[0], *itertools.takewhile(lambda c: not _LET_KNOW.search(c), clauses[1:])])


MIN_TOLD_AT_ONCE = 4  # characters of what is told of a listed person to be a reason


def _opens_with(norm: str, names: list[str]) -> bool:
    return any(norm.startswith(name) for name in names)


# the absence and the post said again before the name: 备注:缺席委员俞海森,因抽调…
_AWAY_AS = r"(?:(?:缺席|请假|未参会|未到会?)的?(?:委员|支委|党员|同志)?)?"

# the absence said again before why: 没来,她在深圳… / 请了假,孩子发烧
_ABSENCE_FIRST = re.compile(
    r"^(?:也|又|还)?(?:没来|没有来|没能来|请了[^,;。]{0,4}假|请假了|请假|未参加|未到|缺席)了?,?(?:因为|是因为)?(?:他|她)?"
)


def _up_to_names(text: str, names: list[str]) -> str:
    cut = min((at for name in names if (at := text.find(name)) >= 0), default=len(text))
    return text[:cut].rstrip(",、")


# 分别在外省参加培训和在定点医院开展检查: one reason each, in the order the people were named
_RESPECTIVELY = re.compile(r"^(?:均|都)?分别(?P<r>.+)$")


def _respective(found: list[Absentee]) -> list[Absentee]:
    """People given one reason that says 分别 and names as many reasons as people, joined by 和 /
    、/ 以及: each their own, in order."""
    own: dict[int, str | None] = {}
    for reason in {a.reason for a in found if a.reason}:
        at = [i for i, a in enumerate(found) if a.reason == reason]
        m = _RESPECTIVELY.match(reason)
        parts = re.split(r"和|、|以及|;", m["r"]) if m else []
        if len(at) >= 2 and len(parts) == len(at) and all(len(p) >= 2 for p in parts):
            own |= {i: clean_reason(p) for i, p in zip(at, parts, strict=True)}
    return [Absentee(a.name, own[i], a.evidence) if i in own else a for i, a in enumerate(found)]


def _pronoun_reasons(found: list[Absentee], lines: list[Line]) -> list[Absentee]:
    """A reason told in the clause after a listed person's absence, of him or her (许诺没来,她在深圳
    参加决赛 / 钱凤英也请了假,她上周刚做完白内障手术), given when the list gave none."""
    for a in found:
        if a.reason or not a.name:
            continue
        told = re.compile(
            rf"{re.escape(a.name)}[^,;。]{{0,6}}?(?:没来|没有来|没能来|请了假|请假了|请假|未参加|未到|缺席)[^,;。]{{0,6}}[,。]"
            r"(?:因为|是因为|是)?(?:他|她)(?:当时|那时|那天|当天)?(?P<now>是|正在|正)?(?P<r>[^;。]{2,40})"
        )
        # (甲未参加。他当时正在…: the next sentence, maybe a line of its own)
        for i, line in enumerate(lines):
            text = line.norm + (lines[i + 1].norm if i + 1 < len(lines) and line.norm.endswith("。") else "")
            if (m := told.search(text)) and (said := _said_of_them(m)):
                found = _given(found, [a], clean_reason(said))
                break
    return found


def _said_of_them(m: re.Match[str]) -> str | None:
    """Why the pronoun's clause says they were away: its words, or with 正在 when that is what makes
    them a reason (他当时正在机舱抢修…: what he was doing)."""
    return _said_away(m["r"]) or (_said_away(f"{m['now']}{m['r']}") if m["now"] else None)


def _nicknamed_reasons(found: list[Absentee], lines: list[Line]) -> list[Absentee]:
    """Reasons said of listed people by the name they go by (缺席:刘晓燕、赵德顺 … 小刘请了病假,
    老赵在省里参加培训), given to the one listed person of that surname who has none."""
    names = [a.name for a in found if a.name]
    for a in found:
        if a.reason or not a.name:
            continue
        surname = a.name[:2] if a.name[:2] in COMPOUND_SURNAMES else a.name[:1]
        if sum(1 for n in names if n.startswith(surname)) != 1:
            continue
        called = re.compile(
            rf"(?<![\u4e00-\u9fff])[小老阿]{re.escape(surname)}(?:同志)?(?P<r>[^;。]{{2,40}})"
        )
        for line in lines:
            m = called.search(line.norm)
            if m and (said := _said_away(m["r"])):
                found = _given(found, [a], clean_reason(said))
                break
    return found


# a clause about someone else: the next one called by name (老赵…), or the people together (两个人都…)
_OTHERS_CLAUSE = re.compile(r"^(?:[小老阿][\u4e00-\u9fff]|(?:两|二|三|几)(?:个人|位|人)|他们|大家|都)")


def _said_away(sentence: str) -> str | None:
    """What a sentence said of someone gives as why they are away: its clauses up to the first that
    says why someone is away and on until one tells how the branch was let know (上周做了阑尾手术,还在住院 /
    跟执法队…检查,走不开; not …决赛,已发消息说明), none turning to the meeting."""
    said = list(itertools.takewhile(lambda c: not _OTHERS_CLAUSE.match(c), sentence.split(",")))
    first = next((i for i, c in enumerate(said) if _away_why(c)), None)
    if first is None:
        return None
    rest = itertools.takewhile(
        lambda c: not _LET_KNOW.search(c) and not _AFTER_MEETING.match(c), said[first + 1 :]
    )
    kept = said[: first + 1] + list(rest)
    text = ",".join(kept)
    return None if _MEETING_TALK.search(text) else text


# a clause on what was done after the meeting (会后由组长补传达): no part of why they were away
_AFTER_MEETING = re.compile(r"(?:会后|事后|会议结束后|散会后)")


# a clause on how the person let the branch know (已发消息说明 / 跟我打过招呼 / 已向支部请假): no reason
_LET_KNOW = re.compile(
    r"消息|信息|电话|招呼|说明|请假|请了假|报告|报备|(?:跟|向|给)[^,;。]{1,8}?(?:说过|讲过|说了|讲了)"
)

# a clause that turns from why someone was away to the meeting or to how the branch was let know
_TURNS = re.compile(
    rf"{_MEETING_TALK.pattern}|{_AT_MEETING.pattern}|{_LET_KNOW.pattern}|委托|由[^,]{{2,8}}代"
)


def _given(
    found: list[Absentee], people: list[Absentee], reason: str | None, *, over_leave: bool = False
) -> list[Absentee]:
    """``found`` with ``reason`` given to ``people`` who have none (or, ``over_leave``, only the
    bare 请假 their act says)."""
    names = {a.name for a in people if not a.reason or (over_leave and a.reason == "请假")}
    return [Absentee(a.name, reason, a.evidence) if a.name in names and reason else a for a in found]


# --- the last resort: as many people as the counts leave away, each with why ------------------------


# a dash between a name and what is said of it, in a list run on by commas (…,丙——在家养伤)
_NAME_DASH = re.compile(r"(?<=[\u4e00-\u9fff])——(?=[\u4e00-\u9fff])")


# a clause that tells only how the person let the branch know, what they said following it
_TOLD_BY = re.compile(rf"{TELLING_ACT}[^,;。]{{0,6}}$")


def _sentence_rest(clauses: list[str]) -> str:
    """The clauses up to the one that ends the sentence, joined, without the closing mark."""
    out = []
    for clause in clauses:
        out.append(clause)
        if clause.endswith(("。", ";")):
            break
    return "".join(out).rstrip("。;,:")


def told_after(
    found: list[Absentee], lines: list[Line], finder: PersonFinder, room: int | None
) -> list[Absentee]:
    """``found`` and those named in the clauses right after one of them, in their sentence, each
    opening a clause whose rest says why they were away (甲请假,乙在外地送达): only when that makes
    exactly as many as the counts leave away, and none of them does anything at the meeting."""
    if not room or not found or len(found) >= room:
        return found
    passage = _Passage.of(gaps_as_commas(lines))
    known = {a.name for a in found}
    extra: dict[str, Absentee] = {}
    start = 0
    for sentence in re.split(r"(?<=[。;!?])", passage.text):
        clauses = _clauses(sentence)
        for k, clause in enumerate(clauses[:-1]):
            if not any(n and n in clause for n in known):
                continue
            for nxt in clauses[k + 1 :]:
                group = _group(_CONNECTIVES.sub("", nxt), finder)
                if len(group) != 1 or not _away_why(group[0][1]) or group[0][0] in known:
                    break
                name, why = group[0]
                at = passage.text.find(nxt, start)  # (the clause in this sentence, not an earlier like it)
                extra.setdefault(
                    name, Absentee(name, clean_reason(why or ""), passage.evidence(at, at + len(nxt)))
                )
        start += len(sentence)
    if len(found) + len(extra) != room or _acting(extra, passage.text):
        return found
    return [*found, *extra.values()]


def _acting(names: Iterable[str], text: str) -> set[str]:
    """Those of ``names`` whom ``text`` has doing something at the meeting (甲在会上发言), not at a
    meeting elsewhere (在上海参加学术会议)."""
    here = _MEETING_ELSEWHERE.sub("", text)
    at_meeting = rf"(?:同志)?[^,;。]{{0,6}}?(?:{_AT_MEETING.pattern})"
    return {n for n in names if re.search(re.escape(n) + at_meeting, here)}


def by_room(lines: list[Line], finder: PersonFinder, room: int) -> list[Absentee]:
    """Exactly ``room`` people (the number the counts leave away), each opening a clause whose
    rest says why someone is away (甲在县医院陪护母亲), and none of them doing anything at the
    meeting anywhere in the record; otherwise nobody."""
    passage = _Passage.of(gaps_as_commas(lines))
    found: dict[str, Absentee] = {}
    pos = 0
    # a colon opens a clause too (把情况说了:甲…;乙…) when more than one is away
    stops = r"(?<=[。;,:])" if room > 1 else r"(?<=[。;,])"
    clauses = re.split(stops, _NAME_DASH.sub(",,", passage.text))  # (丙——前几天摔了一跤: the dash a pause)
    for k, clause in enumerate(clauses):
        group = _group(_CONNECTIVES.sub("", clause.rstrip("。;,:")), finder)
        for name, reason in group:
            if finder.roster and name not in finder.roster:
                continue  # (with a roster, a guess off it is a word: 应签到17人 is no 应签)
            told = _after_name(clause, name) if len(group) == 1 else None
            why = reason if _away_why(reason) else _told_on(told, clauses[k + 1 :], finder)
            if (
                why
                and _TOLD_BY.search(why)
                and k + 1 < len(clauses)
                and clauses[k + 1].startswith(("说", "讲"))
            ):
                why = _sentence_rest(clauses[k + 1 :])[1:]  # 甲开会前给我打电话,说家里母羊下羔,走不开
            dashed = told == "" and clauses[k + 1 : k + 2] == [","] and k + 2 < len(clauses)
            if not why and dashed and _away_why(said := clauses[k + 2].rstrip("。;,:")):
                why = said  # 丙——前几天摔了一跤: what the dash opens
            if why:
                found.setdefault(
                    name, Absentee(name, clean_reason(why), passage.evidence(pos, pos + len(clause)))
                )
        pos += len(clause)
    acting = _acting(found, passage.text)
    out = [a for n, a in found.items() if n not in acting]
    return denied(out, lines) if len(out) == room else []


def _told_on(first: str | None, after: list[str], finder: PersonFinder) -> str | None:
    """What is said of a person after their name (``first``, then the clauses after it in its
    sentence), none of it a reason alone, made one by the sentence going on to say they asked leave
    or could not get away (甲(课题组)细胞正在传代,走不开,提前在群里请了假 / 甲,样品正在培养,提前请了
    假): the clauses before the leave, none turning to the meeting or naming someone."""
    if first is None or first.startswith(("、", "和", "及", "与")):
        return None
    kept = [first] if first else []
    if any(_TURNS.search(c) or LEAVE_ASKED.search(c) or _COUNT_SAID.search(c) for c in kept):
        return None
    for nxt in after[:MAX_TOLD_ON]:
        said = nxt.rstrip("。;,:")
        if LEAVE_ASKED.search(said):
            return ",".join(kept) if kept else None
        if _TURNS.search(said) or _COUNT_SAID.search(said) or _lead_name(_front(said, finder), finder):
            return None
        kept.append(said)
        if nxt.endswith(("。", ";")):
            return ",".join(kept) if any(CANNOT.search(c) for c in kept) else None
    return None


MAX_TOLD_ON = 3  # clauses after a name the sentence may go on over before it says leave was asked
# a count said in a clause (请假2人 / 应到17人): the record's counts, not what a person did
_COUNT_SAID = re.compile(rf"{NUM}(?:个人|人|名|位)|(?:应到|实到|缺席|请假){NUM}")


def _after_name(clause: str, name: str) -> str:
    """The words of ``clause`` after ``name``, past its bracket (甲(王教授课题组)细胞正在传代)."""
    rest = clause[clause.find(name) + len(name) :] if name in clause else ""
    return re.sub(r"^(?:同志)?(?:\([^()]*\))?", "", rest).strip("。;,: ")
