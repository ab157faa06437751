"""Absentees in an inline sign list: names ticked as present, one marked otherwise."""

from __future__ import annotations

import pytest
from fields_helpers import lines_of, meeting

from extractors.fields.people import PersonFinder
from extractors.fields.tick_lists import ticked_away


def _away(*texts: str) -> list[tuple[str, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees]


def test_a_mark_of_absence_takes_its_reason_from_the_note_below() -> None:
    assert _away(
        "本组党员9名，到会8名，公出1名。",
        "到会签名（√到会　公—公出）：",
        "胥立强√　冯宝山√　宗振华√　訾文斌√",
        "阮继东　公",
        "备注：阮继东在江苏盐城风场做吊装技术服务，3月20日返厂。",
    ) == [("阮继东", "在江苏盐城风场做吊装技术服务")]


def test_a_bracketed_mark_in_a_row_of_ticks() -> None:
    """Any two-to-four character name in the list is one (衣海涛, 门立新: surnames no list knows)."""
    assert _away(
        "支委签到：仲启明√　衣海涛√　娄雅丽（公）　门立新√",
        "备注：娄雅丽赴市卫健委参加医疗质量检查。",
    ) == [("娄雅丽", "赴市卫健委参加医疗质量检查")]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("霍晓晴 假（产假）", "产假"),  # the mark's bracket says why
        ("霍晓晴 病", "病"),  # a mark that is a reason of its own
        ("霍晓晴 假", None),  # on leave, and nothing says why
        ("霍晓晴 缺", None),
    ],
)
def test_the_mark_says_the_reason_when_no_note_does(row: str, reason: str | None) -> None:
    finder = PersonFinder([])
    lines = lines_of("南宫婉清 √　秦舒雅 √　黎晓棠 √", row)
    assert [(a.name, a.reason) for a in ticked_away(lines, finder)] == [("霍晓晴", reason)]


def test_a_single_tick_is_no_list_of_who_came() -> None:
    finder = PersonFinder([])
    assert ticked_away(lines_of("秦舒雅 √", "霍晓晴 假（产假）"), finder) == []


def test_a_line_with_other_words_ends_the_list() -> None:
    finder = PersonFinder([])
    lines = lines_of("秦舒雅√　黎晓棠√", "会议内容：学习（公）文写作", "霍晓晴 假（产假）")
    assert ticked_away(lines, finder) == []


def test_groups_labels_between_items_and_the_counts_after_in_one_paragraph() -> None:
    """Paragraphs joined where the page wrapped them: 2023级(硕): between items, the counts at the end."""
    finder = PersonFinder([])
    text = (
        "2022级(硕):言思齐✓ 符佳琪✓ 程奕帆✗(在煤矿井下做围岩监测实验) 蔡明轩✓"
        "2023级(硕):戴雨涵✓ 费思源✓应到6人,实到5人,请假1人."
    )
    assert [(a.name, a.reason) for a in ticked_away(lines_of(text), finder)] == [
        ("程奕帆", "在煤矿井下做围岩监测实验")
    ]


def test_filled_and_hollow_dots_and_a_note_cut_at_its_semicolon() -> None:
    assert _away(
        "签到（●到　○假）：",
        "马文祥●　丁秀芝●　海宝林●　马占彪○",
        "纳金花●　纳建国○　马如兰●",
        "备注：马占彪在银川给儿子看店；纳建国在县医院陪老伴做白内障手术。",
    ) == [("马占彪", "在银川给儿子看店"), ("纳建国", "在县医院陪老伴做白内障手术")]


def test_a_numbered_roll_with_the_cross_in_its_own_cell_and_the_reason_after() -> None:
    assert _away(
        "本组党员4名（✓到会　✗未到）",
        "1　傅建明　组长　　　✓",
        "2　廖志远　副大队长　✓",
        "3　米雪峰　执法员　　✗　在北坡煤矿驻点开展执法检查",
        "4　原志华　内勤　　　✓　记录",
    ) == [("米雪峰", "在北坡煤矿驻点开展执法检查")]


