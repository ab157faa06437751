"""LibreOffice in headless mode: legacy Word/WPS files and old spreadsheets to OOXML.

Each conversion runs ``soffice --headless --convert-to`` in a throw-away temporary
folder with its own user profile (``-env:UserInstallation``), so conversions never share
state, never meet a running desktop instance and leave nothing behind. The process runs
in its own session with an address-space limit (``RLIMIT_AS``) and a wall-clock limit;
on timeout the whole process group (oosplash and soffice.bin) is killed. Every failure
is an :class:`~core.errors.UnreadableFileError` with a Chinese fix-it hint: LibreOffice
missing, a corrupt or password-protected file (no output), a hang (timeout), a blow-up.

Converted bytes are remembered per source digest in a small in-process cache, so a
second look at the same file (the sign-in reader re-reading a picture) does not convert
again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import shutil
import signal
import subprocess
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Literal

from core.errors import UnreadableFileError

Target = Literal["docx", "xlsx"]
FILTERS: dict[Target, str] = {"docx": "docx:MS Word 2007 XML", "xlsx": "xlsx:Calc MS Excel 2007 XML"}
CANDIDATES = ("soffice", "libreoffice", "/usr/lib/libreoffice/program/soffice")
CACHE_ENTRIES = 8  # converted files kept in memory (one submission's legacy files)
MAX_OUTPUT_BYTES = 100 * 1024 * 1024  # a converted file larger than this is refused
INSTALL_HINT = (
    "服务器未安装 LibreOffice，无法读取该格式。请管理员安装（Debian：apt-get install "
    "libreoffice-writer-nogui libreoffice-calc-nogui，或运行 scripts/setup.sh），"
    "或者用 WPS/Word/Excel 打开该文件，“另存为” .docx / .xlsx 后重新上传。"
)
RESAVE_HINTS: dict[Target, str] = {
    "docx": "请用 WPS 或 Word 打开该文件（如有打开密码请先去掉），选择“另存为” Word 文档（.docx）后重新上传。",
    "xlsx": "请用 WPS 或 Excel 打开该表格（如有打开密码请先去掉），选择“另存为” Excel 工作簿（.xlsx）后重新上传。",
}

_cache: OrderedDict[tuple[str, Target], bytes] = OrderedDict()
_cache_lock = threading.Lock()


def find_soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed. ``JISHI_SOFFICE``
    names it explicitly (then nothing else is tried)."""
    override = os.environ.get("JISHI_SOFFICE")
    for candidate in (override,) if override else CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def version() -> str | None:
    """``LibreOffice 7.4.7.2 …`` or None when it is not installed (for reports and benches)."""
    exe = find_soffice()
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.decode("utf-8", "replace").strip() or None


def convert(
    data: bytes, *, suffix: str, target: Target, name: str, timeout_s: float, memory_mb: int
) -> bytes:
    """``data`` (a file whose type LibreOffice detects; ``suffix`` such as ".doc" helps it)
    converted to ``target``. Raises UnreadableFileError on any failure."""
    key = (hashlib.sha256(data).hexdigest(), target)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    exe = find_soffice()
    if exe is None:
        raise UnreadableFileError(
            f"《{name}》需要 LibreOffice 转换后才能读取", hint=INSTALL_HINT, code="input.converter_missing"
        )
    out = _run(exe, data, suffix, target, name, timeout_s, memory_mb)
    with _cache_lock:
        _cache[key] = out
        while len(_cache) > CACHE_ENTRIES:
            _cache.popitem(last=False)
    return out


def _run(
    exe: str, data: bytes, suffix: str, target: Target, name: str, timeout_s: float, memory_mb: int
) -> bytes:
    with tempfile.TemporaryDirectory(prefix="jishi-lo-") as tmp:
        work = Path(tmp)
        source = work / f"input{suffix}"
        source.write_bytes(data)
        (work / "out").mkdir()
        command = [
            exe,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            FILTERS[target],
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        _execute(command, work, name, timeout_s, memory_mb)
        result = work / "out" / f"input.{target}"
        if not result.is_file() or result.stat().st_size == 0:
            raise UnreadableFileError(
                f"《{name}》无法转换读取：文件可能已损坏、设置了打开密码，或不是文字/表格文件",
                hint=RESAVE_HINTS[target],
                code="input.unreadable",
            )
        if result.stat().st_size > MAX_OUTPUT_BYTES:
            raise UnreadableFileError(
                f"《{name}》转换后过大，已拒绝", hint=RESAVE_HINTS[target], code="input.limit_exceeded"
            )
        return result.read_bytes()


def _execute(command: list[str], work: Path, name: str, timeout_s: float, memory_mb: int) -> None:
    limit = memory_mb * 1024 * 1024

    def confine() -> None:  # in the child, before exec
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(work),
        "LANG": "C.UTF-8",
        "SAL_USE_VCLPLUGIN": "svp",
        "TMPDIR": str(work),
    }
    try:
        proc = subprocess.Popen(
            command,
            cwd=work,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=confine,
            start_new_session=True,
        )
    except OSError as exc:
        raise UnreadableFileError(
            f"《{name}》无法启动 LibreOffice 转换（{exc.strerror}）",
            hint=INSTALL_HINT,
            code="input.converter_missing",
        ) from exc
    try:
        proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise UnreadableFileError(
            f"《{name}》转换超时（超过 {timeout_s:g} 秒），文件可能已损坏或结构异常",
            hint="请用 WPS/Word 打开该文件并“另存为” .docx（表格存为 .xlsx）后重新上传。",
            code="input.parse_timeout",
        ) from None
    finally:
        _kill_group(proc)  # helpers LibreOffice may have left running


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=5)
