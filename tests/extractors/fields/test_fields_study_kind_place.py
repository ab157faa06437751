"""Study materials by title key, study cue sentences, the meeting's kind and place, as real
records write them (patterns of ../shared/realdev, names and titles made up)."""

from __future__ import annotations

import datetime as dt

import pytest
from fields_helpers import lines_of, meeting

from extractors.fields.cues import find_cues
from extractors.fields.meeting import kind, place
from extractors.fields.minutes import extract_meeting
from extractors.fields.study import material_matches, material_written, title_key


@pytest.mark.parametrize(
    ("wanted", "studied", "same"),
    [
        ("《中国共产党支部工作条例（试行）》", "《中国共产党支部工作条例(试行)》", True),
        ("《中国共产党支部工作条例（试行）》", "《中国共产党支部工作条例》(试行)", True),  # edition after 》
        ("《中国共产党纪律处分条例（2018年修订）》", "《中國共產黨紀律處分條例(2018年修訂)》", True),
        ("《习近平谈治国理政》第三卷", "《习近平谈治国理政》第四卷", False),
        ("《习近平谈治国理政》第三卷", "《习近平谈治国理政》", True),
        ("《中国共产党章程》", "《中国共产党廉洁自律准则》", False),
    ],
)
def test_materials_match_by_title_key(wanted: str, studied: str, same: bool) -> None:
    assert material_matches(wanted, studied) is same


def test_title_key_folds_width_brackets_and_script() -> None:
    assert title_key("《党务公开条例（试行）》") == title_key("《黨務公開條例》(試行)") == "党务公开条例试行"


def test_a_planned_title_is_found_written_without_brackets_or_with_a_slip() -> None:
    assert material_written(
        "《中国共产党支部工作条例（试行）》", "原文学习中国共产党支部工作条例(试行)第三章"
    )
    assert material_written("《中国共产党廉洁自律准则》", "学习了《中国共产党廉洁自律准责》")  # one slip
    assert not material_written("《中国共产党廉洁自律准则》", "学习了《中国共产党章程》")


@pytest.mark.parametrize(
    ("text", "is_study"),
    [
        ("会上，全体党员集中学习了《中国共产党章程》。", True),
        ("张三同志带领大家学习习近平总书记重要讲话精神。", True),
        ("李四传达了市委全会精神。", True),
        ("随后观看了警示教育专题片。", True),
        ("大家围绕《中国共产党党务公开条例(试行)》开展集体学习。", True),
        ("要求全体党员把学习成果转化为做好本职工作的实际行动。", False),
        ("为深入学习贯彻党的二十大精神，支部召开党员大会。", False),
        ("主持人传达了上级党委关于本月主题党日的工作安排。", False),
        ("通过学习，大家表示收获很大。", False),
    ],
)
def test_study_cue_sentences(text: str, is_study: bool) -> None:
    assert ("study" in find_cues(lines_of(text))) is is_study


