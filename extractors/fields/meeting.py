"""Meeting kind, date, time, place and the plan's required items."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re

from core.models import Evidence, Value
from extractors.fields.dates import find_dates, find_time, year_month
from extractors.fields.materials import same_work
from extractors.layout.lines import Line
from extractors.text.normalize import as_written, normalize, to_simplified

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
_PLACE_LABEL = re.compile(
    r"(?:^|[,;。]|(?<=[\d日号时分点午半整]))(?:会议|活动|开会|召开|学习)?(?:地点|场所|地址|会址)(?::|为|是|设在|在)(?P<x>[^,;。:]{2,30})"
    # a form row holding several pairs with the spaces between them gone: 活动时间:…14:30活动地点:…
    r"|(?:会议|活动|开会|召开)(?:地点|场所):(?P<y>[^,;。:]{2,30})"
    # no colon, at the start of a line or right after the time (a form row whose spaces are
    # gone): 时间2021年11月23日晚7点 地点行政楼四楼小会议室 主持人 支部书记程立平
    r"|(?:^|(?<=[\d日号时分点午半整]))(?:会议|活动)?地点(?P<z>[^,;。:为是设在][^,;。:]{1,29})"
)
# one label for both: 时间、地点:2023年5月6日下午,党员活动室
_WHEN_WHERE_LABEL = re.compile(r"(?:时间|日期)[、和及与/]?(?:地点|场所):(?P<v>[^。;]+)")
# a note in brackets after a place written in a form: 党员活动室(线上同步)
_NOTE_AFTER = re.compile(r"\([^()]*\)$")
# A form line holding several label/value pairs (会议地点:党员活动室主持人:张三): the place ends
# where the next label begins.
_NEXT_LABEL = re.compile(
    r"(?:会议|活动)?(?:主持人|记录人|(?:主持|记录)(?=:|$)|参加人员|出席人员|出席情况|应到|实到|缺席|请假|时间|日期|主题|内容|议题|领誓人|领学人)"
)
# Where the meeting was held: a locative (在/于/齐聚/来到/走进/赴/前往/依托 …) and a noun phrase up to
# the verb of holding, a locative particle (上/里/内) or the clause's end.
# what ends a locative's object: the event's verb, a manner, a position word, the clause's end
_PLACE_STOP = (
    r"召开|举行|举办|开展|开(?=支部|党员|主题|党日|全体|会议|了|的|[,;。]|$)|组织|进行|集中|集合|列队|整齐列队|重温|参观|面向|面对|隆重|参加|参与|出席|过|开会|学习"
    r"|以(?:线上|线下|视频|现场|集中|座谈|专题|“)|以[^,;。]{1,30}?为(?:主题|题)|如期|顺利|按时|准时|召集"
    r"|线上|在线|网上|云上|[里内]|上(?!海)|[,;。]|$"
)
_PLACE_CHARS = r"[^,;。:!?()在于]"
MAX_PLACE_CHARS = 30
_LOCATIVE = re.compile(  # zero-width, so a locative inside a rejected phrase is tried too
    r"(?=(?:位于[^,;。:的]{1,20}的|(?:设在|位于|安排在|选在|定在|放在)了?|在|于|齐聚|聚集|汇聚|相聚|来到|走进|走入|赴|前往|依托|借助|利用|通过|从|(?:(?<=党员)|(?<=大家)|(?<=同志)|(?<=们)|(?<=支部))到)"
    rf"(?P<x>{_PLACE_CHARS}{{2,{MAX_PLACE_CHARS}}}?)(?={_PLACE_STOP}))"
)
# a longer object, to the next stop: 在班组学习室召开 (学习 ends the shortest one, inside the room's name)
_LONGER_OBJECT = re.compile(rf"{_PLACE_CHARS}+?(?={_PLACE_STOP})")
_WHEN = re.compile(
    r"^(?:\d{2,4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?!\d)|[\d〇零一二三四五六七八九十]{1,8}(?:年|月|日|号(?![楼院厅馆门线厂室库仓])|时|点|:\d{2})|上午|下午|晚上|中午|早上|清晨|傍晚|晚|"
    r"当天|当日|今天|近日|日前|[和至、~\-许整半])+"
)
_LEAD_WORDS = re.compile(r"^(?:了|在|于|依托|通过|到|来到|走进|赴|前往)+")
# The head noun of a place (the phrase ends with one): rooms, halls, buildings, sites, villages, platforms.
PLACE_HEADS = (
    "室|厅|馆|堂|楼|层|中心|之家|驿站|站|场|园|基地|教室|会场|旧址|故居|广场|村|社区|小区|平台|公司|厂|车间|学校|"
    "学院|校区|医院|大厦|大楼|办公室|党校|展厅|展馆|纪念馆|纪念碑|陵园|书院|礼堂|阵地|营地|港|码头|站点|工地|现场|"
    "屋|院|所|处|队|亭|山|湖|岛|坪|街道|镇|乡|館|委会|线上|云端|直播间"
    r"|(?:楼|座|栋)[A-Za-z]?-?\d{2,4}"  # a room number after the building: 软件楼A203
)
_FORM_LABEL = re.compile(r"^(?:会议|活动)?(?:形式|方式):(?P<v>[^,;。:()]{2,20})")
_PLATFORM = re.compile(r"^(?:腾讯|飞书|钉钉|企业微信|zoom|welink)(?:会议|视频会议)?$", re.IGNORECASE)
_PLACE_HEAD = re.compile(rf"(?:{PLACE_HEADS})$", re.IGNORECASE)
_NOT_PLACE = re.compile(
    r"带领|主持|领导|指导|关心|支持|帮助|努力|基础|之际|期间|过程|背景|前提|形势|方面|中国共产党|党支部$"
)
TITLE_LINES = 3  # the kind is read from the title first


# Kind words written as patterns: the committee's (enlarged) meeting in its many spellings, an
# election assembly of the branch.
KIND_PATTERNS = [
    (re.compile(r"(?:支部|总支)?委员(?:会)?\(?扩大\)?会议?"), "支委会"),
    (re.compile(r"(?:党总支|总支|党支部|支部)委员会(?:会议|会)"), "支委会"),  # 第二党总支委员会会议记录
    (re.compile(r"(?:换届|选举|成立)[^,;。:“”]{0,6}?大会"), "支部党员大会"),
    (re.compile(r"(?<!主题)(?<!政治生)党日"), "主题党日"),  # 开放式党日, 专题党日, 联合党日
]
# A kind word that only names the organisation or the object: 总支部委员会党员大会 (the committee as
# the organisation holding a members' meeting), 支部委员会换届选举 (the committee elected).
_MODIFIER_AFTER = re.compile(
    r"^(?:的)?(?:(?:党?支部|党?总支)?党员大会|全体党员|换届|选举|成立|委员|书记|领导|班子|成员)"
)
# Who meets: committee members taking part (与会委员, 全体总支委员…参加) make a meeting without a kind
# word a committee meeting.
_COMMITTEE_ATTENDS = re.compile(
    r"(?:全体|与会|各位)?(?:总支|支部|党支部|党总支)?(?:委员|支委)(?:们)?[^,;。]{0,12}?(?:参加|出席|参会|与会)"
    # (召集委员 / 组织全体委员: not the title 组织委员 before a name)
    r"|与会(?:总支|支部)?委员|召集(?:了)?(?:全体)?(?:支部)?委员|组织(?:了)?全体(?:支部)?委员"
)
# a sentence about a later meeting, whose kind word is not this one's
_LATER = re.compile(r"下周|下次|下月|下个月|明天|届时|到时|下一次")


def _without_later(line: Line) -> Line:
    """The line without its clauses about a later meeting (a record said aloud in one sentence
    keeps its kind: 开了一个专题党课,…,下次我们想搞一个读书分享会)."""
    if not _LATER.search(line.norm):
        return line
    kept = [c for c in re.split(r"(?<=[,;])", line.norm) if not _LATER.search(c)]
    return dataclasses.replace(line, norm="".join(kept))


# A party activity with the theme day's fixed elements (the oath retaken, a political birthday)
# and no kind word: a theme party day (000/003: 重温入党誓词、集中学习、交纳党费、政治生日…).
_THEME_DAY_ELEMENTS = re.compile(r"重温[^,;。]{0,6}入党誓词|重温入党誓词|政治生日|入党誓词")


def _kinds_in(norm: str) -> list[tuple[int, int, str]]:
    """(position, -length, kind) of every kind word in a sentence that heads its phrase."""
    found = [
        (m.start(), -len(word), name) for word, name in KINDS for m in re.finditer(re.escape(word), norm)
    ]
    found += [
        (m.start(), -len(m.group()), name) for pattern, name in KIND_PATTERNS for m in pattern.finditer(norm)
    ]
    return [f for f in found if f[2] != "支委会" or not _MODIFIER_AFTER.match(norm[f[0] - f[1] :])]


# a post's column tag before its title (【春日党课堂】…主题党日活动掠影): a column's name, no kind
# when the title names one after it (normalised to 春日党课堂:…)
_COLUMN_TAG = re.compile(r"^\s*【(?P<tag>[^】]{1,16})】")


def _after_column_tag(found: list[tuple[int, int, str]], line: Line) -> list[tuple[int, int, str]]:
    tag = _COLUMN_TAG.match(line.text)
    after = [f for f in found if tag and f[0] > len(tag["tag"])]
    return after or found


# Meetings held together: 支部党员大会暨7月份主题党日活动, “主题党日+支部党员大会”, 党员大会并过主题党日,
# a title listing both (支部党员大会、主题党日活动记录; 主题党日(支部党员大会)会议记录; 主题党日和党员大会)
_JOINED = re.compile(r"^[^,;。]{0,12}?(?:暨|\+|/|、|\(|\)|和|与|及|兼|并(?:过|开展|举行|召开))[^,;。]{0,12}$")
# Business only a members' meeting does (votes, admission, elections): it makes the meeting that one.
_ASSEMBLY_BUSINESS = re.compile(
    r"表决|投票|选举|换届|接收[^,;。]{0,12}?预备党员|预备党员[^,;。]{0,6}?转正|转为(?:中共)?正式党员|发展[^,;。]{0,12}?预备党员"
)


def _joined_theme_day(found: list[tuple[int, int, str]], norm: str, lines: list[Line]) -> str | None:
    """主题党日 when a sentence joins it with a members' meeting (暨, +, 并过) and the account does
    no business only a members' meeting does: the month's theme day is the occasion, the members
    meet within it. None when it votes, admits or elects, or when the kind named first is not
    one of the pair (the kind named first stands)."""
    ordered = sorted(found)
    pairs = itertools.pairwise(ordered)
    joined = any(_joins(norm, a, b) for a, b in pairs)
    if not joined or ordered[0][2] not in _THEME_DAY_AND_ASSEMBLY:  # the kind named first is one of the pair
        return None
    if any(_ASSEMBLY_BUSINESS.search(line.norm) for line in lines):
        return None
    return "主题党日"


_THEME_DAY_AND_ASSEMBLY = {"主题党日", "支部党员大会"}


def _joins(norm: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return bool(_JOINED.match(norm[a[0] - a[1] : b[0]])) and {a[2], b[2]} == _THEME_DAY_AND_ASSEMBLY


def kind(lines: list[Line]) -> Value[str] | None:
    """The meeting's kind: the kind named first in the first line naming one (title lines, then the
    sentence telling the meeting took place, then any): 主题党日暨支部党员大会 is a 主题党日 that
    includes a members' meeting. Without a kind word: committee members meeting make a 支委会,
    the theme day's fixed elements a 主题党日."""
    typed = [ln for ln in lines if _KIND_LABEL.match(ln.norm)]  # a form's 会议类型: row says it
    now = [_without_later(ln) for ln in lines]  # 下周支部大会补学: another meeting
    held = [ln for ln in now if _HELD.search(ln.norm)]  # the sentence telling the meeting took place
    for window in (typed, now[:TITLE_LINES], held):
        if (found := _first_kind(window, lines)) is not None:
            return found
    # who met, before a kind word mentioned in passing (同主题党日活动相衔接 in a committee's meeting)
    cue = next((ln for ln in lines if _COMMITTEE_ATTENDS.search(ln.norm)), None)
    if cue is not None:
        return Value("支委会", [Evidence.of(cue.span, cue.text)], cue.span.confidence)
    if (found := _first_kind(now, lines)) is not None:
        return found
    cue = next((ln for ln in lines if _THEME_DAY_ELEMENTS.search(ln.norm)), None)
    if cue is not None:
        return Value("主题党日", [Evidence.of(cue.span, cue.text)], cue.span.confidence)
    return None


