"""Who presided, who led the oath, who kept the record.

Patterns run on normalised sentences (``Line.norm``). Each pattern captures a
short phrase around the name (``支部书记李光振同志``); ``PersonFinder.resolve``
cuts the name out of it, roster first.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from core.models import Evidence, TextSpan, Value
from extractors.fields.agenda import agenda_items, doer_of
from extractors.fields.grammar import ROLE, Doer, Subjects
from extractors.fields.people import (
    NOT_GIVEN,
    NOT_NAMES,
    SHORT_TITLES,
    SURNAME_CHARS,
    PersonFinder,
    PersonHit,
    after_last_title,
    holds_title,
    name_after_titles,
    named_alone,
)
from extractors.fields.writer import writer
from extractors.layout.lines import CELL_BARS, TABLE_CELL_GAP, Line
from extractors.text.normalize import as_written, normalize

_X = r"(?P<x>[^,;。由在:]{2,14}?)"
_BRACKETS = re.compile(r"\([^()]*\)|\)[^()]*$|\([^()]*$")
# a form line holding several label/value pairs (主持人:李光振记录人:王芳): a value ends at the next label
_NEXT = r"(?!(?:会议|活动)?(?:主持人|记录人|记录员|记录:|领誓人|领学人|领学:|主讲人|主讲:|授课人|参加人员|出席|应到|实到|缺席|时间|日期|地点|主题|内容)|\d{1,2}[.、](?=[\u4e00-\u9fff]))"
_VALUE = rf"(?P<x>(?:{_NEXT}[^,;。]){{2,24}})"
# titles before a form value's name, each cut off by a comma (主持:理事长,支部书记 杨正荣)
# (not 郦书记,…: a person referred to by surname and title is the value itself)
_TITLES_FIRST = rf"(?:(?![{SURNAME_CHARS}](?:{SHORT_TITLES})[,、])[^,;。:()]{{1,8}}?(?:长|书记|主任|委员|经理|主席|组长)[,、])*"

# 主持人: / 会议主持: / 主持: / 主持人(签字): / 主持人签字: (a signature block) / 主持Host: /
# 组长(主持): (the one of the header who presides) (not 栏目主持｜X: a post's column host, in its credits)
_PRESIDER_FIELD = re.compile(
    rf"(?<!栏目)(?<!节目)(?<!专栏)(?<!版块)(?:会议|活动)?主持(?:人|者)?(?:\(?(?:签字|签名)\)?)?\)?[A-Za-z]{{0,12}}:{_TITLES_FIRST}{_VALUE}"
)
PRESIDER = [
    # the field's stand-in, in the bracket after the one it names: 主持人:书记甲(因病住院,由副书记乙代为主持)
    re.compile(rf"主持(?:人|者)?:[^()]*\([^()]*?(?:由|请){_X}(?:同志)?(?:代为|代理|临时|代)主持[^()]*\)"),
    re.compile(rf"主持(?:人|者)?:[^()]*\([^()]*?委托{_X}(?:同志)?主持[^()]*\)"),
    _PRESIDER_FIELD,
    re.compile(rf"由{_X}(?:同志)?(?:代为|代理|临时|代)?主持"),
    # an OCR'd form row whose colons were lost: 主持人社区党委副书记 卢婉宁记录人 芮菁瑶 (a title, the name,
    # then the next label)
    re.compile(
        r"(?:会议)?主持人[^:,;。]{0,12}?(?:书记|主任|委员|组长|经理|主席)\s?"
        r"(?P<x>[\u4e00-\u9fff·]{2,4}?)\s?(?=记录人|记录员)"
    ),
    # 组长:端木红(主持) / 书记 张三(会议主持人): the one marked as presiding
    re.compile(r"(?P<x>[^,;。:()]{2,14}?)(?:同志)?\((?:会议)?主持(?:人)?(?:并[^()]{1,8})?\)"),
    re.compile(
        rf"{_X}(?:同志)?(?:代为|代理|临时|代)?主持(?!人)(?:了|召开)?(?:会议|本次|此次|活动|学习|$|(?=[。;]))"
    ),
    # X在社区党群服务中心主持召开了…: where between the presider and the verb
    re.compile(rf"{_X}(?:同志)?在[^,;。:在]{{2,24}}?主持(?:召开|了)"),
    # 主持人是支部书记、运营中心经理X: the role, then who held it
    re.compile(rf"(?:会议|活动|本次会议|本次活动)?主持人(?:是|为){_TITLES_FIRST}{_VALUE}"),
]
# OCR lines only: 主持 with one character misread (由李光振同志主特). Never trusted (unknown, not fail).
PRESIDER_SLIPPED = [re.compile(rf"由{_X}(?:同志)?(?:[^,;。:主]持|主[^,;。:持人讲任])")]
SLIP_CONFIDENCE = 0.6
OATH_LEADER = [
    # also inside brackets or after another pair: …誓词(领誓人:X)
    re.compile(rf"领誓人?:{_TITLES_FIRST}{_VALUE}"),
    re.compile(rf"领誓人(?:为|是|由){_VALUE}"),
    re.compile(rf"由{_X}(?:同志)?(?:领誓|领读|带领)"),
    re.compile(rf"在{_X}(?:同志)?的?(?:带领|领誓|领读)下"),
    re.compile(rf"{_X}(?:同志)?(?:领誓|领读|带领)"),
]
# a form's label naming the oath's reading: 入党誓词领读:宣传委员 X
_OATH_FORM_LABEL = re.compile(rf"(?:入党)?誓词领(?:读|诵|誓)人?:{_TITLES_FIRST}{_VALUE}")
# 领誓人由退役军人党员X担任: the role and who took it
_OATH_ROLE_TAKEN = re.compile(rf"领誓人由{_X}(?:同志)?担任")
# the label patterns: a form's value, where the words after a title are the name (``_titled``)
_LABELS = (_PRESIDER_FIELD, OATH_LEADER[0])
# the oath, or its gesture (在X带领下,全体党员高举右拳: the words of the oath follow in the next sentence)
OATH_CONTEXT = re.compile(r"誓|(?:举起|高举)了?右拳|右拳高举")  # a raised right hand may be a vote
OATH_TAKEN = re.compile(
    r"(?:重温|宣读|诵读|领读|宣誓|朗读|朗诵)(?:了)?(?:一[遍次])?入党誓词|重温[^,;。]{0,10}?入党誓词"
    r"|重温了?入党时[^,;。]{0,6}?誓言|入党宣誓|集体宣誓|进行宣誓|领誓|举起右拳|右拳高举|面向党旗[^,;。]{0,8}?宣誓|宣誓仪式"
    r"|入党誓词(?:是|则)?由[^,;。]{2,24}?(?:领读|领诵|领念|带读)"  # 入党誓词由X领读,与会党员齐声跟读
)
# Acts of leading the oath, on normalised sentences (see ``grammar``): X领誓 / 由X领誓 / X作为领誓人 /
# 在X的带领下…重温入党誓词 / X带领…宣誓.
_OATH_UNDER = re.compile(
    r"在(?P<x>[^,;。在]{2,18}?)(?:同志|老师)?的?(?:带领|领誓|带领和领誓|引领|带动|领读|领诵)下(?P<rest>[^。;]{0,24})"
)
_OATH_LEAD = re.compile(
    r"(?:担任|作为|为|是|任)领誓人|领誓|领的誓|领诵|领(?:读|念|宣|呼|颂)(?=[^,;。]{0,8}誓)|(?:带领|领[着著]|带[着著]|带头|领(?=大家|全体))(?P<o>[^。;]{0,40}?)(?:宣誓|誓词)"
)
# the oath's words, then who read them out: 入党誓词由组织委员X同志领读,与会党员齐声跟读
_OATH_READ_BY = re.compile(
    r"誓词(?:是|则)?由(?P<x>[^,;。由]{2,24}?)(?:同志)?(?:领读|领诵|领念|带读|领誓|带领)"
)
# 全体党员跟随X重温入党誓词 / 跟着X一起宣誓: the one followed leads the oath
_OATH_FOLLOW = re.compile(
    r"(?:跟随|跟[着著]|随(?![后即时之着著]))(?P<x>[他她](?!们)|[^,;。]{2,14}?)(?:同志)?(?:一起|一道|一同|逐句)?,?"
    r"(?=重温|宣誓|宣读|诵读|庄严宣誓|面向|面对|举起|高举)"
)
# 主持: 会议由X主持 / X主持会议 / X主持,… ; not 在监票人的主持下, not 主持词.
# (not 主持支部全面工作: who runs the branch, not who chaired this meeting)
_CHAIR = re.compile(r"主持(?![人词]|(?:支部|党支部|单位|全面|日常|行政)*工作)")
_CHAIR_UNDER = re.compile(
    r"在(?:监票人|计票人|唱票人|总监票人)[^,;。]{0,8}的主持下"
)  # an election's, not the meeting's
_CHAIR_UNDER_X = re.compile(r"在(?P<x>[^,;。在]{2,18}?)(?:同志)?的主持下")
# 主持工作由X负责 / 主持是支部副书记X (said aloud; not 主持是我, the writer)
_CHAIR_NAMED = re.compile(r"主持(?:(?:人|工作)(?:为|是|由)?|(?:是|为)(?!我))(?P<x>[^,;。:]{2,20})")
# The presider named by the role taken: X作为本次活动主持人 / 由X担任主持人 / X是本次会议的主持人
_CHAIR_ROLE = re.compile(
    r"(?:作为|担任|出任|充当|是(?=本次|此次|这次|本场|今天))(?:本次|此次|这次|本场|今天|当天)?的?"
    r"(?:会议|活动|大会|主题党日|党日)?(?:活动)?的?主持(?:人|者)?(?!词)"
)
_AFTER_NAME = re.compile(
    r"(?:同志)?(?:宣读|宣布|介绍|讲话|主持|作|做|通报|传达|带领|首先|对|就|向|代表|总结|担任|出任|负责|承担).*$"
)
RECORDER = [
    re.compile(rf"记录(?:人|员)?:{_VALUE}"),
    re.compile(rf"由{_X}(?:同志)?(?:记录|担任记录)"),
]


def find_person(
    lines: list[Line],
    patterns: list[re.Pattern[str]],
    finder: PersonFinder,
    context: re.Pattern[str] | None = None,
) -> Value[str] | None:
    """The first person named by one of ``patterns`` (in order of preference).

    Read by OCR, the value is corroborated by every other line naming the same person
    for the same role (the 主持人 cell and 由…主持 in the text are two independent reads).
    """
    found = (
        (hit, line) for pattern in patterns for line in lines if (hit := _hit(pattern, line, finder, context))
    )
    first = next(found, None)
    if first is None:
        return None
    hit, line = first
    value = _person_value(hit, line, line.text)
    if line.span.via == "ocr" and value.confidence < 1.0:
        corroborate(value, line.span, [(h, ln) for h, ln in found if h.name == hit.name])
    return value


def _person_value(hit: PersonHit, line: Line, quoted: str) -> Value[str]:
    """The person ``hit`` read in ``line`` as a value quoting ``quoted`` (the line, or the table row it
    belongs to): a guessed name in the script it was written in."""
    name = hit.name if hit.on_roster else as_written(hit.name, quoted)
    return Value(name, [Evidence.of(line.span, quoted)], _confidence(hit, line))


def _hit(
    pattern: re.Pattern[str], line: Line, finder: PersonFinder, context: re.Pattern[str] | None
) -> PersonHit | None:
    if context is not None and not context.search(line.norm):
        return None
    return _match(pattern, line.norm, finder, fuzzy=line.span.via == "ocr")


def _confidence(hit: PersonHit, line: Line) -> float:
    return (1.0 if hit.on_roster else 0.9) * hit.confidence * line.span.confidence


def corroborate(value: Value[str], read: TextSpan, others: list[tuple[PersonHit, Line]]) -> None:
    """Independent reads (other spans) agreeing: confidence 1 - Π(1 - cᵢ), their evidence added."""
    seen = {id(read)}
    doubt = 1.0 - value.confidence
    for hit, line in others:
        if id(line.span) in seen:
            continue
        seen.add(id(line.span))
        doubt *= 1.0 - _confidence(hit, line)
        value.evidence.append(Evidence.of(line.span, line.text))
    value.confidence = round(1.0 - doubt, 4)


def _match(
    pattern: re.Pattern[str], text: str, finder: PersonFinder, fuzzy: bool = False
) -> PersonHit | None:
    for m in pattern.finditer(text):
        if (named := _named_before_titles(m, finder, fuzzy)) is not None:
            return named  # 主持人:鞠永年 支部书记、联社副主任: the titles after the name read as the value
        if (held := _held_in_brackets(m["x"], finder, fuzzy)) is not None:
            return held  # 主持人:支部书记(锁秀蓉) / 主持:黎书记(黎文锦): the office's holder in brackets
        # 王涛同志(纪检委员) / 张明) of (领誓人:张明) / 邢澜清(两场均由其主持): the brackets out before 由;
        # a form's value that is itself a sentence (主持:两场均由党小组长樊知远主持): the name before its verb
        chunk = _ROLE_VERB_AFTER.sub("", _BRACKETS.sub("", m["x"]).rsplit("由", 1)[-1])
        hit = finder.resolve(chunk, fuzzy=fuzzy)
        titled = (_titled(chunk) or _bare(m["x"])) if pattern in _LABELS else None
        if hit is not None and titled and not hit.on_roster and _longer_name(titled, hit.name):
            at = chunk.rfind(titled)  # 主持:支部书记 洛桑旺杰 (not 桑旺杰, a surname's guess inside it)
            return PersonHit(titled, at, at + len(titled), False)
        if hit is not None:
            return hit
        if (alone := named_alone(chunk) or named_alone(after_last_title(chunk))) is not None:
            at = chunk.rfind(alone)
            return PersonHit(alone, at, at + len(alone), False)
        if titled is not None:
            at = chunk.rfind(titled)
            return PersonHit(titled, at, at + len(titled), False)
    return None


def _only_titles(text: str) -> bool:
    return holds_title(text) and after_last_title(text) == text


def _named_before_titles(m: re.Match[str], finder: PersonFinder, fuzzy: bool) -> PersonHit | None:
    """A form value whose name came first and its titles after, 、 between them (主持人:鞠永年支部书记、
    联社副主任), read by a pattern that takes titles first: the value matched is only a title, and the
    name stands in the piece before it."""
    if not _only_titles(m["x"]):
        return None
    before = m.string[m.start() : m.start("x")]
    pieces = [p for p in re.split(r"[,、:]", before) if p]
    if len(pieces) < 2:
        return None
    hit = finder.resolve(pieces[-1], fuzzy=fuzzy)
    if hit is None or not _only_titles(pieces[-1][hit.end :]):
        return None
    at = m.string.rfind(pieces[-1], 0, m.start("x"))
    return PersonHit(hit.name, at + hit.start, at + hit.end, hit.on_roster, hit.confidence)


_ROLE_VERB_AFTER = re.compile(r"(?<=..)(?:同志)?(?:主持|领誓)(?:了|会议|本次会议)?$")


# an office (or one called by surname and title), then its holder's name in brackets, and nothing else
_OFFICE_THEN_NAME = re.compile(r"(?P<office>[^()]{1,12})\((?P<name>[^()]{2,8})\)[。;,]?")


def _held_in_brackets(value: str, finder: PersonFinder, fuzzy: bool) -> PersonHit | None:
    m = _OFFICE_THEN_NAME.fullmatch(value.strip())
    if m is None or not (
        holds_title(m["office"]) or re.fullmatch(rf"[{SURNAME_CHARS}](?:{SHORT_TITLES})", m["office"])
    ):
        return None
    name = after_last_title(m["name"]) or m["name"]  # 书记(第一书记 甘伯涛): the holder after their title
    hit = finder.resolve(name, fuzzy=fuzzy)
    if hit is None or hit.name != name:
        return None
    return PersonHit(hit.name, m.end("name") - len(name), m.end("name"), hit.on_roster)


def _longer_name(titled: str, guessed: str) -> bool:
    """The words after a form value's title are the whole name of which the guess read a tail: one
    or two characters more that are no part of a title (洛桑旺杰, not 桑旺杰; not 书纪贺兰承业)."""
    extra = titled[: -len(guessed)] if titled.endswith(guessed) else ""
    return 1 <= len(extra) <= 2 and re.search("[书记纪长员任委]", extra) is None


def _titled(chunk: str) -> str | None:
    """A form value's name after its title, whatever its script (主持:支部书记 扎西旺杰 / 领誓:护士长
    诺敏其其格): the words after the last title when they can be a name by themselves."""
    rest = name_after_titles(chunk)  # (not 主持人:请组织委员许德华同志领学: words before the titles)
    if rest is None or not 2 <= len(rest) <= 6 or rest in NOT_NAMES:
        return None
    name_like = re.fullmatch(r"[\u4e00-\u9fff·]+", rest) and not (NOT_GIVEN | _NO_NAME_CHARS) & set(rest)
    return rest if name_like else None


def _bare(value: str) -> str | None:
    """A form value naming someone whose title follows in brackets (主持人:第五春华(支部书记) /
    主持人:旺加(上届支部书记)): the name, whatever its surname."""
    m = _NAME_THEN_TITLE.fullmatch(value.strip())
    if m is None or holds_title(m["name"]) or m["name"] in NOT_NAMES or m["name"][0] in _NOT_YET:
        return None
    return (
        m["name"] if holds_title(m["title"]) and not (NOT_GIVEN | _NO_NAME_CHARS) & set(m["name"]) else None
    )


# a value saying no one is named yet, or where to look (待定, 暂缺, 见签到表, 同上, 本人)
_NOT_YET = frozenset("待暂未另见详略空无同本我")
_NAME_THEN_TITLE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4})(?:同志)?\((?P<title>[^()]{2,16})\)")


# the words of running text, in no name: 主持人:支部书记来了
_NO_NAME_CHARS = frozenset("了的着过吗呢吧是在和与及请")


# who chaired a part of the meeting, not the meeting: 学习环节由X主持 / 讨论由X主持
# (a part handed over: 党课环节由X主持 / 本环节由X主持 / 后续议程由X主持 / 19:00后由X主持 / 下半场由X主持)
_PART_CHAIR = re.compile(
    r"(?:学习|集中学习|理论学习|学习研讨|讨论|研讨|交流|交流发言)(?:环节|部分|阶段)?由[^,;。:]{2,20}?(?:同志)?主持"
    r"|(?:环节|部分|阶段|(?:后续|其余|剩余|余下)的?(?:议程|议题)|下半场|后半场|后半段|(?:\d{1,2}:\d{2}|\d{1,2}点半?)以?后)"
    r"由[^,;。:()]{2,20}?(?:同志)?主持"
    r"|主持(?:了)?(?:学习|研读|领学)(?:了)?(?=《)"  # X主持学习了《…》: the study, read as its leader
    # a later sitting of a meeting held in several (线上补开一场,由X主持 / 夜班场:20:30,…,由X主持), not
    # every sitting (第二批15时开始,两批均由X主持)
    r"|(?:第[二三四]场|另一场|(?:补开|加开|再开|另开)了?一场|夜班场|晚班场|第[二三]批)(?:(?!均|都|[两三各][场批])[^。;]){0,40}?"
    r"由[^,;。:()]{2,20}?(?:同志)?主持"
)


# a form label's value cut at the line's end (主持人:村党支部书记葛 / 长春; 主持人:支部书记、经理 / 武振东)
_LABEL_VALUE = re.compile(r"(?:主持人?|领誓人|领学人|记录人):(?P<v>[^,;。:]*)$")
_FRAGMENT = re.compile(r"^[\u4e00-\u9fff]{1,4}(?:同志)?$")


def carried_values(lines: list[Line], finder: PersonFinder) -> list[Line]:
    """``lines`` with a form value that names nobody joined to the name fragment on the next line
    (the lines ``presider`` and ``oath_leader`` read)."""
    out = list(lines)
    for i, (line, after) in enumerate(itertools.pairwise(lines)):
        m = _LABEL_VALUE.search(line.norm)
        if m is None or not _FRAGMENT.match(after.norm) or finder.resolve(m["v"]) is not None:
            continue
        joined = _LABEL_VALUE.search(line.norm + after.norm)
        if joined is not None and finder.resolve(joined["v"]) is not None:
            out[i] = dataclasses.replace(line, norm=line.norm + after.norm, text=line.text + after.text)
    return out


# the chair planned, not the one who chaired: 本次活动原定由支部书记X主持,X当天被临时抽调…
# a committee met first, chaired by X: that meeting's chair, not the day's (另页记录)
_EARLIER_CHAIR = re.compile(
    r"(?:先|提前|会前)(?:召)?开(?:了)?(?:支委会|支部委员会|党小组会|党小组长会)[^。;]{0,6}?,?(?:由)?[^,;。:]{2,20}?(?:同志)?主持"
)
_MAIN_MEETING = re.compile(r"主题党日|党员大会|党课")
_PLANNED_CHAIR = re.compile(r"(?:原定|原计划|原本|本来|计划|拟)(?:由)?[^,;。]{2,20}?(?:同志)?主持")


def presider(lines: list[Line], finder: PersonFinder) -> Value[str] | None:
    lines = [
        dataclasses.replace(ln, norm=_PLANNED_CHAIR.sub("", _PART_CHAIR.sub("", ln.norm)))
        if _PART_CHAIR.search(ln.norm) or _PLANNED_CHAIR.search(ln.norm)
        else ln
        for ln in lines
    ]
    if any(_MAIN_MEETING.search(ln.norm) for ln in lines):  # 8点先开支委会,由X主持; 9点,主题党日开始
        lines = [dataclasses.replace(ln, norm=_EARLIER_CHAIR.sub("", ln.norm)) for ln in lines]
    if any(_CHAIR_IS_ME.search(ln.norm) for ln in lines):  # 主持是我 (the name before it is no subject)
        return _presided_by_me(lines, finder)
    found = (
        find_person(lines, PRESIDER, finder)
        or _prose_presider(lines, finder)
        or _duty_row(lines, finder, "主持")
        or _role_field(lines, _PRESIDER_FIELD)
    )
    if found is not None:
        return _denied_chair(found, lines)
    slipped = find_person([ln for ln in lines if ln.span.via == "ocr"], PRESIDER_SLIPPED, finder)
    if slipped is not None:
        slipped.confidence = round(slipped.confidence * SLIP_CONFIDENCE, 4)
        return slipped
    return _presided_by_me(lines, finder)


# the record itself says the one read as presider did not chair: X同志只负责记录 / 没有委托其他支委主持 /
# 无人主持 (a form's 主持人 cell filled with the recorder's name)
_CHAIR_DENIED = re.compile(
    r"(?:只|仅|只是)负责(?:会议)?记录|(?:没有|未|无)(?:委托|指定|安排)[^,;。]{0,10}?主持|无人主持|没有主持人"
)
DENIED_CHAIR_CONFIDENCE = 0.5  # never trusted: the rule says unknown and quotes both lines


def _denied_chair(found: Value[str], lines: list[Line]) -> Value[str]:
    """``found``, doubted when a line denies that anyone (or that very person) chaired: both lines quoted."""
    denial = next(
        (
            ln
            for ln in lines
            if (m := _CHAIR_DENIED.search(ln.norm))
            and (not m.group().endswith("记录") or found.value in ln.norm[: m.start()])
        ),
        None,
    )
    if denial is None:
        return found
    quoted = [*found.evidence, Evidence.of(denial.span, denial.text)]
    return dataclasses.replace(
        found, evidence=quoted, confidence=min(found.confidence, DENIED_CHAIR_CONFIDENCE)
    )


# the writer presided: 我主持的 / 是我主持 / 由我主持 / 主持是我 / 主持人:我 (我主特: a dictation slip)
_CHAIR_IS_ME = re.compile(r"主持(?:人)?(?:是|为|:)[我俺](?![们国])")  # (俺: I, in northern speech)
_PRESIDED_BY_ME = re.compile(
    rf"(?:是[我俺]|由[我俺]|[我俺](?:来)?|[我俺]在[^,;。我俺]{{1,20}}?|^本人|由本人)主[持特]|{_CHAIR_IS_ME.pattern}"
    r"|由[我俺](?!们)[^,;。我俺]{1,16}?来?主持"  # 由我这个支部书记(梅景川)来主持
)


def _presided_by_me(lines: list[Line], finder: PersonFinder) -> Value[str] | None:
    line = next((ln for ln in lines if _PRESIDED_BY_ME.search(ln.norm)), None)
    if line is None and any(_FIRST_PERSON.search(ln.norm) for ln in lines):
        line = next((ln for ln in lines if _CHAIRED_UNSAID.match(ln.norm)), None)
    return writer(line, lines, finder) if line is not None else None


# a diary's sentence without its subject, in a record written in the first person: 09:00-10:30 在所办会议室
# 主持召开支委会 / 下午主持召开主题党日 (the writer is the one who chaired)
_CHAIRED_UNSAID = re.compile(
    r"^(?:[\d:.\-~～]+)?(?:上午|下午|晚上|中午|今天|今日)?(?:[\d:点半]+)?(?:在|于)?[^,;。主由我]{0,20}?主持(?:召开|了|开)"
)
_FIRST_PERSON = re.compile(
    r"我(?!们|国|党|省|市|县|区|镇|乡|村|校|院|所|局|司|行|支部|单位|部门|中心|社区|厂|公司|园|馆|站|队)|本人"
)


def _role_field(lines: list[Line], field: re.Pattern[str]) -> Value[str] | None:
    """A form's field holding only a role and no name (主持:支部书记), when nothing names the one
    who held it: the role as written."""
    for line in lines:
        for m in field.finditer(line.norm):
            if ROLE.match(role := m["x"].strip()):
                return Value(
                    as_written(role, line.text), [Evidence.of(line.span, line.text)], line.span.confidence
                )
    return None


def oath_leader(lines: list[Line], finder: PersonFinder) -> Value[str] | None:
    """The oath's leader, not of an oath planned for a later meeting (议定…安排在2月24日,…X领誓)."""
    lines = [line for line in lines if not _oath_planned(line.norm) and not other_oath(line.norm)]
    return (
        find_person(lines, [OATH_LEADER[0], _OATH_ROLE_TAKEN, OATH_LEADER[1], _OATH_FORM_LABEL], finder)
        or _prose_oath_leader(lines, finder)
        or _agenda_oath_leader(lines, finder)
        or _duty_row(lines, finder, "领誓")
    )


