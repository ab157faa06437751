"""Builders for the per-file problems ingest reports (Chinese text in one place)."""

from __future__ import annotations

from core.errors import InputError, LimitExceededError, UnsupportedTypeError
from core.models import Problem
from core.settings import MB
from ingest.sniff import ACCEPTED_TYPES_TEXT

SKIPPED_CODE = "input.invalid"  # a directory entry we do not read (symlink, device, ...)


def mb(size: int) -> str:
    """A byte count as megabytes for messages, e.g. ``52.4 MB``."""
    return f"{size / MB:.1f} MB"


def unsupported(path: str, what: str) -> Problem:
    return Problem(
        file=path,
        code=UnsupportedTypeError.code,
        message=f"文件“{path}”不是可接受的类型（{what}），已忽略。可接受的类型：{ACCEPTED_TYPES_TEXT}。",
        hint=f"如果这是会议材料，请转换为 {ACCEPTED_TYPES_TEXT} 后重新上传；否则可以删除该文件。",
        blocking=False,
    )


def too_large(path: str, size: int, limit: int) -> Problem:
    return Problem(
        file=path,
        code=LimitExceededError.code,
        message=f"文件“{path}”过大（{mb(size)}），超过单个文件上限 {mb(limit)}，未检查。",
        hint="请压缩图片或将文档另存为较小的文件后重新上传。",
        blocking=True,
    )


def from_error(path: str, err: InputError) -> Problem:
    """A blocking problem for an accepted file that failed a check."""
    return Problem(file=path, code=err.code, message=f"“{path}”{err.message}", hint=err.hint, blocking=True)


def symlink(path: str) -> Problem:
    return Problem(
        file=path,
        code=SKIPPED_CODE,
        message=f"“{path}”是符号链接（快捷方式），出于安全考虑已跳过。",
        hint="请把实际文件本身（而不是链接）放入提交的文件夹。",
        blocking=False,
    )


def special_file(path: str) -> Problem:
    return Problem(
        file=path,
        code=SKIPPED_CODE,
        message=f"“{path}”不是普通文件（如设备或管道），已跳过。",
        hint="请只提交普通的文档和图片文件。",
        blocking=False,
    )
