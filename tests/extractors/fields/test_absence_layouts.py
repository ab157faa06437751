"""Absentees in layouts and phrasings two writers who never read the parser used (session 56): the
reason told before the names (``因赴青海野外科考，甲、乙未能参加``), one reason for everyone listed above
(``以上同志均因…``), sign lists whose ticks say who came (the legend's spelled reading never makes a
ticked name absent), rolls called in words (``1.甲 到 2.乙 病假``), a head and its 原因 line repeated per
person, the leave's kind in a bracket before the name, a count's bracket holding the name and its
reason, the reason told after 其, a head naming who follows (``以下党员未参加本次活动：``) and a bracket
after those present telling who was not."""

from __future__ import annotations

import pytest
from fields_helpers import counts_of, meeting

ROSTER = ["冉秋池", "宋听澜", "周岚", "张明华", "吕一帆", "蒋南星"]


def absent(text: str, roster: list[str] | None = None) -> list[tuple[str | None, str | None]]:
    """The absentees read from ``text``, each of its lines a paragraph of its own."""
    return [(a.name, a.reason) for a in meeting(*text.split("\n"), roster=roster or []).absentees]


@pytest.mark.parametrize("roster", [ROSTER, []])
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("因赴青海野外科考，课题组长冉秋池、助理研究员宋听澜未能参加本次组织生活。", "赴青海野外科考"),
        ("因村里秋收正忙，第四党小组的冉秋池、宋听澜两名党员未能参加本次学习。", "村里秋收正忙"),
    ],
)
def test_the_reason_told_before_the_names(text: str, reason: str, roster: list[str]) -> None:
    text = f"应到12人，实到10人。{text}"
    assert absent(text, roster=roster) == [("冉秋池", reason), ("宋听澜", reason)]


def test_the_reason_before_one_named_on_leave_over_the_bare_leave() -> None:
    text = "本月主题党日，因在县医院做白内障手术，冉秋池同志请假；宋听澜同志无故未参加。"
    assert absent(text, roster=ROSTER) == [("冉秋池", "在县医院做白内障手术"), ("宋听澜", None)]


def test_a_reason_before_the_names_about_the_meeting_is_not_theirs() -> None:
    text = "应到12人，实到10人。因工作需要，会议由冉秋池主持，宋听澜、周岚未参加。"
    assert absent(text, roster=ROSTER) == [("宋听澜", None), ("周岚", None)]


@pytest.mark.parametrize("roster", [ROSTER, []])
def test_one_reason_for_everyone_listed_above(roster: list[str]) -> None:
    text = "应到15人，实到12人。\n缺席：冉秋池、宋听澜、周岚\n以上同志均因参加公司组织的技能大赛集训请假。"
    reason = "因参加公司组织的技能大赛集训"
    assert absent(text, roster=roster) == [("冉秋池", reason), ("宋听澜", reason), ("周岚", reason)]


@pytest.mark.parametrize(
    "text",
    [
        "签到（√到会 ○请假 ×缺席）\n冉秋池√ 宋听澜√ 周岚○(住院) 张明华√ 吕一帆× 蒋南星√",
        "图例：√ 出席  ○ 请假  × 缺席\n冉秋池√｜宋听澜√｜周岚○(住院)｜张明华√｜吕一帆×｜蒋南星√",
    ],
)
def test_ticked_names_came(text: str) -> None:
    assert absent(text, roster=ROSTER) == [("周岚", "住院"), ("吕一帆", None)]


def test_a_note_below_a_sign_list_gives_the_reason_over_the_legend() -> None:
    text = "签到表（√出席 ○请假 ×缺席）\n冉秋池√ 宋听澜√ 周岚○ 张明华√\n备注：周岚同志赴北京参加学术会议。"
    assert absent(text, roster=ROSTER) == [("周岚", "赴北京参加学术会议")]


@pytest.mark.parametrize(
    "text",
    [
        "党员出勤：1.冉秋池 到 2.宋听澜 到 3.周岚 病假 4.张明华 到\n5.吕一帆 探亲假 6.蒋南星 到\n应到6人实到4人",
        "党员出勤：\n1.冉秋池 到\n2.宋听澜 到\n3.周岚 病假\n4.张明华 到\n5.吕一帆 探亲假\n6.蒋南星 到",
    ],
)
def test_a_roll_called_in_words(text: str) -> None:
    assert absent(text, roster=ROSTER) == [("周岚", "病假"), ("吕一帆", "探亲假")]


