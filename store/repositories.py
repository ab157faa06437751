"""Reading and writing the service's rows. Every submission query takes a ``Scope``.

A ``Scope`` is the set of branches a user may see (``None`` = every branch, for an
admin). Functions here never decide who the user is; the service does that and
passes the scope in, so no query can forget it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from core.meta import Branch as BranchMeta
from core.meta import Plan as PlanMeta
from core.meta import parse_yaml_model
from store.models import (
    AuditEntry,
    Branch,
    District,
    FindingRow,
    Plan,
    Role,
    SessionToken,
    Status,
    Submission,
    SubmissionFile,
    User,
    utcnow,
)

Scope = frozenset[int] | None  # the branch ids a user may see; None = all


# ----------------------------------------------------------------------------- organisation


def district(s: Session, name: str) -> District:
    found = s.scalar(select(District).where(District.name == name))
    if found is None:
        found = District(name=name)
        s.add(found)
        s.flush()
    return found


def upsert_branch(
    s: Session, meta: BranchMeta, name: str | None = None, district_id: int | None = None
) -> Branch:
    """A branch row from a roster (branch.yaml); an existing branch of that name is updated."""
    branch_name = name or meta.name
    if not branch_name:
        raise ValueError("a branch needs a name")
    row = s.scalar(select(Branch).where(Branch.name == branch_name))
    if row is None:
        row = Branch(name=branch_name)
        s.add(row)
    row.members = [m.model_dump() for m in meta.members]
    row.leaders = list(meta.leaders)
    if district_id is not None:
        row.district_id = district_id
    s.flush()
    return row


def upsert_plan(s: Session, meta: PlanMeta, district_id: int | None = None) -> Plan:
    if not meta.month:
        raise ValueError("a plan needs its month")
    row = s.scalar(select(Plan).where(Plan.month == meta.month, _same(Plan.district_id, district_id)))
    if row is None:
        row = Plan(month=meta.month, district_id=district_id)
        s.add(row)
    row.deadline = meta.deadline
    row.required_items = list(meta.required_items)
    row.materials = list(meta.materials)
    row.min_attendance_ratio = meta.min_attendance_ratio
    row.upload_within_workdays = meta.upload_within_workdays
    s.flush()
    return row


def _same(column: Any, value: int | None) -> Any:
    return column.is_(None) if value is None else column == value


def import_branch_yaml(
    s: Session, text: str, district_id: int | None = None, source: str = "branch.yaml"
) -> Branch:
    """Import the CLI's branch.yaml (ConfigError names the field when it is wrong)."""
    return upsert_branch(s, parse_yaml_model(BranchMeta, text, source), district_id=district_id)


def import_plan_yaml(
    s: Session, text: str, district_id: int | None = None, source: str = "plan.yaml"
) -> Plan:
    return upsert_plan(s, parse_yaml_model(PlanMeta, text, source), district_id)


def branch_meta(row: Branch) -> BranchMeta:
    return BranchMeta.model_validate({"name": row.name, "members": row.members, "leaders": row.leaders})


def plan_meta(row: Plan | None) -> PlanMeta:
    if row is None:
        return PlanMeta()
    fields: dict[str, Any] = {
        "month": row.month,
        "deadline": row.deadline,
        "required_items": row.required_items,
        "materials": row.materials,
    }
    if row.min_attendance_ratio is not None:
        fields["min_attendance_ratio"] = row.min_attendance_ratio
    if row.upload_within_workdays is not None:
        fields["upload_within_workdays"] = row.upload_within_workdays
    return PlanMeta.model_validate(fields)


def plan_for(s: Session, branch: Branch, month: str | None) -> Plan | None:
    """The district's plan for the month, else the plan for every district, else none."""
    if month is None:
        return None
    rows = s.scalars(
        select(Plan).where(
            Plan.month == month, or_(Plan.district_id == branch.district_id, Plan.district_id.is_(None))
        )
    ).all()
    return next((r for r in rows if r.district_id is not None), rows[0] if rows else None)


def branches(s: Session, scope: Scope) -> Sequence[Branch]:
    query = select(Branch).order_by(Branch.name)
    if scope is not None:
        query = query.where(Branch.id.in_(scope))
    return s.scalars(query).all()


