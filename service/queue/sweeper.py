"""The sweeper: submissions still ``queued`` long after upload (their message was lost) or
``running`` past their lease (their worker died) are sent to the queue again; after
``max_attempts`` they are ``failed`` with the reason kept."""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from service.settings import ServiceSettings
from store import repositories as repo
from store.models import Submission

log = logging.getLogger(__name__)


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
