"""Face check calibration bench: detection by face size, genuine/impostor scores, false accepts.

Runs on the public-domain composites of ``fixtures/faces.py`` (Debian ``libdlib19.1``).
Enrols the leader and the other members from their reference photos, calibrates the
unit's threshold (``extractors.faces.compare.calibrated_threshold``), then for every
composite photo detects and scores every face and prints:

* detection rate of the leader's face by eye distance and degradation;
* genuine scores (the leader's faces) and impostor scores (everyone else's judged faces)
  as percentiles, and the false-accept rate at the shipped threshold;
* the answer of ``leader.in_photos`` for each photo on its own (pass / unknown / fail), by
  the leader's nominal eye distance, and by the eye distance the detector measured;
* seconds per photo (decode + detect + embed; wall and CPU), the CPU of the whole check
  path per photo (``jishi.faces.leader_faces``: before a "not found" answer the regions
  around the first pass's weak hits are searched again enlarged), and the process's peak RSS.

    .venv/bin/python bench/faces.py
"""

from __future__ import annotations

import hashlib
import os
import resource
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checks.context import CheckContext
from checks.rules.leaders import leader_in_photos
from core.meta import Branch, Plan, SubmissionMeta
from core.models import EvidenceFile, ExtractedFile, FileKind, Role
from core.settings import FaceSettings, Limits
from extractors.faces.compare import best_score, calibrated_threshold
from extractors.faces.detect import decode
from extractors.faces.enrol import enrol_photo
from extractors.faces.models import shared_models
from extractors.faces.scan import faces_in
from fixtures import faces as fx
from jishi.faces import leader_faces
from store.faces import FaceStore


def _inside(point: tuple[float, float], box: tuple[int, int, int, int]) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def _pct(values: list[float]) -> str:
    if not values:
        return "(none)"
    p = np.percentile(values, [0, 1, 5, 50, 95, 99, 100])
    return (
        "min {:.3f}  p1 {:.3f}  p5 {:.3f}  median {:.3f}  p95 {:.3f}  p99 {:.3f}  max {:.3f}  (n={})".format(
            *p, len(values)
        )
    )


UNIT = "bench"
CFG = FaceSettings()  # the shipped settings (JISHI_FACES__... in the environment are not read here)


def _answer(store: FaceStore, branch: Branch, name: str, jpeg: bytes) -> tuple[str, float, float]:
    """The shipped path for this photo alone (jishi.faces.leader_faces, then the rule), and
    its CPU and wall seconds."""
    start, wall = time.process_time(), time.perf_counter()
    photo = ExtractedFile(
        EvidenceFile(name, FileKind.JPEG, jpeg, hashlib.sha256(jpeg).hexdigest()), None, Role.PHOTO
    )
    facts = leader_faces(store, branch, UNIT, [photo], Limits(), cfg=CFG)
    ctx = CheckContext(SubmissionMeta(), branch, Plan(), None, None, [], [], faces=facts)
    result = leader_in_photos(ctx)
    assert isinstance(result, list) and len(result) == 1
    return str(result[0].status), time.process_time() - start, time.perf_counter() - wall


