"""The oath and the study in words two blind writers used (session 56): a form's field saying the oath
was not taken (``重温入党誓词：否``), another oath than the party's (``安全生产宣誓``), a higher body's
officer as the oath's leader (``院党委书记领誓``), members studying on their own at the meeting
(``自学了《…》``, not ``会后自学``) and a material explained point by point (``对新修订的《…》进行逐条解读``)."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

ROSTER = ["夏雨晴", "柴晓燕", "方亮", "童振华"]


def _taken(*texts: str) -> bool:
    found = meeting(*texts, roster=ROSTER).oath_taken
    return found is not None and bool(found.value)


def _leader(*texts: str) -> str | None:
    found = meeting(*texts, roster=ROSTER).oath_leader
    return found.value if found else None


def test_a_form_saying_the_oath_was_not_taken() -> None:
    form = ("主持人：夏雨晴", "领学人：柴晓燕", "学习内容：《中国共产党章程》")
    assert not _taken(*form, "重温入党誓词：否")
    assert _taken(*form, "重温入党誓词：是")


def test_a_sentence_saying_the_oath_was_not_taken() -> None:
    assert not _taken("会议由夏雨晴主持，本次没有重温入党誓词。")


def test_another_oath_is_not_the_partys() -> None:
    text = "流程：1)全体党员面向安全警示牌进行安全生产宣誓，由安全总监方亮领誓；2)童振华组织学习《安全生产法》第二章。"
    assert not _taken(text)
    assert _leader(text) is None
    assert _taken("全体党员面向党旗重温入党誓词，由方亮领誓。")


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        ("内容：1. 院党委书记领誓，新党员宣誓、全体党员重温入党誓词；2. 夏雨晴组织大家学习。", "院党委书记"),
        ("表决通过后，在镇党委委员的带领下，新党员面向党旗进行入党宣誓。", "镇党委委员"),
    ],
)
def test_a_higher_bodys_officer_leads_the_oath(text: str, leader: str) -> None:
    assert _leader(text) == leader


def _study(*texts: str) -> list[tuple[str | None, str]]:
    return [(i.leader, i.material) for i in meeting(*texts, roster=ROSTER).study]


@pytest.mark.parametrize(
    "text",
    [
        "会议由夏雨晴主持。党员们自学了《中国共产党农村基层组织工作条例》。",
        "会议由夏雨晴主持，大家先各自自学了二十分钟《中国共产党农村基层组织工作条例》，然后轮流说体会。",
    ],
)
def test_studying_on_ones_own_at_the_meeting(text: str) -> None:
    assert _study(text) == [(None, "《中国共产党农村基层组织工作条例》")]


@pytest.mark.parametrize(
    "text",
    [
        "会议由夏雨晴主持。会后自学《中国共产党章程》。",
        "会议由夏雨晴主持。会前，支部党员已集中自学了《中国共产党章程》，支委之间谈了心。",
    ],
)
def test_studying_before_or_after_the_meeting_is_not_this_meetings(text: str) -> None:
    assert _study(text) == []


def test_a_material_explained_point_by_point_is_led() -> None:
    text = "会议由夏雨晴主持。纪检委员柴晓燕对新修订的《中国共产党纪律处分条例》进行逐条解读。"
    assert _study(text) == [("柴晓燕", "《中国共产党纪律处分条例》")]


def test_the_branch_secretary_is_not_the_deputy_named_in_the_header() -> None:
    texts = (
        "主 持 人：副书记 童振华",
        "活动内容：（1）由支部书记领誓，全体党员重温入党誓词；（2）童振华组织学习《中国共产党章程》。",
    )
    assert _leader(*texts) == "支部书记"


def test_the_next_meetings_material_is_not_studied_at_this_one() -> None:
    texts = (
        "内容：柴晓燕领学《习近平著作选读》第二卷；小组成员交流。",
        "备注：下次党小组会拟于10月中旬召开，内容为学习《中国共产党党员教育管理工作条例》。",
    )
    assert _study(*texts) == [("柴晓燕", "《习近平著作选读》第二卷")]
