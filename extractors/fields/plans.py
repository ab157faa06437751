"""The next meeting's plan told inside this one's record: no roles of this meeting.

A record often closes with what was settled for next time (``会上还明确了9月份主题党日安排:拟于9月19日…,由副书记
X主持,党员Y领誓,学习《…》`` / ``下月安排:…``). Who will chair, lead the oath or lead a study then is no role of
the meeting recorded, and the material planned was not studied. The sentence is kept for evidence as written;
its normalised text ends at the plan's head, so no reader of roles, materials or counts sees what follows.
"""

from __future__ import annotations

import dataclasses
import re

from extractors.layout.lines import Line

# the head of a plan for another meeting: 明确了9月份主题党日安排: / 下月安排: / 部署了下次活动计划,
_PLAN_HEAD = re.compile(
    r"(?:(?:明确|部署|确定|商定|研究|通报|布置)了?[^,;。:]{0,8}?)?"
    r"(?:下月|下个月|下次|下一次|下期|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?)"
    r"(?:的)?(?:主题党日|党日|活动|党课|学习|会议)?(?:的)?(?:工作)?(?:安排|计划)[:,]"
)


def plans_cut(lines: list[Line]) -> list[Line]:
    """``lines`` with each sentence's normalised text cut where a plan for another meeting begins, and
    the lines under a plan's own heading (下月安排: / 三、下月工作计划) emptied up to the next label."""
    out: list[Line] = []
    under = False
    for line in lines:
        if under and _LABEL_AFTER.match(line.norm):
            under = False
        out.append(dataclasses.replace(line, norm="。") if under else _cut(line))
        under = under or _PLAN_HEADING.match(line.norm) is not None
    return out


# a plan's heading on a line of its own, its items on the lines below
_PLAN_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十\d]{1,2}[、.]|\(?[一二三四五六七八九十\d]{1,2}\))?"
    r"(?:下月|下个月|下次|下一次|下阶段|下一阶段)(?:的)?(?:主题党日|活动|工作)?(?:安排|计划)[:。]?$"
)
# what ends a plan's lines: the record's closing labels (记录人:X / 审核:X / a date line)
_LABEL_AFTER = re.compile(
    r"^(?:记录|记录人|主持人|审核|审核人|签名|签字|落款|附件|备注)[:：]|^\d{4}年\d{1,2}月"
)


def _cut(line: Line) -> Line:
    head = _PLAN_HEAD.search(line.norm)
    if head is None or (head.start() == 0 and not line.norm[head.end() :].strip()):
        return line
    return dataclasses.replace(line, norm=line.norm[: head.start()] + "。")
