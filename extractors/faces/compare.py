"""Scores between faces and what they mean.

Cosine similarity of SFace embeddings. A face is the leader when its best score
against the leader's references reaches the unit's threshold: calibrated as just
above the highest score any other enrolled member's face reaches against the
leader's references (``calibrated_threshold``), never below ``MIN_THRESHOLD``.
A face is clearly someone else below ``CLEARLY_OTHER``; between the two is the grey
zone, where only a person can tell. Figures behind the constants: ``bench/faces.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum

import numpy as np

MIN_THRESHOLD = 0.45  # never accept below this (OpenCV's 0.363 let strangers in)
MAX_THRESHOLD = 0.70  # a calibration above this means the references are unusable, not a stricter unit
CALIBRATION_MARGIN = 0.05  # above the highest score of another member
CLEARLY_OTHER = 0.30  # below this a face is someone else


class Judgement(StrEnum):
    MATCH = "match"
    GREY = "grey"
    OTHER = "other"
    TOO_SMALL = "too_small"


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b) / ((np.linalg.norm(a) * np.linalg.norm(b)) or 1.0))


def best_score(embedding: np.ndarray, references: Sequence[np.ndarray]) -> float:
    return max((cosine(embedding, r) for r in references), default=-1.0)


def calibrated_threshold(other_member_scores: Iterable[float]) -> float:
    """The unit's threshold from the scores of other members' enrolled faces."""
    highest = max(other_member_scores, default=MIN_THRESHOLD - CALIBRATION_MARGIN)
    return min(MAX_THRESHOLD, max(MIN_THRESHOLD, highest + CALIBRATION_MARGIN))


def judge(score: float, eye_distance: float, threshold: float, min_eyes: float) -> Judgement:
    if eye_distance < min_eyes:
        return Judgement.TOO_SMALL
    if score >= threshold:
        return Judgement.MATCH
    if score < CLEARLY_OTHER:
        return Judgement.OTHER
    return Judgement.GREY
