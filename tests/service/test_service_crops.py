"""Evidence crops drawn on first request (service/crops.py): the worker stores where to cut,
the API draws the picture the first time it is asked for, keeps it, and puts the pictures
into the HTML report; a crop that cannot be drawn is a 404, not an error."""

from __future__ import annotations

import base64
import io
import re
import shutil

from PIL import Image

from service.crops import MARKER_PREFIX, crop_id
from store.models import Submission
from tests.service.conftest import PHOTO_BAD, Api, upload


def _checked(api: Api, zipped: bytes) -> tuple[int, Submission]:
    sec = api.client("sec_a")
    sid = upload(sec, zipped).json()["id"]
    assert api.work() == ["done"]
    with api.sessions() as s:
        row = s.get(Submission, sid)
        assert row is not None
        assert row.files and row.findings  # loaded before the session ends
        s.expunge(row)
    return sid, row


def test_the_worker_stores_where_to_cut_and_the_first_request_draws(
    api: Api, case_zips: dict[str, bytes]
) -> None:
    sid, row = _checked(api, case_zips[PHOTO_BAD])
    assert row.verdict == "noncompliant" and row.crops
    for cid, spec in row.crops.items():  # an id is the sha256 of where to cut; nothing drawn yet
        assert crop_id(spec) == cid and spec["sha256"] in {f.sha256 for f in row.files}
    assert not api.settings.crops_dir.exists() or not any(api.settings.crops_dir.rglob("*.png"))
    report = api.client("sec_a").get(f"/api/submissions/{sid}/report.json").json()
    shown = [e["crop"] for f in report["findings"] for e in f["evidence"] if e.get("crop")]
    assert shown and set(shown) <= set(row.crops)

    sec = api.client("sec_a")
    r = sec.get(f"/api/submissions/{sid}/crops/{shown[0]}")
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    with Image.open(io.BytesIO(r.content)) as picture:
        assert picture.width > 10 and picture.height > 10
    kept = sorted(api.settings.crops_dir.rglob("*.png"))
    assert {p.stem for p in kept} == set(row.crops)  # the whole submission's crops, drawn once
    assert sec.get(f"/api/submissions/{sid}/crops/{shown[0]}").content == r.content  # from the cache

    other = api.client("sec_b")  # another branch's secretary sees neither the page nor its crops
    assert other.get(f"/api/submissions/{sid}/crops/{shown[0]}").status_code == 404
    assert sec.get(f"/api/submissions/{sid}/crops/{'0' * 64}").status_code == 404
    assert sec.get(f"/api/submissions/{sid}/crops/not-an-id").status_code == 404


def test_the_html_report_gets_the_pictures_and_a_lost_cache_is_drawn_again(
    api: Api, case_zips: dict[str, bytes]
) -> None:
    sid, row = _checked(api, case_zips[PHOTO_BAD])
    sec = api.client("sec_a")
    marker = base64.b64encode(MARKER_PREFIX).decode("ascii")[:12]  # the stored HTML holds markers
    html = sec.get(f"/api/submissions/{sid}/report.html").text
    assert marker not in html
    pictures = re.findall(r'<img class="crop" alt="[^"]*" src="data:image/png;base64,([^"]+)">', html)
    assert len(set(pictures)) == len(row.crops)  # one evidence may back two findings
    assert all(base64.b64decode(p).startswith(b"\x89PNG") for p in pictures)

    shutil.rmtree(api.settings.crops_dir)  # a cache: lost, it is drawn again
    cid = next(iter(row.crops))
    again = sec.get(f"/api/submissions/{sid}/crops/{cid}")
    assert again.status_code == 200 and again.content.startswith(b"\x89PNG")


def test_a_crop_whose_page_is_gone_is_a_404_and_leaves_the_html_without_it(
    api: Api, case_zips: dict[str, bytes]
) -> None:
    sid, row = _checked(api, case_zips[PHOTO_BAD])
    for spec in row.crops.values():  # the evidence files behind every crop lost from the store
        api_files = api.app.state.services.files
        api_files.path(spec["sha256"]).unlink(missing_ok=True)
    sec = api.client("sec_a")
    cid = next(iter(row.crops))
    assert sec.get(f"/api/submissions/{sid}/crops/{cid}").status_code == 404
    html = sec.get(f"/api/submissions/{sid}/report.html")
    assert html.status_code == 200 and '<img class="crop"' not in html.text


def test_a_row_checked_before_crops_were_drawn_on_request_still_shows_its_stored_crops(
    api: Api, case_zips: dict[str, bytes]
) -> None:
    sid, row = _checked(api, case_zips[PHOTO_BAD])
    png = api.client("sec_a").get(f"/api/submissions/{sid}/crops/{next(iter(row.crops))}").content
    files = api.app.state.services.files
    stored = files.put_bytes(png)
    with api.sessions() as s:  # as the worker stored crops until 2026-12-01: key repr -> PNG sha256
        s.get_one(Submission, sid).crops = {"('签到表.jpg', 1, (1.0, 2.0, 3.0, 4.0))": stored}
        s.commit()
    sec = api.client("sec_a")
    assert sec.get(f"/api/submissions/{sid}/crops/{stored}").content == png
    assert sec.get(f"/api/submissions/{sid}/crops/{files.put_bytes(b'not a crop')}").status_code == 404
