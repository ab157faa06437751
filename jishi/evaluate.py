"""``jishi eval DIR``: score jishi against a labelled corpus.

DIR holds one folder per submission and ``labels.json``::

    {"schema_version": "1",
     "cases": {"<folder>": {"format": "docx | pdf | photo | handwritten | scanned_pdf | …",
                            "meeting": {"presider": "李光振", "actual_count": 23, …} | null,
                            "signed_count": 23 | null,
                            "must_fail": ["presider.missing"], "must_pass": [...],
                            "verdict": "compliant | noncompliant | needs_review"}}}

Keys left out of ``meeting`` are not scored. A *false pass* is a ``compliant``
verdict where the label is not compliant: the number that must stay zero.
"""

from __future__ import annotations

import json
import statistics
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.errors import ConfigError, UsageError
from core.models import Report
from core.settings import Settings
from ingest.submission import Submission, load_submission
from jishi.report.json_report import to_dict

VERDICTS = ("compliant", "noncompliant", "needs_review")


@dataclass
class Scores:
    fields: dict[str, dict[str, list[int]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(lambda: [0, 0]))
    )
    signed: list[int] = field(default_factory=lambda: [0, 0])
    codes: list[int] = field(default_factory=lambda: [0, 0])
    confusion: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    false_passes: list[str] = field(default_factory=list)
    false_flags: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)  # case -> JSON report

    def summary(self) -> dict[str, Any]:
        per_format = {
            fmt: {name: _rate(*counts) for name, counts in sorted(names.items())}
            for fmt, names in sorted(self.fields.items())
        }
        all_fields = [c for names in self.fields.values() for c in names.values()]
        secs = sorted(self.seconds)
        return {
            "cases": len(self.seconds),
            "field_exact": _rate(sum(c[0] for c in all_fields), sum(c[1] for c in all_fields)),
            "field_exact_by_format": per_format,
            "signed_count_exact": _rate(*self.signed),
            "expected_codes_met": _rate(*self.codes),
            "confusion": {f"{want}->{got}": n for (want, got), n in sorted(self.confusion.items())},
            "false_passes": self.false_passes,
            "false_flags": self.false_flags,
            "misses": self.misses,
            "seconds_median": round(statistics.median(secs), 3) if secs else None,
            "seconds_p90": round(secs[min(len(secs) - 1, int(0.9 * len(secs)))], 3) if secs else None,
        }


def _rate(good: int, total: int) -> float | None:
    return round(good / total, 4) if total else None