def _agenda_oath_leader(lines: list[Line], finder: PersonFinder) -> Value[str] | None:
    """The doer written beside the oath's agenda item (重温入党誓词——支部书记 X / a 负责人 column)."""
    item = doer_of(agenda_items(lines, finder), lambda what: OATH_CONTEXT.search(what) is not None)
    return None if item is None else _person_value(item.doer, item.line, item.text)


def _oath_planned(norm: str) -> bool:
    at = norm.find("誓")
    return at >= 0 and _PLANNED.search(norm[:at]) is not None


def _value(doer: Doer, line: Line) -> Value[str]:
    confidence = round((1.0 if doer.on_roster else 0.9) * doer.confidence * line.span.confidence, 4)
    return Value(doer.name, [Evidence.of(line.span, line.text)], confidence)


# a cell that gives its row's person a duty, chairing or leading the oath: 主持 / 主持、支部书记 /
# 支部书记,主持 / 组长(主持) / 组织委员,领誓
_DUTY_CELL = {
    duty: re.compile(rf"(?:^|[,、(]){duty}(?:人|活动|会议)?(?:[,、()]|$)") for duty in ("主持", "领誓")
}
# a row of label:value pairs apart by semicolons (姓名:甲;是否参会:是;备注:支部书记,主持)
_PAIRS_ROW = re.compile(r"^[^:;]{1,8}:[^;]+(?:;[^:;]{1,8}:[^;]*)+;?$")
MAX_DUTY_CELL = 14  # characters of a duty cell: roles and duties, no sentence


