"""Absentees read from the frames around the attendance statement (``absence_frames``), with no
roster: the names are anchored on surnames. Every sentence here is our own."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

from core.models import Absentee
from extractors.fields.absence_frames import present_acting


def _read(*texts: str) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "除了在县城参加业务考试的郑晓光，班组党员全部到齐，一共11人。",
            [("郑晓光", "在县城参加业务考试")],
        ),
        (
            "14名党员里去掉在外省驻点的2人（韩立新，包小雨），其余12人全部到会。",
            [("韩立新", "在外省驻点"), ("包小雨", "在外省驻点")],
        ),
        ("小组一共6名党员除了跟车押运去的黎志远还到了5名。", [("黎志远", "跟车押运去")]),
    ],
)
def test_those_excepted_from_everyone_coming_are_absent(text: str, want: list[tuple[str, str]]) -> None:
    assert _read(text) == want


def test_a_counted_exception_is_named_in_a_later_sentence() -> None:
    text = "除2名同志外，其余15名党员全部到会。2名同志是：苗文静，在北京参加培训；郝东，腰伤住院。"
    assert _read(text) == [("苗文静", "在北京参加培训"), ("郝东", "腰伤住院")]


def test_the_reason_of_the_exception_covers_names_listed_with_places() -> None:
    text = "支部16名党员中，除去在外实习的2人，14名党员全部参加。实习的2人是龚雪（杭州）、邹凯（成都）。"
    assert _read(text) == [("龚雪", "在外实习"), ("邹凯", "在外实习")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "全组党员12名，这次来了9名。没回来的3个都在外地：龚长根、龚长发兄弟在宁波打工，施玉兰在苏州带孙子，电话里都说过了。",
            [("龚长根", "在宁波打工"), ("龚长发", "在宁波打工"), ("施玉兰", "在苏州带孙子")],
        ),
        (
            "到会情况：全村党员二十名，另有两人请假：\n薛老四（住院，在县里）、尹桂花（去儿子家了），\n到会的十八名。",
            [("薛老四", "住院,在县里"), ("尹桂花", "去儿子家了")],
        ),
    ],
)
def test_a_head_of_those_not_there_then_names_and_reasons(text: str, want: list[tuple[str, str]]) -> None:
    assert _read(*text.split("\n")) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "因参加全省技能大赛集训，青年党员樊思雨未能前往；预备党员郜磊、邝宁在外地做项目，向支部请了假。",
            [("樊思雨", "因参加全省技能大赛集训"), ("郜磊", "在外地做项目"), ("邝宁", "在外地做项目")],
        ),
        ("党员聂国梁因在街道便民服务中心值班未能前来。", [("聂国梁", "因在街道便民服务中心值班")]),
    ],
)
def test_names_and_reason_beside_the_act_of_not_coming(text: str, want: list[tuple[str, str]]) -> None:
    assert sorted(_read(text)) == sorted(want)


@pytest.mark.parametrize(
    "text",
    [
        "除了学习文件外，大家还参加了义务植树。",  # no name excepted
        "除赵六外，其余党员均参加了志愿服务。",  # an exception to something else than the meeting
        "应到10人，实到10人。除了在外培训的郑晓光、邝宁，其余党员全部到会。",  # the counts leave nobody absent
        "除3名同志外，其余党员全部到会。3名同志是：苗文静，在北京参加培训。",  # 3 counted, 1 named
    ],
)
def test_frames_the_text_or_the_counts_contradict_read_nobody(text: str) -> None:
    assert _read(text) == []


def test_each_clause_before_an_act_of_them_all_and_how_the_leave_was_asked() -> None:
    text = (
        "应到27名，实到会25名。造型班党员任海平在晋城客户现场调试设备，质检员党员史秀珍住院做手术，都请了假。"
    )
    assert sorted(_read(text)) == [("任海平", "在晋城客户现场调试设备"), ("史秀珍", "住院做手术")]
    text = "应到9人，实到7人。喻春来在县城照看老伴，会前向书记请了假；阎春梅做了膝关节置换还在恢复，前一天打电话向书记请了假。"
    assert sorted(_read(text)) == [("喻春来", "在县城照看老伴"), ("阎春梅", "做了膝关节置换还在恢复")]


def test_shift_workers_posts_and_duties_in_their_trades_words() -> None:
    text = "小组党员11人，到会9人。\n未到：车长 向国梁　出乘G1736次，晚22点才回段\n乘务员 谷晓丹　出乘D2281次"
    assert _read(text) == [("向国梁", "出乘G1736次,晚22点才回段"), ("谷晓丹", "出乘D2281次")]
    # 值 opens no given name: 连值两个夜班 is a reason, not a second person and a count
    text = "应到21人，实到20人，缺席1人。\n缺席人员及原因：蓝春蕊 连值两个夜班，白天轮休补觉"
    assert _read(text) == [("蓝春蕊", "连值两个夜班,白天轮休补觉")]


def test_jobs_before_names_in_a_list_over_several_lines() -> None:
    text = (
        "应到党员28名，实到24名，缺席4名：\n"
        "手术室护士 韩佩佩、麻醉医师 曹梓轩——跟台急诊手术\n"
        "麻醉医师 汪辰旸——连值两个夜班，下夜班补觉\n"
        "手术室护士 丁若澜——在省人民医院进修"
    )
    assert [name for name, _ in _read(text)] == ["韩佩佩", "曹梓轩", "汪辰旸", "丁若澜"]


def test_a_bracket_after_a_shared_reason_is_an_aside_not_the_reason() -> None:
    text = "应到17人，实到15人\n请假2人：\n舒长河、舒小满——年前在县城水产市场守摊卖鱼（两人合一个摊位）"
    assert all("守摊卖鱼" in (why or "") for _, why in _read(text)) and len(_read(text)) == 2


def test_the_frames_add_to_a_list_the_other_readers_found() -> None:
    text = "缺席人员：宫晓明（病假）。预备党员郜磊在外地做项目，向支部请了假。"
    assert _read(text) == [("宫晓明", "病假"), ("郜磊", "在外地做项目")]


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (
            ["请假的有：邬建平、康晓丽、费雪，前两位在外地跟班学习，费雪休产假。"],
            [("邬建平", "在外地跟班学习"), ("康晓丽", "在外地跟班学习"), ("费雪", "休产假")],
        ),
        (
            ["未到会的是邬建平、康晓丽两位同志。", "前者在新疆援建项目部，后者借调到市局。"],
            [("邬建平", "在新疆援建项目部"), ("康晓丽", "借调到市局")],
        ),
    ],
)
def test_reasons_written_by_their_place_in_the_list(texts: list[str], want: list[tuple[str, str]]) -> None:
    assert _read(*texts) == want


def test_groups_each_with_its_reason_excepted_from_everyone_coming() -> None:
    text = "小组八个人，除了值夜班的蔺小川和在外地学技术的欧阳明辉两个，其余都到了。"
    assert _read(text) == [("蔺小川", "值夜班"), ("欧阳明辉", "在外地学技术")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "支部十二名党员，来了十个，邵海跟车出差，邝丽萍休产假在家。先是骆倩领着重温入党誓词。",
            [("邵海", "跟车出差"), ("邝丽萍", "休产假在家")],
        ),
        (
            "党员九个，到了七个，老柴柴树林在地里看大棚，还有一个龚美凤去县里送货了。",
            [("柴树林", "在地里看大棚"), ("龚美凤", "去县里送货了")],
        ),
        ("八个党员来了七个，老樊（樊长江）腰伤在家养着，跟我请了假。", [("樊长江", "腰伤在家养着")]),
    ],
)
def test_who_is_missing_right_after_the_count_that_came(text: str, want: list[tuple[str, str]]) -> None:
    assert _read(text) == want


@pytest.mark.parametrize(
    ("text", "roster"),
    [
        ("应到12人，实到12人，张建国主持会议，李梅领学。", ["张建国", "李梅"]),  # acts, not reasons
        ("应到12人，实到10人，张建国主持会议，李梅领学。", []),
    ],
)
def test_people_acting_after_the_count_are_no_absentees(text: str, roster: list[str]) -> None:
    assert [(a.name, a.reason) for a in meeting(text, roster=roster).absentees] == []


def test_someone_who_acted_at_the_meeting_is_no_absentee() -> None:
    text = (
        "我们支部一共是二十个党员，今天来了十八个，然后没来的，就是，驻村的龚家乐，还有邹一凡，他们在村里搞防火走不开，"
        "然后会议内容，第一个是民主评议党员，第二个是书记柏海涛，给大家讲了一个党课，讲了四十分钟左右"
    )
    assert "柏海涛" not in [a.name for a in meeting(text, roster=[]).absentees]


def test_a_reason_of_taking_students_somewhere_is_a_reason() -> None:
    assert _read("缺席的有：杭雪带学生参加区运动会，戚玉冰产假。") == [
        ("杭雪", "带学生参加区运动会"),
        ("戚玉冰", "产假"),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "未到会的2人：邝春燕在县委党校参加培训，柏志明因孩子发烧请了假。",
            {("邝春燕", "在县委党校参加培训"), ("柏志明", "因孩子发烧")},
        ),
        (
            "因手术排班，党员庞书逸、阙晓雯留守病区未能参加。",
            {("庞书逸", "留守病区"), ("阙晓雯", "留守病区")},
        ),
    ],
)
def test_lists_the_list_readers_cut_short(text: str, want: set[tuple[str, str]]) -> None:
    assert set(_read(text)) == want


def test_a_list_said_aloud_after_its_head() -> None:
    text = (
        "应该来十五个来了十一个，没来的那个就是老邝邝德贵在县医院陪老伴做手术，然后卜桂芝去温州她女儿那带孙子了，"
        "还有两个在工地上回不来就是柏建新和符晓勇，他们都跟我请过假的，然后大家先重温了入党誓词。"
    )
    assert _read(text) == [
        ("邝德贵", "在县医院陪老伴做手术"),
        ("卜桂芝", "去温州她女儿那带孙子了"),
        ("柏建新", "在工地上回不来"),
        ("符晓勇", "在工地上回不来"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "应到二十人，实到十七人，然后请假的有三个，保安队的邵国平，值夜班，还有食堂的小卞卞秀云，她孙子满月，还有那个，"
        "钟师傅钟建明，腰扭了。然后主持是支部书记。",
        # said with pauses for stops, the counts disagreeing (请假的有两个, three named)
        "应到二十人 实到十七人 请假的有两个 保安队的邵国平 值夜班 还有食堂的小卞卞秀云 她孙子满月 还有那个 "
        "钟师傅钟建明 腰扭了 然后主持是支部书记",
    ],
)
def test_names_said_one_clause_and_their_reasons_the_next(text: str) -> None:
    assert _read(text) == [("邵国平", "值夜班"), ("卞秀云", "她孙子满月"), ("钟建明", "腰扭了")]


def test_the_sentence_after_the_counts_names_exactly_those_missing() -> None:
    text = (
        "本次会议应到党员12人，实到9人。正值秋收，护林员党员牛建设、卫春生在后山防火点值守，都没能下山；"
        "退休党员段秀英在镇卫生院住院。会议由书记主持。"
    )
    assert _read(text) == [
        ("牛建设", "在后山防火点值守,都没能下山"),  # the clauses of a part make its reason
        ("卫春生", "在后山防火点值守,都没能下山"),
        ("段秀英", "在镇卫生院住院"),
    ]
    # a sentence naming fewer or more people than are missing is about something else
    assert _read(text.replace("实到9人", "实到8人")) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "没能到会的5人里，牛建设、卫春生两人在外地打工，段秀英在县城陪读，还有两人年纪大走不动。",
            [("牛建设", "在外地打工"), ("卫春生", "在外地打工"), ("段秀英", "在县城陪读")],
        ),
        (
            "还没回村的：牛建设在深圳过年不回来了，段秀英在县医院住院。",
            [("牛建设", "在深圳过年不回来了"), ("段秀英", "在县医院住院")],
        ),
    ],
)
def test_a_head_of_those_not_there_among_whom_some_are_named(text: str, want: list[tuple[str, str]]) -> None:
    assert _read(text) == want


def test_a_hui_surname_anchors_a_name() -> None:
    text = "没能到会的5人里，马建成、海福生两人在新疆拾棉花，段秀英在县城陪读，还有两人年纪大走不动。"
    assert [name for name, _ in _read(text)] == ["马建成", "海福生", "段秀英"]


@pytest.mark.parametrize(
    "text",
    [
        "本组共有党员9人，到会7人。其中苗青在市里参加职称评审，邬强去外省送货。",
        "本组应到9人，实到7人（苗青在市里参加职称评审，邬强去外省送货）。",
        "参会人数：应到9人，实到7人\n情况说明：苗青在市里参加职称评审，邬强去外省送货。",
    ],
)
def test_who_is_missing_after_the_counts_in_a_bracket_or_after_opening_words(text: str) -> None:
    assert _read(text) == [("苗青", "在市里参加职称评审"), ("邬强", "去外省送货")]


def test_as_many_as_the_counts_leave_away_each_with_why_are_the_absentees() -> None:
    text = (
        "应到党员11人，实到9人。会议由书记严国平主持。"
        "组织委员苗青在市里参加职称评审，另外邬强去外省送货。严国平带领大家学习了党章。"
    )
    assert _read(text) == [("苗青", "在市里参加职称评审"), ("邬强", "去外省送货")]
    # one more or one fewer than the counts leave away: nobody is read
    assert _read(text.replace("实到9人", "实到8人")) == []
    # someone who did something at the meeting is not away, whatever else is said of them
    acting = text.replace("严国平带领", "邬强带领")
    assert _read(acting) == []
    # a guest who came to guide the meeting is no absentee
    guest = "应到党员11人，实到10人。镇党委委员詹建华到会指导。会议由书记严国平主持。"
    assert _read(guest) == []


def test_reasons_said_of_listed_people_by_the_names_they_go_by() -> None:
    record = meeting(
        "缺席：刘晓燕、赵德顺",
        "侯永年：今天应到23人，实到21人，差两个。小刘请了病假，老赵在省里参加果树嫁接培训。",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("刘晓燕", "请了病假"),
        ("赵德顺", "在省里参加果树嫁接培训"),
    ]


def test_a_reason_said_by_the_name_gone_by_runs_over_its_clauses() -> None:
    record = meeting(
        "应到19人，实到17人，缺席2人：俞春梅、郎文涛",
        "沈国桢：缺的两位说一下：小俞上周做了阑尾手术，还在住院；小郎跟执法队去城郊市场检查了，走不开。",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("俞春梅", "上周做了阑尾手术,还在住院"),
        ("郎文涛", "跟执法队去城郊市场检查了,走不开"),
    ]


def test_a_name_gone_by_that_two_listed_people_share_gives_nobody_a_reason() -> None:
    record = meeting("缺席：刘晓燕、刘德顺", "小刘请了病假。", roster=[])
    assert [a.reason for a in record.absentees] == [None, None]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("许诺没来，她在深圳参加挑战杯决赛，已发消息说明。", "在深圳参加挑战杯决赛"),
        ("后勤的老党员钱凤英也请了假，她上周刚做完白内障手术。", "上周刚做完白内障手术"),
        ("许诺没来，她说会后补学。", None),
    ],
)
def test_a_reason_told_of_him_or_her_after_the_absence(text: str, want: str | None) -> None:
    record = meeting("应到30人，实到29人。", text, roster=[])
    assert [a.reason for a in record.absentees] == [want]


def test_reasons_given_respectively_in_the_order_of_the_names() -> None:
    record = meeting(
        "召开支部党员大会（应到19人，实到17人，请假2人）",
        "（说明：请假的2名同志为财务科温德昌、审计科祝晓霞，分别在外省参加集采培训和在定点医院开展飞行检查。）",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("温德昌", "在外省参加集采培训"),
        ("祝晓霞", "在定点医院开展飞行检查"),
    ]


def test_a_count_said_of_all_after_the_last_reason_is_no_part_of_it() -> None:
    record = meeting(
        "应到20人，实到17人。", "刘雨晴、郭晓帆在发热门诊药房轮值，樊丽华休产假，三人均已请假。", roster=[]
    )
    assert [a.reason for a in record.absentees] == ["在发热门诊药房轮值", "在发热门诊药房轮值", "休产假"]


def test_reasons_told_by_name_in_the_sentence_after_the_list() -> None:
    record = meeting(
        "应到19人，实到17人。",
        "缺席：尹晓雪、鲍玉洁。",
        "尹晓雪带学生在省城参加技能大赛，鲍玉洁休产假。",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("尹晓雪", "带学生在省城参加技能大赛"),
        ("鲍玉洁", "休产假"),
    ]


def test_a_list_giving_reasons_to_others_leaves_the_bare_name_without_one() -> None:
    record = meeting("缺席：张明（出差）、王芳（病假）、赵六。", "赵六在外地培训的事下次再议。", roster=[])
    assert ("赵六", None) in [(a.name, a.reason) for a in record.absentees]


def test_reasons_in_notes_further_down_that_open_with_the_listed_names() -> None:
    found = _read(
        "应到17人，实到15人，缺席2人。",
        "缺席人员：米雪芬 蒋丽桦",
        "会议内容：",
        "1.讨论义诊安排。",
        "[页边批注]米雪芬—下乡做新生儿访视蒋丽桦—夜班",
    )
    assert found == [("米雪芬", "下乡做新生儿访视"), ("蒋丽桦", "夜班")]


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (
            ("应到12人，实到10人，缺席2人：管春来在外地培训。", "散会后由宣传委员给没来的司马雯补课。"),
            [("管春来", "在外地培训"), ("司马雯", None)],
        ),
        (("应到9人，实到8人。会后把材料送给未参会的祝红英同志（住院）。",), [("祝红英", "住院")]),
    ],
)
def test_someone_referred_to_as_the_one_away_is_absent(
    texts: tuple[str, ...], want: list[tuple[str, str | None]]
) -> None:
    assert _read(*texts) == want


def test_the_one_referred_to_as_away_is_not_counted_twice() -> None:
    texts = ("应到9人，实到8人，缺席1人：祝红英（住院）。", "会后给没来的祝红英补学。")
    assert _read(*texts) == [("祝红英", "住院")]


def test_one_absentee_at_a_sentences_end_then_the_reason_in_the_next_sentence() -> None:
    text = "本组党员8人，到7人，缺1人。\n缺：卓玉芳。牙疼，下午刚在口腔诊所拔了牙，脸肿着。\n学习：符建华带着大家学了《民法典》。"
    found = [(a.name, a.reason) for a in meeting(text, roster=[]).absentees]
    assert found == [("卓玉芳", "牙疼,下午刚在口腔诊所拔了牙,脸肿着")]
    # the next sentence about the meeting gives none
    for after in ("其余同志均按时到会。", "会议由符建华主持。"):
        other = meeting(text.replace("牙疼，下午刚在口腔诊所拔了牙，脸肿着。", after), roster=[])
        assert [(a.name, a.reason) for a in other.absentees] == [("卓玉芳", None)], after


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # a post or a description before the name, no title the lexicon knows
            "到会情况：应到15人，实到13人。药剂师褚明远在省城进修，跑运输的覃小禾去外省送货。",
            [("褚明远", "在省城进修"), ("覃小禾", "去外省送货")],
        ),
        (  # a transcribed name read by no surname, then why the person was away
            "到会情况：应到9人，实到8人。兽医站的扎西顿珠在夏季牧场防疫。",
            [("扎西顿珠", "在夏季牧场防疫")],
        ),
    ],
)
def test_who_is_missing_after_a_description_of_them(text: str, want: list[tuple[str, str]]) -> None:
    assert _read(text) == want


def test_a_reason_before_the_name_is_no_description_of_the_person() -> None:
    text = "应到党员12名，实到9名，请假3名。请假的3名党员是：值夜班的卢海平、马小燕，在外地进修的柏秋云。"
    assert _read(text) == [("卢海平", "值夜班"), ("马小燕", "值夜班"), ("柏秋云", "在外地进修")]


def test_a_bracket_after_the_last_of_several_names_is_theirs_unless_it_speaks_of_one() -> None:
    shared = "应到10人，实到7人，没来的3个人:金德顺(在县医院住院),岳长根、邝玉梅(在乡里开会)。"
    assert _read(shared) == [
        ("金德顺", "在县医院住院"),
        ("岳长根", "在乡里开会"),
        ("邝玉梅", "在乡里开会"),
    ]
    one = shared.replace("(在乡里开会)", "(她在乡里开会)")
    assert ("岳长根", "在乡里开会") not in _read(one)


def test_who_is_missing_after_a_semicolon_of_the_counts_sentence() -> None:
    text = "经清点，应到会有表决权的正式党员15名，实到13名；博士生卜文轩在合肥做光源实验、硕士生祁若兰在苏州企业实习，均已请假。"
    assert _read(text) == [("卜文轩", "在合肥做光源实验"), ("祁若兰", "在苏州企业实习")]


def test_names_sharing_a_reason_are_not_cut_apart_at_their_enumeration_comma() -> None:
    text = "应到党员12人，实到10人。陶嘉禾、邢小蔓参加市里组织的财务培训。"
    assert _read(text) == [("陶嘉禾", "参加市里组织的财务培训"), ("邢小蔓", "参加市里组织的财务培训")]


def test_reasons_told_again_after_a_dash_or_in_a_later_note_with_the_post_before_the_name() -> None:
    dashed = (
        "应到12人，实到10人，缺席2人：韩小沁、邓玉芙。",
        "——韩小沁带学生去区少年宫参加诵读比赛，邓玉芙休产假。",
    )
    assert _read(*dashed) == [("韩小沁", "带学生去区少年宫参加诵读比赛"), ("邓玉芙", "休产假")]
    noted = (
        "缺席：俞海林（统战委员）",
        "会议由支部书记厉振川主持。",
        "议题：研究7月主题党日安排。",
        "备注：缺席委员俞海林，因抽调区防汛指挥部值守圩堤，会前向书记请假。",
    )
    assert _read(*noted) == [("俞海林", "因抽调区防汛指挥部值守圩堤")]


def test_surnames_that_are_everyday_characters_name_those_away_when_why_follows() -> None:
    text = "应到党员14人，实到12人，请假2人。其中，原大川在县医院做白内障手术；信长秋在浙江湖州打工。"
    assert _read(text) == [("原大川", "在县医院做白内障手术"), ("信长秋", "在浙江湖州打工")]
    # 是 and 都 open words, not names: 是个实在人 names nobody
    said = "应到党员14人，实到13人。邱满仓说，这孩子是个实在人。"
    assert _read(said) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "支部16名党员，到会14名。水产摊主、党员杜春榆凌晨去外地进货，干货摊主、党员温小鹂回老家参加亲戚婚礼，两人提前请了假。",
            [("杜春榆", "凌晨去外地进货"), ("温小鹂", "回老家参加亲戚婚礼")],
        ),
        (
            "应到9人，实到7人。李雷在外地出差，韩梅回老家，都提前请了假。",
            [("李雷", "在外地出差"), ("韩梅", "回老家")],
        ),
    ],
)
def test_each_clause_before_an_act_of_them_all(text: str, want: list[tuple[str, str]]) -> None:
    """甲…,乙…,两人提前请了假: every clause of a name and a reason before the act is one of them."""
    assert sorted((a.name, a.reason) for a in meeting(text, roster=[]).absentees) == sorted(want)


@pytest.mark.parametrize(
    "listed",
    ["甄宇、宋冬青、李兰清3名党员", "纳税服务股的甄宇、宋冬青和法制股的李兰清3名党员"],
)
def test_names_then_their_count_share_the_reason_after(listed: str) -> None:
    """甲、乙、丙3名党员在…: the count after the names (its 党员 no title), units before them dropped."""
    text = f"在册党员34名，本次到会31名；{listed}在省税务干部学校参加业务轮训，已向支部请假。"
    reason = "在省税务干部学校参加业务轮训"
    got = [(a.name, a.reason) for a in meeting(text, roster=[]).absentees]
    assert got == [("甄宇", reason), ("宋冬青", reason), ("李兰清", reason)]


def test_a_clause_made_a_reason_by_the_sentence_going_on_to_say_leave_was_asked() -> None:
    """甲(课题组)样品正在培养,走不开,提前请了假: what is said after the name is no reason alone; the
    sentence going on to 走不开 or to the leave makes it one."""
    text = "本组党员8人，到7人。窦雨桐（刘老师课题组）样品正在恒温箱里培养，走不开，提前在群里请了假。"
    assert _read(text) == [("窦雨桐", "样品正在恒温箱里培养,走不开")]
    assert _read("本组党员8人，到7人。窦雨桐，样品正在恒温箱里培养，提前请了假。") == [
        ("窦雨桐", "样品正在恒温箱里培养")
    ]
    # the sentence saying neither names nobody; nor does the leave with nothing said before it
    assert _read("本组党员8人，到7人。窦雨桐，样品正在恒温箱里培养。") == []
    assert _read("本组党员8人，到7人。窦雨桐，提前在群里请了假。") == []


def test_a_verb_opening_with_a_surname_names_nobody_among_those_away() -> None:
    """商定下个月…: 商定 is no person, so the two who were away are still as many as the counts leave."""
    text = (
        "本组党员10人，到会8人。阎志刚去县里给拖拉机上牌，穆小芹在镇上照看住院的公公，都提前跟组长请了假。\n"
        "三、商定下个月的小组会到阎家的果园开，顺便看看滴灌。"
    )
    assert _read(text) == [("阎志刚", "去县里给拖拉机上牌"), ("穆小芹", "在镇上照看住院的公公")]


def test_one_named_after_the_count_takes_the_reason_told_of_them_before() -> None:
    """缺席1人即甲, with 甲因…, told before the list where the stand-in presider is named."""
    text = (
        "本次党日原定由站长鲍启航主持，鲍启航因公出差，赴市局参加汛前检查，会前委托副站长席文秀主持。"
        "应到党员9人，实到8人，缺席1人即鲍启航。"
    )
    assert _read(text) == [("鲍启航", "因公出差,赴市局参加汛前检查")]
    # nothing told of him: named, with no reason
    assert _read("应到党员9人，实到8人，缺席1人，即鲍启航。") == [("鲍启航", None)]


def test_not_going_along_with_the_others_is_not_attending() -> None:
    text = "应到15人，实到13人。因在省城参加职称评审答辩，讲师裘思远、副教授甘晓露未能随队前往。"
    assert _read(text) == [("裘思远", "因在省城参加职称评审答辩"), ("甘晓露", "因在省城参加职称评审答辩")]


def test_a_neighbourly_name_with_the_full_name_in_brackets() -> None:
    text = "组里九个党员来了八个，韦三嫂（韦秀莲）回娘家给她妈过八十大寿去了。"
    assert _read(text) == [("韦秀莲", "回娘家给她妈过八十大寿去了")]


def test_reasons_in_a_note_explaining_the_absences_under_its_own_label() -> None:
    """请假说明:甲、乙两人在…;丙是…: each clause opens with listed names, the rest is why, as the label says."""
    text = (
        "应到18人，实到15人\n请假：滕望舒、邬晴川、冼南乔\n"
        "请假说明：滕望舒、邬晴川两人在市中院参加执行业务培训；冼南乔是开庭前临时接到当事人家属求助，留在信访窗口接待。"
    )
    assert _read(text) == [
        ("滕望舒", "在市中院参加执行业务培训"),
        ("邬晴川", "在市中院参加执行业务培训"),
        ("冼南乔", "开庭前临时接到当事人家属求助,留在信访窗口接待"),
    ]
    # a note that says no leave was asked gives no reason
    denied = "应到18人，实到17人\n请假：冼南乔\n请假说明：冼南乔未请假。"
    assert _read(denied) == [("冼南乔", None)]


def test_each_listed_person_explained_in_a_sentence_of_their_own_after_the_list() -> None:
    """缺席:甲、乙。甲这一趟…,人还在甘肃境内。乙请了一周假,在医院陪护…: the sentences after the list,
    each opening with a listed name, explain them in turn; an operation someone had is no act at
    the meeting."""
    text = (
        "支部应到党员12名，实到10名，缺席：乔望山、柯映雪。\n"
        "乔望山这一趟跑的是干线冷链，车还在宁夏境内。\n"
        "柯映雪请了三天假，在医院陪护上周做了膝关节手术的父亲。"
    )
    assert _read(text) == [
        ("乔望山", "这一趟跑的是干线冷链,车还在宁夏境内"),
        ("柯映雪", "在医院陪护上周做了膝关节手术的父亲"),
    ]
    # a sentence that turns to the meeting explains nobody
    said = "支部应到党员12名，实到10名，缺席：乔望山、柯映雪。\n乔望山这次会上作了发言稿的准备。\n柯映雪请了三天假，在医院陪护父亲。"
    assert dict(_read(said))["乔望山"] is None


def test_a_note_explaining_an_absence_stops_at_how_the_leave_was_asked() -> None:
    text = (
        "应到：9人　实到：7人\n会前请假：苗惊鸿（已报局领导批准）\n临时请假：宓远舟\n"
        "说明：苗惊鸿在市中院参加执行业务培训，为期三天，会前已书面请假；"
        "宓远舟当天上午随执行组赴邻县查封厂房，下午没能赶回，开会前半小时电话请假。"
    )
    assert _read(text) == [
        ("苗惊鸿", "在市中院参加执行业务培训,为期三天"),
        ("宓远舟", "当天上午随执行组赴邻县查封厂房,下午没能赶回"),
    ]


def test_a_later_line_opening_with_a_listed_name_tells_why_up_to_how_they_let_know() -> None:
    """请假1人(甲) … 甲那天一早进城…,头天晚上已跟书记说过: the line opening with the name, far below the list,
    says why; how they let the branch know is no part of it."""
    text = (
        "应到9人，实到8人，请假1人（祁满仓）\n一、学习《中国共产党章程》。\n二、讨论春耕互助安排。\n"
        "祁满仓那天一早进城给老伴抓中药，头天晚上已跟支部书记说过。"
    )
    assert _read(text) == [("祁满仓", "那天一早进城给老伴抓中药")]


def test_an_operation_one_had_is_no_act_at_the_meeting() -> None:
    def one(reason: str) -> list[Absentee]:
        return present_acting([Absentee("秦秋云", reason, [])])

    assert one("做了手术在家里休养")  # done to her, away
    assert not one("作了交流发言")  # done at the meeting: there


def test_a_member_explaining_a_material_after_the_count_of_those_away_is_no_absentee() -> None:
    text = (
        "应到23名，缺席1名。",
        "宣传委员冉秋池同志给全体党员详细讲解了《中国共产党廉洁自律准则》中“坚持党的全面领导”一节。",
    )
    assert _read(*text) == []
