"""committee.*: a 支委会 submission (shared/seeds 000 备注4: 勾选支委会，拍照上传《党支部工作记录簿》
委员签字情况、现场开会照片).

The committee is the roster's 书记, 副书记 and 委员. Their signatures come from the
sign-in reader (typed, photographed or scanned sheets, names matched to the roster):
a committee member who did not sign and is not recorded absent with a reason is
missing. Rules apply only to submissions ticked 支委会.
"""

from __future__ import annotations

from checks.context import CheckContext
from checks.registry import Outcome, failed, passed, rule, unknown
from checks.rules._common import MIN_CONFIDENCE, unread_note
from core.meta import COMMITTEE_ROLES
from core.models import Evidence

CATEGORY = "支委会"


@rule("committee.signatures_missing", version="1", title="支委会有委员签字页，支委均已签字")
def committee_signatures(ctx: CheckContext) -> Outcome | list[Outcome]:
    if CATEGORY not in ctx.categories:
        return []
    committee = [m.name for m in ctx.branch.members if m.role in COMMITTEE_ROLES]
    if ctx.signin is None:
        if ctx.unread:
            return unknown(
                f"尚未能识别全部文件，无法确认委员签字页{unread_note(ctx)}", "请人工确认委员签字页。"
            )
        if any(f.ocr for f in ctx.files):  # signatures on a photographed record page may not read as a sheet
            return unknown("照片中未能识别出委员签字页", "请人工核对照片中的委员签字。")
        return failed("支委会材料中没有委员签字页", "请拍照上传《党支部工作记录簿》中支委会的委员签字页。")
    if not committee:
        return unknown(
            "名册中没有标明支部委员（书记、副书记、委员），无法核对签字",
            "请在 branch.yaml 中为支委填写 role。",
        )
    signed = {v.value for v in ctx.signin.names}
    excused = _excused(ctx)
    missing = [n for n in committee if n not in signed and n not in excused]
    evidence = [e for v in ctx.signin.names if v.value in committee for e in v.evidence]
    if missing and ctx.signin.signed_count.confidence < MIN_CONFIDENCE:
        return unknown(
            f"签字页未能可靠识别，无法确认 {'、'.join(missing)} 是否签字", "请人工核对委员签字页。", evidence
        )
    if missing:
        return failed(
            f"支委会委员签字页上缺少 {'、'.join(missing)} 的签字（支委：{'、'.join(committee)}）",
            "请全体支委在记录簿上签字；未到会的委员应在记录中注明缺席原因。",
            evidence or [Evidence(file=ctx.signin.file)],
        )
    note = f"（{'、'.join(sorted(excused & set(committee)))} 请假）" if excused & set(committee) else ""
    return passed(f"支委均已签字{note}", evidence)


@rule("committee.photo_missing", version="1", title="支委会有现场开会照片")
def committee_photo(ctx: CheckContext) -> Outcome | list[Outcome]:
    if CATEGORY not in ctx.categories:
        return []
    if ctx.photos:
        return passed(f"支委会现场照片 {len(ctx.photos)} 张", [Evidence(file=p.file) for p in ctx.photos])
    if ctx.unread:
        return unknown(
            f"尚未能识别图片内容，无法确认支委会现场照片{unread_note(ctx)}", "请人工确认现场照片。"
        )
    return failed("支委会材料中没有现场开会照片", "请上传支委会现场开会照片。")


def _excused(ctx: CheckContext) -> set[str]:
    if ctx.record is None:
        return set()
    return {a.name for a in ctx.record.absentees if a.name and a.reason}
