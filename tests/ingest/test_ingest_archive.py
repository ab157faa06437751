"""Zip safety: traversal names, bombs, lying headers, name decoding, nested archives
(more archive formats and nesting limits: test_ingest_formats.py)."""

from __future__ import annotations

import io
import stat
import struct
import unicodedata
import zipfile
from pathlib import Path

import pytest
from ingest_builders import docx_bytes, image_bytes, make_zip, write, zip_with_raw_name

from core.errors import LimitExceededError, UnreadableFileError, UnsafeArchiveError
from core.settings import MB, Limits, Settings
from ingest import load_submission
from ingest.archive import decode_member_name, ratio_exceeded, safe_parts
from ingest.raw import BoundExceeded, read_bounded


@pytest.mark.parametrize(
    "name",
    [
        "../evil.docx",
        "a/../../evil.docx",
        "/etc/evil.docx",
        "C:/evil.docx",
        "c:evil.docx",
        "..\\evil.docx",
        "sub\\..\\..\\evil.docx",
        "\\\\server\\share\\evil.docx",
    ],
)
def test_unsafe_member_names_reject_the_archive(tmp_path: Path, name: str) -> None:
    archive = make_zip(tmp_path / "up.zip", {"记录.docx": docx_bytes(), name: docx_bytes()})
    with pytest.raises(UnsafeArchiveError) as info:
        load_submission([archive])
    assert info.value.code == "input.unsafe_archive"
    assert "不安全" in info.value.message and info.value.hint


def test_safe_parts_accepts_ordinary_names() -> None:
    assert safe_parts("照片/./a..b.jpg") == ["照片", "a..b.jpg"]
    assert safe_parts("win\\style\\名单.docx") == ["win", "style", "名单.docx"]


def test_zip_bomb_by_ratio(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "bomb.zip", {"记录.docx": docx_bytes(), "zeros.jpg": bytes(50 * MB)})
    assert archive.stat().st_size < MB  # 50 MB of zeros compress to ~50 KB
    with pytest.raises(UnsafeArchiveError) as info:
        load_submission([archive])
    assert "zeros.jpg" in info.value.message and "压缩比异常" in info.value.message  # caught from headers


