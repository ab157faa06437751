"""Counting policy: which signed cells count, and when the count is not to be trusted.

Every table row yields a :class:`RowReading` (ink, strike level, whose writing). A row
counts when it holds writing that is not struck out and belongs to a member; a name
signed twice counts once. The count is *trusted* (confidence at or above the rules'
0.8 line) only when nothing on the sheet casts doubt on it. Doubts, each reported as a
note in the evidence:

- a stroke that may be a strike the geometry cannot settle, on writing that is not
  exactly the printed member's own name (read only near it: counted; sharing only the
  surname: left out);
- writing that reads as a name matching no roster member (reported by its reading);
- writing that reads as another member's name than the one printed in the row;
- a signature running over the rule into the next row (a cell split across rows);
- a cell the ink calls empty while the page OCR read a name in it (grid and writing
  out of line), an ink amount between empty and signed, a duplicate read inexactly;
- later, against the minutes (:func:`doubt_against_minutes`): a signer the minutes
  name as absent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from core.models import BBox, Evidence, SigninSheet, Value
from extractors.signin.ink import SURE, UNSURE, Ink
from extractors.signin.names import Identity, Kind, clean_name
from extractors.signin.strike import Strike
from extractors.text.normalize import edit_distance, is_subsequence

EXACT_HANDWRITING = 0.95  # handwriting read exactly as a roster name
PRINTED_NAME = 0.99  # signed row identified by its printed roster name
NEAR_MATCH = 0.85  # one character off a unique roster name
OFF_ROSTER = 0.5  # writing that is no roster member's name
DUPLICATE = 0.85  # the count when a name appears twice (both read exactly)
UNSURE_DUPLICATE = UNSURE  # ... when one of the two readings was a correction
ABSENT_SIGNER = UNSURE  # the count when a signer is absent according to the minutes
ILLEGIBLE = "（无法辨认）"
# A reading this confident that is plainly another person's name (it shares no character
# with the printed name, or in a blank row with any member who has not signed) settles
# that the writing is not a member's own: it is left out without doubting the count.
# Measured on the tuning writers: every such reading at or above 0.8 was another
# person's; misreads of a member's own name were below it, and came from a signature
# cut by a rule (``crossing``), which never settles anything by reading alone.
SURE_READING = 0.8
STRUCK_READING = 0.5  # ... or at least this confident when a stroke may also strike it out
# The recogniser asked about the printed name (``RowReading.fit``, natural log; each character
# the writing does not hold costs about 10). Measured on the tuning writers' first 200 sheets
# (pen, photo and scan; 3,387 signed cells under a printed name):
# - of the members' own signatures 97.7 % fit at or above FIT_OWN; the best fit of another
#   person's writing was -13.4 (朱佳怡 in 宋佳's row);
# - another person's writing fit at most FIT_OTHER_PER_CHAR times the printed name's length
#   (and at most FIT_OTHER) in 513 of 548 cells. Members' own writing fit that badly only in a
#   cell a rule cuts (the reading takes in the other row's piece) or read as letters and digits
#   (a crop wider than the writing: 20-1n, 芒1小);
# - a reading sharing only the surname (郭鑫 in 郭晓燕's row): members' own fit at -12.2 or
#   above, other persons' at -24.8 or below; FIT_OTHER_SURNAME lies between.
FIT_OWN = -6.0
FIT_OTHER = -30.0
FIT_OTHER_PER_CHAR = -12.0
FIT_OTHER_SURNAME = -18.0
# - a reading that is no name at all (illegible, no letters): of the members' own signatures
#   misread so, all but one fit at -25.2 or above (陇 for 郭鑫; 千此了 for 杨紫涵 at -32.1) on those
#   200 sheets; on finger photos (seeds 250-309) another person's struck name in an absentee's
#   row, the stroke unseen, fit at -26.9 to -33.0 and was credited under the per-character line,
#   and one own hand at -28.3 (董 for 林涛). FIT_ILLEGIBLE_OTHER lies between, for any length
FIT_ILLEGIBLE_OTHER = -26.0
# - the printed name explains the writing at some width (``RowReading.best_fit``, ``names.FIT_WIDTHS``)
#   at or above this: the writing is the member's own, however it was read
FIT_OWN_AT_A_WIDTH = -8.0
_LETTERS = re.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]")


@dataclass
class RowReading:
    where: str  # "第3行" or "第3行（第2栏）"
    box: BBox  # the cell, working-image pixels
    ink: Ink
    printed: str | None = None  # the roster name printed in the row's 姓名 cell
    text: str = ""  # what recognition read
    identity: Identity | None = None
    contradicted: bool = False  # the ink says empty, but the page OCR read a member's name in the cell
    page_name: str | None = None  # ... that name
    split: str = ""  # a note when writing runs over a rule into or out of this cell
    touching: bool = False  # the writing touches the row above's at the rule
    touched: bool = False  # writing of the row below, not read as its own name, touches this row's
    crossing: bool = False  # writing runs over a rule into or out of this cell
    split_confirmed: bool = False  # ... and the whole signature read as the owner row's printed name
    own_hand_taken: bool = False  # ... yet the writing taken from this row looks like its own signature
    read_confidence: float = 0.0  # the recognition confidence of ``text``
    blank: bool = False  # the row's 姓名 cell is empty: a blank row of a printed sheet
    partner: str | None = None  # the name printed in the row this row's writing runs into over a rule
    second_look: bool = False  # the reading came from the widened re-read and is not the row's own name
    fit: float | None = None  # how well the printed name explains the writing (``ctc.fits``); None: not asked
    best_fit: float | None = None  # ... the best of that at the widths ``names.FIT_WIDTHS`` too
    # decided by ``decide``:
    counted: bool = False
    struck: bool = False
    name: str | None = None
    confidence: float = 0.0
    doubts: list[str] = field(default_factory=list)  # notes that make the count unsure
    notes: list[str] = field(default_factory=list)  # notes that do not


def decide(r: RowReading, own_names: set[str], unsigned: set[str] | None = None) -> None:
    """Whether the row counts, for whom, and what doubts it raises. ``own_names``:
    members whose own row holds their signature; ``unsigned``: roster members who have
    not (None: not known)."""
    if r.own_hand_taken and r.printed is not None:
        # writing taken as another row's overflow that looks like this row's own signature:
        # counted for the printed member, unsure (instead of the note on the split)
        r.doubts.append(
            f"{r.where}的笔迹算作了别行签名的延伸，但也像{r.printed}本人的签名，按已签到计，请核对"
        )
        _count(r, r.printed, UNSURE)
        return
    if r.split:
        (r.notes if r.split_confirmed else r.doubts).append(r.split)
    _doubt_ink(r)
    if not r.ink.inked:
        return
    idt = r.identity or Identity(Kind.ILLEGIBLE, None)
    level = r.ink.strike.level
    if level is Strike.CLEAR:
        if idt.kind is Kind.OWN and idt.exact and r.printed is not None:
            r.doubts.append(f"{r.where}的签名上有一道线，但读出的是本人姓名{r.printed}，按已签到计")
            _count(r, r.printed, _confidence(idt))
        elif idt.kind in (Kind.OWN, Kind.ILLEGIBLE) and _fits(r, idt):
            # read only near the printed name or not at all, but the recogniser finds that name in
            # the writing (李浩 for 李浩然, 球 for 王涛): on the tuning writers' cells seen as struck
            # whose printed name fit at some width at or above the line, 87 of 88 were the member's
            # own hand (the other a near name, 张磊 in 徐磊's row); counted, unsure
            r.doubts.append(
                f"{r.where}的签名上有一道线，但与{r.printed}逐字比对相符（读作“{r.text}”），按已签到计"
            )
            _count(r, r.printed, NEAR_MATCH)
        elif idt.kind is Kind.OWN and r.printed is not None:
            # a clear stroke through writing only near the printed name (张磊 in 徐磊's row,
            # 赵雪 in 赵海燕's): a member's own signature is almost never struck clearly, a
            # near name is; left out, and the count is unsure
            r.struck = True
            r.doubts.append(
                f"{r.where}（{r.printed}）的签名读作“{r.text}”，不完全是本人姓名，且已被划掉，未计入"
            )
        else:
            r.struck = True
        return
    if r.split and idt.kind is not Kind.OWN:
        r.struck = True  # what is left beside another row's overflow is not this row's own name
        return
    if r.touching and idt.kind is not Kind.OWN:
        if _touching_leftover(r, idt):
            # not read as any member's name: the row above's writing running on, or an entry
            # of its own (struck, a visitor's). On the tuning writers (320 sheets) none of the
            # 18 cells touching the row above and not read as the printed name was its own
            r.struck = True
            r.doubts.append(
                f"{r.where}的签名与上一行的签名在格线处连在一起，可能是上一行签名的一部分，未计入"
            )
            return
        r.doubts.append(f"{r.where}的签名与上一行的签名在格线处连在一起，可能是上一行签名的一部分")
    if _fits(r, idt):
        _count_fitting(r, level)
        return
    if idt.kind is Kind.MEMBER and not idt.exact and _printed_fits(r):
        # read near another member's name (徐使 for 徐磊), yet the printed name fits the writing (徐俊杰,
        # -0.2 at some width): on the tuning writers every such cell was the member's own; counted, unsure
        r.doubts.append(
            f"{r.where}（{r.printed}）的签名读作“{r.text}”（近似{idt.name}），但与{r.printed}逐字比对相符，按{r.printed}计"
        )
        _count(r, r.printed, NEAR_MATCH)
        return
    if _misfit(r, idt):
        r.struck = True  # read poorly, and the recogniser finds the printed name nowhere in it
        r.doubts.append(
            f"{r.where}（{r.printed}）的签名读作“{r.text}”，与{r.printed}逐字比对也对不上，不是本人签名，未计入"
        )
        return
    if idt.kind is Kind.OWN and r.blank:
        _blank_row(r, idt)
    elif idt.kind is Kind.OWN and idt.weak and level is Strike.POSSIBLE and _other_full_name(r):
        r.struck = True  # another name with the same surname, and a stroke may strike it out
        r.doubts.append(f"{r.where}（{r.printed}）的签名读作“{r.text}”，只有姓氏相同，且可能已被划掉，未计入")
    elif idt.kind is Kind.OWN and not idt.exact and level is Strike.POSSIBLE and _other_name(r):
        r.struck = True  # another whole name sharing a character (陈静 in 司马文静's row), maybe struck
        r.doubts.append(f"{r.where}（{r.printed}）的签名读作“{r.text}”，是另一个姓名，且可能已被划掉，未计入")
    elif idt.kind is Kind.OWN and not idt.exact and _other_name(r) and _whole_length(r):
        r.struck = True  # ... not seen as struck: a strike missed, or someone else signed the row
        r.doubts.append(f"{r.where}（{r.printed}）的签名读作“{r.text}”，是另一个姓名，未计入")
    elif idt.kind is Kind.OWN and not idt.exact and (signer := _part_of_signer(r, own_names)):
        # 徐俊 in 徐磊's row: one character off the printed name, but part of the name of a member
        # who signed their own row (a second entry of theirs, struck unseen): left out, unsure
        r.struck = True
        r.doubts.append(
            f"{r.where}（{r.printed}）的签名读作“{r.text}”，更像已在本人一行签到的{signer}，未计入"
        )
    elif idt.kind is Kind.OWN:
        if idt.weak:
            r.doubts.append(f"{r.where}（{r.printed}）的签名读作“{r.text}”，只有姓氏相同，按{r.printed}计")
        elif not idt.exact and level is Strike.POSSIBLE:
            r.doubts.append(
                f"{r.where}的签名读作“{r.text}”（近似{r.printed}），但可能已被划掉，按{r.printed}计"
            )
        _count(r, idt.name or r.printed, _confidence(idt))
    elif idt.kind is Kind.MEMBER and idt.name is not None and idt.name == r.partner:
        # the writing runs over the rule from (or into) that member's row: it is theirs, and
        # the rows were mis-assigned
        r.doubts.append(
            f"{r.where}的签名写过了格线，读作“{r.text}”，是相邻一行{idt.name}的签名，按{idt.name}计"
        )
        _count(r, idt.name, _confidence(idt))
    elif idt.kind is Kind.MEMBER and idt.exact:
        _member_elsewhere(r, idt, own_names)
    elif idt.kind is Kind.MEMBER:
        r.struck = True
        note = f"{r.where}印的是{r.printed}，签名却读作“{r.text}”（近似{idt.name}），未计入"
        # that member signed in their own row (and the reading is not also the printed name's)
        settled = idt.name in own_names and not r.crossing and not idt.weak and not r.second_look
        (r.notes if settled else r.doubts).append(note + ("（此人已在本人一行签到）" if settled else ""))
    elif idt.kind is Kind.FOREIGN and _cut_reading(r, level):
        how = "写过了格线" if r.crossing else "与下一行的字迹在格线处连在一起，可能是写得太大伸进了下一行"
        r.doubts.append(f"{r.where}的签名{how}，读作“{r.text}”，看不清，按{r.printed}计")
        _count(r, r.printed, PRINTED_NAME)
    elif idt.kind is Kind.FOREIGN:
        r.struck = True
        note = f"{r.where}印的是{r.printed}，签名却读作“{r.text}”，不是本人签名，未计入"
        (r.notes if _plainly_other(r, level) else r.doubts).append(note)
    elif level is Strike.POSSIBLE:
        r.struck = True
        r.doubts.append(f"{r.where}的签名{_read_as(r)}可能已被划掉，未计入")
    elif r.printed is not None:
        if r.text:
            r.doubts.append(f"{r.where}（{r.printed}）的签名读作“{r.text}”，与打印姓名不符，按{r.printed}计")
        _count(r, r.printed, PRINTED_NAME)
    elif r.blank:
        r.struck = True
        note = f"{r.where}是空白行，签名{_read_as(r)}与名单上的姓名对不上，未计入"
        stranger = idt.kind is Kind.UNMATCHED and unsigned is not None and not _shares(r.text, unsigned)
        (r.notes if stranger and _plainly_other(r, Strike.NONE) else r.doubts).append(note)
    else:
        if idt.kind is Kind.UNMATCHED:
            r.doubts.append(f"{r.where}的签名读作“{r.text}”，与名单上的姓名对不上")
        else:
            r.doubts.append(f"{r.where}的签名无法辨认")
        _count(r, None, OFF_ROSTER)


def _part_of_signer(r: RowReading, own_names: set[str]) -> str | None:
    """A member who signed their own row whose name holds the whole reading in order (徐俊 of
    徐俊杰), when the printed name does not."""
    text = clean_name(r.text)
    if r.printed is None or len(text) < 2 or is_subsequence(text, r.printed):
        return None
    return next((n for n in sorted(own_names) if n != r.printed and is_subsequence(text, n)), None)


def _fits(r: RowReading, idt: Identity) -> bool:
    """The writing reads poorly, yet the printed name explains it about as well as the
    reading does (a fast signature read as one character, 季洁然 for 李浩然), at the cell's own
    width or at another (``best_fit``: a signature squeezed or drawn wide)."""
    if idt.exact or idt.kind is Kind.MEMBER:
        return False
    return _printed_fits(r)


def _printed_fits(r: RowReading) -> bool:
    """The recogniser finds the printed name in the writing: at the cell's width, or at another."""
    if r.printed is None:
        return False
    plain = r.fit is not None and r.fit >= FIT_OWN
    return plain or (r.best_fit is not None and r.best_fit >= FIT_OWN_AT_A_WIDTH)


