"""input.*: files that could not be read are findings, not crashes."""

from __future__ import annotations

from checks.context import CheckContext
from checks.registry import Outcome, passed, rule, unknown, warned
from jishi.models import Evidence


@rule("input.unreadable", version="1", title="所有材料均可读取")
def input_unreadable(ctx: CheckContext) -> list[Outcome]:
    if not ctx.problems:
        return [passed("所有上传文件均已读取")]
    out = []
    for p in ctx.problems:
        evidence = [Evidence(file=p.file, text=p.message, page=p.page)]
        make = unknown if p.blocking else warned
        out.append(make(f"{p.message}（{p.code}）", p.hint, evidence))
    return out
