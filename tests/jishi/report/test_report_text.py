from __future__ import annotations

import pytest

from core.models import Evidence, Report, Verdict
from jishi.report.text import display_width, render_text, truncate, wrap


def _pos(text: str, needle: str) -> int:
    assert needle in text, needle
    return text.index(needle)


def test_header(noncompliant: Report) -> None:
    out = render_text(noncompliant)
    assert "支部：第一党支部" in out
    assert "会议日期：2022-12-23 15:00" in out
    assert "结论：不合格" in out
    assert "不通过 2 项，待复核 1 项，提醒 1 项，通过 2 项" in out


@pytest.mark.parametrize(
    ("verdict", "word"),
    [(Verdict.COMPLIANT, "合格"), (Verdict.NONCOMPLIANT, "不合格"), (Verdict.NEEDS_REVIEW, "需人工复核")],
)
def test_verdict_words(noncompliant: Report, verdict: Verdict, word: str) -> None:
    noncompliant.verdict = verdict
    line = next(x for x in render_text(noncompliant).splitlines() if x.startswith("结论："))
    assert line == f"结论：{word}"


def test_sections_failures_first(noncompliant: Report) -> None:
    out = render_text(noncompliant)
    order = [
        _pos(out, "【不通过】2 项"),
        _pos(out, "会议记录中没有找到主持人。"),
        _pos(out, "会议内容与本月主题不符。"),
        _pos(out, "【待复核】1 项"),
        _pos(out, "签到表人数无法确认。"),
        _pos(out, "【提醒】1 项"),
        _pos(out, "实到人数占比 92%"),
        _pos(out, "【通过】2 项"),
        _pos(out, "已记录领誓人。（oath.leader）"),
        _pos(out, "【提取结果】"),
    ]
    assert order == sorted(order)


def test_finding_details(noncompliant: Report) -> None:
    out = render_text(noncompliant)
    assert "编号：presider.missing（必查）" in out
    assert "处理办法：请在会议记录中写明主持人姓名后重新上传。" in out
    assert "依据：2022-12/会议记录.pdf 第1页 「主持人：（空白）」" in out
    # OCR evidence: no page, confidence shown
    assert "依据：2022-12/签到表.jpg 「张三 李四 王五」（识别置信度 87%）" in out
    assert "编号：attendance.ratio（非必查）" in out
    # passes are compact: no hint/evidence lines for them
    passes = out[_pos(out, "【通过】") : _pos(out, "【提取结果】")]
    assert "处理办法" not in passes and "依据" not in passes


def test_long_quote_is_truncated_and_wrapped(noncompliant: Report) -> None:
    out = render_text(noncompliant)
    assert "…」" in out
    assert "完。" not in out  # the tail of the 230-character quote is cut
    assert all(display_width(line) <= 82 for line in out.splitlines())
    assert sum(1 for line in out.splitlines() if "全体党员要深入学习" in line) >= 2


def test_extracted_section(noncompliant: Report) -> None:
    out = render_text(noncompliant)
    section = out[_pos(out, "【提取结果】") :]
    assert "主持人：李光振" in section
    assert "领誓人：张明" in section
    assert "领学：张明：《习近平谈治国理政》第四卷" in section
    assert "应到/实到/缺席：25 / 23 / 2" in section
    assert "缺席人员：赵六（因公出差）、钱七" in section
    assert "签到人数：23" in section


def test_needs_review_unknowns(needs_review: Report) -> None:
    out = render_text(needs_review)
    assert "结论：需人工复核" in out
    assert "支部：未识别" in out and "会议日期：未识别" in out
    assert "依据：扫描件.pdf 第3页" in out
    assert "【不通过】" not in out and "【通过】" not in out
    assert "主持人：未识别" in out
    assert "应到/实到/缺席：? / ? / ?" in out
    assert "签到人数：未提供签到表" in out


def test_color_only_on_request(noncompliant: Report) -> None:
    plain = render_text(noncompliant)
    assert "\033[" not in plain
    colored = render_text(noncompliant, color=True)
    assert "\033[31m" in colored and "\033[0m" in colored
    strip = colored
    for code in ("\033[0m", "\033[1m", "\033[31m", "\033[32m", "\033[33m", "\033[35m"):
        strip = strip.replace(code, "")
    assert strip == plain


def test_wrap_by_display_width() -> None:
    lines = wrap("中" * 100, "前缀：")
    assert [display_width(x) for x in lines] == [80, 80, 58]
    assert lines[1].startswith(" " * 6 + "中")
    # ASCII words are not split when they fit on the next line
    lines = wrap("中" * 36 + " minutes.docx", "", width=80)
    assert lines == ["中" * 36, "minutes.docx"]
    # closing punctuation hangs instead of starting a line
    assert not any(x.lstrip().startswith("，") for x in wrap("中文句子，" * 40))
    assert wrap("") == [""]


def test_truncate() -> None:
    assert truncate("短句") == "短句"
    assert truncate("a\n  b") == "a b"
    cut = truncate("字" * 200, 10)
    assert cut == "字" * 9 + "…" and len(cut) == 10


def test_many_evidence_items_are_capped(needs_review: Report) -> None:
    needs_review.findings[0].evidence = [Evidence(file=f"p{i}.jpg", text=f"第{i}条") for i in range(8)]
    lines = render_text(needs_review).splitlines()
    first = next(i for i, x in enumerate(lines) if "依据：" in x)
    assert lines[first] == "    依据：p0.jpg 「第0条」"
    assert lines[first + 1] == " " * 10 + "p1.jpg 「第1条」"
    assert lines[first + 5] == " " * 10 + "……另有 3 处依据（见 JSON/HTML 报告）"
    assert "p5.jpg" not in "\n".join(lines)
