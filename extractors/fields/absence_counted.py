"""Absentees in a list whose items are known to be names by their number, not by their surname:
read when the list readers (``attendance``) and the frames (``absence_frames``) found nobody.

    没来的4个人:甲(去那曲卖牦牛肉),乙(家里挤奶走不开),丙、丁(在夏季牧场放牧)
                              a head saying who was away (any words holding an act of absence)
                              and a colon, then the names, each with or sharing a reason
    小组党员甲、乙、丙三人上山捡菌子,天黑了还没下来  names, then their number, then the reason,
                              in a sentence that says they were away
    未到会党员及原因:                     a head, then a line per reason, each with its names
    1.在外务工:甲、乙、丙                 (read when the names add up to the number away)
    2.住院:丁
    差两个:车间主任甲守着杀青机,…;收购点的乙在岩背村收鲜叶  a story told after a colon: as many
                              clauses apart by ; as were away, each opening with a name
    缺了三个,…,一个是甲往贵阳送货,一个是乙去天津还没回来,再一个是丙跑新疆那条线
                              each told in a clause of its own opened by 一个是 / 再一个是, said aloud
    4人没到。甲在连云港出差,跟厂家验收;乙在休产假;车间的丙昨晚上夜班,白天在家休息;丁没跟我请假
                              a number away, then that many people each opening a clause of the
                              words after it (on its line or the next), the clauses without a name
                              going on with the reason before them; words saying one asked no
                              leave are read as no reason

Names of any origin (阿西木呷, 嘎玛, 布维阿依谢姆) are read here: an item is taken for a name by
its shape (two to four characters, or a transcribed name, holding no function word) only when the
number of the items is the number written with them, or, for a head without one, the number the
counts leave away. Every name must come with a reason, its own or one it shares; a list that
leaves one without, or holds an item that is neither a name nor a reason, reads nobody (a false
"absent without leave" costs more than a miss).
"""

from __future__ import annotations

import re

from core.models import Absentee, Evidence
from extractors.fields.attendance import HONORIFICS, clean_reason, lines_used, person_head, reasonish
from extractors.fields.leave_words import CANNOT, DENIED, no_reason_left, says_why_firmly
from extractors.fields.numbers import NUM, to_int
from extractors.fields.people import (
    NOT_NAMES,
    TITLES,
    guess_name,
    leading_guess,
    minority_name,
    strip_titles,
    transcribed,
)
from extractors.layout.lines import Line
from extractors.text.brackets import split_outside_brackets

# an act of absence: what a head or a sentence about those away says they did
_AWAY = (
    r"(?:请了?(?:[病事产婚丧年]|会)?假|告假|缺席|缺会|缺勤|没(?:能|有)?(?:来|到|参加|出席|参会)|未能?(?:到|参加|出席|到会|参会|到场|前来)"
    r"|不能(?:来|到|参加|到会|出席)|无法(?:参加|到会|出席)|回不来|来不了|走不开|没回来)"
)
_COUNT = rf"(?P<n>{NUM})(?:个人|个|人|名|位)"
# a head: the words since the last stop, holding an act of absence, closed by a colon
_HEAD = re.compile(
    rf"(?:^|(?<=[。;,!?]))(?P<head>[^。;,!?:]{{0,16}}?{_AWAY}[^。;,!?:]{{0,12}}?):(?P<list>[^。]+)"
)
# names, then their number, then the rest of the sentence (its reason)
_ITEM = r"[^、,;。:()]{2,12}"
_COUNTED = re.compile(
    rf"(?P<list>{_ITEM}(?:、{_ITEM})*)(?:等|共|这|那)?{_COUNT}(?:同志|党员|老师|同事|队员|组员)?(?P<rest>[^。;]*)"
)
_AND = re.compile(r"[和及与]")
_HEAD_COUNT = re.compile(_COUNT)
# characters a name of two to four characters never holds (function words, counters)
_NOT_IN_NAME = set(
    "的了是在们等及或也都均已未没不因从被把将对向给让所其这那些里个人名位请假到会党员同住说"
)  # (志 of 同志: 志远 is a name; 住 / 说 of 甲住在县医院 / 甲说…)
_NAME_SHAPE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_REASON_SPLIT = re.compile(r"[(—–-]")


