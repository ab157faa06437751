"""A two-column form read by OCR one column after the other (``label_columns``): labels, then values."""

from __future__ import annotations

from core.models import Origin, TextSpan
from extractors.layout.label_columns import label_columns_as_pairs
from extractors.layout.lines import Line, sentences


def _lines(*texts: str) -> list[Line]:
    return [line for t in texts for line in sentences(TextSpan(t, Origin("f.docx", 1)))]


def _read(*texts: str) -> list[str]:
    return [line.norm for line in label_columns_as_pairs(_lines(*texts))]


def test_a_column_of_labels_then_a_column_of_values_are_paired_in_order() -> None:
    got = _read(
        "会议时间",
        "会议地点",
        "主 持 人",
        "记 录 人",
        "2024年4月16日 14:30",
        "三楼会议室",
        "龙小川",
        "牛若楠",
    )
    assert got == ["会议时间:2024年4月16日14:30", "会议地点:三楼会议室", "主持人:龙小川", "记录人:牛若楠"]
    assert (
        label_columns_as_pairs(_lines("主持人", "记录人", "地点", "龙小川", "牛若楠", "三楼"))[0].label
        == "主持人"
    )


def test_labels_each_followed_by_its_value_on_the_next_line_are_paired() -> None:
    got = _read("时间", "5月9号上午", "主持", "小组长　滕凤翘", "应到", "9人", "请假", "单秋黛　病假", "内容")
    assert got == ["时间:5月9号上午", "主持:小组长滕凤翘", "应到:9人", "请假:单秋黛病假", "内容"]
    # a value of several lines is no cell: the run ends before its label
    got = _read(
        "主持",
        "温建国",
        "应到人数",
        "三十四",
        "实到人数",
        "三十一",
        "缺席人员及原因",
        "邹晓东 出差",
        "甘露 产假",
    )
    assert got == [
        "主持:温建国",
        "应到人数:三十四",
        "实到人数:三十一",
        "缺席人员及原因",
        "邹晓东出差",
        "甘露产假",
    ]
    # two pairs are no form: left as they are
    assert _read("主持", "滕凤翘", "应到", "9人") == ["主持", "滕凤翘", "应到", "9人"]


def test_runs_that_do_not_match_stay_as_they_are() -> None:
    short = (
        "会议时间",
        "会议地点",
        "主持人",
        "2024年4月16日",
        "三楼会议室",
    )  # a value missing: no order to trust
    assert _read(*short) == [line.norm for line in _lines(*short)]
    two = ("主持人", "记录人", "龙小川", "牛若楠")  # two labels are no column
    assert _read(*two) == [line.norm for line in _lines(*two)]
    sentence = ("会议时间", "会议地点", "主持人", "4月16日", "三楼", "会议由龙小川主持。")
    assert _read(*sentence) == [line.norm for line in _lines(*sentence)]


def test_a_cell_of_two_count_labels_is_one_label_of_the_column() -> None:
    got = _read("会议地点", "主持人", "记录人", "应到/实到", "三楼会议室", "龙小川", "牛若楠", "20/18")
    assert got == ["会议地点:三楼会议室", "主持人:龙小川", "记录人:牛若楠", "应到/实到:20/18"]
