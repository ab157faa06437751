"""One error hierarchy for jishi.

* ``InputError`` and its subclasses mean *the user's input is bad*: each carries a
  stable ``code`` (dotted, never renamed), a Chinese ``message`` saying what is
  wrong and a Chinese ``hint`` saying how to fix it. The CLI turns these into
  exit status 2; the pipeline turns per-file ones into ``input.unreadable``
  findings so the rest of a submission is still checked.
* Any other exception is *our* bug. The CLI reports it as an internal error
  (exit 3) without hiding the traceback from developers (``--debug``).
"""

from __future__ import annotations


class JishiError(Exception):
    """Base class for every error jishi raises on purpose."""

    code = "jishi.error"

    def __init__(self, message: str, *, hint: str = "", code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        if code is not None:
            self.code = code

    def for_user(self) -> str:
        """The one-paragraph Chinese text shown to a user."""
        text = f"[{self.code}] {self.message}"
        return f"{text}\n处理办法：{self.hint}" if self.hint else text


class InputError(JishiError):
    """The input (a file, an archive, a config file, a CLI argument) is bad."""

    code = "input.invalid"


class UsageError(InputError):
    code = "usage.invalid"


class ConfigError(InputError):
    """A YAML config file is missing fields, has unknown keys or wrong types."""

    code = "config.invalid"


class EmptySubmissionError(InputError):
    code = "input.empty"


class LimitExceededError(InputError):
    """A named safety limit (size, count, ratio) was exceeded."""

    code = "input.limit_exceeded"


class UnsafeArchiveError(InputError):
    """A zip with path traversal, absolute names, a bomb or nested trickery."""

    code = "input.unsafe_archive"


class UnsupportedTypeError(InputError):
    """The file's content is not one of the accepted types."""

    code = "input.unsupported_type"


class UnreadableFileError(InputError):
    """An accepted type whose content cannot be parsed (corrupt, truncated, encrypted)."""

    code = "input.unreadable"


class InternalError(JishiError):
    """A jishi bug detected on purpose (an invariant broken)."""

    code = "internal.error"
