"""The 党课 given at the meeting: who lectured and on what title.

``X以《…》为题讲授专题党课``, ``X为全体党员上了一堂…党课``, ``党课由X主讲``, ``主讲人:X``,
``X上专题党课,《…》``, ``特邀…X授课``, ``X以《…》为题授课``. The lecturer is the subject of the lecture verb (``grammar``);
the title is the 《…》 or “…” of the lecture sentence, else the record's ``题目:`` label, else the first
line of the manuscript page appended below the record (``appended``), None when none names it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from core.models import Evidence
from extractors.fields.appended import manuscript, record_only
from extractors.fields.grammar import Subjects
from extractors.fields.people import PersonFinder
from extractors.layout.lines import Line

_LECTURE = re.compile(r"党课")
# (its colon may be a gap the normalising took away: 主 讲 人　局长 符振邦)
_LABEL = re.compile(
    r"^(?:主讲人?|授课人?|讲课人|讲授人|宣讲人|主讲老师|授课老师|(?=党课:)党课):?(?P<x>[^,;。:]{2,30})"
)
_BY = re.compile(r"由(?P<x>[^,;。由在:]{2,14}?)(?:同志)?(?:主讲|讲授|宣讲)")
# giving a lecture, in any words: 授课 / 讲了一课 / 作专题辅导 / 作辅导报告
_LECTURED = (
    r"授课|讲课|讲授|宣讲|主讲|(?:讲|上)了一(?:堂|次|场)?[^,;。]{0,12}?课|(?:作|做)了?(?:一场|一次)?(?:专题)?(?:辅导报告|辅导|报告|讲座)"
    r"|来讲(?=[,;。]|$)"  # 请的是…X来讲: the one asked to come and speak
)
# 特邀市委党校讲师X授课 / 邀请X同志授课 / 特邀…X为支部党员授课 / 邀请…X作辅导报告: the one invited to teach
_TEACHES = re.compile(
    rf"(?:邀请|特邀|请来|请到|请的是|请)(?P<x>[^,;。由在:]{{2,24}}?)(?:同志)?,?(?:在[^,;。]{{2,20}}?)?(?:[为给向][^,;。]{{1,12}}?)?"
    rf"(?:{_LECTURED})"  # (请来…副教授X,在报告厅给支部党员上了一堂…党课: where, then the lecture)
)
# a lecture told by its verb alone, no 党课 in the sentence: 支部书记X主讲,题目是“…”
# (not 王教授课题组, not 第一期由X主讲: a plan; not X主讲,领学《…》: the study it was)
_TAUGHT = re.compile(
    r"(?<!教)(?<!线上)(?<!网上)(?<!在线)(?<!网络)(?:主讲|授课)(?!人|题)(?![^,;。]{0,2}[,;]?领学)"
)
_NOT_TAUGHT_HERE = re.compile(r"由|下次|下期|下月|第[一二三]期|今后|将|计划|拟")


def _taught(norm: str) -> list[re.Match[str]]:
    """Where the sentence tells a lecture by its verb alone, its clause no 由X主讲 (the lecture
    sentences' own reading) and no plan (第一期由X主讲 / 下次请X授课)."""
    return [
        m
        for m in _TAUGHT.finditer(norm)
        if not _NOT_TAUGHT_HERE.search(re.split(r"[,;。]", norm[: m.start()])[-1])
    ]


# the title under its label: 题目:… / 党课题目:… / 党课主题为…
_TITLE_LABEL = re.compile(
    r"(?:党课)?(?:题目|标题|课题(?!组)|主题(?!党日|教育|活动|实践))(?:为|是|叫)?:?(?P<t>《[^》]{2,60}》|[^,;。:]{2,60})"
)
# a manuscript page's lines that are no title: the author, a unit, a date, an outline's heading
_NOT_TITLE = re.compile(r"\d{4}年|^\d{1,2}月|^[一二三四五六七八九十]+、|^\(|同志$|^[^\u4e00-\u9fff]*$")
# the act, up to the word 党课 in the same clause: 以…为题讲授 / 为全体党员上了一堂 / 作了…
_ACT = re.compile(
    r"(?:以|围绕|结合|就|为全体|为大家|为与会|给)?[^,;。]{0,40}?(?:讲授|讲了|上了|上|作了|做了|作(?=《)|带来了|主讲|宣讲|讲)"
    r"(?:[^,;。]{0,30}?党课|(?<=讲授|主讲|宣讲)(?=《))"  # (党课由…主持,X讲授《…》: the title right after)
)
# the title the lecture was given on (以“…”为题), before any other in quotes: an activity's name
# (开展“书记讲党课”活动,X以“…”为题…)
_ON_TITLE = re.compile(r"以(?:《(?P<t>[^》]{2,60})》|[\"“](?P<q>[^\"”。]{2,40})[\"”])为题")
# 以《…》为题(为支部党员)授课: a lecture on a title, whether or not the sentence says 党课
# / 以“…”为题作专题辅导 / 以《…》为题作辅导报告 / 以“…”为题,给支部党员…讲了一课
_THEMED = re.compile(rf"{_ON_TITLE.pattern},?(?:[为给向][^,;。]{{1,30}}?)?(?:{_LECTURED})")
_HEAD = re.compile(
    r"(?:前来|来)(?=[给为向])|以|围绕|结合|就|为|给|讲授|讲了|上了|上|作了|做了|作(?=《)|带来了|主讲|宣讲|讲"
    r"|(?:来到|到|赴|走进|深入)(?=[^,;。]{1,10}?(?:讲授|讲了|上了|作了|做了|主讲|宣讲))"  # X到支部讲授: where they came
)
_TITLE = re.compile(r"《(?P<t>[^》]{2,60})》|[\"“](?P<q>[^\"”。]{2,24})[\"”]")


@dataclass(frozen=True)
class Lecture:
    lecturer: str | None
    title: str | None
    evidence: list[Evidence]


def lecture(lines: list[Line], finder: PersonFinder) -> Lecture | None:
    lines = [_without_planned(_commas_kept(line)) for line in lines]
    record = record_only(lines)
    subjects = Subjects(finder, [line.norm for line in record])
    about = any(_LECTURE.search(line.norm) for line in record)
    told = (
        (line, name)
        for line in record
        if _tells(line.norm, about) and (name := _lecturer(line, subjects, finder, about)) is not None
    )
    tellings = list(told)
    if not tellings:
        return None
    line, name = _best_telling(tellings)
    return Lecture(name, _title(line, name, record, lines), [Evidence.of(line.span, line.text)])


def _tells(norm: str, about: bool) -> bool:
    """The sentence may tell the lecture: it says 党课, labels the lecturer, tells a lecture on a
    title; in a record telling a 党课, also one who was asked to give it or spoke on a title (请的是
    …X来讲 / X以“…”为题,讲了…)."""
    if _LECTURE.search(norm) or _LABEL.match(norm) or _THEMED.search(norm) or _taught(norm):
        return True
    return about and bool(_TEACHES.search(norm) or _ON_TITLE.search(norm))


def _best_telling(tellings: list[tuple[Line, str]]) -> tuple[Line, str]:
    """The telling that names the lecturer, not only by office (书记讲党课 in a headline: the story
    tells it); a label's or one on a title (主讲:X / X以“…”为题讲…) before a bare act, which a
    sentence of where and when may seem to tell (镇机关一支部在…上微党课)."""
    named = [(ln, n) for ln, n in tellings if _names(ln, n)] or tellings
    firm = (t for t in named if _LABEL.match(t[0].norm) or _ON_TITLE.search(t[0].norm))
    return next(firm, named[0])


def _title(line: Line, name: str, record: list[Line], lines: list[Line]) -> str | None:
    """A form's title field, else the title the lecture was given on (以“…”为题) or any in its
    telling, else in another sentence telling it, else the record's title label anywhere, else the
    manuscript's first line."""
    if (field := _labelled_title(record, heading=True)) is not None:
        return field  # 党课题目:“…” (a form's field, over a quote in the telling: 从“…”讲起)
    t = _themed_title(line.norm) or _title_told(record, name)
    return (t["t"] or t["q"]) if t else _labelled_title(record) or _manuscript_title(manuscript(lines))


# a title's own commas (《学纪知纪明纪守纪，做遵规守纪的明白人》): kept full-width, so no clause ends there
_BRACKETED = re.compile(r"《[^》]{2,60}》|“[^“”]{2,40}”|\"[^\"]{2,40}\"")


# a lecture planned for a later month: 会议明确:…,5月份由X讲授专题党课,6月份组织…
_PLANNED_LECTURE = re.compile(
    r"(?:^|(?<=[,;:]))(?:[一二三四五六七八九十\d]{1,2}月份?|下月|下个月|届时|计划|拟|将)(?:由|请)[^,;。]{1,16}?党课[^,;。]*"
)


def _without_planned(line: Line) -> Line:
    norm = _PLANNED_LECTURE.sub("", line.norm)
    return line if norm == line.norm else dataclasses.replace(line, norm=norm)


def _commas_kept(line: Line) -> Line:
    if not any(mark in line.norm for mark in '《“"'):
        return line
    norm = _BRACKETED.sub(lambda m: m.group().replace(",", "，"), line.norm)
    return line if norm == line.norm else dataclasses.replace(line, norm=norm)


def _themed_title(norm: str) -> re.Match[str] | None:
    """The title a telling gives: the one it was given on, else the first in marks that names no
    activity (开展“书记讲党课”) and is no starting point (从“一张餐票…”讲起)."""
    return _ON_TITLE.search(norm) or next(
        (
            t
            for t in _TITLE.finditer(norm)
            if not (t["q"] and t["q"].endswith("党课")) and not norm[: t.start()].endswith("从")
        ),
        None,
    )


def _title_told(lines: list[Line], name: str) -> re.Match[str] | None:
    """The title in a sentence telling the lecture that names its lecturer, when the line the
    lecturer was read from gives none (讲课人:…X, then X以“…”为题讲党课)."""
    for line in lines:
        told = _names(line, name) and (
            _THEMED.search(line.norm) or _ACT.search(line.norm) or _ON_TITLE.search(line.norm)
        )
        if told and (t := _themed_title(line.norm)):
            return t
    return None


def _names(line: Line, name: str) -> bool:
    return name in line.norm or name in line.text


def _labelled_title(lines: list[Line], heading: bool = False) -> str | None:
    """The value of a title label; a quoted title later in its sentence first (题目是她自己定的:“…”).
    ``heading``: only a label opening its line (a form's field)."""
    for line in lines:
        for m in _TITLE_LABEL.finditer(line.norm):
            if m.start() == 0 or (not heading and line.norm[m.start() - 1] in ",;。:"):
                quoted = _QUOTED.match(line.norm, m.end("t"))
                return quoted["q"] if quoted else _unbracketed(_to_line_end(line.norm, m))
    return None


def _to_line_end(norm: str, m: re.Match[str]) -> str:
    """A label's value at the head of its line runs to the line's end, its commas part of the title
    (题目:新法落地,民企党员怎么干)."""
    rest = norm[m.start("t") :].rstrip("。")
    return rest if m.start() == 0 and len(rest) <= MAX_TITLE and not re.search(r"[;。:]", rest) else m["t"]


MAX_TITLE = 60


def _unbracketed(title: str) -> str:
    """The title without the one pair of marks around it (《以…护航“六稳”“六保”》 keeps its inner quotes)."""
    for left, right in (("《", "》"), ("“", "”"), ('"', '"')):
        if title.startswith(left) and title.endswith(right) and len(title) > 2:
            return title[1:-1]
    return title


_QUOTED = re.compile(r":?[\"“](?P<q>[^\"”]{2,60})[\"”]")


def _manuscript_title(page: list[Line]) -> str | None:
    """The manuscript's title: its first line, with the subtitle on the line after it (——…)."""
    lines = [line.norm for line in page[:3]]
    if not lines or _NOT_TITLE.search(lines[0]):
        return None
    title = lines[0].strip('《》“”"')
    return title + lines[1] if len(lines) > 1 and lines[1].startswith("——") else title


def _lecturer(line: Line, subjects: Subjects, finder: PersonFinder, about: bool) -> str | None:
    for pattern in (_LABEL, _BY, _TEACHES):
        m = pattern.search(line.norm)
        if m is None:
            continue
        if (hit := finder.resolve(m["x"])) is not None:
            return hit.name
        if (doer := subjects.named(m["x"], line.text, roles=False)) is not None:
            return (
                doer.name
            )  # 主讲人:殷鹤鸣(院党委副书记) / 镇党委书记阙鸿远(…): titles and brackets around it
    for m in [*_ACT.finditer(line.norm), *_THEMED.finditer(line.norm)]:
        for head in _HEAD.finditer(line.norm, m.start(), m.end()):  # where the subject ends
            doer = subjects.before(line.norm, head.start(), line.text, roles=False)
            if doer is not None:
                return doer.name
    for m in _taught(line.norm):  # 支部书记X主讲,题目是“…”
        if (doer := subjects.before(line.norm, m.start(), line.text, roles=False)) is not None:
            return doer.name
    on = _ON_TITLE.search(line.norm)  # 预备党员X以“…”为题,讲了…: in a record telling a 党课
    if on is not None and about:
        doer = subjects.before(line.norm, on.start(), line.text, roles=False)
        return doer.name if doer is not None else None
    return None
