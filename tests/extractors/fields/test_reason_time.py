"""A note beside an absentee placed at another time than the meeting (reason_time.other_time)."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.fields.reason_time import other_time

THURSDAY = dt.date(2024, 9, 12)


@pytest.mark.parametrize(
    ("note", "words"),
    [
        ("上个月在省人民医院进修了两周", "上个月"),
        ("下周二起去师范学院参加骨干教师培训", "下周"),
        ("明年春季学期轮岗到村小", "明年"),
        ("9月2日至6日在市里参加质控培训,已返岗", "9月2日至6日"),
        ("国庆带老人去了趟海南,8号回来的", "回来的"),
        ("本周六是他行政总值班", "本周六"),
        ("每周一上午在教学点走教", "每周一"),
        ("上次党员大会是去市里开会没来的", "上次党员大会是去市里开会没来"),
        ("10月20日要去省城参加职称答辩", "10月20日"),
        ("10月中旬要随考察团去浙江学习", "10月中旬"),
        ("8月底做了胆囊手术,9月5日已出院", "已出院"),  # a stay over before the meeting
        ("上周感冒,早已痊愈", "早已痊愈"),
        ("前两天感冒了,现已痊愈", "已痊愈"),  # more ways of saying a few days before
        ("之前在外地打工", "之前"),
        ("曾在县医院进修", "曾"),
        ("昨天刚从北京出差回来", "刚从北京出差回来"),  # back from the trip before the meeting
        ("2019年从部队转业", "2019年"),  # an earlier year, nothing lasting
        ("上回开会时他请的是病假", "上回开会"),  # an earlier meeting's, whatever time words follow
        ("上次主题党日是出差没来", "上次主题党日是出差没来"),
    ],
)
def test_a_note_about_another_time_is_placed_there(note: str, words: str) -> None:
    assert other_time(note, THURSDAY) == words


@pytest.mark.parametrize(
    "note",
    [
        "当天在城东分院值班",
        "上周做了阑尾手术,在家休养",  # what happened before lasts through the meeting
        "上个月腿摔断了在家躺着",
        "前几天在家摔了一跤,腿上打着石膏",
        "在省妇幼进修,下个月回来",  # away until then
        "跑运输,这趟拉货去了贵州,要下个礼拜才回得来",
        "在新疆的工地上开挖掘机,合同干到十月份",
        "9月9日至13日在市里参加培训",  # the range holds the meeting's day
        "外出务工已返岗",  # back at the job away
        "每周四上午在教学点走教",  # the meeting's own weekday
        "在3号楼抢修爆裂的消防管",  # a building's number, no date
        "一直在广东打工,去年春节后就没回来过",
        "9月1日起借调到县里",
        "在工地驻场检测,8月8日会议也因此未到",  # another meeting's date, the reason still holds
        "在北京女儿家过冬,已于上周电话请假",  # when the leave was asked, not why
        "上周做了手术,已出院在家静养",  # out of hospital, still recovering
        "上周做了手术,已出院,行动不便",
        "手术后已出院",  # no earlier day written: not placed
        "2020年起在外务工",  # a year that starts what still goes on
        "赴南疆支教,2024年8月起为期一年",
        "2019年中风后卧床",  # an earlier year's illness lasts
        "去闺女家伺候月子了,前天就说了",  # when it was said, not why
        "此前已向支部书记请假,在外地出差",
        "昨天突发脑梗住院",
    ],
)
def test_a_note_for_the_meeting_s_day_is_not_placed_elsewhere(note: str) -> None:
    assert other_time(note, THURSDAY) is None


def test_a_habit_at_another_hour_than_the_meeting_is_placed_elsewhere() -> None:
    note = "每天早上5点去蔬菜批发市场进货"
    assert other_time(note, THURSDAY, "晚7:30") == "每天早上"
    assert other_time(note, THURSDAY, "上午8:30") is None
    assert other_time(note, THURSDAY, None) is None  # the meeting's hour unread: nothing to compare


def test_without_the_meeting_s_date_only_relative_words_count() -> None:
    assert other_time("本周六是他行政总值班", None) is None
    assert other_time("下周二起去培训", None) == "下周"
