"""presider.*: 由xxx同志主持 (000 备注4) and who may preside (001 §六)."""

from __future__ import annotations

import re

from checks.context import CheckContext
from checks.registry import Outcome, failed, passed, rule, unknown
from checks.rules._common import doubted_officer, ev, not_found, on_minutes, recorded_absent, trusted
from core.meta import COMMITTEE_ROLES, COMMITTEE_TITLES
from core.models import MeetingRecord
from extractors.fields.people import SURNAME_TITLE


def titled(name: str, text: str) -> bool:
    """The sentence itself calls ``name`` a secretary or committee member (支部书记李光振 / 张莹支部书记)."""
    titles = "|".join(COMMITTEE_TITLES)
    n = re.escape(name)
    return re.search(rf"(?:{titles})(?:同志)?{n}|{n}(?:同志)?(?:党?支部)?(?:{titles})", text) is not None


@rule("presider.missing", version="8", title="记录写明主持人")
@on_minutes("主持人")
def presider_missing(ctx: CheckContext, record: MeetingRecord) -> Outcome:
    value = record.presider
    if value is None:
        return not_found(
            ctx, "会议记录中没有写明主持人", "请在记录中写明“会议由xxx同志主持”。", cue="presider"
        )
    if not trusted(value):
        return unknown(f"主持人识别为“{value.value}”，但识别把握不足", "请人工核对主持人姓名。", ev(value))
    if absent := recorded_absent(record, value.value):
        return doubted_officer("主持人", value, absent)
    if role_only(value.value) or SURNAME_TITLE.match(value.value):
        return _by_role(ctx, value.value, ev(value))
    return passed(f"主持人：{value.value}", ev(value))


# a presider written by office alone, no name: 支部书记 / 党支部副书记 / 村党支部书记
_ROLE_ONLY = re.compile(
    r"(?:村|社区|党总支|党?支部)*(?:书记|副书记|支书|组织委员|宣传委员|纪检委员|委员|组委|宣委|纪委|支委|主任|党?小?组长)"
)


def role_only(value: str) -> bool:
    """The presider read is an office, not a person (活动由支部书记主持)."""
    return _ROLE_ONLY.fullmatch(value) is not None


def _by_role(ctx: CheckContext, value: str, evidence: list) -> Outcome:
    """An office for a presider, alone or after a surname (支部书记 / 王书记, no full name anywhere in the
    record): the one member the roster gives that office (书记, 副书记) and surname, else a person
    decides who it was."""
    office = next(
        (r for r in ("副书记", "书记") if value.endswith(r)), "书记" if value.endswith("支书") else None
    )
    surname = m["s"] if (m := SURNAME_TITLE.match(value)) else ""
    holders = [
        member.name
        for member in ctx.branch.members
        if office and member.role == office and member.name.startswith(surname)
    ]
    if len(holders) == 1:
        return passed(f"主持人：{value}（名册中为{holders[0]}）", evidence)
    return unknown(
        f"记录只写了主持人的职务“{value}”，没有写姓名",
        "请写明“会议由xxx同志主持”。",
        evidence,
    )


@rule("presider.not_authorized", version="2", title="主持人为书记或支部委员")
@on_minutes("主持人")
def presider_not_authorized(ctx: CheckContext, record: MeetingRecord) -> Outcome:
    value = record.presider
    if value is None or not trusted(value):
        return unknown("未能确定主持人，无法核对其身份", "请在记录中写明“会议由xxx同志主持”。", ev(value))
    if absent := recorded_absent(record, value.value):
        return doubted_officer("主持人", value, absent)
    role = ctx.branch.role_of(value.value)
    if role in COMMITTEE_ROLES:
        return passed(f"主持人{value.value}为支部{role}", ev(value))
    if role is not None:
        return failed(
            f"主持人{value.value}在名册中是{role}，不是支部书记或委员",
            "主题党日一般由党支部书记主持，特殊情况可委托副书记或支部委员主持；请核实并在记录中写明。",
            ev(value),
        )
    quoted = "".join(e.text for e in value.evidence)
    if titled(value.value, quoted):
        return passed(f"记录中写明主持人{value.value}为书记或委员", ev(value))
    return unknown(
        f"名册中没有{value.value}，无法确认其是否为书记或委员",
        "请在 branch.yaml 中填写支部名册及职务。",
        ev(value),
    )
