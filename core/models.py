"""Plain data passed along the flow: ingest -> extractors -> checks -> report.

Every arrow in the pipeline is a function over these types. Nothing here does
I/O. Upstream types never import downstream ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, Literal, TypeVar

T = TypeVar("T")

BBox = tuple[float, float, float, float]  # x0, y0, x1, y1 in page units (PDF points or pixels)


class FileKind(StrEnum):
    """Content type sniffed from the bytes (never from the extension)."""

    DOCX = "docx"  # also .docm and filled-in .dotx/.dotm templates
    DOC = "doc"  # Word 97-2003 .doc/.dot and WPS Writer .wps/.wpt (converted by LibreOffice)
    RTF = "rtf"  # converted by LibreOffice
    PDF = "pdf"
    JPEG = "jpeg"
    PNG = "png"
    WEBP = "webp"
    HEIC = "heic"  # HEIC/HEIF photos (iPhone)
    TIFF = "tiff"  # scanner output, one page per frame
    XLSX = "xlsx"
    XLS = "xls"  # Excel 97-2003 .xls and WPS Spreadsheets .et (converted by LibreOffice)
    CSV = "csv"

    @property
    def is_image(self) -> bool:
        return self in (FileKind.JPEG, FileKind.PNG, FileKind.WEBP, FileKind.HEIC, FileKind.TIFF)

    @property
    def is_spreadsheet(self) -> bool:
        """A table file: a sign-in sheet or ``other``, never minutes or photos."""
        return self in (FileKind.XLSX, FileKind.XLS, FileKind.CSV)


class Role(StrEnum):
    MINUTES = "minutes"
    SIGNIN = "signin"
    PHOTO = "photo"
    MANUSCRIPT = "manuscript"
    OTHER = "other"


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    WARN = "warn"
    UNKNOWN = "unknown"


class Verdict(StrEnum):
    COMPLIANT = "compliant"
    NONCOMPLIANT = "noncompliant"
    NEEDS_REVIEW = "needs_review"


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class ExifInfo:
    orientation: int | None = None  # EXIF tag 274, 1..8
    taken_at: dt.datetime | None = None  # DateTimeOriginal (naive local time)
    software: str | None = None
    make: str | None = None
    model: str | None = None


@dataclass(frozen=True)
class EvidenceFile:
    """One accepted file of a submission, read into memory once."""

    path: str  # NFC-normalised, relative to the submission root, "/" separated
    kind: FileKind
    data: bytes = field(repr=False)
    sha256: str
    exif: ExifInfo | None = None

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class Problem:
    """A file-level problem found while reading a submission (partial success as data).

    ``code`` is a stable error code (see core.errors); ``message``/``hint`` are Chinese.
    ``blocking`` problems make the verdict at best ``needs_review`` (an accepted file we
    could not read may hold required evidence); non-blocking ones are warnings
    (e.g. a file of a type we do not accept, which we ignore).
    """

    file: str
    code: str
    message: str
    hint: str = ""
    blocking: bool = True
    page: int | None = None


# ----------------------------------------------------------------------- extractors


@dataclass(frozen=True)
class Origin:
    """Where a piece of text came from."""

    file: str
    page: int | None = None  # 1-based page (PDF) or None (docx has no stable pages)
    paragraph: int | None = None  # 0-based paragraph index (docx body)
    cell: tuple[int, int, int] | None = None  # (table, row, col), 0-based
    bbox: BBox | None = None


@dataclass(frozen=True)
class TextSpan:
    text: str
    origin: Origin
    confidence: float = 1.0
    via: Literal["text-layer", "ocr"] = "text-layer"


@dataclass
class Table:
    """A table as rows of de-duplicated cells; each cell is one TextSpan."""

    rows: list[list[TextSpan]]


@dataclass
class Page:
    number: int  # 1-based
    spans: list[TextSpan]  # body text in reading order (paragraphs or lines)
    tables: list[Table] = field(default_factory=list)
    needs_ocr: bool = False  # text layer missing or garbled
    width: float | None = None
    height: float | None = None
    # OCR'd images: counter-clockwise degrees the upright image was turned by before reading (a multiple of
    # 90 for orientation, plus a few degrees of deskew); see extractors.imaging.orient.turn
    rotation: float = 0


@dataclass
class Document:
    """Text and layout extracted from one evidence file."""

    file: str
    kind: FileKind
    pages: list[Page]
    via: Literal["text-layer", "ocr", "none"] = "text-layer"

    def all_spans(self) -> list[TextSpan]:
        """Body spans then table cells, page by page."""
        out: list[TextSpan] = []
        for page in self.pages:
            out.extend(page.spans)
            for table in page.tables:
                for row in table.rows:
                    out.extend(row)
        return out

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.all_spans())


@dataclass(frozen=True)
class Evidence:
    """What a finding points at: a file, a page, a box and the quoted text."""

    file: str
    text: str = ""
    page: int | None = None
    bbox: BBox | None = None
    confidence: float | None = None

    @classmethod
    def of(cls, span: TextSpan, text: str | None = None) -> Evidence:
        o = span.origin
        conf = span.confidence if span.via == "ocr" else None
        return cls(file=o.file, text=text or span.text, page=o.page, bbox=o.bbox, confidence=conf)


@dataclass
class Value(Generic[T]):
    """An extracted field: the value, where it was read, and how sure we are.

    ``inferred``: empty when the text states the value; else how it was worked out from what the
    text does state, in Chinese for the reports (由应到人数减缺席人数推算, 按参会名单人数计,
    记录写缺席“无”，按0计; 全体党员参加 with 应到N states N). Checks may use an inferred value at
    its lower confidence; a field read "as written" (the realdev labels) is ``None`` there.
    """

    value: T
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0
    inferred: str = ""


@dataclass
class StudyItem:
    leader: str | None
    material: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Absentee:
    name: str | None
    reason: str | None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class StatedRate:
    """An attendance rate the minutes write (到会率95.2% / 到会率90%以上), in percent."""

    percent: float
    at_least: bool = False  # 以上: a lower bound, not the rate


@dataclass
class MeetingRecord:
    """Fields read from the minutes. ``None`` means *not found*, never a guess."""

    kind: Value[str] | None = None
    date: Value[dt.date] | None = None
    time: Value[str] | None = None
    place: Value[str] | None = None
    presider: Value[str] | None = None
    oath_leader: Value[str] | None = None
    oath_taken: Value[bool] | None = None
    study: list[StudyItem] = field(default_factory=list)
    recorder: Value[str] | None = None
    expected_count: Value[int] | None = None
    actual_count: Value[int] | None = None
    absent_count: Value[int] | None = None
    absentees: list[Absentee] = field(default_factory=list)
    unnamed_leave: Value[str] | None = None  # one reason for absentees not named: 其中2人请假
    unnamed_leave_count: int | None = None  # how many it is written for: 其中2人请假 -> 2
    stated_rate: Value[StatedRate] | None = None  # the attendance rate as the minutes write it
    attendees: Value[list[str]] | None = None
    leaders_present: Value[list[str]] | None = None
    items_done: dict[str, Value[bool]] = field(default_factory=dict)  # plan item -> seen
    lecture: Value[str] | None = None  # 党课 title/speaker sentence when found
    source_files: list[str] = field(default_factory=list)
    uncertain_lines: list[Evidence] = field(default_factory=list)  # OCR lines read without confidence
    # sentences that talk about a field (主持, 领誓 …) whatever was read from them: a missing
    # value with a cue is undecided (unknown), not missing
    cues: dict[str, list[Evidence]] = field(default_factory=dict)


@dataclass
class SigninSheet:
    signed_count: Value[int]
    names: list[Value[str]] = field(default_factory=list)
    file: str = ""


@dataclass
class PhotoFacts:
    file: str
    taken_at: dt.datetime | None
    duplicate_of: str | None = None
    is_screenshot: bool = False


@dataclass
class FaceSeen:
    """A face in an on-site photo, scored against one leader's enrolled references."""

    file: str
    bbox: BBox  # in the upright photo's pixels
    eye_distance: float  # px; below LeaderFaces.min_eyes the face is too small to judge
    score: float | None  # best cosine against the leader's references; None when too small


