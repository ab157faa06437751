"""Helpers shared by the rule families."""

from __future__ import annotations

import functools
from collections.abc import Callable

from checks.context import CheckContext
from checks.registry import Outcome, failed, unknown
from core.models import Evidence, MeetingRecord, Value

MIN_CONFIDENCE = 0.8  # an OCR-read value below this is not trusted for a decision


MinutesCheck = Callable[[CheckContext, MeetingRecord], Outcome]


def on_minutes(what: str) -> Callable[[MinutesCheck], Callable[[CheckContext], Outcome]]:
    """For a rule (or the step of one) that reads the minutes: called with the record as
    its second argument, or ``unknown`` without calling it when there are no minutes to
    read ``what`` from."""

    def wrap(check: MinutesCheck) -> Callable[[CheckContext], Outcome]:
        @functools.wraps(check)
        def run(ctx: CheckContext) -> Outcome:
            if ctx.record is None:
                return unknown(f"未找到会议记录，无法检查{what}", "请上传《党支部工作记录簿》会议记录页。")
            return check(ctx, ctx.record)

        return run

    return wrap


def unread_note(ctx: CheckContext) -> str:
    if not ctx.unread:
        return ""
    names = "、".join(ctx.unread[:5]) + ("等" if len(ctx.unread) > 5 else "")
    return f"（另有 {len(ctx.unread)} 个文件尚未能识别内容：{names}）"


def trusted(value: Value | None) -> bool:
    return value is not None and value.confidence >= MIN_CONFIDENCE


def ev(value: Value | None) -> list[Evidence]:
    return list(value.evidence) if value is not None else []


MAX_QUOTED_CUES = 3


def not_found(
    ctx: CheckContext,
    message: str,
    hint: str,
    evidence: list[Evidence] | None = None,
    cue: str | None = None,
) -> Outcome:
    """``fail`` for an element the minutes lack, ``unknown`` if it may be there unread.

    ``cue`` names the field in ``MeetingRecord.cues``: when the minutes have sentences
    that talk about it (主持, 领誓 …) but no value could be read from them, the evidence
    does not decide, and a person reads the quoted sentences, unless the template's blank for it
    was left unfilled (``unfilled:<cue>``): that is positive evidence, a failure. When the minutes were read
    by OCR and some lines came back without confidence, an absent phrase may sit in one
    of them: a person looks (never a failure just because OCR missed a phrase).
    """
    cues = ctx.record.cues.get(cue, []) if ctx.record is not None and cue else []
    blanks = ctx.record.cues.get(f"unfilled:{cue}", []) if ctx.record is not None and cue else []
    if blanks:  # 主持人:(填写主持人姓名及职务) / XXX领誓: the template's blank left unfilled
        return failed(
            f"{message}（“{blanks[0].text.strip()}”仍是模板空白，未填写）",
            f"请把模板中的空白填写完整。{hint}",
            [*(evidence or []), *blanks[:MAX_QUOTED_CUES]],
        )
    if cues:
        return unknown(
            f"{message}（记录中有相关的句子，但未能从中读出，请人工核对）",
            f"请人工核对下列句子。{hint}",
            [*(evidence or []), *cues[:MAX_QUOTED_CUES]],
        )
    doubtful = ctx.record.uncertain_lines if ctx.record is not None else []
    if doubtful:
        return unknown(
            f"{message}（但记录中有 {len(doubtful)} 行文字识别把握不足，可能漏读）",
            f"请人工核对下列识别不清的行。{hint}",
            [*(evidence or []), *doubtful[:5]],
        )
    return failed(message, hint, evidence)


def recorded_absent(record: MeetingRecord, name: str) -> list[Evidence]:
    """The evidence that ``name``, read as doing something at the meeting (presiding, leading the
    oath or a study), is also named among its absentees: one of the two readings is wrong, so the
    value is doubted (``unknown``), never trusted for a pass."""
    return [e for a in record.absentees if a.name == name for e in a.evidence]


def doubted_officer(role: str, value: Value[str], absent: list[Evidence]) -> Outcome:
    return unknown(
        f"{role}读作“{value.value}”，但记录又写{value.value}缺席，二者矛盾，可能读错",
        f"请人工核对{role}及缺席人员。",
        [*ev(value), *absent],
    )
