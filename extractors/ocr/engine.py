"""The OCR contract: what an engine returns, how engines are found, and the page timeout.

Engines are plain objects that satisfy :class:`OcrEngine`. Each one registers a
zero-argument factory under a short name with :func:`register_engine`; callers ask
for an engine with :func:`get_engine`, which builds it lazily, once per process, and
caches it. Loading models is slow (seconds), so never build engines per page.

Every failure coming out of an engine is an :class:`OcrError` (a ``JishiError``);
the engine library's own exceptions never leak.
"""

from __future__ import annotations

import contextvars
import hashlib
import importlib
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar, runtime_checkable

from PIL import Image

from core.errors import OcrError
from core.settings import OcrSettings

BBox = tuple[float, float, float, float]

DEFAULT_ENGINE = "rapidocr"
DEFAULT_PAGE_TIMEOUT_S: float = OcrSettings.model_fields["page_timeout_s"].default  # the one OCR timeout
MAX_STUCK_WORKERS = 2  # timed-out OCR threads still running before we refuse new work

# Built-in engines live in sibling modules; importing one registers it.
_BUILTIN_MODULES = {
    "rapidocr": "extractors.ocr.rapid",
    "tesseract": "extractors.ocr.tesseract",
}


@dataclass(frozen=True)
class OcrLine:
    """One recognised line of text."""

    text: str
    box: BBox  # x0, y0, x1, y1 in pixels of the image passed to the engine
    confidence: float  # 0..1
    slope: float | None = None  # degrees of the line's baseline (image y down; negative: rising); None: not known


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


# ------------------------------------------------------------------------ registry

E = TypeVar("E", bound=Callable[[], OcrEngine])
R = TypeVar("R")

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
    """The process-wide instance of engine ``name``, built on first use (wrapped so that
    its results are remembered while a memo is active, see :func:`remembering`)."""
    with _registry_lock:
        engine = _instances.get(name)
        if engine is None:
            inner = _build(name)
            engine = RememberedDetecting(inner) if isinstance(inner, SupportsDetect) else Remembered(inner)
            _instances[name] = engine
        return engine


class OcrMemo(Protocol):
    """Where OCR results are remembered (store.cache.DocumentCache implements it)."""

    def get_ocr(self, key: str) -> list[OcrLine] | None: ...

    def put_ocr(self, key: str, lines: list[OcrLine]) -> None: ...


_memo: ContextVar[OcrMemo | None] = ContextVar("jishi_ocr_memo", default=None)


@contextmanager
def remembering(memo: OcrMemo | None) -> Iterator[None]:
    """While active, every engine call with the same pixels is answered from ``memo``:
    checking the same files again costs image decoding and hashing, not OCR."""
    token = _memo.set(memo)
    try:
        yield
    finally:
        _memo.reset(token)


