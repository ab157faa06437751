"""Verbatim minutes: who said what, as the recorder took it down (``侯永年：现在开会。…``).

A speech line names its speaker before a colon (``汤玉珍：``, ``陶书记：``, ``主持人（侯永年）：``,
``15:37 许德华：``); the sentences after it in the same paragraph are the same speaker's. What a
speaker does in the first person is written again in the third person, the way the other readers
read prose: ``汤玉珍：我给大家读一下《…》`` is ``汤玉珍领学《…》``, and the speaker who opens the
meeting (``现在开会``) or is marked as chairing (``侯永年（主持）：``) presided. The sentence as
written stays the evidence.

A transcript made by a meeting tool heads its turns with a label (``[00:03:40] 发言人2：``,
``说话人1 [00:00:06]：``, or ``说话人1　00:00:08`` on a line of its own with the words in the paragraph
after it); the record's key says who a label is (``说话人1为支部书记丰立珩`` / ``符承仁（发言人1）``), and
a turn whose label the key does not name is nobody's. 我来主持 and 跟着我宣誓 in a turn are its
speaker presiding and leading the oath.
"""

from __future__ import annotations

import dataclasses
import re

from extractors.fields.people import SURNAME_TITLE, PersonFinder
from extractors.fields.writer import person_opening
from extractors.layout.lines import Line, is_label

# the speaker and the colon: 汤玉珍: / 陶书记: / 宣传委员甘志明: / 主持人(侯永年): / 侯永年(主持): / 15:37 许德华: /
# a chat's message, its date and time in brackets: [2023年4月20日 12:42] 胡建业:
_SPEAKER = re.compile(
    r"^(?:\[?(?:\d{4}[年/.-]\d{1,2}[月/.-]\d{1,2}日?\s*)?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?(?P<who>[\u4e00-\u9fff·]{2,12}?)(?:\((?P<role>[\u4e00-\u9fff·、]{1,12})\))?:(?P<said>.*)$"
)
_CHAIR_ROLE = re.compile(r"^(?:会议)?主持(?:人)?$")
# words of a heading before what only looks like a name at its end (会议两项内容: / 本次议程三项:)
_TOPIC_BEFORE = re.compile(r"会议|议程|议题|内容|程序|活动|事项|[一二两三四五六七八九十\d]项")
# the first person leading the study of a material: 我给大家读一下《…》 / 我领大家学《…》 / 今天学《…》 /
# 先学习。我给大家念《…》 / 我挑《…》里的几条 (not 我今天讲的题目是《…》: a lecture's title)
_LEADS_STUDY = re.compile(
    r"^(?:[^《。;]{0,16}[,。])?(?:今天|先|下面|接下来)?(?:由)?我?(?:来)?(?:给大家|带大家|领大家|和大家|跟大家|带着大家)?"
    r"(?:领学|学习|学|读|念|领读|讲讲|讲|解读|挑)(?:一下|一段|一遍)?(?:了)?(?:这个|这份|这篇|这部)?(?P<rest>《.*)$"
)
# the speaker opens or closes the meeting: 现在开会 / 同志们,开会了 / 下面开始 / 散会
_OPENS_MEETING = re.compile(
    r"^(?:同志们|各位|大家)?[,!。]?(?:好[,!。]?)?(?:[^,。]{0,10},)?(?:我们|咱们)?(?:现在|下面|那么|那)?(?:开会|开始开会|正式开会|开始)(?:了|吧)?(?=[,。!;]|$)"
    r"|^(?:[^。]{0,10}[,。])?散会"
)


# a meeting tool's speaker label, and its turn's head: [00:03:40]发言人2: / 说话人1[00:00:06]: / 说话人1 00:00:08
_LABEL = r"(?:说话人|发言人|讲话人|用户)\s?\d{1,6}"
_TIME = r"\[?\d{1,2}:\d{2}(?::\d{2})?\]?"
_TURN = re.compile(
    rf"^\s*(?:{_TIME}\s*(?P<a>{_LABEL})\s*[:：]|(?P<b>{_LABEL})\s+{_TIME}\s*(?:[:：]|$)|(?P<c>{_LABEL})\s*{_TIME}\s*[:：])(?P<said>.*)$"
)
# the record's key to its labels: 说话人1为支部书记丰立珩 / 发言人2是老党员贺秉春 / 符承仁(发言人1)
_KEY = re.compile(
    rf"(?P<label>{_LABEL})(?:为|是|即|=|:)(?P<who>[^,;。、()]{{2,20}})"
    rf"|(?P<named>[\u4e00-\u9fff·]{{2,12}})\((?:即|为)?(?P<label2>{_LABEL})\)"
)
# the speaker presides or leads the oath: 今天还是我来主持 / 那我主持一下 / 跟着我宣誓 / 跟我念
_CHAIRS_SELF = re.compile(r"我(?:来)?主持")
_LEADS_OATH = re.compile(r"跟(?:着)?我(?:一起)?(?:宣誓|念|读)")


