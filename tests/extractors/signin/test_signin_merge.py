"""Joining the pages of one sign-in (extractors.signin.merge.merge_sheets)."""

from __future__ import annotations

from core.models import Evidence, SigninSheet, Value
from extractors.signin.merge import INCOMPLETE, merge_sheets


def sheet(file: str, names: list[str], extra_unnamed: int = 0, confidence: float = 0.99) -> SigninSheet:
    values = [Value(n, [Evidence(file, n, 1, (0.0, 0.0, 1.0, 1.0), confidence)], confidence) for n in names]
    evidence = [e for v in values for e in v.evidence]
    return SigninSheet(Value(len(names) + extra_unnamed, evidence, confidence), values, file)


def test_one_sheet_is_itself() -> None:
    merged = merge_sheets([sheet("a.jpg", ["张明", "王芳"])])
    assert (
        merged.signed_count.value == 2 and merged.file == "a.jpg" and merged.signed_count.confidence == 0.99
    )


def test_pages_add_up() -> None:
    merged = merge_sheets(
        [sheet("签到表1.jpg", ["张明", "王芳"], extra_unnamed=1), sheet("签到表2.jpg", ["李光振"])]
    )
    assert merged.signed_count.value == 4
    assert [v.value for v in merged.names] == ["张明", "王芳", "李光振"]
    assert merged.file == "签到表1.jpg、签到表2.jpg"


def test_a_name_on_two_pages_counts_once() -> None:
    merged = merge_sheets(
        [sheet("1.jpg", ["张明", "王芳", "于洋"]), sheet("2.jpg", ["李光振", "刘强", "张明"])]
    )
    assert merged.signed_count.value == 5
    assert any("张明在多页签到表上都签了名" in e.text for e in merged.signed_count.evidence)


def test_the_same_page_twice_adds_nothing() -> None:
    page = ["张明", "王芳", "于洋", "李光振"]
    merged = merge_sheets([sheet("签到表.jpg", page), sheet("签到表.pdf", [*page[:3], "刘强"])])
    assert merged.signed_count.value == 4 and len(merged.names) == 4
    assert any("重复" in e.text and e.file == "签到表.pdf" for e in merged.signed_count.evidence)


def test_a_page_that_could_not_be_read_makes_the_count_untrusted() -> None:
    merged = merge_sheets([sheet("签到表1.jpg", ["张明"])], unread=["签到表2.jpg"])
    assert merged.signed_count.value == 1 and merged.signed_count.confidence == INCOMPLETE < 0.8
    assert any(e.file == "签到表2.jpg" and "可能不全" in e.text for e in merged.signed_count.evidence)


def test_the_least_sure_page_sets_the_confidence() -> None:
    merged = merge_sheets([sheet("1.jpg", ["张明"]), sheet("2.jpg", ["王芳"], confidence=0.6)])
    assert merged.signed_count.confidence == 0.6
