"""Safe reading of an uploaded zip: names checked, sizes bounded, nothing extracted to disk."""

from __future__ import annotations

import re
import stat
import struct
import zipfile
import zlib
from pathlib import Path

from core.errors import ConfigError, LimitExceededError, UnreadableFileError, UnsafeArchiveError
from core.settings import MB, Limits
from ingest import problems
from ingest.budget import Budget
from ingest.names import CONFIG_NAMES, is_ignored, join, nfc
from ingest.raw import ZIP_OPEN_ERRORS, BoundExceeded, Collected, read_bounded

UTF8_NAME_FLAG = 0x800  # general purpose bit 11: names are UTF-8
ENCRYPTED_FLAG = 0x1
UNICODE_PATH_EXTRA = 0x7075  # Info-ZIP Unicode Path extra field
RATIO_MIN_BYTES = 1 * MB  # below this a high ratio (a blank page, a tiny text) cannot hurt
DRIVE_RE = re.compile(r"^[A-Za-z]:")
ZIP_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError)

UNSAFE_HINT = "请把材料文件直接放进压缩包（路径中不要有“..”，也不要以“/”或盘符开头），重新压缩后上传。"
BOMB_HINT = "压缩包异常，请直接用系统自带的压缩功能重新压缩原始文件后上传。"


# ----------------------------------------------------------------------------- names


def _unicode_path_extra(info: zipfile.ZipInfo, raw_name: bytes) -> str | None:
    """The UTF-8 name from an Info-ZIP Unicode Path extra field, if present and current."""
    extra = info.extra
    pos = 0
    while pos + 4 <= len(extra):
        header_id, size = struct.unpack_from("<HH", extra, pos)
        body = extra[pos + 4 : pos + 4 + size]
        pos += 4 + size
        if header_id != UNICODE_PATH_EXTRA or len(body) < 5 or body[0] != 1:
            continue
        (crc,) = struct.unpack_from("<I", body, 1)
        if crc != zlib.crc32(raw_name):
            return None  # the name was changed after the field was written
        try:
            return body[5:].decode("utf-8")
        except UnicodeDecodeError:
            return None
    return None


