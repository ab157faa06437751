"""Whole meeting records by a second round of writers who never read the parser (session 58): the
classes their records exposed. Absentees: a list under a head that lists only those on leave
(``请假：甲``) asked for leave, unless the list gives others reasons; a group's last name glued to its
count (``丙三个人身体不好在家``) after names set apart by commas; a bracket after the count's full stop
(``缺席2人。（甲病假；乙产假）``); a bracket saying it is all theirs (``乙、丙（均年老体弱）``); the label
opening a bracket (``（请假事由：…）``); a group told of in the next sentence (``两人均在…``); each one on the
lines below the count described by a reason before the person (``值乘…的列车长甲；休产假的丙``); a bracket
counting the names above it (``甲 乙 丙（以上3人外出务工）``); names glued to their count, then the reason they share
(``甲、乙、丙三位老党员因病在家``); whoever attended (``出席会议``, ``参加活动``, led the oath) is no
absentee. Oath: not done this time (``这次没有搞``), or decided for a later activity. Study: a leader of
an untitled material (``领学中央…精神``, ``学习…，由X组织大家学习``), the languages it was led in;
study taken to those away after the meeting, or a make-up study for them, is led by no one; a word of the text
(``段落``) is no leader. Kind: a form's ticked boxes. Counts:
expected members with a vote in parts, the members who went to where
the day was held. Dues: a report on how they stand (``通报…党费收缴情况``) is no payment at the meeting."""

from __future__ import annotations

import pytest
from fields_helpers import counts_of, lines_of, meeting

from extractors.fields.meeting import item_done

ROSTER = ["冉秋池", "宋听澜", "周岚", "张明华", "吕一帆", "蒋南星"]


def absent(*texts: str, roster: list[str] | None = None) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=roster or []).absentees]


def leaders(*texts: str) -> list[str | None]:
    return [item.leader for item in meeting(*texts, roster=[]).study]


@pytest.mark.parametrize("head", ["请假：", "请假人员：", "请假的有："])
def test_names_under_a_head_listing_those_on_leave_asked_for_leave(head: str) -> None:
    assert absent("应到9人，实到7人。", f"{head}冉秋池、宋听澜") == [("冉秋池", "请假"), ("宋听澜", "请假")]


def test_one_left_bare_among_reasons_under_a_leave_head_has_none() -> None:
    found = absent("应到9人，实到6人。", "请假名单：住院1人（冉秋池）；外出探亲1人（宋听澜）；另有周岚。")
    assert found[-1] == ("周岚", None)


def test_a_cleft_leave_list_takes_the_reasons_told_after_it() -> None:
    text = "请假的是冉秋池、宋听澜两位同志。前者在外地驻点，后者借调上级机关。"
    assert absent("应到12人，实到10人。", text) == [("冉秋池", "在外地驻点"), ("宋听澜", "借调上级机关")]


@pytest.mark.parametrize("sep", ["、", "，"])
def test_a_groups_last_name_glued_to_its_count(sep: str) -> None:
    text = f"请假的有四个：冉秋池住院了，宋听澜{sep}周岚{sep}张明华三个人身体不好在家。"
    assert absent("应到20人，实到16人。", text) == [
        ("冉秋池", "住院了"),
        ("宋听澜", "身体不好在家"),
        ("周岚", "身体不好在家"),
        ("张明华", "身体不好在家"),
    ]


def test_a_bracket_after_the_counts_full_stop_is_the_counts() -> None:
    text = "【出勤情况】应到15人，实到13人，缺席2人。（冉秋池同志病假；宋听澜产假）"
    assert absent(text) == [("冉秋池", "病假"), ("宋听澜", "产假")]


def test_a_bracket_saying_it_is_theirs_all_is_shared() -> None:
    text = "缺席人员：冉秋池（在省城陪孩子看病）、宋听澜、周岚（均年老体弱）、张明华"
    assert absent("应到20人，实到16人。", text) == [
        ("冉秋池", "在省城陪孩子看病"),
        ("宋听澜", "年老体弱"),
        ("周岚", "年老体弱"),
        ("张明华", None),
    ]


def test_the_label_opening_a_bracket_before_its_reason() -> None:
    assert absent("应到9人，实到8人。", "缺席：冉秋池（请假事由：腰椎手术后卧床休养）") == [
        ("冉秋池", "腰椎手术后卧床休养")
    ]


