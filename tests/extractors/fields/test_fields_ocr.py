"""OCR tolerance of the field extractors: repaired slips, fuzzy roster names, confidence."""

from __future__ import annotations

import datetime as dt

import pytest
from fields_helpers import ROSTER

from checks.rules._common import MIN_CONFIDENCE
from core.models import MeetingRecord, Origin, TextSpan, Value
from extractors.fields.attendance import CORROBORATED, corroborate_count
from extractors.fields.minutes import extract_meeting
from extractors.fields.people import AMBIGUOUS_CONFIDENCE, FUZZY_CONFIDENCE, PersonFinder
from extractors.fields.study import snap_material
from extractors.layout.lines import Line, sentences
from extractors.text.normalize import edit_distance, fix_ocr, normalize_ocr, to_simplified

MATERIALS = ["《习近平谈治国理政》第四卷", "《党的二十大报告学习辅导百问》"]


def ocr_lines(*texts: str, conf: float = 0.95) -> list[Line]:
    out: list[Line] = []
    for i, text in enumerate(texts):
        span = TextSpan(text, Origin("记录.jpg", page=1, bbox=(0, 40 * i, 800, 40 * i + 30)), conf, via="ocr")
        out.extend(sentences(span))
    return out


def ocr_meeting(*texts: str, conf: float = 0.95, roster: list[str] | None = None) -> MeetingRecord:
    return extract_meeting(
        ocr_lines(*texts, conf=conf),
        ROSTER if roster is None else roster,
        default_date=dt.date(2022, 12, 23),
        plan_items=["缴纳党费"],
        source_files=["记录.jpg"],
        materials=MATERIALS,
    )


# ------------------------------------------------------------------ normalisation


@pytest.mark.parametrize(
    ("read", "fixed"),
    [
        ("會議由支部書記李光振同志主持", "会议由支部书记李光振同志主持"),
        ("由张明同志领学(习近平谈治国理政)第四卷", "由张明同志领学《习近平谈治国理政》第四卷"),
        ("领学了<党的二十大报告学习辅导百问>", "领学了《党的二十大报告学习辅导百问》"),
        ("领学〈习近平谈治国理政》第四卷", "领学《习近平谈治国理政》第四卷"),
        ("会议由李光振同志主持’传达了精神", "会议由李光振同志主持，传达了精神"),
        ("2O22年l2月23曰", "2022年12月23日"),
        ("实到人数：2З人", "实到人数：2З人"),  # not a digit look-alike we know: left alone
    ],
)
def test_fix_ocr_repairs_slips_character_for_character(read: str, fixed: str) -> None:
    assert fix_ocr(read) == fixed
    assert len(fix_ocr(read)) == len(read)


def test_title_brackets_are_left_alone_elsewhere() -> None:
    assert fix_ocr("缺席：赵海燕(因公出差)") == "缺席：赵海燕(因公出差)"


def test_dropped_opening_bracket_is_restored_but_not_inside_a_title() -> None:
    assert (
        normalize_ocr("由张明同志领学习近平谈治国理政》第四卷") == "由张明同志领学《习近平谈治国理政》第四卷"
    )
    assert normalize_ocr("领学《党的二十大报告学习辅导百问》") == "领学《党的二十大报告学习辅导百问》"


def test_traditional_names_read_as_simplified() -> None:
    assert to_simplified("孫曉東、趙海燕、張明、劉強") == "孙晓东、赵海燕、张明、刘强"


def test_edit_distance() -> None:
    assert edit_distance("李光根", "李光振") == 1
    assert edit_distance("李振", "李光振") == 1
    assert edit_distance("王芳", "李光振", limit=1) == 2


# ------------------------------------------------------------------ fuzzy names


def test_one_slip_from_a_unique_roster_name_resolves_with_lower_confidence() -> None:
    hit = PersonFinder(["李光振", "张明", "王芳"]).resolve("支部书记李光根同志", fuzzy=True)
    assert hit is not None and hit.name == "李光振" and hit.on_roster
    assert hit.confidence == FUZZY_CONFIDENCE


def test_one_slip_from_two_roster_names_stays_as_read() -> None:
    hit = PersonFinder(["张明", "张莹"]).resolve("张朋", fuzzy=True)
    assert hit is not None and hit.name == "张朋" and not hit.on_roster
    assert hit.confidence == AMBIGUOUS_CONFIDENCE


def test_part_of_a_longer_name_is_not_a_slip() -> None:
    hit = PersonFinder(["赵六"]).resolve("赵海蒸", fuzzy=True)
    assert hit is not None and hit.name == "赵海蒸" and not hit.on_roster


def test_typed_text_is_never_matched_fuzzily() -> None:
    hit = PersonFinder(["李光振"]).resolve("李光根")
    assert hit is not None and hit.name == "李光根" and not hit.on_roster and hit.confidence == 1.0


def test_presider_confidence_is_span_times_match() -> None:
    record = ocr_meeting("会议由支部书记李光根同志主持。", conf=0.9)
    assert record.presider is not None and record.presider.value == "李光振"
    assert record.presider.confidence == pytest.approx(0.9 * FUZZY_CONFIDENCE)
    assert record.presider.evidence[0].confidence == 0.9


