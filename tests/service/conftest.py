"""Service fixtures: submissions as zips (from fixtures/generate.py), an in-process app with
two districts and branches, and a real `jishi serve` (API + Celery worker) in a temp dir,
optionally against PostgreSQL and Redis started here in temp dirs and stopped after."""

from __future__ import annotations

import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVER_START_TIMEOUT_S = 60.0
TYPED_OK = "ok_prose_docx"  # typed docx minutes and sign-in sheet, three photos: compliant
TYPED_BAD = "v_presider_missing"  # typed: noncompliant (no presider)
PHOTO_BAD = "v_signin_photo_mismatch"  # a photographed sign-in sheet: noncompliant, with crops
PASSWORD = "correct horse battery"


def build_zip(folder: Path) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.iterdir()):
            zf.write(path, path.name)
    return buf.getvalue()


@pytest.fixture(scope="session")
def case_zips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The few cases the service tests upload, generated once, as zips."""
    from fixtures import generate

    out = tmp_path_factory.mktemp("service-cases")
    cases = {c.name: c for c in generate.build_cases()}
    zips = {}
    for name in (TYPED_OK, TYPED_BAD, PHOTO_BAD):
        generate.write_case(out, cases[name])
        zips[name] = build_zip(out / name)
    return zips


# ----------------------------------------------------------------------------- in-process app


@dataclass
class Org:
    """Two districts, one branch each; a secretary per branch, an inspector of district A, an admin."""

    branch_a: int
    branch_b: int
    district_a: int
    district_b: int
    users: dict[str, str] = field(default_factory=dict)  # username -> role


def seed_org(sessions: Any) -> Org:
    from service.auth.passwords import hash_password
    from service.seed import SAMPLE_DIR
    from store import repositories as repo
    from store.models import Role

    hashed = hash_password(PASSWORD)
    with sessions() as s:
        da, db_ = repo.district(s, "甲片区"), repo.district(s, "乙片区")
        a = repo.import_branch_yaml(
            s, (SAMPLE_DIR / "branch.yaml").read_text(encoding="utf-8"), district_id=da.id
        )
        b = repo.import_branch_yaml(
            s,
            "name: 外科第二党支部\nmembers:\n  - {name: 钱多多, role: 书记}\n  - {name: 孙小小, role: 党员}\n",
            district_id=db_.id,
        )
        repo.import_plan_yaml(s, (SAMPLE_DIR / "plan.yaml").read_text(encoding="utf-8"), district_id=da.id)
        repo.create_user(s, "sec_a", hashed, Role.SECRETARY, branch_id=a.id)
        repo.create_user(s, "sec_b", hashed, Role.SECRETARY, branch_id=b.id)
        repo.create_user(s, "insp_a", hashed, Role.INSPECTOR, district_id=da.id)
        repo.create_user(s, "insp_b", hashed, Role.INSPECTOR, district_id=db_.id)
        repo.create_user(s, "admin", hashed, Role.ADMIN)
        s.commit()
        return Org(a.id, b.id, da.id, db_.id)


@dataclass
class Api:
    app: Any
    settings: Any
    sessions: Any
    queue: list[int]
    org: Org

    def client(self, username: str | None = None) -> Any:
        from fastapi.testclient import TestClient

        client = TestClient(self.app)
        if username is not None:
            r = client.post("/api/session", json={"username": username, "password": PASSWORD})
            assert r.status_code == 200, r.text
            client.headers["X-CSRF-Token"] = r.json()["csrf_token"]
        return client

    def work(self) -> list[str]:
        """Run the queued checks in this process (the worker's code, without the broker)."""
        from service.queue.runner import Checker

        checker = Checker(self.settings, self.sessions)
        try:
            done = [checker.run(i) for i in self.queue]
        finally:
            checker.close()
        self.queue.clear()
        return done


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Api]:
    from service.app import create_app
    from service.settings import ServiceSettings
    from store.db import make_engine, session_factory, upgrade

    settings = ServiceSettings(data_dir=tmp_path / "data")
    settings.data_dir.mkdir()
    upgrade(settings.db_url)
    engine = make_engine(settings.db_url)
    sessions = session_factory(engine)
    org = seed_org(sessions)
    queue: list[int] = []
    app = create_app(settings, enqueue=queue.append)
    yield Api(app, settings, sessions, queue, org)
    app.state.engine.dispose()
    engine.dispose()


def upload(client: Any, data: bytes, name: str = "材料.zip", **form: Any) -> Any:
    return client.post("/api/submissions", files=[("files", (name, data, "application/zip"))], data=form)


