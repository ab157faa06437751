"""Classes of real writing the grammar had not met (issue 9): each class with phrasings of our own."""

from __future__ import annotations

import datetime as dt

import pytest
from fields_helpers import lines_of, meeting

from extractors.fields.cues import cue_lines
from extractors.fields.dates import find_dates
from extractors.fields.meeting import kind, place
from extractors.fields.study import material_matches

# ----------------------------------------------------------------- a numbered agenda


@pytest.mark.parametrize(
    ("text", "field", "want"),
    [
        ("二、领誓人：宣传委员张明。", "oath_leader", "张明"),
        ("（三）领誓人：王芳", "oath_leader", "王芳"),
        ("1.主持人：李光振", "presider", "李光振"),
        ("4、主持人：书记李光振", "presider", "李光振"),
        ("第一项：由组织委员王芳同志领誓。", "oath_leader", "王芳"),
    ],
)
def test_numbered_items_read_as_plain_lines(text: str, field: str, want: str) -> None:
    found = getattr(meeting(text), field)
    assert found is not None and found.value == want


def test_a_date_is_no_item_number() -> None:
    assert meeting("2023.6.14上午，支部召开主题党日。").date.value == dt.date(2023, 6, 14)  # type: ignore[union-attr]


# ----------------------------------------------------------------- who presided


@pytest.mark.parametrize(
    "text",
    [
        "会议主持：书记李光振。",
        "活动主持：李光振同志",
        "主持：李光振",
        "李光振同志作为本次会议主持人，宣布会议开始。",
        "本次活动由李光振担任主持人。",
        "主持人由李光振同志担任。",
        "李光振同志担任会议主持，介绍了议程。",
        "李光振是本次活动的主持人。",
    ],
)
def test_presider_labels_and_roles(text: str) -> None:
    found = meeting(text).presider
    assert found is not None and found.value == "李光振"


def test_presider_label_without_roster() -> None:
    found = meeting("会议主持：副书记马红梅。", roster=[]).presider
    assert found is not None and found.value == "马红梅"


def test_an_empty_presider_label_is_no_cue() -> None:
    assert not cue_lines(lines_of("会议主持："), "presider")


# ----------------------------------------------------------------- dues and the oath as plan items


@pytest.mark.parametrize(
    "text",
    [
        "活动中，支部收缴了党员12月份党费。",
        "组织委员现场收取了大家5月份的党费。",
        "本月党费已全部收缴。",
        "党员们按时上交了第二季度党费。",
        "大家的党费均已按时交齐。",
    ],
)
def test_dues_with_words_between_verb_and_object(text: str) -> None:
    assert "缴纳党费" in meeting(text, items=["缴纳党费"]).items_done


@pytest.mark.parametrize("text", ["书记就党费收缴、使用和管理情况作了说明。", "会上通报了党费的使用情况。"])
def test_dues_talked_about_not_paid(text: str) -> None:
    record = meeting(text, items=["缴纳党费"])
    assert "缴纳党费" not in record.items_done
    assert record.cues["item:缴纳党费"]  # a person reads it: unknown, never fail


@pytest.mark.parametrize(
    "text", ["在书记带领下，大家重温了一遍入党誓词。", "支部书记领着大家重温了入党时的誓言。"]
)
def test_oath_retaken_with_words_between(text: str) -> None:
    assert "重温入党誓词" in meeting(text, items=["重温入党誓词"]).items_done


# ----------------------------------------------------------------- counts: the whole, then the part


@pytest.mark.parametrize(
    ("text", "expected", "actual"),
    [
        ("支部12名党员中有11名参加了会议。", 12, 11),
        ("在全支部三十二名党员中，有三十名到会。", 32, 30),
        ("25名党员中23名出席本次活动。", 25, 23),
        ("张明、王芳、李光振，共3人参加（支部党员5人）。", 5, 3),
        ("本次到会党员7名，支部现有党员8名。", 8, 7),
    ],
)
def test_expected_from_the_whole(text: str, expected: int, actual: int) -> None:
    record = meeting(text)
    assert record.expected_count is not None and record.expected_count.value == expected
    assert record.actual_count is not None and record.actual_count.value == actual


def test_a_part_of_those_present_is_no_membership() -> None:
    assert meeting("实到7人，其中党员5人。").expected_count is None