def absentees(lines: list[Line], room: int | None) -> list[Absentee]:
    """The absentees of the first list read in ``lines``; ``room``: how many the counts leave
    away (None: not known)."""
    for i, line in enumerate(lines):
        found = (
            _after_head(line, lines[i + 1 : i + 2], room)
            or _reason_lines(line, lines[i + 1 : i + 1 + MAX_TOLD], room)
            or _reason_head(line)
            or _counted(line, room)
            or _told(line, lines[i + 1 : i + 1 + MAX_TOLD], room)
            or _told_rows(line, lines[i + 1 : i + 2 + MAX_TOLD], room)
            or _one_is_each(line, room)
            or _number_then_story(line, lines[i + 1 : i + 1 + MAX_TOLD], room)
        )
        if found:
            return found
    return []


def _after_head(line: Line, after: list[Line], room: int | None) -> list[Absentee]:
    m = _HEAD.search(line.norm)
    if m is None:
        return []
    text, quoted = m["list"], [line]
    if not text.strip("。 ") and after:  # the head ends its line: the list is the next one
        text, quoted = after[0].norm, [line, after[0]]
    written = _HEAD_COUNT.search(m["head"])
    want = to_int(written["n"]) if written else room
    named = _items(text)
    if named is None or want is None or len(named) != want:
        return []
    return [_absentee(name, reason, quoted) for name, reason in named]


# a reason and a number as the head, then the names: 外出务工2人:甲、乙
_REASON_HEAD = re.compile(rf"(?:^|(?<=[。;,]))(?P<reason>[^。;,:\d]{{2,16}}?){_COUNT}:(?P<list>[^。:;]+)")
# a head that counts those present, no reason (支委5人,到会5人:甲、乙…)
_PRESENT_HEAD = re.compile(
    r"^(?:实际|本次|今天)?(?:到会|出席|参会|参加|实到|到场|与会|列席|到|来了|在场)(?:会议|人员|党员|同志|支委|委员)?$"
)


def _reason_head(line: Line) -> list[Absentee]:
    m = _REASON_HEAD.search(line.norm)
    if m is None or not reasonish(m["reason"]) or _PRESENT_HEAD.match(m["reason"]):
        return []
    names = _enumerated(_pieces(m["list"]))
    if names is None or to_int(m["n"]) != len(names):
        return []
    return [_absentee(n, clean_reason(m["reason"]), [line]) for n in names]


# a head ending its line (未到会党员及原因:), and a line per reason under it: 1.在外务工:甲、乙
# (请假情况如下——: a dash or 如下 ends it too); a line may count its names (住院的3人:甲、乙、丙)
_LINES_HEAD = re.compile(rf"{_AWAY}[^。;,!?:]{{0,12}}(?::|——|—|如下)$")
_REASON_LINE = re.compile(
    r"^(?:\d{1,2}[.、)]|[一二三四五六七八九十][、.]|[①②③④⑤⑥⑦⑧⑨⑩])?(?P<reason>[^。;,:\d]{2,16}?)"
    rf"(?:的{_COUNT})?:(?P<list>[^。:;]+)$"
)
# where a listed person is, in brackets after the name (郗振国(上海)): no part of the name
_PLACE_AFTER = re.compile(r"\([\u4e00-\u9fff]{2,6}\)")


def _reason_lines(line: Line, after: list[Line], room: int | None) -> list[Absentee]:
    """The names of the lines under an absence head, each opening with a reason, when they are as many
    as the counts leave away."""
    if room is None or not _LINES_HEAD.search(line.norm):
        return []
    found: list[Absentee] = []
    for nxt in after:
        m = _REASON_LINE.match(nxt.norm.rstrip("。;"))
        names = _enumerated(_pieces(_unplaced(m["list"]))) if m and reasonish(m["reason"]) else None
        if m is None or names is None or _PRESENT_HEAD.match(m["reason"]):
            break
        if m["n"] and to_int(m["n"]) != len(names):
            return []
        found += [_absentee(n, clean_reason(m["reason"]), [line, nxt]) for n in names]
    return found if len(found) == room else []


def _unplaced(listed: str) -> str:
    """The list without the places bracketed after its names (甲(上海)、乙(西安)); a bracket saying
    why stays."""
    return _PLACE_AFTER.sub(lambda m: "" if not reasonish(m.group()[1:-1]) else m.group(), listed)


