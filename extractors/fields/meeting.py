"""Meeting kind, date, time, place and the plan's required items."""

from __future__ import annotations

import datetime as dt
import re

from core.models import Evidence, Value
from extractors.fields.dates import find_dates, find_time
from extractors.layout.lines import Line

KINDS = [
    ("主题党日", "主题党日"),
    ("支部党员大会", "支部党员大会"),
    ("党员大会", "支部党员大会"),
    ("支委会", "支委会"),
    ("支部委员会", "支委会"),
    ("党小组会", "党小组会"),
    ("组织生活会", "组织生活会"),
    ("民主评议党员", "民主评议党员"),
    ("党课", "党课"),
    ("党日活动", "主题党日"),
    ("党员活动日", "主题党日"),
    ("支部大会", "支部党员大会"),
    ("支委会议", "支委会"),
    ("支委扩大会", "支委会"),
    ("支委(扩大)会", "支委会"),
    ("委员会议", "支委会"),
    ("委员(扩大)会议", "支委会"),
    ("党小组", "党小组会"),
]
_HELD = re.compile(r"召开|举行|开展|举办|组织了?|进行")
_DATE_LABEL = re.compile(r"^(?:会议|活动)?(?:时间|日期):")
_PLACE = [
    re.compile(r"^(?:会议|活动)?地点:(?P<x>[^,;。]{2,30})"),
    re.compile(r"(?:在|于)(?P<x>[^,;。在于]{2,20}?)(?:召开|举行|开展|组织召开)"),
]
TITLE_LINES = 3  # the kind is read from the title first


def kind(lines: list[Line]) -> Value[str] | None:
    held = [ln for ln in lines if _HELD.search(ln.norm)]  # the sentence telling the meeting took place
    for window in (lines[:TITLE_LINES], held, lines):
        for line in window:  # the kind named first in the first line naming one: 主题党日暨支部党员大会
            found = [(line.norm.find(word), -len(word), name) for word, name in KINDS if word in line.norm]
            if found:
                name = min(found)[2]
                return Value(name, [Evidence.of(line.span, line.text)], line.span.confidence)
    return None


_EVENT = re.compile(r"召开|举行|开展|举办|组织|参加|上午|下午|晚上|中午|当天|当日")
# page chrome: a post's publication line or byline, whose date is not the meeting's
_CHROME = re.compile(
    r"发布(?:时间|日期|者|人|于)|来源:|浏览(?:次数|量)?:|点击(?:数|率|量)?:|阅读(?:数|量)?:|字号"
    r"|(?:责任)?编辑:|审核:|[初复终]审|撰稿|供稿|作者:"
)
# a news dateline: 苏北在线9月3日淮安讯 / 新华社北京9月3日电 (the report's date, not the meeting's)
_DATELINE = re.compile(r"[\u4e00-\u9fff]{0,6}(?:讯|电(?![\u4e00-\u9fff]))")
LATE_PUBLICATION_DAYS = 60
LEAP_YEAR = 2000  # a day written without its year: 2月29日 is a day  # a day-only date this far after the dated text is from the year before


def _date_order(lines: list[Line]) -> list[Line]:
    """Where the meeting's date is: a 时间: label, then sentences telling the event, then the
    rest of the body. Page chrome (发布时间:, 编辑) never gives the meeting's date."""
    labelled = [ln for ln in lines if _DATE_LABEL.match(ln.norm)]
    body = [ln for ln in lines if not _CHROME.search(ln.norm)]
    events = [ln for ln in body if _EVENT.search(ln.norm)]
    return labelled + events + body


def date(lines: list[Line], default_year: int | None) -> Value[dt.date] | None:
    """The meeting's date. A date written without a year (``9月6日``) takes ``default_year``
    (the platform's meeting date) or else the year of a fully dated line of the text (the
    post's publication line or the signature date below the account)."""
    dated = None if default_year is not None else _fully_dated(lines)
    year = default_year if dated is None else dated.year
    for line in _date_order(lines):
        hits = [h for h in find_dates(line.norm, year) if not _DATELINE.match(line.norm, h.end)]
        if hits:
            found = hits[0].date
            if dated is not None and not hits[0].year_given:
                found = _before_publication(found, dated)
            return Value(found, [Evidence.of(line.span, line.text)], line.span.confidence)
    return _relative(lines)


_RELATIVE = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1}
_TOLD_RELATIVE = re.compile(
    rf"(?:{'|'.join(_RELATIVE)})(?:上午|下午|晚上|中午)?[^。;]{{0,40}}?(?:{_HELD.pattern})"
)


