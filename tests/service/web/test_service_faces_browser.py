"""The reference faces page in a real browser (Playwright + Debian chromium) against a real
`jishi serve`: the inspector opens it from the branch page, uploads a reference photo and
sees its thumbnail, is told in Chinese why a group photo is refused, deletes the
reference and switches the unit's face check off; the branch's secretary gets no page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from fixtures import faces as fx
from fixtures.servers import Server, jishi_serve
from tests.service.web.test_service_browser import log_in

pytestmark = pytest.mark.skipif(
    not fx.available(), reason=f"public-domain face images absent: apt-get install {fx.DEBIAN_PACKAGE}"
)
LEADER = "王建国"
ENROL_TIMEOUT_MS = 60_000  # the first upload loads the face models


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with jishi_serve(tmp_path_factory.mktemp("faces-browser") / "data") as running:
        yield running


@pytest.fixture(scope="module")
def photos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("face-photos")
    portrait, group = out / "王建国近照.jpg", out / "合影.jpg"
    portrait.write_bytes(fx.references()[fx.LEADER][0])
    group.write_bytes((fx.EXAMPLES / "faces" / "2008_002470.jpg").read_bytes())
    return {"portrait": portrait, "group": group}


def test_inspector_enrols_sees_the_thumbnail_deletes_and_switches_off(
    page: Page, server: Server, photos: dict[str, Path]
) -> None:
    log_in(page, server, "ducha")
    page.goto(server.url + "/branches")
    page.get_by_role("link", name="主要负责人人脸参考照片").first.click()
    expect(page).to_have_url(re.compile(r"/branches/\d+/faces$"))
    expect(page.locator("#face-status")).to_have_text("已开启")
    form = page.locator("#face-upload")
    form.locator("select[name=person]").select_option(LEADER)
    form.locator("input[type=file]").set_input_files(photos["group"])
    form.get_by_role("button", name="上传并登记").click()
    expect(page.locator("#face-error")).to_contain_text("合影.jpg", timeout=ENROL_TIMEOUT_MS)
    expect(page.locator("#face-error")).to_contain_text("只有本人一张正脸")

    form.locator("select[name=person]").select_option(LEADER)
    form.locator("input[type=file]").set_input_files(photos["portrait"])
    form.get_by_role("button", name="上传并登记").click()
    thumb = page.locator(f'.person[data-person="{LEADER}"] img').first
    expect(thumb).to_be_visible(timeout=ENROL_TIMEOUT_MS)
    assert thumb.evaluate("img => img.decode().then(() => img.naturalWidth)") == 112  # a real thumbnail

    page.locator(f'.person[data-person="{LEADER}"] .thumb').get_by_role("button", name="删除").click()
    expect(page.locator(f'.person[data-person="{LEADER}"] img')).to_have_count(0)
    page.get_by_role("button", name="关闭本单位人脸核对").click()
    expect(page.locator("#face-status")).to_have_text("已关闭")
    expect(page.locator("#face-upload")).to_have_count(0)


def test_the_secretary_has_no_faces_page(page: Page, server: Server) -> None:
    log_in(page, server, "shuji")
    page.goto(server.url + "/branches")
    expect(page.get_by_role("link", name="主要负责人人脸参考照片")).to_have_count(0)
    response = page.goto(server.url + "/branches/1/faces")
    assert response is not None and response.status == 403
