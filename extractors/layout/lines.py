"""Text to logical lines: sentences of body text and label/value pairs of form tables.

Field extraction works on :class:`Line` only, whatever the format: a docx
paragraph, a PDF text line, a form cell pair or (with OCR) a line read from a
photo. A form such as the 《党支部工作记录簿》 page has label cells
(``主持人``) whose value is the cell to the right, or below when the label is
the last cell of its row; each pair becomes one line ``主持人:李光振`` so the
same patterns read prose and forms. A record dictated into a phone has its pauses read as
marks first (``spoken.py``). Photographed pages: ``ocr_page.py``; a whole
document: ``document.py``.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass

from core.models import Table, TextSpan
from extractors.layout.csv_rows import as_bars, sheet_cells
from extractors.layout.markdown import marks_off
from extractors.layout.ruled import rules_as_bars
from extractors.layout.spaced import gaps_before_labels, label_spaces_as_colons
from extractors.layout.spoken import pauses_as_marks
from extractors.text.normalize import (
    edit_distance,
    fix_ocr,
    fix_typed_digits,
    normalize,
    normalize_ocr,
    shape_slip,
)

# marks that open a list item or a paragraph, no part of what follows (▶ 地点: / ※ 请假:), as a
# regular-expression character class's body
BULLET_MARKS = "•·*▪◦▶►▷➤→●○■□◆◇★☆※◎✦❖"
# emoji and pictographs used as bullets in posts typed on phones (✅ 📅 📍 👥 ▶️), as a character class body
EMOJI_MARKS = "\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff\ufe0f"
_SENTENCE = re.compile(
    r"[^。；;！!？?\n]+[。；;！!？?]?[”’」』]?"
)  # (a closing quote stays with its sentence)

# Label cells of record-book forms (normalised, without the trailing colon).
FORM_LABELS = frozenset(
    [
        "时间",
        "会议时间",
        "活动时间",
        "日期",
        "会议日期",
        "地点",
        "会议地点",
        "活动地点",
        "主持人",
        "主持",
        "会议主持",
        "会议主持人",
        "活动主持人",
        "记录人",
        "记录",
        "记录员",
        "领誓人",
        "领学人",
        "学习内容",
        "学习材料",
        "应到人数",
        "应到",
        "应到党员",
        "应参会人数",
        "应到会人数",
        "实到人数",
        "实到",
        "实到党员",
        "参会人数",
        "出席人数",
        "到会人数",
        "缺席人数",
        "请假人数",
        "缺席人员及原因",
        "缺席人员",
        "缺席人",
        "请假人员",
        "请假人",
        "参会人",
        "缺席党员及原因",
        "缺席人员及事由",
        "缺席党员",
        "请假人员及原因",
        "参会人员",
        "出席人员",
        "参加人员",
        "参会党员",
        "会议主题",
        "主题",
        "会议名称",
        "会议类型",
        "活动主题",
        "会议议题",
        "主讲人",
        "党课题目",
        "列席人员",
        "列席",
        "缺席情况",
        "请假情况",
        "出席情况",
        "参会情况",
        "到会情况",
        "出勤情况",
    ]
)
# the labels a row of a ruled form may hold (``rules_as_bars``): the forms' and a bare 缺席
RULED_LABELS = FORM_LABELS | {"缺席"}
# the role labels of a typed row of pairs (主持：X　领誓：Y　记录：Z): a gap before one ends the pair
# before it (``gaps_before_labels``); 领誓 and 领学 are no labels when a space follows them (由X 领学 然后)
ROW_LABELS = frozenset({"主持", "主持人", "领誓", "领誓人", "领学", "领学人", "记录", "记录人", "记录员"})


@dataclass(frozen=True)
class Line:
    text: str  # the sentence as written (quoted as evidence)
    norm: str  # normalised for matching
    span: TextSpan
    label: str | None = None  # the form label when this line is a label/value pair
    cells: tuple[str, ...] | None = None  # a comma-separated sheet's row: its cells as written


def sentences(span: TextSpan, sheet_columns: int = 0) -> list[Line]:
    """The sentences of a span; OCR text is repaired first (``fix_ocr``) and quoted as read. A
    row of a comma-separated sheet (``sheet_columns`` > 0) has its commas read as a table's bars."""
    ocr = span.via == "ocr"
    # a table pasted as text keeps its cells apart by tabs: read them as the bars of a table row
    fixed = (
        fix_label_separator(fix_ocr(span.text))
        if ocr
        else fix_typed_labels(
            fix_typed_digits(
                gaps_before_labels(
                    pauses_as_marks(
                        label_spaces_as_colons(
                            marks_off(as_bars(span.text, sheet_columns).replace("\t", "|")), FORM_LABELS
                        )
                    ),
                    ROW_LABELS,
                )
            )
        )
    )
    fixed, cut = _stops_as_meant(name_dots(rules_as_bars(fixed, RULED_LABELS)))
    out = []
    for m in _SENTENCE.finditer(cut):
        text = span.text[m.start() : m.end()].strip()  # fix_ocr keeps offsets: quote what was read
        raw = fixed[m.start() : m.end()]
        norm = cells_as_pairs(normalize_ocr(raw) if ocr else normalize(raw))
        if norm:
            out.append(_ocr_line(text, norm, span) if ocr else Line(text, norm, span))
    if sheet_columns and len(out) == 1:  # a sheet's row: its cells as the sheet writes them
        out[0] = dataclasses.replace(out[0], cells=tuple(sheet_cells(out[0].text, sheet_columns)))
    return out


