"""One face to a 128-d unit vector with SFace (after OpenCV's five-point alignment)."""

from __future__ import annotations

import cv2
import numpy as np

from extractors.faces.detect import Face
from extractors.faces.models import FaceModels

SFACE_SIDE = 112  # SFace's input: an aligned 112x112 crop


def aligned_crop(models: FaceModels, image: np.ndarray, face: Face) -> np.ndarray:
    """The 112x112 BGR crop SFace reads: eyes, nose and mouth moved to fixed points."""
    crop: np.ndarray = models.aligner.alignCrop(image, face.yunet_row())
    return crop


def embed_crop(models: FaceModels, crop: np.ndarray) -> np.ndarray:
    """The unit-length embedding of an aligned crop (same preprocessing as FaceRecognizerSF)."""
    blob = cv2.dnn.blobFromImage(crop, 1.0, (SFACE_SIDE, SFACE_SIDE), (0, 0, 0), True, False)
    with models.lock:
        models.recogniser.setInput(blob, "data")
        out = np.asarray(models.recogniser.forward(), dtype=np.float32).reshape(-1)
    norm = float(np.linalg.norm(out))
    return out / norm if norm > 0 else out


def embed(models: FaceModels, image: np.ndarray, face: Face) -> np.ndarray:
    return embed_crop(models, aligned_crop(models, image, face))
