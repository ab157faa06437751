"""``jishi serve``: create or upgrade the database, seed a new data directory, start the
API and web pages, a local Celery worker and the sweeper. ``--no-worker`` on web nodes at
scale (workers run ``celery -A service.queue.app worker``, one ``celery … beat`` sweeps).

Registered into the ``jishi`` command through the ``jishi.commands`` entry point group
(the application layer never imports the service)."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the settings pull in SQLAlchemy and Alembic: only `serve` pays for them
    from service.settings import ServiceSettings

log = logging.getLogger(__name__)
WORKER_STOP_TIMEOUT_S = 20.0
DEFAULT_DATA_DIR = "jishi-data"
SUPERVISE_EVERY_S = 1.0
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``serve`` to the ``jishi`` command's subcommands."""
    serve = sub.add_parser("serve", help="启动网页服务（上传、自查、督查审核）和检查队列")
    add_arguments(serve)
    serve.set_defaults(run=run)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"监听地址（默认 {DEFAULT_HOST}）")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"端口（默认 {DEFAULT_PORT}）")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=f"数据目录（数据库、队列、文件；默认 $JISHI_DATA_DIR 或 ./{DEFAULT_DATA_DIR}）",
    )
    parser.add_argument("--no-worker", action="store_true", help="不在本机启动检查进程（多机部署的网页节点）")
    parser.add_argument("--workers", type=int, default=None, help="本机检查进程数（默认 1）")


def run(args: argparse.Namespace) -> int:
    from service.settings import ServiceSettings

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    data_dir = (args.data_dir or Path(os.environ.get("JISHI_DATA_DIR") or DEFAULT_DATA_DIR)).resolve()
    settings = ServiceSettings.from_env(data_dir=data_dir, worker_concurrency=args.workers)
    os.environ.update(settings.env())  # the Celery app module and the worker read the same settings
    prepare(settings)
    tempfile.tempdir = str(settings.tmp_dir)  # uploads are spooled on the data disk, not /tmp
    # uvicorn re-raises SIGTERM/SIGINT after its graceful shutdown: make that an exit that
    # runs the cleanup below (stopping the worker) rather than the default sudden death
    signal.signal(signal.SIGTERM, _exit_on_signal)
    workers = None if args.no_worker else Workers(settings)
    if workers is not None:
        workers.start()
    stop = threading.Event()
    if not args.no_worker:
        threading.Thread(target=sweep_loop, args=(settings, stop), name="sweeper", daemon=True).start()
    try:
        import uvicorn

        from service.app import create_app

        print(f"纪实服务：http://{args.host}:{args.port}/", flush=True)
        uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    finally:
        stop.set()
        if workers is not None:
            workers.stop()
    return 0


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def prepare(settings: ServiceSettings) -> None:
    """Create the data directory, upgrade the database, seed it when it has no users."""
    from service.seed import needs_seed, seed
    from store.db import make_engine, session_factory, upgrade

    for path in (settings.data_dir, settings.files_dir, settings.tmp_dir):
        path.mkdir(parents=True, exist_ok=True)
    upgrade(settings.db_url)
    engine = make_engine(settings.db_url)
    try:
        with session_factory(engine)() as s:
            if needs_seed(s):
                logins = seed(s, settings.data_dir)
                print("新的数据目录，已建立示例支部和账号（只显示这一次，另存于 initial-logins.txt）：")
                for login in logins:
                    print(f"  {login.role.value:<10} 用户名 {login.username}  密码 {login.password}")
    finally:
        engine.dispose()


def worker_command(settings: ServiceSettings, index: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "service.queue.app",
        "worker",
        "--loglevel=INFO",
        "--pool=solo",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        f"--hostname=jishi-{os.getpid()}-{index}@%h",
    ]


class Workers:
    """The local worker processes, restarted when one exits (killed, or recycled at its memory limit)."""

    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        self.procs: list[subprocess.Popen[bytes]] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            self.procs = [self._spawn(i) for i in range(self.settings.worker_concurrency)]
        threading.Thread(target=self._supervise, name="workers", daemon=True).start()

    def _spawn(self, index: int) -> subprocess.Popen[bytes]:
        env = {**os.environ, **self.settings.env()}
        return subprocess.Popen(worker_command(self.settings, index), env=env, start_new_session=True)

    def _supervise(self) -> None:
        while not self.stopping.wait(SUPERVISE_EVERY_S):
            with self._lock:
                for i, proc in enumerate(self.procs):
                    if proc.poll() is not None and not self.stopping.is_set():
                        log.warning("worker %s exited (%s); starting it again", proc.pid, proc.returncode)
                        self.procs[i] = self._spawn(i)

    def stop(self) -> None:
        """A warm shutdown (a running check finishes, or is taken again after its lease)."""
        self.stopping.set()
        with self._lock:
            for proc in self.procs:
                if proc.poll() is None:
                    proc.send_signal(signal.SIGTERM)
            for proc in self.procs:
                try:
                    proc.wait(WORKER_STOP_TIMEOUT_S)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()


def sweep_loop(settings: ServiceSettings, stop: threading.Event) -> None:
    """The embedded mode's scheduler: sweep at start and then every ``sweep_every_seconds``."""
    from service.app import celery_enqueue
    from service.queue.sweeper import purge_delivered, sweep
    from store.db import make_engine, session_factory

    engine = make_engine(settings.db_url)
    sessions = session_factory(engine)
    enqueue = celery_enqueue()
    while True:
        try:
            sweep(settings, sessions, enqueue)
            purge_delivered(settings.queue_url)
        except Exception:
            log.exception("sweep failed")
        if stop.wait(settings.sweep_every_seconds):
            break
    engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="jishi serve", description="纪实网页服务")
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
