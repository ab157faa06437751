"""A roll exported one labelled row per line (姓名：X；是否参会：否；备注：…) read as a table."""

from __future__ import annotations

from fields_helpers import lines_of, meeting

from extractors.fields.labelled_rows import as_table

ROWS = (
    "参会明细：",
    "姓名：韦振东；是否参会：是；备注：支部书记，主持",
    "姓名：盛国强；是否参会：否；备注：运行二值当班",
    "姓名：巩立新；是否参会：是；备注：",
    "姓名：单国良；是否参会：否；备注：急性肠胃炎，在职工医院输液",
)


def test_the_rows_become_a_table_with_their_labels_as_heading() -> None:
    table = as_table(lines_of(*ROWS))
    assert table is not None
    assert [line.text for line in table.lines[:3]] == [
        "姓名|是否参会|备注",
        "韦振东|是|支部书记，主持",
        "盛国强|否|运行二值当班",
    ]
    assert table.lines[3].text == "巩立新|是|—"  # an empty value keeps its column


def test_those_marked_no_are_away_with_the_remark_as_reason_quoted_as_written() -> None:
    record = meeting(*ROWS, roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("盛国强", "运行二值当班"),
        ("单国良", "急性肠胃炎,在职工医院输液"),
    ]
    assert record.absentees[0].evidence[0].text == "姓名：盛国强；是否参会：否；备注：运行二值当班"


def test_a_single_labelled_line_is_no_table() -> None:
    assert as_table(lines_of("姓名：韦振东；是否参会：是；备注：支部书记")) is None


def test_one_labelled_row_under_a_register_heading() -> None:
    record = meeting(
        "党小组会议",
        "本小组党员9人，到会8人",
        "请假登记",
        "姓名：隗建埔　事由：在市局参加稽查案件会审　审批：鞠慕华　时间：8月16日",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [("隗建埔", "在市局参加稽查案件会审")]


def test_one_labelled_row_alone_is_no_table() -> None:
    assert as_table(lines_of("姓名：隗建埔；事由：在市局参加稽查案件会审")) is None


def test_a_register_whose_rows_name_the_person_after_the_reason() -> None:
    record = meeting(
        "应到党员15人，实到13人，请假2人。",
        "请假登记：",
        "事由：回老家办理父亲后事　请假人：隗建埔　时间：8月6日—10日　批准：鞠慕华",
        "事由：在集团参加继续教育　请假人：韦振东　时间：8月8日　批准：鞠慕华",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("隗建埔", "回老家办理父亲后事"),
        ("韦振东", "在集团参加继续教育"),
    ]


def test_leading_students_away_is_a_reason_not_leading_the_study() -> None:
    record = meeting(
        "应到党员23人，实到21人，缺席2人。",
        "请假登记表",
        "姓名：隗建埔　请假时间：3月20日至3月24日（共5天）　事由：领学生去省里比赛　审批人：鞠慕华",
        "姓名：韦振东　请假时间：3月22日下午（半天）　事由：家中老人住院　审批人：鞠慕华",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("隗建埔", "领学生去省里比赛"),
        ("韦振东", "家中老人住院"),
    ]


def test_a_register_written_down_the_page_a_label_a_line() -> None:
    """姓名：甲 / 请假时间：… / 事由：(its value on the line below) / 审批人：…: one row each person,
    the title in brackets after the name left out."""
    lines = [
        "应到：4人 实到：2人 缺席：2人",
        "请假登记",
        "姓名：樊瑞东（支部组织委员）",
        "请假时间：8月27日中午",
        "事由：",
        "在ICU参加危重病人多学科会诊",
        "审批人：甄立山",
        "姓名：毕绍堂",
        "请假时间：8月26日",
        "事由：在乡镇开展统计数据质量核查",
        "审批人：甄立山",
    ]
    away = [(a.name, a.reason) for a in meeting(*lines, roster=[]).absentees]
    assert away == [("樊瑞东", "在ICU参加危重病人多学科会诊"), ("毕绍堂", "在乡镇开展统计数据质量核查")]
    # without a register's heading a lone record written down the page is no table
    assert as_table(lines_of(*lines[3:7])) is None
    headed = ["缺席人员一览", "姓名：毕绍堂", "缺席原因：在乡镇开展统计数据质量核查"]
    assert [(a.name, a.reason) for a in meeting(*headed, roster=[]).absentees] == [
        ("毕绍堂", "在乡镇开展统计数据质量核查")
    ]
