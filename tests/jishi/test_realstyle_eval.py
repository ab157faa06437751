"""realstyle (``fixtures/realstyle``: accounts written in real styles by writers who never read the
parser, with realdev-style labels) scored per field through the real pipeline, both halves gated
on their recorded baselines (fixtures/realstyle_baseline.json). The check half is never tuned on:
its figures are the honest measure, kept here only so a change cannot lower them unnoticed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.settings import Settings
from fixtures.realstyle import HALVES, write
from jishi.evaluate_realdev import below_baseline, evaluate_realdev

BASELINE = Path(__file__).resolve().parents[2] / "fixtures" / "realstyle_baseline.json"


@pytest.mark.parametrize("half", ["dev", "check"])
def test_not_below_recorded_baseline(half: str, tmp_path: Path) -> None:
    write(half, tmp_path)
    summary = evaluate_realdev(tmp_path, Settings()).summary()
    assert summary["accounts"] == len(HALVES[half])
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))[half]
    assert below_baseline(summary, baseline) == []  # the misses are not printed: the check half stays unread
