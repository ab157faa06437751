"""Who is 我 in a first-person record (我主持的 / 主持是我): a record written or dictated by one of
the people in it names its writer somewhere:

    我就是支部书记甲 / 我是支部书记甲 / 我叫甲 / 我(支部书记甲) / 我甲主持的   the writer says who they are
    2024-06-28 18:20 甲:…我主持                                   the speaker of a chat message
    环卫站 甲 / ——甲 / (所党支部 甲)                               a signature under the text

The speaker of the message the sentence is in comes first, then the writer's own words, then a
signature; without one of them 我 is nobody the reader can name.
"""

from __future__ import annotations

import re

from core.models import Evidence, Value
from extractors.fields.people import (
    PersonFinder,
    after_last_title,
    guess_name,
    leading_guess,
    strip_titles,
)
from extractors.layout.lines import Line
from extractors.text.normalize import normalize

WRITER_CONFIDENCE = 0.9  # 我 resolved through another sentence: a reading, not the name written there

# a chat message's head: [2023年4月20日 12:41] 甲: / 2024-06-28 18:20 甲: / 组织委员-甲:
_SPEAKER = re.compile(
    r"^\s*(?:\[[^\]]{4,30}\]|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?)\s*"
    r"(?P<who>[^:：\[\]]{2,14}?)\s*[:：]"
)
# (the bracket a few words after 我: 由我这个支部书记(梅景川)来主持 / 由我主持(支部书记严守田))
# (the name said right after 我, then an act of the meeting: 我汤运来主持的)
_SELF = re.compile(  # (俺: I, in northern speech: 会是俺主持的(支部书记甲))
    r"[我俺](?:就|也)?(?:是|叫)(?P<x>[^,;。:!?]{2,16})|[我俺](?![们国])[^,;。:!?()我俺]{0,8}?\((?P<y>[^()]{2,16})\)"
    r"|[我俺](?![们国])(?P<z>[\u4e00-\u9fff]{2,4}?)(?=(?:来)?主持|领学|领誓|带着|带领)"
)
# the title or word a signature may open with (书记:甲 / 组织委员:乙 / 签名:丙)
_SIGNING_TITLE = r"(?:(?:党?支部)?(?:副?书记|组织委员|宣传委员|纪检委员|委员)|党小组长|组长|签名|署名)"
# a signature: a short last line ending with a name (maybe 记 after it), a unit or a dash before it,
# a date after it; after a dash or in brackets it may be longer (——2021年工作手记　某医院护理党支部　甲)
_SIGNED = re.compile(
    rf"^\s*(?:{_SIGNING_TITLE}[:：])?(?:(?:——|—|-|\()\s*(?P<long>[^,;。:!?()]{{2,40}}?)|(?P<x>[^,;。:!?()]{{2,20}}?))\s*(?:记|手记|敬上)?\s*"
    r"(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)?\s*\)?\s*$"
)
SIGNATURE_LINES = 2  # a signature is one of the last lines
# the writer named by a form's label (述职人:甲 / 纪实人:某医院党支部书记　甲 / (填写人:书记　甲)) or by the
# diary's heading (甲同志工作日志 / 甲的工作手记), within the first lines
_WRITER_LABEL = re.compile(
    r"^\(?(?:述职人|纪实人|填写人|填报人|报送人|提交人|日志人|撰写人|执笔人?|汇报人|报告人)[:：](?P<x>[^,;。:!?()]{2,40})"
)
_DIARY_OWNER = re.compile(
    r"^(?P<x>[^,;。:!?()]{2,20}?)(?:同志)?的?(?:工作日志|工作日记|工作手记|工作笔记|民情日记|日记)"
)
HEADING_LINES = 3
# a byline under the heading: the writer's unit and title, then the name (某卫生院党支部书记　甲)
_BYLINE = re.compile(
    r"^[^,;。:!?()\s]{0,24}?(?:书记|委员|支委|组长|主任|负责人)\s*(?P<x>[\u4e00-\u9fff·]{2,5})$"
)


def named_writer(texts: list[str], finder: PersonFinder) -> str | None:
    """The writer the record names in its own words or signs with (``texts``: the normalised
    sentences), for a 我 whose message head is not known."""
    for text in texts:
        if _SELF.search(text) and (name := _self_named(text, finder)) is not None:
            return name
    for text in texts[-SIGNATURE_LINES:][::-1]:
        if _SIGNED.match(text) and (name := _signed_name(text, finder)) is not None:
            return name
    return next((name for text in texts if (name := _labelled(text, finder)) is not None), None) or next(
        (name for text in texts[:HEADING_LINES] if (name := _heading_writer(text, finder)) is not None), None
    )


