"""``jishi eval-realdev [DIR]``: score meeting-record extraction on real writing.

DIR (default ``../shared/realdev`` beside the repository, or ``$JISHI_REALDEV``)
holds ``NNN.txt`` accounts and ``labels.jsonl`` (see that folder's README). Each
account (from its third line on) is written into a ``.docx`` the way a branch
uploads a lone document and goes through the real pipeline: ingest, the docx
backend, role classification, and the minutes extraction with no roster, no
plan and no meeting date. Every labelled field is scored by exact match (lists
as sets); the "complete accounts" figure leaves out truncated ones.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing as mp
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from core.errors import UsageError
from core.meta import Branch, Plan, SubmissionMeta
from core.models import (
    Document,
    EvidenceFile,
    ExtractedFile,
    FileKind,
    MeetingRecord,
    Origin,
    Page,
    TextSpan,
    Value,
)
from core.settings import Settings
from extractors.fields.lecture import lecture as find_lecture
from extractors.fields.meeting import date_partial, item_done
from extractors.fields.people import PersonFinder
from extractors.layout.document import document_lines
from extractors.layout.lines import Line
from extractors.roles import classify
from extractors.text.normalize import to_simplified
from ingest.submission import Submission, load_submission
from jishi.pipeline import extract_files, read_minutes
from jishi.realdev_rules import MINUTES_RULES, noted, outcomes, summarise, violations

FIELDS = (
    "kind",
    "date",
    "place",
    "presider",
    "oath_taken",
    "oath_leader",
    "study_leaders",
    "study_materials",
    "expected_count",
    "actual_count",
    "absent_count",
    "counts",
    "absentees",
    "absentee_reasons",
    "dues_paid",
    "lecture",
)
GATED = ("presider", "oath_leader", "study_leaders", "study_materials", "counts", "absentees")
KIND_ALIASES = {"民主评议党员": "组织生活会", None: "其他"}
_TITLE = re.compile(r"《([^》]+)》")


def default_dir() -> Path:
    env = os.environ.get("JISHI_REALDEV")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "realdev"


def load_labels(root: Path) -> list[dict[str, Any]]:
    path = root / "labels.jsonl"
    if not path.is_file():
        raise UsageError(
            f"{root} 中没有 labels.jsonl", hint="请指定 realdev 目录（含 NNN.txt 与 labels.jsonl）。"
        )
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def account_text(path: Path) -> str:
    """The account without its ``source:`` and ``kind:`` lines."""
    return "\n".join(path.read_text(encoding="utf-8").splitlines()[2:])


def write_docx(text: str, path: Path) -> None:
    """One paragraph per line, as a branch's Word file."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))


@dataclass
class Extracted:
    record: MeetingRecord | None
    lines: list[Line] = field(default_factory=list)


def _as_written(count: Value[int] | None) -> int | None:
    """A count as the labels record it: only when the text states it, never worked out."""
    return count.value if count is not None and not count.inferred else None


def extract_account(text: str, settings: Settings, workdir: Path, name: str) -> Extracted:
    """The account through ingest, the docx backend, the role classifier and the minutes reader."""
    folder = workdir / name
    folder.mkdir(parents=True, exist_ok=True)
    write_docx(text, folder / f"{name}.docx")
    submission = load_submission([folder], settings=settings)
    files = extract_files(submission.files, settings).files
    record = read_minutes(files, submission, [])
    if record is None:
        return Extracted(None)
    read = [f for f in files if f.file.path in record.source_files and f.document is not None]
    return Extracted(record, [ln for f in read for ln in document_lines(f.document)])  # type: ignore[arg-type]


def typed_document(text: str, path: str) -> Document:
    """The body page the docx backend reads from ``write_docx(text)``: a span per non-blank line,
    stripped, numbered by its paragraph (``tests/jishi`` checks the two agree on a sample)."""
    spans = [
        TextSpan(line.strip(), Origin(path, paragraph=index))
        for index, line in enumerate(text.splitlines())
        if line.strip()
    ]
    return Document(file=path, kind=FileKind.DOCX, pages=[Page(1, spans)])


