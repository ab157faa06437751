"""leader.*: the unit's main leader attends in person (000 备注2)."""

from __future__ import annotations

from checks.context import CheckContext
from checks.registry import Outcome, failed, passed, rule, unknown, warned
from core.models import Evidence


def _present_in(ctx: CheckContext, name: str) -> list[Evidence]:
    found: list[Evidence] = []
    if ctx.signin is not None:
        found += [e for v in ctx.signin.names if v.value == name for e in v.evidence]
    record = ctx.record
    if record is not None and record.attendees is not None and name in record.attendees.value:
        found += record.attendees.evidence
    return found


def _absent_in(ctx: CheckContext, name: str) -> list[Evidence]:
    if ctx.record is None:
        return []
    return [e for a in ctx.record.absentees if a.name == name for e in a.evidence]


@rule("leader.absent", version="1", title="单位主要负责人参加")
def leader_absent(ctx: CheckContext) -> Outcome:
    leaders = ctx.branch.leaders
    if not leaders:
        return warned("branch.yaml 未填写单位主要负责人（leaders），无法核对其是否参加",
                      "请在 branch.yaml 的 leaders 中填写单位主要负责人姓名。")
    absent = {n: ev for n in leaders if (ev := _absent_in(ctx, n))}
    present = {n: ev for n in leaders if (ev := _present_in(ctx, n))}
    if absent:
        names = "、".join(absent)
        return failed(f"单位主要负责人{names}缺席", "单位主要负责人必须参加，不能请假补学；上传照片中必须有其现场参学的照片。",
                      [e for es in absent.values() for e in es])
    missing = [n for n in leaders if n not in present]
    if not missing:
        return passed(f"单位主要负责人{'、'.join(leaders)}已参加", [e for es in present.values() for e in es])
    if ctx.signin is not None and all(v.confidence >= 0.99 for v in ctx.signin.names):
        return failed(f"签到表中没有单位主要负责人{'、'.join(missing)}",
                      "单位主要负责人必须参加并签到；请核对签到表。", [e for es in present.values() for e in es])
    return unknown(f"无法确认单位主要负责人{'、'.join(missing)}是否参加", "请人工核对签到表和现场照片。")
