"""What a note beside an absentee may hold that is no reason, and readings that depend on it."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

from extractors.fields.leave_words import DENIED, no_reason_left, only_who_or_where, says_why_firmly


@pytest.mark.parametrize(
    "note",
    [
        "生产副队长",  # the person's post
        "已把学习资料送上门",  # the branch's remedy, not why
        "学习材料已送到家里",
        "第三党小组",  # their group
        "掘进三队会议室",  # the meeting's room
        "10.22",  # a date
        "待查",  # to be found out
        "原因不详",
        "？",
        "原写“轮休”，后划去",  # struck out, not replaced
        "已电话通知",
        "本月第二次缺席",
        "已86岁",  # who the member is: age, years in the party, honours, a relation, a building
        "党龄50年",
        "省劳动模范",
        "其老伴",
        "郑文澜老师的爱人",
        "实验楼B座",
        "已走OA请假流程",  # how the leave was filed or told
        "已在群内报备",
        "电话联系未果",
        "经护士长同意",  # who approved it, when it was asked, a number, a ward, a reason still to come
        "分管副院长已签批",
        "5月3日已请假",
        "会前一天请假",
        "工号20417",
        "心内二病区",
        "东院区3楼12—20床",
        "ICU",
        "联系中",
        "党小组长正在联系",
        "原因会后补报",
        "情况另行说明",
        "假条已交党办",
    ],
)
def test_notes_that_are_no_reason(note: str) -> None:
    assert no_reason_left(note)


@pytest.mark.parametrize(
    "note",
    [
        "在车间值班",
        "护路队巡线",
        "下井",
        "病",
        "调度员值班",
        "陪护住院的母亲",
        "〃",
        "同上",
        "派出所培训",
        "照顾卧床的老伴",
        "86岁高龄",
        "在实验楼B座做实验",
        "腰伤卧床",
        "病假已批",  # the leave approved still says why
        "事假，科主任已批",
        "值夜班(产房)",
        "在ICU抢救病人",
        "支援市公共卫生临床中心",  # sent to help a unit: an errand, not who they are
        "经批准外出学习",
        "产假",
    ],
)
def test_reasons_and_ditto_marks_stay(note: str) -> None:
    assert not no_reason_left(note)


def test_a_post_is_who_not_why() -> None:
    assert only_who_or_where("呼吸科护士长")
    assert only_who_or_where("心内科")
    assert not only_who_or_where("在心内科值班")
    assert not only_who_or_where("当班抢救室")  # on shift in the resuscitation room: a duty


def _away(*texts: str) -> list[tuple[str, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees]


def test_a_post_in_brackets_then_the_reason_after_a_dash() -> None:
    assert _away(
        "应到19人　实到17人", "请假：", "严秋月（呼吸科护士长）——年假回老家", "付娟（心内科）——值24小时班"
    ) == [
        ("严秋月", "年假回老家"),
        ("付娟", "值24小时班"),
    ]


def test_a_reason_for_one_person_read_for_two_is_the_last_ones() -> None:
    """她 speaks of one: the bracket is the name's it follows; the other name has no reason."""
    assert _away("缺席：马秋兰、吕建坪（她在县医院陪护住院的母亲）；侯三喜（在矿上下井，今天早班）。") == [
        ("马秋兰", None),
        ("吕建坪", "她在县医院陪护住院的母亲"),
        ("侯三喜", "在矿上下井,今天早班"),
    ]
    assert _away("支部现有党员13名，到会11名，请假2名：游子骞、苏沐棠（其本人正在休产假）。") == [
        ("游子骞", None),
        ("苏沐棠", "其本人正在休产假"),
    ]


def test_the_last_name_of_a_counted_group_is_one_of_the_group() -> None:
    assert _away(
        "缺的：孙福来、张三娃、刘德生三个跟护路队在铁路上巡线，郭拴牛；白玉兰去西安看病（复查）。"
    ) == [
        ("孙福来", "跟护路队在铁路上巡线"),
        ("张三娃", "跟护路队在铁路上巡线"),
        ("刘德生", "跟护路队在铁路上巡线"),
        ("郭拴牛", None),
        ("白玉兰", "去西安看病(复查)"),
    ]


