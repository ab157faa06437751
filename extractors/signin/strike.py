"""Crossed-out signatures: a pen stroke drawn through a written name.

A real hand strikes a name with a stroke about as long as the name (not across the whole
cell), often slanted, sometimes doubled or as a quick zigzag. So the stroke is measured
against the written ink, not the cell: a straight, continuously inked segment spanning
most of the ink's width, at most ``STRIKE_MAX_DEG`` from level, that is *thin* along
most of its length (a pen line crossing the characters, not a path through their dense
middle), with writing on both sides of it (a flourish under the name, or a line along
the writing's edge, has it on one side). A character's own strokes are at most about a
character wide.

At a phone photo's resolution a name is about 40 px high and a fast cursive signature
can hold a long straight run of its own, so the answer has three levels: ``CLEAR`` (a
strike, count it as such), ``POSSIBLE`` (the geometry cannot tell; the caller decides
with the reading of the cell and does not trust the count) and ``NONE``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

import cv2
import numpy as np

STRIKE_MAX_DEG = 32.0  # a strike is at most this steep
STRIKE_COVERAGE = 0.9  # ... and inked along at least this share of its length
STRIKE_MIN_HEIGHTS = 0.9  # ... and at least this many ink heights long (a dash is not a strike)
CLEAR_SPAN = 0.88  # a clear strike spans at least this share of the ink's width
CLEAR_THIN = 0.65  # ... and is a thin line along at least this share of its length
POSSIBLE_SPAN = 0.55  # below these nothing looks like a strike
POSSIBLE_THIN = 0.4
# A stroke through a name has writing on both sides of it; a flourish under the name, a
# character's bottom stroke or a rule's remains along the writing's edge have it on one
# side. A strike needs at least this share of the ink beside it (more than a pen's width
# off the line) on its lesser side. Measured on the tuning writers (833 signed cells, pen
# and finger, photo and scan): strikes seen on unstruck writing 61 -> 47 (possible 55 -> 42,
# clear 6 -> 5), on the 117 struck cells one lost, none made less clear.
MIN_BALANCE = 0.05
THIN_FACTOR = 1.6  # a thin point: the ink across the line is at most this many stroke widths
COVER_TOLERANCE = 2  # pixels either side of the segment that count as on it
Segment = tuple[int, int, int, int]


class Strike(Enum):
    NONE = "none"
    POSSIBLE = "possible"
    CLEAR = "clear"


@dataclass(frozen=True)
class StrikeScore:
    span: float  # share of the ink's width the best candidate covers (0: none)
    thin: float  # share of its length where it is a lone pen line
    balance: float = 0.5  # the smaller share of the ink either side of it (0: all on one side)

    @property
    def level(self) -> Strike:
        if self.balance < MIN_BALANCE:
            return Strike.NONE
        if self.span >= CLEAR_SPAN and self.thin >= CLEAR_THIN:
            return Strike.CLEAR
        if self.span >= POSSIBLE_SPAN and self.thin >= POSSIBLE_THIN:
            return Strike.POSSIBLE
        return Strike.NONE


NO_STRIKE = StrikeScore(0.0, 0.0)


def strike_score(cell: np.ndarray) -> StrikeScore:
    """How much the ink of one cell (255 = ink, rules removed) looks like a struck name."""
    ys, xs = np.nonzero(cell)
    if len(xs) < 10:
        return NO_STRIKE
    width = float(xs.max() - xs.min() + 1)
    height = float(ys.max() - ys.min() + 1)
    pen = stroke_width(cell)
    grown = cv2.dilate(cell, np.ones((2 * COVER_TOLERANCE + 1, 2 * COVER_TOLERANCE + 1), np.uint8))
    best = NO_STRIKE
    for s in _segments(cell, grown, POSSIBLE_SPAN * width * 0.9):
        length = math.hypot(s[2] - s[0], s[3] - s[1])
        if _angle(s) > STRIKE_MAX_DEG or length < STRIKE_MIN_HEIGHTS * height:
            continue
        score = StrikeScore(abs(s[2] - s[0]) / width, thin_share(cell, s, pen), balance(cell, s, pen))
        best = _better(best, score)
    return best


def _better(a: StrikeScore, b: StrikeScore) -> StrikeScore:
    rank = {Strike.NONE: 0, Strike.POSSIBLE: 1, Strike.CLEAR: 2}
    return b if (rank[b.level], b.span) > (rank[a.level], a.span) else a


def stroke_width(cell: np.ndarray) -> float:
    """Mean stroke width: twice the ink area over the length of its outline."""
    contours, _ = cv2.findContours(cell, cv2.RETR_LIST, cv2.CHAIN_APPROX_NONE)
    perimeter = sum(cv2.arcLength(c, True) for c in contours)
    return 2.0 * float(np.count_nonzero(cell)) / max(1.0, perimeter)


def _segments(cell: np.ndarray, grown: np.ndarray, min_length: float) -> list[Segment]:
    """Straight, continuously inked segments at least ``min_length`` long."""
    min_length = max(8.0, min_length)
    found = cv2.HoughLinesP(
        cell,
        1,
        math.pi / 180,
        threshold=max(6, int(min_length * 0.5)),
        minLineLength=min_length,
        maxLineGap=4,
    )
    if found is None:
        return []
    out = []
    for x0, y0, x1, y1 in found.reshape(-1, 4):
        segment = (int(x0), int(y0), int(x1), int(y1))
        if coverage(grown, segment) >= STRIKE_COVERAGE:
            out.append(segment)
    return out


def _angle(s: Segment) -> float:
    a = abs(math.degrees(math.atan2(s[3] - s[1], s[2] - s[0])))
    return min(a, 180.0 - a)


def coverage(grown: np.ndarray, segment: Segment) -> float:
    """Share of the points along the segment on ink (``grown``: the ink widened by
    ``COVER_TOLERANCE`` px each side)."""
    xs, ys = _points(segment)
    return float(np.count_nonzero(grown[ys, xs])) / len(xs) if len(xs) else 0.0


def _points(segment: Segment) -> tuple[np.ndarray, np.ndarray]:
    x0, y0, x1, y1 = segment
    steps = max(abs(x1 - x0), abs(y1 - y0))
    t = np.linspace(0.0, 1.0, steps + 1)
    return np.rint(x0 + (x1 - x0) * t).astype(int), np.rint(y0 + (y1 - y0) * t).astype(int)


def balance(cell: np.ndarray, segment: Segment, pen: float) -> float:
    """Of the ink beside ``segment`` (along its length, off the line by more than a pen's
    width), the share on the side holding less of it."""
    x0, y0, x1, y1 = segment
    length = math.hypot(x1 - x0, y1 - y0)
    if length == 0:
        return 0.0
    ys, xs = np.nonzero(cell)
    dx, dy = (x1 - x0) / length, (y1 - y0) / length
    along = (xs - x0) * dx + (ys - y0) * dy
    across = (ys - y0) * dx - (xs - x0) * dy
    beside = (along >= 0) & (along <= length)
    band = pen + 1
    above = int(np.count_nonzero(beside & (across < -band)))
    below = int(np.count_nonzero(beside & (across > band)))
    return min(above, below) / max(1, above + below)


def thin_share(cell: np.ndarray, segment: Segment, pen: float) -> float:
    """Share of the inked points along ``segment`` where the ink across it is only a pen
    line wide (a stroke through the name), not a character's body."""
    x0, y0, x1, y1 = segment
    length = math.hypot(x1 - x0, y1 - y0)
    if length == 0:
        return 0.0
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length
    reach = int(3 * pen + 4)
    offsets = np.arange(-reach, reach + 1)
    t = np.linspace(0.0, 1.0, int(length) + 1)
    px, py = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
    xs = np.rint(px[:, None] + nx * offsets[None, :]).astype(int)
    ys = np.rint(py[:, None] + ny * offsets[None, :]).astype(int)
    h, w = cell.shape
    inside = (xs >= 0) & (xs < w) & (ys >= 0) & (ys < h)
    profile = np.zeros(xs.shape, bool)
    profile[inside] = cell[ys[inside], xs[inside]] > 0
    thin = inked = 0
    for row in profile:
        centre = next((reach + d for d in (0, -1, 1, -2, 2) if row[reach + d]), None)
        if centre is None:
            continue
        inked += 1
        lo = centre
        while lo > 0 and row[lo - 1]:
            lo -= 1
        hi = centre
        while hi < len(row) - 1 and row[hi + 1]:
            hi += 1
        thin += (hi - lo + 1) <= THIN_FACTOR * pen + 1
    return thin / inked if inked else 0.0