def test_an_unnamed_leader_is_a_study_lead_cue() -> None:
    cues = find_cues(lines_of("支部书记带领大家认真学习了《中国共产党章程》。"))
    assert "study_lead" in cues and "material" in cues


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (["会议地点：二楼党员活动室"], "二楼党员活动室"),
        (["3月2日，机关党支部全体党员齐聚局机关三楼会议室，开展主题党日活动。"], "局机关三楼会议室"),
        (["5月19日，药学院学生党支部于实验楼305会议室开展主题党日。"], "实验楼305会议室"),
        (["支部于7月15日上午依托钉钉视频会议平台开展主题党日活动。"], "钉钉视频会议平台"),
        (["11月14日19时，博士生党支部在飞书会议上召开支部大会。"], "飞书会议"),
        (["2018年12月18日晚，在艺苑楼302党员活动室，舞蹈系党支部召开了党员大会。"], "艺苑楼302党员活动室"),
        (["支部书记带领党员前往洛陽市人民防空宣傳教育館,開展主題黨日活動。"], "洛阳市人民防空宣传教育馆"),
        (["2021323日上午830时，退休第三支部在退管会108教室召开组织生活会。"], "退管会108教室"),
        (["老党员提前来到会场，参加主题党日。"], None),  # the venue not named
        (["在全体党员的共同努力下，支部各项工作有序开展。"], None),
    ],
)
def test_place(texts: list[str], want: str | None) -> None:
    found = place(lines_of(*texts))
    assert (found.value if found else None) == want


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (["第一党支部召开主题党日暨支部党员大会"], "主题党日"),
        # joined with a theme day, a members' meeting is the kind only when it does a members' meeting's
        # business (a vote, an admission); else the month's theme day is the occasion
        (
            ["第三党支部在生物楼召开了党员大会暨“科技自强”主题党日活动", "会议表决接收张三为预备党员。"],
            "支部党员大会",
        ),
        (["第三党支部在生物楼召开了党员大会暨“科技自强”主题党日活动"], "主题党日"),
        (["机关党支部党员大会暨9月份主题党日活动", "全体党员重温入党誓词。"], "主题党日"),
        # a title listing both kinds, however joined
        (["机关党支部支部党员大会、主题党日活动记录（2024年5月）"], "主题党日"),
        (["第二党支部2023年4月主题党日（支部党员大会）会议记录"], "主题党日"),
        (["第二党支部党员大会和主题党日记录", "大会投票选举支部委员。"], "支部党员大会"),
        (["第二党支部主题党日、党员大会记录", "大会投票选举支部委员。"], "主题党日"),  # named first
        (["“主题党日+支部党员大会”会议纪要"], "主题党日"),
        (["支委会研究了主题党日和党员大会的安排。"], "支委会"),
        (["外科总支部委员会党员大会在18楼学术报告厅召开。"], "支部党员大会"),
        (["我院党总支于3月10日召开了总支委员扩大会议。"], "支委会"),
        (["我院党支部召开换届选举工作大会，全院58名党员参加。"], "支部党员大会"),
        (["第三党支部顺利完成支部委员会换届选举", "3月5日，支部召开党员大会进行选举。"], "支部党员大会"),
        (["局第四党支部开展“开放式党日”活动"], "主题党日"),
        (["县政协机关党支部召开了工作安排部署会议，全体支部委员参加。"], "支委会"),
        (["7月2日，机电系党支部开展了“党员政治生日”专题活动，全体党员重温入党誓词。"], "主题党日"),
        (["幼儿园举办庆七一红色诗歌朗诵会。"], None),
    ],
)
def test_kind(texts: list[str], want: str | None) -> None:
    found = kind(lines_of(*texts))
    assert (found.value if found else None) == want


def test_an_edition_after_the_title_is_studied_and_matches_the_plan() -> None:
    record = meeting("会议中，李光振带领全体党员学习了《中国共产党党内法规执行责任制规定》(试行)。")
    assert [i.leader for i in record.study] == ["李光振"]
    assert material_matches("《中国共产党党内法规执行责任制规定（试行）》", record.study[0].material)


def test_the_person_explaining_after_the_material_leads_the_study() -> None:
    record = meeting("全体党员集中学习了《中国共产党章程》第三章，宣传委员张明同志进行了解读。")
    assert [(i.leader, i.material) for i in record.study] == [("张明", "《中国共产党章程》")]


def test_two_leaders_in_one_sentence() -> None:
    both = [("李光振", "《中国共产党章程》"), ("张明", "《中国共产党廉洁自律准则》")]
    joined = meeting("李光振同志和张明同志分别领学了《中国共产党章程》和《中国共产党廉洁自律准则》。")
    after = meeting(
        "李光振同志领学《中国共产党章程》后，张明同志又带领大家学习了《中国共产党廉洁自律准则》。"
    )
    assert [(i.leader, i.material) for i in joined.study] == both
    assert [(i.leader, i.material) for i in after.study] == both


def test_a_nickname_by_surname_resolves_to_the_one_named_after_a_title() -> None:
    text = "研究员聂广田在所里干了三十四年，大家都叫他“老聂”。这次由老聂领学《中华人民共和国种子法》第二章。"
    assert [i.leader for i in meeting(text, roster=[]).study] == ["聂广田"]