def test_two_independent_reads_of_the_presider_corroborate_each_other() -> None:
    record = ocr_meeting("主持人：李光根", "会议由支部书记李光振同志主持。", conf=0.8)
    assert record.presider is not None and record.presider.value == "李光振"
    assert record.presider.confidence >= MIN_CONFIDENCE
    assert len(record.presider.evidence) == 2


def test_ambiguous_presider_is_not_trusted() -> None:
    record = ocr_meeting("会议由张朋同志主持。")
    assert record.presider is not None and record.presider.confidence < MIN_CONFIDENCE


def test_study_leader_and_absentees_through_ocr_slips() -> None:
    record = ocr_meeting(
        "由張明同志領學(习近平谈治国理政)第四卷“坚持党的全面领导”专题。",
        "缺席人员及原因：赵海蒸（因公出差）、孫曉東（病假）",
        roster=[*ROSTER, "赵海燕", "孙晓东"],
    )
    assert [(s.leader, s.material) for s in record.study] == [("张明", "《习近平谈治国理政》第四卷")]
    assert [(a.name, a.reason) for a in record.absentees] == [("赵海燕", "因公出差"), ("孙晓东", "病假")]


# ------------------------------------------------------------------ materials, items, counts


@pytest.mark.parametrize(
    ("read", "want"),
    [
        ("《习近平谈治国埋政》第四卷", "《习近平谈治国理政》第四卷"),
        ("《习近平谈治国理政》第囚卷", "《习近平谈治国理政》第四卷"),
        ("《习近平谈治国理政》", "《习近平谈治国理政》"),
        ("《党的二十大报吿学习辅导百问》", "《党的二十大报告学习辅导百问》"),
        ("《中国共产党章程》", "《中国共产党章程》"),
    ],
)
def test_ocr_materials_snap_to_the_plan(read: str, want: str) -> None:
    assert snap_material(read, MATERIALS) == want


def test_typed_materials_are_not_snapped() -> None:
    from fields_helpers import meeting

    record = meeting("由张明同志领学《习近平谈治国埋政》第四卷。")
    assert record.study[0].material == "《习近平谈治国埋政》第四卷"


def test_plan_item_misread_by_one_character() -> None:
    record = ocr_meeting("全体党员现场缴纳党赞。")
    assert "缴纳党费" in record.items_done
    assert record.items_done["缴纳党费"].confidence < 0.95


def test_low_confidence_count_is_confirmed_by_an_independent_source() -> None:
    value = Value(23, [], 0.6)
    assert corroborate_count(value, None, 22) is value and value.confidence == 0.6
    assert corroborate_count(value, 23, None) is value and value.confidence == CORROBORATED
    assert corroborate_count(None, 23) is None


def test_counts_read_with_letter_look_alikes() -> None:
    record = ocr_meeting("应到人数：2S人", "实到人数：2３人", "缺席人数：O人")
    assert record.actual_count is not None and record.actual_count.value == 23


def test_presider_phrase_misread_gives_an_untrusted_value_not_a_missing_one() -> None:
    record = ocr_meeting("会议由支部书记李光振同志主特。")
    assert record.presider is not None and record.presider.value == "李光振"
    assert record.presider.confidence < MIN_CONFIDENCE  # presider.missing: unknown, never fail


def test_presider_phrase_slips_are_not_read_in_typed_text() -> None:
    from fields_helpers import meeting

    record = meeting("会议由支部书记李光振同志主特。")
    assert record.presider is None
    assert record.cues.get("presider")  # but quoted for a person: presider.missing is unknown, not fail
    assert ocr_meeting("由张明同志主讲党课。").presider is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "缺席2人：赵六一一外出开会，孙七一事假。",
            [("赵六", "外出开会"), ("孙七", "事假")],
        ),  # —— read as 一一
        ("缺席1人：赵六一直在外地务工。", [("赵六", "一直在外地务工")]),  # 一 that begins a reason stays
    ],
)
def test_a_dash_read_as_one_is_no_part_of_the_reason(text: str, want: list[tuple[str, str]]) -> None:
    assert [(a.name, a.reason) for a in ocr_meeting(text).absentees] == want


def test_two_leaders_with_ocr_slips_joined_by_tongzhi() -> None:
    """与 read inside a name (姚兴 as 姚與) does not split it: 同志 ends each name first."""
    record = ocr_meeting(
        "尉選洋麗同誌和姚與同誌分別領學了《中国共产党章程》和《中国共产党廉洁自律准则》。",
        roster=["尉迟洋丽", "姚兴", "李光振", "张明"],
    )
    assert [(s.leader, s.material) for s in record.study] == [
        ("尉迟洋丽", "《中国共产党章程》"),
        ("姚兴", "《中国共产党廉洁自律准则》"),
    ]


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("5月主题党目活动记录", "主题党日"),
        ("主题觉日活动", "主题党日"),
        ("支部党员大合记录", "支部党员大会"),
        ("5月主题党课", "党课"),
    ],
)
def test_a_kind_word_read_with_one_slip(title: str, want: str) -> None:
    record = ocr_meeting(title, "2022年12月23日，支部在党员活动室开展活动。")
    assert record.kind is not None and record.kind.value == want


def test_a_slipped_kind_word_in_typed_text_is_not_read() -> None:
    from fields_helpers import meeting

    assert meeting("5月主题党目活动记录").kind is None
