"""The photo history: schema, near-duplicate lookup (multi-index hashing), concurrency, errors."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.errors import EnvironmentFault, ExitCode
from extractors.fingerprints.photos import is_near_duplicate
from store.history import (
    SCHEMA_VERSION,
    HistoryStore,
    Match,
    chunks,
    default_history_path,
    neighbours,
    submission_key,
)

BASE = "0123456789abcdef" * 2
TAKEN = dt.datetime(2022, 12, 23, 15, 5)


def flip(value: str, *bits: int) -> str:
    """``value`` with the given bit positions (0 = most significant of 128) flipped."""
    number = int(value, 16)
    for bit in bits:
        number ^= 1 << (127 - bit)
    return f"{number:032x}"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "h" / "history.sqlite3") as s:
        yield s


def test_schema_version_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    HistoryStore(path).close()
    HistoryStore(path).close()  # reopening keeps one version row
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_record_and_find_oldest_first(store: HistoryStore) -> None:
    store.record("十一月-aaaaaaaaaaaa", "IMG_1.jpg", "s1", BASE, TAKEN)
    store.record("十二月-bbbbbbbbbbbb", "现场/IMG_2.jpg", "s2", flip(BASE, 3, 70), None)
    store.record("十二月-bbbbbbbbbbbb", "IMG_3.jpg", "s3", flip(BASE, *range(0, 64, 2)), None)  # far away
    found = store.find_similar(flip(BASE, 100), exclude_submission="一月-cccccccccccc")
    assert found == [
        Match("十一月-aaaaaaaaaaaa", "IMG_1.jpg", 1),
        Match("十二月-bbbbbbbbbbbb", "现场/IMG_2.jpg", 3),
    ]
    assert found[0].distance == 1 and len(store) == 3


def test_own_submission_is_excluded_and_recording_is_idempotent(store: HistoryStore) -> None:
    store.record("a-111111111111", "x.jpg", "s", BASE, TAKEN)
    store.record("a-111111111111", "x.jpg", "s", BASE, TAKEN)
    assert len(store) == 1
    assert store.find_similar(BASE, exclude_submission="a-111111111111") == []
    assert [m.submission_id for m in store.find_similar(BASE, exclude_submission="b-222222222222")] == [
        "a-111111111111"
    ]
    assert len(store.find_similar(BASE)) == 1


def test_bad_hash_is_refused(store: HistoryStore) -> None:
    with pytest.raises(ValueError):
        store.record("a-1", "x.jpg", "s", "xyz", None)


def test_probe_values() -> None:
    assert len(set(neighbours(0x1234))) == 1 + 16 + 120
    assert chunks("0001000200030004" + "f" * 16) == (1, 2, 3, 4)


def test_index_finds_exactly_what_a_full_scan_finds(tmp_path: Path) -> None:
    rng = random.Random(3)
    stored = [f"{rng.getrandbits(128):032x}" for _ in range(300)]
    queries = []
    for _ in range(60):  # near a stored hash: up to 11 phash bits and some dhash bits
        base = rng.choice(stored)
        bits = rng.sample(range(64), rng.randint(0, 12)) + rng.sample(range(64, 128), rng.randint(0, 6))
        queries.append(flip(base, *bits))
    hits = 0
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        for i, value in enumerate(stored):
            store.record(f"s-{i:012d}", "p.jpg", "sha", value, None)
        for query in queries:
            expected = [f"s-{i:012d}" for i, value in enumerate(stored) if is_near_duplicate(query, value)]
            assert [m.submission_id for m in store.find_similar(query)] == expected
            hits += bool(expected)
    assert 20 < hits < len(queries)  # both kinds of query occur


def test_submission_key() -> None:
    key = submission_key("内科第一党支部12月", ["b" * 64, "a" * 64])
    assert key == submission_key("内科第一党支部12月", ["a" * 64, "b" * 64])
    name, digest = key.rsplit("-", 1)
    assert name == "内科第一党支部12月" and len(digest) == 12 and int(digest, 16) >= 0
    assert key != submission_key("内科第一党支部12月", ["a" * 64])


def test_default_path_is_in_the_user_data_dir() -> None:
    path = default_history_path()  # the real function (the autouse fixture patches the module attribute)
    assert path.name == "history.sqlite3" and path.parent.name == "jishi"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    HistoryStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(EnvironmentFault) as err:
        HistoryStore(path)
    assert err.value.code == "history.incompatible" and "升级" in err.value.hint


@pytest.mark.parametrize("content", [b"this is not a database" * 100, None])
def test_unusable_file_is_an_environment_fault(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "history.sqlite3"
    if content is None:
        path.mkdir()  # a folder where the file should be
    else:
        path.write_bytes(content)
    with pytest.raises(EnvironmentFault) as err:
        HistoryStore(path)
    assert err.value.code == "history.unavailable" and str(path) in err.value.message
    assert err.value.exit_code == ExitCode.ENVIRONMENT and not err.value.retryable


def _writer(path: str, worker: int, count: int) -> None:
    with HistoryStore(path) as store:
        for i in range(count):
            store.record(f"w{worker}-{i:012d}", "p.jpg", "sha", f"{worker * 1000 + i:032x}", None)
            store.find_similar(f"{i:032x}")


def test_concurrent_processes(tmp_path: Path) -> None:
    path = str(tmp_path / "history.sqlite3")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, w, 40)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    with HistoryStore(path) as store:
        assert len(store) == 160
