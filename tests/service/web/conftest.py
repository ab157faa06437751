"""Playwright drives Debian's chromium (apt `chromium`) through ``executable_path``: no
`playwright install`, no download. The launch arguments suit a root, headless, offline run."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_CANDIDATES = (Path("/usr/lib/chromium/chromium"), Path("/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def chromium_path() -> Path | None:
    found = next((p for p in CHROMIUM_CANDIDATES if p.exists()), None)
    which = shutil.which("chromium")
    return found or (Path(which) if which else None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    exe = chromium_path()
    if exe is None:
        pytest.skip("chromium is not installed (apt install chromium)")
    return {**browser_type_launch_args, "executable_path": str(exe), "args": LAUNCH_ARGS, "headless": True}