# ----------------------------------------------------------------- absentees: statements of a fixed shape


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("本次会议赵六请假（病假），孙七请假（出差）。", [("赵六", "病假"), ("孙七", "出差")]),
        ("王芳请假（陪护住院的父亲）。", [("王芳", "陪护住院的父亲")]),
        ("赵六缺席（在外培训）、孙七缺席（值班）。", [("赵六", "在外培训"), ("孙七", "值班")]),
        (
            "缺席情况：本次活动赵六请假（身体不适），孙七请假（值班）。",
            [("赵六", "身体不适"), ("孙七", "值班")],
        ),
        ("除赵六（病假）、孙七（出差）外，其余党员全部到会。", [("赵六", "病假"), ("孙七", "出差")]),
        ("除张明因公出差外，其他同志均参加了会议。", [("张明", "因公出差")]),
        ("除王芳（事假）以外，其他党员都按时参会。", [("王芳", "事假")]),
        ("赵六同志未能参加，原因是出差。", [("赵六", "出差")]),
        ("孙七未参会，原因：值班。", [("孙七", "值班")]),
        ("赵六、孙七未能到会，原因分别是病假、出差。", [("赵六", "病假"), ("孙七", "出差")]),
        ("缺席人员：赵六、孙七，原因均为值班。", [("赵六", "值班"), ("孙七", "值班")]),
    ],
)
def test_absentee_shapes(text: str, want: list[tuple[str, str]]) -> None:
    assert [(a.name, a.reason) for a in meeting(text).absentees] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "缺席情况：本次活动马红梅请假（住院），周建华请假（出差）。",
            [("马红梅", "住院"), ("周建华", "出差")],
        ),
        ("除刘德华（值班）外，其余党员均参加了会议。", [("刘德华", "值班")]),
        ("陈晓东同志未能参加，原因是外出学习。", [("陈晓东", "外出学习")]),
    ],
)
def test_absentee_shapes_without_roster(text: str, want: list[tuple[str, str]]) -> None:
    assert [(a.name, a.reason) for a in meeting(text, roster=[]).absentees] == want


def test_names_in_brackets_after_the_cue_are_a_list() -> None:
    assert [(a.name, a.reason) for a in meeting("缺席2人（赵六、孙七）。").absentees] == [
        ("赵六", None),
        ("孙七", None),
    ]


@pytest.mark.parametrize("text", ["除书记外，其他委员都作了发言。", "除赵六外，其余党员均参加了志愿服务。"])
def test_exceptions_to_something_else_are_no_absentees(text: str) -> None:
    assert meeting(text).absentees == []


@pytest.mark.parametrize(
    "text",
    [
        "请假2人（已履行请假手续）。",
        "请假人员3名。",
        "缺席情况：请假1人。",
        "缺席的二人均已事先说明原因并请假。",
    ],
)
def test_leave_counted_after_the_word(text: str) -> None:
    found = meeting(text).unnamed_leave
    assert found is not None and found.value == "请假"


# ----------------------------------------------------------------- kind of a joined meeting


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (["机关党支部党员大会暨9月份主题党日活动"], "主题党日"),
        (["第二党支部召开支部党员大会暨“不忘初心”主题党日活动"], "主题党日"),
        (["第三党支部召开党员大会并过主题党日"], "主题党日"),
        (["“主题党日+党员大会”会议纪要"], "主题党日"),
        (["支部党员大会暨主题党日活动", "会议投票选举产生了新一届支部委员会。"], "支部党员大会"),
        (["支部党员大会暨主题党日活动", "预备党员李四按期转为正式党员。"], "支部党员大会"),
    ],
)
def test_joined_kind(texts: list[str], want: str) -> None:
    found = kind(lines_of(*texts))
    assert found is not None and found.value == want


# ----------------------------------------------------------------- place


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2023年5月6日，内科支部全体党员在三楼示教室参加了主题党日活动。", "三楼示教室"),
        ("支部把本次活动的地点设在了村史馆。", "村史馆"),
        ("全体党员在社区党群服务中心出席了本次会议。", "社区党群服务中心"),
        ("2022年3月5日下午两点，社区党群服务中心，第一党支部主题党日活动如期举行。", "社区党群服务中心"),
        ("2022年3月5日(星期六)14:30,村委会三楼会议室,杨家村党支部召开支部党员大会。", "村委会三楼会议室"),
    ],
)
def test_place_phrasings(text: str, want: str) -> None:
    found = place(lines_of(text))
    assert found is not None and found.value == want


def test_an_organisation_after_the_time_is_no_place() -> None:
    assert place(lines_of("2022年3月5日，市第一人民医院内科党支部开展主题党日。")) is None


