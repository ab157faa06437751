"""The service's store: migrations, the check's lease (claim, sweep), the file store, scoping."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, update
from sqlalchemy.orm import Session, sessionmaker

from core.errors import ConfigError
from store import repositories as repo
from store.db import make_engine, session_factory, upgrade
from store.files import FileStore
from store.models import AppendOnlyError, AuditEntry, Role, Status, Submission, utcnow

LEASE = dt.timedelta(seconds=60)


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    upgrade(url)
    upgrade(url)  # a second upgrade is a no-op
    engine = make_engine(url)
    assert {"submissions", "audit_log", "users", "plans", "alembic_version"} <= set(
        inspect(engine).get_table_names()
    )
    yield session_factory(engine)
    engine.dispose()


def _submission(s: Session, name: str = "x") -> Submission:
    branch = repo.import_branch_yaml(s, f"name: {name}支部\nmembers:\n  - {{name: 张三, role: 书记}}\n")
    row, created = repo.create_submission(
        s,
        branch=branch,
        user=None,
        name=name,
        files=[repo.UploadedFile("a.zip", "0" * 64, 1)],
        meta={},
        month=None,
    )
    assert created
    s.commit()
    return row


def test_one_claim_wins(sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        sid = _submission(s).id
    with sessions() as a, sessions() as b:
        assert repo.claim(a, sid, LEASE) is True
        assert repo.claim(b, sid, LEASE) is False  # running, lease alive
    with sessions() as s:
        row = s.get(Submission, sid)
        assert row is not None and row.status == Status.RUNNING and row.attempts == 1


def test_the_sweeper_finds_a_dead_workers_check_and_gives_up_after_max_attempts(
    sessions: sessionmaker[Session],
) -> None:
    with sessions() as s:
        sid = _submission(s).id
        assert repo.claim(s, sid, LEASE)
        assert repo.stale(s, dt.timedelta(seconds=120), max_attempts=2) == ([], [])  # lease alive
        s.execute(update(Submission).values(lease_until=utcnow() - dt.timedelta(seconds=1)))
        s.commit()
        assert repo.stale(s, dt.timedelta(seconds=120), max_attempts=2) == ([sid], [])
        assert repo.claim(s, sid, LEASE)  # the lease ran out: taken again
        s.execute(update(Submission).values(lease_until=utcnow() - dt.timedelta(seconds=1)))
        s.commit()
        assert repo.stale(s, dt.timedelta(seconds=120), max_attempts=2) == ([], [sid])
        row = s.get(Submission, sid)
        assert row is not None and row.status == Status.FAILED and "2 次" in (row.error or "")


def test_a_queued_submission_whose_message_was_lost_is_sent_again(sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        sid = _submission(s).id
        assert repo.stale(s, dt.timedelta(seconds=120), 3) == ([], [])
        s.execute(update(Submission).values(queued_at=utcnow() - dt.timedelta(seconds=121)))
        s.commit()
        assert repo.stale(s, dt.timedelta(seconds=120), 3) == ([sid], [])
        assert repo.stale(s, dt.timedelta(seconds=120), 3) == ([], [])  # once per interval


def test_scope_and_audit(sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        a, b = _submission(s, "甲"), _submission(s, "乙")
        user = repo.create_user(s, "sec", "hash", Role.SECRETARY, branch_id=a.branch_id)
        scope = repo.scope_of(s, user)
        assert repo.get_submission(s, a.id, scope) is a and repo.get_submission(s, b.id, scope) is None
        assert [r.id for r in repo.list_submissions(s, scope, repo.Filters())] == [a.id]
        entry = repo.audit(s, actor=user, action="upload", submission=a, reason="r")
        s.commit()
        entry.reason = "changed"
        with pytest.raises(AppendOnlyError):
            s.commit()
        s.rollback()
        assert [e.action for e in repo.audit_entries(s, repo.scope_of(s, user))] == ["upload"]
        assert s.get(AuditEntry, entry.id) is not None


def test_yaml_import_names_the_field(sessions: sessionmaker[Session]) -> None:
    with sessions() as s, pytest.raises(ConfigError, match="memberz"):
        repo.import_branch_yaml(s, "name: 某支部\nmemberz: []\n")


def test_file_store_is_content_addressed(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    sha = store.put_bytes(b"evidence")
    assert store.put_bytes(b"evidence") == sha and store.read(sha) == b"evidence"
    assert store.path(sha).relative_to(store.root).parts == (sha[:2], sha[2:4], sha)
    assert not [p for p in store.root.rglob(".incoming-*")]
    with pytest.raises(ValueError):
        store.path("../../etc/passwd")
