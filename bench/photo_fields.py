"""Key-field accuracy and seconds per page on photographed and scanned minutes.

Usage: .venv/bin/python bench/photo_fields.py [--variants N] [--tilt DEG ...]

Takes the corpus cases whose minutes are pictures (labels ``format`` photo, handwritten,
sideways_scan, scanned_pdf) and, with ``--variants N``, N more renderings of each
(another seed: other jitter, tilt, lighting), so the figure is not one lucky picture;
with ``--tilt`` every minutes photo is also checked turned by each of those degrees (a
phone held crooked).
For each it reads the submission end to end and compares every key field of the
meeting with the ground truth (exact), then prints per-field and per-format exact
rates, the verdict agreement, false passes, and the OCR seconds per minutes page.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from types import ModuleType

from PIL import Image

from core.models import Role
from core.settings import Settings
from extractors.formats.base import backend_for
from ingest.submission import load_submission
from jishi.pipeline import check_submission, extract_files
from jishi.report.json_report import to_dict

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # fixtures/ is a development package, not installed
NOW = dt.datetime(2023, 1, 10, 12, 0, tzinfo=dt.UTC)
PICTURE_FORMATS = ("photo", "handwritten", "sideways_scan", "scanned_pdf")
KEY_FIELDS = (
    "kind",
    "date",
    "place",
    "presider",
    "oath_leader",
    "recorder",
    "study",
    "expected_count",
    "actual_count",
    "absent_count",
    "absentees",
    "attendees",
)


def load_generator() -> ModuleType:
    from fixtures import generate as module

    return module


def picture_cases(gen: ModuleType, variants: int) -> list:
    base = [c for c in gen.build_cases() if c.minutes_as]
    extra = [dataclasses.replace(c, name=f"{c.name}~{k}") for k in range(1, variants + 1) for c in base]
    return base + extra


def minutes_seconds(folder: Path, settings: Settings) -> tuple[float, int]:
    """OCR seconds and pages of the minutes file alone."""
    submission = load_submission([folder], settings=settings)
    extracted = extract_files(submission.files, settings)
    minutes = [f for f in extracted.files if f.role == Role.MINUTES]
    if not minutes:
        return 0.0, 0
    start = time.perf_counter()
    doc = backend_for(minutes[0].file.kind).extract(minutes[0].file, settings)
    return time.perf_counter() - start, max(1, len(doc.pages))


def tilted_copies(folder: Path, degrees: list[float]) -> list[tuple[str, Path]]:
    """The case again with its minutes photo turned by each of ``degrees`` (counter-clockwise,
    desk-coloured corners), as a crooked phone would take it; none for PDF minutes."""
    photos = sorted(folder.glob("会议记录*.jpg"))
    if not photos:
        return []
    out = []
    for deg in degrees:
        copy = folder.with_name(f"{folder.name}@{deg:g}°")
        shutil.copytree(folder, copy)
        for photo in photos:
            with Image.open(copy / photo.name) as img:
                exif = img.info.get("exif", b"")
                turned = img.convert("RGB").rotate(
                    deg, expand=True, fillcolor=(110, 85, 60), resample=Image.Resampling.BICUBIC
                )
            turned.save(copy / photo.name, quality=75, exif=exif)
        out.append((copy.name, copy))
    return out


def compare(expected: dict, got: dict) -> dict[str, bool]:
    return {key: got["meeting"].get(key) == expected["meeting"].get(key) for key in KEY_FIELDS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=0, help="extra renderings per case (other seeds)")
    parser.add_argument(
        "--tilt",
        type=float,
        nargs="*",
        default=[],
        help="also every minutes photo turned by these degrees (e.g. --tilt -12 -6 6 12)",
    )
    args = parser.parse_args(argv)
    gen = load_generator()
    settings = Settings()
    per_field: dict[str, list[bool]] = defaultdict(list)
    per_format: dict[str, list[bool]] = defaultdict(list)
    seconds: list[float] = []
    verdict_ok, false_pass, wrong = 0, [], []
    cases = picture_cases(gen, args.variants)
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            gen.write_case(Path(tmp), case)
            expected = gen.expected_label(case)
            for name, folder in [
                (case.name, Path(tmp) / case.name),
                *tilted_copies(Path(tmp) / case.name, args.tilt),
            ]:
                checked += 1
                verdict_ok += check_one(
                    name, folder, expected, settings, per_field, per_format, seconds, false_pass, wrong
                )
    report(per_field, per_format, seconds, verdict_ok, checked, false_pass, wrong)
    return 0


def check_one(
    name: str,
    folder: Path,
    expected: dict,
    settings: Settings,
    per_field: dict[str, list[bool]],
    per_format: dict[str, list[bool]],
    seconds: list[float],
    false_pass: list[str],
    wrong: list[str],
) -> bool:
    """Check one case folder and record its fields; True when the verdict is as labelled."""
    secs, pages = minutes_seconds(folder, settings)  # no pages: no file was taken for the minutes
    seconds.extend([secs / pages] * pages)
    got = to_dict(check_submission(load_submission([folder], settings=settings), settings, now=NOW))
    result = compare(expected, got)
    for key, ok in result.items():
        per_field[key].append(ok)
        per_format[expected["format"]].append(ok)
        if not ok:
            wrong.append(f"{name}.{key}: want {expected['meeting'][key]!r} got {got['meeting'].get(key)!r}")
    if got["verdict"] == "compliant" and expected["verdict"] != "compliant":
        false_pass.append(name)
    per_page = f"{secs / pages:5.1f} s/page" if pages else "no minutes found"
    print(
        f"{name:28} {sum(result.values())}/{len(result)} fields  verdict {got['verdict']:13} {per_page}",
        flush=True,
    )
    return bool(got["verdict"] == expected["verdict"])


def report(
    per_field: dict[str, list[bool]],
    per_format: dict[str, list[bool]],
    seconds: list[float],
    verdict_ok: int,
    checked: int,
    false_pass: list[str],
    wrong: list[str],
) -> None:
    print("\nper field (exact):")
    for key in KEY_FIELDS:
        oks = per_field[key]
        print(f"  {key:15} {sum(oks)}/{len(oks)}  {sum(oks) / len(oks):.1%}")
    print("per format (all key fields):")
    for fmt, oks in sorted(per_format.items()):
        print(f"  {fmt:15} {sum(oks)}/{len(oks)}  {sum(oks) / len(oks):.1%}")
    total = [ok for oks in per_field.values() for ok in oks]
    print(f"key fields exact: {sum(total)}/{len(total)} = {sum(total) / len(total):.1%}")
    print(f"verdict as labelled: {verdict_ok}/{checked}; false passes: {false_pass or 'none'}")
    print(
        f"seconds per minutes page: median {statistics.median(seconds):.1f}, max {max(seconds):.1f}"
        f" ({len(seconds)} pages, {sys.platform})"
    )
    if wrong:
        print("\nwrong fields:\n  " + "\n  ".join(wrong))


if __name__ == "__main__":
    sys.exit(main())
