"""Absentees grouped by why they were away or listed a row at a time: a reason before its names and
their number, rows of names sharing a bracket, a line per reason under a leave heading, a told list
whose clauses are apart by commas; and the leave's telling (请过假, 会前跟我) that is no reason."""

from __future__ import annotations

import pytest
from fields_helpers import meeting


def absent(*texts: str) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees]


def test_a_reason_before_its_names_and_their_number() -> None:
    text = (
        "出席情况：应到20名，实到15名。缺席5名：随子女在外地居住的冉秋池、宋听澜、周岚3人；"
        "年老卧床的魏明远、贺知章2人（已安排委员上门送学）。"
    )
    assert absent(text) == [
        ("冉秋池", "随子女在外地居住"),
        ("宋听澜", "随子女在外地居住"),
        ("周岚", "随子女在外地居住"),
        ("魏明远", "年老卧床"),
        ("贺知章", "年老卧床"),
    ]


def test_a_group_whose_names_are_not_its_number_reads_nobody() -> None:
    text = "出席情况：应到20名，实到17名。缺席3名：随子女在外地居住的冉秋池、宋听澜3人；年老卧床的周岚1人。"
    assert ("冉秋池", "随子女在外地居住") not in absent(text)


def test_rows_of_names_sharing_a_bracket_go_on_below_the_head() -> None:
    lines = [
        "应到12人，实到7人，缺席5人",
        "缺席人员及原因：",
        "冉秋池、宋听澜（带运动队去市里比田径）",
        "周岚（病假）",
        "魏明远、贺知章（省里抽调参加高考评卷）",
        "内容：",
    ]
    assert absent(*lines) == [
        ("冉秋池", "带运动队去市里比田径"),
        ("宋听澜", "带运动队去市里比田径"),
        ("周岚", "病假"),
        ("魏明远", "省里抽调参加高考评卷"),
        ("贺知章", "省里抽调参加高考评卷"),
    ]


def test_a_line_per_reason_counting_its_names_under_a_leave_heading() -> None:
    lines = [
        "支部党员20人，今天到会15人，5人请假。请假情况如下——",
        "住院的2人：冉秋池、宋听澜；",
        "随子女在外地的2人：周岚（上海）、魏明远（西安）；",
        "照顾病重老伴的1人：贺知章。",
        "活动内容：",
    ]
    assert absent(*lines) == [
        ("冉秋池", "住院"),
        ("宋听澜", "住院"),
        ("周岚", "随子女在外地"),
        ("魏明远", "随子女在外地"),
        ("贺知章", "照顾病重老伴"),
    ]


def test_a_told_list_apart_by_commas_as_many_as_were_away() -> None:
    text = (
        "支部14名党员到场11名，另有3名党员在岗位上走不开：瞭望员冉秋池守在七星岩瞭望塔，"
        "宋听澜带扑火队在南坡演练，周岚在县医院照顾做了胆囊手术的老父亲。"
    )
    assert absent(text) == [
        ("冉秋池", "守在七星岩瞭望塔"),
        ("宋听澜", "带扑火队在南坡演练"),
        ("周岚", "在县医院照顾做了胆囊手术的老父亲"),
    ]


def test_a_told_list_with_fewer_commas_than_were_away_reads_nobody_by_them() -> None:
    text = "支部14名党员到场11名，另有3名党员在岗位上走不开：冉秋池守在瞭望塔，宋听澜带扑火队在南坡演练。"
    assert absent(text) == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("应到9人，实到8人，冉秋池在校外做实验没赶回来，会前跟我请过假。", "在校外做实验没赶回来"),
        ("应到9人，实到8人，冉秋池在场部参加植保无人机培训请假。", "在场部参加植保无人机培训"),
        ("应到9人，实到8人，缺1人：冉秋池在新疆查看制种田，前天已跟我请假。", "在新疆查看制种田"),
    ],
)
def test_the_leaves_telling_is_no_reason(text: str, reason: str) -> None:
    assert absent(text) == [("冉秋池", reason)]


def test_who_one_went_with_after_a_comma_stays_in_the_reason() -> None:
    text = "应到9人，实到7人，2人没到。冉秋池在连云港出差，跟厂家验收反应釜；宋听澜在休产假。"
    assert absent(text) == [("冉秋池", "在连云港出差,跟厂家验收反应釜"), ("宋听澜", "在休产假")]


def test_rows_of_names_a_space_and_their_shared_reason_with_an_aside_on_its_own_line() -> None:
    lines = [
        "应到人数：29人 实到人数：22人",
        "缺席人员及原因：7人",
        "冉秋池、宋听澜、周岚 在外务工",
        "（天津工地）",
        "魏明远 在镇上陪孙子读书",
        "贺知章 住院",
        "张明华、张明远 麦收帮工在外村",
        "会议内容：",
    ]
    assert absent(*lines) == [
        ("冉秋池", "在外务工(天津工地)"),
        ("宋听澜", "在外务工(天津工地)"),
        ("周岚", "在外务工(天津工地)"),
        ("魏明远", "在镇上陪孙子读书"),
        ("贺知章", "住院"),
        ("张明华", "麦收帮工在外村"),
        ("张明远", "麦收帮工在外村"),
    ]


