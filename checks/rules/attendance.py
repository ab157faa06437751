"""attendance.*: counts, the 80% threshold (001 §三) and leave for absentees."""

from __future__ import annotations

from checks.context import CheckContext
from checks.registry import Outcome, failed, passed, rule, unknown
from checks.rules._common import ev, not_found, on_minutes, trusted
from core.models import MeetingRecord


def _counts(record: MeetingRecord) -> tuple[int | None, int | None, int | None]:
    def get(v):
        return v.value if v is not None else None

    return get(record.expected_count), get(record.actual_count), get(record.absent_count)


def _evidence(record: MeetingRecord) -> list:
    return ev(record.expected_count) + ev(record.actual_count) + ev(record.absent_count)


def doubt(ctx: CheckContext, record: MeetingRecord) -> str | None:
    """Why the counts read from the minutes contradict each other or an independent source, so
    that a parse, not the branch, may be wrong: the counts are then doubted (``unknown``), never
    the ground for a failure. None when they hold together.

    Sources: 应到 = 实到 + 缺席, the number of named absentees, the sign-in count and the
    platform's reported attendance.
    """
    expected, actual, absent = _counts(record)
    named = len([a for a in record.absentees if a.name])
    if actual is not None and expected is not None and actual == expected and (absent or named):
        return f"实到{actual}人等于应到人数，但记录中又写有缺席人员"
    if absent is not None and named > absent:
        return f"记录写缺席{absent}人，却点名了{named}名缺席人员"
    others = _independent_counts(ctx)
    if actual is not None and others and actual not in others and (expected is None or expected in others):
        return f"实到{actual}人与签到表或平台填报的人数（{'、'.join(map(str, sorted(others)))}）不一致"
    return None


def _independent_counts(ctx: CheckContext) -> set[int]:
    found = set()
    if ctx.signin is not None and trusted(ctx.signin.signed_count):
        found.add(ctx.signin.signed_count.value)
    if ctx.meta.reported_attendance is not None:
        found.add(ctx.meta.reported_attendance)
    return found


@rule("attendance.counts_missing", version="2", title="记录写明应到、实到人数")
@on_minutes("参会人数")
def counts_missing(ctx: CheckContext, record: MeetingRecord) -> Outcome:
    expected, actual, absent = _counts(record)
    if actual is None:
        return not_found(ctx, "会议记录中没有写明实到人数", "请写明“应到党员N名，实到N名，缺席N名（原因）”。")
    if expected is None and absent is None:
        return not_found(
            ctx,
            "会议记录中写了实到人数，但没有应到或缺席人数",
            "请写明应到人数和缺席人数。",
            _evidence(record),
        )
    return passed("记录中写明了参会人数", _evidence(record))


@rule("attendance.counts_inconsistent", version="3", title="应到＝实到＋缺席")
@on_minutes("参会人数")
def counts_inconsistent(ctx: CheckContext, record: MeetingRecord) -> Outcome:
    expected, actual, absent = _counts(record)
    evidence = _evidence(record)
    shaky = [
        v for v in (record.expected_count, record.actual_count, record.absent_count) if v and not trusted(v)
    ]
    if shaky:
        return unknown("有人数识别把握不足，无法核对应到＝实到＋缺席", "请人工核对记录中的人数。", evidence)
    if expected is not None and actual is not None and absent is not None:
        if expected != actual + absent:
            if (why := doubt(ctx, record)) is not None:
                return unknown(
                    f"人数不一致（应到{expected}、实到{actual}、缺席{absent}），但{why}，可能是识别有误",
                    "请人工核对记录中的人数。",
                    evidence,
                )
            return failed(
                f"人数不一致：应到{expected}人，实到{actual}人，缺席{absent}人，{actual}+{absent}≠{expected}",
                "请核对签到表，更正会议记录中的应到、实到、缺席人数。",
                evidence,
            )
        return passed(f"应到{expected}人＝实到{actual}人＋缺席{absent}人", evidence)
    if expected is not None and actual is not None and actual > expected:
        if (why := doubt(ctx, record)) is not None:
            return unknown(
                f"实到{actual}人多于应到{expected}人，但{why}", "请人工核对记录中的人数。", evidence
            )
        return failed(f"实到{actual}人多于应到{expected}人", "请核对并更正人数。", evidence)
    if actual is None:
        return unknown("未写明实到人数，无法核对", "请写明应到、实到、缺席人数。", evidence)
    return passed("已写明的人数之间没有矛盾", evidence)