def test_two_leaders_each_in_their_own_sitting() -> None:
    text = "学习环节，庄国樑、施文澍分别在两批领学《中华人民共和国安全生产法》第三章。"
    assert {i.leader for i in meeting(text, roster=[]).study} == {"庄国梁", "施文澍"}


def test_a_place_in_traditional_script_is_kept_in_simplified_script() -> None:
    found = place(lines_of("3月5日，支部全体黨員齊聚門診樓五樓會議室，開展主題黨日活動。"))
    assert found is not None and found.value == "门诊楼五楼会议室"
    assert "門診樓" in found.evidence[0].text  # the evidence quotes the original


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        ("在组织委员张明同志的带领下，全体党员逐章学习了《中国共产党章程》。", "张明"),
        ("宣传委员张明同志为大家逐条领学《中国共产党章程》。", "张明"),
        ("随后，王芳同志对《中国共产党章程》进行了领学。", "王芳"),
        ("组织委员张明同志给全体党员详细讲解了《中国共产党章程》。", "张明"),
    ],
)
def test_leaders_written_around_the_verb(text: str, leader: str) -> None:
    assert [(i.leader, i.material) for i in meeting(text).study] == [(leader, "《中国共产党章程》")]


def test_the_oath_under_someone_is_no_study() -> None:
    record = meeting("在支部书记李光振的带领下，全体党员重温入党誓词。")
    assert record.study == [] and record.oath_leader is not None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("会议地点：党员活动室　主持人：李光振", "党员活动室"),
        ("本次会议地点设在行政楼二楼会议室。", "行政楼二楼会议室"),
        ("时间：3月5日，地点：村委会会议室。", "村委会会议室"),
        ("5月8日，全体党员在社区居委会召开主题党日。", "社区居委会"),
        ("本次主题党日会场设在县档案馆三楼报告厅。", "县档案馆三楼报告厅"),
    ],
)
def test_place_labels_in_sentences_and_form_lines(text: str, want: str) -> None:
    found = place(lines_of(text))
    assert found is not None and found.value == want


@pytest.mark.parametrize(
    "text",
    [
        "机关第一党支部的党员们于2023-05-14来到三楼党员活动室，开展主题党日。",
        "支部于2023/5/14在三楼党员活动室开展主题党日。",
        "支部于23.5.14在三楼党员活动室开展主题党日。",
    ],
)
def test_a_date_written_with_dashes_slashes_or_dots_is_no_part_of_the_place(text: str) -> None:
    found = meeting(text).place
    assert found is not None and found.value == "三楼党员活动室"


@pytest.mark.parametrize(
    "text",
    [
        "支部书记龚立新给大家讲了《中国共产党纪律处分条例》第三章。",
        "学习环节，龚立新讲了《中国共产党纪律处分条例》修订的背景。",
        "龚立新逐段读了《中国共产党纪律处分条例》，边读边讲。",
    ],
)
def test_explaining_a_material_to_the_others_or_reading_it_through_leads_the_study(text: str) -> None:
    items = meeting(text, roster=[]).study
    assert [(s.leader, s.material) for s in items] == [("龚立新", "《中国共产党纪律处分条例》")]


def test_reading_a_text_to_the_others_is_not_leading_a_study() -> None:
    # 给大家读了一篇短文 (an annotator's line: reading a piece aloud is not 领学)
    items = meeting("龚立新给大家读了《论党的自我革命》里的一篇短文。", roster=[]).study
    assert all(s.leader is None for s in items)


def test_a_pronoun_leads_the_study_named_in_the_sentence_before() -> None:
    for texts in (
        ("党课中，王建华结合学校工作讲了三点要求。他还带领大家学习了《中小学教师职业道德规范》。",),
        ("王建华结合学校工作讲了三点要求，他还带领大家学习了《中小学教师职业道德规范》。",),
    ):
        assert [i.leader for i in meeting(*texts, roster=[]).study] == ["王建华"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "全体党员学习了《中国共产党基层组织选举工作条例》有关条款。",
            ["《中国共产党基层组织选举工作条例》"],
        ),
        ("全体党员学习了《第三党支部换届选举办法》。", []),  # the meeting's own procedure, voted on
    ],
)
def test_a_rule_book_on_elections_is_studied_an_election_procedure_is_not(text: str, want: list[str]) -> None:
    assert [i.material for i in meeting("会议由书记罗振宇主持。", text, roster=[]).study] == want


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        ("没来的同志请到村部找上官小燕领学习资料。", []),  # 领 + 学习资料: collecting the papers
        ("张明领学习近平新时代中国特色社会主义思想。", ["张明"]),
        ("张明领学习总书记重要讲话精神。", ["张明"]),
    ],
)
def test_collecting_study_papers_is_no_lead(text: str, leaders: list[str]) -> None:
    assert [i.leader for i in meeting("主题党日。", text, roster=[]).study] == leaders


