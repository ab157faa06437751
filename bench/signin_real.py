"""Sign-in sheets signed with real handwriting: count accuracy, strikes, names, trust.

Sheets come from ``fixtures/real_signin.py`` (real handwritten names from
``../shared/signatures`` pasted into printed sheets; absentees, struck entries drawn by
a hand stroke, a signature spilling into the empty row below, visitors), photographed
(JPEG) or scanned (image-only PDF), and go through the pipeline's path: page OCR, then
``read_signin_upload`` / ``read_signin_scan``, then the minutes cross-check
(``sheet.doubt_against_minutes``: a signer the minutes name as absent is doubted).

Per split (``tuning`` writers 051-075, ``checking`` writers 076-100), mode (``pen`` =
paper crops, ``finger`` = phone crops) and capture (``photo``, ``scan``) it prints:

- count exact: the signed count equals the truth (members who signed their own row and did not strike it);
- struck recognised: struck cells the reader leaves out of the count with a note (struck out,
  not the printed member's writing, or another member's second signature);
- names matched: true signers found among the sheet's names;
- trusted: counts at or above the rules' trust line (0.8), after the minutes cross-check;
  the shares of sheets that come out trusted and right, trusted and wrong (must be 0), untrusted;
- wrong but trusted: a wrong count at or above the trust line (must be 0), by the reader
  alone and after the minutes cross-check.

    .venv/bin/python bench/signin_real.py [--sheets 10] [--split checking] [--mode pen] [--capture photo] [-v]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from checks.rules._common import MIN_CONFIDENCE  # noqa: E402
from core.models import EvidenceFile, FileKind, SigninSheet  # noqa: E402
from core.settings import Limits, Settings  # noqa: E402
from extractors.formats.pdf import PdfBackend  # noqa: E402
from extractors.imaging.decode import load_image  # noqa: E402
from extractors.imaging.page import ocr_page  # noqa: E402
from extractors.ocr import get_engine  # noqa: E402
from extractors.signin import image as signin_image  # noqa: E402
from extractors.signin.sheet import doubt_against_minutes  # noqa: E402
from fixtures import real_signin  # noqa: E402

_STRUCK = re.compile(r"^第(\d+)行.*未计入")


@dataclass
class Result:
    truth: int
    count: int | None
    trusted: bool  # the reader's count reaches the trust line
    trusted_minutes: bool  # ... still after the cross-check against the minutes' absentees
    struck_total: int
    struck_found: int
    names_total: int
    names_found: int
    seconds: float

    @property
    def exact(self) -> bool:
        return self.count == self.truth


def read(sheet: real_signin.RealSheet) -> SigninSheet | None:
    data = real_signin.upload(sheet)
    roster = list(sheet.roster)
    if sheet.capture == "photo":
        page = ocr_page(load_image(data, Limits()), get_engine("rapidocr"), file=sheet.filename).page
        found = signin_image.read_signin_upload(data, page, roster, Limits(), file=sheet.filename)
    else:
        doc = PdfBackend().extract(EvidenceFile(sheet.filename, FileKind.PDF, data, "0" * 64), Settings())
        found = signin_image.read_signin_scan(data, doc.pages[0], roster, Limits(), file=sheet.filename)
    return found


def run(sheet: real_signin.RealSheet) -> Result:
    start = time.perf_counter()
    found = read(sheet)
    seconds = time.perf_counter() - start
    struck = set(sheet.struck_rows)
    if found is None:
        return Result(sheet.truth, None, False, False, len(struck), 0, len(sheet.signers), 0, seconds)
    reported = {int(m.group(1)) for e in found.signed_count.evidence if (m := _STRUCK.search(e.text))}
    names = {v.value for v in found.names}
    return Result(
        truth=sheet.truth,
        count=found.signed_count.value,
        trusted=found.signed_count.confidence >= MIN_CONFIDENCE,
        trusted_minutes=doubt_against_minutes(found, sheet.absentees).signed_count.confidence
        >= MIN_CONFIDENCE,
        struck_total=len(struck),
        struck_found=len(struck & reported),
        names_total=len(sheet.signers),
        names_found=sum(1 for n in sheet.signers if n in names),
        seconds=seconds,
    )


def summary(label: str, results: list[Result]) -> str:
    n = len(results)
    exact = sum(r.exact for r in results)
    struck = sum(r.struck_found for r in results), sum(r.struck_total for r in results)
    names = sum(r.names_found for r in results), sum(r.names_total for r in results)
    trusted = sum(r.trusted for r in results)
    right_trusted = sum(r.trusted_minutes and r.exact for r in results)
    untrusted = sum(not r.trusted_minutes for r in results)
    wrong_trusted = sum(r.trusted and not r.exact for r in results)
    wrong_trusted_minutes = sum(r.trusted_minutes and not r.exact for r in results)
    return (
        f"{label:24s} sheets {n:3d}  count exact {exact / max(1, n):6.1%}  struck {struck[0]:3d}/{struck[1]:<3d}"
        f" {struck[0] / max(1, struck[1]):6.1%}  names {names[0] / max(1, names[1]):6.1%}"
        f"  trusted {trusted:3d}  wrong but trusted {wrong_trusted} (after minutes {wrong_trusted_minutes})"
        f"  trusted-right {right_trusted / max(1, n):6.1%} untrusted {untrusted / max(1, n):6.1%}"
        f"  s/sheet {sum(r.seconds for r in results) / max(1, n):.1f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheets", type=int, default=10, help="sheets per split, mode and capture")
    parser.add_argument("--start", type=int, default=0, help="first seed")
    parser.add_argument("--split", choices=("tuning", "checking"), action="append")
    parser.add_argument("--mode", choices=("pen", "finger"), action="append")
    parser.add_argument("--capture", choices=("photo", "scan"), action="append")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per sheet")
    args = parser.parse_args(argv)
    if not real_signin.available():
        print(f"no signatures at {real_signin.SIGNATURES}", file=sys.stderr)
        return 1
    get_engine("rapidocr")
    print(f"reader {signin_image.READER}")
    for split in args.split or ("tuning", "checking"):
        for mode in args.mode or ("pen", "finger"):
            per_mode: list[Result] = []
            for capture in args.capture or ("photo", "scan"):
                results = []
                for sheet in real_signin.sheets(args.sheets, mode, capture, split, args.start):
                    r = run(sheet)
                    results.append(r)
                    if args.verbose:
                        flag = "ok" if r.exact else ("WRONG-TRUSTED" if r.trusted else "wrong")
                        print(
                            f"  {split} {mode} {capture} seed {sheet.seed:3d}: truth {r.truth:2d} read {r.count}"
                            f" trusted {r.trusted!s:5s} struck {r.struck_found}/{r.struck_total}"
                            f" names {r.names_found}/{r.names_total}  {flag}",
                            flush=True,
                        )
                print(summary(f"{split} {mode} {capture}", results), flush=True)
                per_mode += results
            print(summary(f"{split} {mode} (all)", per_mode), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
