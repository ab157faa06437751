"""calendar.*: the meetings a branch owes each quarter and each year (shared/seeds 000 备注4).

支部党员大会 and 党课 at least once a quarter; 组织生活会 and 民主评议党员 at least once a
year. What was held comes from the categories ticked on this branch's checked
submissions (``CheckContext.history.branch_submissions``) and on this one.

The rule speaks on a submission held in the last month of the period (March, June,
September, December; December for the year): a kind missing while the period is
still open is a warning (there is still time); missing after the period ended (the
submission was checked after it) is a failure. It is not applied without a history
store, nor when the history lacks this branch's submissions for an earlier month of
the period (their absence from the store is not evidence that nothing was held).
"""

from __future__ import annotations

import datetime as dt

from checks.context import CheckContext
from checks.registry import Outcome, failed, passed, rule, warned
from core.history import QUARTERLY_KINDS, YEARLY_KINDS, PastSubmission, quarter_end, quarter_of
from core.models import Evidence

CHINA = dt.timezone(dt.timedelta(hours=8))
_QUARTER_NAMES = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}


@rule("calendar.quarterly_missing", version="1", title="本季度召开了支部党员大会和党课")
def quarterly_missing(ctx: CheckContext) -> Outcome | list[Outcome]:
    day = _closing_day(ctx, {3, 6, 9, 12})
    if day is None:
        return []
    year, quarter = quarter_of(day)
    first = dt.date(year, 3 * quarter - 2, 1)
    return _judge(
        ctx,
        day,
        first,
        quarter_end(year, quarter),
        QUARTERLY_KINDS,
        f"{year}年{_QUARTER_NAMES[quarter]}",
        "季度",
    )


@rule("calendar.yearly_missing", version="1", title="本年度召开了组织生活会和民主评议党员")
def yearly_missing(ctx: CheckContext) -> Outcome | list[Outcome]:
    day = _closing_day(ctx, {12})
    if day is None:
        return []
    return _judge(
        ctx, day, dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), YEARLY_KINDS, f"{day.year}年", "年"
    )


def _closing_day(ctx: CheckContext, months: set[int]) -> dt.date | None:
    day = ctx.meeting_date
    if (
        ctx.history is None
        or ctx.history.branch_submissions is None
        or day is None
        or day.month not in months
    ):
        return None
    return day


def _judge(
    ctx: CheckContext,
    day: dt.date,
    first: dt.date,
    last: dt.date,
    kinds: tuple[str, ...],
    period: str,
    unit: str,
) -> Outcome | list[Outcome]:
    assert ctx.history is not None and ctx.history.branch_submissions is not None
    earlier_months = {f"{first.year}-{m:02d}" for m in range(first.month, day.month)}
    if not earlier_months <= ctx.history.months_covered:
        return []  # the store does not cover the whole period for this branch
    within = [s for s in ctx.history.branch_submissions if first <= s.meeting_date <= last]
    held = {k: _held(k, within) for k in kinds}
    for kind in kinds:
        if kind in ctx.categories:
            held[kind].insert(0, f"本次（{day:%m月%d日}）")
    missing = [k for k in kinds if not held[k]]
    evidence = [
        Evidence(file=s.submission_id, text=f"{s.meeting_date:%Y-%m-%d} {'、'.join(s.categories)}")
        for s in within
    ]
    if not missing:
        done = "；".join(f"{k}：{'、'.join(held[k])}" for k in kinds)
        return passed(f"{period}已开展 {done}", evidence)
    names = "、".join(missing)
    rule_text = f"{'、'.join(kinds)}每{unit}至少开展一次（000 备注4）"
    if _local_day(ctx.now) > last:
        return failed(
            f"{period}没有开展{names}（{rule_text}）",
            f"请补开{names}并如实上传，勾选相应内容类别；如已开展但未勾选，请联系上级党组织更正。",
            evidence,
        )
    return warned(
        f"{period}至今没有开展{names}（{rule_text}），{last:%m月%d日}前仍可召开",
        f"请在{unit}末前召开{names}，上传时勾选相应内容类别。",
        evidence,
    )


def _local_day(now: dt.datetime) -> dt.date:
    """The day in China (UTC+8) at ``now``: the period ends at local midnight."""
    return now.astimezone(CHINA).date() if now.tzinfo is not None else now.date()


def _held(kind: str, within: list[PastSubmission]) -> list[str]:
    return [f"{s.meeting_date:%m月%d日}" for s in within if kind in s.categories]
