"""The OCR engine contract: what an engine is and what it returns.

An engine is a plain object with ``name``, ``version``, ``read`` (detect and recognise a
page) and ``read_line`` (recognise one cropped line or cell); ``detect`` (boxes only) and
``fit_texts`` (how well given texts explain a cropped line) are optional capabilities. The built-in engines (``rapid.py``, ``tesseract.py``) satisfy exactly
this contract and register through the same door as a plugin (``engine.register_engine``).
Every failure coming out of an engine is an :class:`~core.errors.OcrError`; the engine
library's own exceptions never leak (the guard in ``timeout.py`` wraps them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PIL import Image

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class OcrLine:
    """One recognised line of text."""

    text: str
    box: BBox  # x0, y0, x1, y1 in pixels of the image passed to the engine
    confidence: float  # 0..1
    slope: float | None = (
        None  # degrees of the line's baseline (image y down; negative: rising); None: not known
    )


@runtime_checkable
class OcrEngine(Protocol):
    name: str
    version: str

    def read(self, image: Image.Image) -> list[OcrLine]:
        """Detect and recognise all text lines of a page or photo."""
        ...

    def read_line(self, image: Image.Image) -> OcrLine:
        """Recognition only: ``image`` is a cropped single line or table cell."""
        ...


@runtime_checkable
class SupportsDetect(Protocol):
    """Optional capability: text-line boxes without recognition (much cheaper than ``read``).

    Used to tell a scene photo (few text boxes) from a document page before paying for
    recognition. An engine without it is simply read in full.
    """

    def detect(self, image: Image.Image) -> list[BBox]: ...


@runtime_checkable
class SupportsFit(Protocol):
    """Optional capability: how well each of ``texts`` explains a cropped line or cell.

    For each text, ``log P(text | image) - log P(the engine's own reading | image)``
    (natural log; about 0: the text explains the writing as well as the engine's reading
    does, far below: the writing does not hold it). Used to ask whether a signature that
    reads poorly is still the printed member's name. ``None``: the engine cannot tell
    (a wrapped engine without the capability); callers then go by the reading alone.
    """

    def fit_texts(self, image: Image.Image, texts: Sequence[str]) -> list[float] | None: ...
