"""upload.* and meeting.*: held by the plan's deadline, uploaded within N working days (000 备注4/8)."""

from __future__ import annotations

import datetime as dt

from checks.context import CheckContext
from checks.registry import Outcome, failed, passed, rule, unknown
from checks.rules._common import ev
from checks.workdays import add_workdays

CHINA = dt.timezone(dt.timedelta(hours=8))


def _china_date(moment: dt.datetime) -> dt.date:
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(CHINA).date()


@rule("upload.late", version="1", title="会后规定工作日内上传")
def upload_late(ctx: CheckContext) -> Outcome:
    day = ctx.meeting_date
    if day is None:
        return unknown("会议日期不明，无法核对上传时限", "请在 submission.yaml 中填写 meeting_date。")
    n = ctx.plan.upload_within_workdays
    deadline, official = add_workdays(day, n)
    note = "" if official else "（该年份的法定节假日未知，按周一至周五计算工作日）"
    uploaded = ctx.meta.uploaded_at or ctx.now
    when = "上传" if ctx.meta.uploaded_at else "如现在上传"
    up_day = _china_date(uploaded)
    if up_day > deadline:
        return failed(
            f"{when}已超过时限：会议 {day:%Y-%m-%d}，{n} 个工作日内应于 {deadline:%Y-%m-%d} 前上传，"
            f"实际 {up_day:%Y-%m-%d}{note}",
            "请今后在会后规定的工作日内及时上传。",
        )
    return passed(f"{when}时间 {up_day:%Y-%m-%d} 在时限 {deadline:%Y-%m-%d} 之内{note}")


@rule("meeting.after_deadline", version="1", title="在计划规定的最晚日期前召开")
def meeting_after_deadline(ctx: CheckContext) -> Outcome:
    deadline = ctx.plan.deadline
    if deadline is None:
        return passed("月度计划未规定最晚召开日期")
    day = ctx.meeting_date
    if day is None:
        return unknown("会议日期不明，无法核对是否按时召开", "请在记录中写明会议日期。")
    evidence = ev(ctx.record.date) if ctx.record else []
    if day > deadline:
        return failed(
            f"会议于 {day:%Y-%m-%d} 召开，晚于计划规定的最晚日期 {deadline:%Y-%m-%d}",
            "会议可以提前召开，不能延期召开。",
            evidence,
        )
    return passed(f"会议于 {day:%Y-%m-%d} 召开，未晚于 {deadline:%Y-%m-%d}", evidence)


@rule("meeting.date_mismatch", version="1", title="记录日期与平台填报日期一致")
def meeting_date_mismatch(ctx: CheckContext) -> Outcome:
    record = ctx.record
    if record is None or record.date is None:
        return unknown("会议记录中没有可读取的日期", "请在记录中写明会议日期。")
    if ctx.meta.meeting_date is None:
        return passed(f"记录日期 {record.date.value:%Y-%m-%d}（平台未填报日期）", ev(record.date))
    if record.date.value != ctx.meta.meeting_date:
        return failed(
            f"会议记录日期 {record.date.value:%Y-%m-%d} 与平台填报的 {ctx.meta.meeting_date:%Y-%m-%d} 不一致",
            "请确认上传的是本次会议的记录（不得使用往月记录），并更正日期。",
            ev(record.date),
        )
    return passed(f"记录日期与平台一致：{record.date.value:%Y-%m-%d}", ev(record.date))
