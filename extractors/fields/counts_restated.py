"""The count of those present written again, elsewhere in the record, as another number for the same
meeting: ``应到：19人　实到：17人`` in the form's fields and ``本次大会应到党员19人，实到16人`` in the report
of the meeting; ``实到：17人`` and ``今天实到党员十八名``.

The record contradicts itself, and which of its numbers is right it does not say: a person looks.
Only a statement in the words of the count itself (实到) is taken, and not when it may be another
count than this meeting's whole attendance: a group's, a sitting's, a branch's of a joint meeting
(its 应到 is another number), another month's or meeting's (上月 / 3月份主题党日 / 回顾), or one that
changes as the meeting goes on (迟到, 赶过来, 实到是…). A record that corrects itself anywhere
(更正, 应为, 不对) is left to the corrections' reader (``corrections``), and so is a count of those
present that was worked out rather than written.
"""

from __future__ import annotations

import re

from core.models import Evidence, Value
from extractors.fields.attendance import EARLIER
from extractors.fields.corrections import correction_lines
from extractors.fields.numbers import NUM, to_int
from extractors.layout.lines import Line

# the count of those present in its own word: 实到17人 / 实到：17 / 今天实到党员十八名
_PRESENT = re.compile(
    rf"实到(?:会|场)?的?(?:党员|人员|同志)?(?:人数)?(?:为|共|有)?:?(?P<n>{NUM})(?:人|名|位|个)?(?![\d零〇一二两三四五六七八九十百])"
)
_EXPECTED = re.compile(
    rf"应(?:到|出席|参会|参加)(?:会|场)?的?(?:党员|人员|同志)?(?:人数)?(?:为|共|有)?:?(?P<n>{NUM})(?:人|名|位|个)?"
)
# a part of the meeting before the count in its clause: a group, a sitting, a site, a kind of member
_PART_BEFORE = re.compile(
    r"(?:小组|组|场|线上|线下|现场|视频|在职|退休|预备|正式|列席|其中|含|会场|网上|上午|下午|班|队|车间|支委|委员"
    r"|男|女|村|社区|第[一二三四五六七八九十\d])[^。;,]{0,8}$"
)
# another time or another meeting: 上月 / 去年 / 回顾 / 3月份主题党日 / 3月会议
_OTHER_MEETING = re.compile(
    rf"{EARLIER}|回顾|同期|下次|下月"
    r"|(?<![本这当])(?:[一二三四五六七八九十\d]{1,2})月份?的?(?:主题党日|会议|大会|活动|党课|支委会|党小组会|组织生活会)"
)
# those present changing as the meeting went on, or the count said again aloud
_CHANGING = re.compile(r"迟到|晚到|后到|赶过来|赶到|赶来|中途|补签|后来|陆续|实到是|算上|加上|不算")
MAX_PART_REACH = 14  # characters before a count searched for the part it may be of


def restated_apart(
    lines: list[Line], actual: Value[int] | None, expected: Value[int] | None
) -> list[Evidence]:
    """The sentences stating 实到 as another number than ``actual`` for the same meeting, as cues."""
    if actual is None or actual.inferred or correction_lines(lines):
        return []
    found = []
    for line in lines:
        if any(_apart(sentence, actual.value, expected) for sentence in re.split(r"[。;!?]", line.norm)):
            found.append(Evidence.of(line.span, line.text))
    return found


def _apart(sentence: str, actual: int, expected: Value[int] | None) -> bool:
    if _OTHER_MEETING.search(sentence) or _CHANGING.search(sentence):
        return False
    others = {to_int(m["n"]) for m in _EXPECTED.finditer(sentence)} - {None}
    if expected is not None and others - {expected.value}:
        return False  # another body's counts: a group's, or a joint meeting's
    for m in _PRESENT.finditer(sentence):
        clause = re.split(r"[,:]", sentence[max(0, m.start() - MAX_PART_REACH) : m.start()])[-1]
        n = to_int(m["n"])
        paired = sentence[: m.start()].endswith("/")  # 应到/实到:20/18: the first figure is 应到's
        if n is not None and n != actual and not paired and not _PART_BEFORE.search(clause):
            return True
    return False
