"""Geometry of OCR'd pages (no OCR engine): skew, label/value pairing, wrapped lines."""

from __future__ import annotations

import math

import numpy as np
import pytest

from core.models import Document, FileKind, Origin, Page, TextSpan
from extractors.layout.document import document_lines
from extractors.layout.lines import match_label
from extractors.layout.ocr_page import estimate_slopes, ocr_page_lines

CHAR = 40  # px per character
HEIGHT = 46  # px per OCR box (PP-OCR boxes are a little taller than the glyphs)


def ocr_span(
    text: str, x: float, y: float, *, angle: float = 0.0, conf: float = 0.98, width: float | None = None
) -> TextSpan:
    """The axis-aligned box PP-OCR reports for ``text`` set at (x, y) on a page turned by ``angle``°."""
    w = width if width is not None else CHAR * len(text)
    corners = np.array([[x, y], [x + w, y], [x + w, y + HEIGHT], [x, y + HEIGHT]], dtype=float)
    a = math.radians(angle)
    turned = corners @ np.array([[math.cos(a), math.sin(a)], [-math.sin(a), math.cos(a)]])
    (x0, y0), (x1, y1) = turned.min(axis=0), turned.max(axis=0)
    return TextSpan(text, Origin("记录.jpg", page=1, bbox=(x0, y0, x1, y1)), confidence=conf, via="ocr")


def form(angle: float = 0.0, presider: str | None = "李光振") -> list[TextSpan]:
    """A 记录簿 header: label | value | label | value rows, then the content box."""
    rows = [
        [("会议时间", 100), ("2022年12月23日 15:00", 330), ("会议地点", 900), ("党员活动室", 1130)],
        [("主持人", 100), *([(presider, 330)] if presider else []), ("记录人", 900), ("王芳", 1130)],
        [("应到人数", 100), ("25", 330), ("实到人数", 900), ("23", 1130)],
        [("缺席人员及原因", 100), ("赵海燕（因公出差）、孙晓东（病假）", 420)],
    ]
    spans = [ocr_span(text, x, 300 + 66 * r, angle=angle) for r, row in enumerate(rows) for text, x in row]
    spans.append(ocr_span("会议内容：", 100, 580, angle=angle))
    return spans


def lines_of(spans: list[TextSpan]) -> list[str]:
    page = Page(1, spans, width=1500, height=2000)
    return [line.norm for line in ocr_page_lines(page)]


@pytest.mark.parametrize("angle", [0.0, 3.0, -3.0])
def test_labels_pair_with_the_value_right_of_them_on_a_tilted_page(angle: float) -> None:
    got = lines_of(form(angle))
    assert "会议时间:2022年12月23日15:00" in got
    assert "会议地点:党员活动室" in got
    assert "主持人:李光振" in got
    assert "记录人:王芳" in got
    assert "应到人数:25" in got and "实到人数:23" in got
    assert "缺席人员及原因:赵海燕(因公出差)、孙晓东(病假)" in got


def test_an_empty_value_cell_pairs_with_nothing() -> None:
    got = lines_of(form(presider=None))
    assert not any(line.startswith("主持人:") for line in got)
    assert "记录人:王芳" in got


def test_pair_evidence_is_the_value_span() -> None:
    spans = form()
    value = next(s for s in spans if s.text == "李光振")
    line = next(ln for ln in ocr_page_lines(Page(1, spans)) if ln.label == "主持人")
    assert line.span is value
    assert line.span.origin.bbox == value.origin.bbox and line.span.confidence == value.confidence
    assert line.text == "主持人：李光振"


def test_value_directly_below_a_label() -> None:
    spans = [
        ocr_span("主持人", 100, 300),
        ocr_span("李光振", 100, 366),
        ocr_span("记录人", 500, 300),
        ocr_span("王芳", 500, 366),
    ]
    assert set(lines_of(spans)) == {"主持人:李光振", "记录人:王芳"}


def test_wrapped_value_cell_is_joined() -> None:
    spans = [
        ocr_span("参会人员", 100, 300),
        ocr_span("李光振、张明、王芳、于洋、", 330, 300),
        ocr_span("王建国、宋佳", 330, 352),
        ocr_span("会议内容：", 100, 430),
    ]
    assert lines_of(spans)[0] == "参会人员:李光振、张明、王芳、于洋、王建国、宋佳"


@pytest.mark.parametrize(
    ("read", "label"),
    [
        ("主持入", "主持人"),
        ("记录人：", "记录人"),
        ("应到人歡", "应到人数"),
        ("缺席人员及原囚", "缺席人员及原因"),
        ("主持人", "主持人"),
    ],
)
def test_labels_allow_one_ocr_slip(read: str, label: str) -> None:
    assert match_label(read) == label


