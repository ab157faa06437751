"""Counts read by their arithmetic where no phrasing gave them (``counts_summed``)."""

from __future__ import annotations

import pytest
from fields_helpers import counts_of, meeting


@pytest.mark.parametrize(
    ("texts", "counts"),
    [
        (["支委7人到6人，缺1人。"], (7, 6, 1)),
        # a part read first, the whole's sum later: the sum wins over counts that do not add up
        (
            ["第一场到会党员13人，第二场到会党员7人。", "支部现有党员22人，两场合计到会20人，2人请假。"],
            (22, 20, 2),
        ),
        (["本小组党员9人 到8人；缺1人。"], (9, 8, 1)),
        (["第三党小组共12人。", "本次到会11人，缺1人。"], (12, 11, 1)),
        (["小组在深圳的党员18人，今晚到了15人。", "没到的3个是出差。"], (18, 15, 3)),
    ],
)
def test_three_figures_that_add_up_are_the_counts(texts: list[str], counts: tuple[int, int, int]) -> None:
    assert counts_of(meeting(*texts, roster=[])) == counts


@pytest.mark.parametrize(
    "texts",
    [
        # no sum: the figures do not add up
        ["小组在深圳的党员18人，今晚到了14人。", "没到的3个是出差。"],
        # votes and guests are no attendance
        ["支部党员12人，同意11人，反对1人。"],
        ["积极分子12人，列席11人，缺1人。"],
    ],
)
def test_figures_that_do_not_add_up_as_attendance_give_no_counts(texts: list[str]) -> None:
    e, a, _ = counts_of(meeting(*texts, roster=[]))
    assert (e, a) == (None, None)


def test_counts_read_by_a_phrasing_are_kept_when_the_sum_disagrees() -> None:
    record = meeting("应到党员10人，实到9人。", "支委7人到6人，缺1人。", roster=[])
    assert counts_of(record)[:2] == (10, 9)


@pytest.mark.parametrize(
    ("texts", "counts"),
    [
        # the part over the whole written bare, the absent count bare: the sum says which is which
        (
            [
                "到会率88.5%（23/26），请假3：邝秋实、裘美玲、洪一鸣（均为外出培训）。",
                "表决时有表决权正式党员到会18人。",
            ],
            (26, 23, 3),
        ),
        (["参会23/26，缺3：邝秋实（外出培训）、裘美玲（病假）、洪一鸣（探亲）。"], (26, 23, 3)),
    ],
)
def test_bare_figures_of_a_form_add_up(texts: list[str], counts: tuple[int, int, int]) -> None:
    assert counts_of(meeting(*texts, roster=[])) == counts


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("应到17人，实到15人，请假1人，出差1人。", (17, 15, 2)),
        ("应到15人，实到13人，病假1人，公差1人。", (15, 13, 2)),
        ("应到17人，实到15人，请假2人，出差1人。", (17, 15, 2)),  # the parts do not add up: as written
        # the two on duty and the three on leave were all away (once a figure left over: counts_unplaced)
        ("支部共有党员三十一人，除去值班的两人和请假的三人，到会二十六人。", (31, 26, 5)),
        # another meeting's counts in brackets are no parts (and one kind twice is a count told twice)
        ("应到16人，实到14人，缺席1人（上月：应到15人，实到14人，缺席1人）", (16, 14, 1)),
    ],
)
def test_those_away_told_in_parts_by_why(text: str, counts: tuple[int, int, int]) -> None:
    assert counts_of(meeting(text, roster=[])) == counts
