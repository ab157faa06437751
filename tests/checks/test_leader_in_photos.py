"""leader.in_photos: pass only on a clear match, fail only when every face is large and
clearly someone else, unknown otherwise; no finding at all without enrolled references."""

from __future__ import annotations

import datetime as dt

from checks.context import CheckContext
from checks.registry import Outcome, rules
from core.meta import Branch, Plan, SubmissionMeta
from core.models import FaceSeen, LeaderFaces, MeetingRecord, Status

RULES = {r.code: r for r in rules()}
BOX = (100.0, 100.0, 180.0, 190.0)


def ctx(*faces: LeaderFaces) -> CheckContext:
    return CheckContext(
        meta=SubmissionMeta(meeting_date=dt.date(2022, 12, 23)),
        branch=Branch(leaders=["张三"]),
        plan=Plan(),
        record=MeetingRecord(),
        signin=None,
        photos=[],
        files=[],
        faces=list(faces),
    )


def facts(*faces: tuple[float, float | None], photos: int = 2) -> LeaderFaces:
    seen = [FaceSeen(f"现场/{i}.jpg", BOX, eyes, score) for i, (eyes, score) in enumerate(faces)]
    return LeaderFaces("张三", 0.5, 3, [f"现场/{i}.jpg" for i in range(photos)], seen)


def outcomes(c: CheckContext) -> list[Outcome]:
    result = RULES["leader.in_photos"].fn(c)
    assert isinstance(result, list)
    return result


def one(c: CheckContext) -> Outcome:
    [result] = outcomes(c)
    return result


def test_no_enrolled_references_gives_no_finding() -> None:
    assert outcomes(ctx()) == []
    assert RULES["leader.in_photos"].required


def test_clear_match_passes_with_the_photo_and_face_box() -> None:
    result = one(ctx(facts((40, 0.2), (35, 0.71), (25, 0.35))))
    assert result.status == Status.PASS
    assert "现场/1.jpg" in result.message and "张三" in result.message
    [evidence] = result.evidence
    assert evidence.file == "现场/1.jpg" and evidence.bbox == BOX and evidence.confidence == 0.71


def test_grey_zone_is_unknown() -> None:
    result = one(ctx(facts((40, 0.2), (35, 0.42))))
    assert result.status == Status.UNKNOWN
    assert "0.42" in result.message and result.evidence[0].confidence == 0.42


def test_every_face_large_and_clearly_someone_else_fails_as_not_found() -> None:
    result = one(ctx(facts((40, 0.2), (35, 0.1), (22, 0.29))))
    assert result.status == Status.FAIL
    assert "现场照片中未找到单位主要负责人张三" in result.message
    assert len(result.evidence) == 3 and all(e.bbox == BOX for e in result.evidence)


def test_a_face_too_small_to_judge_turns_a_failure_into_unknown() -> None:
    result = one(ctx(facts((40, 0.2), (12, None))))
    assert result.status == Status.UNKNOWN
    assert "太小" in result.message


def test_only_tiny_faces_is_unknown() -> None:
    result = one(ctx(facts((12, None), (15, None))))
    assert result.status == Status.UNKNOWN and "太小" in result.message


def test_a_small_face_never_passes_even_with_a_high_score() -> None:
    assert one(ctx(facts((15, 0.9)))).status == Status.UNKNOWN


def test_no_faces_or_no_photos_is_unknown() -> None:
    assert one(ctx(facts())).status == Status.UNKNOWN
    assert one(ctx(facts(photos=0))).status == Status.UNKNOWN


def test_one_finding_per_leader() -> None:
    other = LeaderFaces("李四", 0.5, 1, ["现场/0.jpg"], [FaceSeen("现场/0.jpg", BOX, 40, 0.8)])
    statuses = [o.status for o in outcomes(ctx(facts((40, 0.1)), other))]
    assert statuses == [Status.FAIL, Status.PASS]
