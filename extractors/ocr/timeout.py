"""One time limit for every OCR engine call (page reads, line reads, detection).

Design and trade-off: each call runs in a fresh *daemon* thread and we wait on a
Future. Python cannot kill a thread, so on timeout the OCR keeps running in the
background (holding its CPU and the image) while the caller moves on; its result is
discarded. A daemon thread is used rather than a ``ThreadPoolExecutor`` because executor
workers are joined at interpreter exit, so one truly hung engine call would stop the CLI
from exiting; and a single shared worker would make every later call queue behind the
stuck one and time out too. To bound the damage, once ``MAX_STUCK_WORKERS`` timed-out
calls are still running we fail fast instead of starting more. (Tesseract additionally
kills its own subprocess after a while, see ``tesseract.py``.)

The limit is ``settings.ocr.page_timeout_s``: the pipeline sets it for a check with
:func:`time_limit`; explicit callers pass it to :func:`read_with_timeout`. A call made
while another timed call is running on the same thread of work is not wrapped again.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from PIL import Image

from core.errors import ErrorCode, OcrError
from core.settings import OcrSettings
from extractors.ocr.contract import BBox, OcrEngine, OcrLine, SupportsDetect

R = TypeVar("R")

DEFAULT_PAGE_TIMEOUT_S: float = OcrSettings.model_fields["page_timeout_s"].default  # the one OCR timeout
MAX_STUCK_WORKERS = 2  # timed-out OCR threads still running before we refuse new work

_limit: ContextVar[float] = ContextVar("jishi_ocr_time_limit", default=DEFAULT_PAGE_TIMEOUT_S)
_inside: ContextVar[bool] = ContextVar("jishi_ocr_timed", default=False)
_stuck = 0
_stuck_lock = threading.Lock()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Every engine call made while active gives up after ``seconds``."""
    token = _limit.set(seconds)
    try:
        yield
    finally:
        _limit.reset(token)


def current_limit() -> float:
    return _limit.get()


def read_with_timeout(engine: OcrEngine, image: Image.Image, seconds: float) -> list[OcrLine]:
    """``engine.read(image)``, giving up after ``seconds`` with ``OcrError('ocr.timeout')``."""
    return with_timeout(lambda: engine.read(image), seconds)


def detect_with_timeout(engine: SupportsDetect, image: Image.Image, seconds: float) -> list[BBox]:
    """``engine.detect(image)`` under the same time limit as :func:`read_with_timeout`."""
    return with_timeout(lambda: engine.detect(image), seconds)


def with_timeout(call: Callable[[], R], seconds: float | None = None) -> R:
    """``call()`` in a worker thread, at most ``seconds`` (default: the active limit)."""
    if _inside.get():  # already inside a timed call: its limit holds
        return call()
    limit = current_limit() if seconds is None else seconds
    with _stuck_lock:
        if _stuck >= MAX_STUCK_WORKERS:
            raise OcrError(
                "OCR 引擎无响应（之前的页面仍在识别中），已跳过本页",
                hint="请稍后重试；如反复出现，请把图片缩小或拆分后再提交。",
                code=ErrorCode.OCR_TIMEOUT,
            )
    future: Future[R] = Future()
    context = contextvars.copy_context()  # the worker sees the caller's OCR memo
    worker = threading.Thread(target=context.run, args=(_run, call, future), name="jishi-ocr", daemon=True)
    worker.start()
    try:
        return future.result(timeout=limit)
    except FutureTimeout as exc:
        _mark_stuck(future)
        raise OcrError(
            f"OCR 识别超时（超过 {limit:g} 秒），已跳过本页",
            hint="图片可能过大或过于复杂，请缩小或裁剪后重新上传。",
            code=ErrorCode.OCR_TIMEOUT,
        ) from exc


def _run(call: Callable[[], R], future: Future[R]) -> None:
    if not future.set_running_or_notify_cancel():
        return
    _inside.set(True)  # in this worker's own copy of the context
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