# kind words OCR may read with one character wrong (主题党目, 主题觉日, 支部党员大合); the slip is
# never a character that makes another kind word (主题党课)
_SLIP_WORDS = {
    "主题党日": "主题党日",
    "支部党员大会": "支部党员大会",
    "组织生活会": "组织生活会",
    "党小组会": "党小组会",
}
_SLIP = "[^课会日,;。:()“”《》\\d]"
_SLIPPED = [
    (re.compile("|".join(re.escape(w[:i]) + _SLIP + re.escape(w[i + 1 :]) for i in range(len(w)))), name)
    for w, name in _SLIP_WORDS.items()
]


def _slipped_kinds(norm: str) -> list[tuple[int, int, str]]:
    """(position, -length, kind) of kind words read with one OCR slip."""
    return [(m.start(), -len(m.group()), name) for pattern, name in _SLIPPED for m in pattern.finditer(norm)]


_KIND_LABEL = re.compile(r"^(?:会议|活动)(?:类型|类别|形式):")


# a letterhead: the issuing organisation's name alone on a line (中共后柳庄村支部委员会), no meeting
_LETTERHEAD = re.compile(
    r"^(?:中共|中国共产党)[^,;。:]{2,40}?委员会"
    r"(?:\s*(?:\d{4}|二[〇零0o○][\u4e00-\u9fff]{2})年[^,;。:]{1,12}日?)?$"  # (…委员会  二〇二四年五月二十二日: its issue date)
)


