"""Study fields of a form and what is no study of this meeting: the leader's label 学习领读人 / 学习领读,
the material's label 领读材料, a field left blank with dashes, and a title asked to be studied after
the meeting (会后自学《…》)."""

from __future__ import annotations

import pytest
from fields_helpers import meeting


def studied(*texts: str) -> list[tuple[str | None, str]]:
    return [(i.leader, i.material) for i in meeting(*texts, roster=[]).study]


@pytest.mark.parametrize(
    "label", ["学习领读人：冉秋池", "学习领读：组织委员 冉秋池", "学习领读人：宣传委员冉秋池"]
)
def test_the_leader_s_label_of_a_form(label: str) -> None:
    assert studied("主持人：张明华", label, "领读材料：《中国共产党章程》") == [
        ("冉秋池", "《中国共产党章程》")
    ]


def test_a_blank_field_is_no_material() -> None:
    assert studied("主持人：张明华", "领誓人：宋听澜", "领学人：——", "学习内容：——") == []


@pytest.mark.parametrize("asked", ["要求全体党员会后继续自学", "并要求大家会后认真研读", "号召党员课后学习"])
def test_a_title_asked_to_be_studied_after_the_meeting_is_not_this_meeting_s(asked: str) -> None:
    text = f"冉秋池领学《中国共产党章程》，{asked}《习近平著作选读》第二卷。"
    assert studied(text) == [("冉秋池", "《中国共产党章程》")]
