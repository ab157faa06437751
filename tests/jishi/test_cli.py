"""The jishi command: exit codes, formats, and bad input never ending in a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from jishi.cli import main

CASE = "ok_prose_docx"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main(["check", *map(str, argv), "--ocr-engine", "none"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_text_report_is_chinese_and_flags(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, _ = run(capsys, corpus / "v_presider_missing")
    assert code == 1
    assert "不合格" in out and "主持人" in out


def test_json_contract(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, _ = run(capsys, corpus / CASE, "--format", "json")
    data = json.loads(out)
    assert code == 1  # without OCR the photos cannot be read: needs_review, never compliant
    assert data["verdict"] == "needs_review"
    assert data["schema_version"] == "1"
    assert data["meeting"]["presider"] == "李光振"
    assert {f["role"] for f in data["files"]} >= {"minutes", "signin"}
    assert {"photos.missing"} <= {f["code"] for f in data["findings"] if f["status"] == "unknown"}


def test_compliant_exit_zero_with_ocr(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code = main(["check", str(corpus / CASE), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert (code, data["verdict"]) == (0, "compliant")


def test_html_to_file(capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, out, _ = run(capsys, corpus / "v_leader_absent", "--format", "html", "--output", target)
    assert code == 1 and out == ""
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "王建国" in html


def test_flags_override_folder_yaml(capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("deadline: 2022-12-20\n", encoding="utf-8")
    _, out, _ = run(capsys, corpus / CASE, "--plan", plan, "--format", "json")
    statuses = {f["code"]: f["status"] for f in json.loads(out)["findings"]}
    assert statuses["meeting.after_deadline"] == "fail"


@pytest.mark.parametrize("name", ["corrupt.docx", "bomb.docx", "doctype.docx"])
def test_bad_docx_alone_is_exit_2_naming_the_file(
    capsys: pytest.CaptureFixture[str], corpus: Path, name: str
) -> None:
    code, out, err = run(capsys, corpus / "bad" / name)
    assert code == 2 and out == ""
    assert name in err and "处理办法" in err


@pytest.mark.parametrize("name", ["truncated.pdf", "encrypted.pdf"])
def test_bad_pdf_is_an_unreadable_finding(
    capsys: pytest.CaptureFixture[str], corpus: Path, name: str
) -> None:
    code, out, _ = run(capsys, corpus / "bad" / name, "--format", "json")
    data = json.loads(out)
    unreadable = [f for f in data["findings"] if f["code"] == "input.unreadable"]
    assert code == 1 and unreadable[0]["status"] == "fail"
    assert name in unreadable[0]["message"]
    if name == "encrypted.pdf":
        assert "加密" in unreadable[0]["message"]


def test_pdf_that_is_really_png_is_typed_by_content(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, _ = run(capsys, corpus / "bad" / "png_named.pdf", "--format", "json")
    files = json.loads(out)["files"]
    assert code == 1 and files[0]["kind"] == "png"


def test_zip_with_traversal_is_exit_2(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, _, err = run(capsys, corpus / "bad" / "traversal.zip")
    assert code == 2 and "input.unsafe_archive" in err


def test_empty_folder_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, tmp_path)
    assert code == 2 and "input.empty" in err


@pytest.mark.parametrize(
    ("name", "flag", "field"),
    [
        ("bad_unknown_key.yaml", "--plan", "deadlin"),
        ("bad_type.yaml", "--submission", "reported_attendance"),
    ],
)
def test_bad_yaml_names_file_and_field(
    capsys: pytest.CaptureFixture[str], corpus: Path, name: str, flag: str, field: str
) -> None:
    code, _, err = run(capsys, corpus / CASE, flag, corpus / "bad" / name)
    assert code == 2 and name in err and field in err


def test_missing_path_and_bad_flag_are_usage_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, tmp_path / "nope")
    assert code == 2 and "usage" in err
    assert main(["check", str(tmp_path), "--format", "xml"]) == 2


def test_zip_of_a_case_checks_like_the_folder(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    archive = shutil.make_archive(str(tmp_path / CASE), "zip", corpus, CASE)
    code, out, _ = run(capsys, archive, "--format", "json")
    assert code == 1 and json.loads(out)["meeting"]["presider"] == "李光振"
