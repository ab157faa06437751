"""Make the ingest test builders importable and give small-limit settings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# tests/ingest (no __init__.py) must not shadow the top-level ``ingest`` package as a
# namespace package: keep the project root importable (pyproject's pytest
# ``pythonpath = ["."]`` does the same for the whole suite).
ROOT = Path(__file__).resolve().parents[2]
for entry in (ROOT, Path(__file__).parent):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from core.settings import Limits, Settings  # noqa: E402


@pytest.fixture
def small_limits() -> Settings:
    """Settings with tiny limits so limit tests need no big files."""
    return Settings(
        limits=Limits(max_file_bytes=50_000, max_total_bytes=120_000, max_files=5, max_zip_members=20)
    )
