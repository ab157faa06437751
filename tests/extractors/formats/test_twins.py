"""Format twins (fixtures/formats.py): the same compliant submission in every form offices
upload gives the same verdict and the same fields as its plain twin.

End to end with the real OCR engine and, for .doc/.wps/.rtf/.xls, the real LibreOffice.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from core.models import Report, Status
from core.settings import Settings
from fixtures import formats
from ingest import load_submission
from jishi.pipeline import check_submission

NOW = dt.datetime(2023, 1, 10, 12, 0, tzinfo=dt.UTC)
# what a twin may change on purpose: photos sent through WeChat lose their EXIF date
EXPECTED_DIFFERENCES = {"wechat": {"photos.date_mismatch": "warn"}}


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], dict[str, str]]:
    return formats.twins(tmp_path_factory.mktemp("twins"))


def summary(report: Report) -> dict[str, Any]:
    """Verdict, fields and finding statuses: what must not depend on the file format."""
    m = report.meeting

    def value(v: Any) -> Any:
        return None if v is None else v.value

    return {
        "verdict": report.verdict.value,
        "kind": value(m.kind),
        "date": value(m.date),
        "place": value(m.place),
        "presider": value(m.presider),
        "oath_leader": value(m.oath_leader),
        "recorder": value(m.recorder),
        "study": sorted((s.leader or "", s.material) for s in m.study),
        "counts": (value(m.expected_count), value(m.actual_count), value(m.absent_count)),
        "absentees": sorted((a.name or "", a.reason or "") for a in m.absentees),
        "signed": None if report.signin is None else report.signin.signed_count.value,
        "signed_names": [] if report.signin is None else sorted(v.value for v in report.signin.names),
        "photos": len(report.photos),
        "findings": {f.code: f.status.value for f in report.findings},
    }


def check(path: Path) -> dict[str, Any]:
    return summary(check_submission(load_submission([path]), Settings(), now=NOW))


@pytest.fixture(scope="module")
def plain(twins: tuple[dict[str, Path], dict[str, str]]) -> dict[str, dict[str, Any]]:
    written, _ = twins
    return {base: check(written[f"plain_{base}"]) for base in formats.PLAIN}


def test_plain_twins_are_read_whole(plain: dict[str, dict[str, Any]]) -> None:
    """The comparison is only worth something when the plain twins are fully read."""
    for base, s in plain.items():
        unread = {k: v for k, v in s["findings"].items() if k.startswith("input.") and v != "pass"}
        assert unread == {}, base
        assert s["signed"] == 23 and s["presider"] == "李光振" and s["counts"] == (25, 23, 2), base
        assert s["photos"] >= 2, base


@pytest.mark.parametrize("name", list(formats.TWINS))
def test_twin_matches_its_plain_twin(
    name: str, twins: tuple[dict[str, Path], dict[str, str]], plain: dict[str, dict[str, Any]]
) -> None:
    written, skipped = twins
    if name in skipped:
        pytest.skip(f"{name}: {skipped[name]}")
    expected = dict(plain[formats.TWINS[name][0]])
    expected["findings"] = {**expected["findings"], **EXPECTED_DIFFERENCES.get(name, {})}
    assert check(written[name]) == expected


def test_wechat_photos_are_still_photos(twins: tuple[dict[str, Path], dict[str, str]]) -> None:
    report = check_submission(load_submission([twins[0]["wechat"]]), Settings(), now=NOW)
    assert len(report.photos) == 3 and all(p.taken_at is None for p in report.photos)
    warned = [f for f in report.findings if f.code == "photos.date_mismatch"]
    assert warned and warned[0].status is Status.WARN
