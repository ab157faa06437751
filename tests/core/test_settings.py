"""Settings: bounded named limits, settable from the environment with the JISHI_ prefix."""

from __future__ import annotations

import pydantic
import pytest

from core.errors import ConfigError
from core.settings import FaceSettings, Limits, OcrSettings, Settings, load_settings


def test_every_limit_is_bounded_and_described() -> None:
    groups = (Limits, OcrSettings, FaceSettings)
    for name, field in {k: v for g in groups for k, v in g.model_fields.items()}.items():
        assert field.description, f"{name} has no description"
        if name == "engine" or field.annotation is bool:
            continue
        bounds = [m for m in field.metadata if type(m).__name__ in {"Ge", "Gt", "Le", "Lt"}]
        assert len(bounds) >= 2, f"{name} is not bounded on both sides"


def test_a_negative_limit_is_refused() -> None:
    with pytest.raises(pydantic.ValidationError):
        Limits(max_file_bytes=-1)


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JISHI_LIMITS__MAX_FILES", "7")
    monkeypatch.setenv("JISHI_OCR__ENGINE", "tesseract")
    settings = Settings()
    assert settings.limits.max_files == 7 and settings.ocr.engine == "tesseract"


def test_a_bad_environment_value_is_a_config_error_naming_the_field(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JISHI_OCR__PAGE_TIMEOUT_S", "-3")
    with pytest.raises(ConfigError) as err:
        load_settings()
    assert "page_timeout_s" in err.value.message and "JISHI_" in err.value.hint


def test_face_thresholds_keep_their_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JISHI_FACES__CLEARLY_OTHER", "0.45")
    with pytest.raises(ConfigError) as err:
        load_settings()
    assert "clearly_other" in err.value.message
    monkeypatch.setenv("JISHI_FACES__CLEARLY_OTHER", "0.2")
    monkeypatch.setenv("JISHI_FACES__MIN_THRESHOLD", "0.5")
    assert load_settings().faces.min_threshold == 0.5
