"""History facts for one submission: gathered from a ``RecordHistory`` before the checks,
and the checked submission recorded into it afterwards.

The pipeline calls ``gather`` and hands the result to the checks (``CheckContext.history``);
after the verdict it calls ``remember``. The local store (``store.records``) and the
service's database both implement ``core.history.RecordHistory``.
"""

from __future__ import annotations

import datetime as dt

from core.history import HistoryFacts, PastSubmission, Presence, RecordHistory, presence
from core.meta import Branch, SubmissionMeta
from core.models import ExtractedFile, MeetingRecord, Role, SigninSheet, Verdict
from extractors.fingerprints.text import Sentence, TextFingerprint, fingerprint, split_sentences

MIN_CONFIDENCE = 0.8  # as checks.rules._common: a sign-in count below it is not trusted for absences
HISTORY_YEARS = 1  # earlier calendar years of the branch handed to the calendar checks


def record_fingerprint(
    files: list[ExtractedFile], record: MeetingRecord | None, branch: Branch, branch_name: str | None = None
) -> TextFingerprint | None:
    """The text fingerprint of the minutes (the branch's name and the names of the roster
    and of the record masked)."""
    if record is None:
        return None
    sentences: list[Sentence] = []
    for f in files:
        if f.role != Role.MINUTES or f.document is None:
            continue
        for page in f.document.pages:
            text = "\n".join(s.text for s in page.spans)
            text += "\n" + "\n".join(c.text for t in page.tables for row in t.rows for c in row)
            sentences += [
                Sentence(s, f.file.path, page.number if f.file.kind != "docx" else None)
                for s in split_sentences(text)
            ]
    if not sentences:
        return None
    names = [*branch.names(), *record_names(record), *([branch_name] if branch_name else [])]
    return fingerprint(sentences, names)


def record_names(record: MeetingRecord) -> list[str]:
    names = [v.value for v in (record.presider, record.oath_leader, record.recorder) if v is not None]
    names += [s.leader for s in record.study if s.leader]
    names += [a.name for a in record.absentees if a.name]
    names += record.attendees.value if record.attendees is not None else []
    return names


def gather(
    history: RecordHistory | None,
    submission_id: str,
    branch_name: str | None,
    day: dt.date | None,
    fp: TextFingerprint | None,
) -> HistoryFacts | None:
    """What the history knows that bears on this submission, or None without a history."""
    if history is None:
        return None
    facts = HistoryFacts()
    if fp is not None:
        facts.text_matches = history.similar_texts(fp, branch=branch_name, exclude=submission_id, until=day)
    if branch_name is not None and day is not None:
        start = dt.date(day.year - HISTORY_YEARS, 1, 1)
        past = [
            s
            for s in history.submissions(branch_name, start, dt.date(day.year, 12, 31))
            if s.submission_id != submission_id
        ]
        facts.branch_submissions = list(past)
        facts.months_covered = {s.month for s in past}
    return facts


def remember(
    history: RecordHistory | None,
    submission_id: str,
    meta: SubmissionMeta,
    branch: Branch,
    day: dt.date | None,
    record: MeetingRecord | None,
    signin: SigninSheet | None,
    verdict: Verdict,
    fp: TextFingerprint | None,
) -> None:
    """Keep the checked submission: its calendar and attendance facts and its record's fingerprint."""
    if history is None:
        return
    name = meta.branch or branch.name
    if name is None or day is None:
        return  # nothing to file it under: neither a calendar fact nor a comparable record
    people, trusted = attendance(branch, record, signin)
    history.record(
        PastSubmission(
            submission_id,
            name,
            day,
            tuple(meta.categories),
            verdict.value,
            meta.uploaded_at,
            tuple(people),
            trusted,
        ),
        fp,
    )


def attendance(
    branch: Branch, record: MeetingRecord | None, signin: SigninSheet | None
) -> tuple[list[Presence], bool]:
    """Each roster member at this meeting: signed or listed as attending, absent with a reason
    (leave), absent without one, or unknown (no trusted sign-in sheet says)."""
    trusted = signin is not None and signin.signed_count.confidence >= MIN_CONFIDENCE
    present = {v.value for v in signin.names} if signin is not None else set()
    if record is not None and record.attendees is not None:
        present |= set(record.attendees.value)
    absent = {a.name: a.reason for a in record.absentees if a.name} if record is not None else {}
    return presence(branch.names(), present, absent, trusted), trusted
