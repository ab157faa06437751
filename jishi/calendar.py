"""The district's meeting calendar and the members' attendance points, from the history.

``calendar_grid``: branches x months, each cell held (every submission of the month
compliant), noncompliant, needs review, or missing (nothing uploaded), plus for each
branch and quarter the required kinds not held (支部党员大会, 党课 each quarter;
组织生活会, 民主评议党员 each year: shared/seeds 000 备注4).

``attendance_points``: per member and quarter, the meetings every member was expected
at (one submission = one meeting, of a kind for all members), attended, absent with
leave, absent without, and the deduction under ``PointsRules`` (defaults from
shared/seeds 002: 无故不参加的每次扣2分，请假者每次扣0.5分，扣完为止).

Both render as text, CSV or XLSX. Plain functions over ``PastSubmission``s, so the web
service draws the same figures from its own database.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from core.history import ALL_MEMBER_KINDS, QUARTERLY_KINDS, YEARLY_KINDS, PastSubmission, quarter_of

CellStatus = Literal["held", "noncompliant", "needs_review", "missing"]
CELL_STATUSES: tuple[CellStatus, ...] = ("held", "noncompliant", "needs_review", "missing")
MONTHLY_KINDS = ("主题党日",)
REQUIRED_KINDS = (*MONTHLY_KINDS, *QUARTERLY_KINDS, *YEARLY_KINDS)  # a kind the grid may be drawn for
STATUS_LABELS: dict[str, str] = {
    "held": "已开展",
    "noncompliant": "不合规",
    "needs_review": "待复核",
    "missing": "未上传",
}
STATUS_MARKS: dict[str, str] = {"held": "✓", "noncompliant": "✗", "needs_review": "?", "missing": "·"}
STATUS_FILLS: dict[str, str] = {
    "held": "C6EFCE",
    "noncompliant": "FFC7CE",
    "needs_review": "FFEB9C",
    "missing": "D9D9D9",
}


# --------------------------------------------------------------------------- calendar


@dataclass
class BranchRow:
    branch: str
    months: dict[str, CellStatus]  # "YYYY-MM" -> status
    quarters: dict[str, list[str]]  # "YYYYQn" -> required kinds not held (empty: all held)
    years: dict[str, list[str]]  # "YYYY" -> yearly kinds not held (complete years only)


@dataclass
class CalendarGrid:
    months: list[str]
    rows: list[BranchRow] = field(default_factory=list)
    kind: str | None = None  # the meeting kind the cells count (None: any submission of the month)

    def compliance(self, branch: str) -> float:
        """Share of months held compliant for one branch."""
        row = next(r for r in self.rows if r.branch == branch)
        return sum(s == "held" for s in row.months.values()) / len(row.months) if row.months else 0.0

    def month_counts(self, month: str) -> dict[CellStatus, int]:
        """How many branches are in each status in one month (every status, zero included)."""
        counts: dict[CellStatus, int] = dict.fromkeys(CELL_STATUSES, 0)
        for row in self.rows:
            counts[row.months[month]] += 1
        return counts

    def month_compliance(self, month: str) -> float:
        """Share of branches held compliant in one month."""
        return self.month_counts(month)["held"] / len(self.rows) if self.rows else 0.0


def month_range(first: str, last: str) -> list[str]:
    y, m = (int(x) for x in first.split("-"))
    out = []
    while f"{y}-{m:02d}" <= last:
        out.append(f"{y}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def calendar_grid(
    submissions: Sequence[PastSubmission],
    first: str | None = None,
    last: str | None = None,
    branches: Sequence[str] | None = None,
    kind: str | None = None,
) -> CalendarGrid:
    """Each branch's months from ``first`` to ``last`` and its quarters and years within them.
    With ``kind``, a month counts only submissions ticked with that kind, and only that
    kind's quarterly or yearly requirement is judged."""
    if not submissions and (first is None or last is None):
        return CalendarGrid([], kind=kind)
    first = first or min(s.month for s in submissions)
    last = last or max(s.month for s in submissions)
    months = month_range(first, last)
    names = list(branches) if branches is not None else sorted({s.branch for s in submissions})
    grid = CalendarGrid(months, kind=kind)
    quarterly, yearly = _only(QUARTERLY_KINDS, kind), _only(YEARLY_KINDS, kind)
    for name in names:
        own = [s for s in submissions if s.branch == name and first <= s.month <= last]
        shown = [s for s in own if kind is None or kind in s.categories]
        grid.rows.append(
            BranchRow(
                name,
                {m: _status([s for s in shown if s.month == m]) for m in months},
                _quarters(own, months, quarterly),
                _years(own, months, yearly),
            )
        )
    return grid


