"""Image backend (jpeg/png/webp/heic/tiff): OCR through the configured engine.

A multi-page TIFF (a scanner's default) is read page by page, every frame a page of
the Document (at most ``Limits.max_image_frames``, checked at ingest); HEIC photos are
decoded through pillow-heif, upright.

With ``ocr.engine = "none"`` an image is not read: its Document has no pages and
``via="none"``, so rules that need it answer ``unknown`` instead of guessing.
An OCR failure (engine crash, timeout) is a per-file problem, not a crash.
"""

from __future__ import annotations

from core.errors import OcrError, UnreadableFileError
from core.models import Document, EvidenceFile, FileKind
from core.settings import Settings
from extractors.formats.base import register_backend
from extractors.imaging.decode import frame_count, load_image
from extractors.imaging.page import ocr_image_document, ocr_page
from extractors.imaging.repair import repair
from extractors.ocr import OcrEngine, get_engine


@register_backend(FileKind.JPEG, FileKind.PNG, FileKind.WEBP, FileKind.HEIC, FileKind.TIFF)
class ImageBackend:
    name = "image"
    version = "1"

    def extract(self, file: EvidenceFile, settings: Settings) -> Document:
        if settings.ocr.engine == "none":
            return Document(file=file.path, kind=file.kind, pages=[], via="none")
        engine = get_engine(settings.ocr.engine)
        try:
            frames = (
                frame_count(file.data, settings.limits.max_image_frames) if file.kind is FileKind.TIFF else 1
            )
            if frames > 1:
                return ocr_frames(file, frames, engine, settings)
            return ocr_image_document(
                file.path, file.data, engine, settings.limits, timeout_s=settings.ocr.page_timeout_s
            )
        except OcrError as exc:
            raise UnreadableFileError(
                f"图片《{file.path}》文字识别失败：{exc.message}",
                hint="请重新拍摄清晰、端正的照片后上传。",
                code=exc.code,
            ) from exc


def ocr_frames(file: EvidenceFile, frames: int, engine: OcrEngine, settings: Settings) -> Document:
    """Every page of a multi-page scan, oriented, levelled and OCR'd like a photographed page."""
    pages = []
    for index in range(frames):
        image = load_image(file.data, settings.limits, frame=index)
        result = ocr_page(
            image, engine, file=file.path, page=index + 1, timeout_s=settings.ocr.page_timeout_s
        )
        pages.append(repair(result, engine).page)
    return Document(file=file.path, kind=file.kind, pages=pages, via="ocr")
