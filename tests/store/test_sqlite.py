"""What the SQLite stores share (store.sqlite): the switch to write-ahead logging."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from store.sqlite import use_wal


class _LockedAtFirst:
    """A real connection whose first ``n`` switches to write-ahead logging meet the answer SQLite
    gives when several processes open a new file at once (seen once in CI: "database is locked"
    at once, no waiting)."""

    def __init__(self, conn: sqlite3.Connection, n: int) -> None:
        self.conn, self.left = conn, n

    def execute(self, sql: str) -> sqlite3.Cursor:
        if "journal_mode" in sql and self.left > 0:
            self.left -= 1
            raise sqlite3.OperationalError("database is locked")
        return self.conn.execute(sql)


def test_the_switch_to_write_ahead_logging_is_tried_again_while_the_file_is_locked(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "h.sqlite3", isolation_level=None)
    use_wal(_LockedAtFirst(conn, 3), timeout=5.0)  # type: ignore[arg-type]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with pytest.raises(sqlite3.OperationalError):  # ... but not for ever
        use_wal(_LockedAtFirst(conn, 1000), timeout=0.2)  # type: ignore[arg-type]
    conn.close()
