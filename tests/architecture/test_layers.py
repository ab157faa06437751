"""The layer order (pyproject [tool.importlinter]) holds, and the check is able to fail."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("core", "ingest", "extractors", "checks", "store", "jishi", "service")
LINT = Path(sys.executable).with_name("lint-imports")


def lint(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT), "--config", str(tree / "pyproject.toml"), "--no-cache"],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def copy_tree(dest: Path) -> Path:
    for name in PACKAGES:
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", dest / "pyproject.toml")
    return dest


def test_the_layers_are_kept() -> None:
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_upward_import_is_caught(tmp_path: Path) -> None:
    tree = copy_tree(tmp_path)
    models = tree / "core" / "models.py"
    models.write_text(
        models.read_text(encoding="utf-8") + "\nimport jishi.pipeline  # planted\n", encoding="utf-8"
    )
    result = lint(tree)
    assert result.returncode != 0 and "core.models -> jishi.pipeline" in result.stdout, result.stdout


def test_core_imports_nothing_first_party() -> None:
    for path in (ROOT / "core").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for package in PACKAGES[1:]:
            assert f"from {package}" not in text and f"import {package}" not in text, (path, package)