def _labelled(norm: str, finder: PersonFinder) -> str | None:
    m = _WRITER_LABEL.match(norm)
    return person_opening(re.split(r"\s+", m["x"].strip())[-1], finder) if m else None


def _diary_owner(norm: str, finder: PersonFinder) -> str | None:
    m = _DIARY_OWNER.match(norm)
    return person_opening(m["x"], finder) if m else None


def _heading_writer(text: str, finder: PersonFinder) -> str | None:
    """The writer a heading line names: a diary's owner, or a byline (unit and title, then the name)."""
    m = _BYLINE.match(text)
    return person_opening(m["x"], finder) if m else _diary_owner(text, finder)


def writer(line: Line, lines: list[Line], finder: PersonFinder) -> Value[str] | None:
    """The person 我 is in ``line``, quoting where the name was found."""
    if (found := _speaker(line, finder)) is not None:
        return Value(found, [Evidence.of(line.span, line.text)], WRITER_CONFIDENCE * line.span.confidence)
    labelled = [ln for ln in lines if _WRITER_LABEL.match(ln.norm)]
    headings = [ln for ln in lines[:HEADING_LINES] if _heading_writer(ln.norm, finder) is not None]
    for other in [*(ln for ln in lines if _SELF.search(ln.norm)), *_last_lines(lines), *labelled, *headings]:
        name = (
            _self_named(other.norm, finder)
            if _SELF.search(other.norm)
            else _signed(other, finder)
            or _labelled(other.norm, finder)
            or _heading_writer(other.norm, finder)
        )
        if name is not None:
            evidence = [Evidence.of(line.span, line.text), Evidence.of(other.span, other.text)]
            return Value(name, evidence, WRITER_CONFIDENCE * min(line.span.confidence, other.span.confidence))
    return None


def _speaker(line: Line, finder: PersonFinder) -> str | None:
    """The speaker of the chat message the sentence is part of (its paragraph's head)."""
    m = _SPEAKER.match(normalize(line.span.text))
    return person_opening(re.split(r"[-\s]", m["who"].strip())[-1], finder) if m else None


def _self_named(norm: str, finder: PersonFinder) -> str | None:
    for m in _SELF.finditer(norm):
        said = m["x"] or m["y"] or m["z"]
        if (
            name := person_opening(said, finder)
            or person_opening(_PLACE_BEFORE.sub("", said), finder)
            or _titled_whole(said)
        ) is not None:
            return name
    return None


def _titled_whole(said: str) -> str | None:
    """A title and then a name, all that is said (我(支部书记战国栋)主持: a surname that is also an
    everyday word, read as one after the title)."""
    name = guess_name(said)
    return name if name is not None and name != said and strip_titles(said) == name else None


# the writer's village or unit before the name they give (我是上畈村黄运坤)
_PLACE_BEFORE = re.compile(
    r"^[\u4e00-\u9fff]{1,8}?(?:村|社区|镇|乡|街道|公司|医院|卫生院|学校|中学|小学|站|所|局|厂|队)的?"
)


def _last_lines(lines: list[Line]) -> list[Line]:
    return lines[-SIGNATURE_LINES:][::-1]


def _signed(line: Line, finder: PersonFinder) -> str | None:
    if _SIGNED.match(line.norm) is None:
        return None
    return _signed_name(normalize(line.text), finder)


def _signed_name(text: str, finder: PersonFinder) -> str | None:
    """The name a signature ends with (its last word, a 记 after it and a date taken off)."""
    text = re.sub(r"\s*(?:手记|记|敬上)$", "", _DATE.sub("", text).strip(" ()—-"))
    text = re.sub(rf"^{_SIGNING_TITLE}[:：]", "", text)
    if _SAID.search(text):
        return None  # a sentence said to someone, not a name signed (骆倩照片和签到表你整理一下)
    return person_opening(re.split(r"\s+", text)[-1], finder) or guess_name(text)  # (spaces normalised away)


_SAID = re.compile(r"[你您我他她吧吗呢啊]|一下")


_DATE = re.compile(r"\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日")


def person_opening(text: str, finder: PersonFinder) -> str | None:
    """The person ``text`` opens with once titles and units are taken off (支部书记甲 / 甲然后…):
    a roster name, else the longest surname-anchored guess."""
    text = after_last_title(strip_titles(text.strip()))
    hits = finder.find(text)
    if hits:
        return hits[0].name if hits[0].start == 0 else None
    return leading_guess(text)