@pytest.mark.parametrize(("opens", "told"), [("两人均", True), ("他们都", True), ("三人均", False)])
def test_a_group_told_of_in_the_next_sentence(opens: str, told: bool) -> None:
    found = absent("应到9人，实到7人。", f"缺席：冉秋池、宋听澜。{opens}在外地客户处做售后服务。")
    reason = "在外地客户处做售后服务" if told else None
    assert found == [("冉秋池", reason), ("宋听澜", reason)]


def test_the_list_below_a_count_each_described_by_its_reason_before_the_person() -> None:
    found = absent(
        "应到党员12人，实到9人，未参加3人：",
        "值乘G12次的列车长冉秋池；在北京参加技能竞赛集训的周岚；休产假的张明华。",
    )
    assert found == [("冉秋池", "值乘G12次"), ("周岚", "在北京参加技能竞赛集训"), ("张明华", "休产假")]


def test_those_who_attended_or_led_are_no_absentees() -> None:
    found = absent(
        "活动由村党支部书记冉秋池主持，驻村第一书记宋听澜参加活动。支部应到党员38名，实到36名，2名党员外出务工请假。",
        "活动中，宋听澜领誓，全体党员面向党旗重温入党誓词。",
        "交流中，老党员周岚说：“日子一年比一年好，要教育孩子们永远听党话、跟党走。”",
    )
    assert found == []


def test_members_who_attended_the_committee_are_not_in_the_absent_clause() -> None:
    text = "支部书记冉秋池主持会议。支部委员宋听澜、周岚、张明华出席会议，支部委员吕一帆未参加。"
    assert absent(text) == [("吕一帆", None)]


@pytest.mark.parametrize(
    "text",
    [
        "重温入党誓词这次没有搞 下次活动补上",
        "二、经讨论，3月主题党日定于3月22日下午开展，内容为学习全国两会精神、重温入党誓词。",
        "3.研究七一活动：组织全体党员到镇红色教育基地开展主题党日，重温入党誓词，宋听澜负责联系车辆。",
        "这次会上没搞重温入党誓词,下回主题党日补上。",
        "1.研究七一主题党日方案。初定7月1日上午到市烈士陵园,重温入党誓词由宋书记领誓。",
    ],
)
def test_an_oath_not_done_now_is_not_taken(text: str) -> None:
    assert meeting("会议由书记冉秋池主持。", text, roster=[]).oath_taken is None


def test_a_dotted_name_leading_the_oath_in_an_open_bracket() -> None:
    record = meeting("一、重温入党誓词（阿依古丽·吐尔逊领誓）。", roster=[])
    assert record.oath_leader is not None and record.oath_leader.value == "阿依古丽·吐尔逊"


def test_the_leader_of_an_untitled_central_material() -> None:
    text = "副书记冉秋池领学《论党的自我革命》有关章节，组织委员宋听澜领学中央金融工作会议精神。"
    assert leaders(text) == ["冉秋池", "宋听澜"]


def test_the_languages_a_study_was_led_in() -> None:
    assert leaders("副书记帕提古丽·阿不来提用国家通用语言和维吾尔语双语领学了《中国共产党章程》。") == [
        "帕提古丽·阿不来提"
    ]


def test_a_major_before_the_leader_is_no_language() -> None:
    assert leaders("宣传委员、2021级应用化学专业冉秋池领学了《论党的青年工作》。") == ["冉秋池"]


def test_what_an_item_studies_then_who_organised_it() -> None:
    text = "二、学习二十大报告第五部分“实施科教兴国战略，强化人才支撑”，由副校长冉秋池组织大家学习。"
    assert leaders(text) == ["冉秋池"]


def test_study_taken_to_those_away_is_led_by_no_one() -> None:
    text = "活动结束后，支部委员带着学习材料和重阳糕上门送学、看望。"
    assert leaders("全体党员学习了《中国共产党章程》。", text) == [None]


@pytest.mark.parametrize(
    ("row", "kind"),
    [
        ("会议类型：□支部党员大会 □支委会 □党小组会 ☑党课 ☑主题党日", "主题党日"),
        ("会议类型：□支部党员大会 ☑支委会 □党小组会 □党课 □主题党日", "支委会"),
    ],
)
def test_a_forms_ticked_box_is_the_kind(row: str, kind: str) -> None:
    record = meeting("某社区第三党支部“三会一课”活动记录表", row, roster=[])
    assert record.kind is not None and record.kind.value == kind