def _study(*texts: str) -> list[tuple[str | None, str]]:
    return [(i.leader, i.material) for i in meeting(*texts, roster=[]).study]


def test_a_film_watched_together_is_studied_and_one_watched_in_passing_is_not() -> None:
    assert _study("全体党员集中收看了专题片《零容忍》第一集。") == [(None, "《零容忍》")]
    assert _study("活动依次是升国旗、合唱红歌、观看纪录片《榜样3》、义务劳动。") == []


def test_each_part_of_a_material_led_by_its_own_leader() -> None:
    text = "本月学习《纲要》，分两部分进行：第一部分由张明领学，重点讲要义；第二部分由王芳领学，她谈了体会。"
    assert _study(text) == [("张明", "《纲要》"), ("王芳", "《纲要》")]
    # a clause after the ; with its own object is no part of the material before it
    assert ("王芳", "《党章》") not in _study("大家学习了《党章》；王芳随后带领大家学习了有关规定。")


def test_the_leader_told_after_de_shi() -> None:
    text = "领读《政府工作报告》中教育部分的，是语文组教研组长、党员申屠慧同志。"
    assert _study(text) == [("申屠慧", "《政府工作报告》")]


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        ("第二项，组织委员隋景川带着大家逐段读了新修订的《中华人民共和国畜牧法》中的条款。", "隋景川"),
        ("2）德育教研组长、教工党员麦嘉欣领学《关于深化现代职业教育体系建设改革的意见》。", "麦嘉欣"),
    ],
)
def test_study_leaders_of_session_22(text: str, leader: str) -> None:
    assert [i.leader for i in meeting(text, roster=[]).study] == [leader]


def test_a_letterhead_names_the_organisation_not_the_meeting() -> None:
    record = meeting(
        "中共桑园镇后柳庄村支部委员会", "党 员 大 会 记 录", "会议时间：2021年9月7日上午", roster=[]
    )
    assert record.kind is not None and record.kind.value == "支部党员大会"


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "党员分早、中两个班开了两场会。两场都由书记何广田主持，何广田两场都领学了《煤矿安全规程》的顶板管理条文。",
            ["何广田"],
        ),
        (
            "数学组的阮秋实老师领学《中国共产党章程》；德育处副主任邵晴川接棒，领学《中华人民共和国未成年人保护法》。",
            ["阮秋实", "邵晴川"],
        ),
        ("高三历史备课组长、党员温书言领学《中华人民共和国爱国主义教育法》。", ["温书言"]),  # no 史备课
        ("活动中，预备党员米日古丽·阿不都领学《中国共产党章程》。", ["米日古丽·阿不都"]),  # 都 ends her name
    ],
)
def test_study_leaders_after_adverbs_relays_and_teachers_titles(text: str, leaders: list[str]) -> None:
    assert sorted({s.leader for s in meeting(text, roster=[]).study if s.leader}) == sorted(leaders)


def test_a_posts_column_tag_names_no_kind_before_its_title() -> None:
    text = "【春日党课堂】某县实验小学党支部三月主题党日活动掠影\n本月主题党日活动由支部书记甘沛宁主持。"
    record = meeting(text, roster=[])
    assert record.kind is not None and record.kind.value == "主题党日"
    lecture = meeting("【党课】支部书记讲专题党课\n时间：2024年1月5日", roster=[])
    assert lecture.kind is not None and lecture.kind.value == "党课"  # the tag alone still names it