@dataclass
class LeaderFaces:
    """The face facts for one leader with enrolled reference photos (leader.in_photos)."""

    leader: str
    threshold: float  # the unit's calibrated cosine threshold
    references: int  # reference photos enrolled
    photos: list[str]  # on-site photos examined
    faces: list[FaceSeen] = field(default_factory=list)
    min_eyes: float = 20.0
    clearly_other: float = 0.30


@dataclass
class ExtractedFile:
    """An evidence file after extraction: its document, role and whether OCR was used."""

    file: EvidenceFile
    document: Document | None
    role: Role
    ocr: bool = False


# --------------------------------------------------------------------------- checks


@dataclass
class Finding:
    code: str
    status: Status
    message: str
    required: bool
    rule_version: str
    evidence: list[Evidence] = field(default_factory=list)
    hint: str = ""


# --------------------------------------------------------------------------- report


@dataclass
class FileEntry:
    path: str
    sha256: str
    role: Role
    ocr: bool
    kind: FileKind | None = None


@dataclass
class Report:
    """Everything a renderer needs; ``jishi.report.json_report`` defines the JSON contract."""

    verdict: Verdict
    meeting: MeetingRecord
    signin: SigninSheet | None
    photos: list[PhotoFacts]
    findings: list[Finding]
    files: list[FileEntry]
    submission_name: str = ""
    branch_name: str | None = None
    categories: list[str] = field(default_factory=list)
    engine: dict[str, str] = field(default_factory=dict)  # e.g. {"ocr": "rapidocr 3.10.0"}
    generated_at: dt.datetime | None = None
    # (file, page) -> (width, height, rotation) of the space evidence boxes are in; not part of the JSON
    geometry: dict[tuple[str, int], tuple[float | None, float | None, float]] = field(default_factory=dict)