# a form's boxes: empty (□ 支委会) and ticked (☑ 主题党日); a row ticking some names only those
_EMPTY_BOX = "□☐"
_TICKED_BOX = "☑✓✔√■☒▣●"


def _ticked(found: list[tuple[int, int, str]], norm: str) -> list[tuple[int, int, str]]:
    """The kinds a row of boxes ticks (□支部党员大会 ☑党课 ☑主题党日: 党课, 主题党日), the theme day
    first when it is one (the month's day holds the lecture); every kind when the row ticks none."""
    if not any(c in norm for c in _EMPTY_BOX):
        return found
    ticked = [f for f in found if f[0] > 0 and norm[f[0] - 1] in _TICKED_BOX]
    theme_day = [f for f in ticked if f[2] == "主题党日"]
    return theme_day or ticked or found


def _first_kind(window: list[Line], lines: list[Line]) -> Value[str] | None:
    for line in window:
        if _LETTERHEAD.match(line.norm):
            continue
        found = _kinds_in(line.norm) or (_slipped_kinds(line.norm) if line.span.via == "ocr" else [])
        found = _ticked(_after_column_tag(found, line), line.norm)
        if found:
            name = _joined_theme_day(found, line.norm, lines) or min(found)[2]
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
    heading = lines[: min(HEADING_LINES, len(lines) - 1)]  # (the last line's date is a signature's)
    labelled += [ln for ln in heading if _DATE_ALONE.match(ln.norm) and ln not in labelled]
    body = [ln for ln in lines if not _CHROME.search(ln.norm)]
    events = [ln for ln in body if _EVENT.search(ln.norm)]
    return labelled + events + body


