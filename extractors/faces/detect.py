"""Find faces in a photo with YuNet: boxes, five landmarks and the eye distance.

Phone photos are searched at most ``FaceSettings.detect_max_side`` pixels on the long
side (a 12-megapixel photo at full size costs ~1 s); boxes and landmarks come back in
the photo's own pixels. When that pass finds no face large enough to judge, a small
photo is searched again whole at ``FaceSettings.upscale`` times its size (up to
``upscale_max_side``): YuNet misses faces whose eyes are under ~15 px apart at native
size and finds most of them enlarged.

The same pass also keeps YuNet's small weak hits (confidence between ``hint_min_score``
and ``detector_min_score``, box at most half of ``hint_window_max``): a face too small
to be detected surely usually leaves one.
Before the check answers "not found" (``jishi.faces``), the regions around the
strongest ``max_hints`` weak hits — cut out of the photo during the first pass, so the
photo is not decoded again — are searched enlarged (``second_look``): a leader too
small for the first pass must make the answer ``unknown``, not a failure. That costs a
few small windows instead of searching the whole photo enlarged (~0.45 s CPU per
1600x1200 photo, which broke the 0.5 s budget).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from core.settings import FaceSettings, Limits
from extractors.faces.models import FaceModels
from extractors.imaging.decode import load_image, to_rgb

MIN_HINT_WINDOW = 48  # px: the smallest region searched again around a weak hit


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


@dataclass(frozen=True)
class Window:
    """A region of the photo around a weak hit, kept for the second look."""

    x: int
    y: int
    pixels: np.ndarray  # BGR, the photo's own pixels
    scale: float  # the first pass's scale for this photo


@dataclass(frozen=True)
class Detection:
    faces: list[Face]  # confident faces, largest first
    windows: list[Window]  # regions around the strongest weak hits, for ``second_look``


def decode(data: bytes, limits: Limits) -> np.ndarray:
    """Image bytes to an upright BGR array (EXIF orientation applied, pixel limit kept)."""
    rgb = np.asarray(to_rgb(load_image(data, limits)))
    return np.ascontiguousarray(rgb[:, :, ::-1])


def detect(models: FaceModels, image: np.ndarray, cfg: FaceSettings | None = None) -> list[Face]:
    """Every confident face in ``image`` (BGR), largest first."""
    return search(models, image, cfg).faces


def search(models: FaceModels, image: np.ndarray, cfg: FaceSettings | None = None) -> Detection:
    """The first pass: confident faces, and the windows around weak hits for a second look."""
    cfg = cfg or FaceSettings()
    height, width = image.shape[:2]
    scale = min(1.0, cfg.detect_max_side / max(height, width))
    faces, weak = _detect_at(models, image, scale, cfg, cfg.hint_min_score)
    if (
        not any(f.eye_distance >= cfg.judge_min_eyes for f in faces)
        and max(height, width) * cfg.upscale <= cfg.upscale_max_side
    ):
        more, more_weak = _detect_at(models, image, cfg.upscale, cfg, cfg.hint_min_score)
        if len(more) >= len(faces):
            faces, weak, scale = more, more_weak, cfg.upscale
    small = cfg.hint_window_max / 2 / scale  # photo px
    weak = [w for w in weak if _side(w) <= small and not any(_overlaps(w, f) for f in faces)]
    weak = sorted(weak, key=lambda f: -f.score)[: cfg.max_hints]
    windows = [_window(image, w, scale, cfg) for w in weak] if scale * cfg.upscale > scale else []
    return Detection(sorted(faces, key=lambda f: -f.eye_distance), windows)


def second_look(models: FaceModels, detection: Detection, cfg: FaceSettings | None = None) -> list[Face]:
    """Faces the first pass missed, found enlarged around its weak hits (photo pixels)."""
    cfg = cfg or FaceSettings()
    found: list[Face] = []
    for w in detection.windows:
        faces, _ = _detect_at(models, w.pixels, w.scale * cfg.upscale, cfg, cfg.detector_min_score)
        for face in faces:
            moved = face.moved(w.x, w.y)
            if not any(_overlaps(moved, g) for g in [*detection.faces, *found]):
                found.append(moved)
    return sorted(found, key=lambda f: -f.eye_distance)


def _window(image: np.ndarray, hit: Face, scale: float, cfg: FaceSettings) -> Window:
    height, width = image.shape[:2]
    x0, y0, x1, y1 = hit.box
    side = min(max(cfg.hint_window * _side(hit), MIN_HINT_WINDOW / scale), cfg.hint_window_max / scale)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left, top = max(0, int(cx - side / 2)), max(0, int(cy - side / 2))
    right, bottom = min(width, int(cx + side / 2) + 1), min(height, int(cy + side / 2) + 1)
    return Window(left, top, image[top:bottom, left:right].copy(), scale)


def _side(face: Face) -> float:
    return max(face.box[2] - face.box[0], face.box[3] - face.box[1])


def _overlaps(a: Face, b: Face) -> bool:
    cx, cy = (a.box[0] + a.box[2]) / 2, (a.box[1] + a.box[3]) / 2
    return b.box[0] <= cx <= b.box[2] and b.box[1] <= cy <= b.box[3]


def _detect_at(
    models: FaceModels, image: np.ndarray, scale: float, cfg: FaceSettings, floor: float
) -> tuple[list[Face], list[Face]]:
    """(confident faces, weak hits at or above ``floor``) in ``image`` searched at ``scale``."""
    if scale != 1.0:
        interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
        image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=interpolation)
    height, width = image.shape[:2]
    with models.lock:
        models.detector.setInputSize((width, height))
        models.detector.setScoreThreshold(min(floor, cfg.detector_min_score))
        _, rows = models.detector.detect(image)
    if rows is None:
        return [], []
    found = [_face(row, scale) for row in rows]
    return (
        [f for f in found if f.score >= cfg.detector_min_score],
        [f for f in found if f.score < cfg.detector_min_score],
    )


def _face(row: np.ndarray, scale: float) -> Face:
    x, y, w, h = (float(v) / scale for v in row[:4])
    points = tuple((float(row[4 + 2 * i]) / scale, float(row[5 + 2 * i]) / scale) for i in range(5))
    return Face((x, y, x + w, y + h), points, float(row[14]))
