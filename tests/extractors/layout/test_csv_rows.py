"""A sheet pasted as comma-separated values (``csv_rows``): its rows read as a table's."""

from __future__ import annotations

from core.models import Document, FileKind, Origin, Page, TextSpan
from extractors.fields.minutes import extract_meeting
from extractors.layout.csv_rows import as_bars, sheet_cells, sheet_columns
from extractors.layout.document import document_lines

SHEET = [
    "序号,姓名,出勤,原因",
    "1,蒲德厚,出席,",
    "2,蒲长根,请假,在浙江义乌开网店,年底发货走不开",
    "3,戴小龙,请假,老伴脑梗住院,在县医院陪床",
    "4,汝金花,出席,",
    "合计:应到4人,实到2人,请假2人",
]


def test_a_sheet_is_its_header_and_the_rows_under_it() -> None:
    assert sheet_columns(SHEET) == [4, 4, 4, 4, 4, 0]
    assert sheet_cells(SHEET[2], 4) == ["2", "蒲长根", "请假", "在浙江义乌开网店,年底发货走不开"]
    assert as_bars(SHEET[1], 4) == "1|蒲德厚|出席 "  # the same length: offsets still quote the text


def test_prose_with_commas_is_no_sheet() -> None:
    prose = ["会议由书记主持,应到20人,实到18人,请假2人", "活动内容:一是学习,二是讨论,三是交党费"]
    assert sheet_columns(prose) == [0, 0]
    # a header needs a person's column and a mark or note column
    assert sheet_columns(["时间,地点,内容", "5月,村部,学习"]) == [0, 0]


def test_absentees_are_read_from_the_sheet_s_rows() -> None:
    texts = ["主持人：蒲德厚", *SHEET]
    spans = [TextSpan(t, Origin("记录.docx", paragraph=i), via="text-layer") for i, t in enumerate(texts)]
    doc = Document(file="记录.docx", kind=FileKind.DOCX, pages=[Page(1, spans)], via="text-layer")
    record = extract_meeting(
        document_lines(doc), [], default_date=None, plan_items=[], source_files=["记录.docx"]
    )
    assert [(a.name, a.reason) for a in record.absentees] == [
        ("蒲长根", "在浙江义乌开网店,年底发货走不开"),
        ("戴小龙", "老伴脑梗住院,在县医院陪床"),
    ]
