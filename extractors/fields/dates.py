"""Dates and times in minutes, on normalised text (see ``text.normalize``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extractors.fields.numbers import to_int

_CN = "零〇○一二两三四五六七八九十"
_Y = rf"(?P<y>[\d{_CN}]{{4}})"  # 2023, 二〇二三, 二0二三
_M = rf"(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})"
_D = rf"(?P<d>\d{{1,2}}|[{_CN}]{{1,4}})"

_PATTERNS = [
    re.compile(rf"{_Y}年{_M}月{_D}[日号]?"),
    # 2024.07.15 14:30 normalises to 2024.07.1514:30: a clock time may follow the day directly
    # (the day read as short as the time after it allows: 2024.8.714:30 is the 7th at 14:30)
    re.compile(r"(?P<y>\d{4})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2}?)(?:(?!\d)|(?=\d{1,2}:\d{2}))"),
    # 22年12月5日: a year written with two digits (美篇, phone notes) is this century's
    re.compile(rf"(?<![\d{_CN}])(?P<yy>\d{{2}})年{_M}月{_D}[日号]"),
    re.compile(rf"(?<![\d年{_CN}]){_M}月{_D}[日号]"),
    # 24.8.21 / 24.4.18 19:30: a record book's short date, the year with two digits
    re.compile(
        r"(?<![\d.])(?P<yy>\d{2})\.(?P<m>1[0-2]|0?[1-9])\.(?P<d>[12]\d|3[01]|0?[1-9])(?:(?![\d.])|(?=\d{1,2}:\d{2}))"
    ),
    # 10.17下午 / 5.18星期六: a month and day with dots only when a time of day or a weekday follows
    re.compile(
        r"(?<![\d.])(?P<m>1[0-2]|0?[1-9])\.(?P<d>[12]\d|3[01]|0?[1-9])(?=上午|下午|晚上|中午|早上|傍晚|星期|周|\(周|\(星期)"
    ),
    # the digits run together: 20230508 (exactly eight), 2021323日 (a lossy copy: 日 ends the day)
    re.compile(
        r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?:(?!\d)|(?=\d{1,2}:\d{2}))"
    ),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>1[0-2]|0?[1-9])(?P<d>[12]\d|3[01]|0?[1-9])[日号]"),
]
CENTURY = 2000
# a year and a month with no day: a heading's 2024年4月主题党日 / 二〇二一年五月学习会 (not 2019年度)
_YEAR_MONTH = re.compile(rf"{_Y}年{_M}月(?!{_D}[日号]|份?[\d{_CN}])")
_TIME = re.compile(
    r"(?P<ampm>上午|下午|晚上|中午|傍晚|早上|早晨|晚|早)?(?P<h>\d{1,2})(?::|点|时)(?P<mi>\d{2}|半)?"
)  # (晚7:30 is 19:30)


@dataclass(frozen=True)
class DateHit:
    date: dt.date
    start: int
    end: int
    year_given: bool


def find_dates(text: str, default_year: int | None) -> list[DateHit]:
    """All dates in ``text``; a date without a year takes ``default_year`` (skipped if None)."""
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            hit = _to_hit(m, default_year)
            if hit is not None:
                hits.append(hit)
                taken.append((m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


def _to_hit(m: re.Match[str], default_year: int | None) -> DateHit | None:
    groups = m.groupdict()
    year = to_int(groups["y"]) if groups.get("y") else default_year
    if groups.get("yy"):
        year = CENTURY + int(groups["yy"])
    month, day = to_int(groups["m"]), to_int(groups["d"])
    if year is None or month is None or day is None:
        return None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return DateHit(date, m.start(), m.end(), bool(groups.get("y") or groups.get("yy")))


def find_time(text: str) -> str | None:
    """The first clock time as HH:MM (下午3:00 -> 15:00, 上午9点半 -> 09:30)."""
    for m in _TIME.finditer(text):
        hour = int(m["h"])
        minute = 30 if m["mi"] == "半" else int(m["mi"] or 0)
        if m["ampm"] in ("下午", "晚上", "傍晚", "晚") and hour < 12:
            hour += 12
        if hour < 24 and minute < 60 and (m["ampm"] or m["mi"]):
            return f"{hour:02d}:{minute:02d}"
    return None


def year_month(text: str) -> tuple[int, int] | None:
    """The first year and month written without a day in ``text`` (a heading's), else None."""
    for m in _YEAR_MONTH.finditer(text):
        year, month = to_int(m["y"]), to_int(m["m"])
        if year is not None and month is not None and 1900 < year < 2100 and 1 <= month <= 12:
            return year, month
    return None
