"""signin.count_mismatch: a count doubted by the reader or by the minutes decides nothing."""

from __future__ import annotations

import datetime as dt

from checks.context import CheckContext
from checks.registry import Outcome, rules
from core.meta import Branch, Member, Plan, SubmissionMeta
from core.models import Absentee, Evidence, MeetingRecord, SigninSheet, Status, Value


def _ctx(sheet: SigninSheet, actual: int, absentees: list[str]) -> CheckContext:
    record = MeetingRecord(
        actual_count=Value(actual, [], 0.99), absentees=[Absentee(n, "病假") for n in absentees]
    )
    return CheckContext(
        meta=SubmissionMeta(meeting_date=dt.date(2024, 5, 24), reported_attendance=actual),
        branch=Branch(members=[Member(name=n, role="党员") for n in ("张明", "王芳", "赵海燕")]),
        plan=Plan(),
        record=record,
        signin=sheet,
        photos=[],
        files=[],
    )


def signin_count_mismatch(ctx: CheckContext) -> Outcome:
    """The rule as registered (loading the registry first keeps its order)."""
    outcome = next(r for r in rules() if r.code == "signin.count_mismatch").fn(ctx)
    assert isinstance(outcome, Outcome)
    return outcome


def _sheet(names: list[str], confidence: float = 0.99, notes: list[Evidence] | None = None) -> SigninSheet:
    values = [Value(n, [Evidence("签到表.jpg", n, 1, None, 0.95)], 0.95) for n in names]
    count = Value(len(names), [v.evidence[0] for v in values] + (notes or []), confidence)
    return SigninSheet(count, values, "签到表.jpg")


def test_a_trusted_count_that_agrees_passes() -> None:
    assert signin_count_mismatch(_ctx(_sheet(["张明", "王芳"]), 2, ["赵海燕"])).status is Status.PASS


def test_a_signer_the_minutes_call_absent_makes_it_unknown() -> None:
    outcome = signin_count_mismatch(_ctx(_sheet(["张明", "王芳", "赵海燕"]), 2, ["赵海燕"]))
    assert outcome.status is Status.UNKNOWN  # not a confident failure: the sheet may be wrong
    assert "赵海燕在会议记录中记为缺席" in outcome.message


def test_the_readers_doubts_are_quoted() -> None:
    note = Evidence(
        "签到表.jpg", "第9行是空白行，签名（读作“马骁骑”）与名单上的姓名对不上，未计入", 1, None, 0.6
    )
    outcome = signin_count_mismatch(_ctx(_sheet(["张明"], 0.6, [note]), 2, ["赵海燕"]))
    assert outcome.status is Status.UNKNOWN and "马骁骑" in outcome.message
    assert outcome.evidence[0] == note
