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
CROSS_BAND = 8  # pixels either side of a rule's centre searched for writing that runs over it (the removed rule is ~5 each side)
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


def crossing(ink: np.ndarray, upper: Box, lower: Box, rule_y: Callable[[float], float]) -> Crossing | None:
    """Strokes that run from ``upper`` over the rule (``rule_y(x)``) into ``lower``: the
    rules are already removed from ``ink``, so such a stroke shows as ink just above and
    just below the rule at about the same x. None when no writing crosses it."""
    xa, xb = round(max(upper[0], lower[0])) + 4, round(min(upper[2], lower[2])) - 4
    top, mid, bottom = round(upper[1]) + 2, round((upper[3] + lower[1]) / 2), round(lower[3]) - 2
    if xb - xa < 8 or not top < mid < bottom:
        return None
    up = clean_ink(ink, (xa, top, xb, mid))
    down = clean_ink(ink, (xa, mid, xb, bottom))
    whole = np.vstack([up, down])
    xs = np.arange(xa, xb)
    ys = np.array([rule_y(float(x)) for x in xs]) - top  # the rule in ``whole``'s rows
    above = _band(whole, ys - CROSS_BAND, ys)
    below = _band(whole, ys + 1, ys + 1 + CROSS_BAND)
    near_above, near_below = _widen(above) & below, _widen(below) & above
    if not near_above.any():
        return None
    seeds = np.zeros_like(whole)
    rows = np.arange(whole.shape[0])[:, None]
    band = (rows >= (ys - CROSS_BAND)[None, :]) & (rows <= (ys + CROSS_BAND)[None, :])
    seeds[band & (near_above | near_below)[None, :] & (whole > 0)] = 255
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


def _band(part: np.ndarray, start: np.ndarray, stop: np.ndarray) -> np.ndarray:
    """Per column x: whether ``part`` holds ink in rows ``start[x]``..``stop[x]`` (exclusive)."""
    rows = np.arange(part.shape[0])[:, None]
    inside = (rows >= np.clip(start, 0, None)[None, :]) & (rows < np.clip(stop, 0, None)[None, :])
    return np.asarray(((part > 0) & inside).any(axis=0))


def _widen(columns: np.ndarray) -> np.ndarray:
    kernel = np.ones((1, 2 * CROSS_GAP + 1), np.uint8)
    return np.asarray(cv2.dilate(columns.astype(np.uint8)[None, :], kernel)[0].astype(bool))


def _connected(part: np.ndarray, seeds: np.ndarray) -> np.ndarray:
    """The components of ``part`` that hold a seed pixel."""
    _, labels = cv2.connectedComponents(part, connectivity=8)
    hit = np.unique(labels[seeds > 0])
    hit = hit[hit > 0]
    return np.isin(labels, hit).astype(np.uint8) * 255
