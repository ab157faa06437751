"""Photographed or scanned sign-in sheets (签到表): the table, the signed rows, whose they are.

Input: the upright working image of the page (``OcrPage.image``) and its OCR lines
(boxes in that image's pixels). The jobs live in their own modules:

- ``grid``: deskew, the ruled table, the header row (姓名 / 签名 columns);
- ``ink``: how much writing a cell holds, and writing running over a rule into the next
  row (a large signature spilling into the empty row below is one signature);
- ``strike``: crossed-out signatures (a hand's stroke about as long as the name);
- ``names``: whose writing a cell holds (the cell read alone, matched to the roster,
  against the printed name of the row);
- ``sheet``: the counting policy and when the count is not to be trusted;
- ``merge``: several pages of one sign-in.

Boxes in the result are pixels of the upright working image, origin top-left.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from PIL import Image

from core.models import Evidence, Page, SigninSheet
from core.settings import Limits
from extractors.formats.pdf import render_upright, scale_box
from extractors.imaging.decode import load_image
from extractors.imaging.orient import turn
from extractors.ocr import OcrEngine, OcrLine, get_engine
from extractors.signin.grid import Deskewed, GridScan, Header, deskew, find_grid, find_header, texts_by_cell
from extractors.signin.ink import CONTINUATION_SHARE, Box, Crossing, Ink, crossing, hangs_below, measure_ink
from extractors.signin.names import Identity, Kind, identify, match_name, name_fit, name_fits, read_cell
from extractors.signin.sheet import FIT_OTHER_SURNAME, FIT_OWN, RowReading, count_sheet, decide
from extractors.signin.strike import NO_STRIKE, Strike

READER = (
    "signin-image 19"  # raise when a change alters what a sheet reads as (cached results are keyed by it)
)
FRAGMENT_SHARE = (
    0.4  # ink left beside an overflow under this share of a typical signature is a loose piece of it
)
MIN_TYPICAL = 3  # signatures read as their own names needed for the sheet's typical signature ink
OWN_HAND_SHARE = 0.8  # writing taken from a row as another's overflow holding this share of a signature
WIDE_READ = 1.8  # a cell not read as its own name is read again this much wider
# ... and then this much narrower (a character read as two: 磊 as 蓉石), a reading kept only
# when it is exactly the row's own name: on the tuning writers a narrowed visitor's 王涛 in
# 王芳's row was otherwise taken for a near reading of 王芳
NARROW_READ = 0.6
EXACT_OWN = 4  # the rank of a reading that is exactly the row's own name
ONE_PIECE_SHARE = 0.4  # writing over a rule joins at least this share of each cell's ink: one piece
CENTRE_MARGIN = 0.1  # ... whose middle, this share of a row's height off the rule, says whose it is
# A cell whose writing all joins writing over the rule, joining less than this share of the
# other cell's, holds a piece of its own that touches it (a signature under the one above)
TOUCHED_SHARE = 0.6
OWNER_SHARE = (
    0.3  # writing over a rule belongs to the upper row unless it holds less than this share of the lower's
)


def read_signin_photo(
    image: Image.Image, lines: Sequence[OcrLine], engine: OcrEngine, roster: Sequence[str], *, file: str
) -> SigninSheet | None:
    """The sign-in sheet in a photographed page, or None when no ruled table with a
    姓名/签名 header is found."""
    desk = deskew(image)
    scan = find_grid(desk)
    if scan is None:
        return None
    header = find_header(scan.grid, desk, lines)
    if header is None:
        return None
    cell_texts = texts_by_cell(scan.grid, desk, lines)
    readings: list[RowReading] = []
    columns: list[tuple[dict[int, RowReading], Column]] = []
    readings_of: dict[tuple[int, int, int, int] | None, str] = {}  # recognition of a box, read once
    for k, (name_col, sign_col) in enumerate(header.pairs):
        col = sign_col if sign_col is not None else name_col
        printed = {
            r: _printed(cell_texts.get((r, name_col), []), roster) if sign_col is not None else None
            for r in range(header.row + 1, scan.grid.shape[0])
        }

        def own_writing(
            r: int, bbox: tuple[int, int, int, int] | None, printed: dict[int, str | None] = printed
        ) -> bool:
            name = printed.get(r)
            if name is None:
                return False
            if bbox not in readings_of:
                readings_of[bbox] = read_cell(desk, bbox, engine)[0]
            return match_name(readings_of[bbox], [name]).name is not None

        column = _column_ink(scan, header, col, own_writing)
        by_row: dict[int, RowReading] = {}
        for r, ink in column.inks.items():
            where = f"第{r - header.row}行" + (f"（第{k + 1}栏）" if len(header.pairs) > 1 else "")
            reading = RowReading(
                where, desk.back(scan.grid.cell(r, col)), ink, split=column.splits.get(r, "")
            )
            reading.touching = r in column.touching
            reading.crossing = r in column.crossed
            if r in column.partner and sign_col is not None:
                reading.partner = printed[column.partner[r]]
            page_texts = cell_texts.get((r, col), [])
            if sign_col is not None:
                reading.printed = printed[r]
                reading.blank = blank_row(printed[r], measure_ink(scan.ink, scan.grid.cell(r, name_col)))
            if ink.inked:
                _read_row(reading, desk, engine, roster, page_texts, column.extents.get(r, ink.bbox))
            else:
                reading.page_name = next(
                    (m.name for t in page_texts if (m := match_name(t, roster)).name), None
                )
                reading.contradicted = reading.page_name is not None
            above = by_row.get(r - 1)
            if reading.touching and reading.partner is None and above is not None and not _own(above):
                # writing touching the row above's, which is not read as its own name: a large
                # signature of that row may have run over the rule (unseen as such)
                reading.partner = above.printed
                above.touched = not _own(reading)  # ... unless this row's writing is its own name
            readings.append(reading)
            by_row[r] = reading
        columns.append((by_row, column))
    signature = _typical_signature(readings)

    def fit(bbox: tuple[int, int, int, int] | None, name: str) -> float | None:
        return name_fit(desk, bbox, engine, name)

    for by_row, column in columns:
        _confirm_spills(by_row, column, signature, fit)
    own_names = {
        r.identity.name
        for r in readings
        if r.identity is not None and r.identity.kind is Kind.OWN and r.identity.name
    }
    unsigned = set(roster) - own_names
    for reading in readings:
        decide(reading, own_names, unsigned)
    return count_sheet(readings, file)


@dataclass
class Column:
    """The ink of every row of a signature column, after writing that runs over a rule
    was given to the row it belongs to."""

    inks: dict[int, Ink]
    splits: dict[int, str] = field(default_factory=dict)  # a note for each cell split across rows
    touching: set[int] = field(default_factory=set)  # rows whose writing touches the row above's
    crossed: set[int] = field(default_factory=set)  # rows with writing over a rule
    extents: dict[int, tuple[int, int, int, int]] = field(default_factory=dict)  # owner: its whole writing
    owner_of: dict[int, int] = field(default_factory=dict)  # split row -> owner row
    unsure_owner: set[int] = field(default_factory=set)  # owner rows the writing's shape left open
    partner: dict[int, int] = field(default_factory=dict)  # owner row -> the row its writing runs into
    before: dict[int, Ink] = field(default_factory=dict)  # split row -> its ink before the overflow went


def _confirm_spills(
    rows: dict[int, RowReading],
    column: Column,
    signature: float | None,
    fit: Callable[[tuple[int, int, int, int] | None, str], float | None],
) -> None:
    """A cell split across rows is settled when the writing, read whole, is the owner
    row's printed name and what is left in the other row is no signature of its own
    (nothing, or a fragment far smaller than ``signature``, the sheet's typical
    signature ink, that does not read as the row's name), and the writing taken from the
    other row does not look like that row's own hand: a note, not a doubt."""
    for other, owner_row in column.owner_of.items():
        reading, owner = rows[other], rows[owner_row]
        idt = owner.identity
        if idt is None or owner.printed is None or owner_row in column.unsure_owner:
            continue  # (an owner the shape left open stays unsure)
        if reading.ink.inked and not _fragment(reading, signature):
            continue
        if idt.kind is not Kind.OWN or idt.name != owner.printed or idt.weak:
            continue
        if _own_hand_taken(reading, owner, column, other, owner_row, signature, fit):
            reading.own_hand_taken = True
            continue
        reading.split_confirmed = True
        # the page OCR reading the overflow's name in the emptied cell is that overflow
        reading.contradicted = reading.contradicted and reading.page_name != owner.printed


def _own_hand_taken(
    reading: RowReading,
    owner: RowReading,
    column: Column,
    other: int,
    owner_row: int,
    signature: float | None,
    fit: Callable[[tuple[int, int, int, int] | None, str], float | None],
) -> bool:
    """The writing taken from a row as another row's overflow may be that row's own
    signature touching it: a signature's worth of ink (``OWN_HAND_SHARE``) in which the
    recogniser finds the row's printed name about as well as in a member's own hand (fit
    above ``FIT_OTHER_SURNAME``), while the owner's name reads whole inside its own cell
    (fit at or above ``FIT_OWN``). On the tuning writers a finger sheet lost a member's own
    signature this way with a sure note (fit −7.5); the writing of 47 real overflows fit the
    row's printed name at −22.6 or below."""
    taken = column.before.get(other)
    if taken is None or reading.printed is None or owner.printed is None or signature is None:
        return False
    if taken.amount < OWN_HAND_SHARE * signature:
        return False
    other_fit = fit(taken.bbox, reading.printed)
    if other_fit is None or other_fit <= FIT_OTHER_SURNAME:
        return False
    owner_fit = fit(column.inks[owner_row].bbox, owner.printed)
    return owner_fit is not None and owner_fit >= FIT_OWN


def _fragment(reading: RowReading, signature: float | None) -> bool:
    """Ink left beside another row's overflow that is a loose piece of it: much less than
    a signature and not the row's own name."""
    own = reading.identity is not None and reading.identity.kind is Kind.OWN
    return signature is not None and not own and reading.ink.amount < FRAGMENT_SHARE * signature


def _typical_signature(readings: Sequence[RowReading]) -> float | None:
    """The median ink of the sheet's signatures read as their row's own name (None: too few)."""
    amounts = sorted(
        r.ink.amount
        for r in readings
        if r.identity is not None and r.identity.kind is Kind.OWN and r.identity.exact and not r.crossing
    )
    return amounts[len(amounts) // 2] if len(amounts) >= MIN_TYPICAL else None


def _column_ink(
    scan: GridScan,
    header: Header,
    col: int,
    own_writing: Callable[[int, tuple[int, int, int, int] | None], bool],
) -> Column:
    """The ink of every row of a column, writing that runs over a rule given to the row it
    belongs to; a note for each cell split across rows (the count is then unsure); and the
    rows whose writing touches the row above's. ``own_writing(row, bbox)``: the writing in
    ``bbox`` reads as the row's printed name (then it is that row's own signature touching
    the rule, not a tail of the other row's)."""
    rows = range(header.row + 1, scan.grid.shape[0])
    first = header.row + 1
    inks = {r: measure_ink(scan.ink, scan.grid.cell(r, col)) for r in rows}
    column = Column(inks)
    for r in rows[1:]:
        upper, lower = scan.grid.cell(r - 1, col), scan.grid.cell(r, col)
        cross = crossing(scan.ink, scan.rules, upper, lower, scan.grid.rows[r].at)
        if cross is None or not (inks[r - 1].inked or inks[r].inked):
            continue
        a, b = r - 1 - first + 1, r - first + 1
        shape = _owner(cross, scan, upper, lower)
        read_owner = _owner_by_reading(r, inks, own_writing)
        centre = None
        if read_owner is None and shape is None:
            centre = _owner_by_centre(cross, inks[r - 1], inks[r], scan.grid.rows[r].at, upper, lower)
        owner, unsure_owner = settle_owner(shape, read_owner, centre)
        # two rows' writing touching by the shape: a reading of both as one never settles it
        unsure_owner = unsure_owner or (
            owner is not None and shape is None and _pieces(cross, scan, upper, lower)
        )
        if owner is not None:
            other_row = r if owner == "upper" else r - 1
            if _struck_entry(inks[other_row]):
                # the other row's writing may be struck out: an entry of its own. The writing
                # that reached over the rule is then read without its part beyond it, which
                # never settles by reading alone whose it is not
                column.crossed.add(r - 1 if owner == "upper" else r)
                owner = None
            elif inks[other_row].inked and own_writing(other_row, inks[other_row].bbox):
                owner = None  # the other row's writing is its own name: two signatures touching
        if owner is None:
            if inks[r - 1].inked and inks[r].inked:
                column.touching.add(r)
            continue
        column.crossed |= {r - 1, r}
        other, mask, box = (
            (r, cross.lower_mask, lower) if owner == "upper" else (r - 1, cross.upper_mask, upper)
        )
        owner_row = r - 1 if owner == "upper" else r
        if unsure_owner:
            column.unsure_owner.add(owner_row)
        column.partner[owner_row] = other
        if owner == "upper" and cross.lower_share < CONTINUATION_SHARE:
            without = Ink(0.0, NO_STRIKE, None)  # the lower cell's writing only hangs from the rule: a tail
        else:
            without = measure_ink(scan.ink, box, exclude=mask)
        if without.inked != inks[other].inked or (inks[r - 1].inked and inks[r].inked):
            first_row, second_row = (a, b) if owner == "upper" else (b, a)
            column.splits[other] = (
                f"第{first_row}行的签名写过了格线，伸进第{second_row}行，按一人计（一格跨两行）"
            )
            column.owner_of[other] = owner_row
            column.before[other] = inks[other]
            whole = _union(inks[owner_row].bbox, _mask_box(mask))
            if whole is not None:
                column.extents[owner_row] = whole
        inks[other] = without
    return column


def settle_owner(shape: str | None, read: str | None, centre: str | None) -> tuple[str | None, bool]:
    """Which row writing over a rule belongs to, and whether that stays unsure: the
    writing read whole as one row's printed name settles it where the shape says nothing
    or agrees (on 140 tuning sheets this settled 9 more spills, all real ones); a reading
    against the shape, or the middle of the writing alone, leaves it unsure."""
    if read is not None:
        return read, shape is not None and shape != read
    if shape is not None:
        return shape, False
    return centre, centre is not None


def _struck_entry(ink: Ink) -> bool:
    """A cell's writing, seen whole, may be struck out: a name crossed through whose stroke
    touches the rule (and so the writing of the next row), not the tail of that writing. A
    large signature's tail holds no long straight stroke across its width."""
    return ink.inked and ink.strike.level is not Strike.NONE


def _owner_by_reading(
    r: int, inks: dict[int, Ink], own_writing: Callable[[int, tuple[int, int, int, int] | None], bool]
) -> str | None:
    """Which of rows ``r - 1`` and ``r`` the writing over their rule belongs to, by reading
    both cells' writing as one: "upper" or "lower" when it reads as that row's printed name
    and not the other's; None when the reading settles nothing. A large signature can sit
    half in each row (its shape then says little about where it started)."""
    whole = _union(inks[r - 1].bbox, inks[r].bbox)
    if whole is None:
        return None
    upper, lower = own_writing(r - 1, whole), own_writing(r, whole)
    if upper == lower:
        return None
    return "upper" if upper else "lower"


def _owner_by_centre(
    cross: Crossing, upper_ink: Ink, lower_ink: Ink, rule_y: Callable[[float], float], upper: Box, lower: Box
) -> str | None:
    """Which row writing over a rule belongs to when it is one piece (at least
    ``ONE_PIECE_SHARE`` of each cell's ink joined across the rule) that neither cell's shape
    settles: the row holding the middle of the whole writing, when it lies clearly (at
    least ``CENTRE_MARGIN`` of a row's height) on one side of the rule. A hand writes in the
    middle of its own row; a large signature runs over into the next, not the other way."""
    if min(cross.upper_share, cross.lower_share) < ONE_PIECE_SHARE:
        return None
    whole = _union(upper_ink.bbox, lower_ink.bbox)
    if whole is None:
        return None
    centre_x, centre_y = (whole[0] + whole[2]) / 2, (whole[1] + whole[3]) / 2
    row_height = min(upper[3] - upper[1], lower[3] - lower[1])
    off = centre_y - rule_y(centre_x)
    if abs(off) < CENTRE_MARGIN * row_height:
        return None
    return "upper" if off < 0 else "lower"


def _mask_box(mask: np.ndarray) -> tuple[int, int, int, int] | None:
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        return None
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


def _union(
    a: tuple[int, int, int, int] | None, b: tuple[int, int, int, int] | None
) -> tuple[int, int, int, int] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def _owner(cross: Crossing, scan: GridScan, upper: Box, lower: Box) -> str | None:
    """Which row writing across a rule belongs to: "upper", "lower" (its whole crossing
    part, or all the other cell's ink when that only hangs from the rule), or None (two
    rows' writing touching, each cell holding mostly its own)."""
    if hangs_below(scan.ink, upper, lower):
        return "upper"  # writing flows down: a large signature overflows into the row below
    lower_is_tail = cross.lower_share >= CONTINUATION_SHARE
    upper_is_tail = cross.upper_share >= CONTINUATION_SHARE
    if lower_is_tail and upper_is_tail:
        upper_pixels = int(np.count_nonzero(cross.upper_mask))
        return "upper" if upper_pixels >= OWNER_SHARE * int(np.count_nonzero(cross.lower_mask)) else "lower"
    if lower_is_tail or upper_is_tail:
        if touching_piece(cross, lower_is_tail):
            return None
        return "upper" if lower_is_tail else "lower"
    return None


def _pieces(cross: Crossing, scan: GridScan, upper: Box, lower: Box) -> bool:
    """The shape says the writing over the rule is two rows' writing touching (see
    ``touching_piece``), not one signature running over it."""
    if hangs_below(scan.ink, upper, lower):
        return False
    lower_is_tail = cross.lower_share >= CONTINUATION_SHARE
    if lower_is_tail == (cross.upper_share >= CONTINUATION_SHARE):
        return False
    return touching_piece(cross, lower_is_tail)


def touching_piece(cross: Crossing, lower_is_tail: bool) -> bool:
    """The cell whose writing all joins the crossing strokes holds a piece of writing of
    its own that only touches the other cell's: the joined writing lies mostly on its side
    of the rule, and it joins less than ``TOUCHED_SHARE`` of the other cell's writing (a
    signature's tail is smaller than what it hangs from, and the rest of that signature
    runs into it). Two rows' signatures touching at the rule, not one running over it."""
    upper_pixels = int(np.count_nonzero(cross.upper_mask))
    lower_pixels = int(np.count_nonzero(cross.lower_mask))
    if lower_is_tail:
        return lower_pixels > upper_pixels and cross.upper_share < TOUCHED_SHARE
    return upper_pixels > lower_pixels and cross.lower_share < TOUCHED_SHARE


def blank_row(printed: str | None, name_ink: Ink) -> bool:
    """A row of a printed sheet left blank for others to sign: no roster name read in its
    姓名 cell and no ink there. A name the page read there settles it is no blank row,
    whatever its ink (a short name printed small, 兰兰, holds little)."""
    return printed is None and not name_ink.inked


def _printed(texts: list[str], roster: Sequence[str]) -> str | None:
    """The roster name printed in a row's 姓名 cell (page OCR, exact)."""
    return next((m.name for m in (match_name(t, roster) for t in texts) if m.exact), None)


def _read_row(
    reading: RowReading,
    desk: Deskewed,
    engine: OcrEngine,
    roster: Sequence[str],
    page_texts: list[str],
    whole: tuple[int, int, int, int] | None,
) -> None:
    """Whose writing a signed cell holds. ``whole``: the writing's box; for a signature
    running over a rule all of it, also the part in the other row. That box is read, and
    the cell's own ink alone too (the overflow may have been misjudged): the reading that
    says more about whose name it is wins."""
    # The page OCR already read this cell as exactly a roster name: that settles it, and the
    # recognition-only re-read (the accurate one for handwriting) is spent on the others.
    settled = next((t for t in page_texts if match_name(t, roster).exact), None)
    if settled is not None:
        reading.text, reading.read_confidence = settled, 1.0
        reading.identity = identify(settled, 1.0, page_texts, reading.printed, roster)
        return
    boxes = [whole] if whole == reading.ink.bbox else [whole, reading.ink.bbox]
    best: tuple[int, str, float, Identity, bool] | None = None
    for stretch in (1.0, WIDE_READ, NARROW_READ):
        if best is not None and best[0] >= EXACT_OWN:
            break  # read as exactly the row's own name: nothing more to learn
        for box in boxes:
            text, confidence = read_cell(desk, box, engine, stretch=stretch)
            identity = identify(text, confidence, page_texts, reading.printed, roster)
            rank = _rank(identity)
            if stretch == NARROW_READ and rank < EXACT_OWN:
                continue
            if best is None or rank > best[0]:
                best = (rank, text, confidence, identity, stretch != 1.0)
    assert best is not None
    _, reading.text, reading.read_confidence, reading.identity, widened = best
    reading.second_look = widened and best[3].kind is not Kind.OWN
    if reading.printed is not None and best[0] < EXACT_OWN:
        reading.fit, reading.best_fit = name_fits(desk, whole, engine, reading.printed)


def _own(reading: RowReading) -> bool:
    return reading.identity is not None and reading.identity.kind is Kind.OWN


def _rank(identity: Identity) -> int:
    """How much a reading says about whose name the writing is."""
    if identity.kind is Kind.OWN:
        return EXACT_OWN if identity.exact else (2 if identity.weak else 3)
    if identity.kind is Kind.MEMBER and identity.exact:
        return 1
    return 0


# ----------------------------------------------------------------------- from an upload


def read_signin_upload(
    data: bytes, page: Page, roster: Sequence[str], limits: Limits, *, file: str
) -> SigninSheet | None:
    """The sign-in sheet of an uploaded image whose page OCR is ``page``.

    The extraction keeps only the text, so the image is decoded again (about 0.05 s
    and one working-size image in memory) and turned as the page OCR turned it.
    Names are read with RapidOCR whatever engine read the page: handwriting is never
    read by Tesseract. Raises ``UnreadableFileError`` / ``OcrError`` like the extraction.
    """
    image = page_view(load_image(data, limits), page)
    if image is None:
        return None
    return _read_view(image, page, 1.0, roster, file)


def read_signin_scan(
    data: bytes, page: Page, roster: Sequence[str], limits: Limits, *, file: str
) -> SigninSheet | None:
    """The sign-in sheet on an OCR'd page of a scanned PDF (``page``, boxes in points):
    the page is rendered again as it was read and the sheet's evidence is given in points
    on that page, like every other PDF box. Raises ``OcrError`` if it cannot be rendered."""
    image, scale = render_upright(data, page.number, page.rotation, limits)
    return _read_view(image, page, scale, roster, file)


def _read_view(
    image: Image.Image, page: Page, scale: float, roster: Sequence[str], file: str
) -> SigninSheet | None:
    """Read the sheet in ``image``, the view whose pixels are ``page``'s boxes times ``scale``."""
    lines = [
        OcrLine(s.text, scale_box(s.origin.bbox, scale), s.confidence)
        for s in page.spans
        if s.origin.bbox is not None
    ]
    sheet = read_signin_photo(image, lines, get_engine("rapidocr"), roster, file=file)
    return None if sheet is None else _placed(sheet, page.number, 1.0 / scale)


def _placed(sheet: SigninSheet, page: int, factor: float) -> SigninSheet:
    """The sheet with its evidence on page ``page`` and its boxes scaled by ``factor``."""

    def place(ev: Evidence) -> Evidence:
        box = scale_box(ev.bbox, factor) if ev.bbox is not None and factor != 1.0 else ev.bbox
        return replace(ev, page=page, bbox=box)

    sheet.signed_count.evidence = [place(ev) for ev in sheet.signed_count.evidence]
    for name in sheet.names:
        name.evidence = [place(ev) for ev in name.evidence]
    return sheet


def page_view(image: Image.Image, page: Page) -> Image.Image | None:
    """``image`` (decoded again) turned to the view the page OCR read, or None if the
    sizes disagree (the page came from other pixels)."""
    turned = turn(image, page.rotation)
    size = (round(page.width or 0), round(page.height or 0))
    return turned if turned.size == size else None
