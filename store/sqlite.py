"""What every SQLite store of jishi shares (photo and record histories, document cache, the
service's SQLite database)."""

from __future__ import annotations

import sqlite3
import time

WAL_RETRY_SECONDS = 0.05  # the pause between tries to switch a file to write-ahead logging


def use_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch the file to write-ahead logging. The switch needs the file to itself, and when
    several processes open a new file at once SQLite may answer "database is locked" at once
    instead of waiting (it will not wait where waiting could deadlock): the switch is tried
    again until ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            busy = "locked" in str(exc) or "busy" in str(exc)
            if not busy or time.monotonic() >= deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)