def _misfit(r: RowReading, idt: Identity) -> bool:
    """Writing that would be credited to the printed member by a poor or partial reading
    (only the surname, one character, a near name), in which the recogniser finds nothing
    of the printed name; a reading sharing only the surname is held to a closer line. Never in
    a cell a rule cuts (the reading then mixes two rows; others not when the writing touches the
    row above's either), when nothing was read (faint writing fits no name) or when the reading
    holds letters or digits."""
    if r.fit is None or r.printed is None or r.split or r.crossing or not r.text or _LETTERS.search(r.text):
        return False  # cut by a rule, nothing read, or letters and digits in it (20-1n): not a name
    if idt.kind is Kind.OWN and idt.weak:
        return r.fit <= FIT_OTHER_SURNAME  # even touching the row above's writing (王涛 in 王建国's row)
    line = FIT_ILLEGIBLE_OTHER if idt.kind is Kind.ILLEGIBLE else _misfit_line(r.printed)
    if r.touching or r.fit > line:
        return False
    return (idt.kind is Kind.OWN and not idt.exact) or idt.kind is Kind.ILLEGIBLE


def _misfit_line(printed: str) -> float:
    """The fit at or below which the printed name is nowhere in the writing: −30, or −12 a
    character of a longer name."""
    return min(FIT_OTHER, FIT_OTHER_PER_CHAR * len(printed))


