import pytest
from fields_helpers import meeting

from extractors.fields.people import (
    PersonFinder,
    cut_short_of,
    first_part_of,
    guess_name,
    nicknames_named,
    stops_as_dots,
    strip_titles,
    whole_of,
)


@pytest.mark.parametrize(
    ("chunk", "name"),
    [
        ("支部书记李光振同志", "李光振"),
        ("张莹支部书记", "张莹"),
        ("宣传委员张明", "张明"),
        ("于洋同志", "于洋"),
    ],
)
def test_strip_titles(chunk: str, name: str) -> None:
    assert strip_titles(chunk) == name


@pytest.mark.parametrize(
    ("chunk", "name"), [("会议李光振", "李光振"), ("本次于洋", "于洋"), ("欧阳娜娜", "欧阳娜娜")]
)
def test_guess_name_anchors_on_surname(chunk: str, name: str) -> None:
    assert guess_name(chunk) == name


@pytest.mark.parametrize("chunk", ["全体党员", "大家", "会议"])
def test_guess_name_refuses_non_names(chunk: str) -> None:
    assert guess_name(chunk) is None


@pytest.mark.parametrize(
    ("chunk", "name"), [("学习篇目", None), ("结合身边案例", None), ("宣传委员边晓军", "边晓军")]
)
def test_no_name_opens_inside_a_word_that_ends_in_a_surname(chunk: str, name: str | None) -> None:
    # 学习 and 身边 end in a surname (习, 边): 习篇目 and 边案例 are no names; 边 opening a name still is one
    assert guess_name(chunk) == name


def test_roster_names_found_with_spacy() -> None:
    finder = PersonFinder(["李光振", "于洋"])
    hits = finder.find("会议由于洋同志主持，李光振发言")
    assert [(h.name, h.on_roster) for h in hits] == [("于洋", True), ("李光振", True)]


def test_names_in_list() -> None:
    finder = PersonFinder(["赵六", "孙七"])
    assert finder.names_in_list("赵六、孙七、周八") == ["赵六", "孙七", "周八"]


@pytest.mark.parametrize(
    ("chunk", "want"),
    [
        ("聂万和", "聂万和"),
        ("老党员聂万和", "聂万和"),
        ("支部书记李光振和", "李光振"),
        ("由张明和", "张明和"),
    ],
)
def test_a_given_name_ending_in_he_keeps_it(chunk: str, want: str) -> None:
    hit = PersonFinder([]).resolve(chunk)
    assert hit is not None and hit.name == want


def test_an_oath_led_by_a_name_ending_in_he() -> None:
    record = meeting("面对党旗，有着52年党龄的老党员聂万和领誓，大家重温入党誓词。", roster=[])
    assert record.oath_leader is not None and record.oath_leader.value == "聂万和"


@pytest.mark.parametrize(
    ("chunk", "name"),
    [
        ("组长朝鲁门", "朝鲁门"),  # not 鲁门: 鲁 is a surname inside a Mongolian name
        ("宝力道", "宝力道"),  # one part of three characters, alone
        ("那仁满都拉", "那仁满都拉"),
        ("格桑曲杰", "格桑曲杰"),
        ("阿不都沙拉木", "阿不都沙拉木"),  # Uyghur without the middle dot
        ("玉山江", "玉山江"),
        ("努尔兰", "努尔兰"),
        ("村委委员岩三", "岩三"),  # Dai
        ("波岩坎", "波岩坎"),
        ("扎西赤烈", "扎西赤烈"),
        ("曲宗", "曲宗"),
    ],
)
def test_names_of_the_minority_regions(chunk: str, name: str) -> None:
    assert guess_name(chunk) == name


