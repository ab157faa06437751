"""Runtime settings: the safety limits for everything that touches uploaded bytes, and OCR.

Every limit is a named, bounded default with a description, and every one can be set
from the environment with the ``JISHI_`` prefix and ``__`` between levels, e.g.
``JISHI_LIMITS__MAX_FILE_BYTES=104857600`` or ``JISHI_OCR__PAGE_TIMEOUT_S=90`` (a
queue worker is configured that way). A value out of bounds or a misspelt key is a
``config.invalid`` error naming the field. Submission data (the branch's roster, the
month plan, what the secretary entered) is not a setting: see ``core.meta``.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError
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


class Settings(BaseSettings):
    """Everything a run of jishi is configured with; from the environment (JISHI_…) or given."""

    model_config = SettingsConfigDict(
        env_prefix="JISHI_", env_nested_delimiter="__", extra="forbid", frozen=True, case_sensitive=False
    )

    limits: Limits = Field(default_factory=Limits)
    ocr: OcrSettings = Field(default_factory=OcrSettings)


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment; a bad value is a ``config.invalid`` error naming the field."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        where = "；".join(f"{'.'.join(str(p) for p in e['loc'])}：{e['msg']}" for e in exc.errors())
        raise ConfigError(
            f"运行设置不合法：{where}", hint="请检查以 JISHI_ 开头的环境变量（取值范围见 README“设置”）。"
        ) from exc
