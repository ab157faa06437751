"""The local history of checked submissions: what was held when, who attended, and the
text fingerprint of each record (to find copied minutes). The command line's
``RecordHistory`` (``core.history``); the service supplies the same facts from its database.

It lives in the same SQLite file as the photo history (``store.history``), in its
own tables, with the same discipline: WAL, a busy timeout, one short transaction per
write. Copied-text candidates come from locality-sensitive hashing: the band keys of
each record's MinHash signature are an indexed table; a record's own branch's
earlier records are always compared as well. Candidates are then compared exactly
over their stored shingle sets (``extractors.fingerprints.text.compare``), leaving
out the shingles at least ``COMMON_RECORDS`` other records also have (document
frequencies from an inverted index, ``text_shingles``, one query per check): phrases
many records share are the trade's, not copying.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

from core.errors import EnvironmentFault
from core.history import PastSubmission, Presence, Quote, TextMatch
from extractors.fingerprints.text import (
    FINGERPRINT_VERSION,
    Sentence,
    Similarity,
    TextFingerprint,
    compare,
    overlapping_passages,
)
from store.history import sqlite_faults
from store.sqlite import use_wal

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 10_000
REPORT_MIN_JACCARD = 0.08  # weaker resemblance is not reported to the rule at all
REPORT_MIN_CONTAINMENT = 0.3
COMMON_RECORDS = 3  # a shingle in at least this many other records is a phrase of the trade, not copying
MAX_MATCHES = 5  # the strongest matches handed to the rule, with passages

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS records_schema (version INTEGER NOT NULL)",
    """CREATE TABLE IF NOT EXISTS submissions (
        submission_id TEXT PRIMARY KEY,
        branch TEXT NOT NULL,
        meeting_date TEXT NOT NULL,
        categories TEXT NOT NULL,
        verdict TEXT,
        uploaded_at TEXT,
        attendance TEXT NOT NULL,
        attendance_trusted INTEGER NOT NULL,
        recorded_at TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS submissions_branch ON submissions (branch, meeting_date)",
    """CREATE TABLE IF NOT EXISTS texts (
        submission_id TEXT PRIMARY KEY,
        branch TEXT,
        meeting_date TEXT,
        version INTEGER NOT NULL,
        shingles BLOB NOT NULL,
        sentences TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS texts_branch ON texts (branch)",
    "CREATE TABLE IF NOT EXISTS text_bands (band INTEGER NOT NULL, key INTEGER NOT NULL, submission_id TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS text_bands_key ON text_bands (band, key)",
    "CREATE INDEX IF NOT EXISTS text_bands_submission ON text_bands (submission_id)",
    """CREATE TABLE IF NOT EXISTS text_shingles (
        hash INTEGER NOT NULL, submission_id TEXT NOT NULL, PRIMARY KEY (hash, submission_id)) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS text_shingles_submission ON text_shingles (submission_id)",
)
_HINT = "请检查该文件及其所在文件夹的读写权限，或用 --history 指定其他路径。"


