"""The worker checks against the record history and the face store, as `jishi check` does:
a record copied from another submission is flagged, but a new version of the same
submission (re-uploaded after fixing) and a re-check never match their own earlier selves."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import update

from core.meta import Branch
from core.settings import Limits
from fixtures import faces as fx
from jishi.faces import enrol_branch
from service.queue.runner import Checker, history_id
from store.faces import FaceStore
from store.models import Status, Submission
from store.records import RecordStore
from tests.service.conftest import TYPED_OK, Api, upload

COPIED = "minutes.copied"
LEADER = "王建国"  # the sample branch's unit leader (service/sample/branch.yaml)
MEMBERS = {fx.MEMBERS[0]: "张明", fx.MEMBERS[1]: "王芳"}


def _commented(data: bytes, note: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            dst.writestr(info, _commented(body, note) if info.filename.endswith(".docx") else body)
        dst.comment = note.encode()
    return out.getvalue()


def _other_bytes(data: bytes, note: str) -> bytes:
    """The same submission with other bytes in every Word file (a zip comment): a new
    upload whose files differ, with the same text and photos."""
    return _commented(data, note)


def _finding(api: Api, client: object, sid: int, code: str) -> dict | None:
    body = client.get(f"/api/submissions/{sid}/report.json").json()  # type: ignore[attr-defined]
    return next((f for f in body["findings"] if f["code"] == code), None)


def test_the_worker_flags_a_record_copied_from_another_submission(
    api: Api, case_zips: dict[str, bytes]
) -> None:
    sec = api.client("sec_a")
    first = upload(sec, case_zips[TYPED_OK]).json()["id"]
    second = upload(sec, _other_bytes(case_zips[TYPED_OK], "another submission")).json()["id"]
    assert api.work() == ["done", "done"]
    assert _finding(api, sec, first, COPIED)["status"] == "pass"  # type: ignore[index]
    copied = _finding(api, sec, second, COPIED)
    assert copied is not None and copied["status"] == "fail", copied
    with api.sessions() as s:
        series = s.get(Submission, first).series
    assert history_id(series) in copied["message"]
    assert sec.get(f"/api/submissions/{second}").json()["verdict"] == "noncompliant"


def test_a_new_version_is_not_a_copy_of_its_earlier_version(api: Api, case_zips: dict[str, bytes]) -> None:
    sec = api.client("sec_a")
    first = upload(sec, case_zips[TYPED_OK]).json()["id"]
    assert api.work() == ["done"]
    fixed = upload(sec, _other_bytes(case_zips[TYPED_OK], "fixed"), replaces=str(first))
    assert fixed.status_code == 201 and fixed.json()["version"] == 2
    assert api.work() == ["done"]
    sid = fixed.json()["id"]
    assert _finding(api, sec, sid, COPIED)["status"] == "pass"  # type: ignore[index]
    body = sec.get(f"/api/submissions/{sid}/report.json").json()
    assert not [f for f in body["findings"] if f["status"] == "fail"], body["findings"]
    assert sec.get(f"/api/submissions/{sid}").json()["verdict"] == "compliant"
    assert len(_kept(api)) == 1  # the earlier version's entry was replaced, not kept beside it


def test_a_recheck_does_not_match_itself(api: Api, case_zips: dict[str, bytes]) -> None:
    sec = api.client("sec_a")
    sid = upload(sec, case_zips[TYPED_OK]).json()["id"]
    assert api.work() == ["done"]
    with api.sessions() as s:  # checked again (as the sweeper or a retry would)
        s.execute(update(Submission).where(Submission.id == sid).values(status=Status.QUEUED.value))
        s.commit()
    api.queue.append(sid)
    assert api.work() == ["done"]
    assert _finding(api, sec, sid, COPIED)["status"] == "pass"  # type: ignore[index]
    assert sec.get(f"/api/submissions/{sid}").json()["verdict"] == "compliant"
    with api.sessions() as s:
        assert _kept(api) == [history_id(s.get(Submission, sid).series)]  # one entry, replaced


def _kept(api: Api) -> list[str]:
    """The submission ids the record history keeps (calendar and attendance facts)."""
    with RecordStore(api.settings.history_path) as store:
        return [p.submission_id for p in store.submissions()]


def _with_photos(data: bytes, photos: dict[str, bytes]) -> bytes:
    """The submission with its on-site photos replaced by ``photos``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if not info.filename.startswith("IMG_"):
                dst.writestr(info, src.read(info))
        for name, jpeg in photos.items():
            dst.writestr(name, jpeg)
    return out.getvalue()


@pytest.mark.skipif(not fx.available(), reason=f"face images absent: apt-get install {fx.DEBIAN_PACKAGE}")
def test_the_face_check_runs_once_references_are_enrolled(
    api: Api, case_zips: dict[str, bytes], tmp_path: Path
) -> None:
    sec = api.client("sec_a")
    checker = Checker(api.settings, api.sessions)
    try:
        assert checker.faces() is None  # nothing enrolled: the face check does not apply
    finally:
        checker.close()
    meeting = {c.name: c for c in fx.composites(only={"leader-0-40-clean"})}["leader-0-40-clean"]
    data = _with_photos(case_zips[TYPED_OK], {"IMG_20221223_150528.jpg": meeting.jpeg})
    before = upload(sec, data).json()["id"]
    assert api.work() == ["done"]
    assert _finding(api, sec, before, "leader.in_photos") is None
    refs: dict[str, list[str]] = {}
    for person, photos in fx.references().items():
        name = LEADER if person == fx.LEADER else MEMBERS[person]
        for i, jpeg in enumerate(photos):
            (tmp_path / f"{person}-{i}.jpg").write_bytes(jpeg)
            refs.setdefault(name, []).append(f"{person}-{i}.jpg")
    with api.sessions() as s:
        unit = s.get(Submission, before).branch.name
    branch = Branch(name=unit, leaders=[LEADER], face_references=refs)
    enrol_branch(FaceStore(api.settings.faces_path), branch, unit, tmp_path, Limits())
    after = upload(sec, _other_bytes(data, "after enrolment")).json()["id"]
    assert api.work() == ["done"]
    found = _finding(api, sec, after, "leader.in_photos")
    assert found is not None and found["status"] == "pass", found
