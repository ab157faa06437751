"""The ruled table of a photographed or scanned sign-in sheet: deskew, rules, grid, header.

1. **Deskew**: the dominant angle of the long, nearly horizontal lines (Hough on an
   adaptive-threshold copy) is rotated away; a slight perspective is left to step 2.
2. **Grid**: a morphological open with long horizontal / vertical kernels keeps the
   table rules; each rule is fitted as a straight line (so perspective is tolerated) and
   only rules that cross at least two rules of the other direction are kept (the paper's
   edge on a desk does not count).
3. **Header**: the row whose cells hold 姓名 / 签名 / 签到 / 签字 in the page OCR; each
   姓名 column is paired with the signature column to its right (two-up layouts repeat).

Pixels are working-image pixels unless noted; boxes given back are in the working image.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from core.models import BBox
from extractors.ocr import OcrLine
from extractors.signin.headers import NAME_HEADER, SIGN_HEADER

THRESH_BLOCK = 31  # adaptive threshold neighbourhood
THRESH_C = 12  # ... and how much darker than the neighbourhood ink must be
MAX_SKEW_DEG = 10.0  # lines steeper than this are not table rules
RULE_KERNEL_FRACTION = 30  # open kernel = image side / this
RULE_SLACK = 9  # rules are widened to this many pixels first: a rule up to ~9° off the page axis survives
MERGE_DISTANCE = 10.0  # rule fragments closer than this are one rule
CROSS_TOLERANCE = 18.0  # how far a rule may stop short of the rule it crosses
MIN_ROW_HEIGHT = 18.0

_TIME = re.compile(r"时\s*间")

# ------------------------------------------------------------------------------- geometry


@dataclass(frozen=True)
class Rule:
    """A fitted table rule. Horizontal: y = slope * x + offset over x in [start, end];
    vertical: x = slope * y + offset over y in [start, end]."""

    slope: float
    offset: float
    start: float
    end: float

    def at(self, t: float) -> float:
        return self.slope * t + self.offset

    @property
    def length(self) -> float:
        return self.end - self.start


def _crossing(h: Rule, v: Rule) -> tuple[float, float]:
    """Intersection of a horizontal and a vertical rule."""
    x = (v.slope * h.offset + v.offset) / (1.0 - v.slope * h.slope)
    return x, h.at(x)


def _crosses(h: Rule, v: Rule) -> bool:
    x, y = _crossing(h, v)
    tol = CROSS_TOLERANCE
    return h.start - tol <= x <= h.end + tol and v.start - tol <= y <= v.end + tol


@dataclass
class Grid:
    rows: list[Rule]  # horizontal rules, top to bottom
    cols: list[Rule]  # vertical rules, left to right

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.rows) - 1, len(self.cols) - 1

    def cell(self, r: int, c: int) -> tuple[float, float, float, float]:
        """The largest upright box inside cell (r, c) (deskewed pixels)."""
        tl = _crossing(self.rows[r], self.cols[c])
        tr = _crossing(self.rows[r], self.cols[c + 1])
        bl = _crossing(self.rows[r + 1], self.cols[c])
        br = _crossing(self.rows[r + 1], self.cols[c + 1])
        return max(tl[0], bl[0]), max(tl[1], tr[1]), min(tr[0], br[0]), min(bl[1], br[1])

    def locate(self, x: float, y: float) -> tuple[int, int] | None:
        rows, cols = self.shape
        r = next((i for i in range(rows) if self.rows[i].at(x) <= y < self.rows[i + 1].at(x)), None)
        c = next((j for j in range(cols) if self.cols[j].at(y) <= x < self.cols[j + 1].at(y)), None)
        return None if r is None or c is None else (r, c)


@dataclass
class Deskewed:
    """The working image turned so the table rules are level, and the way back."""

    rgb: np.ndarray
    gray: np.ndarray
    matrix: np.ndarray  # 2x3, working -> deskewed
    inverse: np.ndarray  # 2x3, deskewed -> working
    angle: float  # degrees

    def forward(self, x: float, y: float) -> tuple[float, float]:
        m = self.matrix
        return float(m[0, 0] * x + m[0, 1] * y + m[0, 2]), float(m[1, 0] * x + m[1, 1] * y + m[1, 2])

    def back(self, box: tuple[float, float, float, float]) -> BBox:
        """A deskewed box -> the bounding box of its corners in the working image."""
        m = self.inverse
        xs, ys = [], []
        for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
            xs.append(m[0, 0] * x + m[0, 1] * y + m[0, 2])
            ys.append(m[1, 0] * x + m[1, 1] * y + m[1, 2])
        return (round(min(xs), 1), round(min(ys), 1), round(max(xs), 1), round(max(ys), 1))


def binarize(gray: np.ndarray) -> np.ndarray:
    """Ink = 255: darker than its neighbourhood (robust to uneven lighting)."""
    return cv2.adaptiveThreshold(
        gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, THRESH_BLOCK, THRESH_C
    )


def skew_angle(gray: np.ndarray) -> float:
    """Dominant angle (degrees, image y down) of long nearly horizontal lines; 0 if none."""
    scale = min(1.0, 1000.0 / max(gray.shape))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    ink = binarize(small)
    width = small.shape[1]
    segments = cv2.HoughLinesP(
        ink, 1, math.pi / 720, threshold=width // 5, minLineLength=width // 3, maxLineGap=4
    )
    if segments is None:
        return 0.0
    angles, weights = [], []
    for x0, y0, x1, y1 in segments.reshape(-1, 4):
        angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
        if abs(angle) <= MAX_SKEW_DEG:
            angles.append(angle)
            weights.append(math.hypot(x1 - x0, y1 - y0))
    if not angles:
        return 0.0
    order = np.argsort(angles)
    cumulative = np.cumsum(np.asarray(weights)[order])
    return float(np.asarray(angles)[order][np.searchsorted(cumulative, cumulative[-1] / 2)])


def deskew(image: Image.Image) -> Deskewed:
    rgb = np.asarray(image.convert("RGB"))
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    angle = skew_angle(gray)
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    nw, nh = round(w * cos + h * sin), round(w * sin + h * cos)
    matrix[0, 2] += (nw - w) / 2
    matrix[1, 2] += (nh - h) / 2
    if abs(angle) > 0.05:
        rgb = cv2.warpAffine(rgb, matrix, (nw, nh), flags=cv2.INTER_LINEAR, borderValue=(255, 255, 255))
        gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    return Deskewed(rgb, gray, matrix, cv2.invertAffineTransform(matrix), angle)


# ----------------------------------------------------------------------------------- grid


@dataclass
class GridScan:
    grid: Grid
    ink: np.ndarray  # binary ink with the table rules removed
    rules: np.ndarray  # the removed table rules (255), as wide as they were taken out


def find_grid(desk: Deskewed) -> GridScan | None:
    """The table grid of the page, or None when there is no ruled table."""
    ink = binarize(desk.gray)
    h, w = ink.shape
    # Rules are widened across before the opening, so a rule a few degrees off (the far
    # side of a sheet photographed at an angle: keystone) still holds a straight run.
    across_v = cv2.dilate(ink, np.ones((1, RULE_SLACK), np.uint8))
    across_h = cv2.dilate(ink, np.ones((RULE_SLACK, 1), np.uint8))
    horizontal = cv2.morphologyEx(
        across_h, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (w // RULE_KERNEL_FRACTION, 1))
    )
    vertical = cv2.morphologyEx(
        across_v, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, h // RULE_KERNEL_FRACTION))
    )
    h_rules = _rules(horizontal, vertical=False, min_length=w / 6)
    v_rules = _rules(vertical, vertical=True, min_length=h / 8)
    rows, cols = _crossing_rules([f.rule for f in h_rules], [f.rule for f in v_rules])
    rows = _drop_close(sorted(rows, key=lambda r: r.at(w / 2)), w / 2)
    cols = _drop_close(sorted(cols, key=lambda c: c.at(h / 2)), h / 2)
    if len(rows) < 3 or len(cols) < 2:
        return None
    keep = {id(r) for r in rows} | {id(c) for c in cols}
    rules_mask = np.zeros_like(ink)
    for fitted in (*h_rules, *v_rules):
        if id(fitted.rule) in keep:
            fitted.paint(rules_mask)
    rules_mask = cv2.dilate(rules_mask, np.ones((5, 5), np.uint8))
    return GridScan(Grid(rows, cols), cv2.bitwise_and(ink, cv2.bitwise_not(rules_mask)), rules_mask)


@dataclass
class FittedRule:
    rule: Rule
    along: np.ndarray  # pixel coordinates along the rule
    across: np.ndarray
    vertical: bool

    def paint(self, mask: np.ndarray) -> None:
        a, c = self.along.astype(int), self.across.astype(int)
        mask[(a, c) if self.vertical else (c, a)] = 255


def _rules(mask: np.ndarray, *, vertical: bool, min_length: float) -> list[FittedRule]:
    """Fit one straight rule per group of collinear line fragments longer than ``min_length``."""
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((1, 9) if not vertical else (9, 1), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    fragments: list[tuple[np.ndarray, np.ndarray]] = []  # (along, across) pixel coordinates
    for i in range(1, count):
        x, y, bw, bh = stats[i, :4]
        if (bh if vertical else bw) < min_length / 3:
            continue
        ys, xs = np.nonzero(labels[y : y + bh, x : x + bw] == i)
        along, across = (ys + y, xs + x) if vertical else (xs + x, ys + y)
        fragments.append((along.astype(float), across.astype(float)))
    groups = _group_collinear(fragments)
    rules = []
    for along, across in groups:
        if along.max() - along.min() < min_length:
            continue
        slope, offset = np.polyfit(along, across, 1) if np.ptp(along) > 0 else (0.0, float(across.mean()))
        if abs(math.degrees(math.atan(slope))) > MAX_SKEW_DEG:
            continue
        rule = Rule(float(slope), float(offset), float(along.min()), float(along.max()))
        rules.append(FittedRule(rule, along, across, vertical))
    return rules


def _group_collinear(fragments: list[tuple[np.ndarray, np.ndarray]]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Join fragments of one broken rule: similar position across the rule, any gap along it."""
    fragments = sorted(fragments, key=lambda f: float(np.median(f[1])))
    groups: list[list[tuple[np.ndarray, np.ndarray]]] = []
    for frag in fragments:
        if groups and _same_rule(groups[-1], frag):
            groups[-1].append(frag)
        else:
            groups.append([frag])
    return [(np.concatenate([f[0] for f in g]), np.concatenate([f[1] for f in g])) for g in groups]


