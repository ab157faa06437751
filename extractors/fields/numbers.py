"""Chinese and Arabic numerals to int, with the capital (大写) numerals of forms and receipts (贰拾叁)."""

from __future__ import annotations

# a number whole, never a part of one (应到二十六个人 is no 二十: possessive, the regex gives back no digit)
NUM = r"(?:\d{1,6}+|[零〇○一二两三四五六七八九十百千廿卅壹贰叁肆伍陆柒捌玖拾佰仟]{1,8}+|仨)"  # 仨: three, said aloud

_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,  # a white circle typed for 〇 (二○二三年)
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "仨": 3,  # (仨人请假: three, said aloud)
}
_DIGITS_BY_CHAR = dict(zip("0123456789", "〇一二三四五六七八九", strict=True))  # 二0二三: digits mixed in
_UNITS = {"十": 10, "百": 100, "千": 1000}
_TENS = {"廿": "二十", "卅": "三十"}
# the capital numerals written so a figure cannot be altered (实到贰拾陆人), as their everyday forms
_CAPITALS = str.maketrans(
    "壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千"
)  # 廿六 = 26, 卅一 = 31, as handwritten records and dates write them
YEAR_DIGITS = 4  # 二〇二三: the one number written digit by digit in Chinese numerals


def to_int(text: str) -> int | None:
    """'23' -> 23, '二十三' -> 23, '十三' -> 13, '一百零五' -> 105, '二〇二二' -> 2022, '廿六' -> 26; else None."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    text = "".join(_TENS.get(ch, ch) for ch in text.translate(_CAPITALS))
    text = "".join(_DIGITS_BY_CHAR.get(ch, ch) for ch in text) if any(c.isdigit() for c in text) else text
    if any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        return None
    if not any(ch in _UNITS for ch in text):
        if len(text) > 1 and (len(text) < YEAR_DIGITS or "两" in text):
            return None  # 七两, 六一: a name's last character before a count (孙七两位), not a number
        return _digit_by_digit(text)
    return _positional(text)


def _digit_by_digit(text: str) -> int:
    value = 0
    for ch in text:
        value = value * 10 + _DIGITS[ch]
    return value


def _positional(text: str) -> int | None:
    total, current = 0, None
    for ch in text:
        if ch in _DIGITS:
            if current is not None and current != 0:
                return None  # two digits in a row, e.g. '二三十'
            current = _DIGITS[ch]
        else:
            unit = _UNITS[ch]
            total += (1 if current is None else current) * unit
            current = None
    return total + (current or 0)
