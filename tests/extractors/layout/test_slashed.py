"""A table typed with slashes for its columns (姓名／岗位／事由) is read as a table with bars."""

from __future__ import annotations

import datetime as dt

from core.models import Document, FileKind, Origin, Page, TextSpan
from extractors.fields.minutes import extract_meeting
from extractors.layout.document import document_lines
from extractors.layout.slashed import slashes_as_bars


def test_a_heading_of_slashes_and_the_rows_of_its_width_take_bars() -> None:
    rows = ["请假登记", "姓名／岗位／事由", "冉秋池／调度／下夜班补休", "宋听澜/司机/跑长途", "活动过程："]
    assert slashes_as_bars(rows) == [
        "请假登记",
        "姓名|岗位|事由",
        "冉秋池|调度|下夜班补休",
        "宋听澜|司机|跑长途",
        "活动过程：",
    ]


def test_a_row_of_another_width_ends_the_table_and_offsets_stay() -> None:
    rows = ["姓名／岗位／事由", "冉秋池／调度／8/15补休", "周岚／司机／跑长途"]
    assert slashes_as_bars(rows) == ["姓名|岗位|事由", "冉秋池／调度／8/15补休", "周岚／司机／跑长途"]
    assert all(len(a) == len(b) for a, b in zip(rows, slashes_as_bars(rows), strict=True))


def test_slashes_without_a_persons_heading_stay() -> None:
    rows = ["时间／地点／内容", "应到/实到：12/11"]
    assert slashes_as_bars(rows) == rows


def test_a_slashed_register_in_a_document_names_each_absentee_and_reason() -> None:
    texts = [
        "某村党支部主题党日活动记录",
        "时间：2022年8月17日上午",
        "主持：支部书记 张明华",
        "应到23人，实到20人，缺3人",
        "请假登记",
        "姓名／岗位／事由／登记时间",
        "冉秋池／夜班调度／夜班连上三天，下班补休／8月15日",
        "宋听澜／干线司机／跑长途，人在路上／8月16日",
        "周岚／分拣主管／未请假／——",
        "活动过程：",
        "1. 张明华领誓，全体党员重温入党誓词。",
    ]
    spans = [TextSpan(t, Origin("记录.docx", paragraph=i), via="text-layer") for i, t in enumerate(texts)]
    doc = Document(file="记录.docx", kind=FileKind.DOCX, pages=[Page(1, spans)], via="text-layer")
    record = extract_meeting(
        document_lines(doc), [], default_date=dt.date(2022, 8, 17), plan_items=[], source_files=["记录.docx"]
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("冉秋池", "夜班连上三天,下班补休"),
        ("宋听澜", "跑长途,人在路上"),
        ("周岚", None),
    ]
