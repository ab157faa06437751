"""The flow, flat: submission -> extracted files -> record, sign-in, photos -> findings -> report.

Each step is a plain function over plain data; nothing downstream reaches back
upstream (a rule reads the CheckContext, never a file).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from checks.context import CheckContext
from checks.registry import run_rules
from checks.rules._common import MIN_CONFIDENCE
from checks.verdict import verdict
from core.errors import OcrError, UnreadableFileError
from core.history import RecordHistory
from core.models import (
    Document,
    Evidence,
    EvidenceFile,
    ExtractedFile,
    FileEntry,
    MeetingRecord,
    Page,
    PhotoFacts,
    Problem,
    Report,
    Role,
    SigninSheet,
    Value,
)
from core.settings import Limits, Settings
from extractors.fields.attendance import corroborate_count
from extractors.fields.minutes import extract_meeting
from extractors.fingerprints.photos import PhotoSignature, is_near_duplicate, photo_signature
from extractors.formats.base import backend_for
from extractors.formats.doc import WORD_KINDS, page_picture
from extractors.layout.document import document_lines
from extractors.ocr import remembering, time_limit
from extractors.roles import classify
from extractors.signin.image import READER, read_signin_scan, read_signin_upload
from extractors.signin.typed import merge_sheets, read_signin
from ingest.submission import Submission
from jishi.faces import leader_faces
from jishi.records import gather, record_fingerprint, remember
from store.cache import DocumentCache, cache_key, engine_fingerprint, signin_key
from store.faces import FaceStore
from store.history import HistoryStore, submission_key

SigninReader = Callable[..., SigninSheet | None]  # (data, page, roster, limits, *, file)


@dataclass
class Extraction:
    files: list[ExtractedFile]
    problems: list[Problem]
    unread: list[str]


def check_submission(
    submission: Submission,
    settings: Settings,
    now: dt.datetime | None = None,
    history: HistoryStore | None = None,
    cache: DocumentCache | None = None,
    records: RecordHistory | None = None,
    faces: FaceStore | None = None,
) -> Report:
    """Check one submission. ``history`` holds photo fingerprints; ``records`` the earlier
    submissions (copied minutes, the meeting calendar, attendance), which this one joins;
    ``faces`` the units' enrolled reference faces (leader.in_photos)."""
    with remembering(cache), time_limit(settings.ocr.page_timeout_s):
        extraction = extract_files(submission.files, settings, cache)
        roster = submission.branch.names()
        record = read_minutes(extraction.files, submission, roster)
        signin = read_signin_sheet(extraction.files, roster, settings.limits, cache)
    if record is not None:
        corroborate_attendance(record, signin, submission.meta.reported_attendance)
        record.leaders_present = leaders_present(record, signin, submission.branch.leaders)
    ctx = CheckContext(
        meta=submission.meta,
        branch=submission.branch,
        plan=submission.plan,
        record=record,
        signin=signin,
        photos=photo_facts(extraction.files, settings.limits, history, submission_id(submission)),
        files=extraction.files,
        problems=[*submission.problems, *extraction.problems],
        unread=extraction.unread,
        now=now or dt.datetime.now(dt.UTC),
    )
    sid, branch_name = submission_id(submission), submission.meta.branch or submission.branch.name
    text = (
        record_fingerprint(extraction.files, record, submission.branch, branch_name)
        if records is not None
        else None
    )
    ctx.history = gather(records, sid, branch_name, ctx.meeting_date, text)
    ctx.faces = leader_faces(
        faces, submission.branch, branch_name, extraction.files, settings.limits, cfg=settings.faces
    )
    findings = run_rules(ctx)
    outcome = verdict(findings)
    remember(
        records, sid, submission.meta, submission.branch, ctx.meeting_date, record, signin, outcome, text
    )
    return Report(
        verdict=outcome,
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
        geometry=page_geometry(extraction.files),
    )


def page_geometry(
    files: list[ExtractedFile],
) -> dict[tuple[str, int], tuple[float | None, float | None, float]]:
    """The coordinate space of every page, so a report can crop the evidence boxes."""
    return {
        (f.file.path, page.number): (page.width, page.height, page.rotation)
        for f in files
        if f.document is not None
        for page in f.document.pages
    }


