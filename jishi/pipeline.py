"""The flow, flat: submission -> extracted files -> record, sign-in, photos -> findings -> report.

Each step is a plain function over plain data; nothing downstream reaches back
upstream (a rule reads the CheckContext, never a file).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from checks.context import CheckContext
from checks.registry import run_rules
from checks.verdict import verdict
from extractors.base import backend_for
from extractors.fields.minutes import extract_meeting
from extractors.layout import document_lines
from extractors.roles import classify
from extractors.signin import read_signin
from ingest.submission import Submission
from jishi.config import Settings
from jishi.errors import UnreadableFileError
from jishi.models import (
    Document,
    EvidenceFile,
    ExtractedFile,
    FileEntry,
    MeetingRecord,
    PhotoFacts,
    Problem,
    Report,
    Role,
    SigninSheet,
    Value,
)


@dataclass
class Extraction:
    files: list[ExtractedFile]
    problems: list[Problem]
    unread: list[str]


def check_submission(submission: Submission, settings: Settings, now: dt.datetime | None = None) -> Report:
    extraction = extract_files(submission.files, settings)
    roster = submission.branch.names()
    record = read_minutes(extraction.files, submission, roster)
    signin = read_signin_sheet(extraction.files, roster)
    if record is not None:
        record.leaders_present = leaders_present(record, signin, submission.branch.leaders)
    ctx = CheckContext(
        meta=submission.meta,
        branch=submission.branch,
        plan=submission.plan,
        record=record,
        signin=signin,
        photos=photo_facts(extraction.files),
        files=extraction.files,
        problems=[*submission.problems, *extraction.problems],
        unread=extraction.unread,
        now=now or dt.datetime.now(dt.UTC),
    )
    findings = run_rules(ctx)
    return Report(
        verdict=verdict(findings),
        meeting=record or MeetingRecord(),
        signin=signin,
        photos=ctx.photos,
        findings=findings,
        files=[FileEntry(f.file.path, f.file.sha256, f.role, f.ocr, f.file.kind) for f in extraction.files],
        submission_name=submission.name,
        branch_name=submission.meta.branch or submission.branch.name,
        categories=list(submission.meta.categories),
        engine=engine_info(settings, any(f.ocr for f in extraction.files)),
        generated_at=ctx.now,
    )


def extract_files(files: list[EvidenceFile], settings: Settings) -> Extraction:
    out: list[ExtractedFile] = []
    problems: list[Problem] = []
    unread: list[str] = []
    for file in files:
        try:
            doc: Document | None = backend_for(file.kind).extract(file, settings)
        except UnreadableFileError as exc:
            problems.append(Problem(file.path, exc.code, exc.message, exc.hint))
            doc = None
        if doc is None or doc.via == "none":
            unread.append(file.path)
        role = classify(doc, file.kind.is_image)
        out.append(ExtractedFile(file, doc, role, ocr=doc is not None and doc.via == "ocr"))
    return Extraction(out, problems, unread)


def read_minutes(files: list[ExtractedFile], submission: Submission, roster: list[str]) -> MeetingRecord | None:
    minutes = [f for f in files if f.role == Role.MINUTES and f.document is not None]
    if not minutes:
        return None
    lines = [line for f in minutes for line in document_lines(f.document)]  # type: ignore[arg-type]
    default_date = submission.meta.meeting_date or submission.plan.deadline
    return extract_meeting(
        lines,
        roster,
        default_date=default_date,
        plan_items=list(submission.plan.required_items),
        source_files=[f.file.path for f in minutes],
    )


def read_signin_sheet(files: list[ExtractedFile], roster: list[str]) -> SigninSheet | None:
    for f in files:
        if f.role == Role.SIGNIN and f.document is not None:
            sheet = read_signin(f.document, roster)
            if sheet is not None:
                return sheet
    return None


def photo_facts(files: list[ExtractedFile]) -> list[PhotoFacts]:
    seen: dict[str, str] = {}
    out = []
    for f in files:
        if f.role != Role.PHOTO:
            continue
        taken = f.file.exif.taken_at if f.file.exif else None
        out.append(PhotoFacts(f.file.path, taken, duplicate_of=seen.get(f.file.sha256)))
        seen.setdefault(f.file.sha256, f.file.path)
    return out


def leaders_present(record: MeetingRecord, signin: SigninSheet | None, leaders: list[str]) -> Value[list[str]] | None:
    if not leaders:
        return None
    names = {v.value for v in signin.names} if signin else set()
    if record.attendees is not None:
        names |= set(record.attendees.value)
    absent = {a.name for a in record.absentees}
    return Value([n for n in leaders if n in names and n not in absent])


def engine_info(settings: Settings, used_ocr: bool) -> dict[str, str]:
    info = {"jishi": "0.1.0"}
    if used_ocr and settings.ocr.engine != "none":
        from extractors.ocr.engine import get_engine

        engine = get_engine(settings.ocr.engine)
        info["ocr"] = f"{engine.name} {engine.version}"
    return info
