"""Crossed-out signatures (extractors.signin.strike): a stroke through the writing, not
a line along its edge."""

from __future__ import annotations

import cv2
import numpy as np

from extractors.signin.strike import Strike, balance, strike_score


def writing() -> np.ndarray:
    """Three scribbled 'characters' (255 = ink), each about as wide as it is high."""
    cell = np.zeros((60, 260), np.uint8)
    for left in (20, 95, 170):
        for k in range(5):
            y = 12 + 9 * k
            cv2.line(cell, (left + (k % 2) * 10, y), (left + 55 - (k % 3) * 8, y + 6), 255, 3)
        cv2.line(cell, (left + 28, 8), (left + 24, 52), 255, 3)
    return cell


def test_a_line_through_the_middle_of_the_writing_is_a_clear_strike() -> None:
    cell = writing()
    cv2.line(cell, (10, 33), (235, 28), 255, 3)
    assert strike_score(cell).level is Strike.CLEAR


def test_a_flourish_under_the_writing_is_no_strike() -> None:
    # the same long thin line, drawn under the name: all the writing is on one side of it
    cell = np.zeros((75, 260), np.uint8)
    cell[:60] = writing()
    cv2.line(cell, (10, 68), (235, 64), 255, 3)
    assert strike_score(cell).level is Strike.NONE


def test_balance_is_the_smaller_side_of_the_writing_beside_a_line() -> None:
    cell = writing()
    assert balance(cell, (10, 32, 235, 32), 3.0) > 0.3  # through the middle
    assert balance(cell, (10, 58, 235, 58), 3.0) == 0.0  # along its bottom edge