def test_a_leader_with_a_rare_surname_opening_the_sentence() -> None:
    record = meeting("2. 羊德旺领学《中国共产党章程》，他念一段，老党员用海南话再讲一遍。", roster=[])
    assert [(i.leader, i.material) for i in record.study] == [("羊德旺", "《中国共产党章程》")]
    oath = meeting("云海燕领誓，全体党员重温入党誓词。", roster=[])
    assert oath.oath_leader is not None and oath.oath_leader.value == "云海燕"
    manchu = meeting("一、组织委员那振海领誓，大伙儿对着党旗重温入党誓词。", roster=[])
    assert manchu.oath_leader is not None and manchu.oath_leader.value == "那振海"


def test_a_leader_taking_everyone_through_a_material_with_ba() -> None:
    record = meeting(
        "接下来，党支部书记黎崇文带着大家把《中国共产党简史》第一章读了一遍，边读边讲。", roster=[]
    )
    assert [(i.leader, i.material) for i in record.study] == [("黎崇文", "《中国共产党简史》")]


def _studied(record_text: str) -> list[tuple[str | None, str]]:
    return [(i.leader, i.material) for i in meeting(record_text, roster=[]).study]


@pytest.mark.parametrize(
    "text",
    [
        "一、学习《中国共产党第二十届中央委员会第三次全体会议公报》。韩立群领学公报全文。",
        "一、学习《中国共产党纪律处分条例》，由纪检委员韩立群领学第六章。",
        "二、学习《中华人民共和国乡村振兴促进法》。韩立群领学了该法“产业发展”一章。",
    ],
)
def test_a_title_takes_the_leader_of_the_part_of_it_led_next(text: str) -> None:
    titled = [leader for leader, material in _studied(text) if material.startswith("《")]
    assert titled == ["韩立群"]


def test_a_title_studied_at_another_meeting_is_no_study_of_this_one() -> None:
    text = "韩立群带大家学习了《中国共产党章程》第一章。韩立群说下次党小组会学习《中国共产党农村基层组织工作条例》。上月学习《中国共产党廉洁自律准则》的学习笔记已上交。"
    assert _studied(text) == [("韩立群", "《中国共产党章程》")]


@pytest.mark.parametrize(
    "text",
    [
        "领学:邵雯芳 学《公安机关人民警察纪律条令》第二章",  # the space before 学 dropped by normalising
        "领学：邵雯芳领学《公安机关人民警察纪律条令》第二章",
    ],
)
def test_a_leader_label_whose_value_runs_into_the_material(text: str) -> None:
    assert [(i.leader, i.material) for i in meeting(text, roster=[]).study] == [
        ("邵雯芳", "《公安机关人民警察纪律条令》")
    ]


@pytest.mark.parametrize(
    ("lines", "leaders"),
    [
        # the material first, then by whom it was explained point by point
        (["《十项准则》则由副书记廖志群逐条解读，她结合案例作了提醒。"], ["廖志群"]),
        # an item's heading names the material, the next sentence who led it
        (
            ["（二）学习《习近平关于加强党的作风建设论述摘编》。", "支部宣传委员景佩兰作导学，她从讲起。"],
            ["景佩兰"],
        ),
        (["大家学习了《党章》。", "宣传委员景佩兰作导学，她从讲起。"], ["景佩兰"]),
        # explaining something tied to the study is no leading of it by that something
        (["教导员甘永利领学《条例》第六章，结合发现的苗头逐条讲解。"], ["甘永利"]),
    ],
)
def test_a_leader_told_beside_the_material(lines: list[str], leaders: list[str]) -> None:
    assert [i.leader for i in meeting(*lines, roster=[]).study] == leaders


def test_one_label_for_leaders_and_materials_each_after_a_dash() -> None:
    """领学人及学习内容:甲——《…》…;乙、丙——《…》…: each leader with the material after the dash."""
    record = meeting(
        "领学人及学习内容：宓婉清——《党的二十大报告辅导读本》第一部分；司空毅、戈静怡——《中国共产党章程》总纲",
        roster=[],
    )
    assert [(i.leader, i.material) for i in record.study] == [
        ("宓婉清", "《党的二十大报告辅导读本》"),
        ("司空毅", "《中国共产党章程》"),
        ("戈静怡", "《中国共产党章程》"),
    ]


