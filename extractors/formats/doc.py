"""Legacy and WPS word-processor files: .doc/.dot (Word 97-2003), .wps/.wpt (WPS Writer), .rtf.

LibreOffice headless (``extractors.tools.libreoffice``: its own throw-away profile, a
time and a memory limit) converts the file to .docx; the result is checked like an
uploaded .docx (zip bomb, DOCTYPE/entities) and read by the .docx backend, pictures
included (a .doc holding photos of the record book is the minutes). The Document keeps
the uploaded file's kind. A corrupt or password-protected file, LibreOffice missing
or hanging: an unreadable-file finding with a Chinese hint, never a hang.
"""

from __future__ import annotations

from core.errors import LimitExceededError, UnreadableFileError
from core.models import Document, EvidenceFile, FileKind
from core.settings import Limits, Settings
from extractors.formats.base import register_backend
from extractors.formats.docx import docx_pictures, extract_docx_data
from extractors.formats.pictures import picture_of_page
from extractors.tools import libreoffice
from ingest.docx_guard import RESAVE_HINT, check_docx

SUFFIXES = {FileKind.DOC: ".doc", FileKind.RTF: ".rtf"}
WORD_KINDS = (FileKind.DOCX, FileKind.DOC, FileKind.RTF)


@register_backend(FileKind.DOC, FileKind.RTF)
class LegacyWordBackend:
    name = "doc"
    version = "1"

    def extract(self, file: EvidenceFile, settings: Settings) -> Document:
        return extract_docx_data(file.path, as_docx(file, settings.limits), file.kind, settings)


def as_docx(file: EvidenceFile, limits: Limits) -> bytes:
    """The file converted to a checked .docx (cached per content for a second look)."""
    converted = libreoffice.convert(
        file.data,
        suffix=SUFFIXES.get(file.kind, ".doc"),
        target="docx",
        name=file.path,
        timeout_s=limits.convert_timeout_s,
        memory_mb=limits.convert_memory_mb,
    )
    try:
        check_docx(converted, limits)
    except (UnreadableFileError, LimitExceededError) as err:
        raise UnreadableFileError(f"《{file.path}》转换后{err.message}", hint=RESAVE_HINT) from err
    return converted


def page_picture(file: EvidenceFile, page: int, limits: Limits) -> bytes:
    """The picture a word-processor file (.docx, .doc, .wps, .rtf) shows as ``page``
    (``extractors.formats.pictures``): for the sign-in reader and evidence crops."""
    data = as_docx(file, limits) if file.kind in SUFFIXES else file.data
    return picture_of_page(docx_pictures(file.path, data, limits), page)