@pytest.mark.parametrize("read", ["宗到人数", "主牲人", "时问", "李光振", "会议由支部书记李光振同志主持"])
def test_ambiguous_or_short_misreads_are_not_labels(read: str) -> None:
    assert (
        match_label(read) is None
    )  # 宗到人数: one slip from 应到人数 and 实到人数, like neither; 主牲人: 主持人 and 主讲人


@pytest.mark.parametrize(("read", "label"), [("宝到人数", "实到人数"), ("主特人", "主持人")])
def test_a_slip_near_two_labels_is_the_one_its_character_looks_like(read: str, label: str) -> None:
    assert match_label(read) == label  # 宝 looks like 实, not 应; 特 like 持, not 讲


@pytest.mark.parametrize("read", ["会议主持", "會議主持"])
def test_a_role_read_whole_is_not_a_slip_of_another_label(read: str) -> None:
    assert match_label(read) == "会议主持"  # one character from 会议主题, but 主持 is read whole


def test_misread_label_pairs_under_its_own_name() -> None:
    spans = [ocr_span("主持入", 100, 300), ocr_span("李光振", 330, 300)]
    assert lines_of(spans) == ["主持人:李光振"]


def test_prose_label_misread_with_semicolon() -> None:
    got = lines_of([ocr_span("主持人；李光振", 100, 300), ocr_span("记录员：王芳", 100, 366)])
    assert got == ["主持人:李光振", "记录员:王芳"]


@pytest.mark.parametrize("angle", [0.0, 2.5, -2.5])
def test_wrapped_prose_lines_are_joined_into_one_sentence(angle: float) -> None:
    spans = [
        ocr_span("会议内容：", 100, 200, angle=angle),
        ocr_span("　　全体党员在宣传委员张明同志带领下面向党旗重温", 100, 280, angle=angle, width=1300),
        ocr_span("入党誓词。", 100, 346, angle=angle),
        ocr_span("　　由组织委员王芳同志领学《党的二十大报告学习辅", 100, 412, angle=angle, width=1300),
        ocr_span("导百问》。", 100, 478, angle=angle),
    ]
    assert lines_of(spans) == [
        "会议内容:",
        "全体党员在宣传委员张明同志带领下面向党旗重温入党誓词。",
        "由组织委员王芳同志领学《党的二十大报告学习辅导百问》。",
    ]


def test_short_lines_and_finished_sentences_are_not_joined() -> None:
    spans = [
        ocr_span("主题党日会议记录", 500, 100),
        ocr_span("会议由支部书记李光振同志主持。", 100, 200, width=1300),
        ocr_span("全体党员重温入党誓词。", 100, 266),
    ]
    assert lines_of(spans) == ["主题党日会议记录", "会议由支部书记李光振同志主持。", "全体党员重温入党誓词。"]


@pytest.mark.parametrize("angle", [0.0, 2.0, -3.0, 4.0])
def test_skew_is_recovered_from_boxes(angle: float) -> None:
    spans = form(angle)
    row, column = estimate_slopes(np.array([s.origin.bbox for s in spans]))
    assert row == pytest.approx(math.tan(math.radians(angle)), abs=0.006)
    assert column == pytest.approx(row, abs=0.02)


def test_text_layer_pages_are_read_as_before() -> None:
    span = TextSpan("主持人：李光振", Origin("a.pdf", page=1, bbox=(0, 0, 100, 10)))
    doc = Document("a.pdf", FileKind.PDF, [Page(1, [span])])
    assert [ln.norm for ln in document_lines(doc)] == ["主持人:李光振"]


def test_ocr_sentences_are_repaired_but_quoted_as_read() -> None:
    span = ocr_span("由張明同志領學(习近平谈治国理政)第四卷’全体党员参加。", 100, 300)
    line = ocr_page_lines(Page(1, [span]))[0]
    assert line.norm == "由张明同志领学《习近平谈治国理政》第四卷,全体党员参加。"
    assert line.text == span.text


def sheared_span(text: str, x: float, y: float, angle: float, width: float | None = None) -> TextSpan:
    """A line tilted by ``angle``° about its own start: a photo taken at an angle, whose rows
    slope while the left margin stays upright (rows and margins sheared apart)."""
    w = width if width is not None else CHAR * len(text)
    a = math.radians(angle)
    corners = np.array([[0, 0], [w, 0], [w, HEIGHT], [0, HEIGHT]], dtype=float)
    turned = corners @ np.array([[math.cos(a), math.sin(a)], [-math.sin(a), math.cos(a)]]) + [x, y]
    (x0, y0), (x1, y1) = turned.min(axis=0), turned.max(axis=0)
    return TextSpan(text, Origin("记录.jpg", page=1, bbox=(x0, y0, x1, y1)), confidence=0.98, via="ocr")