def extract_typed(text: str, settings: Settings, workdir: Path, name: str) -> Extracted:
    """The account as ``extract_account`` reads it, without writing and parsing the Word file:
    the same body page through the role classifier and the minutes reader. The realstyle gates
    score thousands of typed accounts this way; realdev keeps the whole route through ingest."""
    del settings, workdir  # the signature of ``extract_account``: nothing is written or limited
    path = f"{name}.docx"
    data = text.encode("utf-8")
    evidence = EvidenceFile(path, FileKind.DOCX, data, hashlib.sha256(data).hexdigest())
    document = typed_document(text, path)
    files = [ExtractedFile(evidence, document, classify(document, is_image=False))]
    submission = Submission(name, [evidence], [], SubmissionMeta(), Branch(), Plan())
    record = read_minutes(files, submission, [])
    if record is None:
        return Extracted(None)
    return Extracted(record, document_lines(document))


def predicted(ex: Extracted) -> dict[str, Any]:
    """The record in the labels' terms."""
    r = ex.record
    if r is None:
        return {
            "kind": "其他",
            "date": None,
            "place": None,
            "presider": None,
            "oath_taken": False,
            "oath_leader": None,
            "study_leaders": [],
            "study_materials": [],
            "expected_count": None,
            "actual_count": None,
            "absent_count": None,
            "absentees": [],
            "dues_paid": None,
            "lecture": None,
        }
    kind = r.kind.value if r.kind else None
    date = r.date.value.isoformat() if r.date else date_partial(ex.lines)
    leaders = sorted({i.leader for i in r.study if i.leader})
    materials = sorted({t for i in r.study for t in _TITLE.findall(i.material)})
    dues = item_done(ex.lines, "缴纳党费")
    lec = find_lecture(ex.lines, PersonFinder([]))
    return {
        "kind": KIND_ALIASES.get(kind, kind),
        "date": date,
        "place": r.place.value if r.place else None,
        "presider": r.presider.value if r.presider else None,
        "oath_taken": r.oath_taken is not None and bool(r.oath_taken.value),
        "oath_leader": r.oath_leader.value if r.oath_leader else None,
        "study_leaders": leaders,
        "study_materials": materials,
        "expected_count": _as_written(r.expected_count),
        "actual_count": _as_written(r.actual_count),
        "absent_count": _as_written(r.absent_count),
        "absentees": [{"name": a.name, "reason": a.reason} for a in r.absentees],
        "dues_paid": True if dues is not None and dues.value else None,
        "lecture": {"lecturer": lec.lecturer, "title": lec.title} if lec else None,
    }


def _simplified(text: str | None) -> str | None:
    return None if text is None else to_simplified(text)


def _person(text: str | None) -> str | None:
    """A name as compared: simplified, without the spaces that pad a two-character name to the
    width of three in a table (喻　芳 is 喻芳), the dot of a transcribed name whichever way it was
    typed (阿依古丽·买买提 is 阿依古丽.买买提)."""
    if text is None:
        return None
    return re.sub(
        r"(?<=[\u4e00-\u9fff])[.\-－‐•・‧](?=[\u4e00-\u9fff])", "·", re.sub(r"\s", "", to_simplified(text))
    )


def _norm(text: str | None) -> str | None:
    if text is None:
        return None
    # materials are read in simplified script, like places; a label quotes a traditional text as written
    return re.sub(r"[\s,，。;；:：、()（）]", "", to_simplified(unicodedata.normalize("NFKC", text))) or None


def _reason(text: str | None) -> str | None:
    """A reason as compared: without the connective it may open with (因出国访学 is 出国访学, 因病 is 病),
    which labels keep or drop by each writer's habit."""
    return _norm(re.sub(r"^\s*(?:因为|因|由于|系)(?=.)", "", text)) if text else None


def expected_values(label: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": label["meeting_kind"],
        "date": label["date"] or label["date_partial"],
        "place": label["place"],
        "presider": label["presider"],
        "oath_taken": bool(label["oath_taken"]),
        "oath_leader": label["oath_leader"],
        "study_leaders": sorted(label["study_leaders"]),
        "study_materials": sorted(label["study_materials"]),
        "expected_count": label["expected_count"],
        "actual_count": label["actual_count"],
        "absent_count": label["absent_count"],
        "absentees": label["absentees"],
        "dues_paid": label["dues_paid"],
        "lecture": label["lecture"],
    }


