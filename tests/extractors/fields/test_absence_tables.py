"""Absentees in tables pasted as text (``absence_tables``): rolls with a status column, tables of
absentees, absentees grouped by reason."""

from __future__ import annotations

from fields_helpers import meeting

from core.models import MeetingRecord


def _absent(record: MeetingRecord) -> list[tuple[str, str | None]]:
    return [(a.name, a.reason) for a in record.absentees]


ROLL_HEAD = "| 姓名 | 职务 | 出勤情况 | 备注 |"


def test_a_roll_names_only_those_whose_status_says_they_did_not_come() -> None:
    record = meeting(
        "应到4人，实到3人，请假1人。",
        ROLL_HEAD,
        "|---|---|---|---|",
        "| 李光振 | 支部书记 | 出席 | 主持 |",
        "| 张明 | 组织委员 | 出席 | 记录人 |",
        "| 王芳 | 党员 | 请假 | 在省城参加业务培训 |",
        "| 赵六 | 党员 | ✅ | |",
    )
    assert _absent(record) == [("王芳", "在省城参加业务培训")]


def test_a_status_that_is_its_own_reason_and_an_empty_remark() -> None:
    record = meeting(
        ROLL_HEAD,
        "| 李光振 | 支部书记 | ✅ | |",
        "| 王芳 | 党员 | 病假 | |",
        "| 孙七 | 党员 | 请假（出差） | — |",
        "| 赵六 | 党员 | ❌ | |",
    )
    assert _absent(record) == [("王芳", "病假"), ("孙七", "出差"), ("赵六", None)]


def test_a_roll_where_everyone_came_names_nobody() -> None:
    record = meeting(
        "应到3人，实到3人。",
        ROLL_HEAD,
        "| 李光振 | 支部书记 | 出席 | 主持 |",
        "| 张明 | 组织委员 | 出席 | |",
        "| 王芳 | 党员 | 出席 | |",
    )
    assert _absent(record) == []


def test_absentees_grouped_by_reason_share_it() -> None:
    record = meeting(
        "应到9人，实到6人，缺席3人。",
        "| 缺席原因 | 人数 | 姓名 |",
        "|---|---|---|",
        "| 夜班倒休 | 2 | 张明、王芳 |",
        "| 病假 | 1 | 孙七 |",
    )
    assert _absent(record) == [("张明", "夜班倒休"), ("王芳", "夜班倒休"), ("孙七", "病假")]


def test_a_table_of_absentees_without_status_reads_every_row() -> None:
    record = meeting("| 姓名 | 缺勤原因 |", "| 张明 | 外出学习 |", "| 王芳 | 休产假 |", "以上同志均已请假。")
    assert _absent(record) == [("张明", "外出学习"), ("王芳", "休产假")]


