"""Tesseract (via pytesseract): the fallback engine, weaker on Chinese than RapidOCR.

Debian's Tesseract is built with OpenMP and runs ~3.5x slower on small machines
unless ``OMP_THREAD_LIMIT=1``; we set it in ``os.environ`` (inherited by the
tesseract subprocess) before the first call, unless the user set it already.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from typing import Any

from PIL import Image

from core.errors import OcrError
from extractors.ocr.contract import BBox, OcrLine
from extractors.ocr.engine import register_engine

LANG = "chi_sim+eng"
SUBPROCESS_TIMEOUT_S = 300  # backstop: pytesseract kills a tesseract process after this
PAGE_CONFIG = "--psm 3"  # automatic page segmentation
LINE_CONFIG = "--psm 7"  # the image is a single text line

_INSTALL_HINT = "请安装 Tesseract 及中文语言包：apt-get install tesseract-ocr tesseract-ocr-chi-sim"

LineKey = tuple[int, int, int, int]  # page, block, paragraph, line


@register_engine("tesseract")
class TesseractEngine:
    name = "tesseract"

    def __init__(self) -> None:
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        try:
            import pytesseract
        except ImportError as exc:
            raise OcrError("未安装 pytesseract", hint="pip install pytesseract") from exc
        self._tess = pytesseract
        try:
            version = pytesseract.get_tesseract_version()
            langs = set(pytesseract.get_languages(config=""))
        except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError) as exc:
            raise OcrError("找不到 Tesseract 程序", hint=_INSTALL_HINT) from exc
        missing = [lang for lang in LANG.split("+") if lang not in langs]
        if missing:
            raise OcrError(f"Tesseract 缺少语言包：{'、'.join(missing)}", hint=_INSTALL_HINT)
        self.version = f"tesseract {version}"

    def read(self, image: Image.Image) -> list[OcrLine]:
        data = self._data(image, PAGE_CONFIG)
        return [line for line in (_join(words) for words in _group_words(data).values()) if line.text]

    def read_line(self, image: Image.Image) -> OcrLine:
        data = self._data(image, LINE_CONFIG)
        words = [w for group in _group_words(data).values() for w in group]
        line = _join(words)
        if not line.text:
            return OcrLine(text="", box=(0.0, 0.0, float(image.width), float(image.height)), confidence=0.0)
        return line

    def _data(self, image: Image.Image, config: str) -> dict[str, list[Any]]:
        rgb = image if image.mode in ("RGB", "L") else image.convert("RGB")
        tess = self._tess
        try:
            return tess.image_to_data(
                rgb, lang=LANG, config=config, output_type=tess.Output.DICT, timeout=SUBPROCESS_TIMEOUT_S
            )
        except tess.TesseractNotFoundError as exc:
            raise OcrError("找不到 Tesseract 程序", hint=_INSTALL_HINT) from exc
        except RuntimeError as exc:  # pytesseract's "Tesseract process timeout"
            if "timeout" in str(exc).lower():
                raise OcrError(
                    f"Tesseract 识别超时（超过 {SUBPROCESS_TIMEOUT_S} 秒）",
                    hint="请缩小或裁剪图片后重试。",
                    code="ocr.timeout",
                ) from exc
            raise OcrError(f"Tesseract 识别失败：{exc}", hint=_INSTALL_HINT) from exc
        except (tess.TesseractError, OSError, ValueError) as exc:
            raise OcrError(f"Tesseract 识别失败：{exc}", hint=_INSTALL_HINT) from exc


Word = tuple[str, BBox, float]


def _group_words(data: dict[str, list[Any]]) -> dict[LineKey, list[Word]]:
    """Words (level 5, with a confidence) grouped by page/block/paragraph/line, in order."""
    lines: dict[LineKey, list[Word]] = {}
    for i, level in enumerate(data.get("level", [])):
        text = str(data["text"][i]).strip()
        conf = float(data["conf"][i])
        if int(level) != 5 or not text or conf < 0:
            continue
        key = (
            int(data["page_num"][i]),
            int(data["block_num"][i]),
            int(data["par_num"][i]),
            int(data["line_num"][i]),
        )
        left, top = float(data["left"][i]), float(data["top"][i])
        box = (left, top, left + float(data["width"][i]), top + float(data["height"][i]))
        lines.setdefault(key, []).append((text, box, conf))
    return lines


def _join(words: Iterable[Word]) -> OcrLine:
    words = list(words)
    if not words:
        return OcrLine(text="", box=(0.0, 0.0, 0.0, 0.0), confidence=0.0)
    text = ""
    for word, _, _ in words:
        text = word if not text else text + _separator(text[-1], word[0]) + word
    box = (
        min(b[0] for _, b, _ in words),
        min(b[1] for _, b, _ in words),
        max(b[2] for _, b, _ in words),
        max(b[3] for _, b, _ in words),
    )
    confidence = sum(c for _, _, c in words) / len(words) / 100.0
    return OcrLine(text=text, box=box, confidence=min(1.0, max(0.0, confidence)))


def _separator(left: str, right: str) -> str:
    """Tesseract splits Chinese into one "word" per character: join those without spaces."""
    return "" if _is_wide(left) or _is_wide(right) else " "


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")
