"""Seconds per format twin (fixtures/formats.py) and per LibreOffice conversion.

Usage: .venv/bin/python bench/formats_bench.py [--rounds N] [--only doc xls ...]

Prints, for each LibreOffice-converted type, the wall time of one conversion (a fresh
``soffice`` with its own throw-away profile; the in-process conversion cache is
cleared before each round), then for every twin the seconds of one whole check
(ingest, extraction with the default OCR engine, rules) next to its plain twin, and
whether verdict and fields matched. The first check of the run (engine warm-up) is
excluded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # fixtures/ is a development package, not installed
sys.path.insert(0, str(ROOT / "tests" / "extractors" / "formats"))  # the twins test's own comparison

from test_twins import summary as twin_summary  # noqa: E402

from core.settings import Settings  # noqa: E402
from extractors.tools import libreoffice  # noqa: E402
from fixtures import formats, generate  # noqa: E402
from ingest.submission import load_submission  # noqa: E402
from jishi.pipeline import check_submission  # noqa: E402

NOW = dt.datetime(2023, 1, 10, tzinfo=dt.UTC)
CONVERSIONS = {"doc": (".doc", "docx"), "rtf": (".rtf", "docx"), "xls": (".xls", "xlsx")}


def conversion_times(rounds: int) -> dict[str, list[float]]:
    case = next(c for c in generate.build_cases() if c.name == "ok_prose_docx")
    plain = formats.plain_files(case)
    sources = {
        "doc": formats.as_doc(dict(plain), case),
        "rtf": formats.as_rtf(dict(plain), case),
        "xls": formats.signin_xls(dict(plain), case),
    }
    times: dict[str, list[float]] = {}
    for name, files in sources.items():
        if files is None:
            continue
        suffix, target = CONVERSIONS[name]
        data = next(v for k, v in files.items() if k.endswith(suffix))
        for _ in range(rounds):
            libreoffice._cache.clear()
            start = time.perf_counter()
            libreoffice.convert(data, suffix=suffix, target=target, name=name, timeout_s=120, memory_mb=2048)  # type: ignore[arg-type]
            times.setdefault(name, []).append(time.perf_counter() - start)
    return times


def summary(path: Path) -> tuple[float, dict[str, object]]:
    start = time.perf_counter()
    report = check_submission(load_submission([path]), Settings(), now=NOW)
    return time.perf_counter() - start, twin_summary(report)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args()
    if libreoffice.find_soffice() is None:
        print("LibreOffice: not installed (conversions skipped)")
    else:
        print(libreoffice.version())
        for name, seconds in conversion_times(args.rounds).items():
            print(
                f"convert {name}: median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s ({len(seconds)} runs)"
            )
    with tempfile.TemporaryDirectory() as tmp:
        written, skipped = formats.twins(Path(tmp), args.only)
        summary(written[next(iter(written))])  # warm-up: engine load
        plain = {name: summary(path) for name, path in written.items() if name.startswith("plain_")}
        for name, path in written.items():
            if name.startswith("plain_"):
                continue
            seconds, got = summary(path)
            base_seconds, expected = plain[f"plain_{formats.TWINS[name][0]}"]
            same = {k: v for k, v in got.items() if k != "findings"} == {
                k: v for k, v in expected.items() if k != "findings"
            }
            print(
                f"{name:20s} {seconds:5.2f} s (plain {base_seconds:5.2f} s) verdict {got['verdict']}, fields {'same' if same else 'DIFFER'}"
            )
        for name, why in skipped.items():
            print(f"{name:20s} skipped: {why}")


if __name__ == "__main__":
    main()
