"""When a note beside an absentee happened, against the meeting's day.

A note can name something real that is not why the member missed *this* meeting: a course that
ended before it (上个月进修了两周, 9月2日至6日培训，已返岗), a plan for later (下周二起去培训), a duty on
another day (本周六值班 for a Thursday meeting, 每周四走教 for a Monday one) or the reason given for
an earlier meeting (上次是去市里开会没来的). :func:`other_time` finds the words that place a note at
another time; a note that also ties itself to the meeting (当天, 一直, 至今, a range covering the
date) or tells of an illness or a birth (上周做了手术: still recovering) is not placed elsewhere.
"""

from __future__ import annotations

import datetime as dt
import re

from extractors.fields.dates import find_time
from extractors.fields.numbers import to_int

# words that tie a note to the meeting's day or to a state that lasts through it
_THIS_TIME = re.compile(
    r"当天|当日|那天|这天|那日|是日|会议期间|开会(?:时|期间|那天|当天)|会上|此时|正在|目前|现在|眼下"
    r"|仍|至今|一直|还在|还没|还不|还未|尚未|未返|未回|没回|这几天|近期|近日|近来|这段时间|连日|期间|以来|长期|常年"
    r"|本周(?![一二三四五六日天末])|这周(?![一二三四五六日天末])|本月(?!\d)"
)
# an illness, an injury or a birth: what happened before the meeting lasts through it (上周摔伤了腿)
_LASTING = re.compile(
    r"病|伤|术|骨折|摔|断|躺|住院|休养|康复|卧床|疗|孕|产|哺乳|中风|去世|丧|脑梗|心梗|发烧|发热"
)
# a time before the meeting: last month's course, last week's trip
_BEFORE = re.compile(
    r"上个?月|上周|上个?星期|上个?礼拜|去年|前年|上学期|上半年|上旬|前些天|前几天|前两天|前段时间|前阵子|前一阵子?"
    r"|昨天|昨日|前天|之前|以前|此前|早前|曾经?(?=[在去到赴参])"
)
# ... when the leave was asked, not why (在北京女儿家过冬,已于上周电话请假)
_ASKED = re.compile(
    r"[^,;。]{0,6}?(?:电话|微信|短信|请假|请了假|说明|报备|告知|打过招呼|打了招呼|联系|[说讲](?:了|过))"
)
# a time after it: next week's course, next term's post
_AFTER = re.compile(r"下个?月|下周|下个?星期|下个?礼拜|明年|下学期|下半年|下旬|过几天|过两天|后天")
# something already over by the meeting: 8号回来的, 11点多就回来了 (not 已返岗: 外出务工已返岗 is back
# at the job away)
_OVER = re.compile(
    r"(?:已经?|早已|早就)(?:回来|回到|结束|结业|回国)|(?:就|已经?|早)回来了|回来的|结束了"
    r"|(?:刚|才|已经?)从[^,;。]{1,12}?(?:回来|归来|返回)"
)
# an illness or a stay over before the meeting (10月28日已出院, 上周病已好了), unless still recovering after it
_RECOVERED = re.compile(
    r"(?:(?:已经?|早已|早就)(?:出院|痊愈|康复|病愈|拆线)|(?:病|伤)(?:已经?|早就?)好了)"
    r"(?![^;。]{0,10}?(?:休养|静养|卧床|养病|恢复|复查|康复|观察|在家|居家|不便|不能|无法))"
)
# a return still ahead: the member is away until then (下个月回来, 周五才能返校, 下个礼拜才回得来)
_BACK_LATER = re.compile(r"[^,;。]{0,6}?(?:才|再)?(?:能|可以|可)?(?:回|返)")
# the reason an earlier meeting was missed
_EARLIER_MEETING = re.compile(
    r"(?:上次|上回|前次|那次|\d{1,2}月份?那次)[^,;。]{0,12}(?:会|活动|党日|没来|缺席|请假)"
)
_DAYS = "一二三四五六日天"
_WEEKDAY = re.compile(
    rf"(?:每|本|这|下|上)?(?:周|星期|礼拜)(?P<a>[{_DAYS}])(?:(?:至|到|-|~)(?:周|星期|礼拜)?(?P<b>[{_DAYS}]))?"
)
_DAY_NUM = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
_RANGE = re.compile(
    rf"(?:(?P<m1>{_DAY_NUM})月)?(?P<d1>{_DAY_NUM})[日号]?(?:至|到|-|~|—{{1,2}})"
    rf"(?:(?P<m2>{_DAY_NUM})月)?(?P<d2>{_DAY_NUM})[日号]"
)
# a date: 10月3日, 3日, 10月3号 (not 3号 alone: 3号楼, 7号仓, 海研9号)
_DATE = re.compile(
    rf"(?<![\d月])(?:(?P<m>{_DAY_NUM})月(?P<d>{_DAY_NUM})[日号]|(?P<d0>{_DAY_NUM})日)(?!\s*(?:起|以来|开始|至今|的?(?:会|例会|党日|活动)))"
)


# a habit at an hour of the day: 每天早上5点去进货, 每晚管宿舍
_HABIT_HOUR = re.compile(
    r"(?:每天|每日|每晚|每早|天天|每周[一二三四五六日天])[^,;。]{0,4}?"
    r"(?P<part>凌晨|清晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|夜间)"
)
_PARTS = {
    "凌晨": "morning",
    "清晨": "morning",
    "早上": "morning",
    "早晨": "morning",
    "上午": "morning",
    "中午": "noon",
    "下午": "afternoon",
    "傍晚": "evening",
    "晚上": "evening",
    "夜里": "evening",
    "夜间": "evening",
}
# a year, not one that starts what still goes on (2019年起, 2024年8月起, 自2020年, 2021年以来)
_YEAR = re.compile(
    r"(?<![自从\d])(?P<y>(?:19|20)\d{2})年(?!(?:\d{1,2}月份?(?:\d{1,2}[日号])?)?\s*(?:起|以来|开始|至今|至|到))"
)
_MONTH_PART = re.compile(r"(?<!\d)(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})月(?:上旬|中旬|下旬|初|底|末|份)")