def test_a_bracket_holding_a_colon_is_no_label() -> None:
    assert _away(
        "参会情况：蒋立平√　房文涛√　聂婷婷√　宫少华（请假：在乡镇督导经济普查入户登记）　祁雪梅√",
        "应到5人，实到4人，请假1人。",
    ) == [("宫少华", "在乡镇督导经济普查入户登记")]


def test_a_legend_mark_is_the_reason_it_stands_for_and_words_after_a_mark_are_the_note() -> None:
    head = ("应到9人，实到6人，3人未到。", "到会情况（√到　○病　△外地　×缺）：")
    assert _away(*head, "温长海√　窦玉兰√　闫宝成√", "廉德全△", "柴凤霞√　隗长富√　聂福堂○", "霍长林×") == [
        ("廉德全", "外地"),
        ("聂福堂", "病"),
        ("霍长林", None),
    ]  # ×缺: positive evidence of none
    assert _away(
        *head,
        "温长海√　窦玉兰√　闫宝成√",
        "廉德全△海南三亚过冬，四月底回来",
        "柴凤霞√　隗长富√　聂福堂○脑梗恢复期",
    )[:2] == [("廉德全", "海南三亚过冬,四月底回来"), ("聂福堂", "脑梗恢复期")]


def test_the_next_name_after_a_mark_and_a_gap_is_no_note() -> None:
    assert _away(
        "应到8人，实到6人，请假2人。",
        "签到（●到　○假）：",
        "马文成●　丁秀兰●　海宝山●　纳金凤●",
        "撒玉兰●　马占奎○　杨志明●　纳建华○",
        "备注：马占奎在银川看店；纳建华在县医院陪老伴。",
    ) == [("马占奎", "在银川看店"), ("纳建华", "在县医院陪老伴")]


def test_rows_labelled_by_numerals_and_a_cross_the_legend_calls_no_reason() -> None:
    """一　甲√　乙√ … rows with a numeral label; ×无故缺席 in the legend: a cross gives no reason."""
    assert _away(
        "应到9人　实到7人　缺2人",
        "一　薛德静√　潘宏轩√　薛伟勇√",
        "二　雷佳成√　周可琴√　周家霞○",
        "三　卢秋婷√　沈凤阳×　龚宏萍√",
        "注：○病假　△公差　×无故缺席",
    ) == [("周家霞", "病假"), ("沈凤阳", None)]


def test_the_list_s_own_sentence_gives_the_reason_before_the_mark() -> None:
    """缺席名单:甲　下沉…; 甲△ with (√到 △公差): the sentence's words are the reason."""
    assert _away(
        "应参会：4　实参会：3　缺席：1",
        "缺席名单：陶明华　下沉苕汀新村开展家庭医生上门随访",
        "参会名单（√到 △公差）：侯立芳√ 袁宏英√ 彭可阳√ 陶明华△",
    ) == [("陶明华", "下沉苕汀新村开展家庭医生上门随访")]


def test_numbered_items_their_marks_spelled_out_and_the_note_s_reasons() -> None:
    """1甲√ 2乙○ … with 注:○病假 △外地探亲 □请假（原因见备注）: each mark's meaning, a note's words first."""
    assert _away(
        "1湛桂树√ 2楚怡棠√ 3桑远钧√ 4揭伯源○",
        "5揭怡澍□ 6乜淑桐√ 7詹安如△ 8边小帆√",
        "注：√到会　○病假　△外地探亲　□请假（原因见备注）",
        "统计：应到8人，实到5人，缺3人",
    ) == [("揭伯源", "病假"), ("揭怡澍", "请假"), ("詹安如", "外地探亲")]


def test_the_legend_in_the_list_s_label_is_no_item() -> None:
    """签到（√出席　○病假　△公差）: the label's bracket is the legend, not someone away."""
    assert _away(
        "签到（√出席　○病假　△公差）",
        "穆建华√　全桂萍○（甲流，在家打针）　孔令山√　邵雅丽√",
        "应到4人，实到3人，缺1人",
    ) == [("全桂萍", "甲流,在家打针")]
