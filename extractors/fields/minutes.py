"""Assemble a MeetingRecord from the lines of the minutes (flat orchestration)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from core.models import Absentee, Evidence, MeetingRecord, StudyItem, Value
from extractors.fields import (
    absence_counted,
    absence_frames,
    absence_grouped,
    absence_registers,
    absence_shared,
    absence_tallied,
    appended,
    attendance,
    broken_lines,
    corrections,
    count_parts,
    counts_restated,
    counts_summed,
    counts_unplaced,
    cues,
    dittos,
    leave_notes,
    lecture,
    legend,
    meeting,
    numbered,
    officers,
    plans,
    rates,
    referred,
    role_marks,
    row_numbers,
    speech,
    study,
    template_text,
)
from extractors.fields.legend import TICKS
from extractors.fields.people import (
    SURNAME_TITLE,
    PersonFinder,
    cut_short_of,
    guess_name,
    name_after_titles,
    nicknames_named,
    stops_as_dots,
    strip_titles,
    strip_titles_front_only,
    whole_of,
)
from extractors.layout.gap_pairs import gap_pairs_as_lines
from extractors.layout.header_rows import header_rows_as_pairs
from extractors.layout.label_columns import label_columns_as_pairs
from extractors.layout.lines import BULLET_MARKS, EMOJI_MARKS, Line
from extractors.text.normalize import normalize


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
    lines = appended.record_only(lines)  # a lecture's manuscript page typed in below the record
    blanks = template_text.unfilled(lines)  # 主持人:(填写…) / XXX领誓 / 应到__人: left unfilled
    lines = template_text.filled_only(lines)  # the template's notes, examples and blanks not read
    lines = [_nicknames_named(unnumbered(line)) for line in _stops_in_names(lines)]
    lines = paired(
        label_columns_as_pairs(header_rows_as_pairs(gap_pairs_as_lines(broken_lines.counts_rejoined(lines))))
    )
    lines = dittos.roles_dittoed(lines)  # 主持:骆明渠 / 领誓:同上
    lines = corrections.names_corrected(lines)  # 主持人姓名误写为“甲”,应为“乙”
    lines = plans.plans_cut(lines)  # 明确了9月份主题党日安排:…由X主持: the next meeting's roles
    texts = [line.norm for line in lines]
    finder = PersonFinder(roster, texts)
    lines = speech.in_third_person(lines, finder)  # verbatim minutes: 张三:我给大家读《…》
    lines = row_numbers.rows_named(lines, finder)  # 未签到:7号(…): the name on the sheet's row 7
    form_carried = officers.carried_values(lines, finder)  # 主持人:村党支部书记葛 / 长春
    marks = role_marks.role_lines(lines)  # 柏松涛(支部书记、主持) / 主持/记录:X/Y / 主持——X
    year = default_date.year if default_date else None
    counted = attendance.with_count_rows(lines)  # a table of counts pasted as text, read once
    counted = attendance.own_branch(counted)  # 两支部应到29名…其中我支部应到13名: this branch's
    totals = attendance.totals_first(counted)  # (a total row below the 党小组 rows)
    expected, actual = attendance.expected_and_actual(totals, finder)
    absent = attendance.absent(totals)
    expected, actual, absent = counts_summed.filled(counted, (expected, actual, absent))
    expected, actual, absent = corrections.corrected(counted, (expected, actual, absent))
    read = _spelled_out(lines, finder, (expected, actual, absent))
    absentees = corrections.arrived(counted, _next_in_reasons(read, finder, (expected, actual, absent)))
    absentees = _none_away(absentees, (expected, actual, absent))
    present = attendance.attendees(lines, finder)
    absentees = _listed_present(absentees, present)
    # no absence from this one: 缺席2次 / 下周…已请假 / 这次也来了
    absentees = [a for a in absentees if not attendance.not_this_meeting(a, lines)]
    absentees = corrections.reasons_withdrawn(counted, absentees)  # 改一下:甲不是请了假的,…不晓得什么原因
    absentees = leave_notes.reasons_from_notes(absentees, lines)  # 缺席:甲(请假条附后) … 本人因…特此请假
    absentees = attendance.leave_listed(absentees, lines)  # 请假:甲、乙 and nothing else said of them
    absentees = _not_anothers(absentees)  # 甲、乙(其中甲病假): 乙's is no 甲病假
    if absent is None and actual is None:  # 除周桂兰(…)外均到会: as many away as it names
        absent = attendance.excepted_absent(lines, [a.name for a in absentees if a.name])
        actual = attendance.all_but(expected, absent)
    leave, leave_count = attendance.unnamed_leave(lines, _reasoned(absentees))
    away = _away(absent, expected, actual)
    if leave is None and (tally := absence_tallied.tallied(lines, away, absentees)):
        leave, leave_count = tally  # 未到会的6名党员中,5名在外地务工,1名因病卧床: counted by reason
    done = {item: v for item in plan_items if (v := meeting.item_done(lines, item)) is not None}
    given = lecture.lecture(
        lines, finder
    )  # the 党课, read once: its title is no material, its lecturer a cue
    record = MeetingRecord(
        kind=meeting.kind(lines),
        date=meeting.date(lines, year),
        time=meeting.time(lines),
        place=meeting.place(lines),
        presider=_in_full(
            _present(_or_marked(officers.presider, marks), form_carried, finder, absentees), texts
        ),
        oath_leader=_in_full(
            _present(_or_marked(officers.oath_leader, marks), form_carried, finder, absentees), texts
        ),
        oath_taken=officers.oath_taken(lines),
        study=[
            _leader_in_full(i, texts)
            for i in _not_the_lecture(study.study_items(lines, finder, materials or []), given)
        ],
        recorder=officers.recorder(lines, finder),
        expected_count=expected,
        actual_count=actual,
        absent_count=absent,
        absentees=absentees,
        unnamed_leave=leave,
        unnamed_leave_count=leave_count,
        stated_rate=rates.stated_rate(lines),
        attendees=present,
        items_done=done,
        source_files=source_files,
        cues={
            **cues.find_cues(lines, finder),
            **blanks,
            **(said := attendance.cues(lines, absentees, absent)),
            **(
                {"absence_refused": no_leave}
                if (no_leave := absence_tallied.refused(lines, away, absentees))
                else {}
            ),
            **_unplaced((expected, actual, absent), said.get("attendance", [])),
            **({"count_parts": parts} if (parts := count_parts.disagreeing(counted)) else {}),
            **count_parts.tallies_apart(counted, actual.value if actual else None),
            **(
                {"count_restated": again}
                if (again := counts_restated.restated_apart(counted, actual, expected))
                else {}
            ),
            **cues.item_cues(lines, [item for item in plan_items if item not in done]),
            **({"lecture_given": given.evidence} if given is not None and given.lecturer else {}),
        },
    )
    return _called_in_full(record, texts)


def _called_in_full(record: MeetingRecord, texts: list[str]) -> MeetingRecord:
    """Each person read by the first part of a transcribed name written in full in another role
    (艾克拜尔领学 after 主持人:…艾克拜尔吐尔逊) named in full (``whole_of``), and each read without the
    last character of a name another role holds (甄耀先领学 read as 甄耀, 先 taken for "first")."""
    names = [v.value for v in (record.presider, record.oath_leader) if v is not None]
    names += [i.leader for i in record.study if i.leader] + [a.name for a in record.absentees if a.name]

    def full(name: str) -> str:
        return cut_short_of(name, names, texts) or whole_of(name, names)

    def whole(value: Value[str] | None) -> Value[str] | None:
        return value and dataclasses.replace(value, value=full(value.value))

    return dataclasses.replace(
        record,
        presider=whole(record.presider),
        oath_leader=whole(record.oath_leader),
        study=[dataclasses.replace(i, leader=i.leader and full(i.leader)) for i in record.study],
    )


def _not_the_lecture(items: list[StudyItem], given: lecture.Lecture | None) -> list[StudyItem]:
    """A 《》 inside the 党课's title (``given``) is the lecture's, not a material studied (讲授《…》党课 /
    题目:“学习贯彻《…》 做…”), unless someone else led it, or its lecturer explained a document at a
    meeting that is no 党课 (X应邀为支部党员主讲《…条例》)."""
    if given is None or not given.title:
        return items
    key = study.title_key(given.title)
    told = " ".join(e.text for e in given.evidence)
    return [
        i
        for i in items
        if not (study.title_key(i.material) in key and i.leader in (None, given.lecturer))
        or (i.leader and "党课" not in told and study.is_document(i.material))  # 主讲《…条例》: explained
    ]


def _unplaced(counts: tuple[Value[int] | None, ...], said: list[Evidence]) -> dict[str, list[Evidence]]:
    found = [e for e in counts_unplaced.unplaced(counts, said) if not attendance.by_branch(e.text)]
    return {"count_unplaced": found} if found else {}


def _spelled_out(
    lines: list[Line],
    finder: PersonFinder,
    counts: tuple[Value[int] | None, Value[int] | None, Value[int] | None],
) -> list[Absentee]:
    """The absentees, read with a legend's codes spelled out (甲○ / 乙　病 with 注:○病假 病=病假:
    ``legend.decoded``) and people written by their row or staff number named (缺席:4号 with the
    numbered roster: ``numbered.resolved``) unless that reading names fewer people than the lines as written (a sign
    list whose marks its own reader knows)."""
    plain = _framed(attendance.absentees(lines, finder), lines, finder, counts)
    spelled = legend.decoded(numbered.resolved(lines))
    if spelled is lines:
        return plain
    read = _framed(attendance.absentees(spelled, finder), spelled, finder, counts)
    if _any_ticked(read, lines) and not _any_ticked(plain, lines):
        return plain  # (石德顺√ spelled out as 石德顺(到会) is no absentee: the tick says they came)
    if len(read) < len(plain):
        return plain
    said = {a.name: a for a in plain if a.reason}
    read = [  # 甲○ with 备注:甲赴北京… / 甲△(送教下乡): the note's reason over the legend's 请假 / 公差
        dataclasses.replace(a, reason=said[a.name].reason)
        if a.name in said
        and (a.reason in (None, "请假") or (_the_legends(a, lines) and _noted_beside(said[a.name], lines)))
        else a
        for a in read
    ]
    return legend.as_written(read, spelled, lines)


def _the_legends(absentee: Absentee, lines: list[Line]) -> bool:
    """Whether ``absentee``'s reason is only the legend's word for their mark: written on no line
    that names them."""
    reason, name = absentee.reason, absentee.name
    if not reason or not name:
        return False
    return not any(name in ln.norm and reason in ln.norm for ln in lines)


def _noted_beside(absentee: Absentee, lines: list[Line]) -> bool:
    """Whether ``absentee``'s reason is a note in brackets right after their name and mark (甲△(送教下乡))."""
    name, reason = absentee.name, absentee.reason
    if not name or not reason or len(reason) < 2:
        return False
    beside = re.compile(rf"{re.escape(name)}[^\u4e00-\u9fff()]{{0,2}}\({re.escape(reason[:2])}")
    return any(beside.search(ln.norm) for ln in lines)