# ----------------------------------------------------------------- dates with a two-digit year


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("22年12月5日(星期一)下午", dt.date(2022, 12, 5)),
        ("19年6月18日下午三点，支部召开主题党日", dt.date(2019, 6, 18)),
        ("时间：21年7月1日", dt.date(2021, 7, 1)),
    ],
)
def test_two_digit_year(text: str, want: dt.date) -> None:
    hits = find_dates(text, None)
    assert hits and hits[0].date == want and hits[0].year_given


@pytest.mark.parametrize("text", ["入党12年6月", "党龄22年"])
def test_years_of_membership_are_no_date(text: str) -> None:
    assert find_dates(text, None) == []


# ----------------------------------------------------------------- study


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "《习近平谈治国理政》第四卷由王芳同志带领学习，《党章》相关内容由张明同志带领学习。",
            [("王芳", "《习近平谈治国理政》第四卷"), ("张明", "《党章》")],
        ),
        ("王芳同志领学了《准则》，《条例》由张明领学。", [("王芳", "《准则》"), ("张明", "《条例》")]),
        ("王芳领学了《准则》、《条例》。", [("王芳", "《准则》"), ("王芳", "《条例》")]),
    ],
)
def test_each_clause_its_own_leader(text: str, want: list[tuple[str, str]]) -> None:
    assert [(i.leader, i.material) for i in meeting(text).study] == want


@pytest.mark.parametrize(
    "text",
    [
        "▲党员认真学习",  # a photo caption: nothing that could be a leader or a material
        "全体党员进行了集中学习。",
        "由张明同志领读入党誓词，与会党员齐声跟读。",  # the oath, not a study
        "书记带领大家诵读入党誓词。",
    ],
)
def test_no_study_cue(text: str) -> None:
    assert not cue_lines(lines_of(text), "study")
    assert not cue_lines(lines_of(text), "study_lead")


@pytest.mark.parametrize("text", ["由张明同志带领大家认真学习。", "全体党员集中学习了党章。"])
def test_study_cue(text: str) -> None:
    assert cue_lines(lines_of(text), "study")


# ----------------------------------------------------------------- more classes (a second dev sample)


def test_absent_count_read_with_the_attendance_it_was_written_with() -> None:
    record = meeting(
        "出席情况：支部党员9名，本次到会8名，缺2名。", "缺席人员及原因：缺席党员1名：赵六——事假。"
    )
    assert record.absent_count is not None and record.absent_count.value == 2


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("出席情况：支部8名党员无一缺席。", 8),
        ("本次活动支部全体35名党员悉数参加。", 35),
        ("支部12名党员全员到齐。", 12),
        ("全支部20名党员均参加了本次会议。", 20),
    ],
)
def test_everyone_came(text: str, n: int) -> None:
    record = meeting(text)
    assert record.expected_count is not None and record.expected_count.value == n
    assert record.actual_count is not None and record.actual_count.value == n
    assert record.actual_count.confidence == 1.0  # the count is written with those who came


def test_everyone_came_without_a_count_there_is_derived() -> None:
    record = meeting("应到党员12人。全体党员均参加。")
    assert record.actual_count is not None and record.actual_count.value == 12
    assert record.actual_count.confidence < 0.8  # derived: trusted once the sign-in count agrees


def test_everyone_did_something_else_is_no_count() -> None:
    assert meeting("25名党员都参加了志愿服务。").expected_count is None
    record = meeting("应到支委5人，实到5人。组织委员报告党费收缴情况，19名党员一个不落都交了。")
    assert record.actual_count is not None and record.actual_count.value == 5


def test_the_group_counted_all_there_is_trusted() -> None:
    record = meeting("本次党小组会营销党小组6名党员全部到会。")
    assert record.actual_count is not None and record.actual_count.value == 6
    assert record.actual_count.confidence == 1.0


@pytest.mark.parametrize(
    "text",
    ["张明、王芳（均为请假）未参会。", "赵六、孙七（都是请假）。", "缺席2人：赵六、孙七（均系请假）。"],
)
def test_leave_as_the_shared_reason(text: str) -> None:
    assert all(a.reason == "请假" for a in meeting(text).absentees)
    assert len(meeting(text).absentees) == 2


@pytest.mark.parametrize(
    "text", ["在党旗下，支部书记李光振同志领著大家重温了入党誓词。", "全体党员跟著李光振同志庄严宣誓。"]
)
def test_oath_leader_in_traditional_zhe(text: str) -> None:
    found = meeting(text).oath_leader
    assert found is not None and found.value == "李光振"


@pytest.mark.parametrize(
    "text", ["书记李光振就《中国共产党章程》进行了传达。", "会上对《中国共产党章程》进行了宣读。"]
)
def test_a_material_passed_on_is_studied_without_a_leader(text: str) -> None:
    assert [(i.leader, i.material) for i in meeting(text).study] == [(None, "《中国共产党章程》")]