@pytest.mark.parametrize("together", ["四人轮流", "4名党员轮流", "四位同志依次"])
def test_several_leaders_counted_then_how_they_led(together: str) -> None:
    """甲、乙、丙、丁四人轮流领学《…》: every one of them led it."""
    text = f"大三党员雍嘉言、邓子萱、毛可欣、冯北辰{together}领学《中国共产党章程》，每人一个专题。"
    leaders = [i.leader for i in meeting(text, roster=[]).study]
    assert leaders == ["雍嘉言", "邓子萱", "毛可欣", "冯北辰"]


@pytest.mark.parametrize("who", ["臧若愚", "臧若愚、邝一帆、郜诗雨"])
def test_how_the_material_was_parted_is_no_leader(who: str) -> None:
    """甲(、乙、丙)按章节(轮流)领学《…》: 章节 is how, not who."""
    text = f"党员{who}按章节轮流领学《中国共产党简史》第一章至第三章。"
    assert [i.leader for i in meeting(text, roster=[]).study] == who.split("、")


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        ("党小组长韦叔明把大家召集起来，先领学了《中华人民共和国电力法》第三章。", "韦叔明"),
        ("支部书记王立明走到台前，领学了《中国共产党章程》。", "王立明"),
        ("组织委员带领大家学习，领学了《中国共产党章程》。", None),  # a title, no name
        ("随后，副书记郭骏宇用普通话和维吾尔语，领学了《中国共产党章程》。", "郭骏宇"),
        ("学习环节，退休教师、党员苗凤仪用普通话诵读了《习近平著作选读》第一卷的有关篇目。", "苗凤仪"),
        ("全体党员用普通话诵读了《中国共产党章程》。", None),
        ("干立群领学《中华人民共和国森林法》第四章。", "干立群"),  # 干, a surname (not 干部)
        ("干部们领学了《中国共产党章程》。", None),
    ],
)
def test_the_leader_is_the_name_after_a_title_opening_the_clause_before(
    text: str, leader: str | None
) -> None:
    assert [i.leader for i in meeting(text, roster=[]).study] == [leader]


def studied(text: str) -> list[tuple[str | None, str]]:
    return [(s.leader, s.material) for s in meeting(text, roster=[]).study]


def test_a_material_all_read_together_is_a_study_no_one_led() -> None:
    assert studied("二、学习。全体党员一起学了《中国共产党章程》，学完对照看看。") == [
        (None, "《中国共产党章程》")
    ]
    assert studied("大伙儿又一块儿读了《中国共产党农村基层组织工作条例》第五章。") == [
        (None, "《中国共产党农村基层组织工作条例》")
    ]
    # (read to the others by one, or led by one: no study without a leader)
    assert studied("二、副支书冉秋池给大家念了念《中华人民共和国乡村振兴促进法》里的几条。") == []
    assert studied("先是冉秋池带我们学了《中国共产党章程》的总纲部分。") == []


def test_a_leader_who_leads_the_others_in_reading() -> None:
    assert studied("党课结束后，冉秋池领大家读《中国共产党简史》，读的是改革开放那一章。") == [
        ("冉秋池", "《中国共产党简史》")
    ]


def test_leaders_of_an_everyday_surname_or_with_a_post_after_the_name() -> None:
    assert studied("二、组织委员楼丽君领学《中华人民共和国安全生产法》第二章。") == [
        ("楼丽君", "《中华人民共和国安全生产法》")
    ]
    assert studied("宋听澜股长领学《中国共产党政法工作条例》，重点讲了请示报告制度。") == [
        ("宋听澜", "《中国共产党政法工作条例》")
    ]


def test_study_leaders_before_a_campaigns_name_a_post_list_and_a_rare_surname() -> None:
    assert studied("随后，冉秋池结合党纪学习教育领学《中国共产党纪律处分条例》。") == [
        ("冉秋池", "《中国共产党纪律处分条例》")
    ]
    assert studied("2. 工段长、党员冉秋池领学《中华人民共和国安全生产法》第三章。") == [
        ("冉秋池", "《中华人民共和国安全生产法》")
    ]
    assert studied("二、副书记经亦楠领学《中华人民共和国中医药法》第二章。") == [
        ("经亦楠", "《中华人民共和国中医药法》")
    ]
    # (经 opening a word is no surname: 经批准请假)
    assert read_away_names("应到28名，实到25名，另有3名党员在乡镇开展核查，经批准请假。") == []


