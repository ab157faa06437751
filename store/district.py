"""The service database's checked submissions as history facts (``core.history.PastSubmission``),
for the district calendar and the attendance points (``jishi.calendar``).

One fact per submission series: its newest checked version (a new version replaces the
one it corrects; a version still queued or failed leaves the last checked one standing).
The verdict is the effective one (an inspector's overruling counts). The facts come from
what the worker stored: the platform fields (meeting date, categories), the report's
meeting record and sign-in sheet, and the branch's roster as it is now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from core.history import PastSubmission, presence
from store.models import Status, Submission
from store.repositories import Scope

COUNT_FINDING = "signin.count_mismatch"  # its status says whether the sign-in count was read with trust
UNTRUSTED = ("unknown",)


def checked_submissions(
    s: Session, scope: Scope, first: str | None = None, last: str | None = None
) -> list[PastSubmission]:
    """The newest checked version of every submission series in ``scope`` whose month lies in
    [``first``, ``last``] ("YYYY-MM", either open), by branch and meeting date."""
    newest = (
        select(Submission.series, func.max(Submission.version).label("version"))
        .where(Submission.status == Status.DONE.value)
        .group_by(Submission.series)
        .subquery()
    )
    query = (
        select(Submission)
        .join(newest, (Submission.series == newest.c.series) & (Submission.version == newest.c.version))
        .options(selectinload(Submission.branch), selectinload(Submission.findings))
    )
    if scope is not None:
        query = query.where(Submission.branch_id.in_(scope))
    if first is not None:
        query = query.where(Submission.month >= first)
    if last is not None:
        query = query.where(Submission.month <= last)
    out = [fact for row in s.scalars(query) if (fact := past_submission(row)) is not None]
    return sorted(out, key=lambda p: (p.branch, p.meeting_date, p.submission_id))


def checked_years(s: Session, scope: Scope) -> list[int]:
    """The years with a checked submission in ``scope``, latest first."""
    query = select(func.distinct(func.substr(Submission.month, 1, 4))).where(
        Submission.status == Status.DONE.value, Submission.month.is_not(None)
    )
    if scope is not None:
        query = query.where(Submission.branch_id.in_(scope))
    return sorted({int(y) for y in s.scalars(query) if y and y.isdigit()}, reverse=True)


def past_submission(row: Submission) -> PastSubmission | None:
    """What the calendar and the points need of one checked submission (None without a date)."""
    report: dict[str, Any] = row.report or {}
    day = meeting_day(row, report)
    if day is None:
        return None
    categories = (report.get("submission") or {}).get("categories") or row.meta.get("categories") or []
    people, trusted = attendance(row, report)
    return PastSubmission(
        submission_id=str(row.id),
        branch=row.branch.name,
        meeting_date=day,
        categories=tuple(str(c) for c in categories),
        verdict=row.effective_verdict,
        uploaded_at=row.created_at,
        attendance=tuple(people),
        attendance_trusted=trusted,
    )


def meeting_day(row: Submission, report: dict[str, Any]) -> dt.date | None:
    """The platform's meeting date, else the date read from the minutes, else the 1st of the month."""
    for value in (row.meta.get("meeting_date"), (report.get("meeting") or {}).get("date")):
        day = _date(value)
        if day is not None and (row.month is None or f"{day:%Y-%m}" == row.month):
            return day
    return _date(f"{row.month}-01") if row.month else None


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def attendance(row: Submission, report: dict[str, Any]) -> tuple[list[Any], bool]:
    """Each roster member at this meeting, as ``jishi.records.attendance`` judges it, from the
    stored report: signed or listed as attending, absent with or without a reason, unknown."""
    meeting = report.get("meeting") or {}
    signin = report.get("signin")
    present: set[str] = set()
    if signin is not None:
        present |= {str(n) for n in signin.get("names") or [] if n}
    present |= {str(n) for n in meeting.get("attendees") or [] if n}
    absent = {str(a["name"]): a.get("reason") for a in meeting.get("absentees") or [] if a.get("name")}
    trusted = signin is not None and signin.get("signed_count") is not None and _count_trusted(row)
    roster: Sequence[str] = [str(m["name"]) for m in row.branch.members if m.get("name")]
    return presence(roster, present, absent, trusted), trusted


def _count_trusted(row: Submission) -> bool:
    """The stored report keeps the sign-in count without its confidence: the count check says
    whether it was trusted (unknown when it was read without confidence)."""
    statuses = [f.status for f in row.findings if f.code == COUNT_FINDING]
    return bool(statuses) and statuses[0] not in UNTRUSTED
