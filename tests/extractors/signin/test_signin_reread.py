"""A signed cell not read as its row's own name is read again widened (extractors.signin)."""

from __future__ import annotations

import numpy as np
from PIL import Image

from extractors.ocr import OcrLine
from extractors.signin.grid import Deskewed
from extractors.signin.image import NARROW_READ, WIDE_READ, _read_row
from extractors.signin.ink import Ink
from extractors.signin.names import Kind, read_cell
from extractors.signin.sheet import RowReading
from extractors.signin.strike import NO_STRIKE

ROSTER = ["王涛", "彭家豪", "张明"]
BOX = (40, 20, 100, 60)  # the writing, 60 px wide


class Engine:
    """Reads the squeezed signature as one character, the widened one as ``wide``."""

    def __init__(self, wide: str) -> None:
        self.wide = wide
        self.widths: list[int] = []

    def read_line(self, image: Image.Image) -> OcrLine:
        self.widths.append(image.width)
        wide = image.width > 1.5 * (BOX[2] - BOX[0] + 20)
        text, confidence = (self.wide, 0.7) if wide else ("涛", 0.15)
        return OcrLine(text, (0.0, 0.0, float(image.width), float(image.height)), confidence)


def desk() -> Deskewed:
    rgb = np.full((100, 200, 3), 250, np.uint8)
    gray = np.full((100, 200), 250, np.uint8)
    eye = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    return Deskewed(rgb, gray, eye, eye, 0.0)


def reading(printed: str) -> RowReading:
    return RowReading("第2行", (0.0, 0.0, 200.0, 100.0), Ink(0.3, NO_STRIKE, BOX), printed)


def test_read_cell_widens_the_crop() -> None:
    engine = Engine("王涛")
    read_cell(desk(), BOX, engine)
    read_cell(desk(), BOX, engine, stretch=WIDE_READ)
    assert engine.widths[1] == round(engine.widths[0] * WIDE_READ)


def test_a_squeezed_own_signature_is_read_widened_as_the_own_name() -> None:
    r = reading("王涛")
    _read_row(r, desk(), Engine("王涛"), ROSTER, [], BOX)
    assert r.identity is not None and (r.identity.kind, r.identity.exact) == (Kind.OWN, True)
    assert not r.second_look


def test_another_members_name_read_only_widened_is_a_second_look() -> None:
    r = reading("彭家豪")  # 王涛 signed 彭家豪's row and struck it
    _read_row(r, desk(), Engine("王涛"), ROSTER, [], BOX)
    assert r.identity is not None and (r.identity.kind, r.identity.name) == (Kind.MEMBER, "王涛")
    assert r.second_look


def test_an_exact_own_reading_is_not_read_again() -> None:
    engine = Engine("王涛")
    r = reading("王涛")
    _read_row(r, desk(), engine, ROSTER, ["王涛"], BOX)
    assert engine.widths == []  # the page OCR already read the cell as the name


class SplitEngine:
    """Reads the signature as one character split in two (张蓉石 for 张磊) unless squeezed."""

    def __init__(self) -> None:
        self.widths: list[int] = []

    def read_line(self, image: Image.Image) -> OcrLine:
        self.widths.append(image.width)
        narrow = image.width < 0.8 * (BOX[2] - BOX[0] + 20)
        text, confidence = ("张磊", 0.8) if narrow else ("张蓉石", 0.8)
        return OcrLine(text, (0.0, 0.0, float(image.width), float(image.height)), confidence)


def test_a_signature_read_with_a_character_split_in_two_is_read_again_narrowed() -> None:
    r = reading("张磊")
    engine = SplitEngine()
    _read_row(r, desk(), engine, ["张磊", "王涛"], [], BOX)
    assert r.identity is not None and (r.identity.kind, r.identity.exact) == (Kind.OWN, True)
    assert min(engine.widths) == round(max(engine.widths) / WIDE_READ * NARROW_READ)


class NearEngine:
    """A visitor's 王涛 in 王芳's row: read as a stranger's name, narrowed as 王涛."""

    def read_line(self, image: Image.Image) -> OcrLine:
        narrow = image.width < 0.8 * (BOX[2] - BOX[0] + 20)
        text = "王涛" if narrow else "卫铸"
        return OcrLine(text, (0.0, 0.0, float(image.width), float(image.height)), 0.9)


def test_a_narrowed_reading_counts_only_when_it_is_exactly_the_own_name() -> None:
    r = reading("王芳")
    _read_row(r, desk(), NearEngine(), ["王芳", "张明"], [], BOX)  # 王涛 is one character off 王芳
    assert r.identity is not None and r.identity.kind is Kind.FOREIGN and r.text == "卫铸"
