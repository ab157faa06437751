"""Reasons written as marks or codes with a legend, spelled out before the absentee readers run.

Registers and 记录簿 pages write an absentee's reason as a mark, a code or one character and explain
them once, in a legend line or a bracket:

    注：√到会　○病假　△公差　☆事假              marks, each followed by its meaning
    出勤（√到　○病假　△公差）                    the same inside a bracket after a label
    缺席:甲①、乙③;①病假 ②事假 ③公出            numbered codes, the legend on the same line
    （注：病＝病假，事＝事假） / 公—公出          a character, a letter or a number, a sign, its meaning

``decoded`` returns the lines with every mark or code that stands after a name (glued to it, in its
own cell, after a dash or in brackets) replaced by its meaning in brackets: 乙③ -> 乙(公出),
丙　病 -> 丙　(病假). The legend's own entries stay as written; marks the legend does not
define read as ``(？)``, no reason (甲◇ with no ◇ in the legend); codes that open a sentence
(①甲领誓: an item's number) stay. Marks of presence (√到会) are left to the tick readers.
"""

from __future__ import annotations

import dataclasses
import re

from core.models import Absentee
from extractors.layout.lines import Line
from extractors.text.normalize import normalize

TICKS = "√✓✔☑"  # the ticks of present (the tick readers' and a table's too, ``attendance._marked_rows``)
MARK_SYMBOLS = "○◯●△▲☆★◇◆□■※◎"  # the marks a legend defines
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_MEANING = r"[\u4e00-\u9fff][\u4e00-\u9fff\d～~]{0,19}?(?:[(（][\u4e00-\u9fff\d]{1,12}[)）])?"
_END = r"(?=[\s,，、;；。)）]|$)"
# an entry of marks, no sign needed: ○病假 / ①病假 / ×缺席 (and √到会, which the tick readers keep,
# beside the others: （√到会　△公差）)
_MARK_ENTRY = rf"(?P<mark>[{MARK_SYMBOLS}{_CIRCLED}×{TICKS}])\s*(?P<mm>{_MEANING}){_END}"
# an entry with a sign between: 病＝病假 / 公—公出 / A=病假 / (1)病假 is no entry without its sign
# (a code stands alone: 李者收——在昆明 is a name and its reason, 主持:支部书记 a form's label)
_SIGN_ENTRY = (
    rf"(?<![\u4e00-\u9fffA-Za-z\d])(?P<code>[A-Za-z]|\(?\d{{1,2}}\)?|[\u4e00-\u9fff]|[{MARK_SYMBOLS}{_CIRCLED}×])"
    rf"\s*[=＝—\-－–]\s*(?P<cm>{_MEANING}){_END}"
)
_ENTRY = re.compile(rf"{_MARK_ENTRY}|{_SIGN_ENTRY}")
_GAP = re.compile(r"^[\s,，、;；]*$")
# what a legend line may open with when it holds one entry only (注:○病假)
_LEGEND_LEAD = re.compile(r"(?:注|图例|代码|说明|简写|符号)[^:：]{0,8}[:：]\s*$")
# meanings that say the member came: those marks are the tick readers'
_PRESENT = re.compile(r"^(?:已|已经)?(?:到会?|出席|参加|参会|在场|到场|实到|签到|签)$")
UNDEFINED = "(？)"  # what a mark the legend leaves undefined reads as (leave_words: no reason)
MAX_CODE_GAP = 8  # spaces a code may stand after a name in its own cell


def legend(lines: list[Line]) -> dict[str, str]:
    """The codes the record's legend lines define, each with its meaning (the first definition wins)."""
    out: dict[str, str] = {}
    for line in lines:
        for code, meaning in _entries(line.text):
            if code not in TICKS:  # (a tick's meaning is the tick readers' to know)
                out.setdefault(code, meaning)
    return out