def _count_fitting(r: RowReading, level: Strike) -> None:
    if level is Strike.POSSIBLE:
        r.doubts.append(
            f"{r.where}（{r.printed}）的签名{_seen_as(r)}，但与{r.printed}逐字比对相符；可能已被划掉，按{r.printed}计"
        )
    else:
        r.notes.append(
            f"{r.where}（{r.printed}）的签名{_seen_as(r)}，但与{r.printed}逐字比对相符，按{r.printed}计"
        )
    _count(r, r.printed, NEAR_MATCH)


def _doubt_ink(r: RowReading) -> None:
    """A cell the ink calls empty while the page OCR read a member's name in it, or an ink
    amount between empty and signed, doubts the count (with a note saying so); not the
    leftovers of a confirmed spill, loose pieces of the other row's signature."""
    if r.contradicted:
        r.doubts.append(
            f"{r.where}的签名格几乎是空的，但整页识别在格内读到了“{r.page_name or '姓名'}”，请核对"
        )
    elif r.ink.confidence < SURE and not r.split_confirmed:
        r.doubts.append(f"{r.where}的签名格只有少量笔迹，无法确定是否签了名")


def _touching_leftover(r: RowReading, idt: Identity) -> bool:
    """Writing touching the row above's that reads as no member's name at all (illegible,
    someone else's, a stranger's): nothing says it is the printed member's signature."""
    return r.printed is not None and idt.kind in (Kind.ILLEGIBLE, Kind.FOREIGN, Kind.UNMATCHED)


