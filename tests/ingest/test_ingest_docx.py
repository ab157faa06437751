"""The docx guard: bombs, DTD/entity markup and corrupt files become blocking problems."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from ingest_builders import docx_bytes, docx_with_part, image_bytes, write

from core.errors import UnreadableFileError
from core.settings import MB, Limits, Settings
from ingest import docx_guard, load_submission
from ingest.docx_guard import MarkupScanner, check_docx

DOC_XML = "word/document.xml"
ENTITY_XML = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
)


def _load_one_bad(tmp_path: Path, data: bytes, settings: Settings | None = None) -> tuple[list[str], list]:
    write(tmp_path / "s" / "坏记录.docx", data)
    write(tmp_path / "s" / "photo.jpg", image_bytes("JPEG"))
    sub = load_submission([tmp_path / "s"], settings=settings)
    return [f.path for f in sub.files], sub.problems


def test_valid_docx_passes() -> None:
    check_docx(docx_bytes(), Limits())


def test_docx_bomb_by_ratio(tmp_path: Path) -> None:
    bomb = docx_with_part(DOC_XML, b" " * (30 * MB))
    assert len(bomb) < MB
    files, problems = _load_one_bad(tmp_path, bomb)
    assert files == ["photo.jpg"]
    assert [(p.file, p.code, p.blocking) for p in problems] == [("坏记录.docx", "input.unreadable", True)]
    assert "压缩比异常" in problems[0].message and "坏记录.docx" in problems[0].message
    assert "另存为" in problems[0].hint


def test_docx_streamed_size_is_bounded_without_header_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Defence in depth: sizes are measured while streaming, not only taken from headers."""
    monkeypatch.setattr(docx_guard, "_check_headers", lambda infos, limits, hint: None)
    bomb = docx_with_part(DOC_XML, b" " * (3 * MB))
    check_docx(bomb, Limits(max_zip_ratio=1e6))
    with pytest.raises(UnreadableFileError) as info:
        check_docx(bomb, Limits(max_zip_ratio=1e6, max_docx_uncompressed_bytes=2 * MB))
    assert "大小异常" in info.value.message
    with pytest.raises(UnreadableFileError):
        check_docx(bomb, Limits())  # ratio cap while streaming


def test_docx_total_uncompressed_limit() -> None:
    data = docx_with_part("word/media/image1.png", os.urandom(300_000))
    with pytest.raises(UnreadableFileError) as info:
        check_docx(data, Limits(max_docx_uncompressed_bytes=200_000))
    assert "解压后过大" in info.value.message


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_docx_with_doctype_or_entity_is_refused(tmp_path: Path, encoding: str) -> None:
    xml = ENTITY_XML.decode("utf-8").replace("UTF-8", encoding.upper()).encode(encoding)
    files, problems = _load_one_bad(tmp_path, docx_with_part(DOC_XML, xml))
    assert files == ["photo.jpg"]
    assert [(p.code, p.blocking) for p in problems] == [("input.unreadable", True)]
    assert "DOCTYPE" in problems[0].message


def test_entity_in_a_rels_part_is_refused() -> None:
    rels = b'<?xml version="1.0"?><!ENTITY x SYSTEM "file:///etc/passwd"><Relationships/>'
    with pytest.raises(UnreadableFileError):
        check_docx(docx_with_part("word/_rels/document.xml.rels", rels), Limits())


def test_markup_split_across_chunks_is_found() -> None:
    scanner = MarkupScanner()
    assert not scanner.feed(b"<?xml version='1.0'?><!DOC")
    assert scanner.feed(b"TYPE x>")
    assert not MarkupScanner().feed(b"<w:t>DOCTYPE and ENTITY as plain words</w:t>")


def test_corrupt_docx(tmp_path: Path) -> None:
    files, problems = _load_one_bad(tmp_path, b"PK\x03\x04" + os.urandom(3000))
    assert files == ["photo.jpg"]
    assert [(p.file, p.code, p.blocking) for p in problems] == [("坏记录.docx", "input.unreadable", True)]
    assert "损坏" in problems[0].message


def test_truncated_docx(tmp_path: Path) -> None:
    data = docx_bytes()
    files, problems = _load_one_bad(tmp_path, data[: len(data) // 2])
    assert files == ["photo.jpg"]
    assert [p.code for p in problems] == ["input.unreadable"]


def test_docx_with_damaged_part_is_refused() -> None:
    data = bytearray(docx_with_part(DOC_XML, b"<w:document>" + b"x" * 5000 + b"</w:document>"))
    header = data.find(DOC_XML.encode())  # the part is written last: its local header comes first
    assert header != -1
    data[header + len(DOC_XML) + 10] ^= 0xFF  # inside the deflate stream
    with pytest.raises(UnreadableFileError):
        check_docx(bytes(data), Limits())