def _counted(line: Line, room: int | None) -> list[Absentee]:
    """Names, their number and the reason, in a sentence saying they were away; or, said with no
    word of absence, when their number is the number the counts leave away and the rest says why
    (应到18名,实到16名,党员甲、乙2名同志在隔离病区值班)."""
    away = re.search(_AWAY, line.norm) is not None
    if not away and room is None:
        return []
    clauses = (_COUNTED.match(line.norm, k.end()) for k in re.finditer(r"[,;。]", line.norm))
    for m in (*_COUNTED.finditer(line.norm), *clauses):  # (a later clause's own list: …,实到16名,甲、乙2名…)
        if m is None:
            continue
        names = _enumerated(m["list"].split("、"))
        reason = _reason_of(m["rest"])
        if names is None or len(names) < 2 or to_int(m["n"]) != len(names) or reason is None:
            continue
        if not away and (len(names) != room or _reason_told(m["rest"]) is None):
            continue
        return [_absentee(n, reason, [line]) for n in names]
    return []


def _enumerated(pieces: list[str]) -> list[str] | None:
    """The names of an enumeration (甲、乙、丙 / 甲、乙和丙): None when a piece is no name; a last
    piece joined by 和 及 与 is two names only when both halves are (聂清和 is one)."""
    names = [_slot_name(p, first=k == 0) for k, p in enumerate(pieces)]
    halves = _AND.split(pieces[-1], maxsplit=1)
    two = [_slot_name(h, first=len(pieces) == 1 and k == 0) for k, h in enumerate(halves)]
    if len(two) == 2 and None not in two:
        names = names[:-1] + two
    return None if None in names else [n for n in names if n is not None]


def _items(text: str) -> list[tuple[str, str]] | None:
    """A list's names, each with its reason (甲(…),乙、丙(…) / 甲—… ;乙,…): None when an item is
    neither a name nor a reason, or a name is left without one."""
    out: list[tuple[str, str | None]] = []
    for piece in _pieces(text):
        name, own = _name_and_reason(piece, first=not out)
        if name is not None:
            out.append((name, own))
        elif out and reasonish(piece) and out[-1][1] is None:
            out = _shared(out, piece)  # 甲、乙,都在外地: the reason of the names before it
        else:
            return None
    out = _shared_back(out)
    if not out or any(r is None for _, r in out):
        return None
    return [(n, r) for n, r in out if r is not None]


def _pieces(text: str) -> list[str]:
    """``text`` split at 、 , ; outside brackets."""
    return [p.strip(" 。.") for p in split_outside_brackets(text, "、,;") if p.strip(" 。.")]


def _name_and_reason(piece: str, first: bool) -> tuple[str | None, str | None]:
    """甲(住院) / 甲—住院 / 甲: a name and its reason in one piece."""
    m = _REASON_SPLIT.search(piece)
    head, reason = (piece[: m.start()], piece[m.start() :]) if m else (piece, None)
    name = _slot_name(head, first)
    if name is None:
        return _glued(piece, first) if m is None else (None, None)
    return name, clean_reason(reason)


def _glued(piece: str, first: bool) -> tuple[str | None, str | None]:
    """甲病假: a name and its reason with nothing between, the reason a known one."""
    name = _opening_name(piece.strip(), first)
    end = piece.find(name) + len(name) if name and name in piece else 0
    rest = piece[end:]
    said_why = rest[:1] in _REASON_OPENS or says_why_firmly(rest) or rest.startswith(("事假", "公差"))
    if not end or not said_why or not reasonish(rest) or _slot_name(piece[:end], first) != name:
        return None, None  # (请假人:甲 6月19日: a date after the name, no reason)
    return name, clean_reason(rest)


def _shared(out: list[tuple[str, str | None]], reason: str) -> list[tuple[str, str | None]]:
    """The names before ``reason`` that have none take it."""
    tail = len(out)
    while tail > 0 and out[tail - 1][1] is None:
        tail -= 1
    return out[:tail] + [(n, clean_reason(reason)) for n, _ in out[tail:]]


