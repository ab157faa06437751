"""The one error catalogue of jishi.

Every error jishi raises on purpose carries a stable code from :class:`ErrorCode`
(dotted, never renamed). The catalogue gives each code its *family*, which tells
every boundary what to do with it:

* ``bad_input``: the user's files, settings or arguments are wrong. The CLI exits 2;
  a per-file one becomes an ``input.unreadable`` finding so the rest is still checked;
  the queue stores it as the submission's result (retrying cannot help).
* ``environment``: the machine is missing something or cannot store (a tool not
  installed, a disk or database failure). An operator fixes it; the CLI exits 4.
* ``transient``: may succeed when tried again (a timeout under load, a busy
  database). The queue retries it; the CLI exits 5.
* ``bug``: an invariant broken in jishi itself. The CLI exits 3.

Each code also has a Chinese summary and a default fix-it hint; a raise site gives
the specific Chinese message (naming the file) and may give a more specific hint.
A test checks that every code raised anywhere is in this catalogue and in the README.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum


class Family(StrEnum):
    BAD_INPUT = "bad_input"
    ENVIRONMENT = "environment"
    TRANSIENT = "transient"
    BUG = "bug"


class ExitCode(IntEnum):
    """The CLI's exit status."""

    OK = 0  # compliant
    FLAGGED = 1  # noncompliant or needs review (or an eval below its baseline)
    BAD_INPUT = 2
    BUG = 3
    ENVIRONMENT = 4
    TRANSIENT = 5
    INTERRUPTED = 130


@dataclass(frozen=True)
class Entry:
    family: Family
    summary: str  # what went wrong, in Chinese
    hint: str  # the default fix-it hint, in Chinese


class ErrorCode(StrEnum):
    INPUT_INVALID = "input.invalid"
    INPUT_EMPTY = "input.empty"
    INPUT_LIMIT_EXCEEDED = "input.limit_exceeded"
    INPUT_UNSAFE_ARCHIVE = "input.unsafe_archive"
    INPUT_UNSUPPORTED_TYPE = "input.unsupported_type"
    INPUT_UNREADABLE = "input.unreadable"
    INPUT_ENCRYPTED = "input.encrypted"
    INPUT_PARSE_TIMEOUT = "input.parse_timeout"
    INPUT_PARSE_MEMORY = "input.parse_memory"
    INPUT_CONVERTER_MISSING = "input.converter_missing"
    USAGE_INVALID = "usage.invalid"
    CONFIG_INVALID = "config.invalid"
    OCR_FAILED = "ocr.failed"
    OCR_TIMEOUT = "ocr.timeout"
    OCR_UNKNOWN_ENGINE = "ocr.unknown_engine"
    HISTORY_UNAVAILABLE = "history.unavailable"
    HISTORY_INCOMPATIBLE = "history.incompatible"
    MODEL_MISSING = "model.missing"
    STORE_UNAVAILABLE = "store.unavailable"
    INTERNAL_ERROR = "internal.error"

    @property
    def entry(self) -> Entry:
        return CATALOGUE[self]

    @property
    def family(self) -> Family:
        return CATALOGUE[self].family


