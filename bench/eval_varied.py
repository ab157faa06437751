"""Score jishi on freshly generated varied corpora: the tuning and the checking split.

    .venv/bin/python bench/eval_varied.py [--n 60] [--media docx,pdf] [--keep DIR] [--json]
        [--splits tuning,checking] [--summary-only checking]

Generates ``--n`` tuning and ``--n`` checking submissions (``fixtures.varied``, default
seeds) into a temporary folder, runs ``jishi eval``'s own code on each split and prints,
per split: field exact-match per field (all formats together, then per format), sign-in
count, expected findings met, the verdict confusion table, false passes, false flags on
compliant cases, and which planted violations were caught.

The checking split is a blind measure: ``--summary-only checking`` prints only its aggregate
figures (per-field rates, verdicts, which finding codes caused false flags, violations caught),
never a per-case miss or a per-variant line, so tuning on it is not possible by accident.

The holdout split (``--splits tuning,checking,holdout``; ``fixtures/varied/holdout.py``), the
blind split (``--splits blind``; ``fixtures/varied/blind.py``) and the fresh split
(``--splits fresh``; the even-numbered half of ``fixtures/varied/fresh.py``) are always printed
that way, whatever ``--summary-only`` says, and cannot be ``--keep``-t on disk.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fixtures.varied import corpus

if TYPE_CHECKING:
    from jishi.evaluate import Scores


# splits never printed per case or per variant and never kept on disk
AGGREGATE_ONLY = ("holdout", "blind", "fresh")


def per_field(scores: Scores) -> dict[str, tuple[int, int]]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for names in scores.fields.values():
        for name, (good, total) in names.items():
            totals[name][0] += good
            totals[name][1] += total
    return {k: (v[0], v[1]) for k, v in sorted(totals.items())}


def caught(labels: dict[str, Any], scores: Scores) -> dict[str, tuple[int, int]]:
    """Per planted violation: cases whose must_fail codes all came out fail."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, label in labels.items():
        if not label.get("violation"):
            continue
        statuses: dict[str, set[str]] = defaultdict(set)
        for f in scores.reports[name]["findings"]:
            statuses[f["code"]].add(f["status"])
        ok = all("fail" in statuses[c] for c in label["must_fail"])
        out[label["violation"]][0] += ok
        out[label["violation"]][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


FAMILY_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("kind",),
    "date": ("date",),
    "presider": ("presider",),
    "form_presider": ("presider",),
    "oath": ("oath_leader",),
    "study": ("study",),
    "study_two": ("study",),
    "relay": ("study",),
    "counts": ("expected_count", "actual_count", "absent_count"),
    "counts_all": ("expected_count", "actual_count"),
    "counts_list": ("expected_count", "actual_count", "attendees"),
    "absentees": ("absentees",),
    "absentees_shared": ("absentees",),
    "absentees_unnamed": ("absentees", "absent_count"),
}


def by_variant(labels: dict[str, Any], scores: Scores) -> dict[str, tuple[int, int]]:
    """Per phrasing variant: cases whose fields that variant writes were all read right."""
    from jishi.evaluate import comparable

    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, label in labels.items():
        got = scores.reports[name]["meeting"] or {}
        for vid in label["phrasing_ids"]:
            keys = [k for k in FAMILY_FIELDS.get(vid.rsplit(".", 1)[0], ()) if k in label["meeting"]]
            if keys:
                out[vid][0] += all(
                    comparable(k, got.get(k)) == comparable(k, label["meeting"][k]) for k in keys
                )
                out[vid][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items(), key=lambda kv: (kv[1][0] / kv[1][1], kv[0]))}


def flag_reasons(labels: dict[str, Any], scores: Scores) -> Counter[str]:
    """Which required findings made compliant cases not compliant."""
    reasons: Counter[str] = Counter()
    for name in scores.false_flags:
        for f in scores.reports[name]["findings"]:
            if f["required"] and f["status"] in ("fail", "unknown"):
                reasons[f"{f['code']}:{f['status']}"] += 1
    return reasons


