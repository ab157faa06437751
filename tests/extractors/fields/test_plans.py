"""The next meeting's plan told inside the record gives none of this meeting's roles (``plans``)."""

from __future__ import annotations

import pytest
from fields_helpers import lines_of, meeting

from extractors.fields.plans import plans_cut


def test_roles_planned_for_next_month_are_no_roles_of_this_meeting() -> None:
    record = meeting(
        "活动由支部书记项锐峰主持。",
        "会上还明确了9月份主题党日安排：拟于9月19日到烈士纪念园开展现场教学，由副书记贝思远主持，"
        "党员潘晓兰领誓，学习《中华人民共和国国防教育法》。",
        roster=[],
    )
    assert record.presider is not None and record.presider.value == "项锐峰"
    assert record.oath_leader is None
    assert record.study == []


def test_a_record_with_only_next_months_chair_has_no_presider() -> None:
    record = meeting("全体党员重温入党誓词。", "下月安排：由副书记贝思远主持，开展现场教学。", roster=[])
    assert record.presider is None


@pytest.mark.parametrize(
    "text",
    ["活动由支部书记项锐峰主持，安排了志愿服务。", "9月19日，支部召开主题党日，由书记主持。", "下月安排："],
)
def test_sentences_without_a_plan_for_another_meeting_are_kept_whole(text: str) -> None:
    lines = lines_of(text)
    assert [ln.norm for ln in plans_cut(lines)] == [ln.norm for ln in lines]


def test_the_lines_under_a_plans_own_heading_give_no_roles_up_to_the_closing_label() -> None:
    record = meeting(
        "全体党员重温入党誓词。",
        "下月安排：",
        "1.由副书记贝思远主持，党员潘晓兰领誓。",
        "2.学习《中华人民共和国国防教育法》。",
        "记录人：王晓明",
        roster=[],
    )
    assert (record.presider, record.oath_leader, record.study) == (None, None, [])
    assert record.recorder is not None and record.recorder.value == "王晓明"  # the closing label is read
