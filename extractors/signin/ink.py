"""How much writing a cell holds, whether it is struck out, and writing that crosses a rule.

Ink is measured in "squares": dark pixels / (cell interior height)², so a cell's width
does not matter. One handwritten character is about 0.15-0.35 squares (brush or pen).
Counting needs no reading, so an illegible signature still counts.

A large signature can run over the rule into the next row (``crossing``): the writing
that sits in the other row is then a continuation, not a second signature.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from extractors.signin.strike import NO_STRIKE, Strike, StrikeScore, strike_score

INK_SIGNED = 0.08  # at least about half a character: signed
INK_EMPTY = 0.02  # at most a dot or a speck: empty; in between the decision is unsure
MIN_SPECK = 12  # connected ink smaller than this (pixels) is noise
SURE = 0.99
UNSURE = 0.6
CROSS_BAND = 3  # writing this close to the removed rule, on both sides, runs over it
TAIL_SLACK = 0.1  # a tail lies within the upper writing's width, give or take this share of it
TAIL_WEIGHT = 0.45  # ... with its ink's mean height in this top share of the cell
RULE_SEARCH = 12  # how far from the fitted rule its removed band is looked for
CROSS_GAP = 3  # writing above and below the rule this close in x is one stroke crossing it
CONTINUATION_SHARE = 0.8  # a cell whose ink is at least this share crossing-connected is a continuation

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Ink:
    amount: float  # dark pixels / (interior height)²
    strike: StrikeScore
    bbox: tuple[int, int, int, int] | None  # tight box of the ink (deskewed pixels)

    @property
    def inked(self) -> bool:
        """Enough writing for a signature (struck or not)."""
        return self.amount >= (INK_SIGNED + INK_EMPTY) / 2

    @property
    def struck(self) -> bool:
        return self.inked and self.strike.level is Strike.CLEAR

    @property
    def signed(self) -> bool:
        return self.inked and not self.struck

    @property
    def confidence(self) -> float:
        return UNSURE if INK_EMPTY < self.amount < INK_SIGNED else SURE


def interior(box: Box) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = box
    dx, dy = max(4.0, 0.03 * (x1 - x0)), max(3.0, 0.1 * (y1 - y0))
    return int(x0 + dx), int(y0 + dy), int(x1 - dx), int(y1 - dy)


def clean_ink(ink: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """The ink inside ``box`` without specks (255 = ink)."""
    x0, y0, x1, y1 = box
    cell = ink[max(0, y0) : max(0, y1), max(0, x0) : max(0, x1)]
    if cell.size == 0:
        return cell
    count, labels, stats, _ = cv2.connectedComponentsWithStats(cell, connectivity=8)
    big = [i for i in range(1, count) if stats[i, cv2.CC_STAT_AREA] >= MIN_SPECK]
    return np.isin(labels, big).astype(np.uint8) * 255


def measure_ink(ink: np.ndarray, box: Box, *, exclude: np.ndarray | None = None) -> Ink:
    """The writing in a cell; ``exclude`` (same size as ``ink``): pixels that belong to
    another row's writing running over the rule, left out."""
    x0, y0, x1, y1 = interior(box)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return Ink(0.0, NO_STRIKE, None)
    source = ink if exclude is None else cv2.bitwise_and(ink, cv2.bitwise_not(exclude))
    clean = clean_ink(source, (x0, y0, x1, y1))
    if not clean.any():
        return Ink(0.0, NO_STRIKE, None)
    amount = float(np.count_nonzero(clean)) / float(clean.shape[0] ** 2)
    ys, xs = np.nonzero(clean)
    bbox = (int(xs.min()) + x0, int(ys.min()) + y0, int(xs.max()) + x0 + 1, int(ys.max()) + y0 + 1)
    return Ink(amount, strike_score(clean), bbox)


@dataclass(frozen=True)
class Crossing:
    """Writing that runs over the rule between two cells of a column."""

    upper_share: float  # share of the upper cell's ink connected to the crossing strokes
    lower_share: float  # ... of the lower cell's ink
    upper_mask: np.ndarray  # the crossing-connected ink of the upper cell (full-image mask)
    lower_mask: np.ndarray