def test_a_material_passed_on_keeps_its_volume() -> None:
    found = meeting("组织委员王芳就《习近平谈治国理政》第三卷进行了传达。").study
    assert [(i.leader, i.material) for i in found] == [(None, "《习近平谈治国理政》第三卷")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2024.8.714:30,支部召开主题党日", dt.date(2024, 8, 7)),
        ("2024.10.2214:30", dt.date(2024, 10, 22)),
        ("2024.8.1714:30", dt.date(2024, 8, 17)),
        ("2024.8.17", dt.date(2024, 8, 17)),
    ],
)
def test_day_glued_to_the_time(text: str, want: dt.date) -> None:
    assert [h.date for h in find_dates(text, None)] == [want]


# ----------------------------------------------------------------- phrasings of our own, per family


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("本次活动的主持工作由李光振同志负责。", "李光振"),
        ("主持人：李光振    记录人：王芳", "李光振"),  # a value ends at the next label
        ("记录人：王芳 主持人：李光振", "李光振"),
        ("时间：2023年5月6日 地点：三楼 主持人：李光振", "李光振"),
        ("主持人：支部书记：李光振", "李光振"),  # a title and a colon inside the value
        ("主持人：李光振同志（支部书记）", "李光振"),
    ],
)
def test_presider_more(text: str, want: str) -> None:
    found = meeting(text).presider
    assert found is not None and found.value == want


@pytest.mark.parametrize(
    "text", ["重温入党誓词，领誓人为张明同志。", "领誓人由宣传委员张明担任。", "记录人：王芳 领誓人：张明"]
)
def test_oath_leader_more(text: str) -> None:
    found = meeting(text).oath_leader
    assert found is not None and found.value == "张明"


@pytest.mark.parametrize(
    "text",
    [
        "学习《党章》，领学人：王芳。",
        "王芳同志带头学习了《党章》。",
        "王芳同志领着大家学习了《党章》。",
        "王芳同志以《党章》为内容，带领大家进行了学习。",
        "全体党员共同学习了《党章》，由王芳同志领学。",
    ],
)
def test_study_leader_more(text: str) -> None:
    assert [(i.leader, i.material) for i in meeting(text).study] == [("王芳", "《党章》")]


def test_studying_with_questions_in_mind_is_no_lead() -> None:
    assert all(i.leader is None for i in meeting("全体党员带着问题学习了《党章》。").study)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("共有23名党员参加，2名党员请假。", (None, 23, 2)),  # the figure the verb follows is the attendance
        ("参加人数：23人（应到25人）", (25, 23, None)),
        ("本支部有党员25名，其中23名参加了本次活动。", (25, 23, None)),
        ("支部25名党员除2名请假外全部参会。", (25, 23, 2)),
        ("赵六、孙七两位同志因病请假。", (None, None, None)),  # 七两 is a name and a count, no number
    ],
)
def test_counts_more(text: str, want: tuple[int | None, ...]) -> None:
    record = meeting(text)
    got = tuple(
        v.value if v else None for v in (record.expected_count, record.actual_count, record.absent_count)
    )
    assert got == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("赵六同志因病请假，孙七同志因公出差，未能参会。", [("赵六", "因病"), ("孙七", "因公出差")]),
        ("赵六请病假，孙七请事假。", [("赵六", "病假"), ("孙七", "事假")]),
        ("赵六同志请假（原因：出差）。", [("赵六", "出差")]),
        ("赵六、孙七缺席，均已事先请假。", [("赵六", "请假"), ("孙七", "请假")]),
        ("赵六同志外出培训，孙七同志值班，均未参加本次会议。", [("赵六", "外出培训"), ("孙七", "值班")]),
    ],
)
def test_absentees_more(text: str, want: list[tuple[str, str]]) -> None:
    assert [(a.name, a.reason) for a in meeting(text).absentees] == want


def test_leave_of_a_kind_is_an_absence_cue() -> None:
    assert meeting("有两名同志请病假。").cues.get("absence")


@pytest.mark.parametrize(
    "text",
    [
        "李光振同志主持支部全面工作。",  # runs the branch, not this meeting
        "书记李光振在讲话中对党员提出了三点要求。",
        "活动最后，书记李光振对本次主题党日活动进行了总结。",
    ],
)
def test_no_presider(text: str) -> None:
    assert meeting(text).presider is None


def test_leading_an_activity_that_is_no_study() -> None:
    assert meeting("张明同志带领大家开展了学雷锋志愿服务。").study == []


