"""Detection, embedding and comparison on public-domain faces (Debian libdlib19.1)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from core.settings import Limits
from extractors.faces.compare import (
    CLEARLY_OTHER,
    MIN_THRESHOLD,
    Judgement,
    best_score,
    calibrated_threshold,
    cosine,
    judge,
)
from extractors.faces.detect import JUDGE_MIN_EYES, decode, detect
from extractors.faces.embed import embed
from extractors.faces.models import shared_models
from extractors.faces.scan import faces_in
from fixtures import faces as fx

needs_faces = pytest.mark.skipif(
    not fx.available(), reason=f"public-domain face images absent: apt-get install {fx.DEBIAN_PACKAGE}"
)


def _embed_chip(chip: np.ndarray) -> np.ndarray:
    models = shared_models()
    big = cv2.resize(chip, None, fx=3, fy=3, interpolation=cv2.INTER_CUBIC)
    [face] = detect(models, big)
    return embed(models, big, face)


@needs_faces
def test_same_person_scores_high_and_strangers_low() -> None:
    people = fx.chips()
    a = [_embed_chip(c) for c in people[fx.LEADER][:4]]
    b = [_embed_chip(people[name][0]) for name in people if name != fx.LEADER]
    genuine = [cosine(a[0], x) for x in a[1:]]
    impostor = [best_score(x, a) for x in b]
    assert min(genuine) >= MIN_THRESHOLD, genuine
    assert max(impostor) < CLEARLY_OTHER + 0.1, impostor
    assert abs(float(np.linalg.norm(a[0])) - 1.0) < 1e-4


@needs_faces
def test_faces_found_in_a_composite_at_their_size() -> None:
    photo = next(
        c for c in fx.composites() if c.kind == "leader" and c.leader_eyes == 28 and c.degradation == "jpeg"
    )
    image = decode(photo.jpeg, Limits())
    seen = faces_in(shared_models(), image)
    assert photo.leader_box is not None
    x0, y0, x1, y1 = photo.leader_box
    leader = [
        s
        for s in seen
        if x0 <= (s.face.box[0] + s.face.box[2]) / 2 <= x1 and y0 <= (s.face.box[1] + s.face.box[3]) / 2 <= y1
    ]
    assert len(leader) == 1 and leader[0].embedding is not None
    assert 22 <= leader[0].face.eye_distance <= 34


@needs_faces
def test_tiny_faces_are_not_embedded() -> None:
    [photo] = fx.composites(only={"tiny-0-clean"})
    seen = faces_in(shared_models(), decode(photo.jpeg, Limits()))
    assert all(s.embedding is None and s.face.eye_distance < JUDGE_MIN_EYES for s in seen)


def test_an_empty_picture_has_no_face() -> None:
    assert detect(shared_models(), np.full((480, 640, 3), 200, np.uint8)) == []


def test_threshold_calibration_never_goes_below_the_floor() -> None:
    assert calibrated_threshold([]) == MIN_THRESHOLD
    assert calibrated_threshold([0.1, 0.2]) == MIN_THRESHOLD
    assert calibrated_threshold([0.1, 0.48]) == pytest.approx(0.53)
    assert calibrated_threshold([0.95]) == 0.70


def test_judgement_zones() -> None:
    assert judge(0.6, 30, 0.5, JUDGE_MIN_EYES) == Judgement.MATCH
    assert judge(0.4, 30, 0.5, JUDGE_MIN_EYES) == Judgement.GREY
    assert judge(0.1, 30, 0.5, JUDGE_MIN_EYES) == Judgement.OTHER
    assert judge(0.9, 10, 0.5, JUDGE_MIN_EYES) == Judgement.TOO_SMALL