def test_streamed_reads_are_bounded() -> None:
    assert read_bounded(io.BytesIO(b"x" * 100), 100) == b"x" * 100
    with pytest.raises(BoundExceeded):
        read_bounded(io.BytesIO(b"x" * 200_000), 100_000)
    assert not ratio_exceeded(MB, 1, 100.0)  # small members may compress well
    assert ratio_exceeded(2 * MB, 2 * MB // 101, 100.0)
    assert not ratio_exceeded(2 * MB, 2 * MB // 99, 100.0)


def test_zip_total_uncompressed_limit(tmp_path: Path) -> None:
    members = {f"p{i}.jpg": image_bytes("JPEG") for i in range(3)}
    archive = make_zip(tmp_path / "up.zip", members, compression=zipfile.ZIP_STORED)
    limit = sum(len(v) for v in members.values()) - 1
    settings = Settings(limits=Limits(max_zip_uncompressed_bytes=limit))
    with pytest.raises(LimitExceededError):
        load_submission([archive], settings=settings)


def test_zip_member_count_limit(tmp_path: Path, small_limits: Settings) -> None:
    archive = make_zip(tmp_path / "many.zip", {f"n{i}.txt": b"x" for i in range(21)})
    with pytest.raises(LimitExceededError) as info:
        load_submission([archive], settings=small_limits)
    assert "21" in info.value.message


def _patch_sizes(blob: bytes, name: bytes, new_size: int) -> bytes:
    """Rewrite the uncompressed size of member ``name`` in both headers."""
    out = bytearray(blob)
    local = out.find(b"PK\x03\x04")
    while local != -1:
        n = struct.unpack_from("<H", out, local + 26)[0]
        if bytes(out[local + 30 : local + 30 + n]) == name:
            struct.pack_into("<I", out, local + 22, new_size)
        local = out.find(b"PK\x03\x04", local + 4)
    central = out.find(b"PK\x01\x02")
    while central != -1:
        n = struct.unpack_from("<H", out, central + 28)[0]
        if bytes(out[central + 46 : central + 46 + n]) == name:
            struct.pack_into("<I", out, central + 24, new_size)
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


def test_lying_header_size_never_reads_past_it(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "lie.zip", {"记录.docx": docx_bytes(), "big.jpg": bytes(3 * MB)})
    archive.write_bytes(_patch_sizes(archive.read_bytes(), b"big.jpg", 1000))
    with zipfile.ZipFile(archive) as zf:
        assert zf.getinfo("big.jpg").file_size == 1000
    sub = load_submission([archive])
    assert [f.path for f in sub.files] == ["记录.docx"]
    assert [(p.file, p.code, p.blocking) for p in sub.problems] == [("big.jpg", "input.unreadable", True)]


def test_gbk_member_names_are_decoded(tmp_path: Path) -> None:
    raw = "会议记录.docx".encode("gbk")
    archive = zip_with_raw_name(tmp_path / "win.zip", raw, docx_bytes())
    with zipfile.ZipFile(archive) as zf:
        info = zf.infolist()[0]
        assert not info.flag_bits & 0x800
        assert info.filename != "会议记录.docx"  # what zipfile alone gives: cp437 mojibake
        assert decode_member_name(info) == "会议记录.docx"
    sub = load_submission([archive])
    assert [f.path for f in sub.files] == ["会议记录.docx"]


def test_unflagged_utf8_names_are_decoded(tmp_path: Path) -> None:
    raw = unicodedata.normalize("NFD", "签到表é.docx").encode("utf-8")
    archive = zip_with_raw_name(tmp_path / "mac.zip", raw, docx_bytes())
    sub = load_submission([archive])
    assert [f.path for f in sub.files] == ["签到表é.docx"]  # decoded and NFC


def test_utf8_flagged_nfd_name_is_normalised(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "café.jpg")
    archive = make_zip(tmp_path / "up.zip", {nfd: image_bytes("JPEG")})
    sub = load_submission([archive])
    assert [f.path for f in sub.files] == ["café.jpg"]


def test_nested_zip_is_expanded_under_its_name(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("hidden.docx", docx_bytes())
    archive = make_zip(tmp_path / "outer.zip", {"记录.docx": docx_bytes(), "more.zip": inner.getvalue()})
    sub = load_submission([archive])
    assert [f.path for f in sub.files] == ["more/hidden.docx", "记录.docx"]
    assert sub.problems == []


def test_zip_inside_folder_is_expanded(tmp_path: Path) -> None:
    write(tmp_path / "s" / "记录.docx", docx_bytes())
    make_zip(tmp_path / "s" / "photos.zip", {"a.jpg": image_bytes("JPEG")})
    sub = load_submission([tmp_path / "s"])
    assert [f.path for f in sub.files] == ["photos/a.jpg", "记录.docx"]
    assert sub.problems == []


def test_zip_in_a_file_list_is_expanded_under_its_name(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "照片.zip", {"a.jpg": image_bytes("JPEG")})
    minutes = write(tmp_path / "记录.docx", docx_bytes())
    sub = load_submission([minutes, archive])
    assert [f.path for f in sub.files] == ["照片/a.jpg", "记录.docx"]


def test_symlink_member_is_skipped(tmp_path: Path) -> None:
    archive = tmp_path / "up.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("记录.docx", docx_bytes())
        link = zipfile.ZipInfo("link.jpg")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
    sub = load_submission([archive])
    assert [f.path for f in sub.files] == ["记录.docx"]
    assert [(p.file, p.blocking) for p in sub.problems] == [("link.jpg", False)]


def test_duplicate_member_names_are_both_kept(tmp_path: Path) -> None:
    archive = tmp_path / "dup.zip"
    with zipfile.ZipFile(archive, "w") as zf, pytest.warns(UserWarning):
        zf.writestr("a.jpg", image_bytes("JPEG"))
        zf.writestr("a.jpg", image_bytes("PNG"))
    sub = load_submission([archive])
    assert [f.path for f in sub.files] == ["a (2).jpg", "a.jpg"]


def test_corrupt_top_level_zip(tmp_path: Path) -> None:
    bad = write(tmp_path / "up.zip", b"PK\x03\x04" + b"\x00" * 64)
    with pytest.raises(UnreadableFileError) as info:
        load_submission([bad])
    assert "up.zip" in info.value.message


def test_single_docx_is_a_file_not_an_archive(tmp_path: Path) -> None:
    minutes = write(tmp_path / "branch" / "记录.docx", docx_bytes())
    sub = load_submission([minutes])
    assert [f.path for f in sub.files] == ["记录.docx"]
    assert sub.name == "branch"


def test_zipped_folder_is_the_root(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "up.zip",
        {
            "三月主题党日/会议记录.docx": docx_bytes(),
            "三月主题党日/照片/a.jpg": image_bytes("JPEG"),
            "三月主题党日/submission.yaml": "branch: 第三党支部\n".encode(),
            "__MACOSX/三月主题党日/._会议记录.docx": b"junk",
        },
    )
    sub = load_submission([archive])
    assert [f.path for f in sub.files] == ["会议记录.docx", "照片/a.jpg"]
    assert sub.meta.branch == "第三党支部"
