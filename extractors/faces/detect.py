"""Find faces in a photo with YuNet: boxes, five landmarks and the eye distance.

Phone photos are detected at most ``DETECT_MAX_SIDE`` pixels on the long side (a
12-megapixel photo at full size costs ~1 s); boxes and landmarks come back in the
photo's own pixels. When that pass finds no face large enough to judge, a small
photo is tried again at ``UPSCALE`` times its size: YuNet misses faces whose eyes
are under ~15 px apart at native size and finds most of them upscaled.

``thorough`` (used only before the check would answer "not found", see
``jishi.faces``) always adds an upscaled pass (up to ``THOROUGH_MAX_SIDE``) and keeps
the small faces only it found: a leader too small to be detected in the quick pass
must make the answer ``unknown``, not a failure. It runs in overlapping tiles, so its
memory stays that of the quick pass (YuNet needs ~70 bytes per input pixel: a whole
4096-px picture at once peaks at 1.3 GB).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from core.settings import Limits
from extractors.faces.models import FaceModels
from extractors.imaging.decode import load_image, to_rgb

DETECT_MAX_SIDE = 2048  # long side a photo is detected at (seconds per photo grow with pixels)
UPSCALE = 2.0  # second pass for photos whose faces are all small
UPSCALE_MAX_SIDE = 2400  # a photo is upscaled only up to this long side (time budget)
THOROUGH_MAX_SIDE = 4096  # the thorough pass (before a "not found" answer) upscales up to this long side
THOROUGH_TILE = 800  # ...in tiles of this many photo pixels (upscaled: ~2.6 MP, the quick pass's memory)
THOROUGH_OVERLAP = 64  # px shared by neighbouring tiles (the faces this pass looks for are smaller)
JUDGE_MIN_EYES = 20.0  # eye distance (px) below which a face is too small to identify


@dataclass(frozen=True)
class Face:
    """One detected face in the photo's own pixels."""

    box: tuple[float, float, float, float]  # x0, y0, x1, y1
    landmarks: tuple[tuple[float, float], ...]  # right eye, left eye, nose, mouth corners
    score: float

    @property
    def eye_distance(self) -> float:
        (x0, y0), (x1, y1) = self.landmarks[0], self.landmarks[1]
        return math.hypot(x1 - x0, y1 - y0)

    def moved(self, dx: float, dy: float) -> Face:
        x0, y0, x1, y1 = self.box
        points = tuple((x + dx, y + dy) for x, y in self.landmarks)
        return Face((x0 + dx, y0 + dy, x1 + dx, y1 + dy), points, self.score)

    def yunet_row(self) -> np.ndarray:
        """The 15-value row YuNet returns (x, y, w, h, 5 landmarks, score), for alignCrop."""
        x0, y0, x1, y1 = self.box
        values = [x0, y0, x1 - x0, y1 - y0, *(c for p in self.landmarks for c in p), self.score]
        return np.asarray(values, dtype=np.float32)


def decode(data: bytes, limits: Limits) -> np.ndarray:
    """Image bytes to an upright BGR array (EXIF orientation applied, pixel limit kept)."""
    rgb = np.asarray(to_rgb(load_image(data, limits)))
    return np.ascontiguousarray(rgb[:, :, ::-1])


def detect(models: FaceModels, image: np.ndarray, *, thorough: bool = False) -> list[Face]:
    """Every face in ``image`` (BGR), largest first."""
    height, width = image.shape[:2]
    scale = min(1.0, DETECT_MAX_SIDE / max(height, width))
    faces = _detect_at(models, image, scale)
    if (
        not any(f.eye_distance >= JUDGE_MIN_EYES for f in faces)
        and max(height, width) * UPSCALE <= UPSCALE_MAX_SIDE
    ):
        upscaled = _detect_at(models, image, UPSCALE)
        if len(upscaled) >= len(faces):
            faces = upscaled
    if thorough:
        more = min(UPSCALE, THOROUGH_MAX_SIDE / max(height, width))
        if more > scale:
            for found in _tiled(models, image, more):
                if not any(_overlaps(found, g) for g in faces):
                    faces.append(found)
    return sorted(faces, key=lambda f: -f.eye_distance)


def _tiled(models: FaceModels, image: np.ndarray, scale: float) -> list[Face]:
    height, width = image.shape[:2]
    step = THOROUGH_TILE - THOROUGH_OVERLAP
    faces: list[Face] = []
    for y in range(0, max(1, height - THOROUGH_OVERLAP), step):
        for x in range(0, max(1, width - THOROUGH_OVERLAP), step):
            part = image[y : y + THOROUGH_TILE, x : x + THOROUGH_TILE]
            for found in _detect_at(models, part, scale):
                moved = found.moved(x, y)
                if not any(_overlaps(moved, g) for g in faces):
                    faces.append(moved)
    return faces


def _overlaps(a: Face, b: Face) -> bool:
    cx, cy = (a.box[0] + a.box[2]) / 2, (a.box[1] + a.box[3]) / 2
    return b.box[0] <= cx <= b.box[2] and b.box[1] <= cy <= b.box[3]


def _detect_at(models: FaceModels, image: np.ndarray, scale: float) -> list[Face]:
    if scale != 1.0:
        interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
        image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=interpolation)
    height, width = image.shape[:2]
    with models.lock:
        models.detector.setInputSize((width, height))
        _, rows = models.detector.detect(image)
    if rows is None:
        return []
    return [_face(row, scale) for row in rows]


def _face(row: np.ndarray, scale: float) -> Face:
    x, y, w, h = (float(v) / scale for v in row[:4])
    points = tuple((float(row[4 + 2 * i]) / scale, float(row[5 + 2 * i]) / scale) for i in range(5))
    return Face((x, y, x + w, y + h), points, float(row[14]))
