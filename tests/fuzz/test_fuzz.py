"""Fuzzing: every crash the harness found stays fixed, and a short run finds no new one.

The long run (>= 100,000 cases per format) is ``bench/fuzz_long.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fuzz.harness import FORMATS, fuzz, one_case, seeds_from

CRASHES = Path(__file__).with_name("crashes")
EXPECTED = {
    "docx-zip-version-notimplemented.docx": "problem:input.unreadable",
    "pdf-mediabox-not-a-number.pdf": "problem:input.unreadable",
    "zip-config-member-bad-header.zip": "error:config.invalid",
    "zip-yaml-month-19.zip": "error:config.invalid",
    "zip-member-name-not-utf8.zip": "zip:3files",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_regression(name: str, tmp_path: Path) -> None:
    path = CRASHES / name
    assert one_case(path.suffix.lstrip("."), path.read_bytes(), tmp_path) == EXPECTED[name]


def test_every_saved_crash_has_a_regression_test() -> None:
    assert sorted(p.name for p in CRASHES.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("fmt", FORMATS)
def test_short_fuzz_run_finds_nothing(fmt: str, corpus: Path, tmp_path: Path) -> None:
    seeds = seeds_from(corpus)[fmt]
    assert seeds, f"no {fmt} seeds in the corpus"
    stats = fuzz(fmt, seeds, cases=120, seed=2026, out_dir=tmp_path)
    assert stats.cases == 120
    assert stats.crashes == [], stats.line()
    assert stats.outcomes["CRASH"] == stats.outcomes["HANG"] == 0
