"""The district page: branches x months, held / noncompliant / needs review / missing per
required meeting kind, compliance per branch and per month, a chart, and the exports
(the same code as ``jishi calendar`` and ``jishi points``: ``jishi.calendar``).

Every figure is drawn from the checked submissions the user may see (``Principal.scope``):
an inspector her district's branches, an admin every branch, a secretary her own branch.
Filters: year, quarter, meeting kind. Exports: the grid and the members' attendance points
(002) as CSV or XLSX, for the same filters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.history import QUARTERLY_KINDS, YEARLY_KINDS
from jishi.calendar import (
    CELL_STATUSES,
    REQUIRED_KINDS,
    STATUS_LABELS,
    CalendarGrid,
    PointsRules,
    attendance_points,
    calendar_csv,
    calendar_grid,
    calendar_xlsx,
    points_csv,
    points_xlsx,
)
from service.app import db, principal
from service.auth.access import Principal
from service.web.chart import monthly_chart
from service.web.routes import page
from store import repositories as repo
from store.district import checked_submissions, checked_years
from store.models import Branch, District, Role

router = APIRouter(include_in_schema=False)
Db = Annotated[Session, Depends(db)]
User = Annotated[Principal, Depends(principal)]

CHINA = dt.timezone(dt.timedelta(hours=8))
MIN_YEAR, MAX_YEAR = 2000, 2100
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
REPORT_NAMES = {"calendar": "会议开展情况", "points": "党员参会积分"}
KIND_PERIOD = {
    **dict.fromkeys(("主题党日",), "每月"),
    **dict.fromkeys(QUARTERLY_KINDS, "每季度"),
    **dict.fromkeys(YEARLY_KINDS, "每年"),
}


@dataclass(frozen=True)
class View:
    """The filters as understood: a year, an optional quarter, an optional meeting kind and,
    for an admin, an optional district; ``scope`` the branches shown."""

    year: int
    quarter: int | None
    kind: str | None
    first: str
    last: str  # capped at this month: a month still to come is not missing
    scope: repo.Scope
    district_id: int | None = None

    def query(self, **extra: str) -> str:
        fields = {"year": str(self.year), "quarter": str(self.quarter or ""), "kind": self.kind or ""}
        if self.district_id is not None:
            fields["district"] = str(self.district_id)
        return urlencode({**fields, **extra})

    @property
    def label(self) -> str:
        period = f"{self.year}年" + (f"第{self.quarter}季度" if self.quarter else "")
        return period + (self.kind or "")


def this_month(now: dt.datetime | None = None) -> str:
    return f"{(now or dt.datetime.now(CHINA)).astimezone(CHINA):%Y-%m}"


def view_of(s: Session, p: Principal, year: str, quarter: str, kind: str, district: str = "") -> View:
    """The filters from the query string; what is unset or not understood takes its default
    (the latest year with a checked submission, the whole year, every kind, every district).
    Only an admin chooses a district: everyone else sees their own scope."""
    scope, district_id = p.scope, None
    if p.scope is None and district.isdigit() and s.get(District, int(district)) is not None:
        district_id = int(district)
        scope = frozenset(s.scalars(select(Branch.id).where(Branch.district_id == district_id)))
    chosen = int(year) if year.isdigit() and MIN_YEAR <= int(year) <= MAX_YEAR else _latest_year(s, scope)
    q = int(quarter) if quarter in ("1", "2", "3", "4") else None
    first = f"{chosen}-{3 * q - 2:02d}" if q else f"{chosen}-01"
    last = f"{chosen}-{3 * q:02d}" if q else f"{chosen}-12"
    last = min(last, this_month())  # a month still to come is not missing (a later year: no months)
    return View(chosen, q, kind if kind in REQUIRED_KINDS else None, first, last, scope, district_id)


def _latest_year(s: Session, scope: repo.Scope) -> int:
    years = checked_years(s, scope)
    return years[0] if years else int(this_month()[:4])


def _years(s: Session, v: View) -> list[int]:
    return sorted({*checked_years(s, v.scope), v.year, int(this_month()[:4])}, reverse=True)


def grid_for(s: Session, v: View) -> CalendarGrid:
    """The grid of every branch shown (a branch with nothing checked is all missing)."""
    names = [b.name for b in repo.branches(s, v.scope)]
    subs = checked_submissions(s, v.scope, v.first, v.last)
    return calendar_grid(subs, v.first, v.last, branches=names, kind=v.kind)


@router.get("/district", response_class=HTMLResponse)
def district_page(
    request: Request, p: User, s: Db, year: str = "", quarter: str = "", kind: str = "", district: str = ""
) -> HTMLResponse:
    v = view_of(s, p, year, quarter, kind, district)
    grid = grid_for(s, v) if v.first <= v.last else CalendarGrid([], kind=v.kind)
    quarters = sorted({q for r in grid.rows for q in r.quarters})
    years = sorted({y for r in grid.rows for y in r.years})
    return page(
        request,
        "district.html",
        p,
        view=v,
        grid=grid,
        chart=monthly_chart(grid),
        periods=[*quarters, *years],
        kinds=REQUIRED_KINDS,
        kind_period=KIND_PERIOD,
        years=_years(s, v),
        districts=s.scalars(select(District).order_by(District.name)).all() if p.scope is None else [],
        statuses=CELL_STATUSES,
        status_labels=STATUS_LABELS,
        own_branch=p.role == Role.SECRETARY,
    )


@router.get("/district/export")
def district_export(
    p: User,
    s: Db,
    report: str = "calendar",
    format: str = "csv",
    year: str = "",
    quarter: str = "",
    kind: str = "",
    district: str = "",
) -> Response:
    """The grid (``report=calendar``) or the attendance points (``report=points``), CSV or XLSX."""
    v = view_of(s, p, year, quarter, kind, district)
    what = report if report in REPORT_NAMES else "calendar"
    xlsx = format == "xlsx"
    if what == "points":
        points = attendance_points(checked_submissions(s, v.scope, v.first, v.last), PointsRules())
        body: str | bytes = points_xlsx(points) if xlsx else points_csv(points)
    else:
        grid = grid_for(s, v)
        body = calendar_xlsx(grid) if xlsx else calendar_csv(grid)
    name = f"{REPORT_NAMES[what]}-{v.label}.{'xlsx' if xlsx else 'csv'}"
    data = body if isinstance(body, bytes) else body.encode("utf-8-sig")  # Excel opens it as UTF-8
    return Response(
        data,
        media_type=XLSX if xlsx else CSV,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"},
    )
