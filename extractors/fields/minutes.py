"""Assemble a MeetingRecord from the lines of the minutes (flat orchestration)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from core.models import MeetingRecord
from extractors.fields import attendance, cues, meeting, officers, study
from extractors.fields.people import PersonFinder
from extractors.layout.lines import Line


def extract_meeting(
    lines: list[Line],
    roster: list[str],
    *,
    default_date: dt.date | None,
    plan_items: list[str],
    source_files: list[str],
    materials: list[str] | None = None,
) -> MeetingRecord:
    """``materials``: the plan's study materials, which OCR-read titles are matched against."""
    lines = [unnumbered(line) for line in lines]
    finder = PersonFinder(roster)
    year = default_date.year if default_date else None
    absentees = attendance.absentees(lines, finder)
    done = {item: v for item in plan_items if (v := meeting.item_done(lines, item)) is not None}
    return MeetingRecord(
        kind=meeting.kind(lines),
        date=meeting.date(lines, year),
        time=meeting.time(lines),
        place=meeting.place(lines),
        presider=officers.presider(lines, finder),
        oath_leader=officers.oath_leader(lines, finder),
        oath_taken=officers.oath_taken(lines),
        study=study.study_items(lines, finder, materials or []),
        recorder=officers.recorder(lines, finder),
        expected_count=attendance.expected(lines),
        actual_count=attendance.actual_or_listed(lines, finder),
        absent_count=attendance.absent(lines),
        absentees=absentees,
        unnamed_leave=attendance.unnamed_leave(lines),
        attendees=attendance.attendees(lines, finder),
        items_done=done,
        source_files=source_files,
        cues={
            **cues.find_cues(lines, finder),
            **attendance.cues(lines, absentees),
            **cues.item_cues(lines, [item for item in plan_items if item not in done]),
        },
    )


# A list item's number before the sentence: 一、 / (一) / 1. / 1、 / 第一项: (议程 written as a list)
_ITEM_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.]|\((?:[一二三四五六七八九十]{1,3}|\d{1,2})\)|\d{1,2}[、.](?!\d)"
    r"|第[一二三四五六七八九十\d]{1,3}(?:项|部分|个?议程)?[、.:,])"
)


def unnumbered(line: Line) -> Line:
    """The line without the number of the list item it is (``二、领誓人:张明`` -> ``领誓人:张明``):
    labels and sentence starts are read the same in a numbered agenda."""
    m = _ITEM_NUMBER.match(line.norm)
    if m is None or m.end() == len(line.norm):
        return line
    return dataclasses.replace(line, norm=line.norm[m.end() :])
