"""Markdown's marks in text typed or pasted as Markdown, taken off character for character.

Records polished by an AI writing assistant, or typed in a Markdown editor, reach the platform with
their marks: ``### 会议内容`` headings, ``**主持人**：张三`` bold labels, ``- `` / ``* `` / ``+ ``
bullets, ``> `` quotes, ``---`` rules and the ``|---|---|`` line under a pipe table's heading row.
None of them is part of what the record says, and a bold label hides the label from every pattern
(``主持人**：``). :func:`marks_off` turns each mark into spaces (which normalisation drops), so a
line keeps its length and offsets into the original still quote what was written. The pipes of a
table's rows stay: they are its cells (``lines.cells_as_pairs``, ``attendance``). Struck words
(``~~15~~``) stay too: ``normalize.uncorrected`` reads them as corrections.
"""

from __future__ import annotations

import re

# a heading's hashes at the start of a line, before a space (#主题党日# is a topic, not a heading)
_HEADING = re.compile(r"^[ \t]*#{1,6}(?=[ \t])", re.M)
# bold or underlined words: the marks either side of words that do not start or end with a space
_STRONG = re.compile(r"(\*\*|__)(?=\S)(?P<words>[^\n]*?\S)\1")
# a quote's mark, or a bullet's (-, *, +) before a space, at the start of a line
_LINE_MARK = re.compile(r"^[ \t]*(?:>[ \t]?|[-*+](?=[ \t]))", re.M)
# a rule (---, ***, ___) or a table's heading rule (|---|:---:|) on a line of its own
_RULE = re.compile(
    r"^[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}"
    r"|\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)+\|?)[ \t]*$",
    re.M,
)
# a value an AI assistant left in its square brackets for the writer to check, after a label's colon
# (主持人：[支部书记 甲]; not a note's own label, [页边批注] 甲…): the brackets go, the value stays; a placeholder never filled in ([待填写], [姓名], [此处填写领学人]) stays
# as it is, a value that names nobody
_FILLED = re.compile(r"(?<=[:：])(?P<pad>[ \t*]*)\[(?P<words>[^\[\]\n]{1,60})\](?!\()")
_PLACEHOLDER = re.compile(
    r"填写|待填|待补|待定|待确认|姓名|名字|XX|xx|某某|…|\.\.\.|请输入|插入|图片|照片|图\d"
)
# code marks around words (`主持人`)
_CODE = re.compile(r"`(?P<words>[^`\n]+)`")
_ANY_MARK = re.compile(r"[#*_>`+|\[-]")  # one cheap look first: most paragraphs hold none


def marks_off(text: str) -> str:
    """``text`` with Markdown's marks as spaces, character for character."""
    if _ANY_MARK.search(text) is None:
        return text
    text = _RULE.sub(_blank, text)
    text = _HEADING.sub(_blank, text)
    text = _LINE_MARK.sub(_blank, text)
    text = _STRONG.sub(lambda m: _spaced(m, len(m.group(1))), text)
    text = _FILLED.sub(lambda m: m.group() if _PLACEHOLDER.search(m["words"]) else _unbracketed(m), text)
    return _CODE.sub(lambda m: _spaced(m, 1), text)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _unbracketed(m: re.Match[str]) -> str:
    return m["pad"] + " " + m["words"] + " "


def _spaced(m: re.Match[str], mark: int) -> str:
    """The match with its opening and closing marks (``mark`` characters each) as spaces."""
    return " " * mark + m["words"] + " " * mark