# a heading's line that is the date and nothing else but its weekday and hour: a form's 时间 row without
# its label (2022年9月13日(星期二) 15:00), before the sentences (缺席:…9月2日至6日在沣州参加培训); a date
# alone at the end is the signature's
_DATE_ALONE = re.compile(
    r"^\s*\d{4}年\d{1,2}月\d{1,2}[日号]\s*(?:\(?(?:星期|周|礼拜)[一二三四五六日天]\)?)?\s*"
    r"(?:上午|下午|晚上|中午|早上)?\s*(?:\d{1,2}(?::\d{2}|点|时)(?:半|\d{1,2}分)?(?:\s*[-—~至]+\s*\d{1,2}(?::\d{2}|点|时))?)?\s*$"
)


def date(lines: list[Line], default_year: int | None) -> Value[dt.date] | None:
    """The meeting's date. A date written without a year (``9月6日``) takes ``default_year``
    (the platform's meeting date) or else the year of a fully dated line of the text (the
    post's publication line or the signature date below the account)."""
    dated = None if default_year is not None else _fully_dated(lines)
    year = default_year if dated is None else dated.year
    if year is None and (headed := _heading_year_month(lines)) is not None:
        return headed
    for line in _date_order(lines):
        hits = [h for h in find_dates(line.norm, year) if not _DATELINE.match(line.norm, h.end)]
        hits = [h for h in hits if not _referential(line.norm, h.start, h.end)]
        if hits:
            found = hits[0].date
            if dated is not None and not hits[0].year_given:
                found = _before_publication(found, dated)
            return Value(found, [Evidence.of(line.span, line.text)], line.span.confidence)
    return _relative(lines)


# the heading's lines, where a record names its year and month (2024年4月主题党日), its day below (4月10日)
HEADING_LINES = 3


def _heading_year_month(lines: list[Line]) -> Value[dt.date] | None:
    """The day written without a year, in the year of the heading that names the same month."""
    headed = next((ym for line in lines[:HEADING_LINES] if (ym := year_month(line.norm))), None)
    if headed is None:
        return None
    for line in _date_order(lines):
        hits = [h for h in find_dates(line.norm, headed[0]) if not _referential(line.norm, h.start, h.end)]
        if hits and not hits[0].year_given and hits[0].date.month == headed[1]:
            return Value(hits[0].date, [Evidence.of(line.span, line.text)], line.span.confidence)
        if hits:
            return None
    return None


