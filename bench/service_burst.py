"""Month-end burst through the service: many typed and some photographed submissions
uploaded through the REST API at once into `jishi serve`, with 1 and 2 worker processes,
in the embedded mode (SQLite + kombu's SQLAlchemy broker) and at scale (PostgreSQL + Redis).

Prints, per mode and worker count: submissions per minute over the burst, queue wait
(upload -> check started) p50/p95, worker seconds per check (typed and photographed
p50/p95: started -> finished, the stored report and HTML included; the evidence crops are
drawn by the web process on first view, not here), worker CPU seconds per check (user +
system of the worker processes and their children, over the burst), worker resident
memory (now and peak, per process), the time from upload to verdict for one typed and one
photographed submission uploaded alone into the empty queue (and the worker's seconds on
each), and the load average before and after the run. On a shared machine the wall-clock
figures include waiting for a core; the CPU figure does not.

Usage::

    .venv/bin/python bench/service_burst.py [--typed 60] [--photo 6] [--workers 2 1]
                                            [--modes embedded postgres+redis] [--source varied]
                                            [--payload-dir DIR]
    .venv/bin/python bench/service_burst.py --versus-cli 10 [--versus-roster own|sample]
                                            [--versus-kind photographed|typed]

The issue's full month-end burst is ``--typed 1000 --photo 200 --modes embedded
postgres+redis``; the defaults are small for a shared 2-core machine, and the header
says which size ran. Runs go one at a time, worker counts outermost (``--workers 2 1``:
both modes with 2 workers first). ``--payload-dir`` keeps the drawn submissions for the
next run (drawing 1,200 takes minutes). ``--source varied`` (default) uploads distinct
submissions drawn by ``fixtures.varied`` (checking split): typed = Word minutes and
sign-in sheet plus on-site photos, photographed = the minutes as a phone photo; every
record, photo and roster differs, as in a real burst. Each submission's branch.yaml is
imported into the sample district first and the submission uploaded into that branch,
so it is checked against its own roster and the record history holds each branch's own
records (before 2026-12-01 every upload went to the sample branch: its roster failed
most findings, so every check drew ~36 evidence crops, and one branch's history grew
to the whole burst). The cases' plans are not imported (the service keeps one plan per
district and month). ``--source fixture`` uploads the corpus cases ``ok_prose_docx`` /
``ok_photo_prose`` into the sample branch again and again with distinct bytes and pixels
(no cache answers), but then every record after the first is a copy of the first.
PostgreSQL and Redis are started in temp dirs and stopped after (skipped if absent),
also when the bench is stopped with SIGTERM or Ctrl-C.

``--versus-cli N`` runs no burst: it measures the worker's whole job against ``jishi
check`` on the same photographed submission in one warm process (see ``versus_cli``),
wall and CPU seconds, median and spread over N repetitions.
"""

from __future__ import annotations

import argparse
import io
import os
import signal
import sys
import tempfile
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
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
POLL_S = 5.0  # the drain poll (it shares the CPU with the workers; the figures come from the rows)
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


@dataclass(frozen=True)
class Payload:
    """One upload: the zip, and the branch.yaml its branch is imported from (None: the
    sample branch, uploaded by its secretary)."""

    data: bytes
    branch: str | None = None


def varied_payloads(out: Path, kind: str, n: int) -> list[Payload]:
    """``n`` distinct submissions of ``kind`` drawn by fixtures.varied, as zips with their
    branch.yaml."""
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
    return [Payload(folder_zip(c), (c / "branch.yaml").read_text(encoding="utf-8")) for c in found[:n]]


def fixture_payloads(folders: dict[str, Path], kind: str, n: int) -> list[Payload]:
    case = TYPED_CASE if kind == TYPED else PHOTO_CASE
    return [Payload(distinct_zip(folders[case], i)) for i in range(n)]


def stored_payloads(
    folder: Path | None, kind: str, n: int, make: Callable[[], list[Payload]]
) -> list[Payload]:
    """The payloads kept in ``folder`` by an earlier run when there are enough, else made
    (and kept there): drawing 1,200 varied submissions takes minutes."""
    if folder is None:
        return make()
    zips = sorted(folder.glob(f"{kind}-*.zip"))
    if len(zips) < n:
        folder.mkdir(parents=True, exist_ok=True)
        for old in zips:
            old.unlink()
            old.with_suffix(".yaml").unlink(missing_ok=True)
        for i, payload in enumerate(make()):
            (folder / f"{kind}-{i:05d}.zip").write_bytes(payload.data)
            if payload.branch is not None:
                (folder / f"{kind}-{i:05d}.yaml").write_text(payload.branch, encoding="utf-8")
        zips = sorted(folder.glob(f"{kind}-*.zip"))
    out = []
    for path in zips[:n]:
        branch = path.with_suffix(".yaml")
        out.append(
            Payload(path.read_bytes(), branch.read_text(encoding="utf-8") if branch.exists() else None)
        )
    return out


