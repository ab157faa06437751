"""Shared fixtures: the generated evidence corpus (fixtures/generate.py), built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _generator():
    from fixtures import generate as module

    return module


@pytest.fixture(autouse=True)
def _private_user_dirs(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CLI's default history and cache never point at the real user directories in tests."""
    import store.cache
    import store.history

    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setattr(store.history, "default_history_path", lambda: base / "history.sqlite3")
    monkeypatch.setattr(store.cache, "default_path", lambda: base / "documents.sqlite3")
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    return base


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    names = _generator().generate(out)
    assert names, "the fixture generator produced no cases"
    return out