def _shared_back(out: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """A name without a reason directly before a name with one shares it (丙、丁(在牧场))."""
    shared = list(out)
    for k in range(len(shared) - 2, -1, -1):
        if shared[k][1] is None and shared[k + 1][1] is not None:
            shared[k] = (shared[k][0], shared[k + 1][1])
    return shared


def _slot_name(piece: str, first: bool) -> str | None:
    """``piece`` as a name by its shape: titles and a unit before it taken away, two to four
    characters holding no function word, or a transcribed name."""
    text = strip_titles(person_head(piece.strip())) if first else strip_titles(piece.strip())
    if not text or text in NOT_NAMES or reasonish(text):
        return None
    if minority_name(text) is not None:
        return text
    if _NAME_SHAPE.match(text) and not (_NOT_IN_NAME & set(text)):
        return text
    return None


def _reason_of(rest: str) -> str | None:
    """The reason in the words after the names' number (上山捡菌子,天黑了还没下来;): the words
    before the act of absence, when there are any."""
    words = re.sub(rf",?(?:均|都|也|而|因此|所以)?{_AWAY}.*$", "", rest).strip(",")
    return clean_reason(words) if len(words) >= 2 else None


def _absentee(name: str, reason: str | None, quoted: list[Line]) -> Absentee:
    return Absentee(name, reason, [Evidence.of(ln.span, ln.text) for ln in quoted])


# --- a list told as a story: 差两个:车间主任甲守着杀青机,机器停不得;收购点的乙在岩背村收鲜叶 ---------

# a colon closing the words since the last full stop, then the clauses up to the next one
_TOLD = re.compile(r"(?:^|(?<=[。;!?,]))(?P<head>[^。;!?,:]{0,24}):(?P<list>[^。:]+)")
_SHORT = rf"差(?:了)?{NUM}"  # 差三个: three short
# what one says at the meeting, not why one was away
_AT_MEETING = re.compile(
    r"主持|领学|领誓|宣誓|发言|讲话|讲了|讲解|汇报|会上|会议|到会|参会|带领|带着大家|组织大家|介绍|作了"
    r"|做了(?![^,;。]{0,4}手术)"  # (not 照顾做了胆囊手术的老父亲: why one was away)
)
_NO_SHOW = r"(?:没有?|未能?)(?:到|来|露面|参加|出席|参会)|缺席|缺会"
MAX_TOLD = 8  # lines a told list may run on over
_ONE_BY_ONE = re.compile(r"一(个|位|人|名)一\1")  # 我一个一个说清楚: no number of people
_TOLD_LEAD = re.compile(r"^(?:还有|另外|另一个|一个是|一位是|其中)")
# (甲,他在浙江打工: the reason told in a clause of its own, after a pronoun)
_AFTER_TOLD_NAME = re.compile(rf"^(?:同志|老师|师傅|大姐|大哥|老人家|{HONORIFICS})?(?:的|,?[他她](?=.))?")


def _told(line: Line, after: list[Line], room: int | None) -> list[Absentee]:
    """A list told after a colon whose head, or the sentence before it, says some were away (差两个: /
    缺席三名。点名时说了: / 把三个人的情况说了:): exactly as many clauses apart by ; as the head's
    number or the counts leave away, each opening with a name (after a title or 的) and going on
    to why; a clause whose rest is no reason reads nobody. The clauses may run on over the lines
    after ``line`` that the ; ends."""
    text, used = line.norm, [line]
    for nxt in after:
        if not text.endswith(";"):
            break
        text, used = text + nxt.norm, [*used, nxt]
    for m in _TOLD.finditer(text):
        if m.start("list") >= len(line.norm):
            break  # the head must be on ``line``; later heads are read from their own line
        written = _HEAD_COUNT.search(_ONE_BY_ONE.sub("", m["head"]))
        before = text[max(0, m.start() - 40) : m.end("head")]
        want = to_int(written["n"]) if written else room
        if not (re.search(_AWAY, before) or re.search(_SHORT, before) or (written and want == room)):
            continue
        pieces = _told_pieces(m["list"], want)
        if want is None or len(pieces) > want:
            continue
        told = [_told_group(p) for p in pieces]
        if all(told) and sum(len(g) for g in told if g) == want:
            return [_absentee(name, reason, used) for g in told if g for name, reason in g]
    return []


# a name and its 同志 opening a clause, before the mark that sets the reason apart
_CALLED = re.compile(r"(?:^|(?<=[;,]))(?P<n>[\u4e00-\u9fff·]{2,5}?)同志(?=[,:])")


def _told_pieces(listed: str, want: int | None) -> list[str]:
    """The clauses of a told list: apart by ;, or, with no ; at all, by commas when there are exactly
    as many as were away (另有4名党员走不开:甲守在瞭望塔,乙带扑火队…,丙…,丁…)."""
    listed = _CALLED.sub(r"\g<n>", listed)  # 宋倩同志,事假: the name without its 同志
    pieces = [p.strip(" ,") for p in listed.split(";") if p.strip(" ,")]
    commas = [p.strip(" ") for p in listed.split(",") if p.strip(" ")]
    plain = not re.search(r"[;()]", listed)  # (甲(井下作业,跟班测风)、乙(…): commas inside a reason)
    return commas if plain and want is not None and len(commas) == want else pieces


# who the names of a clause are to each other, said after them: 甲、乙老哥俩一起回… / 甲和乙两口子
_TOGETHER = re.compile(r"^(?:老?(?:哥|兄弟|姐妹|姐|弟|爷|娘)俩|两人|二人|两位|俩人|夫妻俩?|两口子)")


def _told_group(piece: str) -> list[tuple[str, str]] | None:
    """One clause of a told list: its name and why (``_told_item``), or names apart by 、 or 和
    and the reason they share (聂国华、聂国强老哥俩一起回河南老家给母亲上坟)."""
    if item := _told_item(piece):
        return [item]
    text, names = _TOLD_LEAD.sub("", piece), []
    while (name := leading_guess(text, 1)) is not None:
        names.append(name)
        text = text[len(name) :]
        if text[:1] not in ("、", "和"):
            break
        text = text[1:]
    reason = _reason_told(_TOGETHER.sub("", text)) if len(names) >= 2 else None
    return [(name, reason) for name in names] if reason else None


# what friends call someone, then the name in brackets: 老毛(毛福田) / 小吕(吕思琪)
_CALLED_THEN_NAME = re.compile(r"^[老小][\u4e00-\u9fff]\((?P<name>[\u4e00-\u9fff]{2,4})\)")


# a head closing its line with a colon, its number the number away: 3人在台上: / 以下4位在外:
_ROWS_HEAD = re.compile(rf"(?:^|[,;。])(?P<head>[^。;,!?:]{{0,6}}{_COUNT}[^。;,!?:\d]{{0,10}}):$")


def _told_rows(line: Line, after: list[Line], room: int | None) -> list[Absentee]:
    """A head whose number is the number the counts leave away, closing its line with a colon
    (应到18人,实到15人,3人在台上:), then a row per person, each opening with a name and telling why:
    exactly that many rows read as told items, the row after them not one (else the number is not
    theirs)."""
    m = _ROWS_HEAD.search(line.norm)
    want = to_int(m["n"]) if m else None
    if want is None or want != room or len(after) < want:
        return []
    rows = [ln.norm.strip("。;, ") for ln in after[:want]]
    told = [item for row in rows if (item := _told_item(row) or _bracketed_row(row)) is not None]
    if len(told) != want or (len(after) > want and _told_item(after[want].norm.strip("。;, "))):
        return []
    return [_absentee(name, reason, [line, *after[:want]]) for name, reason in told]


# a row of a name and, in brackets, what keeps them away: 仇海峤(第7间急诊剖宫产麻醉)
_BRACKETED_ROW = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4})\((?P<r>[^()]{2,40})\)")


