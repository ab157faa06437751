"""The counting policy (extractors.signin.sheet): what counts, and when the count is not trusted."""

from __future__ import annotations

from extractors.signin.ink import SURE, UNSURE, Ink
from extractors.signin.names import Identity, Kind
from extractors.signin.sheet import ABSENT_SIGNER, RowReading, count_sheet, decide, doubt_against_minutes
from extractors.signin.strike import NO_STRIKE, StrikeScore

SIGNED = Ink(0.3, NO_STRIKE, (1, 1, 9, 9))
EMPTY = Ink(0.0, NO_STRIKE, None)
POSSIBLE = StrikeScore(0.7, 0.5)
CLEAR = StrikeScore(0.95, 0.9)


def row(
    n: int, ink: Ink, printed: str | None, text: str = "", identity: Identity | None = None
) -> RowReading:
    return RowReading(f"第{n}行", (0.0, 10.0 * n, 10.0, 10.0 * n + 10), ink, printed, text, identity)


def sheet(rows: list[RowReading]) -> tuple[int, float, list[str]]:
    own = {r.identity.name for r in rows if r.identity and r.identity.kind is Kind.OWN and r.identity.name}
    for r in rows:
        decide(r, own)
    result = count_sheet(rows, "a.jpg")
    return (
        result.signed_count.value,
        result.signed_count.confidence,
        [e.text for e in result.signed_count.evidence],
    )


def own(name: str) -> Identity:
    return Identity(Kind.OWN, name, True)


def test_own_signatures_count_and_are_trusted() -> None:
    count, confidence, _ = sheet([row(1, SIGNED, "张明", "张明", own("张明")), row(2, EMPTY, "王芳")])
    assert (count, confidence) == (1, SURE)


def test_an_empty_cell_in_which_the_page_read_a_name_makes_the_count_unsure() -> None:
    signed, empty = row(1, SIGNED, None, "张明", own("张明")), row(2, EMPTY, None)
    empty.contradicted = True  # the grid and the writing do not line up
    count, confidence, _ = sheet([signed, empty])
    assert (count, confidence) == (1, UNSURE)


def test_a_visitor_in_an_absentees_row_is_not_credited_to_the_absentee() -> None:
    rows = [
        row(1, SIGNED, "张明", "张明", own("张明")),
        row(2, SIGNED, "王芳", "马骁骑", Identity(Kind.FOREIGN, None)),
    ]
    count, confidence, notes = sheet(rows)
    assert count == 1 and confidence < 0.8
    assert any("马骁骑" in t and "未计入" in t for t in notes)


def test_another_members_second_signature_counts_once() -> None:
    rows = [
        row(1, SIGNED, "张明", "张明", own("张明")),
        row(2, SIGNED, "王芳", "张明", Identity(Kind.MEMBER, "张明", True)),
    ]
    count, confidence, notes = sheet(rows)
    assert (count, confidence) == (1, SURE)
    assert any("第2行" in t and "未计入" in t for t in notes)


def test_a_member_who_signed_only_in_the_wrong_row_counts_for_them_but_unsure() -> None:
    rows = [row(1, SIGNED, "王芳", "张明", Identity(Kind.MEMBER, "张明", True))]
    count, confidence, _ = sheet(rows)
    assert count == 1 and confidence < 0.8


def test_an_illegible_cell_that_may_be_struck_is_left_out_unsure() -> None:
    cell = Ink(0.3, POSSIBLE, (1, 1, 9, 9))
    count, confidence, notes = sheet([row(1, cell, "王芳", "", Identity(Kind.ILLEGIBLE, None))])
    assert count == 0 and confidence < 0.8 and any("可能已被划掉" in t for t in notes)


def test_a_clear_strike_is_left_out_and_trusted() -> None:
    cell = Ink(0.3, CLEAR, (1, 1, 9, 9))
    count, confidence, notes = sheet([row(1, cell, "王芳", "张", Identity(Kind.ILLEGIBLE, None))])
    assert (count, confidence) == (0, SURE) and "第1行的签名已划掉，未计入" in notes


def test_a_blank_row_whose_name_matches_no_member_is_reported_and_not_counted() -> None:
    rows = [
        row(1, SIGNED, "张明", "张明", own("张明")),
        row(2, SIGNED, None, "马骁骑", Identity(Kind.UNMATCHED, None)),
    ]
    rows[1].blank = True  # nothing printed in its 姓名 cell
    count, confidence, notes = sheet(rows)
    assert count == 1 and confidence < 0.8 and any("马骁骑" in t for t in notes)


def test_a_row_split_across_rules_makes_the_count_unsure() -> None:
    upper = row(1, SIGNED, "张明", "张明", own("张明"))
    lower = row(2, EMPTY, "王芳")
    lower.split = "第1行的签名写过了格线，伸进第2行，按一人计（一格跨两行）"
    count, confidence, _ = sheet([upper, lower])
    assert count == 1 and confidence < 0.8


def test_a_signer_the_minutes_call_absent_makes_the_count_unsure() -> None:
    rows = [
        row(1, SIGNED, "张明", "张明", own("张明")),
        row(2, SIGNED, "王芳", "", Identity(Kind.ILLEGIBLE, None)),
    ]
    for r in rows:
        decide(r, {"张明"})
    result = count_sheet(rows, "a.jpg")
    assert result.signed_count.confidence == SURE  # the reader alone cannot tell
    doubted = doubt_against_minutes(result, ["王芳"])
    assert doubted.signed_count.value == 2 and doubted.signed_count.confidence == ABSENT_SIGNER
    assert any("王芳在会议记录中记为缺席" in e.text for e in doubted.signed_count.evidence)
    assert doubt_against_minutes(result, ["赵海燕"]).signed_count.confidence == SURE
