"""The HTML report shows the face check's faces: the matched face beside the leader's
reference thumbnails, the face's box on the photo, and every face quoted by an unknown or
a "not found", all drawn from the submitted photo at report time."""

from __future__ import annotations

import base64
import hashlib
import io
import re
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from core.models import Evidence, EvidenceFile, FileKind, Finding, MeetingRecord, Report, Status, Verdict
from core.settings import Limits
from extractors.faces.enrol import Reference
from fixtures import faces as fx
from jishi.cli_faces import reference_thumbnails
from jishi.report import render
from jishi.report.faces import FACE_SIDE, PHOTO_WIDTH, face_views
from jishi.report.html import crop_key
from store.faces import FaceStore

PHOTO = "现场/1.jpg"
BOX = (700.0, 300.0, 820.0, 420.0)
OTHER_BOX = (100.0, 500.0, 160.0, 560.0)


def _photo_file() -> EvidenceFile:
    """A 1600x1200 photo: grey, with a bright square where the 'face' is."""
    image = np.full((1200, 1600, 3), 90, np.uint8)
    x0, y0, x1, y1 = (int(v) for v in BOX)
    image[y0:y1, x0:x1] = (40, 200, 240)
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 92])
    assert ok
    raw = data.tobytes()
    return EvidenceFile(PHOTO, FileKind.JPEG, raw, hashlib.sha256(raw).hexdigest())


def _thumb(level: int) -> bytes:
    ok, data = cv2.imencode(".jpg", np.full((112, 112, 3), level, np.uint8))
    assert ok
    return data.tobytes()


def _report(status: Status, boxes: list[tuple[float, float, float, float]], leader: str = "张三") -> Report:
    message = {
        Status.PASS: f"现场照片《{PHOTO}》中找到单位主要负责人{leader}（人脸相似度 0.71）",
        Status.FAIL: f"现场照片中未找到单位主要负责人{leader}（2 张人脸均与其参考照片不符）",
    }[status]
    evidence = [
        Evidence(PHOTO, f"人脸相似度 0.{i}1（认定阈值 0.45）", 1, b, 0.1) for i, b in enumerate(boxes)
    ]
    finding = Finding("leader.in_photos", status, message, True, "1", evidence)
    return Report(Verdict.NEEDS_REVIEW, MeetingRecord(), None, [], [finding], [], branch_name="一支部")


def _images(html: str, css: str) -> list[Image.Image]:
    found = re.findall(rf'<img class="{css}" alt="[^"]*" src="data:image/\w+;base64,([^"]+)"', html)
    return [Image.open(io.BytesIO(base64.b64decode(b))) for b in found]