@pytest.mark.parametrize("angle", [3.0, -3.0])
def test_prose_rows_are_levelled_by_box_heights_when_margins_stay_upright(angle: float) -> None:
    """Prose has no side-by-side boxes to tell the rows' slope; the margins of a photo taken at an
    angle stand upright while the rows slope. A long tilted line's box then reaches into the
    next line's: the slope from the boxes' heights keeps the lines apart and in order."""
    texts = [
        ("会议由党支部副书记关强同志主持。", 1000),
        ("在曹雪同志的带领下，全体党员面向党旗重温入党誓词。", 900),
        ("全体党员集中学习了《中国共产党党员教育管理工作条例》第一章，党支部副书记进行了", 1300),
        ("解读。", None),
        ("全体党员现场缴纳10月份党费。", None),
        ("会议最后进行了总结，要求全体党员把学习成果转化为实际行动。", 1200),
    ]
    spans = [
        sheared_span(text, 100 if text != "解读。" else 20, 200 + 70 * k, angle, width)
        for k, (text, width) in enumerate(texts)
    ]
    row, _ = estimate_slopes(np.array([s.origin.bbox for s in spans]))
    assert row == pytest.approx(math.tan(math.radians(angle)), abs=0.01)
    assert lines_of(spans) == [
        "会议由党支部副书记关强同志主持。",
        "在曹雪同志的带领下,全体党员面向党旗重温入党誓词。",
        "全体党员集中学习了《中国共产党党员教育管理工作条例》第一章,党支部副书记进行了解读。",
        "全体党员现场缴纳10月份党费。",
        "会议最后进行了总结,要求全体党员把学习成果转化为实际行动。",
    ]


def test_a_title_wider_than_the_body_does_not_hide_the_right_edge() -> None:
    """A handwritten page's title in a larger hand reaches past the body's right edge: the
    edge is where the wrapped lines end, so they are still joined."""
    spans = [
        ocr_span("职业技术学院教工第一党支部主题党日活动记录", 20, 100, width=1460),
        ocr_span("2023年1月17日上午8:30，职业技术学院教工第一党支部党员在党建活动室集", 160, 200, width=1140),
        ocr_span("中开展主题党日活动。", 100, 266),
        ocr_span(
            "在宣传委员程雯莉同志的带领下，全体党员逐章学习了《中国共产党廉洁自律", 160, 332, width=1160
        ),
        ocr_span("准则》相关内容。", 100, 398),
    ]
    assert lines_of(spans)[1:] == [
        "2023年1月17日上午8:30,职业技术学院教工第一党支部党员在党建活动室集中开展主题党日活动。",
        "在宣传委员程雯莉同志的带领下,全体党员逐章学习了《中国共产党廉洁自律准则》相关内容。",
    ]


def test_short_labelled_lines_are_not_joined_when_no_line_reaches_far() -> None:
    """A page of short labelled lines and one long one: the edge is the long line's end, not
    where two short lines happen to end close together."""
    spans = [
        ocr_span("会议主题：学思想强党性优服务", 100, 100, width=560),
        ocr_span("会议时间：2024年2月9号下午2点半", 100, 166, width=600),
        ocr_span("会议地点：医院党建活动中心", 100, 232, width=520),
        ocr_span("主持人：书记陆艳鑫", 100, 298),
        ocr_span(
            "缺席人员及原因：缺席4人（金辉淑值班、郝峰涛家中有事、石宇家中有事）。", 100, 364, width=1300
        ),
    ]
    assert lines_of(spans)[:4] == [
        "会议主题:学思想强党性优服务",
        "会议时间:2024年2月9号下午2点半",
        "会议地点:医院党建活动中心",
        "主持人:书记陆艳鑫",
    ]


def test_a_line_that_opens_with_a_label_starts_a_new_line() -> None:
    spans = [
        ocr_span(
            "会议地点：龙泉街道柳树湾村党群服务中心二楼党员活动室（原村委会会议室）", 100, 100, width=1300
        ),
        ocr_span("主持人：李光振", 100, 166),
    ]
    assert lines_of(spans) == [
        "会议地点:龙泉街道柳树湾村党群服务中心二楼党员活动室(原村委会会议室)",
        "主持人:李光振",
    ]
