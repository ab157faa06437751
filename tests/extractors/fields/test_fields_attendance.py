"""Attendance read the way branches write it: counts in many word orders and numerals, attendee
lists with any separator, absentees with their reasons before, after or around the names, and
the cue sentences that keep a rule from failing on what the parser could not read."""

from __future__ import annotations

import pytest
from fields_helpers import counts_of, meeting

from extractors.fields.attendance import firm_reason
from extractors.fields.people import named_alone

ROSTER = ["韩立新", "宁浩荣", "包晓雯", "欧阳春", "邵勇", "严冬梅", "戚向东", "闻一鸣"]


def read(*texts: str, roster: list[str] | None = None):
    return meeting(*texts, roster=ROSTER if roster is None else roster)


def absentees(*texts: str, roster: list[str] | None = None) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in read(*texts, roster=roster).absentees]


def counts(text: str) -> tuple[int | None, int | None, int | None]:
    return counts_of(read(text))


# ----------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("支部现有党员15名，本次出席13名，缺席2名。", (15, 13, 2)),
        ("党员总数12人，到会10人，请假2人。", (12, 10, 2)),
        ("会议应到12人 实到11人 缺席1人", (12, 11, 1)),
        ("出席：10人；缺席：两人；应到：十二人。", (12, 10, 2)),
        ("本支部共有党员二十三名，参加会议二十一名。", (23, 21, None)),
        ("应到会党员19人，实到会17人（其中预备党员2人）。", (19, 17, None)),
        ("应参加会议党员14人，实际参加12人，缺2人。", (14, 12, 2)),
        ("应到9人，实到8人，1人已提前向支部书记请假。", (9, 8, 1)),
        ("全支部10名党员全部到会。", (10, 10, None)),
        ("全体21名党员均按时到会，无请假人员。", (21, 21, None)),
        # a shift's members and those of it who came are no counts of the meeting
        ("参加情况：一班到5人，二班到6人；三班党员4人中到会2人，另2人在岗。实到13人。", (None, 13, None)),
        ("支部党员8人，全员参加，无人请假。", (8, 8, None)),
        # a membership figure with other people attending is no expected count
        ("支部26名党员及3名入党积极分子参加了会议。", (None, 26, None)),
        # 列席 guests are not attendance
        ("实到10人，镇党委委员戚向东列席会议。", (None, 10, None)),
        # the members in parts, then the counts: the parts are the membership, not those present
        ("人数：支部正式党员11名、预备党员2名，应到13人，实到12人。", (13, 12, None)),
    ],
)
def test_counts(text: str, want: tuple[int | None, int | None, int | None]) -> None:
    assert counts(text) == want


# ----------------------------------------------------------------- attendee lists


@pytest.mark.parametrize(
    "text",
    [
        "参会人员：韩立新；包晓雯；邵勇。",
        "出席人员：韩立新 包晓雯 邵勇",
        "参加人员:应到4人,参加人员:韩立新、包晓雯、邵勇",
        "出席会议的党员有：韩立新、包晓雯、邵勇，共3人。",
        "参会人员（3人）：韩立新、包晓雯、邵勇",
    ],
)
def test_attendee_lists_with_any_separator(text: str) -> None:
    record = read(text)
    assert record.attendees is not None and record.attendees.value == ["韩立新", "包晓雯", "邵勇"]
    assert record.actual_count is not None and record.actual_count.value == 3


def test_a_list_cut_at_its_semicolons_is_joined_again() -> None:
    record = read("参会党员：韩立新；", "包晓雯；", "邵勇。")
    assert record.attendees is not None and record.attendees.value == ["韩立新", "包晓雯", "邵勇"]


# ----------------------------------------------------------------- absentees with a roster


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("缺席1人（宁浩荣休产假）。", [("宁浩荣", "休产假")]),
        ("缺席1人(宁浩荣值班)。", [("宁浩荣", "值班")]),  # half-width bracket: no '值班)'
        ("邵勇值班、严冬梅在外培训，未参加。", [("邵勇", "值班"), ("严冬梅", "在外培训")]),
        ("请假2人：邵勇，因公出差；严冬梅，病假。", [("邵勇", "因公出差"), ("严冬梅", "病假")]),
        ("缺席情况：邵勇：因公出差；严冬梅：病假。", [("邵勇", "因公出差"), ("严冬梅", "病假")]),
        ("缺席：邵勇同志休产假，严冬梅同志值班。", [("邵勇", "休产假"), ("严冬梅", "值班")]),
        ("邵勇、严冬梅分别因公出差、病假，未参加会议。", [("邵勇", "因公出差"), ("严冬梅", "病假")]),
        ("缺席2人，邵勇因公出差，严冬梅病假。", [("邵勇", "因公出差"), ("严冬梅", "病假")]),
        ("请假人员：邵勇、严冬梅（均为病假）。", [("邵勇", "病假"), ("严冬梅", "病假")]),
        ("邵勇、严冬梅因公外出，未参加本次活动。", [("邵勇", "因公外出"), ("严冬梅", "因公外出")]),
        ("本次会议应到8人，实到6人，邵勇、严冬梅均请假。", [("邵勇", "请假"), ("严冬梅", "请假")]),
        (
            "缺席2人（邵勇值班、严冬梅在外培训），会议由韩立新主持。",
            [("邵勇", "值班"), ("严冬梅", "在外培训")],
        ),
        ("邵勇因病未能参加，由严冬梅同志代为领学。", [("邵勇", "因病")]),
        ("缺席2人（邵勇值班、严冬梅）。", [("邵勇", "值班"), ("严冬梅", None)]),
        ("請假人員：甯浩榮（值班）、邵勇（病假）。", [("甯浩荣", "值班"), ("邵勇", "病假")]),
    ],
)
def test_absentees_by_roster_names(text: str, want: list[tuple[str, str | None]]) -> None:
    assert absentees(text) == want


def test_a_reasonless_absentee_stays_without_a_reason() -> None:
    assert absentees("缺席人员及原因：邵勇（病假）、严冬梅。") == [("邵勇", "病假"), ("严冬梅", None)]


def test_the_reason_of_one_is_not_given_to_the_next_named() -> None:
    assert absentees("邵勇（病假）、严冬梅未参加。") == [("邵勇", "病假"), ("严冬梅", None)]


# ----------------------------------------------------------------- cues for the rules


def test_attendance_sentences_are_cues_even_when_no_count_is_read() -> None:
    record = read("到会情况：大部分党员按时到会。")
    assert record.actual_count is None
    assert record.cues.get("attendance")


def test_a_reason_written_in_another_sentence_is_read_or_a_cue() -> None:
    assert absentees("缺席人员：邵勇。") == [("邵勇", None)]
    assert absentees("缺席人员：邵勇。", "邵勇同志因公出差在外。") == [("邵勇", "因公出差在外")]
    assert absentees("缺席人员：邵勇。", "上述同志均因公出差在外。") == [("邵勇", "因公出差在外")]


def test_no_absence_sentence_no_absence_cue() -> None:
    record = read("应到8人，实到8人。", "韩立新领学了《中国共产党章程》。")
    assert "absence" not in record.cues and "absence_reason" not in record.cues


@pytest.mark.parametrize(
    "text",
    [
        "参会党员有韩立新、包晓雯、邵勇。",
        "应到5人，韩立新、包晓雯、邵勇等3人参加了会议。",
        "出席本次会议的党员为：韩立新，包晓雯，邵勇。",
    ],
)
def test_attendee_lists_without_a_form_label(text: str) -> None:
    record = read(text)
    assert record.attendees is not None and record.attendees.value == ["韩立新", "包晓雯", "邵勇"]


def test_a_collective_before_the_verb_is_no_list() -> None:
    assert read("院领导班子成员、全院党员干警出席会议。").attendees is None
    assert read("支部书记韩立新主持会议，全体党员参加了会议。").attendees is None


# ----------------------------------------------------------------- absentees without a roster


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("缺席2人,王五因公出差,赵六病假。", [("王五", "因公出差"), ("赵六", "病假")]),
        ("请假2人：张三丰，因公出差；王五，病假。", [("张三丰", "因公出差"), ("王五", "病假")]),
        ("王五、赵六分别因公出差、病假，未参加会议。", [("王五", "因公出差"), ("赵六", "病假")]),
        ("缺席情况：王五：因公出差；赵六：病假。", [("王五", "因公出差"), ("赵六", "病假")]),
        ("王五、赵六因公外出，未参加本次活动。", [("王五", "因公外出"), ("赵六", "因公外出")]),
        ("王五（病假）、赵六（出差）等2人未参加。", [("王五", "病假"), ("赵六", "出差")]),
        ("缺席党员：王五，原因：病假。", [("王五", "病假")]),
        ("未参会人员：王五—病假；赵六—出差。", [("王五", "病假"), ("赵六", "出差")]),
    ],
)
def test_absentees_without_a_roster(text: str, want: list[tuple[str, str | None]]) -> None:
    assert absentees(text, roster=[]) == want


def test_a_rule_about_leave_names_nobody() -> None:
    assert absentees("会议强调，党员确因有事无法参加的应书面请假。", roster=[]) == []
    assert absentees("王书记要求未参加的党员及时补学。", roster=[]) == []


def test_a_list_in_the_paragraph_after_its_head() -> None:
    record = read("参会人员名单如下：", "韩立新、包晓雯、邵勇。")
    assert record.attendees is not None and record.attendees.value == ["韩立新", "包晓雯", "邵勇"]


def test_a_name_followed_only_by_the_absence_verb_has_no_reason() -> None:
    assert absentees("缺席人员及原因：邵勇，未参加会议。") == [("邵勇", None)]


@pytest.mark.parametrize(
    "text",
    [
        "实到人员：韩立新、包晓雯、邵勇",
        "参会党员3名，分别是：韩立新、包晓雯、邵勇",
        "应到4人，实到3人，分别为韩立新、包晓雯、邵勇。",
        "应到4人，实到3人（韩立新、包晓雯、邵勇），缺席1人。",
        "应到4人，韩立新、包晓雯、邵勇，共3人参加会议。",
        "本次会议参会人员：韩立新、包晓雯、邵勇。",
        "应到4人，实到3人。名单：韩立新、包晓雯、邵勇",
        "应到4人，实到3人（韩立新；包晓雯；邵勇），缺席1人。",
        "参会党员韩立新、包晓雯和邵勇等3人。",
        "参会人员为全体党员（韩立新、包晓雯、邵勇）。",
        "参会者：韩立新、包晓雯、邵勇",
    ],
)
def test_attendee_lists_after_the_actual_count(text: str) -> None:
    record = read(text)
    assert record.attendees is not None and record.attendees.value == ["韩立新", "包晓雯", "邵勇"]
    assert record.actual_count is not None and record.actual_count.value == 3


def test_a_bracket_after_the_count_that_is_no_list() -> None:
    assert read("实到3人（其中预备党员1人）。").attendees is None


@pytest.mark.parametrize("roster", [ROSTER, []])
def test_titles_after_the_name_and_whom_leave_was_asked_of_are_no_reason(roster: list[str]) -> None:
    assert absentees("邵勇书记因公出差未参加。", roster=roster) == [("邵勇", "因公出差")]
    assert absentees("邵勇同志因家中有事已向支部书面请假。", roster=roster) == [("邵勇", "因家中有事")]


@pytest.mark.parametrize("roster", [ROSTER, []])
def test_a_reason_that_says_there_is_none_is_no_reason(roster: list[str]) -> None:
    assert absentees("缺席人员及原因：邵勇（病假）、严冬梅（无）。", roster=roster) == [
        ("邵勇", "病假"),
        ("严冬梅", None),
    ]
    assert absentees("邵勇病假、严冬梅无故未参加。", roster=roster) == [("邵勇", "病假"), ("严冬梅", None)]
    assert absentees("缺席2人：邵勇（出差）、严冬梅（原因不详）", roster=roster) == [
        ("邵勇", "出差"),
        ("严冬梅", None),
    ]


def test_a_run_of_roster_names_in_an_attendance_sentence_is_the_list() -> None:
    record = read("韩立新、包晓雯、邵勇，以上同志参加了会议。")
    assert record.attendees is not None and record.attendees.value == ["韩立新", "包晓雯", "邵勇"]
    assert read("缺席：韩立新、包晓雯、邵勇，以上同志参加培训。").attendees is None


def test_actual_is_expected_less_absent_when_only_those_are_written() -> None:
    assert counts("应到党员12名，缺席2名（邵勇病假、严冬梅值班）。") == (12, 10, 2)


@pytest.mark.parametrize(
    ("text", "how"),
    [
        ("应到党员12名，缺席2名（邵勇病假、严冬梅值班）。", "由应到人数减缺席人数推算"),
        ("参会人员：韩立新、宁浩荣、包晓雯", "按参会名单人数计"),
    ],
)
def test_a_count_worked_out_says_how(text: str, how: str) -> None:
    got = read(text).actual_count
    assert got is not None and got.inferred == how


def test_counts_written_are_not_marked_inferred() -> None:
    record = read("应到12人，实到10人，缺席2人。全体党员参加。")
    assert all(v is not None and v.inferred == "" for v in (record.expected_count, record.actual_count))
    assert read("缺席人员：无").absent_count is not None
    assert read("缺席人员：无").absent_count.inferred  # type: ignore[union-attr]


def test_reasons_in_a_line_of_their_own_follow_the_names_in_order() -> None:
    assert absentees("缺席人员：邵勇、严冬梅", "缺席原因：病假、出差") == [
        ("邵勇", "病假"),
        ("严冬梅", "出差"),
    ]


def test_a_reason_before_the_cue_that_heads_the_names() -> None:
    assert absentees("因病请假的有邵勇、严冬梅。") == [("邵勇", "因病"), ("严冬梅", "因病")]


def test_members_opening_the_sentence_then_attendance() -> None:
    assert counts("党员12名，实到11名。") == (12, 11, None)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("全组党员15名，这次来了12名。没回来的3个都在外地打工。", (15, 12, 3)),
        ("今天到了17个，还有3个老党员走不动，网格员上门送学。", (None, 17, None)),
        ("支部16名党员中，除去在外实习的2人，14名党员全部参加。", (16, 14, 2)),
        ("备注：今天签到的一共23人。", (None, 23, None)),
        ("支部的党员一共有19名，今天来开会的是16名，请假的有3名。", (19, 16, 3)),
        ("会议推选两名党员参加镇里的评比。", (None, None, None)),  # chosen to go elsewhere, not attendance
    ],
)
def test_counts_written_colloquially(text: str, want: tuple[int | None, int | None, int | None]) -> None:
    assert counts_of(meeting(text, roster=[])) == want


def test_a_list_run_into_a_count_of_others_on_leave_names_no_absentee() -> None:
    # a PDF line joined to the next: the last attendee, then 另有三人事先请假 (the three are not named)
    for texts in (
        ["参会人员：张建国、李梅、王海涛、赵小红、孙立另有三人事先请假。"],
        ["孙立另有三人事先请假。"],
    ):
        for roster in ([], ["孙立", "张建国"]):
            record = meeting(*texts, roster=roster)
            assert record.absentees == []
            assert counts_of(record)[2] == 3


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("应该来十九个来了十六个，没来的就是老孟。", (19, 16, None)),
        ("这次会是应该来十八个 实际来了十五个 差三个", (18, 15, 3)),
        ("八个党员来了七个，老贺腿疼在家。", (8, 7, None)),
        ("支部党员十四个，到了十一个。", (14, 11, None)),
        ("支部11名党员到了10名，一人出差。", (11, 10, 1)),  # the one away counted with their errand
        (
            "会上分了三个小组，每个小组来了两个群众代表。",
            (None, None, None),
        ),  # groups, not the meeting's members
    ],
)
def test_the_whole_then_the_part_that_came_as_said_aloud(
    text: str, want: tuple[int | None, int | None, int | None]
) -> None:
    assert counts_of(meeting(text, roster=[])) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("去年同期，支部开展同类活动时，共有13名党员和5名群众参加。", (None, None, None)),  # another time
        ("到会正式党员21名，预备党员3名列席旁听。", (None, 21, None)),  # 列席: there, not counted
        (
            "全组党员30名，现场参加的有22名，在外地的5名党员通过视频连线参加，另有3名党员未能参加。",
            (30, 27, 3),
        ),
        ("参会情况：支部党员共18人，现场参会10人，线上参会6人；2人未参会。", (18, 16, 2)),
    ],
)
def test_other_times_observers_and_attendance_on_site_and_online(
    text: str, want: tuple[int | None, int | None, int | None]
) -> None:
    assert counts_of(meeting(text, roster=[])) == want