def denominator(ctx: CheckContext, record: MeetingRecord) -> tuple[int | None, str]:
    expected, actual, absent = _counts(record)
    if expected:
        return expected, "记录中的应到人数"
    if ctx.branch.members:
        return len(ctx.branch.members), "支部名册人数"
    if actual is not None and absent is not None:
        return actual + absent, "实到＋缺席人数"
    return None, ""


@rule("attendance.below_threshold", version="2", title="参会率达到规定比例（默认80%）")
@on_minutes("参会率")
def below_threshold(ctx: CheckContext, record: MeetingRecord) -> Outcome:
    actual = record.actual_count
    total, source = denominator(ctx, record)
    if actual is None or total is None or not trusted(actual):
        return unknown("人数不全，无法计算参会率", "请写明应到、实到人数。", _evidence(record))
    ratio, need = actual.value / total, ctx.plan.min_attendance_ratio
    text = f"参会率 {actual.value}/{total} = {ratio:.0%}（按{source}计），要求不低于 {need:.0%}"
    clears = any(n / total + 1e-9 >= need for n in _independent_counts(ctx))
    if ratio + 1e-9 < need and clears and (why := doubt(ctx, record)) is not None:
        return unknown(f"{text}；但{why}，无法确定", "请人工核对参会人数。", _evidence(record))
    if ratio + 1e-9 < need:
        return failed(
            text,
            "参会人数未达到规定比例，请按要求组织党员参加，未参加的党员应书面请假并安排补学。",
            _evidence(record),
        )
    return passed(text, _evidence(record))


@rule("attendance.absence_without_reason", version="2", title="缺席党员写明请假原因")
@on_minutes("缺席情况")
def absence_without_reason(ctx: CheckContext, record: MeetingRecord) -> Outcome:
    expected, actual, absent = _counts(record)
    if absent is None and expected is not None and actual is not None:
        absent = expected - actual
    if absent is None:
        return _by_listed_absentees(record)
    listed = record.absentees
    if record.absent_count is None and listed and all(a.reason for a in listed) and len(listed) >= absent:
        return passed(f"缺席{absent}人，均写明了原因", [e for a in record.absentees for e in a.evidence])
    if absent <= 0:
        return passed("无缺席人员", _evidence(record))
    with_reason = [a for a in record.absentees if a.reason]
    evidence = (
        [e for a in record.absentees for e in a.evidence] or ev(record.unnamed_leave) or _evidence(record)
    )
    unnamed = record.unnamed_leave is not None and not record.absentees
    without = [a.name for a in record.absentees if not a.reason and a.name]
    reasons_for_all = len(with_reason) >= absent or any(a.name is None and a.reason for a in record.absentees)
    if not without and (reasons_for_all or unnamed):
        return passed(f"缺席{absent}人，均写明了原因", evidence)
    who = f"（{'、'.join(without)}）" if without else ""
    why = doubt(ctx, record)
    if why is None and not without and record.absentees and record.absent_count is None:
        why = f"缺席人数由应到减实到推算为{absent}人，点名的{len(record.absentees)}人均写明了原因"
    if why is not None:
        return unknown(
            f"缺席{absent}人，未能确认均写明了原因：{why}", "请人工核对缺席人员及请假原因。", evidence
        )
    return failed(
        f"缺席{absent}人，但记录中没有写明请假原因{who}",
        "党员确因有事无法参加的应书面请假；请在记录中写明缺席人员姓名及原因。",
        evidence,
    )


def _by_listed_absentees(record: MeetingRecord) -> Outcome:
    """No absent count: judge the listed absentees, if any."""
    listed = record.absentees
    evidence = [e for a in listed for e in a.evidence]
    if not listed:
        return unknown("未写明缺席人数，无法核对请假情况", "请写明缺席人数及原因。", _evidence(record))
    without = [a.name or "（未写姓名）" for a in listed if not a.reason]
    if without:
        return failed(
            f"缺席人员没有写明请假原因：{'、'.join(without)}", "请在记录中写明缺席人员的请假原因。", evidence
        )
    return passed(f"列出的缺席人员（{len(listed)}人）均写明了原因", evidence)
