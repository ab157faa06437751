"""A count of those present written with its parts in brackets whose sum is another number:
实到24名（其中正式党员21名、预备党员2名） / 实到36人（其中仓储党小组13人、运输党小组12人、客服党小组10人);
or a count restated in words in brackets as another number: 实到党员：27人（贰拾陆人）; or a tally of the
sign-in sheet, or of a platform, that is not the count of those present (实到20人 … 签到表签名19人 /
“e党建”平台到会确认:17人), the sentence saying of no one else who signed (列席, 积极分子, 另有…); or the
attendance told per group in a sentence of its own, adding up to another number (实到19名 … 分组到会:第一党小组
6人,第二党小组7人,第三党小组5人).

The record contradicts itself: one of the numbers is wrong, and which one the record does not say.
The parts are read only when there are two or more, each a group and its number, and none of them
people who are not counted (列席, 积极分子, 群众).
"""

from __future__ import annotations

import re

from core.models import Evidence
from extractors.fields.attendance import GROUP, group_counts
from extractors.fields.numbers import NUM, to_int
from extractors.layout.lines import Line

_PRESENT_WITH_PARTS = re.compile(
    rf"(?:实到|到会|参会|出席|参加)(?:会议|活动)?(?:党员|人员)?(?:人数)?(?:为|共)?:?(?P<n>{NUM})(?:名|人)"
    r"\((?:其中|含|包括)?:?(?P<parts>[^()]{4,60})\)"
)
_PART = re.compile(rf"^(?P<who>[^,、;\d]{{1,12}}?)(?P<n>{NUM})(?:名|人)$")
# a count and the same count written again in words (a form's 大写 figure)
_RESTATED = re.compile(
    rf"(?:应到|实到|到会|参会|出席|参加|缺席|请假)[^,;。()\d]{{0,8}}?(?P<n>{NUM})(?:名|人)"
    rf"\((?:即|大写:?)?(?P<again>{NUM})(?:名|人)?\)"
)
# the sign-in sheet's tally as the minutes state it: 签到表签名19人 / 签到簿上共有17人签名 / 签到：21人
_SIGNED = re.compile(
    rf"签到(?:表|簿|本|册)?上?(?:签名|签字|签到)?(?:共|合计|总计)?(?:有)?:?(?P<n>{NUM})(?:人|名)(?:签名|签字|签到)?"
)
# the attendance a platform or a system tallied, as the minutes quote it: “e党建”平台到会确认:17人 / 钉钉签到16人
_TALLIED = re.compile(
    r"(?:平台|系统|小程序|APP|App|app|钉钉|企业微信|腾讯会议|打卡)[^,;。:]{0,12}?(?:到会|签到|参会|出席|打卡)"
    rf"(?:确认|人数|情况)?(?:为|是|共|合计)?:?(?P<n>{NUM})(?:人|名)"
)
_OTHERS_SIGNED = re.compile(
    r"列席|积极分子|发展对象|群众|其中|另有|另外|包括|含|除|以外|之外|其他|嘉宾|党小组|[组班]"
)
_NOT_COUNTED = re.compile(r"列席|积极分子|群众|发展对象|旁听|嘉宾|指导")
# the other counts in the bracket, not parts of those present: 实到8人(应到9人,缺席1人)
_OTHER_COUNT = re.compile(r"应到|应出席|应参会|应参加|缺席|缺勤|缺会|请假|未到|实到")


def disagreeing(lines: list[Line]) -> list[Evidence]:
    """The sentences whose count of those present is not the sum of its parts, or a count whose
    restatement in words is another number."""
    return [
        Evidence.of(line.span, line.text)
        for line in lines
        if _parts_disagree(line.norm) or _restated(line.norm)
    ]


def _parts_disagree(norm: str) -> bool:
    for m in _PRESENT_WITH_PARTS.finditer(norm):
        total, parts = to_int(m["n"]), _parts(m["parts"])
        if total is not None and parts is not None and sum(parts) != total:
            return True
    return False


def _restated(norm: str) -> bool:
    return any(
        None not in (a := to_int(m["n"]), b := to_int(m["again"])) and a != b
        for m in _RESTATED.finditer(norm)
    )


def _parts(text: str) -> list[int] | None:
    """The numbers of the bracket's parts; None unless it is two or more groups, each with one."""
    items = [_PART.match(item) for item in re.split(r"[,、;]", text) if item]
    if len(items) < 2 or any(
        i is None or _NOT_COUNTED.search(i["who"]) or _OTHER_COUNT.search(i["who"]) for i in items
    ):
        return None
    numbers = [to_int(i["n"]) for i in items if i is not None]
    return [n for n in numbers if n is not None] if all(n is not None for n in numbers) else None


# a sentence that heads the groups' numbers with the word of attending once: 分组到会:第一党小组6人 /
# 按党小组签到:第一党小组9人 / 各党小组到会情况:…
_GROUPS_HEAD = re.compile(
    r"(?:分组|按(?:党)?小组|各(?:党)?小组)(?:到会|签到|出席|参会|实到|统计)(?:情况|人数)?:"
)
_HEADED_PART = re.compile(rf"{GROUP}(?:党员)?(?P<n>{NUM})(?:名|人)")


def groups_apart(lines: list[Line], actual: int | None) -> list[Evidence]:
    """The sentences giving those present per group (two groups or more, nobody not counted among
    them) whose numbers add up to another number than ``actual``."""
    if actual is None:
        return []
    found = []
    for line in lines:
        for sentence in re.split(r"[。;]", line.norm):
            parts = _group_numbers(sentence)
            if parts is not None and sum(parts) != actual:
                found.append(Evidence.of(line.span, line.text))
                break
    return found


def _group_numbers(sentence: str) -> list[int] | None:
    if _NOT_COUNTED.search(sentence):
        return None
    head = _GROUPS_HEAD.search(sentence)
    return group_counts(sentence, _HEADED_PART, head.end()) if head else group_counts(sentence)


def signed_apart(lines: list[Line], actual: int | None) -> list[Evidence]:
    """The sentences stating a sign-in tally other than ``actual`` and naming no one else who signed."""
    return _apart(lines, actual, _SIGNED)


def tallies_apart(lines: list[Line], actual: int | None) -> dict[str, list[Evidence]]:
    """The sentences stating a tally of those present other than ``actual`` and naming no one else who
    came, as cues: the sign-in sheet's (``count_signed``), a platform's or a system's (``count_tallied``) and
    the groups' added up (``count_grouped``)."""
    found = {
        "count_signed": signed_apart(lines, actual),
        "count_tallied": _apart(lines, actual, _TALLIED),
        "count_grouped": groups_apart(lines, actual),
    }
    return {cue: quoted for cue, quoted in found.items() if quoted}


def _apart(lines: list[Line], actual: int | None, tally: re.Pattern[str]) -> list[Evidence]:
    if actual is None:
        return []
    found = []
    for line in lines:
        for sentence in re.split(r"[。;]", line.norm):
            tallies = {to_int(m["n"]) for m in tally.finditer(sentence)} - {None}
            if tallies and actual not in tallies and not _OTHERS_SIGNED.search(sentence):
                found.append(Evidence.of(line.span, line.text))
                break
    return found
