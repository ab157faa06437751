"""A two-column form read one column after the other: its labels, then their values in the same order.

OCR of a photographed 记录簿 page whose fields stand in a two-column table often reads the left column
down before the right one, so that a run of labels alone on their lines (``会议类型 / 会议时间 / 主 持 人 /
记 录 人``) is followed by the run of their values (``主题党日 / 2024年4月16日 / 濮云岫 / 宓澄岚``). The
runs are paired in order, each pair one ``label:value`` line quoting the value, but only when the
values are exactly as many as the labels and none of them is a label or a sentence of its own.

A form typed up from a handwritten page may instead put each label alone on its line with its value on the line
after it (``主持 / 小组长　滕凤翘 / 记录 / 芦春海 / 应到 / 9人``): a run of such alternating pairs, as many as
the labels of a column at least, is paired the same way.
"""

from __future__ import annotations

import itertools
import re

from extractors.layout.lines import Line, match_label

MIN_LABELS = 3  # labels alone on their lines that make a column (two may be a label and a wrapped one)
MAX_VALUE_CHARS = 40  # a cell's value (a date and time, a place, a name, 1人 甲赴…参加学术会议)
_COUNT_WORDS = frozenset({"应到", "实到", "缺席", "请假", "出席"})
_LABELLED = re.compile(r"(?<!\d):|:(?!\d)")  # a colon that is no clock's (14:30 is a value)


def label_columns_as_pairs(lines: list[Line]) -> list[Line]:
    """``lines`` with each run of lone labels and the equally long run of values after it replaced by
    ``label:value`` lines."""
    lone = [_lone_label(line) for line in lines]  # each line judged once
    out: list[Line] = []
    i = 0
    while i < len(lines):
        labels = list(itertools.takewhile(lambda k: lone[k] is not None, range(i, len(lines))))
        values = range(i + len(labels), min(len(lines), i + 2 * len(labels)))
        if (
            len(labels) >= MIN_LABELS
            and len(values) == len(labels)
            and all(_is_value(lines[k], lone[k]) for k in values)
        ):
            out.extend(_pair(lines[k], lone[k] or "", lines[v]) for k, v in zip(labels, values, strict=True))
            i += 2 * len(labels)
            continue
        if len(alternating := _alternating(lines, lone, i)) >= MIN_LABELS:
            out.extend(_pair(lines[k], lone[k] or "", lines[k + 1]) for k in alternating)
            i = alternating[-1] + 2
            continue
        out.append(lines[i])
        i += 1
    return out


def _alternating(lines: list[Line], lone: list[str | None], i: int) -> list[int]:
    """The label lines of the run of label, value, label, value… starting at ``i``."""
    out: list[int] = []
    k = i
    while k + 1 < len(lines) and lone[k] is not None and _is_value(lines[k + 1], lone[k + 1]):
        if k + 2 < len(lines) and _value_goes_on(lines[k + 2], lone[k + 2]):
            break  # 缺席人员及原因 / 甲 出差 / 乙 产假: a value of several lines, no cell
        out.append(k)
        k += 2
    return out


# a section's heading after a form's fields (内容 / 会议议程): no value of the field above it
_SECTION = re.compile(r"^(?:会议|活动|主要)?(?:内容|议程|过程|纪要|议题)$")


def _value_goes_on(line: Line, lone: str | None) -> bool:
    """Whether ``line``, after a label's value, is more of that value: value-like and no section's heading."""
    return _is_value(line, lone) and not _SECTION.match(line.norm.rstrip(":"))


def _lone_label(line: Line) -> str | None:
    """The form label a line holds and nothing else (its colon allowed), else None."""
    norm = line.norm.rstrip(":")
    if line.label is not None or len(norm) > 12:
        return None
    if "/" in norm and all(match_label(part) or part in _COUNT_WORDS for part in norm.split("/")):
        return norm  # 应到/实到: two labels in one cell, its value 20/18
    return match_label(norm) or (norm if norm in _COUNT_WORDS else None)  # (请假 alone: a count's label)


def _is_value(line: Line, lone: str | None) -> bool:
    """A cell's value: no label (``lone``: the label the line holds alone, if any), no colon of a
    label, short, no sentence."""
    norm = line.norm
    return (
        line.label is None
        and lone is None
        and _LABELLED.search(norm) is None
        and len(norm) <= MAX_VALUE_CHARS
        and not norm.endswith("。")
    )


def _pair(line: Line, name: str, value: Line) -> Line:
    return Line(f"{line.text.rstrip('：:')}：{value.text}", f"{name}:{value.norm}", value.span, label=name)
