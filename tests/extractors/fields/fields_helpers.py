"""Build Lines from plain strings for field-extractor tests."""

from __future__ import annotations

import datetime as dt

from core.models import MeetingRecord, Origin, TextSpan
from extractors.fields.minutes import extract_meeting
from extractors.layout.lines import Line, sentences

ROSTER = ["李光振", "张明", "王芳", "赵六", "孙七", "于洋", "王建国", "张莹", "欧阳娜娜"]


def lines_of(*texts: str) -> list[Line]:
    out: list[Line] = []
    for i, text in enumerate(texts):
        out.extend(sentences(TextSpan(text, Origin("minutes.docx", paragraph=i))))
    return out


def meeting(*texts: str, roster: list[str] | None = None, items: list[str] | None = None) -> MeetingRecord:
    return extract_meeting(
        lines_of(*texts),
        ROSTER if roster is None else roster,
        default_date=dt.date(2022, 12, 23),
        plan_items=items or [],
        source_files=["minutes.docx"],
    )


def counts_of(record: MeetingRecord) -> tuple[int | None, int | None, int | None]:
    """(应到, 实到, 缺席) as read, None where a count was not read."""
    e, a, x = (
        v.value if v else None for v in (record.expected_count, record.actual_count, record.absent_count)
    )
    return e, a, x
