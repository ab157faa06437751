"""photos.*: on-site photos, taken on the meeting day, not reused, not screenshots."""

from __future__ import annotations

from checks.context import CheckContext
from checks.registry import Outcome, failed, passed, rule, unknown, warned
from checks.rules._common import unread_note
from core.models import Evidence, PhotoFacts


@rule("photos.missing", version="1", title="上传了现场照片")
def photos_missing(ctx: CheckContext) -> Outcome:
    if ctx.photos:
        return passed(f"已上传现场照片 {len(ctx.photos)} 张", [Evidence(file=p.file) for p in ctx.photos])
    if ctx.unread:
        return unknown(
            f"尚未能识别图片内容，无法确认是否有现场照片{unread_note(ctx)}", "请人工确认现场照片。"
        )
    return failed("没有现场照片", "请上传会议现场照片，照片中须有单位主要负责人现场参学。")


@rule("photos.date_mismatch", version="1", title="照片拍摄日期为会议当天")
def photos_date_mismatch(ctx: CheckContext) -> Outcome:
    day = ctx.meeting_date
    if not ctx.photos:
        return (
            unknown("尚无可核对的现场照片", "请上传现场照片。")
            if ctx.unread
            else passed("没有需要核对日期的照片")
        )
    if day is None:
        return unknown("会议日期不明，无法核对照片日期", "请在 submission.yaml 中填写 meeting_date。")
    other = [p for p in ctx.photos if p.taken_at is not None and p.taken_at.date() != day]
    if other:
        text = "、".join(f"{p.file}（{p.taken_at:%Y-%m-%d}）" for p in other if p.taken_at)
        return failed(
            f"有照片不是会议当天（{day:%Y-%m-%d}）拍摄的：{text}",
            "请上传本次会议现场拍摄的照片。",
            [Evidence(file=p.file) for p in other],
        )
    no_exif = [p.file for p in ctx.photos if p.taken_at is None]
    if no_exif:
        return warned(
            f"{len(no_exif)} 张照片没有拍摄时间信息（如微信发送未选“原图”）：{'、'.join(no_exif)}",
            "建议上传原图，以便核对拍摄日期。",
            [Evidence(file=f) for f in no_exif],
        )
    return passed(f"照片均为会议当天（{day:%Y-%m-%d}）拍摄", [Evidence(file=p.file) for p in ctx.photos])


@rule("photos.reused", version="2", title="照片没有重复使用")
def photos_reused(ctx: CheckContext) -> Outcome:
    reused = [p for p in ctx.photos if p.duplicate_of]
    if reused:
        own = {p.file for p in ctx.photos}
        text = "；".join(_reuse_text(p, own) for p in reused)
        return failed(
            f"发现重复使用的照片：{text}",
            "请上传本次会议现场新拍摄的照片，不要重复使用同一张照片或以往的照片。",
            [Evidence(file=p.file) for p in reused],
        )
    if not ctx.photos and ctx.unread:
        return unknown(f"尚未能识别图片内容{unread_note(ctx)}", "请人工核对照片是否为本次会议新拍摄。")
    return passed("未发现重复使用的照片")


def _reuse_text(photo: PhotoFacts, own: set[str]) -> str:
    """Within this submission ``duplicate_of`` is a file; from history it is "submission/file"."""
    earlier = photo.duplicate_of or ""
    if earlier in own:
        return f"{photo.file} 与本次材料中的 {earlier} 是同一张照片"
    submission, _, file = earlier.partition("/")
    return f"{photo.file} 与以往提交的材料“{submission}”中的照片 {file} 是同一张照片"


@rule("photos.screenshot", version="1", title="照片不是手机截屏", required=False)
def photos_screenshot(ctx: CheckContext) -> Outcome:
    shots = [p.file for p in ctx.photos if p.is_screenshot]
    if shots:
        return warned(
            f"{len(shots)} 张照片疑似手机截屏（没有相机信息，尺寸与手机屏幕一致）：{'、'.join(shots)}",
            "请上传相机拍摄的原图，不要上传截屏或转发后的图片。",
            [Evidence(file=f) for f in shots],
        )
    return passed("未发现手机截屏" if ctx.photos else "没有需要核对的照片")