_RESUBMIT = "请修正后重新上传。"
CATALOGUE: dict[ErrorCode, Entry] = {
    ErrorCode.INPUT_INVALID: Entry(Family.BAD_INPUT, "输入不合法", _RESUBMIT),
    ErrorCode.INPUT_EMPTY: Entry(
        Family.BAD_INPUT, "没有找到可检查的材料文件", "请上传会议记录、签到表和现场照片。"
    ),
    ErrorCode.INPUT_LIMIT_EXCEEDED: Entry(
        Family.BAD_INPUT, "材料超出安全限制（大小、数量或像素）", "请压缩图片或拆分材料后重新上传。"
    ),
    ErrorCode.INPUT_UNSAFE_ARCHIVE: Entry(
        Family.BAD_INPUT, "压缩包不安全（路径穿越、压缩炸弹等）", "请直接打包材料文件夹后重新上传。"
    ),
    ErrorCode.INPUT_UNSUPPORTED_TYPE: Entry(
        Family.BAD_INPUT, "文件类型不受支持", "请上传 Word、PDF、图片、表格或压缩包。"
    ),
    ErrorCode.INPUT_UNREADABLE: Entry(
        Family.BAD_INPUT, "文件已损坏或无法读取", "请重新导出或重新扫描该文件后上传。"
    ),
    ErrorCode.INPUT_ENCRYPTED: Entry(Family.BAD_INPUT, "文件或压缩包设置了密码", "请去掉密码后重新上传。"),
    ErrorCode.INPUT_PARSE_TIMEOUT: Entry(
        Family.BAD_INPUT, "文件解析超时，可能是恶意构造或已损坏", "请重新导出该文件后上传。"
    ),
    ErrorCode.INPUT_PARSE_MEMORY: Entry(
        Family.BAD_INPUT, "文件解析占用内存过多，可能是恶意构造或已损坏", "请重新导出该文件后上传。"
    ),
    ErrorCode.INPUT_CONVERTER_MISSING: Entry(
        Family.ENVIRONMENT,
        "本机缺少转换该文件所需的程序",
        "请安装 LibreOffice（Debian：apt-get install libreoffice-writer-nogui libreoffice-calc-nogui），或把文件另存为 .docx/.xlsx 后上传。",
    ),
    ErrorCode.USAGE_INVALID: Entry(Family.BAD_INPUT, "命令用法有误", "运行 jishi --help 查看用法。"),
    ErrorCode.CONFIG_INVALID: Entry(
        Family.BAD_INPUT, "配置文件或设置不合法", "请按 README 中的格式修改后重试。"
    ),
    ErrorCode.OCR_FAILED: Entry(
        Family.ENVIRONMENT, "文字识别引擎无法运行", "请检查 OCR 引擎是否安装完整（bash scripts/setup.sh）。"
    ),
    ErrorCode.OCR_TIMEOUT: Entry(
        Family.TRANSIENT, "文字识别超时", "请稍后重试；若反复超时，请上传更清晰、尺寸更小的图片。"
    ),
    ErrorCode.OCR_UNKNOWN_ENGINE: Entry(
        Family.BAD_INPUT, "指定的 OCR 引擎不存在", "可用的引擎：rapidocr、tesseract、none。"
    ),
    ErrorCode.HISTORY_UNAVAILABLE: Entry(
        Family.ENVIRONMENT, "历史记录无法读写", "请检查磁盘空间和文件权限，或用 --no-history 跳过历史比对。"
    ),
    ErrorCode.HISTORY_INCOMPATIBLE: Entry(
        Family.ENVIRONMENT, "历史记录由更新版本的 jishi 创建", "请升级 jishi，或用 --history 指定其他路径。"
    ),
    ErrorCode.MODEL_MISSING: Entry(
        Family.ENVIRONMENT, "本机缺少所需的模型文件", "请重新安装 jishi 及其依赖（bash scripts/setup.sh）。"
    ),
    ErrorCode.STORE_UNAVAILABLE: Entry(
        Family.TRANSIENT, "数据库或文件存储暂时不可用", "请稍后重试；若持续出现，请联系管理员。"
    ),
    ErrorCode.INTERNAL_ERROR: Entry(
        Family.BUG, "jishi 内部错误（不是材料的问题）", "请把错误信息反馈给开发者。"
    ),
}

EXIT_BY_FAMILY = {
    Family.BAD_INPUT: ExitCode.BAD_INPUT,
    Family.ENVIRONMENT: ExitCode.ENVIRONMENT,
    Family.TRANSIENT: ExitCode.TRANSIENT,
    Family.BUG: ExitCode.BUG,
}


class JishiError(Exception):
    """Base class for every error jishi raises on purpose."""

    code: ErrorCode = ErrorCode.INTERNAL_ERROR

    def __init__(self, message: str, *, hint: str = "", code: ErrorCode | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = ErrorCode(code)  # an unknown code is a ValueError: every code is catalogued
        self.hint = hint or self.code.entry.hint

    @property
    def family(self) -> Family:
        return self.code.family

    @property
    def retryable(self) -> bool:
        return self.family is Family.TRANSIENT

    @property
    def exit_code(self) -> ExitCode:
        return EXIT_BY_FAMILY[self.family]

    def for_user(self) -> str:
        """The one-paragraph Chinese text shown to a user."""
        text = f"[{self.code}] {self.message}"
        return f"{text}\n处理办法：{self.hint}" if self.hint else text


class InputError(JishiError):
    """The input (a file, an archive, a config file, a CLI argument) is bad."""

    code = ErrorCode.INPUT_INVALID


class UsageError(InputError):
    code = ErrorCode.USAGE_INVALID


class ConfigError(InputError):
    """A YAML config file or a setting is missing fields, has unknown keys or wrong types."""

    code = ErrorCode.CONFIG_INVALID


class EmptySubmissionError(InputError):
    code = ErrorCode.INPUT_EMPTY


class LimitExceededError(InputError):
    """A named safety limit (size, count, ratio) was exceeded."""

    code = ErrorCode.INPUT_LIMIT_EXCEEDED


class UnsafeArchiveError(InputError):
    """A zip with path traversal, absolute names, a bomb or nested trickery."""

    code = ErrorCode.INPUT_UNSAFE_ARCHIVE


class UnsupportedTypeError(InputError):
    """The file's content is not one of the accepted types."""

    code = ErrorCode.INPUT_UNSUPPORTED_TYPE


class UnreadableFileError(InputError):
    """An accepted type whose content cannot be parsed (corrupt, truncated, encrypted)."""

    code = ErrorCode.INPUT_UNREADABLE


class EnvironmentFault(JishiError):
    """The machine lacks a tool or cannot store: not the user's fault, an operator fixes it."""

    code = ErrorCode.HISTORY_UNAVAILABLE


class TransientFault(JishiError):
    """May succeed when tried again (a busy database, a timeout under load)."""

    code = ErrorCode.STORE_UNAVAILABLE


class OcrError(JishiError):
    """The OCR engine failed, is missing, or did not answer in time (family by code)."""

    code = ErrorCode.OCR_FAILED


class InternalError(JishiError):
    """A jishi bug detected on purpose (an invariant broken)."""

    code = ErrorCode.INTERNAL_ERROR