def _any_ticked(found: list[Absentee], lines: list[Line]) -> bool:
    """Whether one of ``found`` is written with a tick right after the name somewhere (甲√): marked as come."""
    names = "|".join(re.escape(a.name) for a in found if a.name)
    ticked = re.compile(rf"(?:{names})\s*[{TICKS}]")
    return bool(names) and any(ticked.search(line.text) for line in lines)


def _framed(
    listed: list[Absentee],
    lines: list[Line],
    finder: PersonFinder,
    counts: tuple[Value[int] | None, Value[int] | None, Value[int] | None],
) -> list[Absentee]:
    """The absentees the lists name and those the frames read besides (``absence_frames``): a
    frame's reason where the list gives none or one holding another absentee's name; nobody who
    acted at the meeting; the lists alone when the two together name more people than the counts
    (应到, 实到, 缺席) leave absent (the larger of 缺席 and 应到 - 实到 when they disagree), since a
    reading the counts contradict is none. A list read by its number (``absence_counted``) naming
    more people wins, then one read from groups by reason (``absence_grouped``), then the rows of a
    leave register (``absence_registers``); with nobody named,
    it or, last, as many people as the counts leave away (``absence_frames.by_room``)."""
    listed = absence_frames.outnumbered(absence_frames.present_acting(listed), lines)
    listed = [] if _those_present(listed, counts) else listed
    framed = {a.name: a for a in attendance.notes_no_reason(absence_frames.absentees(lines, finder))}
    found = [framed[a.name] if a.name in framed and not _own_reason(a, framed) else a for a in listed]
    found += [a for name, a in framed.items() if all(name != b.name for b in listed)]
    room = _room(counts)
    counted = absence_counted.absentees(lines, room)
    if counted and len(counted) > len(found):
        return counted
    grouped = absence_grouped.absentees(lines, finder, room)
    if grouped and len(grouped) >= len(found):
        return grouped  # (or as many, whom the lists read otherwise: 病假未到:甲;值班未到:乙)
    registered = absence_registers.absentees(lines, finder)  # 甲 事由:外出培训 审批:同意;乙 …
    if registered and len(registered) >= len(found) and room in (None, len(registered)):
        return registered
    shared = absence_shared.absentees(lines, finder, room)  # 甲、乙未到,二人均为因公外出
    if shared and _only_names(found, shared):
        return shared
    if not found:
        return counted or (absence_frames.by_room(lines, finder, room) if room else [])
    found = listed if room is not None and len(found) > room else found
    return absence_frames.referred_reasons(absence_frames.told_after(found, lines, finder, room), lines)