def crossing(
    ink: np.ndarray, rules: np.ndarray, upper: Box, lower: Box, rule_y: Callable[[float], float]
) -> Crossing | None:
    """Strokes that run from ``upper`` over the rule (``rule_y(x)``) into ``lower``. The
    rule is removed from ``ink`` (``rules``: what was taken out), so such a stroke shows as
    ink touching the removed band from above and from below at about the same x. None when
    no writing crosses the rule."""
    xa, xb = round(max(upper[0], lower[0])) + 4, round(min(upper[2], lower[2])) - 4
    top, mid, bottom = round(upper[1]) + 2, round((upper[3] + lower[1]) / 2), round(lower[3]) - 2
    if xb - xa < 8 or not top < mid < bottom:
        return None
    up = clean_ink(ink, (xa, top, xb, mid))
    down = clean_ink(ink, (xa, mid, xb, bottom))
    whole = np.vstack([up, down])
    removed = rules[top:bottom, xa:xb] > 0
    edges = [_removed_band(removed[:, i], round(rule_y(float(xa + i))) - top) for i in range(xb - xa)]
    above = np.array([bool(whole[max(0, a - CROSS_BAND) : a, i].any()) for i, (a, _) in enumerate(edges)])
    below = np.array([bool(whole[b + 1 : b + 1 + CROSS_BAND, i].any()) for i, (_, b) in enumerate(edges)])
    near_above, near_below = _widen(above) & below, _widen(below) & above
    if not near_above.any():
        return None
    seeds = np.zeros_like(whole)
    for i, (a, b) in enumerate(edges):
        if near_above[i] or near_below[i]:
            lo, hi = max(0, a - CROSS_BAND), b + 1 + CROSS_BAND
            seeds[lo:hi, i] = whole[lo:hi, i]
    joined = _connected(whole, seeds)
    split = mid - top
    upper_mask, lower_mask = joined[:split], joined[split:]
    full_up, full_down = np.zeros_like(ink), np.zeros_like(ink)
    full_up[top:mid, xa:xb] = upper_mask
    full_down[mid:bottom, xa:xb] = lower_mask
    return Crossing(
        float(np.count_nonzero(upper_mask)) / max(1, int(np.count_nonzero(up))),
        float(np.count_nonzero(lower_mask)) / max(1, int(np.count_nonzero(down))),
        full_up,
        full_down,
    )


def hangs_below(ink: np.ndarray, upper: Box, lower: Box) -> bool:
    """The lower cell's writing is the tail of the upper's: it lies within the upper
    writing's width and its weight sits in the top part of the cell (it hangs from the rule)."""
    above = clean_ink(ink, interior(upper))
    below = clean_ink(ink, (*interior(lower)[:1], round(lower[1]), *interior(lower)[2:]))
    if not above.any() or not below.any():
        return False
    ax, bx = np.nonzero(above)[1], np.nonzero(below)
    slack = TAIL_SLACK * float(ax.max() - ax.min() + 1)
    inside = ax.min() - slack <= bx[1].min() and bx[1].max() <= ax.max() + slack
    return bool(inside and float(bx[0].mean()) <= TAIL_WEIGHT * below.shape[0])


def _removed_band(column: np.ndarray, centre: int) -> tuple[int, int]:
    """First and last row of the removed rule nearest ``centre`` in one pixel column (the
    centre itself when nothing was removed near it)."""
    centre = min(max(centre, 0), len(column) - 1)
    lo = max(0, centre - RULE_SEARCH)
    near = np.nonzero(column[lo : centre + RULE_SEARCH + 1])[0] + lo
    if len(near) == 0:
        return centre, centre
    a = b = int(near[np.argmin(np.abs(near - centre))])
    while a > 0 and column[a - 1]:
        a -= 1
    while b < len(column) - 1 and column[b + 1]:
        b += 1
    return a, b


def _widen(columns: np.ndarray) -> np.ndarray:
    kernel = np.ones((1, 2 * CROSS_GAP + 1), np.uint8)
    return np.asarray(cv2.dilate(columns.astype(np.uint8)[None, :], kernel)[0].astype(bool))


def _connected(part: np.ndarray, seeds: np.ndarray) -> np.ndarray:
    """The components of ``part`` that hold a seed pixel."""
    _, labels = cv2.connectedComponents(part, connectivity=8)
    hit = np.unique(labels[seeds > 0])
    hit = hit[hit > 0]
    return np.isin(labels, hit).astype(np.uint8) * 255
