"""realstyle (``fixtures/realstyle``: accounts written in real styles by writers who never read the
parser, with realdev-style labels) scored per field, both halves gated on their recorded baselines
(fixtures/realstyle_baseline.json). The check half is never tuned on: its figures are the honest
measure, kept here only so a change cannot lower them unnoticed.

The gates read each account as typed text (``extract_typed``); a sample of accounts goes the whole
route through a Word file and ingest as well and must be read the same way."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from core.settings import Settings
from fixtures.realstyle import HALVES, write
from jishi.evaluate_realdev import below_baseline, evaluate_realdev, extract_account, extract_typed

BASELINE = Path(__file__).resolve().parents[2] / "fixtures" / "realstyle_baseline.json"
WORKERS = min(2, os.cpu_count() or 1)  # the gates use both cores CI has
SAMPLE_EVERY = 25  # one account in 25 of both halves goes through the Word file as well


@pytest.mark.parametrize("half", ["dev", "check"])
def test_not_below_recorded_baseline(half: str, tmp_path: Path) -> None:
    write(half, tmp_path)
    summary = evaluate_realdev(tmp_path, Settings(), extract_typed, WORKERS).summary()
    assert summary["accounts"] == len(HALVES[half])
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))[half]
    assert below_baseline(summary, baseline) == []  # the misses are not printed: the check half stays unread


def _sample(tmp_path: Path) -> Path:
    """A realdev-layout folder holding every SAMPLE_EVERY-th account of both halves."""
    write("all", tmp_path)
    labels = (tmp_path / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    (tmp_path / "labels.jsonl").write_text("\n".join(labels[::SAMPLE_EVERY]) + "\n", encoding="utf-8")
    return tmp_path


def test_typed_reading_is_the_word_file_reading(tmp_path: Path) -> None:
    root = _sample(tmp_path)
    typed = evaluate_realdev(root, Settings(), extract_typed, WORKERS).rows
    whole = evaluate_realdev(root, Settings(), extract_account).rows
    assert len(typed) == len(whole) == len(range(0, len(HALVES["all"]), SAMPLE_EVERY))
    differing = [
        a["file"]
        for a, b in zip(typed, whole, strict=True)
        if (a["got"], a["rules"]) != (b["got"], b["rules"])
    ]
    assert differing == []  # file names only: the check half stays unread