@pytest.mark.parametrize("roster", [[], ["张建国", "李梅", "王海涛", "赵小红", "孙立", "周志明"]])
def test_a_list_of_those_present_run_into_others_on_leave_for_a_reason_names_no_absentee(
    roster: list[str],
) -> None:
    record = meeting("签到参会：张建国 李梅 王海涛 赵小红 孙立 周志明 另有2人因工作原因请假。", roster=roster)
    assert record.absentees == []
    assert counts_of(record)[2] == 2


@pytest.mark.parametrize("roster", [[], ["张建国", "李梅", "王海涛", "赵小红", "孙立", "周志明"]])
def test_a_list_of_those_present_run_into_a_smaller_count_away_names_no_absentee(roster: list[str]) -> None:
    record = meeting("签到参会：张建国 李梅 王海涛 赵小红 孙立 周志明 2名同志因工作原因请假。", roster=roster)
    assert record.absentees == []


def test_names_then_their_own_count_away_stay_absentees() -> None:
    record = meeting("缺席人员：张建国、李梅，2名同志因公出差请假。", roster=[])
    assert [a.name for a in record.absentees] == ["张建国", "李梅"]


def _absent(*lines: str) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in meeting(*lines, roster=[]).absentees]


def test_a_table_of_absentees_with_a_heading_row_whose_rows_end_early() -> None:
    lines = [
        "未到会名单：",
        "序号　姓名　　部门　　　情况",
        "1　　柯玉成　　销售部　外地参展",
        "2　　甘　露　　行政部",
        "3　　潘建新　　仓库　　病假",
    ]
    assert _absent(*lines, "会议由支部书记主持。") == [
        ("柯玉成", "外地参展"),
        ("甘露", None),
        ("潘建新", "病假"),
    ]


@pytest.mark.parametrize(
    "rows",
    [
        ["装配车间　　柯玉成　　外地参展", "行政部　　　甘　露　　/", "仓库　　　　潘建新　　病假"],
        ["柯玉成　　钳工　　外地参展", "甘　露　　文员　　/", "潘建新　　保管员　　病假"],
    ],
)
def test_rows_under_a_bare_head_read_as_a_name_and_the_last_cell(rows: list[str]) -> None:
    lines = ["请假明细（已在系统备案）：", *rows, "主持：党支部书记　邢国梁"]
    assert _absent(*lines) == [("柯玉成", "外地参展"), ("甘露", None), ("潘建新", "病假")]


def test_items_apart_by_semicolons_keep_their_own_reasons() -> None:
    assert _absent("请假：柯玉成；潘建新，病假；甘露，外地参展；邢国梁。") == [
        ("柯玉成", None),
        ("潘建新", "病假"),
        ("甘露", "外地参展"),
        ("邢国梁", None),
    ]


@pytest.mark.parametrize(
    "line",
    ["出席：应到11人，实到10人（缺：邢国梁，年休假）。", "到会 10 / 11（缺：邢国梁，年休假，已在系统报备）"],
)
def test_the_one_away_named_in_brackets_after_the_counts(line: str) -> None:
    assert _absent(line) == [("邢国梁", "年休假")]


@pytest.mark.parametrize("roster", [[], ["邢国梁", "柯玉成", "潘建新", "甘露"]])
def test_a_table_of_who_came_ticked_and_crossed(roster: list[str]) -> None:
    lines = [
        "委员出席：",
        "姓名　　　职务　　　出席",
        "邢国梁　　书记　　　✓",
        "柯玉成　　组织委员　✗（在省里开会）",
        "潘建新　　宣传委员　√",
        "甘露　　　纪检委员　×",
    ]
    record = meeting(*lines, "会议由书记邢国梁主持。", roster=roster)
    assert [(a.name, a.reason) for a in record.absentees] == [("柯玉成", "在省里开会"), ("甘露", None)]


def test_further_heads_on_the_lines_after_a_list() -> None:
    lines = ["请假：柯玉成、潘建新（驻外项目部，已书面请假）", "未到：邢国梁", "内容：学习党章。"]
    assert _absent(*lines) == [("柯玉成", "驻外项目部"), ("潘建新", "驻外项目部"), ("邢国梁", None)]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("到场17个，会上讨论了修路的事。", 17),
        ("这次17名党员准时参会。", 17),
        ("晚上7点，17人参学。", 17),
        ("今天听课的有17人。", 17),
        ("党员17名一起参加。", 17),
    ],
)
def test_a_number_of_members_beside_an_attending_verb_is_the_count_present(text: str, n: int) -> None:
    record = meeting(text, roster=[])
    assert record.actual_count is not None and record.actual_count.value == n


@pytest.mark.parametrize(
    "text",
    [
        "两名入党积极分子参加，坐在后排。",  # others than members
        "团委书记带了12名团员一起参加。",
        "组织委员推荐2名党员参加县里的评比。",  # chosen to go elsewhere
        "另有2人参加县里的培训，没有到会。",  # away
    ],
)
def test_a_number_beside_an_attending_verb_that_is_not_the_members_present_is_no_count(text: str) -> None:
    assert meeting(text, roster=[]).actual_count is None


def test_the_members_number_in_the_sentence_counting_those_present_is_the_expected_count() -> None:
    assert counts_of(meeting("组织委员核对了签到：网点党员19名，签到16名。", roster=[]))[:2] == (19, 16)
    assert counts_of(meeting("在册党员44名，多是年高体弱的老同志，本次到场29名。", roster=[]))[:2] == (44, 29)
    assert counts_of(meeting("二支部党员25名中到会21名。", roster=[]))[:2] == (25, 21)
    # a part of the members (在职), or some of them picked out (其中), is no expected count
    assert counts_of(meeting("本次在职党员18名全部到会，退休党员到会7名。", roster=[]))[0] is None
    assert counts_of(meeting("党总支共有党员173人，其中一季度过生日的党员有45人参加。", roster=[]))[0] is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("我们支部在册党员16名，今晚除了老周、薛红梅两人外，其余14名都到了。", (16, 14, 2)),
        ("所里党员14名，除甘宇、包立新两名同志外，其余12名党员都在场。", (14, 12, 2)),
        ("除了在抢修现场的石勇，支部党员全部到齐，一共15人。", (None, 15, None)),
        ("今天在场的党员30名，在册32名。", (32, 30, None)),
        ("在册党员32名，在场党员30名。", (32, 30, None)),
    ],
)
def test_attending_in_everyday_words_after_a_number(text: str, want: tuple) -> None:
    assert counts_of(meeting(text, roster=[])) == want


@pytest.mark.parametrize(
    "rows",
    [
        ("缺席人员\t原因", "苗国栋\t带队参加省物理竞赛", "沈依然\t产假"),  # the label heads the name column
        (
            "缺席人员\t姓名\t原因",
            "\t苗国栋\t带队参加省物理竞赛",
            "\t沈依然\t产假",
        ),  # a label spanning the rows
    ],
)
def test_a_table_of_absentees_under_their_label(rows: tuple[str, ...]) -> None:
    record = meeting("应到27人，实到25人，缺席2人。", *rows, roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("苗国栋", "带队参加省物理竞赛"),
        ("沈依然", "产假"),
    ]


def test_a_titled_name_away_somewhere_then_on_leave() -> None:
    record = meeting("支部应到党员12名，实到11名；教导员程立平在市局参加专项督导，请假。", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [("程立平", "在市局参加专项督导")]


def test_a_reason_first_after_an_absence_label() -> None:
    record = meeting(
        "应到：18人　实到：16人", "未到：因在外省参加技术培训，党员林江、白露未能参会。", roster=[]
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("林江", "因在外省参加技术培训"),
        ("白露", "因在外省参加技术培训"),
    ]


def test_those_excepted_before_the_rest_in_everyday_words() -> None:
    text = "支部党员16名，除王建华（回老家奔丧）、薛红梅（在省城照看女儿）外，其余14名都到了。"
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == [
        ("王建华", "回老家奔丧"),
        ("薛红梅", "在省城照看女儿"),
    ]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("小组党员7名，5人到会，另有2人分别因外出送货、在仓库盘点未能参加。", "因外出送货、在仓库盘点"),
        ("支部现有党员12名，除2名驻海南育种基地的党员外，其余10名党员全部参加。", "驻海南育种基地"),
        (
            "应到党员45名，实到42名；另有3名党员因在村里驻点开展防汛隐患排查请假。",
            "因在村里驻点开展防汛隐患排查请假",
        ),
        ("支部党员20名，18名参加，2名党员在村里开展防汛值守请假。", "在村里开展防汛值守"),
        ("支部党员12人，本次到会11人，1人在邻县收购药材请假。", "在邻县收购药材"),
        ("支部共15名党员，12名参加，另有3名党员外出打工，已提前请假。", "外出打工"),
        ("支部现有党员30名，到会27名，其余3名在珠三角工厂实习，已向支部书记请假。", "在珠三角工厂实习"),
        (
            "支部共有党员36名，除3名党员教师带学生赴省城参加科技创新大赛外，其余33名党员全部参加。",
            "带学生赴省城参加科技创新大赛",
        ),
        (
            "在册党员30名，到会25名，外出务工的5名党员（在厦门的3名、在温州的2名）都在会前向支部请了假。",
            "外出务工",
        ),
    ],
)
def test_the_reason_of_absentees_counted_but_not_named(text: str, why: str) -> None:
    record = meeting(text, roster=[])
    assert record.unnamed_leave is not None and record.unnamed_leave.value == why


def test_the_whole_then_those_who_came_without_a_comma() -> None:
    assert counts_of(meeting("支委5人到4人，纪检委员赵六在省厅培训，已请假。", roster=[]))[:2] == (5, 4)


@pytest.mark.parametrize(
    ("text", "covered"),
    [
        ("应到10人，实到7人，缺席3人，其中2人请假。", 2),
        ("应到10人，实到8人，缺席2人，均已请假。", 2),
        ("应到24人，实到21人，缺席3人（其中2人在外地企业实习，1人因病请假）。", 3),
        ("支部党员总数35人，到会31人，请假4人（年老体弱3人，外出探亲1人）。", 4),  # not the 31 before it
        ("机关第二党支部党员20名，18名参加，2名党员在村里开展防汛值守请假。", 2),  # 18名参加 is no part
        ("应到党员40人，实到36人，4人请假（3人赴外地培训，1人病假）。", 4),  # its breakdown, not 4 more
        ("在册党员30名，到会25名，外出务工的5名党员（在厦门的3名、在温州的2名）都在会前请了假。", 5),
    ],
)
def test_how_many_absentees_the_unnamed_reason_covers(text: str, covered: int) -> None:
    assert meeting(text, roster=[]).unnamed_leave_count == covered


def test_a_reason_of_looking_after_family_somewhere() -> None:
    record = meeting("应到16人，实到15人。薛红梅在省城照看刚出院的母亲，没有来。", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [("薛红梅", "在省城照看刚出院的母亲")]


def test_nobody_missing_said_aloud_counts_those_online_too() -> None:
    text = "支部现有党员12名。到会场的10名；抢修班的两名党员用手机视频接入全程参加，12名党员一个不少。"
    record = meeting(text, roster=[])
    assert record.actual_count is not None and record.actual_count.value == 12
    assert record.actual_count.confidence == 1.0  # the members counted with all of them there: written


def test_the_rest_all_there_is_not_everyone() -> None:
    record = meeting("支部党员14名，2名请假，其余12名党员全部到齐。", roster=[])
    assert record.actual_count is not None and record.actual_count.value == 12


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("应到11人，实到10人，缺1人（黎建新，值班备勤）。", [("黎建新", "值班备勤")]),
        ("缺席2人（黎建新，值班备勤、宋玉，病假）。", [("黎建新", "值班备勤"), ("宋玉", "病假")]),
    ],
)
def test_a_comma_between_a_name_and_its_reason_in_a_bracket(text: str, want: list[tuple[str, str]]) -> None:
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == want


def test_names_apart_by_commas_stay_names() -> None:
    assert [(a.name, a.reason) for a in meeting("缺席2人：黎建新，宋玉。", roster=[]).absentees] == [
        ("黎建新", None),
        ("宋玉", None),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "缺席3名：扎西顿珠在北边夏季牧场放牧未归，格桑卓嘎陪孩子到拉萨看病，索朗平措在县里参加业务培训。",
            [
                ("扎西顿珠", "在北边夏季牧场放牧未归"),
                ("格桑卓嘎", "陪孩子到拉萨看病"),
                ("索朗平措", "在县里参加业务培训"),
            ],
        ),
        (
            "缺席2人：吉克阿木外出务工，沙马尔布在西昌住院。",
            [("吉克阿木", "外出务工"), ("沙马尔布", "在西昌住院")],
        ),
    ],
)
def test_names_no_surname_anchors_glued_to_their_reasons(text: str, want: list[tuple[str, str]]) -> None:
    """A Tibetan name of common parts, a Yi family name and its given name: each ends where the reason begins."""
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == want


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("主持人：支部书记和建华", "和建华"),
        ("会议由支部书记和建华主持。", "和建华"),
        ("主持人：党支部书记普发荣", "普发荣"),
        ("供电所所长、支部书记母德全主持。", "母德全"),
        ("由支部书记、副院长朴英哲主持。", "朴英哲"),
        ("会议由李德全主持。", "李德全"),
    ],
)
def test_surnames_that_are_everyday_characters_after_a_title(text: str, name: str) -> None:
    record = meeting(text, roster=[])
    assert record.presider is not None and record.presider.value == name


@pytest.mark.parametrize("text", ["由普通党员主持。", "主持人：支部书记来了"])
def test_everyday_words_after_a_title_are_no_names(text: str) -> None:
    assert meeting(text, roster=[]).presider is None


def test_and_before_a_person_is_no_surname() -> None:
    text = "因骨折在家休养的老党员费长庚，和随女儿在苏州居住的党员谭秋萍未能到场听课。"
    assert "和随" not in {a.name for a in meeting(text, roster=[]).absentees}


@pytest.mark.parametrize(
    "texts",
    [
        ("缺席人员及原因", "1.艾文斌 门诊坐诊", "2.叶青青 夜班后补休", "3.钱少杰 在省中医院进修"),
        ("缺席人员及原因：", "1.艾文斌 门诊坐诊", "2.叶青青 夜班后补休", "3.钱少杰 在省中医院进修"),
        ("缺席人员及原因：1.艾文斌 门诊坐诊 2.叶青青 夜班后补休 3.钱少杰 在省中医院进修",),
    ],
)
def test_numbered_absentees_a_line_each_or_in_one_line(texts: tuple[str, ...]) -> None:
    assert [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees] == [
        ("艾文斌", "门诊坐诊"),
        ("叶青青", "夜班后补休"),
        ("钱少杰", "在省中医院进修"),
    ]


def test_a_list_goes_on_in_lines_of_items_cut_at_their_semicolons() -> None:
    texts = (
        "请假：石长林、石长贵兄弟在上海打工",
        "宋凤霞 住院；车永安 骨折卧床；",
        "吕春梅 去外地照看孙子；周德厚 出差",
    )
    assert [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees] == [
        ("石长林", "在上海打工"),
        ("石长贵", "在上海打工"),
        ("宋凤霞", "住院"),
        ("车永安", "骨折卧床"),
        ("吕春梅", "去外地照看孙子"),
        ("周德厚", "出差"),
    ]


def test_a_list_read_a_line_each_is_not_read_twice() -> None:
    texts = (
        "没到的3名：",
        "房桂芝——市中心医院住院；",
        "屈光明——在深圳儿子家过冬；",
        "南宫秀英——未说明原因，电话无人接。",
    )
    found = [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees]
    assert found[:2] == [("房桂芝", "市中心医院住院"), ("屈光明", "在深圳儿子家过冬")]
    assert [name for name, _ in found] == ["房桂芝", "屈光明", "南宫秀英"]


