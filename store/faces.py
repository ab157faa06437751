"""Enrolled reference faces, per unit and person: embeddings and a thumbnail, nothing else.

One SQLite file (default ``platformdirs.user_data_dir("jishi")/faces.sqlite3``), on
this machine only (no face data leaves it). A person's references are replaced as a
whole on enrolment and deleted as a whole on request (``delete_person``); a unit's
with ``delete_unit``. A unit's face check can be switched off (``set_enabled``) without
deleting anything; while off, nothing is checked nor enrolled. The photos themselves are never kept: only the 128-d SFace
embedding and a 112x112 JPEG thumbnail of the aligned face for the inspector.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import platformdirs

from core.errors import ErrorCode, TransientFault
from extractors.faces.enrol import Reference

BUSY_TIMEOUT_S = 10.0
_SCHEMA = """
CREATE TABLE IF NOT EXISTS face_reference (
    unit TEXT NOT NULL,
    person TEXT NOT NULL,
    idx INTEGER NOT NULL,
    embedding BLOB NOT NULL,
    thumbnail BLOB NOT NULL,
    eye_distance REAL NOT NULL,
    enrolled_at TEXT NOT NULL,
    PRIMARY KEY (unit, person, idx)
);
CREATE TABLE IF NOT EXISTS face_unit (
    unit TEXT PRIMARY KEY,
    enabled INTEGER NOT NULL
)
"""


def default_path() -> Path:
    return Path(platformdirs.user_data_dir("jishi")) / "faces.sqlite3"


class FaceStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        with self._db() as db:
            db.executescript(_SCHEMA)

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
        except (OSError, sqlite3.Error) as exc:
            raise TransientFault(
                f"人脸参考库 {self.path} 无法打开：{exc}", code=ErrorCode.STORE_UNAVAILABLE
            ) from exc
        try:
            with db:
                yield db
        except sqlite3.Error as exc:
            raise TransientFault(
                f"人脸参考库 {self.path} 读写失败：{exc}", code=ErrorCode.STORE_UNAVAILABLE
            ) from exc
        finally:
            db.close()

    def enrol(self, unit: str, person: str, references: Sequence[Reference]) -> None:
        """Replace ``person``'s references in ``unit``."""
        now = dt.datetime.now(dt.UTC).isoformat()
        with self._db() as db:
            db.execute("DELETE FROM face_reference WHERE unit = ? AND person = ?", (unit, person))
            db.executemany(
                "INSERT INTO face_reference VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (unit, person, i, r.embedding.astype("<f4").tobytes(), r.thumbnail, r.eye_distance, now)
                    for i, r in enumerate(references)
                ],
            )

    def add(self, unit: str, person: str, references: Sequence[Reference]) -> None:
        """Add ``references`` after ``person``'s existing ones in ``unit``."""
        now = dt.datetime.now(dt.UTC).isoformat()
        with self._db() as db:
            (last,) = db.execute(
                "SELECT COALESCE(MAX(idx), -1) FROM face_reference WHERE unit = ? AND person = ?",
                (unit, person),
            ).fetchone()
            db.executemany(
                "INSERT INTO face_reference VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        unit,
                        person,
                        last + 1 + i,
                        r.embedding.astype("<f4").tobytes(),
                        r.thumbnail,
                        r.eye_distance,
                        now,
                    )
                    for i, r in enumerate(references)
                ],
            )

    def count(self, unit: str, person: str) -> int:
        with self._db() as db:
            (n,) = db.execute(
                "SELECT COUNT(*) FROM face_reference WHERE unit = ? AND person = ?", (unit, person)
            ).fetchone()
        return int(n)

    def listing(self, unit: str) -> dict[str, list[int]]:
        """Every enrolled person of ``unit`` and the index of each of their references."""
        out: dict[str, list[int]] = {}
        with self._db() as db:
            rows = db.execute(
                "SELECT person, idx FROM face_reference WHERE unit = ? ORDER BY person, idx", (unit,)
            ).fetchall()
        for person, idx in rows:
            out.setdefault(person, []).append(int(idx))
        return out

    def thumbnail(self, unit: str, person: str, idx: int) -> bytes | None:
        with self._db() as db:
            row = db.execute(
                "SELECT thumbnail FROM face_reference WHERE unit = ? AND person = ? AND idx = ?",
                (unit, person, idx),
            ).fetchone()
        return None if row is None else bytes(row[0])

    def delete_reference(self, unit: str, person: str, idx: int) -> int:
        with self._db() as db:
            return db.execute(
                "DELETE FROM face_reference WHERE unit = ? AND person = ? AND idx = ?", (unit, person, idx)
            ).rowcount

    def enabled(self, unit: str) -> bool:
        """The unit's switch (on unless switched off)."""
        with self._db() as db:
            row = db.execute("SELECT enabled FROM face_unit WHERE unit = ?", (unit,)).fetchone()
        return row is None or bool(row[0])

    def set_enabled(self, unit: str, on: bool) -> None:
        with self._db() as db:
            db.execute(
                "INSERT INTO face_unit VALUES (?, ?) ON CONFLICT(unit) DO UPDATE SET enabled = excluded.enabled",
                (unit, int(on)),
            )

    def delete_person(self, unit: str, person: str) -> int:
        with self._db() as db:
            return db.execute(
                "DELETE FROM face_reference WHERE unit = ? AND person = ?", (unit, person)
            ).rowcount

    def delete_unit(self, unit: str) -> int:
        with self._db() as db:
            return db.execute("DELETE FROM face_reference WHERE unit = ?", (unit,)).rowcount

    def embeddings(self, unit: str) -> dict[str, list[np.ndarray]]:
        """Every enrolled person of ``unit`` and their reference embeddings."""
        out: dict[str, list[np.ndarray]] = {}
        with self._db() as db:
            rows = db.execute(
                "SELECT person, embedding FROM face_reference WHERE unit = ? ORDER BY person, idx", (unit,)
            ).fetchall()
        for person, blob in rows:
            out.setdefault(person, []).append(np.frombuffer(blob, dtype="<f4").astype(np.float32))
        return out

    def thumbnails(self, unit: str, person: str) -> list[bytes]:
        with self._db() as db:
            rows = db.execute(
                "SELECT thumbnail FROM face_reference WHERE unit = ? AND person = ? ORDER BY idx",
                (unit, person),
            ).fetchall()
        return [bytes(r[0]) for r in rows]
