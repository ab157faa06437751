"""The rule contract: one small registered function per finding code.

A rule is a function ``(CheckContext) -> Outcome`` registered with its stable
code, a version (bump it when its behaviour changes; ``tests/checks/RULES.lock``
pins code and version of every built-in), whether it is required, and a short
Chinese title::

    @rule("presider.missing", version="1", title="记录写明主持人")
    def presider_missing(ctx: CheckContext) -> Outcome: ...

Built-in rules live in ``checks/rules/`` (one module per family); third-party
rule modules are found through the ``jishi.rules`` entry-point group.
A required rule must never ``pass`` on a guess: when the evidence cannot decide,
it returns ``unknown``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from checks.context import CheckContext
from core.errors import InternalError
from core.models import Evidence, Finding, Status
from core.plugins import load_plugins


@dataclass(frozen=True)
class Outcome:
    status: Status
    message: str
    hint: str = ""
    evidence: list[Evidence] = field(default_factory=list)


def passed(message: str, evidence: list[Evidence] | None = None) -> Outcome:
    return Outcome(Status.PASS, message, "", evidence or [])


def failed(message: str, hint: str, evidence: list[Evidence] | None = None) -> Outcome:
    return Outcome(Status.FAIL, message, hint, evidence or [])


def unknown(message: str, hint: str, evidence: list[Evidence] | None = None) -> Outcome:
    return Outcome(Status.UNKNOWN, message, hint, evidence or [])


def warned(message: str, hint: str, evidence: list[Evidence] | None = None) -> Outcome:
    return Outcome(Status.WARN, message, hint, evidence or [])


RuleFn = Callable[[CheckContext], Outcome | list[Outcome]]


@dataclass(frozen=True)
class RuleSpec:
    code: str
    version: str
    required: bool
    title: str
    fn: RuleFn


_RULES: dict[str, RuleSpec] = {}
_BUILTINS = (
    "checks.rules.inputs",
    "checks.rules.minutes",
    "checks.rules.presider",
    "checks.rules.oath",
    "checks.rules.study",
    "checks.rules.plan",
    "checks.rules.attendance",
    "checks.rules.signin",
    "checks.rules.leaders",
    "checks.rules.photos",
    "checks.rules.timeliness",
    "checks.rules.lecture",
    "checks.rules.history",
    "checks.rules.materials",
    "checks.rules.calendar",
    "checks.rules.committee",
)


def rule(code: str, *, version: str, title: str, required: bool = True) -> Callable[[RuleFn], RuleFn]:
    def wrap(fn: RuleFn) -> RuleFn:
        if code in _RULES and _RULES[code].fn is not fn:
            raise InternalError(f"rule code registered twice: {code}")
        _RULES[code] = RuleSpec(code, version, required, title, fn)
        return fn

    return wrap


def rules() -> list[RuleSpec]:
    """Every rule in a fixed order: built-in families as listed, then plugins by module.

    The order does not depend on which module a caller happened to import first.
    """
    _load_all()
    position = {code: i for i, code in enumerate(_RULES)}
    return sorted(_RULES.values(), key=lambda s: (*_family_rank(s.fn.__module__), position[s.code]))


def _family_rank(module: str) -> tuple[int, str]:
    if module in _BUILTINS:
        return _BUILTINS.index(module), ""
    return len(_BUILTINS), module


def _load_all() -> None:
    load_plugins("jishi.rules", _BUILTINS)


def run_rules(ctx: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for spec in rules():
        result = spec.fn(ctx)
        for outcome in result if isinstance(result, list) else [result]:
            findings.append(
                Finding(
                    spec.code,
                    outcome.status,
                    outcome.message,
                    spec.required,
                    spec.version,
                    outcome.evidence,
                    outcome.hint,
                )
            )
    return findings
