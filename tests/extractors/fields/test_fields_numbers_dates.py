import datetime as dt

import pytest

from extractors.fields.dates import find_dates, find_time
from extractors.fields.numbers import to_int
from extractors.text.normalize import normalize


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("23", 23),
        ("二十三", 23),
        ("十三", 13),
        ("十", 10),
        ("两", 2),
        ("一百零五", 105),
        ("二〇二二", 2022),
        ("二十", 20),
        ("廿六", 26),
        ("贰拾陆", 26),
        ("壹拾玖", 19),
        ("叁拾", 30),
        ("卅一", 31),
        ("廿", 20),
    ],
)
def test_to_int_reads_arabic_and_chinese(text: str, value: int) -> None:
    assert to_int(text) == value


@pytest.mark.parametrize("text", ["", "二三十", "abc", "十x"])
def test_to_int_rejects_nonsense(text: str) -> None:
    assert to_int(text) is None


@pytest.mark.parametrize(
    ("raw", "date"),
    [
        ("2022年12月23日下午3:00", dt.date(2022, 12, 23)),
        ("12月23号", dt.date(2022, 12, 23)),
        ("12 月 23 日", dt.date(2022, 12, 23)),
        ("二〇二二年十二月二十三日", dt.date(2022, 12, 23)),
        ("2022-12-23", dt.date(2022, 12, 23)),
        ("2022.12.9", dt.date(2022, 12, 9)),
        ("十二月二十三日", dt.date(2022, 12, 23)),
        ("会议时间：20221223下午", dt.date(2022, 12, 23)),  # the digits run together
        ("20221223 14:30", dt.date(2022, 12, 23)),
        ("2022323日上午", dt.date(2022, 3, 23)),  # a lossy copy: 日 ends the day
        # a record book's short forms: a two-digit year with dots, a month and day with dots
        # before a time of day or a weekday
        ("24.8.21　星期三　上午九点", dt.date(2024, 8, 21)),
        ("日期：24.4.18　19:30", dt.date(2024, 4, 18)),
        ("10.17下午两点半先开支委", dt.date(2022, 10, 17)),
        ("这次是5.18星期六上午", dt.date(2022, 5, 18)),
    ],
)
def test_find_dates(raw: str, date: dt.date) -> None:
    hits = find_dates(normalize(raw), 2022)
    assert [h.date for h in hits] == [date]


def test_date_without_year_needs_a_default() -> None:
    assert find_dates("12月23日", None) == []
    assert find_dates("2月30日", 2022) == []  # not a date


@pytest.mark.parametrize(
    ("raw", "time"),
    [
        ("下午3:00", "15:00"),
        ("上午9点半", "09:30"),
        ("14:30", "14:30"),
        ("晚7:30", "19:30"),
        ("傍晚6点", "18:00"),
    ],
)
def test_find_time(raw: str, time: str) -> None:
    assert find_time(normalize(raw)) == time


@pytest.mark.parametrize(
    "raw",
    ["电话13912345678", "编号20231345", "经费20221399元", "增长了3.5个百分点", "学习了1.5小时", "12.5万元"],
)
def test_runs_of_digits_that_are_no_dates(raw: str) -> None:
    assert find_dates(normalize(raw), 2022) == []


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # a Chinese numeral is read whole or not at all (二十六个人 was read as 二十)
        ("应到二十六个人实到二十四个，清假的两个", (26, 24, 2)),
        ("应到三十个人，实到二十七个，没来的三个", (30, 27, 3)),
    ],
)
def test_counts_said_aloud_with_ge(text: str, counts: tuple[int, int, int]) -> None:
    from fields_helpers import counts_of, meeting

    assert counts_of(meeting(text, roster=[])) == counts


def test_a_number_is_never_cut_short_to_fit_a_pattern() -> None:
    from fields_helpers import counts_of, meeting

    assert counts_of(meeting("应到二十六家单位", roster=[]))[0] is None