def _duty_row(lines: list[Line], finder: PersonFinder, duty: str) -> Value[str] | None:
    """The person of a table row (cells apart by bars, tabs or wide gaps, or label:value pairs apart by
    semicolons) whose duty cell gives the duty (主持, 领誓): the row's one name, else the name right after
    the duty."""
    duty_cell = _DUTY_CELL[duty]
    for line in lines:
        if duty not in line.span.text:
            continue  # (most lines: no duty word anywhere in their paragraph)
        cells = _row_values(line)
        at = next((k for k, c in enumerate(cells) if len(c) <= MAX_DUTY_CELL and duty_cell.search(c)), None)
        if at is None:
            continue
        names = {k: hit for k, c in enumerate(cells) if k != at and (hit := _whole_name(c, finder))}
        if at + 1 in names:
            return _person_value(names[at + 1], line, line.text)
        blank = at + 1 < len(cells) and not cells[at + 1]
        if blank or any(_OTHER_LABEL.match(c) for c in cells) or len(names) != 1:
            continue  # (主持人<TAB><TAB>记录人<TAB>甲: the chair's cell left blank, 甲 is the recorder)
        return _person_value(next(iter(names.values())), line, line.text)
    return None


# another form label in the row, whose value the name may be (记录人 甲)
_OTHER_LABEL = re.compile(
    r"^(?:记录|记录人|记录员|领学|领学人|主讲|主讲人|参会人员|出席人员|缺席人员|列席人员)$"
)


