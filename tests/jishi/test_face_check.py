"""leader.in_photos end to end on public-domain composites: enrol from branch.yaml paths,
gather face facts from the on-site photos, and the rule's answer; nothing runs for a unit
without references or with the check turned off."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from checks.context import CheckContext
from checks.registry import Outcome, rules
from core.errors import ConfigError, InputError
from core.meta import Branch, Plan, SubmissionMeta
from core.models import EvidenceFile, ExtractedFile, FileKind, LeaderFaces, Role, Status
from core.settings import FaceSettings, Limits
from extractors.faces.enrol import Reference
from extractors.faces.models import FaceModels
from fixtures import faces as fx
from jishi.faces import add_references, enrol_branch, leader_faces
from store.faces import FaceStore

UNIT = "测试支部"
LEADER = "张三"
MEMBERS = {fx.MEMBERS[0]: "李四", fx.MEMBERS[1]: "王五"}
CASES = {
    "leader-0-40-clean": Status.PASS,
    "leader-1-28-jpeg": Status.PASS,
    "leader-2-64-blur": Status.PASS,
    "leader-3-24-jpeg": Status.PASS,
    "tiny-0-clean": Status.UNKNOWN,
    "tiny-1-jpeg": Status.UNKNOWN,
}
ABSENT = ("absent-0-clean", "absent-1-jpeg", "absent-2-blur", "absent-3-clean", "absent-4-jpeg")
RULE = {r.code: r for r in rules()}["leader.in_photos"]

needs_faces = pytest.mark.skipif(
    not fx.available(), reason=f"public-domain face images absent: apt-get install {fx.DEBIAN_PACKAGE}"
)


def _no_models() -> FaceModels:
    raise AssertionError("the face models must not be loaded when the check does not apply")


def _photo(name: str, data: bytes) -> ExtractedFile:
    evidence = EvidenceFile(f"现场/{name}.jpg", FileKind.JPEG, data, hashlib.sha256(data).hexdigest())
    return ExtractedFile(evidence, None, Role.PHOTO)


def _branch(tmp_path: Path, check: bool = True) -> Branch:
    refs: dict[str, list[str]] = {}
    for person, photos in fx.references().items():
        name = LEADER if person == fx.LEADER else MEMBERS[person]
        refs[name] = []
        for i, data in enumerate(photos):
            (tmp_path / f"{person}-{i}.jpg").write_bytes(data)
            refs[name].append(f"{person}-{i}.jpg")
    return Branch(name=UNIT, leaders=[LEADER], face_references=refs, face_check=check)


def _answer(facts: list[LeaderFaces]) -> Outcome:
    ctx = CheckContext(SubmissionMeta(), Branch(), Plan(), None, None, [], [], faces=facts)
    result = RULE.fn(ctx)
    assert isinstance(result, list) and len(result) == 1
    return result[0]


@pytest.fixture(scope="module")
def enrolled(tmp_path_factory: pytest.TempPathFactory) -> tuple[FaceStore, Branch]:
    if not fx.available():
        pytest.skip(f"public-domain face images absent: apt-get install {fx.DEBIAN_PACKAGE}")
    base = tmp_path_factory.mktemp("refs")
    branch = _branch(base)
    store = FaceStore(base / "faces.sqlite3")
    assert enrol_branch(store, branch, UNIT, base, Limits()) == {LEADER: 3, "李四": 1, "王五": 1}
    return store, branch


@needs_faces
def test_leader_found_absent_and_tiny(enrolled: tuple[FaceStore, Branch]) -> None:
    store, branch = enrolled
    photos = {c.name: c for c in fx.composites(only={*CASES, *ABSENT})}
    for name, expected in CASES.items():
        facts = leader_faces(store, branch, UNIT, [_photo(name, photos[name].jpeg)], Limits())
        assert [f.leader for f in facts] == [LEADER]
        assert facts[0].threshold >= 0.45
        outcome = _answer(facts)
        assert outcome.status == expected, (name, outcome.message)
        if expected == Status.PASS:
            box = photos[name].leader_box
            assert box is not None and outcome.evidence[0].bbox is not None
            x0, y0, x1, y1 = outcome.evidence[0].bbox
            assert box[0] <= (x0 + x1) / 2 <= box[2] and box[1] <= (y0 + y1) / 2 <= box[3]
    absent = [
        _answer(leader_faces(store, branch, UNIT, [_photo(n, photos[n].jpeg)], Limits())) for n in ABSENT
    ]
    assert all(o.status != Status.PASS for o in absent)  # a stranger is never taken for the leader
    failed = [o for o in absent if o.status == Status.FAIL]
    assert failed and all("现场照片中未找到单位主要负责人张三" in o.message for o in failed)


@needs_faces
def test_several_photos_one_with_the_leader_passes(enrolled: tuple[FaceStore, Branch]) -> None:
    store, branch = enrolled
    photos = {c.name: c for c in fx.composites(only={"absent-1-jpeg", "tiny-2-blur", "leader-3-40-jpeg"})}
    files = [_photo(n, photos[n].jpeg) for n in ("absent-1-jpeg", "tiny-2-blur", "leader-3-40-jpeg")]
    outcome = _answer(leader_faces(store, branch, UNIT, files, Limits()))
    assert outcome.status == Status.PASS and "leader-3-40-jpeg" in outcome.message


def test_no_references_or_switched_off_runs_nothing(tmp_path: Path) -> None:
    store = FaceStore(tmp_path / "faces.sqlite3")
    photo = [_photo("a", b"\xff\xd8not decoded")]
    branch = Branch(name=UNIT, leaders=[LEADER])
    assert leader_faces(store, branch, UNIT, photo, Limits(), load=_no_models) == []
    assert leader_faces(None, branch, UNIT, photo, Limits(), load=_no_models) == []
    assert leader_faces(store, branch, None, photo, Limits(), load=_no_models) == []
    store.enrol(UNIT, "李四", [])  # only a non-leader enrolled: still nothing to check
    assert leader_faces(store, branch, UNIT, photo, Limits(), load=_no_models) == []
    off = Branch(name=UNIT, leaders=[LEADER], face_check=False)
    assert leader_faces(store, off, UNIT, photo, Limits(), load=_no_models) == []
    with pytest.raises(ConfigError, match="已关闭人脸核对"):
        enrol_branch(store, off, UNIT, tmp_path, Limits(), load=_no_models)
    unit_vector = np.full(128, 128**-0.5, np.float32)
    store.enrol(UNIT, LEADER, [Reference(unit_vector, b"", 60.0, 10.0)])  # enrolled: the check would run
    with pytest.raises(AssertionError, match="must not be loaded"):
        leader_faces(store, Branch(name=UNIT, leaders=[LEADER]), UNIT, photo, Limits(), load=_no_models)
    on = Branch(name=UNIT, leaders=[LEADER])
    off_here = FaceSettings(enabled=False)
    assert leader_faces(store, on, UNIT, photo, Limits(), load=_no_models, cfg=off_here) == []
    store.set_enabled(UNIT, False)  # the unit's switch in the face store (the service's page)
    assert leader_faces(store, on, UNIT, photo, Limits(), load=_no_models) == []
    with pytest.raises(ConfigError, match="已关闭人脸核对"):
        add_references(store, UNIT, LEADER, [("a.jpg", b"")], Limits(), load=_no_models)


@needs_faces
def test_enrolment_names_the_bad_reference_and_keeps_the_old_ones(
    enrolled: tuple[FaceStore, Branch], tmp_path: Path
) -> None:
    store, _ = enrolled
    before = store.embeddings(UNIT)[LEADER]
    group = (fx.EXAMPLES / "faces" / "2008_002470.jpg").read_bytes()
    (tmp_path / "合影.jpg").write_bytes(group)
    bad = Branch(name=UNIT, leaders=[LEADER], face_references={LEADER: ["合影.jpg"]})
    with pytest.raises(InputError, match=r"合影\.jpg"):
        enrol_branch(store, bad, UNIT, tmp_path, Limits())
    assert len(store.embeddings(UNIT)[LEADER]) == len(before)
    missing = Branch(name=UNIT, leaders=[LEADER], face_references={LEADER: ["无.jpg"]})
    with pytest.raises(ConfigError, match="找不到张三的参考照片"):
        enrol_branch(store, missing, UNIT, tmp_path, Limits())


@needs_faces
def test_check_submission_hands_the_face_facts_to_the_rule(enrolled: tuple[FaceStore, Branch]) -> None:
    from core.settings import Settings
    from ingest.submission import Submission
    from jishi.pipeline import check_submission

    store, branch = enrolled
    [photo] = fx.composites(only={"leader-4-40-clean"})
    evidence = EvidenceFile("现场/1.jpg", FileKind.JPEG, photo.jpeg, hashlib.sha256(photo.jpeg).hexdigest())
    submission = Submission("测试", [evidence], [], SubmissionMeta(branch=UNIT), branch, Plan())
    with_faces = check_submission(submission, Settings(), faces=store)
    [finding] = [f for f in with_faces.findings if f.code == "leader.in_photos"]
    assert finding.status == Status.PASS and finding.required and finding.evidence[0].file == "现场/1.jpg"
    without = check_submission(submission, Settings())
    assert not [f for f in without.findings if f.code == "leader.in_photos"]
    assert without.verdict == with_faces.verdict  # a passing face check changes nothing else
