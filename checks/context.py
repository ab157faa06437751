"""What a rule may read: the extracted facts of one submission, never a file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from core.history import HistoryFacts
from core.meta import Branch, Plan, SubmissionMeta
from core.models import ExtractedFile, LeaderFaces, MeetingRecord, PhotoFacts, Problem, Role, SigninSheet


@dataclass
class CheckContext:
    meta: SubmissionMeta
    branch: Branch
    plan: Plan
    record: MeetingRecord | None  # None when no minutes were found
    signin: SigninSheet | None
    photos: list[PhotoFacts]
    files: list[ExtractedFile]
    problems: list[Problem] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # files whose content could not be read (yet)
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    history: HistoryFacts | None = None  # facts across months and branches; None without a history store
    faces: list[LeaderFaces] = field(default_factory=list)  # leaders with enrolled reference photos only

    def files_with(self, role: Role) -> list[ExtractedFile]:
        return [f for f in self.files if f.role == role]

    @property
    def meeting_date(self) -> dt.date | None:
        """The platform's meeting_date, else the date read from the minutes."""
        if self.meta.meeting_date is not None:
            return self.meta.meeting_date
        if self.record is not None and self.record.date is not None:
            return self.record.date.value
        return None

    @property
    def categories(self) -> list[str]:
        return list(self.meta.categories)