def _row_values(line: Line) -> list[str]:
    """A row's cells, or the values of its label:value pairs (the paragraph's, cut into lines at the
    semicolons)."""
    text = normalize(line.span.text).strip()
    if _PAIRS_ROW.match(text):
        return [pair.split(":", 1)[1] for pair in text.strip(";").split(";")]
    text = line.text.strip().strip(CELL_BARS)
    # (bars and tabs one by one, so that a blank cell between two stays one)
    cells = (
        re.split(rf"[{CELL_BARS}\t]", text)
        if re.search(rf"[{CELL_BARS}\t]", text)
        else TABLE_CELL_GAP.split(text)
    )
    return [normalize(c.strip()) for c in cells] if len(cells) > 1 else []


def _whole_name(cell: str, finder: PersonFinder) -> PersonHit | None:
    """The person a cell names, when the cell is that name and nothing else (同志 or a bracket of
    their posts aside: 甲(支部书记、生产副总))."""
    bare = re.sub(r"[(（][^()（）]{1,16}[)）]$", "", cell).removesuffix("同志")
    hit = finder.resolve(bare)
    return hit if hit is not None and hit.name == bare else None


def _prose_presider(lines: list[Line], finder: PersonFinder) -> Value[str] | None:
    subjects = Subjects(finder, [line.norm for line in lines])
    for line in lines:
        for m in _CHAIR_NAMED.finditer(line.norm):
            doer = subjects.named(_AFTER_NAME.sub("", m["x"]), line.text, fuzzy=_ocr(line))
            if doer is not None:
                return _value(doer, line)
        for m in _CHAIR_ROLE.finditer(line.norm):
            if doer := subjects.before(line.norm, m.start(), line.text, elided=False, fuzzy=_ocr(line)):
                return _value(doer, line)
        for m in _CHAIR_UNDER_X.finditer(line.norm):
            if not _CHAIR_UNDER.search(m.group()) and (
                doer := subjects.named(m["x"], line.text, fuzzy=_ocr(line))
            ):
                return _value(doer, line)
        for m in _CHAIR.finditer(line.norm):
            if line.norm[max(0, m.start() - 1) : m.start()] == "的":  # 在…的主持下: read above
                continue
            start = line.norm.rfind("由", max(0, m.start() - 20), m.start())
            by = line.norm[start + 1 : m.start()] if start >= 0 else ""
            in_clause = bool(by) and not re.search(r"[,;。:]", by)
            # 会议由村支书主持: the one after 由 in the clause, before any subject of an earlier clause
            doer = subjects.named(by, line.text, fuzzy=_ocr(line)) if in_clause else None
            doer = doer or subjects.before(line.norm, m.start(), line.text, elided=False, fuzzy=_ocr(line))
            if doer is None and by and not in_clause:
                doer = subjects.named(by, line.text, fuzzy=_ocr(line))
            if doer is not None:
                return _value(doer, line)
    return _chaired_by(lines, subjects) or _chairing_act(lines, subjects)


