"""A table's rules read by OCR as the character 一 between a form's cells.

A printed 会议记录 form photographed and read by OCR may come back with the vertical rules of its
table as ``一`` (``主持人一村党支部书记 覃振邦一记录人一蓝小鸾``, ``应到一35人一实到一31人``). Normalising
keeps them, so the labels run into their values. In a line where a ``一`` stands next to a form's
label at least twice, those ``一`` are written as the bar they stand for, character for character
(offsets still quote what was read). A ``一`` that is a numeral or part of a word (第一书记, 一人) is
left alone: it does not touch a label.
"""

from __future__ import annotations

import re
from collections.abc import Collection

_YI = re.compile("一")
_WORD_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,8}$")
_WORD_AFTER = re.compile(r"^[\u4e00-\u9fff]{1,8}")
MIN_RULES = 2  # a line needs this many 一 beside labels to be read as a ruled row


# 一 as a word after a label (缺席一人, 请假一天, 实到一致): no rule
_YI_WORD = re.compile(r"一[人名位个次天日周月年下起同致律直定些样般切共行项]")


def rules_as_bars(text: str, labels: Collection[str]) -> str:
    """``text`` with the 一 that stand for a table's rules written as ``|`` (see the module's note):
    in a line with at least ``MIN_RULES`` of them, or one right after the label opening the line
    (``缺席人员及原因一在广东务工…``)."""
    out = []
    for line in text.split("\n"):
        at = [
            m.start()
            for m in _YI.finditer(line)
            if _beside_label(line, m.start(), labels) and not _YI_WORD.match(line, m.start())
        ]
        opening = len(at) == 1 and line[: at[0]].strip() in labels
        if len(at) < MIN_RULES and not opening:
            out.append(line)
            continue
        chars = list(line)
        for i in at:
            chars[i] = "|"
            if line[i + 1 : i + 2] == "一" and not _YI_WORD.match(line, i + 1):
                chars[i + 1] = "|"  # 缺席人员及原因一一王涛: a dash read as 一一, both halves the rule
        out.append("".join(chars))
    return "\n".join(out)


def _beside_label(line: str, i: int, labels: Collection[str]) -> bool:
    before = _WORD_BEFORE.search(line[:i])
    after = _WORD_AFTER.match(line[i + 1 :])
    ends_label = before is not None and any(before.group().endswith(label) for label in labels)
    opens_label = after is not None and any(after.group().startswith(label) for label in labels)
    return ends_label or opens_label