def test_a_bracket_that_is_the_reasons_own_detail() -> None:
    found = meeting("缺席人员及原因：严小满 外出打工（浙江）；任宝贵 在县城开货车", roster=[]).absentees
    assert [(a.name, a.reason) for a in found] == [("严小满", "外出打工(浙江)"), ("任宝贵", "在县城开货车")]


def test_a_list_a_line_each_the_name_and_reason_apart_by_a_wide_space() -> None:
    texts = (
        "缺席人员及原因",
        "戚永福　防汛值守（S218线K41塌方点）",
        "袁国梁　防汛值守（青龙桥）",
        "曲桂香　休年假",
        "万子宸　夜班",
        "会议内容      学习",
    )
    assert [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees] == [
        ("戚永福", "防汛值守(S218线K41塌方点)"),
        ("袁国梁", "防汛值守(青龙桥)"),
        ("曲桂香", "休年假"),
        ("万子宸", "夜班"),
    ]


@pytest.mark.parametrize("mark", ["/", "—", "无"])
def test_a_reason_left_empty_in_its_bracket_is_no_one_elses(mark: str) -> None:
    found = meeting(f"缺席人员及原因\t刁立成（{mark}）、张建平（出差）", roster=[]).absentees
    assert [(a.name, a.reason) for a in found] == [("刁立成", None), ("张建平", "出差")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "请假3人：杨一诺在南宁一中教育实习，白若溪去杭州参加演讲比赛，严可馨发烧在宿舍隔离观察。",
            [
                ("杨一诺", "在南宁一中教育实习"),
                ("白若溪", "去杭州参加演讲比赛"),
                ("严可馨", "发烧在宿舍隔离观察"),
            ],
        ),
        (
            "缺席2人：常海波去省疾控押运设备，乐敏敏今天上夜班。",
            [("常海波", "去省疾控押运设备"), ("乐敏敏", "今天上夜班")],
        ),
    ],
)
def test_reasons_that_open_with_an_illness_or_a_shift_today(text: str, want: list[tuple[str, str]]) -> None:
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == want


def test_a_rare_surname_glued_to_its_reason() -> None:
    text = "2名因工作请假：者永刚在山上抢修线路倒杆，吉克伍呷在县公司参加安全规程考试。"
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == [
        ("者永刚", "在山上抢修线路倒杆"),
        ("吉克伍呷", "在县公司参加安全规程考试"),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("缺席1人：漆雁回（毕业设计赴外地调研，已书面请假）。", [("漆雁回", "毕业设计赴外地调研")]),
        (
            "请假3人：阮叶青值班，樊玉洁产假，冷志坚病。",
            [("阮叶青", "值班"), ("樊玉洁", "产假"), ("冷志坚", "病")],
        ),
    ],
)
def test_a_name_ending_in_a_word_that_needs_a_place_is_read_whole(
    text: str, want: list[tuple[str, str]]
) -> None:
    """漆雁回（…）: 回 with nothing after it is the name's last character, not 回… a reason."""
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == want


@pytest.mark.parametrize("text", ["母亲做手术", "普通党员在", "木工房值班", "盘点库存", "线上参会"])
def test_a_word_opening_with_a_rare_surname_is_no_name(text: str) -> None:
    assert named_alone(text[:3]) is None


def test_a_count_row_with_a_column_per_group_reads_its_total() -> None:
    record = meeting("党员\t在职\t退休\t预备\t合计", "应到\t21\t4\t2\t27", "实到\t19\t2\t2\t23", roster=[])
    assert counts_of(record)[:2] == (27, 23)


def test_absentees_listed_under_their_members_group() -> None:
    record = meeting(
        "未到人员\t桥吊队 邵岩（夜班补休）；",
        "机修队 闵建军（因病）；",
        "退休党员 包长林（随子女在深圳）、康凤仪（/）",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("邵岩", "夜班补休"),
        ("闵建军", "因病"),
        ("包长林", "随子女在深圳"),
        ("康凤仪", None),
    ]


def test_a_list_a_row_per_person_with_dashes_and_a_blank_reason() -> None:
    record = meeting(
        "应到党员26名，实到23名，缺席3名。",
        "缺席人员及原因：",
        "甄立新——任市初中物理优质课评比评委",
        "蒯思远——",
        "蓝翠微——产假",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("甄立新", "任市初中物理优质课评比评委"),
        ("蒯思远", None),
        ("蓝翠微", "产假"),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("支委5名，到会4名。李大强（组织委员）去县里开会，未到。", [("李大强", "去县里开会")]),
        ("缺席：李大强（组织委员）、王芳（病假）", [("李大强", None), ("王芳", "病假")]),
    ],
)
def test_a_title_in_brackets_after_an_absentee_is_no_reason(
    text: str, want: list[tuple[str, str | None]]
) -> None:
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == want


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (("到会率90%（27/30），请假3人，事由附在文末。",), (30, 27, 3)),
        (("小组党员8名，当天在场6名（出席率75%）。",), (8, 6, None)),
        (
            (
                "到会情况：支部党员11名。",
                "组织委员点名：濮阳立诚、贝雨桐，以上9人均到；汤国伟、袁晓晨二人未到。",
            ),
            (11, 9, 2),
        ),
        (("全村四十二名党员，除常年在外务工的五名党员请了假，其余三十七名党员都到了会。",), (42, 37, None)),
        (
            (
                "社区党支部共有党员56名（在职党员18名、退休党员38名）。",
                "在职党员到会15名，退休党员到会32名，合计47名；请假9名。",
            ),
            (56, 47, 9),
        ),
        (
            (
                "到会情况：第一党小组（党政办）应到9人实到8人；第二党小组（教务处）应到10人实到9人；第三党小组应到8人实到8人。",
            ),
            (27, 25, None),
        ),
        (
            (
                "第一党小组应到7人，到会6人，请假1人（甲某，出差）；第二党小组应到6人，到会5人，请假1人（乙某，病假）；"
                "第三党小组应到7人，到会7人。",
            ),
            (20, 18, 2),
        ),
        (
            (
                "到会情况（按党小组）：",
                "水工党小组　应到8人　到会7人　请假1人",
                "地质党小组　应到7人　到会7人",
                "合　　计　　应到15人　到会14人　请假1人",
            ),
            (15, 14, 1),
        ),
        (("党员总数31人：在职17人参加，退休9人参加，请假4人。",), (31, 26, 4)),
        # a form's parts written without 党员; a platform's sign-in tally; two sittings by shift
        (("应到人数：正式20名、预备1名", "实到人数：正式18名、预备1名"), (21, 19, None)),
        (("签到情况　　已签到 19 / 应签到 21（未签到 2）",), (21, 19, 2)),
        (
            ("白班批：上午交班后，党员活动室，到会12人", "夜班批：晚上接班前，同一地点，到会9人"),
            (None, 21, None),
        ),
        # a platform's row: the sign-in count beside the expected one, a rate's label after it
        (("应到：26人　签到：23人　请假：3人　参会率：88.46%",), (26, 23, 3)),
        # the branch's members under their own label are no attendance
        (
            (
                "支部党员：正式党员16名，预备党员2名，共18名。",
                "应到会有表决权的正式党员16名，实到15名，未到1名（蒋若涵 外派支援）。",
            ),
            (16, 15, 1),
        ),
    ],
)
def test_attendance_accounted_for_in_other_ways(texts: tuple[str, ...], want: tuple[int | None, ...]) -> None:
    assert counts_of(meeting(*texts, roster=[])) == want


def test_a_list_headed_by_the_reasons_for_leave() -> None:
    record = meeting(
        "请假3人，事由附在文末。",
        "请假事由：甘沁苒，夜班后休息；武小川，在省儿童医院进修；倪佳佳，病。",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("甘沁苒", "夜班后休息"),
        ("武小川", "在省儿童医院进修"),
        ("倪佳佳", "病"),
    ]


def test_a_word_of_party_life_opening_with_the_surname_dang_is_no_absentee() -> None:
    text = "“支部：本人因赴澄湖县开展灾害调查，不能参加6月20日下午的党课，特此请假，回来后补学。"
    assert [a.name for a in meeting("应到党员16名，实到15名，缺席1名。", text, roster=[]).absentees] == []


def test_a_line_per_absentee_under_a_count_ending_in_a_colon() -> None:
    record = meeting(
        "应到20人，实到18人，缺席2人：", "柯子涵（在新加坡出差）", "庞海鸥（未上线，原因不明）", roster=[]
    )
    assert [(a.name, a.reason) for a in record.absentees] == [("柯子涵", "在新加坡出差"), ("庞海鸥", None)]


@pytest.mark.parametrize("text", ["柯子涵（在新加坡出差，时差原因请假）", "柯子涵在新加坡出差，时差原因请假"])
def test_no_name_is_cut_out_of_a_word_before_its_reason(text: str) -> None:
    record = meeting("应到20人，实到19人，缺席1人：", text, roster=[])
    assert all(a.name == "柯子涵" for a in record.absentees)


def test_a_listed_name_that_ends_like_a_word() -> None:
    record = meeting("应到党员19名，实到17名，祁建中、王立在野外站开展冬季观测，已请假。", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("祁建中", "在野外站开展冬季观测"),
        ("王立", "在野外站开展冬季观测"),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("缺席1人：宫秀兰听力不好，用不了视频。", [("宫秀兰", "听力不好,用不了视频")]),
        ("缺席1人：杨老三年老卧床。", [("杨老三", "年老卧床")]),
    ],
)
def test_reasons_of_age_and_the_senses_glued_to_the_name(text: str, want: list[tuple[str, str]]) -> None:
    assert [(a.name, a.reason) for a in meeting("应到24人，实到23人。", text, roster=[]).absentees] == want


def test_expected_and_actual_given_as_members_and_probationers() -> None:
    record = meeting("应到人员：正式党员16人，预备党员3人", "实到人员：正式党员15人，预备党员3人", roster=[])
    assert counts_of(record)[:2] == (19, 18)


def test_a_list_of_those_present_with_nobody_away_names_no_absentee() -> None:
    text = "出席：覃海燕、曲一航、诸葛文斌、伍明珠、喻振宇（应到支委5人，实到5人，缺席0人）"
    assert absentees(text, roster=[]) == []


def test_a_denial_glued_to_the_names_is_no_part_of_a_name() -> None:
    assert absentees("王芳、赵六无故缺席。", roster=[]) == [("王芳", None), ("赵六", None)]


def test_the_others_counted_after_a_named_absentee_keep_their_own_reason() -> None:
    record = read("应到17人，实到14人，缺席3人：方晓琳病假，另2人上夜班。", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [("方晓琳", "病假")]
    assert record.unnamed_leave is not None and record.unnamed_leave.value == "上夜班"
    assert record.unnamed_leave_count == 2


def test_leave_notes_received_list_the_absentees() -> None:
    text = "应到13人,实到11人,收到请假条2张:芮晓彤(孩子住院),季名扬(在深圳客户现场部署系统)."
    assert absentees(text, roster=[]) == [("芮晓彤", "孩子住院"), ("季名扬", "在深圳客户现场部署系统")]


def test_a_team_member_title_before_the_first_name_of_a_list() -> None:
    text = "另有2名驻村工作队员韦秀娥、蓝金翠因在村里防汛值守，经支部书记同意请假。"
    assert [n for n, _ in absentees(text, roster=[])] == ["韦秀娥", "蓝金翠"]


def test_a_list_continued_on_the_next_line_by_a_name_and_its_bracket() -> None:
    text = ("缺席人员及原因：刘春生（在浙江打工）", "汪桂枝（脚崴了）")
    assert absentees(*text, roster=[]) == [("刘春生", "在浙江打工"), ("汪桂枝", "脚崴了")]
    text = ("缺席人员及原因：刘春生（在浙江打工）", "汪桂枝（无故缺席）")
    assert absentees(*text, roster=[]) == [("刘春生", "在浙江打工"), ("汪桂枝", None)]


def test_count_labels_with_their_unit_in_brackets() -> None:
    assert counts_of(read("应到人数（人）：21　　实到人数（人）：19", roster=[]))[:2] == (21, 19)
    assert counts_of(read("应到人数（人）", "17", "实到人数（人）", "16", roster=[]))[:2] == (17, 16)
    assert counts_of(read("应到会党员(人):34", "实到会党员(人):28", roster=[]))[:2] == (34, 28)


def test_a_numbered_row_under_a_bare_heading_whose_name_opens_with_a_counting_word() -> None:
    # 1.项… is a row's number, not "1项" (one item)
    found = absentees("缺席人员及原因：", "1.项明远　产假", "2.霍建伟　外出进修", roster=[])
    assert found == [("项明远", "产假"), ("霍建伟", "外出进修")]
    assert absentees("缺席3人：1.张明病假；2.王芳出差；3.赵六事假。", roster=[])[0] == ("张明", "病假")


@pytest.mark.parametrize(
    ("text", "counts", "absentees"),
    [
        (
            "参会23/26，缺3：邝秋实（外出培训）、裘美玲（病假）、洪一鸣（探亲）",
            (26, 23, 3),
            [("邝秋实", "外出培训"), ("裘美玲", "病假"), ("洪一鸣", "探亲")],
        ),
        (
            "应到26,实到23,请假3(邝秋实 外出培训;裘美玲 病假;洪一鸣 探亲).",
            (26, 23, 3),
            [("邝秋实", "外出培训"), ("裘美玲", "病假"), ("洪一鸣", "探亲")],
        ),
        (
            "应到：26　实到：23　缺席：3（外出培训2人：邝秋实、裘美玲；探亲1人：洪一鸣）",
            (26, 23, 3),
            [("邝秋实", "外出培训"), ("裘美玲", "外出培训"), ("洪一鸣", "探亲")],
        ),
    ],
)
def test_a_form_typed_in_haste_gives_its_counts_and_absentees(
    text: str, counts: tuple[int, int, int], absentees: list[tuple[str, str]]
) -> None:
    record = meeting(text, roster=[])
    assert counts_of(record) == counts
    assert [(a.name, a.reason) for a in record.absentees] == absentees


def test_an_absentee_note_headed_explanation_is_a_list() -> None:
    record = meeting(
        "应到9人，实到7人，请假2人。", "请假说明：张明（驻场外地客户工厂调试设备）；王芳（婚假）"
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("张明", "驻场外地客户工厂调试设备"),
        ("王芳", "婚假"),
    ]


def test_a_driver_called_master_after_the_name_and_the_reason_glued_on() -> None:
    record = meeting(
        "应到15人，实到13人。", "请假2人：张明师傅接了送机的长途单去了临市；王芳师傅车辆当天年检。"
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("张明", "接了送机的长途单去了临市"),
        ("王芳", "车辆当天年检"),
    ]


def test_reasons_that_open_with_being_sent_or_the_day_before() -> None:
    record = meeting(
        "支部应到党员19名，实到17名。",
        "党员张明前一天值夜班，当天补休；党员王芳被派往县城分院支援义诊，未能赶回。",
    )
    assert [a.name for a in record.absentees] == ["张明", "王芳"]
    assert all(a.reason for a in record.absentees)


def test_names_in_brackets_after_their_count_and_a_worker_on_shift() -> None:
    record = meeting("应到党员13名,实到12名,1名(张明)因参加全省技能竞赛集训请假.")
    assert [(a.name, a.reason) for a in record.absentees] == [("张明", "因参加全省技能竞赛集训")]
    record = meeting("到会情况：党小组党员9名，到会8名，门机司机王芳当班作业请假。")
    assert [(a.name, a.reason) for a in record.absentees] == [("王芳", "当班作业")]


def test_old_comrades_on_leave_with_a_reason_unnamed() -> None:
    record = meeting("本次活动应到党员26名，实到21名，5名老同志因年事已高、身体不适请假。", roster=[])
    assert record.unnamed_leave is not None and "年事已高" in record.unnamed_leave.value
    assert record.unnamed_leave_count == 5


def test_the_formal_xi_before_the_cause() -> None:
    record = meeting("应到5人,实到4人。组织委员张明系出国访问(随科考船出海)未能参会。")
    assert [(a.name, a.reason) for a in record.absentees] == [("张明", "出国访问(随科考船出海)")]


def test_a_denial_said_apart_is_evidence_and_a_late_arrival_no_reason() -> None:
    denied = meeting(
        "应到19人，实到17人，缺席2人：赖卓然（在海南南繁基地育种）、应书杰。", "应书杰，原因不明。", roster=[]
    )
    assert "absence_reason" not in denied.cues
    late = meeting(
        "应到22人，实到21人，缺席1人：谷长生。",
        "到会情况说明：党员教师邱海漪因护送学生去镇卫生院，迟到约二十分钟，到会后参加了后半程活动。",
        roster=[],
    )
    assert "absence_reason" not in late.cues


@pytest.mark.parametrize(
    ("texts", "counts"),
    [
        # the membership, more about the members after it, the attendance in the next sentence
        (("本支部现有党员23名，其中正式党员9名、预备党员14名。本次活动实到20人。",), (23, 20)),
        (("支部现有党员23名，分属商圈内3家配送站点。本次活动实到20名。",), (23, 20)),
        # not another body's figure after the branch's: the group's meeting counts the group
        (("本支部党员58人，分5个党小组，第三党小组共12人。本次到会11人。",), (None, 11)),
        # the expected count with what it includes in brackets
        (("應到黨員（含預備黨員）18人", "實到17人"), (18, 17)),
        # slips of a page typed from OCR: 应列 for 应到, a count written in letters
        (("应列人数：2l人 实到人数：19人",), (21, 19)),
        (("本組黨員l2人，到會ll人，請假l人。",), (12, 11)),
    ],
)
def test_expected_and_actual_as_branches_write_them(
    texts: tuple[str, ...], counts: tuple[int | None, int]
) -> None:
    record = meeting(*texts, roster=[])
    got = tuple(c.value if c else None for c in (record.expected_count, record.actual_count))
    assert got == counts


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("本组党员9名，到会8名，公出1名。", 1),  # the one kind of absence closing the counts
        ("党员九个，到了八个，就差一个，冼启航去客户那边了。", 1),
        ("应刭会党员24人，实到2O人，请暇4人。", 4),  # slips of like shape
    ],
)
def test_absent_counts_as_branches_write_them(text: str, absent: int) -> None:
    record = meeting(text, roster=[])
    assert record.absent_count is not None and record.absent_count.value == absent


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (  # a line per person after the count's sentence, as many as it counts
            (
                "应到18名，实到15名，请假3名。",
                "　邝玉成　随医疗队下乡",
                "　黎春燕　产假",
                "　单雪　（已报科室）",
            ),
            [("邝玉成", "随医疗队下乡"), ("黎春燕", "产假"), ("单雪", None)],
        ),
        (  # the count first, then the head
            ("应到11人，实到9人。两位没来：会计邝玉成在休产假，出纳黎春燕去市里培训。",),
            [("邝玉成", "在休产假"), ("黎春燕", "去市里培训")],
        ),
        (  # the list told by someone in the story
            ("支部党员十二名，到会十名。书记先把请假的说了：邝玉成在城里带孙子；黎春燕住院了。",),
            [("邝玉成", "在城里带孙子"), ("黎春燕", "住院了")],
        ),
        (  # a pair's word opening the reason after the second name is both of theirs
            ("应到10人，实到8人，缺席2人：邝玉成，邝玉林（兄弟俩回老家办事）。",),
            [("邝玉成", "兄弟俩回老家办事"), ("邝玉林", "兄弟俩回老家办事")],
        ),
    ],
)
def test_absentee_lists_written_in_more_ways(
    texts: tuple[str, ...], want: list[tuple[str, str | None]]
) -> None:
    assert [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees] == want


