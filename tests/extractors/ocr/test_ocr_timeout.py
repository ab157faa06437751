"""The per-page timeout wrapper, driven by fake engines (this tests the wrapper, not OCR)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PIL import Image

from core.errors import OcrError
from extractors.ocr import OcrEngine, OcrLine, read_with_timeout
from extractors.ocr import timeout as engine_module

LINE = OcrLine(text="会议记录", box=(0.0, 0.0, 10.0, 10.0), confidence=0.9)
IMAGE = Image.new("RGB", (10, 10), "white")


class BlockingEngine:
    """Implements the OcrEngine protocol; ``read`` blocks until released."""

    name = "blocking"
    version = "0"

    def __init__(self) -> None:
        self.release = threading.Event()
        self.finished = threading.Event()

    def read(self, image: Image.Image) -> list[OcrLine]:
        self.release.wait(timeout=30)
        self.finished.set()
        return [LINE]

    def read_line(self, image: Image.Image) -> OcrLine:
        return LINE


class FastEngine(BlockingEngine):
    def read(self, image: Image.Image) -> list[OcrLine]:
        return [LINE]


class FailingEngine(BlockingEngine):
    def read(self, image: Image.Image) -> list[OcrLine]:
        raise RuntimeError("onnxruntime exploded")


@pytest.fixture
def blocking() -> Iterator[BlockingEngine]:
    engine = BlockingEngine()
    yield engine
    engine.release.set()  # let the abandoned worker finish so the stuck count drops back
    assert engine.finished.wait(timeout=5)
    deadline = time.monotonic() + 5
    while engine_module._stuck and time.monotonic() < deadline:
        time.sleep(0.01)


def test_fakes_satisfy_the_protocol() -> None:
    assert isinstance(BlockingEngine(), OcrEngine)


def test_result_is_returned_when_fast() -> None:
    assert read_with_timeout(FastEngine(), IMAGE, 5) == [LINE]


def test_hang_becomes_timeout_error(blocking: BlockingEngine) -> None:
    started = time.monotonic()
    with pytest.raises(OcrError) as err:
        read_with_timeout(blocking, IMAGE, 0.2)
    assert err.value.code == "ocr.timeout"
    assert "超时" in err.value.message
    assert time.monotonic() - started < 2


def test_next_page_is_not_queued_behind_a_stuck_one(blocking: BlockingEngine) -> None:
    with pytest.raises(OcrError):
        read_with_timeout(blocking, IMAGE, 0.1)
    assert read_with_timeout(FastEngine(), IMAGE, 2) == [LINE]


def test_too_many_stuck_workers_fail_fast(blocking: BlockingEngine) -> None:
    for _ in range(engine_module.MAX_STUCK_WORKERS):
        with pytest.raises(OcrError):
            read_with_timeout(blocking, IMAGE, 0.05)
    started = time.monotonic()
    with pytest.raises(OcrError) as err:
        read_with_timeout(FastEngine(), IMAGE, 5)
    assert err.value.code == "ocr.timeout"
    assert time.monotonic() - started < 0.5


def test_library_exception_is_wrapped() -> None:
    with pytest.raises(OcrError) as err:
        read_with_timeout(FailingEngine(), IMAGE, 5)
    assert err.value.code == "ocr.failed"
    assert isinstance(err.value.__cause__, RuntimeError)


class BlockingLineEngine(BlockingEngine):
    """``read_line`` blocks too: every engine call is under the limit, not only page reads."""

    def read_line(self, image: Image.Image) -> OcrLine:
        self.release.wait(timeout=30)
        self.finished.set()
        return LINE


def test_every_guarded_call_is_timed_including_line_reads() -> None:
    from extractors.ocr import time_limit
    from extractors.ocr.engine import Guarded

    blocking = BlockingLineEngine()
    try:
        with time_limit(0.1), pytest.raises(OcrError) as err:
            Guarded(blocking).read_line(IMAGE)
        assert err.value.code == "ocr.timeout"
    finally:
        blocking.release.set()
        blocking.finished.wait(5)
        deadline = time.monotonic() + 5
        while engine_module._stuck and time.monotonic() < deadline:
            time.sleep(0.01)
    assert Guarded(FastEngine()).read_line(IMAGE) == LINE
