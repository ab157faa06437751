"""Reasons written as marks or codes with a legend (``legend``), spelled out for the absentee readers.
Every line here is our own."""

from __future__ import annotations

import pytest
from fields_helpers import lines_of, meeting

from extractors.fields.legend import decoded, legend


def _read(*texts: str) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("注：√到会　○病假　△公差", {"○": "病假", "△": "公差"}),
        ("（代码：①病假　②事假　③因公出差）", {"①": "病假", "②": "事假", "③": "因公出差"}),
        ("（注：病＝病假，事＝事假）", {"病": "病假", "事": "事假"}),
        ("页脚：A—下乡义诊　B—病假", {"A": "下乡义诊", "B": "病假"}),
        (
            "注：培＝参加省里的骨干教师培训",
            {"培": "参加省里的骨干教师培训"},
        ),  # one entry after a legend's lead
    ],
)
def test_a_legend_line_defines_its_codes(text: str, want: dict[str, str]) -> None:
    assert legend(lines_of(text)) == want


@pytest.mark.parametrize(
    "text",
    [
        "主持：支部书记 郜文杰　　记录：邝雪",  # form labels
        "李者收——在昆明做电焊工",  # a name, a dash and its reason
        "缺席：邝雪（病假）",
    ],
)
def test_labels_and_reasons_are_no_legend(text: str) -> None:
    assert legend(lines_of(text)) == {}


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (
            ("应到12人，实到10人，缺席2人：邝雪①、郜文杰③；①病假 ②事假 ③公出",),
            [("邝雪", "病假"), ("郜文杰", "公出")],
        ),
        (
            ("应到12人，实到10人，缺席2人：邝雪○　郜文杰△", "注：○病假　△外出务工"),
            [("邝雪", "病假"), ("郜文杰", "外出务工")],
        ),
        (
            (
                "本组党员9名，到会7名，未到2名。",
                "未到会人员　　原因",
                "邝雪　　　　公",
                "郜文杰　　　　培",
                "（简写：公—公出，培—参加培训）",
            ),
            [("邝雪", "公出"), ("郜文杰", "参加培训")],
        ),
        (
            ("应到9人，实到7人，请假2人：邝雪（实）、郜文杰（实）", "注：实＝在医院跟岗实习"),
            [("邝雪", "在医院跟岗实习"), ("郜文杰", "在医院跟岗实习")],
        ),
    ],
)
def test_codes_after_names_read_as_their_meaning(texts: tuple[str, ...], want: list[tuple[str, str]]) -> None:
    assert _read(*texts) == want


def test_a_mark_the_legend_does_not_define_is_no_reason() -> None:
    texts = ("应到12人，实到10人，缺席2人：邝雪○　郜文杰◇", "注：○病假　△外出务工")
    assert _read(*texts) == [("邝雪", "病假"), ("郜文杰", None)]


def test_an_items_number_opening_a_sentence_is_no_code() -> None:
    lines = lines_of("内容：①邝雪领誓；②郜文杰领学。", "缺席：方晓①；①病假 ②事假")
    assert decoded(lines)[0].text == lines[0].text


def test_the_evidence_quotes_the_line_as_written() -> None:
    record = meeting("应到12人，实到11人，缺席1人：邝雪②", "（代码：①病假　②事假）", roster=[])
    assert record.absentees[0].reason == "事假"
    assert any("邝雪②" in e.text for e in record.absentees[0].evidence)


def test_a_ditto_takes_the_reason_above_and_stays_a_mark_with_none_above() -> None:
    texts = (
        "应到12人，实到9人，缺席3人。",
        "缺席人员　　原因",
        "邝雪　　　〃",
        "郜文杰　　　跑夜班",
        "方晓　　　〃",
    )
    assert _read(*texts) == [("邝雪", "〃"), ("郜文杰", "跑夜班"), ("方晓", "跑夜班")]


def test_a_register_grid_with_numbered_rows_and_legend_marks() -> None:
    texts = (
        "序号　姓名　考勤　　序号　姓名　考勤",
        "1　邝雪　√　　2　郜文杰　√",
        "3　方晓　○　　4　单立民　√",
        "5　谈文柏　△　　6　杭玉洁　√",
        "注：√到会　○病假　△公差",
        "应到6人　实到4人　缺席2人",
    )
    assert _read(*texts) == [("方晓", "病假"), ("谈文柏", "公差")]


def test_a_mark_in_a_ticked_list_the_legend_leaves_undefined_is_no_reason() -> None:
    texts = (
        "出勤（√到　○病假　△公差）",
        "邝雪√　郜文杰√　方晓√",
        "单立民◇　谈文柏√　杭玉洁○",
        "应到6　实到4　缺席2",
    )
    assert _read(*texts) == [("单立民", None), ("杭玉洁", "病假")]


def test_a_groups_reason_before_its_names_on_a_line_of_its_own() -> None:
    texts = (
        "应到38人，实到34人，请假4人。",
        "请假人员：",
        "以下3人均外出务工：邝雪、郜文杰、方晓",
        "单立民　病假",
    )
    assert _read(*texts) == [
        ("邝雪", "外出务工"),
        ("郜文杰", "外出务工"),
        ("方晓", "外出务工"),
        ("单立民", "病假"),
    ]
