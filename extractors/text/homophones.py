"""Key words typed through a pinyin input method's slips, undone for matching.

A secretary typing 领学 may pick 另学, 缺席 may come out 缺习, 请假 请家 and 应到 应道: the candidate the
input method offers first sounds the same. A two-character key word with one of its characters
replaced by another of the same sound (tones ignored, a character's first reading) is
read as the key word, where the context the key word stands in is there too (a count after 应到,
an oath after 领誓, a title after 领学) and the slip is no word a record would mean (领事馆, 请家长,
同治年间). Only ``Line.norm`` changes; evidence quotes the text as written.

The sounds come from pypinyin's character dictionary (MIT, shipped in its wheel: no network).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# each key word: what must follow the slip for it to be read as the key word (a lookahead), the
# characters after which the slip is a word of its own, and whether its first character may be the
# slip (not where a surname sounds like it and the second character is common in given names:
# 童志明, 佟志刚 are no 同志; 凌学军 only before a title is; nor where common words do: 认识到)
_KEY_WORDS: dict[str, tuple[str, str, bool]] = {
    "主持": ("", "", True),
    "领誓": (r"(?=[^。]{0,24}?(?:誓|重温))", "馆部官务处", True),
    "领学": (r"(?=了?[《<“\"【:])", "", True),
    "请假": (r"(?=[\d一二三四五六七八九十两:(,;。]|的|人员|$)", "", True),
    "缺席": ("", "", True),
    "应到": (r"(?=[:\s]*[\d一二三四五六七八九十两])", "", False),
    "实到": (r"(?=[:\s]*[\d一二三四五六七八九十两])", "", False),  # (认识到一笔 holds no 实到)
    "出差": ("", "子", True),
    "同志": ("", "年帝皇同", False),
}
_CJK = range(0x4E00, 0xA000)


def homophones_undone(text: str) -> str:
    """``text`` with each key word typed through a slip of sound written as the key word."""
    return _pattern().sub(lambda m: _WORDS[m.lastgroup] if m.lastgroup else m.group(), text)


_WORDS = {f"k{i}": word for i, word in enumerate(_KEY_WORDS)}


@cache
def _pattern() -> re.Pattern[str]:
    """One pattern of every key word's slips: its first character then a sound-alike of its
    second, or (where allowed) a sound-alike of its first then its second; never both changed."""
    parts = []
    for group, word in _WORDS.items():
        follows, not_before, first_may_slip = _KEY_WORDS[word]
        first, second = word[0], word[1]
        slips = f"{first}[{_alikes(second)}]" + (f"|[{_alikes(first)}]{second}" if first_may_slip else "")
        guard = f"(?![{not_before}])" if not_before else ""
        parts.append(f"(?P<{group}>(?:{slips}){guard}{follows})")
    return re.compile("|".join(parts))


def _alikes(char: str) -> str:
    """The characters sharing a reading with ``char``, tones ignored (``char`` itself left out)."""
    alike = _by_sound().get(_sound(ord(char)), [])
    return "".join(c for c in alike if c != char)


@cache
def _by_sound() -> dict[str, list[str]]:
    """Every character of the basic CJK block under its first (most common) reading, tones ignored
    (亲 under qin, not the qing of 亲家: 探亲假 holds no slip of 请假)."""
    out: dict[str, list[str]] = {}
    for code in _dictionary():
        if code in _CJK:
            out.setdefault(_sound(code), []).append(chr(code))
    return out


def _sound(code: int) -> str:
    first = _dictionary().get(code, "").split(",")[0]
    return "".join(c for c in unicodedata.normalize("NFD", first) if not unicodedata.combining(c))


def _dictionary() -> dict[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict
