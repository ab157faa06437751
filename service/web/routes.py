"""The web pages (Simplified Chinese): log in, the secretary's self-check, the inspector's
review queue, one submission with its findings beside the evidence, rosters and plans.

Forms post back with the session's CSRF token in a hidden field; every page reads the
same scoped repository functions as the API."""

from __future__ import annotations

import hmac
import json
import secrets
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from core.models import Status as FindingStatus
from core.models import Verdict
from jishi.report._labels import STATUS_LABELS, VERDICT_LABELS
from service import actions
from service.actions import Incoming, Services
from service.api.routes import login_user, set_session_cookie
from service.app import db, principal, services
from service.auth.access import COOKIE, CSRF_FIELD, Principal, csrf_ok, forbidden
from store import repositories as repo
from store.models import Branch, Role, Submission

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))

Db = Annotated[Session, Depends(db)]
Svc = Annotated[Services, Depends(services)]
User = Annotated[Principal, Depends(principal)]

STATUS_TEXT = {"queued": "排队中", "running": "检查中", "done": "已完成", "failed": "检查失败"}
ROLE_TEXT = {"secretary": "支部书记", "inspector": "督查员", "admin": "管理员"}
ACTION_TEXT = {
    "upload": "上传",
    "overrule_finding": "改判检查项",
    "overrule_verdict": "改判结论",
    "mark_reviewed": "标记已审阅",
    "retry": "重新检查",
    "check_failed": "检查失败",
    "edit_roster": "修改名册",
    "edit_plan": "修改计划",
    "import_branch": "导入名册",
    "import_plan": "导入计划",
    "enrol_faces": "登记人脸参考照片",
    "delete_faces": "删除人脸参考照片",
    "face_switch": "开关人脸核对",
    "login": "登录",
}
VERDICT_TEXT = {v.value: label for v, label in VERDICT_LABELS.items()}
FINDING_TEXT = {s.value: label for s, label in STATUS_LABELS.items()}
FINDING_ORDER = {
    s.value: i
    for i, s in enumerate((FindingStatus.FAIL, FindingStatus.UNKNOWN, FindingStatus.WARN, FindingStatus.PASS))
}
MAX_FORM_FILES = 1000


def page(request: Request, name: str, p: Principal | None, **context: Any) -> HTMLResponse:
    base = {
        "user": p.user if p else None,
        "role_text": ROLE_TEXT,
        "csrf": p.csrf if p else "",
        "status_text": STATUS_TEXT,
        "verdict_text": VERDICT_TEXT,
        "finding_text": FINDING_TEXT,
        "action_text": ACTION_TEXT,
    }
    return templates.TemplateResponse(request, name, {**base, **context})


def check_form(request: Request, p: Principal, token: str | None) -> None:
    if not csrf_ok(request, p, token):
        raise HTTPException(status_code=403, detail="页面已过期，请刷新后重试")


def back_to(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# ----------------------------------------------------------------------------- log in / out


LOGIN_CSRF_COOKIE = "jishi_login_csrf"


def login_form(request: Request, svc: Services, error: str | None, status: int = 200) -> HTMLResponse:
    """The login page with a fresh token, also set as a strict cookie (double submit), so
    another site cannot log a browser in under its own account."""
    token = secrets.token_urlsafe(24)
    response = page(request, "login.html", None, error=error, login_csrf=token)
    response.status_code = status
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=svc.settings.secure_cookies,
        path="/login",
    )
    return response


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, svc: Svc) -> HTMLResponse:
    return login_form(request, svc, None)


@router.post("/login")
async def login_post(
    request: Request,
    svc: Svc,
    s: Db,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    login_csrf: Annotated[str, Form()] = "",
) -> Response:
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not hmac.compare_digest(expected.encode(), login_csrf.encode()):
        return login_form(request, svc, "页面已过期，请重新登录", status=403)
    found = await run_in_threadpool(login_user, svc, s, username[:64], password[:256])
    if found is None:
        return login_form(request, svc, "用户名或密码错误", status=401)
    response = back_to("/")
    set_session_cookie(response, svc, found[0])
    return response


