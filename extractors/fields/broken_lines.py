"""A list of absentees cut where the page's lines end (a 记录簿 page typed or read line by line):

    缺席：方□华（外出监考）、            the line ends at a separator
    崔立新（产假）
    缺席:凤家宝(去成都给女儿带孩子)
    ,毛秀蓉(住院,髋关节置换),孔祥          the next line opens with one; a name cut in two
    骐,孔祥林(兄弟俩回山东老家办事)
    （陆建国、麻小云、田忠林，在贫困户       a bracket left open
    村驻点）
    缺：冯雅芃——领合唱队去县里             a reason's last word or two on a line of their own
    比赛

The lines after a list's head are joined to it while one of these shows that they continue it; the
joined line quotes the first line's place and all the lines' words.

A count cut in two the same way (``应到人数 23人 实到人数 2`` then ``1人``) is joined back:
``counts_rejoined``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from extractors.fields.people import COMPOUND_SURNAMES, SURNAMES, guess_name
from extractors.layout.lines import Line, match_label

MAX_JOINED_LINES = 4  # lines after a head a cut list may run on to
_SEPARATORS = ",、"  # (a line ending at ; is a sentence of its own: the list readers join those)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# the list's last item so far, after its last separator or its head's colon (an item's number off)
_LAST_ITEM = re.compile(r"(?:^|[,、;:()])(?:\d{1,2}[.、])?(?P<item>[^,、;:()]*)$")
_FIRST_ITEM = re.compile(r"^(?P<item>[^,、;:()。]*)")
# a reason's last words alone on the next line (比赛), after an item holding a name and a reason
_REASON_TAIL = re.compile(r"[\u4e00-\u9fff]{1,4}")
MIN_ITEM_WITH_REASON = 5
_SECTION = re.compile(r"^(?:会议|活动|主要)?(?:内容|议程|过程|纪要|记要|议题)$|^备注$")
# a line of its own label (记录:甲 / ② 领学:乙): the list ended before it
_LABELLED = re.compile(r"^[^,、;:()。]{1,8}:")


def joined_broken(lines: list[Line], is_head: Callable[[str], bool]) -> list[Line]:
    """``lines`` with the lines that continue a cut list of absentees joined to its head's line."""
    out: list[Line] = []
    joined = 0
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and joined < MAX_JOINED_LINES
            and is_head(prev.norm)
            and continues(prev.norm, line.norm)
        ):
            out[-1] = dataclasses.replace(prev, norm=prev.norm + line.norm, text=prev.text + line.text)
            joined += 1
            continue
        out.append(line)
        joined = 0
    return out


def _opens_with_name(text: str) -> bool:
    """Whether ``text`` may open with a name (甘露产假: the next item, its name and its reason)."""
    return text[0] in SURNAMES or text[:2] in COMPOUND_SURNAMES or guess_name(text) == text


def continues(prev: str, nxt: str) -> bool:
    """``nxt`` goes on with the list ``prev`` ends with: ``prev`` ends at a separator or inside a
    bracket, ``nxt`` opens with a separator, or a name is cut between them (one character left
    alone on either side)."""
    if not nxt or not prev or prev.endswith(("。", ".")) or _LABELLED.match(nxt):
        return False
    if prev.endswith(tuple(_SEPARATORS)) or nxt.startswith(tuple(_SEPARATORS)):
        return True
    if prev.count("(") > prev.count(")"):
        return True
    last = _LAST_ITEM.search(prev)
    first = _FIRST_ITEM.match(nxt)
    tail = last["item"] if last else ""
    head = first["item"] if first else ""
    if not (tail and head and _CJK.fullmatch(tail[-1]) and _CJK.match(head)):
        return False
    if _REASON_TAIL.fullmatch(nxt) and len(tail) >= MIN_ITEM_WITH_REASON and not _opens_with_name(nxt):
        # 冯雅芃——领合唱队去县里 / 比赛: the reason's end, not a name, a label or a section's heading
        return not match_label(nxt) and not _SECTION.match(nxt)
    if not (tail[0] in SURNAMES or tail[:2] in COMPOUND_SURNAMES):
        return False  # (缺席:甲、乙　缺: a mark, no name cut in two)
    return len(tail) == 1 or (len(tail) == 2 and len(head) == 1)


# a line ending in a count's label and its digits, no unit yet; the next opening with digits and the unit
_COUNT_CUT = re.compile(r"(?:应到|实到|缺席|请假|到会|出席|参会)(?:人数|党员)?:?\s*\d{1,2}$")
_COUNT_REST = re.compile(r"^\d{1,2}(?:人|名|位)")


def counts_rejoined(lines: list[Line]) -> list[Line]:
    """``lines`` with a count whose digits the page's line end cut (实到人数 2 / 1人) read whole."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and _COUNT_CUT.search(prev.norm) and _COUNT_REST.match(line.norm):
            out[-1] = dataclasses.replace(prev, norm=prev.norm + line.norm, text=prev.text + line.text)
            continue
        out.append(line)
    return out
