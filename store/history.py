"""A local history of photo fingerprints across submissions, to catch reused photos.

One SQLite file (default ``platformdirs.user_data_dir("jishi")/history.sqlite3``),
shared by every jishi process of a user or an upload queue: WAL mode (readers do
not block the writer), a busy timeout, and one short transaction per statement.

Lookup is multi-index hashing (Norouzi et al.): the 64-bit phash half of each
fingerprint is cut into four 16-bit chunks ``k0..k3``, each an indexed column.
If two phashes differ in at most 11 bits, at least one chunk differs in at most
2 bits (else the distance would be at least 4 x 3 = 12), so probing every chunk
value within 2 bits of the query's (1 + 16 + 120 = 137 values per chunk, 548 index
probes) finds every stored photo with ``phash_distance <= PHASH_MAX_DISTANCE``
(11): exactly the candidates ``is_near_duplicate`` can accept. Python then
computes the full 128-bit Hamming distance over the candidates only.

Scaling: with uniformly spread phash bits a probe matches 137 / 65536 = 0.2 % of
rows per chunk, so about 0.8 % of the table is read per photo: some 800 candidate
rows at 100 000 photos, 8 000 at a million (a few ms of Python each). Perceptual
hashes are not uniform (scenes of one meeting room share bits), so expect a few
times more. Beyond millions of rows, use more, shorter chunks (8 x 8 bits with a
radius-1 probe finds distance <= 15 with 72 probes but reads more rows per probe),
or move the distance into SQL (a user function or an extension).
Without the index, a full scan in Python is fine for a few thousand rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import combinations
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

import platformdirs

from core.errors import EnvironmentFault
from extractors.fingerprints.photos import HASH_BITS, PHASH_BITS, hash_distance, is_near_duplicate, parse_hash
from store.sqlite import use_wal

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 10_000  # wait this long for another process's write, then fail
CHUNKS = 4
CHUNK_BITS = PHASH_BITS // CHUNKS  # 16
PROBE_RADIUS = 2  # bits per chunk: finds all phash distances <= CHUNKS * (PROBE_RADIUS + 1) - 1 = 11
SUBMISSION_DIGITS = 12

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
    """CREATE TABLE IF NOT EXISTS photos (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        submission_id TEXT NOT NULL,
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        phash TEXT NOT NULL,
        taken_at TEXT,
        recorded_at TEXT NOT NULL,
        k0 INTEGER NOT NULL, k1 INTEGER NOT NULL, k2 INTEGER NOT NULL, k3 INTEGER NOT NULL,
        UNIQUE (submission_id, file))""",
    *(f"CREATE INDEX IF NOT EXISTS photos_k{i} ON photos (k{i})" for i in range(CHUNKS)),
    "CREATE INDEX IF NOT EXISTS photos_sha256 ON photos (sha256)",
)
_HINT = (
    "请检查该文件及其所在文件夹的读写权限，或用 --history 指定其他路径，或用 --no-history 不比对历史照片。"
)


class Match(NamedTuple):
    submission_id: str
    file: str
    distance: int  # Hamming distance over the 128-bit fingerprint


def default_history_path() -> Path:
    return Path(platformdirs.user_data_dir("jishi")) / "history.sqlite3"


def submission_key(name: str, sha256s: Iterable[str]) -> str:
    """``name-<12 hex>``: the same files under the same name are the same submission."""
    digest = hashlib.sha256("\n".join(sorted(sha256s)).encode("ascii")).hexdigest()
    return f"{name}-{digest[:SUBMISSION_DIGITS]}"


def chunks(phash: str) -> tuple[int, ...]:
    """The four 16-bit chunks of the phash half, most significant first."""
    value = parse_hash(phash) >> (HASH_BITS - PHASH_BITS)
    mask = (1 << CHUNK_BITS) - 1
    return tuple((value >> (CHUNK_BITS * (CHUNKS - 1 - i))) & mask for i in range(CHUNKS))


def neighbours(value: int, radius: int = PROBE_RADIUS, bits: int = CHUNK_BITS) -> list[int]:
    """Every ``bits``-bit value within ``radius`` bit flips of ``value`` (itself included)."""
    out = [value]
    for r in range(1, radius + 1):
        for positions in combinations(range(bits), r):
            flip = sum(1 << p for p in positions)
            out.append(value ^ flip)
    return out


class HistoryStore:
    """Photo fingerprints of earlier submissions. Use as a context manager or call close()."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._conn = self._open()

    # ----------------------------------------------------------------- lifecycle

    def _open(self) -> sqlite3.Connection:
        with sqlite_faults(self.path, "打开"):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            try:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                use_wal(conn, BUSY_TIMEOUT_MS / 1000)
                conn.execute("PRAGMA synchronous = NORMAL")
                self._create_schema(conn)
            except BaseException:
                conn.close()
                raise
            return conn

    def _create_schema(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")  # two processes creating the file at once: one waits
        try:
            for statement in _SCHEMA:
                conn.execute(statement)
            row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
            if row[0] is None:
                conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            elif row[0] > SCHEMA_VERSION:
                raise EnvironmentFault(
                    f"照片历史记录 {self.path} 由更新版本的 jishi 创建（格式版本 {row[0]}），当前版本无法使用",
                    hint="请升级 jishi，或用 --history 指定其他路径。",
                    code="history.incompatible",
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -------------------------------------------------------------------- access

    def record(
        self, submission_id: str, file: str, sha256: str, phash: str, taken_at: dt.datetime | None
    ) -> None:
        """Remember one photo; recording the same submission and file again changes nothing."""
        row = (
            submission_id,
            file,
            sha256,
            phash,
            taken_at.isoformat() if taken_at else None,
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            *chunks(phash),
        )
        with sqlite_faults(self.path, "写入"):
            self._conn.execute(
                "INSERT INTO photos (submission_id, file, sha256, phash, taken_at, recorded_at, k0, k1, k2, k3)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (submission_id, file) DO NOTHING",
                row,
            )

    def find_similar(self, phash: str, exclude_submission: str | None = None) -> list[Match]:
        """Near-duplicates of ``phash`` recorded by other submissions, oldest first."""
        rows: dict[int, tuple[str, str, str]] = {}
        with sqlite_faults(self.path, "读取"):
            for i, chunk in enumerate(chunks(phash)):
                rows.update(self._probe(i, neighbours(chunk), exclude_submission))
        return [
            Match(sub, file, hash_distance(phash, other))
            for _, (sub, file, other) in sorted(rows.items())
            if is_near_duplicate(phash, other)
        ]

    def _probe(
        self, chunk: int, values: list[int], exclude: str | None
    ) -> Iterator[tuple[int, tuple[str, str, str]]]:
        marks = ",".join("?" * len(values))
        cursor = self._conn.execute(
            f"SELECT id, submission_id, file, phash FROM photos WHERE k{chunk} IN ({marks})"
            " AND submission_id IS NOT ?",
            (*values, exclude),
        )
        for row_id, sub, file, other in cursor:
            yield row_id, (sub, file, other)

    def __len__(self) -> int:
        with sqlite_faults(self.path, "读取"):
            return int(self._conn.execute("SELECT COUNT(*) FROM photos").fetchone()[0])


@contextmanager
def sqlite_faults(path: Path, action: str, what: str = "照片历史记录", hint: str = _HINT) -> Iterator[None]:
    """SQLite and file-system failures of a local store become a Chinese EnvironmentFault
    (exit 4, not bad input) naming the file; shared by the photo and record histories."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise EnvironmentFault(
            f"无法{action}{what} {path}：{exc}", hint=hint, code="history.unavailable"
        ) from exc
    except OSError as exc:
        raise EnvironmentFault(
            f"无法{action}{what} {path}：{exc.strerror or exc}", hint=hint, code="history.unavailable"
        ) from exc
