"""Month-end burst through the service: many typed and some photographed submissions
uploaded through the REST API at once into `jishi serve`, with 1 and 2 worker processes.

Prints, per mode and worker count: submissions per minute over the burst, queue wait
(upload -> check started) p50/p95, worker seconds per check (typed, photographed) p50,
worker resident memory (peak, per process), and the time from upload to verdict for one
typed submission when the queue is empty.

Usage::

    .venv/bin/python bench/service_burst.py [--typed 60] [--photos 6] [--workers 1 2] [--scale]

``--scale`` also runs PostgreSQL + Redis (started in temp dirs, stopped after). Every
upload has distinct bytes and pixels (a docx zip comment, one pixel of each photo), so no
check is answered from the document or OCR cache, as in a real burst. The defaults are small for a
shared 2-core machine; the issue's full burst is ``--typed 1000 --photos 200``.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # fixtures/ is a development package, not installed

from fixtures.servers import Server, Unavailable, jishi_serve, postgres, redis  # noqa: E402

TYPED_CASE = "ok_prose_docx"
PHOTO_CASE = "ok_photo_prose"
UPLOAD_THREADS = 8
DRAIN_TIMEOUT_S = 3600.0


def cases(out: Path) -> dict[str, Path]:
    from fixtures import generate

    by_name = {c.name: c for c in generate.build_cases()}
    for name in (TYPED_CASE, PHOTO_CASE):
        generate.write_case(out, by_name[name])
    return {name: out / name for name in (TYPED_CASE, PHOTO_CASE)}


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


def rss_kb(pid: int) -> tuple[int, int]:
    """(current, peak) resident kB of a process."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields.get("VmRSS", "0 kB").split()[0]), int(fields.get("VmHWM", "0 kB").split()[0])


def wait_all(client: httpx.Client, ids: list[int]) -> list[dict]:
    deadline = time.monotonic() + DRAIN_TIMEOUT_S
    while time.monotonic() < deadline:
        items = client.get("/api/submissions", params={"limit": 1000}).json()["items"]
        wanted = [s for s in items if s["id"] in set(ids)]
        if len(wanted) == len(ids) and all(s["status"] in ("done", "failed") for s in wanted):
            return wanted
        time.sleep(0.5)
    raise TimeoutError("the burst did not drain")


def run_burst(
    server: Server, folders: dict[str, Path], typed: int, photos: int, workers: int
) -> dict[str, object]:
    client = server.client("shuji")
    # warm-up: one check per worker so the models are loaded before the clock starts
    warm = [upload(client, distinct_zip(folders[TYPED_CASE], -1 - i), f"warm-{i}") for i in range(workers)]
    wait_all(client, warm)
    jobs = [(TYPED_CASE, i) for i in range(typed)] + [(PHOTO_CASE, i) for i in range(photos)]
    jobs.sort(key=lambda j: j[1] * 997 % (typed + photos + 1))  # photos spread through the burst
    payloads = [(kind, distinct_zip(folders[kind], i), f"{kind}-{i}") for kind, i in jobs]
    start = time.monotonic()
    with ThreadPoolExecutor(UPLOAD_THREADS) as pool:
        ids = list(pool.map(lambda p: upload(server.client("shuji"), p[1], p[2]), payloads))
    uploaded_s = time.monotonic() - start
    kinds = {sid: kind for sid, (kind, _, _) in zip(ids, payloads, strict=True)}
    done = wait_all(client, ids)
    first = min(_t(s["created_at"]) for s in done)
    last = max(_t(s["finished_at"]) for s in done if s["finished_at"])
    waits = [_t(s["started_at"]) - _t(s["created_at"]) for s in done if s["started_at"]]
    work = {
        k: [_t(s["finished_at"]) - _t(s["started_at"]) for s in done if kinds[s["id"]] == k]
        for k in (TYPED_CASE, PHOTO_CASE)
    }
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
        "typed_p50": statistics.median(work[TYPED_CASE]) if work[TYPED_CASE] else float("nan"),
        "photo_p50": statistics.median(work[PHOTO_CASE]) if work[PHOTO_CASE] else float("nan"),
        "rss_mb": max((m[0] for m in memory), default=0) / 1024,
        "peak_rss_mb": max((m[1] for m in memory), default=0) / 1024,
        "empty_s": empty_s,
    }


def upload(client: httpx.Client, data: bytes, name: str) -> int:
    r = client.post("/api/submissions", files=[("files", (f"{name}.zip", data, "application/zip"))])
    r.raise_for_status()
    return int(r.json()["id"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--typed", type=int, default=60)
    parser.add_argument("--photos", type=int, default=6)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--scale", action="store_true", help="also PostgreSQL + Redis")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="jishi-burst-") as tmp:
        base = Path(tmp)
        folders = cases(base / "cases")
        modes = ["embedded", *(["postgres+redis"] if args.scale else [])]
        print(
            f"burst: {args.typed} typed ({TYPED_CASE}) + {args.photos} photographed ({PHOTO_CASE}) submissions"
        )
        print(
            f"{'mode':<15}{'workers':>8}{'n':>5}{'fail':>5}{'/min':>8}{'wait p50':>10}{'wait p95':>10}"
            f"{'typed s':>9}{'photo s':>9}{'RSS MB':>8}{'peak MB':>9}{'empty-queue s':>15}"
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
                    r = run_burst(server, folders, args.typed, args.photos, workers)
                print(
                    f"{mode:<15}{workers:>8}{r['n']:>5}{r['failed']:>5}{r['per_min']:>8.1f}{r['wait_p50']:>10.1f}"
                    f"{r['wait_p95']:>10.1f}{r['typed_p50']:>9.2f}{r['photo_p50']:>9.2f}{r['rss_mb']:>8.0f}"
                    f"{r['peak_rss_mb']:>9.0f}{r['empty_s']:>15.2f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
