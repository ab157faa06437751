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
    """``lines`` with each sentence's normalised text cut where a plan for another meeting begins."""
    return [_cut(line) for line in lines]


def _cut(line: Line) -> Line:
    head = _PLAN_HEAD.search(line.norm)
    if head is None or (head.start() == 0 and not line.norm[head.end() :].strip()):
        return line
    return dataclasses.replace(line, norm=line.norm[: head.start()] + "。")
