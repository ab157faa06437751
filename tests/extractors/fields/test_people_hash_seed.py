"""The reading of names does not depend on Python's hash seed: titles of one length are tried in a
fixed order, and the longest title is taken off first at every step (主任会计师X is X, never 师X)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PHRASES = ["主任会计师蔡文远", "党支部书记、主任会计师蔡文远", "支部书记李光振同志", "副主任医师邬志刚"]
PROBE = (
    "import json, sys; from extractors.fields.people import strip_titles; "
    "print(json.dumps([strip_titles(p) for p in json.loads(sys.argv[1])], ensure_ascii=False))"
)


@pytest.mark.parametrize("seed", ["1", "2", "3", "4"])
def test_titles_come_off_the_same_way_under_every_hash_seed(seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(PHRASES, ensure_ascii=False)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == ["蔡文远", "蔡文远", "李光振", "邬志刚"]