def test_studying_and_discussing_together_is_no_study_cue() -> None:
    assert not cue_lines(lines_of("王建国同志作为普通党员参加活动，和大家一起学习讨论。"), "study")


@pytest.mark.parametrize(
    "text", ["会议要求全体党员按时缴纳党费。", "书记提醒大家及时交纳党费。", "会上强调，务必按月缴纳党费。"]
)
def test_dues_asked_for_are_not_paid(text: str) -> None:
    record = meeting(text, items=["缴纳党费"])
    assert "缴纳党费" not in record.items_done
    assert record.cues["item:缴纳党费"]


@pytest.mark.parametrize(
    "text",
    [
        "党员们按要求缴纳了党费。",
        "支部开展了党费收缴工作。",
        "随后，组织委员对本月党费进行了收缴。",
        "党费收缴：全体党员已按时足额缴纳。",
        "③党费：8人，宓收齐登记。",  # a shorthand item with the number who paid
        "④党费：现场转账9人",
    ],
)
def test_dues_paid_more(text: str) -> None:
    assert "缴纳党费" in meeting(text, items=["缴纳党费"]).items_done


@pytest.mark.parametrize(
    "text", ["党费：2人未交，下周补交。", "党费：每人10元。", "④上月党费：14人交齐", "党费：9人（下月收）"]
)
def test_a_dues_item_without_the_number_who_paid_is_not_done(text: str) -> None:
    assert "缴纳党费" not in meeting(text, items=["缴纳党费"]).items_done


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("支部在支部会议室以线上线下结合方式召开会议。", "支部会议室"),
        ("会议在三楼小会议室如期召开。", "三楼小会议室"),
    ],
)
def test_place_before_how_it_was_held(text: str, want: str) -> None:
    found = place(lines_of(text))
    assert found is not None and found.value == want


def test_year_with_a_white_circle_for_zero() -> None:
    assert [h.date for h in find_dates("二○二三年五月六日", None)] == [dt.date(2023, 5, 6)]


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (["党支部召开组织生活会暨主题党日"], "组织生活会"),
        (["2023年5月份党员活动日暨支部党员大会"], "主题党日"),
    ],
)
def test_joined_kinds_other_than_a_members_meeting(texts: list[str], want: str) -> None:
    found = kind(lines_of(*texts))
    assert found is not None and found.value == want


# ----------------------------------------------------------------- without a roster (names cut by surname)


@pytest.mark.parametrize(
    ("text", "field", "want"),
    [
        ("本次会议由党支部书记马红梅同志召集并主持。", "presider", "马红梅"),
        ("主持人：马红梅（支部书记）", "presider", "马红梅"),
        ("马红梅（支部书记）主持会议。", "presider", "马红梅"),
        ("重温入党誓词（领誓人：周建华）", "oath_leader", "周建华"),
    ],
)
def test_names_beside_brackets_without_roster(text: str, field: str, want: str) -> None:
    found = getattr(meeting(text, roster=[]), field)
    assert found is not None and found.value == want


def test_subject_before_its_adverbials_without_roster() -> None:
    found = meeting("周建华同志就《党章》进行了领学。", roster=[]).study
    assert [(i.leader, i.material) for i in found] == [("周建华", "《党章》")]


@pytest.mark.parametrize("text", ["马红梅、周建华两位同志因病请假。", "马红梅、周建华两名党员因病未参会。"])
def test_a_count_after_the_names_without_roster(text: str) -> None:
    found = meeting(text, roster=[]).absentees
    assert [(a.name, a.reason) for a in found] == [("马红梅", "因病"), ("周建华", "因病")]


# ----------------------------------------------------------------- reasons for absentees counted, not named


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("缺席2人，均因工作原因。", "因工作原因"),
        ("缺席2人（外出培训）。", "外出培训"),
        ("2名同志因身体原因缺席。", "因身体原因"),
        ("2名党员因工作原因未能参会。", "因工作原因"),
        ("缺席2人（1人病假，1人出差）。", "病假,出差"),
    ],
)
def test_reason_of_unnamed_absentees(text: str, want: str) -> None:
    found = meeting(text).unnamed_leave
    assert found is not None and found.value == want


@pytest.mark.parametrize("text", ["缺席2人，分别为赵六、孙七。", "缺席2人（赵六、孙七）。", "缺席2人。"])
def test_no_reason_of_unnamed_absentees(text: str) -> None:
    assert meeting(text).unnamed_leave is None


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("会议由支部书记李光振召集。", "presider"),
        ("本次会议到会率92%。", "attendance"),
        ("支部党员全部到场。", "attendance"),
    ],
)
def test_more_cues(text: str, field: str) -> None:
    assert meeting(text).cues.get(field)


