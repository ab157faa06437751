"""minutes.*: the 《党支部工作记录簿》 record itself."""

from __future__ import annotations

from checks.context import CheckContext
from checks.registry import Outcome, failed, passed, rule, unknown
from checks.rules._common import unread_note
from core.models import Evidence, Role


@rule("minutes.missing", version="1", title="上传了会议记录")
def minutes_missing(ctx: CheckContext) -> Outcome:
    files = ctx.files_with(Role.MINUTES)
    if files:
        return passed("已找到会议记录", [Evidence(file=f.file.path) for f in files])
    if ctx.unread:
        return unknown(
            f"在可读取的材料中没有找到会议记录{unread_note(ctx)}", "请人工确认图片中是否有会议记录页。"
        )
    return failed(
        "没有找到会议记录（《党支部工作记录簿》会议记录页）",
        "请拍照或扫描上传《党支部工作记录簿》中本次会议的记录页。",
    )
