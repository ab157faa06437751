"""The minutes' required rules on labelled accounts: would a verdict be right?

Field accuracy says how often a value is read exactly; what a branch and an inspector feel is the
verdict. For each complete account the rules that read the minutes alone run on the record the
pipeline read (the platform's category taken from the label's kind, no roster, plan, sign-in or
photos), and the labels say whether each rule's violation is really there. A rule that says
``fail`` where the labels show none is a **false flag**; ``pass`` where they show one is a **false
pass**; ``unknown`` sends the account to a person, which is neither.

What the labels show (the rules' own definitions, 000 备注4 and 001):

- ``presider.missing``: no presider named;
- ``oath_leader.missing``: an oath taken, or a 主题党日, with no leader named;
- ``study.missing``: a material studied (a 《title》), or a 主题党日, with no study leader;
- ``attendance.counts_missing``: no 应到, 实到 or 缺席 count (undecided when attendees are named);
- ``attendance.counts_inconsistent``: 应到 ≠ 实到 + 缺席, or 实到 > 应到;
- ``attendance.below_threshold``: 实到 below 80 % of 应到 (or of 实到 + 缺席);
- ``attendance.absence_without_reason``: an absentee with no reason, or one denied (无故, 未请假).

The mapping cannot see every violation (a material with no leader beside one that has a leader
looks led). Where the writer's ``notes`` open with their verdict (``合规记录`` / ``违规记录``, as
the realstyle sets do), the account's verdict is also counted against that: a ``违规记录`` the
rules pass is a **false pass by the notes**.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any

from checks.context import CheckContext
from checks.registry import RuleSpec, rules
from core.meta import DEFAULT_MIN_ATTENDANCE_RATIO, Branch, Plan, SubmissionMeta
from core.models import MeetingRecord

MINUTES_RULES = (
    "presider.missing",
    "oath_leader.missing",
    "study.missing",
    "attendance.counts_missing",
    "attendance.counts_inconsistent",
    "attendance.below_threshold",
    "attendance.absence_without_reason",
)
_CATEGORIES = ("主题党日", "支部党员大会", "支委会", "党小组会", "党课", "组织生活会", "民主评议党员")
_DENIED = re.compile(r"无故|未说明|没有说明|未请假|没请假|没有请假|擅自")
_NOTED = (
    ("compliant", re.compile(r"(合规|合規)(记录|記錄)")),
    ("violated", re.compile(r"(违规|違規)(记录|記錄|（|\()")),
)


def violations(label: dict[str, Any]) -> dict[str, bool | None]:
    """Per minutes rule, whether the labelled account breaks it; None where the labels cannot tell."""
    e, a, x = label.get("expected_count"), label.get("actual_count"), label.get("absent_count")
    theme_day = label.get("meeting_kind") == "主题党日"
    studied = bool(label.get("study_materials"))  # 传达 of a notice (untitled topics) needs no leader
    total = e or (a + x if a is not None and x is not None else None)
    return {
        "presider.missing": label.get("presider") is None,
        "oath_leader.missing": bool(label.get("oath_taken") or theme_day)
        and label.get("oath_leader") is None,
        "study.missing": not label.get("study_leaders") and (studied or theme_day),
        "attendance.counts_missing": _no_counts(e, a, x, label.get("attendees")),
        "attendance.counts_inconsistent": _inconsistent(e, a, x),
        "attendance.below_threshold": bool(
            a is not None and total and a / total < DEFAULT_MIN_ATTENDANCE_RATIO
        ),
        "attendance.absence_without_reason": any(
            not p.get("reason") or _DENIED.search(p["reason"]) for p in label.get("absentees") or []
        ),
    }


def noted(label: dict[str, Any]) -> str | None:
    """The writer's own verdict when the notes open with it (合规记录 / 违规记录), else None."""
    notes = label.get("notes") or ""
    return next((verdict for verdict, opening in _NOTED if opening.match(notes)), None)


def _no_counts(e: int | None, a: int | None, x: int | None, attendees: list[str] | None) -> bool | None:
    """No count at all; undecided (None) when people are labelled as attending: a list of who came
    states attendance, a speaker named in passing does not, and the labels do not tell them apart."""
    if e is not None or a is not None or x is not None:
        return False
    return None if attendees else True


def _inconsistent(e: int | None, a: int | None, x: int | None) -> bool:
    if e is None or a is None:
        return False
    return a > e or (x is not None and e != a + x)


def outcomes(record: MeetingRecord | None, label: dict[str, Any]) -> dict[str, str]:
    """Per minutes rule, the status it gives on ``record``."""
    kind = label.get("meeting_kind")
    ctx = CheckContext(
        meta=SubmissionMeta(categories=[kind] if kind in _CATEGORIES else []),
        branch=Branch(),
        plan=Plan(),
        record=record,
        signin=None,
        photos=[],
        files=[],
    )
    out = {}
    for code in MINUTES_RULES:
        result = _specs()[code].fn(ctx)
        statuses = [o.status.value for o in (result if isinstance(result, list) else [result])]
        out[code] = "fail" if "fail" in statuses else "unknown" if "unknown" in statuses else "pass"
    return out


@functools.cache
def _specs() -> dict[str, RuleSpec]:
    return {spec.code: spec for spec in rules()}


def verdict(statuses: dict[str, str]) -> str:
    values = set(statuses.values())
    return "noncompliant" if "fail" in values else "needs_review" if "unknown" in values else "compliant"


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Rows of ``{"violated": {code: bool | None}, "status": {code: str}, "noted": str | None}``
    -> per-rule and per-account counts. An account is compliant when the labels show no violation
    at all, violated when they show one, else undecided; ``by_notes`` counts the verdicts of the
    accounts whose notes give the writer's verdict."""
    per_rule = {code: Counter[str]() for code in MINUTES_RULES}
    accounts = Counter[str]()
    by_notes = Counter[str]()
    for row in rows:
        if row.get("noted"):
            by_notes[f"{row['noted']}_{verdict(row['status'])}"] += 1
        for code in MINUTES_RULES:
            per_rule[code][f"{_truth(row['violated'][code])}_{row['status'][code]}"] += 1
        found = set(row["violated"].values())
        truth = "violated" if True in found else "undecided" if None in found else "compliant"
        accounts[f"{truth}_{verdict(row['status'])}"] += 1
    return {
        "accounts": dict(sorted(accounts.items())),
        "per_rule": {code: dict(sorted(c.items())) for code, c in per_rule.items()},
        "false_flags": sum(c["kept_fail"] for c in per_rule.values()),
        "false_passes": sum(c["violated_pass"] for c in per_rule.values()),
        "compliant_flagged": accounts["compliant_noncompliant"],
        "compliant": sum(n for k, n in accounts.items() if k.startswith("compliant_")),
        "by_notes": dict(sorted(by_notes.items())),
        "notes_false_passes": by_notes["violated_compliant"],
    }


def _truth(violated: bool | None) -> str:
    return "undecided" if violated is None else "violated" if violated else "kept"