@pytest.mark.parametrize(
    ("chunk", "name"),
    [
        ("主任洛桑赤来", "洛桑赤来"),  # not 桑赤来: 桑 is a surname inside a Tibetan name
        ("嘎查党支部书记朝伦巴雅斯古朗", "朝伦巴雅斯古朗"),  # not 古朗
        ("副校长艾克拜尔吐尔逊", "艾克拜尔吐尔逊"),  # no surname reads it at all
        ("和王明", "王明"),  # 和 (and) opens no transcribed name
        ("党员马丽娜", "马丽娜"),
    ],
)
def test_a_transcribed_name_written_without_its_dot_is_read_whole(chunk: str, name: str) -> None:
    assert guess_name(chunk) == name


@pytest.mark.parametrize("chunk", ["玉米", "岩石"])
def test_words_that_look_like_dai_names_are_none(chunk: str) -> None:
    assert guess_name(chunk) is None


@pytest.mark.parametrize("chunk", ["纪要", "连班"])
def test_a_records_and_a_shifts_words_opening_with_a_surname_are_no_names(chunk: str) -> None:
    assert guess_name(chunk) is None


def test_a_compound_surname_and_a_title_refer_to_the_name_written_in_full() -> None:
    from extractors.fields.people import full_name

    texts = ("主持:支部书记司徒婉清", "宣传委员司明")
    assert full_name("司徒书记", texts, ()) == "司徒婉清"
    assert full_name("司委员", texts, ()) == "司明"
    assert full_name("欧阳书记", (), ("欧阳丽华", "欧立")) == "欧阳丽华"
    record = meeting("主持：支部书记 司徒婉清。", "重温入党誓词（领誓：司徒书记）。", roster=[])
    assert record.oath_leader is not None and record.oath_leader.value == "司徒婉清"


@pytest.mark.parametrize(
    ("chunk", "name"),
    [
        ("场长乌力吉巴雅尔", "乌力吉巴雅尔"),  # a Mongolian name of parts after a title, not 巴雅尔
        ("选调生孟和巴雅尔", "孟和巴雅尔"),
        ("支部书记、辅导员尉文杰", "尉文杰"),  # 尉, a surname
        ("汽车工程系主任晁镇岳", "晁镇岳"),  # 镇 inside a given name
        ("宣传委员萨仁格日乐", "萨仁格日乐"),
    ],
)
def test_names_after_titles_read_whole(chunk: str, name: str) -> None:
    hit = PersonFinder([]).resolve(chunk)
    assert hit is not None and hit.name == name


def test_the_tail_of_a_dotted_name_is_no_name_by_itself() -> None:
    assert guess_name("▲热依拉·艾合买提") != "艾合买提"


@pytest.mark.parametrize(
    ("text", "name"), [("房振中", "房振中"), ("王建中", "王建中"), ("学习中", None), ("高中", None)]
)
def test_given_names_ending_in_zhong(text: str, name: str | None) -> None:
    assert guess_name(text) == name


@pytest.mark.parametrize(
    ("chunk", "name"),
    [
        ("云海燕", "云海燕"),
        ("刀正华", "刀正华"),
        ("羊德旺", "羊德旺"),
        ("云南省", None),
        ("是王芳", "王芳"),
        ("佴可心", "佴可心"),  # a surname of the Hundred Families few lists hold
    ],
)
def test_a_rare_surname_that_opens_no_everyday_word_makes_a_whole_chunk_a_name(
    chunk: str, name: str | None
) -> None:
    assert guess_name(chunk) == name


@pytest.mark.parametrize(
    ("name", "names", "want"),
    [
        ("热孜万古丽", ["热孜万古丽·艾买提", "热孜万古丽"], "热孜万古丽·艾买提"),
        ("努尔兰", ["努尔兰-哈布都拉"], "努尔兰-哈布都拉"),
        ("艾克拜尔", ["艾克拜尔吐尔逊"], "艾克拜尔吐尔逊"),  # a first part, the whole written without its dot
        ("王明", ["王明华"], "王明"),  # a Han name is no part of a longer one
        ("达瓦", ["达瓦央宗"], "达瓦"),  # two characters without a dot: a whole name of its own
        ("买买提", ["努尔买买提·依明"], "买买提"),  # words inside another name
        ("阿依努尔", ["阿依努尔·热合曼", "阿依努尔·买买提"], "阿依努尔"),  # two people of that first part
    ],
)
def test_a_person_called_by_the_first_part_of_a_transcribed_name(
    name: str, names: list[str], want: str
) -> None:
    assert whole_of(name, names) == want


