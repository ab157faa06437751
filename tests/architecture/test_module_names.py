"""No module of the packages binds the same top-level name twice: the pattern modules are long,
and a second ``_X = re.compile(...)`` far below the first silently replaces it for every reader
above (ruff's F811 only sees names redefined unused)."""

from __future__ import annotations

import ast
from collections import Counter

from tests.architecture.test_layers import PACKAGES, ROOT


def bound_twice(source: str) -> list[str]:
    """The names the module's top level assigns, defines or imports more than once."""
    names: Counter[str] = Counter()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] += 1
    return sorted(name for name, times in names.items() if times > 1)


def test_no_module_binds_a_top_level_name_twice() -> None:
    twice = {
        str(path.relative_to(ROOT)): found
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if (found := bound_twice(path.read_text(encoding="utf-8")))
    }
    assert twice == {}


def test_a_name_bound_twice_is_found() -> None:
    source = "import re\n_HEAD = re.compile('a')\n\ndef f(): ...\n\n_HEAD = re.compile('b')\nclass f: ...\n"
    assert bound_twice(source) == ["_HEAD", "f"]
    assert bound_twice("A = 1\nA += 2\nB: int = 3\n") == []  # an update is no second binding