_RELATIVE = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1}
_TOLD_RELATIVE = re.compile(
    rf"(?:{'|'.join(_RELATIVE)})(?:上午|下午|晚上|中午)?[^。;]{{0,40}}?(?:{_HELD.pattern})"
)


# A date that is another text's or event's: 根据2023年4月28日上级通知 / 学习贯彻总书记4月20日重要讲话
# / 2023年3月1日起施行的《条例》
_REFERENCE_AFTER = re.compile(
    r"^[^,;。]{0,10}?(?:通知|文件|讲话|精神|指示|批示|施行|印发|下发|发布|发表|召开的|举行的|来信|回信|贺信)"
)
_REFERENCE_BEFORE = re.compile(r"(?:根据|按照|依据|遵照|学习贯彻|贯彻落实|传达)[^,;。:]{0,12}$")


def _referential(norm: str, start: int, end: int) -> bool:
    return bool(_REFERENCE_AFTER.match(norm[end:]) or _REFERENCE_BEFORE.search(norm[:start]))


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
    """Where the meeting was held: a 地点: label, else the first locative phrase of an event
    sentence whose head is a place noun (会议室, 党员之家, 纪念馆, 村, 飞书会议 …)."""
    for line in lines:
        m = _PLACE_LABEL.search(line.norm)
        value = _labelled_place(m) if m else ""
        if m is None or len(value) < 2:
            both = _WHEN_WHERE_LABEL.search(line.norm)
            value = next((p for c in both["v"].split(",") if (p := _place_phrase(c))), "") if both else ""
        if not value and (form := _FORM_LABEL.match(line.norm)) and _PLATFORM.match(form["v"]):
            value = form["v"]  # 会议形式:腾讯会议(线上): held on a platform, which is where it was
        if value:
            return Value(
                _written(value, line.text), [Evidence.of(line.span, line.text)], line.span.confidence
            )
    # a heading last: a room any sentence names says more than a heading's area
    found = _told_place(_date_order(lines), lines) or _heading_place(lines)
    if found is None:
        return None
    where, line = found
    return Value(_written(where, line.text), [Evidence.of(line.span, line.text)], line.span.confidence)


def _told_place(ordered: list[Line], lines: list[Line]) -> tuple[str, Line] | None:
    """The first place a locative names in ``ordered`` (or one right after the time)."""
    for line in ordered:
        found = next((p for m in _LOCATIVE.finditer(line.norm) if (p := _locative_place(line.norm, m))), None)
        found = found or _place_after_time(line.norm)
        if found:
            return _room_within(found, lines) or (found, line)
    return None


# an area reached on an outing (a village, a town) and a room named after it later: where they met
_AREA = re.compile(r"(?:村|镇|乡|社区|街道|县|市|区)$")
_ROOM = re.compile(r"(?:室|厅|堂|之家|中心|驿站|站)$")
AREA_NAME_CHARS = 3


def _room_within(area: str, lines: list[Line]) -> tuple[str, Line] | None:
    """``前往…柳家村`` then ``在柳家村党群服务中心会议室列队``: the room in the area the outing went to
    (the same name at its start) is where the meeting was held."""
    if not _AREA.search(area) or len(area) < AREA_NAME_CHARS:
        return None
    name = area[-AREA_NAME_CHARS:]
    for line in lines:
        for m in _LOCATIVE.finditer(line.norm):
            room = _place_phrase(m["x"])
            if room and room != area and room.startswith(name) and _ROOM.search(room):
                return room, line
    return None


# A clause that is only a date and a time: 2023年5月6日下午三点 / 19年6月18日14:30
_ONLY_WHEN = re.compile(
    r"^[\d〇零一二两三四五六七八九十年月日号点时分半:./\-()星期周上下午晚中早傍凌晨整许]{4,}$"
)


def _place_after_time(norm: str) -> str | None:
    """``2019年6月18日下午三点,内科楼三楼示教室,某支部…活动如期举行``: a clause that is only a place,
    right after a clause that is only the date and time, in a sentence telling the event."""
    if not _HELD.search(norm) and not re.search(r"如期|党日|会议|活动", norm):
        return None
    clauses = re.split(r"[,()]", norm)
    for before, clause in itertools.pairwise(clauses):
        if _ONLY_WHEN.match(before) and (found := _place_phrase(clause)) == clause:
            return found
    return None


