"""Records dictated into a phone read as written ones (``extractors.layout.spoken`` before the
field readers). Every sentence here is our own."""

from __future__ import annotations

from fields_helpers import counts_of, meeting

SAID = (
    "2024年4月9号上午九点 在村部二楼的会议室开的主题党日 主持人是支部书记 邓志远 嗯 先是重温入党誓词 "
    "由组织委员那个罗春燕领誓 大家跟着她一句一句的念 然后学习 邓志远领着大家学了《中国共产党章程》第一章 "
    "应到的党员是十六个 实到十四个 有两个请假 一个是柴德旺 他在浙江打工没回来 一个是邹桂英 她住院了 "
    "最后交了党费 散会"
)


def test_a_dictated_record_reads_as_a_written_one() -> None:
    record = meeting(SAID, roster=[])
    assert record.presider is not None and record.presider.value == "邓志远"
    assert record.oath_leader is not None and record.oath_leader.value == "罗春燕"
    assert counts_of(record)[:2] == (16, 14)
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("柴德旺", "在浙江打工没回来"),
        ("邹桂英", "住院了"),
    ]


def _counts(text: str) -> tuple[int | None, int | None, int | None]:
    return counts_of(meeting(text, roster=[]))


def test_counts_said_aloud_with_their_measure_word() -> None:
    assert _counts("应到二十个实到十七个，请假三个。")[:2] == (20, 17)  # no mark between the counts
    assert _counts("今天应到二十八个党员，实到二十四个。")[:2] == (28, 24)
    # a correction said in one breath: 二十四个 is those present, not those on leave
    said = "应到二十八人，实到二十三人，请假五人。\n改一下：实到是二十四个 请假的是四个 侯德明后来赶过来了 孙子打完针他就来了 其他不变"
    assert _counts(said) == (28, 24, 4)


def _away(text: str) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.reason) for a in meeting(text, roster=[]).absentees]


def test_what_one_did_at_the_meeting_is_no_reason_for_being_away() -> None:
    text = "公司的党员一共十一个，来了十个。然后学习，洪永泰带大家学了《习近平谈治国理政》第三卷。"
    assert all(name != "洪永泰" for name, _ in _away(text))


def test_a_name_before_where_one_lives_and_before_an_errand_of_theirs() -> None:
    said = "应到党员二十一个，实到十九个，请假两个，一个是邓满仓在广东打工没回来，一个是彭桂香住在县医院做胆结石手术。"
    assert ("彭桂香", "住在县医院做胆结石手术") in _away(said)
    # 的 after a name and their errand opens no description of someone else (no person 车送)
    errand = (
        "应到十五个实到十三个，两个没来，急诊科的覃志勇在值班，司机党员万家旺出一二零的车送病人去市里了。"
    )
    assert all(name != "车送" for name, _ in _away(errand))
