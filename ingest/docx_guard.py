"""Refuse .docx (and .xlsx) files that are zip bombs, corrupt, or carry XML DTD/entity tricks.

A docx is a zip of XML parts. Before any XML parser sees it we check the zip's
own limits (member count, per-member ratio, total uncompressed size, measured
while streaming, not trusted from headers) and scan the XML parts for
``<!DOCTYPE``/``<!ENTITY`` (entity expansion, external entities): Word never
writes either.
"""

from __future__ import annotations

import io
import zipfile

from core.errors import UnreadableFileError
from core.settings import Limits
from ingest.archive import ENCRYPTED_FLAG, ZIP_READ_ERRORS, ratio_cap, ratio_exceeded
from ingest.problems import mb
from ingest.raw import BoundExceeded, iter_bounded

XML_SUFFIXES = (".xml", ".rels", ".vml")
_MARKERS = (b"<!doctype", b"<!entity")
FORBIDDEN = tuple(
    m.decode("ascii").encode(enc) for m in _MARKERS for enc in ("ascii", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(p) for p in FORBIDDEN) - 1

RESAVE_HINT = "请用 Word 打开该文件，选择“另存为” Word 文档（.docx）后重新上传。"


def _refuse(why: str, hint: str = RESAVE_HINT) -> UnreadableFileError:
    return UnreadableFileError(why, hint=hint)


def _check_headers(infos: list[zipfile.ZipInfo], limits: Limits, hint: str) -> None:
    if len(infos) > limits.max_zip_members:
        raise _refuse(f"内部包含的部件过多（{len(infos)} 个），不像正常的 Office 文档，已拒绝", hint)
    if any(i.flag_bits & ENCRYPTED_FLAG for i in infos):
        raise _refuse("内部部件已加密，无法读取", hint)
    declared = sum(i.file_size for i in infos)
    if declared > limits.max_docx_uncompressed_bytes:
        raise _refuse(
            f"解压后过大（{mb(declared)}，上限 {mb(limits.max_docx_uncompressed_bytes)}），已拒绝", hint
        )
    for info in infos:
        if ratio_exceeded(info.file_size, info.compress_size, limits.max_zip_ratio):
            raise _refuse(f"内部部件“{info.filename}”压缩比异常（疑似“压缩炸弹”），已拒绝", hint)


class MarkupScanner:
    """Finds ``<!DOCTYPE``/``<!ENTITY`` (any case, UTF-8 or UTF-16) across streamed chunks."""

    def __init__(self) -> None:
        self._tail = b""

    def feed(self, chunk: bytes) -> bool:
        """Whether a forbidden marker ends in ``chunk`` (or straddles the previous one)."""
        window = self._tail + chunk.lower()
        self._tail = window[-_OVERLAP:]
        return any(p in window for p in FORBIDDEN)


def _scan_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, hint: str) -> int:
    """Stream one member (at most ``cap`` bytes); return its size, refuse DTDs in XML parts."""
    scanner = MarkupScanner() if info.filename.lower().endswith(XML_SUFFIXES) else None
    size = 0
    with zf.open(info) as stream:
        for chunk in iter_bounded(stream, cap):
            size += len(chunk)
            if scanner is not None and scanner.feed(chunk):
                raise _refuse(
                    f"内部部件“{info.filename}”含有 DOCTYPE/ENTITY 声明，可能是恶意构造的文件，已拒绝", hint
                )
    return size


def _scan_all(zf: zipfile.ZipFile, limits: Limits, hint: str) -> None:
    remaining = limits.max_docx_uncompressed_bytes
    for info in zf.infolist():
        cap = min(remaining, ratio_cap(info, limits.max_zip_ratio))
        try:
            remaining -= _scan_member(zf, info, cap, hint)
        except BoundExceeded as exc:
            raise _refuse(
                f"内部部件“{info.filename}”解压后的大小异常（疑似“压缩炸弹”），已拒绝", hint
            ) from exc


def check_docx(data: bytes, limits: Limits) -> None:
    """Raise UnreadableFileError unless ``data`` is a docx that is safe to hand to an XML parser."""
    check_ooxml(data, limits, hint=RESAVE_HINT, broken="已损坏，无法作为 Word 文档打开")


def check_ooxml(data: bytes, limits: Limits, *, hint: str, broken: str = "已损坏，无法打开") -> None:
    """The same checks for any Office Open XML file (.docx, .xlsx): ``hint`` says how to re-save it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            _check_headers(zf.infolist(), limits, hint)
            _scan_all(zf, limits, hint)
    except (*ZIP_READ_ERRORS, zipfile.LargeZipFile, ValueError) as exc:
        raise _refuse(broken, hint) from exc
