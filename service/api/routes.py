"""The REST API (OpenAPI at /api/openapi.json). Cookie sessions; unsafe methods need the
session's CSRF token in ``X-CSRF-Token``. Every submission lookup is scoped to the user's
branches: another branch's submission is 404, an action beyond the role is 403."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from service import actions
from service.actions import Incoming, Services
from service.app import db, principal, services
from service.auth.access import COOKIE, Principal, csrf_ok, forbidden, not_found
from service.auth.passwords import verify_password
from store import repositories as repo
from store.models import AuditEntry, Branch, Plan, Submission

router = APIRouter(prefix="/api")

Db = Annotated[Session, Depends(db)]
Svc = Annotated[Services, Depends(services)]


def csrf_principal(request: Request, p: Annotated[Principal, Depends(principal)]) -> Principal:
    if not csrf_ok(request, p):
        raise HTTPException(status_code=403, detail="缺少或错误的 CSRF 令牌")
    return p


User = Annotated[Principal, Depends(principal)]
Writer = Annotated[Principal, Depends(csrf_principal)]


# ----------------------------------------------------------------------------- views


def submission_view(row: Submission, *, full: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": row.id,
        "series": row.series,
        "version": row.version,
        "branch_id": row.branch_id,
        "branch": row.branch.name,
        "name": row.name,
        "month": row.month,
        "status": row.status,
        "attempts": row.attempts,
        "verdict": row.effective_verdict,
        "checked_verdict": row.verdict,
        "verdict_overruled": row.verdict_override is not None,
        "error": row.error,
        "created_at": row.created_at.isoformat(),
        "queued_at": row.queued_at.isoformat(),
        "started_at": row.started_at.isoformat() if row.started_at else None,
        "finished_at": row.finished_at.isoformat() if row.finished_at else None,
        "reviewed": row.reviewed_at is not None,
        "meta": row.meta,
    }
    if full:
        out["files"] = [
            {"id": f.id, "kind": f.kind, "name": f.name, "sha256": f.sha256, "size": f.size}
            for f in row.files
        ]
        out["findings"] = [
            {
                "id": f.id,
                "code": f.code,
                "status": f.effective_status,
                "checked_status": f.status,
                "required": f.required,
                "override_reason": f.override_reason,
            }
            for f in row.findings
        ]
    return out


def audit_view(e: AuditEntry) -> dict[str, Any]:
    return {
        "id": e.id,
        "at": e.at.isoformat(),
        "actor": e.actor,
        "action": e.action,
        "submission_id": e.submission_id,
        "branch_id": e.branch_id,
        "target": e.target,
        "before": e.before,
        "after": e.after,
        "reason": e.reason,
    }


def branch_view(b: Branch) -> dict[str, Any]:
    return {
        "id": b.id,
        "name": b.name,
        "district_id": b.district_id,
        "members": b.members,
        "leaders": b.leaders,
    }


def plan_view(p: Plan) -> dict[str, Any]:
    return {
        "id": p.id,
        "district_id": p.district_id,
        "month": p.month,
        "deadline": p.deadline.isoformat() if p.deadline else None,
        "required_items": p.required_items,
        "materials": p.materials,
        "min_attendance_ratio": p.min_attendance_ratio,
        "upload_within_workdays": p.upload_within_workdays,
    }


# ----------------------------------------------------------------------------- session


class Login(BaseModel):
    username: str = Field(max_length=64)
    password: str = Field(max_length=256)


def login_user(svc: Services, s: Session, username: str, password: str) -> tuple[str, str] | None:
    """(cookie token, csrf token) for a right password, else None. Runs argon2 off the loop."""
    user = repo.user_by_name(s, username)
    if not verify_password(user.password_hash if user else None, password) or user is None:
        return None
    token, row = repo.open_session(s, user, dt.timedelta(hours=svc.settings.session_hours))
    repo.audit(s, actor=user, action="login")
    s.commit()
    return token, row.csrf_token


def set_session_cookie(response: Response, svc: Services, token: str) -> None:
    response.set_cookie(
        COOKIE,
        token,
        max_age=int(svc.settings.session_hours * 3600),
        httponly=True,
        samesite="lax",
        secure=svc.settings.secure_cookies,
        path="/",
    )


@router.post("/session", summary="登录")
async def api_login(body: Login, svc: Svc, s: Db) -> Response:
    found = await run_in_threadpool(login_user, svc, s, body.username, body.password)
    if found is None:
        return JSONResponse({"detail": "用户名或密码错误"}, status_code=401)
    response = JSONResponse({"csrf_token": found[1]})
    set_session_cookie(response, svc, found[0])
    return response


@router.delete("/session", summary="退出登录（撤销会话）")
def api_logout(p: Writer, s: Db) -> Response:
    session_row = s.merge(p.session)
    repo.revoke_session(s, session_row)
    s.commit()
    response = JSONResponse({"ok": True})
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get("/me", summary="当前用户")
def api_me(p: User) -> dict[str, Any]:
    return {
        "username": p.user.username,
        "role": p.user.role,
        "branch_id": p.user.branch_id,
        "district_id": p.user.district_id,
        "csrf_token": p.csrf,
    }


# ----------------------------------------------------------------------------- submissions


@router.post("/submissions", status_code=201, summary="上传一份材料（zip 或若干文件）")
def api_upload(
    p: Writer,
    svc: Svc,
    s: Db,
    files: Annotated[list[UploadFile], File(description="一个 zip，或会议记录、签到表、照片等文件")],
    branch_id: Annotated[int | None, Form()] = None,
    categories: Annotated[str | None, Form()] = None,
    meeting_date: Annotated[str | None, Form()] = None,
    reported_attendance: Annotated[str | None, Form()] = None,
    replaces: Annotated[int | None, Form()] = None,
    name: Annotated[str | None, Form(max_length=200)] = None,
) -> Response:
    meta = actions.form_meta(categories, meeting_date, reported_attendance)
    incoming = [Incoming(f.filename, f.file) for f in files]
    row, created = actions.upload(
        svc, s, p, incoming, branch_id=branch_id, meta=meta, replaces_id=replaces, name=name
    )
    return JSONResponse(submission_view(row), status_code=201 if created else 200)


@router.get("/submissions", summary="材料列表（按支部、月份、结论、问题代码、状态筛选）")
def api_list(
    p: User,
    s: Db,
    branch_id: int | None = None,
    month: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$")] = None,
    verdict: Literal["compliant", "noncompliant", "needs_review"] | None = None,
    code: Annotated[str | None, Query(max_length=100)] = None,
    status: Literal["queued", "running", "done", "failed"] | None = None,
    flagged: bool = False,
    reviewed: bool | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    f = repo.Filters(branch_id, month, verdict, code, status, flagged, reviewed, limit, offset)
    rows = repo.list_submissions(s, p.scope, f)
    return {"items": [submission_view(r) for r in rows], "counts": repo.verdict_counts(s, p.scope, f)}


@router.get("/submissions/{submission_id}", summary="材料状态与检查结果摘要")
def api_get(submission_id: int, p: User, s: Db) -> dict[str, Any]:
    row = actions.visible_submission(s, p, submission_id)
    out = submission_view(row, full=True)
    out["versions"] = [{"id": v.id, "version": v.version, "status": v.status} for v in repo.versions(s, row)]
    return out


@router.get("/submissions/{submission_id}/report.json", summary="检查报告（JSON，公开格式）")
def api_report_json(submission_id: int, p: User, s: Db) -> Response:
    row = actions.visible_submission(s, p, submission_id)
    if row.report is None:
        raise HTTPException(status_code=409, detail="检查尚未完成")
    body = {**row.report, "verdict_override": row.verdict_override, "submission_id": row.id}
    return Response(json.dumps(body, ensure_ascii=False), media_type="application/json")


@router.get("/submissions/{submission_id}/report.html", summary="检查报告（HTML，含依据截图）")
def api_report_html(submission_id: int, p: User, s: Db, svc: Svc) -> Response:
    row = actions.visible_submission(s, p, submission_id)
    if row.report_html is None:
        raise HTTPException(status_code=409, detail="检查尚未完成")
    return Response(
        svc.crops.html(row.id, row.crops, svc.files.read(row.report_html)),
        media_type="text/html; charset=utf-8",
        headers={"Content-Security-Policy": "default-src 'none'; img-src data:; style-src 'unsafe-inline'"},
    )


@router.get("/submissions/{submission_id}/files/{file_id}", summary="下载原始文件")
def api_file(submission_id: int, file_id: int, p: User, s: Db, svc: Svc) -> Response:
    row = actions.visible_submission(s, p, submission_id)
    found = next((f for f in row.files if f.id == file_id), None)
    if found is None:
        raise not_found()
    disposition = f"attachment; filename*=UTF-8''{quote(found.name)}"
    return Response(
        svc.files.read(found.sha256),
        media_type="application/octet-stream",
        headers={"Content-Disposition": disposition},
    )


@router.get("/submissions/{submission_id}/crops/{crop_id}", summary="依据截图（PNG，首次查看时截取）")
def api_crop(submission_id: int, crop_id: str, p: User, s: Db, svc: Svc) -> Response:
    row = actions.visible_submission(s, p, submission_id)
    png = svc.crops.crop(row.id, row.crops, crop_id)
    if png is None:
        raise not_found()
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"})


class Overrule(BaseModel):
    finding_id: int | None = Field(default=None, description="改判某一检查项；不填则改判结论")
    status: Literal["pass", "fail", "warn", "unknown"] | None = None
    verdict: Literal["compliant", "noncompliant", "needs_review"] | None = None
    reason: str = Field(min_length=2, max_length=2000, description="改判理由（必填）")


@router.post("/submissions/{submission_id}/overrule", summary="改判检查项或结论（须填理由）")
def api_overrule(submission_id: int, body: Overrule, p: Writer, s: Db) -> dict[str, Any]:
    row = actions.visible_submission(s, p, submission_id)
    if body.finding_id is not None:
        if body.status is None:
            raise actions.bad_request("请给出检查项的改判结果")
        actions.overrule_finding(s, p, row, body.finding_id, body.status, body.reason)
    else:
        if body.verdict is None:
            raise actions.bad_request("请给出改判后的结论")
        actions.overrule_verdict(s, p, row, body.verdict, body.reason)
    return submission_view(row, full=True)


class Review(BaseModel):
    note: str = Field(default="", max_length=2000)


@router.post("/submissions/{submission_id}/review", summary="标记为已审阅")
def api_review(submission_id: int, body: Review, p: Writer, s: Db) -> dict[str, Any]:
    row = actions.visible_submission(s, p, submission_id)
    actions.mark_reviewed(s, p, row, body.note)
    return submission_view(row)


@router.post("/submissions/{submission_id}/retry", summary="重新检查（检查失败时）")
def api_retry(submission_id: int, p: Writer, s: Db, svc: Svc) -> dict[str, Any]:
    row = actions.visible_submission(s, p, submission_id)
    actions.retry(svc, s, p, row)
    return submission_view(row)


@router.get("/submissions/{submission_id}/audit", summary="该材料的审计记录")
def api_submission_audit(submission_id: int, p: User, s: Db) -> list[dict[str, Any]]:
    row = actions.visible_submission(s, p, submission_id)
    return [audit_view(e) for e in repo.audit_entries(s, p.scope, row.id)]


AUDIT_COLUMNS = (
    "id",
    "at",
    "actor",
    "action",
    "submission_id",
    "branch_id",
    "target",
    "before",
    "after",
    "reason",
)


@router.get("/audit", summary="审计记录（JSON 或 CSV 导出）")
def api_audit(
    p: User,
    s: Db,
    format: Literal["json", "csv"] = "json",
    limit: Annotated[int, Query(ge=1, le=100_000)] = 1000,
) -> Response:
    if not p.is_reviewer():
        raise forbidden()
    entries = [audit_view(e) for e in repo.audit_entries(s, p.scope, limit=limit)]
    if format == "json":
        return JSONResponse(entries)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(AUDIT_COLUMNS)
    for e in entries:
        writer.writerow(
            [
                json.dumps(e[c], ensure_ascii=False) if c in ("before", "after") else e[c]
                for c in AUDIT_COLUMNS
            ]
        )
    return Response(
        "\ufeff" + out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": "attachment; filename=audit.csv"},
    )


# ----------------------------------------------------------------------------- organisation


@router.get("/branches", summary="支部列表（本人可见范围）")
def api_branches(p: User, s: Db) -> list[dict[str, Any]]:
    return [branch_view(b) for b in repo.branches(s, p.scope)]


def _visible_branch(s: Session, p: Principal, branch_id: int) -> Branch:
    branch = s.get(Branch, branch_id)
    if branch is None or not p.may_see(branch.id):
        raise not_found()
    return branch


@router.get("/branches/{branch_id}", summary="支部名册")
def api_branch(branch_id: int, p: User, s: Db) -> dict[str, Any]:
    return branch_view(_visible_branch(s, p, branch_id))


class Roster(BaseModel):
    members: list[dict[str, str]] = Field(default_factory=list, max_length=2000)
    leaders: list[str] = Field(default_factory=list, max_length=100)


@router.put("/branches/{branch_id}", summary="修改支部名册（督查员、管理员）")
def api_edit_branch(branch_id: int, body: Roster, p: Writer, s: Db) -> dict[str, Any]:
    branch = _visible_branch(s, p, branch_id)
    return branch_view(actions.edit_roster(s, p, branch, body.model_dump()))


@router.get("/plans", summary="月度计划")
def api_plans(p: User, s: Db) -> list[dict[str, Any]]:
    if p.scope is None:
        return [plan_view(x) for x in repo.plans(s, None)]
    districts = {b.district_id for b in repo.branches(s, p.scope) if b.district_id is not None}
    return [plan_view(x) for x in repo.plans(s, sorted(districts))]


class PlanIn(BaseModel):
    month: str = Field(pattern=r"^\d{4}-\d{2}$")
    deadline: str | None = None
    required_items: list[str] = Field(default_factory=list, max_length=200)
    materials: list[str] = Field(default_factory=list, max_length=200)
    district_id: int | None = None


@router.put("/plans", summary="新建或修改月度计划（督查员：本片区；管理员：全部）")
def api_edit_plan(body: PlanIn, p: Writer, s: Db) -> dict[str, Any]:
    return plan_view(actions.edit_plan(s, p, body.model_dump(exclude_none=True)))


class YamlImport(BaseModel):
    kind: Literal["branch", "plan"]
    yaml: str = Field(max_length=64 * 1024, description="branch.yaml 或 plan.yaml 的内容（与命令行相同）")
    district_id: int | None = None


@router.post("/import", summary="导入命令行使用的 branch.yaml / plan.yaml")
def api_import(body: YamlImport, p: Writer, s: Db) -> dict[str, Any]:
    row = actions.import_yaml(s, p, body.kind, body.yaml, body.district_id)
    return branch_view(row) if isinstance(row, Branch) else plan_view(row)
