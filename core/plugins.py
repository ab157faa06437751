"""Loading built-in and third-party plugin modules (rules, extractor backends).

A plugin module registers itself on import (``@rule``, ``@register_backend``), so
loading means importing the built-ins, then every module named by the entry-point
group, once per process.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points

_loaded: set[str] = set()


def load_plugins(group: str, builtins: tuple[str, ...]) -> None:
    if group in _loaded:
        return
    for module in builtins:
        import_module(module)
    for ep in entry_points(group=group):
        import_module(ep.value)
    _loaded.add(group)
