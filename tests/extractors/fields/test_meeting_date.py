"""The meeting's date in posted accounts: page chrome, day-only dates, datelines, 今天."""

from __future__ import annotations

import datetime as dt

from fields_helpers import lines_of

from extractors.fields.meeting import date, date_partial


def read(*texts: str, year: int | None = None) -> dt.date | None:
    found = date(lines_of(*texts), year)
    return found.value if found is not None else None


def test_publication_line_is_not_the_meeting_date() -> None:
    assert read("幼儿园举办红色诗歌朗诵会", "发布者:admin   发布时间:2012-07-04 09:36:15   点击数:") is None


def test_day_only_date_takes_the_year_of_the_dated_text() -> None:
    posted = ("发布日期:2023-04-14", "4月12日,集团第三党支部召开全体党员大会,选出新一届支委会。")
    assert read(*posted) == dt.date(2023, 4, 12)
    signed = ("9月6日,河西幼儿园举行了九月份主题党日活动。", "图文/杜雅丽", "2022年9月8号")
    assert read(*signed) == dt.date(2022, 9, 6)
    # the platform's date, when known, gives the year as before
    assert read(*posted, year=2021) == dt.date(2021, 4, 12)


def test_day_only_date_late_in_the_year_before_a_january_post() -> None:
    assert read("发布时间:2024-01-03", "12月28日,支部召开年终总结会。") == dt.date(2023, 12, 28)


def test_today_in_a_post_is_its_publication_day() -> None:
    lines = (
        "我校召开支部党员大会",
        "发布时间:2009-03-04 17:26:40",
        "今天下午,我校在东校区召开第三支部全体党员会议。",
    )
    assert read(*lines) == dt.date(2009, 3, 4)
    assert read("发布时间:2009-03-04", "昨天,支部举行了主题党日活动。") == dt.date(2009, 3, 3)


def test_news_dateline_is_the_reports_date() -> None:
    text = "苏北在线9月3日淮安讯 9月1日,柏树村党总支邀请李集村党总支开展联建活动。"
    assert date_partial(lines_of(text)) == "--09-01"
    assert read(text, year=2021) == dt.date(2021, 9, 1)
    assert read("会议于9月3日在电教室召开。", year=2021) == dt.date(2021, 9, 3)


def test_a_heading_line_that_is_only_the_date_comes_before_dates_in_the_sentences() -> None:
    record = (
        "护理党支部　9月主题党日",
        "2022年9月13日（星期二）　15:00",
        "门诊楼六楼会议室",
        "缺席：詹雨晴，9月2日至6日在沣州参加护理质控培训，已返岗。",
    )
    assert read(*record) == dt.date(2022, 9, 13)