def other_time(note: str, day: dt.date | None, time: str | None = None) -> str | None:
    """The words of ``note`` that place it at another time than the meeting on ``day`` (at
    ``time``, as the record writes it: 下午5:30), or None."""
    if earlier := _EARLIER_MEETING.search(note):
        return earlier.group()  # 上回开会时他请的是病假: not this meeting's, whatever time words it has
    if _THIS_TIME.search(note) or _covers(note, day):
        return None
    meeting_part = _part_of_day(time)
    if (habit := _HABIT_HOUR.search(note)) and meeting_part not in (None, _PARTS[habit["part"]]):
        return habit.group()
    later = _AFTER.search(note)
    if later and _BACK_LATER.match(note, later.end()):
        return None
    for found in (later, _OVER.search(note), _recovered_before(note, day)):
        if found:
            return found.group()
    if (
        (before := _BEFORE.search(note))
        and not _LASTING.search(note)
        and not _ASKED.match(note, before.end())
    ):
        return before.group()
    if day is not None:
        return (
            _other_weekday(note, day)
            or _other_date(note, day)
            or _later_month(note, day)
            or _earlier_year(note, day)
        )
    return None


def _recovered_before(note: str, day: dt.date | None) -> re.Match[str] | None:
    """A recovery the note dates before the meeting (10月中旬做了手术,10月28日已出院)."""
    found = _RECOVERED.search(note)
    if found is None:
        return None
    if _BEFORE.search(note):
        return found
    earlier = day is not None and any(_month_day(m, day) < (day.month, day.day) for m in _DATE.finditer(note))
    return found if earlier else None


def _month_day(m: re.Match[str], day: dt.date) -> tuple[int, int]:
    """(month, day) of a ``_DATE`` match, the meeting's month where the note gives none."""
    month = to_int(m["m"]) if m["m"] else day.month
    return month or 0, to_int(m["d"] or m["d0"]) or 0


def _part_of_day(time: str | None) -> str | None:
    """Morning, noon, afternoon or evening of the meeting's time, read as the record's time is
    (``dates.find_time``: 下午5:30, 14:30, 晚7点)."""
    clock = find_time(time) if time else None
    if clock is None:
        return None
    hour = int(clock[:2])
    return "morning" if hour < 12 else "noon" if hour < 13 else "afternoon" if hour < 18 else "evening"


def _later_month(note: str, day: dt.date) -> str | None:
    """A later month of the meeting's year named in the note (9月中旬要随团去浙江, at an August meeting)."""
    for m in _MONTH_PART.finditer(note):
        month = to_int(m["m"])
        until = note[max(0, m.start() - 1) : m.start()] in ("到", "至")  # 合同干到十月份: away until then
        if (
            month is not None
            and day.month < month <= 12
            and not until
            and not _BACK_LATER.match(note, m.end())
        ):
            return m.group()
    return None


def _earlier_year(note: str, day: dt.date) -> str | None:
    """An earlier year named in the note with nothing that lasts (2019年从部队转业; not 2019年起在外务工,
    2022年中风后卧床)."""
    for m in _YEAR.finditer(note):
        if int(m["y"]) < day.year and not _LASTING.search(note):
            return m.group()
    return None


def _covers(note: str, day: dt.date | None) -> bool:
    """A date range in the note that holds the meeting's day (当天在沣州培训（9月9日至13日）)."""
    if day is None:
        return False
    for m in _RANGE.finditer(note):
        span = _span(m, day)
        if span and span[0] <= day <= span[1]:
            return True
    return False


def _span(m: re.Match[str], day: dt.date) -> tuple[dt.date, dt.date] | None:
    m1 = to_int(m["m1"]) if m["m1"] else day.month
    m2 = to_int(m["m2"]) if m["m2"] else m1
    d1, d2 = to_int(m["d1"]), to_int(m["d2"])
    try:
        return dt.date(day.year, m1 or 0, d1 or 0), dt.date(day.year, m2 or 0, d2 or 0)
    except ValueError:
        return None


def _other_weekday(note: str, day: dt.date) -> str | None:
    """A weekday (or a run of weekdays) named in the note that is not the meeting's."""
    meeting = day.isoweekday()
    for m in _WEEKDAY.finditer(note):
        first = _DAYS.index(m["a"]) + 1
        last = _DAYS.index(m["b"]) + 1 if m["b"] else first
        first, last = min(first, 7), min(last, 7)
        if not first <= meeting <= last and not _BACK_LATER.match(note, m.end()):
            return m.group()
    return None


def _other_date(note: str, day: dt.date) -> str | None:
    """A date range that leaves the meeting's day out, or one date that is not the meeting's."""
    for m in _RANGE.finditer(note):
        if _span(m, day):
            return m.group()  # _covers already let a covering range through
    for m in _DATE.finditer(note):
        month_day = _month_day(m, day)
        if month_day == (day.month, day.day):
            continue
        if month_day > (day.month, day.day) or not _LASTING.search(note):
            return m.group()  # a later day, or an earlier one with nothing that lasts (10月3日去北京出差)
    return None
