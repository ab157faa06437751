"""OCR engines behind one small contract (see ``engine.py``); the default is RapidOCR."""

from extractors.ocr.engine import (
    DEFAULT_ENGINE,
    DEFAULT_PAGE_TIMEOUT_S,
    OcrEngine,
    OcrError,
    OcrLine,
    available_engines,
    get_engine,
    read_with_timeout,
    register_engine,
)

__all__ = [
    "DEFAULT_ENGINE",
    "DEFAULT_PAGE_TIMEOUT_S",
    "OcrEngine",
    "OcrError",
    "OcrLine",
    "available_engines",
    "get_engine",
    "read_with_timeout",
    "register_engine",
]
