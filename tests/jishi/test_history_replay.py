"""A generated district history (fixtures/history.py: 20 branches x 24 months), checked in upload
order through the real pipeline into one record store: every planted case is found, nothing is
raised on the clean submissions, and the district calendar's figures are right."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.settings import Settings
from fixtures import history as gen
from ingest.submission import load_submission
from jishi.calendar import attendance_points, calendar_grid
from jishi.pipeline import check_submission
from store.cache import DocumentCache
from store.records import RecordStore

HISTORY_CODES = (
    "minutes.copied",
    "study.material_anachronism",
    "calendar.quarterly_missing",
    "calendar.yearly_missing",
)


@dataclass
class Replay:
    history: gen.History
    store_path: Path
    findings: dict[
        str, dict[str, tuple[str, str, list[str]]]
    ]  # submission id -> code -> (status, message, quotes)
    verdicts: dict[str, str]


def sid(s: gen.Submission) -> str:
    return s.folder.replace("/", "-")


@pytest.fixture(scope="module")
def replay(tmp_path_factory: pytest.TempPathFactory) -> Replay:
    root = tmp_path_factory.mktemp("history")
    history = gen.generate(root / "district")
    store_path = root / "records.sqlite3"
    findings: dict[str, dict[str, tuple[str, str, list[str]]]] = {}
    verdicts: dict[str, str] = {}
    settings = Settings()
    cache = DocumentCache(root / "cache.sqlite3")
    try:
        with RecordStore(store_path) as store:
            for s in history.submissions:
                submission = load_submission([history.root / s.folder], settings=settings)
                report = check_submission(
                    submission,
                    settings,
                    now=dt.datetime.fromisoformat(s.uploaded_at),
                    cache=cache,
                    records=store,
                )
                verdicts[sid(s)] = report.verdict.value
                findings[sid(s)] = {
                    f.code: (f.status.value, f.message, [e.text for e in f.evidence])
                    for f in report.findings
                    if f.code in HISTORY_CODES
                }
    finally:
        cache.close()
    return Replay(history, store_path, findings, verdicts)


def flagged(replay: Replay, code: str) -> dict[str, str]:
    return {k: v[code][0] for k, v in replay.findings.items() if code in v and v[code][0] in ("fail", "warn")}


def test_the_history_is_what_the_issue_asks_for(replay: Replay) -> None:
    months = {s.month for s in replay.history.submissions}
    assert len(replay.history.branches) == 20 and len(months) == 24
    assert len(replay.history.submissions) == 20 * 24 - len(gen.NO_UPLOAD)


def test_every_planted_copy_is_found_naming_the_source_and_quoting_both(replay: Replay) -> None:
    planted = {c["submission"]: c for c in replay.history.truth["copies"]}  # type: ignore[union-attr]
    found = flagged(replay, "minutes.copied")
    assert set(found) == set(planted)  # and nothing on the clean records
    for key, case in planted.items():
        status, message, quotes = replay.findings[key]["minutes.copied"]
        assert status == ("fail" if case["kind"] == "strong" else "warn"), (key, message)
        assert case["source"] in message
        assert any(q.startswith("本次：") for q in quotes) and any(q.startswith("往次：") for q in quotes)


def test_every_planted_anachronism_fails_quoting_both_dates_and_nothing_else(replay: Replay) -> None:
    truth = replay.history.truth["anachronisms"]
    planted = {a["submission"] for a in truth if a["planted"]}  # type: ignore[union-attr]
    assert flagged(replay, "study.material_anachronism") == dict.fromkeys(planted, "fail")
    for a in truth:  # type: ignore[union-attr]
        if a["planted"]:
            message = replay.findings[a["submission"]]["study.material_anachronism"][1]
            assert "会议日期为" in message and "才发布" in message


def test_every_skipped_quarter_and_year_is_found_on_its_closing_submission(replay: Replay) -> None:
    by_branch = {b.name: b.index for b in replay.history.branches}
    expected_q = {}
    for q in replay.history.truth["skipped_quarters"]:  # type: ignore[union-attr]
        year, quarter = int(q["period"][:4]), int(q["period"][-1])
        expected_q[f"{by_branch[q['branch']]:02d}-{year}-{3 * quarter:02d}"] = q["missing"]
    expected_y = {
        f"{by_branch[y['branch']]:02d}-{y['period']}-12": y["missing"]
        for y in replay.history.truth["skipped_years"]
    }  # type: ignore[union-attr]
    assert set(flagged(replay, "calendar.quarterly_missing")) == set(expected_q)
    assert set(flagged(replay, "calendar.yearly_missing")) == set(expected_y)
    for key, kinds in {**expected_q, **expected_y}.items():
        message = next(
            v[1] for c, v in replay.findings[key].items() if c.startswith("calendar") and v[0] != "pass"
        )
        assert all(k in message for k in kinds)


def test_verdicts_are_as_planted(replay: Replay) -> None:
    wrong = {
        sid(s): replay.verdicts[sid(s)]
        for s in replay.history.submissions
        if replay.verdicts[sid(s)] != s.expect_verdict
    }
    assert wrong == {}


def test_district_calendar_figures(replay: Replay) -> None:
    with RecordStore(replay.store_path) as store:
        grid = calendar_grid(store.submissions(), "2023-01", "2024-12")
    assert [r.branch for r in grid.rows] == sorted(b.name for b in replay.history.branches)
    for row in grid.rows:
        own = {s.month: s for s in replay.history.submissions if s.branch == row.branch}
        expected = {
            m: (
                "missing"
                if m not in own
                else "held"
                if own[m].expect_verdict == "compliant"
                else "noncompliant"
            )
            for m in gen.MONTHS
        }
        assert row.months == expected, row.branch
        held = sum(v == "held" for v in expected.values())
        assert grid.compliance(row.branch) == pytest.approx(held / 24)
        skipped = {
            q["period"]: q["missing"]
            for q in replay.history.truth["skipped_quarters"]  # type: ignore[union-attr]
            if q["branch"] == row.branch
        }
        assert {p: k for p, k in row.quarters.items() if k} == skipped


def test_attendance_points_from_the_history(replay: Replay) -> None:
    with RecordStore(replay.store_path) as store:
        points = attendance_points(store.submissions())
    by_key = {(p.branch, p.member, p.quarter): p for p in points}
    for s in replay.history.submissions:
        year, month = int(s.month[:4]), int(s.month[5:])
        for name in s.absent_no_reason:
            p = by_key[(s.branch, name, f"{year}Q{(month - 1) // 3 + 1}")]
            assert p.absent >= 1 and p.deduction >= 2.0
    total = sum(p.expected for p in points)
    assert total == sum(
        len(b.members)
        for s in replay.history.submissions
        for b in replay.history.branches
        if b.name == s.branch
    )
    assert (
        sum(p.attended + p.leave + p.absent for p in points) == total
    )  # sign-in sheets read with confidence
