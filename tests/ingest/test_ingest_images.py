"""EXIF reading and image header checks (no pixel decoding, never a crash)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from ingest_builders import camera_exif, docx_bytes, image_bytes, png_header_only, write

from core.errors import InputError, UnreadableFileError
from core.models import ExifInfo, FileKind
from core.settings import Limits, Settings
from ingest import load_submission
from ingest.exif import check_image, parse_exif_datetime, read_exif


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_exif_fields_are_read(fmt: str) -> None:
    info = read_exif(image_bytes(fmt, exif=camera_exif()), Limits())
    assert info == ExifInfo(
        orientation=6,
        taken_at=dt.datetime(2024, 5, 1, 9, 30, 0),
        software="HarmonyOS 4.0",
        make="HUAWEI",
        model="P60 Pro",
    )


def test_datetime_falls_back_to_ifd0_datetime() -> None:
    info = read_exif(image_bytes("JPEG", exif=camera_exif(original=None)), Limits())
    assert info is not None
    assert info.taken_at == dt.datetime(2024, 5, 2, 10, 0, 0)


def test_malformed_exif_values_become_none() -> None:
    exif = camera_exif(orientation=42, original="2024:13:45 99:00:00", datetime="yesterday")
    info = read_exif(image_bytes("JPEG", exif=exif), Limits())
    assert info is not None
    assert (info.orientation, info.taken_at, info.make) == (None, None, "HUAWEI")


def test_no_exif_is_none() -> None:
    assert read_exif(image_bytes("PNG"), Limits()) is None


def test_read_exif_never_raises_on_garbage() -> None:
    assert read_exif(b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00*garbage", Limits()) is None
    assert read_exif(b"not an image", Limits()) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024:05:01 09:30:00", dt.datetime(2024, 5, 1, 9, 30)),
        ("2024:05:01 09:30:00\x00", dt.datetime(2024, 5, 1, 9, 30)),
        (b"2024-05-01 09:30:00", dt.datetime(2024, 5, 1, 9, 30)),
        ("0000:00:00 00:00:00", None),
        ("    :  :     :  :  ", None),
        (20240501, None),
    ],
)
def test_parse_exif_datetime(value: object, expected: dt.datetime | None) -> None:
    assert parse_exif_datetime(value) == expected


def test_exif_is_stored_on_evidence_file(tmp_path: Path) -> None:
    write(tmp_path / "s" / "现场.jpg", image_bytes("JPEG", exif=camera_exif()))
    write(tmp_path / "s" / "记录.docx", docx_bytes())
    sub = load_submission([tmp_path / "s"])
    photo = next(f for f in sub.files if f.kind is FileKind.JPEG)
    assert photo.exif is not None and photo.exif.orientation == 6
    assert photo.exif.taken_at == dt.datetime(2024, 5, 1, 9, 30)
    assert next(f for f in sub.files if f.kind is FileKind.DOCX).exif is None


def test_huge_declared_dimensions_is_a_problem(tmp_path: Path) -> None:
    bomb = png_header_only(100_000, 100_000)
    assert len(bomb) < 200
    write(tmp_path / "s" / "bomb.png", bomb)
    write(tmp_path / "s" / "记录.docx", docx_bytes())
    sub = load_submission([tmp_path / "s"])
    assert [f.path for f in sub.files] == ["记录.docx"]
    assert [(p.file, p.code, p.blocking) for p in sub.problems] == [
        ("bomb.png", "input.limit_exceeded", True)
    ]
    assert "图片像素过多" in sub.problems[0].message
    assert read_exif(bomb, Limits()) is None


def test_pixel_limit_below_pillows_own() -> None:
    with pytest.raises(InputError) as info:
        check_image(image_bytes("PNG", size=(20, 10)), Limits(max_image_pixels=199))
    assert "20×10" in info.value.message and info.value.code == "input.limit_exceeded"
    check_image(image_bytes("PNG", size=(20, 10)), Limits(max_image_pixels=200))


def test_truncated_png_header_is_unreadable(tmp_path: Path) -> None:
    write(tmp_path / "s" / "cut.png", png_header_only(10, 10)[:20])
    write(tmp_path / "s" / "记录.docx", docx_bytes())
    sub = load_submission([tmp_path / "s"])
    assert [(p.file, p.code, p.blocking) for p in sub.problems] == [("cut.png", "input.unreadable", True)]


@pytest.mark.parametrize("keep", [3, 40, 200, 600])
def test_truncated_jpeg_never_crashes(tmp_path: Path, keep: int) -> None:
    data = image_bytes("JPEG", size=(64, 48), exif=camera_exif())[:keep]
    write(tmp_path / "s" / "cut.jpg", data)
    write(tmp_path / "s" / "记录.docx", docx_bytes())
    sub = load_submission([tmp_path / "s"])
    accepted = [f for f in sub.files if f.path == "cut.jpg"]
    problems = [p for p in sub.problems if p.file == "cut.jpg"]
    assert len(accepted) + len(problems) == 1
    if problems:
        assert problems[0].code == "input.unreadable" and problems[0].blocking
    else:
        assert accepted[0].kind is FileKind.JPEG


def test_check_image_rejects_unreadable() -> None:
    with pytest.raises(UnreadableFileError):
        check_image(b"\x89PNG\r\n\x1a\n\x00\x00", Limits(), FileKind.PNG)


def test_image_limit_from_settings(tmp_path: Path) -> None:
    write(tmp_path / "s" / "big.jpg", image_bytes("JPEG", size=(50, 50)))
    write(tmp_path / "s" / "记录.docx", docx_bytes())
    sub = load_submission([tmp_path / "s"], settings=Settings(limits=Limits(max_image_pixels=1000)))
    assert [(p.file, p.code) for p in sub.problems] == [("big.jpg", "input.limit_exceeded")]
