"""The branch's reference faces page: an admin or the district's inspector uploads
reference photos (the quality gate's messages shown), sees and deletes the thumbnails,
turns the unit's face check off and on; secretaries and other districts see nothing.
The worker then checks the on-site photos against what was enrolled here."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import select

from fixtures import faces as fx
from store.faces import FaceStore
from store.models import AuditEntry
from tests.service.conftest import Api

LEADER = "王建国"  # the sample branch's main leader
pytestmark = pytest.mark.skipif(
    not fx.available(), reason=f"public-domain face images absent: apt-get install {fx.DEBIAN_PACKAGE}"
)


def _upload(client: Any, branch_id: int, person: str, photos: list[tuple[str, bytes]]) -> Any:
    return client.post(
        f"/branches/{branch_id}/faces",
        data={"csrf_token": client.headers["X-CSRF-Token"], "person": person},
        files=[("files", (name, data, "image/jpeg")) for name, data in photos],
        follow_redirects=False,
    )


def _thumbnail_urls(html: str) -> list[str]:
    return [
        u.replace("&amp;", "&")
        for u in re.findall(r'<img src="(/branches/\d+/faces/thumbnail\?[^"]+)"', html)
    ]


def test_inspector_enrols_sees_deletes_and_switches_off(api: Api) -> None:
    a = api.org.branch_a
    insp = api.client("insp_a")
    page = insp.get(f"/branches/{a}/faces")
    assert page.status_code == 200 and LEADER in page.text and "尚未登记参考照片" in page.text
    refs = fx.references()[fx.LEADER]
    r = _upload(insp, a, LEADER, [("近照1.jpg", refs[0]), ("近照2.jpg", refs[1])])
    assert r.status_code == 303, r.text
    store = FaceStore(api.settings.faces_path)
    assert store.listing("内科第一党支部") == {LEADER: [0, 1]}
    page = insp.get(f"/branches/{a}/faces")
    urls = _thumbnail_urls(page.text)
    assert len(urls) == 2
    thumb = insp.get(urls[0])
    assert thumb.status_code == 200 and thumb.headers["content-type"] == "image/jpeg"
    assert thumb.content[:2] == b"\xff\xd8" and "no-store" in thumb.headers["cache-control"]

    # the quality gate's own Chinese message, and nothing kept
    group = (fx.EXAMPLES / "faces" / "2008_002470.jpg").read_bytes()
    bad = _upload(insp, a, LEADER, [("合影.jpg", group)])
    assert (
        bad.status_code == 400 and "参考照片“合影.jpg”检测到" in bad.text and "只有本人一张正脸" in bad.text
    )
    assert store.count("内科第一党支部", LEADER) == 2
    assert _upload(insp, a, "冒名者", [("近照.jpg", refs[0])]).status_code == 400  # not on the roster

    token = {"csrf_token": insp.headers["X-CSRF-Token"]}
    r = insp.post(
        f"/branches/{a}/faces/delete", data={**token, "person": LEADER, "idx": "0"}, follow_redirects=False
    )
    assert r.status_code == 303 and store.listing("内科第一党支部") == {LEADER: [1]}
    r = insp.post(f"/branches/{a}/faces/switch", data={**token, "on": "0"}, follow_redirects=False)
    assert r.status_code == 303 and not store.enabled("内科第一党支部")
    page = insp.get(f"/branches/{a}/faces")
    assert "已关闭" in page.text and 'id="face-upload"' not in page.text
    refused = _upload(insp, a, LEADER, [("近照3.jpg", refs[2])])
    assert refused.status_code == 400 and "已关闭人脸核对" in refused.text
    insp.post(f"/branches/{a}/faces/switch", data={**token, "on": "1"}, follow_redirects=False)
    assert store.enabled("内科第一党支部")
    r = insp.post(f"/branches/{a}/faces/delete", data={**token, "person": LEADER}, follow_redirects=False)
    assert r.status_code == 303 and store.listing("内科第一党支部") == {}
    with api.sessions() as s:
        actions = [e.action for e in s.scalars(select(AuditEntry).where(AuditEntry.branch_id == a))]
    assert actions.count("enrol_faces") == 1 and actions.count("delete_faces") == 2
    assert actions.count("face_switch") == 2


def test_admin_may_enrol_secretaries_and_other_districts_may_not(api: Api) -> None:
    a = api.org.branch_a
    refs = fx.references()[fx.LEADER]
    assert _upload(api.client("admin"), a, LEADER, [("近照.jpg", refs[0])]).status_code == 303
    url = _thumbnail_urls(api.client("admin").get(f"/branches/{a}/faces").text)[0]
    for user, status in (("sec_a", 403), ("sec_b", 404), ("insp_b", 404)):
        client = api.client(user)
        token = {"csrf_token": client.headers["X-CSRF-Token"]}
        assert client.get(f"/branches/{a}/faces").status_code == status, user
        assert client.get(url).status_code == status, user
        assert _upload(client, a, LEADER, [("近照.jpg", refs[1])]).status_code == status, user
        delete = client.post(
            f"/branches/{a}/faces/delete", data={**token, "person": LEADER}, follow_redirects=False
        )
        assert delete.status_code == status, user
        switch = client.post(f"/branches/{a}/faces/switch", data={**token, "on": "0"}, follow_redirects=False)
        assert switch.status_code == status, user
        assert f"/branches/{a}/faces" not in client.get("/branches").text  # no link to the page either
    store = FaceStore(api.settings.faces_path)
    assert store.count("内科第一党支部", LEADER) == 1 and store.enabled("内科第一党支部")
    no_csrf = api.client("insp_a").post(
        f"/branches/{a}/faces/switch", data={"on": "0"}, headers={"X-CSRF-Token": ""}
    )
    assert no_csrf.status_code == 403 and store.enabled("内科第一党支部")
