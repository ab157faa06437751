"""Study leaders written as the one who explains, reads out or was given the material: the subject
several clauses before the verb, a document 主讲 to the members, leaders told apart with 分别, the
leader's label beside the material's, and a paragraph broken into lines by hand."""

from __future__ import annotations

import pytest
from fields_helpers import meeting


def studied(*texts: str, roster: list[str] | None = None) -> list[tuple[str | None, str]]:
    return [(s.leader, s.material) for s in meeting(*texts, roster=roster or []).study]


@pytest.mark.parametrize(
    "text",
    [
        "宣传委员冉秋池同志在领学前先提出学习要求，强调要带着问题学，随后逐章领学《中国共产党纪律处分条例》相关内容。",
        "组织委员冉秋池同志结合自身工作经历，从理论和实践两个层面，深入浅出地带领大家研学了《中国共产党纪律处分条例》第一章。",
        "组织委员冉秋池同志给大家讲了讲《中国共产党纪律处分条例》中“总则”一节，讲得很实在。",
        "组织委员冉秋池拿着《中国共产党纪律处分条例》相关内容，一段一段念给大家听。",
        "学习记录：领学人冉秋池，学习材料《中国共产党纪律处分条例》第一章，学习方式为集中学习。",
        "此次学习，组织委员冉秋池同志选取了《中国共产党纪律处分条例》中“总则”一节作为领学内容。",
        "由冉秋池同志主讲，全体党员系统学习了《中国共产党纪律处分条例》（第1-3章）。",
        "本次学习的材料是《中国共产党纪律处分条例》第三章，领学的是宣传委员冉秋池同志。",
        "支部书记冉秋池同志组织党员围绕《中国共产党纪律处分条例》第一章开展集中学习。",
        "党支部书记冉秋池同志对照《中国共产党纪律处分条例》，逐条领读并结合支部实际进行了解读。",
        "围绕《中国共产党纪律处分条例》中“总则”一节，组织委员冉秋池同志带领大家开展了专题研学。",
        "党员们认真学习了《中国共产党纪律处分条例》，由组织委员冉秋池同志领学并作解读。",
    ],
)
def test_the_leader_of_the_study_however_the_sentence_runs(text: str) -> None:
    assert studied(text) == [("冉秋池", "《中国共产党纪律处分条例》")]


def test_a_document_explained_to_the_members_is_led_and_a_lectures_own_title_is_not() -> None:
    text = "市第三人民医院冉秋池同志应邀为支部党员主讲《中国共产党简史》相关内容。"
    assert studied("主题党日活动记录。", text) == [("冉秋池", "《中国共产党简史》")]
    lecture = "冉秋池同志应邀为支部党员主讲《把界碑立在心里》。"
    assert studied("主题党日活动记录。", lecture) == []


def test_leaders_told_apart_after_the_titles_each_lead_one() -> None:
    text = "围绕《中国共产党章程》和《中国共产党简史》，冉秋池同志和宋听澜同志分别进行了宣讲。"
    assert studied(text) == [("冉秋池", "《中国共产党章程》"), ("宋听澜", "《中国共产党简史》")]
    two = "冉秋池、宋听澜两位同志分别主讲《中国共产党章程》相关内容与《中国共产党简史》（第1-3章）。"
    assert sorted(studied(two)) == [("冉秋池", "《中国共产党章程》"), ("宋听澜", "《中国共产党简史》")]


def test_the_material_of_a_study_told_before_the_clause_that_leads_it() -> None:
    text = "组织委员冉秋池同志聚焦《中国共产党简史》，带领大家研学研讨。"
    assert studied(text) == [("冉秋池", "《中国共产党简史》")]


def test_reading_aloud_as_a_detail_of_a_study_led_adds_no_leader() -> None:
    text = "支部副书记冉秋池领学《中国共产党章程》第一章，把党员八项义务一条一条念给大家听。"
    assert studied(text) == [("冉秋池", "《中国共产党章程》")]
    read = "宣传委员冉秋池带领大家诵读《中国共产党简史》第五章，她把书里的段落念给大家听。"
    assert studied(read) == [("冉秋池", "《中国共产党简史》")]


def test_the_leaders_label_under_the_parts_heading_and_the_material_on_the_next_line() -> None:
    record = studied("【集中学习】领学：党支部书记冉秋池；", "篇目：《中国共产党支部工作条例（试行）》第一章")
    assert record == [("冉秋池", "《中国共产党支部工作条例（试行）》")]


def test_an_explainers_label_beside_a_document_leads_it_beside_a_lecture_title_not() -> None:
    record = studied("学习篇目：《党的二十大报告学习辅导百问》；", "主讲：纪检委员冉秋池。")
    assert record == [("冉秋池", "《党的二十大报告学习辅导百问》")]
    assert studied("学习篇目：《把界碑立在心里》；", "主讲：纪检委员冉秋池。") == [
        (None, "《把界碑立在心里》")
    ]


def test_a_doer_in_brackets_belongs_to_its_own_line_of_a_paragraph_broken_by_hand() -> None:
    paragraph = "重温入党誓词（领誓人：冉秋池）。\n会议传达了《中国共产党廉洁自律准则》（宋听澜同志传达）。"
    assert studied(paragraph, roster=["冉秋池", "宋听澜"]) == [(None, "《中国共产党廉洁自律准则》")]


def test_each_clause_names_its_own_materials_leader() -> None:
    labelled = "《中国共产党章程》第一章的领学人是冉秋池同志，《中国共产党简史》的领学人是宋听澜同志。"
    assert studied(labelled) == [("冉秋池", "《中国共产党章程》"), ("宋听澜", "《中国共产党简史》")]
    listed = "由冉秋池同志领学《中国共产党章程》第一章、宋听澜同志领学《中国共产党简史》中“总则”一节。"
    assert sorted(studied(listed)) == [("冉秋池", "《中国共产党章程》"), ("宋听澜", "《中国共产党简史》")]


def test_the_leader_labelled_in_brackets_after_each_material() -> None:
    record = studied(
        "《党的二十大报告学习辅导百问》（第1-3章）（领读：冉秋池同志）；",
        "《中国共产党章程》中“总则”一节（领读：宋听澜同志）。",
    )
    assert record == [("冉秋池", "《党的二十大报告学习辅导百问》"), ("宋听澜", "《中国共产党章程》")]


def test_the_one_who_explains_the_material_studied_in_the_clause_after() -> None:
    text = "党员们集中研读了《中国共产党党员教育管理工作条例》，书记冉秋池同志在学习中逐段作了串讲。"
    assert studied(text) == [("冉秋池", "《中国共产党党员教育管理工作条例》")]


def test_each_material_row_with_the_leaders_row_after_it() -> None:
    record = studied(
        "学习内容：《中国共产党章程》",
        "领学人：冉秋池　　学习内容：《中国共产党简史》中“总则”一节",
        "领学人：宋听澜",
    )
    assert record == [("冉秋池", "《中国共产党章程》"), ("宋听澜", "《中国共产党简史》")]


def test_the_leader_after_the_label_is_the_name_before_its_honorific() -> None:
    # two paragraphs run together: the leader's label ends one, a birthday greeting opens the next
    text = "（二）《中国共产党简史》，领学：冉秋池同志为本月入党的宋听澜同志过“政治生日”，赠送贺卡。"
    assert studied(text) == [("冉秋池", "《中国共产党简史》")]
