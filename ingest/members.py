"""Archive members, whatever the archive: names checked, sizes bounded, nested archives expanded.

Every archive format (``ingest.archive`` for zip, ``ingest.sevenzip``, ``ingest.rar``)
lists its members as :class:`Member` and reads one member's bytes with a cap; this
module applies the same rules to all of them:

* every name is checked (``safe_parts``) before any member is read, so one unsafe name
  rejects the whole archive;
* member count, declared total size and per-member ratio are checked from the headers,
  and the bytes actually read are capped again while streaming (lying headers);
* the limits hold for the *whole tree*: an archive inside an archive adds its members
  and declared bytes to the same :class:`~ingest.budget.Budget` counters, and archives
  nest at most ``Limits.max_archive_depth`` deep;
* a single top folder (a zipped folder) is the root, and so is an archive that is the
  only thing in its parent (a zipped folder zipped again); any other nested archive is
  expanded as a folder named after it;
* an encrypted archive is a bad-input error; an encrypted member is a per-file problem.
"""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from core.errors import ConfigError, ErrorCode, LimitExceededError, UnreadableFileError, UnsafeArchiveError
from core.settings import MB
from ingest import problems
from ingest.budget import Budget
from ingest.names import CONFIG_NAMES, is_ignored, join
from ingest.raw import BoundExceeded, Collected
from ingest.sniff import archive_format

RATIO_MIN_BYTES = 1 * MB  # below this a high ratio (a blank page, a tiny text) cannot hurt
DRIVE_RE = re.compile(r"^[A-Za-z]:")
UNSAFE_HINT = "请把材料文件直接放进压缩包（路径中不要有“..”，也不要以“/”或盘符开头），重新压缩后上传。"
BOMB_HINT = "压缩包异常，请直接用系统自带的压缩功能重新压缩原始文件后上传。"
PASSWORD_HINT = "请去掉压缩包密码（或不加密码重新压缩）后重新上传。"
ARCHIVE_SUFFIXES = (".zip", ".7z", ".rar")

Source = Path | BinaryIO


class MemberReadError(Exception):
    """A member could not be read (corrupt data, unsupported method); internal signal."""


class EncryptedMemberError(MemberReadError):
    """A member needs a password; internal signal."""


@dataclass(frozen=True)
class Member:
    name: str  # decoded, NFC
    size: int  # declared uncompressed size
    packed: int  # compressed size (for solid archives: the member's share of the archive)
    is_dir: bool = False
    is_symlink: bool = False
    encrypted: bool = False
    ref: object = None  # the format's own handle (ZipInfo, RarInfo, a name)


class ArchiveReader(Protocol):
    label: str  # shown in messages, e.g. "压缩包"

    def members(self) -> list[Member]: ...

    def read(self, member: Member, cap: int) -> bytes:
        """The member's bytes; BoundExceeded past ``cap``, MemberReadError when unreadable."""
        ...


Opener = Callable[[Source, str], AbstractContextManager[ArchiveReader]]


# ----------------------------------------------------------------------------- names


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


def single_top_folder(paths: list[list[str]]) -> bool:
    """Whether every (non-ignored) member sits in one top folder, as when a folder is zipped.

    That folder is then the submission root, so its submission.yaml etc. are found.
    """
    kept = [parts for parts in paths if not is_ignored("/".join(parts))]
    return bool(kept) and all(len(p) > 1 and p[0] == kept[0][0] for p in kept)


# ----------------------------------------------------------------------------- limits


def ratio_exceeded(uncompressed: int, compressed: int, max_ratio: float) -> bool:
    """A member expanding beyond ``max_ratio`` (ignored for small members)."""
    return uncompressed > RATIO_MIN_BYTES and uncompressed > max_ratio * max(compressed, 1)


def ratio_cap_of(compressed: int, max_ratio: float) -> int:
    """The most bytes a member may expand to, whatever its header says."""
    return max(RATIO_MIN_BYTES, int(max_ratio * max(compressed, 1)))


def check_members(members: list[Member], budget: Budget) -> None:
    """Count, declared size (for the whole tree) and per-member ratio, from the headers."""
    limits = budget.limits
    budget.archive_members += len(members)
    if budget.archive_members > limits.max_zip_members:
        raise LimitExceededError(
            f"压缩包中的文件过多（{budget.archive_members} 个，上限 {limits.max_zip_members} 个）",
            hint="请只打包本次会议的材料后重新上传。",
        )
    budget.archive_bytes += sum(m.size for m in members)
    if budget.archive_bytes > limits.max_zip_uncompressed_bytes:
        raise LimitExceededError(
            f"压缩包解压后过大（{problems.mb(budget.archive_bytes)}，"
            f"上限 {problems.mb(limits.max_zip_uncompressed_bytes)}）",
            hint="请减少或压缩照片后重新打包上传。",
        )
    for m in members:
        if ratio_exceeded(m.size, m.packed, limits.max_zip_ratio):
            raise UnsafeArchiveError(
                f"压缩包中的“{m.name}”压缩比异常（疑似“压缩炸弹”），已拒绝整个压缩包", hint=BOMB_HINT
            )


def corrupt_archive(shown: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"压缩包“{shown}”已损坏，无法打开", hint="请重新压缩后上传（推荐 .zip 格式）。"
    )


def encrypted_archive(shown: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"压缩包“{shown}”设置了密码，无法读取", hint=PASSWORD_HINT, code=ErrorCode.INPUT_ENCRYPTED
    )


