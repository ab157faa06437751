"""submission.yaml / branch.yaml / plan.yaml: from the root, overridden, validated."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from ingest_builders import docx_bytes, make_zip, write

from core.errors import ConfigError
from core.meta import DEFAULT_MIN_ATTENDANCE_RATIO, Branch, Plan, SubmissionMeta
from ingest import load_submission

SUBMISSION = "branch: 第一党支部\ncategories: [主题党日, 党课]\nmeeting_date: 2024-05-10\n".encode()
BRANCH = "name: 第一党支部\nmembers:\n  - {name: 张三, role: 书记}\n  - {name: 李四}\n".encode()
PLAN = "month: 2024-05\nrequired_items: [重温入党誓词]\nmin_attendance_ratio: 0.9\n".encode()


def _folder(tmp_path: Path, **configs: bytes) -> Path:
    root = tmp_path / "s"
    write(root / "记录.docx", docx_bytes())
    for name, text in configs.items():
        write(root / f"{name}.yaml", text)
    return root


def test_configs_from_folder_root(tmp_path: Path) -> None:
    root = _folder(tmp_path, submission=SUBMISSION, branch=BRANCH, plan=PLAN)
    write(root / "sub" / "plan.yaml", b"bogus_key: 1")  # not at the root: ignored
    sub = load_submission([root])
    assert sub.meta.branch == "第一党支部"
    assert sub.meta.categories == ["主题党日", "党课"]
    assert sub.meta.meeting_date == dt.date(2024, 5, 10)
    assert sub.branch.names() == ["张三", "李四"]
    assert sub.branch.role_of("张三") == "书记"
    assert sub.plan.required_items == ["重温入党誓词"]
    assert sub.plan.min_attendance_ratio == 0.9
    assert [f.path for f in sub.files] == ["记录.docx"]
    assert sub.problems == []


def test_missing_configs_give_defaults(tmp_path: Path) -> None:
    sub = load_submission([_folder(tmp_path)])
    assert sub.meta == SubmissionMeta()
    assert sub.branch == Branch()
    assert sub.plan == Plan()
    assert sub.plan.min_attendance_ratio == DEFAULT_MIN_ATTENDANCE_RATIO


def test_configs_from_zip_root(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "up.zip",
        {"记录.docx": docx_bytes(), "submission.yaml": SUBMISSION, "plan.yaml": b"\xef\xbb\xbf" + PLAN},
    )
    sub = load_submission([archive])
    assert sub.meta.branch == "第一党支部"
    assert sub.plan.month == "2024-05"


def test_explicit_yaml_overrides_embedded(tmp_path: Path) -> None:
    root = _folder(tmp_path, submission=b"branch: [broken", plan=PLAN)
    explicit = write(tmp_path / "cli" / "meta.yaml", "branch: 第二党支部\n".encode())
    explicit_plan = write(tmp_path / "cli" / "plan.yaml", b"month: 2024-06\n")
    sub = load_submission([root], submission_yaml=explicit, plan_yaml=explicit_plan)
    assert sub.meta.branch == "第二党支部"
    assert sub.plan.month == "2024-06"
    assert sub.plan.required_items == []  # the embedded plan was not merged in


def test_unknown_key_names_file_and_field(tmp_path: Path) -> None:
    root = _folder(tmp_path, submission=b"meeting_dat: 2024-05-10\n")
    with pytest.raises(ConfigError) as info:
        load_submission([root])
    assert info.value.code == "config.invalid"
    assert "submission.yaml" in info.value.message and "meeting_dat" in info.value.message


def test_unknown_key_in_zip_yaml(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "up.zip", {"记录.docx": docx_bytes(), "branch.yaml": b"memebers: []\n"})
    with pytest.raises(ConfigError) as info:
        load_submission([archive])
    assert "branch.yaml" in info.value.message and "memebers" in info.value.message


def test_bad_value_in_explicit_yaml(tmp_path: Path) -> None:
    plan = write(tmp_path / "my-plan.yaml", b"min_attendance_ratio: 3\n")
    with pytest.raises(ConfigError) as info:
        load_submission([_folder(tmp_path)], plan_yaml=plan)
    assert "my-plan.yaml" in info.value.message and "min_attendance_ratio" in info.value.message


def test_non_utf8_yaml_in_zip(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "up.zip", {"记录.docx": docx_bytes(), "submission.yaml": "branch: 一支部".encode("gbk")}
    )
    with pytest.raises(ConfigError) as info:
        load_submission([archive])
    assert "UTF-8" in info.value.message
