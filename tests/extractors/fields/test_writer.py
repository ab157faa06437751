"""我 in a first-person record is its writer (``extractors.fields.writer``): named in the writer's
own words, the speaker of a chat message, or a signature. Every sentence here is our own."""

from __future__ import annotations

import pytest
from fields_helpers import meeting


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (
            ["上个月二十号在村部开的党员大会，是我主特的，我就是支部书记龚德林，应该来十五个来了十三个。"],
            "龚德林",
        ),
        (["时间是5月9号下午 地点在三楼会议室 主持是我 我是支部书记房丽娜 然后讨论了转正"], "房丽娜"),
        (["2023-05-09 17:40 鲍家明：今天的党员大会开完了，我主持的，来了十一个。"], "鲍家明"),
        (["支委五个来了五个。我主持的，研究了发展党员的事。", "城南社区第三支部 鲁秀英"], "鲁秀英"),
        (["1月15日下午，车间党支部开了本月的主题党日，由我这个支部书记（梅景川）来主持。"], "梅景川"),
        (["8月27日晚饭后，项目部党支部开了8月的主题党日，由我主持（支部书记严守田）。"], "严守田"),
        # a surname that is also an everyday word, named after the title in the bracket
        (["3月12日下午，公司党支部在码头办公楼过三月主题党日，我（支部书记战国栋）主持。"], "战国栋"),
    ],
)
def test_the_writer_presided(texts: list[str], want: str) -> None:
    presider = meeting(*texts, roster=[]).presider
    assert presider is not None and presider.value == want
    assert presider.confidence < 1.0  # 我 is resolved through another sentence: a reading


def test_a_byline_under_the_heading_names_the_writer() -> None:
    record = meeting(
        "2022年9月党日随记",
        "双龙镇卫生院党支部书记　郜建峰",
        "9月16日下午，支部在三楼会议室过了主题党日，这回是我主持的。支部11名党员，这回来了10名。",
        "接着我领着大家学习了《中华人民共和国医师法》里医师执业规则那一章。",
        roster=[],
    )
    assert record.presider is not None and record.presider.value == "郜建峰"
    assert [s.leader for s in record.study] == ["郜建峰"]
    assert record.actual_count is not None and record.actual_count.value == 10  # 这回来了10名


def test_a_dictated_message_names_its_writer_after_the_village() -> None:
    text = (
        "滕委员你好 我是上畈村黄运坤 把我们村三月份主题党日的情况跟你报一下 时间是二零二三年三月十四号上午九点 "
        "在村部二楼会议室 会是我主持的 然后第二项学习 那个我带大家学了《中国共产党农村基层组织工作条例》第三章 "
        "就是讲村里的事情党员要走在前头 应到党员二十一个 实到十九个"
    )
    record = meeting(text, roster=[])
    assert record.presider is not None and record.presider.value == "黄运坤"
    assert [s.leader for s in record.study] == ["黄运坤"]


def test_nobody_is_named_when_the_writer_is_not() -> None:
    assert meeting("今天的党员大会我主持的，来了十一个。", roster=[]).presider is None


def test_the_writer_led_the_study() -> None:
    record = meeting("学习是我领着大家学了一段讲乡村振兴的文章。我是支部书记房丽娜。", roster=[])
    assert [s.leader for s in record.study] == ["房丽娜"]


def test_a_pronoun_is_no_part_of_a_name() -> None:
    record = meeting("然后学习是我领着大家学了一段讲乡村振兴的文章。", roster=[])
    assert all(s.leader is None for s in record.study)


def test_a_name_before_the_chair_is_me_is_no_subject_of_it() -> None:
    # dictated with spaces for stops, the spaces gone: 鲁小军主持是我 is 鲁小军 | 主持是我
    text = "没来的两个是夜班下了班回去睡觉了 就是祁建新和鲁小军 主持是我 我是支部书记房丽娜 然后讨论了转正"
    presider = meeting(text, roster=[]).presider
    assert presider is not None and presider.value == "房丽娜"


def test_the_writer_naming_themself_before_counts_said_aloud_is_no_absentee() -> None:
    text = "然后是我主持的，我就是支部书记龚德林，应该来十五个来了十三个，没来的那个就是老魏魏长海在县医院。"
    assert "龚德林" not in [a.name for a in meeting(text, roster=[]).absentees]