def _only(kinds: tuple[str, ...], kind: str | None) -> tuple[str, ...]:
    return kinds if kind is None else tuple(k for k in kinds if k == kind)


def _status(subs: list[PastSubmission]) -> CellStatus:
    if not subs:
        return "missing"
    verdicts = {s.verdict for s in subs}
    if "noncompliant" in verdicts:
        return "noncompliant"
    if verdicts == {"compliant"}:
        return "held"
    return "needs_review"


def _quarters(own: list[PastSubmission], months: list[str], kinds: tuple[str, ...]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if not kinds:
        return out
    for m in months:
        year, month = (int(x) for x in m.split("-"))
        if month % 3:
            continue  # a quarter is judged at its last month, when the range holds it whole
        q = (month - 1) // 3 + 1
        if f"{year}-{month - 2:02d}" not in months:
            continue
        held = {c for s in own if quarter_of(s.meeting_date) == (year, q) for c in s.categories}
        out[f"{year}Q{q}"] = [k for k in kinds if k not in held]
    return out


def _years(own: list[PastSubmission], months: list[str], kinds: tuple[str, ...]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if not kinds:
        return out
    for year in sorted({int(m[:4]) for m in months}):
        if f"{year}-01" in months and f"{year}-12" in months:
            held = {c for s in own if s.meeting_date.year == year for c in s.categories}
            out[str(year)] = [k for k in kinds if k not in held]
    return out


def calendar_text(grid: CalendarGrid) -> str:
    if not grid.rows:
        return "历史记录中没有可统计的提交。\n"
    width = max(len(r.branch) for r in grid.rows)
    head = " " * (width * 2) + " " + " ".join(m[2:].replace("-", "") for m in grid.months)
    what = f"{grid.kind}" if grid.kind else "开展情况"
    lines = [f"各支部逐月{what}（✓ 已开展 ✗ 不合规 ? 待复核 · 未上传）", head]
    for row in grid.rows:
        cells = " ".join(f"{STATUS_MARKS[row.months[m]]:^4}" for m in grid.months)
        lines.append(
            f"{row.branch:<{width}}".ljust(width * 2)
            + " "
            + cells
            + f"  合规 {grid.compliance(row.branch):.0%}"
        )
    gaps = [
        f"{row.branch} {p}：未开展{'、'.join(kinds)}"
        for row in grid.rows
        for p, kinds in [*row.quarters.items(), *row.years.items()]
        if kinds
    ]
    lines += ["", "季度、年度要求（支部党员大会、党课每季度；组织生活会、民主评议党员每年）："]
    lines += gaps or ["全部满足"]
    return "\n".join(lines) + "\n"


def calendar_csv(grid: CalendarGrid) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    quarters = sorted({q for r in grid.rows for q in r.quarters})
    years = sorted({y for r in grid.rows for y in r.years})
    writer.writerow(["支部", *grid.months, *quarters, *years, "合规月份占比"])
    for row in grid.rows:
        writer.writerow(
            [
                row.branch,
                *(STATUS_LABELS[row.months[m]] for m in grid.months),
                *(_gap(row.quarters.get(q)) for q in quarters),
                *(_gap(row.years.get(y)) for y in years),
                f"{grid.compliance(row.branch):.2f}",
            ]
        )
    return out.getvalue()


def _gap(kinds: list[str] | None) -> str:
    if kinds is None:
        return ""
    return "缺：" + "、".join(kinds) if kinds else "齐全"


def calendar_xlsx(grid: CalendarGrid) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "逐月开展情况"
    ws.append(["支部", *grid.months, "合规月份占比"])
    for i, row in enumerate(grid.rows, start=2):
        ws.append(
            [
                row.branch,
                *(STATUS_LABELS[row.months[m]] for m in grid.months),
                round(grid.compliance(row.branch), 4),
            ]
        )
        for j, m in enumerate(grid.months, start=2):
            ws.cell(i, j).fill = PatternFill("solid", fgColor=STATUS_FILLS[row.months[m]])
    req = wb.create_sheet("季度和年度要求")
    req.append(["支部", "期间", "未开展"])
    for row in grid.rows:
        for period, kinds in [*row.quarters.items(), *row.years.items()]:
            req.append([row.branch, period, "、".join(kinds) or "齐全"])
    per_month = wb.create_sheet("各月合规率")
    per_month.append(["月份", *(STATUS_LABELS[c] for c in CELL_STATUSES), "合规支部占比"])
    for m in grid.months:
        counts = grid.month_counts(m)
        per_month.append([m, *(counts[c] for c in CELL_STATUSES), round(grid.month_compliance(m), 4)])
    return _xlsx_bytes(wb)


def _xlsx_bytes(wb: object) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)  # type: ignore[attr-defined]
    return buf.getvalue()


# --------------------------------------------------------------------------- points


class PointsRules(BaseModel):
    """Deductions for absence from meetings (shared/seeds 002, 农村党支部党员积分制管理考核细则:
    组织生活15分，无故不参加的每次扣2分；请假者，每次扣0.5分，扣完为止)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    deduct_absent_without_leave: Annotated[float, Field(ge=0, le=100)] = 2.0
    deduct_absent_with_leave: Annotated[float, Field(ge=0, le=100)] = 0.5
    max_deduction_per_year: Annotated[float, Field(ge=0, le=1000)] = 15.0


@dataclass(frozen=True)
class MemberQuarter:
    branch: str
    member: str
    quarter: str  # "YYYYQn"
    expected: int
    attended: int
    leave: int
    absent: int
    unknown: int
    deduction: float


POINT_COLUMNS = (
    "支部",
    "姓名",
    "季度",
    "应参加次数",
    "实际参加次数",
    "请假次数",
    "无故缺席次数",
    "无法确定次数",
    "扣分",
)


def attendance_points(
    submissions: Sequence[PastSubmission], rules: PointsRules | None = None
) -> list[MemberQuarter]:
    rules = rules or PointsRules()
    counts: dict[tuple[str, str, str], dict[str, int]] = {}
    for s in sorted(submissions, key=lambda s: (s.branch, s.meeting_date, s.submission_id)):
        if not set(s.categories) & set(ALL_MEMBER_KINDS):
            continue
        year, q = quarter_of(s.meeting_date)
        for p in s.attendance:
            c = counts.setdefault(
                (s.branch, p.name, f"{year}Q{q}"),
                dict.fromkeys(("expected", "attended", "leave", "absent", "unknown"), 0),
            )
            c["expected"] += 1
            c[p.status] += 1
    out: list[MemberQuarter] = []
    spent: dict[tuple[str, str, str], float] = {}  # deduction used per member and year (capped)
    for (branch, member, quarter), c in sorted(counts.items()):
        raw = c["absent"] * rules.deduct_absent_without_leave + c["leave"] * rules.deduct_absent_with_leave
        key = (branch, member, quarter[:4])
        allowed = max(0.0, rules.max_deduction_per_year - spent.get(key, 0.0))
        deduction = min(raw, allowed)
        spent[key] = spent.get(key, 0.0) + deduction
        out.append(
            MemberQuarter(
                branch,
                member,
                quarter,
                c["expected"],
                c["attended"],
                c["leave"],
                c["absent"],
                c["unknown"],
                deduction,
            )
        )
    return out


def _point_row(p: MemberQuarter) -> list[object]:
    return [p.branch, p.member, p.quarter, p.expected, p.attended, p.leave, p.absent, p.unknown, p.deduction]


def points_csv(points: list[MemberQuarter]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(POINT_COLUMNS)
    writer.writerows(_point_row(p) for p in points)
    return out.getvalue()


def points_xlsx(points: list[MemberQuarter]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "党员参会积分"
    ws.append(list(POINT_COLUMNS))
    for p in points:
        ws.append(_point_row(p))
    return _xlsx_bytes(wb)


def points_text(points: list[MemberQuarter]) -> str:
    if not points:
        return "历史记录中没有可统计的参会情况。\n"
    lines = ["  ".join(POINT_COLUMNS)]
    lines += ["  ".join(str(x) for x in _point_row(p)) for p in points]
    return "\n".join(lines) + "\n"


def today_month(now: dt.datetime | None = None) -> str:
    return f"{(now or dt.datetime.now()):%Y-%m}"
