"""A reference photo of a leader: the quality gate and what is kept (embedding + thumbnail).

A reference must show exactly one face, with the eyes at least ``ENROL_MIN_EYES``
pixels apart, not blurred (Laplacian variance of the aligned crop at least
``ENROL_MIN_SHARPNESS``). What is kept is the 128-d embedding and a small JPEG
thumbnail of the aligned face for the inspector; never the photo itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from core.errors import InputError
from core.settings import Limits
from extractors.faces.detect import decode, detect
from extractors.faces.embed import aligned_crop, embed_crop, sharpness
from extractors.faces.models import FaceModels

ENROL_MIN_EYES = 40.0  # px between the eyes in a reference photo
ENROL_MIN_SHARPNESS = 40.0  # Laplacian variance of the 112x112 aligned crop (bench/faces.py)
THUMBNAIL_JPEG_QUALITY = 85


@dataclass(frozen=True)
class Reference:
    embedding: np.ndarray  # 128 float32, unit length
    thumbnail: bytes  # JPEG of the aligned 112x112 face
    eye_distance: float
    sharpness: float


def enrol_image(models: FaceModels, image: np.ndarray, source: str) -> Reference:
    """Gate and embed one reference photo (BGR); an InputError says in Chinese what is wrong."""
    faces = detect(models, image)
    if len(faces) != 1:
        found = "未检测到人脸" if not faces else f"检测到 {len(faces)} 张人脸"
        raise InputError(f"参考照片“{source}”{found}", hint="请上传只有本人一张正脸、光线充足的照片。")
    face = faces[0]
    if face.eye_distance < ENROL_MIN_EYES:
        raise InputError(
            f"参考照片“{source}”中的人脸太小（两眼相距 {face.eye_distance:.0f} 像素，至少需要 {ENROL_MIN_EYES:.0f}）",
            hint="请上传近距离拍摄、人脸更大的照片。",
        )
    crop = aligned_crop(models, image, face)
    sharp = sharpness(crop)
    if sharp < ENROL_MIN_SHARPNESS:
        raise InputError(f"参考照片“{source}”中的人脸模糊", hint="请上传对焦清晰的照片。")
    ok, jpeg = cv2.imencode(".jpg", crop, [cv2.IMWRITE_JPEG_QUALITY, THUMBNAIL_JPEG_QUALITY])
    if not ok:  # pragma: no cover - OpenCV encodes any 112x112 BGR array
        raise InputError(f"参考照片“{source}”无法生成缩略图")
    return Reference(embed_crop(models, crop), jpeg.tobytes(), face.eye_distance, sharp)


def enrol_photo(models: FaceModels, data: bytes, source: str, limits: Limits) -> Reference:
    return enrol_image(models, decode(data, limits), source)