def image_digest(image: Image.Image) -> str:
    digest = hashlib.sha256(f"{image.mode}{image.size}".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


class Remembered:
    """An engine whose calls go through the active memo, keyed by engine version and pixels."""

    def __init__(self, inner: OcrEngine) -> None:
        self.inner = inner
        self.name = inner.name
        self.version = inner.version

    def read(self, image: Image.Image) -> list[OcrLine]:
        return self._through_memo("read", image, lambda: self.inner.read(image))

    def read_line(self, image: Image.Image) -> OcrLine:
        return self._through_memo("line", image, lambda: [self.inner.read_line(image)])[0]

    def _through_memo(self, kind: str, image: Image.Image, compute: Callable[[], list[OcrLine]]) -> list[OcrLine]:
        memo = _memo.get()
        if memo is None:
            return compute()
        key = f"{self.version}|{kind}|{image_digest(image)}"
        found = memo.get_ocr(key)
        if found is None:
            found = compute()
            memo.put_ocr(key, found)
        return found


class RememberedDetecting(Remembered):
    """A remembered engine that also has the cheap ``detect`` capability (and only then:
    an engine without it must not look as if it had it, or the scene check would run a
    full read first)."""

    def __init__(self, inner: OcrEngine) -> None:
        super().__init__(inner)
        self._detector: SupportsDetect = inner  # type: ignore[assignment]

    def detect(self, image: Image.Image) -> list[BBox]:
        def boxes_as_lines() -> list[OcrLine]:
            return [OcrLine("", box, 1.0) for box in self._detector.detect(image)]

        return [line.box for line in self._through_memo("det", image, boxes_as_lines)]


def _build(name: str) -> OcrEngine:
    if name not in _factories and name in _BUILTIN_MODULES:
        importlib.import_module(_BUILTIN_MODULES[name])
    factory = _factories.get(name)
    if factory is None:
        raise OcrError(
            f"未知的 OCR 引擎：{name}",
            hint=f"可选的引擎：{'、'.join(available_engines())}。",
            code="ocr.unknown_engine",
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


# ------------------------------------------------------------------------- timeout

_stuck = 0
_stuck_lock = threading.Lock()


def detect_with_timeout(engine: SupportsDetect, image: Image.Image, seconds: float) -> list[BBox]:
    """``engine.detect(image)`` under the same time limit as :func:`read_with_timeout`."""
    return _with_timeout(lambda: engine.detect(image), seconds)


def read_with_timeout(engine: OcrEngine, image: Image.Image, seconds: float) -> list[OcrLine]:
    """``engine.read(image)``, but give up after ``seconds`` with ``OcrError('ocr.timeout')``.

    Design and trade-off: each call runs in a fresh *daemon* thread and we wait on a
    Future. Python cannot kill a thread, so on timeout the OCR keeps running in the
    background (holding its CPU and the image) while the caller moves on to the next
    page; its result is discarded. A daemon thread is used rather than a
    ``ThreadPoolExecutor`` because executor workers are joined at interpreter exit,
    so one truly hung engine call would stop the CLI from exiting; and a single shared
    worker would make every later page queue behind the stuck one and time out too.
    To bound the damage, once ``MAX_STUCK_WORKERS`` timed-out calls are still running
    we fail fast instead of starting more. (Tesseract additionally kills its own
    subprocess after a while, see ``tesseract.py``.)
    """
    return _with_timeout(lambda: engine.read(image), seconds)


def _with_timeout(call: Callable[[], R], seconds: float) -> R:
    with _stuck_lock:
        if _stuck >= MAX_STUCK_WORKERS:
            raise OcrError(
                "OCR 引擎无响应（之前的页面仍在识别中），已跳过本页",
                hint="请稍后重试；如反复出现，请把图片缩小或拆分后再提交。",
                code="ocr.timeout",
            )
    future: Future[R] = Future()
    context = contextvars.copy_context()  # the worker sees the caller's OCR memo
    worker = threading.Thread(target=context.run, args=(_run, call, future), name="jishi-ocr", daemon=True)
    worker.start()
    try:
        return future.result(timeout=seconds)
    except FutureTimeout as exc:
        _mark_stuck(future)
        raise OcrError(
            f"OCR 识别超时（超过 {seconds:g} 秒），已跳过本页",
            hint="图片可能过大或过于复杂，请缩小或裁剪后重新上传。",
            code="ocr.timeout",
        ) from exc


def _run(call: Callable[[], R], future: Future[R]) -> None:
    if not future.set_running_or_notify_cancel():
        return
    try:
        result = call()
    except OcrError as exc:
        future.set_exception(exc)
    except Exception as exc:  # never let a library exception escape untyped
        error = OcrError(f"OCR 识别失败：{type(exc).__name__}: {exc}", hint="请检查图片是否清晰完整。")
        error.__cause__ = exc
        future.set_exception(error)
    else:
        future.set_result(result)


def _mark_stuck(future: Future[Any]) -> None:
    global _stuck
    with _stuck_lock:
        _stuck += 1

    def release(_: Future[Any]) -> None:
        global _stuck
        with _stuck_lock:
            _stuck -= 1

    future.add_done_callback(release)  # runs at once if the call finished meanwhile
