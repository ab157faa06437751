"""Absences that may be explained in words the reader did not attach (``absence_unread``)."""

from __future__ import annotations

import pytest
from fields_helpers import lines_of, meeting

from core.models import Absentee, Evidence, MeetingRecord
from extractors.fields.absence_unread import unread_absence


def _unread(record: MeetingRecord) -> list[str]:
    return [e.text for e in record.cues.get("absence_reason", [])]


@pytest.mark.parametrize(
    "texts",
    [
        # words after the name's absence that no reading takes for a reason
        ("应到9人，实到8人。张明没来，他那边情况比较特殊。",),
        # an absent count whose clause describes who was away
        ("支部现有党员12名，除2名在海南育种基地的党员外，其余10名全部参加。",),
        ("小组党员6名，4人到会，另有2人分别去外地送货、在仓库盘点未能参加。",),
        # a spoken record with spaces for commas
        ("应该来十五个 实际来了十三个 差两个 一个在医院陪护母亲 一个在外省跑运输",),
        # the reasons under an absence heading, fewer names than were away
        ("应到党员二十人，实到十七人，缺席三人。", "缺席情况：", "外出放牧未归者：巴特尔、其木格"),
        # a count ending its sentence, who and why told in the next one
        ("咱们组9个党员，今天到了8个，缺1个。", "老龚跑的是夜班线，早上八点才收车。"),
        # a bare 缺N人 then the people and their reasons apart by spaces, on the count's line
        ("到会情况 应到26人 实到23人 缺3人 其中 冉秋池 外地看孙子 宋听澜 住院 周岚 随子女在外地居住",),
    ],
)
def test_an_absence_with_more_words_than_names_and_counts_is_a_cue(texts: tuple[str, ...]) -> None:
    record = meeting(*texts)
    assert _unread(record), (record.absentees, record.absent_count)


@pytest.mark.parametrize(
    "texts",
    [
        ("应到10人，实到9人，缺席1人。",),  # counted, nothing else said
        ("应到10人，实到9人，缺席1人（张明）。",),
        ("缺席人员：张明",),
        ("缺席：张明（无故缺席）",),  # a denial is evidence of no reason
        ("未到人员：", "姓名\u3000\u3000原因", "张明\u3000\u3000/"),  # the reason cell left empty on purpose
        ("应到10人，实到8人。缺席：王芳（病假）；张明。",),  # the other absentee's reason is hers
        ("应到10人，实到9人，缺1人。", "缺席：张明"),  # named on the next line: no more to read
        # the end of the reason before, after a comma inside its bracket, is that absentee's
        ("应到10人，实到8人。没来的：王芳（腰椎做了手术，在家躺着）、张明。",),
        # 一 inside a name present is no count of those away
        ("支委应到7人，实到6人（邝一鸣、贝嘉豪、钮晓岚、栾素琴、冼志超、司空玥），缺席1人（张明）",),
    ],
)
def test_a_bare_absence_is_no_cue(texts: tuple[str, ...]) -> None:
    assert not _unread(meeting(*texts))


def test_a_reason_after_two_names_read_for_the_second_only_is_a_cue() -> None:
    lines = lines_of("张明、赵六正在市委党校参加为期一周的轮训，未能参加。")
    seen = [Evidence.of(lines[0].span, lines[0].text)]
    found = [Absentee("张明", None, seen), Absentee("赵六", "正在市委党校参加为期一周的轮训", seen)]
    assert unread_absence(lines, found, None) == lines
    found[0] = Absentee("张明", "病假", seen)
    assert unread_absence(lines, found, None) == []


@pytest.mark.parametrize(
    "text",
    [
        "到了17个，还有3个老党员在外地。",
        "组里一共8名党员，除了出差的，还到了7名。",
        "当晚到课党员19人。",
        "Attendees：6 / 7",
        "党员总数\u3000到会\u3000请假",
        "除了两个上夜班的，其余都到了。",
        "支部党员21名中有19名在会场。",
        "咱们组十二个人里头，老周住院没来，别的都在。",
        "参会党员：李光振、张明、王芳、赵六",
        "人数：应15/实14/假1",
        "缺席：无",
        "社区一季度过生日的党员有23人参与。",
    ],
)
def test_attendance_in_everyday_words_is_a_cue(text: str) -> None:
    assert meeting(text).cues.get("attendance"), text


@pytest.mark.parametrize(
    "text",
    [
        "才真正认识到一个签字背后的责任。",  # 到 … 一个, no people counted
        "党员分组到学校周边三个路口劝导交通。",
        "评出优秀党员5名。",  # an award, not attendance
        "新增在职党员到社区报到118名。",
    ],
)
def test_numbers_that_count_no_attendance_are_no_cue(text: str) -> None:
    assert "attendance" not in meeting(text).cues, text


def test_that_the_branch_could_not_reach_an_absentee_is_no_reason() -> None:
    record = meeting("应到9人，实到7人，缺席2人：张明（回老家秋收，已请假）；王芳（电话一直未联系上）。")
    assert [(a.name, a.reason) for a in record.absentees] == [("张明", "回老家秋收"), ("王芳", None)]