def test_the_study_led_by_the_first_part_of_the_presider_s_name_is_led_by_the_presider() -> None:
    record = meeting(
        "主持人：党支部书记、副校长艾克拜尔吐尔逊", "一、艾克拜尔领学《中国共产党章程》。", roster=[]
    )
    assert [s.leader for s in record.study] == ["艾克拜尔吐尔逊"]


@pytest.mark.parametrize(
    ("norm", "want"),
    [
        ("请假人:阿依姆尼萨。吐尔地(住院)", "请假人:阿依姆尼萨·吐尔地(住院)"),
        ("主持人:村党支部书记艾则孜。麦麦提", "主持人:村党支部书记艾则孜·麦麦提"),
        ("屋里坐不下。才让东智主持。", "屋里坐不下。才让东智主持。"),  # two sentences
        (
            "主持人:扎西。次仁领学《党章》。",
            "主持人:扎西。次仁领学《党章》。",
        ),  # a name opening the next sentence
    ],
)
def test_a_full_stop_typed_for_a_transcribed_name_s_dot(norm: str, want: str) -> None:
    assert stops_as_dots(norm) == want


def test_a_list_of_absentees_whose_dots_were_typed_as_full_stops() -> None:
    record = meeting(
        "应到党员24人，实到22人，请假2人。",
        "请假人：阿依姆尼萨。吐尔地（在乡卫生院住院待产）、买合木提。阿不来提（在县核桃加工厂上班倒班）",
        roster=[],
    )
    assert [a.name for a in record.absentees] == ["阿依姆尼萨·吐尔地", "买合木提·阿不来提"]


def test_a_study_led_by_the_first_part_of_a_name_written_in_full_elsewhere() -> None:
    record = meeting(
        "主持人：支行行长、党支部书记 别尔克 阿斯力别克",
        "2.别尔克领学《中国共产党纪律处分条例》第六章。",
        roster=[],
    )
    assert [s.leader for s in record.study] == ["别尔克阿斯力别克"]


@pytest.mark.parametrize(
    ("chunk", "texts"),
    [
        ("别尔克", ["别尔克领学《党章》"]),
        ("王明", ["主持人:王明华"]),
        ("古丽", ["古丽娜尔·沙依兰", "古丽巴哈尔·艾力"]),
    ],
)
def test_no_name_in_full_for_a_first_part_written_alone_or_shared(chunk: str, texts: list[str]) -> None:
    assert first_part_of(chunk, texts) is None


@pytest.mark.parametrize(
    ("chunk", "name"),
    [
        ("支部书记衣明哲", "衣明哲"),
        ("院长原海川", "原海川"),
        ("党员占立秋", "占立秋"),
        ("组织委员盘小玲", "盘小玲"),
        ("宣传委员展春娥", "展春娥"),
    ],
)
def test_everyday_characters_that_are_surnames_name_after_a_title(chunk: str, name: str) -> None:
    assert guess_name(chunk) == name
    assert guess_name(name) != name  # by themselves, never guessed from running text


@pytest.mark.parametrize(
    "name",
    ["漆雅文", "綦丽萍", "汝嘉敏", "喇文忠", "俸月娥", "贠海军", "闾晓岑", "杞文涛", "侍立群", "卯国良"],
)
def test_regional_surnames_anchor_a_name_in_running_text(name: str) -> None:
    assert guess_name(name) == name


def test_a_name_read_without_its_last_character_is_the_longer_name_another_role_holds() -> None:
    texts = ["主持:支部书记 甄耀宗", "一、甄耀宗领学《中国共产党章程》。"]
    assert cut_short_of("甄耀", ["甄耀宗", "甄耀"], texts) == "甄耀宗"
    # written short somewhere on its own, the short name may be someone else's
    assert cut_short_of("甄耀", ["甄耀宗", "甄耀"], [*texts, "甄耀领誓"]) is None
    assert cut_short_of("甄耀", ["甄耀宗", "甄耀华", "甄耀"], texts) is None  # two longer names: no choice