def test_lines_after_a_count_sentence_beyond_its_number_are_not_its_list() -> None:
    texts = ("应到18名，实到17名，请假1名。", "邝玉成　产假", "黎春燕　发言", "单雪　作总结")
    assert [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees] == [("邝玉成", "产假")]


def test_two_names_joined_by_a_comma_in_an_item_of_a_semicolon_list_share_its_reason() -> None:
    assert absentees(
        "到会党员18名,应到21名,缺席3名(向德英出差去襄阳客户现场处理售后;邴秋实,满玉林上中班).", roster=[]
    ) == [("向德英", "出差去襄阳客户现场处理售后"), ("邴秋实", "上中班"), ("满玉林", "上中班")]
    # a comma between items, each with its own reason, shares nothing
    assert absentees("应到21名,实到18名,缺席3名:向德英,出差;邴秋实,事假;满玉林,上中班。", roster=[]) == [
        ("向德英", "出差"),
        ("邴秋实", "事假"),
        ("满玉林", "上中班"),
    ]


def test_a_register_heading_opens_the_list() -> None:
    assert absentees(
        "【人数】应到18　实到15　缺席3",
        "【缺席登记】祖浩然、骆永赓——在外地催收货款；郦秀贞——产假",
        roster=[],
    ) == [("祖浩然", "在外地催收货款"), ("骆永赓", "在外地催收货款"), ("郦秀贞", "产假")]


def test_circled_numbers_before_the_names_are_no_part_of_them() -> None:
    assert absentees(
        "参会情况：应到23人，实到20人，请假3人",
        "请假人员及原因：①杭德淼——随船在洞庭湖运砂，未返村；②邬翠兰——在县城给孙子做饭；③鲁秋生——中暑，在村卫生室输液",
        roster=[],
    ) == [
        ("杭德淼", "随船在洞庭湖运砂,未返村"),
        ("邬翠兰", "在县城给孙子做饭"),
        ("鲁秋生", "中暑,在村卫生室输液"),
    ]


def test_a_register_s_row_number_before_a_name_is_no_part_of_it() -> None:
    assert absentees(
        "签到情况：应到18人，实到16人，请假2人（8号吉永康：在海南南繁基地做田间试验；15号伍嘉懿：腰扭伤，病假）。",
        roster=[],
    ) == [("吉永康", "在海南南繁基地做田间试验"), ("伍嘉懿", "腰扭伤,病假")]


def test_a_count_first_head_of_those_who_did_not_take_part() -> None:
    assert absentees(
        "支部党员23名，在线参加21名。2名未参加：客户经理戴沁予所住小区封控，会前已请假；柜员孟晓光在社区核酸检测点做志愿者。",
        roster=[],
    ) == [("戴沁予", "所住小区封控"), ("孟晓光", "在社区核酸检测点做志愿者")]


def test_a_job_and_a_gap_before_each_name_in_a_list_a_line_per_person() -> None:
    assert absentees(
        "应到24人，实到22人",
        "缺席人员及原因:",
        "调车长 时家骏,在驼峰场当白班;",
        "连结员 蒙子航,在集团公司参加调车作业标准化培训。",
        roster=[],
    ) == [("时家骏", "在驼峰场当白班"), ("蒙子航", "在集团公司参加调车作业标准化培训")]


def test_a_counted_head_with_its_list_in_brackets_and_a_comma_inside_a_reason() -> None:
    assert absentees(
        "应到18　实到16　请假2（阿曼古丽·吐尔地：在乡卫生院陪护婆婆；玉山江：执勤换班，在3号山口）", roster=[]
    ) == [("阿曼古丽·吐尔地", "在乡卫生院陪护婆婆"), ("玉山江", "执勤换班,在3号山口")]


def test_one_reason_for_all_before_the_bracketed_names_each_after_its_unit() -> None:
    assert absentees(
        "支部党员应到19人，实到16人；缺席3人，均因当班（ICU 阮佳樾、急诊科 冼楚楚、手术室 卢小禾）", roster=[]
    ) == [("阮佳樾", "当班"), ("冼楚楚", "当班"), ("卢小禾", "当班")]


def test_a_couple_named_together_share_the_reason_after_the_pair_word() -> None:
    assert absentees(
        "应到20人，实到17人。党员雷振东、吕桂英夫妇正在外地帮女儿照看孙子，杭建平因腿伤住院。", roster=[]
    )[:2] == [("雷振东", "正在外地帮女儿照看孙子"), ("吕桂英", "正在外地帮女儿照看孙子")]


def test_the_membership_then_a_field_then_the_attendance() -> None:
    record = read(
        "支部在册党员：27名（其中预备党员1名）",
        "主持人：社区党支部书记 明晓芸",
        "实到会党员24名，请假2名：房德顺（在合肥出差），莫雨涵（在医院陪产）。",
        roster=[],
    )
    assert counts_of(record) == (27, 24, 2)


def test_a_caption_s_present_over_expected() -> None:
    assert counts_of(read("▲到会党员18/22，在三楼会议室面向党旗重温入党誓词", roster=[]))[:2] == (22, 18)


def test_all_but_the_named_came_gives_the_counts_worked_out() -> None:
    record = read("本人主持。本组党员9人，除周桂兰（在昆山女儿家带外孙）外均到会。", roster=[])
    assert counts_of(record) == (9, 8, 1)
    assert record.actual_count is not None and record.actual_count.inferred  # worked out, not written
    # someone else named away as well: the sentence's exception is not the whole list
    other = read("本组党员9人，除周桂兰（在昆山带外孙）外均到会。另：邢立军因病未到。", roster=[])
    assert counts_of(other)[1:] == (None, None)


def test_a_nickname_in_brackets_confirms_an_everyday_surname() -> None:
    assert absentees(
        "应到：31人　实到：26人　缺席：3人",
        "缺席人员：",
        "和丽娟　在古城客栈帮忙",
        "木正才（老木）　痛风发作，下不了楼",
        "杨金花　在大理参加乡村医生培训",
        roster=[],
    ) == [("和丽娟", "在古城客栈帮忙"), ("木正才", "痛风发作,下不了楼"), ("杨金花", "在大理参加乡村医生培训")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # a reason opening with a side of the body or a holiday, glued to a three-character name
            "应到19名,实到17名,缺席2名:胡蕾在省里参加转岗培训,尹国华右手腕骨折、还打着石膏。",
            [("胡蕾", "在省里参加转岗培训"), ("尹国华", "右手腕骨折、还打着石膏")],
        ),
        (
            "应到11人,实到9人,请假2人(巩德旺在小区抢修电梯,毛翠萍春节后还在老家照顾母亲)。",
            [("巩德旺", "在小区抢修电梯"), ("毛翠萍", "春节后还在老家照顾母亲")],
        ),
        (  # a Kazakh given name standing alone
            "应到21人,实到19人,2人请假(屈永旺在外协厂驻厂,吾尔肯感冒发烧)。",
            [("屈永旺", "在外协厂驻厂"), ("吾尔肯", "感冒发烧")],
        ),
    ],
)
def test_a_reason_glued_to_the_next_name_is_cut_there(text: str, want: list[tuple[str, str | None]]) -> None:
    assert absentees(text, roster=[]) == want


def test_rows_under_a_count_that_give_the_reason_first() -> None:
    text = "应到党员12名,实到6名,请假6名,其中:\n值夜班:戚若水、饶嘉言\n外出进修:苟以安(在北京进修)\n援疆:马骁骑\n急诊抢救:仲念秋\n产假:嵇晓虹"
    assert absentees(*text.split("\n"), roster=[]) == [
        ("戚若水", "值夜班"),
        ("饶嘉言", "值夜班"),
        ("苟以安", "外出进修"),
        ("马骁骑", "援疆"),
        ("仲念秋", "急诊抢救"),
        ("嵇晓虹", "产假"),
    ]
    # rows naming fewer than the count are not taken for its list
    short = "应到党员12名,实到6名,请假6名,其中:\n值夜班:戚若水、饶嘉言\n援疆:马骁骑"
    assert ("戚若水", "值夜班") not in absentees(*short.split("\n"), roster=[])


def test_a_place_in_the_party_before_a_name_on_the_list_s_next_line() -> None:
    text = "缺席2人：正式党员晁鸣谦（在外地参加学科竞赛）；发展对象岑木（回家办理身份证补办手续）。"
    assert absentees(text, roster=[]) == [
        ("晁鸣谦", "在外地参加学科竞赛"),
        ("岑木", "回家办理身份证补办手续"),
    ]


def test_a_class_year_is_no_count_and_a_grandson_no_name() -> None:
    text = (
        "支部共有党员31名，到会28名；3名同学请假：2021级党员侯嘉乐在深圳实习，"
        "2022级党员钱溆宁在外地参加集训营，2021级党员邹子墨家中有事。"
    )
    assert counts(text) == (31, 28, 3)  # 2021级 is a class year, not the 请假 count
    names = [n for n, _ in absentees("请假1名：邹玉蓉（在县城照顾住院的孙子）。", roster=[])]
    assert names == ["邹玉蓉"]


def test_committee_members_counted_after_the_colon() -> None:
    assert counts("到会：支委4人（应到5人）。") == (5, 4, None)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # a dotted name whose last part holds 都 is read up to the comma
            "应到党员15名，实到13名，请假1名（热依汗古丽·阿不都拉，到省分行参加业务培训）。",
            [("热依汗古丽·阿不都拉", "到省分行参加业务培训")],
        ),
        (  # a squad before a dotted name; a dotted name with a unit in brackets, then its reason
            "应到16人，实到14人。执勤一队叶尔波拉提·哈森、二队迪力夏提·吾斯曼当天在口岸值班，未能参加。",
            [("叶尔波拉提·哈森", "当天在口岸值班"), ("迪力夏提·吾斯曼", "当天在口岸值班")],
        ),
        (
            "缺席情况：古丽米拉·叶尔肯，跟巡诊车去牧业点随访；阿依扎提·别克（药剂科），在州人民医院进修。",
            [("古丽米拉·叶尔肯", "跟巡诊车去牧业点随访"), ("阿依扎提·别克", "在州人民医院进修")],
        ),
        (  # Tibetan and Mongolian names without a dot, reasons of the herds and the wards
            "应到党员17人，实到14人；请假3人（额尔德尼仓去州里医院复查；其布日转场去秋季草场；才让吉美护送病人转院，尚未返回）。",
            [
                ("额尔德尼仓", "去州里医院复查"),
                ("其布日", "转场去秋季草场"),
                ("才让吉美", "护送病人转院,尚未返回"),
            ],
        ),
    ],
)
def test_names_of_the_minority_regions_in_absentee_lists(
    text: str, want: list[tuple[str, str | None]]
) -> None:
    assert absentees(text, roster=[]) == want


def test_a_count_of_members_away_on_an_errand_who_asked_leave() -> None:
    assert counts("支部24名党员中有21名参加，另有3名党员外出务工，已提前请假。") == (24, 21, 3)
    assert counts("支部有正式党员13名，到会12名，1名正式党员请假（宋安澜在宁波顶岗实习）。") == (13, 12, 1)


def test_a_correction_that_says_an_absentee_came_after_all() -> None:
    record = read(
        "应到党员24人，实到19人，请假5人。覃秀凤（在宁波打工）、祁德旺（去县城送孙子上学）、甘老满（胃出血住院）、"
        "莫小英（在广州带孩子）、欧治平（腿摔伤了）。",
        "更正（9月24日补）：祁德旺会开到一半赶回来了，补签了到。实到应为20人，请假应为4人。",
        roster=[],
    )
    assert counts_of(record) == (24, 20, 4)
    assert [a.name for a in record.absentees] == ["覃秀凤", "甘老满", "莫小英", "欧治平"]
    kept = read(
        "应到党员10人，实到8人，缺席2人：甲某（出差）、祁德旺（病假）。",
        "更正：祁德旺原记为到会，应为缺席，实到应为8人。",
        roster=[],
    )
    assert "祁德旺" in [a.name for a in kept.absentees]


def test_a_job_before_each_name_in_a_list_parted_by_semicolons() -> None:
    text = "应到18人，实到15人。请假3人：吊车司机 冯志坚 夜班；装卸工 曹德明 轮休；调度员 邹丽萍 在公司参加安全培训。"
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == [
        ("冯志坚", "夜班"),
        ("曹德明", "轮休"),
        ("邹丽萍", "在公司参加安全培训"),
    ]
    # a head before the gap is no job: 请假人员 甲 值夜班 乙 休产假
    table = "应到　12人　实到　10人　请假　2人\n请假人员　冯志坚　值夜班　曹丽娟　休产假"
    assert [(a.name, a.reason) for a in meeting(table, roster=[]).absentees] == [
        ("冯志坚", "值夜班"),
        ("曹丽娟", "休产假"),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # a chief engineer's title is no name (程师冉)
            "应到支委5人，实到4人，缺席1人：支委、项目总工程师白景行驻外在省城参加方案评审，已向书记请假。",
            [("白景行", "驻外在省城参加方案评审")],
        ),
        (  # a hand on the left is nobody (左手指), inside the bracket of the one before
            "应到21人，实到19人，请假2人。请假人员：胡春生（工伤休养，左手指骨折）、贺学文（下井带班）。",
            [("胡春生", "工伤休养,左手指骨折"), ("贺学文", "下井带班")],
        ),
        (  # 今日 opens a reason as 今天 does
            "全支部党员15名，出席14名。请假1名——柜员谭一鸣今日轮休在外地。",
            [("谭一鸣", "今日轮休在外地")],
        ),
        (  # a transfer opens a reason (not 邵永强调)
            "应到18人，实到16人；缺席2人，其中邵永强调往三标段支援架梁；柏春林病假。",
            [("邵永强", "调往三标段支援架梁"), ("柏春林", "病假")],
        ),
    ],
)
def test_names_beside_titles_body_parts_and_everyday_words(text: str, want: list[tuple[str, str]]) -> None:
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == want