def _those_present(
    listed: list[Absentee], counts: tuple[Value[int] | None, Value[int] | None, Value[int] | None]
) -> bool:
    """Whether ``listed`` is the list of those who came read as absentees: as many names as 实到, more
    than the counts leave away, and no reason for any (应到12人,实到10人,缺席2人 / then ten names)."""
    _, actual, _ = counts
    room = _room(counts)
    return (
        actual is not None
        and room is not None
        and len(listed) == actual.value > room
        and not any(a.reason for a in listed)
    )


def _not_anothers(absentees: list[Absentee]) -> list[Absentee]:
    """A reason that tells of another absentee by name (乙: 其中甲病假 / 甲,门诊走不开) is that person's, not
    this one's: none; unless it is the other's reason after their name (甲 乙在外头打工: theirs both)."""
    reasons = {a.name: a.reason for a in absentees if a.name}
    out = []
    for a in absentees:
        other = next(
            (
                n
                for n in reasons
                if n != a.name
                and (a.name or "") not in n
                and a.reason
                and re.match(rf"(?:其中)?{re.escape(n)}(?![的家和与])", a.reason)
            ),
            None,
        )
        if other is None or a.reason is None:
            out.append(a)
            continue
        rest = a.reason[a.reason.index(other) + len(other) :].lstrip(" ,、:")
        bracketed = any(re.search(rf"\((?:其中)?{re.escape(other)}", normalize(e.text)) for e in a.evidence)
        shared = rest and rest == reasons[other] and not bracketed
        out.append(dataclasses.replace(a, reason=rest if shared else None))
    return out


