"""Typed text whose writer put spaces where the colons after its labels belong.

Older secretaries and hurried clerks type a record with single spaces between its parts and few
stops or none: ``主持人 司徒永康 领誓人 侯佳莹`` / ``缺席 二 人 贺晓川 出国访学 陆振邦 病假``. Normalising
drops the spaces and runs the parts together (``主持人司徒永康领誓人侯佳莹``), so the readers take two
names for one phrase. In such a line a space after a form label (spelled out or not: ``主 持 人 X``) is
written as the colon it stands for, character for character (offsets still quote the original). The
other spaces are left to normalising: read as commas they split more phrases than they part (a
dictation's pause inside ``主持是 支部副书记X``, ``农书记 学《…》``), measured on the realstyle halves.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from extractors.text.normalize import to_simplified

# a single typed space between two Chinese words
_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_STOPS = re.compile(r"[，。；、,;:：]")
_WORD_BEFORE = re.compile(r"[\u4e00-\u9fff]+$")
_WORD_AFTER = re.compile(r"^[\u4e00-\u9fff]+")
_SPELLED_BEFORE = re.compile(r"(?:(?<![\u4e00-\u9fff])[\u4e00-\u9fff] ){1,4}[\u4e00-\u9fff]$")
_NUMERAL = re.compile(r"^[零〇○一二两三四五六七八九十百廿卅]+(?:人|名|位|个)?$")
# a line needs this many such spaces, and more of them than stops, to be read this way
MIN_GAPS = 3


def label_spaces_as_colons(text: str, labels: Collection[str]) -> str:
    """``text`` with the spaces after its form labels written as colons (see the module's note); the
    same text when it is punctuated."""
    out = []
    for line in text.split("\n"):
        gaps = list(_GAP.finditer(line))
        if len(gaps) < MIN_GAPS or len(_STOPS.findall(line)) >= len(gaps):
            out.append(_cells_of_pairs(line, labels))
            continue
        chars = list(line)
        for gap in gaps:
            before = _WORD_BEFORE.search(line, 0, gap.start())
            after = _WORD_AFTER.search(line[gap.end() :])
            a, b = before.group() if before else "", after.group() if after else ""
            if _NUMERAL.match(a) or _NUMERAL.match(b) or (len(a) == 1 and len(b) == 1):
                continue
            spelled = _SPELLED_BEFORE.search(line, 0, gap.start())  # 主 持 人 (a label spaced out)
            if to_simplified(a) in labels or (
                spelled is not None and to_simplified(spelled.group().replace(" ", "")) in labels
            ):
                chars[gap.start()] = "："
        out.append("".join(chars))
    return "\n".join(out)


# a row of cells apart by wide gaps, each a label, one space and its value: 主持人 甲　　记录人 乙
_WIDE_GAP = re.compile(r"[ \u3000]{2,}|\u3000")
_LABEL_SPACE_VALUE = re.compile(r"^(?P<label>[\u4e00-\u9fff]{2,8}) (?=[^\s:：])")
MIN_PAIRED_CELLS = 2


def _cells_of_pairs(line: str, labels: Collection[str]) -> str:
    """``line`` with the space after the label of each cell written as a colon, when at least two of
    its cells (apart by wide gaps) are a label, a space and a value; else ``line`` itself."""
    starts = [0] + [m.end() for m in _WIDE_GAP.finditer(line)]
    spaces = [
        start + m.end() - 1
        for start in starts
        if (m := _LABEL_SPACE_VALUE.match(line[start:])) is not None and to_simplified(m["label"]) in labels
    ]
    if len(spaces) < MIN_PAIRED_CELLS:
        return line
    chars = list(line)
    for pos in spaces:
        chars[pos] = "："
    return "".join(chars)


# a gap of spaces between a value and the next form label (主持：X　领誓：Y　记录：Z)
_GAP_BEFORE_LABEL = re.compile(r"(?<=\S)[ \u3000]+(?=(?P<label>[\u4e00-\u9fff]{2,6})[:：])")


def gaps_before_labels(text: str, labels: Collection[str]) -> str:
    """``text`` with a gap of spaces before a form label and its colon ended by a stop, character for
    character: the pairs of one typed row (``主持：X　领誓：Y``) are read apart, not run together."""
    chars = list(text)
    for m in _GAP_BEFORE_LABEL.finditer(text):
        if to_simplified(m["label"]) in labels:  # (領誓: a label written in the traditional script)
            chars[m.start()] = "；"
    return "".join(chars)