def _other_full_name(r: RowReading) -> bool:
    """A confident reading of a whole name (not a lone surname, half a name read) that
    shares only the surname with the printed one: 徐俊杰 in 徐磊's row."""
    return len(clean_name(r.text)) >= 2 and r.read_confidence >= SURE_READING and not r.second_look


def _cut_reading(r: RowReading, level: Strike) -> bool:
    """A poor reading of unstruck writing that runs over a rule from this row into the next (a
    large signature, its strokes cut by the rule), seen crossing it or only touched there by the
    row below's writing (no name of its own there): no evidence that the writing is someone
    else's."""
    return (
        (r.crossing or r.touched)
        and not r.split
        and level is Strike.NONE
        and r.printed is not None
        and r.read_confidence < SURE_READING
    )


def _other_name(r: RowReading) -> bool:
    """A confident reading of a whole name with another surname, two or more characters
    off the printed one and not that name with characters dropped: 朱佳怡 read in 董欣怡's
    row shares a character, but is another person's name (董怡 is 董欣怡 with a character
    missed, 董处性 a poor reading of it). Less confident readings such as 昔以怡 or 苏怡 are
    a finger's 董欣怡 misread: below ``SURE_READING`` nothing is settled."""
    text = clean_name(r.text)
    if r.printed is None or r.second_look or r.read_confidence < SURE_READING or len(text) < 2:
        return False
    if text[0] == r.printed[0] or is_subsequence(text, r.printed):
        return False
    return edit_distance(text, r.printed, 1) > 1


