"""Corrections written into a record after it: the counts and names a correction states are the record's.

A secretary who finds a figure wrong after the meeting writes the correction below the record
rather than rewriting it (``更正：经核对签到表，实到人数应为27人，原记录有误。`` / ``更正说明：…“实到人数”一栏误
填为31人。经核对签到簿，当晚实到党员29人，缺席4人`` / ``更正后缺席5人``). The correction's paragraph, from
its first sentence that says so onwards, is read for counts on its own; each count it states
replaces the record's, the others stay as written (a correction of 实到 alone that leaves 缺席 as it
was is then what the rules check: 应到 = 实到 + 缺席 may no longer hold); when they then no longer add
up although they did before and the correction speaks of a count it gives no figure for, that count
may be stale and is doubted, not trusted. A name written wrongly and
corrected (``主持人姓名误写为“欧阳静殊”，应为“欧阳静姝”``) is read as corrected wherever the record writes it.
"""

from __future__ import annotations

import dataclasses
import re

from core.models import Absentee, Evidence, Value
from extractors.fields import attendance
from extractors.fields.leave_words import TAKEN_BACK
from extractors.fields.numbers import NUM
from extractors.layout.lines import Line
from extractors.layout.spoken import CORRECTION_SAID
from extractors.text.normalize import edit_distance

# a correction said aloud and typed from speech: what follows it stands (实到十五个,哦不对不对,实到是十六个)
_SPOKEN = re.compile(
    rf"(?:哦|噢|啊|呃|嗯|哎呀|哎)?,?我?(?:不对不对|[说数搞弄看记算写听点]错了|口误|纠正一下|重新(?:数|点|清点|核对)了?一下"
    rf"|不对,?(?=是|应该)|不是,?(?=是)|应该是(?={NUM}))"
    rf"|(?<=[个人名],)(?:哦|噢|啊|呃|嗯),?(?:不对|不是|不)?,?(?=是{NUM}|{NUM})"  # 二十八个,哦,是二十七个
)
# a count written wrongly and the figure that stands instead: 记录簿“实到人数21人”系漏计严子衿,以签到表22人为准
_STANDS = re.compile(
    rf"(?P<label>应到|实到|缺席|请假)(?:人数)?[^。;]{{0,24}}?以[^,;。]{{0,8}}?(?P<n>{NUM})(?:人|名)为准"
)
# a sentence that corrects what was written: 更正 / 误填 / 有误, a count said to be another (实到人数应为17人,
# 缺席改为2人; not 党员应为群众…: everyday 应为), or a correction said aloud
_CORRECTING = re.compile(
    r"更正|订正|勘误|误填|误写|误记|笔误|有误|填错|写错|补记"
    rf"|{CORRECTION_SAID}(?=:|,|$)"  # a second message correcting the first
    r"|(?:应到|实到|缺席|请假|人数|出席|参会|到会)[^,;。]{0,6}?(?:应为|应是|改为|更改为|修改为)\d|"
    + _SPOKEN.pattern
    + "|"
    + _STANDS.pattern
)
# the correcting words, so the count patterns read the figure they give: 实到人数应为27人 -> 实到人数为27人;
# 实到由28人改为27人 -> 实到为27人; 更正后缺席5人 -> 缺席5人
_CORRECTED_TO = re.compile(r"(?:由\d{1,3}(?:人|名)?)?(?:应|更正|订正|更改|修改|改)(?:为|是)")
_AFTER_CORRECTION = re.compile(r"(?:更正|订正|修改|更改)后(?:的)?")
# what the original said, in the correction's words: 原记录实到31人 / 原填的31人 / 误填为31人 / the quoted
# words a correction replaces
_ORIGINAL = re.compile(
    r"(?:原(?:记录|记|填|写|来)的?|误(?:填|写|记)(?:为|成)?)[^,;。]*"
    r"|[“\"][^“”\"]{1,20}[”\"](?=(?:应|更正|订正|更改|修改|改)?(?:为|是))"  # 第5行“实到17人”应为“实到18人”
)

Counts = tuple[Value[int] | None, Value[int] | None, Value[int] | None]


def corrected(lines: list[Line], counts: Counts) -> Counts:
    """``counts`` (应到, 实到, 缺席) with each count a correction states in its place."""
    said = correction_lines(lines)
    if not said:
        return counts
    found = (attendance.expected(said), attendance.actual(said), attendance.absent(said))
    out = tuple(new if new is not None else old for old, new in zip(counts, found, strict=True))
    speaks = [i for i, words in enumerate(_SPEAKS_OF) if any(words.search(ln.norm) for ln in said)]
    if _held(out) is False:  # a count left as written that the correction speaks of
        out = tuple(
            dataclasses.replace(old, confidence=min(old.confidence, STALE_CONFIDENCE))
            if old is not None and new is None and i in speaks
            else value
            for i, (old, new, value) in enumerate(zip(counts, found, out, strict=True))
        )
    return out  # type: ignore[return-value]


# A count a correction left as written although the counts then no longer add up, when the correction
# speaks of it without a figure read (上面说缺两个不对,…实到是十二个,缺的就柴有根一个: 缺席 still reads 2):
# it may be stale, never trusted (the rules say unknown rather than fail on it). A correction silent on it
# (实到人数应为27人) leaves it standing.
STALE_CONFIDENCE = 0.5
_SPEAKS_OF = (
    re.compile(r"应到|应参加|应出席"),
    re.compile(r"实到|到会|参会|出席"),
    re.compile(r"缺|请假|没来|没到|未到"),
)


def _held(counts: tuple[Value[int] | None, ...]) -> bool | None:
    """Whether 应到 = 实到 + 缺席 (None unless all three are read)."""
    expected, actual, absent = counts
    if expected is None or actual is None or absent is None:
        return None
    return expected.value == actual.value + absent.value


