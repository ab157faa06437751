"""The fixture corpus end to end: every extracted field exact, every expected finding, no false pass."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ingest.submission import load_submission
from jishi.config import Settings
from jishi.pipeline import check_submission
from jishi.report.json_report import to_dict

NOW = dt.datetime(2023, 1, 10, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="session")
def results(corpus: Path) -> dict[str, tuple[dict, dict]]:
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))["cases"]
    out = {}
    for name, expected in sorted(labels.items()):
        report = check_submission(load_submission([corpus / name], settings=Settings()), Settings(), now=NOW)
        out[name] = (expected, to_dict(report))
    return out


def test_corpus_is_not_empty(results: dict) -> None:
    assert len(results) >= 20


def test_meeting_fields_exact(results: dict) -> None:
    wrong = []
    for name, (expected, got) in results.items():
        for key, want in (expected["meeting"] or {}).items():
            if got["meeting"].get(key) != want:
                wrong.append(f"{name}.{key}: want {want!r} got {got['meeting'].get(key)!r}")
    assert not wrong, "\n".join(wrong)


def test_signed_count_exact(results: dict) -> None:
    wrong = []
    for name, (expected, got) in results.items():
        if "signed_count" not in expected:
            continue
        signed = got["signin"]["signed_count"] if got["signin"] else None
        if signed != expected["signed_count"]:
            wrong.append(f"{name}: want {expected['signed_count']} got {signed}")
    assert not wrong, "\n".join(wrong)


def _status(got: dict, code: str) -> list[str]:
    return [f["status"] for f in got["findings"] if f["code"] == code]


def test_expected_findings(results: dict) -> None:
    wrong = []
    for name, (expected, got) in results.items():
        for code in expected.get("must_fail", []):
            if "fail" not in _status(got, code):
                wrong.append(f"{name}: {code} should fail, got {_status(got, code)}")
        for code in expected.get("must_pass", []):
            if _status(got, code) != ["pass"]:
                wrong.append(f"{name}: {code} should pass, got {_status(got, code)}")
    assert not wrong, "\n".join(wrong)


def test_verdicts_and_no_false_pass(results: dict) -> None:
    false_pass = [n for n, (e, g) in results.items() if g["verdict"] == "compliant" and e["verdict"] != "compliant"]
    assert not false_pass, f"false passes: {false_pass}"
    wrong = [f"{n}: want {e['verdict']} got {g['verdict']}" for n, (e, g) in results.items() if e["verdict"] != g["verdict"]]
    assert not wrong, "\n".join(wrong)


def test_every_text_decidable_code_fails_somewhere_and_passes_somewhere(results: dict) -> None:
    failed = {c for _, g in results.values() for f in g["findings"] if f["status"] == "fail" for c in [f["code"]]}
    passed = {c for _, g in results.values() for f in g["findings"] if f["status"] == "pass" for c in [f["code"]]}
    decidable = {
        "minutes.missing", "presider.missing", "presider.not_authorized", "oath_leader.missing", "study.missing",
        "study.material_missing", "plan.item_missing", "attendance.counts_missing", "attendance.counts_inconsistent",
        "attendance.below_threshold", "attendance.absence_without_reason", "signin.missing", "signin.count_mismatch",
        "leader.absent", "photos.missing", "upload.late", "meeting.after_deadline", "lecture.evidence_missing",
    }
    assert decidable - failed == set()
    assert decidable - passed == set()