def run_split(root: Path, split: str, n: int, media: list[str] | None) -> dict[str, Any]:
    start = time.perf_counter()
    corpus.generate(root, split, n, corpus.DEFAULT_SEEDS[split], media)  # type: ignore[arg-type]
    made = time.perf_counter() - start
    # imported here, not at module level: parser workers started by forkserver re-import this script
    from core.settings import Settings
    from jishi.evaluate import evaluate, load_labels
    from jishi.pipeline import check_submission

    labels = load_labels(root)
    scores = evaluate(root, Settings(), check_submission)
    summary = scores.summary()
    compliant = sum(1 for lb in labels.values() if lb["verdict"] == "compliant")
    return {
        "split": split,
        "cases": len(labels),
        "compliant_cases": compliant,
        "generate_seconds": round(made, 1),
        "fields": per_field(scores),
        "field_exact": summary["field_exact"],
        "field_exact_by_format": summary["field_exact_by_format"],
        "signed_count_exact": summary["signed_count_exact"],
        "expected_codes_met": summary["expected_codes_met"],
        "confusion": summary["confusion"],
        "false_passes": summary["false_passes"],
        "false_flags": summary["false_flags"],
        "false_flag_reasons": dict(flag_reasons(labels, scores).most_common()),
        "violations_caught": caught(labels, scores),
        "by_variant": by_variant(labels, scores),
        "seconds_median": summary["seconds_median"],
        "misses": summary["misses"],
    }


def _pct(good: int, total: int) -> str:
    return f"{good}/{total} ({good / total:.0%})" if total else "—"


def blind(result: dict[str, Any]) -> dict[str, Any]:
    """Aggregate figures only: no case names, no phrasing-variant ids, no misses."""
    hidden = {"by_variant", "misses", "false_passes", "false_flags"}
    out = {k: v for k, v in result.items() if k not in hidden}
    out["false_passes"] = len(result["false_passes"])
    out["false_flags"] = len(result["false_flags"])
    out["summary_only"] = True
    return out


def render(result: dict[str, Any], misses: int) -> str:
    lines = [
        f"== {result['split']}: {result['cases']} cases ({result['compliant_cases']} compliant), "
        f"generated in {result['generate_seconds']} s, median {result['seconds_median']} s per check"
    ]
    lines.append(f"fields exact overall: {result['field_exact']}")
    lines += [f"  {name:16s} {_pct(*gt)}" for name, gt in result["fields"].items()]
    for fmt, names in result["field_exact_by_format"].items():
        lines.append(f"  [{fmt}] " + "  ".join(f"{k} {v}" for k, v in names.items()))
    lines.append(
        f"signed count exact: {result['signed_count_exact']}   expected findings met: {result['expected_codes_met']}"
    )
    lines.append(
        "verdict confusion (label->got): " + ", ".join(f"{k} {v}" for k, v in result["confusion"].items())
    )
    summary_only = result.get("summary_only", False)
    passes, flags = result["false_passes"], result["false_flags"]
    n_passes = passes if summary_only else len(passes)
    n_flags = flags if summary_only else len(flags)
    lines.append(f"FALSE PASSES: {n_passes} {'' if summary_only else passes or ''}")
    lines.append(f"false flags on compliant: {n_flags}/{result['compliant_cases']}")
    lines += [f"  {code} x{n}" for code, n in result["false_flag_reasons"].items()]
    lines.append(
        "planted violations caught: "
        + ", ".join(f"{k} {_pct(*v)}" for k, v in result["violations_caught"].items())
    )
    if summary_only:
        lines.append("(summary only: no per-variant figures, no misses)")
        return "\n".join(lines)
    worst = [f"{k} {_pct(*v)}" for k, v in result["by_variant"].items() if v[0] < v[1]]
    lines.append(
        "phrasing variants not always read (fields that variant writes): " + (", ".join(worst) or "none")
    )
    lines += [f"  miss: {m}" for m in result["misses"][:misses]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--media", default=None, help="e.g. docx,pdf (default: all media)")
    parser.add_argument("--keep", type=Path, default=None, help="write the corpora here and keep them")
    parser.add_argument("--misses", type=int, default=25, help="how many misses to print per split")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--splits", default="tuning,checking", help="which splits to run")
    parser.add_argument(
        "--summary-only", default="", help="splits printed as aggregate figures only, e.g. checking"
    )
    args = parser.parse_args(argv)
    media = args.media.split(",") if args.media else None
    splits = [s for s in args.splits.split(",") if s]
    summary_only = {s for s in args.summary_only.split(",") if s} | (set(AGGREGATE_ONLY) & set(splits))
    unknown = (set(splits) | summary_only) - set(corpus.DEFAULT_SEEDS)
    if unknown:
        parser.error(f"unknown split(s): {', '.join(sorted(unknown))}")
    if args.keep and summary_only:
        parser.error("--keep writes every case to disk; not with --summary-only")
    with tempfile.TemporaryDirectory(prefix="jishi-varied-") as tmp:
        base = args.keep or Path(tmp)
        results = [run_split(base / split, split, args.n, media) for split in splits]
    results = [blind(r) if r["split"] in summary_only else r for r in results]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        print("\n\n".join(render(r, args.misses) for r in results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
