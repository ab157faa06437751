"""The face check's application side: enrol a unit's reference photos, and gather the
face facts of a submission's on-site photos for ``leader.in_photos``.

Nothing runs (no model is loaded, no face data is kept) for a unit whose branch.yaml
sets ``face_check: false``, or that has enrolled no reference photo of a leader.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from core.errors import ConfigError, UnreadableFileError
from core.meta import Branch
from core.models import ExtractedFile, FaceSeen, LeaderFaces, Role
from core.settings import Limits
from extractors.faces.compare import CLEARLY_OTHER, best_score, calibrated_threshold
from extractors.faces.detect import JUDGE_MIN_EYES, decode
from extractors.faces.enrol import enrol_photo
from extractors.faces.models import FaceModels, shared_models
from extractors.faces.scan import SeenFace, faces_in
from store.faces import FaceStore

ModelLoader = Callable[[], FaceModels]


def enrol_branch(
    store: FaceStore, branch: Branch, unit: str, base: Path, limits: Limits, load: ModelLoader = shared_models
) -> dict[str, int]:
    """Enrol every person's reference photos named in branch.yaml (paths relative to ``base``).

    Each person's photos pass the quality gate before anything of theirs is replaced;
    a photo that fails raises an InputError naming it. Returns photos enrolled per person.
    """
    if not branch.face_check:
        raise ConfigError(
            f"单位“{unit}”已关闭人脸核对（face_check: false），不登记参考照片",
            hint="如需启用，请在 branch.yaml 中设置 face_check: true。",
        )
    models = load()
    done: dict[str, int] = {}
    for person, paths in branch.face_references.items():
        references = []
        for rel in paths:
            path = base / rel
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise ConfigError(
                    f"找不到{person}的参考照片 {path}", hint="请检查 branch.yaml 中 face_references 的路径。"
                ) from exc
            references.append(enrol_photo(models, data, str(rel), limits))
        store.enrol(unit, person, references)
        done[person] = len(references)
    return done


def leader_faces(
    store: FaceStore | None,
    branch: Branch,
    unit: str | None,
    files: list[ExtractedFile],
    limits: Limits,
    load: ModelLoader = shared_models,
) -> list[LeaderFaces]:
    """Face facts per leader with enrolled references; [] when the check does not apply."""
    if store is None or not branch.face_check or not unit:
        return []
    enrolled = store.embeddings(unit)
    leaders = [name for name in branch.leaders if enrolled.get(name)]
    if not leaders:
        return []
    models = load()
    photos = [f for f in files if f.role == Role.PHOTO]
    facts = _facts(leaders, enrolled, photos, _scan(models, photos, limits, thorough=False))
    if any(_would_fail(f) for f in facts):
        # Before answering "not found": look again for faces too small for the quick pass
        # (the leader at the back of the room), which make the answer unknown instead.
        facts = _facts(leaders, enrolled, photos, _scan(models, photos, limits, thorough=True))
    return facts


def _scan(
    models: FaceModels, photos: list[ExtractedFile], limits: Limits, *, thorough: bool
) -> list[tuple[str, SeenFace]]:
    seen: list[tuple[str, SeenFace]] = []
    for f in photos:
        try:
            image = decode(f.file.data, limits)
        except UnreadableFileError:
            continue  # already reported by the photo checks
        seen += [(f.file.path, s) for s in faces_in(models, image, thorough=thorough)]
    return seen


def _facts(
    leaders: list[str],
    enrolled: dict[str, list[np.ndarray]],
    photos: list[ExtractedFile],
    seen: list[tuple[str, SeenFace]],
) -> list[LeaderFaces]:
    out = []
    for leader in leaders:
        refs = enrolled[leader]
        others = [best_score(e, refs) for person, embs in enrolled.items() if person != leader for e in embs]
        faces = [
            FaceSeen(path, s.face.box, s.face.eye_distance, _score(s.embedding, refs)) for path, s in seen
        ]
        out.append(
            LeaderFaces(
                leader,
                calibrated_threshold(others),
                len(refs),
                [f.file.path for f in photos],
                faces,
                JUDGE_MIN_EYES,
                CLEARLY_OTHER,
            )
        )
    return out


def _would_fail(facts: LeaderFaces) -> bool:
    return bool(facts.faces) and all(
        s.score is not None and s.score < facts.clearly_other for s in facts.faces
    )


def _score(embedding: np.ndarray | None, refs: list[np.ndarray]) -> float | None:
    return None if embedding is None else best_score(embedding, refs)