@router.post("/logout")
def logout(request: Request, p: User, s: Db, csrf_token: Annotated[str, Form()] = "") -> Response:
    check_form(request, p, csrf_token)
    repo.revoke_session(s, p.session)
    s.commit()
    response = back_to("/login")
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get("/")
def home(p: User) -> Response:
    return back_to("/self-check" if p.role == Role.SECRETARY else "/review")


# ----------------------------------------------------------------------------- secretary


@router.get("/self-check", response_class=HTMLResponse)
def self_check(request: Request, p: User, s: Db, replaces: int | None = None) -> HTMLResponse:
    rows = repo.list_submissions(s, p.scope, repo.Filters(limit=100))
    previous = actions.visible_submission(s, p, replaces) if replaces is not None else None
    return page(
        request,
        "self_check.html",
        p,
        rows=rows,
        branches=repo.branches(s, p.scope),
        previous=previous,
        error=None,
    )


@router.post("/upload")
async def upload_post(request: Request, p: User, s: Db, svc: Svc) -> Response:
    form = await request.form(max_files=MAX_FORM_FILES)
    check_form(request, p, _text(form.get(CSRF_FIELD)))
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    meta = actions.form_meta(
        _text(form.get("categories")), _text(form.get("meeting_date")), _text(form.get("reported_attendance"))
    )
    row, _ = await run_in_threadpool(
        actions.upload,
        svc,
        s,
        p,
        [Incoming(f.filename, f.file) for f in files],
        branch_id=_int(form.get("branch_id")),
        meta=meta,
        replaces_id=_int(form.get("replaces")),
    )
    return back_to(f"/submissions/{row.id}")


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: object) -> int | None:
    text = _text(value)
    return int(text) if text and text.strip().isdigit() else None


# ----------------------------------------------------------------------------- one submission


@router.get("/submissions/{submission_id}", response_class=HTMLResponse)
def submission_page(request: Request, submission_id: int, p: User, s: Db) -> HTMLResponse:
    row = actions.visible_submission(s, p, submission_id)
    return page(
        request,
        "submission.html",
        p,
        row=row,
        report=row.report,
        findings=_findings(row),
        versions=repo.versions(s, row),
        audit=repo.audit_entries(s, p.scope, row.id),
        reviewer=p.is_reviewer(),
        meeting=_meeting(row.report),
    )


def _findings(row: Submission) -> list[dict[str, Any]]:
    """Each finding row with its message, hint and evidence from the stored report, worst first."""
    data = (row.report or {}).get("findings", [])
    out = []
    for f in row.findings:
        detail = data[f.position] if f.position < len(data) else {}
        out.append(
            {
                "row": f,
                "message": detail.get("message", ""),
                "hint": detail.get("hint", ""),
                "evidence": detail.get("evidence", []),
            }
        )
    return sorted(out, key=lambda x: FINDING_ORDER.get(x["row"].effective_status, 9))


def _meeting(report: dict[str, Any] | None) -> list[tuple[str, str]]:
    if not report:
        return []
    m = report.get("meeting", {})

    def show(v: Any) -> str:
        if v is None or v == []:
            return "未识别"
        return "、".join(str(x) for x in v) if isinstance(v, list) else str(v)

    counts = " / ".join(
        "?" if m.get(k) is None else str(m.get(k)) for k in ("expected_count", "actual_count", "absent_count")
    )
    return [
        ("会议类型", show(m.get("kind"))),
        ("日期", show(m.get("date"))),
        ("地点", show(m.get("place"))),
        ("主持人", show(m.get("presider"))),
        ("记录人", show(m.get("recorder"))),
        ("应到/实到/缺席", counts),
    ]


@router.post("/submissions/{submission_id}/overrule")
def overrule_post(
    request: Request,
    submission_id: int,
    p: User,
    s: Db,
    reason: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form()] = "",
    finding_id: Annotated[str, Form()] = "",
    status: Annotated[str, Form()] = "",
    verdict: Annotated[str, Form()] = "",
) -> Response:
    check_form(request, p, csrf_token)
    row = actions.visible_submission(s, p, submission_id)
    if finding_id.strip().isdigit():
        actions.overrule_finding(s, p, row, int(finding_id), status, reason)
    else:
        actions.overrule_verdict(s, p, row, verdict, reason)
    return back_to(f"/submissions/{row.id}#audit")


