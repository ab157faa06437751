"""A day's items and the doer written beside each (``agenda``): a doer column, a dash, a bracket, a
label after the item; the oath's and the study's leaders read from them."""

from __future__ import annotations

from fields_helpers import lines_of, meeting

from extractors.fields.agenda import agenda_items
from extractors.fields.people import PersonFinder


def _leaders(*texts: str) -> tuple[str | None, list[tuple[str | None, str]]]:
    record = meeting(*texts, roster=[])
    oath = record.oath_leader.value if record.oath_leader else None
    return oath, [(i.leader, i.material) for i in record.study]


def test_a_table_with_a_doer_column_gives_the_oath_and_the_study_their_leaders() -> None:
    oath, study = _leaders(
        "2023年4月主题党日活动记录",
        "主持人\t贺兰山（支部书记）",
        "环节\t内容\t负责人",
        "重温入党誓词\t全体党员面对党旗宣誓\t组织委员 柯于飞",
        "集中学习\t《中国共产党章程》；《中国共产党支部工作条例（试行）》\t贺兰山",
        "志愿服务\t到社区打扫卫生\t全体党员",
    )
    assert oath == "柯于飞"
    assert study == [("贺兰山", "《中国共产党章程》"), ("贺兰山", "《中国共产党支部工作条例（试行）》")]


def test_a_doer_after_a_dash_not_a_time_range() -> None:
    oath, study = _leaders(
        "时间：2023年7月7日",
        "8:40—8:50　重温入党誓词——支部书记 卞立群",
        "8:50—9:30　集中学习《习近平新时代中国特色社会主义思想学习纲要》第三章——支部委员 苗秀禾",
    )
    assert oath == "卞立群"
    assert study == [("苗秀禾", "《习近平新时代中国特色社会主义思想学习纲要》")]


def test_a_doer_in_a_labelled_bracket_and_a_label_with_its_content_on_the_next_line() -> None:
    _, study = _leaders(
        "1.集中学习（领学：邝雪松）——学习《中国共产党纪律处分条例》第二编",
    )
    assert study == [("邝雪松", "《中国共产党纪律处分条例》")]
    _, study = _leaders(
        "（二）集中学习　领学：蔺海舟",
        "内容：1.上级会议精神；2.《中国共产党廉洁自律准则》。",
    )
    assert study == [("蔺海舟", "《中国共产党廉洁自律准则》")]


def test_a_group_or_a_template_placeholder_leads_nothing() -> None:
    oath, study = _leaders(
        "环节\t内容\t负责人",
        "重温入党誓词\t全体党员宣誓\t全体党员",
        "集中学习\t《中国共产党章程》\t（填写姓名）",
    )
    assert oath is None
    assert study == [(None, "《中国共产党章程》")]


def test_a_song_or_a_film_beside_its_doer_is_no_study() -> None:
    _, study = _leaders(
        "序号\t内容\t负责人",
        "1\t唱一首红歌《没有共产党就没有新中国》\t宣传委员 夏云帆",
    )
    assert study == []


def test_items_keep_the_doer_apart_from_the_words_of_the_item() -> None:
    lines = lines_of("3\t14:20—15:00\t学习一篇文章：《论党的自我革命》\t欧阳楚风")
    head = lines_of("序号\t时间\t内容\t负责人")
    items = agenda_items(head + lines, PersonFinder([]))
    assert [(i.doer.name, "《论党的自我革命》" in i.what) for i in items] == [("欧阳楚风", True)]