def plans(s: Session, district_ids: Sequence[int] | None) -> Sequence[Plan]:
    query = select(Plan).order_by(Plan.month.desc())
    if district_ids is not None:
        query = query.where(or_(Plan.district_id.in_(district_ids), Plan.district_id.is_(None)))
    return s.scalars(query).all()


# ----------------------------------------------------------------------------- accounts


def create_user(
    s: Session,
    username: str,
    password_hash: str,
    role: Role,
    *,
    display_name: str = "",
    branch_id: int | None = None,
    district_id: int | None = None,
) -> User:
    if role == Role.SECRETARY and branch_id is None:
        raise ValueError("a secretary belongs to one branch")
    if role == Role.INSPECTOR and district_id is None:
        raise ValueError("an inspector belongs to a district")
    user = User(
        username=username,
        password_hash=password_hash,
        role=role.value,
        display_name=display_name or username,
        branch_id=branch_id,
        district_id=district_id,
    )
    s.add(user)
    s.flush()
    return user


def user_by_name(s: Session, username: str) -> User | None:
    return s.scalar(select(User).where(User.username == username, User.active.is_(True)))


def scope_of(s: Session, user: User) -> Scope:
    if user.role == Role.ADMIN:
        return None
    if user.role == Role.SECRETARY:
        return frozenset([user.branch_id]) if user.branch_id is not None else frozenset()
    ids = s.scalars(select(Branch.id).where(Branch.district_id == user.district_id)).all()
    return frozenset(ids)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(s: Session, user: User, ttl: dt.timedelta) -> tuple[str, SessionToken]:
    """A new login: returns the token (for the cookie; only its hash is stored) and the row."""
    token = secrets.token_urlsafe(32)
    row = SessionToken(
        token_hash=_token_hash(token),
        csrf_token=secrets.token_urlsafe(24),
        user_id=user.id,
        expires_at=utcnow() + ttl,
    )
    s.add(row)
    s.flush()
    return token, row


def live_session(s: Session, token: str) -> SessionToken | None:
    row = s.scalar(select(SessionToken).where(SessionToken.token_hash == _token_hash(token)))
    if row is None or row.revoked_at is not None or _aware(row.expires_at) <= utcnow() or not row.user.active:
        return None
    return row


def revoke_session(s: Session, row: SessionToken) -> None:
    row.revoked_at = utcnow()


def _aware(when: dt.datetime) -> dt.datetime:
    """SQLite gives naive datetimes back; everything stored is UTC."""
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


# ----------------------------------------------------------------------------- submissions


@dataclass(frozen=True)
class UploadedFile:
    name: str
    sha256: str
    size: int


def upload_digest(files: Sequence[UploadedFile], meta: dict[str, Any]) -> str:
    """The identity of an upload: the same bytes and fields give the same digest."""
    h = hashlib.sha256()
    for f in sorted(files, key=lambda f: (f.name, f.sha256)):
        h.update(f"{f.name}\0{f.sha256}\0".encode())
    h.update(repr(sorted(meta.items())).encode())
    return h.hexdigest()


def create_submission(
    s: Session,
    *,
    branch: Branch,
    user: User | None,
    name: str,
    files: Sequence[UploadedFile],
    meta: dict[str, Any],
    month: str | None,
    replaces: Submission | None = None,
) -> tuple[Submission, bool]:
    """A queued submission, or the existing one for the same bytes (created=False)."""
    digest = upload_digest(files, meta)
    existing = s.scalar(
        select(Submission).where(Submission.branch_id == branch.id, Submission.digest == digest)
    )
    if existing is not None:
        return existing, False
    series, version = str(uuid.uuid4()), 1
    if replaces is not None:
        series = replaces.series
        version = 1 + (s.scalar(select(func.max(Submission.version)).where(Submission.series == series)) or 0)
    row = Submission(
        series=series,
        version=version,
        branch_id=branch.id,
        uploaded_by=user.id if user else None,
        name=name,
        digest=digest,
        meta=meta,
        month=month,
        status=Status.QUEUED.value,
        queued_at=utcnow(),
    )
    row.files = [SubmissionFile(kind="upload", name=f.name, sha256=f.sha256, size=f.size) for f in files]
    s.add(row)
    s.flush()
    return row, True