# ----------------------------------------------------------------------------- a real server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    url: str
    data_dir: Path
    proc: subprocess.Popen[bytes]
    logins: dict[str, str]
    log: Path

    def client(self, username: str) -> httpx.Client:
        client = httpx.Client(base_url=self.url, timeout=30)
        r = client.post("/api/session", json={"username": username, "password": self.logins[username]})
        r.raise_for_status()
        client.headers["X-CSRF-Token"] = r.json()["csrf_token"]
        return client

    def worker_pids(self) -> list[int]:
        """The Celery worker processes `jishi serve` started (its direct children)."""
        out = subprocess.run(
            ["ps", "-o", "pid=,args=", "--ppid", str(self.proc.pid)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        return [int(line.split()[0]) for line in out.splitlines() if "celery" in line]

    def wait_for(
        self, client: httpx.Client, submission_id: int, states: tuple[str, ...], timeout: float
    ) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            body = client.get(f"/api/submissions/{submission_id}").json()
            if body["status"] in states:
                return body
            time.sleep(0.05)
        raise AssertionError(
            f"submission {submission_id} not {states} after {timeout}s: {body}\n{self.tail()}"
        )

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""


@contextmanager
def jishi_serve(data_dir: Path, **env: str) -> Iterator[Server]:
    """`jishi serve` (API, web pages, a worker, the sweeper) in its own process group; stopped after."""
    port = free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    log = data_dir.parent / f"serve-{port}.log"
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **{f"JISHI_{k.upper()}": v for k, v in env.items()}}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "service.cli", "--data-dir", str(data_dir), "--port", str(port)],
            cwd=ROOT,
            env=full_env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(f"http://127.0.0.1:{port}", data_dir, proc, {}, log)
    try:
        _wait_up(server)
        for line in (data_dir / "initial-logins.txt").read_text(encoding="utf-8").splitlines():
            user, password, _role = line.split("\t")
            server.logins[user] = password
        yield server
    finally:
        workers = server.worker_pids()  # in their own process groups
        stop_process_group(proc)
        for pid in workers:
            with suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)


def _wait_up(server: Server) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise AssertionError(f"jishi serve exited:\n{server.tail()}")
        try:
            if httpx.get(server.url + "/login", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"jishi serve did not start:\n{server.tail()}")


def stop_process_group(proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    """SIGTERM (serve stops its workers warmly), then SIGKILL the whole group if it lingers."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            proc.wait(timeout)
    with_group = subprocess.run(["pgrep", "-g", str(proc.pid)], capture_output=True, text=True, check=False)
    if proc.poll() is None or with_group.stdout.strip():
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


# ----------------------------------------------------------------------------- PostgreSQL and Redis


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found else None


@contextmanager
def postgres(base: Path) -> Iterator[str]:
    """A PostgreSQL cluster in a temp dir (as the `postgres` user when run as root), on a unix
    socket only; yields its SQLAlchemy URL; stopped and removed after."""
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (apt install postgresql)")
    # not under pytest's tmp dir: the postgres user must be able to reach it (pytest's is 0700)
    root = Path(tempfile.mkdtemp(prefix="jishi-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        root.chmod(0o700)
        run_as = ["runuser", "-u", "postgres", "--"]
    data, sock = root / "data", root
    subprocess.run(
        [
            *run_as,
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "--no-sync",
            "-E",
            "UTF8",
        ],
        check=True,
        capture_output=True,
    )
    opts = f"-k {sock} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
    subprocess.run(
        [
            *run_as,
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            opts,
            "-l",
            str(root / "log"),
            "-w",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        subprocess.run(
            [*run_as, str(bindir / "createdb"), "-h", str(sock), "-U", "postgres", "jishi"],
            check=True,
            capture_output=True,
        )
        yield f"postgresql+psycopg://postgres@/jishi?host={sock}"
    finally:
        subprocess.run(
            [*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def redis(base: Path) -> Iterator[str]:
    """redis-server on a unix socket in a temp dir, no persistence; yields the broker URL."""
    exe = shutil.which("redis-server")
    if exe is None:
        pytest.skip("redis-server is not installed (apt install redis-server)")
    sock = base / "redis.sock"
    proc = subprocess.Popen(
        [exe, "--port", "0", "--unixsocket", str(sock), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 10
        while not sock.exists():
            if time.monotonic() > deadline or proc.poll() is not None:
                raise AssertionError("redis-server did not start")
            time.sleep(0.05)
        yield f"redis+socket://{sock}"
    finally:
        proc.terminate()
        proc.wait(10)
