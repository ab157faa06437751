"""load_submission: one folder, one zip, or a list of files -> a checked Submission."""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from core.errors import (
    ConfigError,
    EmptySubmissionError,
    ErrorCode,
    LimitExceededError,
    UnreadableFileError,
    UsageError,
)
from core.meta import Branch, Plan, SubmissionMeta, load_yaml_model, parse_yaml_model
from core.models import EvidenceFile, ExifInfo, FileKind, Problem
from core.settings import Limits, Settings
from ingest.budget import Budget
from ingest.docx_guard import RESAVE_HINT, check_docx, check_ooxml
from ingest.exif import check_image, read_exif
from ingest.folder import collect_file, collect_folder
from ingest.members import expand
from ingest.names import nfc
from ingest.problems import from_error, unsupported
from ingest.raw import ZIP_OPEN_ERRORS, Collected, RawFile
from ingest.sniff import (
    ACCEPTED_TYPES_TEXT,
    DOCX_REQUIRED_PARTS,
    RAR_MAGICS,
    SEVEN_ZIP_MAGIC,
    describe_unknown,
    is_encrypted_office,
    is_zip,
    looks_like_docx,
    sniff_named,
)

M = TypeVar("M", bound=BaseModel)

DEFAULT_NAME = "提交材料"
PASSWORD_HINT = (
    "请用 WPS/Word/Excel 打开该文件，去掉打开密码（文件 → 加密/保护 → 清除密码）后另存并重新上传。"
)
XLSX_RESAVE_HINT = "请用 WPS 或 Excel 打开该表格，选择“另存为” Excel 工作簿（.xlsx）后重新上传。"
MAX_LISTED_SKIPPED = 5


@dataclass
class Submission:
    """A submission after ingest: accepted files, per-file problems and its configuration."""

    name: str  # display name (folder/zip name)
    files: list[EvidenceFile]  # accepted files, sorted by path
    problems: list[Problem]  # per-file problems (partial success as data)
    meta: SubmissionMeta
    branch: Branch
    plan: Plan


# ------------------------------------------------------------------------- inputs


def _existing(paths: Sequence[Path]) -> list[Path]:
    """The input paths, checked to exist, without repeats of the same file."""
    if not paths:
        raise UsageError("没有指定要检查的材料", hint="请给出一个文件夹、一个 .zip 压缩包或若干文件。")
    seen: set[str] = set()
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"找不到“{path}”", hint="请检查路径是否正确（文件名、文件夹名是否有误）。")
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out


def _archive_format(path: Path) -> str | None:
    """ "zip", "7z" or "rar" for an archive to expand (by content; a broken zip by its name),
    None for anything else (an Office document is a zip but not an archive)."""
    try:
        with path.open("rb") as f:
            head = f.read(16)
        if head.startswith(SEVEN_ZIP_MAGIC):
            return "7z"
        if head.startswith(RAR_MAGICS):
            return "rar"
        if not is_zip(head):
            return None
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except ZIP_OPEN_ERRORS:
        return "zip" if path.suffix.lower() == ".zip" else None  # reported as a corrupt archive
    except OSError:
        return None  # reported as an unreadable file
    return None if DOCX_REQUIRED_PARTS[0] in names or "mimetype" in names else "zip"


def _display_name(path: Path) -> str:
    return nfc(path.resolve().name) or DEFAULT_NAME


def _collect_one(path: Path, *, only: bool, budget: Budget, out: Collected) -> str:
    """Add one input and return its display name.

    The only input's contents form the submission root (so its config files count);
    with several inputs each folder or zip sits under its own name.
    """
    name = _display_name(path)
    if path.is_dir():
        collect_folder(path, "" if only else name, budget, out)
        return name
    fmt = _archive_format(path) if path.is_file() else None
    if fmt is not None:
        stem = nfc(path.stem) or DEFAULT_NAME
        expand(fmt, path, nfc(path.name), "" if only else stem, budget, out, depth=1)
        return stem
    collect_file(path, nfc(path.name), budget, out)
    return _display_name(path.resolve().parent)


def _collect(paths: list[Path], budget: Budget, out: Collected) -> str:
    """Read every input into ``out``; return the submission's display name."""
    if len(paths) == 1:
        return _collect_one(paths[0], only=True, budget=budget, out=out)
    for path in paths:
        _collect_one(path, only=False, budget=budget, out=out)
    parents = {os.path.dirname(os.path.realpath(p)) for p in paths}
    return _display_name(Path(os.path.commonpath(sorted(parents))))


# ------------------------------------------------------------------------- configs


