"""Cost of the history checks per submission: fingerprinting a record, querying the record
store (LSH candidates, common shingles, exact comparison) and recording it.

    .venv/bin/python bench/history_store.py [--out DIR]

Generates the district history (fixtures/history.py, 20 branches x 24 months) unless
``DIR/submissions.json`` exists, then files every record in upload order into a fresh
store and prints milliseconds per submission, overall and for the last 100 (a fuller store).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

import docx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.history import PastSubmission
from extractors.fingerprints import text as fp
from fixtures import history as gen
from store.records import RecordStore


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "jishi-history-bench")
    args = parser.parse_args()
    if not (args.out / "submissions.json").exists():
        gen.generate(args.out)
    subs = json.loads((args.out / "submissions.json").read_text(encoding="utf-8"))
    branches = {b.name: b for b in gen.make_branches()}
    timings: list[tuple[float, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp, RecordStore(Path(tmp) / "h.sqlite3") as store:
        for s in subs:
            b = branches[s["branch"]]
            t0 = time.perf_counter()
            paragraphs = [
                p.text for p in docx.Document(str(args.out / s["folder"] / "会议记录.docx")).paragraphs
            ]
            sentences = [fp.Sentence(x) for p in paragraphs for x in fp.split_sentences(p)]
            print_ = fp.fingerprint(sentences, [m.name for m in b.members] + [b.name])
            t1 = time.perf_counter()
            sid, day = s["folder"].replace("/", "-"), dt.date.fromisoformat(s["meeting_date"])
            store.similar_texts(print_, branch=b.name, exclude=sid, until=day)
            t2 = time.perf_counter()
            store.record(PastSubmission(sid, b.name, day, tuple(s["categories"]), "compliant"), print_)
            timings.append((t1 - t0, t2 - t1, time.perf_counter() - t2))
    for label, rows in (("all", timings), ("last 100", timings[-100:])):
        avg = [1000 * sum(r[i] for r in rows) / len(rows) for i in range(3)]
        print(
            f"{label:>8} ({len(rows)}): read+fingerprint {avg[0]:.1f} ms, query {avg[1]:.1f} ms, "
            f"record {avg[2]:.1f} ms per submission"
        )


if __name__ == "__main__":
    main()