# 主持会议的是…当选支部书记的杨世荣 / 主持会议的是支部书记、副局长皇甫振——… / 主持这堂课的是…: the one named last
_CHAIRED_BY = re.compile(
    r"主持(?:本次|这次|这个|今天的?|这|本)?(?:堂|场|次)?(?:会议|活动|党课|大会|会|课|学习)?的(?:是|为)(?P<x>[^,;。:—]{2,40})"
)
# the one who opens the meeting, counts those present or says what it will do, when no 主持 is
# written: X宣布活动开始 / X作开场说明 / X首先清点了到会人数
CHAIRING_ACT = re.compile(
    r"(?:宣布(?:本次|此次|今天的?)?(?:会议|活动|党课|大会|主题党日)?(?:正式)?开始|宣布开会|作(?:了)?开场(?:说明|白)"
    r"|清点(?:了)?到会人数)"
)


def _chaired_by(lines: list[Line], subjects: Subjects) -> Value[str] | None:
    for line in lines:
        for m in _CHAIRED_BY.finditer(line.norm):
            if doer := subjects.described(m["x"], line.text, fuzzy=_ocr(line)):
                return _value(doer, line)
    return None


def _chairing_act(lines: list[Line], subjects: Subjects) -> Value[str] | None:
    for line in lines:
        for m in CHAIRING_ACT.finditer(line.norm):
            if doer := subjects.before(line.norm, m.start(), line.text, elided=False, fuzzy=_ocr(line)):
                return _value(doer, line)
    return None


