"""Study leaders given by a role, a label or their place beside the material in one paragraph
(``extractors/fields/study_roles.py``), an object that only points to a title, and the oath's words
read out by someone named after them."""

from __future__ import annotations

import datetime as dt

import pytest
from fields_helpers import lines_of, meeting

from extractors.fields.meeting import item_done
from extractors.fields.minutes import extract_meeting

ROSTER = ["冉秋池", "宋听澜", "周岚", "张明华"]
A, B = "《中国共产党章程》", "《中国共产党简史》"


def studied(*texts: str, roster: list[str] | None = None) -> list[tuple[str | None, str]]:
    record = meeting("会议由张明华主持。", *texts, roster=ROSTER if roster is None else roster)
    return [(i.leader, i.material) for i in record.study]


@pytest.mark.parametrize(
    "text",
    [
        f"本次集中学习{A}，组织委员冉秋池同志为本次学习的领学人。",
        f"集中学习中，办公室主任冉秋池同志任领学人，所学篇目为{A}。",
        f"本月必学内容：{A}；\n组织委员冉秋池同志被安排为领学人。",
        f"领学——冉秋池；篇目——{A}。",
        f"学习篇目 {A}　｜　领学 冉秋池　｜　形式 集中研读",
        f"学习安排：①篇目 {A} ②领学 纪检委员冉秋池 ③交流 全体党员",
        f"领学人/学习材料：冉秋池/{A}相关内容",
        f"学习{A}（第1-3章）（冉秋池）。",
    ],
)
def test_a_leader_given_by_a_role_or_a_label_beside_the_material(text: str) -> None:
    assert studied(text) == [("冉秋池", A)]


@pytest.mark.parametrize(
    "text",
    [
        f"学习安排如下：{A}，领学冉秋池；{B}，领学宋听澜。",
        f"学习篇目及领学人：{A}第一章—冉秋池；{B}（第1-3章）—宋听澜。",
        f"（1）{A}　领学人：冉秋池　（2）{B}　领学人：宋听澜",
        f"领学人：冉秋池　学习内容：{A}　领学人：宋听澜　学习内容：{B}",
    ],
)
def test_materials_and_leaders_alternating_pair_the_first_kind_with_the_next(text: str) -> None:
    assert studied(text) == [("冉秋池", A), ("宋听澜", B)]


def test_an_object_pointing_to_the_title_gives_it_its_leader() -> None:
    assert studied(f"本次学习的篇目是{A}。围绕上述篇目，组织委员冉秋池同志作了领学发言。") == [("冉秋池", A)]
    assert studied(f"集中学习环节的篇目是{A}，冉秋池同志重点领读了关键段落，并逐段作了解读。") == [
        ("冉秋池", A)
    ]


def test_a_closing_quote_stays_with_its_sentence() -> None:
    assert studied(f"“今天我们一起学习{A}。”冉秋池同志开宗明义，随后逐段领学。") == [("冉秋池", A)]


@pytest.mark.parametrize(
    "text",
    [
        f"会议传达了{A}（宋听澜）。",  # a paper passed on: led by no one
        f"重温入党誓词，领读人：冉秋池；学习{A}。",  # the oath's leader
    ],
)
def test_no_leader_from_a_relay_or_the_oath(text: str) -> None:
    assert ("冉秋池", A) not in studied(text) and ("宋听澜", A) not in studied(text)


def test_the_oaths_words_read_out_by_someone_named_after_them() -> None:
    record = meeting("会议由张明华主持。", "入党誓词由组织委员冉秋池同志领读，与会党员齐声跟读。", roster=[])
    assert record.oath_leader is not None and record.oath_leader.value == "冉秋池"
    assert [i.leader for i in record.study] == []
    role = meeting("会议由张明华主持。", "入党誓词由支部书记领读，与会党员齐声跟读。", roster=[])
    assert role.oath_leader is None or role.oath_leader.value != "支部书记"


def test_the_oaths_words_read_out_by_someone_are_the_plans_oath_done() -> None:
    text = "入党誓词由组织委员冉秋池同志领读，与会党员齐声跟读。"
    record = meeting("会议由张明华主持。", text, roster=[])
    assert record.oath_taken is not None and record.oath_taken.value is True
    done = item_done(lines_of(text), "重温入党誓词")
    assert done is not None and done.value is True


@pytest.mark.parametrize(
    "text",
    [
        f"本月学习篇目为{A}。领学工作由组织委员冉秋池同志承担。",
        f"学习篇目为{A}。党员们会前已自学原文，会上围绕重点段落展开讨论。整个学习环节由冉秋池同志领学。",
        f"学习{A}，采用组织委员冉秋池同志领学、党员跟学的形式进行。",
        f"组织委员冉秋池同志手捧{A}，一边领读一边讲解。",
        f"本次学习由组织委员冉秋池同志领衔，围绕{A}，逐章展开。",
        f"学什么？{A}。谁领学？组织委员冉秋池同志。",
        f"党员们先用一刻钟自学{A}，随后由组织委员冉秋池同志领学重点段落。",
        f"组织委员冉秋池同志将本次学习的{A}，分成若干专题逐一领学。",
        f"支部按计划学习了{A}。学习中，组织委员冉秋池同志逐段领读并谈了自己的理解。",
    ],
)
def test_a_lead_with_no_object_of_its_own_leads_the_paragraphs_title(text: str) -> None:
    assert studied(text, roster=[]) == [("冉秋池", A)]


@pytest.mark.parametrize(
    "text",
    [
        f"本次由两名同志分别领学，冉秋池同志负责{A}，宋听澜同志负责{B}。",
        f"冉秋池同志（领学）：我们先学{A}。宋听澜同志（领学）：接着学{B}。",
    ],
)
def test_each_persons_part_before_their_material(text: str) -> None:
    assert studied(text, roster=[]) == [("冉秋池", A), ("宋听澜", B)]


def test_a_study_put_off_to_a_later_meeting_leads_nothing_here() -> None:
    text = f"原定本次学习{A}第二专题，学习改到下周三补上，到时由组织委员冉秋池领学。"
    assert ("冉秋池", A) not in studied(text, roster=[])


def test_a_lead_that_goes_on_to_another_act_leads_the_one_unled_title_read_near_it() -> None:
    text = (
        "燃气集团周岚同志领誓，党员们重温了入党誓词。\n"
        "集中学习中，冉秋池同志任领学人，所学篇目为《习近平谈治国理政》第三卷中“坚持党的全面领导”一节。\n"
        "支部按计划学习了《中国共产党章程》（第1-3章）。学习中，党支部书记宋听澜同志逐段领读并谈了自己的理解。\n"
        "活动结束后，组织委员收取了2月党费。"
    )
    record = extract_meeting(
        lines_of(text),
        ROSTER,
        default_date=dt.date(2022, 12, 23),
        plan_items=[],
        source_files=["minutes.docx"],
    )
    assert [(i.leader, i.material) for i in record.study] == [
        ("冉秋池", "《习近平谈治国理政》第三卷"),
        ("宋听澜", "《中国共产党章程》"),
    ]


def test_reading_its_key_passages_points_to_the_title_shared() -> None:
    text = "读书分享时间，冉秋池同志分享的篇目是《中国共产党章程》第一章，并带着大家一起读了其中的重点段落。"
    assert studied(text) == [("冉秋池", A)]


def test_a_leaders_and_materials_label_of_the_work_shared_out() -> None:
    text = f"领学分工：冉秋池——{A}（第1-3章）；宋听澜——{B}相关内容。"
    assert studied(text) == [("冉秋池", A), ("宋听澜", B)]