def test_a_present_label_with_the_members_counted_alone() -> None:
    text = "参会人员：支部党员22人（应到24人），馆内入党积极分子3人旁听"
    assert counts_of(meeting(text, roster=[]))[:2] == (24, 22)
    # a label of how things stand gives how many members there are, not who came
    assert counts_of(meeting("到会情况：支部党员11名。", roster=[]))[1] is None


def test_a_reason_with_its_count_among_the_named() -> None:
    text = (
        "应到党员31名，实到26名。缺席5名：外出务工3名；付建华在县医院陪护老伴；黄桂英回娘家办理社保转移手续。"
    )
    record = meeting(text, roster=[])
    assert record.unnamed_leave is not None and record.unnamed_leave.value == "外出务工"
    assert record.unnamed_leave_count == 3
    assert [a.name for a in record.absentees] == ["付建华", "黄桂英"]


def test_a_number_spaced_from_its_unit_in_a_row_of_cells() -> None:
    row = "应到 十八 人 实到 十六 人 缺席 二 人 祝晓川 出国访学 陆振华 病假"
    record = meeting(row, roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [("祝晓川", "出国访学"), ("陆振华", "病假")]
    assert record.absentees[0].evidence[0].text == row  # the row quoted as written, its spaces kept


def test_the_next_absentee_glued_into_a_reason_is_parted_out() -> None:
    text = "应到党员14人，实到12人；祝北辰在方舱核酸采样点支援、房小雨病假。"
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == [
        ("祝北辰", "在方舱核酸采样点支援"),
        ("房小雨", "病假"),
    ]
    # …not when the counts leave room for one only
    one = meeting(text.replace("实到12人", "实到13人"), roster=[])
    assert [a.name for a in one.absentees] == ["祝北辰"]


def test_a_comma_inside_a_persons_reason_bracket_parts_no_name() -> None:
    text = "应到党员8人，实到6人。请假：2人。钟明远（厂里赶外贸单，连续加班）；许桂香（回老家探亲）"
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == [
        ("钟明远", "厂里赶外贸单,连续加班"),
        ("许桂香", "回老家探亲"),
    ]
    # a bracket after the count, not after a name, still holds the names
    inside = meeting("应到8人，实到6人，缺席2人（钟明远，病假；许桂香，事假）", roster=[])
    assert [a.name for a in inside.absentees] == ["钟明远", "许桂香"]


def test_someone_who_left_early_or_came_late_is_no_absentee() -> None:
    text = (
        "应到党员20名，实到19名，缺席1名（柯思远，出差）。"
        "党员范晓宁学习结束后因接到报修电话中途离会，其余议程未参加。"
    )
    assert [a.name for a in meeting(text, roster=[]).absentees] == ["柯思远"]


def test_counts_in_capital_numerals() -> None:
    record = meeting("应到党员贰拾叁人，实到贰拾壹人，请假贰人。", roster=[])
    assert (record.expected_count.value, record.actual_count.value) == (23, 21)


def test_a_list_headed_by_who_asked_for_leave() -> None:
    record = meeting(
        "应到12人，实到10人。", "请假人：甘沁苒（夜班后休息）、武小川（在省儿童医院进修）", roster=[]
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("甘沁苒", "夜班后休息"),
        ("武小川", "在省儿童医院进修"),
    ]


def test_a_leave_note_s_signature_is_no_list() -> None:
    record = meeting("本人因出差不能参加6月20日的党课，特此请假。请假人：米朝阳 6月19日", roster=[])
    assert all(a.reason is not None for a in record.absentees)


@pytest.mark.parametrize(
    "text",
    [
        "应到26名，实到24名，王建国同志在乡卫生院开展巡回义诊、李明同志值急诊班，均已请假。",
        "应到26名，实到24名，格桑玉措同志在乡卫生院开展巡回义诊、旦增群觉同志值急诊班，均已请假。",
        "应到26名，实到24名，乌兰托娅在乡卫生院开展巡回义诊、宝力德尔同志值急诊班，均已请假。",
    ],
)
def test_the_next_absentee_after_同志_in_a_reason_is_parted_out(text: str) -> None:
    record = meeting(text, roster=[])
    assert [a.reason for a in record.absentees] == ["在乡卫生院开展巡回义诊", "值急诊班"]


def test_a_forms_short_absent_label_after_the_other_counts() -> None:
    text = "应到：9人　实到：8人　缺：1人（蒲立强，倒班后回老家）"
    assert counts(text) == (9, 8, 1)
    assert absentees(text, roster=[]) == [("蒲立强", "倒班后回老家")]


@pytest.mark.parametrize(
    "text",
    [
        "应到党员20名，实到17名，3名请假党员分别是：带队外出比赛的龙小川、在外地挂职的牛若楠、住院治疗的梁启东。",
        "应到党员20名，实到17名，请假党员分别是：带队外出比赛的龙小川、在外地挂职的牛若楠、住院治疗的梁启东。",
    ],
)
def test_each_reason_before_its_name_apart_by_enumeration_commas(text: str) -> None:
    assert absentees(text, roster=[]) == [
        ("龙小川", "带队外出比赛"),
        ("牛若楠", "在外地挂职"),
        ("梁启东", "住院治疗"),
    ]


def test_reasons_of_treatment_and_sudden_illness_end_the_name() -> None:
    text = "应到15人，实到13人，请假2人：石永年做心脏支架手术后在家休养；贝若云急性阑尾炎发作住院。"
    assert absentees(text, roster=[]) == [
        ("石永年", "做心脏支架手术后在家休养"),
        ("贝若云", "急性阑尾炎发作住院"),
    ]


def test_brothers_named_together_share_the_reason_after_them() -> None:
    text = "应到党员16名，实到13名，请假3名（阮德顺、阮德利兄弟在福建工地务工，管秀芝在县城陪读）。"
    assert [name for name, _ in absentees(text, roster=[])] == ["阮德顺", "阮德利", "管秀芝"]


def test_the_next_absentee_after_titles_inside_a_reason_is_parted_out() -> None:
    text = "本次应到15人，实到13人，退休返聘教师党员郝澍因腿伤住院、青年教师党员柴文琮赴省外参加集训，均事先向支部请了假。"
    assert absentees(text, roster=[]) == [("郝澍", "因腿伤住院"), ("柴文琮", "赴省外参加集训")]


def test_a_count_of_those_away_ending_in_a_dash_heads_the_rows_below() -> None:
    rows = (
        "出缺席：应到12人，实到10人，缺席2人——",
        "　　殷若芬：女儿当天生产，在县医院陪护",
        "　　费玉蓉：产假",
    )
    assert absentees(*rows, roster=[]) == [("殷若芬", "女儿当天生产,在县医院陪护"), ("费玉蓉", "产假")]


def test_the_reason_of_those_counted_not_named_may_hold_a_number() -> None:
    record = read("支部党员19名，到会17名，另有2名党员随“海科3号”调查船出海执行调查任务，请假。", roster=[])
    assert record.unnamed_leave is not None and "海科3号" in record.unnamed_leave.value
    assert record.unnamed_leave_count == 2


@pytest.mark.parametrize(
    "lines",
    [
        ["全校党员31名，到场28名（病假：甘沐萍；事假：邝延年、车晓蔓）。"],
        ["应到31人，实到28人，请假3人：甘沐萍（病假）、邝延年（事假）、", "车晓蔓（事假）。"],
    ],
)
def test_absentees_after_the_count_of_those_present(lines: list[str]) -> None:
    """A bracket of leave groups after those present, or 请假N人: a list cut over two lines."""
    got = [(a.name, a.reason) for a in meeting(*lines, roster=[]).absentees]
    assert got == [("甘沐萍", "病假"), ("邝延年", "事假"), ("车晓蔓", "事假")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "应到20名，到会15名。没到的5名都在路上：包国庆（跑成都干线）、何长生（跑西宁干线）、"
            "钟立新和钟立强兄弟俩（双驾跑拉萨线）、苏海涛（在深圳仓库等装车）。",
            [
                ("包国庆", "跑成都干线"),
                ("何长生", "跑西宁干线"),
                ("钟立新", "双驾跑拉萨线"),
                ("钟立强", "双驾跑拉萨线"),
                ("苏海涛", "在深圳仓库等装车"),
            ],
        ),
        (
            "应到27人，到会24人。没来的3个：在东莞电子厂打工的伍德贵、卢小兵，还有流动党员鄢金山，他在新疆承包棉花地。",
            [("伍德贵", "在东莞电子厂打工"), ("卢小兵", "在东莞电子厂打工"), ("鄢金山", "在新疆承包棉花地")],
        ),
    ],
)
def test_a_list_head_with_a_remark_names_joined_and_the_last_told_by_a_pronoun(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == want


def test_those_who_did_not_attend_said_aloud_are_no_count_of_those_present() -> None:
    """没有参会的3名党员: three absent, not three present."""
    record = meeting("支部有党员35名，32名参会。没有参会的3名党员是：甲某某、乙某某、丙某某。", roster=[])
    assert counts_of(record) == (35, 32, 3)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "全队应到党员18名，实到16名，谢永发在海口住院做白内障手术，钟福添送孙子去县城学校报名。",
            [("谢永发", "在海口住院做白内障手术"), ("钟福添", "送孙子去县城学校报名")],
        ),
        (
            "应到23名，实到20名。请假三名：郦水生在浙江宁波打工，詹桂英住院做白内障手术，钮福田年纪大腿脚不方便。",
            [("郦水生", "在浙江宁波打工"), ("詹桂英", "住院做白内障手术"), ("钮福田", "年纪大腿脚不方便")],
        ),
        # a name after the comma with what they did at the meeting is no absentee
        (
            "应到46人，实到45人，褚兰芳正在区中医院做透析，骆晶莹会后专程到病房看望了她。",
            [("褚兰芳", "正在区中医院做透析,骆晶莹会后专程到病房看望了她")],
        ),
    ],
)
def test_the_next_absentee_after_a_comma_with_what_they_did_instead(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == want


@pytest.mark.parametrize("bullet", ["", "· ", "• "])
def test_a_counted_head_at_a_lines_end_and_a_row_per_person_below(bullet: str) -> None:
    """应到22人,实到19人,3人请假: then a row per person, bulleted or not."""
    rows = [f"{bullet}洪振江　井下救护待命", f"{bullet}姚美兰　产假", f"{bullet}金立华　在省城进修"]
    record = meeting("应到22人，实到19人，3人请假：", *rows, roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("洪振江", "井下救护待命"),
        ("姚美兰", "产假"),
        ("金立华", "在省城进修"),
    ]


def test_those_present_said_aloud_right_after_the_expected_count() -> None:
    """应到27,来了23: the unit left out when said aloud."""
    assert counts_of(meeting("今天应到27，来了23，请假的都打过电话。", roster=[]))[:2] == (27, 23)


def test_a_list_head_with_only_its_count_lists_in_the_next_sentence() -> None:
    """缺席人员及原因:4人。甲、乙在外务工,丙…: the names follow in the next sentence."""
    record = meeting(
        "缺席人员及原因：4人。在外务工3人（施德荣、官福来在广东中山，龙玉芬在福建晋江），牛巧兰到县城陪孙子读书。",
        roster=[],
    )
    assert [a.name for a in record.absentees] == ["施德荣", "官福来", "龙玉芬", "牛巧兰"]


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (  # 请假3人,分别是…: the list after the comma's 分别是
            (
                "应到党员19人，实到16人；请假3人，分别是罗晓岚（在省城培训）、柯正东（夜班）、孙丽娜（产假）。",
            ),
            [("罗晓岚", "在省城培训"), ("柯正东", "夜班"), ("孙丽娜", "产假")],
        ),
        (  # a duty that came up: 有急诊手术
            ("应到12人，实到10人，2人请假（放射科主任柏一鸣有急诊手术，护士长牛晓芸在外院进修）。",),
            [("柏一鸣", "有急诊手术"), ("牛晓芸", "在外院进修")],
        ),
        (  # work beyond the border, the list closed by its count
            ("全村应到党员20名，实到18名，杨二宝出境务工在越南，何秀兰在县医院照顾婆婆，两人均已请假。",),
            [("杨二宝", "出境务工在越南"), ("何秀兰", "在县医院照顾婆婆")],
        ),
        (  # posts before the names (助产士, 列车长) and a field trip (下队)
            ("应到14人，实到11人，请假3人：助产士孔令仪病假，列车长郑国华出车，羊小梅下队巡诊。",),
            [("孔令仪", "病假"), ("郑国华", "出车"), ("羊小梅", "下队巡诊")],
        ),
        (  # 缺2人。 then a row per person with a dash
            ("应到9人，实到7人，缺2人。", "王立群——去市里送材料", "贺敏佳——月底盘点仓库"),
            [("王立群", "去市里送材料"), ("贺敏佳", "月底盘点仓库")],
        ),
        (  # N名党员提前请了假: heads the list; a pair's word before their shared reason
            (
                "全村党员25名，到会22名，3名党员提前请了假：邓大川、邓小川兄弟在广州开餐馆，程桂花在镇上照看孙子。",
            ),
            [("邓大川", "在广州开餐馆"), ("邓小川", "在广州开餐馆"), ("程桂花", "在镇上照看孙子")],
        ),
        (  # 请假1人为X: the name after 为
            ("应到15人，实到14人。", "会后说明：请假1人为曹文斌，在省里参加培训。"),
            [("曹文斌", "在省里参加培训")],
        ),
    ],
)
def test_absentee_lists_in_more_of_the_ways_they_are_headed(
    texts: tuple[str, ...], want: list[tuple[str, str]]
) -> None:
    assert [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees] == want


def test_those_who_asked_for_leave_counted_with_请了假() -> None:
    """全村党员25名,到会22名,3名党员提前请了假: three away (but 除…请了假,其余… counts those present)."""
    assert counts_of(meeting("全村党员25名，到会22名，3名党员提前请了假。", roster=[])) == (25, 22, 3)


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (  # a numbered row holding a name alone: one more absentee, no reason
            (
                "应到：12人　实到：10人",
                "缺席人员及原因：",
                "1.卓嘉木　下乡到沙坝村巡诊",
                "2.司马南星",
                "会议内容：",
            ),
            [("卓嘉木", "下乡到沙坝村巡诊"), ("司马南星", None)],
        ),
        (  # the label's gap, a name with its bracket, and a name alone aligned below it
            (
                "应到人数 16人 实到人数 14人 缺席 2人",
                "缺席人员及原因　龚大庆(在外地照看外孙)",
                "　　　　　　　　苗建华",
                "会议内容:",
            ),
            [("龚大庆", "在外地照看外孙"), ("苗建华", None)],
        ),
        (  # posts before each name, one reason for all
            ("应到党员16名，实到13名，主任乘务长韩悦、乘务长邵清、副驾驶黎明远因执行航班任务未能参加。",),
            [("韩悦", "因执行航班任务"), ("邵清", "因执行航班任务"), ("黎明远", "因执行航班任务")],
        ),
        (  # 领着 and 送…到 open a reason; the 都 of 成都 shares nothing
            ("应到20人，缺席2人：郁青禾领着学生在市里参加竞赛，阿苏木呷送菌子样品到成都参加博览会。",),
            [("郁青禾", "领着学生在市里参加竞赛"), ("阿苏木呷", "送菌子样品到成都参加博览会")],
        ),
    ],
)
def test_absentee_rows_and_items_written_beside_posts_and_errands(
    texts: tuple[str, ...], want: list[tuple[str, str | None]]
) -> None:
    assert [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees] == want


