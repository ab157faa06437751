"""Run a parser over uploaded bytes in a worker process with a time and memory limit.

A hostile PDF can make pdfminer loop for minutes or allocate gigabytes; inside a
queue worker that would stall the worker. ``run_limited`` hands the parse to a
long-lived worker process whose address space is capped (``RLIMIT_AS``) and waits
at most ``timeout_s``. A worker that runs over is killed (and replaced on the next
call), a worker that dies or runs out of memory is replaced, and the caller gets an
:class:`UnreadableFileError` (bad input, reported as an ``input.unreadable``
finding) instead of a hang.

The worker starts from a clean fork server, not by forking this process: the parent
runs OCR threads (onnxruntime), and forking a threaded process can leave a lock held
forever in the child. Reusing one worker keeps a parse at a few milliseconds of
overhead instead of a process start per file. Only plain-Python parsers run here
(python-docx, pdfplumber); the OCR engines have their own timeouts.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from core.errors import JishiError, UnreadableFileError

T = TypeVar("T")
_CTX = mp.get_context("forkserver")
_CTX.set_forkserver_preload(["extractors.formats.docx", "extractors.formats.pdf"])
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_pool_memory = 0


def _limit(memory_bytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


def _call(fn: Callable[..., Any], args: tuple[Any, ...]) -> tuple[str, Any]:
    """In the worker: the result, or how it failed, as plain data."""
    try:
        return ("ok", fn(*args))
    except JishiError as exc:
        return ("error", exc)
    except MemoryError:
        return ("memory", None)
    except Exception as exc:  # a crash inside a third-party parser on hostile bytes
        return ("crash", f"{type(exc).__name__}: {exc}")


def _worker(memory_mb: int) -> ProcessPoolExecutor:
    global _pool, _pool_memory
    if _pool is None or _pool_memory != memory_mb:
        _discard()
        _pool = ProcessPoolExecutor(
            1, mp_context=_CTX, initializer=_limit, initargs=(memory_mb * 1024 * 1024,)
        )
        _pool_memory = memory_mb
    return _pool


def _discard() -> None:
    """Kill the worker (it may be stuck in a parse) and forget it."""
    global _pool
    if _pool is None:
        return
    for process in list(getattr(_pool, "_processes", {}).values()):
        process.kill()
    _pool.shutdown(wait=False, cancel_futures=True)
    _pool = None


def run_limited(fn: Callable[..., T], *args: Any, name: str, timeout_s: float, memory_mb: int) -> T:
    """``fn(*args)`` in the worker; bad-input errors for hangs, blow-ups and crashes."""
    with _lock:  # one parse at a time per process: the worker is single-threaded anyway
        future = _worker(memory_mb).submit(_call, fn, args)
        try:
            kind, value = future.result(timeout=timeout_s)
        except FutureTimeout as exc:
            _discard()
            raise UnreadableFileError(
                f"《{name}》解析超时（超过 {timeout_s:g} 秒），文件可能已损坏或结构异常",
                hint="请重新导出或重新扫描该文件后上传。",
                code="input.parse_timeout",
            ) from exc
        except BrokenProcessPool:  # the worker died (killed at the memory limit, a segfault)
            _discard()
            kind, value = "memory", None
        if kind == "memory":
            _discard()  # a worker that hit its memory limit is not trusted further
    return _unpack(kind, value, name, memory_mb)


def _unpack(kind: str, value: Any, name: str, memory_mb: int) -> Any:
    if kind == "ok":
        return value
    if kind == "error":
        raise value
    if kind == "memory":
        raise UnreadableFileError(
            f"《{name}》解析时占用内存超过 {memory_mb} MB，文件可能是恶意构造或已损坏",
            hint="请重新导出该文件（如 Word“另存为”、PDF“打印为 PDF”）后上传。",
            code="input.parse_memory",
        )
    raise UnreadableFileError(
        f"《{name}》无法解析（{value}）", hint="请重新导出或重新扫描该文件后上传。", code="input.unreadable"
    )
