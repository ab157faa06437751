"""jishi eval: scoring, false passes, baseline gate, CLI exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from jishi.cli import main
from jishi.evaluate import Scores, below_baseline, score_case

LABEL = {
    "format": "docx",
    "meeting": {"presider": "李光振", "actual_count": 23},
    "signed_count": 23,
    "must_fail": [],
    "must_pass": ["presider.missing"],
    "verdict": "noncompliant",
}


def _report(verdict: str, presider: str) -> dict:
    return {
        "verdict": verdict,
        "meeting": {"presider": presider, "actual_count": 23},
        "signin": {"signed_count": 23, "names": []},
        "findings": [{"code": "presider.missing", "status": "pass"}],
    }


def test_false_pass_and_field_misses_are_counted() -> None:
    scores = Scores()
    score_case(scores, "a", LABEL, _report("compliant", "李光"))
    summary = scores.summary()
    assert summary["false_passes"] == ["a"]
    assert summary["field_exact_by_format"]["docx"] == {"actual_count": 1.0, "presider": 0.0}
    assert summary["signed_count_exact"] == 1.0
    assert any("presider" in m for m in summary["misses"])


def test_an_accepted_other_answer_scores_as_right_and_nothing_else_does() -> None:
    label = {**LABEL, "meeting": {"kind": "主题党日"}, "accepted": {"kind": ["主题党日", "支部党员大会"]}}
    scores = Scores()
    for name, kind in (("a", "支部党员大会"), ("b", "主题党日"), ("c", "党课")):
        report = _report("noncompliant", "李光振")
        score_case(scores, name, label, {**report, "meeting": {"kind": kind}})
    assert scores.summary()["field_exact_by_format"]["docx"]["kind"] == pytest.approx(2 / 3, abs=0.01)


def test_baseline_drop_is_reported() -> None:
    scores = Scores()
    score_case(scores, "a", LABEL, _report("noncompliant", "李光"))
    baseline = {"field_exact": 1.0, "field_exact_by_format": {"docx": {"presider": 1.0}}}
    drops = below_baseline(scores.summary(), baseline)
    assert len(drops) == 2 and drops[0].startswith("field_exact")


@pytest.fixture
def two_cases(corpus: Path, tmp_path: Path) -> Path:
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))["cases"]
    picked = {n: labels[n] for n in ("v_presider_missing", "v_study_missing")}
    for name in picked:
        shutil.copytree(corpus / name, tmp_path / name)
    (tmp_path / "labels.json").write_text(
        json.dumps({"schema_version": "1", "cases": picked}), encoding="utf-8"
    )
    return tmp_path


def test_cli_eval_json_and_exit_codes(capsys: pytest.CaptureFixture[str], two_cases: Path) -> None:
    assert main(["eval", str(two_cases), "--format", "json", "--ocr-engine", "none"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["cases"] == 2 and summary["false_passes"] == []
    assert summary["field_exact_by_format"]["docx"]["presider"] == 1.0


def test_cli_eval_fails_on_a_false_pass(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    shutil.copytree(corpus / "ok_prose_docx", tmp_path / "case")
    label = {"format": "docx", "meeting": None, "must_fail": [], "must_pass": [], "verdict": "noncompliant"}
    (tmp_path / "labels.json").write_text(json.dumps({"cases": {"case": label}}), encoding="utf-8")
    assert main(["eval", str(tmp_path)]) == 1
    assert "误判合格（false pass）：1" in capsys.readouterr().out


def test_cli_eval_without_labels_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["eval", str(tmp_path)]) == 2
    assert "labels.json" in capsys.readouterr().err


REALDEV = Path(__file__).resolve().parents[2].parent / "shared" / "realdev"


@pytest.mark.skipif(not (REALDEV / "labels.jsonl").is_file(), reason="../shared/realdev is absent")
def test_cli_eval_several_corpora_and_realdev(
    capsys: pytest.CaptureFixture[str], two_cases: Path, tmp_path: Path
) -> None:
    """One run prints each corpus (tuning and checking) and the realdev fields, in sections."""
    realdev = tmp_path / "realdev"
    realdev.mkdir()
    labels = (REALDEV / "labels.jsonl").read_text(encoding="utf-8").splitlines()[10:12]
    for label in labels:
        name = json.loads(label)["source"].rsplit("/", 1)[-1] + ".txt"
        shutil.copy(REALDEV / name, realdev / name)
    (realdev / "labels.jsonl").write_text("\n".join(labels) + "\n", encoding="utf-8")
    checking = shutil.copytree(two_cases, tmp_path / "checking")
    argv = ["eval", str(two_cases), str(checking), "--realdev", str(realdev), "--ocr-engine", "none"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert f"== {two_cases}\n" in out and f"== {checking}\n" in out and "== realdev" in out
    assert "presider" in out.split("== realdev")[1]
    assert main([*argv, "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["corpora"][str(two_cases)]["cases"] == 2 and summary["realdev"]["complete"]
    assert main([*argv, "--baseline", str(tmp_path / "b.json")]) == 2
