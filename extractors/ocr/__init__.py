"""OCR engines behind one small contract: the package's public door.

``contract.py`` (what an engine is), ``engine.py`` (the registry and the guard),
``memo.py`` (results remembered by pixels), ``timeout.py`` (one time limit for every
call); one module per engine (``rapid.py``, the default; ``tesseract.py``).
"""

from extractors.ocr.contract import BBox, OcrEngine, OcrLine, SupportsDetect, SupportsFit
from extractors.ocr.engine import DEFAULT_ENGINE, available_engines, get_engine, register_engine
from extractors.ocr.memo import remembering
from extractors.ocr.timeout import (
    DEFAULT_PAGE_TIMEOUT_S,
    detect_with_timeout,
    read_with_timeout,
    time_limit,
    with_timeout,
)

__all__ = [
    "DEFAULT_ENGINE",
    "DEFAULT_PAGE_TIMEOUT_S",
    "BBox",
    "OcrEngine",
    "OcrLine",
    "SupportsDetect",
    "SupportsFit",
    "available_engines",
    "detect_with_timeout",
    "get_engine",
    "read_with_timeout",
    "register_engine",
    "remembering",
    "time_limit",
    "with_timeout",
]
