"""Whose signature a cell holds: the cell's handwriting read alone, matched to the roster.

A signed cell is read by the engine's recognition alone (``read_line``; handwriting is
never read by Tesseract) and the reading (and the page OCR of the same cell) is matched
to the roster: exact, else the unique same-length name one character away (or contained
with one extra character). With the row's printed name the result is one of:

- ``OWN``: the writing agrees with the printed name (or, without one, is a roster name);
- ``MEMBER``: the writing is another roster member's name than the one printed;
- ``FOREIGN``: a name is printed and the reading shares no character with it: whoever
  wrote there, it is not the printed member's signature (a visitor in an absentee's row,
  someone who signed the wrong row);
- ``UNMATCHED``: no name printed, and a confident, name-like reading that is no roster
  name (a visitor, or a name the roster lacks);
- ``ILLEGIBLE``: nothing could be read with any confidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

import numpy as np
from PIL import Image

from extractors.ocr import OcrEngine, SupportsFit
from extractors.signin.grid import Deskewed
from extractors.text.names import unique_near
from extractors.text.normalize import normalize

NAME_CHARS = (2, 4)  # a Chinese name written in a cell: 2-4 characters
UNMATCHED_MIN_CONFIDENCE = 0.75  # a reading below this is illegible, not a stranger's name
FOREIGN_MIN_CONFIDENCE = 0.3  # a reading sharing nothing with the printed name, below this, is illegible

_NOT_NAME_CHARS = re.compile(r"[^\u4e00-\u9fff·]")


@dataclass(frozen=True)
class NameMatch:
    name: str | None  # the roster name, or None
    exact: bool


def clean_name(text: str) -> str:
    return _NOT_NAME_CHARS.sub("", normalize(text))


def match_name(text: str, roster: Sequence[str]) -> NameMatch:
    """Exact roster name; else the unique one that differs by one character (same length),
    or that the reading contains with one extra character; else no match."""
    clean = clean_name(text)
    if not clean:
        return NameMatch(None, False)
    if clean in roster:
        return NameMatch(clean, True)
    return NameMatch(unique_near(clean, roster, whole_cell=True), False)


class Kind(Enum):
    OWN = "own"
    MEMBER = "member"
    FOREIGN = "foreign"
    UNMATCHED = "unmatched"
    ILLEGIBLE = "illegible"


@dataclass(frozen=True)
class Identity:
    kind: Kind
    name: str | None  # the roster member the writing belongs to (OWN, MEMBER)
    exact: bool = False  # read exactly (not one character off)
    weak: bool = False  # OWN: only the surname agrees with the printed name; MEMBER: the
    # reading also shares a character with the printed name


def identify(
    reading: str, confidence: float, page_texts: Sequence[str], printed: str | None, roster: Sequence[str]
) -> Identity:
    """Whose writing a cell holds, from its own reading (with its recognition confidence),
    the page OCR of the same cell and the roster name printed in the row (or None)."""
    texts = [reading, *page_texts]
    matches = [m for m in (match_name(t, roster) for t in texts) if m.name]
    exact = next((m for m in matches if m.exact), None)
    if exact is not None:
        own = printed is None or exact.name == printed
        return Identity(Kind.OWN if own else Kind.MEMBER, exact.name, True)
    clean = clean_name(reading)
    if printed is not None and any(match_name(t, [printed]).name for t in texts):
        return Identity(Kind.OWN, printed, False)  # one character off the printed name
    others = [m for m in matches if m.name != printed]
    if printed is not None and others and set(clean) & set(printed[1:]):
        # one character off another member, sharing only a character with the printed name
        # (陈静争 in 司马文静's row): another member's name, but not surely
        return Identity(Kind.MEMBER, others[0].name, False, weak=True)
    if printed is not None and set(clean) & set(printed[1:]):
        # a poor reading sharing a given-name character (a shared surname alone is no
        # evidence: 徐俊杰 is not 徐磊)
        return Identity(Kind.OWN, printed, False)
    if matches:
        near = matches[0]
        return Identity(Kind.OWN if printed is None else Kind.MEMBER, near.name, False)
    if printed is not None:
        if set(clean) & set(printed[:1]):
            return Identity(Kind.OWN, printed, False, weak=True)  # only the surname agrees: unsure
        if len(clean) >= NAME_CHARS[0] and confidence >= FOREIGN_MIN_CONFIDENCE:
            return Identity(Kind.FOREIGN, None)
        return Identity(Kind.ILLEGIBLE, None)
    if NAME_CHARS[0] <= len(clean) <= NAME_CHARS[1] and confidence >= UNMATCHED_MIN_CONFIDENCE:
        return Identity(Kind.UNMATCHED, None)
    return Identity(Kind.ILLEGIBLE, None)


def read_cell(
    desk: Deskewed, bbox: tuple[int, int, int, int] | None, engine: OcrEngine, *, stretch: float = 1.0
) -> tuple[str, float]:
    """Recognition alone on the tight ink box of a cell (plus a margin); ``stretch``: the
    crop widened by this factor first (a fast signature squeezes its characters together,
    and the recognizer then reads the name as one character)."""
    image = _cell_image(desk, bbox)
    if image is None:
        return "", 0.0
    line = engine.read_line(_widened(image, stretch))
    return line.text, line.confidence


def name_fit(
    desk: Deskewed, bbox: tuple[int, int, int, int] | None, engine: OcrEngine, name: str
) -> float | None:
    """How well ``name`` explains the cell's writing (``ctc.fits``: about 0, as well as the
    engine's own reading; far below, the writing does not hold it), or None when the
    engine cannot say (no ``fit_texts``) or the cell has no writing."""
    return name_fits(desk, bbox, engine, name, ())[0]


# the widths (shares of the cell's own) at which the printed name is also asked about: a finger's fast
# signature squeezes its characters together (郭鑫 read 郭 at -19.1, -8.0 twice as wide) or draws
# them wide; on 150 finger photos of the tuning writers (457 cells read as no exact name) the best
# fit over these widths kept 232 of 253 members' own signatures at or above -8 (the plain fit 198)
# and 1 of 204 others' writing (a struck 张磊 in 徐磊's row, -6.9, one character off)
FIT_WIDTHS = (0.75, 1.4, 2.0)


def name_fits(
    desk: Deskewed,
    bbox: tuple[int, int, int, int] | None,
    engine: OcrEngine,
    name: str,
    widths: Sequence[float] = FIT_WIDTHS,
) -> tuple[float | None, float | None]:
    """``name_fit`` at the cell's own width, and the best of it and the fits of ``name`` to the
    cell stretched or squeezed to each of ``widths`` (None, None: the engine cannot say or the
    cell has no writing). The cell is cropped once."""
    image = _cell_image(desk, bbox)
    if image is None or not isinstance(engine, SupportsFit):
        return None, None
    plain = engine.fit_texts(image, [name])
    if not plain:
        return None, None
    others = [f[0] for width in widths if (f := engine.fit_texts(_widened(image, width), [name]))]
    return plain[0], max([plain[0], *others])


def _widened(image: Image.Image, width: float) -> Image.Image:
    """``image`` stretched (or squeezed) to ``width`` times its width, its height kept."""
    if width == 1.0:
        return image
    return image.resize((max(2, round(image.width * width)), image.height), Image.Resampling.BICUBIC)


def _cell_image(desk: Deskewed, bbox: tuple[int, int, int, int] | None) -> Image.Image | None:
    """The tight ink box of a cell plus a margin of a quarter of its height (at least 4 px)."""
    if bbox is None:
        return None
    x0, y0, x1, y1 = bbox
    pad = max(4, (y1 - y0) // 4)
    h, w = desk.gray.shape
    crop = desk.rgb[max(0, y0 - pad) : min(h, y1 + pad), max(0, x0 - pad) : min(w, x1 + pad)]
    if crop.shape[0] < 2 or crop.shape[1] < 2:
        return None
    return Image.fromarray(np.ascontiguousarray(crop))
