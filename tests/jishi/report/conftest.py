"""Hand-built Reports shared by the renderer tests."""

from __future__ import annotations

import datetime as dt

import pytest

from core.models import (
    Absentee,
    Evidence,
    FileEntry,
    FileKind,
    Finding,
    MeetingRecord,
    PhotoFacts,
    Report,
    Role,
    SigninSheet,
    Status,
    StudyItem,
    Value,
    Verdict,
)

MINUTES = "2022-12/会议记录.pdf"
SIGNIN = "2022-12/签到表.jpg"
PHOTO_1 = "2022-12/现场1.jpg"
PHOTO_2 = "2022-12/现场2.jpg"
SHA_MINUTES = "a" * 60 + "1234"
SHA_SIGNIN = "b" * 64

PRESIDER_EVIDENCE = Evidence(
    file=MINUTES, text="主持人：（空白）", page=1, bbox=(72.0, 140.5, 300.0, 160.0), confidence=None
)
OCR_EVIDENCE = Evidence(
    file=SIGNIN, text="张三 李四 王五", page=None, bbox=(10, 20, 400, 60), confidence=0.87
)
LONG_QUOTE = "会议强调，" + "全体党员要深入学习贯彻党的二十大精神，" * 12 + "完。"


def _v(value, *evidence: Evidence):  # type: ignore[no-untyped-def]
    return Value(value, list(evidence))


def _meeting() -> MeetingRecord:
    return MeetingRecord(
        kind=_v("主题党日"),
        date=_v(dt.date(2022, 12, 23)),
        time=_v("15:00"),
        place=_v("党员活动室"),
        presider=_v("李光振", PRESIDER_EVIDENCE),
        oath_leader=_v("张明"),
        oath_taken=_v(True),
        study=[StudyItem(leader="张明", material="《习近平谈治国理政》第四卷")],
        recorder=_v("王芳"),
        expected_count=_v(25),
        actual_count=_v(23),
        absent_count=_v(2),
        absentees=[Absentee("赵六", "因公出差"), Absentee("钱七", None)],
        attendees=_v(["李光振", "张明", "王芳"]),
        leaders_present=_v(["刘书记"]),
        items_done={"重温入党誓词": _v(True), "缴纳党费": _v(False)},
        source_files=[MINUTES],
    )


def _findings() -> list[Finding]:
    return [
        Finding("oath.leader", Status.PASS, "已记录领誓人。", True, "1"),
        Finding(
            "attendance.ratio",
            Status.WARN,
            "实到人数占比 92%，已达到要求，但有 2 人缺席。",
            False,
            "1",
            hint="请在记录中写明缺席原因。",
        ),
        Finding(
            "presider.missing",
            Status.FAIL,
            "会议记录中没有找到主持人。",
            True,
            "1",
            evidence=[PRESIDER_EVIDENCE],
            hint="请在会议记录中写明主持人姓名后重新上传。",
        ),
        Finding(
            "signin.count_mismatch",
            Status.UNKNOWN,
            "签到表人数无法确认。",
            True,
            "2",
            evidence=[OCR_EVIDENCE],
            hint="请上传更清晰的签到表照片。",
        ),
        Finding(
            "content.theme",
            Status.FAIL,
            "会议内容与本月主题不符。",
            True,
            "1",
            evidence=[Evidence(file=MINUTES, text=LONG_QUOTE, page=2)],
            hint="按本月计划补充学习内容。",
        ),
        Finding("photos.present", Status.PASS, "已上传现场照片。", True, "1"),
    ]


@pytest.fixture
def noncompliant() -> Report:
    return Report(
        verdict=Verdict.NONCOMPLIANT,
        meeting=_meeting(),
        signin=SigninSheet(
            signed_count=_v(23, OCR_EVIDENCE), names=[_v("张三"), _v("李四"), _v("王五")], file=SIGNIN
        ),
        photos=[
            PhotoFacts(PHOTO_1, dt.datetime(2022, 12, 23, 15, 2)),
            PhotoFacts(PHOTO_2, None, duplicate_of=PHOTO_1, is_screenshot=True),
        ],
        findings=_findings(),
        files=[
            FileEntry(MINUTES, SHA_MINUTES, Role.MINUTES, ocr=False, kind=FileKind.PDF),
            FileEntry(SIGNIN, SHA_SIGNIN, Role.SIGNIN, ocr=True, kind=FileKind.JPEG),
            FileEntry("说明.bin", "c" * 64, Role.OTHER, ocr=False, kind=None),
        ],
        submission_name="2022年12月主题党日",
        branch_name="第一党支部",
        categories=["主题党日"],
        engine={"jishi": "0.1.0", "ocr": "rapidocr 3.10.0"},
        generated_at=dt.datetime(2023, 1, 3, 9, 30, 15),
    )


@pytest.fixture
def needs_review() -> Report:
    """Almost nothing extracted: no sign-in sheet, unknown fields everywhere."""
    return Report(
        verdict=Verdict.NEEDS_REVIEW,
        meeting=MeetingRecord(),
        signin=None,
        photos=[],
        findings=[
            Finding(
                "input.unreadable",
                Status.UNKNOWN,
                "文件无法读取。",
                True,
                "1",
                evidence=[Evidence(file="扫描件.pdf", page=3)],
                hint="请重新导出 PDF 后上传。",
            )
        ],
        files=[FileEntry("扫描件.pdf", "d" * 64, Role.MINUTES, ocr=True, kind=FileKind.PDF)],
    )