def test_an_empty_convener_label_is_no_cue() -> None:
    assert "presider" not in meeting("召集人：").cues


def test_led_for_everyone_is_no_purpose_clause() -> None:
    record = meeting("学习环节，王芳同志以《中国共产党章程》为重点，为大家进行了领学。")
    assert [(i.leader, i.material) for i in record.study] == [("王芳", "《中国共产党章程》")]
    assert cue_lines(lines_of("随后，张明同志为全体党员进行了专题辅导。"), "study_lead")


def test_part_of_a_whole_without_a_noun() -> None:
    record = meeting("出席：10人中9人出席，1人缺席（孙七，请事假）。")
    got = tuple(
        v.value if v else None for v in (record.expected_count, record.actual_count, record.absent_count)
    )
    assert got == (10, 9, 1)
    assert [(a.name, a.reason) for a in record.absentees] == [("孙七", "事假")]


@pytest.mark.parametrize(
    ("wanted", "studied", "same"),
    [
        ("《中国共产党章程》", "《党章》", True),  # a catalogued alias
        ("《党的二十大报告》", "《二十大报告》", True),
        ("《中国共产党支部工作条例（试行）》", "《中国共产党支部工作条例》", True),
        (
            "《习近平新时代中国特色社会主义思想学习纲要（2023年版）》",
            "《习近平新时代中国特色社会主义思想学习纲要》",
            False,
        ),
        (
            "《习近平新时代中国特色社会主义思想学习纲要》",
            "《习近平新时代中国特色社会主义思想学习纲要（2023年版）》",
            False,
        ),
        ("《中国共产党纪律处分条例》", "《中国共产党廉洁自律准则》", False),
        ("《习近平谈治国理政》第四卷", "《习近平谈治国理政》第三卷", False),
    ],
)
def test_a_material_by_another_name(wanted: str, studied: str, same: bool) -> None:
    assert material_matches(wanted, studied) is same


def test_a_form_label_the_layout_left_unpaired() -> None:
    record = meeting("会议主持人", "李光振", "领誓人", "张明", "应出席人数", "25人", "实际出席人数", "23人")
    assert record.presider is not None and record.presider.value == "李光振"
    assert record.oath_leader is not None and record.oath_leader.value == "张明"
    assert (
        record.expected_count and record.expected_count.value,
        record.actual_count and record.actual_count.value,
    ) == (
        25,
        23,
    )


def test_two_labels_in_a_row_are_no_pair() -> None:
    assert meeting("会议主持人", "会议记录人", "李光振").presider is None


@pytest.mark.parametrize(
    "text",
    [
        "由张明同志领念入党誓词，全体党员跟读。",
        "张明同志领宣入党誓词。",
        "张明同志领呼誓词，全体党员庄严宣誓。",
    ],
)
def test_other_verbs_of_leading_the_oath(text: str) -> None:
    found = meeting(text).oath_leader
    assert found is not None and found.value == "张明"


@pytest.mark.parametrize(
    "text",
    [
        "王芳同志导学了《党章》。",
        "王芳同志带学《党章》。",
        "王芳同志作了《党章》导读。",
        "王芳同志就学习《党章》作辅导。",
    ],
)
def test_other_verbs_of_leading_a_study(text: str) -> None:
    assert [(i.leader, i.material) for i in meeting(text).study] == [("王芳", "《党章》")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("缺席的同志有赵六（病假）和孙七（出差）。", [("赵六", "病假"), ("孙七", "出差")]),
        ("赵六同志因出差未能按时参会，已提前请假。", [("赵六", "因出差")]),
    ],
)
def test_reason_without_connectors_or_acts(text: str, want: list[tuple[str, str]]) -> None:
    assert [(a.name, a.reason) for a in meeting(text).absentees] == want


def test_named_absentees_are_no_unnamed_leave() -> None:
    assert meeting("缺席2人，其中赵六同志病假，孙七同志出差。").unnamed_leave is None


@pytest.mark.parametrize("roster", [None, []])
def test_reason_after_a_slash(roster: list[str] | None) -> None:
    found = meeting("缺席人员及原因：赵六/病假；孙七/事假", roster=roster).absentees
    assert [(a.name, a.reason) for a in found] == [("赵六", "病假"), ("孙七", "事假")]