def submission_id(submission: Submission) -> str:
    """The platform's id when given (re-uploads keep it), else name plus a digest of the files."""
    return submission.meta.id or submission_key(submission.name, [f.sha256 for f in submission.files])


def extract_files(
    files: list[EvidenceFile], settings: Settings, cache: DocumentCache | None = None
) -> Extraction:
    out: list[ExtractedFile] = []
    problems: list[Problem] = []
    unread: list[str] = []
    for file in files:
        try:
            doc: Document | None = extract_one(file, settings, cache)
        except UnreadableFileError as exc:
            problems.append(Problem(file.path, exc.code, exc.message, exc.hint))
            doc = None
        if doc is not None and settings.ocr.engine != "none":
            problems.extend(unread_pages(doc))
        if doc is None or doc.via == "none" or any(p.needs_ocr for p in doc.pages):
            unread.append(file.path)
        role = classify(doc, file.kind.is_image)
        out.append(ExtractedFile(file, doc, role, ocr=doc is not None and doc.via == "ocr"))
    return Extraction(out, problems, unread)


def extract_one(file: EvidenceFile, settings: Settings, cache: DocumentCache | None) -> Document:
    """One file through its backend, or from the cache when the same bytes were read before."""
    backend = backend_for(file.kind)
    if cache is None:
        return backend.extract(file, settings)
    key = cache_key(file.sha256, f"{backend.name}{backend.version}", engine_fingerprint(settings.ocr.engine))
    doc = cache.get(key, file.path)
    if doc is None:
        doc = backend.extract(file, settings)
        if not any(p.needs_ocr for p in doc.pages) or settings.ocr.engine == "none":
            cache.put(key, doc)  # a page OCR failed on (a timeout, say) is tried again next time
    return doc


def unread_pages(doc: Document) -> list[Problem]:
    """Pages OCR could not read, among pages that were read: partial success as data."""
    return [
        Problem(
            doc.file,
            "ocr.page_failed",
            f"《{doc.file}》第 {p.number} 页未能识别文字",
            "请重新扫描或拍摄该页后上传。",
            page=p.number,
        )
        for p in doc.pages
        if p.needs_ocr
    ]


def read_minutes(
    files: list[ExtractedFile], submission: Submission, roster: list[str]
) -> MeetingRecord | None:
    minutes = [f for f in files if f.role == Role.MINUTES and f.document is not None]
    if not minutes:
        return None
    lines = [line for f in minutes for line in document_lines(f.document)]  # type: ignore[arg-type]
    default_date = submission.meta.meeting_date or submission.plan.deadline
    record = extract_meeting(
        lines,
        roster,
        default_date=default_date,
        plan_items=list(submission.plan.required_items),
        source_files=[f.file.path for f in minutes],
        materials=list(submission.plan.materials),
    )
    record.uncertain_lines = [
        Evidence.of(span)
        for f in minutes
        for span in f.document.all_spans()  # type: ignore[union-attr]
        if span.via == "ocr" and span.confidence < MIN_CONFIDENCE
    ]
    return record


def corroborate_attendance(record: MeetingRecord, signin: SigninSheet | None, reported: int | None) -> None:
    """An OCR-read 实到 below the trust threshold is confirmed when the platform's reported
    attendance or a trusted sign-in count states the same number."""
    signed = (
        signin.signed_count.value if signin and signin.signed_count.confidence >= MIN_CONFIDENCE else None
    )
    record.actual_count = corroborate_count(record.actual_count, reported, signed)


def read_signin_sheet(
    files: list[ExtractedFile],
    roster: list[str],
    limits: Limits | None = None,
    cache: DocumentCache | None = None,
) -> SigninSheet | None:
    """Every sign-in sheet page (typed tables, photos, scanned PDF pages) joined into one sheet,
    or None when there is none to read. See ``extractors.signin.typed.merge_sheets``."""
    sheets: list[SigninSheet] = []
    unread: list[str] = []
    for f in files:
        if f.role != Role.SIGNIN or f.document is None:
            continue
        found = _sheets_in(f, roster, limits or Limits(), cache)
        sheets += found
        if not found:
            unread.append(f.file.path)
    return merge_sheets(sheets, unread) if sheets else None


