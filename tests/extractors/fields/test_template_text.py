"""The template's notes, examples and blanks: not read as the record; a blank left unfilled is
evidence that the field is missing."""

from __future__ import annotations

import pytest
from fields_helpers import lines_of, meeting

from extractors.fields.template_text import filled_only, unfilled


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("主持人：（填写主持人姓名及职务）", "presider"),
        ("领誓人：________", "oath_leader"),
        ("领 誓 人：（填写姓名）", "oath_leader"),
        ("一、XXX领誓，全体党员重温入党誓词。", "oath_leader"),
        ("二、由××同志领学《粮食流通管理条例》。", "study_lead"),
        ("应到__人，实到26人，缺席2人", "expected_count"),
    ],
)
def test_a_blank_left_unfilled_is_found_for_its_field(text: str, field: str) -> None:
    assert list(unfilled(lines_of(text))) == [f"unfilled:{field}"]


@pytest.mark.parametrize(
    "text",
    [
        "（例：由XXX同志领誓，全体党员重温入党誓词。）",  # the template's example
        "会议内容（示例：组长×××传达上级精神，组织学习《×××》）",
        "主持人：（填写主持人姓名及职务）晏书衡　支部书记",  # filled after the note
        "应到_20_人　实到_18_人　缺席_2_人",  # filled on the underline
        "××村党支部党员大会记录",  # a name kept out, no role
    ],
)
def test_examples_and_filled_values_are_no_blanks(text: str) -> None:
    assert unfilled(lines_of(text)) == {}


def test_notes_examples_and_underlines_are_not_read_but_quoted_as_written() -> None:
    [line] = filled_only(lines_of("主持人：（填写主持人姓名及职务）晏书衡"))
    assert line.norm == "主持人:晏书衡" and line.text == "主持人：（填写主持人姓名及职务）晏书衡"
    assert (
        filled_only(lines_of("（填写人：第二党支部书记殷若渊）"))[0].norm == "(填写人:第二党支部书记殷若渊)"
    )


def test_a_record_filled_in_on_the_template_is_read() -> None:
    record = meeting(
        "主持人：（填写主持人姓名及职务）蒲德茂　村党支部书记",
        "应到_20_人　实到_18_人　缺席_2_人",
        "（例：由XXX同志领誓，全体党员重温入党誓词。）",
        "由组织委员龚叙白同志领誓，全体党员重温入党誓词。",
        roster=[],
    )
    assert record.presider is not None and record.presider.value == "蒲德茂"
    assert record.oath_leader is not None and record.oath_leader.value == "龚叙白"
    counts = [record.expected_count, record.actual_count, record.absent_count]
    assert [c.value if c else None for c in counts] == [20, 18, 2]
    assert not [key for key in record.cues if key.startswith("unfilled:")]
