"""Plain-text terminal report in Chinese.

Layout: a header with the verdict, then findings grouped 不通过 → 待复核 → 提醒 with
message, 处理办法 and quoted evidence, a compact list of 通过 items, and a short
提取结果 section. Lines are wrapped by *display* width (a CJK character takes two
columns), so the report stays readable in an 80-column terminal.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque

from core.models import Evidence, Finding, MeetingRecord, Report, SigninSheet, Status, Verdict
from jishi.report._labels import (
    STATUS_LABELS,
    UNKNOWN,
    VERDICT_LABELS,
    absentees_line,
    counts_line,
    fmt_value,
    group_findings,
    meeting_date,
    page_label,
    study_line,
)

__all__ = ["render_text"]

WIDTH = 80
MAX_QUOTE_CHARS = 120
MAX_EVIDENCE_SHOWN = 5
RULE = "═" * 40

_RESET = "\033[0m"
_BOLD = "\033[1m"
_STATUS_COLORS: dict[Status, str] = {
    Status.FAIL: "\033[31m",
    Status.UNKNOWN: "\033[35m",
    Status.WARN: "\033[33m",
    Status.PASS: "\033[32m",
}
_VERDICT_COLORS: dict[Verdict, str] = {
    Verdict.COMPLIANT: "\033[32m",
    Verdict.NONCOMPLIANT: "\033[31m",
    Verdict.NEEDS_REVIEW: "\033[33m",
}
_NO_LINE_START = frozenset("，。、；：！？）」』》〉】,.;:!?)")  # may hang past the margin
_TOKEN = re.compile(r"[ \t]+|[!-~]+|.", re.DOTALL)  # runs of spaces, ASCII words, single chars


# ------------------------------------------------------------------ width and wrapping


def char_width(ch: str) -> int:
    """Terminal columns taken by one character."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(char_width(c) for c in text)