def _bracketed_row(row: str) -> tuple[str, str] | None:
    """A row that is a name and a bracket whose words say a duty, an ailment or an errand, in
    the words of a trade (急诊, 手术, 值机) rather than a verb of going."""
    m = _BRACKETED_ROW.fullmatch(row)
    name = _slot_name(m["name"], first=True) if m else None
    if m is None or name is None or DENIED.search(m["r"]) or no_reason_left(m["r"]):
        return None
    reason = clean_reason(m["r"])
    return (name, reason) if reason and says_why_firmly(m["r"]) else None


# a job of the trade said before a name in a told list: 瞭望员 / 护林员 / 调度员
_JOB = re.compile(r"[\u4e00-\u9fff]{1,4}员")


def _told_item(piece: str) -> tuple[str, str] | None:
    """One clause of a told list: its name, after a title or 的 (车间主任甲 / 收购点的乙), or in
    brackets after what friends call them (老毛(毛福田)), and the rest as its reason when it is one."""
    text = _TOLD_LEAD.sub("", piece)
    if (called := _CALLED_THEN_NAME.match(text)) and leading_guess(called["name"] + "。") == called["name"]:
        reason = _reason_told(text[called.end() :])
        return (called["name"], reason) if reason else None
    for start in range(0, min(len(text), 9)):
        before = text[:start]
        nickname = before in (
            f"老{text[start]}",
            f"小{text[start]}",
        )  # 老钱钱富贵: the name said as friends say it
        job = _JOB.fullmatch(before) is not None  # 瞭望员甲: the job before the name
        if start and not (before.endswith("的") or strip_titles(before) != before or nickname or job):
            continue
        name = leading_guess(text[start:], 1)
        if name is None:
            continue
        tail = re.match(r"[\u4e00-\u9fff]{1,3}(?=\()", text[start + len(name) :])
        if tail and (transcribed(name + tail.group()) or (transcribed(name) and len(tail.group()) <= 2)):
            name += tail.group()  # 乌日根达来(在夏营地放牧): the whole transcribed name before its bracket
        reason = _reason_told(text[start + len(name) :])
        return (name, reason) if reason else None
    return None


