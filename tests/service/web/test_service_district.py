"""The district page and its exports: figures of a generated history (expected values from
the generator's plan: its schedule, skipped quarters and years, months without upload and
planted noncompliant submissions), a real check moving a cell, filters, scoping."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
from openpyxl import load_workbook

from fixtures import history as gen
from fixtures.service_history import plan, store_history
from tests.service.conftest import TYPED_OK, Api, upload

SAMPLE_BRANCH = "内科第一党支部"  # the seeded branch of district A (no history: every month missing)
LABELS = {"held": "已开展", "noncompliant": "不合规", "needs_review": "待复核", "missing": "未上传"}


@pytest.fixture(scope="module")
def history() -> gen.History:
    return plan()


@pytest.fixture
def district(api: Api, history: gen.History) -> Api:
    store_history(api.sessions, history, api.org.district_a)
    return api


def planted_bad(history: gen.History) -> set[tuple[str, str]]:
    """(branch, month) of the submissions the generator planted noncompliant: strong copies,
    materials studied before publication, members absent without a reason."""
    truth: dict[str, Any] = history.truth
    keys = {c["submission"] for c in truth["copies"] if c["kind"] == "strong"}
    keys |= {a["submission"] for a in truth["anachronisms"] if a["planted"]}
    keys |= {a["submission"] for a in truth["absent_without_leave"]}
    names = {f"{b.index:02d}": b.name for b in history.branches}
    return {(names[k[:2]], k[3:]) for k in keys}


def expected_cells(history: gen.History, year: int, kind: str | None) -> dict[str, dict[str, str]]:
    """branch -> month -> status, from the plan."""
    bad = planted_bad(history)
    out = {}
    for b in history.branches:
        schedule = gen.schedule(b)
        cells = {}
        for month in (m for m in gen.MONTHS if m.startswith(str(year))):
            held = (b.index, month) not in gen.NO_UPLOAD and (kind is None or kind in schedule[month])
            cells[month] = "missing" if not held else "noncompliant" if (b.name, month) in bad else "held"
        out[b.name] = cells
    return out


def expected_gaps(history: gen.History, year: int) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {b.name: {} for b in history.branches}
    for bi, y, q, kinds in gen.SKIPPED_QUARTERS:
        if y == year:
            out[history.branches[bi].name][f"{y}Q{q}"] = list(kinds)
    for bi, y, kinds in gen.SKIPPED_YEARS:
        if y == year:
            out[history.branches[bi].name][str(y)] = list(kinds)
    return out


def csv_rows(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.mark.parametrize("year", [2023, 2024])
def test_grid_compliance_and_gaps_of_a_generated_history(
    district: Api, history: gen.History, year: int
) -> None:
    client = district.client("insp_a")
    r = client.get(f"/district/export?report=calendar&format=csv&year={year}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = csv_rows(r.content)
    months = [f"{year}-{m:02d}" for m in range(1, 13)]
    quarters = [f"{year}Q{q}" for q in range(1, 5)]
    assert rows[0] == ["支部", *months, *quarters, str(year), "合规月份占比"]
    by_branch = {row[0]: row for row in rows[1:]}
    assert set(by_branch) == {b.name for b in history.branches} | {SAMPLE_BRANCH}
    cells = expected_cells(history, year, None)
    gaps = expected_gaps(history, year)
    for name, expected in cells.items():
        row = by_branch[name]
        assert row[1:13] == [LABELS[expected[m]] for m in months], name
        shown_gaps = {p: row[13 + i] for i, p in enumerate([*quarters, str(year)])}
        want = {p: "缺：" + "、".join(gaps[name][p]) if p in gaps[name] else "齐全" for p in shown_gaps}
        assert shown_gaps == want, name
        held = sum(v == "held" for v in expected.values())
        assert row[-1] == f"{held / 12:.2f}", name
    assert by_branch[SAMPLE_BRANCH][1:13] == ["未上传"] * 12
    # compliance per month, on the page (table footer and chart) and in the workbook
    page = client.get(f"/district?year={year}").text
    n = len(history.branches) + 1
    workbook = load_workbook(
        io.BytesIO(client.get(f"/district/export?report=calendar&format=xlsx&year={year}").content)
    )
    per_month = {row[0]: row for row in workbook["各月合规率"].iter_rows(min_row=2, values_only=True)}
    for month in months:
        held = sum(cells[b][month] == "held" for b in cells)
        missing = sum(cells[b][month] == "missing" for b in cells) + 1
        assert f'data-month="{month}" data-share="{held / n:.4f}"' in page, month
        assert re.search(rf'data-month="{month}">.*?class="s-held"[^>]*data-count="{held}"', page), month
        assert per_month[month] == (month, held, n - held - missing, 0, missing, round(held / n, 4))


def test_per_kind_grid_and_quarter_filter(district: Api, history: gen.History) -> None:
    client = district.client("insp_a")
    rows = csv_rows(client.get("/district/export?format=csv&year=2024&quarter=1&kind=党课").content)
    assert rows[0] == ["支部", "2024-01", "2024-02", "2024-03", "2024Q1", "合规月份占比"]
    cells = expected_cells(history, 2024, "党课")
    skipped = {
        history.branches[b].name for b, y, q, k in gen.SKIPPED_QUARTERS if (y, q) == (2024, 1) and "党课" in k
    }
    assert skipped  # the plan skips 党课 somewhere in 2024Q1
    for row in rows[1:]:
        if row[0] == SAMPLE_BRANCH:
            continue
        assert row[1:4] == [LABELS[cells[row[0]][m]] for m in ("2024-01", "2024-02", "2024-03")], row[0]
        assert row[4] == ("缺：党课" if row[0] in skipped else "齐全"), row[0]
    page = client.get("/district?year=2024&quarter=1&kind=党课").text
    assert '<option value="党课" selected>' in page and 'id="chart"' in page
    assert 'data-month="2024-04"' not in page  # the quarter only


def test_points_export_per_member_and_quarter(district: Api, history: gen.History) -> None:
    client = district.client("insp_a")
    rows = csv_rows(client.get("/district/export?report=points&format=csv&year=2024&quarter=4").content)
    assert rows[0] == [
        "支部",
        "姓名",
        "季度",
        "应参加次数",
        "实际参加次数",
        "请假次数",
        "无故缺席次数",
        "无法确定次数",
        "扣分",
    ]
    got = {(r[0], r[1]): r[2:] for r in rows[1:]}
    for b in history.branches:
        subs = [
            s
            for s in history.submissions
            if s.branch == b.name and s.month[:7] in ("2024-10", "2024-11", "2024-12")
        ]
        for m in b.members:
            absent = sum(m.name in s.absent_no_reason for s in subs)
            leave = sum(m.name in s.absent_leave for s in subs)
            attended = len(subs) - absent - leave
            spent = sum(  # deductions earlier in 2024 count towards the yearly cap of 15
                2 * (m.name in s.absent_no_reason) + 0.5 * (m.name in s.absent_leave)
                for s in history.submissions
                if s.branch == b.name and "2024-01" <= s.month <= "2024-09"
            )
            deduction = min(2 * absent + 0.5 * leave, max(0.0, 15 - spent))
            assert got[(b.name, m.name)][:6] == [
                "2024Q4",
                str(len(subs)),
                str(attended),
                str(leave),
                str(absent),
                "0",
            ]
            assert float(got[(b.name, m.name)][6]) == pytest.approx(deduction)
    xlsx = client.get("/district/export?report=points&format=xlsx&year=2024&quarter=4")
    assert xlsx.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert load_workbook(io.BytesIO(xlsx.content))["党员参会积分"].max_row == len(rows)
    assert "filename*=UTF-8''" in xlsx.headers["content-disposition"]


def test_a_real_check_and_an_overruling_move_the_cell(api: Api, case_zips: dict[str, bytes]) -> None:
    owner = api.client("sec_a")
    created = upload(owner, case_zips[TYPED_OK], name="十二月主题党日.zip")
    assert created.status_code == 201
    assert api.work() == ["done"]
    row = owner.get(f"/api/submissions/{created.json()['id']}").json()
    assert row["verdict"] == "compliant" and row["month"]
    month, year = row["month"], row["month"][:4]
    inspector = api.client("insp_a")

    def cell() -> str:
        page = inspector.get(f"/district?year={year}").text
        found = re.search(
            rf'<tr data-branch="{SAMPLE_BRANCH}">.*?data-month="{month}" data-status="(\w+)"', page, re.S
        )
        assert found, page[:2000]
        return found.group(1)

    assert cell() == "held"
    r = inspector.post(
        f"/api/submissions/{row['id']}/overrule",
        json={"verdict": "noncompliant", "reason": "现场照片与会议无关"},
    )
    assert r.status_code == 200, r.text
    assert cell() == "noncompliant"
    # the secretary sees her own branch's calendar and points, nobody else's
    mine = owner.get(f"/district?year={year}")
    assert mine.status_code == 200 and "本支部会议开展情况" in mine.text and SAMPLE_BRANCH in mine.text
    assert "外科第二党支部" not in mine.text
    points = csv_rows(owner.get(f"/district/export?report=points&year={year}").content)
    assert {r[0] for r in points[1:]} == {SAMPLE_BRANCH}


def test_other_districts_and_secretaries_see_only_their_own(district: Api, history: gen.History) -> None:
    names = [b.name for b in history.branches]
    for who in ("insp_b", "sec_b"):
        client = district.client(who)
        page = client.get("/district?year=2023").text
        assert "外科第二党支部" in page
        assert not any(n in page for n in names) and SAMPLE_BRANCH not in page, who
        for report in ("calendar", "points"):
            body = client.get(f"/district/export?report={report}&year=2023").content.decode("utf-8-sig")
            assert not any(n in body for n in names), (who, report)
    admin = district.client("admin")
    every = admin.get("/district/export?year=2023").content.decode("utf-8-sig")
    assert all(n in every for n in names) and "外科第二党支部" in every
    b_only = admin.get(f"/district/export?year=2023&district={district.org.district_b}").content
    assert [r[0] for r in csv_rows(b_only)[1:]] == ["外科第二党支部"]
    assert "乙片区" in admin.get("/district").text  # an admin chooses the district
    # an inspector cannot widen her scope by naming another district
    mine = district.client("insp_a").get(f"/district/export?year=2023&district={district.org.district_b}")
    assert "外科第二党支部" not in mine.content.decode("utf-8-sig")
    assert district.client().get("/district", follow_redirects=False).status_code == 303


def test_filters_not_understood_fall_back_and_a_later_year_has_no_months(district: Api) -> None:
    client = district.client("insp_a")
    page = client.get("/district?year=abc&quarter=9&kind=<script>").text
    assert '<option value="2024" selected>' in page and "<script>" not in page
    later = client.get("/district?year=2099")
    assert later.status_code == 200 and "所选期间尚未开始" in later.text
    assert csv_rows(client.get("/district/export?year=2099").content)[0] == ["支部", "合规月份占比"]
