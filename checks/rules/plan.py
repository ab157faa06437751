"""plan.*: the month plan's required items (重温入党誓词, 缴纳党费, …)."""

from __future__ import annotations

from checks.context import CheckContext
from checks.registry import Outcome, passed, rule, unknown
from checks.rules._common import MAX_QUOTED_CUES, not_found, on_minutes
from core.models import MeetingRecord


@rule("plan.item_missing", version="4", title="完成了月度计划规定的事项")
def plan_item_missing(ctx: CheckContext) -> Outcome:
    if not ctx.plan.required_items:
        return passed("月度计划未规定必做事项")
    return _items_done(ctx)


@on_minutes("计划事项")
def _items_done(ctx: CheckContext, record: MeetingRecord) -> Outcome:
    done = record.items_done
    missing = [item for item in ctx.plan.required_items if item not in done]
    evidence = [e for v in done.values() for e in v.evidence]
    unread = {item: record.cues[f"item:{item}"] for item in missing if f"item:{item}" in record.cues}
    if unread:
        quoted = [e for cues in unread.values() for e in cues[:MAX_QUOTED_CUES]]
        return unknown(
            f"未能确认记录中是否体现计划规定的事项：{'、'.join(unread)}（记录中有相关的句子，请人工核对）",
            "请人工核对下列句子；记录中宜写明“缴纳党费”等计划事项。",
            [*evidence, *quoted],
        )
    if missing:
        return not_found(
            ctx,
            f"记录中没有体现计划规定的事项：{'、'.join(missing)}",
            "请按月度计划开展上述事项，并在会议记录中如实记载。",
            evidence,
        )
    return passed(f"已完成计划事项：{'、'.join(ctx.plan.required_items)}", evidence)
