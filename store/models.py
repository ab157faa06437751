"""The service's tables (SQLAlchemy 2): organisation, accounts, submissions, audit log.

The submission row is the record of a check: the broker only carries its id, so a
lost message is found again by the sweeper from ``status`` and ``lease_until``.
The audit log is append-only: the ORM refuses updates and deletes, and the migration
adds database triggers that refuse them too.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Role(StrEnum):
    SECRETARY = "secretary"
    INSPECTOR = "inspector"
    ADMIN = "admin"


class Status(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class District(Base):
    __tablename__ = "districts"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    branches: Mapped[list[Branch]] = relationship(back_populates="district")


class Branch(Base):
    """A party branch: its roster (``members`` as [{name, role}]) and unit leaders."""

    __tablename__ = "branches"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"))
    members: Mapped[list[Any]] = mapped_column(default=list)
    leaders: Mapped[list[Any]] = mapped_column(default=list)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    district: Mapped[District | None] = relationship(back_populates="branches")


class Plan(Base):
    """A month plan from the party committee, for one district (or all when district is null)."""

    __tablename__ = "plans"
    __table_args__ = (UniqueConstraint("district_id", "month", name="district_month"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"))
    month: Mapped[str] = mapped_column(String(7))
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    required_items: Mapped[list[Any]] = mapped_column(default=list)
    materials: Mapped[list[Any]] = mapped_column(default=list)
    min_attendance_ratio: Mapped[float | None] = mapped_column(Float)
    upload_within_workdays: Mapped[int | None] = mapped_column(Integer)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branches.id"))  # a secretary's branch
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"))  # an inspector's district
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SessionToken(Base):
    """A login: only the token's sha256 is stored; revoking sets ``revoked_at``."""

    __tablename__ = "sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    user: Mapped[User] = relationship()


class Submission(Base):
    """One uploaded version of a submission. ``series`` groups the versions of one submission."""

    __tablename__ = "submissions"
    __table_args__ = (
        UniqueConstraint("branch_id", "digest", name="branch_digest"),
        Index("ix_submissions_status_lease", "status", "lease_until"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    series: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"), index=True)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    name: Mapped[str] = mapped_column(String(200))
    digest: Mapped[str] = mapped_column(String(64))  # sha256 over the uploaded files and form fields
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)  # the platform fields (submission.yaml)
    month: Mapped[str | None] = mapped_column(String(7), index=True)
    status: Mapped[str] = mapped_column(String(16), default=Status.QUEUED)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    queued_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    error: Mapped[str | None] = mapped_column(Text)
    verdict: Mapped[str | None] = mapped_column(String(16), index=True)  # as the checks said
    verdict_override: Mapped[str | None] = mapped_column(String(16))  # as an inspector decided
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    report_html: Mapped[str | None] = mapped_column(String(64))  # sha256 of the stored HTML report
    crops: Mapped[dict[str, Any]] = mapped_column(default=dict)  # crop id -> where to cut it (service.crops)
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    branch: Mapped[Branch] = relationship()
    files: Mapped[list[SubmissionFile]] = relationship(
        back_populates="submission", order_by="SubmissionFile.id", cascade="all, delete-orphan"
    )
    findings: Mapped[list[FindingRow]] = relationship(
        back_populates="submission", order_by="FindingRow.position", cascade="all, delete-orphan"
    )

    @property
    def effective_verdict(self) -> str | None:
        return self.verdict_override or self.verdict


class SubmissionFile(Base):
    """A file of a submission: ``upload`` as received, ``evidence`` as read from it (zip members)."""

    __tablename__ = "submission_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(500))  # shown, never used as a path
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    submission: Mapped[Submission] = relationship(back_populates="files")


class FindingRow(Base):
    """One finding of a check, with an inspector's overruling kept beside it."""

    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(100), index=True)
    status: Mapped[str] = mapped_column(String(16))
    required: Mapped[bool] = mapped_column(Boolean)
    override_status: Mapped[str | None] = mapped_column(String(16))
    override_reason: Mapped[str | None] = mapped_column(Text)
    submission: Mapped[Submission] = relationship(back_populates="findings")

    @property
    def effective_status(self) -> str:
        return self.override_status or self.status


class AuditEntry(Base):
    """Who did what, when, to what, before and after, and why. Never updated nor deleted."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"), index=True)
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branches.id"), index=True)
    target: Mapped[str] = mapped_column(String(200), default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")


class AppendOnlyError(RuntimeError):
    """An attempt to change or delete an audit entry (a bug, never a user's doing)."""


@event.listens_for(AuditEntry, "before_update")
def _no_update(mapper: Mapper[Any], connection: Any, target: AuditEntry) -> None:
    raise AppendOnlyError("the audit log is append-only")


@event.listens_for(AuditEntry, "before_delete")
def _no_delete(mapper: Mapper[Any], connection: Any, target: AuditEntry) -> None:
    raise AppendOnlyError("the audit log is append-only")