def main() -> None:
    if not fx.available():
        sys.exit(f"needs the public-domain faces: apt-get install {fx.DEBIAN_PACKAGE}")
    limits = Limits()
    t0 = time.perf_counter()
    models = shared_models()
    print(f"models loaded in {time.perf_counter() - t0:.2f} s")
    enrolled = {
        person: [
            enrol_photo(models, data, f"{person}/{i}", limits).embedding for i, data in enumerate(photos)
        ]
        for person, photos in fx.references().items()
    }
    leader_refs = enrolled[fx.LEADER]
    other_scores = [best_score(e, leader_refs) for m in fx.MEMBERS for e in enrolled[m]]
    threshold = calibrated_threshold(other_scores, CFG)
    print(
        f"other members vs leader: {', '.join(f'{s:.3f}' for s in other_scores)} -> threshold {threshold:.3f}"
    )

    store = FaceStore(Path(tempfile.mkdtemp()) / "faces.sqlite3")
    for person, photos in fx.references().items():
        store.enrol(UNIT, person, [enrol_photo(models, d, person, limits) for d in photos])
    branch = Branch(name=UNIT, leaders=[fx.LEADER])
    check_cpu: list[float] = []
    check_wall: list[float] = []
    detected: dict[tuple[int, str], list[bool]] = defaultdict(list)
    genuine: dict[int, list[float]] = defaultdict(list)
    impostor: list[float] = []
    answers: dict[str, Counter[str]] = defaultdict(Counter)
    seconds: list[float] = []
    cpu: list[float] = []
    by_measured: dict[str, Counter[str]] = defaultdict(Counter)
    for c in fx.composites():
        start, start_cpu = time.perf_counter(), time.process_time()
        seen = faces_in(models, decode(c.jpeg, limits))
        seconds.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        leader_face = None
        for s in seen:
            centre = ((s.face.box[0] + s.face.box[2]) / 2, (s.face.box[1] + s.face.box[3]) / 2)
            if c.leader_box is not None and _inside(centre, c.leader_box):
                leader_face = s
            elif s.embedding is not None:
                impostor.append(best_score(s.embedding, leader_refs))
        if c.kind == "leader":
            detected[(int(c.leader_eyes or 0), c.degradation)].append(leader_face is not None)
            if leader_face is not None and leader_face.embedding is not None:
                genuine[int(c.leader_eyes or 0)].append(best_score(leader_face.embedding, leader_refs))
        status, spent, wall = _answer(store, branch, c.name, c.jpeg)
        check_cpu.append(spent)
        check_wall.append(wall)
        bucket = c.kind if c.kind != "leader" else f"leader eyes {int(c.leader_eyes or 0):>2} px"
        answers[bucket][status] += 1
        if c.kind == "leader":
            measured = leader_face.face.eye_distance if leader_face is not None else 0.0
            by_measured["measured >= 20" if measured >= CFG.judge_min_eyes else "measured < 20 or missed"][
                status
            ] += 1

    print("\nleader's face detected, by eye distance (px) and degradation")
    sizes = sorted({k[0] for k in detected})
    print("eyes  " + "  ".join(f"{d:>6}" for d in fx.DEGRADATIONS))
    for size in sizes:
        cells = [detected[(size, d)] for d in fx.DEGRADATIONS]
        print(f"{size:>4}  " + "  ".join(f"{sum(c)}/{len(c):<4}" for c in cells))
    print(f"\ngenuine scores (leader's faces with eyes >= {CFG.judge_min_eyes:.0f} px)")
    for size in sorted(genuine):
        print(f"  eyes {size:>2}: {_pct(genuine[size])}")
    print(f"impostor scores (everyone else, eyes >= {CFG.judge_min_eyes:.0f} px):\n  {_pct(impostor)}")
    accepted = sum(x >= threshold for x in impostor)
    print(
        f"false accepts at threshold {threshold:.3f}: {accepted}/{len(impostor)} = {accepted / max(1, len(impostor)):.4f}"
    )
    for t in (0.363, 0.40, 0.45, 0.50):
        print(f"  (at {t:.3f}: {sum(x >= t for x in impostor)})")
    print("\nleader.in_photos on each photo alone")
    for bucket in sorted(answers):
        print(f"  {bucket:<24} " + ", ".join(f"{k}: {v}" for k, v in sorted(answers[bucket].items())))
    for bucket in sorted(by_measured):
        print(
            f"  leader {bucket:<24} " + ", ".join(f"{k}: {v}" for k, v in sorted(by_measured[bucket].items()))
        )
    judged = by_measured["measured >= 20"]
    print(
        f"leader found where his measured eyes >= {CFG.judge_min_eyes:.0f} px: {judged['pass']}/{sum(judged.values())}"
    )
    wrong = sum(answers[b]["pass"] for b in ("absent", "tiny"))
    print(f"pass without the leader (absent) or on tiny faces only: {wrong}")
    print(
        f"\nseconds per photo (1600x1200, decode+detect+embed): median {np.median(seconds):.3f}, "
        f"p95 {np.percentile(seconds, 95):.3f}, max {max(seconds):.3f} (n={len(seconds)}); "
        f"CPU median {np.median(cpu):.3f}, p95 {np.percentile(cpu, 95):.3f}"
    )
    print(
        "whole check per photo alone (first pass; second look around weak hits before a fail): "
        f"CPU median {np.median(check_cpu):.3f}, p95 {np.percentile(check_cpu, 95):.3f}, "
        f"max {max(check_cpu):.3f}; wall median {np.median(check_wall):.3f}, "
        f"p95 {np.percentile(check_wall, 95):.3f} (wall on a shared machine: load {os.getloadavg()[0]:.1f})"
    )
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
