"""The face check's application side: enrol a unit's reference photos, and gather the
face facts of a submission's on-site photos for ``leader.in_photos``.

Nothing runs (no model is loaded, no face data is kept) when the face check is off:
for the installation (``JISHI_FACES__ENABLED=false``), for a unit whose branch.yaml sets
``face_check: false`` or that an inspector switched off in the service (the face
store's switch), or for a unit that has enrolled no reference photo of a leader.

Speed: every photo gets one pass (``extractors.faces.scan.scan``); only when the answer
would be "not found" are the regions around the photos' weak detector hits searched
again enlarged (``look_again``), from windows kept by the first pass (no photo is
decoded twice).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from core.errors import ConfigError, InputError, UnreadableFileError
from core.meta import Branch
from core.models import ExtractedFile, FaceSeen, LeaderFaces, Role
from core.settings import FaceSettings, Limits
from extractors.faces.compare import best_score, calibrated_threshold
from extractors.faces.detect import decode
from extractors.faces.enrol import Reference, enrol_photo
from extractors.faces.models import FaceModels, shared_models
from extractors.faces.scan import PhotoScan, look_again, scan
from store.faces import FaceStore

ModelLoader = Callable[[], FaceModels]


def enrol_branch(
    store: FaceStore,
    branch: Branch,
    unit: str,
    base: Path,
    limits: Limits,
    load: ModelLoader = shared_models,
    cfg: FaceSettings | None = None,
) -> dict[str, int]:
    """Enrol every person's reference photos named in branch.yaml (paths relative to ``base``).

    Each person's photos pass the quality gate before anything of theirs is replaced;
    a photo that fails raises an InputError naming it. Returns photos enrolled per person.
    """
    cfg = cfg or FaceSettings()
    if not branch.face_check:
        raise ConfigError(
            f"单位“{unit}”已关闭人脸核对（face_check: false），不登记参考照片",
            hint="如需启用，请在 branch.yaml 中设置 face_check: true。",
        )
    _check_enabled(store, unit, cfg)
    models = load()
    done: dict[str, int] = {}
    for person, paths in branch.face_references.items():
        photos = []
        for rel in paths:
            path = base / rel
            try:
                photos.append((str(rel), path.read_bytes()))
            except OSError as exc:
                raise ConfigError(
                    f"找不到{person}的参考照片 {path}", hint="请检查 branch.yaml 中 face_references 的路径。"
                ) from exc
        references = _gate(models, person, photos, limits, cfg)
        store.enrol(unit, person, references)
        done[person] = len(references)
    return done


def add_references(
    store: FaceStore,
    unit: str,
    person: str,
    photos: Sequence[tuple[str, bytes]],
    limits: Limits,
    load: ModelLoader = shared_models,
    cfg: FaceSettings | None = None,
) -> int:
    """Add reference photos (name, bytes) of ``person`` to ``unit`` (the service's page).

    All must pass the quality gate, or none is added (InputError naming the photo, in
    Chinese); at most ``max_references`` are kept per person. Returns the number kept.
    """
    cfg = cfg or FaceSettings()
    _check_enabled(store, unit, cfg)
    have = store.count(unit, person)
    if have + len(photos) > cfg.max_references:
        raise InputError(
            f"{person}已有 {have} 张参考照片，每人最多 {cfg.max_references} 张",
            hint="请先删除不清楚的参考照片再上传。",
        )
    references = _gate(load(), person, photos, limits, cfg)
    store.add(unit, person, references)
    return have + len(references)


def _check_enabled(store: FaceStore, unit: str, cfg: FaceSettings) -> None:
    if not cfg.enabled:
        raise ConfigError(
            "本系统已关闭人脸核对，不登记参考照片", hint="如需启用，请设置 JISHI_FACES__ENABLED=true。"
        )
    if not store.enabled(unit):
        raise ConfigError(
            f"单位“{unit}”已关闭人脸核对，不登记参考照片", hint="如需启用，请先打开本单位的人脸核对。"
        )


def _gate(
    models: FaceModels, person: str, photos: Sequence[tuple[str, bytes]], limits: Limits, cfg: FaceSettings
) -> list[Reference]:
    if not photos:
        raise InputError(f"没有{person}的参考照片", hint="请至少上传一张本人正脸照片。")
    return [enrol_photo(models, data, name, limits, cfg) for name, data in photos]


def leader_faces(
    store: FaceStore | None,
    branch: Branch,
    unit: str | None,
    files: list[ExtractedFile],
    limits: Limits,
    load: ModelLoader = shared_models,
    cfg: FaceSettings | None = None,
) -> list[LeaderFaces]:
    """Face facts per leader with enrolled references; [] when the check does not apply."""
    cfg = cfg or FaceSettings()
    if store is None or not cfg.enabled or not branch.face_check or not unit or not store.enabled(unit):
        return []
    enrolled = store.embeddings(unit)
    leaders = [name for name in branch.leaders if enrolled.get(name)]
    if not leaders:
        return []
    models = load()
    photos = [f for f in files if f.role == Role.PHOTO]
    scans = _scan(models, photos, limits, cfg)
    facts = _facts(leaders, enrolled, photos, scans, cfg)
    if any(_would_fail(f) for f in facts):
        # Before answering "not found": look again, enlarged, where the first pass had weak
        # hits (the leader at the back of the room), which make the answer unknown instead.
        for _, photo in scans:
            look_again(models, photo, cfg)
        facts = _facts(leaders, enrolled, photos, scans, cfg)
    return facts


def _scan(
    models: FaceModels, photos: list[ExtractedFile], limits: Limits, cfg: FaceSettings
) -> list[tuple[str, PhotoScan]]:
    out: list[tuple[str, PhotoScan]] = []
    for f in photos:
        try:
            image = decode(f.file.data, limits)
        except UnreadableFileError:
            continue  # already reported by the photo checks
        out.append((f.file.path, scan(models, image, cfg)))
    return out


def _facts(
    leaders: list[str],
    enrolled: dict[str, list[np.ndarray]],
    photos: list[ExtractedFile],
    scans: list[tuple[str, PhotoScan]],
    cfg: FaceSettings,
) -> list[LeaderFaces]:
    out = []
    for leader in leaders:
        refs = enrolled[leader]
        others = [best_score(e, refs) for person, embs in enrolled.items() if person != leader for e in embs]
        faces = [
            FaceSeen(path, s.face.box, s.face.eye_distance, _score(s.embedding, refs))
            for path, photo in scans
            for s in photo.faces
        ]
        out.append(
            LeaderFaces(
                leader,
                calibrated_threshold(others, cfg),
                len(refs),
                [f.file.path for f in photos],
                faces,
                cfg.judge_min_eyes,
                cfg.clearly_other,
            )
        )
    return out


def _would_fail(facts: LeaderFaces) -> bool:
    return bool(facts.faces) and all(
        s.score is not None and s.score < facts.clearly_other for s in facts.faces
    )


def _score(embedding: np.ndarray | None, refs: list[np.ndarray]) -> float | None:
    return None if embedding is None else best_score(embedding, refs)