@pytest.mark.parametrize("roster", [ROSTER, []])
def test_a_head_and_its_reason_line_per_person(roster: list[str]) -> None:
    text = "应参会14人，实参会12人\n未参会人员：冉秋池\n未参会原因：赴四川执行医疗援助任务\n未参会人员：宋听澜\n未参会原因：脑梗后遗症，行动不便"
    assert absent(text, roster=roster) == [
        ("冉秋池", "赴四川执行医疗援助任务"),
        ("宋听澜", "脑梗后遗症,行动不便"),
    ]


@pytest.mark.parametrize("roster", [ROSTER, []])
def test_the_kind_of_leave_in_a_bracket_before_the_name(roster: list[str]) -> None:
    text = "应出席党员：26名  实际出席：23名\n缺席人员：（病假）冉秋池；（出差）宋听澜；（援疆）周岚"
    assert absent(text, roster=roster) == [("冉秋池", "病假"), ("宋听澜", "出差"), ("周岚", "援疆")]


def test_lines_opening_with_the_kind_of_absence() -> None:
    text = "（请假）冉秋池——在新疆承包工程\n（请假）宋听澜——同在新疆打工\n（未到）周岚\n实到17人"
    assert absent(text, roster=ROSTER) == [
        ("冉秋池", "在新疆承包工程"),
        ("宋听澜", "同在新疆打工"),
        ("周岚", None),
    ]


@pytest.mark.parametrize("roster", [ROSTER, []])
def test_a_counts_bracket_holding_the_name_and_its_reason(roster: list[str]) -> None:
    text = "应到10人；实到9人；未到1人（冉秋池，野外台站值守）；主持人张明华。"
    assert absent(text, roster=roster) == [("冉秋池", "野外台站值守")]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("冉秋池同志未到会，其现借调至市局专项检查组工作。", "现借调至市局专项检查组工作"),
        ("冉秋池同志未参加，经核实，其于会前一周已赴英国访学。", "赴英国访学"),
    ],
)
def test_the_reason_told_after_its(text: str, reason: str) -> None:
    assert absent(f"应到11人，实到10人。{text}", roster=ROSTER) == [("冉秋池", reason)]


def test_a_reason_told_of_two_named_together_in_the_next_sentence() -> None:
    text = (
        "应到29名，实到26名。冉秋池、宋听澜、周岚三名同志未到会。冉秋池同志在市中心医院住院治疗，"
        "宋听澜、周岚同志随子女在外地生活，均已事先请假。"
    )
    assert absent(text, roster=ROSTER) == [
        ("冉秋池", "在市中心医院住院治疗"),
        ("宋听澜", "随子女在外地生活"),
        ("周岚", "随子女在外地生活"),
    ]


@pytest.mark.parametrize("roster", [ROSTER, []])
@pytest.mark.parametrize("head", ["以下党员未参加本次活动：", "以下同志请假：", "未参加本次活动的党员："])
def test_a_head_naming_who_follows(head: str, roster: list[str]) -> None:
    text = f"{head}\n· 冉秋池 —— 在外地参加技能培训\n· 宋听澜 —— 孩子发烧"
    assert absent(text, roster=roster) == [("冉秋池", "在外地参加技能培训"), ("宋听澜", "孩子发烧")]


def test_a_bracket_after_those_present_telling_who_was_not() -> None:
    text = "活动由书记张明华主持，支部7名党员参加（党员冉秋池因下乡开展秋防免疫请假）。大家进行了排查。"
    assert absent(text, roster=ROSTER) == [("冉秋池", "因下乡开展秋防免疫")]


