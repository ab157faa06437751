"""The district page in a real browser (Playwright + Debian chromium) against a real `jishi serve`:
an inspector opens it, sees the chart, filters by year, quarter and kind, and downloads the
grid and the attendance points as CSV and XLSX (their content checked against the plan of the
generated history stored in the server's database)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from fixtures import history as gen
from fixtures.servers import Server, jishi_serve
from fixtures.service_history import plan, store_history
from service.seed import SAMPLE_DISTRICT
from store import repositories as repo
from store.db import make_engine, session_factory, sqlite_url
from tests.service.web.test_service_browser import log_in

BRANCHES = (1, 4, 6, 10, 12, 15)  # the branches with a skipped quarter in the plan


@pytest.fixture(scope="module")
def history() -> gen.History:
    return plan(BRANCHES)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, history: gen.History) -> Iterator[Server]:
    with jishi_serve(tmp_path_factory.mktemp("district") / "data") as running:
        engine = make_engine(sqlite_url(running.data_dir.resolve() / "jishi.sqlite"))
        sessions = session_factory(engine)
        try:
            with sessions() as s:
                district_id = repo.district(s, SAMPLE_DISTRICT).id
            store_history(sessions, history, district_id)
        finally:
            engine.dispose()
        yield running


def download(page: Page, link: str, target: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("link", name=link).click()
    path = target / info.value.suggested_filename
    info.value.save_as(path)
    return path


def test_inspector_sees_the_chart_filters_and_downloads(
    page: Page, server: Server, history: gen.History, tmp_path: Path
) -> None:
    log_in(page, server, "ducha")
    page.get_by_role("link", name="开展情况").click()
    expect(page).to_have_url(re.compile(r"/district$"))
    expect(page.get_by_role("heading", name="片区会议开展情况")).to_be_visible()
    chart = page.locator("svg#chart")
    expect(chart).to_be_visible()
    expect(chart.locator("g.bar")).to_have_count(12)  # the latest year, 2024, month by month
    assert chart.bounding_box()["width"] > 300  # type: ignore[index]
    # filter: 2023, second quarter, 党课 (branch 1 skipped it that quarter)
    page.locator("select[name=year]").select_option("2023")
    page.locator("select[name=quarter]").select_option("2")
    page.locator("select[name=kind]").select_option("党课")
    page.get_by_role("button", name="筛选").click()
    expect(page).to_have_url(re.compile(r"year=2023&quarter=2&kind="))
    expect(chart.locator("g.bar")).to_have_count(3)
    skipper = history.branches[0].name  # index 1: 党课 skipped in 2023Q2
    row = page.locator(f'tr[data-branch="{skipper}"]')
    expect(row.locator("td.period")).to_have_text("缺党课")
    expect(row.locator("td.cell")).to_have_text(["未上传", "未上传", "未上传"])
    page.screenshot(path=str(tmp_path / "district.png"), full_page=True)
    # downloads, for the filter shown
    grid_csv = download(page, "开展情况 CSV", tmp_path)
    assert grid_csv.name == "会议开展情况-2023年第2季度党课.csv"
    rows = list(csv.reader(io.StringIO(grid_csv.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["支部", "2023-04", "2023-05", "2023-06", "2023Q2", "合规月份占比"]
    by_branch = {r[0]: r for r in rows[1:]}
    assert by_branch[skipper][1:] == ["未上传", "未上传", "未上传", "缺：党课", "0.00"]
    for b in history.branches:
        schedule = gen.schedule(b)
        held = [m for m in ("2023-04", "2023-05", "2023-06") if "党课" in schedule[m]]
        assert by_branch[b.name].count("已开展") + by_branch[b.name].count("不合规") == len(held), b.name
    grid_xlsx = download(page, "开展情况 Excel", tmp_path)
    sheet = load_workbook(grid_xlsx)["逐月开展情况"]
    assert [c.value for c in sheet[1]] == ["支部", "2023-04", "2023-05", "2023-06", "合规月份占比"]
    assert {sheet.cell(r, 1).value for r in range(2, sheet.max_row + 1)} >= {b.name for b in history.branches}
    points_csv = download(page, "党员参会积分 CSV", tmp_path)
    points = list(csv.reader(io.StringIO(points_csv.read_text(encoding="utf-8-sig"))))
    assert points[0][:4] == ["支部", "姓名", "季度", "应参加次数"]
    members = sum(len(b.members) for b in history.branches)
    assert len(points) - 1 == members and {p[2] for p in points[1:]} == {"2023Q2"}
    points_xlsx = download(page, "党员参会积分 Excel", tmp_path)
    assert load_workbook(points_xlsx)["党员参会积分"].max_row == members + 1