@dataclasses.dataclass(frozen=True)
class Speech:
    """A speaker's sentence: who spoke (as named) and what they said in it."""

    who: str
    said: str
    chairs: bool  # marked as the one chairing (侯永年(主持): / 主持人(侯永年):)
    # a meeting tool's turn, its speaker named by the key (not 王委员:, a letter's addressee)
    turn: bool = False


def speeches(lines: list[Line], finder: PersonFinder) -> list[Speech | None]:
    """Per line, the speech it is part of, or None: a speech goes on in its paragraph's sentences."""
    out: list[Speech | None] = []
    current: Speech | None = None
    key: dict[str, str] | None = None
    head_alone = False  # the turn's head stood on a line of its own: its words are the next paragraph
    for line in lines:
        turn = _TURN.match(line.text)
        if turn is not None:
            key = _key(lines, finder) if key is None else key
            who = key.get(_unspaced(turn["a"] or turn["b"] or turn["c"]))
            said = _unspaced(turn["said"])
            current = Speech(who, said, False, turn=True) if who else None
            head_alone = not said
        elif (opened := _speech(line.norm, finder)) is not None:
            current, head_alone = opened, False
        elif current is not None and out and (head_alone or _same_paragraph(line, lines[len(out) - 1])):
            current = Speech(current.who, line.norm, current.chairs, current.turn)
            head_alone = False
        else:
            current = None
        out.append(current)
    return out


def _unspaced(text: str) -> str:
    return re.sub(r"\s", "", text)


def _key(lines: list[Line], finder: PersonFinder) -> dict[str, str]:
    """The names the record's key gives its speaker labels."""
    out: dict[str, str] = {}
    for line in lines:
        for m in _KEY.finditer(line.norm):
            label = _unspaced(m["label"] or m["label2"])
            name = person_opening(m["named"] or m["who"], finder)
            if name and label not in out:
                out[label] = name
    return out


def _same_paragraph(line: Line, before: Line) -> bool:
    return line.span is before.span


def _speech(norm: str, finder: PersonFinder) -> Speech | None:
    m = _SPEAKER.match(norm)
    if m is None:
        return None
    if is_label(m["who"]):
        if not (_CHAIR_ROLE.match(m["who"]) and m["role"]):
            return None  # (时间: / 会议内容: are no speakers)
        who, chairs = m["role"], True  # 主持人(侯永年):
    else:
        who, chairs = m["who"], bool(m["role"] and _CHAIR_ROLE.match(m["role"]))
    hit = finder.resolve(who)
    before = len(who) - len(hit.name) if hit is not None and who.endswith(hit.name) else -1
    if before in (-1, 1) and not SURNAME_TITLE.match(
        who
    ):  # (no name at its end; one stray character before it)
        return None  # (会议内容: / 议程二: are no speakers; 宣传委员甘志明: / 陶书记: are)
    if before > 1 and _TOPIC_BEFORE.search(who[:before]):
        return None  # (会议两项内容: a heading whose last words look like a name)
    return Speech(who, m["said"], chairs)


def in_third_person(lines: list[Line], finder: PersonFinder) -> list[Line]:
    """``lines`` with a speaker's study lead and chairing written as prose (see the module)."""
    out: list[Line] = []
    for line, speech in zip(lines, speeches(lines, finder), strict=True):
        norm = _prose(speech) if speech is not None else None
        out.append(dataclasses.replace(line, norm=norm) if norm else line)
    return out


def _prose(speech: Speech) -> str | None:
    if (led := _LEADS_STUDY.match(speech.said)) is not None:
        return f"{speech.who}领学{led['rest']}"
    if (
        speech.chairs
        or _OPENS_MEETING.search(speech.said)
        or (speech.turn and _CHAIRS_SELF.search(speech.said))
    ):
        return f"{speech.who}主持会议。{speech.said}"
    if speech.turn and _LEADS_OATH.search(speech.said):
        return f"{speech.who}领誓。{speech.said}"
    return None
