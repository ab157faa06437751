"""Scores between faces and what they mean.

Cosine similarity of SFace embeddings. A face is the leader when its best score
against the leader's references reaches the unit's threshold: calibrated as just
above (``FaceSettings.calibration_margin``) the highest score any other enrolled
member's face reaches against the leader's references (``calibrated_threshold``),
never below ``min_threshold`` (OpenCV's default 0.363 let strangers in) nor above
``max_threshold`` (such references are unusable, not a stricter unit). A face is
clearly someone else below ``clearly_other``; between the two is the grey zone, where
only a person can tell. Figures behind the defaults: ``bench/faces.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum

import numpy as np

from core.settings import FaceSettings


class Judgement(StrEnum):
    MATCH = "match"
    GREY = "grey"
    OTHER = "other"
    TOO_SMALL = "too_small"


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b) / ((np.linalg.norm(a) * np.linalg.norm(b)) or 1.0))


def best_score(embedding: np.ndarray, references: Sequence[np.ndarray]) -> float:
    return max((cosine(embedding, r) for r in references), default=-1.0)


def calibrated_threshold(other_member_scores: Iterable[float], cfg: FaceSettings | None = None) -> float:
    """The unit's threshold from the scores of other members' enrolled faces."""
    cfg = cfg or FaceSettings()
    highest = max(other_member_scores, default=cfg.min_threshold - cfg.calibration_margin)
    return min(cfg.max_threshold, max(cfg.min_threshold, highest + cfg.calibration_margin))


def judge(score: float, eye_distance: float, threshold: float, cfg: FaceSettings | None = None) -> Judgement:
    cfg = cfg or FaceSettings()
    if eye_distance < cfg.judge_min_eyes:
        return Judgement.TOO_SMALL
    if score >= threshold:
        return Judgement.MATCH
    if score < cfg.clearly_other:
        return Judgement.OTHER
    return Judgement.GREY
