"""The worker's tasks: check one submission by id; sweep the submissions the queue lost."""

from __future__ import annotations

import logging
import os
import resource
import signal
from typing import Any

from celery.signals import task_postrun, worker_init, worker_shutdown
from sqlalchemy import Engine

from service.queue import sweeper
from service.queue.app import CHECK_TASK, SWEEP_TASK, app, settings
from service.queue.runner import Checker
from store.db import make_engine, session_factory

log = logging.getLogger(__name__)
_engine: Engine | None = None
_checker: Checker | None = None


def checker() -> Checker:
    """This process's Checker (built once: database engine, stores, the OCR models)."""
    global _engine, _checker
    if _checker is None:
        _engine = make_engine(settings.db_url)
        _checker = Checker(settings, session_factory(_engine))
    return _checker


@worker_init.connect
def _load_models(**_: Any) -> None:
    """Load the database engine, the stores and the OCR models once, before the first task."""
    checker()
    if settings.ocr_engine != "none":
        from extractors.ocr import get_engine

        get_engine(settings.ocr_engine)


@task_postrun.connect
def _recycle_when_large(**_: Any) -> None:
    """Past ``worker_max_memory_kb`` resident, finish warmly after this task (``jishi serve``
    or the process manager starts a fresh worker): a solo worker has no child to recycle."""
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if rss_kb > settings.worker_max_memory_kb:
        log.warning("worker at %s kB resident (limit %s): restarting", rss_kb, settings.worker_max_memory_kb)
        os.kill(os.getpid(), signal.SIGTERM)


@worker_shutdown.connect
def _close(**_: Any) -> None:
    if _checker is not None:
        _checker.close()
    if _engine is not None:
        _engine.dispose()


@app.task(name=CHECK_TASK, acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def check(submission_id: int) -> str:
    outcome = checker().run(submission_id)
    log.info("submission %s: %s", submission_id, outcome)
    return outcome


@app.task(name=SWEEP_TASK, ignore_result=True)
def sweep() -> int:
    c = checker()
    return len(sweeper.sweep(settings, c.sessions, enqueue))


def enqueue(submission_id: int) -> None:
    app.send_task(CHECK_TASK, args=[submission_id])
