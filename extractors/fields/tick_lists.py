"""Absentees in a sign list written inline: names ticked as present, one marked otherwise.

    到会签名（√到会　公—公出）：
    胥立军√　冯宝驹√　宗振华√　訾文斌√
    阮继平　公
    备注：阮继平在江苏盐城风场做吊装技术服务，3月20日返厂。

A block of lines holding nothing but names, each with a mark after it (a tick, a one-character
mark of absence, a bracket), in which at least two names are ticked, is a list of who came; a name
marked otherwise was away. Its reason is what a note below names it with (备注：阮继平在…), else
what its mark's bracket says (假（产假）), else the mark when the mark is a reason of its own
(公, 病, 事, 产); a bare 假, 缺 or cross gives none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.fields.absence_tables import MIN_ROLL_ROWS, REASON_MARKS, name_cell
from extractors.fields.legend import MARK_SYMBOLS, TICKS, legend
from extractors.fields.people import PersonFinder
from extractors.layout.lines import Line

_TICK = TICKS + "●"
_AWAY = "公假病事产缺○△×✗✘"
_BRACKET = r"[（(](?P<{}>[^（()）]{{1,30}})[）)]"
_SAID = _BRACKET.format("said")
# a bracket alone marks an absence when it opens with one (（公）, （请假，出差）), not （列席）, （迟到）
# (and （？）, a mark the record's legend leaves undefined: ``legend.UNDEFINED``)
_ALONE = r"[（(](?P<alone>(?:[公假病事产缺？]|请假|缺席|未到|出差|公出|无故|旷会)[^（()）]{0,30})[）)]"
# ... or, in a list whose marks the legend spelled out (甲(外地探亲) from 甲△ with △外地探亲), the meaning
_SPELLED = (
    rf"[（(](?P<spelled>(?!列席|迟到|晚到|早退|旁听)[^（()）\s{_TICK}{MARK_SYMBOLS}×✗✘]{{2,12}})[）)](?=\s|$)"
)
# an item: a name and its mark (胥立军√ / 阮继平 公 / 娄雅琴（公） / 霍晓晴 假（产假）)
# (a mark's note written after it, to the next gap: 廉德顺△海南三亚过冬，四月底回来)
# (or a roll called in words, each apart by a gap: 1.任志刚 到 2.吴海 到 … 4.葛永 病假)
# (a table's cells pasted apart by bars: 1｜马国庆｜√｜5｜冯志强｜√ / 3｜何建军｜请假（倒班）)
_CAME_WORD = r"(?<=[\s｜|])(?:到|已到|到会|出席|已签到)(?=[\s｜|]|$)"
_AWAY_WORD = (
    r"(?<=[\s｜|])(?:请假|[病事产婚丧公]假|探亲假|年休假|缺席|缺勤|未到|出差|公出)"
    r"(?:[（(](?P<wsaid>[^（()）]{1,30})[）)])?(?=[\s｜|]|$)"
)
_ITEM = re.compile(
    rf"(?P<name>[\u4e00-\u9fff·]{{2,6}}?)[\s｜|]*(?:(?P<tick>[{_TICK}]|{_CAME_WORD})|(?P<word>{_AWAY_WORD})|(?P<mark>[{_AWAY}])"
    rf"(?:\s*{_SAID}|(?P<note>[^\s（()）｜|{_TICK}{_AWAY}]{{2,40}}))?|{_ALONE}|{_SPELLED})"
)
# (a row's number: 1　甲　√　　2　乙　○ / 一　甲√　乙√)
_GAP = re.compile(r"^[\s　｜|]*(?:(?:\d{1,3}|[一二三四五六七八九十]{1,3})[\s　.、｜|]*)?$")
# the list's own labels: 支委签到：… at the start, and a group's label between items (…蔡明轩✓2023级(硕):戴雨涵✓,
# paragraphs joined where the page wrapped them)
_LABEL = re.compile(
    rf"(?:^|(?<=[{_TICK}{_AWAY})）\s]))(?:[^:：\s{_TICK}（()）]|[（(][^（()）:：]{{1,6}}[）)]){{1,16}}[:：]"
)
# the counts written right after the list, in the same paragraph: …唐若溪✓应到20人,实到18人
_COUNTS_AFTER = re.compile(
    rf"(?<=[{_TICK}{_AWAY})）])\s*(?=(?:应到|实到|应参会|实参会|请假|缺席|合计|共计|到会)\d)"
)
_NOTE = re.compile(r"^(?:备注|说明|注)[:：]?")
MIN_TICKED = 2  # ticked names that make a block a list of who came


@dataclass(frozen=True)
class TickedAway:
    name: str
    reason: str | None  # as written, None when neither a note nor the mark gives one
    lines: list[Line]  # the list's line naming them, and the note giving the reason


def ticked_away(lines: list[Line], finder: PersonFinder) -> list[TickedAway]:
    """Those marked away in an inline list of who came, with the reason a note or the mark gives."""
    items: list[tuple[Line, re.Match[str]]] = []
    for line in lines:
        read = _items(line, finder)
        if read is None:
            if items and sum(1 for _, m in items if m["tick"]) >= MIN_TICKED:
                break
            items = []
            continue
        items += [(line, m) for m in read]
    if sum(1 for _, m in items if m["tick"]) < MIN_TICKED:
        return []
    if any(m["tick"] and m["tick"] not in _TICK for _, m in items) and len(items) < MIN_ROLL_ROWS:
        return []  # (郑立新 到 / 韩秀梅 到 / 黄晓东 假: too few rows called in words to be a roll)
    notes, meanings = _notes(lines), legend(lines)
    return [_away(line, m, notes, meanings) for line, m in items if not m["tick"]]


def _items(line: Line, finder: PersonFinder) -> list[re.Match[str]] | None:
    """The items of a line made of nothing but names with their marks; None for any other line."""
    text = _COUNTS_AFTER.split(_LABEL.sub(" ", line.text.strip()), maxsplit=1)[0]
    found = list(_ITEM.finditer(text))
    if not found or not all(_GAP.match(gap) for gap in _gaps(text, found)):
        return None
    if not all(_named(m["name"], finder) for m in found):
        return None
    if len(found) == 1 and (found[0]["spelled"] or found[0]["alone"]) and _LABEL.match(line.text.strip()):
        return None  # 主持:甲(支部书记、校长): a labelled field, no item of the list
    return found


def _gaps(text: str, found: list[re.Match[str]]) -> list[str]:
    ends = [0, *(m.end() for m in found)]
    starts = [*(m.start() for m in found), len(text)]
    return [text[a:b] for a, b in zip(ends, starts, strict=True)]


def _named(name: str, finder: PersonFinder) -> bool:
    """A name as a whole (in a list of names with marks, any surname: 衣海涛, 门立新)."""
    hit = finder.resolve(name)
    return (hit is not None and hit.name == name) or name_cell(name)


def _away(
    line: Line, m: re.Match[str], notes: list[tuple[Line, str]], meanings: dict[str, str]
) -> TickedAway:
    """Their reason: a note below naming them, else what follows the mark (a bracket or words),
    else the mark when it is a reason of its own or the legend says what it means (△外地)."""
    note = _note(m["name"], notes)
    if note is not None:
        return TickedAway(m["name"], note[1], [line, note[0]])
    if m["word"]:
        word = m["word"].split("(")[0].split("（")[0]
        said = m["wsaid"] or (None if word in ("缺席", "缺勤", "未到") else word)
        return TickedAway(m["name"], said, [line])
    mark = m["mark"] or ""
    bracket = m["said"] or m["alone"] or m["spelled"] or m["note"]
    if bracket and bracket not in _AWAY:
        return TickedAway(m["name"], bracket, [line])
    reason = mark or bracket or ""
    if reason in meanings:
        return TickedAway(m["name"], meanings[reason], [line])
    return TickedAway(m["name"], reason if reason in REASON_MARKS and reason else None, [line])


def _notes(lines: list[Line]) -> list[tuple[Line, str]]:
    """The record's notes (备注/说明/注 lines, and the rest of a note cut at its ；), each without its label."""
    noted = {id(line.span) for line in lines if _NOTE.match(line.norm)}
    return [
        (line, norm)
        for line in lines
        if (norm := _NOTE.sub("", line.norm)) != line.norm or id(line.span) in noted
    ]


def _note(name: str, notes: list[tuple[Line, str]]) -> tuple[Line, str] | None:
    """A note naming ``name`` and saying something after it (备注：阮继平在江苏…,3月20日返厂; 说明：
    …；霍晓晴产假)."""
    for line, norm in notes:
        if name not in norm:
            continue
        after = re.sub(
            r"^(?:同志|老师|党员)?(?:因为?|由于)?", "", norm[norm.index(name) + len(name) :].lstrip(":")
        )
        said = re.split(r"[,;。、]", after, maxsplit=1)[0]
        if said:
            return line, said
    return None
