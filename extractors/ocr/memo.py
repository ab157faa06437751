"""Remembering OCR results by pixels: checking the same files again costs decoding, not OCR."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol

from PIL import Image

from extractors.ocr.contract import OcrLine


class OcrMemo(Protocol):
    """Where OCR results are remembered (store.cache.DocumentCache implements it)."""

    def get_ocr(self, key: str) -> list[OcrLine] | None: ...

    def put_ocr(self, key: str, lines: list[OcrLine]) -> None: ...


_memo: ContextVar[OcrMemo | None] = ContextVar("jishi_ocr_memo", default=None)


@contextmanager
def remembering(memo: OcrMemo | None) -> Iterator[None]:
    """While active, every engine call with the same pixels is answered from ``memo``."""
    token = _memo.set(memo)
    try:
        yield
    finally:
        _memo.reset(token)


def active_memo() -> OcrMemo | None:
    return _memo.get()


def image_digest(image: Image.Image) -> str:
    digest = hashlib.sha256(f"{image.mode}{image.size}".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()