def get_submission(s: Session, submission_id: int, scope: Scope) -> Submission | None:
    row = s.get(Submission, submission_id)
    if row is None or (scope is not None and row.branch_id not in scope):
        return None
    return row


@dataclass(frozen=True)
class Filters:
    branch_id: int | None = None
    month: str | None = None
    verdict: str | None = None
    code: str | None = None  # a finding code that did not pass
    status: str | None = None
    flagged: bool = False  # noncompliant or needs review only
    reviewed: bool | None = None
    limit: int = 200
    offset: int = 0


FLAGGED = ("noncompliant", "needs_review")


def _filtered(query: Any, scope: Scope, f: Filters) -> Any:
    if scope is not None:
        query = query.where(Submission.branch_id.in_(scope))
    if f.branch_id is not None:
        query = query.where(Submission.branch_id == f.branch_id)
    if f.month:
        query = query.where(Submission.month == f.month)
    verdict = func.coalesce(Submission.verdict_override, Submission.verdict)
    if f.verdict:
        query = query.where(verdict == f.verdict)
    if f.flagged:
        query = query.where(verdict.in_(FLAGGED))
    if f.status:
        query = query.where(Submission.status == f.status)
    if f.reviewed is not None:
        query = query.where(
            Submission.reviewed_at.is_not(None) if f.reviewed else Submission.reviewed_at.is_(None)
        )
    if f.code:
        failing = select(FindingRow.submission_id).where(
            FindingRow.code == f.code,
            func.coalesce(FindingRow.override_status, FindingRow.status).in_(("fail", "warn", "unknown")),
        )
        query = query.where(Submission.id.in_(failing))
    return query


def list_submissions(s: Session, scope: Scope, f: Filters) -> Sequence[Submission]:
    query = (
        _filtered(select(Submission), scope, f).order_by(Submission.id.desc()).limit(f.limit).offset(f.offset)
    )
    return s.scalars(query).all()


def verdict_counts(s: Session, scope: Scope, f: Filters) -> dict[str, int]:
    """Counts per effective verdict (or status while unchecked) under the same filters."""
    label = func.coalesce(Submission.verdict_override, Submission.verdict, Submission.status)
    rows = s.execute(_filtered(select(label, func.count()), scope, f).group_by(label)).all()
    return {str(k): int(n) for k, n in rows}


def finding_codes(s: Session, scope: Scope) -> list[str]:
    query = select(FindingRow.code).distinct().join(Submission)
    if scope is not None:
        query = query.where(Submission.branch_id.in_(scope))
    return sorted(s.scalars(query).all())


def versions(s: Session, row: Submission) -> Sequence[Submission]:
    return s.scalars(
        select(Submission).where(Submission.series == row.series).order_by(Submission.version)
    ).all()


# ----------------------------------------------------------------------------- the check's lease


def claim(s: Session, submission_id: int, lease: dt.timedelta) -> bool:
    """Take the submission for checking: queued, or running with its lease run out. Atomic."""
    now = utcnow()
    result = s.execute(
        update(Submission)
        .where(
            Submission.id == submission_id,
            or_(
                Submission.status == Status.QUEUED.value,
                (Submission.status == Status.RUNNING.value) & (Submission.lease_until < now),
            ),
        )
        .values(
            status=Status.RUNNING.value,
            lease_until=now + lease,
            started_at=now,
            attempts=Submission.attempts + 1,
        )
        .execution_options(synchronize_session=False)  # decided by the database, not by loaded objects
    )
    s.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class CheckResult:
    verdict: str
    report: dict[str, Any]
    findings: list[dict[str, Any]]
    report_html: str
    crops: dict[str, Any]  # crop id -> where to cut it (drawn on request)
    evidence: list[UploadedFile]
    month: str | None = None