def _reason_told(after: str) -> str | None:
    """Why one was away, as the words ``after`` their name tell it, when they do (who they are
    said first is left out: 就是俞德民他弟弟,在深圳打工)."""
    rest = _WHO_THEY_ARE.sub("", _AFTER_TOLD_NAME.sub("", after, count=1), count=1)
    reason = clean_reason(rest)
    if not reason or rest[0] in "、和及与" or re.search(_NO_SHOW, rest):
        return None  # 甲、乙带领第一组…: a list of names; 乙…也没有到: the absence told again, no why
    if DENIED.search(rest) or no_reason_left(reason) or _AT_MEETING.search(rest):
        return None
    doing = any(
        _DOING_START.match(clause) for clause in reason.split(",")
    )  # (手指头划了个口子,在镇卫生院缝针)
    return reason if reasonish(reason) or doing or CANNOT.search(reason) else None


# (家住县城: where one lives, no errand)
# who the person is, said before why they were away: 是韦小红她老公, / 就是俞德民他弟弟, / 是咱们的老楼长,
_WHO_THEY_ARE = re.compile(r"^(?:就)?是[^,;。]{1,12},(?=.)")
_DOING_START = re.compile(
    r"^[^,;。]{0,3}?(?:在|去|到|回|守|值|陪|带|跟|随|赶|上|下|忙|(?<!家)住|病|伤|摔|往|跑|送|拉)"
)


# --- each told in a clause opened by 一个是, said aloud: 缺了三个,…,一个是甲往贵阳送货,再一个是乙… ---------

# (一个韦大全,他是…: said aloud without 是, a name right after; 没来的一个是甲: the one away; 还有乙…:
# the last one told)
_ENUM_LEAD = re.compile(
    r"^(?P<one>(?P<away>没来的|没到的|缺席的|缺的|请假的)?(?:再|还有|另外)?(?:一个|一位|一人|另一个|另一位|第[一二三四五六]个)(?:呢)?"
    r"(?:是|就是|(?=[\u4e00-\u9fff]{2})))"
    r"|^(?:还有|另外|再就是)(?![一二两三四五六七八九十\d])(?=[\u4e00-\u9fff]{2})"
)
# the number away, said aloud in the sentence before the clauses: 缺了三个 / 差两个 / 缺席三人 / 没来的仨
_SAID_AWAY = re.compile(
    rf"(?:缺席|缺会|请假|缺了?|差了?|少了|没(?:有)?(?:来|到)(?:的)?)(?:了)?(?P<n>{NUM})(?:个人|个|人|名|位)?(?![\d个人名位])"
)
# the others, after a count of those who came: 今天来了十个,另外两个
_REST_AWAY = re.compile(
    rf"(?:来了|到了|到会|实到|参加)[^,;。]{{0,4}}?{NUM}(?:个人|个|人|名|位),(?:另外|其余|其他|剩下)的?(?P<n>{NUM})(?:个人|个|人|名|位)"
)


def _one_is_each(line: Line, room: int | None) -> list[Absentee]:
    """In a sentence that says some were away (缺了三个 / 差两个 / 缺席三人), each of them told in a
    clause of its own opened by 一个是 / 再一个是 / 另一个是: a name and why. Exactly as many such
    clauses as the sentence's number (or, when it says none, as the counts leave away), each a name
    and a reason."""
    for sentence in re.split(r"[。!?]", line.norm):
        clauses = sentence.split(",")
        opened = _openers(clauses)
        if not opened:
            continue
        lead = _ENUM_LEAD.match(clauses[opened[0]])  # (没来的一个是甲: the words of absence before 一个)
        head = ",".join([*clauses[: opened[0]], (lead["away"] if lead else None) or ""])
        said = [
            m for m in (*_SAID_AWAY.finditer(head), *_REST_AWAY.finditer(head)) if to_int(m["n"]) is not None
        ]
        want = to_int(said[-1]["n"]) if said else (room if re.search(_AWAY, head) else None)
        if want is None or len(opened) != want:
            continue
        stops = [*opened[1:], len(clauses)]
        items = [_told_on(clauses, i, stop) for i, stop in zip(opened, stops, strict=True)]
        told = [item for text in items if (item := _told_item(_ENUM_LEAD.sub("", text))) is not None]
        if len(told) == want:
            return [_absentee(name, reason, [line]) for name, reason in told]
    return []