@router.post("/submissions/{submission_id}/review")
def review_post(
    request: Request,
    submission_id: int,
    p: User,
    s: Db,
    csrf_token: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    check_form(request, p, csrf_token)
    row = actions.visible_submission(s, p, submission_id)
    actions.mark_reviewed(s, p, row, note)
    return back_to(f"/submissions/{row.id}")


@router.post("/submissions/{submission_id}/retry")
def retry_post(
    request: Request, submission_id: int, p: User, s: Db, svc: Svc, csrf_token: Annotated[str, Form()] = ""
) -> Response:
    check_form(request, p, csrf_token)
    row = actions.visible_submission(s, p, submission_id)
    actions.retry(svc, s, p, row)
    return back_to(f"/submissions/{row.id}")


# ----------------------------------------------------------------------------- inspector


@router.get("/review", response_class=HTMLResponse)
def review_queue(
    request: Request,
    p: User,
    s: Db,
    branch_id: str = "",
    month: str = "",
    verdict: str = "",
    code: str = "",
    status: str = "",
    show: str = "flagged",
) -> HTMLResponse:
    if not p.is_reviewer():
        raise forbidden()
    f = repo.Filters(
        branch_id=int(branch_id) if branch_id.isdigit() else None,
        month=month or None,
        verdict=verdict if verdict in VERDICT_TEXT else None,
        code=code or None,
        status=status if status in STATUS_TEXT else None,
        flagged=show == "flagged" and not verdict,
        reviewed=False if show == "flagged" else None,
    )
    rows = repo.list_submissions(s, p.scope, f)
    counts = repo.verdict_counts(s, p.scope, repo.Filters(branch_id=f.branch_id, month=f.month))
    return page(
        request,
        "review.html",
        p,
        rows=rows,
        counts=counts,
        branches=repo.branches(s, p.scope),
        codes=repo.finding_codes(s, p.scope),
        filters={
            "branch_id": branch_id,
            "month": month,
            "verdict": verdict,
            "code": code,
            "status": status,
            "show": show,
        },
        verdicts=[v.value for v in Verdict],
    )


# ----------------------------------------------------------------------------- rosters and plans


@router.get("/branches", response_class=HTMLResponse)
def branches_page(request: Request, p: User, s: Db) -> HTMLResponse:
    rows = repo.branches(s, p.scope)
    districts = sorted({b.district_id for b in rows if b.district_id is not None})
    plans = repo.plans(s, None if p.scope is None else districts)
    return page(
        request,
        "branches.html",
        p,
        branches=rows,
        plans=plans,
        roster_text=_roster_text,
        editable=p.is_reviewer(),
    )


def _roster_text(branch: Branch) -> str:
    return "\n".join(f"{m['name']} {m.get('role', '党员')}" for m in branch.members)


@router.post("/branches/{branch_id}")
def branch_post(
    request: Request,
    branch_id: int,
    p: User,
    s: Db,
    csrf_token: Annotated[str, Form()] = "",
    members: Annotated[str, Form()] = "",
    leaders: Annotated[str, Form()] = "",
) -> Response:
    check_form(request, p, csrf_token)
    branch = s.get(Branch, branch_id)
    if branch is None or not p.may_see(branch.id):
        raise HTTPException(status_code=404, detail="找不到该支部")
    roster = []
    for line in members.splitlines():
        parts = line.split()
        if parts:
            roster.append({"name": parts[0], "role": parts[1] if len(parts) > 1 else "党员"})
    actions.edit_roster(
        s, p, branch, {"members": roster, "leaders": leaders.replace("，", " ").replace(",", " ").split()}
    )
    return back_to("/branches")


@router.post("/plans")
def plan_post(
    request: Request,
    p: User,
    s: Db,
    csrf_token: Annotated[str, Form()] = "",
    month: Annotated[str, Form()] = "",
    deadline: Annotated[str, Form()] = "",
    required_items: Annotated[str, Form()] = "",
    materials: Annotated[str, Form()] = "",
) -> Response:
    check_form(request, p, csrf_token)
    fields: dict[str, Any] = {
        "month": month.strip(),
        "required_items": _lines(required_items),
        "materials": _lines(materials),
    }
    if deadline.strip():
        fields["deadline"] = deadline.strip()
    actions.edit_plan(s, p, fields)
    return back_to("/branches")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


templates.env.filters["json"] = dumps
