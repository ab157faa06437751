"""Absentees whose names are known to be names by their number (``absence_counted``), with no
roster: names of any origin. Every sentence here is our own."""

from __future__ import annotations

import pytest
from fields_helpers import lines_of, meeting

from extractors.fields import absence_counted


def _read(*texts: str) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees]


def test_a_head_with_a_count_then_names_of_any_origin_with_reasons() -> None:
    text = "在册党员12人，到会9人。\n没来的3个人：扎西多吉（去拉萨进货），卓嘎、岩香（在山上采茶）。"
    assert _read(text) == [
        ("扎西多吉", "去拉萨进货"),
        ("卓嘎", "在山上采茶"),  # a name without a bracket shares the next one's
        ("岩香", "在山上采茶"),
    ]
    # as many names as the head says, or nobody
    assert _read(text.replace("3个人", "4个人")) == []
    # a name left without any reason: nobody (a false "absent without leave" costs more than a miss)
    assert _read(text.replace("（在山上采茶）", "")) == []


def test_a_head_without_a_count_takes_the_number_the_counts_leave_away() -> None:
    text = "应到12人，实到10人。\n没来参加的同志：卓嘎（在山上采茶），阿依古丽（回娘家）。"
    assert _read(text) == [("卓嘎", "在山上采茶"), ("阿依古丽", "回娘家")]
    assert _read(text.replace("实到10人", "实到9人")) == []


def test_a_reason_and_a_count_as_the_head_of_names() -> None:
    text = "应到12人，实到10人。外出务工2人：卓嘎、阿依古丽。"
    assert _read(text) == [("卓嘎", "外出务工"), ("阿依古丽", "外出务工")]


def test_a_count_of_those_present_before_their_names_is_no_reason() -> None:
    # 到会5人: those present, listed; no one is away
    assert _read("支委5人，到会5人：卓嘎、阿依古丽、岩香、扎西、曲珍。") == []