def _same_rule(group: list[tuple[np.ndarray, np.ndarray]], frag: tuple[np.ndarray, np.ndarray]) -> bool:
    along = np.concatenate([f[0] for f in group])
    across = np.concatenate([f[1] for f in group])
    if np.ptp(along) > 20:
        slope, offset = np.polyfit(along, across, 1)
        predicted = slope * frag[0] + offset
    else:
        predicted = np.full_like(frag[0], float(np.median(across)))
    return float(np.median(np.abs(frag[1] - predicted))) < MERGE_DISTANCE


def _crossing_rules(rows: list[Rule], cols: list[Rule]) -> tuple[list[Rule], list[Rule]]:
    """The largest set of rules connected by crossings, each crossing at least two rules of
    the other direction (a lone rectangle such as the paper's edge is a separate set)."""
    for _ in range(3):
        kept_rows = [h for h in rows if sum(_crosses(h, v) for v in cols) >= 2]
        kept_cols = [v for v in cols if sum(_crosses(h, v) for h in kept_rows) >= 2]
        if len(kept_rows) == len(rows) and len(kept_cols) == len(cols):
            break
        rows, cols = kept_rows, kept_cols
    rows, cols = _largest_cluster(rows, cols)
    if rows:
        longest = max(r.length for r in rows)
        rows = [r for r in rows if r.length >= 0.6 * longest]
    if cols:
        longest = max(c.length for c in cols)
        cols = [c for c in cols if c.length >= 0.4 * longest]
    return rows, cols


