"""input.*: files that could not be read are findings, not crashes.

A corrupt, truncated, encrypted or oversized upload fails (the branch must upload
it again); an OCR failure on a sound image is ``unknown`` (a person looks at it);
an ignored file of another type is a warning.
"""

from __future__ import annotations

from checks.context import CheckContext
from checks.registry import Outcome, failed, passed, rule, unknown, warned
from core.models import Evidence


def _status_of(code: str, blocking: bool):
    """Bad bytes are the uploader's to fix (fail); our OCR failing is for a person to look at (unknown)."""
    if not blocking:
        return warned
    return failed if code.startswith("input.") else unknown


@rule("input.unreadable", version="1", title="所有材料均可读取")
def input_unreadable(ctx: CheckContext) -> list[Outcome]:
    if not ctx.problems:
        return [passed("所有上传文件均已读取")]
    out = []
    for p in ctx.problems:
        evidence = [Evidence(file=p.file, text=p.message, page=p.page)]
        make = _status_of(p.code, p.blocking)
        out.append(make(f"{p.message}（{p.code}）", p.hint, evidence))
    return out
