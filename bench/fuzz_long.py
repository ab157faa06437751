"""The long fuzz run: N mutated cases per format, formats in parallel processes.

Usage: .venv/bin/python bench/fuzz_long.py [--cases 100000] [--formats docx pdf jpeg zip] [--jobs 2]
Crashes and hangs are written to bench/fuzz-findings/ (each becomes a regression test in
tests/fuzz/). Prints one line per format: cases, rate and outcome counts.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fuzz.harness import FORMATS, Stats, fuzz, seeds_from  # noqa: E402


def corpus_dir() -> Path:

    out = Path(tempfile.mkdtemp(prefix="jishi-fuzz-corpus-"))
    from fixtures import generate as module

    module.generate(out)
    return out


def run_one(args: tuple[str, list[bytes], int, int]) -> Stats:
    fmt, seeds, cases, seed = args
    return fuzz(fmt, seeds, cases, seed=seed, out_dir=ROOT / "bench" / "fuzz-findings")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    seeds = seeds_from(corpus_dir())
    work = [(fmt, seeds[fmt], args.cases, args.seed) for fmt in args.formats]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for stats in pool.map(run_one, work):
            print(stats.line(), flush=True)
            for crash in stats.crashes:
                print(f"  {crash}", flush=True)


if __name__ == "__main__":
    main()