def _only_names(found: list[Absentee], shared: list[Absentee]) -> bool:
    """Whether ``found`` holds no one ``shared`` leaves out and no reason for anyone it names."""
    names = {a.name for a in shared}
    return all(a.name in names and not a.reason for a in found)


def _next_in_reasons(
    read: list[Absentee],
    finder: PersonFinder,
    counts: tuple[Value[int] | None, Value[int] | None, Value[int] | None],
) -> list[Absentee]:
    """The absentees with those glued into another's reason parted out (甲在方舱支援、乙病假), unless
    that names more people than the counts leave away."""
    room = _room(counts)
    parted = attendance.next_in_reasons(read, finder, loose=room is not None)
    return read if room is not None and len(parted) > room else parted


def _listed_present(absentees: list[Absentee], present: Value[list[str]] | None) -> list[Absentee]:
    """Without those read, with no reason, as absent from the very line that lists them as present
    (出席:支委甲、乙…,共4人(应到5人,丙…请假): the names before the bracket came)."""
    if present is None:
        return absentees
    lines = {e.text for e in present.evidence}

    def listed(a: Absentee) -> bool:  # named before the line speaks of anyone away
        return a.name in present.value and any(
            e.text in lines and a.name and 0 <= e.text.find(a.name) < _first_away(e.text) for e in a.evidence
        )

    return [a for a in absentees if a.reason or not listed(a)]


_AWAY_WORD = re.compile(r"缺席|请假|未到|缺勤|未参加|没来|没到")


def _first_away(text: str) -> int:
    m = _AWAY_WORD.search(text)
    return m.start() if m else len(text)


def _reasoned(absentees: list[Absentee]) -> list[str]:
    """The names of the absentees, when each has a reason (请假3人:甲(…)、乙(…)); none when one has none
    (请假3人:甲、乙、丙: the word of the count may be theirs)."""
    named = [a for a in absentees if a.name]
    return [a.name for a in named if a.name] if all(a.reason for a in named) else []


