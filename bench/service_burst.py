"""Month-end burst through the service: many typed and some photographed submissions
uploaded through the REST API at once into `jishi serve`, with 1 and 2 worker processes,
in the embedded mode (SQLite + kombu's SQLAlchemy broker) and at scale (PostgreSQL + Redis).

Prints, per mode and worker count: submissions per minute over the burst, queue wait
(upload -> check started) p50/p95, worker seconds per check (typed p50/p95,
photographed p50: started -> finished, the stored report, crops and HTML included),
worker CPU seconds per check (user + system of the worker processes and their
children, over the burst), worker resident memory (now and peak, per process), and the
time from upload to verdict for one typed submission when the queue is empty. On a
shared machine the wall-clock figures include waiting for a core; the CPU figure does not.

Usage::

    .venv/bin/python bench/service_burst.py [--typed 60] [--photo 6] [--workers 1 2]
                                            [--modes embedded postgres+redis] [--source varied]

The issue's full month-end burst is ``--typed 1000 --photo 200 --modes embedded
postgres+redis``; the defaults are small for a shared 2-core machine, and the header
says which size ran. ``--source varied`` (default) uploads distinct submissions drawn by
``fixtures.varied`` (checking split): typed = Word minutes and sign-in sheet plus on-site
photos, photographed = the minutes as a phone photo; every record, photo and roster
differs, as in a real burst, so the record and photo histories (copied minutes, reused
photos) do the work they do in production. ``--source fixture`` uploads the corpus cases
``ok_prose_docx`` / ``ok_photo_prose`` again and again with distinct bytes and pixels (no
cache answers), but then every record after the first is a copy of the first.
PostgreSQL and Redis are started in temp dirs and stopped after (skipped if absent).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import Literal

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # fixtures/ is a development package, not installed

from fixtures.servers import Server, Unavailable, jishi_serve, postgres, redis  # noqa: E402

TYPED_CASE = "ok_prose_docx"
PHOTO_CASE = "ok_photo_prose"
TYPED, PHOTO = "typed", "photographed"
FULL_TYPED, FULL_PHOTO = 1000, 200  # the month-end burst
UPLOAD_THREADS = 8
DRAIN_TIMEOUT_S = 6 * 3600.0
POLL_S = 2.0  # the drain poll (it shares the CPU with the workers)
PAGE = 1000  # the list endpoint's largest page
VARIED_SPLIT: Literal["tuning", "checking"] = "checking"
VARIED_SEED = 4100
PAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".webp", ".tif", ".tiff", ".pdf")
MODES = ("embedded", "postgres+redis")


def cases(out: Path) -> dict[str, Path]:
    from fixtures import generate

    by_name = {c.name: c for c in generate.build_cases()}
    for name in (TYPED_CASE, PHOTO_CASE):
        generate.write_case(out, by_name[name])
    return {name: out / name for name in (TYPED_CASE, PHOTO_CASE)}


def folder_zip(folder: Path) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.iterdir()):
            zf.write(path, path.name)
    return buf.getvalue()


def _typed_only(folder: Path) -> bool:
    """No picture of a page (a photographed or scanned sign-in sheet): only on-site photos."""
    return not any(
        p.suffix.lower() in PAGE_SUFFIXES and not p.name.startswith("IMG_") for p in folder.iterdir()
    )


def varied_payloads(out: Path, kind: str, n: int) -> list[bytes]:
    """``n`` distinct submissions of ``kind`` drawn by fixtures.varied, as zips."""
    from fixtures.varied import corpus

    media = ("docx",) if kind == TYPED else ("photo",)
    found: list[Path] = []
    seed = VARIED_SEED + (0 if kind == TYPED else 500)
    while len(found) < n:
        batch = out / f"{kind}-{seed}"
        corpus.generate(batch, VARIED_SPLIT, n - len(found), seed, media=media)
        cases = sorted(p for p in batch.iterdir() if p.is_dir())
        found += [c for c in cases if kind == PHOTO or _typed_only(c)]
        seed += 1
    return [folder_zip(c) for c in found[:n]]


def fixture_payloads(folders: dict[str, Path], kind: str, n: int) -> list[bytes]:
    case = TYPED_CASE if kind == TYPED else PHOTO_CASE
    return [distinct_zip(folders[case], i) for i in range(n)]


def distinct_zip(folder: Path, n: int) -> bytes:
    """The case as a zip whose evidence bytes differ from every other upload's."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.iterdir()):
            data = path.read_bytes()
            if path.suffix == ".docx":
                data = _with_comment(data, f"burst {n}".encode())
            elif path.suffix == ".jpg":
                data = _other_pixels(data, n)
            zf.writestr(path.name, data)
    return buf.getvalue()