def _openers(clauses: list[str]) -> list[int]:
    """The clauses opening one told of each: 一个是… anywhere, 还有甲… only right after another and
    what is told of that one (还有覃桂香说… after the record moved on tells of no one away)."""
    out: list[int] = []
    for i, clause in enumerate(clauses):
        m = _ENUM_LEAD.match(clause)
        between = clauses[out[-1] + 1 : i] if out else []
        if m and (
            m["one"] or (out and len(between) <= MAX_TOLD_ON and all(_GOES_ON.match(c) for c in between))
        ):
            out.append(i)
    return out


def _told_on(clauses: list[str], at: int, stop: int) -> str:
    """The clause opened at ``at`` and those after it, before ``stop``, that go on telling of the
    same person until a reason is told: after a pronoun or a word of who they are (一个是甲,他在浙江
    打工没回来 / 一个乙,他是丙她老公,在贵阳做装修), at most ``MAX_TOLD_ON`` more."""
    text = clauses[at]
    for nxt in clauses[at + 1 : min(stop, at + 1 + MAX_TOLD_ON)]:
        if _told_item(_ENUM_LEAD.sub("", text)) is not None or not _GOES_ON.match(nxt):
            break
        text = f"{text},{nxt}"
    return text


MAX_TOLD_ON = 2
# a clause going on about the person told of: a pronoun, who they are, or where they were
_GOES_ON = re.compile(r"[他她]|就是|是|在|去|到")


# --- the number away, then who and why in the words after it: 4人没到。甲在连云港出差;乙在休产假;丙… /
# 缺席3人,其中甲、乙在广东务工,丙卧病在床 / 缺三名。缺的人里,财政所的甲被抽到县里…,扶贫站的乙… ---------

# the number of those away: 缺席3人 / 请假四名 / 差三个 / 4人没到 / 三名请假
_NUMBER_AWAY = re.compile(
    rf"(?:缺席|缺会|缺勤|请假|缺了?|差了?|少了|没(?:有)?(?:来|到)的?)(?:了)?(?P<n>{NUM})(?:个人|个|人|名|位)(?![\d党员同志])"
    rf"|(?P<m>{NUM})(?:个人|个|人|名|位)(?:党员|同志)?(?:请假|缺席|没(?:有)?(?:来|到)|未(?:到|参加|到会))(?=[,。;:]|$)"
)
_STORY_STOP = re.compile(r"[。!?]")
# an item's lead-in and a name's list: 还有一个 / 再就是 / 甲、乙 / 甲和乙
_ITEM_LEAD = re.compile(r"^(?:还有(?:一个|一位|一名)?|另外|再就是|再有|此外|以及)(?:是)?,?")
MAX_LEAD_CLAUSES = 2  # clauses before the first name, saying who is told of (其中 / 缺的人里 / 各有各的情况)
MAX_LEAD_CHARS = 12
MAX_STORY_SENTENCES = 2  # sentences after the number the story of those away may take


def _number_then_story(line: Line, after: list[Line], room: int | None) -> list[Absentee]:
    """After a number of those away (缺席3人 / 4人没到 / 差三个), exactly that many people, each
    opening a clause of the words after it (apart by ; or , and running on over the lines after
    ``line``) and going on to why they were away: a clause not opening with a name goes on with the
    reason before it (甲在连云港出差,跟厂家验收); names enumerated in one clause share its reason
    (甲、乙在广东务工). Nobody when the names are not as many as the number, or one is left with
    neither a reason nor words saying they asked no leave."""
    for m in _NUMBER_AWAY.finditer(line.norm):
        want = to_int(m["n"] or m["m"])
        if want is None or want < 1 or (room is not None and want != room):
            continue
        rest = line.norm[m.end() :].lstrip(",。;:")
        if rest:  # the story on the number's line
            story, used = _story(rest), [line]
        else:  # the number ends its line: the story on the lines after it
            story = _story("".join(ln.norm for ln in after))
            used = [line, *lines_used(0, after, len(story))]
        told = _story_items(story, want) if story else None
        if told is not None and len(told) == want:
            return [_absentee(name, reason, used) for name, reason in told]
    return []


