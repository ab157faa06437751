"""Findings to a verdict."""

from __future__ import annotations

from core.models import Finding, Status, Verdict


def verdict(findings: list[Finding]) -> Verdict:
    """Any required fail -> noncompliant; else any required unknown -> needs_review; else compliant."""
    required = [f for f in findings if f.required]
    if any(f.status == Status.FAIL for f in required):
        return Verdict.NONCOMPLIANT
    if any(f.status == Status.UNKNOWN for f in required):
        return Verdict.NEEDS_REVIEW
    return Verdict.COMPLIANT
