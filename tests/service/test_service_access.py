"""Every endpoint and page, walked as another branch's secretary and as another district's
inspector: branch A's submission, files, findings, roster and audit entries are never
shown nor changed (404 or 403), and lists never mention them. The walk enumerates the
app's routes, so a new endpoint is walked too (or the test fails until it is listed)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pytest
from fastapi.routing import APIRoute
from sqlalchemy import select
from starlette.routing import Route

from extractors.faces.enrol import Reference
from store.faces import FaceStore
from store.models import AuditEntry, Branch, Submission
from tests.service.conftest import TYPED_BAD, Api, upload

SECRET_NAME = "甲支部机密材料"
NOT_WALKED = {  # (method, path): why
    ("POST", "/api/session"): "logging in",
    ("DELETE", "/api/session"): "logging out ends the walk (tested in test_service_api)",
    ("GET", "/login"): "the login page",
    ("POST", "/login"): "logging in",
    ("POST", "/logout"): "logging out ends the walk",
}
JSON_BODIES: dict[str, dict[str, Any]] = {
    "/api/submissions/{submission_id}/overrule": {"verdict": "compliant", "reason": "越权改判"},
    "/api/submissions/{submission_id}/review": {"note": "越权"},
    "/api/branches/{branch_id}": {"members": [{"name": "冒名者", "role": "书记"}], "leaders": []},
    "/api/plans": {"month": "2022-12", "required_items": ["越权"]},
}
FORM_FIELDS = {
    "reason": "越权改判",
    "verdict": "compliant",
    "status": "pass",
    "note": "越权",
    "members": "冒名者 书记",
    "leaders": "",
    "month": "2022-12",
    "required_items": "越权",
    "materials": "",
    "person": "王建国",  # branch A's leader: the face pages
    "idx": "0",
    "on": "0",
}


def _routes(app: Any) -> list[tuple[str, str]]:
    return _walk(app.routes, "")


def _walk(routes: list[Any], prefix: str) -> list[tuple[str, str]]:
    """(method, path) of every route, into included routers (FastAPI keeps them nested)."""
    out = []
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            out += _walk(included.routes, prefix + route.include_context.prefix)
        elif isinstance(route, APIRoute | Route) and route.methods:
            out += [(m, prefix + route.path) for m in sorted(route.methods) if m not in ("HEAD", "OPTIONS")]
    return out


def _a_ids(api: Api) -> dict[str, Any]:
    with api.sessions() as s:
        row = s.scalars(select(Submission).where(Submission.branch_id == api.org.branch_a)).one()
        return {
            "submission_id": row.id,
            "file_id": row.files[-1].id,
            "sha256": row.files[-1].sha256,
            "crop_id": next(iter(row.crops), "0" * 64),  # a typed case may have no crop
            "branch_id": api.org.branch_a,
            "finding_id": row.findings[0].id,
        }


@pytest.mark.parametrize("intruder", ["sec_b", "insp_b"])
def test_another_branch_sees_and_changes_nothing(
    api: Api, case_zips: dict[str, bytes], intruder: str
) -> None:
    owner = api.client("sec_a")
    assert upload(owner, case_zips[TYPED_BAD], name=f"{SECRET_NAME}.zip").status_code == 201
    assert api.work() == ["done"]
    ids = _a_ids(api)
    _enrol_a_face(api)
    with api.sessions() as s:
        before = _snapshot(s, api)
    client = api.client(intruder)
    token = client.headers["X-CSRF-Token"]
    walked = set()
    for method, path in _routes(api.app):
        if (method, path) in NOT_WALKED:
            continue
        walked.add((method, path))
        url = re.sub(r"\{(\w+)\}", lambda m: str(ids[m.group(1)]), path)
        scoped = "{" in path
        r = _call(client, method, path, url, token, ids)
        if scoped:
            assert r.status_code in (403, 404), (
                f"{method} {path} as {intruder}: {r.status_code} {r.text[:200]}"
            )
        else:
            assert r.status_code < 500, f"{method} {path}: {r.status_code}"
            assert SECRET_NAME not in r.text and "内科第一党支部" not in r.text, (
                f"{method} {path} leaks branch A"
            )
    assert len(walked) >= 25  # the walk really covered the app
    with api.sessions() as s:
        assert _snapshot(s, api) == before, "branch A's data changed"
    # re-uploading "a new version" of A's submission is refused too
    again = upload(client, case_zips[TYPED_BAD], replaces=str(ids["submission_id"]))
    assert again.status_code == 404


def _call(client: Any, method: str, path: str, url: str, token: str, ids: dict[str, Any]) -> Any:
    if method == "GET":
        return client.get(url, follow_redirects=False)
    if path.startswith("/api/"):
        if path == "/api/submissions":
            return upload(client, b"PK\x05\x06" + b"\0" * 18, branch_id=str(ids["branch_id"]))
        body = dict(JSON_BODIES.get(path, {}))
        return client.request(method, url, json=body)
    form = {**FORM_FIELDS, "csrf_token": token, "finding_id": str(ids["finding_id"])}
    if path == "/upload":
        files = [("files", ("a.zip", b"PK\x05\x06" + b"\0" * 18, "application/zip"))]
        return client.post(
            url, data={**form, "replaces": str(ids["submission_id"])}, files=files, follow_redirects=False
        )
    return client.request(method, url, data=form, follow_redirects=False)


def _enrol_a_face(api: Api) -> None:
    """A reference face of branch A's leader (stored as the page stores it), for the walk to
    try to see, delete or switch off."""
    unit_vector = np.full(128, 128**-0.5, np.float32)
    FaceStore(api.settings.faces_path).enrol(
        "内科第一党支部", "王建国", [Reference(unit_vector, b"\xff\xd8", 60, 9)]
    )


def _snapshot(s: Any, api: Api) -> tuple[Any, ...]:
    sub = s.scalars(select(Submission).where(Submission.branch_id == 1)).all()
    branch = s.get(Branch, 1)
    faces = FaceStore(api.settings.faces_path)
    return (
        [(x.id, x.status, x.verdict, x.verdict_override, x.reviewed_at, x.branch_id) for x in sub],
        [(f.id, f.override_status) for x in sub for f in x.findings],
        (branch.members, branch.leaders),
        len(s.scalars(select(AuditEntry).where(AuditEntry.branch_id == 1)).all()),
        (faces.listing(branch.name), faces.enabled(branch.name)),
    )


def test_pages_need_a_login(api: Api) -> None:
    anonymous = api.client()
    for method, path in _routes(api.app):
        if (method, path) in NOT_WALKED or method != "GET" or "{" in path or path.startswith("/api/openapi"):
            continue
        r = anonymous.get(path, follow_redirects=False)
        if path.startswith("/api/docs"):
            continue
        expected = 401 if path.startswith("/api/") else 303
        assert r.status_code == expected, f"{path}: {r.status_code}"
