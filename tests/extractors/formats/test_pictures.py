"""Pictures inside Word files: page-sized ones are pages of the document, small ones are not;
multi-page TIFF scans page by page; HEIC photos upright with their EXIF facts."""

from __future__ import annotations

import io

from PIL import Image

from core.models import EvidenceFile, FileKind
from core.settings import Limits, OcrSettings, Settings
from extractors.formats.docx import docx_pictures, read_docx
from extractors.formats.pictures import PICTURE_MIN_SIDE, is_page_sized
from fixtures import formats
from ingest.raw import RawFile
from ingest.submission import _examine
from jishi.pipeline import extract_files

LIMITS = Limits()


def _jpeg(size: tuple[int, int], colour: tuple[int, int, int] = (240, 240, 240)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "JPEG")
    return buf.getvalue()


def test_only_page_sized_pictures_count_in_body_order() -> None:
    logo, first, second = (
        _jpeg((120, 80)),
        _jpeg((1200, 1600), (250, 250, 250)),
        _jpeg((900, 1200), (230, 230, 230)),
    )
    data = formats.picture_docx([logo, first, second], "会议记录")
    body, pictures = read_docx("a.docx", data, LIMITS)
    assert body.spans == [] and pictures == [first, second]
    assert docx_pictures("a.docx", data, LIMITS) == pictures


def test_picture_limits() -> None:
    assert not is_page_sized(_jpeg((PICTURE_MIN_SIDE - 1, 2000)), LIMITS)
    assert not is_page_sized(_jpeg((3000, 3000)), Limits(max_image_pixels=1_000_000))
    assert not is_page_sized(b"\x89PNG\r\n\x1a\n broken", LIMITS)
    data = formats.picture_docx([_jpeg((800, 1000))] * 3 + [_jpeg((801, 1000))], "x")
    assert len(read_docx("a.docx", data, Limits(max_document_pictures=1))[1]) == 1


def test_picture_only_word_file_without_ocr_is_unread() -> None:
    data = formats.picture_docx([_jpeg((1200, 1600))], "会议记录")
    evidence = _examine(RawFile("会议记录.docx", data), LIMITS)
    assert isinstance(evidence, EvidenceFile)
    extraction = extract_files([evidence], Settings(ocr=OcrSettings(engine="none")))
    assert extraction.files[0].document is not None and extraction.files[0].document.via == "none"
    assert extraction.unread == ["会议记录.docx"]


def test_tiff_pages_are_counted_and_bounded() -> None:
    page = Image.new("L", (800, 1000), 250)
    buf = io.BytesIO()
    page.save(buf, "TIFF", save_all=True, append_images=[page, page], compression="tiff_lzw")
    examined = _examine(RawFile("scan.tif", buf.getvalue()), LIMITS)
    assert isinstance(examined, EvidenceFile) and examined.kind is FileKind.TIFF
    limited = _examine(RawFile("scan.tif", buf.getvalue()), Limits(max_image_frames=2))
    assert not isinstance(limited, EvidenceFile) and limited.code == "input.limit_exceeded"


def test_heic_keeps_date_and_orientation() -> None:
    buf = io.BytesIO()
    exif = Image.Exif()
    exif[306] = "2022:12:23 15:05:28"
    exif.get_ifd(0x8769)[36867] = "2022:12:23 15:05:28"
    Image.new("RGB", (640, 480), (200, 30, 30)).save(buf, "JPEG", exif=exif)
    heic = formats.to_heic(buf.getvalue(), orientation=6)
    examined = _examine(RawFile("IMG_0001.HEIC", heic), LIMITS)
    assert isinstance(examined, EvidenceFile) and examined.kind is FileKind.HEIC
    assert examined.exif is not None and examined.exif.orientation == 6
    assert examined.exif.taken_at is not None and examined.exif.taken_at.isoformat() == "2022-12-23T15:05:28"
    from extractors.imaging.decode import load_image

    assert load_image(heic, LIMITS).size == (640, 480)  # stored turned, decoded upright