def compare(want: dict[str, Any], got: dict[str, Any]) -> dict[str, bool]:
    """Exact match per field (lists as sets; reasons and lecture titles without punctuation, reasons
    without an opening connective)."""
    out = {
        k: want[k] == got[k]
        for k in (
            "kind",
            "date",
            "oath_taken",
            "expected_count",
            "actual_count",
            "absent_count",
            "dues_paid",
        )
    }
    # places and names are compared in simplified script (as study materials); the labels quote
    # traditional texts as written, the reader may give a name in either script
    out["place"] = _simplified(want["place"]) == _simplified(got["place"])
    out["presider"] = _person(want["presider"]) == _person(got["presider"])
    out["oath_leader"] = _person(want["oath_leader"]) == _person(got["oath_leader"])
    out["study_leaders"] = {_person(n) for n in want["study_leaders"]} == {
        _person(n) for n in got["study_leaders"]
    }
    out["study_materials"] = {_norm(m) for m in want["study_materials"]} == {
        _norm(m) for m in got["study_materials"]
    }
    out["counts"] = out["expected_count"] and out["actual_count"] and out["absent_count"]
    out["absentees"] = {_person(a["name"]) for a in want["absentees"]} == {
        _person(a["name"]) for a in got["absentees"]
    }
    out["absentee_reasons"] = {(_person(a["name"]), _reason(a["reason"])) for a in want["absentees"]} == {
        (_person(a["name"]), _reason(a["reason"])) for a in got["absentees"]
    }
    wl, gl = want["lecture"], got["lecture"]
    out["lecture"] = (wl is None and gl is None) or (
        wl is not None
        and gl is not None
        and _person(wl["lecturer"]) == _person(gl["lecturer"])
        and _norm(wl["title"]) == _norm(gl["title"])
    )
    return out


@dataclass
class RealdevScores:
    rows: list[dict[str, Any]] = field(default_factory=list)  # file, truncated, ok per field, want, got

    def rates(self, complete_only: bool) -> dict[str, float | None]:
        rows = [r for r in self.rows if not (complete_only and r["truncated"])]
        return {f: round(sum(r["ok"][f] for r in rows) / len(rows), 4) if rows else None for f in FIELDS}

    def labelled(self) -> dict[str, str]:
        """Right/labelled among complete accounts whose label states a value (the issue's 6/22 figures)."""
        out = {}
        for f in FIELDS:
            key = "absentees" if f == "absentee_reasons" else f
            rows = [
                r
                for r in self.rows
                if not r["truncated"] and _stated(r["want"].get(key, r["want"]["expected_count"]))
            ]
            if f == "counts":
                rows = [
                    r
                    for r in self.rows
                    if not r["truncated"]
                    and any(
                        r["want"][k] is not None for k in ("expected_count", "actual_count", "absent_count")
                    )
                ]
            out[f] = f"{sum(r['ok'][f] for r in rows)}/{len(rows)}"
        return out

    def summary(self) -> dict[str, Any]:
        complete = [r for r in self.rows if not r["truncated"]]
        return {
            "accounts": len(self.rows),
            "complete_accounts": len(complete),
            "complete": self.rates(True),
            "all": self.rates(False),
            "labelled": self.labelled(),
            "rules": summarise([r["rules"] for r in complete]),
            "misses": [
                f"{r['file']}.{f}: 应为 {r['want'].get(f, r['want'].get('absentees'))!r}，实为 "
                f"{r['got'].get(f, r['got'].get('absentees'))!r}"
                for r in self.rows
                for f in FIELDS
                if not r["ok"][f] and f not in ("counts", "absentee_reasons")
            ],
        }


def _stated(value: Any) -> bool:
    return value not in (None, [], False)


