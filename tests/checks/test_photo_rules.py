"""photos.reused names where the photo was used before; photos.screenshot only warns."""

from __future__ import annotations

import datetime as dt

from checks.context import CheckContext
from checks.registry import Outcome, rules
from core.meta import Branch, Plan, SubmissionMeta
from core.models import MeetingRecord, PhotoFacts, Status

RULES = {r.code: r for r in rules()}
DAY = dt.datetime(2022, 12, 23, 15, 2)


def ctx(*photos: PhotoFacts) -> CheckContext:
    return CheckContext(
        meta=SubmissionMeta(meeting_date=DAY.date()),
        branch=Branch(),
        plan=Plan(),
        record=MeetingRecord(),
        signin=None,
        photos=list(photos),
        files=[],
    )


def outcome(code: str, c: CheckContext) -> Outcome:
    result = RULES[code].fn(c)
    assert isinstance(result, Outcome)
    return result


def test_reuse_within_the_submission_names_the_file() -> None:
    result = outcome(
        "photos.reused",
        ctx(PhotoFacts("现场/a.jpg", DAY), PhotoFacts("b.jpg", DAY, duplicate_of="现场/a.jpg")),
    )
    assert result.status == Status.FAIL
    assert "b.jpg 与本次材料中的 现场/a.jpg 是同一张照片" in result.message


def test_reuse_from_history_names_the_submission_and_file() -> None:
    earlier = "十一月主题党日-0123456789ab/现场/IMG_1.jpg"
    result = outcome("photos.reused", ctx(PhotoFacts("b.jpg", DAY, duplicate_of=earlier)))
    assert result.status == Status.FAIL
    assert "以往提交的材料“十一月主题党日-0123456789ab”中的照片 现场/IMG_1.jpg" in result.message


def test_screenshot_rule_is_an_optional_warning() -> None:
    spec = RULES["photos.screenshot"]
    assert not spec.required and spec.version == "1" and RULES["photos.reused"].version == "2"
    result = outcome(
        "photos.screenshot", ctx(PhotoFacts("a.jpg", DAY), PhotoFacts("截图.png", None, is_screenshot=True))
    )
    assert result.status == Status.WARN and "截图.png" in result.message and "a.jpg" not in result.message
    assert outcome("photos.screenshot", ctx(PhotoFacts("a.jpg", DAY))).status == Status.PASS
    assert outcome("photos.screenshot", ctx()).status == Status.PASS