def register_branches(admin: httpx.Client, payloads: list[Payload]) -> dict[str, int]:
    """Import every payload's branch.yaml into the sample district (as an admin would, from
    the CLI's files): each submission is checked against its own roster, and the record
    history holds each branch's own records, as in a real month-end where the uploads come
    from many branches. Two different rosters under one name get distinct names."""
    import yaml

    district = next(b["district_id"] for b in admin.get("/api/branches").json())
    ids: dict[str, int] = {}
    names: dict[str, int] = {}
    for text in dict.fromkeys(p.branch for p in payloads if p.branch is not None):
        branch = yaml.safe_load(text)
        name = str(branch["name"])
        names[name] = names.get(name, 0) + 1
        if names[name] > 1:
            branch["name"] = f"{name}（{names[name]}）"
        r = admin.post(
            "/api/import",
            json={
                "kind": "branch",
                "yaml": yaml.safe_dump(branch, allow_unicode=True),
                "district_id": district,
            },
        )
        r.raise_for_status()
        ids[text] = int(r.json()["id"])
    return ids


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
    server: Server,
    folders: dict[str, Path],
    payloads: dict[str, list[Payload]],
    workers: int,
    alone: dict[str, Payload],
) -> dict[str, object]:
    """The burst, then one typed and one photographed submission (``alone``, not in the
    burst) each uploaded into the empty queue."""
    client = server.client("shuji")
    admin = server.client("admin")
    branch_ids = register_branches(admin, [*payloads[TYPED], *payloads[PHOTO], *alone.values()])
    # warm-up: checks before the clock starts, so every worker has loaded its models
    warm = [
        upload(client, distinct_zip(folders[TYPED_CASE], -1 - i), f"warm-{i}") for i in range(2 * workers)
    ]
    wait_all(client, warm)
    cpu_before = cpu_seconds(server.worker_pids())
    jobs = [(kind, i) for kind in (TYPED, PHOTO) for i in range(len(payloads[kind]))]
    jobs.sort(key=lambda j: j[1] * 997 % (len(jobs) + 1))  # photos spread through the burst
    local = threading.local()  # one logged-in client per upload thread (a login is an argon2 hash)

    def send(job: tuple[str, int]) -> int:
        kind, i = job
        if not hasattr(local, "clients"):
            local.clients = {"shuji": server.client("shuji"), "admin": server.client("admin")}
        return upload_payload(local.clients, branch_ids, payloads[kind][i], f"{kind}-{i}")

    start = time.monotonic()
    with ThreadPoolExecutor(UPLOAD_THREADS) as pool:
        ids = list(pool.map(send, jobs))
    uploaded_s = time.monotonic() - start
    kinds = {sid: kind for sid, (kind, _) in zip(ids, jobs, strict=True)}
    done = wait_all(admin, ids)
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
    # one submission into the empty queue: upload -> verdict, as the user sees it
    empty: dict[str, tuple[float, float]] = {}
    clients = {"shuji": client, "admin": admin}
    for kind, payload in alone.items():
        t0 = time.monotonic()
        sid = upload_payload(clients, branch_ids, payload, f"empty-queue-{kind}")
        while (row := admin.get(f"/api/submissions/{sid}").json())["status"] not in ("done", "failed"):
            time.sleep(0.02)
        empty[kind] = (time.monotonic() - t0, _t(row["finished_at"]) - _t(row["started_at"]))
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
        "photo_p95": pct(work[PHOTO], 0.95),
        "rss_mb": max((m[0] for m in memory), default=0) / 1024,
        "peak_rss_mb": max((m[1] for m in memory), default=0) / 1024,
        "empty": empty,
        "cpu_per_check": cpu_per_check,
        "verdicts": dict(Counter(str(s["verdict"]) for s in done)),
    }


def upload_payload(
    clients: dict[str, httpx.Client], branch_ids: dict[str, int], p: Payload, name: str
) -> int:
    """A varied payload by the admin into its own branch, a fixture one by the sample secretary."""
    if p.branch is None:
        return upload(clients["shuji"], p.data, name)
    return upload(clients["admin"], p.data, name, branch_ids[p.branch])


