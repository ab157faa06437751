"""Measure the minutes.copied thresholds: how alike distinct real accounts are, and near-copies.

    .venv/bin/python bench/copy_threshold.py [--shingle 6] [--seed 12]

Reads ../shared/realdev in place (never copied). Prints the Jaccard and containment
distributions over all pairs of distinct accounts, then over near-copies of each complete
account: re-dated (every number changed) and renamed; plus paragraphs reordered; plus the
longest sentence replaced by one from another account; plus half the sentences replaced
(a "moderate" copy). The rule's thresholds are in checks/rules/history.py.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from itertools import combinations
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checks.rules.history import FAIL_CONTAINMENT, FAIL_JACCARD, WARN_CONTAINMENT, WARN_JACCARD
from extractors.fingerprints import text as fp

REALDEV = Path(__file__).resolve().parents[2] / "shared" / "realdev"


def accounts() -> dict[str, tuple[str, list[str], bool]]:
    out = {}
    for line in (REALDEV / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        lab = json.loads(line)
        text = "\n".join((REALDEV / lab["file"]).read_text(encoding="utf-8").splitlines()[2:])
        names = {lab["presider"], lab["oath_leader"], *lab["study_leaders"], *lab["attendees"]}
        names |= {a["name"] for a in lab["absentees"]}
        out[lab["file"]] = (text, [n for n in names if n and 2 <= len(n) <= 4], lab["truncated"])
    return out


def describe(label: str, values: list[float]) -> None:
    v = np.asarray(values)
    print(
        f"  {label:<34} n={v.size:<5} min {v.min():.3f}  p5 {np.quantile(v, 0.05):.3f}  "
        f"median {np.median(v):.3f}  p99 {np.quantile(v, 0.99):.3f}  max {v.max():.3f}"
    )


def renamed(text: str, names: list[str], rng: random.Random) -> tuple[str, list[str]]:
    text = re.sub(r"\d+", lambda m: str((int(m.group()) * 7 + 3) % 97), text)
    new_names = []
    for n in names:
        new = rng.choice("王李张刘陈杨赵吴周孙") + "".join(rng.choice("明华强芳静军磊洋") for _ in n[1:])
        text = text.replace(n, new)
        new_names.append(new)
    return text, new_names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shingle", type=int, default=fp.SHINGLE_CHARS)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    fp.SHINGLE_CHARS = args.shingle
    fp.shingle_hashes.__defaults__ = (args.shingle,)
    fp.boilerplate_hashes.cache_clear()
    docs = accounts()
    prints = {f: fp.fingerprint_text(t, n) for f, (t, n, _) in docs.items()}
    print(
        f"shingles of {args.shingle} characters; thresholds: fail Jaccard >= {FAIL_JACCARD} or containment >= "
        f"{FAIL_CONTAINMENT}, warn Jaccard >= {WARN_JACCARD} or containment >= {WARN_CONTAINMENT}"
    )
    jac, con = [], []
    for a, b in combinations(sorted(prints), 2):
        jac.append(fp.compare(prints[a].shingles, prints[b].shingles).jaccard)
        con += [
            fp.compare(prints[a].shingles, prints[b].shingles).containment,
            fp.compare(prints[b].shingles, prints[a].shingles).containment,
        ]
    print(f"distinct realdev accounts ({len(prints)} accounts, {len(jac)} pairs):")
    describe("Jaccard", jac)
    describe("containment (both directions)", con)
    rng = random.Random(args.seed)
    donors = [s for t, _, _ in docs.values() for s in fp.split_sentences(t) if 20 < len(s) < 60]
    steps: dict[str, list[float]] = {
        k: []
        for k in (
            "re-dated + renamed",
            "+ paragraphs reordered",
            "+ longest sentence replaced",
            "+ half the sentences replaced",
        )
    }
    for f, (text, names, truncated) in sorted(docs.items()):
        if truncated:
            continue
        t1, new = renamed(text, names, rng)
        paragraphs = [p for p in t1.split("\n") if p.strip()]
        rng.shuffle(paragraphs)
        t2 = "\n".join(paragraphs)
        sentences = fp.split_sentences(t2)
        longest = max(range(len(sentences)), key=lambda i: len(sentences[i]))
        sentences[longest] = rng.choice(donors)
        t3 = "".join(sentences)
        for i in rng.sample(range(len(sentences)), len(sentences) // 2):
            sentences[i] = rng.choice(donors)
        t4 = "".join(sentences)
        for label, variant in zip(steps, (t1, t2, t3, t4), strict=True):
            steps[label].append(
                fp.compare(fp.fingerprint_text(variant, new).shingles, prints[f].shingles).jaccard
            )
    print(
        f"near-copies of the {len(steps['re-dated + renamed'])} complete accounts (Jaccard with the original):"
    )
    for label, values in steps.items():
        describe(label, values)


if __name__ == "__main__":
    main()