_HEADING_PARTS = re.compile(r"[,，()（）\s]+")


def _heading_place(lines: list[Line]) -> tuple[str, Line] | None:
    """A record book's heading, which names no label: a line of the date and time and then
    only a place (``11月6日下午4点半,住院部三楼示教室。``, ``2022/8/3 上午10:00 三楼党建室``), or a
    line that is only a place right under a line of only the date and time."""
    above: list[str] = []
    for line in lines:
        parts, dated_above = _heading_parts(line), bool(above) and all(_is_when(p) for p in above)
        above = parts
        rest = [p for p in parts if not _is_when(p)]
        if len(rest) != 1 or ":" in rest[0] or _CHROME.search(line.norm):
            continue  # a label's value (发布者:规划处), or a web page's byline
        if _LOCATIVE.search(rest[0]) or "了" in rest[0] or _place_phrase(rest[0]) != rest[0]:
            continue  # (a sentence ending in a place noun tells where, by a locative, elsewhere)
        if parts[-1] == rest[0] and (len(parts) > 1 or dated_above):
            return rest[0], line
    return None


def _heading_parts(line: Line) -> list[str]:
    """A heading's parts as written, apart by commas, brackets or spaces (``3月5日　14:00　外科楼
    示教室``: the matching form drops the spaces), each normalised as lines are."""
    return [n for p in _HEADING_PARTS.split(line.text) if (n := normalize(p).rstrip("。"))]


_WEEKDAY = re.compile(r"^(?:周|星期|礼拜)[一二三四五六日天]$")


def _is_when(part: str) -> bool:
    return bool(_ONLY_WHEN.match(part) or _WEEKDAY.match(part))


def _labelled_place(m: re.Match[str]) -> str:
    """The value of a 地点 label: up to the next label, a note in brackets dropped; a value the
    label does not set off by a colon must be a place."""
    if m["z"]:
        value = _cut_label(m["z"])
        return value if _place_phrase(value) == value else ""
    return _NOTE_AFTER.sub("", _cut_label(m["x"] or m["y"]))


def _cut_label(words: str) -> str:
    """``党员活动室主持人`` (read up to the next pair's colon) -> ``党员活动室``."""
    m = _NEXT_LABEL.search(words)
    return words[: m.start()] if m and m.start() >= 2 else words


def _written(found: str, text: str) -> str:
    """The place with the width it was written in (``(``, ``“``), in simplified script, as study
    materials are kept; the evidence quotes the original sentence."""
    return to_simplified(as_written(found, text))


def _locative_place(norm: str, m: re.Match[str]) -> str | None:
    """The place in a locative's object, the shortest first, else up to the next stop (once)."""
    found = _place_phrase(m["x"])
    if found is not None or m.end("x") >= len(norm):
        return found
    more = _LONGER_OBJECT.match(norm, m.end("x") + 1)
    if more is None or more.end() - m.start("x") > MAX_PLACE_CHARS:
        return None
    longer = _place_phrase(norm[m.start("x") : more.end()])
    return longer if longer is not None and _ROOM.search(longer) else None


def _place_phrase(words: str) -> str | None:
    """The place in a locative's object: a leading date or time and nested locatives dropped
    (``7月15日上午依托钉钉视频会议平台`` -> ``钉钉视频会议平台``); None unless it ends with a place
    noun after some words naming it."""
    words = _LEAD_WORDS.sub("", _WHEN.sub("", words))
    if "——" in words and _PLACE_HEAD.search(words.rsplit("——", 1)[-1]):
        words = words.rsplit("——", 1)[-1]  # 红色教育基地——杨家岭旧址: the name after the dash
    if _PLATFORM.match(words):
        return words
    head = _PLACE_HEAD.search(words)
    if head is None or head.start() == 0 or _NOT_PLACE.search(words):
        return None  # not a place, or a bare head noun (会场, 教室): the venue not named
    return words


LOOSE_GAP = 5  # characters allowed between those of a plan item: 缴纳12月份党费


def loose_pattern(item: str) -> re.Pattern[str]:
    """'缴纳党费' also matches '缴纳了党费' and '缴纳12月份党费'."""
    chars = [re.escape(ch) for ch in item if not ch.isspace()]
    return re.compile(f"[^,;。]{{0,{LOOSE_GAP}}}".join(chars))


