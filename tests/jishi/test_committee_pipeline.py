"""A 支委会 submission through the pipeline: the committee's signatures come from the sign-in reader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from core.models import Status
from core.settings import Settings
from fixtures import history as gen
from ingest.submission import load_submission
from jishi.pipeline import check_submission

DAY = dt.date(2024, 3, 12)


def committee_submission(root: Path, signed: list[str], photo: bool = True) -> Path:
    branch = gen.make_branches()[0]
    folder = (
        root / ("all" if len(signed) == len(branch.committee) else "some") / ("photo" if photo else "none")
    )
    folder.mkdir(parents=True)
    lines = [
        f"会议时间：{DAY.year}年{DAY.month}月{DAY.day}日下午3:00",
        f"会议地点：{branch.place}",
        f"主持人：{branch.secretary}",
        "会议内容：",
        f"会议由{branch.secretary}同志主持，研究本季度发展党员工作。",
    ]
    (folder / "支委会记录.docx").write_bytes(gen.minutes_docx(f"{branch.name}支委会会议记录", lines))
    (folder / "委员签字.docx").write_bytes(gen.signin_docx(branch, DAY, signed))
    if photo:
        (folder / "现场照片.jpg").write_bytes(gen.photo_jpeg(branch, lecture=False))
    (folder / "branch.yaml").write_text(gen.branch_yaml(branch), encoding="utf-8")
    (folder / "submission.yaml").write_text(
        f"branch: {branch.name}\ncategories: [支委会]\nmeeting_date: {DAY.isoformat()}\n", encoding="utf-8"
    )
    return folder


def statuses(folder: Path) -> dict[str, tuple[Status, str]]:
    report = check_submission(load_submission([folder], settings=Settings()), Settings())
    return {f.code: (f.status, f.message) for f in report.findings if f.code.startswith("committee.")}


def test_committee_signatures_and_photo(tmp_path: Path) -> None:
    committee = gen.make_branches()[0].committee
    ok = statuses(committee_submission(tmp_path, committee))
    assert ok["committee.signatures_missing"][0] == Status.PASS
    assert ok["committee.photo_missing"][0] == Status.PASS
    missing = statuses(committee_submission(tmp_path, committee[:-1], photo=False))
    status, message = missing["committee.signatures_missing"]
    assert status == Status.FAIL and committee[-1] in message
    assert missing["committee.photo_missing"][0] == Status.FAIL