def versus_cli(base: Path, n: int, roster: str = "own", warm: int = 2, kind: str = PHOTO) -> None:
    """Worker time against the CLI's on the same submission (``kind``: photographed or
    typed), ``n`` times.

    One warm process (the OCR engine loaded once, shared), one varied case of that kind,
    each repetition a copy with new pixels and Word bytes (no cache or OCR memo answers)
    checked three ways in turn, the order rotating: the worker's whole job
    (``Checker.run``: claim, ingest of the stored zip, the check with the document cache
    and the photo and record histories, where the evidence crops are, HTML report, stored
    files, complete; the crops themselves are then drawn as the web process draws them on
    first view, timed apart), ``jishi check DIR`` (its default text report, with its own
    cache and histories in temp files), and the bare check (``check_submission`` without
    stores, the "warm" figure of bench_all). ``roster="own"``: the case's branch.yaml and
    plan.yaml are imported into the service database, so the worker checks against the
    same roster and plan as the CLI (the photographed case passes); ``"sample"``: both
    check against the service's sample branch and plan (as the bursts before 2026-12-01
    did: most findings fail, so there are ~36 evidence crops the CLI's text report does
    not draw)."""
    import contextlib
    import statistics

    from sqlalchemy import select

    import service
    from core.meta import Branch as BranchMeta
    from core.meta import load_yaml_model
    from core.models import Report
    from core.settings import load_settings
    from extractors.ocr import get_engine
    from fixtures.varied import corpus
    from ingest.submission import Submission as Ingested
    from ingest.submission import load_submission
    from jishi.cli import main as jishi_cli
    from jishi.pipeline import check_submission
    from service.cli import prepare
    from service.crops import CropRenderer
    from service.queue.runner import Checker
    from service.settings import ServiceSettings
    from store import repositories as repo
    from store.db import make_engine, session_factory
    from store.models import Branch as BranchRow
    from store.models import Submission, User

    if kind == PHOTO:
        corpus.generate(base / "case", VARIED_SPLIT, 1, VARIED_SEED + 500, media=("photo",))
    else:  # the first typed case without a picture of a page (as the burst's typed ones)
        corpus.generate(base / "case", VARIED_SPLIT, 6, VARIED_SEED, media=("docx",))
    case = next(
        p for p in sorted((base / "case").iterdir()) if p.is_dir() and (kind == PHOTO or _typed_only(p))
    )
    settings = ServiceSettings(data_dir=base / "service")
    with contextlib.redirect_stdout(io.StringIO()):
        prepare(settings)
    engine = make_engine(settings.db_url)
    sessions = session_factory(engine)
    cli_roster: list[str] = []
    bare_roster: dict[str, Path] = {}
    with sessions() as s:
        if roster == "own":
            branch = repo.upsert_branch(s, load_yaml_model(BranchMeta, case / "branch.yaml"))
            repo.import_plan_yaml(s, (case / "plan.yaml").read_text(encoding="utf-8"))
        else:
            branch = s.scalars(select(BranchRow)).one()
            sample = Path(service.__file__).parent / "sample"
            cli_roster = ["--branch", str(sample / "branch.yaml"), "--plan", str(sample / "plan.yaml")]
            bare_roster = {"branch_yaml": sample / "branch.yaml", "plan_yaml": sample / "plan.yaml"}
        user = s.scalars(select(User).where(User.username == "admin")).one()
        s.commit()
        branch_id, user_id = branch.id, user.id
    wall: dict[str, list[float]] = {"worker": [], "cli": [], "bare": []}
    cpu: dict[str, list[float]] = {
        "worker": [],
        "cli": [],
        "bare": [],
        "worker: report": [],
        "web: crops": [],
    }
    ncrops: list[int] = []

    class Timed(Checker):
        """The share of the worker's time spent after the check: crop specs, HTML, stored files."""

        def _result(self, report: Report, ingested: Ingested, month: str | None) -> repo.CheckResult:
            t0 = time.process_time()
            try:
                return super()._result(report, ingested, month)
            finally:
                self.report_cpu_s = time.process_time() - t0

    checker = Timed(settings, sessions)
    renderer = CropRenderer(checker.files, settings.crops_dir, checker.check_settings.limits)
    get_engine(checker.check_settings.ocr.engine)
    check_settings = load_settings()
    stores = base / "cli"
    stores.mkdir()

    def worker(folder: Path, i: int) -> None:
        """``Checker.run`` timed (the upload is stored and queued first, untimed)."""
        zipped = folder_zip(folder)
        sha, size = checker.files.put_bytes(zipped), len(zipped)
        with sessions() as s:
            row, _ = repo.create_submission(
                s,
                branch=s.get_one(BranchRow, branch_id),
                user=s.get(User, user_id),
                name=f"rep-{i}",
                files=[repo.UploadedFile(name=f"rep-{i}.zip", sha256=sha, size=size)],
                meta={},
                month=None,
            )
            s.commit()
            sid = row.id
        with timed("worker"):
            outcome = checker.run(sid)
        assert outcome == "done", outcome
        cpu["worker: report"].append(checker.report_cpu_s)
        with sessions() as s:  # the crops, drawn by the web process when first looked at
            crops = dict(s.get_one(Submission, sid).crops)
        c0 = time.process_time()
        drawn = renderer.crop_set(sid, crops)
        cpu["web: crops"].append(time.process_time() - c0)
        ncrops.append(len(drawn))

    def cli(folder: Path, i: int) -> None:
        args = ["check", str(folder), *cli_roster, "--history", str(stores / "history.sqlite3")]
        args += ["--cache", str(stores / "cache.sqlite3"), "--output", str(stores / "report.txt")]
        with timed("cli"):
            jishi_cli(args)

    def bare(folder: Path, i: int) -> None:
        with timed("bare"):
            submission = load_submission([folder], settings=check_settings, **bare_roster)
            check_submission(submission, check_settings)

    recording = False

    @contextlib.contextmanager
    def timed(way: str) -> Iterator[None]:
        w0, c0 = time.perf_counter(), time.process_time()  # process CPU: every thread's
        yield
        if recording:
            wall[way].append(time.perf_counter() - w0)
            cpu[way].append(time.process_time() - c0)

    ways = {"worker": worker, "cli": cli, "bare": bare}
    names = list(ways)
    print(
        f"worker vs CLI, {kind}, roster {roster}: case {case.name} ({', '.join(sorted(p.name for p in case.iterdir()))}), "
        f"{warm} warm-up + {n} repetitions, load average {os.getloadavg()[0]:.1f} at start",
        flush=True,
    )
    for i in range(-warm, n):
        folder = base / f"rep{i + warm}"
        folder.mkdir()
        for path in case.iterdir():
            data = path.read_bytes()
            if path.suffix.lower() == ".jpg":
                data = _other_pixels(data, 1000 + i)
            elif path.suffix.lower() == ".docx":
                data = _with_comment(data, f"rep {i}".encode())
            (folder / path.name).write_bytes(data)
        recording = i >= 0
        shift = (i + warm) % len(names)
        for way in names[shift:] + names[:shift]:
            ways[way](folder, i)
        if not recording:
            cpu["worker: report"].pop()
            cpu["web: crops"].pop()
            ncrops.pop()
            continue
        print(
            f"  rep {i}: "
            + "  ".join(f"{k} {wall[k][-1]:.2f} ({cpu[k][-1]:.2f} CPU)" for k in wall)
            + f"  ({ncrops[-1]} crops, drawn on request in {cpu['web: crops'][-1]:.2f} CPU)"
            + f"  load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
    checker.close()
    engine.dispose()
    print(f"{'seconds':<16}{'n':>4}{'median':>8}{'min':>7}{'max':>7}{'p25-p75':>13}")
    for label, values in [
        *((f"{k} wall", v) for k, v in wall.items()),
        *((f"{k} CPU", v) for k, v in cpu.items()),
    ]:
        q = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
        print(
            f"{label:<16}{len(values):>4}{statistics.median(values):>8.2f}{min(values):>7.2f}"
            f"{max(values):>7.2f}{q[0]:>7.2f}-{q[2]:.2f}"
        )
    for kind, series in (("wall", wall), ("CPU", cpu)):
        diffs = [w - c for w, c in zip(series["worker"], series["cli"], strict=True)]
        print(
            f"worker - cli, {kind}, per repetition: median {statistics.median(diffs):+.2f} s, "
            f"min {min(diffs):+.2f}, max {max(diffs):+.2f}"
        )


def upload(client: httpx.Client, data: bytes, name: str, branch_id: int | None = None) -> int:
    r = client.post(
        "/api/submissions",
        files=[("files", (f"{name}.zip", data, "application/zip"))],
        data={} if branch_id is None else {"branch_id": str(branch_id)},
    )
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
        "--workers", type=int, nargs="+", default=[2, 1], help="worker processes, one run each"
    )
    parser.add_argument("--modes", nargs="+", choices=MODES, default=["embedded"])
    parser.add_argument("--scale", action="store_true", help="also postgres+redis (as --modes both)")
    parser.add_argument("--source", choices=("varied", "fixture"), default="varied")
    parser.add_argument(
        "--versus-cli",
        type=int,
        metavar="N",
        help="instead of a burst: worker vs CLI seconds on one submission, N repetitions",
    )
    parser.add_argument("--versus-kind", choices=(PHOTO, TYPED), default=PHOTO)
    parser.add_argument("--versus-roster", choices=("own", "sample"), default="own")
    parser.add_argument(
        "--payload-dir",
        type=Path,
        help="keep the drawn varied payloads here and reuse them on the next run",
    )
    args = parser.parse_args(argv)
    if args.versus_cli:
        with tempfile.TemporaryDirectory(prefix="jishi-versus-") as tmp:
            versus_cli(Path(tmp), args.versus_cli, args.versus_roster, kind=args.versus_kind)
        return 0
    modes = list(dict.fromkeys([*args.modes, *(["postgres+redis"] if args.scale else [])]))
    # a stopped bench still stops its servers (jishi serve, PostgreSQL, Redis) and removes its temp dir
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))
    with tempfile.TemporaryDirectory(prefix="jishi-burst-") as tmp:
        base = Path(tmp)
        folders = cases(base / "cases")
        t0 = time.monotonic()
        payloads: dict[str, list[Payload]] = {}
        for kind, n in ((TYPED, args.typed), (PHOTO, args.photo)):
            if args.source == "varied":  # one more of each: uploaded alone into the empty queue

                def make(kind: str = kind, n: int = n) -> list[Payload]:
                    return varied_payloads(base / "varied", kind, n + 1)

                payloads[kind] = stored_payloads(args.payload_dir, kind, n + 1, make)
            else:
                payloads[kind] = fixture_payloads(folders, kind, n + 1)
        alone = {kind: payloads[kind].pop() for kind in (TYPED, PHOTO)}
        full = args.typed >= FULL_TYPED and args.photo >= FULL_PHOTO
        print(
            f"burst: {args.typed} typed + {args.photo} photographed submissions ({args.source}; "
            f"{'the full month-end size' if full else f'SCALED DOWN from the full {FULL_TYPED} + {FULL_PHOTO}'}), "
            f"drawn in {time.monotonic() - t0:.0f} s; modes {', '.join(modes)}; workers {args.workers}",
            flush=True,
        )
        print(
            f"{'mode':<15}{'workers':>8}{'n':>6}{'fail':>5}{'/min':>8}{'wait p50':>10}{'wait p95':>10}"
            f"{'typed p50':>10}{'typed p95':>10}{'photo p50':>10}{'photo p95':>10}{'RSS MB':>8}{'peak MB':>9}"
            f"{'empty typed s':>15}{'empty photo s':>15}"
        )
        for workers in args.workers:
            for mode in modes:
                run_dir = base / f"{mode}-{workers}"
                run_dir.mkdir()
                load_before, started = os.getloadavg(), time.monotonic()
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
                    r = run_burst(server, folders, payloads, workers, alone)
                load_after = os.getloadavg()
                empty: dict[str, tuple[float, float]] = r["empty"]  # type: ignore[assignment]
                print(
                    f"{mode:<15}{workers:>8}{r['n']:>6}{r['failed']:>5}{r['per_min']:>8.1f}{r['wait_p50']:>10.1f}"
                    f"{r['wait_p95']:>10.1f}{r['typed_p50']:>10.2f}{r['typed_p95']:>10.2f}{r['photo_p50']:>10.2f}"
                    f"{r['photo_p95']:>10.2f}{r['rss_mb']:>8.0f}{r['peak_rss_mb']:>9.0f}"
                    f"{empty[TYPED][0]:>15.2f}{empty[PHOTO][0]:>15.2f}\n"
                    f"    worker CPU s/check {r['cpu_per_check']:.2f}; empty queue, worker s: typed "
                    f"{empty[TYPED][1]:.2f}, photographed {empty[PHOTO][1]:.2f}; uploads took {r['upload_s']:.0f} s; "
                    f"run {time.monotonic() - started:.0f} s; load average (1/5/15 min) before "
                    f"{'/'.join(f'{x:.1f}' for x in load_before)}, after {'/'.join(f'{x:.1f}' for x in load_after)}; "
                    f"verdicts {r['verdicts']}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
