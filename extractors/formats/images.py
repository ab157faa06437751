"""Image backend (jpeg/png/webp): OCR through the configured engine.

With ``ocr.engine = "none"`` an image is not read: its Document has no pages and
``via="none"``, so rules that need it answer ``unknown`` instead of guessing.
An OCR failure (engine crash, timeout) is a per-file problem, not a crash.
"""

from __future__ import annotations

from core.errors import UnreadableFileError
from core.models import Document, EvidenceFile, FileKind
from core.settings import Settings
from extractors.formats.base import register_backend
from extractors.imaging.image import ocr_image_document
from extractors.ocr.engine import OcrError, get_engine


@register_backend(FileKind.JPEG, FileKind.PNG, FileKind.WEBP)
class ImageBackend:
    name = "image"
    version = "1"

    def extract(self, file: EvidenceFile, settings: Settings) -> Document:
        if settings.ocr.engine == "none":
            return Document(file=file.path, kind=file.kind, pages=[], via="none")
        engine = get_engine(settings.ocr.engine)
        try:
            return ocr_image_document(
                file.path, file.data, engine, settings.limits, timeout_s=settings.ocr.page_timeout_s
            )
        except OcrError as exc:
            raise UnreadableFileError(
                f"图片《{file.path}》文字识别失败：{exc.message}", hint="请重新拍摄清晰、端正的照片后上传。",
                code=exc.code,
            ) from None
