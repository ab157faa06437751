"""Archives beyond zip (.7z, .rar), archives inside archives, and sniffing of the new types."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import py7zr
import pytest
from ingest_builders import docx_bytes, image_bytes, make_zip, write

from core.errors import EmptySubmissionError, LimitExceededError, UnreadableFileError, UnsafeArchiveError
from core.models import FileKind
from core.settings import MB, Limits, Settings
from fixtures.formats import rar5_stored, seven_zip_of, zip_of
from ingest import load_submission
from ingest.sniff import archive_format, sniff

YAML = b"branch: x\n"


def _files() -> dict[str, bytes]:
    return {"记录.docx": docx_bytes(), "签到表.docx": docx_bytes("签到表"), "a.jpg": image_bytes("JPEG")}


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("pack", [seven_zip_of, rar5_stored, zip_of])
def test_packed_folder_is_the_root(tmp_path: Path, pack) -> None:
    files = {**_files(), "submission.yaml": b"meeting_date: 2022-12-23\n"}
    path = write(tmp_path / "up.bin", pack(files, "材料"))
    sub = load_submission([path])
    assert [f.path for f in sub.files] == ["a.jpg", "签到表.docx", "记录.docx"]
    assert str(sub.meta.meeting_date) == "2022-12-23"  # the config inside was found
    assert sub.problems == []


def test_zipped_folder_zipped_again_is_the_root(tmp_path: Path) -> None:
    inner = zip_of({**_files(), "submission.yaml": b"meeting_date: 2022-12-23\n"}, "材料")
    outer = write(tmp_path / "outer.zip", zip_of({"材料.zip": inner}, "打包"))
    sub = load_submission([outer])
    assert [f.path for f in sub.files] == ["a.jpg", "签到表.docx", "记录.docx"]
    assert str(sub.meta.meeting_date) == "2022-12-23"


def test_nested_archive_beside_files_is_a_folder(tmp_path: Path) -> None:
    photos = seven_zip_of({"b.jpg": image_bytes("PNG")}, "照片")
    archive = make_zip(tmp_path / "up.zip", {"记录.docx": docx_bytes(), "照片.7z": photos})
    sub = load_submission([archive])
    assert [f.path for f in sub.files] == ["照片/b.jpg", "记录.docx"]


def test_nesting_depth_is_bounded(tmp_path: Path) -> None:
    data = _zip({"deep.jpg": image_bytes("JPEG")})
    for level in range(5):
        data = _zip({f"level{level}.zip": data, f"记录{level}.docx": docx_bytes()})
    sub = load_submission(
        [write(tmp_path / "deep.zip", data)], settings=Settings(limits=Limits(max_archive_depth=3))
    )
    assert "deep.jpg" not in " ".join(f.path for f in sub.files)
    assert [p.code for p in sub.problems] == ["input.limit_exceeded"]
    assert "嵌套" in sub.problems[0].message


def test_member_limit_holds_for_the_whole_tree(tmp_path: Path) -> None:
    inner = _zip({f"n{i}.jpg": image_bytes("JPEG") for i in range(15)})
    outer = write(tmp_path / "up.zip", _zip({"a.zip": inner, "b.zip": inner}))
    with pytest.raises(LimitExceededError):
        load_submission([outer], settings=Settings(limits=Limits(max_zip_members=20)))


def test_corrupt_nested_archive_is_a_problem_of_that_file(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "up.zip", {"记录.docx": docx_bytes(), "坏.7z": b"7z\xbc\xaf\x27\x1c" + bytes(200)}
    )
    sub = load_submission([archive])
    assert [f.path for f in sub.files] == ["记录.docx"]
    assert [(p.file, p.code, p.blocking) for p in sub.problems] == [("坏.7z", "input.unreadable", True)]


def _encrypted_7z(files: dict[str, bytes], header: bool) -> bytes:
    out = io.BytesIO()
    with py7zr.SevenZipFile(out, "w", password="1234") as archive:
        archive.set_encrypted_header(header)
        for name, data in files.items():
            archive.writestr(data, name)
    return out.getvalue()


def test_encrypted_7z_is_a_clear_bad_input_error(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.7z", _encrypted_7z(_files(), header=True))
    with pytest.raises(UnreadableFileError) as info:
        load_submission([path])
    assert info.value.code == "input.encrypted"
    assert "密码" in info.value.message and "密码" in info.value.hint


def test_7z_with_encrypted_members_reports_each(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.7z", _encrypted_7z({"记录.docx": docx_bytes()}, header=False))
    with pytest.raises(EmptySubmissionError) as info:  # no readable evidence left
        load_submission([path])
    assert "记录.docx" in info.value.message


def test_encrypted_member_next_to_readable_ones(tmp_path: Path) -> None:
    locked = _encrypted_7z({"b.docx": docx_bytes()}, header=False)
    archive = make_zip(tmp_path / "up.zip", {"记录.docx": docx_bytes(), "私密.7z": locked})
    sub = load_submission([archive])
    assert [f.path for f in sub.files] == ["记录.docx"]
    assert [(p.file, p.code) for p in sub.problems] == [("私密/b.docx", "input.encrypted")]


def test_rar_traversal_rejects_the_archive(tmp_path: Path) -> None:
    data = rar5_stored({"记录.docx": docx_bytes(), "../../evil.docx": docx_bytes()}, "材料")
    with pytest.raises(UnsafeArchiveError):
        load_submission([write(tmp_path / "up.rar", data)])


def test_7z_bomb_by_ratio(tmp_path: Path) -> None:
    data = seven_zip_of({"记录.docx": docx_bytes(), "zeros.jpg": bytes(30 * MB)}, "材料")
    assert len(data) < MB
    with pytest.raises(UnsafeArchiveError) as info:
        load_submission([write(tmp_path / "bomb.7z", data)])
    assert "压缩比异常" in info.value.message or "压缩炸弹" in info.value.message


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"{\\rtf1\\ansi hello}", FileKind.RTF),
        (b"\x00\x00\x00\x1cftypheic\x00\x00\x00\x00mif1heic", FileKind.HEIC),
        (b"II*\x00\x08\x00\x00\x00", FileKind.TIFF),
        (b"MM\x00*\x00\x00\x00\x08", FileKind.TIFF),
    ],
)
def test_sniff_new_kinds_by_content(data: bytes, kind: FileKind) -> None:
    assert sniff(data) is kind


def test_archive_format_by_content() -> None:
    assert archive_format(_zip({"a.jpg": image_bytes()})) == "zip"
    assert archive_format(docx_bytes()) is None  # an Office document is not an archive
    assert archive_format(seven_zip_of({"a": b"x"}, "d")) == "7z"
    assert archive_format(rar5_stored({"a": b"x"}, "d")) == "rar"
    assert archive_format(b"PK\x03\x04 broken") is None  # examined as a file: a broken Word document