def test_a_row_pasted_with_tabs_keeps_its_empty_cells_under_the_heading() -> None:
    record = meeting(
        "姓名\t职务\t会议角色\t出勤\t备注",
        "邵栋梁\t支部书记\t主持、领学\t√",
        "聂长松\t宣传委员\t\t√",
        "房振中\t党员\t\t缺\t跑长途，在新疆哈密送货",
        "郑小龙\t党员\t\t√",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [("房振中", "跑长途,在新疆哈密送货")]


def test_a_roster_marked_with_single_characters_names_any_name_in_its_names_column() -> None:
    record = meeting(
        "序号\t姓名\t签到\t备注",
        "1\t鲍梓航\t√\t支部书记",
        "2\t窦婉仪\t假\t带学生在西双版纳植物园野外实习",
        "3\t琚立诚\t√",
        "4\t殳俊杰\t公",
        "5\t井文蔚\t假\t产假",
        "6\t宓一帆\t√",
        "合计：应到6人，实到3人，请假3人",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("窦婉仪", "带学生在西双版纳植物园野外实习"),
        ("殳俊杰", "公"),
        ("井文蔚", "产假"),
    ]


def test_a_roll_without_a_heading_row_reads_each_name_its_status_and_its_note() -> None:
    record = meeting(
        "签到（到/假）：",
        "郑立新　到",
        "韩秀梅　到",
        "黄晓东　假　备注：在市里参加审计培训",
        "孔繁荣　到",
        "冯玉兰　缺",
        "汇总：应到5人，实到3人，请假1人，缺席1人。",
    )
    assert _absent(record) == [("黄晓东", "在市里参加审计培训"), ("冯玉兰", None)]


def test_three_rows_of_names_and_statuses_are_too_few_for_a_roll() -> None:
    record = meeting(
        "郑立新　到",
        "韩秀梅　到",
        "黄晓东　假",
        "应到3人，实到2人。",
    )
    assert _absent(record) == []


def test_a_sheet_apart_by_single_spaces_its_legend_in_brackets() -> None:
    """序号 姓名 班组 考勤 备注 (single spaces), △ spelled out by (√到会　△公差): the note is the reason."""
    record = meeting(
        "序号 姓名 班组 考勤 备注",
        "1 苗澄桐 所部 √",
        "2 桑清蔚 调度 √",
        "3 练青鸣 抢修班 △ 城西路DN600管道爆管现场抢修",
        "4 钮文钧 抢修班 √",
        "应到4人　实到3人",
        "（√到会　△公差）",
        roster=[],
    )
    assert _absent(record) == [("练青鸣", "城西路DN600管道爆管现场抢修")]


def test_a_sheet_printed_as_two_blocks_side_by_side() -> None:
    """序号 姓名 签到 序号 姓名 签到 (tabs): both blocks read, each mark spelled out by the legend."""
    record = meeting(
        "序号\t姓名\t签到\t序号\t姓名\t签到",
        "1\t卜鹤如\t√\t4\t钟永萍\t√",
        "2\t闵桂如\t√\t5\t楚映岑\t○",
        "3\t郦舒琰\t△\t6\t郝凤萍\t√",
        "注：√已签到　○病假　△公差",
        "统计\t应到6人\t实到4人\t缺席2人",
        roster=[],
    )
    assert sorted(_absent(record)) == [("楚映岑", "病假"), ("郦舒琰", "公差")]


def test_a_roll_of_several_members_a_line_apart_by_bars() -> None:
    """甲 已签到｜乙 未签到（产假）: each piece a row of the roll, the bracket after the status its reason."""
    record = meeting(
        "应到6：实到4",
        "签到情况：",
        "卢诗刚 已签到｜万伟兵 已签到｜史可平 已签到",
        "罗立霞 已签到｜陶心林 未签到（产假）",
        "秦一强 未签到（下乡开展两癌筛查）",
        roster=[],
    )
    assert _absent(record) == [("陶心林", "产假"), ("秦一强", "下乡开展两癌筛查")]


def test_a_roll_with_a_dash_between_each_person_and_their_status() -> None:
    """1.甲(支部书记)——到会,主持会议 / 4.丁——请假(夜班后补休): one row per person; those there, late
    or with a role after, are no absentees; the presider is the one whose row says so."""
    record = meeting(
        "应到6人，实到5人，请假1人。\n点名：\n"
        "1.樊望川（支部书记）——到会，主持会议\n2.甄若水（组织委员）——到会，领誓\n3.祝明远——到会\n"
        "4.韶听雨——请假（夜班后补休）\n5.岑映竹——到会（迟到十分钟，在处理急诊）\n6.郜北辰——到会",
    )
    assert _absent(record) == [("韶听雨", "夜班后补休")]
    assert record.presider is not None and record.presider.value == "樊望川"
    assert record.oath_leader is not None and record.oath_leader.value == "甄若水"


def test_a_roll_with_the_title_before_each_person_and_no_counts_written() -> None:
    """支部书记　甲　到（主持）: the title first; a roll of the whole committee with no counts gives
    应到 and 实到 by its rows, derived (trusted only when the sign-in agrees)."""
    record = meeting(
        "点名：\n支部书记　樊望川　到（主持）\n副书记　　甄若水　到\n组织委员　祝明远　到（记录）\n"
        "宣传委员　韶听雨　假（腰伤卧床）\n纪检委员　岑映竹　到",
    )
    assert _absent(record) == [("韶听雨", "腰伤卧床")]
    expected, actual = record.expected_count, record.actual_count
    assert expected is not None and actual is not None
    assert (expected.value, actual.value) == (5, 4)
    assert expected.confidence < 1 and actual.confidence < 1
    assert record.presider is not None and record.presider.value == "樊望川"


def test_a_roll_written_as_one_sentence_after_its_label() -> None:
    """点名:甲到,乙到,…,丁请假(…): each person and their status an item; the roll with no counts
    written gives them by its items, derived."""
    record = meeting(
        "点名：樊望川到，甄若水到，祝明远到，韶听雨请假（去市疾控中心做能力比对），岑映竹到，郜北辰到。",
    )
    assert _absent(record) == [("韶听雨", "去市疾控中心做能力比对")]
    expected, actual = record.expected_count, record.actual_count
    assert expected is not None and actual is not None and (expected.value, actual.value) == (6, 5)
    # an item that is no name and a status: no roll
    assert meeting("点名：樊望川到，甄若水到，大家都很积极，韶听雨请假（出差）。").actual_count is None
