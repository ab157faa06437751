"""A whole document to lines: text-layer pages by their text, OCR pages by their geometry.

A PDF text layer gives one span per *visual* line, so a sentence that wraps at the right
margin arrives in two spans (``…《中国共产党支部工作条例（试行）`` / ``》（第1-3章）。``).
Before cutting sentences, a span that runs to the right edge of the page's text block and
does not end a sentence is joined with the span right below it (``joined_wraps``); so is a centred
title that fills the block and goes on in a centred line below (``centred_wrap``).

A Word file has no geometry, but some are hard-wrapped all the same: a page's text pasted from a
phone's OCR, or a record book typed line by line, has a paragraph per visual line. When a document
shows that (``MIN_WRAPS`` paragraphs that stop mid-sentence before a line that goes on with it),
those paragraphs are joined with the next (``joined_paragraphs``).
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from core.models import BBox, Document, Origin, Page, TextSpan
from extractors.layout.csv_rows import sheet_columns
from extractors.layout.lines import (
    BULLET_MARKS,
    EMOJI_MARKS,
    RULED_LABELS,
    TABLE_CELL_GAP,
    Line,
    is_label,
    sentences,
    table_lines,
)
from extractors.layout.ocr_page import is_ocr_page, ocr_page_lines
from extractors.layout.ruled import rules_as_bars
from extractors.layout.slashed import slashes_as_bars

SENTENCE_ENDS = "。；;！!？?：:"
WRAP_EDGE_LINES = 2.0  # a wrapped line ends within this many line heights of the block's right edge
WRAP_GAP_LINES = 1.2  # and the next line starts within this many line heights below it
SAME_SIZE_SHARE = (
    0.15  # two lines are in the same size of type when their heights differ by at most this share
)
MIN_BLOCK_SHARE = 0.5  # the block is a text column: at least half the page wide
MIN_WRAPS = 3  # a document without geometry is hard-wrapped when this many paragraphs run on (a title and a byline are two)
MIN_WRAPPED_CHARS = 12  # a paragraph cut at a line end holds at least this many characters


def document_lines(doc: Document) -> list[Line]:
    """Body sentences then form pairs, page by page, in reading order (OCR pages: by geometry)."""
    lines: list[Line] = []
    for page in doc.pages:
        if is_ocr_page(page):
            lines.extend(ocr_page_lines(page))
            continue
        spans = joined_paragraphs(_slashed(without_page_chrome(joined_wraps(page))))
        for span, columns in zip(spans, sheet_columns([s.text for s in spans]), strict=True):
            lines.extend(sentences(span, columns))
        for table in page.tables:
            lines.extend(table_lines(table))
    return lines


def _slashed(spans: list[TextSpan]) -> list[TextSpan]:
    """The spans with each table typed with slashes (姓名／岗位／事由) written with bars."""
    texts = slashes_as_bars([s.text for s in spans])
    return [s if t == s.text else dataclasses.replace(s, text=t) for s, t in zip(spans, texts, strict=True)]


def joined_wraps(page: Page) -> list[TextSpan]:
    """The page's spans with lines wrapped at the right margin joined to their continuation."""
    spans = page.spans
    boxes = [s.origin.bbox for s in spans]
    if len(spans) < 2 or page.width is None or any(b is None for b in boxes):
        return list(spans)
    left = min(b[0] for b in boxes if b is not None)
    right = max(b[2] for b in boxes if b is not None)
    if right - left < MIN_BLOCK_SHARE * page.width:
        return list(spans)
    out = [spans[0]]
    for span in spans[1:]:
        if _continues(out[-1], span, (left, right)):
            out[-1] = _join(out[-1], span)
        else:
            out.append(span)
    return out


def _continues(prev: TextSpan, nxt: TextSpan, block: tuple[float, float]) -> bool:
    a, b = prev.origin.bbox, nxt.origin.bbox
    if a is None or b is None or prev.via != "text-layer" or nxt.via != "text-layer":
        return False
    return wraps_into(prev.text, a, b, block[1]) or centred_wrap(prev.text, a, b, block)


