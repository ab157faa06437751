"""Mutation fuzzing of every parser that touches uploaded bytes.

Seeds are real files (the fixture corpus: docx, text PDF, JPEG, zip). Each case
mutates one seed (byte flips, truncation, chunk deletion/duplication, magic
values, or a mutation *inside* a zip member so the XML/PDF parsers behind the
container are reached) and runs the production entry points in-process:

* ``ingest.submission._examine`` (sniffing, the docx guard, EXIF, image checks);
* ``jishi.pipeline.extract_files`` with OCR off (docx/PDF parsing, layout);
* ``extractors.imaging.decode.load_image`` for images (the decode path OCR uses);
* ``ingest.load_submission`` for zips, .7z and .rar (the safe archive readers);
* the spreadsheet readers (.xlsx through openpyxl, .csv), HEIC and multi-page TIFF
  decoding, and LibreOffice for .doc (a few cases only in CI: each is a conversion);
* ``ole``: legacy Office bytes (.doc, .xls) through ingest only (sniffing and the OLE
  stream check: our own code in front of LibreOffice, whose import filters are fuzzed
  upstream by OSS-Fuzz), fast enough for the long runs.

The allowed outcomes are a result or a :class:`~core.errors.JishiError`. Any
other exception is a *crash*, a case over ``CASE_TIMEOUT_S`` is a *hang*; both
are written to ``out_dir`` to become regression tests. The docx, PDF and spreadsheet backends'
sandbox is replaced by an in-process call with the same error policy (the
sandbox itself is tested in tests/jishi/test_sandbox.py), so a case costs
milliseconds instead of a fork.
"""

from __future__ import annotations

import hashlib
import io
import logging
import random
import signal
import tempfile
import time
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import extractors.formats.docx
import extractors.formats.pdf
import extractors.formats.xls
import extractors.formats.xlsx
from core.errors import JishiError, UnreadableFileError
from core.models import EvidenceFile
from core.settings import Limits, OcrSettings, Settings
from extractors.imaging.decode import frame_count, load_image
from ingest.raw import RawFile
from ingest.submission import _examine, load_submission
from jishi.pipeline import extract_files

CASE_TIMEOUT_S = 10
FORMATS = ("docx", "pdf", "jpeg", "zip", "xlsx", "csv", "heic", "tiff", "7z", "rar", "doc", "ole")
ARCHIVES = ("zip", "7z", "rar")  # fuzzed through load_submission (the safe archive readers)
ZIPPED = ("docx", "xlsx", "zip")  # containers whose members are mutated too
PACKED = ("7z", "rar")  # archives re-packed around a mutated member (their checksums would stop the rest)
EXAMINED_ONLY = {"ole": "case.doc"}  # fuzzed through ingest alone, under this name
SLOW = {"doc": 8}  # LibreOffice converts each case (~1.5 s): a short run tries this many
MAGIC = [
    b"\x00",
    b"\xff",
    b"\xff\xd8",
    b"%PDF-",
    b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
    b"obj",
    b"endstream",
    b"9999999999",
    b"-1",
    b"PK\x03\x04",
    b"<w:tbl>",
    b"</w:p>",
    b"/Length 0",
    b"\r\n",
    b"(cid:1)",
    b"ftypheic",
    b"II*\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07\x01\x00",
    b'<row r="1048576">',
    b",",
]
# LibreOffice gets less than the per-case alarm, so a slow conversion is its own timeout, not a hang
SETTINGS = Settings(limits=Limits(convert_timeout_s=CASE_TIMEOUT_S - 2), ocr=OcrSettings(engine="none"))
SANDBOXED = (extractors.formats.docx, extractors.formats.pdf, extractors.formats.xlsx, extractors.formats.xls)


class Hang(Exception):
    pass


@dataclass
class Stats:
    fmt: str
    cases: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.cases / self.seconds if self.seconds else 0
        parts = ", ".join(f"{k} {v}" for k, v in sorted(self.outcomes.items()))
        return f"{self.fmt}: {self.cases} cases in {self.seconds:.0f} s ({rate:.0f}/s): {parts}"


# ---------------------------------------------------------------------- mutation


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not buf:
            buf = bytearray(rng.choice(MAGIC))
        op = rng.randrange(6)
        pos = rng.randrange(len(buf))
        if op == 0:
            for _ in range(rng.randint(1, 8)):
                buf[rng.randrange(len(buf))] = rng.randrange(256)
        elif op == 1:
            del buf[rng.randint(1, len(buf)) :]
        elif op == 2:
            del buf[pos : pos + rng.randint(1, 512)]
        elif op == 3:
            chunk = buf[pos : pos + rng.randint(1, 512)]
            buf[pos:pos] = chunk * rng.randint(1, 4)
        elif op == 4:
            buf[pos:pos] = rng.choice(MAGIC)
        else:
            digits = [i for i in range(pos, min(len(buf), pos + 4096)) if 48 <= buf[i] <= 57]
            for i in rng.sample(digits, min(len(digits), 3)):
                buf[i] = rng.randrange(48, 58)
    return bytes(buf)