@pytest.mark.parametrize(
    "text",
    [
        "会上，赵六同志分享了主持社区志愿服务的经验。",  # the name does another act (分享了)
        "书记李光振介绍了上月主持召开的支委会情况。",
        "会议传达了上级党委书记主持召开的会议精神。",
    ],
)
def test_presiding_named_inside_another_act_is_no_presider(text: str) -> None:
    record = meeting(text)
    assert record.presider is None
    assert record.cues["presider"]  # a person reads it: unknown, never a pass


def test_leading_named_inside_another_act_is_no_study_leader() -> None:
    assert all(i.leader is None for i in meeting("张明同志汇报了他领学党章的体会。").study)


@pytest.mark.parametrize(
    "text",
    [
        "根据2023年4月28日上级党委通知要求，支部于2023年5月6日召开主题党日活动。",
        "按照2023年4月下发的通知，支部2023年5月6日在党员活动室召开会议。",
        "为贯彻落实2023年4月20日全县大会精神，支部于2023年5月6日开展主题党日。",
        "2023年5月6日，支部召开主题党日活动，学习了2023年3月1日起施行的《条例》。",
        "主题党日学习时间：2023年5月6日",
    ],
)
def test_a_date_of_another_text_is_not_the_meetings(text: str) -> None:
    assert meeting(text).date.value == dt.date(2023, 5, 6)  # type: ignore[union-attr]


def test_counts_with_de_before_the_noun() -> None:
    record = meeting("应出席会议的党员25名，出席会议的党员23名。")
    got = (
        record.expected_count and record.expected_count.value,
        record.actual_count and record.actual_count.value,
    )
    assert got == (25, 23)


def test_oath_leader_beside_the_gesture() -> None:
    found = meeting("随后举行入党宣誓仪式。", "在张明带领下，全体党员高举右拳，神情庄重。").oath_leader
    assert found is not None and found.value == "张明"


def test_a_raised_hand_is_no_oath() -> None:
    assert meeting("在张明的带领下，全体党员举起右手表决。").oath_leader is None


@pytest.mark.parametrize("roster", [None, []])
def test_a_pronoun_is_the_previous_sentences_subject(roster: list[str] | None) -> None:
    record = meeting(
        "孙文杰首先作党课报告。", "他从大会的召开背景讲起，重点领学了《党章》第二部分。", roster=roster
    )
    assert [(i.leader, i.material) for i in record.study] == [("孙文杰", "《党章》")]


def test_a_pronoun_with_no_named_antecedent_is_no_leader() -> None:
    record = meeting("会议开始。", "他从大会的召开背景讲起，重点领学了《党章》第二部分。", roster=[])
    assert all(i.leader is None for i in record.study)


def test_committee_members_meeting_before_a_kind_mentioned_in_passing() -> None:
    found = kind(
        lines_of(
            "机关党支部工作部署会",
            "9月27日，机关党支部召开了工作安排部署会议，全体支部委员参加。",
            "会议由支部书记主持。",
            "会议要求把支部工作同主题党日活动相衔接。",  # beyond the title lines: a mention in passing
        )
    )
    assert found is not None and found.value == "支委会"


@pytest.mark.parametrize(
    "text",
    [
        "应到9人，实到8人，赵六未请假缺席。",
        "应到9人，实到8人，缺席1人：赵六（未请假）。",
        "应到9人，实到8人，赵六没有请假，未参加会议。",
        "应到9人，实到8人，赵六未履行请假手续，未参会。",
        "应到9人，实到8人，赵六缺席，原因不明。",
        "应到9人，实到8人，赵六系无故缺席。",
        "应到9人，实到8人，赵六擅自缺席。",
        "应到9人，实到8人，赵六未到会，系未请假。",
    ],
)
def test_words_denying_leave_are_no_reason(text: str) -> None:
    assert [(a.name, a.reason) for a in meeting(text).absentees] == [("赵六", None)]


def test_a_denial_belongs_to_its_own_name() -> None:
    record = meeting("应到9人，实到7人，赵六（病假）和孙七（未请假）没能参加。")
    assert [(a.name, a.reason) for a in record.absentees] == [("赵六", "病假"), ("孙七", None)]


@pytest.mark.parametrize(
    "text",
    [
        "会上，大家学习党的二十大报告。",
        "学习内容：习近平总书记重要讲话。",
        "全体党员原原本本学习党章。",
        "支部组织读原著、学原文、悟原理。",
    ],
)
def test_study_written_without_le_or_brackets_is_a_cue(text: str) -> None:
    assert cue_lines(lines_of(text), "study")


@pytest.mark.parametrize("text", ["为深入学习贯彻党的二十大精神，召开本次会议。", "学习强国积分排名通报。"])
def test_purpose_and_app_are_no_study_cue(text: str) -> None:
    assert not cue_lines(lines_of(text), "study")