@pytest.mark.parametrize("name", ["阿尔孜古丽", "米娜瓦尔", "布维阿依谢姆", "热娜古丽"])
def test_uyghur_women_s_names_of_common_parts(name: str) -> None:
    assert guess_name(name) == name


@pytest.mark.parametrize("name", ["娜日苏", "赛音巴雅尔", "通拉嘎", "旺加"])
def test_mongolian_and_tibetan_names_of_common_parts(name: str) -> None:
    assert guess_name(name) == name


@pytest.mark.parametrize(
    ("text", "name"), [("副书记區穎詩带领党员重温入党誓词", "區穎詩"), ("会议由支部书记区志恒主持", "区志恒")]
)
def test_the_surname_区_after_a_title(text: str, name: str) -> None:
    """區 (区), a surname that is also an everyday word: a name after a title, not 区委 or 区里."""
    record = meeting(text, roster=[])
    found = record.oath_leader if "誓" in text else record.presider
    assert found is not None and found.value == name


@pytest.mark.parametrize(
    ("text", "name"),
    [("会议由所长、支部书记元启山主持。", "元启山"), ("支部书记元旦前主持召开会议。", None)],
)
def test_the_surname_元_after_a_title_not_元旦(text: str, name: str | None) -> None:
    record = meeting(text, roster=[])
    assert (record.presider.value if record.presider else None) == name


def test_the_district_s_committee_is_no_one() -> None:
    record = meeting("会议由区委组织部干部王明主持。", roster=[])
    assert record.presider is not None and record.presider.value == "王明"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("活动由支部书记、副局长鲜正勇主持，大家重温入党誓词。", "鲜正勇"),  # 鲜 of Sichuan, after a title
        ("会议由支部书记蹇明华主持。", "蹇明华"),
        ("会议由支部书记茆建新主持。", "茆建新"),
    ],
)
def test_regional_surnames_after_a_title(text: str, name: str) -> None:
    record = meeting(text, roster=[])
    assert record.presider is not None and record.presider.value == name


def test_an_everyday_word_after_a_rare_surname_is_no_name() -> None:
    found = meeting("支委冯志超在湛江跑海鲜批发，请假。", roster=[]).absentees
    assert [a.name for a in found] == ["冯志超"]


def test_a_car_is_no_name() -> None:
    text = "应到12人，实到10人，缺席2人。缺席人员及原因：岩沙，去镇上赶街卖茶叶，车子坏在半路没赶回来；玉伦，在景洪打工。"
    assert [a.name for a in meeting(text, roster=[]).absentees] == ["岩沙", "玉伦"]


@pytest.mark.parametrize(
    ("norm", "named"),
    [
        ("没到的:老魏魏春山,住县医院;老马马德彪,在县城", "没到的:魏春山,住县医院;马德彪,在县城"),
        ("还有食堂的小卞卞秀云,她孙子满月", "还有食堂的卞秀云,她孙子满月"),
        ("还有那个,钟师傅钟建明,腰扭了", "还有那个,钟建明,腰扭了"),
        ("老张张罗了,大家都来了", "老张张罗了,大家都来了"),  # 张罗 is no name: the nickname stays
        ("老魏李春山,住院", "老魏李春山,住院"),  # another surname: no nickname of that person
    ],
)
def test_a_nickname_glued_before_the_full_name_it_calls_is_dropped(norm: str, named: str) -> None:
    assert nicknames_named(norm) == named


def test_a_speaker_after_a_title_is_no_name_of_four() -> None:
    from extractors.fields.people import guess_name

    assert guess_name("全体党员重温入党誓词党员高有福说") is None  # 高有福 said…, not 高有福说
    assert guess_name("组织委员欧阳晓红") == "欧阳晓红"  # a compound surname's name of four stands