SYNONYMS = {
    "缴纳党费": [
        "交纳党费",
        "收缴党费",
        "缴纳党费",
        "交党费",
        "缴党费",
        "收取党费",
        "收党费",
    ],
    "重温入党誓词": ["重温入党誓词", "宣读入党誓词", "领誓", "面向党旗宣誓"],
}


# Items written with words between the verb and its object (收缴了党员5月份党费, 收取了大家7月份的
# 党费, 党费已全部收缴, 领着大家重温了入党誓词): the verb and the object in one clause.
ITEM_PATTERNS = {
    "缴纳党费": re.compile(
        r"(?:缴纳|交纳|收缴|收取|上缴|上交|缴|交(?![流代通往办给])|(?<![接吸])收(?![看听集获]))[^,;。]{0,12}?党费"
        # 党费已全部收缴 (not the noun phrase 党费收缴、使用和管理情况: a done act is marked as done)
        r"|党费[^,;。]{0,8}?(?:已|均已|都已|全部|按时|足额|现场|当场|进行了?|完成了?)(?:全部|足额|按时)?"
        r"(?:收缴|缴纳|交纳|上缴|上交|收取|缴清|交齐|缴齐|收齐|缴|交)"
        # 开展了党费收缴工作 / 进行了党费的收缴 / 党费收缴:全体党员已按时足额缴纳
        r"|(?:开展|进行|完成|组织|集中|统一)了?[^,;。]{0,6}?党费的?(?:收缴|缴纳|交纳)"
        r"|党费(?:收缴|缴纳|交纳)(?:情况)?:[^。;]{0,20}?(?:已|均)[^,;。]{0,6}?(?:缴纳|交纳|收缴|缴清|交齐|完成)"
        # a shorthand item with the number who paid: ③党费:8人,宓收齐 (not 党费:2人未交, 上月党费:14人, 党费:9人(下月收))
        r"|(?<!月)(?<!次)(?<!期)党费:\s?(?:已|实)?(?:现场|当场|线上|微信)?(?:收|交|缴|转账)?\d{1,3}(?:人|名)(?![^,;。]{0,4}?(?:未|没|欠|下月|下次|会后|待))"
    ),
    "重温入党誓词": re.compile(
        r"重温[^,;。]{0,12}?(?:入党誓词|入党誓言|誓词|誓言)|(?:宣读|诵读|朗读|领读|领诵)[^,;。]{0,6}?入党誓词"
        r"|入党宣誓|集体宣誓|面向党旗[^,;。]{0,10}?宣誓"
        # the oath read in other words: 跟读/齐诵/温习入党誓词, 誓词重温, 庄严宣誓, 面对党旗…宣誓, 举起右拳…宣誓
        r"|(?:温习|跟读|跟诵|复诵|齐诵|齐读|朗诵|背诵|诵念|念诵|默念|高诵|再读|齐声(?:诵读|宣读|朗读))[^,;。]{0,8}?(?:入党)?誓[词言]"
        r"|(?:入党)?誓词[^,;。]{0,4}?(?:重温|宣读|诵读|朗读)"
        r"|(?:入党)?誓词(?:是|则)?由[^,;。]{2,24}?(?:领读|领诵|领念|带读)"  # 入党誓词由X领读,党员齐声跟读
        r"|(?:面向|面对|面朝|对着|站在)[^,;。]{0,6}?党旗[^,;。]{0,16}?宣誓|(?:举起|握紧)右拳[^,;。]{0,12}?(?:宣誓|誓)"
        # 张三领誓,全体党员庄严宣誓 (宣誓 alone may be another pledge: only with the party oath's marks)
        r"|(?:庄严|郑重|集体|再次|重新|齐声|一起|共同|一同)(?:地)?(?:进行了?)?宣誓(?=.*?(?:党旗|右拳|入党))"
        r"|(?<=领誓)[^。]*?宣誓|(?:党旗|右拳|入党)[^。]*?(?:庄严|郑重|再次|重新|齐声|一起|共同|一同)(?:地)?(?:进行了?)?宣誓"
    ),
}
# The verbs an item may be done with, beyond its own (学习《…》 done as 领学/研读, 观看 as 收看).
ITEM_VERBS = {
    "学习": "学习|领学|研读|研学|诵读|领读|导读|精读|通读|解读|讲解|宣讲|辅导|传达|宣贯|学",
    "观看": "观看|收看|观摩|看",
    "收看": "观看|收看|看",
    "开展": "开展|组织|进行|举行|举办|参加|参与",
    "参观": "参观|走进|来到|前往|赴|瞻仰|寻访",
    "讨论": "讨论|研讨|交流|座谈",
    "交流": "交流|研讨|讨论|分享|座谈",
    "重温": "重温|温习|回顾|宣读|诵读",
    "过": "过|开展|举行|举办|庆祝",
}