@pytest.mark.parametrize(
    ("text", "presider", "oath"),
    [
        ("然后主持是支部副书记龚国栋，宣誓是书记邝建华领的。", "龚国栋", "邝建华"),
        ("大家先重温了入党誓词是副书记柏玉珍领的，然后学习的是那个条例。", None, "柏玉珍"),
        ("然后主持是我，我是支部书记，我叫冼启明，大家听完都觉得挺有收获。", "冼启明", None),
        ("主持是一门学问。", None, None),
    ],
)
def test_who_presided_and_led_the_oath_said_after_the_act(
    text: str, presider: str | None, oath: str | None
) -> None:
    record = meeting(text, roster=[])
    assert (record.presider and record.presider.value, record.oath_leader and record.oath_leader.value) == (
        presider,
        oath,
    )


def test_the_writer_led_the_oath() -> None:
    record = meeting("新党员当场宣了誓，我领的誓。", "村党支部 鲁成军", roster=[])
    assert record.oath_leader is not None and record.oath_leader.value == "鲁成军"


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (["谈文柏同志工作日志", "下午在村部会议室，我主持召开了主题党日。"], "谈文柏"),  # the diary's heading
        (["述职人：邝慧敏", "九月的支部党员大会由本人主持。"], "邝慧敏"),  # a form's label
        (["本人主持。应到12人，实到12人。", "（填写人：第三党支部书记　邝慧敏）"], "邝慧敏"),
        (
            ["晚上我在社区活动室主持了支部大会。", "——工作手记　城西社区党支部　谈文柏"],
            "谈文柏",
        ),  # a long signature
        (["会是我主持的。", "城关二小　谈文柏　记"], "谈文柏"),  # 记 after the name
        (["本人主持。应到9人，实到9人。", "书记：邝慧敏"], "邝慧敏"),  # the title and a colon
    ],
)
def test_the_writer_names_themselves_in_a_diary_form(texts: list[str], want: str) -> None:
    presider = meeting(*texts, roster=[]).presider
    assert presider is not None and presider.value == want


def test_it_was_my_turn_to_lead_the_oath() -> None:
    record = meeting("重温入党誓词，这个月轮到我领誓。", "组织委员：邝慧敏", roster=[])
    assert record.oath_leader is not None and record.oath_leader.value == "邝慧敏"


def test_a_heading_ending_in_what_looks_like_a_name_is_no_speaker() -> None:
    record = meeting("谈文柏驻村工作日志", "会议两项内容：一是学习，我领学了《中国共产党章程》。", roster=[])
    assert [s.leader for s in record.study] == ["谈文柏"]


def test_a_diary_sentence_without_its_subject_is_the_writers() -> None:
    record = meeting(
        "09:00-10:30　在所办会议室主持召开支委会，我先通报了情况。",
        "（填写人：党支部书记　谈文柏）",
        roster=[],
    )
    assert record.presider is not None and record.presider.value == "谈文柏"


def test_a_sentence_without_its_subject_in_a_third_person_record_names_nobody() -> None:
    assert meeting("下午在会议室主持召开支委会。", "书记：谈文柏", roster=[]).presider is None


def test_a_closing_message_said_to_someone_is_no_signature() -> None:
    texts = [
        "2024-06-28 16:02 龚立平：@所有人 今天主题党日，16:30准时开始，我主持",
        "2024-06-28 18:20 龚立平：今天情况报一下：支部十五名党员，来了十三个。@骆晴 照片和签到表你整理一下",
    ]
    presider = meeting(*texts, roster=[]).presider
    assert presider is not None and presider.value == "龚立平"


def test_the_name_said_right_after_i_before_an_act_of_the_meeting() -> None:
    text = (
        "小甘你好，荷叶坝村八月份的主题党日记录，在村委会会议室，我汤运生主持的。\n"
        "学习是我带着大家学的《中国共产党纪律处分条例》第十章。"
    )
    record = meeting(text, roster=[])
    assert record.presider is not None and record.presider.value == "汤运生"
    assert [s.leader for s in record.study] == ["汤运生"]