def _parse_member(model: type[M], data: bytes, name: str, limits: Limits) -> M:
    if len(data) > limits.max_yaml_bytes:
        raise ConfigError(f"{name} 过大", hint=f"配置文件不应超过 {limits.max_yaml_bytes} 字节。")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{name} 不是 UTF-8 编码的文本", hint="请用 UTF-8 编码保存该文件。") from exc
    return parse_yaml_model(model, text, name)


def _config(model: type[M], name: str, explicit: Path | None, out: Collected, limits: Limits) -> M:
    """The explicit file, else the one in the submission root, else the model's defaults."""
    if explicit is not None:
        return load_yaml_model(model, Path(explicit), limits)
    found = out.configs.get(name)
    if found is None:
        return model()
    ref = found[0]
    if isinstance(ref, Path):
        return load_yaml_model(model, ref, limits)
    return _parse_member(model, ref, name, limits)


# ------------------------------------------------------------------------- content


def _check_content(data: bytes, kind: FileKind, limits: Limits) -> ExifInfo | None:
    """Kind-specific safety checks; the EXIF facts for images."""
    if kind is FileKind.DOCX:
        check_docx(data, limits)
    elif kind is FileKind.XLSX:
        check_ooxml(data, limits, hint=XLSX_RESAVE_HINT)
    elif kind.is_image:
        check_image(data, limits, kind)
        return read_exif(data, limits, kind)
    return None


def _examine(raw: RawFile, limits: Limits) -> EvidenceFile | Problem:
    """An accepted EvidenceFile, or the Problem that keeps this file out."""
    if is_encrypted_office(raw.data):
        err = UnreadableFileError(
            "设置了打开密码，无法读取", hint=PASSWORD_HINT, code=ErrorCode.INPUT_ENCRYPTED
        )
        return from_error(raw.path, err)
    kind = sniff_named(raw.data, raw.path)
    if kind is None:
        if looks_like_docx(raw.data, raw.path):
            return from_error(
                raw.path, UnreadableFileError("已损坏，无法作为 Word 文档打开", hint=RESAVE_HINT)
            )
        return unsupported(raw.path, describe_unknown(raw.data))
    try:
        exif = _check_content(raw.data, kind, limits)
    except (UnreadableFileError, LimitExceededError) as err:
        return from_error(raw.path, err)
    digest = hashlib.sha256(raw.data).hexdigest()
    return EvidenceFile(path=raw.path, kind=kind, data=raw.data, sha256=digest, exif=exif)


def _empty_error(problems: list[Problem]) -> EmptySubmissionError:
    message = "提交的材料中没有可检查的证据文件"
    if problems:
        names = "、".join(f"“{p.file}”" for p in problems[:MAX_LISTED_SKIPPED])
        more = f"等 {len(problems)} 个文件" if len(problems) > MAX_LISTED_SKIPPED else ""
        message += f"（未能使用：{names}{more}）"
    return EmptySubmissionError(
        message, hint=f"请上传会议记录、签到表和现场照片，可接受的类型：{ACCEPTED_TYPES_TEXT}。"
    )


# ------------------------------------------------------------------------- entry


def load_submission(
    paths: Sequence[Path],
    *,
    submission_yaml: Path | None = None,
    branch_yaml: Path | None = None,
    plan_yaml: Path | None = None,
    settings: Settings | None = None,
) -> Submission:
    """Read a submission (one folder, one zip, or files and folders) into a Submission.

    Whole-submission problems raise an InputError (UsageError, ConfigError,
    UnsafeArchiveError, LimitExceededError, EmptySubmissionError); per-file
    problems are returned in ``Submission.problems``.
    """
    limits = (settings or Settings()).limits
    inputs = _existing(paths)
    out = Collected()
    name = _collect(inputs, Budget(limits), out)
    meta = _config(SubmissionMeta, "submission.yaml", submission_yaml, out, limits)
    branch = _config(Branch, "branch.yaml", branch_yaml, out, limits)
    plan = _config(Plan, "plan.yaml", plan_yaml, out, limits)
    files: list[EvidenceFile] = []
    problems = list(out.problems)
    for raw in out.files:
        result = _examine(raw, limits)
        if isinstance(result, EvidenceFile):
            files.append(result)
        else:
            problems.append(result)
    if not files:
        raise _empty_error(problems)
    files.sort(key=lambda f: f.path)
    problems.sort(key=lambda p: (p.file, p.code))
    return Submission(name=name, files=files, problems=problems, meta=meta, branch=branch, plan=plan)