@pytest.mark.parametrize(
    "note",
    [
        "党员冉秋池目前休产假，本次特意到所参加会议",
        "党员冉秋池上月因出差缺席，本月已补学上月内容并正常参会",
        "冉秋池同志上次会议因外出进修请假，本次已返院参会",
    ],
)
def test_one_who_came_this_time_is_not_absent(note: str) -> None:
    assert absent(f"出席会议：全体党员12名\n说明：{note}。", roster=ROSTER) == []


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("冉秋池老人上个月做了心脏支架，还在住院，未参加。", "上个月做了心脏支架,还在住院"),
        ("冉秋池、宋听澜老同志均因年老体弱未参加。", "年老体弱"),
        ("因年老体弱，老党员冉秋池、宋听澜兄弟未能到场。", "因年老体弱"),
    ],
)
def test_what_the_absentees_are_called_is_no_reason(text: str, called: str) -> None:
    assert {r for _, r in absent(f"应到20人，实到18人。{text}", roster=ROSTER)} == {called}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("请假2人，分别为冉秋池、宋听澜，原因分别为出国参加学术会议、家中有事。", "出国参加学术会议"),
        ("冉秋池同志的爱人突发急病送医，她陪同前往，未能参会。", "爱人突发急病送医,她陪同前往"),
        ("缺席一名：冉秋池，他家的牛半夜下崽，去镇上请兽医了，来不了。", "他家的牛半夜下崽,去镇上请兽医了"),
        (
            "在外地就医的老党员冉秋池同志委托家人转交了党费，并表示因身体原因不能到场，请支部代为请假。",
            "因身体原因",
        ),
        ("冉秋池、宋听澜2名同志请假，请假原因分别为住院治疗、外出学习。", "住院治疗"),
        ("缺席：冉秋池（老人住院，在医院陪护）。", "老人住院,在医院陪护"),
    ],
)
def test_words_around_a_reason(text: str, reason: str) -> None:
    assert dict(absent(f"应到12人，实到11人。{text}", roster=ROSTER))["冉秋池"] == reason


@pytest.mark.parametrize("said", ["没说啥原因", "没打招呼"])
def test_saying_no_reason_was_given_is_none(said: str) -> None:
    assert absent(f"应到12人，实到11人。冉秋池{said}，未参加。", roster=ROSTER) == [("冉秋池", None)]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("这次党员大会来了21人，还有4个没来。", (None, 21, 4)),
        ("应到22 到了19", (22, 19, None)),
        ("党员大会考勤：应出勤21人，实出勤19人，缺勤2人。", (21, 19, 2)),
        ("本次党员活动日实到党员只有16人。", (None, 16, None)),
        ("本支部共有党员34名，出席本次党课31名。未出席的3名同志为：冉秋池、宋听澜、周岚。", (34, 31, 3)),
        ("签到汇总：应签到 17 人，实签到 15 人，未签到 2 人。", (17, 15, 2)),
        ("近40名党员参加活动。", (None, None, None)),
        ("党员大会，情况。应到，十四人、实到十一人，缺席三人。", (14, 11, 3)),
        (
            "当天，支部33名党员中有30名参加了活动，另有3名党员冉秋池、宋听澜、周岚因驻外施工未能参加。",
            (33, 30, 3),
        ),
        ("今晚党小组线上学习会情况：应到10人，在线9人，冉秋池同志已请假。", (10, 9, None)),
        ("党课由副书记张明华主持。参加人员：支部党员24人。请假：冉秋池（在外地开会）。", (None, 24, None)),
        (
            "应到党员32名，实到24名，8名同志请假，其中5名同志值夜班请假，2名同志因赴县医院实践请假。",
            (32, 24, 8),
        ),
    ],
)
def test_counts_said_in_more_ways(text: str, counts: tuple[int | None, int | None, int | None]) -> None:
    assert counts_of(meeting(*text.split("\n"), roster=[])) == counts


@pytest.mark.parametrize("roster", [ROSTER, []])
def test_a_head_of_those_who_neither_asked_leave_nor_came(roster: list[str]) -> None:
    text = "本周四主题党日签到情况：到会19人。请假：冉秋池（住院）、宋听澜（孩子高考）。没请假也没来：周岚。"
    assert absent(text, roster=roster) == [("冉秋池", "住院"), ("宋听澜", "孩子高考"), ("周岚", None)]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("应到18人，实到17人。因病住院的退休党员冉秋池同志也未能到场。", "病住院"),
        ("书记张明华主持会议。受疫情影响，在外地的党员冉秋池未能返回参会。", "受疫情影响"),
    ],
)
def test_the_cause_told_as_what_kept_them(text: str, reason: str) -> None:
    assert absent(text, roster=ROSTER) == [("冉秋池", reason)]


@pytest.mark.parametrize(
    "text",
    [
        "本次会议应到11人，实到11人。组织委员通报了上季度党员参会情况：冉秋池同志缺席2次、宋听澜同志缺席1次。",
        "会议讨论了预备党员冉秋池同志的转正申请，冉秋池同志预备期内曾因值班缺席过一次组织生活，已及时补课。",
        "今天的党小组会7个人全部到齐。另外提前说一下：下周三的主题党日，冉秋池已经请假（要去省里开会）。",
        "今天的学习大家都到了。冉秋池这周请了病假在家休息，还是坚持来参加了。",
        "今天支部开会人都来了十个人一个不少，上次没来的冉秋池这次也来了。",
    ],
)
def test_no_absence_from_this_meeting(text: str) -> None:
    assert absent(text, roster=ROSTER) == []


