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

``--doubts`` adds a table of the doubt classes (by the wording of the notes below the trust
line): sheets holding each, of them with a wrong count, sheets where it is the only doubt
(what trusting it alone would risk) and of them wrong; ``--dump FILE`` appends one JSON line
per sheet (truth per row, the count, every note) for analysis on the tuning writers.

    .venv/bin/python bench/signin_real.py [--sheets 10] [--split checking] [--mode pen] [--capture photo] [-v]
        [--doubts] [--dump FILE]
"""

from __future__ import annotations

import argparse
import json
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
# Doubt classes: the reader's notes below the trust line, by their wording (first match wins).
DOUBT_CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("absent-in-minutes", r"会议记录中记为缺席"),
        ("own-hand-taken-as-spill", r"算作了别行签名的延伸"),
        ("fits-maybe-struck-credited", r"逐字比对相符；可能已被划掉"),
        ("misfit", r"逐字比对也对不上"),
        ("strike-on-own-name", r"有一道线，但读出的是本人姓名"),
        ("near-name-struck", r"不完全是本人姓名，且已被划掉"),
        ("surname-maybe-struck", r"只有姓氏相同，且可能已被划掉"),
        ("other-name-maybe-struck", r"是另一个姓名，且可能已被划掉"),
        ("other-name", r"是另一个姓名，未计入"),
        ("touching-row-above-left-out", r"在格线处连在一起.*未计入"),
        ("surname-only-credited", r"只有姓氏相同，按"),
        ("near-name-maybe-struck-credited", r"但可能已被划掉，按"),
        ("spill-neighbour-name", r"是相邻一行"),
        ("run-over-below-credited", r"伸进了下一行.*按"),
        ("cut-reading-credited", r"看不清，按"),
        ("near-other-member", r"（近似[^）]*）\S*未计入"),
        ("foreign-reading", r"不是本人签名，未计入"),
        ("illegible-maybe-struck", r"可能已被划掉，未计入"),
        ("reading-not-printed-credited", r"与打印姓名不符，按"),
        ("blank-row-member", r"是空白行，签名读作名单上的"),
        ("blank-row-unmatched", r"是空白行"),
        ("unmatched-reading", r"与名单上的姓名对不上"),
        ("illegible", r"无法辨认"),
        ("touching-row-above", r"在格线处连在一起"),
        ("spill-unconfirmed", r"一格跨两行"),
        ("other-member-signed-twice", r"已在本人一行签到"),
        ("other-member-credited", r"签名却读作.*按"),
        ("duplicate", r"签名两次"),
        ("ink-unsure", r"只有少量笔迹"),
        ("empty-cell-page-name", r"签名格几乎是空的"),
    )
)


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
    doubts: tuple[str, ...] = ()  # the doubt classes on the sheet (after the minutes cross-check)
    silent: bool = False  # not trusted, but no note says why (an unsure ink amount, a contradicted cell)
    record: dict[str, object] | None = None  # everything about the sheet, for --dump

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
    checked = doubt_against_minutes(found, sheet.absentees).signed_count
    notes = [
        (e.text, e.confidence) for e in checked.evidence if e.confidence is not None and e.confidence < 1
    ]
    doubts = [t for t, c in notes if c < MIN_CONFIDENCE]
    classes = tuple(sorted({doubt_class(t) for t in doubts}))
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
        doubts=classes,
        silent=checked.confidence < MIN_CONFIDENCE and not doubts,
        record=_record(sheet, found, notes),
    )


def doubt_class(text: str) -> str:
    return next((name for name, pattern in DOUBT_CLASSES if pattern.search(text)), "other")


def _record(
    sheet: real_signin.RealSheet, found: SigninSheet, notes: list[tuple[str, float]]
) -> dict[str, object]:
    rows = [
        {
            "printed": r.printed,
            "signed": r.signature is not None,
            "wrote": r.signature.name if r.signature else None,
            "writer": r.signature.writer if r.signature else None,
            "struck": r.struck,
            "spill": r.spill,
            "own": r.own,
        }
        for r in sheet.rows
    ]
    return {
        "mode": sheet.mode,
        "capture": sheet.capture,
        "seed": sheet.seed,
        "truth": sheet.truth,
        "count": found.signed_count.value,
        "confidence": found.signed_count.confidence,
        "absentees": list(sheet.absentees),
        "rows": rows,
        "notes": notes,
        "names": [v.value for v in found.names],
    }


def doubt_table(results: list[Result]) -> str:
    """Per doubt class: sheets holding it, of them with a wrong count; sheets where it is
    the only doubt, of them with a wrong count (what trusting it alone would cost)."""
    classes = sorted(
        {c for r in results for c in r.doubts} | ({"(silent)"} if any(r.silent for r in results) else set())
    )
    lines = [f"{'doubt class':34s} {'sheets':>6s} {'wrong':>6s} {'alone':>6s} {'wrong':>6s}"]
    for c in classes:
        having = [r for r in results if c in r.doubts or (c == "(silent)" and r.silent)]
        alone = [r for r in having if len(r.doubts) <= 1]
        lines.append(
            f"{c:34s} {len(having):6d} {sum(not r.exact for r in having):6d}"
            f" {len(alone):6d} {sum(not r.exact for r in alone):6d}"
        )
    return "\n".join(lines)


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
    parser.add_argument("--doubts", action="store_true", help="a table of the doubt classes at the end")
    parser.add_argument("--dump", type=Path, help="append one JSON line per sheet to this file")
    args = parser.parse_args(argv)
    if args.dump is not None and "checking" in (args.split or ("tuning", "checking")):
        parser.error("--dump is for the tuning writers only (the checking split is measured in aggregate)")
    if not real_signin.available():
        print(f"no signatures at {real_signin.SIGNATURES}", file=sys.stderr)
        return 1
    get_engine("rapidocr")
    print(f"reader {signin_image.READER}")
    everything: list[Result] = []
    for split in args.split or ("tuning", "checking"):
        for mode in args.mode or ("pen", "finger"):
            per_mode: list[Result] = []
            for capture in args.capture or ("photo", "scan"):
                results = []
                for sheet in real_signin.sheets(args.sheets, mode, capture, split, args.start):
                    r = run(sheet)
                    results.append(r)
                    if args.dump is not None and r.record is not None:
                        with args.dump.open("a", encoding="utf-8") as out:
                            out.write(json.dumps({"split": split, **r.record}, ensure_ascii=False) + "\n")
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
            everything += per_mode
    if args.doubts:
        print(doubt_table(everything))
    return 0


if __name__ == "__main__":
    sys.exit(main())
