"""Every face of one on-site photo with its embedding (faces too small to judge are not
embedded), and the second look before a "not found" answer (``detect.second_look``)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.settings import FaceSettings
from extractors.faces.detect import Detection, Face, Window, search, second_look
from extractors.faces.embed import embed
from extractors.faces.models import FaceModels


@dataclass(frozen=True)
class SeenFace:
    face: Face
    embedding: np.ndarray | None  # None when too small to judge (or beyond max_faces_per_photo)


@dataclass
class PhotoScan:
    """One photo's faces; ``detection`` keeps the small windows a second look needs (not the photo)."""

    faces: list[SeenFace]
    detection: Detection = field(default_factory=lambda: Detection([], []))
    looked_again: bool = False


def scan(models: FaceModels, image: np.ndarray, cfg: FaceSettings | None = None) -> PhotoScan:
    """The first pass over one photo (BGR)."""
    cfg = cfg or FaceSettings()
    detection = search(models, image, cfg)
    out: list[SeenFace] = []
    for i, face in enumerate(detection.faces):
        judged = face.eye_distance >= cfg.judge_min_eyes and i < cfg.max_faces_per_photo
        out.append(SeenFace(face, embed(models, image, face) if judged else None))
    return PhotoScan(out, detection)


def look_again(models: FaceModels, photo: PhotoScan, cfg: FaceSettings | None = None) -> list[SeenFace]:
    """Faces the first pass missed (found enlarged around its weak hits), added to ``photo``."""
    if photo.looked_again:
        return []
    cfg = cfg or FaceSettings()
    photo.looked_again = True
    added = []
    for face in second_look(models, photo.detection, cfg):
        judged = face.eye_distance >= cfg.judge_min_eyes and len(photo.faces) < cfg.max_faces_per_photo
        window = _containing(photo.detection.windows, face) if judged else None
        embedding = None
        if window is not None:
            embedding = embed(models, window.pixels, face.moved(-window.x, -window.y))
        added.append(SeenFace(face, embedding))
        photo.faces.append(added[-1])
    return added


def faces_in(models: FaceModels, image: np.ndarray, cfg: FaceSettings | None = None) -> list[SeenFace]:
    """Every face of the first pass (what the bench and tests look at)."""
    return scan(models, image, cfg).faces


def _containing(windows: list[Window], face: Face) -> Window | None:
    x0, y0, x1, y1 = face.box
    for w in windows:
        h, wd = w.pixels.shape[:2]
        if w.x <= x0 and w.y <= y0 and x1 <= w.x + wd and y1 <= w.y + h:
            return w
    return None
