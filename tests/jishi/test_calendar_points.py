"""The district calendar and the attendance points: figures, exports and the commands."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.history import PastSubmission, Presence
from jishi.calendar import (
    PointsRules,
    attendance_points,
    calendar_csv,
    calendar_grid,
    calendar_text,
    points_csv,
)
from jishi.cli import main
from store.records import RecordStore

A, B = "一支部", "二支部"


def sub(
    branch: str,
    day: str,
    cats: tuple[str, ...],
    verdict: str = "compliant",
    presence: tuple[Presence, ...] = (),
) -> PastSubmission:
    d = dt.date.fromisoformat(day)
    return PastSubmission(f"{branch}-{day}", branch, d, cats, verdict, None, presence, True)


TEAM = (Presence("甲", "attended"), Presence("乙", "leave", "出差"), Presence("丙", "absent"))
SUBS = [
    sub(A, "2024-01-10", ("主题党日", "支部党员大会"), presence=TEAM),
    sub(A, "2024-02-10", ("主题党日", "党课"), "noncompliant", presence=TEAM),
    sub(A, "2024-03-10", ("主题党日",), "needs_review", presence=TEAM),
    sub(A, "2024-03-20", ("支委会",), presence=(Presence("甲", "attended"),)),
    sub(B, "2024-01-12", ("主题党日",)),
    sub(B, "2024-03-12", ("主题党日", "党课")),
]


def test_grid_statuses_quarters_and_compliance() -> None:
    grid = calendar_grid(SUBS, "2024-01", "2024-04")
    a, b = grid.rows
    assert a.months == {
        "2024-01": "held",
        "2024-02": "noncompliant",
        "2024-03": "needs_review",
        "2024-04": "missing",
    }
    assert b.months == {"2024-01": "held", "2024-02": "missing", "2024-03": "held", "2024-04": "missing"}
    assert a.quarters == {"2024Q1": []} and b.quarters == {"2024Q1": ["支部党员大会"]}
    assert grid.compliance(A) == 0.25 and grid.compliance(B) == 0.5
    assert "二支部 2024Q1：未开展支部党员大会" in calendar_text(grid)
    rows = list(csv.reader(io.StringIO(calendar_csv(grid))))
    assert rows[0] == ["支部", "2024-01", "2024-02", "2024-03", "2024-04", "2024Q1", "合规月份占比"]
    assert rows[2] == [B, "已开展", "未上传", "已开展", "未上传", "缺：支部党员大会", "0.50"]


def test_grid_of_one_kind_and_compliance_per_month() -> None:
    grid = calendar_grid(SUBS, "2024-01", "2024-03", kind="党课")
    a, b = grid.rows
    assert a.months == {"2024-01": "missing", "2024-02": "noncompliant", "2024-03": "missing"}
    assert b.months == {"2024-01": "missing", "2024-02": "missing", "2024-03": "held"}
    assert a.quarters == {"2024Q1": []} and b.quarters == {"2024Q1": []}  # only 党课 is judged
    assert calendar_grid(SUBS, "2024-01", "2024-03", kind="主题党日").rows[1].quarters == {}
    every = calendar_grid(SUBS, "2024-01", "2024-03")
    assert every.month_counts("2024-03") == {"held": 1, "noncompliant": 0, "needs_review": 1, "missing": 0}
    assert every.month_compliance("2024-01") == 1.0 and every.month_compliance("2024-02") == 0.0
    assert every.month_compliance("2024-03") == 0.5


def test_points_count_meetings_for_all_members_and_deduct_by_the_rules() -> None:
    points = {(p.member, p.quarter): p for p in attendance_points(SUBS)}
    assert points[("甲", "2024Q1")].expected == 3  # the 支委会 is not a meeting for all members
    bing = points[("丙", "2024Q1")]
    assert (bing.expected, bing.attended, bing.absent, bing.deduction) == (3, 0, 3, 6.0)
    assert points[("乙", "2024Q1")].deduction == 1.5
    capped = attendance_points(SUBS, PointsRules(deduct_absent_without_leave=10, max_deduction_per_year=15))
    assert next(p for p in capped if p.member == "丙").deduction == 15
    header = points_csv(attendance_points(SUBS)).splitlines()[0]
    assert header == "支部,姓名,季度,应参加次数,实际参加次数,请假次数,无故缺席次数,无法确定次数,扣分"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "h.sqlite3"
    with RecordStore(path) as store:
        for s in SUBS:
            store.record(s, None)
    return path


def test_calendar_command_exports(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["calendar", "--history", str(store_path), "--format", "text"]) == 0
    assert "各支部逐月开展情况" in capsys.readouterr().out
    out = tmp_path / "grid.xlsx"
    assert main(["calendar", "--history", str(store_path), "--format", "xlsx", "--output", str(out)]) == 0
    wb = load_workbook(out)
    sheet = wb["逐月开展情况"]
    assert [c.value for c in sheet[1]][:4] == ["支部", "2024-01", "2024-02", "2024-03"]
    assert [c.value for c in sheet[2]][:4] == [A, "已开展", "不合规", "待复核"]
    assert sheet.cell(2, 3).fill.fgColor.rgb.endswith("FFC7CE")
    shares = [row[5] for row in wb["各月合规率"].iter_rows(min_row=2, values_only=True)]
    assert shares == [1, 0, 0.5]  # held by both, by neither (noncompliant, missing), by one
    assert main(["calendar", "--history", str(store_path), "--kind", "党课", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[1][:4] == [A, "未上传", "不合规", "未上传"]
    assert main(["calendar", "--history", str(store_path), "--kind", "支委会"]) == 2  # not a required kind
    assert main(["calendar", "--history", str(store_path), "--format", "xlsx"]) == 2  # xlsx needs --output
    assert main(["calendar", "--history", str(store_path), "--from", "2024-13"]) == 2


def test_points_command_exports(store_path: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("deduct_absent_without_leave: 1\ndeduct_absent_with_leave: 0\n", encoding="utf-8")
    out = tmp_path / "points.csv"
    assert (
        main(
            [
                "points",
                "--history",
                str(store_path),
                "--branch",
                A,
                "--rules",
                str(rules),
                "--format",
                "csv",
                "--output",
                str(out),
            ]
        )
        == 0
    )
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[1:] == [
        [A, "丙", "2024Q1", "3", "0", "0", "3", "0", "3.0"],
        [A, "乙", "2024Q1", "3", "0", "3", "0", "0", "0.0"],
        [A, "甲", "2024Q1", "3", "3", "0", "0", "0", "0.0"],
    ]
    xlsx = tmp_path / "points.xlsx"
    assert main(["points", "--history", str(store_path), "--format", "xlsx", "--output", str(xlsx)]) == 0
    assert load_workbook(xlsx)["党员参会积分"].max_row == 4
    bad = tmp_path / "bad.yaml"
    bad.write_text("deduct_per_absence: 1\n", encoding="utf-8")
    assert main(["points", "--history", str(store_path), "--rules", str(bad)]) == 2