def _none_away(
    absentees: list[Absentee], counts: tuple[Value[int] | None, Value[int] | None, Value[int] | None]
) -> list[Absentee]:
    """Nobody, when the counts say nobody was away in full (应到5人,实到5人,缺席0人(甲、乙…): the names
    in the bracket are those present); else ``absentees``."""
    expected, actual, absent = counts
    if absent is not None and absent.value == 0 and expected and actual and expected.value == actual.value:
        return []
    return absentees


def _away(absent: Value[int] | None, expected: Value[int] | None, actual: Value[int] | None) -> int | None:
    """The number away as the absence rule takes it: 缺席 as written, else 应到 - 实到."""
    if absent is not None:
        return absent.value
    return expected.value - actual.value if expected and actual else None


def _room(counts: tuple[Value[int] | None, Value[int] | None, Value[int] | None]) -> int | None:
    """How many the counts leave away: the larger of 缺席 and 应到 - 实到 when they disagree (请假的有两个
    said of three away, 应到18 实到15); None when neither is written."""
    expected, actual, absent = counts
    rooms = [absent.value] if absent else []
    rooms += [expected.value - actual.value] if expected and actual else []
    return max(rooms) if rooms else None


def _own_reason(absentee: Absentee, framed: dict[str | None, Absentee]) -> bool:
    """Whether a list's reading gives ``absentee`` a reason of their own: one, and not holding the
    name of someone else the frames read (甲、乙留守病区 read as 甲: 乙留守病区)."""
    reason = absentee.reason or ""
    return bool(reason) and not any(name and name != absentee.name and name in reason for name in framed)


# A list item's number before the sentence: 一、 / (一) / 1. / 1、 / 第一项: (议程 written as a list)
_ITEM_NUMBER = re.compile(
    rf"^(?:[-{BULLET_MARKS}{EMOJI_MARKS}]+\s*"
    r"|[一二三四五六七八九十]{1,3}[、.)]|\((?:[一二三四五六七八九十]{1,3}|\d{1,2})\)|\d{1,2}[、.)](?!\d)"
    r"|第[一二三四五六七八九十\d]{1,3}(?:项|部分|个?议程)?[、.:,])"
)


def unnumbered(line: Line) -> Line:
    """The line without the number of the list item it is (``二、领誓人:张明`` -> ``领誓人:张明``):
    labels and sentence starts are read the same in a numbered agenda; a role word typed before a
    person without its colon is a label (``领学 褚书记,学《…》`` -> ``领学:褚书记,…``)."""
    m = _ITEM_NUMBER.match(line.norm)
    if m is None and _CIRCLED.match(line.text):  # ① normalised to 1, glued to the words after it
        m = re.match(r"^\d{1,2}", line.norm)
    if m is not None and m.end() < len(line.norm):
        line = dataclasses.replace(line, norm=line.norm[m.end() :])
    return _role_labelled(dataclasses.replace(line, norm=attendance.list_as_read(line.norm)))


def _present(
    read: Callable[[list[Line], PersonFinder], Value[str] | None],
    lines: list[Line],
    finder: PersonFinder,
    absentees: list[Absentee],
) -> Value[str] | None:
    """An officer the record also names as away (a plan's 主持:书记X, then 书记X…未能到会,会议由副书记Y
    主持) gives way to one read without the lines that named them, if that one was there."""
    found = read(lines, finder)
    away = {a.name for a in absentees if a.name}
    if found is None or found.value not in away:
        return found
    quoted = {e.text for e in found.evidence}
    other = read([line for line in lines if line.text not in quoted], finder)
    return other if other is not None and other.value not in away else found


_Reader = Callable[[list[Line], PersonFinder], Value[str] | None]


def _or_marked(read: _Reader, marks: list[Line]) -> _Reader:
    """``read`` on the lines that mark no role beside a name, and when they name nobody, on the
    roles so marked (``role_marks``): a role planned in a list and changed in the narrative is the
    narrative's, and a list's marks are not read as sentences (X(主持)、Y(领誓): not X for the oath)."""
    marked = {line.text for line in marks}

    def reading(lines: list[Line], finder: PersonFinder) -> Value[str] | None:
        found = read([line for line in lines if line.text not in marked], finder)
        return found or (read(marks, finder) if marks else None)

    return reading


def _in_full(value: Value[str] | None, texts: list[str]) -> Value[str] | None:
    """A role read as an office (郎股长, 黎局, 副书记) given the full name written once (``referred``)."""
    if value is None or (full := referred.in_full(value.value, texts)) is None:
        return value
    return dataclasses.replace(value, value=full)