@pytest.mark.parametrize(
    "note",
    [
        "由其爱人代为请假",
        "本人口头请假",
        "请假条另附",
        "请假手续已履行",
        "会前已向书记说明",
        "情况已报行党委备案",
        "详见请假条",
    ],
)
def test_how_the_leave_was_asked_is_no_reason(note: str) -> None:
    assert no_reason_left(note)


def test_a_reason_beside_how_the_leave_was_asked_stays() -> None:
    assert not no_reason_left("因公出差,已书面请假")
    assert not no_reason_left("已向支部书记请假,在外地培训")


def test_a_job_or_unit_before_each_items_name() -> None:
    assert _away(
        "应到27人，实到23人，缺4人。",
        "缺席情况：调度值班员郑小建、罗文彬当值（调度台不能离人）；自动化班黎志刚在龙湾变保护改造现场；倒班人员方丽娟夜班后补休。",
    ) == [
        ("郑小建", "当值(调度台不能离人)"),
        ("罗文彬", "当值(调度台不能离人)"),
        ("黎志刚", "在龙湾变保护改造现场"),
        ("方丽娟", "夜班后补休"),
    ]


def test_a_count_then_a_dash_then_the_absentee() -> None:
    assert _away("本组党员8人，到7人，缺1人——何长寿（巡道，今天轮他走K213至K221）") == [
        ("何长寿", "巡道,今天轮他走K213至K221")
    ]


def test_reasons_keep_the_place_they_name() -> None:
    """The 都 of 成都 is no 都已提前 (请假) closing a reason; how the leave was asked is dropped."""
    assert _away(
        "应到18名，实到16名，2名请假：甘立新（押运冷链货物在途，正赶往成都）、祝春兰（由其爱人代为请假）。"
    ) == [
        ("甘立新", "押运冷链货物在途,正赶往成都"),
        ("祝春兰", None),
    ]


def test_an_illness_glued_to_a_name_and_no_person_in_a_unit() -> None:
    assert _away("请假3名：查丽娟在市里参加培训，叶长青带班在水厂值守，宋海峰肺炎住院。") == [
        ("查丽娟", "在市里参加培训"),
        ("叶长青", "带班在水厂值守"),
        ("宋海峰", "肺炎住院"),
    ]
    assert _away("请假2名，分别是：邢德顺（在省肿瘤医院化疗）、柯俊杰（单位派驻外地项目）。") == [
        ("邢德顺", "在省肿瘤医院化疗"),
        ("柯俊杰", "单位派驻外地项目"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "小组党员9人，到会8人。缺1人：柴守礼同志（已86岁）。",
        "应到党员21人，实到18人，缺席3人：孔繁章（在市第二人民医院住院治疗）、卢桂英（其老伴）、邵德明（随儿子在南京居住）。",
    ],
)
def test_a_note_judged_no_reason_leaves_nothing_unread(text: str) -> None:
    """The bare absentee's own note was read and judged: no reason is left for a person to find."""
    record = meeting(text, roster=[])
    assert [a.name for a in record.absentees if not a.reason] in (["柴守礼"], ["卢桂英"])
    assert "absence_reason" not in record.cues


