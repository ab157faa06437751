"""The extractor contract: one backend per input format, registered by content type.

A backend turns one :class:`~core.models.EvidenceFile` into a
:class:`~core.models.Document` (pages of text spans with their origin). It
raises :class:`~core.errors.UnreadableFileError` for a file it cannot read;
the pipeline turns that into an ``input.unreadable`` finding. Built-in backends
register themselves exactly like a plugin would::

    @register_backend(FileKind.DOCX)
    class DocxBackend:
        name = "docx"
        version = "1"
        def extract(self, file: EvidenceFile, settings: Settings) -> Document: ...

Third-party backends are found through the ``jishi.extractors`` entry-point group
(each entry point names a module that registers on import).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from core.errors import InternalError
from core.models import Document, EvidenceFile, FileKind
from core.plugins import load_plugins
from core.settings import Settings


class Backend(Protocol):
    name: str
    version: str

    def extract(self, file: EvidenceFile, settings: Settings) -> Document: ...


_BACKENDS: dict[FileKind, Backend] = {}
_BUILTINS = (
    "extractors.formats.docx",
    "extractors.formats.doc",
    "extractors.formats.pdf",
    "extractors.formats.images",
    "extractors.formats.xlsx",
    "extractors.formats.xls",
    "extractors.formats.csvfile",
)


def register_backend(*kinds: FileKind) -> Callable[[type], type]:
    def wrap(cls: type) -> type:
        instance = cls()
        for kind in kinds:
            _BACKENDS[kind] = instance
        return cls

    return wrap


def _load_all() -> None:
    load_plugins("jishi.extractors", _BUILTINS)


def backend_for(kind: FileKind) -> Backend:
    _load_all()
    try:
        return _BACKENDS[kind]
    except KeyError as exc:
        raise InternalError(f"no extractor backend registered for {kind}") from exc


def backends() -> dict[FileKind, Backend]:
    _load_all()
    return dict(_BACKENDS)