# a half-width full stop ending a Chinese sentence (…主题党日.主持:… / …实到29.), not a decimal point or ordinal:
# a full stop, character for character
_HALF_STOP = re.compile(r"(?<=[\u4e00-\u9fff)）」”\"])\.(?=[\u4e00-\u9fff]|\s|$)|(?<=\d)\.(?=[ \t]*(?:\n|$))")
# a semicolon between the items of a bracket (请假4(甲 外地探亲;乙 住院)) ends no sentence
_BRACKET = re.compile(r"[(（][^()（）\n]{1,160}[)）]")


# characters of the Uyghur and Kazakh names as transcribed (阿依古丽, 叶尔波拉提, 努尔江, 哈布都力 …)
TRANSCRIBED_CHARS = (
    "阿艾爱安奥巴拜贝比别波布达丹迪都杜多尔厄法甫尕古哈海汗合赫胡吉加江杰卡喀克肯库拉莱兰勒力丽利鲁玛买曼米"
    "明木穆娜纳尼努帕普齐其恰热日如萨塞赛沙斯苏索塔坦特提图吐托瓦旺乌吾西希夏肖谢亚耶叶伊依尤玉扎孜卓则祖"
    "吾麦孜热汗妮娅莎萨姆尔列罕洪逊森兹马来守伦再乃司义觉赤凯迪嘎措晋烈那旦地肉班"
)
# a transcribed name's parts joined by a typed stop or dash: 叶尔波拉提.哈布都力 / 努尔江-赛力克
_NAME_JOINT = re.compile(rf"(?<=[{TRANSCRIBED_CHARS}]{{2}})[.\-－‐](?=[{TRANSCRIBED_CHARS}]{{2}})")


def name_dots(text: str) -> str:
    """The stop or dash between the parts of a transcribed name as its middle dot, character for
    character."""
    return _NAME_JOINT.sub("·", text)


# the parts of a transcribed name typed with a full stop for its dot: 、阿依古丽.买买提、
_DOTTED_NAME = re.compile(
    r"(?:^|[^\u4e00-\u9fff])[\u4e00-\u9fff]{1,6}\.[\u4e00-\u9fff]{1,8}(?=[、,，;；\s(（)）]|$)"
)


def _stops_as_meant(text: str) -> tuple[str, str]:
    """``text`` with its half-width full stops as ``。`` (not inside brackets or names), and the same
    text to cut into sentences, the semicolons inside brackets masked; both character for character
    (a sentence keeps its semicolons)."""
    brackets = [m.span() for m in _BRACKET.finditer(text)]
    kept = brackets + [m.span() for m in _DOTTED_NAME.finditer(text)]
    text = _HALF_STOP.sub(lambda m: m.group() if any(a < m.start() < b for a, b in kept) else "。", text)
    cut = list(text)
    for a, b in brackets:
        cut[a:b] = re.sub("[;；]", "，", text[a:b])
    return text, "".join(cut)


# the bars between a table's cells as typed, pasted or read by OCR from the table's rules
CELL_BARS = "|｜丨┃│║"
_CELL_BAR = re.compile(f"[{CELL_BARS}]")
# the cells of a table row pasted as text: bars, tabs, runs of spaces, a full-width space
TABLE_CELL_GAP = re.compile(rf"\s*[{CELL_BARS}\t]\s*|[ \u3000]{{2,}}|\u3000")
_LABEL_CELL = re.compile(r"[\u4e00-\u9fff]{1,8}")


def cells_as_pairs(norm: str) -> str:
    """A table row copied as text (``主持人|张三|记录人|李四``, a platform export's ``项目|内容``
    lines): a label cell and its value joined by ``:``, one pair from the next by ``;``."""
    cells = _CELL_BAR.split(norm)
    if len(cells) < 2:
        return norm
    out, value_next = cells[0], False
    for prev, cell in itertools.pairwise(cells):
        label = not value_next and _LABEL_CELL.fullmatch(prev) is not None
        out += (":" if label else ";") + cell
        value_next = label
    return out


def is_label(text: str) -> bool:
    return normalize(text).rstrip(":") in FORM_LABELS


LABEL_SEPARATORS = ":：;；.。,，"
MAX_LABEL_CHARS = 8


# a role's word read whole: no slip to be fixed (会议主持 is not 会议主题 misread)
_ROLE_WORDS = re.compile(r"主持|领誓|领学|记录")