@pytest.mark.parametrize(
    ("note", "firm"),
    [
        ("在县医院输液", True),  # an ailment's treatment
        ("总行外派学习", True),
        ("上山割胶", True),
        ("守窑,柴窑烧成第三天不能离人", True),
        ("送教下乡", True),  # a teacher's, a researcher's, a sailor's errands
        ("同一时段给本科生上专业课", True),
        ("导师组会时间冲突", True),
        ("跑船,船在舟山", True),
        ("新冠感染,居家第四天", True),  # an infection kept at home
        ("台风过后被抽去十一队帮助扶正倒伏胶树", True),  # sent to help elsewhere
        ("上个月刚做了心脏支架，在家养着", True),  # a treatment kept at home
        ("暴雪封路，送学生回村后困在半路", True),  # the weather and the road
        ("在青岛", True),  # away in a named province or large city
        ("人在广东", True),
        ("闺女出嫁，在家忙活", True),  # a family's wedding
        ("市里学科教研活动", True),  # a duty named as a noun
        ("哮喘犯了，在家吸氧", True),  # an ailment in everyday words
        ("八十六了，耳朵背，腿脚也走不动了", True),  # old age
        ("在部队服役", True),
        ("220千伏站夏季迎峰度夏特巡", True),
        ("在北京路社区", False),  # a road named after a city: where they work
        ("在上海大厦", False),
        ("课题组成员", False),  # who they are, not why
        ("常驻城东分院", False),  # only 驻 and 在-like acts: where they work, not why
        ("在群里说了一声", False),
        ("据他同事讲可能出差了", False),  # heard from someone, or guessed
        ("似乎是回老家了", False),
        ("腿脚不便,不可能走到村部", True),  # 可能 denied is no guess
    ],
)
def test_a_note_says_why_firmly_only_through_more_than_an_everyday_act(note: str, firm: bool) -> None:
    assert says_why_firmly(note) is firm


@pytest.mark.parametrize("note", ["已提交请假审批", "请假申请已通过"])
def test_the_paperwork_of_a_leave_in_a_firms_system_is_no_reason(note: str) -> None:
    assert no_reason_left(note)


def test_a_name_then_the_paperwork_of_its_leave_is_an_absentee_with_no_reason() -> None:
    record = meeting("请假2人：宁晓敏在香港参加展会；苏志远已提交请假审批。", roster=[])
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("宁晓敏", "在香港参加展会"),
        ("苏志远", None),
    ]


@pytest.mark.parametrize("note", ["原因见备注", "详见说明", "见文末", "事由见附件"])
def test_where_the_reason_is_told_is_no_reason(note: str) -> None:
    assert no_reason_left(note)


def test_another_meeting_attended_says_why_firmly() -> None:
    assert says_why_firmly("在场部参加秋粮收购调度会")
    assert says_why_firmly("列席县里的防汛推进会")


def test_reasons_in_a_remark_the_list_points_to() -> None:
    """请假:甲、乙(原因见备注) … 备注:甲在…;乙…: the pointer is no reason, the remark gives them."""
    record = meeting(
        "应到15人　实到13人\n请假：扈晓川、窦曼丽（原因见备注）\n会议内容：略\n"
        "备注：扈晓川在北京参加古籍保护培训班；窦曼丽孩子出水痘，在家照看。",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("扈晓川", "在北京参加古籍保护培训班"),
        ("窦曼丽", "孩子出水痘,在家照看"),
    ]


@pytest.mark.parametrize("note", ["没跟我请假", "没有向支部请假", "这次没打招呼", "事先未打过招呼"])
def test_words_saying_no_leave_was_asked_deny_it(note: str) -> None:
    assert DENIED.search(note)


@pytest.mark.parametrize(
    "note",
    [
        "公司组织的采煤机司机复训",  # training in a trade's word
        "跨区增援林区火场，未归队",
        "开车在对方口岸排队等待查验，当晚回不来",  # a clause of not getting away
        "经院党委批准在日本一所大学作访问学者",  # abroad
        "接警调度室值机",
        "轮换回国，4月20日离场",
        "跑外环线派件",
    ],
)
def test_duties_in_a_trades_words_and_stays_abroad_say_why_firmly(note: str) -> None:
    assert says_why_firmly(note)


def test_a_bus_taken_every_day_is_no_shift() -> None:
    assert not says_why_firmly("家住县城，每天坐早班车来校")


def test_a_cut_is_no_reason_struck_out() -> None:
    assert not no_reason_left("手指头被钢筋划了个口子，在镇卫生院缝针")
    assert no_reason_left("原写“轮休”，后划了")


def test_away_and_not_reached_is_away() -> None:
    assert DENIED.search("外出联系不上") is None
    assert DENIED.search("在外务工联系不上") is None
    assert DENIED.search("电话联系不上") is not None
