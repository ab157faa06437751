import datetime as dt

import pytest
from fields_helpers import meeting


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会议由支部书记李光振同志主持。", "李光振"),
        ("主持人：李光振", "李光振"),
        ("由张莹支部书记主持", "张莹"),
        ("会议由于洋同志主持", "于洋"),
        ("支部书记李光振主持会议", "李光振"),
    ],
)
def test_presider_phrasings(text: str, name: str) -> None:
    record = meeting(text)
    assert record.presider is not None and record.presider.value == name
    assert record.presider.evidence[0].text == text


def test_presider_absent_is_none_not_a_guess() -> None:
    assert meeting("会议传达了上级精神。主持词略。").presider is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("李光振同志带领全体党员重温入党誓词", "李光振"),
        ("由宣传委员张明领誓", "张明"),
        ("全体党员在张明同志带领下重温入党誓词。", "张明"),
        ("领誓人：王芳", "王芳"),
    ],
)
def test_oath_leader_phrasings(text: str, name: str) -> None:
    record = meeting(text)
    assert record.oath_leader is not None and record.oath_leader.value == name
    assert record.oath_taken is not None


def test_quoted_oath_text_names_no_leader() -> None:
    record = meeting("全体党员重温入党誓词：我志愿加入中国共产党，拥护党的纲领……永不叛党。")
    assert record.oath_leader is None
    assert record.oath_taken is not None


def test_study_items_titled_and_descriptive() -> None:
    record = meeting(
        "由张明同志领学《习近平谈治国理政》第四卷：二、坚持党的全面领导；",
        "王芳同志领学了共产党员的8项权利和8项义务。",
        "张明领学了《党的二十大报告学习辅导百问》（P31-P60）",
    )
    got = [(s.leader, s.material) for s in record.study]
    assert got == [
        ("张明", "《习近平谈治国理政》第四卷"),
        ("王芳", "共产党员的8项权利和8项义务"),
        ("张明", "《党的二十大报告学习辅导百问》"),
    ]


def test_counts_and_absentees() -> None:
    record = meeting(
        "支部现有党员25名。",
        "应到党员25名，实到23名，2名因公请假。同意23票，反对0票。",
        "缺席人员及原因：赵六（因公出差）、孙七（病假）",
    )
    assert (record.expected_count.value, record.actual_count.value, record.absent_count.value) == (25, 23, 2)
    assert [(a.name, a.reason) for a in record.absentees] == [("赵六", "因公出差"), ("孙七", "病假")]


def test_chinese_numeral_counts() -> None:
    record = meeting("共十三人参加，一人因病缺席")
    assert record.expected_count is None
    assert (record.actual_count.value, record.absent_count.value) == (13, 1)


def test_membership_and_votes_are_not_attendance() -> None:
    record = meeting("支部共有党员21名。表决结果：同意23票，反对0票。")
    assert record.expected_count is None and record.actual_count is None and record.absent_count is None


def test_date_place_time_recorder_kind() -> None:
    record = meeting(
        "内科第一党支部12月主题党日会议记录",
        "时间：12 月 23 号下午3:00",
        "地点：党员活动室",
        "记录人：王芳",
    )
    assert record.kind.value == "主题党日"
    assert record.date.value == dt.date(2022, 12, 23)
    assert record.time.value == "15:00"
    assert record.place.value == "党员活动室"
    assert record.recorder.value == "王芳"


def test_plan_items_loosely_matched() -> None:
    record = meeting("全体党员现场缴纳了党费。", items=["缴纳党费", "重温入党誓词"])
    assert set(record.items_done) == {"缴纳党费"}


@pytest.mark.parametrize("mark", ["▶", "★", "※", "◎", "•", "-"])
def test_a_bullet_mark_before_a_label_is_no_part_of_it(mark: str) -> None:
    record = meeting(f"{mark} 地点：党员活动室", f"{mark} 主持：车立新", roster=[])
    assert record.place is not None and record.place.value == "党员活动室"
    assert record.presider is not None and record.presider.value == "车立新"


def test_presiders_of_a_given_name_after_quan_of_a_rare_surname_and_told_after_de_shi() -> None:
    def presider(text: str) -> str | None:
        record = meeting(text, roster=[])
        return record.presider.value if record.presider else None

    assert presider("会议由邝全胜主持。") == "邝全胜"
    assert presider("研究所党支部在试验站搞了6月主题党日，副所长、支部书记初永福主持。") == "初永福"
    assert presider("主持人：支部书记、总经理助理 楼丽君") == "楼丽君"
    assert presider("主持这堂课的是支部副书记谷春兰，全体党员教师参加。") == "谷春兰"
    # (全 opening a word is no given name: 全体党员)
    assert presider("王全体党员参加，会议由支部书记冉秋池主持。") == "冉秋池"