def test_a_line_per_reason_under_an_absence_head() -> None:
    text = "应到12人，实到8人，缺4人。\n未到会党员及原因：\n1.在外务工：卓嘎、蔺志远、岩香\n2.住院：阿依古丽"
    assert _read(text) == [
        ("卓嘎", "在外务工"),
        ("蔺志远", "在外务工"),  # (志 of a given name, not of 同志)
        ("岩香", "在外务工"),
        ("阿依古丽", "住院"),
    ]
    # the names must add up to the number away (the line 住院：X other readers read on its own)
    assert ("卓嘎", "在外务工") not in _read(text.replace("实到8人，缺4人", "实到7人，缺5人"))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "党员卓嘎、阿依古丽、岩香三人去县城学驾驶，都没来参加。",
            [("卓嘎", "去县城学驾驶"), ("阿依古丽", "去县城学驾驶"), ("岩香", "去县城学驾驶")],
        ),
        (
            "卓嘎、古丽和岩香三位老师带学生外出比赛，未能参加。",
            [("卓嘎", "带学生外出比赛"), ("古丽", "带学生外出比赛"), ("岩香", "带学生外出比赛")],
        ),
    ],
)
def test_names_their_number_and_their_reason_in_a_sentence_of_absence(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert _read(text) == want


def test_an_enumeration_whose_number_is_not_theirs_or_without_absence_is_nobody() -> None:
    def counted(text: str) -> list[str | None]:
        return [a.name for a in absence_counted.absentees(lines_of(text), None)]

    assert counted("卓嘎、古丽两位老师带学生外出比赛，未能参加。") == ["卓嘎", "古丽"]
    assert counted("卓嘎、古丽三位老师带学生外出比赛，未能参加。") == []
    assert counted("卓嘎、古丽两位老师带学生外出比赛，获得一等奖。") == []
    assert counted("卓嘎、聂清和两位老师带学生外出比赛，未能参加。") == ["卓嘎", "聂清和"]  # 和 inside a name


def test_a_list_told_after_a_colon_as_many_clauses_as_were_away() -> None:
    text = (
        "支部十三个党员来了十一个，差两个：车间主任靳福山守着烘干机，头一批货正在出炉；"
        "收购点的苗新华在河背村收鲜叶，他走不开。"
    )
    assert _read(text) == [
        ("靳福山", "守着烘干机,头一批货正在出炉"),
        ("苗新华", "在河背村收鲜叶,他走不开"),
    ]
    # a head with the count the counts leave away, the absence said in the sentence before it
    told = "党员二十二名，到了十九名，差三个。书记把三个人的情况说了：晏德山家里有事；邝秋明年后去了宁波；老党员卢桂林在乡卫生院住着。"
    assert [n for n, _ in _read(told)] == ["晏德山", "邝秋明", "卢桂林"]
    # a clause that only tells the absence again gives no reason: nobody is read from the list
    no_why = text.replace("他走不开", "到开会也没有来").replace("在河背村收鲜叶，", "")
    assert absence_counted.absentees(lines_of(no_why), 2) == []
    # clauses that are no list of those away (a group's duties) are not read
    duty = "应到12人，实到12人。分三组：房一山、臧立民带领第一组坐诊；殷婉华带领第二组入户；解春明讲解煎药。"
    assert absence_counted.absentees(lines_of(duty), 3) == []


def test_a_told_clause_saying_they_could_not_get_away_is_a_reason() -> None:
    text = (
        "全支部党员17名，到会15名。没来的两个：作业站的鲁满仓开着植保无人机在三号地里飞防，走不开；"
        "退休职工党员臧桂香在佳木斯给儿媳妇伺候月子。"
    )
    assert _read(text) == [
        ("鲁满仓", "开着植保无人机在三号地里飞防,走不开"),
        ("臧桂香", "在佳木斯给儿媳妇伺候月子"),
    ]


def test_an_illness_after_a_reason_is_no_absentee() -> None:
    text = "应到5人，实到3人，请假2人。\n请假的：\n宗桂兰——跟儿子在苏州带孙子\n武凤琴——县医院住院，白内障手术"
    assert _read(text) == [("宗桂兰", "跟儿子在苏州带孙子"), ("武凤琴", "县医院住院,白内障手术")]


def test_each_told_in_a_clause_opened_by_one_is_said_aloud() -> None:
    text = (
        "应到二十个，实到十七个，缺了三个，都是跑长途的，一个是覃守成往贵阳送货，"
        "一个是鲁长江去天津还没回来，再一个是任立新跑新疆那条线。"
    )
    assert _read(text) == [("覃守成", "往贵阳送货"), ("鲁长江", "去天津还没回来"), ("任立新", "跑新疆那条线")]
    assert [v.value if v else None for v in (meeting(text, roster=[]).absent_count,)] == [3]
    # as many clauses as the number said, or nobody
    assert _read(text.replace("缺了三个", "缺了四个").replace("实到十七个", "实到十六个")) == []
    # a clause that holds no reason: nobody
    assert _read(text.replace("跑新疆那条线", "就是大伙叫的老憨")) == []


def test_on_a_business_trip_is_no_gap_word() -> None:
    assert meeting("应到10人，实到8人，出差2人。", roster=[]).absent_count.value == 2


def test_a_number_away_then_who_and_why_clause_by_clause() -> None:
    text = (
        "支部黨員十九名，到了十六名，差三名。書記在會上一個一個說了：韓立新去鎮上開會；"
        "邵雨桐住院了，剛做完手術；晏國平趕集賣菜去了。"
    )
    assert _read(text) == [
        ("韩立新", "去镇上开会"),
        ("邵雨桐", "住院了,刚做完手术"),  # a clause opening with nobody goes on with the reason before it
        ("晏国平", "赶集卖菜去了"),
    ]


def test_a_number_away_then_one_told_as_asking_no_leave_has_no_reason() -> None:
    text = (
        "本组党员10人，到会8人，缺2人。韩立新当天在泵房值中班，走不开，我同意了；邵雨桐呢，这次没跟我请假。"
    )
    assert _read(text) == [("韩立新", "当天在泵房值中班,走不开,我同意了"), ("邵雨桐", None)]
    # as many people as the number, or none of them read from the story
    assert ("邵雨桐", None) not in _read(text.replace("到会8人，缺2人", "到会7人，缺3人"))


def test_a_number_away_then_a_title_before_the_name_and_the_reason_glued_on() -> None:
    text = "应到8人　实到7人　请假1人：党员韩立新居家隔离观察（从外地返回未满7天）"
    assert _read(text) == [("韩立新", "居家隔离观察(从外地返回未满7天)")]


def test_the_story_of_those_away_ends_with_the_sentence_naming_the_last_of_them() -> None:
    text = (
        "应到12人，实到10人，缺2人。周浩然在医院陪护父亲；贺东来在外地培训。大家起立，面对党旗重温入党誓词。"
    )
    assert _read(text) == [("周浩然", "在医院陪护父亲"), ("贺东来", "在外地培训")]
    # a compound surname's name of three, its reason glued after it
    glued = "应到12人，实到10人，缺2人。党员周浩然在医院陪护父亲；端木晓休产假。"
    assert _read(glued) == [("周浩然", "在医院陪护父亲"), ("端木晓", "休产假")]


def test_a_head_whose_number_is_those_away_then_a_row_each() -> None:
    text = (
        "应到党员18人，实到15人，3人在台上：\n沈知秋（第2间主动脉瓣置换手术麻醉）\n"
        "柏南屿（第5间急诊剖宫产麻醉）\n伍青禾（介入室急诊溶栓麻醉）\n会议由邝晓岚主持。"
    )
    assert _read(text) == [
        ("沈知秋", "第2间主动脉瓣置换手术麻醉"),
        ("柏南屿", "第5间急诊剖宫产麻醉"),  # a trade's duty in brackets, no verb of going
        ("伍青禾", "介入室急诊溶栓麻醉"),
    ]
    # the head's number must be the number the counts leave away
    assert _read(text.replace("实到15人", "实到16人")) == []
    # a row whose words are no reason (a note on the person) reads nobody
    assert _read(text.replace("介入室急诊溶栓麻醉", "家住县城，每天坐早班车来")) == []


def test_names_sharing_a_clause_of_a_told_list_and_a_nickname_before_a_name() -> None:
    text = (
        "应到20人，实到15人。没来的5人都打了招呼：老蔡蔡满仓在苏州女儿家带外孙；"
        "温月娥住在县医院，老毛病又犯了；褚国良、褚国栋老哥俩一起回安徽老家上坟；葛桂香老伴卧床离不开人。"
    )
    assert _read(text) == [
        ("蔡满仓", "在苏州女儿家带外孙"),  # 老蔡: the surname said as friends say it
        ("温月娥", "住在县医院,老毛病又犯了"),
        ("褚国良", "一起回安徽老家上坟"),  # two names, one reason
        ("褚国栋", "一起回安徽老家上坟"),
        ("葛桂香", "老伴卧床离不开人"),
    ]
    # the names must add up to the number away
    assert absence_counted.absentees(lines_of(text.replace("没来的5人", "没来的6人")), 6) == []


def test_names_and_their_number_that_the_counts_leave_away_with_no_word_of_absence() -> None:
    text = "支部应到党员16名，实到14名，党员充思远、闫若溪2名同志在发热门诊值班。"
    assert _read(text) == [("充思远", "在发热门诊值班"), ("闫若溪", "在发热门诊值班")]

    def counted(said: str, room: int | None) -> list[tuple[str | None, str | None]]:
        return [(a.name, a.reason) for a in absence_counted.absentees(lines_of(said), room)]

    assert counted(text, 2) == [("充思远", "在发热门诊值班"), ("闫若溪", "在发热门诊值班")]
    # another number away, none known, or no reason: not those away
    assert counted(text, 1) == []
    assert counted(text, None) == []
    assert counted(text.replace("在发热门诊值班", "作了交流发言"), 2) == []


def test_a_told_clause_whose_reason_opens_its_second_part() -> None:
    text = (
        "支部应到21人，来了18人，没来的3个：邱满仓回河南老家收秋；"
        "甯永红手指头被钢筋划了个口子，在镇卫生院缝针；田小旺跟车去石料场拉碎石，晚上赶不回来。"
    )
    assert _read(text) == [
        ("邱满仓", "回河南老家收秋"),
        ("甯永红", "手指头被钢筋划了个口子,在镇卫生院缝针"),  # 甯: a surname of its own, not 宁
        ("田小旺", "跟车去石料场拉碎石,晚上赶不回来"),
    ]


def test_each_one_told_after_its_opener_in_clauses_of_its_own() -> None:
    text = "应到的党员是十六个，实到十四个，有两个请假，一个是柴德旺，他在浙江打工没回来，一个是邹桂英，她住院了。"
    assert _read(text) == [("柴德旺", "在浙江打工没回来"), ("邹桂英", "住院了")]  # (the pronoun left out)
    assert _read(text.replace("实到十四个，有两个请假", "实到十三个，有三个请假")) == []


def test_each_one_told_said_aloud_without_its_copula_and_after_who_they_are() -> None:
    text = "今天应到十五个，实到十三个，两个请假，一个韦大山，他是韦小红她老公，在贵阳做装修，还有一个项秀兰去女儿家照顾外孙了。"
    assert _read(text) == [
        ("韦大山", "在贵阳做装修"),
        ("项秀兰", "去女儿家照顾外孙了"),
    ]  # (who he is left out)
    rest = "组里十二个党员，今天来了十个，另外两个，一个沈德山他是咱们的老楼长，在医院复查，一个胡筱芸跟单位出去团建了。"
    assert _read(rest) == [("沈德山", "在医院复查"), ("胡筱芸", "跟单位出去团建了")]
    last = "应到十三个，实到十一个，请假三个，一个是臧海在省里培训，一个柳青山下村指导插秧去了，还有伏建华生病了。"
    assert _read(last) == [("臧海", "在省里培训"), ("柳青山", "下村指导插秧去了"), ("伏建华", "生病了")]
    one = "公司的党员一共十一个，来了十个，没来的一个是吉永山，去福建参加茶叶展销会了，会后交了党费。"
    assert _read(one) == [("吉永山", "去福建参加茶叶展销会了")]
    # 还有 far from the others tells of no one away (还有覃桂香说…)
    far = (
        "应到二十六个人实到二十四个，请假的两个，一个是幸德山他在镇卫生院输液，一个是蓝秋云去广东带孩子了，"
        "都提前跟我说了，然后重温入党誓词，还有覃桂芝说村口的垃圾桶该换了。"
    )
    assert _read(far) == [("幸德山", "在镇卫生院输液"), ("蓝秋云", "去广东带孩子了")]


def test_a_told_one_called_by_friends_with_the_name_in_brackets() -> None:
    text = (
        "在册党员10人，应到10人，实到8人，2个人没来，我一个一个说清楚：老毛（毛福山）在厂医院住着，"
        "肺上的老毛病；凌素英要照看瘫在床上的老伴。"
    )
    assert _read(text) == [("毛福山", "在厂医院住着,肺上的老毛病"), ("凌素英", "要照看瘫在床上的老伴")]


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        # (a name of two: 周岚病 is no name of three)
        (
            ("应到23名，缺席1名。", "会议开始前，书记简单说了说没到会同志的情况：周岚病假。"),
            [("周岚", "病假")],
        ),
        (("缺席2人：冉秋池事假、宋听澜出差。",), [("冉秋池", "事假"), ("宋听澜", "出差")]),
    ],
)
def test_a_reason_glued_to_the_name_after_the_head(
    texts: tuple[str, ...], want: list[tuple[str, str]]
) -> None:
    assert _read(*texts) == want


def test_a_date_after_the_name_is_no_reason_glued_to_it() -> None:
    assert ("周岚", "6月19日") not in _read("缺席1人。请假人：周岚 6月19日")
