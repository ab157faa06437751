"""Names read from their place in a counted list of absentees, whatever the name.

    缺席2人：哈斯图娅在蒙古国访学，阿茹娜生病住院。
    缺3人：漆远山 下村处理山林纠纷；封晓燕 在县委党校培训；郜立敏 病休

A list announced with its count (缺席2人) whose first items are exactly that many, each a short
run of characters and then the words a reason opens with, names that many people: each item's
opening is a name even when no surname list knows it (Mongolian, Tibetan, Yi names; rare
surnames). An item after them that reads otherwise (他们都提前请了假) ends the list; an item that
opens with a pronoun, a number or a word of the record is no name, and then the list is not read
this way at all.
"""

from __future__ import annotations

import re

MAX_NAME = 5  # characters of a name read by its place (哈斯图娅, 扎西多布; longer ones carry a ·)
MAX_DOTTED_NAME = 12  # … a name with a middle dot (阿迪力·买合木提)
_ORDINAL = re.compile(
    r"^(?:(?:一|另一|其一|再一|第[一二三四五六七八九十])(?:个|位|人|名)?(?:是|为)|\d{1,2}[、.)]?)"
)
_NAME = re.compile(r"[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)*")
# what opens an item that is not a person: pronouns, numbers, the record's own words
_NOT_A_NAME = re.compile(
    r"^(?:他|她|其|另|还|以上|上述|大家|会议|大会|全体|本|此|该|这|那|我|你|均|都|分别|原因|一|二|两|三|四|五|六|七|八|九|十|几|各|每|其余|其他)"
)
_ITEMS_APART = re.compile(r"[,;。]")
_NOT_LAST = frozenset("未没不已均都也还因")  # the characters of a verb's words that end no name read by place


def named_by_place(
    text: str, count: int, reason_start: re.Pattern[str], more: str = ""
) -> list[tuple[str, str]] | None:
    """The first ``count`` items of the list ``text`` (normalised; it may run on into ``more``, the
    next lines) as (name, reason) pairs when each opens with a name and then a reason; None when
    they do not, or the list is shorter."""
    if "(" in text or count < 1:
        return None
    whole = f"{text}。{more}" if more else text
    items = [_ORDINAL.sub("", item.strip("。")) for item in _ITEMS_APART.split(whole) if item.strip("。")]
    if len(items) < count:
        return None
    read = [_name_and_reason(item, reason_start) for item in items[:count]]
    if any(pair is None for pair in read):
        return None
    if len(items) > count and _name_and_reason(items[count], reason_start) is not None:
        return None  # more people than counted: not this list
    return [pair for pair in read if pair is not None]


def _name_and_reason(item: str, reason_start: re.Pattern[str]) -> tuple[str, str] | None:
    """The shortest opening of ``item`` that is a name followed by a reason."""
    if _NOT_A_NAME.match(item):
        return None
    longest = MAX_DOTTED_NAME if "·" in item else MAX_NAME
    for size in range(2, min(longest, len(item) - 1) + 1):
        name, rest = item[:size], item[size:]
        if name.endswith("·"):
            continue
        if not _NAME.fullmatch(name):
            return None
        if name[-1] in _NOT_LAST:
            continue  # 郜二旦未到: 未 is the verb's, no part of the name
        if reason_start.match(rest):
            return name, rest
    return None
