"""Chinese labels and small helpers shared by the text and HTML renderers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from core.models import Finding, MeetingRecord, Role, Status, Value, Verdict

UNKNOWN = "未识别"

VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.COMPLIANT: "合格",
    Verdict.NONCOMPLIANT: "不合格",
    Verdict.NEEDS_REVIEW: "需人工复核",
}

STATUS_LABELS: dict[Status, str] = {
    Status.FAIL: "不通过",
    Status.UNKNOWN: "待复核",
    Status.WARN: "提醒",
    Status.PASS: "通过",
}

# Display order: what the branch must fix first.
STATUS_ORDER: tuple[Status, ...] = (Status.FAIL, Status.UNKNOWN, Status.WARN, Status.PASS)

ROLE_LABELS: dict[Role, str] = {
    Role.MINUTES: "会议记录",
    Role.SIGNIN: "签到表",
    Role.PHOTO: "照片",
    Role.MANUSCRIPT: "手写记录",
    Role.OTHER: "其他",
}


def group_findings(findings: Iterable[Finding]) -> dict[Status, list[Finding]]:
    """Findings by status in display order, each group keeping the given order."""
    groups: dict[Status, list[Finding]] = {s: [] for s in STATUS_ORDER}
    for f in findings:
        groups.setdefault(f.status, []).append(f)
    return groups


def ordered_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Failures first, then to-review, warnings, passes (stable within a status)."""
    return [f for group in group_findings(findings).values() for f in group]


def fmt_value(v: Value | None, unknown: str = UNKNOWN) -> str:
    """A Value for display; ``unknown`` when it was not found."""
    if v is None or v.value is None:
        return unknown
    x = v.value
    if isinstance(x, bool):
        return "是" if x else "否"
    if isinstance(x, dt.date | dt.datetime):
        return x.isoformat()
    if isinstance(x, list | tuple):
        return "、".join(str(i) for i in x) if x else "（无）"
    return str(x)


def fmt_datetime(d: dt.datetime | None, unknown: str = UNKNOWN) -> str:
    if d is None:
        return unknown
    return d.strftime("%Y-%m-%d %H:%M:%S") if d.second else d.strftime("%Y-%m-%d %H:%M")


def meeting_date(m: MeetingRecord) -> str:
    """Date and, when known, time of the meeting."""
    date = fmt_value(m.date)
    if m.date is not None and m.time is not None and m.time.value:
        return f"{date} {m.time.value}"
    return date


def study_line(m: MeetingRecord) -> str:
    """领学 as one line: ``张明领学《…》；…`` or 未识别."""
    if not m.study:
        return UNKNOWN
    parts = []
    for s in m.study:
        leader = s.leader or "（领学人未识别）"
        parts.append(f"{leader}：{s.material}")
    return "；".join(parts)


def counts_line(m: MeetingRecord) -> str:
    """应到/实到/缺席 as ``25 / 23 / 2`` with ? for unknown parts."""
    return " / ".join(fmt_value(v, "?") for v in (m.expected_count, m.actual_count, m.absent_count))


def absentees_line(m: MeetingRecord) -> str:
    if not m.absentees:
        return "（无）"
    parts = []
    for a in m.absentees:
        name = a.name or "（姓名未识别）"
        parts.append(f"{name}（{a.reason}）" if a.reason else name)
    return "、".join(parts)


def page_label(page: int | None) -> str:
    return f"第{page}页" if page is not None else ""
