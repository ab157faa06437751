"""lecture.*: 党课 ticked -> lecture photo and manuscript first page (000 备注4)."""

from __future__ import annotations

from checks.context import CheckContext
from checks.registry import Outcome, failed, passed, rule, unknown
from checks.rules._common import unread_note
from core.models import Evidence, Role


@rule("lecture.evidence_missing", version="1", title="党课上传现场照片和讲稿首页")
def lecture_evidence_missing(ctx: CheckContext) -> Outcome:
    if "党课" not in ctx.categories:
        return passed("本次未勾选党课类别")
    manuscripts = ctx.files_with(Role.MANUSCRIPT)
    evidence = [Evidence(file=f.file.path) for f in manuscripts]
    missing = []
    if not manuscripts:
        missing.append("党课讲稿第一页")
    if not ctx.photos:
        missing.append("讲党课现场照片")
    if not missing:
        return passed("已上传党课讲稿和现场照片", evidence)
    if ctx.unread:
        return unknown(
            f"尚未找到：{'、'.join(missing)}{unread_note(ctx)}", "请人工确认图片中是否有上述材料。", evidence
        )
    return failed(
        f"勾选了党课，但缺少：{'、'.join(missing)}", "请拍照上传讲党课现场照片和党课讲稿第一页。", evidence
    )
