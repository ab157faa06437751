"""The district page's chart, drawn on the server as inline SVG (no script, nothing fetched):
for each month, a bar stacked from the number of branches held / noncompliant / needs
review / missing, with the share held compliant written above it."""

from __future__ import annotations

from markupsafe import Markup, escape

from jishi.calendar import CELL_STATUSES, STATUS_FILLS, STATUS_LABELS, CalendarGrid

HEIGHT = 260  # the plot area, in SVG units
BAR = 34
GAP = 14
LEFT = 44  # the axis labels
TOP = 34  # the share labels and the legend
BOTTOM = 40  # the month labels
LEGEND_STEP = 92


def monthly_chart(grid: CalendarGrid) -> Markup:
    """The chart as an ``<svg>`` element (empty when the grid has no months or no branches)."""
    if not grid.months or not grid.rows:
        return Markup("")
    total = len(grid.rows)
    width = LEFT + len(grid.months) * (BAR + GAP) + GAP
    parts = [
        f'<svg id="chart" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {TOP + HEIGHT + BOTTOM}"'
        f' width="{width}" height="{TOP + HEIGHT + BOTTOM}" font-size="11">',
        f"<title>{escape(_title(grid))}</title>",
    ]
    parts += _axis(total, width)
    for i, month in enumerate(grid.months):
        parts += _bar(grid, month, LEFT + GAP + i * (BAR + GAP), total)
    parts += _legend()
    parts.append("</svg>")
    return Markup("".join(parts))


def _title(grid: CalendarGrid) -> str:
    what = grid.kind or "会议"
    return f"各月{what}开展情况：{grid.months[0]} 至 {grid.months[-1]}，共 {len(grid.rows)} 个支部"


def _axis(total: int, width: int) -> list[str]:
    out = []
    ticks = sorted({0, total // 2, total})
    for t in ticks:
        y = TOP + HEIGHT - HEIGHT * t / total
        out.append(f'<line x1="{LEFT}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{t}</text>')
    out.append(f'<text x="4" y="{TOP - 20}" fill="#555">支部数</text>')
    return out


def _bar(grid: CalendarGrid, month: str, x: int, total: int) -> list[str]:
    counts = grid.month_counts(month)
    out = [f'<g class="bar" data-month="{escape(month)}">']
    y = float(TOP + HEIGHT)
    for status in CELL_STATUSES:
        n = counts[status]
        if not n:
            continue
        h = HEIGHT * n / total
        y -= h
        out.append(
            f'<rect class="s-{status}" x="{x}" y="{y:.1f}" width="{BAR}" height="{h:.1f}"'
            f' fill="#{STATUS_FILLS[status]}" stroke="#fff" data-count="{n}">'
            f"<title>{escape(month)} {STATUS_LABELS[status]}：{n} 个支部</title></rect>"
        )
    share = grid.month_compliance(month)
    out.append(
        f'<text class="share" x="{x + BAR / 2}" y="{TOP - 4}" text-anchor="middle" fill="#2b8a3e">{share:.0%}</text>'
    )
    label = f"{int(month[5:])}月"  # one year at a time: the title names it
    out.append(
        f'<text x="{x + BAR / 2}" y="{TOP + HEIGHT + 16}" text-anchor="middle" fill="#333">{escape(label)}</text>'
    )
    out.append("</g>")
    return out


def _legend() -> list[str]:
    out = []
    for i, status in enumerate(CELL_STATUSES):
        x = LEFT + i * LEGEND_STEP
        y = TOP + HEIGHT + 30
        out.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="#{STATUS_FILLS[status]}"/>')
        out.append(f'<text x="{x + 14}" y="{y}" fill="#333">{STATUS_LABELS[status]}</text>')
    return out
