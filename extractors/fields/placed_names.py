"""Names read from their place in a counted list of absentees, whatever the name.

    缺席2人：哈斯图娅在蒙古国访学，阿茹娜生病住院。
    缺3人：漆远山 下村处理山林纠纷；封晓燕 在县委党校培训；郜立敏 病休
    另有3人请假，分别是在市中心医院值夜班的付嘉宁、回老家奔丧的艾力亚尔·吐尔逊…

A list announced with its count (缺席2人) whose first items are exactly that many, each a short
run of characters and then the words a reason opens with, names that many people: each item's
opening is a name even when no surname list knows it (Mongolian, Tibetan, Yi names; rare
surnames). An item after them that reads otherwise (他们都提前请了假) ends the list; an item that
opens with a pronoun, a number or a word of the record is no name, and then the list is not read
this way at all.
"""

from __future__ import annotations

import re

from extractors.fields.people import MAX_TRANSCRIBED, guess_name, minority_name

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
# ... and the words of time and state a reason goes on with after a comma (门晓东这周上夜班,白天在宿舍补觉)
_GOES_ON = re.compile(
    r"^(?:白天|晚上|早上|上午|下午|中午|当天|当日|当晚|那天|这天|这周|本周|上周|下周|周末|每天|平时|目前|现在|正在|已|"
    r"近期|最近|前几天|今年|去年|明年|年底|月底|至今|一直|仍|暂|无法|不能|走不开|赶不回|\d{1,2}月|\d{1,2}[日号])"
)
_TOGETHER = re.compile(
    r"^(?:同志)?(?:二人|两人|两位|二位|俩人|俩|三人|等人|夫妇)"
)  # 甲、乙二人在…: the pair's word
_INTRO = re.compile(
    r"^(?:(?:分别|依次)(?:是|为)?|是|为|有):?"
)  # 请假3人,分别是甲…: the words before the items
_NOT_LAST = frozenset("未没不已均都也还因")  # the characters of a verb's words that end no name read by place


def named_by_place(
    text: str, count: int, reason_start: re.Pattern[str], more: str = ""
) -> list[tuple[str, str]] | None:
    """The first ``count`` items of the list ``text`` (normalised; it may run on into ``more``, the
    next lines) as (name, reason) pairs when each opens with a name and then a reason; None when
    they do not, or the list is shorter."""
    if "(" in text or count < 1:
        return None
    whole = _INTRO.sub("", f"{text}。{more}" if more else text)
    pieces = re.split(r"(?<=[,;。])", whole)  # each item with the mark that ends it
    items = [(_ORDINAL.sub("", p.strip("。,;")), p) for p in pieces if p.strip("。,;")]
    read: list[tuple[str, str]] = []
    after_comma = False
    for item, piece in items:
        comma, after_comma = after_comma, piece.endswith(",")
        people = None if _GOES_ON.match(item) else _item_people(item, reason_start)
        # the reason goes on after a comma: in words of time or state, or (the list not yet read to
        # its count) in words that open no person (…教育实习,住在实习学校;帅俊豪…)
        if read and comma and people is None and (_GOES_ON.match(item) or len(read) < count):
            name, reason = read[-1]
            read[-1] = (name, f"{reason},{item}")
            continue
        if len(read) >= count:
            if people is not None:
                return None  # more people than counted: not this list
            break
        if people is None:
            return None
        read.extend(people)
    return read if len(read) == count else None


def _item_people(item: str, reason_start: re.Pattern[str]) -> list[tuple[str, str]] | None:
    """An item's people: one name and its reason, or names joined by 、 sharing the last one's
    reason (舒德明、漆志远在浙江务工)."""
    *firsts, last = item.split("、")
    names = [_without_post(name) for name in firsts if _lone_name(name)]
    pair = _name_and_reason(last, reason_start)
    if pair is None or len(names) < len(firsts) or (firsts and len(pair[0]) >= MAX_NAME):
        return None  # a long opening beside names of a group: a reason begun in words no list knows
    return [*((name, pair[1]) for name in names), pair]


def _lone_name(text: str) -> bool:
    return 2 <= len(text) <= MAX_NAME and bool(_NAME.fullmatch(text)) and not _NOT_A_NAME.match(text)


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
        rest = _TOGETHER.sub("", rest, count=1)
        if reason_start.match(rest):
            return _without_post(name), rest
    return None


def _without_post(name: str) -> str:
    """A five-character opening that is a name and 同志 or a post, or a post and then a name
    (张三丰同志, 司机刘强东), read as the name."""
    if len(name) < MAX_NAME:
        return name
    guessed = guess_name(name)
    ends = guessed is not None and (name.startswith(guessed) or name.endswith(guessed))
    return guessed if guessed and len(guessed) >= 2 and ends else name


_DESCRIBED = re.compile(
    r"^(?P<r>[^的]{2,40}?(?:的[^的]{1,20}?)?)的(?P<n>[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)*)$"
)


def _longest(name: str) -> int:
    """The most characters ``name`` may have: more when it has a dot or is a transcribed name."""
    if "·" in name:
        return MAX_DOTTED_NAME
    return MAX_TRANSCRIBED if minority_name(name) == name else MAX_NAME


def described_by_reason(text: str, count: int, reason_start: re.Pattern[str]) -> list[tuple[str, str]] | None:
    """A counted list whose items each give the reason and then, after 的, the person (在外地实习的
    付嘉宁、回老家奔丧的满晓彤): exactly ``count`` such items, or None."""
    items = [item for item in re.split(r"[、,;。]", _INTRO.sub("", text)) if item]
    if len(items) < count:
        return None
    read = [_described(item, reason_start) for item in items[:count]]
    if any(pair is None for pair in read):
        return None
    return [pair for pair in read if pair is not None]


def _described(item: str, reason_start: re.Pattern[str]) -> tuple[str, str] | None:
    m = _DESCRIBED.match(item)
    if m is None or not reason_start.match(m["r"]):
        return None
    name = m["n"]
    if len(name) > _longest(name) and (guessed := guess_name(name)) and name.endswith(guessed):
        name = guessed  # 值乘…的列车长甲: the post before the name
    if _NOT_A_NAME.match(name) or not 2 <= len(name) <= _longest(name):
        return None
    return name, m["r"]
