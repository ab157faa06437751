"""Detection, embedding and comparison on public-domain faces (Debian libdlib19.1)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from core.settings import FaceSettings, Limits
from extractors.faces.compare import (
    Judgement,
    best_score,
    calibrated_threshold,
    cosine,
    judge,
)
from extractors.faces.detect import decode, detect, search, second_look
from extractors.faces.embed import embed
from extractors.faces.models import shared_models
from extractors.faces.scan import faces_in, look_again, scan
from fixtures import faces as fx

CFG = FaceSettings()
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
    assert min(genuine) >= CFG.min_threshold, genuine
    assert max(impostor) < CFG.clearly_other + 0.1, impostor
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
    assert all(s.embedding is None and s.face.eye_distance < CFG.judge_min_eyes for s in seen)


@needs_faces
def test_a_second_look_finds_small_faces_the_first_pass_missed() -> None:
    """tiny-1-jpeg: the first pass finds no face at all; the weak hits searched again
    enlarged find the tiny ones (too small to judge, so the answer stays unknown)."""
    [photo] = fx.composites(only={"tiny-1-jpeg"})
    models = shared_models()
    image = decode(photo.jpeg, Limits())
    first = search(models, image)
    assert first.faces == [] and 0 < len(first.windows) <= CFG.max_hints
    assert all(w.pixels.size < image.size // 20 for w in first.windows)  # small windows, not the photo
    found = second_look(models, first)
    assert found and all(f.eye_distance < CFG.judge_min_eyes for f in found)
    photo_scan = scan(models, image)
    assert len(look_again(models, photo_scan)) == len(found) and len(photo_scan.faces) == len(found)
    assert look_again(models, photo_scan) == []  # once per photo
    assert second_look(models, search(models, image, FaceSettings(max_hints=0))) == []


def test_an_empty_picture_has_no_face() -> None:
    assert detect(shared_models(), np.full((480, 640, 3), 200, np.uint8)) == []


def test_threshold_calibration_never_goes_below_the_floor() -> None:
    assert calibrated_threshold([]) == CFG.min_threshold
    assert calibrated_threshold([0.1, 0.2]) == CFG.min_threshold
    assert calibrated_threshold([0.1, 0.48]) == pytest.approx(0.53)
    assert calibrated_threshold([0.95]) == 0.70
    assert calibrated_threshold([0.1], FaceSettings(min_threshold=0.55)) == 0.55


def test_judgement_zones() -> None:
    assert judge(0.6, 30, 0.5) == Judgement.MATCH
    assert judge(0.4, 30, 0.5) == Judgement.GREY
    assert judge(0.1, 30, 0.5) == Judgement.OTHER
    assert judge(0.9, 10, 0.5) == Judgement.TOO_SMALL
    assert judge(0.9, 30, 0.5, FaceSettings(judge_min_eyes=40)) == Judgement.TOO_SMALL
