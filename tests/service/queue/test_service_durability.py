"""SIGKILL the worker in the middle of a check: the submission is checked again and completes.

A real `jishi serve` (API, Celery worker, sweeper) in a temp data dir; embedded mode
(SQLite data and queue) and scale mode (PostgreSQL + Redis, started here and stopped
after). A short lease makes the dead worker's check visible to the sweeper in seconds.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from fixtures.servers import Unavailable, jishi_serve, postgres, redis
from tests.service.conftest import PHOTO_BAD

FAST_LEASE = {"lease_seconds": "3", "sweep_every_seconds": "1", "requeue_after_seconds": "5"}
CHECK_TIMEOUT_S = 120.0


def _kill_mid_check(tmp_path: Path, case_zips: dict[str, bytes], **env: str) -> None:
    with jishi_serve(tmp_path / "data", **FAST_LEASE, **env) as server:
        client = server.client("shuji")
        r = client.post("/api/submissions", files=[("files", ("签到表有误.zip", case_zips[PHOTO_BAD]))])
        assert r.status_code == 201, r.text
        sid = r.json()["id"]
        running = server.wait_for(client, sid, ("running", "done", "failed"), CHECK_TIMEOUT_S)
        assert running["status"] == "running", "the check finished before the worker could be killed"
        (victim,) = server.worker_pids()
        os.killpg(victim, signal.SIGKILL)  # the worker and anything it started, without warning
        deadline = time.monotonic() + 10
        while victim in server.worker_pids() and time.monotonic() < deadline:
            time.sleep(0.1)
        done = server.wait_for(client, sid, ("done", "failed"), CHECK_TIMEOUT_S)
        assert done["status"] == "done", f"{done}\n{server.tail()}"
        assert done["attempts"] >= 2  # taken again after the lease ran out
        assert done["verdict"] in ("noncompliant", "needs_review")  # 22 signatures, 23 attending
        assert victim not in server.worker_pids() and len(server.worker_pids()) == 1  # restarted
        audit = client.get(f"/api/submissions/{sid}/audit").json()
        assert [e["action"] for e in audit] == ["upload"]


def test_sigkill_embedded(tmp_path: Path, case_zips: dict[str, bytes]) -> None:
    _kill_mid_check(tmp_path, case_zips)


@pytest.mark.skipif(os.environ.get("JISHI_SKIP_SCALE") == "1", reason="scale-mode tests switched off")
def test_sigkill_postgres_redis(tmp_path: Path, case_zips: dict[str, bytes]) -> None:
    try:
        with postgres(tmp_path) as database_url, redis(tmp_path) as broker_url:
            _kill_mid_check(tmp_path, case_zips, database_url=database_url, broker_url=broker_url)
            _audit_log_refuses_changes(database_url)
    except Unavailable as exc:
        pytest.skip(str(exc))


def _audit_log_refuses_changes(database_url: str) -> None:
    """The migration's PostgreSQL trigger: the audit log is append-only in the database too."""
    engine = create_engine(database_url)
    try:
        for sql in ("UPDATE audit_log SET reason = 'x'", "DELETE FROM audit_log"):
            with engine.connect() as conn, pytest.raises(DBAPIError, match="append-only"):
                conn.execute(text(sql))
    finally:
        engine.dispose()
