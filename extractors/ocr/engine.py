"""Finding OCR engines: the registry, and the guard every engine is handed out in.

Engines satisfy the contract in ``contract.py``. Each one registers a zero-argument
factory under a short name with :func:`register_engine` (the built-ins too, from their
own modules); callers ask for an engine with :func:`get_engine`, which builds it lazily,
once per process, and caches it. Loading models is slow (seconds), so never build
engines per page. The engine handed out is wrapped in a :class:`Guarded`: every call
(``read``, ``read_line``, ``detect``) goes through the active memo (``memo.py``) and the
one time limit (``timeout.py``); ``fit_texts`` goes through the time limit (its answers
are numbers, not lines, and cheap next to a reading).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

from PIL import Image

from core.errors import ErrorCode, OcrError
from core.settings import ENGINE_NAMES
from extractors.ocr.contract import BBox, OcrEngine, OcrLine, SupportsDetect, SupportsFit
from extractors.ocr.memo import active_memo, image_digest
from extractors.ocr.timeout import with_timeout

E = TypeVar("E", bound=Callable[[], OcrEngine])

DEFAULT_ENGINE = "rapidocr"
# Built-in engines live in sibling modules named here; importing one registers it.
_BUILTIN_MODULES = {"rapidocr": "extractors.ocr.rapid", "tesseract": "extractors.ocr.tesseract"}
assert set(_BUILTIN_MODULES) | {"none"} == set(ENGINE_NAMES), "core.settings.EngineName lists the engines"

_factories: dict[str, Callable[[], OcrEngine]] = {}
_instances: dict[str, OcrEngine] = {}
_registry_lock = threading.Lock()


def register_engine(name: str) -> Callable[[E], E]:
    """Class (or zero-argument factory) decorator: make an engine available as ``name``."""

    def decorate(factory: E) -> E:
        _factories[name] = factory
        return factory

    return decorate


def available_engines() -> list[str]:
    return sorted(set(_BUILTIN_MODULES) | set(_factories))


def get_engine(name: str = DEFAULT_ENGINE) -> OcrEngine:
    """The process-wide instance of engine ``name``, built on first use and guarded."""
    with _registry_lock:
        engine = _instances.get(name)
        if engine is None:
            inner = _build(name)
            engine = GuardedDetecting(inner) if isinstance(inner, SupportsDetect) else Guarded(inner)
            _instances[name] = engine
        return engine


class Guarded:
    """An engine whose calls go through the active memo (keyed by engine version and
    pixels) and the active time limit."""

    def __init__(self, inner: OcrEngine) -> None:
        self.inner = inner
        self.name = inner.name
        self.version = inner.version

    def read(self, image: Image.Image) -> list[OcrLine]:
        return self._through_memo("read", image, lambda: with_timeout(lambda: self.inner.read(image)))

    def read_line(self, image: Image.Image) -> OcrLine:
        return self._through_memo("line", image, lambda: [with_timeout(lambda: self.inner.read_line(image))])[
            0
        ]

    def fit_texts(self, image: Image.Image, texts: Sequence[str]) -> list[float] | None:
        """The inner engine's ``fit_texts`` (``SupportsFit``), or None when it has none."""
        inner = self.inner
        if not isinstance(inner, SupportsFit):
            return None
        return with_timeout(lambda: inner.fit_texts(image, texts))

    def _through_memo(
        self, kind: str, image: Image.Image, compute: Callable[[], list[OcrLine]]
    ) -> list[OcrLine]:
        memo = active_memo()
        if memo is None:
            return compute()
        key = f"{self.version}|{kind}|{image_digest(image)}"
        found = memo.get_ocr(key)
        if found is None:
            found = compute()
            memo.put_ocr(key, found)
        return found


class GuardedDetecting(Guarded):
    """A guarded engine that also has the cheap ``detect`` capability (and only then: an
    engine without it must not look as if it had it, or the scene check would run a full
    read first)."""

    def __init__(self, inner: OcrEngine) -> None:
        super().__init__(inner)
        self._detector: SupportsDetect = inner  # type: ignore[assignment]

    def detect(self, image: Image.Image) -> list[BBox]:
        def boxes_as_lines() -> list[OcrLine]:
            return [OcrLine("", box, 1.0) for box in with_timeout(lambda: self._detector.detect(image))]

        return [line.box for line in self._through_memo("det", image, boxes_as_lines)]


def _build(name: str) -> OcrEngine:
    if name not in _factories and name in _BUILTIN_MODULES:
        importlib.import_module(_BUILTIN_MODULES[name])
    factory = _factories.get(name)
    if factory is None:
        raise OcrError(
            f"未知的 OCR 引擎：{name}",
            hint=f"可选的引擎：{'、'.join(available_engines())}。",
            code=ErrorCode.OCR_UNKNOWN_ENGINE,
        )
    try:
        return factory()
    except OcrError:
        raise
    except Exception as exc:  # engine libraries raise anything while loading models
        raise OcrError(
            f"OCR 引擎 {name} 加载失败：{type(exc).__name__}: {exc}",
            hint="请确认已按 README 安装全部依赖，或改用另一个 OCR 引擎。",
        ) from exc
