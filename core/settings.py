"""Runtime settings: the safety limits for everything that touches uploaded bytes, and OCR.

Every limit is a named, bounded default with a description, and every one can be set
from the environment with the ``JISHI_`` prefix and ``__`` between levels, e.g.
``JISHI_LIMITS__MAX_FILE_BYTES=104857600``, ``JISHI_OCR__PAGE_TIMEOUT_S=90`` or
``JISHI_FACES__MIN_THRESHOLD=0.5`` (a queue worker is configured that way). A value out of bounds or a misspelt key is a
``config.invalid`` error naming the field. Submission data (the branch's roster, the
month plan, what the secretary entered) is not a setting: see ``core.meta``.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.errors import ConfigError

MB = 1024 * 1024

# The one list of OCR engine names (the CLI, the service and the engine registry use it).
EngineName = Literal["rapidocr", "tesseract", "none"]
ENGINE_NAMES: tuple[str, ...] = get_args(EngineName)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Limits(_Strict):
    """Safety limits for everything that touches uploaded bytes. All named defaults."""

    max_file_bytes: Annotated[int, Field(ge=1, le=2048 * MB, description="one uploaded file")] = 50 * MB
    max_total_bytes: Annotated[int, Field(ge=1, le=8192 * MB, description="one whole submission")] = 200 * MB
    max_files: Annotated[int, Field(ge=1, le=10_000, description="files in one submission")] = 200
    max_zip_members: Annotated[int, Field(ge=1, le=100_000, description="members of one archive")] = 1000
    max_zip_ratio: Annotated[
        float, Field(ge=1, le=1_000_000, description="uncompressed / compressed size of one archive member")
    ] = 100.0
    max_zip_uncompressed_bytes: Annotated[
        int, Field(ge=1, le=16384 * MB, description="unpacked bytes of one archive tree")
    ] = 300 * MB
    max_docx_uncompressed_bytes: Annotated[
        int, Field(ge=1, le=4096 * MB, description="unpacked bytes of one .docx/.xlsx")
    ] = 100 * MB
    max_pdf_pages: Annotated[int, Field(ge=1, le=10_000, description="pages read from one PDF")] = 100
    max_image_pixels: Annotated[
        int, Field(ge=1, le=1_000_000_000, description="pixels of one image (decompression-bomb limit)")
    ] = 60_000_000
    max_yaml_bytes: Annotated[int, Field(ge=1, le=16 * MB, description="one YAML file")] = 64 * 1024
    parse_timeout_s: Annotated[
        float,
        Field(gt=0, le=3600, description="one file's docx/PDF/xlsx parse, in the limited child process"),
    ] = 30.0
    parse_memory_mb: Annotated[
        int, Field(ge=256, le=65_536, description="address-space limit of that child process")
    ] = 1536
    max_archive_depth: Annotated[
        int, Field(ge=1, le=5, description="an archive in an archive in an archive")
    ] = 3
    convert_timeout_s: Annotated[
        float, Field(gt=0, le=600, description="one LibreOffice conversion (.doc/.wps/.rtf/.xls)")
    ] = 90.0
    convert_memory_mb: Annotated[
        int, Field(ge=256, le=16384, description="address-space limit of LibreOffice")
    ] = 2048
    max_sheets: Annotated[int, Field(ge=1, le=1000, description="sheets read from one workbook")] = 20
    max_sheet_rows: Annotated[
        int, Field(ge=1, le=1_000_000, description="rows read from one sheet or CSV")
    ] = 2000
    max_sheet_columns: Annotated[int, Field(ge=1, le=16384, description="columns read from one row")] = 64
    max_sheet_cells: Annotated[int, Field(ge=1, le=10_000_000, description="cells read from one sheet")] = (
        100_000
    )
    max_document_pictures: Annotated[
        int, Field(ge=0, le=500, description="pictures in one Word file read as pages")
    ] = 30
    max_image_frames: Annotated[int, Field(ge=1, le=1000, description="pages of one multi-page TIFF")] = 100


class OcrSettings(_Strict):
    """Which OCR engine reads photos and scans ("none" = do not read images)."""

    engine: Annotated[EngineName, Field(description="the OCR engine; none reads no image")] = "rapidocr"
    page_timeout_s: Annotated[
        float, Field(gt=0, le=600, description="every OCR engine call (one page, line or detection)")
    ] = 60.0


class FaceSettings(_Strict):
    """The face check (leader.in_photos) and its enrolment. Figures behind the defaults:
    ``bench/faces.py``."""

    enabled: Annotated[
        bool, Field(description="the face check on this installation (each unit also has its own switch)")
    ] = True
    detector_min_score: Annotated[
        float, Field(ge=0.3, le=0.99, description="YuNet confidence for a face (its own default)")
    ] = 0.6
    detect_max_side: Annotated[
        int,
        Field(ge=320, le=8192, description="long side (px) a photo is searched at; larger ones are shrunk"),
    ] = 2048
    upscale: Annotated[
        float, Field(ge=1.0, le=4.0, description="enlargement for faces too small at the photo's own size")
    ] = 2.0
    upscale_max_side: Annotated[
        int,
        Field(
            ge=320,
            le=8192,
            description="a photo with only small faces is searched whole, enlarged, up to this long side",
        ),
    ] = 2400
    hint_min_score: Annotated[
        float,
        Field(
            ge=0.01,
            le=0.6,
            description="YuNet confidence of a weak hit that is searched again enlarged before a 'not found'",
        ),
    ] = 0.05
    max_hints: Annotated[
        int,
        Field(
            ge=0, le=500, description="weak hits searched again per photo, strongest first (caps the work)"
        ),
    ] = 32
    hint_window: Annotated[
        float,
        Field(ge=1.5, le=10.0, description="side of the region searched around a weak hit, in hit sizes"),
    ] = 3.0
    hint_window_max: Annotated[
        int,
        Field(
            ge=32,
            le=1024,
            description="largest region (px at the first pass's scale) searched around a weak hit; "
            "a weak hit over half of it is not a face too small for the first pass",
        ),
    ] = 256
    judge_min_eyes: Annotated[
        float,
        Field(ge=10.0, le=200.0, description="eye distance (px) below which a face is too small to judge"),
    ] = 20.0
    max_faces_per_photo: Annotated[
        int, Field(ge=1, le=500, description="largest faces embedded per photo (~40 ms each)")
    ] = 40
    min_threshold: Annotated[
        float, Field(ge=0.3, le=0.9, description="cosine floor: a face is never the leader below it")
    ] = 0.45
    max_threshold: Annotated[
        float,
        Field(ge=0.45, le=0.95, description="calibration ceiling (above it the references are unusable)"),
    ] = 0.70
    calibration_margin: Annotated[
        float, Field(ge=0.0, le=0.3, description="threshold above the best score of another enrolled member")
    ] = 0.05
    clearly_other: Annotated[
        float, Field(ge=-1.0, le=0.45, description="cosine below which a face is clearly someone else")
    ] = 0.30
    enrol_min_eyes: Annotated[
        float, Field(ge=20.0, le=1000.0, description="eye distance (px) a reference photo needs")
    ] = 40.0
    enrol_min_sharpness: Annotated[
        float,
        Field(
            ge=0.0, le=100.0, description="sharpness a reference face needs (blurred: 0.7-1.6, sharp: 2.7+)"
        ),
    ] = 2.0
    max_references: Annotated[int, Field(ge=1, le=50, description="reference photos kept per person")] = 10

    @model_validator(mode="after")
    def _ordered(self) -> FaceSettings:
        if not self.clearly_other < self.min_threshold <= self.max_threshold:
            raise ValueError("需要 clearly_other < min_threshold <= max_threshold")
        return self


class Settings(BaseSettings):
    """Everything a run of jishi is configured with; from the environment (JISHI_…) or given."""

    model_config = SettingsConfigDict(
        env_prefix="JISHI_", env_nested_delimiter="__", extra="forbid", frozen=True, case_sensitive=False
    )

    limits: Limits = Field(default_factory=Limits)
    ocr: OcrSettings = Field(default_factory=OcrSettings)
    faces: FaceSettings = Field(default_factory=FaceSettings)


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment; a bad value is a ``config.invalid`` error naming the field."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        where = "；".join(f"{'.'.join(str(p) for p in e['loc'])}：{e['msg']}" for e in exc.errors())
        raise ConfigError(
            f"运行设置不合法：{where}", hint="请检查以 JISHI_ 开头的环境变量（取值范围见 README“设置”）。"
        ) from exc
