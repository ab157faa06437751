"""Pictures inside word-processor documents, read as pages of that document.

Branch secretaries often photograph the record book (or the signed sign-in sheet) and
paste the photos into a Word file. The pictures of a .docx (and of a .doc/.wps/.rtf once
LibreOffice made it a .docx) are taken in body order (``a:blip`` and VML
``v:imagedata`` references), without decoding: a picture counts when its header says
it is a JPEG/PNG/WebP/TIFF/HEIF image with a short side of at least
``PICTURE_MIN_SIDE`` pixels (logos, stamps and icons are smaller) and no more than
``Limits.max_image_pixels`` pixels, at most ``Limits.max_document_pictures`` of them.

Each picture is then read like an uploaded photo (``extractors.imaging.page``): a
scene (people, a banner: few text boxes) is skipped, a page is oriented, levelled and
OCR'd. Picture *i* (0-based) becomes page ``FIRST_PICTURE_PAGE + i`` of the document
(page 1 is the typed body), so ``picture_of_page`` finds the same picture again for the
sign-in reader and for evidence crops.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image

from core.errors import OcrError, UnreadableFileError
from core.models import Page
from core.settings import Limits, Settings
from extractors.imaging.decode import load_image
from extractors.imaging.page import ocr_page, probe_scene
from extractors.imaging.repair import repair
from extractors.ocr import OcrEngine, get_engine

PICTURE_MIN_SIDE = 500  # pixels: a photographed page is far larger; logos and stamps are smaller
FIRST_PICTURE_PAGE = 2
PICTURE_FORMATS = ("JPEG", "PNG", "WEBP", "TIFF", "HEIF")
_A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REFS = {_A_BLIP: f"{{{_R}}}embed", _V_IMAGEDATA: f"{{{_R}}}id"}


def picture_ids(body: object) -> list[str]:
    """Relationship ids of the pictures in ``body`` (an lxml element), in document order."""
    seen: dict[str, None] = {}
    for element in body.iter(_A_BLIP, _V_IMAGEDATA):  # type: ignore[attr-defined]
        rid = element.get(_REFS[element.tag])
        if rid:
            seen.setdefault(rid, None)
    return list(seen)


def document_pictures(body: object, related: dict[str, object], limits: Limits) -> list[bytes]:
    """The page-sized pictures referenced from ``body`` (``related``: rId -> part)."""
    out: list[bytes] = []
    for rid in picture_ids(body):
        blob = getattr(related.get(rid), "blob", None)
        if isinstance(blob, bytes) and len(blob) <= limits.max_file_bytes and is_page_sized(blob, limits):
            out.append(blob)
            if len(out) >= limits.max_document_pictures:
                break
    return out


def is_page_sized(data: bytes, limits: Limits) -> bool:
    """A picture big enough to hold a page and within the pixel limit (header only)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data), formats=PICTURE_FORMATS) as img:
                width, height = img.size
    except Exception:  # Pillow raises many types on broken or foreign images: not a page
        return False
    return min(width, height) >= PICTURE_MIN_SIDE and width * height <= limits.max_image_pixels


def ocr_pictures(path: str, pictures: list[bytes], settings: Settings) -> list[Page]:
    """The pictures that hold text, OCR'd as pages ``FIRST_PICTURE_PAGE``…; scenes and
    undecodable pictures are left out, a picture OCR failed on is a ``needs_ocr`` page."""
    if not pictures or settings.ocr.engine == "none":
        return []
    try:
        engine = get_engine(settings.ocr.engine)
    except OcrError:
        return [Page(FIRST_PICTURE_PAGE + i, [], needs_ocr=True) for i in range(len(pictures))]
    pages = []
    for i, data in enumerate(pictures):
        page = _read_picture(path, FIRST_PICTURE_PAGE + i, data, engine, settings)
        if page is not None:
            pages.append(page)
    return pages


def _read_picture(path: str, number: int, data: bytes, engine: OcrEngine, settings: Settings) -> Page | None:
    limits, timeout = settings.limits, settings.ocr.page_timeout_s
    try:
        if probe_scene(data, limits, engine, timeout) is not None:
            return None
        result = ocr_page(load_image(data, limits), engine, file=path, page=number, timeout_s=timeout)
        return repair(result, engine).page
    except UnreadableFileError:
        return None  # a broken picture inside a readable document: the rest still counts
    except OcrError:
        return Page(number, [], needs_ocr=True)


def picture_of_page(pictures: list[bytes], page: int) -> bytes:
    """The picture shown as ``page`` (see the module docstring); UnreadableFileError if none."""
    index = page - FIRST_PICTURE_PAGE
    if not 0 <= index < len(pictures):
        raise UnreadableFileError(f"文档中没有第 {page} 页对应的图片", hint="请重新上传该文件。")
    return pictures[index]
