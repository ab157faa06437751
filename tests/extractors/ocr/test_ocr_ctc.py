"""The CTC scoring (extractors.ocr.ctc) against brute force, and the engine's fit_texts on rendered text."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

import numpy as np
import pytest
from PIL import Image

from extractors.ocr import OcrEngine, SupportsFit
from extractors.ocr.ctc import UNSPELLABLE, best_path, fit, log_likelihood

TextImage = Callable[..., Image.Image]
BRUSH_FONT = "/usr/share/fonts/truetype/arphic/ukai.ttc"

CHARS = ["blank", "张", "明", "王"]
INDEX = {c: i for i, c in enumerate(CHARS)}


def _frames(seed: int, frames: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    raw = rng.random((frames, len(CHARS))) + 0.05
    return raw / raw.sum(axis=1, keepdims=True)


def _collapse(path: tuple[int, ...]) -> tuple[int, ...]:
    merged = [k for k, _ in itertools.groupby(path)]
    return tuple(k for k in merged if k != 0)


def _brute(probs: np.ndarray, labels: tuple[int, ...]) -> float:
    total = sum(
        math.prod(probs[t, k] for t, k in enumerate(path))
        for path in itertools.product(range(len(CHARS)), repeat=probs.shape[0])
        if _collapse(path) == labels
    )
    return math.log(total) if total > 0 else UNSPELLABLE


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("labels", [(), (1,), (1, 2), (2, 2), (1, 2, 3)])
def test_the_forward_algorithm_sums_every_alignment(seed: int, labels: tuple[int, ...]) -> None:
    probs = _frames(seed, 5)
    assert log_likelihood(probs, list(labels)) == pytest.approx(_brute(probs, labels), rel=1e-9)


def test_a_text_longer_than_the_frames_allow_cannot_be_spelled() -> None:
    assert log_likelihood(_frames(0, 2), [1, 1]) == UNSPELLABLE  # a repeat needs a blank between


def test_fit_is_zero_for_the_engines_own_reading_and_low_for_what_is_not_there() -> None:
    probs = np.full((6, len(CHARS)), 0.01)
    for t, k in enumerate([1, 1, 0, 2, 2, 0]):  # 张 张 - 明 明 -
        probs[t, k] = 0.97
    probs /= probs.sum(axis=1, keepdims=True)
    assert best_path(probs, CHARS) == "张明"
    assert fit(probs, INDEX, CHARS, "张明") == pytest.approx(0.0)
    assert fit(probs, INDEX, CHARS, "王明") < -3
    assert fit(probs, INDEX, CHARS, "张") < fit(probs, INDEX, CHARS, "张明")
    assert fit(probs, INDEX, CHARS, "李明") == UNSPELLABLE  # not a character it knows


def test_rapidocr_fits_the_written_name_and_not_another(rapid: OcrEngine, text_image: TextImage) -> None:
    assert isinstance(rapid, SupportsFit)
    cell = text_image(["王建国"], font=BRUSH_FONT, size=48, margin=12, spacing=1.3)
    written, one_off, other = rapid.fit_texts(cell, ["王建国", "王建军", "李晓燕"]) or []
    assert written > -1.0
    assert other < -25.0
    assert other < one_off < written