def _prose_oath_leader(lines: list[Line], finder: PersonFinder) -> Value[str] | None:
    subjects = Subjects(finder, [line.norm for line in lines])
    for line in lines:
        if not OATH_CONTEXT.search(line.norm):
            continue
        for m in _OATH_UNDER.finditer(line.norm):
            if not OATH_CONTEXT.search(m["rest"]):
                continue
            doer = subjects.named(m["x"], line.text, fuzzy=_ocr(line))
            if doer is None and m["x"].rstrip("的") in ("他", "她"):  # 老党员覃世英坐在…,在他的领誓下
                doer = subjects.named_first(line.norm[: m.start()]) or subjects.antecedent(m["x"], line.norm)
            if doer is not None:
                return _value(doer, line)
        for m in _OATH_FOLLOW.finditer(line.norm):
            doer = subjects.named(m["x"], line.text, fuzzy=_ocr(line))
            if doer := doer or subjects.antecedent(m["x"], line.norm, _ocr(line)):
                return _value(doer, line)
        for m in _OATH_LED_BY.finditer(line.norm):  # 宣誓是书记X领的 / 我领的誓
            if doer := subjects.named(m["x"], line.text, fuzzy=_ocr(line)):
                return _value(doer, line)
        for m in _OATH_CLEFT.finditer(line.norm):  # 领誓的是支部组织委员、数学组教师X同志
            if doer := subjects.described(m["x"], line.text, fuzzy=_ocr(line)):
                return _value(doer, line)
        for m in _OATH_LEAD.finditer(line.norm):
            if m["o"] is not None and not _OATH_OBJECT.search(m.group()):
                continue
            named = (
                _ROLE_THEN_NAME.match(line.norm, m.end()) if m.group().endswith(("领誓", "领誓人")) else None
            )
            if named and (doer := subjects.named(named["x"], line.text, fuzzy=_ocr(line))):
                return _value(doer, line)  # (前排左一为)领誓人丁守田: the name after the role
            doer = subjects.before(line.norm, m.start(), line.text, fuzzy=_ocr(line))
            if doer is None and line.norm.rfind("由", 0, m.start()) >= 0:
                at = line.norm.rfind("由", 0, m.start())
                doer = subjects.named(line.norm[at + 1 : m.start()], line.text, fuzzy=_ocr(line))
            if doer is None:  # 他站在党旗前领誓: the one the sentence before names
                clause = re.split(r"[,;:]", line.norm[: m.start()])[-1]
                doer = subjects.antecedent(clause, line.norm, _ocr(line))
            if doer is not None:
                return _value(doer, line)
        for m in _OATH_READ_BY.finditer(line.norm):  # 入党誓词由X领读 (no other act of leading it said)
            if (doer := subjects.named(m["x"], line.text, fuzzy=_ocr(line))) and not doer.is_role:
                return _value(doer, line)
    return None


