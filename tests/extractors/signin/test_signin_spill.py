"""Writing over a rule between two rows (extractors.signin.image): whose row it belongs to
when its shape leaves that open, by its middle or by reading it whole."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from extractors.signin.image import (
    Column,
    _confirm_spills,
    _owner_by_centre,
    _owner_by_reading,
    _struck_entry,
    blank_row,
    settle_owner,
    touching_piece,
)
from extractors.signin.ink import Crossing, Ink
from extractors.signin.names import Identity, Kind
from extractors.signin.sheet import RowReading
from extractors.signin.strike import NO_STRIKE, StrikeScore

UPPER = (0.0, 0.0, 400.0, 80.0)  # two cells of a column, the rule at y = 80
LOWER = (0.0, 80.0, 400.0, 160.0)
NOTHING = np.zeros((1, 1), np.uint8)


def ink(box: tuple[int, int, int, int] | None) -> Ink:
    return Ink(0.3 if box else 0.0, NO_STRIKE, box)


def cross(upper_share: float, lower_share: float) -> Crossing:
    return Crossing(upper_share, lower_share, NOTHING, NOTHING)


def test_one_piece_of_writing_belongs_to_the_row_holding_its_middle() -> None:
    # a large signature from near the top of the upper row to half-way down the lower one
    upper, lower = ink((50, 15, 250, 79)), ink((50, 82, 260, 125))
    assert _owner_by_centre(cross(0.5, 0.5), upper, lower, lambda x: 80.0, UPPER, LOWER) == "upper"
    # a signature in the lower row rising into the upper one
    upper, lower = ink((50, 55, 250, 79)), ink((50, 82, 260, 150))
    assert _owner_by_centre(cross(0.5, 0.5), upper, lower, lambda x: 80.0, UPPER, LOWER) == "lower"


def test_the_middle_says_nothing_near_the_rule_or_for_writing_that_only_touches() -> None:
    upper, lower = ink((50, 30, 250, 79)), ink((50, 82, 260, 128))  # middle at 79: on the rule
    assert _owner_by_centre(cross(0.5, 0.5), upper, lower, lambda x: 80.0, UPPER, LOWER) is None
    upper, lower = ink((50, 15, 250, 79)), ink((50, 82, 260, 125))
    # two signatures joined by a stroke: little of either is joined across the rule
    assert _owner_by_centre(cross(0.1, 0.5), upper, lower, lambda x: 80.0, UPPER, LOWER) is None


def test_writing_read_whole_as_one_rows_printed_name_is_that_rows() -> None:
    inks = {1: ink((50, 15, 250, 79)), 2: ink((50, 82, 260, 125))}
    whole = (50, 15, 260, 125)
    seen: list[tuple[int, tuple[int, int, int, int] | None]] = []

    def reads_as(name_of: int) -> Callable[[int, tuple[int, int, int, int] | None], bool]:
        def own_writing(row: int, box: tuple[int, int, int, int] | None) -> bool:
            seen.append((row, box))
            return row == name_of

        return own_writing

    assert _owner_by_reading(2, inks, reads_as(1)) == "upper"
    assert _owner_by_reading(2, inks, reads_as(2)) == "lower"
    assert _owner_by_reading(2, inks, reads_as(0)) is None
    assert all(box == whole for _, box in seen)  # both cells' writing, read as one


def test_writing_that_may_be_struck_out_is_an_entry_of_its_own_not_a_tail() -> None:
    # a struck name whose stroke touches the rule joins the next row's signature there: it is
    # read on its own (and left out as struck), not taken as that signature's tail
    assert _struck_entry(Ink(0.5, StrikeScore(0.8, 0.7), (10, 10, 200, 60)))
    assert _struck_entry(Ink(0.5, StrikeScore(0.95, 0.9), (10, 10, 200, 60)))
    # a tail without a stroke through it, or too little ink to be an entry
    assert not _struck_entry(Ink(0.5, NO_STRIKE, (10, 10, 200, 60)))
    assert not _struck_entry(Ink(0.01, StrikeScore(0.8, 0.7), (10, 10, 200, 60)))


def test_a_confirmed_spill_settles_the_name_the_page_read_in_the_emptied_cell() -> None:
    # the page OCR reads the overflow (张明) in the lower cell, emptied of it: that is the
    # overflow, not a signature the grid missed; another name read there still is
    def rows(page_name: str) -> tuple[RowReading, RowReading]:
        upper = RowReading("第1行", (0.0, 0.0, 400.0, 80.0), ink((50, 15, 250, 79)), "张明", "张明")
        upper.identity = Identity(Kind.OWN, "张明", True)
        lower = RowReading("第2行", (0.0, 80.0, 400.0, 160.0), ink(None), "王芳")
        lower.split, lower.contradicted, lower.page_name = "一格跨两行", True, page_name
        return upper, lower

    for page_name, contradicted in (("张明", False), ("王芳", True)):
        upper, lower = rows(page_name)
        _confirm_spills({1: upper, 2: lower}, Column({}, owner_of={2: 1}), None, lambda box, name: None)
        assert lower.split_confirmed and lower.contradicted is contradicted, page_name


def test_a_spill_is_not_settled_when_the_writing_taken_looks_like_the_rows_own_hand() -> None:
    # 董欣怡's signature touches 徐俊杰's below it and both are taken for one signature: the
    # writing taken from the lower row is a signature's worth of ink in which the recogniser
    # finds 徐俊杰, while 董欣怡 reads whole inside her own cell
    upper_box, lower_box = (50, 15, 250, 79), (50, 82, 260, 150)

    def settled(taken: float, lower_fit: float, upper_fit: float) -> tuple[bool, bool]:
        upper = RowReading("第3行", (0.0, 0.0, 400.0, 80.0), ink(upper_box), "董欣怡", "董欣怡")
        upper.identity = Identity(Kind.OWN, "董欣怡", True)
        lower = RowReading("第4行", (0.0, 80.0, 400.0, 160.0), ink(None), "徐俊杰")
        lower.split = "一格跨两行"
        column = Column(
            {3: upper.ink, 4: lower.ink}, owner_of={4: 3}, before={4: Ink(taken, NO_STRIKE, lower_box)}
        )
        fits = {(lower_box, "徐俊杰"): lower_fit, (upper_box, "董欣怡"): upper_fit}
        _confirm_spills({3: upper, 4: lower}, column, 0.4, lambda box, name: fits[(box, name)])
        return lower.split_confirmed, lower.own_hand_taken

    assert settled(0.42, -7.5, 0.0) == (False, True)
    assert settled(0.42, -22.0, 0.0) == (True, False)  # the printed name fits no better than a tail
    assert settled(0.42, -7.5, -20.0) == (True, False)  # the owner's name needs the part below
    assert settled(0.2, -7.5, 0.0) == (True, False)  # less than a signature's ink


def test_writing_read_whole_as_one_rows_name_settles_its_owner_unless_the_shape_says_otherwise() -> None:
    # the shape says nothing: the reading settles it
    assert settle_owner(None, "upper", None) == ("upper", False)
    assert settle_owner("upper", "upper", None) == ("upper", False)
    # the reading against the shape, or only the middle of the writing: unsure
    assert settle_owner("lower", "upper", None) == ("upper", True)
    assert settle_owner(None, None, "lower") == ("lower", True)
    # the shape alone, or nothing at all
    assert settle_owner("lower", None, None) == ("lower", False)
    assert settle_owner(None, None, None) == (None, False)


def test_a_row_whose_name_the_page_read_is_no_blank_row_whatever_its_ink() -> None:
    little = Ink(0.03, NO_STRIKE, (10, 10, 40, 30))  # 兰兰 printed small: below a signature's ink
    assert not blank_row("兰兰", little)
    assert blank_row(None, little) and blank_row(None, ink(None))
    assert not blank_row(None, ink((10, 10, 200, 60)))  # a name printed but not read


def masks(upper_pixels: int, lower_pixels: int) -> tuple[np.ndarray, np.ndarray]:
    up, down = np.zeros((160, 400), np.uint8), np.zeros((160, 400), np.uint8)
    up.flat[:upper_pixels], down.flat[:lower_pixels] = 255, 255
    return up, down


def test_a_whole_signature_touching_a_stroke_of_the_one_above_is_a_piece_of_its_own() -> None:
    # 董欣怡's finger signature, all one stroke, touches the foot of 陈静's above: all of it
    # joins the crossing (it looks like a tail), but it joins a fifth of 陈静's writing and
    # holds most of the joined ink
    up, down = masks(458, 1766)
    assert touching_piece(Crossing(0.2, 0.89, up, down), lower_is_tail=True)
    # a large signature's tail: what hangs below is smaller than the joined part above ...
    up, down = masks(1600, 900)
    assert not touching_piece(Crossing(0.5, 0.9, up, down), lower_is_tail=True)
    # ... or most of the signature above runs into it
    up, down = masks(1956, 5070)
    assert not touching_piece(Crossing(0.98, 1.0, up, down), lower_is_tail=True)
    # the same, upside down: writing below whose top joins the tail of a cell above
    up, down = masks(1352, 298)
    assert touching_piece(Crossing(0.97, 0.34, up, down), lower_is_tail=False)
