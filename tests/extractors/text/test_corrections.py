"""Corrections written into a record's text read as corrected."""

from __future__ import annotations

import pytest

from extractors.text.normalize import normalize


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("应到1̶5̶16人　实到14人", "应到16人实到14人"),
        ("应到~~15~~16人", "应到16人"),
        ("实到17（改18）人", "实到18人"),
        ("~~五月底~~四月底前完工", "四月底前完工"),
        ("9:00~11:00", "9:00~11:00"),
    ],
)
def test_corrections(written: str, read: str) -> None:
    assert normalize(written) == read
