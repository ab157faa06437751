"""The sweeper: submissions still ``queued`` long after upload (their message was lost) or
``running`` past their lease (their worker died) are sent to the queue again; after
``max_attempts`` they are ``failed`` with the reason kept.

In the embedded mode it also deletes delivered messages from the SQLite queue: kombu's
SQLAlchemy transport only marks them invisible, so the file would grow with every check.
A delivered message is never read again (the submission row is the record).

A submission still queued is taken for lost only when the queue has moved past it: a
submission sent after it has started, or no check at all has started for
``requeue_after`` (the workers are idle or gone). A month-end backlog is not a lost
message: before 2026-12-01 every submission queued for over 120 s was sent again at
every sweep, so the 1,000 + 200 burst left 1,021 duplicate messages for the workers to
skip after it, and the next upload into the "empty" queue waited 16 s behind them."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from service.settings import ServiceSettings
from store import repositories as repo
from store.models import Submission, utcnow

log = logging.getLogger(__name__)
DELIVERED_KEPT = dt.timedelta(hours=1)
EMBEDDED_QUEUE_PREFIX = "sqla+"
NOT_LOST = dt.timedelta(days=3650)  # the queue moves and has not reached any queued submission
SENT_ONCE = dt.timedelta(seconds=1)  # queued_at within this of created_at: never queued again
ORDER_SLACK = dt.timedelta(seconds=10)  # uploads committed at once may reach the broker out of order


def sweep(
    settings: ServiceSettings, sessions: sessionmaker[Session], enqueue: Callable[[int], None]
) -> list[int]:
    with sessions() as s:
        again, failed = repo.stale(s, lost_after(s, settings.requeue_after), settings.max_attempts)
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


def lost_after(s: Session, requeue_after: dt.timedelta) -> dt.timedelta:
    """How long a queued submission waits before it counts as lost: ``requeue_after`` when
    no check started within it (the queue is not moving); else only the submissions sent
    before the newest upload a worker has taken, less ``ORDER_SLACK`` (the queue is first in,
    first out, so their messages were passed over), and never less than ``requeue_after``.

    Only uploads sent once tell the queue's position: a submission sent again may be
    taken from its first message while the second still waits, and counting it would
    make the whole backlog before the second message look passed over."""
    now = utcnow()
    rows = s.execute(
        select(Submission.created_at, Submission.queued_at).where(Submission.started_at > now - requeue_after)
    ).all()
    if not rows:
        return requeue_after
    sent_once = [created for created, queued in rows if queued - created < SENT_ONCE]
    if not sent_once:
        return NOT_LOST
    frontier = max(sent_once)
    if frontier.tzinfo is None:  # SQLite keeps the UTC time without its zone
        frontier = frontier.replace(tzinfo=dt.UTC)
    return max(requeue_after, now - frontier + ORDER_SLACK)


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
