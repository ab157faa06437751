"""People written by their row or staff number (``numbered``), resolved to the names the record's
own roster gives them. Every roster here is our own."""

from __future__ import annotations

from fields_helpers import lines_of, meeting

from extractors.fields import numbered

ROSTER = "\n".join(
    [
        "序号｜姓名｜工号｜本人签字",
        "1｜闵国安｜YY0102｜闵国安",
        "2｜竺雅文｜YY0115｜竺雅文",
        "3｜詹永成｜YY0139｜",
        "4｜邴　慧｜YY0251｜邴慧",
        "5｜厍志明｜YY0329｜",
    ]
)


def _read(*texts: str) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees]


def test_row_numbers_and_staff_numbers_stand_for_the_rosters_names() -> None:
    keys = numbered.keys(lines_of(ROSTER))
    assert keys["3号"] == "詹永成" and keys["4号"] == "邴慧"  # padding inside a name taken out
    assert keys["YY0329"] == "厍志明"


def test_absentees_by_row_number_with_reasons_keyed_by_number() -> None:
    text = ROSTER + "\n应到5人，实到3人，缺席：3号、5号。\n备注：3号 夜班倒休；5号 病假，在家休养。"
    assert _read(text) == [("詹永成", "夜班倒休"), ("厍志明", "病假,在家休养")]
    # a number no row holds stays a number: nobody is named for it
    resolved = numbered.resolved(lines_of(text.replace("5号 病假", "15号 病假")))
    assert any("15号" in line.text for line in resolved)


def test_two_up_rows_and_a_staff_number_before_the_name() -> None:
    text = "\n".join(
        [
            "1 JY0011 郦振华 √　　2 JY0024 项婉莹 √",
            "3 JY0036 边海涛 ○　　4 JY0049 鞠文斌 √",
            "合计：应到4　实到3　缺席1",
            "缺勤说明：3号 在盐城风电项目现场调试。",
        ]
    )
    assert _read(text) == [("边海涛", "在盐城风电项目现场调试")]


def test_an_agenda_or_a_few_numbers_are_no_roster() -> None:
    agenda = "1、闵国安领学\n2、竺雅文领誓\n应到5人，实到4人，缺席：3号。"
    assert numbered.keys(lines_of(agenda)) == {}
    # a number before a building, a line or a store is no one's row
    building = lines_of(ROSTER + "\n会议在3号楼召开，缺席：3号。")
    assert [line.text for line in numbered.resolved(building)][-1] == "会议在3号楼召开，缺席：詹永成。"


def test_a_row_number_written_before_the_name_it_stands_for_is_not_a_second_name() -> None:
    text = ROSTER + "\n应到5人，实到3人，请假2人（3号詹永成：在海南做田间试验；5号厍志明：腰扭伤，病假）。"
    assert _read(text) == [("詹永成", "在海南做田间试验"), ("厍志明", "腰扭伤,病假")]
