"""The sweeper sends a queued submission again only when the queue has passed it by."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from service.queue.sweeper import sweep
from service.settings import ServiceSettings
from store import repositories as repo
from store.db import make_engine, session_factory, upgrade
from store.models import Submission, utcnow

LEASE = dt.timedelta(seconds=600)


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    upgrade(url)
    engine = make_engine(url)
    yield session_factory(engine)
    engine.dispose()


def _queued(s: Session, name: str, minutes_ago: float) -> int:
    branch = repo.import_branch_yaml(s, f"name: {name}支部\nmembers:\n  - {{name: 张三, role: 书记}}\n")
    row, _ = repo.create_submission(
        s,
        branch=branch,
        user=None,
        name=name,
        files=[repo.UploadedFile("a.zip", name.encode().hex().ljust(64, "0"), 1)],
        meta={},
        month=None,
    )
    s.commit()
    when = utcnow() - dt.timedelta(minutes=minutes_ago)
    s.execute(update(Submission).where(Submission.id == row.id).values(queued_at=when, created_at=when))
    s.commit()
    return row.id


def _sweep(sessions: sessionmaker[Session], tmp_path: Path) -> list[int]:
    sent: list[int] = []
    sweep(ServiceSettings(data_dir=tmp_path), sessions, sent.append)
    return sent


def test_a_backlog_is_not_sent_again_but_a_message_the_queue_passed_is(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    with sessions() as s:
        lost, first, second, third = (
            _queued(s, n, m) for n, m in (("甲", 10), ("乙", 9), ("丙", 8), ("丁", 7))
        )
        assert repo.claim(s, first, LEASE)  # the workers are at 乙: 丙 and 丁 wait behind
    # 甲 was sent before 乙 and is still queued: its message was lost; 丙 and 丁 are a backlog
    assert _sweep(sessions, tmp_path) == [lost]
    assert _sweep(sessions, tmp_path) == []  # sent again just now: not again at the next sweep
    with sessions() as s:
        assert repo.claim(s, lost, LEASE)  # taken from either message: the backlog is still a backlog
    assert _sweep(sessions, tmp_path) == []
    with sessions() as s:
        assert repo.claim(s, third, LEASE)  # 丁 overtook 丙: 丙's message was lost
    assert _sweep(sessions, tmp_path) == [second]


def test_when_no_check_starts_every_long_queued_submission_is_sent_again(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    with sessions() as s:
        a, b = _queued(s, "甲", 10), _queued(s, "乙", 9)
        assert _queued(s, "丙", 0.5)  # uploaded half a minute ago: not yet
    assert sorted(_sweep(sessions, tmp_path)) == [a, b]  # no worker took anything: the broker lost them