def centred_wrap(text: str, box: BBox, below: BBox, block: tuple[float, float]) -> bool:
    """Whether a centred line (a long title) wraps into the centred line below it: the line fills
    the block from edge to edge, does not end a sentence, and the next line, right under it in
    the same size of type, is centred on the same axis."""
    height = max(1.0, below[3] - below[1])
    full = box[0] <= block[0] + WRAP_EDGE_LINES * height and box[2] >= block[1] - WRAP_EDGE_LINES * height
    same_size = abs((box[3] - box[1]) - height) <= SAME_SIZE_SHARE * height
    centred = abs((box[0] + box[2]) - (below[0] + below[2])) / 2 <= height
    under = 0 <= below[1] - box[3] <= WRAP_GAP_LINES * height
    return full and same_size and centred and under and not text.rstrip().endswith(tuple(SENTENCE_ENDS))


def wraps_into(text: str, box: BBox, below: BBox, right: float) -> bool:
    """Whether the visual line ``text`` (at ``box``) wraps into the line at ``below``: it ends
    within two line heights of the block's ``right`` edge, does not end a sentence, and the
    next line starts right under it, not indented further."""
    height = max(1.0, below[3] - below[1])
    at_edge = box[2] >= right - WRAP_EDGE_LINES * height
    under = 0 <= below[1] - box[3] <= WRAP_GAP_LINES * height and below[0] <= box[0] + height
    return at_edge and under and not text.rstrip().endswith(tuple(SENTENCE_ENDS))


# what opens a new paragraph, not the rest of the one above: an item number or bullet, a label
# and its colon, a date, a caption mark
_LABEL = r"[\u4e00-\u9fff]{1,8}\s*[:：]"  # a form label and its colon: 参会人员:
_OPENS = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*[、.．)）](?!\d)|[①-⑳]"
    rf"|[▲△\-—#【➢♦⊙✔✓√☑{BULLET_MARKS}{EMOJI_MARKS}]|{_LABEL}"
    r"|[\u4e00-\u9fff](?:[\s\u3000]+[\u4e00-\u9fff]){1,5}\s*[:：]|\d{2,4}\s*[年.\-/]|\d{1,2}月|[二〇零一]{4}年|图\s*\d"
    r"|\[\s*\d|\d{1,2}:\d{2}"  # a chat message's head: [2023年4月20日 12:41] / 12:41 胡建业:
    r"|\d{1,3}[ \u3000]+[\u4e00-\u9fff]{2,4}[ \u3000]+\S)"  # a numbered row of a sheet apart by spaces: 3 晁志钧 巡线一班 √
)
_ENDS = (*SENTENCE_ENDS, ".", "…", "”", "’", "」", "』", "）", ")")


_LABELLED = re.compile(rf"^{_LABEL}")
# an item that opens with a name or a short head and a dash (汪小满——在镇上守菜摊): a row of a list
_DASHED_ITEM = re.compile(r"^\s*[\u4e00-\u9fff][\u4e00-\u9fff、·]{1,11}?(?:——|—|－－|--)(?=[\u4e00-\u9fff])")
_GOES_ON = ("、", "，", ",", "（", "(", "“", "《", "和", "及", "与")
# two rows of a list, each a name or names, a space and what follows (冉秀兰 在镇上陪孙子读书 / 包有财 住院)
# (one gap only: 会议室 主持人 支部书记褚 / 立新 领誓人 … are a form's cells cut at the line's end)
_LIST_ROW = re.compile(r"^[\u4e00-\u9fff·]{2,5}(?:、[\u4e00-\u9fff·]{2,5})*[ \u3000]+[\u4e00-\u9fff]\S*$")


def _runs_on(prev: TextSpan, nxt: TextSpan) -> bool:
    """A paragraph without geometry that stops mid-sentence and the next goes on with it (a form
    field's value, ``参会人员:A、B`` before ``应到9人``, only when it stops on a 、 or a comma)."""
    text, after = prev.text.strip(), nxt.text.strip()
    return (
        prev.origin.bbox is None
        and (
            not _LABELLED.match(text)
            or text.endswith(_GOES_ON)
            or _bracket_open(text)
            or _numbers_go_on(text, after)
        )
        and nxt.origin.bbox is None
        and len(text) >= MIN_WRAPPED_CHARS
        and bool(after)
        and not text.endswith(_ENDS)
        and not _OPENS.match(after)
        and not _opens_with_label(after)
        and not _DASHED_ITEM.match(after)
        and not text.startswith(("▲", "△", "图", "↑"))
        # table rows copied as text stay rows, unless the row stops on a 、 or a comma
        and (
            text.endswith(_GOES_ON)
            or not TABLE_CELL_GAP.search(rules_as_bars(text + "\n" + after, RULED_LABELS))
        )
    )


