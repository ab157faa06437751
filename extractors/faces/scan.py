"""Every face of one on-site photo with its embedding (faces too small to judge are not embedded)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extractors.faces.detect import JUDGE_MIN_EYES, Face, detect
from extractors.faces.embed import embed
from extractors.faces.models import FaceModels

MAX_EMBEDDED_FACES = (
    40  # largest faces embedded per photo (~40 ms each); a crowd beyond that is not identified
)


@dataclass(frozen=True)
class SeenFace:
    face: Face
    embedding: np.ndarray | None  # None when the face is too small to judge (or beyond MAX_EMBEDDED_FACES)


def faces_in(models: FaceModels, image: np.ndarray, *, thorough: bool = False) -> list[SeenFace]:
    out: list[SeenFace] = []
    for i, face in enumerate(detect(models, image, thorough=thorough)):
        judged = face.eye_distance >= JUDGE_MIN_EYES and i < MAX_EMBEDDED_FACES
        out.append(SeenFace(face, embed(models, image, face) if judged else None))
    return out
