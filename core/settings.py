"""Runtime settings: safety limits for everything that touches uploaded bytes, and OCR.

Every model forbids unknown keys, so a typo is an error that names the field.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

MB = 1024 * 1024


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Limits(_Strict):
    """Safety limits for everything that touches uploaded bytes. All named defaults."""

    max_file_bytes: int = 50 * MB
    max_total_bytes: int = 200 * MB
    max_files: int = 200
    max_zip_members: int = 1000
    max_zip_ratio: float = 100.0  # uncompressed / compressed, per member
    max_zip_uncompressed_bytes: int = 300 * MB
    max_docx_uncompressed_bytes: int = 100 * MB
    max_pdf_pages: int = 100
    max_image_pixels: int = 60_000_000  # Pillow's decompression-bomb limit, treated as an error
    max_yaml_bytes: int = 64 * 1024
    parse_timeout_s: float = 30.0  # one file's docx/PDF parse, in a child process
    parse_memory_mb: int = 1536  # address-space limit of that child


class OcrSettings(_Strict):
    """Which OCR engine reads photos and scans ("none" = do not read images)."""

    engine: Literal["rapidocr", "tesseract", "none"] = "rapidocr"
    page_timeout_s: Annotated[float, Field(gt=0, le=600)] = 60.0


class Settings(_Strict):
    limits: Limits = Field(default_factory=Limits)
    ocr: OcrSettings = Field(default_factory=OcrSettings)


