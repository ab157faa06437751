"""A reference photo of a leader: the quality gate and what is kept (embedding + thumbnail).

A reference must show exactly one face, with the eyes at least
``FaceSettings.enrol_min_eyes`` pixels apart, not blurred (``face_sharpness`` at least
``enrol_min_sharpness``). What is kept is the 128-d embedding and a small JPEG
thumbnail of the aligned face for the inspector; never the photo itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from core.errors import InputError
from core.settings import FaceSettings, Limits
from extractors.faces.detect import Face, decode, detect
from extractors.faces.embed import aligned_crop, embed_crop
from extractors.faces.models import FaceModels

SHARPNESS_EYES = 40.0  # the face is rescaled to this eye distance before measuring
THUMBNAIL_JPEG_QUALITY = 85


@dataclass(frozen=True)
class Reference:
    embedding: np.ndarray  # 128 float32, unit length
    thumbnail: bytes  # JPEG of the aligned 112x112 face
    eye_distance: float
    sharpness: float


def enrol_image(
    models: FaceModels, image: np.ndarray, source: str, cfg: FaceSettings | None = None
) -> Reference:
    """Gate and embed one reference photo (BGR); an InputError says in Chinese what is wrong."""
    cfg = cfg or FaceSettings()
    faces = detect(models, image, cfg)
    if len(faces) != 1:
        found = "未检测到人脸" if not faces else f"检测到 {len(faces)} 张人脸"
        raise InputError(f"参考照片“{source}”{found}", hint="请上传只有本人一张正脸、光线充足的照片。")
    face = faces[0]
    if face.eye_distance < cfg.enrol_min_eyes:
        raise InputError(
            f"参考照片“{source}”中的人脸太小（两眼相距 {face.eye_distance:.0f} 像素，至少需要 {cfg.enrol_min_eyes:.0f}）",
            hint="请上传近距离拍摄、人脸更大的照片。",
        )
    sharp = face_sharpness(image, face)
    if sharp < cfg.enrol_min_sharpness:
        raise InputError(f"参考照片“{source}”中的人脸模糊", hint="请上传对焦清晰的照片。")
    crop = aligned_crop(models, image, face)
    ok, jpeg = cv2.imencode(".jpg", crop, [cv2.IMWRITE_JPEG_QUALITY, THUMBNAIL_JPEG_QUALITY])
    if not ok:  # pragma: no cover - OpenCV encodes any 112x112 BGR array
        raise InputError(f"参考照片“{source}”无法生成缩略图")
    return Reference(embed_crop(models, crop), jpeg.tobytes(), face.eye_distance, sharp)


def face_sharpness(image: np.ndarray, face: Face) -> float:
    """High-frequency energy of the face box at a fixed scale: the variance of the Laplacian
    over the variance of the grey values (x100), after rescaling the face to eyes
    ``SHARPNESS_EYES`` px apart, so it does not depend on the photo's size or contrast."""
    height, width = image.shape[:2]
    x0, y0 = max(0, int(face.box[0])), max(0, int(face.box[1]))
    x1, y1 = min(width, round(face.box[2])), min(height, round(face.box[3]))
    if x1 - x0 < 2 or y1 - y0 < 2:
        return 0.0
    k = SHARPNESS_EYES / max(face.eye_distance, 1.0)
    grey = cv2.cvtColor(image[y0:y1, x0:x1], cv2.COLOR_BGR2GRAY)
    patch = cv2.resize(grey, None, fx=k, fy=k, interpolation=cv2.INTER_AREA).astype(np.float64)
    return float(cv2.Laplacian(patch, cv2.CV_64F).var() / max(float(patch.var()), 1.0) * 100)


def enrol_photo(
    models: FaceModels, data: bytes, source: str, limits: Limits, cfg: FaceSettings | None = None
) -> Reference:
    return enrol_image(models, decode(data, limits), source, cfg)
