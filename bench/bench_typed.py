"""Seconds per typed submission (docx / text PDF evidence) and peak memory.

Usage: .venv/bin/python bench/bench_typed.py [--rounds N]
Interpreter start and the first (warm-up) check are excluded; images are not OCR'd
(``ocr.engine = none``) so the figure is the text path alone. Target: <= 0.3 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from core.settings import OcrSettings, Settings
from ingest.submission import load_submission
from jishi.pipeline import check_submission

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # fixtures/ is a development package, not installed
NOW = dt.datetime(2023, 1, 10, tzinfo=dt.UTC)


def generate(out: Path) -> dict[str, dict]:
    from fixtures import generate as module

    module.generate(out)
    return json.loads((out / "labels.json").read_text(encoding="utf-8"))["cases"]


def time_case(folder: Path, settings: Settings, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        check_submission(load_submission([folder], settings=settings), settings, now=NOW)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    settings = Settings(ocr=OcrSettings(engine="none"))
    with tempfile.TemporaryDirectory() as tmp:
        labels = generate(Path(tmp))
        by_format: dict[str, list[float]] = {}
        first = Path(tmp) / next(iter(labels))
        start = time.perf_counter()
        time_case(first, settings, 1)
        warmup = time.perf_counter() - start
        for name, label in labels.items():
            fmt = label["format"] or "none"
            by_format.setdefault(fmt, []).extend(time_case(Path(tmp) / name, settings, args.rounds))
    print(f"first check in a fresh process (imports, spaCy pipeline): {warmup:.3f} s")
    print(f"{'minutes format':<16}{'checks':>8}{'median s':>10}{'p90 s':>8}{'max s':>8}")
    everything = []
    for fmt, times in sorted(by_format.items()):
        everything += times
        p90 = statistics.quantiles(times, n=10)[-1] if len(times) > 1 else times[0]
        print(f"{fmt:<16}{len(times):>8}{statistics.median(times):>10.3f}{p90:>8.3f}{max(times):>8.3f}")
    print(f"{'all':<16}{len(everything):>8}{statistics.median(everything):>10.3f}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
