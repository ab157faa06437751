"""Whole-submission limits: number of files and total bytes read."""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import LimitExceededError
from core.settings import Limits
from ingest.problems import mb


@dataclass
class Budget:
    """Counts candidate files and bytes as they are read, and archive members across nested
    archives (``ingest.members.check_members``); raises past the limits."""

    limits: Limits
    files: int = 0
    bytes: int = 0
    archive_members: int = 0  # members listed by every archive of the tree (nested ones too)
    archive_bytes: int = 0  # their declared uncompressed sizes

    def add_file(self) -> None:
        self.files += 1
        if self.files > self.limits.max_files:
            raise LimitExceededError(
                f"提交的文件过多（超过 {self.limits.max_files} 个）",
                hint="请只上传本次会议的记录、签到表和照片，删除无关文件后重试。",
            )

    def add_bytes(self, size: int) -> None:
        self.bytes += size
        if self.bytes > self.limits.max_total_bytes:
            raise LimitExceededError(
                f"提交的文件总大小超过上限 {mb(self.limits.max_total_bytes)}",
                hint="请压缩照片（例如只保留几张代表性照片）或减少文件后重试。",
            )

    def remaining(self) -> int:
        """Bytes still allowed before the total limit is exceeded."""
        return self.limits.max_total_bytes - self.bytes
