"""The one error catalogue: every code raised anywhere is catalogued, documented and has a family."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.errors import (
    CATALOGUE,
    EnvironmentFault,
    ErrorCode,
    ExitCode,
    Family,
    InputError,
    JishiError,
    OcrError,
    TransientFault,
    UnreadableFileError,
)

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ("core", "ingest", "extractors", "checks", "store", "jishi", "service")
CODE_LITERAL = re.compile(r"""\bcode\s*=\s*["']([a-z_]+\.[a-z_.]+)["']""")


def raised_codes() -> set[str]:
    found: set[str] = set()
    for folder in SOURCE_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            found.update(CODE_LITERAL.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_code_written_in_the_source_is_catalogued() -> None:
    codes = raised_codes()
    assert codes, "the scan found no error codes at all"
    assert codes <= {c.value for c in ErrorCode}, codes - {c.value for c in ErrorCode}


def test_every_code_has_an_entry_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in ErrorCode:
        entry = CATALOGUE[code]
        assert entry.summary and entry.hint, code
        assert f"`{code.value}`" in readme, f"{code.value} is missing from the README's error table"


def test_an_uncatalogued_code_is_refused() -> None:
    with pytest.raises(ValueError):
        InputError("x", code="input.made_up")


@pytest.mark.parametrize(
    ("error", "family", "exit_code", "retryable"),
    [
        (UnreadableFileError("坏文件"), Family.BAD_INPUT, ExitCode.BAD_INPUT, False),
        (EnvironmentFault("磁盘满"), Family.ENVIRONMENT, ExitCode.ENVIRONMENT, False),
        (TransientFault("数据库忙"), Family.TRANSIENT, ExitCode.TRANSIENT, True),
        (OcrError("超时", code=ErrorCode.OCR_TIMEOUT), Family.TRANSIENT, ExitCode.TRANSIENT, True),
        (JishiError("不变量被破坏"), Family.BUG, ExitCode.BUG, False),
    ],
)
def test_family_decides_exit_code_and_retry(
    error: JishiError, family: Family, exit_code: ExitCode, retryable: bool
) -> None:
    assert (error.family, error.exit_code, error.retryable) == (family, exit_code, retryable)


def test_default_hint_comes_from_the_catalogue_and_a_specific_one_wins() -> None:
    assert UnreadableFileError("坏").hint == CATALOGUE[ErrorCode.INPUT_UNREADABLE].hint
    assert UnreadableFileError("坏", hint="请重新扫描。").hint == "请重新扫描。"
    assert "[input.unreadable]" in UnreadableFileError("坏").for_user()
