"""A lecture's manuscript page typed in below the record (``appended``): no part of the record's
study, counts or absentees; the lecture reader takes its title from it, from a 题目 label, or from the
《》 right after 讲授."""

from __future__ import annotations

from fields_helpers import lines_of, meeting

from extractors.fields.appended import manuscript, record_only
from extractors.fields.lecture import lecture
from extractors.fields.people import PersonFinder

RECORD = (
    "2024年7月9日下午，内科党支部开展专题党课。党课由支部书记兰若松主持，特邀市委党校讲师乔慕华授课，题目：学条例 明规矩 守底线。",
    "支部党员29名，实到27名。请假2名：肖俊辰夜班后补休，杭叙言在省人民医院进修。",
)
PAGE = (
    "附：讲稿第1页",
    "学条例 明规矩 守底线",
    "——医务人员身边的纪律课",
    "市委党校　乔慕华",
    "一、为什么要学《条例》",
    "今年全党开展党纪学习教育，重点是学习新修订的《中国共产党纪律处分条例》。",
)


def test_the_manuscript_is_cut_from_the_record() -> None:
    lines = lines_of(*RECORD, *PAGE)
    assert len(record_only(lines)) + len(manuscript(lines)) + 1 == len(lines)
    assert manuscript(lines)[0].norm == "学条例明规矩守底线"


def test_a_document_quoted_on_the_manuscript_page_is_not_studied() -> None:
    record = meeting(*RECORD, *PAGE, roster=[])
    assert record.study == []
    assert [a.name for a in record.absentees] == ["肖俊辰", "杭叙言"]


def test_the_title_from_the_label_then_from_the_page() -> None:
    found = lecture(lines_of(*RECORD, *PAGE), PersonFinder([]))
    assert found is not None and (found.lecturer, found.title) == ("乔慕华", "学条例明规矩守底线")
    unlabelled = (RECORD[0].replace("，题目：学条例 明规矩 守底线", ""), RECORD[1])
    found = lecture(lines_of(*unlabelled, *PAGE), PersonFinder([]))
    assert found is not None and found.title == "学条例明规矩守底线——医务人员身边的纪律课"


def test_a_quoted_title_after_its_label_and_a_title_right_after_the_verb() -> None:
    found = lecture(
        lines_of("支部请老党员欧淑兰为党员上了一堂党课。", "党课题目是她自己定的：“我在芦岗教书的四十年”。"),
        PersonFinder([]),
    )
    assert found is not None and found.title == "我在芦岗教书的四十年"
    found = lecture(lines_of("党课由副书记汤霁云主持，支部书记柴振华讲授《守好钱袋子》。"), PersonFinder([]))
    assert found is not None and (found.lecturer, found.title) == ("柴振华", "守好钱袋子")


def test_a_material_inside_the_lecture_title_is_the_lecture_s() -> None:
    record = meeting(
        "授课人：园长、支部书记　邝静云",
        "题目：“学习贯彻《教育强国建设规划纲要（2024—2035年）》 做幼儿心中的好老师”",
        "主持人：副园长　乔立新",
        roster=[],
    )
    assert record.study == []


def test_a_job_of_the_trade_before_an_absentee_s_name() -> None:
    record = meeting(
        "支部共有党员31名，参加党课28名。未参加的3名：工艺员冼志宏在广州调试设备，计划员廖春兰休婚假，铆焊班长宋立柱上中班。",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("冼志宏", "在广州调试设备"),
        ("廖春兰", "休婚假"),
        ("宋立柱", "上中班"),
    ]


AGENDA = (
    "2024年5月11日下午，护理党支部开展主题党日暨专题党课，支部书记卫芳华主持。",
    "一、重温入党誓词，组织委员仝晓霞领誓。",
    "二、宣传委员匡梦洁领学《护士条例》。",
    "三、专题党课，院党委书记阙宏图主讲。",
    "讲稿首页：",
    "“白衣之下是党员",
    "一百年前，南丁格尔提着油灯走过病房……”",
)


def test_the_record_resumes_after_the_page_at_its_next_item() -> None:
    lines = lines_of(*AGENDA, "四、交流：党员廉晓燕、莫晴发言。", "到会情况：应到党员34人，实到32人。")
    assert [line.norm[:2] for line in record_only(lines)][-2:] == ["四、", "到会"]
    assert len(manuscript(lines)) == 2


def test_the_record_resumes_at_its_attendance_line() -> None:
    record = meeting(
        *AGENDA, "到会情况：应到党员34人，实到32人。请假2人：邝雨婷（值班）、蔺佳（值班）。", roster=[]
    )
    assert (
        record.expected_count and record.expected_count.value,
        record.actual_count and record.actual_count.value,
    ) == (34, 32)


def test_a_page_numbering_its_own_parts_runs_to_the_end() -> None:
    lines = lines_of(*AGENDA, "一、护士帽下面是党徽", "四、要把党徽别在心上")
    assert len(record_only(lines)) == 4