def _ocr(line: Line) -> bool:
    return line.span.via == "ocr"


_OATH_OBJECT = re.compile(r"入党誓词|誓词|宣誓")
# the oath, then who led it said after it: 宣誓是书记X领的 / 重温了入党誓词是副书记X领的 / 我领的誓
_OATH_LED_BY = re.compile(
    r"(?:(?:誓词|宣誓)(?:是|由)|(?<![^,;。]))(?P<x>[^,;。是由]{1,16}?)(?:同志)?领的(?=誓|[,;。]|$)"
)

# the role word and the name right after it, in mid-sentence: (图中左一为)领誓人丁守田
_ROLE_THEN_NAME = re.compile(r"人?(?:是|为)?(?P<x>[^,;。:()的]{2,12}?)(?=[,;。)]|$)")
# who led it, told after 的是: 领誓的是…X同志
_OATH_CLEFT = re.compile(r"领誓(?:人)?的(?:是|为)(?P<x>[^,;。:—]{2,40})")


def recorder(lines: list[Line], finder: PersonFinder) -> Value[str] | None:
    return find_person(lines, RECORDER, finder)


def oath_taken(lines: list[Line]) -> Value[bool] | None:
    for line in lines:
        m = OATH_TAKEN.search(line.norm)
        if (
            m
            and not _PLANNED.search(line.norm[: m.start()])
            and not _NOT_DONE.match(line.norm[m.end() :])
            and not _NOT_DONE_BEFORE.search(line.norm[: m.start()])
            and not other_oath(line.norm)
        ):
            return Value(True, [Evidence.of(line.span, line.text)], line.span.confidence)
    return None