def test_a_name_last_in_a_row_is_no_part_of_the_reason_after_its_space() -> None:
    lines = [
        "缺席党员：5人",
        "缺席原因：",
        "冉秋池、宋听澜、甘泽民 支援上海方舱医院；",
        "周岚 产假；",
        "魏明远 在省人民医院进修。",
        "活动内容：学习",
    ]
    assert ("甘泽民", "支援上海方舱医院") in absent(*lines)
    assert ("冉秋池", "支援上海方舱医院") in absent(*lines)


def test_a_byline_in_brackets_under_the_last_row_is_no_reason() -> None:
    lines = [
        "请假人员：",
        "1.冉秋池　在省人民医院进修",
        "2.宋听澜　产假",
        "（编辑：心内科党支部　审核：党委办公室）",
    ]
    assert absent(*lines) == [("冉秋池", "在省人民医院进修"), ("宋听澜", "产假")]


def test_the_items_after_a_reason_first_group_and_the_people_an_item_leads_to() -> None:
    assert absent(
        "应到35人，实到31人，缺席4人", "缺席人员及原因：在广东佛山务工：冉秋池、宋听澜、周岚；魏明远住院待产"
    ) == [
        ("冉秋池", "在广东佛山务工"),
        ("宋听澜", "在广东佛山务工"),
        ("周岚", "在广东佛山务工"),
        ("魏明远", "住院待产"),
    ]
    text = "全村党员二十五个，来了二十一个。没来的四个：冉秋池到镇卫生院打针去了；宋听澜在县城给闺女看孩子；还有俩，周岚、周岳兄弟在宁波打工。"
    assert ("周岚", "在宁波打工") in absent(text) and ("周岳", "在宁波打工") in absent(text)
    counted = "支部现有党员36名，到会党员31名。请假的有：冉秋池、宋听澜（身体原因）；另有2名高龄党员由家属代为请假。"
    assert [name for name, _ in absent(counted)] == ["冉秋池", "宋听澜"]


def test_the_kin_named_after_a_person_and_a_reason_opened_by_youyu() -> None:
    text = "今天到了9个。没来的3个：冉秋池和他老婆宋听澜跟车去广交会帮着看展位了，周岚在市医院陪他爸做手术。"
    assert absent(text) == [
        ("冉秋池", "跟车去广交会帮着看展位了"),
        ("宋听澜", "跟车去广交会帮着看展位了"),
        ("周岚", "在市医院陪他爸做手术"),
    ]
    lines = ["应到17人，实到15人，缺席2人。", "缺席说明：体育组党员冉秋池请假；窦雅文由于骨折在家休养。"]
    assert ("窦雅文", "骨折在家休养") in absent(*lines)


def test_a_bracketed_heading_of_absentees_heads_the_list_after_it() -> None:
    lines = [
        "应出席党员38人，实际出席党员35人，缺席党员3人。",
        "【缺席名单】冉秋池 因公外出 / 诸葛瑞芳 因公外出 / 周岚 身体不适",
    ]
    assert absent(*lines) == [("冉秋池", "因公外出"), ("诸葛瑞芳", "因公外出"), ("周岚", "身体不适")]


def test_brothers_called_a_pair_after_their_names_and_one_who_cannot_come() -> None:
    text = "全村党员21名，到会18名。没来的3名：老党员冉秋池（脑梗在县医院住院），宋听澜、宋听雨哥俩（去海南过冬了）。"
    assert absent(text) == [
        ("冉秋池", "脑梗在县医院住院"),
        ("宋听澜", "去海南过冬了"),
        ("宋听雨", "去海南过冬了"),
    ]
    assert absent("应到20人，实到19人。", "会前统计：周岚在外学习来不了。") == [("周岚", "在外学习")]


def test_a_heading_whose_dash_ocr_read_as_ones_heads_the_list_after_it() -> None:
    text = "未到会党员去向及原因说明一一冉秋池：值班。"  # ——, read as 一一
    assert absent("应到会9人，实到会8人。", text) == [("冉秋池", "值班")]


def test_rows_by_party_group_keep_the_next_row_s_label_out_of_the_reason() -> None:
    lines = (
        "应参加活动党员24名，实际参加21名，缺席3名。",
        "分党小组统计未到会情况：第一党小组：冉秋池，事假；",
        "第二党小组：诸葛瑞芳，身体不适；",
        "第三党小组：周岚，值班。",
    )
    assert absent(*lines) == [("冉秋池", "事假"), ("诸葛瑞芳", "身体不适"), ("周岚", "值班")]
