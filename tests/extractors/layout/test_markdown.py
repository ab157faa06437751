"""Markdown's marks taken off typed text (``layout.markdown``), and records typed in Markdown read."""

from __future__ import annotations

import pytest

from core.models import Origin, TextSpan
from extractors.layout.lines import sentences
from extractors.layout.markdown import marks_off


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("**主持人**：鲍云舟", "主持人：鲍云舟"),
        ("### 二、学习内容", "二、学习内容"),
        ("- **地点**：村部二楼", "地点：村部二楼"),
        ("* 应到党员：18人", "应到党员：18人"),
        ("> 本记录由宣传委员整理", "本记录由宣传委员整理"),
        ("__领誓人__：单雪晴", "领誓人：单雪晴"),
        ("`主持人`：褚子墨", "主持人：褚子墨"),
        ("|---|:---:|---|", ""),
        ("- **主持人**：[支部书记 鲍云舟]", "主持人：支部书记 鲍云舟"),
        ("---", ""),
    ],
)
def test_marks_become_spaces_and_the_words_stay(text: str, plain: str) -> None:
    out = marks_off(text)
    assert len(out) == len(text)  # character for character: offsets still quote the original
    assert out.replace(" ", "") == plain.replace(" ", "")


@pytest.mark.parametrize(
    "text",
    [
        "#主题党日#我们在行动",  # a topic, not a heading
        "| 姓名 | 出勤情况 |",  # a table's cells stay apart
        "~~15~~16人",  # a struck figure is a correction, read elsewhere
        "应到12人-实到11人",  # a dash inside a line is no bullet
        "3*4=12",
        "领誓人：[待填写]",  # a placeholder never filled in names nobody
        "[页边批注] 甲—下乡做新生儿访视",  # a note's own label, not a value
    ],
)
def test_text_that_only_looks_like_markdown_is_kept(text: str) -> None:
    assert marks_off(text) == text


def test_a_bold_label_reads_as_a_label_and_quotes_the_original() -> None:
    span = TextSpan("**主持人**：支部书记 鲍云舟", Origin("minutes.docx", paragraph=0))
    (line,) = sentences(span)
    assert line.norm.startswith("主持人:")
    assert line.text == "**主持人**：支部书记 鲍云舟"