# a form's field saying the oath was not taken (重温入党誓词:否 / :无), or a sentence saying so (没有重温…)
_NOT_DONE = re.compile(
    r"^:?(?:(?:这次|本次|此次|今天|这回)?(?:没有?|未)(?:搞|进行|开展|做|重温|安排)(?!.{0,3}(?:完|好))"
    r"|(?:否|无|没有)(?=[,;。]|$))"
)  # …:否 / 重温入党誓词这次没有搞
_NOT_DONE_BEFORE = re.compile(r"(?:没有?|未|不)(?:搞|进行|开展|安排|组织)?$")  # (这次会上没搞重温入党誓词)
# an oath that is not the party's (安全生产宣誓 / 廉洁从业宣誓 / 南丁格尔誓言), in a sentence not naming the party's
_OTHER_OATH = re.compile(
    r"(?:安全生产|安全|廉洁从业|廉洁|师德|医师|医学生|护士|南丁格尔|法官|检察官|警察|入警|入职|消防|诚信|承诺)"
    r"(?:宣誓|誓言|誓词)"
)


def other_oath(norm: str) -> bool:
    """Whether the sentence's oath is another one than the party's (不是入党誓词)."""
    return _OTHER_OATH.search(norm) is not None and not re.search(r"入党|党旗", norm)


# the oath of a meeting being planned, not taken at this one: 定9月主题党日:…现场重温入党誓词 (or
# said not to be taken at this one: 本次不安排重温入党誓词)
# (研究10月主题党日安排:时间定在…,内容为重温入党誓词: an agenda item deciding the next one)
# (议定2月主题党日安排在2月24日,…,由X领誓: a date fixed for the next one; 今后…会前明确领誓人: a resolve)
_PLANNED = re.compile(
    r"(?:^|[,;:])(?:初定|暂定|拟定|定|拟|准备|打算|筹备)|下次|下月|下一次|届时|将于|将在|定在|今后|(?:研究|讨论|部署)[^,;。]{0,16}?(?:安排|确定|方案)"
    r"|议定|商定|安排在(?:本月|下月|\d{1,2}月|\d{1,2}日)"
    # a month's meeting fixed for a day (3月主题党日定于3月22日下午开展,内容为…)
    r"|\d{1,2}月份?[^,;。]{0,8}?(?:定于|安排于|计划于)"
    # an agenda item deciding a later activity (研究七一活动:组织全体党员…重温入党誓词,X负责联系车辆)
    r"|(?:研究|讨论|谋划)[^,;。:]{0,10}?(?:活动|安排|工作|计划|方案):"
    # a later month's content decided (确定3月份主题党日内容:学雷锋志愿服务+重温入党誓词)
    r"|确定[^,;。]{0,16}?(?:内容|安排|议程)|(?:会议)?同意:|\d{1,2}月(?:上旬|中旬|下旬)"
    # none at this one (本次党小组会不安排重温入党誓词,放在…主题党日统一进行)
    r"|不安排|未安排|没有安排|没安排|不进行|暂不|不再"
    # a proposal for it (卢志强提出结合"七一"组织党员…重温入党誓词), or a reminder to prepare it
    # (提醒两名同志认真准备入党宣誓)
    r"|(?:提出|提议|建议|提醒|叮嘱|嘱咐|督促|要求)[^,;。]*$|(?:认真|做好|抓紧)?准备(?:好)?[^,;。]{0,4}$"
)
