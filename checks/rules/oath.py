"""oath_leader.*: 由xxx同志领誓 (000 备注4)."""

from __future__ import annotations

from checks.context import CheckContext
from checks.registry import Outcome, passed, rule, unknown
from checks.rules._common import doubted_officer, ev, not_found, on_minutes, recorded_absent, trusted
from core.models import MeetingRecord


def oath_expected(ctx: CheckContext) -> bool:
    in_plan = any("誓" in item for item in ctx.plan.required_items)
    return in_plan or "主题党日" in ctx.categories


@rule("oath_leader.missing", version="5", title="记录写明领誓人")
@on_minutes("领誓人")
def oath_leader_missing(ctx: CheckContext, record: MeetingRecord) -> Outcome:
    value = record.oath_leader
    if value is not None and trusted(value) and (absent := recorded_absent(record, value.value)):
        return doubted_officer("领誓人", value, absent)
    if value is not None and trusted(value):
        return passed(f"领誓人：{value.value}", ev(value))
    if value is not None:
        return unknown(f"领誓人识别为“{value.value}”，但识别把握不足", "请人工核对领誓人姓名。", ev(value))
    if record.oath_taken is not None or oath_expected(ctx):
        return not_found(
            ctx,
            "会议记录中没有写明由谁领誓",
            "请在记录中写明“由xxx同志领誓，全体党员重温入党誓词”。",
            ev(record.oath_taken),
            cue="oath_leader",
        )
    return passed("本次会议未安排重温入党誓词")
