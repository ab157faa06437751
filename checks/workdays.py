"""Chinese working days (chinese-calendar), with a Mon-Fri fallback for unknown years."""

from __future__ import annotations

import datetime as dt

import chinese_calendar


def is_workday(day: dt.date) -> tuple[bool, bool]:
    """(is a working day, the official calendar knew the year)."""
    try:
        return chinese_calendar.is_workday(day), True
    except NotImplementedError:
        return day.weekday() < 5, False


def add_workdays(start: dt.date, n: int) -> tuple[dt.date, bool]:
    """The n-th working day after ``start`` and whether the official calendar covered it all."""
    day, left, known = start, n, True
    while left > 0:
        day += dt.timedelta(days=1)
        work, official = is_workday(day)
        known = known and official
        left -= 1 if work else 0
    return day, known
