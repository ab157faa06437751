"""Run a parser over uploaded bytes in a forked child with a time and memory limit.

A hostile PDF can make pdfminer loop for minutes or allocate gigabytes; inside a
queue worker that would stall the worker. ``run_limited`` runs the parser in a child
(forked from a clean fork server), applies ``RLIMIT_AS`` in the child, and waits at
most ``timeout_s``: a child that runs
over is killed, and the caller gets an :class:`UnreadableFileError` (bad input,
reported as an ``input.unreadable`` finding) instead of a hang.

The child returns its result (or a JishiError) pickled through a pipe. Only
plain-Python parsers run here (python-docx, pdfplumber); the OCR engines hold
native thread pools that must not be forked, and have their own timeouts.
"""

from __future__ import annotations

import multiprocessing as mp
import pickle
import resource
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from jishi.errors import JishiError, UnreadableFileError

T = TypeVar("T")
# forkserver, not fork: the parent runs OCR threads (onnxruntime), and forking a threaded
# process can leave a lock held forever in the child. The server is a clean single-threaded
# process that forks each child; the parsers are imported there once.
_CTX = mp.get_context("forkserver")
_CTX.set_forkserver_preload(["extractors.docx", "extractors.pdf"])


def _child(conn: Connection, memory_bytes: int, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    try:
        payload: tuple[str, Any] = ("ok", fn(*args))
    except JishiError as exc:
        payload = ("error", exc)
    except MemoryError:
        payload = ("memory", None)
    except Exception as exc:  # a crash inside a third-party parser on hostile bytes
        payload = ("crash", f"{type(exc).__name__}: {exc}")
    try:
        conn.send_bytes(pickle.dumps(payload))
    except MemoryError:
        conn.send_bytes(pickle.dumps(("memory", None)))
    finally:
        conn.close()


def run_limited(fn: Callable[..., T], *args: Any, name: str, timeout_s: float, memory_mb: int) -> T:
    """``fn(*args)`` in a child process; bad-input errors for hangs, blow-ups and crashes."""
    receive, send = _CTX.Pipe(duplex=False)
    child = _CTX.Process(target=_child, args=(send, memory_mb * 1024 * 1024, fn, args), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(timeout_s):
            raise UnreadableFileError(
                f"《{name}》解析超时（超过 {timeout_s:g} 秒），文件可能已损坏或结构异常",
                hint="请重新导出或重新扫描该文件后上传。",
                code="input.parse_timeout",
            )
        try:
            kind, value = pickle.loads(receive.recv_bytes())
        except EOFError:  # the child died without answering (killed by the memory limit, a segfault)
            kind, value = "memory", None
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join(5)
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