class RecordStore:
    """Checked submissions and their record fingerprints. A context manager."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        with sqlite_faults(self.path, "打开", "历史记录", _HINT):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            try:
                self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                use_wal(self._conn, BUSY_TIMEOUT_MS / 1000)
                self._create_schema()
            except BaseException:
                self._conn.close()
                raise

    def _create_schema(self) -> None:
        with self._transaction():
            for statement in _SCHEMA:
                self._conn.execute(statement)
            row = self._conn.execute("SELECT MAX(version) FROM records_schema").fetchone()
            if row[0] is None:
                self._conn.execute("INSERT INTO records_schema (version) VALUES (?)", (SCHEMA_VERSION,))
            elif row[0] > SCHEMA_VERSION:
                raise EnvironmentFault(
                    f"历史记录 {self.path} 由更新版本的 jishi 创建（格式版本 {row[0]}），当前版本无法使用",
                    hint="请升级 jishi，或用 --history 指定其他路径。",
                    code="history.incompatible",
                )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> RecordStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def record(self, submission: PastSubmission, fingerprint: object | None) -> None:
        """Remember a checked submission (a re-check replaces what was kept of it)."""
        sid = submission.submission_id
        attendance = json.dumps(
            [[p.name, p.status, p.reason] for p in submission.attendance], ensure_ascii=False
        )
        row = (
            sid,
            submission.branch,
            submission.meeting_date.isoformat(),
            json.dumps(list(submission.categories), ensure_ascii=False),
            submission.verdict,
            submission.uploaded_at.isoformat() if submission.uploaded_at else None,
            attendance,
            int(submission.attendance_trusted),
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        with sqlite_faults(self.path, "写入", "历史记录", _HINT), self._transaction():
            self._conn.execute("INSERT OR REPLACE INTO submissions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
            if isinstance(fingerprint, TextFingerprint) and fingerprint.size:
                self._record_text(sid, submission.branch, submission.meeting_date, fingerprint)

    def _record_text(self, sid: str, branch: str | None, day: dt.date | None, fp: TextFingerprint) -> None:
        sentences = json.dumps([[s.text, s.file, s.page, s.masked] for s in fp.sentences], ensure_ascii=False)
        self._conn.execute("DELETE FROM text_bands WHERE submission_id = ?", (sid,))
        self._conn.execute("DELETE FROM text_shingles WHERE submission_id = ?", (sid,))
        self._conn.executemany(
            "INSERT INTO text_shingles (hash, submission_id) VALUES (?, ?)",
            [(int(h), sid) for h in fp.shingles.tolist()],
        )
        self._conn.execute(
            "INSERT OR REPLACE INTO texts VALUES (?, ?, ?, ?, ?, ?)",
            (
                sid,
                branch,
                day.isoformat() if day else None,
                fp.version,
                fp.shingles.astype("<u4").tobytes(),
                sentences,
            ),
        )
        self._conn.executemany(
            "INSERT INTO text_bands (band, key, submission_id) VALUES (?, ?, ?)",
            [(band, key, sid) for band, key in enumerate(fp.band_keys())],
        )

    # ------------------------------------------------------------------ reading

    def similar_texts(
        self, fingerprint: object, *, branch: str | None, exclude: str, until: dt.date | None
    ) -> list[TextMatch]:
        """Earlier records resembling ``fingerprint``: its branch's records held up to ``until``
        and any branch's records the LSH bands bring up, strongest first."""
        if not isinstance(fingerprint, TextFingerprint) or not fingerprint.size:
            return []
        with sqlite_faults(self.path, "读取", "历史记录", _HINT):
            candidates = self._candidates(fingerprint, branch, exclude)
            frequency = self._frequency(fingerprint.shingles, exclude) if candidates else np.zeros(0)
            matches = []
            for sid, other_branch, day, version, blob, sentences in self._texts(candidates):
                when = dt.date.fromisoformat(day) if day else None
                if version != FINGERPRINT_VERSION or (
                    until is not None and when is not None and when > until
                ):
                    continue
                theirs = np.frombuffer(blob, dtype="<u4").astype(np.uint32)
                if not _reportable(compare(fingerprint.shingles, theirs)):
                    continue  # leaving out common phrases can only lower the similarity
                inside = np.isin(fingerprint.shingles, theirs, assume_unique=True)
                common = fingerprint.shingles[(frequency - inside) >= COMMON_RECORDS]
                sim = compare(fingerprint.shingles, theirs, common)
                if _reportable(sim):
                    matches.append((sim, sid, other_branch, when, sentences, common))
        matches.sort(key=lambda m: (-max(m[0].jaccard, m[0].containment), m[1]))
        return [
            TextMatch(
                sid,
                other,
                when,
                sim.jaccard,
                sim.containment,
                _passages(fingerprint, sentences, common),
                same_branch=branch is not None and other == branch,
            )
            for sim, sid, other, when, sentences, common in matches[:MAX_MATCHES]
        ]

    def _frequency(self, shingles: np.ndarray, exclude: str) -> np.ndarray:
        """For each shingle, in how many stored records (other than ``exclude``) it occurs."""
        counts: dict[int, int] = {}
        values = [int(h) for h in shingles.tolist()]
        for i in range(0, len(values), 500):
            chunk = values[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT hash, COUNT(*) FROM text_shingles WHERE hash IN ({marks}) AND submission_id != ?"
                " GROUP BY hash",
                (*chunk, exclude),
            )
            counts.update((h, n) for h, n in rows)
        return np.asarray([counts.get(h, 0) for h in values], dtype=np.int64)

    def _candidates(self, fp: TextFingerprint, branch: str | None, exclude: str) -> set[str]:
        found: set[str] = set()
        for band, key in enumerate(fp.band_keys()):
            rows = self._conn.execute(
                "SELECT submission_id FROM text_bands WHERE band = ? AND key = ?", (band, key)
            )
            found.update(r[0] for r in rows)
        if branch is not None:
            found.update(
                r[0]
                for r in self._conn.execute("SELECT submission_id FROM texts WHERE branch = ?", (branch,))
            )
        found.discard(exclude)
        return found

    def _texts(self, ids: set[str]) -> Iterator[tuple[str, str | None, str | None, int, bytes, str]]:
        ordered = sorted(ids)
        for i in range(0, len(ordered), 500):
            chunk = ordered[i : i + 500]
            marks = ",".join("?" * len(chunk))
            yield from self._conn.execute(
                f"SELECT submission_id, branch, meeting_date, version, shingles, sentences FROM texts"
                f" WHERE submission_id IN ({marks})",
                chunk,
            )

    def submissions(
        self, branch: str | None = None, start: dt.date | None = None, end: dt.date | None = None
    ) -> Sequence[PastSubmission]:
        """Checked submissions, by branch and meeting date, optionally one branch's, within [start, end]."""
        sql = "SELECT * FROM submissions WHERE 1 = 1"
        args: list[str] = []
        if branch is not None:
            sql += " AND branch = ?"
            args.append(branch)
        if start is not None:
            sql += " AND meeting_date >= ?"
            args.append(start.isoformat())
        if end is not None:
            sql += " AND meeting_date <= ?"
            args.append(end.isoformat())
        with sqlite_faults(self.path, "读取", "历史记录", _HINT):
            rows = self._conn.execute(sql + " ORDER BY branch, meeting_date, submission_id", args).fetchall()
        return [_submission(row) for row in rows]

    def __len__(self) -> int:
        with sqlite_faults(self.path, "读取", "历史记录", _HINT):
            return int(self._conn.execute("SELECT COUNT(*) FROM submissions").fetchone()[0])


def _submission(row: tuple[Any, ...]) -> PastSubmission:
    sid, branch, day, categories, verdict, uploaded, attendance, trusted, _ = row
    return PastSubmission(
        submission_id=sid,
        branch=branch,
        meeting_date=dt.date.fromisoformat(day),
        categories=tuple(json.loads(categories)),
        verdict=verdict,
        uploaded_at=dt.datetime.fromisoformat(uploaded) if uploaded else None,
        attendance=tuple(Presence(n, s, r) for n, s, r in json.loads(attendance)),
        attendance_trusted=bool(trusted),
    )


def _reportable(sim: Similarity) -> bool:
    return sim.jaccard >= REPORT_MIN_JACCARD or sim.containment >= REPORT_MIN_CONTAINMENT


def _passages(fp: TextFingerprint, stored: str, common: np.ndarray) -> tuple[tuple[Quote, Quote], ...]:
    theirs = [Sentence(t, f, p, m) for t, f, p, m in json.loads(stored)]
    return tuple(
        (Quote(p.mine.text, p.mine.file, p.mine.page), Quote(p.theirs.text, p.theirs.file, p.theirs.page))
        for p in overlapping_passages(fp.sentences, theirs, common)
    )
