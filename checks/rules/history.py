"""minutes.copied: a record whose text repeats an earlier record (照搬往年记录, 套用其他支部记录).

The facts come from the history (``CheckContext.history.text_matches``): earlier
records, of this branch or another, ranked by shingle similarity after names, dates
and numbers were masked and the standard texts (the oath, the usual agenda items,
slogans) removed. Without a history store the rule is not applied (no finding).

Thresholds, measured with bench/copy_threshold.py (README "Across months and
branches"): distinct realdev accounts reach at most Jaccard 0.05 and containment 0.13;
a record re-dated and renamed scores 1.0, with its paragraphs reordered at least 0.82,
with its longest sentence replaced at least 0.32. ``FAIL_JACCARD`` sits between; the
warning thresholds are still three times (Jaccard) and twice (containment) the most
any two distinct accounts share.
"""

from __future__ import annotations

from checks.context import CheckContext
from checks.registry import Outcome, failed, passed, rule, warned
from core.history import TextMatch
from core.models import Evidence

FAIL_JACCARD = 0.30
FAIL_CONTAINMENT = 0.60  # most of this record is found in the earlier one
WARN_JACCARD = 0.15
WARN_CONTAINMENT = 0.25
QUOTE_CHARS = 80


@rule("minutes.copied", version="1", title="会议记录不是照搬以往或其他支部的记录")
def minutes_copied(ctx: CheckContext) -> Outcome | list[Outcome]:
    matches = ctx.history.text_matches if ctx.history is not None else None
    if matches is None:
        return []  # no history to compare with, or no record text
    strong = [m for m in matches if m.jaccard >= FAIL_JACCARD or m.containment >= FAIL_CONTAINMENT]
    if strong:
        m = strong[0]
        return failed(
            f"本次会议记录与{_named(m)}高度雷同（{_pct(m)}），疑似照搬{'本支部以往' if m.same_branch else '其他支部'}的记录",
            "会议记录应如实记载本次会议的实际情况；请核实是否照搬了以往记录，如确为本次会议所记，请说明情况。",
            _evidence(ctx, m),
        )
    moderate = [m for m in matches if m.jaccard >= WARN_JACCARD or m.containment >= WARN_CONTAINMENT]
    if moderate:
        m = moderate[0]
        return warned(
            f"本次会议记录与{_named(m)}有较多相同段落（{_pct(m)}）",
            "请核对会议记录是否如实记载本次会议，避免套用以往记录。",
            _evidence(ctx, m),
        )
    return passed("与历史记录比对，未发现雷同的会议记录")


def _named(m: TextMatch) -> str:
    when = f"{m.meeting_date:%Y年%m月%d日}" if m.meeting_date else "日期不明"
    return f"{m.branch or '（未填支部）'} {when} 的提交（{m.submission_id}）"


def _pct(m: TextMatch) -> str:
    return f"重合度 {m.jaccard:.0%}，本次记录 {m.containment:.0%} 的内容见于该记录"


def _evidence(ctx: CheckContext, m: TextMatch) -> list[Evidence]:
    out: list[Evidence] = []
    for mine, theirs in m.passages:
        out.append(Evidence(file=mine.file, page=mine.page, text=f"本次：{_cut(mine.text)}"))
        earlier = f"{m.submission_id}/{theirs.file}" if theirs.file else m.submission_id
        out.append(Evidence(file=earlier, page=theirs.page, text=f"往次：{_cut(theirs.text)}"))
    if not out and ctx.record is not None:
        out = [Evidence(file=f) for f in ctx.record.source_files]
    return out


def _cut(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"