def item_done(lines: list[Line], item: str) -> Value[bool] | None:
    patterns = [loose_pattern(s) for s in SYNONYMS.get(item, [item])]
    if item in ITEM_PATTERNS:
        patterns.append(ITEM_PATTERNS[item])
    patterns.extend(_paraphrase(item))
    for line in lines:
        if any(_done(m, line.norm) for p in patterns for m in p.finditer(line.norm)) or _same_title_done(
            line.norm, item
        ):
            return Value(True, [Evidence.of(line.span, line.text)], line.span.confidence)
    return _item_misread(lines, item)


def _same_title_done(norm: str, item: str) -> bool:
    """学习《中国共产党章程》 done as 领学了《党章》: a title naming the same work (the materials
    catalogue's aliases) in a clause with the item's verb or a synonym."""
    wanted = _ITEM_TITLE.search(to_simplified(item))
    verb = next((v for v in ITEM_VERBS if item.startswith(v)), None)
    if wanted is None or verb is None:
        return False
    for clause in re.split(r"[,;。]", norm):
        if re.search(ITEM_VERBS[verb], clause) and any(
            same_work(wanted["t"], m["t"]) for m in _ITEM_TITLE.finditer(clause)
        ):
            return True
    return False


_ITEM_TITLE = re.compile(r"《(?P<t>[^》]+)》")


def _paraphrase(item: str) -> list[re.Pattern[str]]:
    """Patterns for a plan item written in other words: the item's verb or one of its synonyms
    (``ITEM_VERBS``) and its object in one clause, the object's 《title》 with or without the
    brackets, and a long title by its key words (``学习《中国共产党章程》`` done as ``领学了党章``
    is not read: a person decides, through the item's cue)."""
    norm = to_simplified(item).replace("：", ":").replace("（", "(").replace("）", ")")
    verb = next((v for v in sorted(ITEM_VERBS, key=lambda v: (-len(v), v)) if norm.startswith(v)), None)
    if verb is None:
        return []
    obj = norm[len(verb) :].lstrip("了")
    title = _ITEM_TITLE.search(obj)
    if title is not None:
        name = re.escape(title["t"])
        body = rf"《?{name}》?"  # 学习中国共产党章程: the title without its brackets
    else:
        chars = [re.escape(ch) for ch in obj if not ch.isspace()]
        if len(chars) < 2:
            return []
        body = f"[^,;。]{{0,{LOOSE_GAP}}}".join(chars)
    gap = "[^,;。]{0,16}?"
    return [re.compile(rf"(?:{ITEM_VERBS[verb]}){gap}{body}|{body}{gap}(?:{ITEM_VERBS[verb]})")]


# An item asked for, not done: 会议要求全体党员按时缴纳党费 / 提醒大家及时交纳党费 (not 按要求缴纳了党费)
_ASKED = re.compile(
    r"(?<!按)(?<!按照)(?:要求|提醒|号召|督促|倡议|希望|务必|必须|应当|应该|需要|请)[^,;。]{0,12}$"
)


# a report on how the dues stand, not their payment at this meeting: 通报三季度党费收缴情况:…已全部收齐
_DUES_REPORT = re.compile(r"(?:通报|汇报|报告|说明)[^,;。:]{0,12}?党费[^,;。:]{0,6}?情况")


def _done(m: re.Match[str], norm: str) -> bool:
    start = max(norm.rfind(c, 0, m.start()) for c in ",;。") + 1
    clause = norm[start : m.start()]
    return _ASKED.search(clause) is None and not _reported(m, norm, start)


def _reported(m: re.Match[str], norm: str, start: int) -> bool:
    """The item read in a report on how it stands: in the report's own clause (通报党费收缴情况:…已全部
    收齐), or the state of the dues told in the clause after it (通报全年党费收缴情况,全年党费均已按时足额
    收缴; not 通报…情况,收缴12月份党费: the act of paying them at the meeting)."""
    if _DUES_REPORT.search(norm[start : m.end()]):
        return True
    before = norm[max(norm.rfind(c, 0, start - 1) for c in ",;。") + 1 : start]
    return m.group().startswith("党费") and _DUES_REPORT.search(before) is not None


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
        hits = [h for h in hits if not _referential(line.norm, h.start, h.end)]
        if hits:
            month, day = hits[0].date.month, hits[0].date.day
            return f"--{month:02d}-{day:02d}"
    return None