def test_a_dai_name_does_not_take_the_verb_of_its_reason() -> None:
    """依香跟家里人…: the name 依香 and the reason 跟家里人…, not 依香跟."""
    record = meeting("应到20名，到会18名，请假2名：岩罕出境务工；依香跟家里人过境走亲戚。", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("岩罕", "出境务工"),
        ("依香", "跟家里人过境走亲戚"),
    ]


def test_a_transcribed_name_is_read_whole_up_to_its_bracket() -> None:
    """乌日根达来(…);其木格苏荣(…): the names before the brackets, not 乌日根 with 达来 taken for a reason."""
    record = meeting(
        "应到16人，实到14人。请假人员：巴特根达来（在夏营地放牧）；其木格苏和（陪孩子在县医院看病）",
        roster=[],
    )
    assert [a.name for a in record.absentees] == ["巴特根达来", "其木格苏和"]


def test_a_nickname_then_即_and_the_full_name_is_the_full_name() -> None:
    """吴老三即吴志和(住院): the absentee is 吴志和, called 吴老三."""
    record = meeting(
        "应到12人，实到10人，缺席2人。", "缺席人员及原因：龙锦山(在广州务工)、吴老三即吴志和(住院)", roster=[]
    )
    assert [(a.name, a.reason) for a in record.absentees] == [("龙锦山", "在广州务工"), ("吴志和", "住院")]


def test_the_sentence_after_the_count_one_item_per_absentee_a_cue_in_one() -> None:
    """缺席2人。甲外出…;乙未到会。: both read, though one item says 未到会 itself (and two titles before a name)."""
    record = meeting(
        "应到14人，实到12人，缺席2人。党员医师韦长松外出到县医院会诊；党员护士陆星河未到会。", roster=[]
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("韦长松", "外出到县医院会诊"),
        ("陆星河", None),
    ]


def test_kept_at_the_post_is_a_reason_after_the_counts() -> None:
    """应到14名,实到12名。甲留所值班,乙休假回老家探亲: as many away as the counts leave, each with why."""
    record = meeting(
        "支部应到党员14名，实到12名。党员民警王大强留所值班，党员民警李小虎休假回老家探亲，均向支部报告。",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("王大强", "留所值班"),
        ("李小虎", "休假回老家探亲"),
    ]


def test_a_sign_in_tally_gives_the_counts() -> None:
    """签到:应签21人,已签18人;未到3人: the sign-in summary's 应签 / 已签 are 应到 / 实到."""
    record = meeting(
        "签到：应签21人，已签18人；未到3人，均已请假（甲某：值班；乙某：病假；丙某：出差）。", roster=[]
    )
    assert counts_of(record) == (21, 18, 3)


def test_the_rows_of_those_away_are_no_count() -> None:
    """缺席:05、11: the sheet's row numbers, not five people away."""
    record = meeting(
        "缺席：05、11。05号到医院复查；11号在外地儿子家照看孙子。", "应到14人　实到12人", roster=[]
    )
    assert counts_of(record) == (14, 12, None)


@pytest.mark.parametrize("counts", ["应到10 实到9 缺1", "应到10人 实到9人 缺1人"])
def test_a_form_s_counts_apart_by_gaps_then_who_was_away(counts: str) -> None:
    """应到10 实到9 缺1:甲(…,…): the list after the gap-separated counts, its bracket whole."""
    record = meeting(f"{counts}：缑雅楠（带大班春游，外出）", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [("缑雅楠", "带大班春游,外出")]


def test_counts_run_on_with_spaces_for_commas_then_who_asked_for_leave() -> None:
    """应到会党员一十四名 到会一十三名 甲在县医院… 请了假: 到会 and its count are no errand of those away,
    and the spaces part the name's clause from the leave."""
    record = meeting("应到会党员一十四名 到会一十三名 岑金锁在县医院陪他老娘住院 请了假", roster=[])
    assert counts_of(record) == (14, 13, None)
    assert [(a.name, a.reason) for a in record.absentees] == [("岑金锁", "在县医院陪他老娘住院")]


def test_a_paired_label_in_square_brackets() -> None:
    """【应到/实到】9/9: a platform's label in 【】, its two counts after it."""
    assert counts_of(meeting("【应到/实到】9/9", "【参会率】100%", roster=[]))[:2] == (9, 9)


def test_the_member_s_kind_in_brackets_is_no_part_of_the_reason() -> None:
    """甲、乙均在广东东莞务工（流动党员，已在微信群里向支部书记请假）: 流动党员 says who, not why."""
    record = meeting(
        "应到9人，实到7人。未到会的2名正式党员：涂旺根、涂寿根均在广东东莞务工（流动党员，已在微信群里向支部书记请假）。",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("涂旺根", "在广东东莞务工"),
        ("涂寿根", "在广东东莞务工"),
    ]


def test_a_space_for_the_colon_after_the_count_away() -> None:
    """应到9人 实到8人 缺1人 甲（…）: the list after the count with a space for its colon."""
    record = meeting("应到9人 实到8人 缺1人 葛二平（跑冷库送枣去了）", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [("葛二平", "跑冷库送枣去了")]


@pytest.mark.parametrize("text", ["应/实 9/8　缺：葛二平(病)", "组员9，缺：葛二平(病)，其余全到。"])
def test_a_shorthand_absence_label_after_the_counts_with_no_count(text: str) -> None:
    """应/实 9/8　缺：甲(病): the list after a shorthand 缺 label, no count written."""
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == [("葛二平", "病")]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("缺席1人：葛二平（到县里参加电商培训，她是提前请了假的）。", "到县里参加电商培训"),
        ("缺席1人：葛二平（住在县城女儿家过冬，前天打电话请过假）。", "住在县城女儿家过冬"),
    ],
)
def test_a_last_clause_saying_how_the_leave_was_asked_is_no_part_of_the_reason(
    text: str, reason: str
) -> None:
    assert [a.reason for a in meeting(f"应到9人，实到8人。{text}", roster=[]).absentees] == [reason]


def test_the_group_all_there_over_the_part_in_the_room() -> None:
    """在会场的4名党员到场,两人线上参加。本组6人,全部参会: all six were there, not the four in the room."""
    text = "在仓库会议室的4名党员到场，郝云舟、柏知夏两人在外地用视频参加。本组6人，全部参会。"
    assert counts_of(meeting(text, roster=[]))[:2] == (6, 6)
    # the part in the room alone stays what it says
    assert counts_of(meeting("本组党员6人，4人到场。", roster=[]))[:2] == (6, 4)


def test_leave_lists_kept_apart_by_when_leave_was_asked_are_added() -> None:
    """会前请假(2人):甲、乙 / 临时请假(1人):丙: three away, the sum inferred; every list's people read."""
    record = meeting(
        "应到18人，实到15人\n会前请假（2人）：滕望舒、邬晴川\n临时请假（1人）：冼南乔", roster=[]
    )
    assert counts_of(record) == (18, 15, 3)
    assert record.absent_count is not None and record.absent_count.inferred
    assert [a.name for a in record.absentees] == ["滕望舒", "邬晴川", "冼南乔"]
    # one list alone counts as written
    assert counts_of(meeting("应到18人，实到16人\n会前请假（2人）：滕望舒、邬晴川", roster=[])) == (18, 16, 2)


def test_those_in_the_room_and_on_line_added_and_the_total_after_them() -> None:
    """线下12人,线上3人,共15人: the total the parts make; one they do not make is no reading."""
    assert counts_of(meeting("支部应到16人，线下12人，线上3人，共15人。", roster=[]))[:2] == (16, 15)
    assert counts_of(meeting("支部应到16人，线下12人，线上3人。", roster=[]))[:2] == (16, 15)
    assert counts_of(meeting("支部应到16人，线下12人，线上3人，共14人。", roster=[]))[:2] == (16, None)


@pytest.mark.parametrize("cohort", ["2021级", "2022级制药工程专业", "研二", "博三党员"])
def test_a_students_cohort_before_each_absentee_is_no_part_of_the_name(cohort: str) -> None:
    text = (
        f"应到党员15人，实到12人，缺席3人：{cohort}喻蓁在岑云县第二中学支教；{cohort}冷嘉懿在澳门大学交换；"
        f"{cohort}原思齐参加研究生复试。以上均已请假。"
    )
    record = meeting(text, roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("喻蓁", "在岑云县第二中学支教"),
        ("冷嘉懿", "在澳门大学交换"),
        ("原思齐", "参加研究生复试"),
    ]


def test_a_bracketed_list_whose_items_are_apart_by_a_space_after_counts_apart_by_spaces() -> None:
    record = meeting(
        "应到:17人 实到:15人 缺席:2人(宋砺群 门诊坐诊;钱晓蕾 轮转进修)", "记录:柯沅棠", roster=[]
    )
    assert [(a.name, a.reason) for a in record.absentees] == [("宋砺群", "门诊坐诊"), ("钱晓蕾", "轮转进修")]


def test_two_names_sharing_the_first_bracket_of_a_list_after_the_counts() -> None:
    text = "本支部应到31人，实到27人，缺4人：岳淑华、戴国清（所住楼栋封控），邴建设（在核酸采样点值守），宓翠英（住院）。"
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == [
        ("岳淑华", "所住楼栋封控"),
        ("戴国清", "所住楼栋封控"),
        ("邴建设", "在核酸采样点值守"),
        ("宓翠英", "住院"),
    ]


def test_those_away_counted_then_a_colon_each_still_away_or_bedridden() -> None:
    text = "到会党员21人，应到23人，没来的两个：靳福生还在广东厂里没回来，彭桂芝卧病在床。"
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == [
        ("靳福生", "还在广东厂里没回来"),
        ("彭桂芝", "卧病在床"),
    ]


def test_a_list_after_a_clause_on_how_leave_was_asked_and_a_dash() -> None:
    text = "应到29人，实到25人，缺4人，都提前跟网格员说过了——毕振东去海南过冬，孟庆芳、孟庆禄两口子在外地看孙子，尤凤岐刚做完手术。"
    assert sorted((a.name, a.reason) for a in meeting(text, roster=[]).absentees) == [
        ("孟庆禄", "在外地看孙子"),
        ("孟庆芳", "在外地看孙子"),
        ("尤凤岐", "刚做完手术"),
        ("毕振东", "去海南过冬"),
    ]


def test_the_days_number_all_there_is_a_written_count() -> None:
    record = meeting("支部现有党员14名，当天14名全部到会。活动由党支部书记祝海舟主持，全体党员参加。")
    assert record.actual_count is not None and record.actual_count.value == 14
    assert record.actual_count.confidence == 1.0  # written, not worked out from 全体党员参加


def test_names_bracketed_after_none_away_are_no_absentees() -> None:
    record = meeting("出席：本支部支委应到5人，实到5人，缺席0人（章立群、甘雨涵、鞠文彬、岑小芸、储国伟）。")
    assert record.absentees == []


@pytest.mark.parametrize(
    "text",
    [
        "应到20人，签到17人，请假3人（詹若虚：在省局培训；司徒蕙芷：病假）",
        "应到26人，实到23人，请假3人（杨光武回重庆的厂里了；吴蕨花感冒发烧在家躺着）。",
        "应到党员20名，实到17名，请假3名：孔德漪（在长春驻厂服务）、宋晓雯（陪孩子看病）。",
    ],
)
def test_a_count_heading_a_list_of_the_named_gives_no_reason_for_others(text: str) -> None:
    record = meeting(text, roster=[])
    assert len(record.absentees) == 2 and record.unnamed_leave is None


@pytest.mark.parametrize(
    "text",
    [
        "应到10人，实到7人，缺席3人，其中2人请假，赵六病假。",  # those counted apart from the one named
        "应到19人，实到17人，请假2人：中学部物理老师江瑶安带队在外地参赛；小学部于书瑶休产假。",  # the list goes on
    ],
)
def test_a_leave_count_still_covers_those_the_list_may_not_show(text: str) -> None:
    assert meeting(text, roster=[]).unnamed_leave is not None


def test_a_counted_leave_list_with_no_reason_after_the_names_gives_them_the_leave() -> None:
    record = meeting("应到21人，实到18人；请假3人：上官砚、米丽、柴冬雪。", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("上官砚", "请假"),
        ("米丽", "请假"),
        ("柴冬雪", "请假"),
    ]


def test_a_surname_that_is_a_numeral_is_no_count() -> None:
    record = meeting(
        "本次应到党员34名，实到30名，4名请假：陆碧莲（产假）、伍德明（出差）、黄孝先（培训）、农丽娟（病假）。",
        roster=[],
    )
    assert counts_of(record) == (34, 30, 4)
    assert counts_of(meeting("应到20人，实到18人，缺席：贰人。", roster=[]))[2] == 2


def test_a_list_with_its_total_written_is_a_count() -> None:
    record = meeting(
        "出席：支委柯建业、宁晓丹、辜振洋、凌秋实，共4人（应到支委5人，支部副书记裴玉梅在集中隔离观察点驻点，请假）",
        roster=[],
    )
    assert counts_of(record)[:2] == (5, 4) and record.actual_count is not None
    assert record.actual_count.confidence == 1.0 and not record.actual_count.inferred
    assert [(a.name, a.reason) for a in record.absentees] == [("裴玉梅", "在集中隔离观察点驻点")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "应到17人，实到15人，缺席2人。缺席原因：苏明礼下村做家庭医生签约随访；潘杏缇患流感居家休息",
            [("苏明礼", "下村做家庭医生签约随访"), ("潘杏缇", "患流感居家休息")],
        ),
        (
            "应到17人，实到15人，缺席2人。缺席人员及原因：下乡宣讲党的二十大精神—房翊秋；感冒发烧—易嘉铭",
            [("房翊秋", "下乡宣讲党的二十大精神"), ("易嘉铭", "感冒发烧")],
        ),
        (
            "应到29名，实到26名。退休党员訾宝平在海南过冬、退休党员籍秀云在医院陪护老伴、在职党员葛成龙单位加班，均事先请假。",
            [("訾宝平", "在海南过冬"), ("籍秀云", "在医院陪护老伴"), ("葛成龙", "单位加班")],
        ),
    ],
)
def test_reasons_written_in_other_orders(text: str, want: list[tuple[str, str]]) -> None:
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == want


def test_a_post_before_the_reason_in_a_list_a_line_per_person() -> None:
    record = meeting(
        "应到十八人，实到十六人",
        "缺席人员：",
        "杭德全（副总工程师，在甘肃风电项目现场）",
        "甄雪莉（产假）",
        "记录人：汤雅筠",
        roster=[],
    )
    assert [a.name for a in record.absentees] == ["杭德全", "甄雪莉"]


@pytest.mark.parametrize("reason", ["市局集中执法办案", "被省厅抽调阅卷", "在镇里防汛"])
def test_a_duty_that_keeps_someone_away_is_a_firm_reason(reason: str) -> None:
    assert firm_reason(reason)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "应到21人，实到18人，缺席3人，覃守垣在新疆，鲁长河在内蒙古拉煤，霍东林在医院陪护。",
            [("覃守垣", "在新疆"), ("鲁长河", "在内蒙古拉煤"), ("霍东林", "在医院陪护")],
        ),
    ],
)
def test_a_place_alone_and_an_aside_after_a_group(text: str, want: list[tuple[str, str]]) -> None:
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == want


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("支部应到党员28名，实到25名，另有3名党员在乡镇开展耕地核查，经批准请假。", "在乡镇开展耕地核查"),
        (
            "支部共有党员20名，到会16名，4名党员因在村（社区）疫情防控卡点值守请假。",
            "因在村(社区)疫情防控卡点值守请假",
        ),
    ],
)
def test_leave_granted_or_an_aside_inside_the_reason_of_those_counted(text: str, why: str) -> None:
    record = meeting(text, roster=[])
    assert record.unnamed_leave is not None and record.unnamed_leave.value == why


def test_a_shortage_on_a_rota_is_no_absent_count() -> None:
    record = meeting(
        "本小组党员9人，到会8人。党员兰静怡说办税服务厅延时服务排班还缺两人，她愿意报名。", roster=[]
    )
    assert counts_of(record) == (9, 8, None)


