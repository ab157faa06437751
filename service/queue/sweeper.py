"""The sweeper: submissions still ``queued`` long after upload (their message was lost) or
``running`` past their lease (their worker died) are sent to the queue again; after
``max_attempts`` they are ``failed`` with the reason kept.

In the embedded mode it also deletes delivered messages from the SQLite queue: kombu's
SQLAlchemy transport only marks them invisible, so the file would grow with every check.
A delivered message is never read again (the submission row is the record)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

from service.settings import ServiceSettings
from store import repositories as repo
from store.models import Submission

log = logging.getLogger(__name__)
DELIVERED_KEPT = dt.timedelta(hours=1)
EMBEDDED_QUEUE_PREFIX = "sqla+"


def sweep(
    settings: ServiceSettings, sessions: sessionmaker[Session], enqueue: Callable[[int], None]
) -> list[int]:
    with sessions() as s:
        again, failed = repo.stale(s, settings.requeue_after, settings.max_attempts)
        for submission_id in failed:
            repo.audit(
                s,
                actor=None,
                action="check_failed",
                submission=s.get(Submission, submission_id),
                reason="多次检查均未完成",
            )
        s.commit()
    for submission_id in again:
        enqueue(submission_id)
    if again or failed:
        log.info("sweeper: re-enqueued %s, failed %s", again, failed)
    return again


def purge_delivered(queue_url: str, kept: dt.timedelta = DELIVERED_KEPT) -> int:
    """Delete messages the SQLAlchemy transport delivered more than ``kept`` ago; returns how many."""
    if not queue_url.startswith(EMBEDDED_QUEUE_PREFIX):
        return 0
    engine = create_engine(queue_url.removeprefix(EMBEDDED_QUEUE_PREFIX))
    cutoff = dt.datetime.now() - kept  # kombu stamps delivery in naive local time
    try:
        with engine.begin() as conn:
            if not engine.dialect.has_table(conn, "kombu_message"):
                return 0
            result = conn.execute(
                text("DELETE FROM kombu_message WHERE visible = :no AND timestamp < :cutoff"),
                {"no": False, "cutoff": cutoff},
            )
            return int(result.rowcount)
    finally:
        engine.dispose()
