"""What a user can do, shared by the REST API and the web pages: upload, overrule, mark
reviewed, retry, edit a roster or a plan. Each action checks the user's right, changes
the rows and writes the audit log in the same transaction."""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from fastapi import HTTPException
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from core.errors import ConfigError
from core.meta import Branch as BranchMeta
from core.meta import Plan as PlanMeta
from core.meta import SubmissionMeta, parse_yaml_model
from core.settings import load_settings
from service.auth.access import Principal, forbidden, not_found
from service.crops import CropRenderer
from service.settings import ServiceSettings
from store import repositories as repo
from store.files import FileStore
from store.models import Branch, FindingRow, Plan, Role, Status, Submission

log = logging.getLogger(__name__)

FINDING_STATUSES = ("pass", "fail", "warn", "unknown")
VERDICTS = ("compliant", "noncompliant", "needs_review")
MIN_REASON_CHARS = 2
MAX_REASON_CHARS = 2000
MAX_NAME_CHARS = 200
DEFAULT_FILE_NAME = "文件"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass
class Services:
    """What the web process holds: settings, database sessions, the file store, the queue."""

    settings: ServiceSettings
    sessions: sessionmaker[Session]
    files: FileStore
    enqueue: Callable[[int], None]
    crops: CropRenderer = field(init=False)

    def __post_init__(self) -> None:
        # the check's own pixel limits (``JISHI_LIMITS__…``), as the worker decodes pages with
        self.crops = CropRenderer(self.files, self.settings.crops_dir, load_settings().limits)

    def send(self, submission_id: int) -> None:
        """Put the id on the queue; if the broker is down the sweeper sends it later."""
        try:
            self.enqueue(submission_id)
        except Exception:
            log.exception("could not enqueue submission %s (the sweeper will)", submission_id)


def bad_request(message: str) -> HTTPException:
    return HTTPException(status_code=400, detail=message)


