"""The enrolment quality gate: one face, eyes >= 40 px apart, not blurred."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from core.errors import InputError
from core.settings import FaceSettings, Limits
from extractors.faces.enrol import enrol_image, enrol_photo
from extractors.faces.models import shared_models
from fixtures import faces as fx

pytestmark = pytest.mark.skipif(
    not fx.available(), reason=f"public-domain face images absent: apt-get install {fx.DEBIAN_PACKAGE}"
)


def _portrait() -> np.ndarray:
    data = fx.references()[fx.LEADER][0]
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert image is not None
    return image


def test_a_good_portrait_is_enrolled_as_embedding_and_thumbnail() -> None:
    ref = enrol_photo(shared_models(), fx.references()[fx.LEADER][0], "张三.jpg", Limits())
    assert ref.embedding.shape == (128,) and ref.eye_distance >= FaceSettings().enrol_min_eyes
    thumb = cv2.imdecode(np.frombuffer(ref.thumbnail, np.uint8), cv2.IMREAD_COLOR)
    assert thumb is not None and thumb.shape == (112, 112, 3)


def test_a_small_face_is_refused() -> None:
    small = cv2.resize(_portrait(), None, fx=0.2, fy=0.2, interpolation=cv2.INTER_AREA)
    with pytest.raises(InputError, match="人脸太小"):
        enrol_image(shared_models(), small, "小.jpg")


def test_the_gate_follows_the_settings() -> None:
    portrait = _portrait()
    with pytest.raises(InputError, match="至少需要 400"):
        enrol_image(shared_models(), portrait, "近.jpg", FaceSettings(enrol_min_eyes=400))
    with pytest.raises(InputError, match="模糊"):
        enrol_image(shared_models(), portrait, "近.jpg", FaceSettings(enrol_min_sharpness=100))


def test_a_blurred_face_is_refused() -> None:
    with pytest.raises(InputError, match="模糊"):
        enrol_image(shared_models(), cv2.GaussianBlur(_portrait(), (0, 0), 13), "糊.jpg")


def test_a_group_photo_is_refused() -> None:
    two = np.hstack([_portrait(), cv2.flip(_portrait(), 1)])
    with pytest.raises(InputError, match="检测到 2 张人脸"):
        enrol_image(shared_models(), two, "合影.jpg")


def test_no_face_is_refused() -> None:
    with pytest.raises(InputError, match="未检测到人脸"):
        enrol_image(shared_models(), np.full((400, 400, 3), 128, np.uint8), "空.jpg")
