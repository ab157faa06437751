"""Sign-in sheets signed with real handwriting (fixtures/real_signin.py, crops from ../shared/signatures).

A handful of generated sheets (photographed and scanned, pen and finger) go through the
pipeline's reading path; each count must be exact or not trusted - never a wrong count
with full confidence. Skipped when ../shared/signatures is not beside the repository.
"""

from __future__ import annotations

import pytest

from checks.rules._common import MIN_CONFIDENCE
from core.models import EvidenceFile, FileKind, SigninSheet
from core.settings import Limits, Settings
from extractors.formats.pdf import PdfBackend
from extractors.imaging.decode import load_image
from extractors.imaging.page import ocr_page
from extractors.ocr import get_engine
from extractors.signin.image import read_signin_scan, read_signin_upload
from extractors.signin.sheet import doubt_against_minutes
from fixtures import real_signin

pytestmark = pytest.mark.skipif(
    not real_signin.available(), reason=f"real signatures not found at {real_signin.SIGNATURES}"
)

CASES = [("pen", "photo", 1), ("pen", "scan", 2), ("finger", "photo", 3), ("finger", "scan", 5)]


def _read(sheet: real_signin.RealSheet) -> SigninSheet | None:
    data = real_signin.upload(sheet)
    roster = list(sheet.roster)
    if sheet.capture == "photo":
        page = ocr_page(load_image(data, Limits()), get_engine("rapidocr"), file=sheet.filename).page
        return read_signin_upload(data, page, roster, Limits(), file=sheet.filename)
    doc = PdfBackend().extract(EvidenceFile(sheet.filename, FileKind.PDF, data, "0" * 64), Settings())
    return read_signin_scan(data, doc.pages[0], roster, Limits(), file=sheet.filename)


@pytest.mark.parametrize(("mode", "capture", "seed"), CASES)
def test_count_is_exact_or_not_trusted(
    mode: real_signin.Mode, capture: real_signin.Capture, seed: int
) -> None:
    sheet = real_signin.plan_sheet(seed, mode, capture, "checking")
    found = _read(sheet)
    assert found is not None
    count = found.signed_count
    assert count.value == sheet.truth or count.confidence < MIN_CONFIDENCE, [e.text for e in count.evidence]
    checked = doubt_against_minutes(found, sheet.absentees).signed_count
    assert checked.value == sheet.truth or checked.confidence < MIN_CONFIDENCE
    # the struck-out and misplaced entries are left out with a note naming their row
    notes = " ".join(e.text for e in count.evidence)
    assert all(f"第{row}行" in notes for row in sheet.struck_rows) or count.confidence < MIN_CONFIDENCE


# Tuning sheets the reader got wrong before it read a signature over a rule whole: a large
# signature spilling into the row below (read from its upper part alone it was "another
# person's name") and a signature touching the rule under the row above's (taken for that
# row's overflow). The count must now be exact; with the whole reading confirming the
# overflow, or both rows read as their own names, nothing is left to doubt.
SPILLS = [("pen", "photo", 11, True), ("pen", "scan", 13, True), ("finger", "scan", 1, False)]
# Spills that sit about half in each row: one the shape leaves open (the middle of the
# writing is in the upper row), one the shape gave to the lower row while the whole writing
# reads as the upper row's member. Counted right, and left to a person.
SPILLS += [("pen", "scan", 11, False), ("pen", "scan", 39, False)]
# Large signatures read poorly: one whose whole reading ("五诗" for 王涛) shares nothing with
# the printed name, one not seen as crossing the rule, only as touching the next row's
# writing, which reads as the upper row's member. Counted for their own rows, unsure.
SPILLS += [("pen", "scan", 77, False), ("pen", "scan", 92, False)]


@pytest.mark.parametrize(("mode", "capture", "seed", "trusted"), SPILLS)
def test_a_signature_over_a_rule_counts_once_for_its_own_row(
    mode: real_signin.Mode, capture: real_signin.Capture, seed: int, trusted: bool
) -> None:
    sheet = real_signin.plan_sheet(seed, mode, capture, "tuning")
    found = _read(sheet)
    assert found is not None
    count = found.signed_count
    assert count.value == sheet.truth, [e.text for e in count.evidence]
    if trusted:
        assert doubt_against_minutes(found, sheet.absentees).signed_count.confidence >= MIN_CONFIDENCE


def test_a_struck_entry_read_near_the_printed_name_under_a_possible_strike_is_not_trusted() -> None:
    # 陈静 signed 司马文静's row first and struck it; read "陈静争" (near 陈静, sharing 静
    # with 司马文静) under a stroke that may be a strike, it was once counted and trusted
    sheet = real_signin.plan_sheet(20, "pen", "scan", "tuning")
    found = _read(sheet)
    assert found is not None
    count = found.signed_count
    assert count.value == sheet.truth or count.confidence < MIN_CONFIDENCE, [e.text for e in count.evidence]


def test_generator_pastes_real_ink_and_keeps_the_split_apart() -> None:
    tuning = {
        r.signature.writer
        for s in real_signin.sheets(3, "pen", "photo", "tuning")
        for r in s.rows
        if r.signature
    }
    checking = {
        r.signature.writer
        for s in real_signin.sheets(3, "pen", "photo", "checking")
        for r in s.rows
        if r.signature
    }
    assert tuning <= set(real_signin.TUNING_WRITERS) and checking <= set(real_signin.CHECKING_WRITERS)
    mask = real_signin.ink_of(real_signin.Signature("051", "王涛", "phone").path())
    assert mask.any() and 0.02 < float((mask > 0).mean()) < 0.6  # ink, not the background


# Tuning sheets whose struck entry touches the rule and joins the next row's signature there:
# it used to be taken for that signature's tail and vanished without a note. It is now read
# on its own and left out with a note naming its row.
STRUCK_TOUCHING = [("pen", "photo", 9), ("pen", "photo", 43)]


@pytest.mark.parametrize(("mode", "capture", "seed"), STRUCK_TOUCHING)
def test_a_struck_entry_touching_the_next_rows_signature_is_reported(
    mode: real_signin.Mode, capture: real_signin.Capture, seed: int
) -> None:
    sheet = real_signin.plan_sheet(seed, mode, capture, "tuning")
    found = _read(sheet)
    assert found is not None
    count = found.signed_count
    assert count.value == sheet.truth, [e.text for e in count.evidence]
    notes = [e.text for e in count.evidence]
    for row in sheet.struck_rows:
        assert any(t.startswith(f"第{row}行") and "未计入" in t for t in notes), notes