def match_label(text: str) -> str | None:
    """The form label ``text`` reads as: exact, or (three or more characters) one OCR slip away
    from exactly one label, or, where several are that near, from the one whose character it
    resembles in shape (``宝到人数``: 实到人数, not 应到人数)."""
    t = normalize_ocr(text).rstrip(LABEL_SEPARATORS)
    if t in FORM_LABELS:
        return t
    if not 3 <= len(t) <= MAX_LABEL_CHARS:
        return None
    near = {label for label in FORM_LABELS if len(label) >= 3 and edit_distance(t, label, 1) <= 1}
    near = {label for label in near if all(word in label for word in _ROLE_WORDS.findall(t))}
    if len(near) > 1:  # 主特人: as near 主讲人, but 特 looks like 持
        near = set(_shape_alike(t))
    return near.pop() if len(near) == 1 else None


def _label_prefix(text: str) -> tuple[str, int] | None:
    """(label, index of its separator) when ``text`` starts with ``label：`` (separator misread or not)."""
    for i, ch in enumerate(text[: MAX_LABEL_CHARS + 1]):
        if ch in LABEL_SEPARATORS:
            label = match_label(text[:i]) if i >= 2 else None
            return (label, i) if label else None
    return None


def starts_with_label(text: str) -> bool:
    """Whether OCR text opens with a form label and its separator (``会议地点：…``, ``主持入；…``)."""
    return _label_prefix(normalize_ocr(text)) is not None


# a form label and its colon in typed text: at the line's start or after a cell's gap
_TYPED_LABEL = re.compile(r"(?:^|(?<=[\s|;；]))(?P<label>[\u4e00-\u9fff]{3,8})(?=[:：])")


# a platform's field name in lenticular brackets before its value: 【主持人】戚永年 / 【应到人数】17
_BRACKETED_LABEL = re.compile(r"(?:^|(?<=\s))【(?P<label>[\u4e00-\u9fff]{2,8})】(?=[^\s【])")


# a count's label with its unit in brackets: 应到人数（人）：21 / 实到人数(人) on a line of its own
_LABEL_UNIT = re.compile(
    r"(?P<label>[\u4e00-\u9fff]{2,8})(?P<unit>[（(](?:人|名|位|个)[)）])(?=\s*(?:[:：]|$))"
)


def fix_typed_labels(text: str) -> str:
    """A platform's bracketed field name written as a label and its colon (``【主持人】戚永年``: `` 主持人：
    戚永年``), a count's label with its unit in brackets (``应到人数（人）``: the label), and a form label
    OCR misread in text pasted from it (``主特人：戚海鹰``) as the one label it resembles by the shape
    of one character; character for character."""
    text = _BRACKETED_LABEL.sub(lambda m: f" {m['label']}：", text)
    text = _LABEL_UNIT.sub(_unit_dropped, text)
    return _TYPED_LABEL.sub(lambda m: _shape_label(m["label"]), text)


_COUNT_LABEL = re.compile(r"(?:应|实)(?:到|出席|参会|参加)|缺席|请假|出席|参会|到会")


def _unit_dropped(m: re.Match[str]) -> str:
    label = m["label"] in FORM_LABELS or _COUNT_LABEL.match(m["label"]) is not None
    return m["label"] + " " * len(m["unit"]) if label else m.group()


def _shape_label(word: str) -> str:
    alike = [] if word in FORM_LABELS else _shape_alike(word)
    return alike[0] if len(alike) == 1 else word


def _shape_alike(word: str) -> list[str]:
    """The form labels ``word`` is one character of like shape away from."""
    return [label for label in FORM_LABELS if shape_slip(word, label)]


def fix_label_separator(text: str) -> str:
    """``主持人；李光振`` (：read as ；) -> ``主持人：李光振``, so the sentence is not cut at the label."""
    found = _label_prefix(text)
    if found is None or text[found[1]] in ":：":
        return text
    return text[: found[1]] + "：" + text[found[1] + 1 :]


def _ocr_line(text: str, norm: str, span: TextSpan) -> Line:
    """An OCR sentence; a label misread by one character is written as the label (主持入: -> 主持人:)."""
    found = _label_prefix(norm)
    if found is None:
        return Line(text, norm, span)
    label, end = found
    return Line(text, f"{label}:{norm[end + 1 :]}", span, label=label)


def table_lines(table: Table) -> list[Line]:
    """Label/value pairs as ``label:value`` lines; other cells as their sentences."""
    used: set[int] = set()
    out: list[Line] = []
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            if id(cell) in used or not cell.text:
                continue
            if is_label(cell.text):
                value = _value_of(table, r, c)
                if value is not None:
                    used.add(id(value))
                    out.append(_pair(cell, value))
                continue
            out.extend(sentences(cell))
    return out


def _value_of(table: Table, r: int, c: int) -> TextSpan | None:
    row = table.rows[r]
    if c + 1 < len(row) and not is_label(row[c + 1].text):
        return row[c + 1]
    if r + 1 < len(table.rows) and c < len(table.rows[r + 1]):
        below = table.rows[r + 1][c]
        if not is_label(below.text):
            return below
    return None


def _pair(label: TextSpan, value: TextSpan) -> Line:
    name = normalize(label.text).rstrip(":")
    text = f"{label.text.rstrip('：:')}：{value.text}"
    return Line(text, f"{name}:{normalize(value.text)}", value, label=name)