def mutate_member(data: bytes, rng: random.Random) -> bytes:
    """Re-zip with one member's content mutated: reaches the parsers behind the container."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = [(info, zf.read(info)) for info in zf.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return mutate_bytes(data, rng)
    if not members:
        return mutate_bytes(data, rng)
    target = rng.randrange(len(members))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zw:
        for i, (info, body) in enumerate(members):
            zw.writestr(info.filename, mutate_bytes(body, rng) if i == target else body)
    return out.getvalue()


def mutate_packed(fmt: str, data: bytes, rng: random.Random) -> bytes:
    """A .7z or .rar re-packed with one member's content mutated (a docx member inside
    its own zip): the container's checksums hold, so the member reaches the parsers
    behind ingest. A seed the reader cannot list is mutated as bytes."""
    from fixtures import formats

    members = _unpacked(fmt, data)
    if not members:
        return mutate_bytes(data, rng)
    name = rng.choice(sorted(members))
    body = members[name]
    changed = {
        **members,
        name: mutate_member(body, rng) if name.endswith(".docx") else mutate_bytes(body, rng),
    }
    return _seven_zip_stored(changed) if fmt == "7z" else formats.rar5_stored(changed, PACKED_FOLDER)


def _seven_zip_stored(members: dict[str, bytes]) -> bytes:
    """A 7z with its members stored (the copy filter): re-packing stays fast."""
    import py7zr

    out = io.BytesIO()
    with py7zr.SevenZipFile(out, "w", filters=[{"id": py7zr.FILTER_COPY}]) as archive:
        for name in sorted(members):
            archive.writestr(members[name], f"{PACKED_FOLDER}/{name}")
    return out.getvalue()


PACKED_FOLDER = "材料"  # the folder seeds_from packs 7z/rar seeds under
_UNPACKED: dict[str, dict[str, bytes]] = {}


def _unpacked(fmt: str, data: bytes) -> dict[str, bytes]:
    """The members of a seed archive by base name (cached: seeds are few)."""
    key = hashlib.sha256(data).hexdigest()
    if key not in _UNPACKED:
        _UNPACKED[key] = _read_7z(data) if fmt == "7z" else _read_rar(data)
    return _UNPACKED[key]


def _read_7z(data: bytes) -> dict[str, bytes]:
    import py7zr

    with tempfile.TemporaryDirectory() as tmp, py7zr.SevenZipFile(io.BytesIO(data)) as archive:
        archive.extractall(tmp)
        return {p.name: p.read_bytes() for p in Path(tmp).rglob("*") if p.is_file()}


def _read_rar(data: bytes) -> dict[str, bytes]:
    import rarfile

    with rarfile.RarFile(io.BytesIO(data)) as archive:
        return {Path(i.filename).name: archive.read(i) for i in archive.infolist() if not i.is_dir()}


def mutate(fmt: str, data: bytes, rng: random.Random) -> bytes:
    if fmt in ZIPPED and rng.random() < 0.6:
        return mutate_member(data, rng)
    if fmt in PACKED and rng.random() < 0.6:
        return mutate_packed(fmt, data, rng)
    return mutate_bytes(data, rng)


# ---------------------------------------------------------------------- targets


def _in_process(fn: Callable[..., Any], *args: Any, name: str, timeout_s: float, memory_mb: int) -> Any:
    """The sandbox's error policy without the fork: third-party exceptions are bad input."""
    try:
        return fn(*args)
    except JishiError:
        raise
    except Exception as exc:
        raise UnreadableFileError(
            f"《{name}》无法解析（{type(exc).__name__}）", code="input.third_party"
        ) from None


def run_file(data: bytes, name: str) -> str:
    """One file through ingest and extraction; the outcome's name."""
    limits = SETTINGS.limits
    examined = _examine(RawFile(name, data), limits)
    if not isinstance(examined, EvidenceFile):
        return f"problem:{examined.code}"
    if examined.kind.is_image:
        for frame in range(frame_count(data, limits.max_image_frames)):
            load_image(data, limits, frame=frame)
        return "image"
    extraction = extract_files([examined], SETTINGS)
    if extraction.problems:
        return f"problem:{extraction.problems[0].code}"
    return "read"


def run_examined(data: bytes, name: str) -> str:
    """Ingest's examination alone (sniffing, type and encryption checks)."""
    examined = _examine(RawFile(name, data), SETTINGS.limits)
    return f"problem:{examined.code}" if not isinstance(examined, EvidenceFile) else examined.kind.value


def run_zip(data: bytes, workdir: Path, fmt: str = "zip") -> str:
    path = workdir / f"submission.{fmt}"
    path.write_bytes(data)
    submission = load_submission([path], settings=SETTINGS)
    return f"zip:{len(submission.files)}files"


@contextmanager
def alarm(seconds: int) -> Iterator[None]:
    def on_alarm(signum: int, frame: Any) -> None:
        raise Hang()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def one_case(fmt: str, data: bytes, workdir: Path) -> str:
    try:
        with alarm(CASE_TIMEOUT_S):
            if fmt in ARCHIVES:
                return run_zip(data, workdir, fmt)
            if fmt in EXAMINED_ONLY:
                return run_examined(data, EXAMINED_ONLY[fmt])
            return run_file(data, f"case.{fmt}")
    except Hang:
        return "HANG"
    except JishiError as exc:
        return f"error:{exc.code}"
    except Exception as exc:  # the thing a fuzzer looks for
        return f"CRASH:{type(exc).__name__}"