def test_expected_members_with_a_vote_given_in_parts() -> None:
    record = meeting(
        "应到：有表决权的正式党员14名，预备党员1名",
        "实到：正式党员13名，预备党员1名",
        "缺席：正式党员1名——冉秋池（赴海南南繁基地开展育种工作）",
        roster=[],
    )
    assert counts_of(record)[:2] == (15, 14)
    assert [(a.name, a.reason) for a in record.absentees] == [("冉秋池", "赴海南南繁基地开展育种工作")]


def test_the_members_who_went_where_the_day_was_held_attended() -> None:
    text = "9月20日下午，市第二人民医院离退休党支部28名老党员走进新落成的住院综合楼，开展主题党日活动。"
    assert counts_of(meeting(text, roster=[]))[1] == 28


@pytest.mark.parametrize("sep", [" ", "、"])
def test_a_bracket_counting_the_names_above_it(sep: str) -> None:
    text = f"缺席人员：冉秋池{sep}宋听澜{sep}周岚（以上3人外出务工，已电话请假）张明华（生病住院）吕一帆"
    assert absent("应到20人，实到15人。", text) == [
        ("冉秋池", "外出务工"),
        ("宋听澜", "外出务工"),
        ("周岚", "外出务工"),
        ("张明华", "生病住院"),
        ("吕一帆", None),
    ]


def test_names_glued_to_their_count_then_the_reason_they_share() -> None:
    text = "支部现有党员23名。冉秋池、宋听澜、周岚三位老党员因病在家，今天没能来。"
    assert absent(text) == [(name, "因病在家") for name in ("冉秋池", "宋听澜", "周岚")]


@pytest.mark.parametrize(
    ("text", "paid"),
    [
        ("1、通报三季度党费收缴情况：三季度应缴党费全部按时足额缴纳。", False),
        ("三、通报2024年度党费收缴情况，全年党费均已按时足额收缴。", False),
        ("（三）通报全年党费收缴情况，收缴12月份党费。", True),
        ("组织委员汇报了今年党费收缴使用情况，大家举手通过，最后交了十一月份的党费。", True),
    ],
)
def test_a_report_on_the_dues_is_no_payment_at_the_meeting(text: str, paid: bool) -> None:
    assert (item_done(lines_of(text), "缴纳党费") is not None) is paid


def test_a_leave_mark_before_the_absence_it_notes() -> None:
    text = "会议应到党员19名，实到17名，冉秋池（在省城参加培训）、宋听澜（请假）未参会。"
    assert absent(text) == [("冉秋池", "在省城参加培训"), ("宋听澜", "请假")]


@pytest.mark.parametrize(
    ("text", "studied"), [("二、会前党员自主学习了", False), ("二、党员自主学习了", True)]
)
def test_study_on_their_own_before_the_meeting_is_not_this_meetings(text: str, studied: bool) -> None:
    record = meeting(f"{text}《中国共产党章程》。", roster=[])
    assert bool(record.study) is studied


def test_a_dotted_name_after_the_items_heading_sentence() -> None:
    assert leaders("一、学习。沙吾列·努尔兰带领大家学习了《中国共产党党员权利保障条例》第二章。") == [
        "沙吾列·努尔兰"
    ]


def test_a_word_for_the_passages_explained_is_no_leader() -> None:
    text = "随后，冉秋池组织大家学习了《民族工作读本》有关章节，书记宋听澜用藏语对重点段落逐句作了讲解。"
    assert "段落" not in leaders(text)


def test_a_make_up_study_organised_for_those_away_is_led_by_no_one_here() -> None:
    assert leaders("补学安排：由冉秋池组织3名同志于5月5日前观看党课录像补学。") == []


def test_a_study_part_named_first_is_no_material() -> None:
    text = "专题学习这一块，由组织委员冉秋池同志领学，学习《中国共产党纪律处分条例》，大家认真做了笔记。"
    assert [(i.leader, i.material) for i in meeting(text, roster=[]).study] == [
        ("冉秋池", "《中国共产党纪律处分条例》")
    ]


def test_a_reason_field_saying_it_is_all_theirs_is_not_read_one_each() -> None:
    text = "请假情况：冉秋池、宋听澜，事由均为因公外出，均已书面请假。"
    assert absent("应到10人，实到8人。", text) == [("冉秋池", "因公外出"), ("宋听澜", "因公外出")]