def decode_member_name(info: zipfile.ZipInfo) -> str:
    """A member's real name: UTF-8 when flagged, else UTF-8 or GBK (Chinese Windows) bytes.

    Without bit 11, Python decodes names as cp437; we recover the raw bytes and try
    the Unicode Path extra field, strict UTF-8 (macOS Finder zips) and GBK in turn.
    """
    if info.flag_bits & UTF8_NAME_FLAG:
        return nfc(info.filename)
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return nfc(info.filename)
    from_extra = _unicode_path_extra(info, raw)
    if from_extra is not None:
        return nfc(from_extra)
    for encoding in ("utf-8", "gbk"):
        try:
            return nfc(raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    return nfc(info.filename)


def _unsafe(name: str, why: str) -> UnsafeArchiveError:
    return UnsafeArchiveError(
        f"压缩包中有不安全的文件路径“{name}”（{why}），已拒绝整个压缩包", hint=UNSAFE_HINT
    )


def safe_parts(name: str) -> list[str]:
    """The path components of a member name; UnsafeArchiveError for traversal tricks."""
    if "\x00" in name:
        raise _unsafe(name.replace("\x00", "\\0"), "含有空字符")
    path = name.replace("\\", "/")
    if path.startswith("/"):
        raise _unsafe(name, "绝对路径")
    if DRIVE_RE.match(path):
        raise _unsafe(name, "含有盘符")
    parts = [p for p in path.split("/") if p not in ("", ".")]
    if any(p.strip() == ".." for p in parts):
        raise _unsafe(name, "含有“..”上级目录")
    return parts


# ----------------------------------------------------------------------------- limits


def ratio_exceeded(uncompressed: int, compressed: int, max_ratio: float) -> bool:
    """A member expanding beyond ``max_ratio`` (ignored for small members)."""
    return uncompressed > RATIO_MIN_BYTES and uncompressed > max_ratio * max(compressed, 1)


def ratio_cap(info: zipfile.ZipInfo, max_ratio: float) -> int:
    """The most bytes a member may expand to, whatever its header says."""
    return max(RATIO_MIN_BYTES, int(max_ratio * max(info.compress_size, 1)))


def _is_dir(info: zipfile.ZipInfo) -> bool:
    """A folder entry, also as written by Windows tools with a trailing backslash."""
    return info.is_dir() or (info.filename.endswith("\\") and info.file_size == 0)


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def _check_archive(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.max_zip_members:
        raise LimitExceededError(
            f"压缩包中的文件过多（{len(infos)} 个，上限 {limits.max_zip_members} 个）",
            hint="请只打包本次会议的材料后重新上传。",
        )
    declared = sum(i.file_size for i in infos)
    if declared > limits.max_zip_uncompressed_bytes:
        raise LimitExceededError(
            f"压缩包解压后过大（{problems.mb(declared)}，"
            f"上限 {problems.mb(limits.max_zip_uncompressed_bytes)}）",
            hint="请减少或压缩照片后重新打包上传。",
        )
    for info in infos:
        if ratio_exceeded(info.file_size, info.compress_size, limits.max_zip_ratio):
            raise UnsafeArchiveError(
                f"压缩包中的“{decode_member_name(info)}”压缩比异常（疑似“压缩炸弹”），已拒绝整个压缩包",
                hint=BOMB_HINT,
            )


# ----------------------------------------------------------------------------- reading


def open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except ZIP_OPEN_ERRORS:
        raise UnreadableFileError(
            f"压缩包“{nfc(path.name)}”已损坏，无法打开", hint="请重新压缩后上传（推荐 .zip 格式）。"
        ) from None


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, shown: str) -> bytes:
    """A member's bytes, decompressed in chunks and never more than ``cap`` of them."""
    try:
        with zf.open(info) as stream:
            return read_bounded(stream, cap)
    except BoundExceeded:
        raise UnsafeArchiveError(
            f"压缩包中的“{shown}”解压后的大小与记录不符（疑似“压缩炸弹”），已拒绝整个压缩包", hint=BOMB_HINT
        ) from None


def _member_error(exc: Exception) -> UnreadableFileError:
    if isinstance(exc, RuntimeError) and "encrypted" in str(exc):
        return UnreadableFileError("在压缩包中设置了密码，无法读取", hint="请去掉压缩包密码后重新上传。")
    return UnreadableFileError("在压缩包中已损坏，无法解压", hint="请重新压缩后上传。")


def _collect_member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, rel: str, budget: Budget, out: Collected
) -> None:
    limits = budget.limits
    is_config = rel in CONFIG_NAMES
    if is_ignored(rel) and not is_config:
        return
    if _is_symlink(info):
        out.problems.append(problems.symlink(rel))
        return
    if is_config:
        try:
            data = _read_member(zf, info, limits.max_yaml_bytes + 1, rel)
        except ZIP_READ_ERRORS:
            raise ConfigError(f"压缩包中的“{rel}”已损坏，无法读取", hint="请重新压缩后上传。") from None
        out.add_config(rel, data, rel)
        return
    budget.add_file()
    if info.file_size > limits.max_file_bytes:
        out.problems.append(problems.too_large(rel, info.file_size, limits.max_file_bytes))
        return
    if info.flag_bits & ENCRYPTED_FLAG:
        out.problems.append(problems.from_error(rel, _member_error(RuntimeError("encrypted"))))
        return
    cap = min(limits.max_file_bytes, ratio_cap(info, limits.max_zip_ratio))
    try:
        data = _read_member(zf, info, cap, rel)
    except ZIP_READ_ERRORS as exc:
        out.problems.append(problems.from_error(rel, _member_error(exc)))
        return
    budget.add_bytes(len(data))
    out.add_file(rel, data)


def _single_top_folder(paths: list[list[str]]) -> bool:
    """Whether every (non-ignored) member sits in one top folder, as when a folder is zipped.

    That folder is then the submission root, so its submission.yaml etc. are found.
    """
    kept = [parts for parts in paths if not is_ignored("/".join(parts))]
    return bool(kept) and all(len(p) > 1 and p[0] == kept[0][0] for p in kept)


def collect_zip(path: Path, prefix: str, budget: Budget, out: Collected) -> None:
    """Add the members of the zip at ``path`` under ``prefix`` ("" for the root).

    Every name is checked before any member is read, so a single unsafe name
    rejects the whole archive. A single top folder (a zipped folder) is the root.
    Nested archives are not expanded.
    """
    with open_zip(path) as zf:
        infos = zf.infolist()
        _check_archive(infos, budget.limits)
        named = [(info, safe_parts(decode_member_name(info))) for info in infos]
        files = [(info, parts) for info, parts in named if parts and not _is_dir(info)]
        strip = 1 if _single_top_folder([parts for _, parts in files]) else 0
        for info, parts in files:
            _collect_member(zf, info, join([prefix, *parts[strip:]]), budget, out)
