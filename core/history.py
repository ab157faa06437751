"""Facts across months and branches, as the checks receive them, and the port that supplies them.

A rule never reads a database: the application asks a ``RecordHistory`` (the local
SQLite store on the command line, the service's database later) for the facts of
one submission and hands them to the checks in ``CheckContext.history``. Everything
here is plain data; nothing does I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

# Kinds a branch must hold, and how often (shared/seeds 000 备注4): 支部党员大会 and 党课 at
# least once a quarter; 组织生活会 and 民主评议党员 at least once a year. 谈心谈话 is not a
# category the platform ticks, so it cannot be checked from the categories.
QUARTERLY_KINDS = ("支部党员大会", "党课")
YEARLY_KINDS = ("组织生活会", "民主评议党员")
# Kinds every member is expected to attend (支委会: the committee only; 党小组会: one group only).
ALL_MEMBER_KINDS = ("主题党日", "支部党员大会", "党课", "组织生活会", "民主评议党员")


@dataclass(frozen=True)
class Quote:
    """A sentence of a record as written, and where it was read."""

    text: str
    file: str = ""
    page: int | None = None


@dataclass(frozen=True)
class TextMatch:
    """An earlier record whose text this record's text resembles."""

    submission_id: str
    branch: str | None
    meeting_date: dt.date | None
    jaccard: float  # shingles in common / shingles in either (boilerplate removed)
    containment: float  # shingles of this record found in the earlier one / shingles of this record
    passages: tuple[tuple[Quote, Quote], ...] = ()  # (this record, the earlier one), side by side
    same_branch: bool = False


@dataclass(frozen=True)
class Presence:
    """One member at one meeting: attended, absent with leave, absent without, or not known."""

    name: str
    status: str  # "attended" | "leave" | "absent" | "unknown"
    reason: str | None = None


@dataclass(frozen=True)
class PastSubmission:
    """What the history keeps of a checked submission."""

    submission_id: str
    branch: str
    meeting_date: dt.date
    categories: tuple[str, ...]
    verdict: str | None = None  # compliant | noncompliant | needs_review
    uploaded_at: dt.datetime | None = None
    attendance: tuple[Presence, ...] = ()
    attendance_trusted: bool = False  # the sign-in count was read with confidence

    @property
    def month(self) -> str:
        return f"{self.meeting_date:%Y-%m}"


@dataclass
class HistoryFacts:
    """History facts for one submission. ``None`` fields were not gathered (no store, or
    nothing to compare: no minutes text, no meeting date, no branch)."""

    text_matches: list[TextMatch] | None = None
    branch_submissions: list[PastSubmission] | None = None  # this branch's other submissions, by date
    months_covered: set[str] = field(default_factory=set)  # "YYYY-MM" with a submission of this branch


def presence(
    roster: Sequence[str], present: Collection[str], absent: Mapping[str, str | None], trusted: bool
) -> list[Presence]:
    """Each roster member at one meeting: attended (signed or listed as attending), absent with
    a reason (leave), absent without one, or unknown (no trusted sign-in sheet says)."""
    out = []
    for name in roster:
        if name in present:
            out.append(Presence(name, "attended"))
        elif name in absent:
            reason = absent[name]
            out.append(Presence(name, "leave" if reason else "absent", reason))
        else:
            out.append(Presence(name, "absent" if trusted else "unknown"))
    return out


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_months(year: int, quarter: int) -> list[str]:
    return [f"{year}-{m:02d}" for m in range(3 * quarter - 2, 3 * quarter + 1)]


def quarter_end(year: int, quarter: int) -> dt.date:
    month = 3 * quarter
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


class RecordHistory(Protocol):
    """The port: where earlier submissions and their text fingerprints are kept."""

    def similar_texts(
        self, fingerprint: object, *, branch: str | None, exclude: str, until: dt.date | None
    ) -> list[TextMatch]: ...

    def submissions(
        self, branch: str | None = None, start: dt.date | None = None, end: dt.date | None = None
    ) -> Sequence[PastSubmission]: ...

    def record(self, submission: PastSubmission, fingerprint: object | None) -> None: ...
