"""The branch's reference faces page (leader.in_photos): an admin or an inspector of the
branch's district uploads reference photos of the unit's leader(s) (and other members,
who calibrate the unit's threshold), sees their thumbnails, deletes them, and turns the
face check off or on for the unit.

Secretaries never see this page nor the thumbnails (403), nor does anyone outside the
branch's district (404). Only the embedding and a 112x112 thumbnail of each reference are
kept, in the service's face store on this machine (``ServiceSettings.faces_path``, read by
the worker); the uploaded photo itself is not stored. The quality gate's messages
(``jishi.faces`` / ``extractors.faces.enrol``) are shown on the page as they are.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from core.errors import ConfigError, InputError
from core.settings import load_settings
from service.actions import Services
from service.auth.access import CSRF_FIELD, Principal, forbidden, not_found
from service.web.routes import Db, Svc, User, back_to, check_form, page
from store import repositories as repo
from store.faces import FaceStore
from store.models import Branch, Role

router = APIRouter(include_in_schema=False)
MAX_FACE_FORM_FILES = 50  # photos in one upload form (FaceSettings.max_references caps what is kept)
READ_CHUNK = 1024 * 1024


def _branch(s: Session, p: Principal, branch_id: int) -> Branch:
    """The branch, if ``p`` may manage its faces: admins, and inspectors of its district."""
    branch = s.get(Branch, branch_id)
    if branch is None or not p.may_see(branch.id):
        raise not_found()
    if p.role not in (Role.ADMIN, Role.INSPECTOR):
        raise forbidden()
    return branch


def _store(svc: Services) -> FaceStore:
    return FaceStore(svc.settings.faces_path)


def _people(branch: Branch, store: FaceStore) -> list[tuple[str, bool, list[int]]]:
    """(name, is a leader, reference indexes): the leaders first, then every enrolled other."""
    enrolled = store.listing(branch.name)
    leaders = [str(n) for n in branch.leaders]
    others = sorted(n for n in enrolled if n not in leaders)
    return [(n, n in leaders, enrolled.get(n, [])) for n in leaders + others]


def _candidates(branch: Branch) -> list[str]:
    leaders = [str(n) for n in branch.leaders]
    return leaders + [str(m["name"]) for m in branch.members if str(m.get("name")) not in leaders]


def _page(
    request: Request, p: Principal, svc: Services, branch: Branch, error: str = "", status: int = 200
) -> HTMLResponse:
    store = _store(svc)
    cfg = load_settings().faces
    response = page(
        request,
        "faces.html",
        p,
        branch=branch,
        people=_people(branch, store),
        candidates=_candidates(branch),
        enabled=store.enabled(branch.name) and cfg.enabled,
        unit_enabled=store.enabled(branch.name),
        installation_enabled=cfg.enabled,
        max_references=cfg.max_references,
        min_eyes=cfg.enrol_min_eyes,
        error=error,
    )
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/branches/{branch_id}/faces", response_class=HTMLResponse)
def faces_page(request: Request, branch_id: int, p: User, s: Db, svc: Svc) -> HTMLResponse:
    return _page(request, p, svc, _branch(s, p, branch_id))


@router.get("/branches/{branch_id}/faces/thumbnail")
def face_thumbnail(branch_id: int, p: User, s: Db, svc: Svc, person: str = "", idx: int = -1) -> Response:
    branch = _branch(s, p, branch_id)
    data = _store(svc).thumbnail(branch.name, person, idx)
    if data is None:
        raise not_found()
    return Response(data, media_type="image/jpeg", headers={"Cache-Control": "private, no-store"})


@router.post("/branches/{branch_id}/faces")
async def faces_upload(request: Request, branch_id: int, p: User, s: Db, svc: Svc) -> Response:
    form = await request.form(max_files=MAX_FACE_FORM_FILES)
    token = form.get(CSRF_FIELD)
    check_form(request, p, token if isinstance(token, str) else None)
    branch = _branch(s, p, branch_id)
    person = str(form.get("person") or "").strip()
    if person not in _candidates(branch):
        return _page(request, p, svc, branch, "请选择本支部名册中的人员", 400)
    settings = load_settings()
    photos = []
    for f in form.getlist("files"):
        if isinstance(f, UploadFile) and f.filename:
            data = await _read(f, settings.limits.max_file_bytes)
            if data is None:
                mb = settings.limits.max_file_bytes // (1024 * 1024)
                return _page(request, p, svc, branch, f"照片“{f.filename}”超过 {mb} MB", 413)
            photos.append((f.filename, data))
    from jishi.faces import add_references  # the face models load only when someone enrols

    try:
        kept = await run_in_threadpool(
            add_references, _store(svc), branch.name, person, photos, settings.limits, cfg=settings.faces
        )
    except (InputError, ConfigError) as exc:
        return _page(request, p, svc, branch, f"{exc.message}。{exc.hint}", 400)
    _audit(s, p, branch, "enrol_faces", {"person": person, "added": len(photos), "references": kept})
    return back_to(f"/branches/{branch.id}/faces")


async def _read(f: UploadFile, limit: int) -> bytes | None:
    chunks, size = [], 0
    while chunk := await f.read(READ_CHUNK):
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


@router.post("/branches/{branch_id}/faces/delete")
def faces_delete(
    request: Request,
    branch_id: int,
    p: User,
    s: Db,
    svc: Svc,
    csrf_token: Annotated[str, Form()] = "",
    person: Annotated[str, Form()] = "",
    idx: Annotated[str, Form()] = "",
) -> Response:
    check_form(request, p, csrf_token)
    branch = _branch(s, p, branch_id)
    store = _store(svc)
    if idx.strip().isdigit():
        removed = store.delete_reference(branch.name, person, int(idx))
    else:
        removed = store.delete_person(branch.name, person)
    if not removed:
        raise HTTPException(status_code=404, detail="找不到该参考照片")
    _audit(s, p, branch, "delete_faces", {"person": person, "removed": removed})
    return back_to(f"/branches/{branch.id}/faces")


@router.post("/branches/{branch_id}/faces/switch")
def faces_switch(
    request: Request,
    branch_id: int,
    p: User,
    s: Db,
    svc: Svc,
    csrf_token: Annotated[str, Form()] = "",
    on: Annotated[str, Form()] = "",
) -> Response:
    check_form(request, p, csrf_token)
    branch = _branch(s, p, branch_id)
    store = _store(svc)
    before = store.enabled(branch.name)
    store.set_enabled(branch.name, on == "1")
    _audit(s, p, branch, "face_switch", {"enabled": on == "1"}, {"enabled": before})
    return back_to(f"/branches/{branch.id}/faces")


def _audit(
    s: Session,
    p: Principal,
    branch: Branch,
    action: str,
    after: dict[str, object],
    before: dict[str, object] | None = None,
) -> None:
    repo.audit(
        s, actor=p.user, action=action, branch_id=branch.id, target=branch.name, before=before, after=after
    )
    s.commit()