def test_leading_others_somewhere_is_a_reason() -> None:
    record = meeting("应到20人，实到19人，缺席1人：邝玉琮，领五年级队员去区少年宫比科技小制作。", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("邝玉琮", "领五年级队员去区少年宫比科技小制作")
    ]
    assert firm_reason("领五年级队员去区少年宫比科技小制作")


def test_a_pointer_to_the_register_is_no_reason_for_those_it_leaves_out() -> None:
    record = meeting(
        "应到30人，实到27人，缺席3人（见请假登记）",
        "请假登记",
        "| 姓名 | 请假时间 | 事由 | 审批人 |",
        "| 施鸿年 | 6月20日 | 在市一院做白内障手术 | 庹玉湄 |",
        "| 毕巧云 | 6月18日—30日 | 随女儿去深圳小住 | 庹玉湄 |",
        roster=[],
    )
    assert [a.name for a in record.absentees] == ["施鸿年", "毕巧云"] and record.unnamed_leave is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # a post no title list knows before the name (一值副值长, 化学运行班党员)
            "应到32名，到会29名。未到会的3名：一值副值长滕建民在机组启动现场值守，化学运行班党员门桂琼休产假，"
            "四值巡检员简俊霖在省公司参加仿真机培训。",
            {("滕建民", "在机组启动现场值守"), ("门桂琼", "休产假"), ("简俊霖", "在省公司参加仿真机培训")},
        ),
        (  # the next person's job is no reason of the one before: both share the reason after them
            "应到19人，实到17人，执行员郗志远、法警付振江外出执行（赴外省查控被执行人车辆），向支部请假。",
            {("郗志远", "外出执行(赴外省查控被执行人车辆)"), ("付振江", "外出执行(赴外省查控被执行人车辆)")},
        ),
        (
            "应到10人，实到8人。缺席：冼志宏在广州客户处调试设备，计划员廖春梅休婚假。",
            {("冼志宏", "在广州客户处调试设备"), ("廖春梅", "休婚假")},
        ),
        (  # two brothers sharing a reason
            "现有党员38名，这次到会34名，其余4名都提前请了假：麦锦添、麦锦全两兄弟在湖南做建材生意走不开，"
            "谭带娣在区医院住院，岑桂兰在广州帮女儿带孙仔。",
            {
                ("麦锦添", "在湖南做建材生意走不开"),
                ("麦锦全", "在湖南做建材生意走不开"),
                ("谭带娣", "在区医院住院"),
                ("岑桂兰", "在广州帮女儿带孙仔"),
            },
        ),
        (  # counted with their reason, then named with 和 before the last one's job
            "站支部共有党员18名，15名党员参加，另有3名党员在岗当班未参加，分别是收费员邹佳佳、谢雨萌和监控员刘志坚。",
            {("邹佳佳", "在岗当班"), ("谢雨萌", "在岗当班"), ("刘志坚", "在岗当班")},
        ),
        (  # a neighbour's nickname glued before the full name
            "应到十二人，到了十人。没到的：老魏魏春山，住县医院，心脏搭桥刚做完；老马马德彪，在县城儿子家看孙子，请了假。",
            {("魏春山", "住县医院,心脏搭桥刚做完"), ("马德彪", "在县城儿子家看孙子")},
        ),
    ],
)
def test_absentees_named_after_posts_nicknames_and_pairs(text: str, want: set[tuple[str, str]]) -> None:
    assert {(a.name, a.reason) for a in meeting(text, roster=[]).absentees} == want


@pytest.mark.parametrize(
    ("text", "actual"),
    [
        (  # one room's count, then those on video, then the total: the total
            "本次活动支部应参加党员18名：岸基会场到会11名，“海晟12”轮3名、“海晟15”轮2名党员在船上视频参加，共16名。",
            16,
        ),
        ("应到党员18名，会场到会11名，线上视频参加5名，共16名。", 16),
        ("应到党员18名，实到16名，其中预备党员2名，共16名。", 16),
        (
            "应到党员18名，到会16名，缺席2名，共18名党员。",
            16,
        ),  # the total is of the members, after an absence
    ],
)
def test_a_total_written_after_more_who_attended_is_the_count_of_those_present(
    text: str, actual: int
) -> None:
    record = meeting(text, roster=[])
    assert record.actual_count is not None and record.actual_count.value == actual


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("支部共有党员（含预备党员）12名，当晚到会11名，周可心回校参加集训，已请假。", (12, 11, None)),
        (
            "大队现有党员16名，除执法一中队党员骆晨曦、祝天翔在K132处置一起货车侧翻事故外，另外14名党员都到了现场。",
            (16, 14, None),
        ),
    ],
)
def test_members_counted_with_an_aside_and_the_rest_there_in_everyday_words(
    text: str, counts: tuple[int | None, ...]
) -> None:
    assert counts_of(meeting(text, roster=[])) == counts


def test_one_more_away_added_in_a_later_sentence_after_the_list() -> None:
    text = [
        "应到20人，实到17人，请假3人：宁浩荣（外出培训）、包晓雯（产假）、邵勇（出差）。",
        "会议由韩立新主持，学习了党章。",
        "另外，门诊党员严冬梅当晚值夜班，没能赶回来参加。",
    ]
    assert absentees(*text, roster=[]) == [
        ("宁浩荣", "外出培训"),
        ("包晓雯", "产假"),
        ("邵勇", "出差"),
        ("严冬梅", "当晚值夜班"),
    ]
    # a later sentence that says nothing of the meeting adds nobody
    other = [*text[:2], "另外，门诊党员严冬梅当晚值夜班，救治了一名急诊病人。"]
    assert [name for name, _ in absentees(*other, roster=[])] == ["宁浩荣", "包晓雯", "邵勇"]


def test_a_job_of_the_trade_before_each_name_of_a_list_after_the_counts() -> None:
    text = "应到19人，实到16人，请假3人：记者宁浩荣（在市防汛指挥部值守报道）、摄影记者包晓雯（在赛场彩排拍摄）、编辑邵勇（病休）。"
    assert absentees(text, roster=[]) == [
        ("宁浩荣", "在市防汛指挥部值守报道"),
        ("包晓雯", "在赛场彩排拍摄"),
        ("邵勇", "病休"),
    ]
    assert absentees("请假人员：版面编辑宁浩荣（轮休，在外地探亲）；校对包晓雯（腰伤复查）", roster=[]) == [
        ("宁浩荣", "轮休,在外地探亲"),
        ("包晓雯", "腰伤复查"),
    ]


def test_how_leave_was_reported_after_the_act_is_no_reason() -> None:
    text = "全所党员应到15人，实到13人，党员宁浩荣、包晓雯因在值班岗位上，未能参加（已报备）。"
    assert [reason for _, reason in absentees(text, roster=[])] == ["因在值班岗位上", "因在值班岗位上"]


def test_numbered_rows_of_a_name_one_space_and_the_reason_under_a_count() -> None:
    text = "应到25人，实到22人，请假3人：\n1.宁浩荣 窑头倒班在岗\n2.包晓雯 休产假\n3.邵勇 到省里参加复审培训\n会议内容："
    assert absentees(text, roster=[]) == [
        ("宁浩荣", "窑头倒班在岗"),
        ("包晓雯", "休产假"),
        ("邵勇", "到省里参加复审培训"),
    ]


def test_a_row_whose_reason_holds_a_comma_is_one_persons() -> None:
    text = (
        "应到22人，实到20人，请假2人：\n　宁浩荣　白班转夜班，补觉\n　包晓雯　去北站对接快运班列\n会议内容："
    )
    assert absentees(text, roster=[]) == [("宁浩荣", "白班转夜班,补觉"), ("包晓雯", "去北站对接快运班列")]


def test_a_heading_of_those_not_signed_in_over_bulleted_rows() -> None:
    text = "未签到说明\n　- 宁浩荣：在深圳客户现场部署系统（已报备）\n　- 包晓雯：婚假\n活动内容"
    assert absentees(text, roster=[]) == [("宁浩荣", "在深圳客户现场部署系统"), ("包晓雯", "婚假")]


def test_absentee_heads_glued_to_the_first_name_or_naming_whereabouts() -> None:
    def read(text: str) -> list[tuple[str | None, str | None]]:
        return [(a.name, a.reason) for a in meeting(text, roster=[]).absentees]

    glued = "应到21人实到19人缺席2人\n缺席人员及原因冉秋池（夜班后补休）宋听澜（在省人民医院进修）"
    assert read(glued) == [("冉秋池", "夜班后补休"), ("宋听澜", "在省人民医院进修")]
    # 为 after the head opens the list, not a name (未到会的2名党员为甲(…)、乙(…))
    said = "未到会的2名党员为冉秋池（哺乳期）、宋听澜（住院），均已事先请假。"
    assert read(said) == [("冉秋池", "哺乳期"), ("宋听澜", "住院")]
    where = "应到：25人 实到：23人 缺席：2人\n缺席人员及去向：\n冉秋池  赴昆明追逃\n宋听澜  病假\n会议安排在晚上。"
    assert read(where) == [("冉秋池", "赴昆明追逃"), ("宋听澜", "病假")]
    form = "主持 祁东岳\n到会支委:冉秋池 宋听澜 桑若水\n缺 柯望舒(下乡巡回医疗)\n支委应到4人 实到3人"
    assert read(form) == [("柯望舒", "下乡巡回医疗")]


def test_a_reason_after_a_word_of_time_is_a_reason() -> None:
    text = "缺席人员（2名）\n祁东岳（已去海南过冬）、桑若水（行动不便）"
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == [
        ("祁东岳", "已去海南过冬"),
        ("桑若水", "行动不便"),
    ]


def test_a_form_count_of_those_not_arrived() -> None:
    assert counts_of(meeting("应到：20\n实到：18\n未到：2", roster=[])) == (20, 18, 2)


def test_a_rotation_is_a_reason_and_the_acts_time_is_no_part_of_it() -> None:
    record = meeting("应到9人，实到8人。大堂经理雷铭山轮岗至城西支行，本次未参加。", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [("雷铭山", "轮岗至城西支行")]


def read_away(text: str) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in meeting(text, roster=[]).absentees]


def test_a_numbered_section_heads_the_list_of_absentees() -> None:
    text = "五、缺席人员及原因：\n桑若水\u3000网点延时营业值班\n祁东岳\u3000抽调参加稽核审计项目\n六、记录人：柯望舒"
    assert read_away(text) == [("桑若水", "网点延时营业值班"), ("祁东岳", "抽调参加稽核审计项目")]
    bracketed = "（三）请假人员：\n桑若水\u3000年休假\n祁东岳\u3000外出培训"
    assert read_away(bracketed) == [("桑若水", "年休假"), ("祁东岳", "外出培训")]


def test_a_row_of_an_everyday_surname_keeps_the_list_going() -> None:
    text = "缺席情况：\n冉秋池——在广东打工\n水德贵——在福建打工\n宋听澜——在县医院住院\n内容："
    assert read_away(text) == [("冉秋池", "在广东打工"), ("水德贵", "在福建打工"), ("宋听澜", "在县医院住院")]


def test_leave_told_between_the_count_and_the_colon() -> None:
    text = "实到10人。2人没来，都请过假：\n冉秋池——在附属医院临床实习\n宋听澜——参加技能大赛集训"
    assert read_away(text) == [("冉秋池", "在附属医院临床实习"), ("宋听澜", "参加技能大赛集训")]


def test_a_rows_first_cell_before_the_name_is_no_name() -> None:
    text = "请假人员：\n2022级会计 冉秋池（在苏州一家事务所实习）\n2023级物流 宋听澜（参加省赛决赛）\n列席：积极分子3人"
    assert read_away(text) == [("冉秋池", "在苏州一家事务所实习"), ("宋听澜", "参加省赛决赛")]


def test_working_alongside_an_inspection_is_a_reason() -> None:
    text = "应到12人，实到10人。运维岗党员冉秋池在机房值守，安全岗党员宋听澜配合上级审计组开展专项审计，均已请假。"
    assert read_away(text) == [("冉秋池", "在机房值守"), ("宋听澜", "配合上级审计组开展专项审计")]
    # (配合 for a task of the meeting is no reason: 甲牵头,乙配合补用例)
    work = "小组共7名党员，今天到了6名。测试工程师 冉秋池在休年假（回老家）。\n讨论后定下：桑若水牵头，祁东岳配合补用例。"
    assert read_away(work) == [("冉秋池", "在休年假(回老家)")]


def test_those_excepted_in_a_counted_bracket_are_the_absentees() -> None:
    text = "支部现有党员15名，除2名党员（冉秋池上台手术，宋听澜急诊值班）外，13名党员都到了场。"
    record = meeting(text, roster=[])
    assert counts_of(record) == (15, 13, 2)
    assert [(a.name, a.reason) for a in record.absentees] == [("冉秋池", "上台手术"), ("宋听澜", "急诊值班")]


def test_a_guest_below_the_counted_rows_is_no_absentee() -> None:
    text = "应到党员12人，实到10人，缺席2人：\n冉秋池——去海南过冬了\n宋听澜——腿脚不便\n镇组织委员柯望舒到会指导。\n一、学习"
    assert read_away(text) == [("冉秋池", "去海南过冬了"), ("宋听澜", "腿脚不便")]


def test_a_terse_forms_bare_counts_head_the_absentees() -> None:
    assert read_away("应9 实8 缺1：冉秋池 在县城住院\n一、重温入党誓词。") == [("冉秋池", "在县城住院")]
    rows = "应10 实7 缺2：\n  冉秋池 在湖北客户现场安装调试\n  宋听澜 病假\n1.组委桑若水领誓。\n5.七一推荐先进班组：装配一班。"
    assert read_away(rows) == [("冉秋池", "在湖北客户现场安装调试"), ("宋听澜", "病假")]


def test_a_post_written_after_the_name_is_no_part_of_the_reason() -> None:
    said = "本次活动应到党员9名，实到8名，冉秋池副科长下派到石门乡驻村，未能参加。"
    assert read_away(said) == [("冉秋池", "下派到石门乡驻村")]
    rows = "应到党员15人，实到13人，请假2人：\n冉秋池股长（就业促进股）——赴省厅参加培训\n宋听澜四级主任科员（未请假）\n活动内容："
    assert read_away(rows) == [("冉秋池", "赴省厅参加培训"), ("宋听澜", None)]
    # (a unit's head before a title list names no one: 武装部长、党员甲)
    unit = "本次应到党员16人，实到15人，缺席1人：武装部长、党员冉秋池带民兵在县里集训。"
    assert read_away(unit) == [("冉秋池", "带民兵在县里集训")]


def test_an_absent_count_of_a_terse_line_a_said_one_and_one_counting_the_names() -> None:
    assert counts("应11 实10\n缺1：冉秋池 带毕业班学生体检\n1.誓词") == (11, 10, 1)
    assert counts("应到14人，实到12人。请假两个：冉秋池倒休，宋听澜当班。") == (14, 12, 2)
    named = "到会情况：应到38人，实到33人；冉秋池、宋听澜、桑若水、祁东岳、柯望舒5位老党员年纪大腿脚不便，事先打电话请了假。"
    assert counts(named) == (38, 33, 5)
    # (a leave told of the month, not of the meeting: 有两名党员教师请假偏多)
    assert counts("应到20人，实到20人。通报上学期考勤情况，有两名党员教师请假偏多。")[2] is None


def test_a_shift_workers_rest_a_run_of_shifts_and_an_ailment_said_plainly() -> None:
    text = "应到25人，实到21人。没来的4个：冉秋池倒休；宋听澜连上了两个夜班，队里让他回去歇着；桑若水闹肠胃炎在校医院挂水；祁东岳在井下当班。"
    assert read_away(text) == [
        ("冉秋池", "倒休"),
        ("宋听澜", "连上了两个夜班,队里让他回去歇着"),
        ("桑若水", "闹肠胃炎在校医院挂水"),
        ("祁东岳", "在井下当班"),
    ]


def test_a_counted_head_whose_reasons_follow_and_a_label_ending_the_rows() -> None:
    text = "出勤：应到党员28人，实到25人；缺席2人，原因如下——\n  冉秋池：在苏州客户现场调试设备\n  宋听澜：产假\n纪要：\n1.学习"
    assert read_away(text) == [("冉秋池", "在苏州客户现场调试设备"), ("宋听澜", "产假")]


