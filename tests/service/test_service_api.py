"""The REST API in-process (real database, file store and checks; the broker is a list and
the queued checks run here through the worker's own code)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError

from service.actions import Services
from store.db import make_engine, session_factory
from store.models import AuditEntry, Submission
from tests.service.conftest import PASSWORD, TYPED_BAD, TYPED_OK, Api, upload


def test_upload_check_report(api: Api, case_zips: dict[str, bytes], reference: dict[str, str]) -> None:
    sec = api.client("sec_a")
    r = upload(sec, case_zips[TYPED_OK], name="十二月主题党日.zip")
    assert r.status_code == 201, r.text
    sub = r.json()
    assert sub["status"] == "queued" and sub["name"] == "十二月主题党日"
    assert api.queue == [sub["id"]]
    assert api.work() == ["done"]
    body = sec.get(f"/api/submissions/{sub['id']}").json()
    assert body["status"] == "done" and body["verdict"] == reference[TYPED_OK]
    assert body["month"] == "2022-12"  # from the zip's submission.yaml
    names = {f["name"] for f in body["files"] if f["kind"] == "evidence"}
    assert {"会议记录.docx", "签到表.docx"} <= names
    report = sec.get(f"/api/submissions/{sub['id']}/report.json").json()
    assert report["schema_version"] == "1" and report["verdict"] == reference[TYPED_OK]
    assert report["submission"]["branch"] == "内科第一党支部"
    html = sec.get(f"/api/submissions/{sub['id']}/report.html")
    assert html.status_code == 200 and "纪实" in html.text
    assert "default-src 'none'" in html.headers["content-security-policy"]
    file_id = next(f["id"] for f in body["files"] if f["name"] == "会议记录.docx")
    original = sec.get(f"/api/submissions/{sub['id']}/files/{file_id}")
    assert original.content[:2] == b"PK" and "attachment" in original.headers["content-disposition"]


def test_same_bytes_twice_is_one_submission_and_a_new_version_keeps_history(
    api: Api, case_zips: dict[str, bytes], reference: dict[str, str]
) -> None:
    sec = api.client("sec_a")
    first = upload(sec, case_zips[TYPED_BAD])
    again = upload(sec, case_zips[TYPED_BAD])
    assert first.status_code == 201 and again.status_code == 200
    assert again.json()["id"] == first.json()["id"] and api.queue == [first.json()["id"]]
    fixed = upload(sec, case_zips[TYPED_OK], replaces=str(first.json()["id"]))
    assert fixed.status_code == 201
    assert fixed.json()["series"] == first.json()["series"] and fixed.json()["version"] == 2
    assert api.work() == ["done", "done"]
    versions = sec.get(f"/api/submissions/{fixed.json()['id']}").json()["versions"]
    assert [v["version"] for v in versions] == [1, 2]
    verdicts = {v["id"]: sec.get(f"/api/submissions/{v['id']}").json()["verdict"] for v in versions}
    assert verdicts == {first.json()["id"]: reference[TYPED_BAD], fixed.json()["id"]: reference[TYPED_OK]}


def test_filters_and_counts(api: Api, case_zips: dict[str, bytes], reference: dict[str, str]) -> None:
    sec = api.client("sec_a")
    upload(sec, case_zips[TYPED_OK])
    upload(sec, case_zips[TYPED_BAD])
    api.work()
    insp = api.client("insp_a")
    flagged = insp.get("/api/submissions", params={"flagged": True}).json()
    # the verdicts as checked (TYPED_BAD, checked second, also repeats TYPED_OK's record: minutes.copied)
    every = insp.get("/api/submissions").json()["items"]  # newest first
    expected = [s["verdict"] for s in every if s["verdict"] != "compliant"]
    assert expected and [s["verdict"] for s in flagged["items"]] == expected
    assert sum(flagged["counts"].values()) == len(expected)
    by_code = insp.get("/api/submissions", params={"code": "presider.missing"}).json()["items"]
    assert len(by_code) == 1 and by_code[0]["verdict"] == "noncompliant"
    assert len(insp.get("/api/submissions", params={"month": "2022-12"}).json()["items"]) == 2
    assert insp.get("/api/submissions", params={"month": "2023-01"}).json()["items"] == []
    compliant = insp.get("/api/submissions", params={"status": "done", "verdict": "compliant"}).json()[
        "items"
    ]
    assert len(compliant) == list(reference.values()).count("compliant")


def test_overrule_needs_a_reason_and_is_audited(api: Api, case_zips: dict[str, bytes]) -> None:
    sec = api.client("sec_a")
    sid = upload(sec, case_zips[TYPED_BAD]).json()["id"]
    api.work()
    insp = api.client("insp_a")
    detail = insp.get(f"/api/submissions/{sid}").json()
    finding = next(f for f in detail["findings"] if f["code"] == "presider.missing")
    assert finding["status"] == "fail"
    no_reason = insp.post(
        f"/api/submissions/{sid}/overrule",
        json={"finding_id": finding["id"], "status": "pass", "reason": " "},
    )
    assert no_reason.status_code in (400, 422)
    ok = insp.post(
        f"/api/submissions/{sid}/overrule",
        json={"finding_id": finding["id"], "status": "pass", "reason": "会议照片显示书记主持，记录漏写"},
    )
    assert ok.status_code == 200, ok.text
    verdict = insp.post(f"/api/submissions/{sid}/overrule", json={"verdict": "compliant", "reason": "已核实"})
    assert verdict.json()["verdict"] == "compliant" and verdict.json()["checked_verdict"] == "noncompliant"
    assert insp.post(f"/api/submissions/{sid}/review", json={"note": "已复核"}).status_code == 200
    # a secretary may not overrule her own submission
    denied = sec.post(
        f"/api/submissions/{sid}/overrule", json={"verdict": "compliant", "reason": "我觉得合格"}
    )
    assert denied.status_code == 403
    log = insp.get(f"/api/submissions/{sid}/audit").json()
    actions = [e["action"] for e in reversed(log)]
    assert actions == ["upload", "overrule_finding", "overrule_verdict", "mark_reviewed"]
    overrule = next(e for e in log if e["action"] == "overrule_finding")
    assert overrule["before"] == {"status": "fail"} and overrule["after"] == {"status": "pass"}
    assert overrule["actor"] == "insp_a" and overrule["reason"] == "会议照片显示书记主持，记录漏写"
    csv_export = insp.get("/api/audit", params={"format": "csv"})
    assert "overrule_verdict" in csv_export.text and "已核实" in csv_export.text


def test_audit_log_is_append_only_in_the_database(api: Api, case_zips: dict[str, bytes]) -> None:
    upload(api.client("sec_a"), case_zips[TYPED_OK])
    engine = create_engine(api.settings.db_url)
    with engine.connect() as conn:
        for sql in ("UPDATE audit_log SET reason = 'x'", "DELETE FROM audit_log"):
            try:
                conn.execute(text(sql))
                raise AssertionError(f"{sql} was allowed")
            except DBAPIError as exc:
                assert "append-only" in str(exc)
            conn.rollback()
    engine.dispose()


def test_unsafe_requests_need_the_csrf_token(api: Api, case_zips: dict[str, bytes]) -> None:
    sec = api.client("sec_a")
    token = sec.headers.pop("X-CSRF-Token")
    assert upload(sec, case_zips[TYPED_OK]).status_code == 403
    sec.headers["X-CSRF-Token"] = token + "x"
    assert upload(sec, case_zips[TYPED_OK]).status_code == 403
    assert api.queue == []


def test_logout_revokes_the_session(api: Api) -> None:
    sec = api.client("sec_a")
    assert sec.get("/api/me").status_code == 200
    cookie = sec.cookies.get("jishi_session")
    assert sec.delete("/api/session").status_code == 200
    other = api.client()
    other.cookies.set("jishi_session", cookie)
    assert other.get("/api/me").status_code == 401
    assert (
        api.client().post("/api/session", json={"username": "sec_a", "password": PASSWORD + "!"}).status_code
        == 401
    )


def test_upload_size_is_refused_before_the_body_is_read(api: Api) -> None:
    sec = api.client("sec_a")
    limit = api.settings.max_upload_bytes
    headers = {
        "Content-Type": "multipart/form-data; boundary=x",
        "Content-Length": str(limit + 2 * 1024 * 1024),
    }
    r = sec.post("/api/submissions", headers=headers, content=b"--x--\r\n")
    assert r.status_code == 413 and "上限" in r.json()["detail"]


def test_uploaded_names_are_never_paths(api: Api, case_zips: dict[str, bytes]) -> None:
    sec = api.client("sec_a")
    r = upload(sec, case_zips[TYPED_OK], name="../../etc/passwd.zip")
    assert r.status_code == 201
    body = sec.get(f"/api/submissions/{r.json()['id']}").json()
    assert body["files"][0]["name"] == "passwd.zip"
    stored = [p for p in api.settings.files_dir.rglob("*") if p.is_file()]
    assert stored and all(len(p.name) == 64 for p in stored)


def test_database_down_refuses_the_upload_and_writes_nothing(api: Api, case_zips: dict[str, bytes]) -> None:
    sec = api.client("sec_a")
    services: Services = api.app.state.services
    working = services.sessions
    broken = make_engine("sqlite:////nonexistent-dir/jishi.sqlite")
    services.sessions = session_factory(broken)
    try:
        r = upload(sec, case_zips[TYPED_OK])
    finally:
        services.sessions = working
        broken.dispose()
    assert r.status_code == 503 and "数据库" in r.json()["detail"]
    with api.sessions() as s:
        assert s.scalars(select(Submission)).all() == []
        assert [e.action for e in s.scalars(select(AuditEntry)).all() if e.action == "upload"] == []
    assert api.queue == []


def test_a_check_that_breaks_is_failed_with_the_error_and_can_be_retried(
    api: Api, case_zips: dict[str, bytes], reference: dict[str, str]
) -> None:
    sec = api.client("sec_a")
    sid = upload(sec, case_zips[TYPED_OK]).json()["id"]
    with api.sessions() as s:  # the stored upload is gone: the check cannot read it (a real failure)
        sha = s.get(Submission, sid).files[0].sha256
    blob = api.app.state.services.files.path(sha)
    kept = blob.read_bytes()
    blob.unlink()
    assert api.work() == ["failed"]
    failed = sec.get(f"/api/submissions/{sid}").json()
    assert failed["status"] == "failed" and "内部错误" in failed["error"]
    blob.write_bytes(kept)
    assert sec.post(f"/api/submissions/{sid}/retry").status_code == 200
    assert api.work() == ["done"]
    assert sec.get(f"/api/submissions/{sid}").json()["verdict"] == reference[TYPED_OK]


def test_an_upload_that_is_not_evidence_fails_with_a_plain_reason(api: Api) -> None:
    sec = api.client("sec_a")
    r = sec.post("/api/submissions", files=[("files", ("说明.txt", b"just text", "text/plain"))])
    assert r.status_code == 201
    assert api.work() == ["rejected"]
    body = sec.get(f"/api/submissions/{r.json()['id']}").json()
    assert body["status"] == "failed" and "没有可检查的证据文件" in body["error"]


def test_openapi_lists_the_endpoints(api: Api) -> None:
    paths = api.client().get("/api/openapi.json").json()["paths"]
    for path in ("/api/submissions", "/api/submissions/{submission_id}/overrule", "/api/audit", "/api/plans"):
        assert path in paths


BRANCH_YAML = "name: 眼科党支部\nleaders: [周主任]\nmembers:\n  - {name: 周主任, role: 党员}\n  - {name: 吴书记, role: 书记}\n"


def test_yaml_import_and_roster_edit(api: Api) -> None:
    insp = api.client("insp_a")
    r = insp.post("/api/import", json={"kind": "branch", "yaml": BRANCH_YAML})
    assert r.status_code == 200, r.text
    assert r.json()["district_id"] == api.org.district_a and r.json()["leaders"] == ["周主任"]
    bad = insp.post("/api/import", json={"kind": "plan", "yaml": 'mouth: "2023-01"\n'})
    assert bad.status_code == 400 and "mouth" in bad.json()["detail"]  # the CLI's message: file and field
    plan = insp.post(
        "/api/import", json={"kind": "plan", "yaml": 'month: "2023-01"\nrequired_items: [缴纳党费]\n'}
    )
    assert plan.status_code == 200 and plan.json()["required_items"] == ["缴纳党费"]
    # another district's inspector cannot take the branch over by importing the same name
    assert (
        api.client("insp_b").post("/api/import", json={"kind": "branch", "yaml": BRANCH_YAML}).status_code
        == 404
    )
    assert (
        api.client("sec_a").post("/api/import", json={"kind": "branch", "yaml": BRANCH_YAML}).status_code
        == 403
    )
    bid = r.json()["id"]
    edited = insp.put(
        f"/api/branches/{bid}", json={"members": [{"name": "吴书记", "role": "书记"}], "leaders": []}
    )
    assert edited.status_code == 200 and edited.json()["members"] == [{"name": "吴书记", "role": "书记"}]
    log = insp.get("/api/audit").json()
    assert [e["action"] for e in log][:2] == ["edit_roster", "import_branch"]


def test_the_login_form_needs_its_own_token(api: Api) -> None:
    browser = api.client()
    page = browser.get("/login")
    token = page.text.split('name="login_csrf" value="')[1].split('"')[0]
    form = {"username": "sec_a", "password": PASSWORD}
    forged = api.client().post("/login", data={**form, "login_csrf": token}, follow_redirects=False)
    assert forged.status_code == 403  # the token without its cookie: posted from another site
    ok = browser.post("/login", data={**form, "login_csrf": token}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/"
    assert browser.get("/api/me").json()["username"] == "sec_a"


def test_a_transient_failure_is_queued_again_not_failed(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.errors import TransientFault
    from service.queue.runner import Checker

    def busy(self: Checker, submission_id: int) -> None:
        raise TransientFault("数据库忙")

    sec = api.client("sec_a")
    sid = sec.post("/api/submissions", files=[("files", ("说明.txt", b"just text", "text/plain"))]).json()[
        "id"
    ]
    monkeypatch.setattr(Checker, "_check", busy)
    assert api.work() == ["retry"]
    body = sec.get(f"/api/submissions/{sid}").json()
    assert body["status"] == "queued" and "数据库忙" in body["error"]
    monkeypatch.undo()
    api.queue.append(sid)
    assert api.work() == ["rejected"]  # tried again, then judged on its content