def read_away_names(text: str) -> list[str | None]:
    return [a.name for a in meeting(text, roster=[]).absentees]


def test_the_leader_of_a_chapter_leads_the_material_named_just_before() -> None:
    text = "2.学习《中华人民共和国未成年人保护法》（2020年修订）。宣传委员冉秋池领学总则和“家庭保护”一章。"
    assert studied(text)[0] == ("冉秋池", "《中华人民共和国未成年人保护法》（2020年修订）")


def test_who_presided_and_led_the_study_in_one_breath() -> None:
    assert studied("党小组长冉秋池主持并领学《不动产登记暂行条例》第三章。") == [
        ("冉秋池", "《不动产登记暂行条例》")
    ]


def test_a_unit_ordinal_and_a_school_choir_name_no_study_leader() -> None:
    text = "自来水公司第一党支部宣传委员、水质检测中心主任欧阳澹宁领学《中华人民共和国水法》第一章。"
    assert studied(text) == [("欧阳澹宁", "《中华人民共和国水法》")]
    assert studied("（另：党员教师宋听澜当天带学校合唱队在市青少年宫比决赛，已向支部请假。）") == []


def test_a_film_all_watched_together_is_a_study_no_one_led() -> None:
    assert studied("（三）全体党员一起看了《持续发力 纵深推进》第三集。") == [(None, "《持续发力纵深推进》")]


def test_one_reads_the_material_out_and_another_explains_it_both_lead() -> None:
    read_out = "党员冉秋池朗读《中国共产党党员教育管理工作条例》第四章，宋听澜边读边讲。"
    assert sorted(studied(read_out)) == [
        ("冉秋池", "《中国共产党党员教育管理工作条例》"),
        ("宋听澜", "《中国共产党党员教育管理工作条例》"),
    ]
    led = "党员冉秋池领学《中国共产党章程》，结合全县国土绿化任务作了讲解。"
    assert studied(led) == [("冉秋池", "《中国共产党章程》")]


def test_an_adverb_before_the_verb_is_no_leader() -> None:
    text = "蒙德昭简要导学后，大家集体观看《百炼成钢：中国共产党的100年》第十九集。"
    assert [leader for leader, _ in studied(text)] == ["蒙德昭"]


def test_a_member_sharing_a_material_named_after_the_verb_leads_it() -> None:
    text = "四、冉秋池同志作分享学习，分享的内容是《中国共产党党员教育管理工作条例》（第1-3章）。"
    assert studied(text) == [("冉秋池", "《中国共产党党员教育管理工作条例》")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # reading it to the others while explaining it leads the study (reading a piece aloud alone does not)
        ("然后冉秋池给大家读了《中国共产党章程》，一边读一边讲。", [("冉秋池", "《中国共产党章程》")]),
        (
            "这次学习，书记冉秋池同志选了《中国共产党章程》第三章，带着大家逐段读了一遍。",
            [("冉秋池", "《中国共产党章程》")],
        ),
        (
            "站长、一级消防长冉秋池两批均领学《中华人民共和国消防救援衔条例》。",
            [("冉秋池", "《中华人民共和国消防救援衔条例》")],
        ),
        (
            "先由组长冉秋池带学，学的是党的二十大报告第八部分，她念一段大家议一段。",
            [("冉秋池", "党的二十大报告第八部分")],
        ),
        ("宣传委员冉秋池同志结合身边案例领学《中国共产党章程》第一章。", [("冉秋池", "《中国共产党章程》")]),
        ("俺们先跟着冉秋池学了《中国共产党章程》第一章，后来又议了议。", [("冉秋池", "《中国共产党章程》")]),
        # 组织关系 in a bracket after the name is no 组织…学 (the verb is 领学)
        (
            "第二项，驻村第一书记冉秋池（组织关系已转入本支部）领学《中国共产党章程》中两部分。",
            [("冉秋池", "《中国共产党章程》")],
        ),
    ],
)
def test_more_ways_of_leading_a_study(text: str, want: list[tuple[str, str]]) -> None:
    assert studied(text) == want