def _largest_cluster(rows: list[Rule], cols: list[Rule]) -> tuple[list[Rule], list[Rule]]:
    parent = list(range(len(rows) + len(cols)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(rows):
        for j, v in enumerate(cols):
            if _crosses(h, v):
                parent[root(i)] = root(len(rows) + j)
    roots = [root(i) for i in range(len(parent))]
    if not roots:
        return rows, cols
    best = max(set(roots), key=roots.count)
    return (
        [h for i, h in enumerate(rows) if roots[i] == best],
        [v for j, v in enumerate(cols) if roots[len(rows) + j] == best],
    )


def _drop_close(rules: list[Rule], at: float) -> list[Rule]:
    """Double rules (closer than a row) count once."""
    out: list[Rule] = []
    for rule in rules:
        if out and rule.at(at) - out[-1].at(at) < MIN_ROW_HEIGHT:
            continue
        out.append(rule)
    return out


# --------------------------------------------------------------------------------- header


@dataclass
class Header:
    row: int  # grid row of the header
    pairs: list[tuple[int, int | None]]  # (name column, signature column or None)


def find_header(grid: Grid, desk: Deskewed, lines: Sequence[OcrLine]) -> Header | None:
    """The first grid row holding 姓名 (else a signature word), from the page OCR boxes."""
    hits: dict[int, dict[str, set[int]]] = {}
    for line in lines:
        for kind, pattern in (("name", NAME_HEADER), ("sign", SIGN_HEADER)):
            for match in pattern.finditer(line.text):
                if kind == "sign" and _TIME.search(line.text[match.end() : match.end() + 3]):
                    continue  # 签到时间 is a time column, not a signature
                cell = grid.locate(*desk.forward(*_char_point(line, match.start(), match.end())))
                if cell is not None:
                    hits.setdefault(cell[0], {"name": set(), "sign": set()})[kind].add(cell[1])
    if not hits:
        return None
    with_name = [r for r, kinds in hits.items() if kinds["name"]]
    row = min(with_name or hits)
    names, signs = sorted(hits[row]["name"]), sorted(hits[row]["sign"] - hits[row]["name"])
    if not names:
        return Header(row, [(s, None) for s in signs])
    return Header(row, [(n, _sign_right_of(n, signs, names)) for n in names])


def _char_point(line: OcrLine, start: int, end: int) -> tuple[float, float]:
    """Where characters start..end of a line sit (proportional along the line's box)."""
    x0, y0, x1, y1 = line.box
    n = max(1, len(line.text))
    return x0 + (x1 - x0) * (start + end) / 2 / n, (y0 + y1) / 2


def _sign_right_of(name_col: int, signs: list[int], names: list[int]) -> int | None:
    nxt = min((n for n in names if n > name_col), default=10**6)
    return next((s for s in signs if name_col < s < nxt), None)


def texts_by_cell(grid: Grid, desk: Deskewed, lines: Sequence[OcrLine]) -> dict[tuple[int, int], list[str]]:
    out: dict[tuple[int, int], list[str]] = {}
    for line in lines:
        cx, cy = (line.box[0] + line.box[2]) / 2, (line.box[1] + line.box[3]) / 2
        cell = grid.locate(*desk.forward(cx, cy))
        if cell is not None:
            out.setdefault(cell, []).append(line.text)
    return out
