"""signin.*: the sign-in sheet, and that its count equals 实到 and the platform (000 备注4).

Trust policy: a sign-in count decides nothing unless it is trusted. The reader already
doubts a count whose sheet holds a reading that matches no roster member, another
member's name in a printed row, a possibly struck signature or a cell split across rows
(``extractors.signin.sheet``); here it is also doubted when someone counted on the sheet
is an absentee in the minutes. A doubted count is ``unknown`` with the reasons quoted.
"""

from __future__ import annotations

from checks.context import CheckContext
from checks.registry import Outcome, failed, passed, rule, unknown
from checks.rules._common import MIN_CONFIDENCE, ev, trusted, unread_note
from core.models import Evidence, Role, SigninSheet
from extractors.signin.sheet import doubt_against_minutes


@rule("signin.missing", version="2", title="上传了签到表")
def signin_missing(ctx: CheckContext) -> Outcome:
    if ctx.signin is not None:
        return passed(f"已找到签到表（{ctx.signin.file}）", ev(ctx.signin.signed_count)[:1])
    unread_sheets = [f.file.path for f in ctx.files_with(Role.SIGNIN)]
    if unread_sheets:
        return unknown(
            f"找到签到表（{'、'.join(unread_sheets)}），但未能识别其中的表格和签名",
            "请人工清点签到人数；重新上传时请正对签到表拍摄，保证表格完整清晰。",
            [Evidence(file=f) for f in unread_sheets],
        )
    if ctx.unread:
        return unknown(f"在可读取的材料中没有找到签到表{unread_note(ctx)}", "请人工确认图片中是否有签到表。")
    return failed("没有找到签到表", "请拍照上传本次会议的党员签到表（签字情况）。")


@rule("signin.count_mismatch", version="3", title="签到人数＝实到人数＝平台填报人数")
def signin_count_mismatch(ctx: CheckContext) -> Outcome:
    if ctx.signin is None:
        return unknown("没有可读取的签到表，无法核对签到人数", "请上传签到表。")
    signed = _checked(ctx, ctx.signin).signed_count
    if not trusted(signed):
        doubts = [
            e
            for e in signed.evidence
            if e.confidence is not None and e.confidence < MIN_CONFIDENCE and e.text
        ]
        why = "；".join(dict.fromkeys(e.text for e in doubts))[:300]
        return unknown(
            f"签到人数识别为{signed.value}人，但识别把握不足" + (f"：{why}" if why else ""),
            "请人工清点签到人数，核对被划掉、写错行或与名单对不上的签名。",
            doubts + [e for e in ev(signed) if e not in doubts],
        )
    others = _others(ctx)
    actual = ctx.record.actual_count if ctx.record is not None else None
    if actual is not None and not trusted(actual) and actual.value != signed.value:
        return unknown(
            f"签到{signed.value}人；记录中的实到人数识别为{actual.value}人，但识别把握不足",
            "请人工核对实到人数。",
            ev(signed)[:1] + ev(actual),
        )
    if not others:
        return unknown(
            "会议记录和平台都没有参会人数，无法核对签到人数", "请在记录中写明实到人数。", ev(signed)
        )
    wrong = [f"{label}{n}人" for label, n, _ in others if n != signed.value]
    evidence = ev(signed)[:1] + [e for _, _, es in others for e in es]
    if wrong:
        return failed(
            f"签到表签到{signed.value}人，与{'、'.join(wrong)}不一致",
            "签到表人数、会议记录实到人数和灯塔平台填报的参加党员人数必须一致，请核对后更正。",
            evidence,
        )
    labels = "、".join(f"{label}{n}人" for label, n, _ in others)
    return passed(f"签到{signed.value}人，与{labels}一致", evidence)


def _checked(ctx: CheckContext, sheet: SigninSheet) -> SigninSheet:
    """The sheet with its count doubted when a signer is an absentee in the minutes."""
    absentees = [a.name for a in ctx.record.absentees if a.name] if ctx.record is not None else []
    return doubt_against_minutes(sheet, absentees)


def _others(ctx: CheckContext) -> list[tuple[str, int, list[Evidence]]]:
    out: list[tuple[str, int, list[Evidence]]] = []
    actual = ctx.record.actual_count if ctx.record is not None else None
    if actual is not None and trusted(actual):
        out.append(("会议记录实到", actual.value, ev(actual)))
    if ctx.meta.reported_attendance is not None:
        out.append(("平台填报", ctx.meta.reported_attendance, []))
    return out
