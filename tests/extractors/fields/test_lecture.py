"""The 党课's lecturer and title as records tell them: invited speakers, members speaking in turn on a
title, form fields, titles with their own marks and commas, and no lecture read from online teaching."""

from __future__ import annotations

from fields_helpers import lines_of

from extractors.fields.lecture import lecture
from extractors.fields.people import PersonFinder


def told(*texts: str) -> tuple[str | None, str | None] | None:
    found = lecture(lines_of(*texts), PersonFinder([]))
    return None if found is None else (found.lecturer, found.title)


def test_an_invited_speaker_where_the_lecture_was_given_between() -> None:
    assert told(
        "4月9日，机关第三党支部请来市委党校讲师柏云深，在三楼报告厅给支部党员上了一堂党史专题党课。",
        "柏云深以《在风浪中前进》为题，把一份份档案摆出来讲。",
    ) == ("柏云深", "在风浪中前进")
    assert told("这回的党课请的是街道党工委副书记柏云深来讲，题目叫“楼道里的红色议事会怎么办”。") == (
        "柏云深",
        "楼道里的红色议事会怎么办",
    )


def test_a_member_speaking_on_a_title_in_a_record_of_a_lecture() -> None:
    assert told(
        "随后，两名党员轮流登台讲微党课。",
        "预备党员柏云深以“一封家书”为题，讲了他在纪念馆当讲解员的见闻。",
    ) == ("柏云深", "一封家书")
    # (the same words in a record that tells no lecture: a speech, not a 党课)
    assert told("党员柏云深以“一封家书”为题，讲了他在纪念馆当讲解员的见闻。") is None


def test_a_lecture_given_as_a_title_and_the_titles_own_comma() -> None:
    assert told("车间主任柏云深作《守住安全，扛起担子》专题党课。") == ("柏云深", "守住安全，扛起担子")
    assert told("副所长柏云深以“人在家里，数据不能断”为题讲专题党课。") == ("柏云深", "人在家里，数据不能断")


def test_form_fields_name_the_lecturer_and_the_title() -> None:
    assert told("授课：柏云深（支部书记）", "题目：“守住纪律底线 做居民信得过的党员”") == (
        "柏云深",
        "守住纪律底线做居民信得过的党员",  # (the normal form: no spaces)
    )
    assert told("党课：支部书记、副校长 柏云深", "题目：新法落地，民企党员怎么干") == (
        "柏云深",
        "新法落地,民企党员怎么干",
    )
    # (a title's inner quotes kept: only the marks around it go)
    assert told("授课人：副检察长 柏云深", "党课题目：《以担当护航“六稳”“六保”》") == (
        "柏云深",
        "以担当护航“六稳”“六保”",
    )


def test_a_form_title_over_a_quote_the_telling_starts_from() -> None:
    assert told(
        "主讲人：支部书记 柏云深",
        "党课题目：“守住作风建设第一道门”",
        "柏云深讲党课，从“一张餐票”讲起，讲了党员怎样在“小事小节”上守住底线。",
    ) == ("柏云深", "守住作风建设第一道门")


def test_labels_that_are_no_title() -> None:
    found = told(
        "主题党日＋书记讲党课",
        "村党支部书记柏云深讲党课，题目是“红军路上话初心”。",
        "课题组准备把原始数据统一存到服务器。",
    )
    assert found == ("柏云深", "红军路上话初心")


def test_a_sentence_of_where_the_lecture_was_held_names_no_lecturer() -> None:
    assert told(
        "10月26日下午，镇机关一支部在政府楼小会议室上微党课，支部书记路明远主持。",
        "选调生、党员欧阳可心以“我在村里蹲了三十天”为题讲微党课。",
    ) == ("欧阳可心", "我在村里蹲了三十天")


def test_online_teaching_is_no_lecture() -> None:
    assert told("交流环节，党员邬俊峰结合两周来的线上授课谈到，网课不能只盯进度。") is None