def load_labels(root: Path) -> dict[str, dict[str, Any]]:
    path = root / "labels.json"
    if not path.is_file():
        raise UsageError(
            f"{root} 中没有 labels.json", hint="评测目录须包含各材料文件夹和 labels.json（格式见 README）。"
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return dict(data["cases"])
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise ConfigError(f"labels.json 格式不正确：{exc}", hint="格式见 README 的“评测”一节。") from exc


def evaluate(root: Path, settings: Settings, check: Callable[[Submission, Settings], Report]) -> Scores:
    """Run ``check(submission, settings)`` (a pipeline entry) over every labelled case."""
    scores = Scores()
    for name, label in sorted(load_labels(root).items()):
        start = time.perf_counter()
        report = to_dict(check(load_submission([root / name], settings=settings), settings))
        scores.seconds.append(time.perf_counter() - start)
        scores.reports[name] = report
        score_case(scores, name, label, report)
    return scores


def comparable(key: str, value: Any) -> Any:
    """A field as scored. Study materials are quoted as written (``(试行)`` in a record typed with
    half-width brackets) while labels name the canonical title (``（试行）``): the width of a
    character is not content, so materials compare after NFKC, as the rules match them."""
    if key == "study" and isinstance(value, list):
        return [
            {**item, "material": unicodedata.normalize("NFKC", item["material"])}
            if isinstance(item, dict) and isinstance(item.get("material"), str)
            else item
            for item in value
        ]
    return value


def score_case(scores: Scores, name: str, label: dict[str, Any], got: dict[str, Any]) -> None:
    fmt = label.get("format") or "none"
    accepted = label.get("accepted") or {}
    for key, want in (label.get("meeting") or {}).items():
        value = got["meeting"].get(key)
        ok = comparable(key, value) == comparable(key, want) or value in accepted.get(key, [])
        counts = scores.fields[fmt][key]
        counts[0] += ok
        counts[1] += 1
        if not ok:
            scores.misses.append(f"{name}.{key}: 应为 {want!r}，实为 {got['meeting'].get(key)!r}")
    if "signed_count" in label:
        signed = got["signin"]["signed_count"] if got["signin"] else None
        scores.signed[0] += signed == label["signed_count"]
        scores.signed[1] += 1
    _score_codes(scores, name, label, got)
    want, verdict = label["verdict"], got["verdict"]
    scores.confusion[(want, verdict)] += 1
    if verdict == "compliant" and want != "compliant":
        scores.false_passes.append(name)
    if want == "compliant" and verdict != "compliant":
        scores.false_flags.append(name)


def _score_codes(scores: Scores, name: str, label: dict[str, Any], got: dict[str, Any]) -> None:
    statuses: dict[str, list[str]] = defaultdict(list)
    for f in got["findings"]:
        statuses[f["code"]].append(f["status"])
    for code in label.get("must_fail", []):
        ok = "fail" in statuses[code]
        scores.codes[0] += ok
        scores.codes[1] += 1
        if not ok:
            scores.misses.append(f"{name}: {code} 应为 fail，实为 {statuses[code]}")
    for code in label.get("must_pass", []):
        ok = statuses[code] == ["pass"]
        scores.codes[0] += ok
        scores.codes[1] += 1
        if not ok:
            scores.misses.append(f"{name}: {code} 应为 pass，实为 {statuses[code]}")


def below_baseline(summary: dict[str, Any], baseline: dict[str, Any]) -> list[str]:
    """Figures that dropped below the recorded baseline (rates only; time is not gated)."""
    drops = []
    for key in ("field_exact", "signed_count_exact", "expected_codes_met"):
        if baseline.get(key) is not None and (summary.get(key) or 0) < baseline[key]:
            drops.append(f"{key}: {summary.get(key)} < {baseline[key]}")
    for fmt, names in baseline.get("field_exact_by_format", {}).items():
        for name, rate in names.items():
            now = summary["field_exact_by_format"].get(fmt, {}).get(name)
            if rate is not None and (now or 0) < rate:
                drops.append(f"{fmt}.{name}: {now} < {rate}")
    return drops


def render_text(summary: dict[str, Any]) -> str:
    lines = [f"评测材料 {summary['cases']} 份", f"字段完全正确率：{_pct(summary['field_exact'])}"]
    for fmt, names in summary["field_exact_by_format"].items():
        row = "  ".join(f"{n} {_pct(r)}" for n, r in names.items())
        lines.append(f"  [{fmt}] {row}")
    lines += [
        f"签到人数正确率：{_pct(summary['signed_count_exact'])}",
        f"预期检查结果符合率：{_pct(summary['expected_codes_met'])}",
        "结论混淆表（标注→实际）：" + "，".join(f"{k} {v}" for k, v in summary["confusion"].items()),
        f"误判合格（false pass）：{len(summary['false_passes'])} {summary['false_passes'] or ''}",
        f"误报（应合格却被标记）：{len(summary['false_flags'])} {summary['false_flags'] or ''}",
        f"每份耗时：中位数 {summary['seconds_median']} 秒，P90 {summary['seconds_p90']} 秒",
    ]
    lines += [f"  未达预期：{m}" for m in summary["misses"][:50]]
    return "\n".join(lines) + "\n"


def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.1%}"