def evaluate_realdev(
    root: Path,
    settings: Settings,
    extract: Callable[..., Extracted] = extract_account,
    workers: int = 1,
) -> RealdevScores:
    """Every labelled account of ``root`` read and scored, in label order; ``workers`` processes
    share the accounts (each account is read on its own, so the rows do not depend on them)."""
    if not root.is_dir():
        raise UsageError(f"找不到 realdev 目录：{root}", hint="请指定目录，或设置环境变量 JISHI_REALDEV。")
    labels = load_labels(root)
    with tempfile.TemporaryDirectory(prefix="jishi-realdev-") as tmp:
        score = partial(score_account, root, settings, extract, Path(tmp))
        if workers <= 1:
            return RealdevScores([score(label) for label in labels])
        context = mp.get_context("forkserver")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            chunk = max(1, len(labels) // (workers * 8))
            return RealdevScores(list(pool.map(score, labels, chunksize=chunk)))


def score_account(
    root: Path, settings: Settings, extract: Callable[..., Extracted], workdir: Path, label: dict[str, Any]
) -> dict[str, Any]:
    """One account read and compared with its label: file, truncated, ok per field, want, got, rules."""
    name = label["file"].removesuffix(".txt")
    read = extract(account_text(root / label["file"]), settings, workdir, name)
    got, want = predicted(read), expected_values(label)
    return {
        "file": label["file"],
        "truncated": bool(label["truncated"]),
        "ok": compare(want, got),
        "want": want,
        "got": got,
        "rules": {
            "violated": violations(label),
            "status": outcomes(read.record, label),
            "noted": noted(label),
        },
    }


# the verdict figures a baseline keeps: counts that may only go down
RULE_GATES = ("false_flags", "false_passes", "compliant_flagged", "notes_false_passes")


def below_baseline(summary: dict[str, Any], baseline: dict[str, Any]) -> list[str]:
    drops = []
    for group in ("complete", "all"):
        for name, rate in baseline.get(group, {}).items():
            now = summary[group].get(name)
            if rate is not None and (now or 0) < rate:
                drops.append(f"{group}.{name}: {now} < {rate}")
    for name, most in baseline.get("rules", {}).items():
        if (now := summary["rules"][name]) > most:
            drops.append(f"rules.{name}: {now} > {most}")
    return drops


def render_text(summary: dict[str, Any], misses: int = 60) -> str:
    lines = [
        f"realdev：{summary['accounts']} 份记录，其中完整 {summary['complete_accounts']} 份",
        "字段              完整记录   全部记录   有标注值的完整记录",
    ]
    for f in FIELDS:
        c, a = summary["complete"][f], summary["all"][f]
        mark = " *" if f in GATED else ""
        lines.append(f"  {f:<18}{_pct(c):>8}  {_pct(a):>8}   {summary['labelled'][f]:>8}{mark}")
    lines.append("（* 为 issue 9 要求 ≥95% 的字段）")
    lines += _render_rules(summary["rules"])
    lines += [f"  未达预期：{m}" for m in summary["misses"][:misses]]
    return "\n".join(lines) + "\n"


def _render_rules(rules: dict[str, Any]) -> list[str]:
    """Each minutes rule against the labels: 误判不合格 / 误判合格 / 交人工."""
    lines = [
        f"只看会议记录的必查规则（以标注为准，完整记录）：按标注合规的 {rules['compliant']} 份中"
        f"误判为不合格 {rules['compliant_flagged']} 份；误判不合格 {rules['false_flags']} 条，误判合格 "
        f"{rules['false_passes']} 条",
        "规则                                 误判不合格  误判合格  交人工（无违规/有违规）",
    ]
    for code in MINUTES_RULES:
        c = rules["per_rule"][code]
        review = f"{c.get('kept_unknown', 0)}/{c.get('violated_unknown', 0)}"
        lines.append(f"  {code:<36}{c.get('kept_fail', 0):>6}{c.get('violated_pass', 0):>10}{review:>14}")
    return lines + _render_notes(rules["by_notes"])


def _render_notes(by_notes: dict[str, int]) -> list[str]:
    """The verdicts against the writers' own (notes opening 合规记录 / 违规记录), where they give one."""
    if not by_notes:
        return []
    line = "按记录者注明的结论（合规记录/违规记录）："
    for truth, name in (("compliant", "合规"), ("violated", "违规")):
        n = [by_notes.get(f"{truth}_{v}", 0) for v in ("compliant", "needs_review", "noncompliant")]
        line += f"{name} {sum(n)} 份判为 合格/人工复核/不合格 = {n[0]}/{n[1]}/{n[2]}；"
    return [line + f"误判合格 {by_notes.get('violated_compliant', 0)} 份"]


def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.1%}"


def baseline_view(summary: dict[str, Any]) -> dict[str, Any]:
    """What a baseline file keeps: the rates, not the misses."""
    return {
        "recorded": dt.date.today().isoformat(),
        "complete": summary["complete"],
        "all": summary["all"],
        "labelled": summary["labelled"],
        "rules": {name: summary["rules"][name] for name in RULE_GATES},
    }