def _whole_length(r: RowReading) -> bool:
    """The reading has at least as many characters as the printed name. A hand's own name
    misread loses characters more often than it gains them (a quick signature squeezes two
    into one: 董欣怡 read 重怡 at 0.92 on the tuning writers); without a stroke seen, a
    shorter reading is no evidence of someone else's name."""
    return r.printed is not None and len(clean_name(r.text)) >= len(r.printed)


def _plainly_other(r: RowReading, level: Strike) -> bool:
    """The reading settles that the writing is someone else's name: confident (or fairly
    confident on writing that may also be struck), and from a cell no rule cuts."""
    if r.crossing or r.touching or r.second_look or not _far_from_printed(r):
        return False
    return r.read_confidence >= SURE_READING or (
        level is Strike.POSSIBLE and r.read_confidence >= STRUCK_READING
    )


def _far_from_printed(r: RowReading) -> bool:
    """The recogniser finds the printed name nowhere in the writing (its fit at or below the
    misfit line), or was not asked. A confident reading of another name alone does not settle
    that a member's own hand is not there: a finger's signature can read confidently as a name
    it is not."""
    if r.fit is None or r.printed is None:
        return True
    return r.fit <= _misfit_line(r.printed)


def _shares(text: str, names: set[str]) -> bool:
    """The reading shares a character of a given name with one of ``names`` (a surname
    alone is shared by many: 赵雪 is not 赵海燕)."""
    return any(set(text) & set(name[1:]) for name in names)