def test_the_leader_told_right_after_the_word_of_leading_is_no_material() -> None:
    # 领学X同志: a label without its colon, not X studied (and 学习篇目 names nobody 习篇目)
    text = (
        "学习篇目《中国共产党章程》第一章，领学宋听澜同志，形式为原文通读；"
        "学习篇目《中国共产党党员教育管理工作条例》第一章，领学冉秋池同志，形式为重点精读。"
    )
    assert [(s.leader, s.material) for s in meeting(text, roster=["冉秋池", "宋听澜", "周岚"]).study] == [
        ("宋听澜", "《中国共产党章程》"),
        ("冉秋池", "《中国共产党党员教育管理工作条例》"),
    ]


@pytest.mark.parametrize(
    "texts",
    [
        ("会议安排学习《中国共产党章程》相关内容。组织委员冉秋池同志就这部分内容的核心要义作了讲解。",),
        ("会议安排学习《中国共产党章程》相关内容。", "组织委员冉秋池同志就上述内容作了解读。"),
    ],
)
def test_explaining_what_the_sentence_before_studied_leads_it(texts: tuple[str, ...]) -> None:
    assert [(s.leader, s.material) for s in meeting(*texts, roster=[]).study] == [
        ("冉秋池", "《中国共产党章程》")
    ]


def test_a_study_said_in_passing_before_an_explanation_is_not_led() -> None:
    record = meeting("书记要求大家会后学习《中国共产党章程》。冉秋池同志就上述内容作了解读。", roster=[])
    assert all(s.leader is None for s in record.study)


def test_a_bare_lead_a_few_lines_after_the_material_in_one_paragraph_leads_it() -> None:
    lines = lines_of(
        "宋听澜同志领学：《中国共产党简史》第一章。\n学习篇目为《中国共产党章程》。\n"
        "党员们会前已自学原文，会上围绕重点段落展开讨论。\n整个学习环节由冉秋池同志领学。"
    )
    record = extract_meeting(
        lines,
        ["冉秋池", "宋听澜"],
        default_date=dt.date(2022, 12, 23),
        plan_items=[],
        source_files=["minutes.docx"],
    )
    assert [(s.leader, s.material) for s in record.study] == [
        ("宋听澜", "《中国共产党简史》"),
        ("冉秋池", "《中国共产党章程》"),
    ]


def test_a_leader_label_pairs_with_the_material_row_right_after_it() -> None:
    lines = lines_of(
        "会议内容：\n书记周岚同志在会上传达了《中国共产党章程》。\n"
        "学习内容：《关于新形势下党内政治生活的若干准则》（第1-3章），领学人：纪检委员宋听澜。\n"
        "领学负责人：县自然资源局冉秋池同志。\n学习内容：《中国共产党纪律处分条例》（第1-3章）。\n会上收缴了本月党费。"
    )
    record = extract_meeting(
        lines,
        ["冉秋池", "宋听澜", "周岚"],
        default_date=dt.date(2022, 12, 23),
        plan_items=[],
        source_files=["m.docx"],
    )
    assert [(s.leader, s.material) for s in record.study] == [
        (None, "《中国共产党章程》"),
        ("宋听澜", "《关于新形势下党内政治生活的若干准则》"),
        ("冉秋池", "《中国共产党纪律处分条例》"),
    ]


def test_a_paper_conveyed_and_explained_to_the_members_is_a_material_no_one_led() -> None:
    record = meeting(
        "宣传委员冉秋池同志就《中国共产党党员教育管理工作条例》的精神作了传达宣贯。",
        "宋听澜同志领着大家学习《中国共产党章程》第一章。",
        roster=["冉秋池", "宋听澜"],
    )
    assert [(s.leader, s.material) for s in record.study] == [
        (None, "《中国共产党党员教育管理工作条例》"),
        ("宋听澜", "《中国共产党章程》"),
    ]
