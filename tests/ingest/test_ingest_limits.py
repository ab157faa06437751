"""Per-file and whole-submission size/count limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_builders import docx_bytes, image_bytes, make_zip, write

from core.errors import LimitExceededError
from core.settings import Settings
from ingest import load_submission


def test_single_file_over_limit_is_a_blocking_problem(tmp_path: Path, small_limits: Settings) -> None:
    write(tmp_path / "s" / "记录.docx", docx_bytes())
    write(tmp_path / "s" / "huge.pdf", b"%PDF-1.7\n" + b"0" * 60_000)
    sub = load_submission([tmp_path / "s"], settings=small_limits)
    assert [f.path for f in sub.files] == ["记录.docx"]
    assert [(p.file, p.code, p.blocking) for p in sub.problems] == [
        ("huge.pdf", "input.limit_exceeded", True)
    ]
    assert "MB" in sub.problems[0].message and "huge.pdf" in sub.problems[0].message


def test_single_zip_member_over_limit_is_a_problem(tmp_path: Path, small_limits: Settings) -> None:
    archive = make_zip(tmp_path / "up.zip", {"记录.docx": docx_bytes(), "huge.pdf": b"%PDF-" + bytes(60_000)})
    sub = load_submission([archive], settings=small_limits)
    assert [(p.file, p.code) for p in sub.problems] == [("huge.pdf", "input.limit_exceeded")]


def test_total_over_limit_rejects_submission(tmp_path: Path, small_limits: Settings) -> None:
    for i in range(4):
        write(tmp_path / "s" / f"scan{i}.pdf", b"%PDF-1.7\n" + b"0" * 40_000)
    with pytest.raises(LimitExceededError) as info:
        load_submission([tmp_path / "s"], settings=small_limits)
    assert "总大小" in info.value.message and info.value.hint


def test_too_many_files_rejects_submission(tmp_path: Path, small_limits: Settings) -> None:
    for i in range(6):
        write(tmp_path / "s" / f"p{i}.png", image_bytes("PNG", size=(4, 4)))
    with pytest.raises(LimitExceededError) as info:
        load_submission([tmp_path / "s"], settings=small_limits)
    assert "5" in info.value.message


def test_ignored_files_do_not_count(tmp_path: Path, small_limits: Settings) -> None:
    write(tmp_path / "s" / "记录.docx", docx_bytes())
    for i in range(10):
        write(tmp_path / "s" / f"note{i}.txt", b"x")
    sub = load_submission([tmp_path / "s"], settings=small_limits)
    assert [f.path for f in sub.files] == ["记录.docx"]