def _story(text: str) -> str:
    """The sentences of ``text`` that may tell of those away (up to ``MAX_STORY_SENTENCES``)."""
    parts = _STORY_STOP.split(text, maxsplit=MAX_STORY_SENTENCES)
    return "。".join(parts[:MAX_STORY_SENTENCES])


def _story_items(story: str, want: int) -> list[tuple[str, str | None]] | None:
    """The people of ``story`` with their reasons, clause by clause; None when the first clause
    opens with nobody, or a person is left with neither a reason nor words saying they gave none
    (没跟我请假: positive word of no leave, read as no reason)."""
    out: list[tuple[list[str], str]] = []
    skipped = named = 0
    ended = False
    for clause, mark in re.findall(r"([^,;。:]*)([,;。:]|$)", story):
        if ended and named >= want:
            break  # as many named as were away: the story ends with their sentence
        ended = mark == "。"
        clause = _ITEM_LEAD.sub("", clause.strip())
        if not clause or re.search(rf"{NUM}(?:个人|个|人|名|位)", clause):
            continue  # (a head of those told after it: 生病的2人)
        names, rest = _names_opening(clause)
        if names:
            out.append((names, rest))
            named += len(names)
        elif out:
            if _AT_MEETING.search(clause):
                break  # the story is over: 会议由…主持
            out[-1] = (out[-1][0], f"{out[-1][1]},{clause}" if out[-1][1] else clause)
        elif (skipped := skipped + 1) > MAX_LEAD_CLAUSES or len(clause) > MAX_LEAD_CHARS:
            return None
    told: list[tuple[str, str | None]] = []
    for names, rest in out:
        reason = _story_reason(rest)
        if reason is None:
            return None
        told += [(name, reason or None) for name in names]
    return told


def _story_reason(rest: str) -> str | None:
    """Why one was away, as the words ``rest`` after their name tell it; "" when they say the
    person asked no leave; None when they tell no reason."""
    if DENIED.search(rest):
        return ""
    reason = _reason_told(rest.lstrip(","))
    return reason if reason and (reasonish(reason) or CANNOT.search(reason)) else None


def _names_opening(clause: str) -> tuple[list[str], str]:
    """The names ``clause`` opens with (after a title or a unit and 的: 财政所的甲 / 营业部主管甲) and
    the words after them: 甲、乙在广东务工 -> ([甲, 乙], 在广东务工); nobody -> ([], clause)."""
    names: list[str] = []
    text = clause
    while (name := _opening_name(text, first=not names)) is not None:
        names.append(name)
        text = text[text.find(name) + len(name) :]
        if (joint := re.match(r"[、和与及]", text)) is None:
            break
        text = text[joint.end() :]
    return (names, text) if names else ([], clause)


def _opening_name(text: str, first: bool) -> str | None:
    """The name ``text`` opens with, after a title or a unit and 的 when ``first``."""
    fronts = range(1, min(len(text), MAX_NAME_FRONT) + 1) if first else []
    units = [k for k in fronts if _UNIT_OF.fullmatch(text[:k])]  # 扶贫站的甲 is 甲, not 扶贫
    titles = [k for k in fronts if text[:k].endswith(_TITLE_ENDS)]  # 护士长甲 / 医务科科员甲
    for start in [*units, 0, *titles]:
        if (name := leading_guess(text[start:])) is not None:
            return _reason_cut_off(name, text[start:])
    return None


def _reason_cut_off(name: str, text: str) -> str:
    """The name without the first character of the reason glued after it: 端木蕾休产假 (a compound
    surname's name of three) / 付彤病假 (a name of two before a leave word)."""
    short = name[:-1]
    if len(name) < 3 or name[-1] not in _REASON_OPENS or guess_name(short) != short:
        return name
    if len(name) == 4 or reasonish(text[len(short) :][:4]):
        return short
    return name


_TITLE_ENDS = tuple(TITLES)
_REASON_OPENS = frozenset("休在因去到回赴随病住值陪带")


# a unit or post before a name and its 的, no verb in it (财政所的 / 产房的; not 那天排的是最远的)
_UNIT_OF = re.compile(r"[^是了着在把被说那这,]{1,6}的")
MAX_NAME_FRONT = 8  # characters of a title or unit before a name opening a clause
