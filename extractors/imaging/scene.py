"""A cheap page-vs-scene pre-classifier: decides "surely a scene photo" without OCR.

A photographed or scanned page is a large bright, low-saturation region (paper) densely
covered with small dark strokes (print or handwriting); an on-site photo (people, a
banner, a flag, walls) is not. On a small preview (``PROBE_SIDE``, a JPEG decodes
at 1/2 to 1/8 scale) the image is cut into ``GRID`` x ``GRID`` tiles; a tile mostly
paper is judged by the share of its paper pixels that are dark strokes (a black-hat
filter: darker than the local background by at least ``STROKE_MIN_CONTRAST`` grey
levels and ``STROKE_MIN_RELATIVE`` of the background). Every judged tile with few
strokes means a scene; any dense tile, or no tile to judge (a dim or colour-lit
page), means "not sure", and the caller asks text detection as before.

So the pre-classifier only ever short-cuts towards "scene": a page it called a scene
would lose its evidence, so it must be sure. Measured on every photo and page the
fixture generators draw (corpus, varied tuning split, format twins; see
``bench/scene_probe.py``): pages' densest tile holds 0.10-0.24 strokes per paper pixel,
scene photos' 0.001-0.07 (p95 0.03), the threshold ``SCENE_MAX_STROKE_DENSITY`` sits
at half the lowest page. Each call costs a few milliseconds (a 640 px text detection
costs 0.08-0.6 s on this machine).
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

PROBE_SIDE = 400  # long side of the preview the pre-classifier looks at
GRID = 4  # tiles per side: a page filling a sixteenth of the frame still fills a tile
PAPER_MAX_SATURATION = 60  # of 255: paper is grey to white, also under warm light
PAPER_MIN_BRIGHTNESS = 0.6  # of the image's 95th-percentile brightness (dim photos too)
PAPER_BRIGHT_PERCENTILE = 95
STROKE_KERNEL = 5  # pixels of the preview: strokes thinner than this are found
STROKE_MIN_CONTRAST = 25  # grey levels below the local background
STROKE_MIN_RELATIVE = 0.2  # and this share of the background's brightness
TILE_MIN_PAPER = 0.5  # a tile is judged when at least this share of it is (next to) paper
SCENE_MAX_STROKE_DENSITY = 0.05  # strokes per paper pixel in the densest tile; pages >= 0.10


def stroke_density(image: Image.Image) -> float | None:
    """Strokes per paper pixel in the densest judged tile of ``image`` (an RGB preview),
    or None when no tile is mostly paper (nothing to judge by)."""
    rgb = np.asarray(image.convert("RGB"))
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    saturation, value = hsv[..., 1], hsv[..., 2]
    bright = float(np.percentile(value, PAPER_BRIGHT_PERCENTILE))
    paper = (saturation < PAPER_MAX_SATURATION) & (value > PAPER_MIN_BRIGHTNESS * bright)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (STROKE_KERNEL, STROKE_KERNEL))
    background = cv2.morphologyEx(value, cv2.MORPH_CLOSE, kernel)
    darker = background.astype(np.int16) - value
    strokes = darker > np.maximum(STROKE_MIN_CONTRAST, STROKE_MIN_RELATIVE * background)
    near_paper = cv2.dilate(paper.astype(np.uint8), kernel) > 0
    on_paper = strokes & near_paper
    height, width = value.shape
    densest: float | None = None
    for row in range(GRID):
        for col in range(GRID):
            tile = (
                slice(row * height // GRID, (row + 1) * height // GRID),
                slice(col * width // GRID, (col + 1) * width // GRID),
            )
            area = near_paper[tile]
            if area.size and area.mean() >= TILE_MIN_PAPER:
                density = float(on_paper[tile].sum()) / float(area.sum())
                densest = density if densest is None else max(densest, density)
    return densest


def surely_scene(image: Image.Image) -> bool:
    """True only when every tile that is mostly paper is nearly free of strokes: no page
    is in the picture. False means "not sure" (ask text detection), never "a page"."""
    density = stroke_density(image)
    return density is not None and density < SCENE_MAX_STROKE_DENSITY