def truncate(text: str, max_chars: int = MAX_QUOTE_CHARS) -> str:
    """Collapse whitespace and cut to ``max_chars`` characters, ending with … when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= max_chars else flat[: max_chars - 1] + "…"


def _split_long(token: str, room: int) -> tuple[str, str]:
    """The longest head of ``token`` fitting in ``room`` columns (at least one char)."""
    used = 0
    for i, ch in enumerate(token):
        used += char_width(ch)
        if used > room:
            return token[: max(i, 1)], token[max(i, 1) :]
    return token, ""


def wrap(text: str, first: str = "", rest: str | None = None, width: int = WIDTH) -> list[str]:
    """Wrap ``text`` to ``width`` columns; ``first``/``rest`` prefix the first/other lines.

    CJK text breaks between any two characters; ASCII words (file names, codes) move
    to the next line whole unless they are longer than a line.
    """
    rest = " " * display_width(first) if rest is None else rest
    tokens = deque(_TOKEN.findall(" ".join(text.split())))
    lines: list[str] = []
    prefix, line = first, ""
    used = display_width(prefix)

    def flush() -> None:
        nonlocal prefix, line, used
        lines.append(prefix + line.rstrip())
        prefix, line = rest, ""
        used = display_width(prefix)

    while tokens:
        tok = tokens.popleft()
        tok_width, room = display_width(tok), width - used
        if tok_width <= room or (line and tok in _NO_LINE_START):
            line, used = line + tok, used + tok_width
        elif tok.isspace():
            flush()
        elif line and (room <= 0 or tok_width <= width - display_width(rest)):
            flush()
            tokens.appendleft(tok)
        else:
            head, tail = _split_long(tok, room)
            line += head
            flush()
            if tail:
                tokens.appendleft(tail)
    if line or not lines:
        flush()
    return lines


# ------------------------------------------------------------------------- pieces


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def paint(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self.color else text

    def status(self, text: str, status: Status) -> str:
        return self.paint(text, _STATUS_COLORS[status])

    def bold(self, text: str) -> str:
        return self.paint(text, _BOLD)


def _summary(groups: dict[Status, list[Finding]]) -> str:
    parts = [f"{STATUS_LABELS[s]} {len(fs)} 项" for s, fs in groups.items() if s in STATUS_LABELS]
    return "，".join(parts)


def _header(report: Report, groups: dict[Status, list[Finding]], style: _Style) -> list[str]:
    verdict = VERDICT_LABELS[report.verdict]
    lines = [RULE, style.bold("纪实检查报告"), RULE]
    lines += wrap(report.branch_name or UNKNOWN, "支部：")
    if report.submission_name:
        lines += wrap(report.submission_name, "材料：")
    if report.categories:
        lines += wrap("、".join(report.categories), "类别：")
    lines.append(f"会议日期：{meeting_date(report.meeting)}")
    lines.append("结论：" + style.bold(style.paint(verdict, _VERDICT_COLORS[report.verdict])))
    lines.append(f"检查项：{_summary(groups)}")
    return lines


def evidence_lines(evidence: Evidence, first: str, rest: str) -> list[str]:
    """``file 第N页「quote」`` wrapped, with OCR confidence when known."""
    where = " ".join(x for x in (evidence.file, page_label(evidence.page)) if x)
    quote = f"「{truncate(evidence.text)}」" if evidence.text.strip() else ""
    conf = f"（识别置信度 {evidence.confidence:.0%}）" if evidence.confidence is not None else ""
    return wrap(f"{where} {quote}{conf}".strip(), first, rest)


def evidence_block(evidence: list[Evidence], label: str) -> list[str]:
    """All evidence of a finding under one ``依据：`` label, at most MAX_EVIDENCE_SHOWN."""
    indent = " " * display_width(label)
    lines: list[str] = []
    for i, ev in enumerate(evidence[:MAX_EVIDENCE_SHOWN]):
        lines += evidence_lines(ev, label if i == 0 else indent, indent)
    hidden = len(evidence) - MAX_EVIDENCE_SHOWN
    if hidden > 0:
        lines.append(f"{indent}……另有 {hidden} 处依据（见 JSON/HTML 报告）")
    return lines


def finding_lines(index: int, finding: Finding) -> list[str]:
    """One non-pass finding: message, code, 处理办法 and 依据."""
    tag = "必查" if finding.required else "非必查"
    head = f"{index:>2}. "
    pad = " " * len(head)
    lines = wrap(finding.message or finding.code, head, pad)
    lines.append(f"{pad}编号：{finding.code}（{tag}）")
    if finding.hint:
        lines += wrap(finding.hint, f"{pad}处理办法：")
    lines += evidence_block(finding.evidence, f"{pad}依据：")
    return lines


def _section(status: Status, findings: list[Finding], style: _Style) -> list[str]:
    title = style.bold(style.status(f"【{STATUS_LABELS[status]}】{len(findings)} 项", status))
    lines = ["", title]
    if status is Status.PASS:
        for f in findings:
            lines += wrap(f"{f.message or f.code}（{f.code}）", "  ✓ ", "    ")
        return lines
    for i, f in enumerate(findings, 1):
        if i > 1:
            lines.append("")
        lines += finding_lines(i, f)
    return lines


def _signin_line(signin: SigninSheet | None) -> str:
    return "未提供签到表" if signin is None else fmt_value(signin.signed_count)


def extracted_lines(meeting: MeetingRecord, signin: SigninSheet | None, style: _Style) -> list[str]:
    """The short 提取结果 section."""
    lines = ["", style.bold("【提取结果】")]
    lines += wrap(fmt_value(meeting.presider), "  主持人：")
    lines += wrap(fmt_value(meeting.oath_leader), "  领誓人：")
    lines += wrap(study_line(meeting), "  领学：")
    lines.append(f"  应到/实到/缺席：{counts_line(meeting)}")
    if meeting.absentees:
        lines += wrap(absentees_line(meeting), "  缺席人员：")
    lines.append(f"  签到人数：{_signin_line(signin)}")
    return lines


# --------------------------------------------------------------------------- entry


def render_text(report: Report, color: bool = False) -> str:
    """A readable Chinese report for the terminal; ANSI colours only when ``color``."""
    style = _Style(color)
    groups = group_findings(report.findings)
    lines = _header(report, groups, style)
    for status, findings in groups.items():
        if findings:
            lines += _section(status, findings, style)
    if not report.findings:
        lines += ["", "（没有检查结果）"]
    lines += extracted_lines(report.meeting, report.signin, style)
    return "\n".join(lines) + "\n"