# ----------------------------------------------------------------------------- reading


def _read(reader: ArchiveReader, member: Member, cap: int, shown: str) -> bytes:
    try:
        return reader.read(member, cap)
    except BoundExceeded:
        raise UnsafeArchiveError(
            f"压缩包中的“{shown}”解压后的大小与记录不符（疑似“压缩炸弹”），已拒绝整个压缩包", hint=BOMB_HINT
        ) from None


def _member_error(exc: MemberReadError) -> UnreadableFileError:
    if isinstance(exc, EncryptedMemberError):
        return UnreadableFileError(
            "在压缩包中设置了密码，无法读取",
            hint="请去掉压缩包密码后重新上传。",
            code=ErrorCode.INPUT_ENCRYPTED,
        )
    return UnreadableFileError("在压缩包中已损坏，无法解压", hint="请重新压缩后上传。")


def collect_member(
    reader: ArchiveReader,
    member: Member,
    rel: str,
    budget: Budget,
    out: Collected,
    depth: int,
    into: str | None = None,
) -> None:
    """One member: config, ignored, symlink, too large, encrypted, nested archive or evidence.

    A nested archive is expanded under ``into`` (default: its path without the extension).
    """
    limits = budget.limits
    is_config = rel in CONFIG_NAMES
    if is_ignored(rel) and not is_config:
        return
    if member.is_symlink:
        out.problems.append(problems.symlink(rel))
        return
    if is_config:
        try:
            data = _read(reader, member, limits.max_yaml_bytes + 1, rel)
        except MemberReadError:
            raise ConfigError(f"压缩包中的“{rel}”已损坏，无法读取", hint="请重新压缩后上传。") from None
        out.add_config(rel, data, rel)
        return
    budget.add_file()
    if member.size > limits.max_file_bytes:
        out.problems.append(problems.too_large(rel, member.size, limits.max_file_bytes))
        return
    if member.encrypted:
        out.problems.append(problems.from_error(rel, _member_error(EncryptedMemberError())))
        return
    cap = min(limits.max_file_bytes, ratio_cap_of(member.packed, limits.max_zip_ratio))
    try:
        data = _read(reader, member, cap, rel)
    except MemberReadError as exc:
        out.problems.append(problems.from_error(rel, _member_error(exc)))
        return
    budget.add_bytes(len(data))
    add_or_expand(rel, data, budget, out, depth, into)


def collect_members(
    reader: ArchiveReader, prefix: str, budget: Budget, out: Collected, depth: int = 1
) -> None:
    """Add the members of an open archive under ``prefix`` ("" for the root).

    Every name is checked before any member is read; a single top folder is the root,
    and an archive that is the archive's only file is expanded in its place.
    """
    members = reader.members()
    check_members(members, budget)
    named = [(m, safe_parts(m.name)) for m in members]
    files = [(m, parts) for m, parts in named if parts and not m.is_dir]
    strip = 1 if single_top_folder([parts for _, parts in files]) else 0
    kept = [parts for _, parts in files if not is_ignored("/".join(parts))]
    lone = len(kept) == 1 and archive_format_by_name(kept[0][-1]) is not None
    for member, parts in files:
        rel = join([prefix, *parts[strip:]])
        collect_member(reader, member, rel, budget, out, depth, into=prefix if lone else None)


# ----------------------------------------------------------------------------- nesting


def archive_format_by_name(name: str) -> str | None:
    """ "zip", "7z" or "rar" from a member's name (only to spot a lone nested archive)."""
    lower = name.lower()
    return next((s.lstrip(".") for s in ARCHIVE_SUFFIXES if lower.endswith(s)), None)


def add_or_expand(
    rel: str, data: bytes, budget: Budget, out: Collected, depth: int, into: str | None = None
) -> None:
    """A file read from an archive or a folder: an archive (by content) is expanded under
    ``into`` (default: ``rel`` without its extension), anything else is kept as a file.

    A corrupt or encrypted nested archive is a problem of that file; limits of the whole
    tree and unsafe names stop the whole submission, as for the outer archive."""
    fmt = archive_format(data)
    if fmt is None:
        out.add_file(rel, data)
        return
    if depth >= budget.limits.max_archive_depth:
        err = LimitExceededError(
            f"是嵌套超过 {budget.limits.max_archive_depth} 层的压缩包，未展开",
            hint="请把材料文件直接放进一个压缩包后重新上传。",
        )
        out.problems.append(problems.from_error(rel, err))
        return
    prefix = posixpath.splitext(rel)[0] if into is None else into
    try:
        expand(fmt, io.BytesIO(data), rel, prefix, budget, out, depth + 1)
    except UnreadableFileError as err:
        out.problems.append(problems.from_error(rel, err))


def expand(
    fmt: str, source: Source, shown: str, prefix: str, budget: Budget, out: Collected, depth: int
) -> None:
    """Open the archive in ``source`` (format ``fmt``) and collect its members."""
    with opener(fmt)(source, shown) as reader:
        collect_members(reader, prefix, budget, out, depth)


def opener(fmt: str) -> Opener:
    if fmt == "zip":
        from ingest.archive import open_zip_reader

        return open_zip_reader
    if fmt == "7z":
        from ingest.sevenzip import open_7z_reader

        return open_7z_reader
    from ingest.rar import open_rar_reader

    return open_rar_reader