def shown_name(filename: str | None) -> str:
    """A file's name as shown: the last path part, NFC, no control characters, bounded."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = _CONTROL.sub("", unicodedata.normalize("NFC", name)).strip().lstrip(".")
    return name[:MAX_NAME_CHARS] or DEFAULT_FILE_NAME


@dataclass(frozen=True)
class Incoming:
    filename: str | None
    stream: BinaryIO


def form_meta(
    categories: str | None, meeting_date: str | None, reported_attendance: str | None
) -> dict[str, Any]:
    """The platform fields typed into the upload form, checked like submission.yaml."""
    fields: dict[str, Any] = {}
    if categories and categories.strip():
        fields["categories"] = [c for c in re.split(r"[,，、\s]+", categories.strip()) if c]
    if meeting_date and meeting_date.strip():
        fields["meeting_date"] = meeting_date.strip()
    if reported_attendance and reported_attendance.strip():
        fields["reported_attendance"] = reported_attendance.strip()
    try:
        meta = SubmissionMeta.model_validate(fields)
    except ValidationError as exc:
        where = "、".join(".".join(str(p) for p in e["loc"]) for e in exc.errors())
        raise bad_request(f"填报信息有误：{where}") from None
    return meta.model_dump(mode="json", exclude_unset=True)


def upload(
    services: Services,
    s: Session,
    p: Principal,
    incoming: Sequence[Incoming],
    *,
    branch_id: int | None,
    meta: dict[str, Any],
    replaces_id: int | None = None,
    name: str | None = None,
) -> tuple[Submission, bool]:
    """Store the files by content, then one transaction: the submission row and its audit entry."""
    replaces = None
    if replaces_id is not None:
        replaces = repo.get_submission(s, replaces_id, p.scope)
        if replaces is None:
            raise not_found()
        branch_id = branch_id or replaces.branch_id
    branch = _upload_branch(s, p, branch_id)
    if replaces is not None and replaces.branch_id != branch.id:
        raise bad_request("新版本必须属于同一支部")
    if not incoming:
        raise bad_request("没有收到文件，请选择会议记录、签到表和照片，或一个 zip 压缩包。")
    if len(incoming) > services.settings.max_upload_files:
        raise bad_request(f"一次最多上传 {services.settings.max_upload_files} 个文件")
    stored = []
    for item in incoming:
        sha, size = services.files.put_stream(item.stream)
        stored.append(repo.UploadedFile(name=shown_name(item.filename), sha256=sha, size=size))
    if all(f.size == 0 for f in stored):
        raise bad_request("上传的文件是空的")
    title = (name or "").strip()[:MAX_NAME_CHARS] or _default_title(stored, replaces)
    meeting = meta.get("meeting_date")
    month = str(meeting)[:7] if meeting else None
    row, created = repo.create_submission(
        s, branch=branch, user=p.user, name=title, files=stored, meta=meta, month=month, replaces=replaces
    )
    if created:
        repo.audit(
            s,
            actor=p.user,
            action="upload",
            submission=row,
            target=f"第 {row.version} 版",
            after={"files": [f.name for f in stored], "version": row.version, **meta},
        )
    s.commit()
    if created:
        services.send(row.id)
    return row, created


def _default_title(stored: Sequence[repo.UploadedFile], replaces: Submission | None) -> str:
    if replaces is not None:
        return replaces.name
    if len(stored) == 1 and stored[0].name.lower().endswith(".zip"):
        return stored[0].name[:-4] or DEFAULT_FILE_NAME
    return f"提交材料 {dt.datetime.now(dt.UTC).astimezone().date().isoformat()}"


def _upload_branch(s: Session, p: Principal, branch_id: int | None) -> Branch:
    if p.role == Role.SECRETARY:
        branch_id = p.user.branch_id
    if branch_id is None:
        raise bad_request("请选择支部")
    branch = s.get(Branch, branch_id)
    if branch is None or not p.may_see(branch.id):
        raise not_found()
    return branch


def require_reviewer(p: Principal) -> None:
    if not p.is_reviewer():
        raise forbidden()


def _reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if len(text) < MIN_REASON_CHARS:
        raise bad_request("请填写改判理由（至少两个字）")
    return text[:MAX_REASON_CHARS]


def overrule_finding(
    s: Session, p: Principal, row: Submission, finding_id: int, status: str, reason: str | None
) -> None:
    require_reviewer(p)
    if status not in FINDING_STATUSES:
        raise bad_request("改判结果不合法")
    text = _reason(reason)
    finding = s.get(FindingRow, finding_id)
    if finding is None or finding.submission_id != row.id:
        raise not_found()
    before = {"status": finding.effective_status}
    finding.override_status = status
    finding.override_reason = text
    repo.audit(
        s,
        actor=p.user,
        action="overrule_finding",
        submission=row,
        target=finding.code,
        before=before,
        after={"status": status},
        reason=text,
    )
    s.commit()


def overrule_verdict(s: Session, p: Principal, row: Submission, verdict: str, reason: str | None) -> None:
    require_reviewer(p)
    if verdict not in VERDICTS:
        raise bad_request("改判结论不合法")
    if row.status != Status.DONE.value:
        raise bad_request("检查尚未完成，不能改判")
    text = _reason(reason)
    before = {"verdict": row.effective_verdict}
    row.verdict_override = verdict
    repo.audit(
        s,
        actor=p.user,
        action="overrule_verdict",
        submission=row,
        target="结论",
        before=before,
        after={"verdict": verdict},
        reason=text,
    )
    s.commit()


def mark_reviewed(s: Session, p: Principal, row: Submission, note: str | None) -> None:
    require_reviewer(p)
    before = {"reviewed_at": row.reviewed_at.isoformat() if row.reviewed_at else None}
    row.reviewed_at = dt.datetime.now(dt.UTC)
    row.reviewed_by = p.user.id
    repo.audit(
        s,
        actor=p.user,
        action="mark_reviewed",
        submission=row,
        target="已审阅",
        before=before,
        after={"reviewed_at": row.reviewed_at.isoformat()},
        reason=(note or "").strip()[:MAX_REASON_CHARS],
    )
    s.commit()


def retry(services: Services, s: Session, p: Principal, row: Submission) -> None:
    if row.status != Status.FAILED.value:
        raise bad_request("只有检查失败的材料可以重新检查")
    before = {"status": row.status, "error": row.error}
    repo.retry(s, row)
    repo.audit(s, actor=p.user, action="retry", submission=row, before=before, after={"status": row.status})
    s.commit()
    services.send(row.id)


def _may_edit_branch(s: Session, p: Principal, branch: Branch) -> None:
    if p.role == Role.ADMIN:
        return
    if p.role == Role.INSPECTOR and p.may_see(branch.id):
        return
    if p.may_see(branch.id):
        raise forbidden()
    raise not_found()


def edit_roster(s: Session, p: Principal, branch: Branch, roster: dict[str, Any]) -> Branch:
    _may_edit_branch(s, p, branch)
    try:
        meta = BranchMeta.model_validate({**roster, "name": branch.name})
    except ValidationError as exc:
        raise bad_request(f"名册有误：{exc.error_count()} 处不合法") from None
    before = {"members": branch.members, "leaders": branch.leaders}
    repo.upsert_branch(s, meta)
    repo.audit(
        s,
        actor=p.user,
        action="edit_roster",
        branch_id=branch.id,
        target=branch.name,
        before=before,
        after={"members": branch.members, "leaders": branch.leaders},
    )
    s.commit()
    return branch


def edit_plan(s: Session, p: Principal, fields: dict[str, Any]) -> Plan:
    """Write a month plan for the user's district (an admin's plans hold for every district)."""
    if p.role == Role.SECRETARY:
        raise forbidden()
    district_id = p.user.district_id if p.role == Role.INSPECTOR else fields.pop("district_id", None)
    try:
        meta = PlanMeta.model_validate({k: v for k, v in fields.items() if k != "district_id"})
    except (ValidationError, ConfigError) as exc:
        raise bad_request(f"计划有误：{exc}") from None
    if not meta.month:
        raise bad_request("请填写计划月份（如 2022-12）")
    plan = repo.upsert_plan(s, meta, district_id)
    repo.audit(
        s,
        actor=p.user,
        action="edit_plan",
        target=meta.month,
        after=meta.model_dump(mode="json"),
        branch_id=None,
    )
    s.commit()
    return plan


def import_yaml(s: Session, p: Principal, kind: str, text: str, district_id: int | None) -> Branch | Plan:
    """Import the CLI's branch.yaml or plan.yaml (an inspector into their own district)."""
    if p.role == Role.SECRETARY:
        raise forbidden()
    if p.role == Role.INSPECTOR:
        district_id = p.user.district_id
    try:
        if kind == "branch":
            meta = parse_yaml_model(BranchMeta, text, "branch.yaml")
            existing = s.scalar(select(Branch).where(Branch.name == meta.name))
            if existing is not None and not p.may_see(existing.id):
                raise not_found()  # another district's branch of that name: never overwritten
            branch = repo.upsert_branch(s, meta, district_id=district_id)
            repo.audit(
                s,
                actor=p.user,
                action="import_branch",
                branch_id=branch.id,
                target=branch.name,
                after={"members": branch.members, "leaders": branch.leaders},
            )
            s.commit()
            return branch
        plan = repo.import_plan_yaml(s, text, district_id=district_id)
    except (ConfigError, ValueError) as exc:
        s.rollback()
        raise bad_request(str(exc.for_user() if isinstance(exc, ConfigError) else exc)) from None
    repo.audit(s, actor=p.user, action="import_plan", target=plan.month, after={"district_id": district_id})
    s.commit()
    return plan


def visible_submission(s: Session, p: Principal, submission_id: int) -> Submission:
    row = repo.get_submission(s, submission_id, p.scope)
    if row is None:
        raise not_found()
    return row