def test_rows_opening_with_a_post_then_the_name_and_its_mark() -> None:
    dashed = (
        "缺席2人：\n\u30001.线路工长 冉秋池——在沙河桥带班整治冻害\n\u30002.线路工 宋听澜——探亲假\n会议内容："
    )
    assert read_away(dashed) == [("冉秋池", "在沙河桥带班整治冻害"), ("宋听澜", "探亲假")]
    colon = "应到9人，实到7人，请假2人——\n排版设计师 修远之：还在老家；\n品牌设计师 桂小榆：陪客户在上海拍广告片\n1. 重温入党誓词"
    assert read_away(colon) == [("修远之", "还在老家"), ("桂小榆", "陪客户在上海拍广告片")]
    # (a leave's paperwork in brackets is an aside, not a sentence of its own)
    aside = "应到18人，实到17人，缺席1人：\n· 美术外包对接 冉秋池：在上海对接外包团队（已走OA请假）\nAgenda"
    assert read_away(aside) == [("冉秋池", "在上海对接外包团队(已走OA)")]


def test_heads_of_every_sitting_of_a_count_then_a_lead_in_and_of_a_table_cell() -> None:
    sittings = (
        "支部党员24人。两批都没来的：\n\u3000冉秋池\u3000在变电站配合抢修\n\u3000宋听澜\u3000年休假\n交流："
    )
    assert read_away(sittings) == [("冉秋池", "在变电站配合抢修"), ("宋听澜", "年休假")]
    lead_in = "应到19人，实到17人，缺席2人。正是挖虫草的时候，好几户上了山：\n1.冉秋池，上山挖虫草\n2.宋听澜，在西宁住院\n活动内容："
    assert read_away(lead_in) == [("冉秋池", "上山挖虫草"), ("宋听澜", "在西宁住院")]
    # (a sign list's legend leads into who came, not who was away)
    legend = (
        "应到5人，实到4人，请假1人。",
        "签到（●到　○假）：",
        "冉秋池●　宋听澜●",
        "桑若水○　祁东岳●",
        "备注：桑若水在银川给儿子看店。",
    )
    assert [(a.name, a.reason) for a in meeting(*legend, roster=[]).absentees] == [
        ("桑若水", "在银川给儿子看店")
    ]
    told = "应到30人，实到27人。请了假的三个：冉秋池、宋听澜两人在新疆摘棉花；桑若水在县医院住院。"
    assert read_away(told) == [
        ("冉秋池", "在新疆摘棉花"),
        ("宋听澜", "在新疆摘棉花"),
        ("桑若水", "在县医院住院"),
    ]


def test_items_numbered_by_circled_digits_and_a_table_cell_of_numbered_items() -> None:
    form = "缺席人数\u30002\n缺席人员及原因\u3000①冉秋池\u3000在城北排查燃气隐患②宋听澜\u3000陪母亲在省人民医院手术\n会议议程："
    assert read_away(form) == [("冉秋池", "在城北排查燃气隐患"), ("宋听澜", "陪母亲在省人民医院手术")]
    cell = "| 应到 | 25 | 实到 | 23 |\n| 缺席人员及原因 | 1. 冉秋池 在县一中监考 2. 宋听澜 在医院护理父亲 |\n| 会议内容 | 见下 |"
    assert read_away(cell) == [("冉秋池", "在县一中监考"), ("宋听澜", "在医院护理父亲")]


def test_a_row_cut_at_its_semicolon_names_one_of_an_everyday_surname() -> None:
    rows = "应到5名，实到2名，3名同志请假：\n冉秋池，脑梗后遗症卧床；\n朗德胜，刚做了白内障手术；\n宋听澜，眼底出血复查。\n活动开始。"
    assert read_away(rows) == [
        ("冉秋池", "脑梗后遗症卧床"),
        ("朗德胜", "刚做了白内障手术"),
        ("宋听澜", "眼底出血复查"),
    ]


def test_tibetan_names_of_common_parts_part_from_the_reason_they_share() -> None:
    text = "本次活动应到党员33人，实到30人，其余3人请假：格桑央拉、白玛朗加在山上挖虫草，罗布旦达在拉萨打工。"
    assert read_away(text) == [
        ("格桑央拉", "在山上挖虫草"),
        ("白玛朗加", "在山上挖虫草"),
        ("罗布旦达", "在拉萨打工"),
    ]


def test_a_reason_runs_on_over_its_commas_to_the_next_person() -> None:
    one = "应到十二人，实到十一人。缺一人：冉秋池，回娘家去了，跟书记说过。"
    assert read_away(one) == [("冉秋池", "回娘家去了")]
    two = "应到十二人，实到十人。缺二人：冉秋池，回娘家去了，跟书记说过；宋听澜，出差。"
    assert read_away(two) == [("冉秋池", "回娘家去了"), ("宋听澜", "出差")]


def test_the_words_between_a_count_and_its_leave_are_the_reason_of_those_listed() -> None:
    colon = "应到35名，实到31名；4名正式党员井下当班请假：冉秋池、宋听澜、桑若水、祁东岳。"
    assert read_away(colon) == [(n, "井下当班") for n in ("冉秋池", "宋听澜", "桑若水", "祁东岳")]
    bracket = "应参加23人，实际参加21人，2人因承担英语分级考试监考请假（冉秋池、宋听澜）。"
    assert read_away(bracket) == [(n, "承担英语分级考试监考") for n in ("冉秋池", "宋听澜")]
    how = "应到23人，实到21人，2人均已提前请假：冉秋池、宋听澜。"
    assert read_away(how) == [("冉秋池", None), ("宋听澜", None)]


def test_the_reason_in_the_clause_before_a_cue_of_its_own() -> None:
    text = "应到26人，到会24人。乙班2名党员当天正在抢修卷取机，未能参加，分别是冉秋池、宋听澜，支部下周组织补学。"
    assert read_away(text) == [(n, "当天正在抢修卷取机") for n in ("冉秋池", "宋听澜")]


def test_the_one_missing_said_aloud_has_what_the_pronoun_clause_tells() -> None:
    text = "八个人都在，就差跑长途的党员冉秋池，他拉一车冻品去成都了。"
    assert read_away(text) == [("冉秋池", "拉一车冻品去成都了")]
    came = "应到9人，实到8人，就差冉秋池，他后来也到了。"
    assert read_away(came) == [("冉秋池", None)]
    told = "小组九个党员来了八个，冉秋池没来，是他爱人生病住院了。"
    assert read_away(told) == [("冉秋池", "爱人生病住院了")]


def test_a_reason_field_left_empty_and_a_register_row_filing_are_no_reasons() -> None:
    empty = "应到：25　实到：23　请假：2\n请假人员：冉秋池、宋听澜\n请假事由：（系统未填）"
    assert read_away(empty) == [("冉秋池", None), ("宋听澜", None)]
    register = (
        "支部党员31人，参加29人。\n请假登记：\n"
        "冉秋池\u3000请假\u30005月26日下午\u3000陪学生到市少年宫比赛\u3000批准人祁东岳\n"
        "宋听澜\u3000请假\u30005月25日至27日\u3000回老家奔丧\u3000批准人祁东岳"
    )
    assert read_away(register) == [("冉秋池", "陪学生到市少年宫比赛"), ("宋听澜", "回老家奔丧")]


def test_a_bracket_giving_the_name_a_person_goes_by_is_no_reason() -> None:
    text = "请假人员及原因：冉秋池，在东莞打工；宋听澜（大家叫他宋老三），上个月闪了腰，在家躺着。"
    assert read_away(text) == [("冉秋池", "在东莞打工"), ("宋听澜", "上个月闪了腰,在家躺着")]


@pytest.mark.parametrize(
    "reason", ["跑景洪到磨憨的货运", "放蜂", "入户安检回访", "连续三晚夜间听漏，白天补休"]
)
def test_the_trades_everyday_work_is_a_firm_reason(reason: str) -> None:
    assert firm_reason(reason)


def test_a_form_count_of_those_present_is_no_count_of_those_away() -> None:
    record = meeting("应到支委：5人　　实到：4人　　缺席：冉秋池（住院）", roster=[])
    assert record.absent_count is None
    assert [(a.name, a.reason) for a in record.absentees] == [("冉秋池", "住院")]


def test_a_word_of_time_before_where_the_absentee_was() -> None:
    text = "应到党员26名，实到24名。未参加活动的2名党员中，冉秋池仍在隔离病区工作，宋听澜在省人民医院进修。"
    assert read_away(text) == [("冉秋池", "仍在隔离病区工作"), ("宋听澜", "在省人民医院进修")]


def test_those_present_counted_and_named_in_a_bracket_are_not_away() -> None:
    assert read_away("参加：全体支委5人（冉秋池、宋听澜、桑若水、祁东岳、柯望舒），都到了。") == []


def test_the_sum_worked_out_gives_those_present() -> None:
    record = meeting("支部应到党员22人，请假2人，实到22－2＝20人。", roster=[])
    assert record.actual_count is not None and record.actual_count.value == 20


def test_members_still_to_pay_their_dues_are_no_count_of_those_away() -> None:
    record = meeting("组织委员通报了一、二月份党费的收缴，还差两名党员没在手机上交。", roster=[])
    assert record.absent_count is None


def test_a_member_recalling_his_past_at_the_meeting_is_not_away_and_a_dash_opens_a_reason() -> None:
    text = (
        "支部31名党员，到会28人。\n交流中，老党员柯望舒回忆了自己1962年入党时的情景。\n"
        "另外3位老党员这次没能来：冉秋池在老年大学排练合唱，宋听澜去女儿家带外孙，桑若水——前几天摔了一跤，在家养伤。"
    )
    assert read_away(text) == [
        ("冉秋池", "在老年大学排练合唱"),
        ("宋听澜", "去女儿家带外孙"),
        ("桑若水", "前几天摔了一跤"),
    ]


def test_reasons_after_how_the_leave_was_asked_and_in_the_order_given() -> None:
    asked = "应到12人，实到10人。请假情况：\n冉秋池，书面请假，事由：参加档案数字化业务培训；\n宋听澜，电话请假，理由：父亲住院陪护。"
    assert read_away(asked) == [("冉秋池", "参加档案数字化业务培训"), ("宋听澜", "父亲住院陪护")]
    ordered = (
        "应到24人，实到21人。缺席3人：冉秋池、宋听澜、桑若水，原因依次为：考研复试、毕业实习、回老家奔丧。"
    )
    assert read_away(ordered) == [("冉秋池", "考研复试"), ("宋听澜", "毕业实习"), ("桑若水", "回老家奔丧")]


def test_a_bracket_that_tells_what_happened_is_no_alias() -> None:
    assert read_away("应到20人，实到18人，冉秋池（监考）、宋听澜（脚崴了）请假。") == [
        ("冉秋池", "监考"),
        ("宋听澜", "脚崴了"),
    ]


def test_duties_of_judging_and_household_surveys_open_reasons() -> None:
    judge = "应到32人，实到30人，请假2人：汽修专业教师冉秋池带学生在企业跟岗实习，电子专业教师宋听澜担任省技能大赛裁判。"
    assert read_away(judge) == [("冉秋池", "带学生在企业跟岗实习"), ("宋听澜", "担任省技能大赛裁判")]
    survey = "应到正式党员13名，实到12名，缺席1名。住户调查科党员冉秋池下户到白沙乡督导记账户，已请假。"
    assert read_away(survey) == [("冉秋池", "下户到白沙乡督导记账户")]


def test_an_honorific_after_the_name_of_one_away() -> None:
    text = "小组应到9人，到了8人。冉秋池老伯在女儿家（苏州）没回来，提前在群里请了假。"
    assert read_away(text) == [("冉秋池", "在女儿家(苏州)没回来")]


def test_an_age_opens_a_reason_and_not_come_counts_those_away() -> None:
    text = "应到20人，实到18人，没来2人——冉秋池去北京看病；老党员宋听澜八十多了，下不了楼。"
    record = meeting(text, roster=[])
    assert record.absent_count is not None and record.absent_count.value == 2
    assert read_away(text) == [("冉秋池", "去北京看病"), ("宋听澜", "八十多了,下不了楼")]


def test_what_the_absentee_said_on_the_phone_is_the_reason() -> None:
    text = (
        "应到13人，来了11人。没来的是冉秋池和宋听澜。宋听澜在乡里的防疫卡点值班，头一天就说了。"
        "冉秋池开会前给我打电话，说家里母羊下羔，走不开。"
    )
    assert read_away(text) == [("宋听澜", "在乡里的防疫卡点值班"), ("冉秋池", "家里母羊下羔,走不开")]


def test_members_said_to_have_come_after_the_count_are_not_away() -> None:
    text = (
        "参会情况：应到会有表决权的正式党员27名，实到23名；预备党员柯望舒、祁东岳均到会，不参加表决。\n"
        "未到会的4名正式党员：冉秋池、宋听澜、桑若水均在广东东莞务工（已在微信群里向支部书记请假），房德海因脑梗在镇卫生院住院。"
    )
    assert [name for name, _ in read_away(text)] == ["冉秋池", "宋听澜", "桑若水", "房德海"]


def test_last_years_review_held_now_is_this_meetings_count() -> None:
    text = "支部书记冉秋池主持召开了去年一年的组织生活会，应到22名，到会20名，缺席2名：宋听澜（肺气肿住院），桑若水（在深圳）。"
    record = meeting(text, roster=[])
    assert record.expected_count is not None and record.expected_count.value == 22
    assert record.actual_count is not None and record.actual_count.value == 20


def test_counts_apart_by_gaps_and_those_who_heard_a_lecture() -> None:
    record = meeting(
        "到会情况：党员14名\u3000到13名\u3000请假1名\u3000冉秋池（在西安他儿子那住着）", roster=[]
    )
    assert record.expected_count is not None and record.expected_count.value == 14
    assert record.actual_count is not None and record.actual_count.value == 13
    heard = meeting("应到党员：22人\u3000听课党员：20人", roster=[])
    assert heard.actual_count is not None and heard.actual_count.value == 20


def test_three_said_aloud_and_the_one_short_named() -> None:
    record = meeting(
        "应到党员19人实到16人，仨人请假，冉秋池在省城做手术，宋听澜回老家上坟，桑若水在外头跑大车。",
        roster=[],
    )
    assert record.absent_count is not None and record.absent_count.value == 3
    assert read_away("本组党员9个今天到了8个还差1个，差的是冉秋池，在城里住院化疗。") == [
        ("冉秋池", "在城里住院化疗")
    ]


def test_someone_whose_words_after_the_list_say_they_came_is_no_absentee() -> None:
    voters = "应到会有表决权的正式党员23名，实到21名，请假2名：冉秋池（在浙江宁波工地打工）、宋听澜（住县医院保胎）。"
    text = voters + "预备党员周岚参加会议，不参加表决。"
    assert absentees(text) == [("冉秋池", "在浙江宁波工地打工"), ("宋听澜", "住县医院保胎")]
    assert absentees("缺席：冉秋池；宋听澜右脚骨折未愈，拄拐到会。") == [("冉秋池", None)]
    kept = absentees("缺席：冉秋池（在县里参加会议）；宋听澜（腿伤，未能到会）")
    assert kept == [("冉秋池", "在县里参加会议"), ("宋听澜", "腿伤")]


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (("应到8人，实到7人，缺席1人。", "冉秋池未到会，事假。"), [("冉秋池", "事假")]),
        (
            ("应到9人，实到8人。", "截至会议开始，冉秋池同志仍未到场，家中有事，事先请过假。"),
            [("冉秋池", "家中有事")],
        ),
        (("应到9人，实到8人。", "冉秋池请了假,身体不适。"), [("冉秋池", "身体不适")]),
        # a note after the act is no reason: a make-up, a proxy
        (("应到9人，实到8人。", "冉秋池请了假，会后补学。"), [("冉秋池", None)]),
        (("应到9人，实到8人。", "冉秋池未到会，其妻子代为参会。"), [("冉秋池", None)]),
    ],
)
def test_the_reason_told_in_the_clause_after_the_act_of_being_away(
    texts: tuple[str, ...], want: list[tuple[str, str | None]]
) -> None:
    assert absentees(*texts) == want