def _blank_row(r: RowReading, idt: Identity) -> None:
    """A member's name in a blank row of a printed sheet: counted (once) when read exactly,
    but unsure; a near reading is not enough to credit anyone."""
    if idt.exact:
        r.doubts.append(f"{r.where}是空白行，签名读作名单上的{idt.name}，按{idt.name}计")
        _count(r, idt.name, EXACT_HANDWRITING)
    else:
        r.struck = True
        r.doubts.append(f"{r.where}是空白行，签名读作“{r.text}”，与名单上的姓名对不上，未计入")


def _member_elsewhere(r: RowReading, idt: Identity, own_names: set[str]) -> None:
    """Another member's name in this row: not the printed member's signature. It counts
    for that member only if they signed nowhere else (then unsure: a misplaced signature)."""
    if idt.name in own_names:
        r.struck = True
        note = f"{r.where}印的是{r.printed}，签的却是{idt.name}（已在本人一行签到），未计入"
        # a name found only by reading the writing widened is a second look: not sure enough
        (r.doubts if r.second_look else r.notes).append(note)
        return
    r.doubts.append(f"{r.where}印的是{r.printed}，签名却读作{idt.name}，按{idt.name}计")
    _count(r, idt.name, _confidence(idt))


def _seen_as(r: RowReading) -> str:
    return f"读作“{r.text}”" if r.text else "单独识别不出"


def _read_as(r: RowReading) -> str:
    return f"（读作“{r.text}”）" if r.text else "（无法辨认）"


def _confidence(idt: Identity) -> float:
    return EXACT_HANDWRITING if idt.exact else NEAR_MATCH


def _count(r: RowReading, name: str | None, confidence: float) -> None:
    r.counted, r.name, r.confidence = True, name, confidence


def count_sheet(readings: Sequence[RowReading], file: str) -> SigninSheet:
    """Count the rows that count (a name twice counts once) and collect the names."""
    names: list[Value[str]] = []
    counted: list[Evidence] = []
    notes: list[Evidence] = []
    decision: list[float] = [SURE] if readings else []  # no rows read: nothing to trust
    first_row: dict[str, RowReading] = {}
    for r in readings:
        for doubt in r.doubts:
            notes.append(Evidence(file, doubt, 1, r.box, UNSURE))
            decision.append(UNSURE)
        notes += [Evidence(file, note, 1, r.box, SURE) for note in r.notes]
        if r.struck:
            if r.ink.strike.level is Strike.CLEAR:
                notes.append(Evidence(file, f"{r.where}的签名已划掉，未计入", 1, r.box, SURE))
            continue
        if not r.counted:
            continue
        if r.name is not None and r.name in first_row:
            earlier = first_row[r.name]
            sure = _exact(r) and _exact(earlier)
            level = DUPLICATE if sure else UNSURE_DUPLICATE
            decision.append(level)
            notes.append(
                Evidence(file, f"{r.name}签名两次（{earlier.where}、{r.where}），只计1人", 1, r.box, level)
            )
            continue
        if r.name is not None:
            first_row[r.name] = r
        evidence = Evidence(file, r.text or r.name or ILLEGIBLE, 1, r.box, round(r.confidence, 3))
        counted.append(evidence)
        names.append(Value(r.name if r.name is not None else (r.text or ILLEGIBLE), [evidence], r.confidence))
    confidence = min(decision, default=UNSURE)
    return SigninSheet(Value(len(counted), counted + notes, confidence), names, file)


def _exact(r: RowReading) -> bool:
    """The row's name is certain: read exactly and, where a name is printed, the printed one."""
    idt = r.identity
    if idt is None or idt.kind is not Kind.OWN:
        return False
    return idt.exact or (r.printed is not None and idt.name == r.printed)


def doubt_against_minutes(sheet: SigninSheet, absentees: Sequence[str]) -> SigninSheet:
    """The sheet with its count doubted when a name counted on it is one the minutes
    record as absent (a struck or misplaced signature credited to an absentee's row)."""
    absent = set(absentees)
    clash = [v for v in sheet.names if v.value in absent]
    if not clash:
        return sheet
    notes = [
        Evidence(
            sheet.file,
            f"{v.value}在会议记录中记为缺席，签到表上却计为已签到，请人工核对",
            e.page,
            e.bbox,
            ABSENT_SIGNER,
        )
        for v in clash
        for e in v.evidence[:1]
    ]
    count = sheet.signed_count
    doubted = replace(
        count, evidence=[*count.evidence, *notes], confidence=min(count.confidence, ABSENT_SIGNER)
    )
    return replace(sheet, signed_count=doubted)