def _relative(lines: list[Line]) -> Value[dt.date] | None:
    """``今天下午，我校召开…`` in a post dated 2009-03-04 (its publication line) took place that day."""
    posted = next((ln for ln in lines if _CHROME.search(ln.norm) and find_dates(ln.norm, None)), None)
    told = next((ln for ln in lines if _TOLD_RELATIVE.search(ln.norm)), None)
    if posted is None or told is None:
        return None
    m = _TOLD_RELATIVE.search(told.norm)
    assert m is not None
    day = find_dates(posted.norm, None)[0].date + dt.timedelta(days=_RELATIVE[m.group()[:2]])
    evidence = [Evidence.of(told.span, told.text), Evidence.of(posted.span, posted.text)]
    return Value(day, evidence, min(told.span.confidence, posted.span.confidence))


def _fully_dated(lines: list[Line]) -> dt.date | None:
    """The first date written with its year anywhere in the text, page chrome included."""
    for line in lines:
        for hit in find_dates(line.norm, None):
            if hit.year_given:
                return hit.date
    return None


def _before_publication(found: dt.date, dated: dt.date) -> dt.date:
    """``12月28日`` in a text dated 2024-01-03 is 2023-12-28."""
    if (found - dated).days > LATE_PUBLICATION_DAYS:
        try:
            return found.replace(year=found.year - 1)
        except ValueError:  # 2月29日
            return found
    return found


def time(lines: list[Line]) -> Value[str] | None:
    for line in [ln for ln in lines if _DATE_LABEL.match(ln.norm)] + lines[: TITLE_LINES + 5]:
        found = find_time(line.norm)
        if found:
            return Value(found, [Evidence.of(line.span, line.text)], line.span.confidence)
    return None


def place(lines: list[Line]) -> Value[str] | None:
    for pattern in _PLACE:
        for line in lines:
            m = pattern.search(line.norm)
            if m:
                return Value(m["x"], [Evidence.of(line.span, line.text)], line.span.confidence)
    return None


LOOSE_GAP = 5  # characters allowed between those of a plan item: 缴纳12月份党费


def loose_pattern(item: str) -> re.Pattern[str]:
    """'缴纳党费' also matches '缴纳了党费' and '缴纳12月份党费'."""
    chars = [re.escape(ch) for ch in item if not ch.isspace()]
    return re.compile(f"[^,;。]{{0,{LOOSE_GAP}}}".join(chars))


SYNONYMS = {
    "缴纳党费": ["交纳党费", "收缴党费", "缴纳党费", "交党费", "缴党费"],
    "重温入党誓词": ["重温入党誓词", "宣读入党誓词", "领誓", "面向党旗宣誓"],
}


def item_done(lines: list[Line], item: str) -> Value[bool] | None:
    patterns = [loose_pattern(s) for s in SYNONYMS.get(item, [item])]
    for line in lines:
        if any(p.search(line.norm) for p in patterns):
            return Value(True, [Evidence.of(line.span, line.text)], line.span.confidence)
    return _item_misread(lines, item)


FUZZY_ITEM_CONFIDENCE = 0.85
MIN_FUZZY_ITEM_CHARS = 4


def _item_misread(lines: list[Line], item: str) -> Value[bool] | None:
    """OCR lines only: the item with one character misread (缴纳党赞 for 缴纳党费)."""
    patterns = [p for s in SYNONYMS.get(item, [item]) for p in one_slip_patterns(s)]
    for line in lines:
        if line.span.via == "ocr" and any(p.search(line.norm) for p in patterns):
            return Value(
                True, [Evidence.of(line.span, line.text)], FUZZY_ITEM_CONFIDENCE * line.span.confidence
            )
    return None


def one_slip_patterns(item: str) -> list[re.Pattern[str]]:
    """``loose_pattern`` with any one character of ``item`` allowed to read as another."""
    chars = [ch for ch in item if not ch.isspace()]
    if len(chars) < MIN_FUZZY_ITEM_CHARS:
        return []
    gap = f"[^,;。]{{0,{LOOSE_GAP}}}"
    return [
        re.compile(gap.join("[^,;。]" if k == i else re.escape(ch) for k, ch in enumerate(chars)))
        for i in range(len(chars))
    ]


def date_partial(lines: list[Line]) -> str | None:
    """``--MM-DD`` of the meeting's date written without a year (``6月24日``)."""
    ordered = _date_order(lines)
    for line in ordered:
        hits = [h for h in find_dates(line.norm, LEAP_YEAR) if not _DATELINE.match(line.norm, h.end)]
        if hits:
            month, day = hits[0].date.month, hits[0].date.day
            return f"--{month:02d}-{day:02d}"
    return None
