"""Photographed sign-in sheets: signed-count and name accuracy, seconds per sheet.

Renders sheets with ``fixtures/signin_photos.py`` (printed roster + handwritten
signatures, or two-up handwritten names; random absentees; one struck-out entry; phone
photo effects; every third sheet EXIF-rotated), runs them through the same path as the
pipeline (decode, orient, page OCR, then ``extractors.signin.image.read_signin_upload``)
and prints per sheet and in total:

- signed_count exact: the sheet's count equals the number of distinct signers;
- names exact: expected signers found by name (the final roster-matched names);
- handwriting exact: the recognition of each signed cell alone (``read_line``) equals the
  true name, raw and after roster matching (no printed-name or page-OCR help);
- seconds: page OCR (shared with role detection) and the sign-in reading on top.

    .venv/bin/python bench/signin_accuracy.py [--sheets 12] [--seed 0] [--hard] [--scanned] [--keystone 0.12]

``--hard``: smaller, sloppier writing (±10°), stronger blur and JPEG q 35 - closer to the
gap between a brush font and real signatures. ``--scanned``: the sheets are not
photographed but scanned (grey, slight skew, speckle) into image-only PDFs and read
through the PDF backend and ``read_signin_scan``.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checks.rules._common import MIN_CONFIDENCE  # noqa: E402
from core.models import EvidenceFile, FileKind, SigninSheet  # noqa: E402
from core.settings import Limits, Settings  # noqa: E402
from extractors.formats.pdf import PdfBackend  # noqa: E402
from extractors.imaging.decode import load_image  # noqa: E402
from extractors.imaging.page import ocr_page  # noqa: E402
from extractors.ocr import get_engine  # noqa: E402
from extractors.signin.image import read_signin_scan, read_signin_upload  # noqa: E402
from extractors.signin.names import match_name  # noqa: E402
from fixtures import photographed, signin_photos  # noqa: E402
from fixtures.generate import ROSTER_NAMES  # noqa: E402

ROSTER = ROSTER_NAMES  # the fixture corpus's roster


@dataclass
class Result:
    count_ok: bool
    trusted: bool  # the count's confidence reaches the rules' trust line (0.8)
    names_found: int
    names_total: int
    hand_raw: int
    hand_matched: int
    hand_total: int
    ocr_s: float
    signin_s: float


def sheet_spec(seed: int, hard: bool = False) -> signin_photos.SheetSpec:
    rng = random.Random(seed)
    absent = set(rng.sample(ROSTER, rng.randint(1, 5)))
    signed = [n for n in ROSTER if n not in absent]
    if seed % 2:
        rng.shuffle(signed)  # arrival order
        entries = signin_photos.two_up_entries(signed, struck_at=rng.randrange(len(signed)))
        layout = "two_up"
    else:
        entries = signin_photos.three_col_entries(ROSTER, signed, struck_in=sorted(absent)[0])
        layout = "three_col"
    return signin_photos.SheetSpec(
        layout, entries, seed=seed, exif_rotated=seed % 3 == 0, hard=hard, quality=35 if hard else 60
    )


def tilted_back(data: bytes, share: float) -> bytes:
    """The uploaded JPEG as if photographed tilted back (``signin_photos.keystone``), EXIF kept."""
    with Image.open(io.BytesIO(data)) as img:
        exif = img.info.get("exif", b"")
        warped = signin_photos.keystone(img, share)
    out = io.BytesIO()
    warped.save(out, "JPEG", quality=75, exif=exif)
    return out.getvalue()


def run(spec: signin_photos.SheetSpec, keystone_share: float = 0.0) -> Result:
    engine = get_engine("rapidocr")
    data = signin_photos.signin_photo(spec)
    if keystone_share:
        data = tilted_back(data, keystone_share)
    start = time.perf_counter()
    page = ocr_page(load_image(data, Limits()), engine, file="签到表.jpg").page
    mid = time.perf_counter()
    sheet = read_signin_upload(data, page, ROSTER, Limits(), file="签到表.jpg")
    return score(spec, sheet, mid - start, time.perf_counter() - mid)


def run_scanned(spec: signin_photos.SheetSpec) -> Result:
    """The same sheet on a flatbed scanner, as an image-only PDF (the pipeline's PDF path)."""
    clean = signin_photos.render(dataclasses.replace(spec, photo=False, exif_rotated=False))
    data = photographed.scanned_pdf(photographed.scan(clean, random.Random(spec.seed)), spec.title)
    start = time.perf_counter()
    doc = PdfBackend().extract(EvidenceFile("签到表.pdf", FileKind.PDF, data, "0" * 64), Settings())
    mid = time.perf_counter()
    sheet = read_signin_scan(data, doc.pages[0], ROSTER, Limits(), file="签到表.pdf")
    return score(spec, sheet, mid - start, time.perf_counter() - mid)


def score(spec: signin_photos.SheetSpec, sheet: SigninSheet | None, ocr_s: float, signin_s: float) -> Result:
    truth = spec.signed()
    if sheet is None:
        return Result(False, False, 0, len(truth), 0, 0, len(truth), ocr_s, signin_s)
    got = [v.value for v in sheet.names]
    readings = [v.evidence[0].text for v in sheet.names]
    pairs = list(zip(truth, readings, strict=False)) if len(got) == len(truth) else []
    return Result(
        count_ok=sheet.signed_count.value == len(truth),
        trusted=sheet.signed_count.confidence >= MIN_CONFIDENCE,
        names_found=sum(1 for n in truth if n in got),
        names_total=len(truth),
        hand_raw=sum(1 for want, read in pairs if read == want),
        hand_matched=sum(1 for want, read in pairs if match_name(read, ROSTER).name == want),
        hand_total=len(truth),
        ocr_s=ocr_s,
        signin_s=signin_s,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheets", type=int, default=12)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hard", action="store_true", help="sloppier writing, blurrier photo, JPEG q 35")
    parser.add_argument(
        "--scanned", action="store_true", help="scanned into an image-only PDF instead of photographed"
    )
    parser.add_argument(
        "--keystone",
        type=float,
        default=0.0,
        help="photos taken tilted back: top edge this share of the width narrower each side (0.12)",
    )
    args = parser.parse_args(argv)
    get_engine("rapidocr")  # load the models outside the timings
    results = []
    print("seed layout     exif  count  names   hand raw  hand+roster  ocr s  signin s")
    for seed in range(args.seed, args.seed + args.sheets):
        spec = sheet_spec(seed, args.hard)
        r = run_scanned(spec) if args.scanned else run(spec, args.keystone)
        results.append(r)
        print(
            f"{seed:4d} {spec.layout:10s} {'-' if args.scanned else 'yes' if spec.exif_rotated else 'no':4s}  {'ok' if r.count_ok else 'WRONG':5s}"
            f"  {r.names_found:2d}/{r.names_total:2d}  {r.hand_raw:2d}/{r.hand_total:2d}     {r.hand_matched:2d}/{r.hand_total:2d}"
            f"        {r.ocr_s:5.2f}  {r.signin_s:5.2f}"
        )
    n = len(results)
    names = sum(r.names_found for r in results) / max(1, sum(r.names_total for r in results))
    raw = sum(r.hand_raw for r in results) / max(1, sum(r.hand_total for r in results))
    matched = sum(r.hand_matched for r in results) / max(1, sum(r.hand_total for r in results))
    trusted_wrong = sum(r.trusted and not r.count_ok for r in results)
    print(
        f"\nsheets {n}: signed_count exact {sum(r.count_ok for r in results)}/{n}, trusted {sum(r.trusted for r in results)}/{n},"
        f" wrong but trusted {trusted_wrong}; names exact {names:.1%}; "
        f"handwriting read_line exact {raw:.1%}, after roster matching {matched:.1%}"
    )
    print(
        f"seconds per sheet: page OCR {sum(r.ocr_s for r in results) / n:.2f}, "
        f"sign-in reading {sum(r.signin_s for r in results) / n:.2f} (mean)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