# a page's number and the running head of the next page, typed or OCR'd into the text of a record
# that runs over two pages (…任宝贵 在县城开货车 / 第 17 页 / 党支部工作记录簿 / 5.吴桂香 …)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|[-—]\s*\d{1,3}\s*[-—])\s*$"
)
_RUNNING_HEAD = re.compile(r"^\s*[\u4e00-\u9fff]{0,16}工作记录(?:簿|本)\s*$")
# the running head and the page number on one line, either way round (党支部工作记录簿    第 15 页)
_HEAD_AND_NUMBER = re.compile(
    r"^\s*(?:[\u4e00-\u9fff]{0,16}工作记录(?:簿|本)\s*第\s*\d{1,3}\s*页|第\s*\d{1,3}\s*页\s*[\u4e00-\u9fff]{0,16}工作记录(?:簿|本))\s*$"
)


def without_page_chrome(spans: list[TextSpan]) -> list[TextSpan]:
    """``spans`` without page numbers and the running head right after one: the text either side of
    a page break reads on."""
    out: list[TextSpan] = []
    after_number = False
    for span in spans:
        number = _PAGE_NUMBER.match(span.text) is not None
        both = _HEAD_AND_NUMBER.match(span.text) is not None and bool(out)  # (not the first page's head)
        if not number and not both and not (after_number and _RUNNING_HEAD.match(span.text)):
            out.append(span)
        after_number = number
    return out


def _opens_with_label(text: str) -> bool:
    """A form's label without its colon opens the line (缺席人员及原因 / 主持人 张三)."""
    return is_label(re.split(r"[\s\u3000]+", text, maxsplit=1)[0])


_INLINE_NUMBER = re.compile(r"(?:^|(?<=[\s\u3000:：\u4e00-\u9fff]))(\d{1,2})[.、](?=\s*[\u4e00-\u9fff])")


def _numbers_go_on(text: str, after: str) -> bool:
    """Items numbered inside a line, cut at its end: the next line holds the next number
    (缺席人员及原因：1.詹国栋 锅炉房当 / 班 2.吉秀芳 病假 …)."""
    numbers = [int(m[1]) for m in _INLINE_NUMBER.finditer(text)]
    following = [int(m[1]) for m in _INLINE_NUMBER.finditer(after)]
    return bool(numbers and following) and not _INLINE_NUMBER.match(after) and following[0] == numbers[-1] + 1


def _bracket_open(text: str) -> bool:
    """A bracket opened and not closed: the line was cut inside it (卜玉成（在宁波 / 务工）)."""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def joined_paragraphs(spans: list[TextSpan]) -> list[TextSpan]:
    """Paragraphs cut at visual line ends joined again, when the document is hard-wrapped (the rows
    of a comma-separated sheet stay rows)."""
    rows = itertools.pairwise(sheet_columns([s.text for s in spans]))
    runs = [_runs_on(a, b) and not any(r) for (a, b), r in zip(itertools.pairwise(spans), rows, strict=True)]
    if sum(runs) < MIN_WRAPS:
        return spans
    runs = [
        run and not _list_rows(a.text, b.text)
        for run, (a, b) in zip(runs, itertools.pairwise(spans), strict=True)
    ]
    out = [spans[0]] if spans else []
    for run, span in zip(runs, spans[1:], strict=True):
        if run:
            prev = out[-1]
            out[-1] = TextSpan(
                prev.text.rstrip() + span.text.strip(),
                prev.origin,
                min(prev.confidence, span.confidence),
                prev.via,
            )
        else:
            out.append(span)
    return out


def _list_rows(text: str, after: str) -> bool:
    """Two rows of a list, each a name or names, a space and what follows (冉秀兰 在镇上陪孙子读书 /
    包有财 住院): a hard-wrapped document's line that ends short of the width is no wrap there."""
    return _LIST_ROW.match(text.strip()) is not None and _LIST_ROW.match(after.strip()) is not None


def _join(prev: TextSpan, nxt: TextSpan) -> TextSpan:
    a, b = prev.origin.bbox, nxt.origin.bbox
    assert a is not None and b is not None
    box = (min(a[0], b[0]), a[1], max(a[2], b[2]), b[3])
    origin: Origin = dataclasses.replace(prev.origin, bbox=box)
    return TextSpan(
        prev.text.rstrip() + nxt.text.lstrip(), origin, min(prev.confidence, nxt.confidence), prev.via
    )