def complete(s: Session, submission_id: int, result: CheckResult) -> bool:
    """Store a check's outcome if the submission is still this check's (``running``): the
    row, its findings and its evidence files as a few batched statements in one
    transaction, nothing loaded first."""
    done = s.execute(
        update(Submission)
        .where(Submission.id == submission_id, Submission.status == Status.RUNNING.value)
        .values(
            status=Status.DONE.value,
            verdict=result.verdict,
            report=result.report,
            report_html=result.report_html,
            crops=result.crops,
            month=func.coalesce(Submission.month, result.month),
            finished_at=utcnow(),
            lease_until=None,
            error=None,
        )
        .execution_options(synchronize_session=False)
    )
    if not done.rowcount:  # type: ignore[attr-defined]
        s.rollback()
        return False
    s.execute(delete(FindingRow).where(FindingRow.submission_id == submission_id))
    s.execute(
        delete(SubmissionFile).where(
            SubmissionFile.submission_id == submission_id, SubmissionFile.kind == "evidence"
        )
    )
    if result.findings:
        s.execute(
            insert(FindingRow),
            [
                {
                    "submission_id": submission_id,
                    "position": i,
                    "code": f["code"],
                    "status": f["status"],
                    "required": bool(f["required"]),
                }
                for i, f in enumerate(result.findings)
            ],
        )
    if result.evidence:
        s.execute(
            insert(SubmissionFile),
            [
                {
                    "submission_id": submission_id,
                    "kind": "evidence",
                    "name": e.name,
                    "sha256": e.sha256,
                    "size": e.size,
                }
                for e in result.evidence
            ],
        )
    s.commit()
    return True


def fail(s: Session, submission_id: int, error: str, *, final: bool) -> None:
    """A check that raised: ``failed`` with the error kept, or back to ``queued`` to try again."""
    row = s.get(Submission, submission_id)
    if row is None:
        return
    row.error = error
    row.lease_until = None
    if final:
        row.status = Status.FAILED.value
        row.finished_at = utcnow()
    else:
        row.status = Status.QUEUED.value
        row.queued_at = utcnow()
    s.commit()


def retry(s: Session, row: Submission) -> None:
    row.status = Status.QUEUED.value
    row.attempts = 0
    row.error = None
    row.queued_at = utcnow()
    row.finished_at = None


def stale(s: Session, queued_for: dt.timedelta, max_attempts: int) -> tuple[list[int], list[int]]:
    """Submissions the queue lost: (to enqueue again, to mark failed after too many attempts).

    Queued for longer than ``queued_for`` (the message was lost), or running past the lease
    (the worker died). The queued ones get a fresh ``queued_at`` so they are sent once per sweep.
    """
    now = utcnow()
    rows = s.scalars(
        select(Submission)
        .where(
            or_(
                (Submission.status == Status.QUEUED.value) & (Submission.queued_at < now - queued_for),
                (Submission.status == Status.RUNNING.value) & (Submission.lease_until < now),
            )
        )
        .with_for_update(skip_locked=True)
        .execution_options(populate_existing=True)  # the rows as stored now, not as once loaded
    ).all()
    again: list[int] = []
    failed: list[int] = []
    for row in rows:
        if row.attempts >= max_attempts:
            row.status = Status.FAILED.value
            row.error = row.error or f"检查 {row.attempts} 次均未完成（检查进程中断或超时）"
            row.finished_at = now
            failed.append(row.id)
        else:
            row.queued_at = now
            again.append(row.id)
    s.commit()
    return again, failed


# ----------------------------------------------------------------------------- audit log


def audit(
    s: Session,
    *,
    actor: User | None,
    action: str,
    submission: Submission | None = None,
    branch_id: int | None = None,
    target: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> AuditEntry:
    entry = AuditEntry(
        at=utcnow(),
        actor_id=actor.id if actor else None,
        actor=actor.username if actor else "system",
        action=action,
        submission_id=submission.id if submission else None,
        branch_id=submission.branch_id if submission else branch_id,
        target=target,
        before=before,
        after=after,
        reason=reason,
    )
    s.add(entry)
    s.flush()
    return entry


def audit_entries(
    s: Session, scope: Scope, submission_id: int | None = None, limit: int = 1000
) -> Sequence[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if scope is not None:
        query = query.where(AuditEntry.branch_id.in_(scope))
    if submission_id is not None:
        query = query.where(AuditEntry.submission_id == submission_id)
    return s.scalars(query).all()