def test_the_nth_absence_is_an_absence() -> None:
    text = "应到党员23人，实到21人，缺席2人：冉秋池（赴云南开展资源普查）、宋听澜（本月第二次缺席）。"
    assert absent(text, roster=ROSTER) == [("冉秋池", "赴云南开展资源普查"), ("宋听澜", None)]


def test_a_reason_first_head_with_its_act() -> None:
    text = "10月份党员大会到会情况：因值班未能参会：冉秋池、宋听澜；因病请假：周岚。其余党员均按时参会。"
    assert absent(text, roster=ROSTER) == [("冉秋池", "因值班"), ("宋听澜", "因值班"), ("周岚", "因病")]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("会场签到：14人\n视频接入（外地项目部）：5人\n应参会：22人\n未参会：3人（夜班倒休）", (22, 19, 3)),
        ("钉钉会议统计\n邀请人数：34\n入会人数：31\n未入会：3\n平均参会时长：72分钟", (34, 31, 3)),
        (
            "一组应到10来了9个，二组应到8来了8个，三组应到11来了10个。加起来应到29，实到27，两个请假。",
            (29, 27, 2),
        ),
        ("应到的是二十五，到了二十二，请假的是两个。一个出差一个生病。", (25, 22, 2)),
        ("签到情况：应到（28）人，实到（25）人，缺席（3）人", (28, 25, 3)),
        ("会场签到系统 汇总\n线下签到：18\n线上签到：7\n合计签到：25\n应签到：27\n未签到：2", (27, 25, 2)),
        ("支部应到党员24名，实到22名，2名在外地出差。", (24, 22, 2)),
        ("参会人员：应到12人，实到11人，1人休产假", (12, 11, 1)),
        ("应到15个，来了12个。三个身体不好在家，我下午挨家送材料。", (15, 12, None)),
    ],
)
def test_counts_in_forms_platforms_and_speech(
    text: str, counts: tuple[int | None, int | None, int | None]
) -> None:
    assert counts_of(meeting(*text.split("\n"), roster=[])) == counts


def test_a_figure_run_into_its_share_is_no_count() -> None:
    text = "到会统计\n项目 人数 比例\n应到党员 21 100%\n实到党员 20 95.2%\n请假党员 1 4.8%"
    expected, _, _ = counts_of(meeting(*text.split("\n"), roster=[]))
    assert expected in (None, 21)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("出席：共18人\n缺席：冉秋池、宋听澜（共2人，均为病假）", [("冉秋池", "病假"), ("宋听澜", "病假")]),
        ("缺席：冉秋池（请假-参加县委党校中青班）；其他党员均已签到。", [("冉秋池", "参加县委党校中青班")]),
        (
            "支部应到党员25名，实到22名（现场20名，线上2名：在野外站的党员冉秋池、宋听澜通过视频接入）。",
            [],
        ),
        ("研究党员季度积分评定。", []),
    ],
)
def test_more_around_absentees(text: str, read: list[tuple[str, str | None]]) -> None:
    assert absent(text, roster=ROSTER) == read


def test_absences_of_earlier_times_told_in_discussion() -> None:
    text = (
        "支委会记录\n出席：支委5人全部出席\n内容：1.研究党员季度积分评定。党员冉秋池二季度两次请假未参加组织生活，积分扣2分。\n"
        "会上，党员宋听澜坦言去年下半年因在外地驻场，有三次支部活动没能参加。"
    )
    assert absent(text, roster=ROSTER) == []


def test_a_name_opening_with_an_adverb_is_still_a_name() -> None:
    text = "支部现有党员26人，参加活动24人，党员冉秋池（在县里参加培训）、曾立（陪父亲复查）请假。"
    assert absent(text, roster=[*ROSTER, "曾立"]) == [("冉秋池", "在县里参加培训"), ("曾立", "陪父亲复查")]


def test_an_earlier_absence_told_later_does_not_undo_this_one() -> None:
    text = "缺席：2人。报到党员冉秋池，单位临时加班，已请假；报到党员宋听澜，未请假。\n四、宋听澜已连续两次没参加网格活动。"
    assert [n for n, _ in absent(text, roster=ROSTER)] == ["冉秋池", "宋听澜"]


def test_a_later_event_named_before_does_not_undo_this_meetings_absence() -> None:
    text = "应到12人，实到11人。会议确定下次党日活动时间为下月10日，本次冉秋池同志因病请假。"
    assert absent(text, roster=ROSTER) == [("冉秋池", "因病")]