# ---------------------------------------------------------------------- driver


def seeds_from(corpus: Path) -> dict[str, list[bytes]]:
    """docx, pdf and jpeg files of the fixture corpus, zips of a few case folders, and the
    other formats made from them as ``fixtures/formats.py`` makes its twins."""
    found: dict[str, list[bytes]] = {fmt: [] for fmt in FORMATS}
    for path in sorted(corpus.rglob("*")):
        suffix = path.suffix.lower().lstrip(".")
        if path.is_file() and "bad" not in path.parts and suffix in ("docx", "pdf", "jpg"):
            found["jpeg" if suffix == "jpg" else suffix].append(path.read_bytes())
    cases = sorted(p for p in corpus.iterdir() if p.is_dir() and p.name.startswith("ok_"))[:3]
    for case in cases:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zw:
            for f in sorted(case.iterdir()):
                zw.write(f, f.name)
        found["zip"].append(out.getvalue())
    _format_seeds(found, [{f.name: f.read_bytes() for f in sorted(case.iterdir())} for case in cases])
    return {fmt: _dedupe(items) for fmt, items in found.items()}


def _format_seeds(found: dict[str, list[bytes]], folders: list[dict[str, bytes]]) -> None:
    from PIL import Image

    from fixtures import formats, generate

    case = next(c for c in generate.build_cases() if c.name == "ok_prose_docx")
    found["xlsx"] += [formats.signin_workbook(case), formats.signin_workbook(case, two_up=True)]
    found["csv"].append(formats.signin_csv({"签到表.docx": b""}, case)["签到表.csv"])
    small = []
    for jpeg in found["jpeg"][:2]:
        img = Image.open(io.BytesIO(jpeg))
        img.thumbnail((320, 320))
        buf = io.BytesIO()
        img.convert("RGB").save(buf, "JPEG", exif=Image.open(io.BytesIO(jpeg)).getexif())
        small.append(buf.getvalue())
    found["heic"] += [formats.to_heic(jpeg) for jpeg in small]
    for jpeg in small:
        page = Image.open(io.BytesIO(jpeg)).convert("L")
        buf = io.BytesIO()
        page.save(buf, "TIFF", save_all=True, append_images=[page.rotate(90)], compression="tiff_lzw")
        found["tiff"].append(buf.getvalue())
    for files in folders[:2]:
        light = {n: d for n, d in files.items() if not n.lower().endswith((".jpg", ".pdf"))}
        found["7z"].append(formats.seven_zip_of(light, PACKED_FOLDER))
        found["rar"].append(formats.rar5_stored(light, PACKED_FOLDER))
    docx = [d for d in found["docx"] if len(d) < 60_000][:1]
    converted = [formats.lo_convert(d, ".docx", "doc:MS Word 97") for d in docx]
    found["doc"] += [d for d in converted if d is not None]
    workbook = formats.lo_convert(formats.signin_workbook(case, two_up=True), ".xlsx", "xls:MS Excel 97")
    found["ole"] += found["doc"] + ([workbook] if workbook is not None else [])


def _dedupe(items: list[bytes]) -> list[bytes]:
    seen: dict[str, bytes] = {}
    for item in items:
        seen.setdefault(hashlib.sha256(item).hexdigest(), item)
    return list(seen.values())[:12]


def fuzz(
    fmt: str,
    seeds: list[bytes],
    cases: int,
    seed: int = 0,
    out_dir: Path | None = None,
    budget_s: float | None = None,
) -> Stats:
    rng = random.Random(f"{fmt}:{seed}")
    stats = Stats(fmt)
    start = time.monotonic()
    originals = [module.run_limited for module in SANDBOXED]
    for module in SANDBOXED:
        module.run_limited = _in_process  # type: ignore[assignment]
    try:
        with warnings.catch_warnings(), tempfile.TemporaryDirectory() as tmp:
            warnings.simplefilter("ignore")  # Pillow/pdfminer warn on every broken input
            logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
            for _ in range(cases):
                if budget_s is not None and time.monotonic() - start > budget_s:
                    break
                data = mutate(fmt, rng.choice(seeds), rng)
                outcome = one_case(fmt, data, Path(tmp))
                stats.cases += 1
                stats.outcomes[outcome.split(":")[0]] += 1
                if outcome.startswith(("CRASH", "HANG")):
                    stats.crashes.append(_save(out_dir, fmt, data, outcome))
    finally:
        for module, original in zip(SANDBOXED, originals, strict=True):
            module.run_limited = original  # type: ignore[assignment]
    stats.seconds = time.monotonic() - start
    return stats


def _save(out_dir: Path | None, fmt: str, data: bytes, outcome: str) -> str:
    name = f"{outcome.replace(':', '-')}-{hashlib.sha256(data).hexdigest()[:12]}.{fmt}"
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / name).write_bytes(data)
    return name
