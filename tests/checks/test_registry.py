from pathlib import Path

from checks.registry import rules
from checks.verdict import verdict
from core.models import Finding, Status, Verdict

LOCK = Path(__file__).with_name("RULES.lock")


def test_registry_matches_committed_lock() -> None:
    lines = [
        ln.split() for ln in LOCK.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")
    ]
    locked = [(code, version, flag == "required") for code, version, flag in lines]
    assert [(r.code, r.version, r.required) for r in rules()] == locked


def test_every_rule_has_a_chinese_title() -> None:
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in r.title) for r in rules())


def _f(status: Status, required: bool = True) -> Finding:
    return Finding("x.y", status, "m", required, "1")


def test_verdict_levels() -> None:
    assert verdict([_f(Status.PASS), _f(Status.WARN)]) == Verdict.COMPLIANT
    assert verdict([_f(Status.PASS), _f(Status.UNKNOWN)]) == Verdict.NEEDS_REVIEW
    assert verdict([_f(Status.UNKNOWN), _f(Status.FAIL)]) == Verdict.NONCOMPLIANT
    assert verdict([_f(Status.FAIL, required=False), _f(Status.UNKNOWN, required=False)]) == Verdict.COMPLIANT


def test_registry_order_follows_the_family_list_not_import_order() -> None:
    import checks.registry as registry

    ranks = [registry._family_rank(r.fn.__module__) for r in rules()]
    assert ranks == sorted(ranks)
