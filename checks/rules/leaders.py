"""leader.*: the unit's main leader attends in person (000 备注2)."""

from __future__ import annotations

from checks.context import CheckContext
from checks.registry import Outcome, failed, passed, rule, unknown, warned
from core.models import Evidence, FaceSeen, LeaderFaces


def _present_in(ctx: CheckContext, name: str) -> list[Evidence]:
    found: list[Evidence] = []
    if ctx.signin is not None:
        found += [e for v in ctx.signin.names if v.value == name for e in v.evidence]
    record = ctx.record
    if record is not None and record.attendees is not None and name in record.attendees.value:
        found += record.attendees.evidence
    return found


def _absent_in(ctx: CheckContext, name: str) -> list[Evidence]:
    if ctx.record is None:
        return []
    return [e for a in ctx.record.absentees if a.name == name for e in a.evidence]


def _present_unsigned(ctx: CheckContext) -> tuple[int, int] | None:
    """(实到, signed) when the minutes count more present than the sheet holds signatures."""
    if ctx.record is None or ctx.record.actual_count is None or ctx.signin is None:
        return None
    actual, signed = ctx.record.actual_count.value, ctx.signin.signed_count.value
    return (actual, signed) if actual > signed else None


@rule("leader.absent", version="2", title="单位主要负责人参加")
def leader_absent(ctx: CheckContext) -> Outcome:
    leaders = ctx.branch.leaders
    if not leaders:
        return warned(
            "branch.yaml 未填写单位主要负责人（leaders），无法核对其是否参加",
            "请在 branch.yaml 的 leaders 中填写单位主要负责人姓名。",
        )
    absent = {n: ev for n in leaders if (ev := _absent_in(ctx, n))}
    present = {n: ev for n in leaders if (ev := _present_in(ctx, n))}
    if absent:
        names = "、".join(absent)
        return failed(
            f"单位主要负责人{names}缺席",
            "单位主要负责人必须参加，不能请假补学；上传照片中必须有其现场参学的照片。",
            [e for es in absent.values() for e in es],
        )
    missing = [n for n in leaders if n not in present]
    if not missing:
        return passed(f"单位主要负责人{'、'.join(leaders)}已参加", [e for es in present.values() for e in es])
    if (unsigned := _present_unsigned(ctx)) is not None:
        return unknown(  # 实到7人, 6 signed: the one who came and did not sign may be the leader
            f"签到表中没有单位主要负责人{'、'.join(missing)}，但记录的实到人数（{unsigned[0]}人）多于签到人数"
            f"（{unsigned[1]}人），有到会者未签到，无法确认其是否参加",
            "请人工核对签到表、会议记录和现场照片；到会人员均应签到。",
        )
    if ctx.signin is not None and all(v.confidence >= 0.99 for v in ctx.signin.names):
        return failed(
            f"签到表中没有单位主要负责人{'、'.join(missing)}",
            "单位主要负责人必须参加并签到；请核对签到表。",
            [e for es in present.values() for e in es],
        )
    return unknown(f"无法确认单位主要负责人{'、'.join(missing)}是否参加", "请人工核对签到表和现场照片。")


MAX_FACE_EVIDENCE = 6  # face crops shown to the inspector per finding


def _face_evidence(faces: list[FaceSeen], threshold: float) -> list[Evidence]:
    ranked = sorted(faces, key=lambda s: -(s.score if s.score is not None else -1.0))[:MAX_FACE_EVIDENCE]
    return [
        Evidence(
            file=s.file,
            page=1,
            bbox=s.bbox,
            text=f"人脸相似度 {s.score:.2f}（认定阈值 {threshold:.2f}）"
            if s.score is not None
            else f"人脸过小（两眼相距约 {s.eye_distance:.0f} 像素），无法辨认",
            confidence=s.score,
        )
        for s in ranked
    ]


def _in_photos(facts: LeaderFaces) -> Outcome:
    name, threshold = facts.leader, facts.threshold
    if not facts.photos:
        return unknown(f"没有现场照片，无法核对单位主要负责人{name}是否在场", "请上传现场照片。")
    judged = [s for s in facts.faces if s.score is not None and s.eye_distance >= facts.min_eyes]
    matches = [s for s in judged if s.score is not None and s.score >= threshold]
    if matches:
        best = max(matches, key=lambda s: s.score or 0.0)
        return passed(
            f"现场照片《{best.file}》中找到单位主要负责人{name}（人脸相似度 {best.score:.2f}）",
            _face_evidence([best], threshold),
        )
    if not facts.faces:
        return unknown(
            f"现场照片中未检测到人脸，无法核对单位主要负责人{name}是否在场",
            "请人工查看现场照片；建议上传能看清参会人员正脸的照片。",
        )
    if not judged:
        return unknown(
            f"现场照片中的人脸都太小，无法辨认单位主要负责人{name}",
            "请人工查看现场照片；建议上传近景、能看清参会人员正脸的照片。",
            _face_evidence(facts.faces, threshold),
        )
    small = len(facts.faces) - len(judged)
    if small == 0 and all(s.score is not None and s.score < facts.clearly_other for s in judged):
        return failed(
            f"现场照片中未找到单位主要负责人{name}（{len(judged)} 张人脸均与其参考照片不符）",
            "单位主要负责人必须现场参学，上传照片中必须有其现场照片；请人工核对下列人脸。",
            _face_evidence(judged, threshold),
        )
    best_score = max(s.score or 0.0 for s in judged)
    reason = (
        f"另有 {small} 张人脸太小无法辨认"
        if small
        else f"最接近的人脸相似度 {best_score:.2f}，未达认定阈值 {threshold:.2f}"
    )
    return unknown(
        f"无法确认现场照片中是否有单位主要负责人{name}（{reason}）",
        "请人工对照参考照片核对下列人脸。",
        _face_evidence(facts.faces, threshold),
    )


@rule("leader.in_photos", version="1", title="现场照片中有单位主要负责人")
def leader_in_photos(ctx: CheckContext) -> list[Outcome]:
    """One finding per leader with enrolled reference photos; no finding at all (not
    applicable) for a unit that enrolled none or turned the face check off, so such
    submissions are judged exactly as before."""
    return [_in_photos(facts) for facts in ctx.faces]
