"""Legacy Excel .xls and WPS .et backend: LibreOffice converts, the .xlsx backend reads.

The workbook is converted to .xlsx by LibreOffice headless
(``extractors.tools.libreoffice``: own profile, time and memory limit), the result is
checked like an uploaded .xlsx (zip bomb, DOCTYPE) and read sheet by sheet. A corrupt or
password-protected workbook, or LibreOffice missing or hanging, is an unreadable-file
finding with a Chinese hint.
"""

from __future__ import annotations

from core.errors import LimitExceededError, UnreadableFileError
from core.models import Document, EvidenceFile, FileKind
from core.settings import Settings
from extractors.formats.base import register_backend
from extractors.formats.xlsx import RESAVE_HINT, read_xlsx
from extractors.sandbox import run_limited
from extractors.tools import libreoffice
from ingest.docx_guard import check_ooxml


@register_backend(FileKind.XLS)
class XlsBackend:
    name = "xls"
    version = "1"

    def extract(self, file: EvidenceFile, settings: Settings) -> Document:
        limits = settings.limits
        converted = libreoffice.convert(
            file.data,
            suffix=".xls",
            target="xlsx",
            name=file.path,
            timeout_s=limits.convert_timeout_s,
            memory_mb=limits.convert_memory_mb,
        )
        try:
            check_ooxml(converted, limits, hint=RESAVE_HINT)
        except (UnreadableFileError, LimitExceededError) as err:
            raise UnreadableFileError(f"表格《{file.path}》转换后{err.message}", hint=RESAVE_HINT) from err
        return run_limited(
            read_xlsx,
            file.path,
            converted,
            file.kind,
            limits,
            name=file.path,
            timeout_s=limits.parse_timeout_s,
            memory_mb=limits.parse_memory_mb,
        )
