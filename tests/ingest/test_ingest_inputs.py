"""Folder, single-zip and file-list submissions; sniffing; naming; nothing lost."""

from __future__ import annotations

import hashlib
import os
import unicodedata
from pathlib import Path

import pytest
from ingest_builders import docx_bytes, image_bytes, make_zip, write

from core.errors import EmptySubmissionError, UsageError
from core.models import FileKind
from ingest import Submission, load_submission
from ingest.sniff import sniff


def _paths(sub: Submission) -> list[str]:
    return [f.path for f in sub.files]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "第一支部"
    write(root / "会议记录.docx", docx_bytes())
    write(root / "照片" / "现场1.jpg", image_bytes("JPEG"))
    write(root / "照片" / "更多" / "现场2.png", image_bytes("PNG"))
    write(root / "scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    write(root / "说明.txt", b"notes")
    write(root / "readme.md", b"# notes")
    write(root / "其他.yml", b"a: 1")
    write(root / ".DS_Store", b"\x00\x00\x00\x01Bud1")
    write(root / "__MACOSX" / "照片" / "._现场1.jpg", b"\x00\x05\x16\x07")
    write(root / "~$会议记录.docx", b"\x0cjunk")
    return root


def test_nested_folder(folder: Path) -> None:
    sub = load_submission([folder])
    assert sub.name == "第一支部"
    assert _paths(sub) == ["scan.pdf", "会议记录.docx", "照片/更多/现场2.png", "照片/现场1.jpg"]
    assert [f.kind for f in sub.files] == [FileKind.PDF, FileKind.DOCX, FileKind.PNG, FileKind.JPEG]
    assert sub.problems == []


def test_sha256_and_bytes_kept(folder: Path) -> None:
    sub = load_submission([folder])
    by_path = {f.path: f for f in sub.files}
    original = (folder / "会议记录.docx").read_bytes()
    assert by_path["会议记录.docx"].data == original
    assert by_path["会议记录.docx"].sha256 == hashlib.sha256(original).hexdigest()
    assert by_path["会议记录.docx"].size == len(original)


def test_single_zip(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "三月主题党日.zip",
        {
            "会议记录.docx": docx_bytes(),
            "照片/a.jpg": image_bytes("JPEG"),
            "照片/": b"",
            "__MACOSX/照片/._a.jpg": b"junk",
            "照片/.DS_Store": b"junk",
        },
    )
    sub = load_submission([archive])
    assert sub.name == "三月主题党日"
    assert _paths(sub) == ["会议记录.docx", "照片/a.jpg"]
    assert sub.problems == []


def test_list_of_files_and_folder(tmp_path: Path) -> None:
    a = write(tmp_path / "in" / "x" / "photo.jpg", image_bytes("JPEG"))
    b = write(tmp_path / "in" / "y" / "photo.jpg", image_bytes("PNG"))
    minutes = write(tmp_path / "in" / "记录.docx", docx_bytes())
    photos = tmp_path / "in" / "相册"
    write(photos / "p.webp", image_bytes("WEBP"))
    sub = load_submission([minutes, a, b, photos, a])  # ``a`` twice: read once
    assert sub.name == "in"
    assert _paths(sub) == ["photo (2).jpg", "photo.jpg", "相册/p.webp", "记录.docx"]
    kinds = {f.path: f.kind for f in sub.files}
    assert kinds["photo.jpg"] is FileKind.JPEG
    assert kinds["photo (2).jpg"] is FileKind.PNG
    assert kinds["相册/p.webp"] is FileKind.WEBP


def test_extension_is_ignored_for_type(tmp_path: Path) -> None:
    write(tmp_path / "s" / "scan.pdf", image_bytes("PNG"))
    write(tmp_path / "s" / "photo.docx", image_bytes("JPEG"))
    sub = load_submission([tmp_path / "s"])
    assert {f.path: f.kind for f in sub.files} == {"scan.pdf": FileKind.PNG, "photo.docx": FileKind.JPEG}
    assert sub.problems == []


def test_unknown_type_is_a_non_blocking_problem(tmp_path: Path) -> None:
    write(tmp_path / "s" / "记录.docx", docx_bytes())
    write(tmp_path / "s" / "data.bin", bytes(range(256)) * 4)
    write(tmp_path / "s" / "旧记录.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    sub = load_submission([tmp_path / "s"])
    assert _paths(sub) == ["记录.docx"]
    assert [(p.file, p.code, p.blocking) for p in sub.problems] == [
        ("data.bin", "input.unsupported_type", False),
        ("旧记录.doc", "input.unsupported_type", False),
    ]
    message = sub.problems[0].message
    assert "data.bin" in message and "docx" in message and "PDF" in message and "PNG" in message
    assert "旧版 Office" in sub.problems[1].message


def test_pdf_magic_after_junk_within_1k() -> None:
    assert sniff(b"\x00" * 500 + b"%PDF-1.4 ...") is FileKind.PDF
    assert sniff(b"\x00" * 1100 + b"%PDF-1.4 ...") is None
    assert sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ") is FileKind.WEBP
    assert sniff(b"") is None


def test_nfd_folder_name_is_normalised(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "café.jpg")
    assert nfd != "café.jpg"
    write(tmp_path / "s" / nfd, image_bytes("JPEG"))
    sub = load_submission([tmp_path / "s"])
    assert _paths(sub) == ["café.jpg"]
    assert unicodedata.is_normalized("NFC", sub.files[0].path)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_in_folder_is_skipped(tmp_path: Path) -> None:
    secret = write(tmp_path / "outside" / "secret.jpg", image_bytes("JPEG"))
    root = tmp_path / "s"
    write(root / "记录.docx", docx_bytes())
    (root / "link.jpg").symlink_to(secret)
    (root / "linkdir").symlink_to(secret.parent, target_is_directory=True)
    sub = load_submission([root])
    assert _paths(sub) == ["记录.docx"]
    assert [(p.file, p.blocking) for p in sub.problems] == [("link.jpg", False), ("linkdir", False)]
    assert "符号链接" in sub.problems[0].message


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(EmptySubmissionError) as info:
        load_submission([tmp_path / "empty"])
    assert info.value.code == "input.empty"
    assert ".docx" in info.value.hint and "PNG" in info.value.hint


def test_only_ignored_or_unsupported_files_is_empty(tmp_path: Path) -> None:
    write(tmp_path / "s" / "notes.txt", b"x")
    write(tmp_path / "s" / "sheet.bin", b"\x01\x02\x03")
    with pytest.raises(EmptySubmissionError) as info:
        load_submission([tmp_path / "s"])
    assert "sheet.bin" in info.value.message


def test_missing_path_is_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        load_submission([tmp_path / "nope"])
    assert "nope" in info.value.message
    with pytest.raises(UsageError):
        load_submission([])


def test_nothing_is_lost(folder: Path) -> None:
    write(folder / "bad.bin", b"\x07" * 10)
    write(folder / "broken.docx", b"PK\x03\x04" + os.urandom(200))
    sub = load_submission([folder])
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    ignored = {
        "说明.txt",
        "readme.md",
        "其他.yml",
        ".DS_Store",
        "__MACOSX/照片/._现场1.jpg",
        "~$会议记录.docx",
    }
    accounted = set(_paths(sub)) | {p.file for p in sub.problems} | ignored
    assert on_disk == accounted