def _other_pixels(jpeg: bytes, n: int) -> bytes:
    """The photo with one pixel changed and re-encoded (EXIF kept): OCR results are
    remembered by pixels, so only new pixels make the check read it again."""
    from PIL import Image

    with Image.open(io.BytesIO(jpeg)) as img:
        exif = img.info.get("exif", b"")
        pixels = img.convert("RGB")
    pixels.putpixel((n % pixels.width, 0), (n % 256, (n // 256) % 256, 7))
    out = io.BytesIO()
    pixels.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def _with_comment(docx: bytes, comment: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.comment = comment
    return out.getvalue()


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _t(stamp: str) -> float:
    return datetime.fromisoformat(stamp).timestamp()


def cpu_seconds(roots: list[int]) -> float:
    """User + system CPU seconds of ``roots`` and all their descendants (the worker's
    forkserver and the parser sandbox's processes), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # the process ended meanwhile
            stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / ticks)
    wanted, frontier = set(roots), list(roots)
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, _) in stats.items():
            if ppid == parent and pid not in wanted:
                wanted.add(pid)
                frontier.append(pid)
    return sum(stats[pid][1] for pid in wanted if pid in stats)


def rss_kb(pid: int) -> tuple[int, int]:
    """(current, peak) resident kB of a process."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields.get("VmRSS", "0 kB").split()[0]), int(fields.get("VmHWM", "0 kB").split()[0])


def listing(client: httpx.Client) -> list[dict]:
    items: list[dict] = []
    while True:
        page = client.get("/api/submissions", params={"limit": PAGE, "offset": len(items)}).json()["items"]
        items += page
        if len(page) < PAGE:
            return items


def wait_all(client: httpx.Client, ids: list[int]) -> list[dict]:
    wanted_ids = set(ids)
    deadline = time.monotonic() + DRAIN_TIMEOUT_S
    while time.monotonic() < deadline:
        wanted = [s for s in listing(client) if s["id"] in wanted_ids]
        if len(wanted) == len(ids) and all(s["status"] in ("done", "failed") for s in wanted):
            return wanted
        time.sleep(POLL_S)
    raise TimeoutError("the burst did not drain")


def run_burst(
    server: Server, folders: dict[str, Path], payloads: dict[str, list[bytes]], workers: int
) -> dict[str, object]:
    client = server.client("shuji")
    # warm-up: checks before the clock starts, so every worker has loaded its models
    warm = [
        upload(client, distinct_zip(folders[TYPED_CASE], -1 - i), f"warm-{i}") for i in range(2 * workers)
    ]
    wait_all(client, warm)
    cpu_before = cpu_seconds(server.worker_pids())
    jobs = [(kind, i) for kind in (TYPED, PHOTO) for i in range(len(payloads[kind]))]
    jobs.sort(key=lambda j: j[1] * 997 % (len(jobs) + 1))  # photos spread through the burst
    start = time.monotonic()
    with ThreadPoolExecutor(UPLOAD_THREADS) as pool:
        ids = list(
            pool.map(lambda j: upload(server.client("shuji"), payloads[j[0]][j[1]], f"{j[0]}-{j[1]}"), jobs)
        )
    uploaded_s = time.monotonic() - start
    kinds = {sid: kind for sid, (kind, _) in zip(ids, jobs, strict=True)}
    done = wait_all(client, ids)
    first = min(_t(s["created_at"]) for s in done)
    last = max(_t(s["finished_at"]) for s in done if s["finished_at"])
    waits = [_t(s["started_at"]) - _t(s["created_at"]) for s in done if s["started_at"]]
    work = {
        k: [
            _t(s["finished_at"]) - _t(s["started_at"])
            for s in done
            if kinds[s["id"]] == k and s["finished_at"]
        ]
        for k in (TYPED, PHOTO)
    }
    cpu_per_check = (cpu_seconds(server.worker_pids()) - cpu_before) / max(1, len(done))
    memory = [rss_kb(pid) for pid in server.worker_pids()]
    # one typed submission into the empty queue: upload -> verdict, as the user sees it
    t0 = time.monotonic()
    sid = upload(client, distinct_zip(folders[TYPED_CASE], 10**6), "empty-queue")
    while client.get(f"/api/submissions/{sid}").json()["status"] not in ("done", "failed"):
        time.sleep(0.02)
    empty_s = time.monotonic() - t0
    return {
        "n": len(done),
        "failed": sum(s["status"] == "failed" for s in done),
        "upload_s": uploaded_s,
        "per_min": len(done) / (last - first) * 60,
        "wait_p50": pct(waits, 0.5),
        "wait_p95": pct(waits, 0.95),
        "typed_p50": pct(work[TYPED], 0.5),
        "typed_p95": pct(work[TYPED], 0.95),
        "photo_p50": pct(work[PHOTO], 0.5),
        "rss_mb": max((m[0] for m in memory), default=0) / 1024,
        "peak_rss_mb": max((m[1] for m in memory), default=0) / 1024,
        "empty_s": empty_s,
        "cpu_per_check": cpu_per_check,
        "verdicts": dict(Counter(str(s["verdict"]) for s in done)),
    }


def upload(client: httpx.Client, data: bytes, name: str) -> int:
    r = client.post("/api/submissions", files=[("files", (f"{name}.zip", data, "application/zip"))])
    r.raise_for_status()
    return int(r.json()["id"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--typed", type=int, default=60, help=f"typed submissions (full burst: {FULL_TYPED})")
    parser.add_argument(
        "--photo",
        "--photos",
        dest="photo",
        type=int,
        default=6,
        help=f"photographed (full burst: {FULL_PHOTO})",
    )
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 2], help="worker processes, one run each"
    )
    parser.add_argument("--modes", nargs="+", choices=MODES, default=["embedded"])
    parser.add_argument("--scale", action="store_true", help="also postgres+redis (as --modes both)")
    parser.add_argument("--source", choices=("varied", "fixture"), default="varied")
    args = parser.parse_args(argv)
    modes = list(dict.fromkeys([*args.modes, *(["postgres+redis"] if args.scale else [])]))
    with tempfile.TemporaryDirectory(prefix="jishi-burst-") as tmp:
        base = Path(tmp)
        folders = cases(base / "cases")
        t0 = time.monotonic()
        payloads = {
            kind: varied_payloads(base / "varied", kind, n)
            if args.source == "varied"
            else fixture_payloads(folders, kind, n)
            for kind, n in ((TYPED, args.typed), (PHOTO, args.photo))
        }
        full = args.typed >= FULL_TYPED and args.photo >= FULL_PHOTO
        print(
            f"burst: {args.typed} typed + {args.photo} photographed submissions ({args.source}; "
            f"{'the full month-end size' if full else f'SCALED DOWN from the full {FULL_TYPED} + {FULL_PHOTO}'}), "
            f"drawn in {time.monotonic() - t0:.0f} s; modes {', '.join(modes)}; workers {args.workers}",
            flush=True,
        )
        print(
            f"{'mode':<15}{'workers':>8}{'n':>6}{'fail':>5}{'/min':>8}{'wait p50':>10}{'wait p95':>10}"
            f"{'typed p50':>10}{'typed p95':>10}{'photo p50':>10}{'RSS MB':>8}{'peak MB':>9}{'empty-queue s':>15}"
        )
        for mode in modes:
            for workers in args.workers:
                run_dir = base / f"{mode}-{workers}"
                run_dir.mkdir()
                with ExitStack() as stack:
                    env: dict[str, str] = {}
                    if mode != "embedded":
                        try:
                            env["database_url"] = stack.enter_context(postgres(run_dir))
                            env["broker_url"] = stack.enter_context(redis(run_dir))
                        except Unavailable as exc:
                            print(f"{mode}: skipped ({exc})")
                            continue
                    server = stack.enter_context(
                        jishi_serve(run_dir / "data", "--workers", str(workers), **env)
                    )
                    r = run_burst(server, folders, payloads, workers)
                print(
                    f"{mode:<15}{workers:>8}{r['n']:>6}{r['failed']:>5}{r['per_min']:>8.1f}{r['wait_p50']:>10.1f}"
                    f"{r['wait_p95']:>10.1f}{r['typed_p50']:>10.2f}{r['typed_p95']:>10.2f}{r['photo_p50']:>10.2f}"
                    f"{r['rss_mb']:>8.0f}{r['peak_rss_mb']:>9.0f}{r['empty_s']:>15.2f}"
                    f"   worker CPU s/check {r['cpu_per_check']:.2f}   verdicts {r['verdicts']}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
