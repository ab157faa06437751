"""The service database's checked submissions as history facts: the newest checked version of
a series, the effective verdict, the meeting date, attendance trusted only when the count was."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from fixtures.servers import Unavailable, postgres
from store import repositories as repo
from store.db import make_engine, session_factory, upgrade
from store.district import checked_submissions, checked_years
from store.models import Submission

LEASE = dt.timedelta(seconds=60)
ROSTER = (
    "members:\n  - {name: 张三, role: 书记}\n  - {name: 李四, role: 党员}\n  - {name: 王五, role: 党员}\n"
)


@pytest.fixture(params=["sqlite", "postgresql"])
def sessions(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """Both modes of the service: embedded SQLite, and PostgreSQL (started here; skipped when
    it is not installed or the scale-mode tests are switched off)."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path / 'db.sqlite'}"
        else:
            if os.environ.get("JISHI_SKIP_SCALE") == "1":
                pytest.skip("scale-mode tests switched off")
            try:
                url = stack.enter_context(postgres(tmp_path))
            except Unavailable as exc:
                pytest.skip(str(exc))
        upgrade(url)
        engine = make_engine(url)
        yield session_factory(engine)
        engine.dispose()


def checked(
    s: Session,
    branch: str,
    month: str,
    verdict: str,
    *,
    meta: dict[str, Any] | None = None,
    report: dict[str, Any] | None = None,
    count_status: str = "pass",
    replaces: Submission | None = None,
    done: bool = True,
) -> Submission:
    row_branch = repo.import_branch_yaml(s, f"name: {branch}\n{ROSTER}")
    row, _ = repo.create_submission(
        s,
        branch=row_branch,
        user=None,
        name=f"{branch}{month}",
        files=[repo.UploadedFile("a.zip", f"{branch}{month}{verdict}{replaces}".ljust(64, "0")[:64], 1)],
        meta=meta or {},
        month=month,
        replaces=replaces,
    )
    s.commit()
    if done:
        assert repo.claim(s, row.id, LEASE)
        s.expire_all()  # the claim updated the row in the database only
        findings = [{"code": "signin.count_mismatch", "status": count_status, "required": True}]
        result = repo.CheckResult(verdict, report or {}, findings, "", {}, [], month)
        assert repo.complete(s, row.id, result)
    return row


SIGNED: dict[str, Any] = {
    "meeting": {"date": "2024-03-12", "absentees": [{"name": "王五", "reason": "出差"}], "attendees": None},
    "signin": {"signed_count": 1, "names": ["张三"]},
    "submission": {"categories": ["主题党日", "党课"]},
}


def test_newest_checked_version_and_the_effective_verdict(sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        first = checked(s, "一支部", "2024-03", "noncompliant", report=SIGNED)
        second = checked(s, "一支部", "2024-03", "compliant", report=SIGNED, replaces=first)
        checked(s, "一支部", "2024-03", "compliant", replaces=second, done=False)  # queued: not yet
        checked(s, "二支部", "2024-02", "compliant", meta={"meeting_date": "2024-02-20"})
        s.get(Submission, second.id).verdict_override = "noncompliant"  # type: ignore[union-attr]
        s.commit()
        facts = checked_submissions(s, None)
        assert [(f.branch, f.submission_id, f.verdict) for f in facts] == [
            ("一支部", str(second.id), "noncompliant"),
            ("二支部", facts[1].submission_id, "compliant"),
        ]
        one, two = facts
        assert one.meeting_date == dt.date(2024, 3, 12) and one.categories == ("主题党日", "党课")
        assert two.meeting_date == dt.date(2024, 2, 20) and two.categories == ()
        assert checked_submissions(s, None, first="2024-03") == [one]
        assert checked_submissions(s, frozenset([second.branch_id])) == [one]
        assert checked_submissions(s, frozenset()) == []
        assert checked_years(s, None) == [2024] and checked_years(s, frozenset()) == []


def test_attendance_is_trusted_only_when_the_count_was(sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        checked(s, "一支部", "2024-03", "compliant", report=SIGNED)
        checked(s, "二支部", "2024-03", "needs_review", report=SIGNED, count_status="unknown")
        trusted, doubted = checked_submissions(s, None)
    assert trusted.attendance_trusted and not doubted.attendance_trusted
    assert [(p.name, p.status) for p in trusted.attendance] == [
        ("张三", "attended"),
        ("李四", "absent"),
        ("王五", "leave"),
    ]
    assert [p.status for p in doubted.attendance] == ["attended", "unknown", "leave"]


def test_a_record_date_of_another_month_gives_way_to_the_month(sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        report = {**SIGNED, "meeting": {**SIGNED["meeting"], "date": "2023-03-12"}}
        checked(s, "一支部", "2024-03", "compliant", report=report)
        assert checked_submissions(s, None)[0].meeting_date == dt.date(2024, 3, 1)