def test_a_match_shows_the_face_beside_the_references_and_its_box_on_the_photo() -> None:
    report = _report(Status.PASS, [BOX])
    refs = {"张三": [_thumb(200), _thumb(180)], "张": [_thumb(10)], "李四": [_thumb(50)]}
    views = face_views(report, [_photo_file()], Limits(), refs)
    [view] = views.values()
    assert view.references == tuple(refs["张三"])  # the longest name the message names, not 张
    html = render(report, "html", faces=views)
    [face] = _images(html, "face")
    assert face.width == FACE_SIDE
    centre = np.asarray(face.convert("RGB"))[face.height // 2, face.width // 2]
    assert centre[2] < 120 and centre[0] > 180  # the bright square (BGR 40,200,240 -> RGB 240,200,40)
    [photo] = _images(html, "photo")
    assert photo.width == PHOTO_WIDTH
    pixels = np.asarray(photo.convert("RGB")).astype(int)
    k = PHOTO_WIDTH / 1600
    edge = pixels[int(BOX[1] * k) + 2 : int(BOX[3] * k) - 2, int(BOX[0] * k) - 3]  # the box's left side
    assert (edge[:, 0] - edge[:, 1] > 80).all()  # drawn in red (through JPEG)
    assert len(_images(html, "reference")) == 2 and "参考照片" in html and "在照片中的位置" in html


def test_a_not_found_shows_every_face_quoted_and_the_references_once() -> None:
    report = _report(Status.FAIL, [BOX, OTHER_BOX])
    views = face_views(report, [_photo_file()], Limits(), {"张三": [_thumb(200)]})
    assert set(views) == {crop_key(e) for e in report.findings[0].evidence}
    html = render(report, "html", faces=views)
    assert len(_images(html, "face")) == 2 and len(_images(html, "photo")) == 2
    assert len(_images(html, "reference")) == 1


def test_no_photo_or_no_references_degrades_quietly() -> None:
    report = _report(Status.PASS, [BOX])
    assert face_views(report, [], Limits()) == {}
    broken = EvidenceFile(PHOTO, FileKind.JPEG, b"\xff\xd8broken", "0" * 64)
    assert face_views(report, [broken], Limits()) == {}
    [view] = face_views(report, [_photo_file()], Limits()).values()
    assert view.references == ()
    assert "参考照片" not in render(report, "html", faces={crop_key(report.findings[0].evidence[0]): view})


def test_reference_thumbnails_come_from_the_local_store(tmp_path: Path) -> None:
    path = tmp_path / "faces.sqlite3"
    report = _report(Status.PASS, [BOX])
    assert reference_thumbnails(report, path) == {}  # nobody enrolled: no store file is created
    assert not path.exists()
    store = FaceStore(path)
    unit_vector = np.full(128, 128**-0.5, np.float32)
    store.enrol("一支部", "张三", [Reference(unit_vector, _thumb(200), 60.0, 10.0)])
    store.enrol("二支部", "王五", [Reference(unit_vector, _thumb(20), 60.0, 10.0)])
    assert reference_thumbnails(report, path) == {"张三": [_thumb(200)]}
    report.findings.clear()
    assert reference_thumbnails(report, path) == {}


@pytest.mark.parametrize("status", [Status.PASS, Status.FAIL])
def test_the_report_without_face_views_is_unchanged(status: Status) -> None:
    report = _report(status, [BOX])
    assert 'class="faces"' not in render(report, "html")


@pytest.mark.skipif(not fx.available(), reason=f"apt-get install {fx.DEBIAN_PACKAGE}")
def test_a_checked_composite_shows_the_leader_beside_his_reference(tmp_path: Path) -> None:
    """End to end: enrol, check a meeting photo, draw: the face crop is the pasted leader."""
    from core.meta import Branch, Plan, SubmissionMeta
    from core.settings import Settings
    from extractors.faces.enrol import enrol_photo
    from extractors.faces.models import shared_models
    from ingest.submission import Submission
    from jishi.pipeline import check_submission

    path = tmp_path / "faces.sqlite3"
    store = FaceStore(path)
    for person, photos in fx.references().items():
        name = "张三" if person == fx.LEADER else person
        store.enrol("一支部", name, [enrol_photo(shared_models(), d, person, Limits()) for d in photos])
    [photo] = fx.composites(only={"leader-2-40-clean"})
    evidence = EvidenceFile(PHOTO, FileKind.JPEG, photo.jpeg, hashlib.sha256(photo.jpeg).hexdigest())
    branch = Branch(name="一支部", leaders=["张三"])
    submission = Submission("测试", [evidence], [], SubmissionMeta(branch="一支部"), branch, Plan())
    report = check_submission(submission, Settings(), faces=store)
    [finding] = [f for f in report.findings if f.code == "leader.in_photos"]
    assert finding.status == Status.PASS
    views = face_views(report, [evidence], Limits(), reference_thumbnails(report, path))
    [view] = views.values()
    assert len(view.references) == fx.LEADER_REFERENCES
    assert photo.leader_box is not None
    x0, y0, x1, y1 = finding.evidence[0].bbox or (0, 0, 0, 0)
    lx0, ly0, lx1, ly1 = photo.leader_box
    assert lx0 <= (x0 + x1) / 2 <= lx1 and ly0 <= (y0 + y1) / 2 <= ly1
    html = render(report, "html", faces=views)
    assert len(_images(html, "reference")) == fx.LEADER_REFERENCES and len(_images(html, "face")) == 1
