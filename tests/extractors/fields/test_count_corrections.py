"""Corrections written below a record (``extractors.fields.corrections``): the corrected counts are the record's."""

from __future__ import annotations

import pytest
from fields_helpers import counts_of, meeting


@pytest.mark.parametrize(
    ("texts", "counts"),
    [
        # a count corrected alone: the others stay as written (and may no longer add up)
        (
            ["出席情况：应到30人，实到27人，缺席3人。", "更正：经核对签到表，实到人数应为26人，原记录有误。"],
            (30, 26, 3),
        ),
        # the correction states two counts in a sentence after the one that says so
        (
            [
                "应到人数：28",
                "实到人数：26",
                "更正说明：“实到人数”一栏误填为26人。经核对签到簿，当晚实到党员24人，缺席4人。",
            ],
            (28, 24, 4),
        ),
        (
            ["应到党员19人，实到18人，缺席1人。", "更正（5月9日）：实到由18人改为16人，更正后缺席3人。"],
            (19, 16, 3),
        ),
        # the quoted words replaced, then the words that stand
        (["应到党员20人，实到17人，缺席2人。", "更正：第5行“实到17人”应为“实到18人”。"], (20, 18, 2)),
        # the figure that stands instead, in a note below
        (
            [
                "应到人数：24人　实到人数：21人",
                "说明：记录簿“实到人数21人”系记录时漏计一人，以签到表22人为准。",
            ],
            (24, 22, None),
        ),
    ],
)
def test_the_counts_a_correction_states_replace_the_records(
    texts: list[str], counts: tuple[int, int, int]
) -> None:
    assert counts_of(meeting(*texts, roster=[])) == counts


def test_everyday_ying_wei_is_no_correction() -> None:
    record = meeting(
        "应到20人，实到18人，缺席2人。", "书记强调，党员应为群众办实事，会后20人一起入户走访。", roster=[]
    )
    assert counts_of(record) == (20, 18, 2)


def test_a_name_written_wrongly_and_corrected_is_read_as_corrected() -> None:
    record = meeting(
        "会议由支部书记司马静殊主持。",
        "更正（3月2日）：上文主持人姓名误写为“司马静殊”，应为“司马静姝”。",
        roster=[],
    )
    assert record.presider is not None and record.presider.value == "司马静姝"


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("应到十九个人,实到十六个,哦不对不对,实到是十七个,就两个没来", (19, 17, 2)),
        ("应到三十一个,实到二十八个,哎呀我数错了,是二十七个,没来的四个", (31, 27, 4)),
        ("应到三十一人，实到二十八个人，嗯应该是二十七个，缺席四人", (31, 27, 4)),
    ],
)
def test_a_count_corrected_aloud_is_read_as_corrected(text: str, counts: tuple[int, int, int]) -> None:
    assert counts_of(meeting(text, roster=[])) == counts


def test_a_figure_restated_in_other_words_is_no_correction() -> None:
    assert counts_of(meeting("应到20人,实到18人,其中党员是15人。", roster=[]))[:2] == (20, 18)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("应到党员28名，实到25名，另有3名党员在乡镇开展耕地核查，经批准请假。", 3),
        ("应到党员30名，实到23名，7名党员因在云南、贵州等地开展竹资源野外调查请假。", 7),
        ("应到党员26名，实到21名，5名老同志因年事已高、身体不适请假。", 5),
        ("应到党员18人，实到16人。备注：未参加活动党员2名：甲（进修）、乙（出差）。", 2),
        # this meeting's absentees, not last month's told in a review below
        (
            "应到党员35名，实到31名。4名请假党员中，甲在外地审计，乙参加培训。回顾二季度工作：6月份请假的3名同志均已补学。",
            4,
        ),
        ("上次会议应到30人，实到28人，请假2人；本次应到30人，实到27人，请假3人。", 3),
    ],
)
def test_the_absent_count_of_this_meeting(text: str, absent: int) -> None:
    assert counts_of(meeting(text, roster=[]))[2] == absent


@pytest.mark.parametrize(
    "text",
    ["应到/实到：7/6人", "5\t应到/实到（人）\t7/6", "应到人数/实到人数：7/6", "应/实 7/6　缺：甲明(病)"],
)
def test_both_counts_under_one_label_in_its_order(text: str) -> None:
    assert counts_of(meeting(text, roster=[]))[:2] == (7, 6)  # was read 6 and 7


@pytest.mark.parametrize("text", ["应/实/缺　10/9/1", "应到/实到/缺席：10/9/1"])
def test_all_three_counts_under_one_label_in_its_order(text: str) -> None:
    assert counts_of(meeting(text, roster=[])) == (10, 9, 1)


@pytest.mark.parametrize(
    "text",
    [
        "本组党员：8人    到会：7人",
        "该园党支部现有党员教师8名，本次活动到场7名，党员教师甲正在休产假，未能参加。",
    ],
)
def test_the_members_then_those_who_came(text: str) -> None:
    assert counts_of(meeting(text, roster=[]))[:2] == (8, 7)


def test_a_count_a_correction_left_stale_is_doubted() -> None:
    """实到 corrected, 缺席 left as written: the counts added up before and no longer do, and the correction
    speaks of those away without a figure read, so the 缺席 read may be stale (the rules then say unknown,
    not fail); a correction silent on 缺席 leaves it standing."""
    stale = meeting("应到党员13人，实到11人，缺席2人。", "更正：实到人数应为12人，缺的只有一个。", roster=[])
    assert counts_of(stale) == (13, 12, 2)
    assert stale.absent_count is not None and stale.absent_count.confidence < 0.8
    silent = meeting("应到党员13人，实到11人，缺席2人。", "更正：实到人数应为12人，原记录有误。", roster=[])
    assert silent.absent_count is not None and silent.absent_count.confidence == 1.0  # the record's, standing


def test_a_second_message_correcting_the_first() -> None:
    first = "应到二十八个，实到二十三个，请假五个，侯德明带孙子打针，其他几个都在外面打工。"
    record = meeting(first, "改一下：实到是二十四个，请假的是四个，侯德明后来赶过来了，其他不变。")
    assert counts_of(record) == (28, 24, 4)


def test_a_correction_taking_a_reason_back_leaves_no_reason() -> None:
    record = meeting(
        "应到二十六个实到二十三个，缺三个，柏永胜在外地出差，殷桂莲在家带孙子，覃德华请假。",
        "改一下：覃德华不是请了假的，她没来也没跟我们说，不晓得什么原因。",
    )
    reasons = {a.name: a.reason for a in record.absentees}
    assert reasons["覃德华"] != "请假" and reasons["柏永胜"] == "在外地出差"


def test_a_count_a_correction_speaks_of_unread_is_not_trusted() -> None:
    record = meeting("应到12人，实到10人，缺席1人。", "改一下：应到是十一个 老周的组织关系转走了 我忘了减")
    expected = record.expected_count
    assert expected is not None and expected.confidence < 1.0  # 12/10/1 no longer adds up: maybe stale


def test_a_note_added_later_says_an_absentee_came_after_all() -> None:
    record = meeting(
        "应到：24人\u3000实到：21人\u3000缺席：3人",
        "缺席人员：冉秋池（去省里备赛）、宋听澜（病假）、桑若水（未到）",
        "补记（5月15日）：桑若水19:25到会，系实验课拖堂迟到，到后已补签。",
        roster=[],
    )
    assert [a.name for a in record.absentees] == ["冉秋池", "宋听澜"]