def _leader_in_full(item: StudyItem, texts: list[str]) -> StudyItem:
    if item.leader is None or (full := referred.in_full(item.leader, texts)) is None:
        return item
    return dataclasses.replace(item, leader=full)


def _stops_in_names(lines: list[Line]) -> list[Line]:
    """``lines`` with a sentence cut at the full stop typed for a transcribed name's dot (主持人:…艾则孜。 /
    麦麦提) joined again, the stop read as the dot (``stops_as_dots``)."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and prev.span is line.span and prev.norm.endswith("。"):
            joined = stops_as_dots(prev.norm + line.norm)
            if joined[len(prev.norm) - 1] == "·":
                out[-1] = dataclasses.replace(prev, norm=joined, text=prev.text + line.text)
                continue
        out.append(line)
    return out


def _nicknames_named(line: Line) -> Line:
    """老宋(宋玉堂)在医院 read as 宋玉堂在医院: the full name a nickname is given (``nicknames_named``)."""
    norm = nicknames_named(line.norm)
    return line if norm == line.norm else dataclasses.replace(line, norm=norm)


_CIRCLED = re.compile(r"^\s*[①-⑳]")


# a role word and the person right after it, without a colon, opening a line or ending it
# (主持 支书仝建业 / 领誓 乜书记 / …第三章执业规则 领学 组织委员 冀东升)
_ROLE_BEFORE_PERSON = re.compile(
    r"^(?P<r>(?:主持|领誓|领学|领读|记录)(?:人)?)(?=[^:人《了的习])(?P<x>[^,;。:]{2,14})"
)
_ROLE_PERSON_ENDS = re.compile(
    r"(?P<r>(?:主持|领誓|领学|领读)(?:人)?)(?=[^:人《了的习])(?P<x>[^,;。:《》]{2,12})[。]?$"
)


def _role_labelled(line: Line) -> Line:
    for pattern in (_ROLE_BEFORE_PERSON, _ROLE_PERSON_ENDS):
        m = pattern.search(line.norm)
        if m is not None and _is_person(m["x"]):
            return dataclasses.replace(line, norm=f"{line.norm[: m.end('r')]}:{line.norm[m.end('r') :]}")
    return line


def _is_person(text: str) -> bool:
    """``text`` is a person and nothing else: a name after titles, or a surname and a title."""
    name = guess_name(text)
    referred = SURNAME_TITLE.match(strip_titles_front_only(text)) is not None
    titled = name is not None and name in (strip_titles(text), name_after_titles(text))  # 老党员俞水根
    return titled or referred


# A form's label cell the layout did not pair with its value (会议主持人 | 李光振 read as two lines)
_LABEL_ONLY = re.compile(
    r"^(?:(?:会议|活动)?(?:主持人|主持者|召集人|领誓人|领学人|记录人|地点|时间|日期)"
    r"|(?:应到|实到|应出席|实际出席|应参会|实际参会|应参加|实际参加|缺席|请假|出席|参会)(?:党员)?(?:人数|人员)(?:及原因)?)$"
)
MAX_VALUE_CHARS = 24


def paired(lines: list[Line]) -> list[Line]:
    """A label line followed by a short line without a label of its own: one ``label:value`` line."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line, label = lines[i], lines[i].norm.rstrip(":")
        if (
            _LABEL_ONLY.match(label)
            and i + 1 < len(lines)
            and _is_value(lines[i + 1])
            and not _rows_below(lines, i)
        ):
            value = lines[i + 1]
            out.append(
                Line(
                    f"{line.text.rstrip('：:')}：{value.text}",
                    f"{label}:{value.norm}",
                    value.span,
                    label=label,
                )
            )
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def _rows_below(lines: list[Line], i: int) -> bool:
    """The label heads absentees and two rows follow it (请假人员: then a row a person): a list the
    absentee reader takes row by row, not one label's value."""
    rows = lines[i + 1 : i + 3]
    one_each = all(_is_value(row) and not _LIST_MARK.search(row.norm) for row in rows)
    return bool(_AWAY_WORD.search(lines[i].norm)) and len(rows) == 2 and one_each


_LIST_MARK = re.compile(r"[、,;]")  # a row naming several (甲(…)、乙(…)、): a list broken over lines


def _is_value(line: Line) -> bool:
    return (
        ":" not in line.norm
        and len(line.norm) <= MAX_VALUE_CHARS
        and not _LABEL_ONLY.match(line.norm.rstrip(":"))
    )