def decoded(lines: list[Line]) -> list[Line]:
    """``lines`` with every code standing after a name replaced by its meaning (see the module's note)."""
    codes = {c: m for c, m in legend(lines).items() if not _PRESENT.match(m)}
    if not codes:
        return lines
    pattern = _after_names(codes)
    return [_decoded_line(line, codes, pattern) for line in lines]


def _legend_matches(text: str) -> list[re.Match[str]]:
    """The legend entries of ``text``: a run of two or more entries apart only by spaces or
    separators, or one entry after a legend's lead (注:)."""
    runs: list[list[re.Match[str]]] = []
    for m in _ENTRY.finditer(text):
        if runs and _GAP.match(text[runs[-1][-1].end() : m.start()]):
            runs[-1].append(m)
        else:
            runs.append([m])
    return [m for run in runs if len(run) >= 2 or _LEGEND_LEAD.search(text[: run[0].start()]) for m in run]


# a note on the meaning, in brackets after it: □请假（原因见备注） means 请假
_MEANING_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])[(（][^（()）]*[)）]$")


def _entries(text: str) -> list[tuple[str, str]]:
    return [
        ((m["mark"] or m["code"]).strip("()"), _MEANING_NOTE.sub("", (m["mm"] or m["cm"]).strip()))
        for m in _legend_matches(text)
    ]


def _alternatives(codes: dict[str, str]) -> str:
    return "|".join(re.escape(k) for k in sorted(codes, key=lambda k: (-len(k), k)))


def _after_names(codes: dict[str, str]) -> re.Pattern[str]:
    """After a name: a mark glued to it or after a dash (甲①, 甲-A), any code in brackets (甲(○), 甲(病)),
    a mark the legend leaves undefined, or any code in a cell of its own (甲　病)."""
    every = _alternatives(codes)
    marks = _alternatives({c: m for c, m in codes.items() if not re.fullmatch(r"[\u4e00-\u9fff]", c)})
    glued = rf"(?<=[\u4e00-\u9fff])(?P<glued>[-—–]?(?:{marks}))(?![\u4e00-\u9fffA-Za-z\d])|" if marks else ""
    return re.compile(
        rf"{glued}(?<=[\u4e00-\u9fff])[(（](?P<bracketed>{every})[)）]"
        rf"|(?<=[\u4e00-\u9fff])(?P<undefined>[{MARK_SYMBOLS}{_CIRCLED}×])(?![\u4e00-\u9fffA-Za-z\d])"
        rf"|(?<=[\u4e00-\u9fff])(?P<gap>[ \t\u3000]{{1,{MAX_CODE_GAP}}})(?P<cell>{every})(?=[ \t\u3000,，、;；。]|$)"
    )


def _decoded_line(line: Line, codes: dict[str, str], pattern: re.Pattern[str]) -> Line:
    text = line.text
    spans = [(m.start(), m.end()) for m in _legend_matches(text)]  # the legend's own entries stay

    def replace(m: re.Match[str]) -> str:
        if any(a <= m.start() < b for a, b in spans):
            return m.group()
        if m["undefined"] is not None:
            return UNDEFINED  # a mark the legend does not define: no reason the reader can give
        if m["gap"] is not None:
            return f"{m['gap']}({codes[m['cell']]})"
        code = (m.groupdict().get("glued") or m["bracketed"] or "").lstrip("-—–")
        return f"({codes[code]})" if code in codes else m.group()

    new = pattern.sub(replace, text)
    return line if new == text else dataclasses.replace(line, text=new, norm=normalize(new))


def as_written(found: list[Absentee], spelled: list[Line], lines: list[Line]) -> list[Absentee]:
    """``found`` (read from ``spelled``, the ``decoded`` lines) quoting the lines as written."""
    written = {s.text: ln.text for s, ln in zip(spelled, lines, strict=True) if s.text != ln.text}
    if not written:
        return found
    return [
        Absentee(
            a.name, a.reason, [dataclasses.replace(e, text=written.get(e.text, e.text)) for e in a.evidence]
        )
        for a in found
    ]