def _sheets_in(
    f: ExtractedFile, roster: list[str], limits: Limits, cache: DocumentCache | None
) -> list[SigninSheet]:
    assert f.document is not None
    if f.file.kind.is_image:
        pictures = [(p, read_signin_upload) for p in f.document.pages[:1]]
    else:
        typed = read_signin(f.document, roster)
        if typed is not None:
            return [typed]
        reader = _word_picture_reader(f.file) if f.file.kind in WORD_KINDS else read_signin_scan
        pictures = [(p, reader) for p in f.document.pages if any(s.via == "ocr" for s in p.spans)]
    found = [_signin_picture(f, page, reader, roster, limits, cache) for page, reader in pictures]
    return [sheet for sheet in found if sheet is not None]


def _word_picture_reader(evidence: EvidenceFile) -> SigninReader:
    """A sign-in sheet photographed and pasted into a Word file: its picture, read like a photo."""

    def read(data: bytes, page: Page, roster: list[str], limits: Limits, *, file: str) -> SigninSheet | None:
        return read_signin_upload(
            page_picture(evidence, page.number, limits), page, roster, limits, file=file
        )

    return read


def _signin_picture(
    f: ExtractedFile,
    page: Page,
    reader: SigninReader,
    roster: list[str],
    limits: Limits,
    cache: DocumentCache | None,
) -> SigninSheet | None:
    """A sheet in a picture (a photo, or an OCR'd page of a scanned PDF). The picture is
    decoded or rendered again, as the extraction keeps only text; the reading is cached."""
    key = signin_key(f.file.sha256, READER, page, roster) if cache is not None else ""
    if cache is not None:
        found, sheet = cache.get_signin(key, f.file.path)
        if found:
            return sheet
    try:
        sheet = reader(f.file.data, page, roster, limits, file=f.file.path)
    except (OcrError, UnreadableFileError):
        return None  # not remembered: a timeout or a broken engine may not happen next time
    if cache is not None:
        cache.put_signin(key, sheet)
    return sheet


def photo_facts(
    files: list[ExtractedFile], limits: Limits, history: HistoryStore | None = None, submission_id: str = ""
) -> list[PhotoFacts]:
    """Photo facts: the same picture twice in this submission (by content, not bytes), or
    a picture an earlier submission in ``history`` used (``duplicate_of`` = "submission/file").

    Each photo is decoded once for its fingerprint. This submission's photos are
    recorded in ``history`` after all of them were looked up.
    """
    photos = [f for f in files if f.role == Role.PHOTO]
    signatures = [photo_signature(f.file.data, f.file.exif, limits) for f in photos]
    out: list[PhotoFacts] = []
    for i, (f, sig) in enumerate(zip(photos, signatures, strict=True)):
        earlier = _earlier_use(sig.phash, history, submission_id) or _same_photo_before(
            f.file.sha256, sig.phash, photos[:i], signatures[:i]
        )
        taken = f.file.exif.taken_at if f.file.exif else None
        out.append(PhotoFacts(f.file.path, taken, duplicate_of=earlier, is_screenshot=sig.screenshot))
    if history is not None:
        for f, sig, facts in zip(photos, signatures, out, strict=True):
            if sig.phash is not None:
                history.record(submission_id, f.file.path, f.file.sha256, sig.phash, facts.taken_at)
    return out


def _earlier_use(phash: str | None, history: HistoryStore | None, submission_id: str) -> str | None:
    if history is None or phash is None:
        return None
    matches = history.find_similar(phash, exclude_submission=submission_id)
    return f"{matches[0].submission_id}/{matches[0].file}" if matches else None


def _same_photo_before(
    sha256: str, phash: str | None, before: list[ExtractedFile], signatures: list[PhotoSignature]
) -> str | None:
    for other, sig in zip(before, signatures, strict=True):
        same_bytes = other.file.sha256 == sha256
        if same_bytes or (
            phash is not None and sig.phash is not None and is_near_duplicate(phash, sig.phash)
        ):
            return other.file.path
    return None


def leaders_present(
    record: MeetingRecord, signin: SigninSheet | None, leaders: list[str]
) -> Value[list[str]] | None:
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
        from extractors.ocr import get_engine

        engine = get_engine(settings.ocr.engine)
        info["ocr"] = f"{engine.name} {engine.version}"
    return info