# the count a spoken correction corrects, and the figure it gives instead (实到二十八个,不对,是二十七个)
_LAST_COUNT = re.compile(
    rf"(?P<label>应到|实到|到会|参会|出席|缺席|请假)(?:的|人数|是|为|了)?{NUM}(?!.*(?:应到|实到|到会|参会|出席|缺席|请假))"
)
_NEW_FIGURE = re.compile(rf"^,?[^,;。\d零〇一二两三四五六七八九十]{{0,6}}?(?P<n>{NUM})")


def correction_lines(lines: list[Line]) -> list[Line]:
    """The sentences of correcting paragraphs, the correcting words read as the figure they give and
    what the original said left out; of a sentence corrected aloud, what follows the correction."""
    out = []
    for line in _correcting(lines):
        norm = _STANDS.sub(lambda m: f"{m['label']}为{m['n']}人", line.norm)
        norm = _ORIGINAL.sub("", _AFTER_CORRECTION.sub("", _CORRECTED_TO.sub("为", norm)))
        spoken = list(_SPOKEN.finditer(norm))
        out.append(dataclasses.replace(line, norm=_said_last(norm, spoken[-1]) if spoken else norm))
    return out


def _said_last(norm: str, spoken: re.Match[str]) -> str:
    """What a sentence corrected aloud says after the correction; a bare figure there takes the
    label of the count it corrects (实到二十八个,不对,是二十七个: 实到二十七个)."""
    before, after = norm[: spoken.start()], norm[spoken.end() :]
    label, figure = _LAST_COUNT.search(before), _NEW_FIGURE.match(after)
    if label is None or figure is None:
        return after  # (实到是十六个: a figure with its own label)
    return f"{label['label']}{figure['n']}人{after[figure.end() :]}"


def _correcting(lines: list[Line]) -> list[Line]:
    """The sentences of correcting paragraphs, from the first that corrects."""
    out: list[Line] = []
    spans: set[int] = set()
    for line in lines:
        if id(line.span) in spans or _CORRECTING.search(line.norm) is not None:
            spans.add(id(line.span))
            out.append(line)
    return out


_QUOTE = "[「」“”\"『』‘’']?"
# a name written wrongly and what it should be: 误写为“甲”,应为“乙” / 将甲更正为乙 / 甲应为乙
_NAME_FIXED = re.compile(
    rf"(?:(?:误写|误填|误记|写错|错写|笔误)(?:为|成)?|将|把){_QUOTE}(?P<x>[\u4e00-\u9fff·]{{2,6}}?){_QUOTE},?"
    rf"(?:应为|应是|实为|更正为|改为){_QUOTE}(?P<y>[\u4e00-\u9fff·]{{2,6}}?){_QUOTE}(?=[,;。]|$)"
)


def names_corrected(lines: list[Line]) -> list[Line]:
    """``lines`` with each name a correction fixes (a character or two) written as fixed, outside the
    correction itself."""
    fixes = {
        m["x"]: m["y"]
        for line in _correcting(lines)
        for m in _NAME_FIXED.finditer(line.norm)
        if m["x"] != m["y"] and abs(len(m["x"]) - len(m["y"])) <= 1 and edit_distance(m["x"], m["y"]) <= 2
    }
    if not fixes:
        return lines
    pattern = re.compile("|".join(re.escape(x) for x in sorted(fixes, key=len, reverse=True)))
    return [
        line
        if _CORRECTING.search(line.norm) or not pattern.search(line.norm)
        else dataclasses.replace(line, norm=pattern.sub(lambda m: fixes[m.group()], line.norm))
        for line in lines
    ]


# a member a correction says came after all: 祁德旺会开到一半赶回来了,补签了到 (not 没赶回来)
_CAME = re.compile(r"(?<![未没不])(?:赶回来|赶回|赶到|赶来|补签|到会|到场|来了|到了|参加了|参会了)")


def arrived(lines: list[Line], absentees: list[Absentee]) -> list[Absentee]:
    """``absentees`` without those a correction says came after all (the correction's counts are
    read by :func:`corrected`)."""
    said = [line.norm for line in _correcting(lines)]
    came = {a.name for a in absentees if a.name and any(_came(norm, a.name) for norm in said)}
    return [a for a in absentees if a.name not in came]


def _came(norm: str, name: str) -> bool:
    """The clause after ``name`` in a correction says they came, and its sentence does not say they
    were away (祁德旺原记为到会,应为缺席)."""
    at = norm.find(name)
    sentence = re.split(r"[;。]", norm[at + len(name) :], maxsplit=1)[0] if at >= 0 else ""
    clause = sentence.split(",", 1)[0]
    return _CAME.search(clause) is not None and re.search(r"缺席|请假|未到|没到|没来", sentence) is None


# a correction taking an absentee's reason back: 改一下:甲不是请了假的,她没来也没跟我们说,不晓得什么原因
_WITHDRAWN = re.compile(rf"{TAKEN_BACK}|没(?:有)?请假|未请假|原因不明")


def reasons_withdrawn(lines: list[Line], absentees: list[Absentee]) -> list[Absentee]:
    """``absentees`` with the reason of each one a correction says gave none taken off, the correction quoted."""
    said = _correcting(lines)
    out = []
    for a in absentees:
        line = next((ln for ln in said if a.name and a.name in ln.norm and _withdraws(ln.norm, a.name)), None)
        out.append(
            a if line is None else Absentee(a.name, None, [*a.evidence, Evidence.of(line.span, line.text)])
        )
    return out


def _withdraws(norm: str, name: str) -> bool:
    return _WITHDRAWN.search(norm[norm.index(name) :]) is not None