# ----------------------------------------------------------------- older secretaries writing as they speak


@pytest.mark.parametrize(
    ("texts", "absentees"),
    [
        (
            ["本组党员九个，到会八个。", "老柴（柴永顺）下午去镇上卖山货，回不来，提前打电话请了假。"],
            [("柴永顺", "下午去镇上卖山货")],
        ),
        (
            ["应到18人，实到16人，清假2人：郝老三（郝德林）进城给孙女送饭去了；尚金花住院了还没出院。"],
            [("郝德林", "进城给孙女送饭去了"), ("尚金花", "住院了还没出院")],
        ),
        (
            [
                "没来的5个：外出打工的3个（鲍长水、鲍长山、柯文秀）；在地里收花生的1个（景春兰），说收完就来补学；老党员詹守义住院。"
            ],
            [
                ("鲍长水", "外出打工"),
                ("鲍长山", "外出打工"),
                ("柯文秀", "外出打工"),
                ("景春兰", "在地里收花生"),
                ("詹守义", "住院"),
            ],
        ),
    ],
)
def test_absentees_as_neighbours_name_them(texts: list[str], absentees: list[tuple[str, str]]) -> None:
    assert [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees] == absentees


def test_slips_of_the_pen_by_sound_are_read_as_meant() -> None:
    record = meeting("由支书潘德厚主时会议。", "老党员柳金山带着大家宣事。", roster=[])
    assert record.presider is not None and record.presider.value == "潘德厚"
    assert record.oath_leader is not None and record.oath_leader.value == "柳金山"


def test_a_list_headed_alone_with_a_reason_to_be_supplied() -> None:
    record = meeting("附：请假人员名单", "1.阚晓冬　带队下乡检查", "2.仇志新　（原因待补）", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [("阚晓冬", "带队下乡检查"), ("仇志新", None)]


@pytest.mark.parametrize(
    "text",
    [
        "二、关于领誓人：当天没有安排专人领誓，大家一起诵读誓词。",
        "三、今后主题党日会前明确领誓人，并在记录中写明。",
    ],
)
def test_an_oath_told_without_its_leader_names_none(text: str) -> None:
    assert meeting("全体党员重温入党誓词。", text, roster=[]).oath_leader is None


@pytest.mark.parametrize(
    ("texts", "field", "want"),
    [
        (["会议是支部书记郑思琪主次的，应到十七个人。"], "presider", "郑思琪"),
        (["党课由党支部书记聂红霞竹池。"], "presider", "聂红霞"),
        (["重温入党试词，是老党员柴永福领事的。"], "oath_leader", "柴永福"),
        (["主时：支书 蔡满仓"], "presider", "蔡满仓"),
        (["主持：支部书记 叶尔克江.哈布都力"], "presider", "叶尔克江.哈布都力"),
    ],
)
def test_words_a_phone_heard_by_sound_are_read_as_meant(texts: list[str], field: str, want: str) -> None:
    found = getattr(meeting(*texts, roster=[]), field)
    assert found is not None and found.value == want


def test_study_led_as_a_phone_heard_it() -> None:
    record = meeting("组织委员潘秀梅领雪了那个《中国共产党农村基层组织工作条例》。", roster=[])
    assert [s.leader for s in record.study] == ["潘秀梅"]


def test_a_nickname_in_brackets_after_the_name_is_no_reason() -> None:
    record = meeting("缺2人：李卫东（大李）出差去长春对接新车型，李卫国（小李）因病请假。", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("李卫东", "出差去长春对接新车型"),
        ("李卫国", "因病"),
    ]


def test_the_next_absentee_said_aloud_ends_the_reason_before() -> None:
    record = meeting(
        "缺席两个，一个是质检组的邢立新，他去厂家参加培训了，还有一个是包装线的萧志远，他在医院陪护母亲。",
        roster=[],
    )
    assert record.absentees[0].reason == "他去厂家参加培训了"


def test_a_material_led_by_one_and_explained_by_another_has_two_leaders() -> None:
    record = meeting(
        "副书记欧晓岚领学《中国共产党简史》第五章，党员教授管承斌结合学院承担的重点项目作了解读。", roster=[]
    )
    assert sorted(s.leader or "" for s in record.study) == ["欧晓岚", "管承斌"]


def test_an_all_before_a_shared_reason_is_no_part_of_it() -> None:
    record = meeting("缺席2人：尚文丽、解春华均在湖北支援抗疫尚未返岗。", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("尚文丽", "在湖北支援抗疫尚未返岗"),
        ("解春华", "在湖北支援抗疫尚未返岗"),
    ]
