"""Fuzzing: every crash the harness found stays fixed, and a short run finds no new one.

The long run (>= 100,000 cases per format) is ``bench/fuzz_long.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.tools.libreoffice import find_soffice
from fuzz.harness import FORMATS, SLOW, fuzz, one_case, seeds_from

CRASHES = Path(__file__).with_name("crashes")
EXPECTED = {
    "docx-zip-version-notimplemented.docx": "problem:input.unreadable",
    "pdf-mediabox-not-a-number.pdf": "problem:input.unreadable",
    "zip-config-member-bad-header.zip": "error:config.invalid",
    "zip-yaml-month-19.zip": "error:config.invalid",
    "zip-member-name-not-utf8.zip": "zip:3files",
    # libheif's RuntimeError on a HEIC whose header claims more than its security limit
    "heic-security-limit-exceeded.heic": "error:input.unreadable",
    "heic-security-limit-frame.heic": "error:input.unreadable",
    # reported as hangs in a 100,000-case run on a loaded machine; 30 ms each when replayed
    "tiff-hang-under-load-1.tiff": "error:input.unreadable",
    "tiff-hang-under-load-2.tiff": "error:input.unreadable",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_regression(name: str, tmp_path: Path) -> None:
    path = CRASHES / name
    assert one_case(path.suffix.lstrip("."), path.read_bytes(), tmp_path) == EXPECTED[name]


def test_every_saved_crash_has_a_regression_test() -> None:
    assert sorted(p.name for p in CRASHES.iterdir()) == sorted(EXPECTED)


@pytest.fixture(scope="module")
def seeds(corpus: Path) -> dict[str, list[bytes]]:
    return seeds_from(corpus)


@pytest.mark.parametrize("fmt", FORMATS)
def test_short_fuzz_run_finds_nothing(fmt: str, seeds: dict[str, list[bytes]], tmp_path: Path) -> None:
    if fmt == "doc" and find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: no .doc seeds")
    assert seeds[fmt], f"no {fmt} seeds in the corpus"
    cases = SLOW.get(fmt, 120)
    stats = fuzz(fmt, seeds[fmt], cases=cases, seed=2026, out_dir=tmp_path)
    assert stats.cases == cases
    assert stats.crashes == [], stats.line()
    assert stats.outcomes["CRASH"] == stats.outcomes["HANG"] == 0
