"""The two flows in a real browser (Playwright + Debian chromium) against a real `jishi serve`
with its Celery worker: a secretary uploads a zip and reads the verdict with an evidence
crop; an inspector filters the queue, opens it, overrules a finding with a reason and
sees it in the audit log."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from fixtures.servers import Server, jishi_serve
from tests.service.conftest import PHOTO_BAD

CHECK_TIMEOUT_MS = 120_000


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with jishi_serve(tmp_path_factory.mktemp("browser") / "data") as running:
        yield running


@pytest.fixture(scope="module")
def photo_zip(tmp_path_factory: pytest.TempPathFactory, case_zips: dict[str, bytes]) -> Path:
    path = tmp_path_factory.mktemp("upload") / "十二月主题党日.zip"
    path.write_bytes(case_zips[PHOTO_BAD])
    return path


def log_in(page: Page, server: Server, username: str) -> None:
    page.goto(server.url + "/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(server.logins[username])
    page.get_by_role("button", name="登录").click()


def test_secretary_uploads_and_reads_the_verdict_with_a_crop(
    page: Page, server: Server, photo_zip: Path
) -> None:
    log_in(page, server, "shuji")
    expect(page).to_have_url(re.compile(r"/self-check$"))
    page.get_by_label("材料文件").set_input_files(photo_zip)
    page.get_by_role("button", name="上传并检查").click()
    expect(page).to_have_url(re.compile(r"/submissions/\d+$"))
    expect(page.locator("#progress")).to_be_visible()  # the progress indicator while it runs
    verdict = page.locator("#verdict")
    expect(verdict).to_have_text("不合格", timeout=CHECK_TIMEOUT_MS)
    crop = page.locator("img.crop").first
    expect(crop).to_be_visible()
    assert crop.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0  # loads, is a picture
    expect(page.locator(".hint").first).to_contain_text("怎么改")
    page.goto(server.url + "/self-check")
    expect(page.locator("table")).to_contain_text("十二月主题党日")


def test_inspector_filters_opens_overrules_and_sees_the_audit_log(
    page: Page, server: Server, photo_zip: Path
) -> None:
    log_in(page, server, "ducha")
    expect(page).to_have_url(re.compile(r"/review$"))
    page.locator("select[name=verdict]").select_option("noncompliant")
    page.get_by_role("button", name="筛选").click()
    expect(page).to_have_url(re.compile(r"verdict=noncompliant"))
    expect(page.locator(".counts")).to_contain_text("不合格")
    page.locator("#queue").get_by_role("link", name="十二月主题党日").click()
    failing = page.locator(".finding", has=page.locator("strong.s-fail")).first
    code = failing.get_attribute("data-code")
    failing.locator("summary").click()
    failing.locator("select[name=status]").select_option("pass")
    failing.locator("input[name=reason]").fill("现场照片可见签名，签到表拍摄时被遮挡")
    failing.get_by_role("button", name="确认改判").click()
    audit = page.locator("#audit-log")
    expect(audit).to_contain_text("改判检查项")
    expect(audit).to_contain_text("现场照片可见签名，签到表拍摄时被遮挡")
    expect(audit).to_contain_text(code or "")
    expect(page.locator(f'.finding[data-code="{code}"]')).to_contain_text("督查改判")
