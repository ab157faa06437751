"""The JSON report: a public, versioned contract (``schema_version``).

Keys are fixed; unknown values are ``null`` (a missing ``Value`` never becomes a
guess), dates and datetimes are ISO 8601 strings, enums are their string values,
and findings keep the order the checks produced them in.
"""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from typing import Any

from core.models import (
    Absentee,
    Evidence,
    FileEntry,
    Finding,
    MeetingRecord,
    PhotoFacts,
    Report,
    SigninSheet,
    StudyItem,
    Value,
)

SCHEMA_VERSION = "1"

__all__ = ["SCHEMA_VERSION", "render_json", "to_dict"]


def _plain(obj: Any) -> Any:
    """Turn a model leaf (Value, date, enum, tuple…) into a JSON-ready value."""
    if obj is None:
        return None
    if isinstance(obj, Value):
        return _plain(obj.value)
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, dt.date | dt.datetime):
        return obj.isoformat()
    if isinstance(obj, list | tuple):
        return [_plain(x) for x in obj]
    return obj


def _study(item: StudyItem) -> dict[str, Any]:
    return {"leader": item.leader, "material": item.material}


def _absentee(item: Absentee) -> dict[str, Any]:
    return {"name": item.name, "reason": item.reason}


def _meeting(m: MeetingRecord) -> dict[str, Any]:
    return {
        "kind": _plain(m.kind),
        "date": _plain(m.date),
        "time": _plain(m.time),
        "place": _plain(m.place),
        "presider": _plain(m.presider),
        "oath_leader": _plain(m.oath_leader),
        "recorder": _plain(m.recorder),
        "study": [_study(s) for s in m.study],
        "expected_count": _plain(m.expected_count),
        "actual_count": _plain(m.actual_count),
        "absent_count": _plain(m.absent_count),
        "absentees": [_absentee(a) for a in m.absentees],
        "attendees": _plain(m.attendees),
        "leaders_present": _plain(m.leaders_present),
    }


def _signin(s: SigninSheet | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"signed_count": _plain(s.signed_count), "names": [_plain(n) for n in s.names]}


def _photo(p: PhotoFacts) -> dict[str, Any]:
    return {"file": p.file, "taken_at": _plain(p.taken_at), "duplicate_of": p.duplicate_of}


def _evidence(e: Evidence) -> dict[str, Any]:
    return {
        "file": e.file,
        "page": e.page,
        "bbox": _plain(e.bbox),
        "text": e.text,
        "confidence": e.confidence,
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "status": _plain(f.status),
        "required": f.required,
        "rule_version": f.rule_version,
        "message": f.message,
        "hint": f.hint,
        "evidence": [_evidence(e) for e in f.evidence],
    }


def _file(f: FileEntry) -> dict[str, Any]:
    return {
        "path": f.path,
        "sha256": f.sha256,
        "role": _plain(f.role),
        "ocr": f.ocr,
        "kind": _plain(f.kind),
    }


def to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data, following the public contract exactly."""
    return {
        "schema_version": SCHEMA_VERSION,
        "verdict": _plain(report.verdict),
        "meeting": _meeting(report.meeting),
        "signin": _signin(report.signin),
        "photos": [_photo(p) for p in report.photos],
        "findings": [_finding(f) for f in report.findings],
        "files": [_file(f) for f in report.files],
        "submission": {
            "name": report.submission_name,
            "branch": report.branch_name,
            "categories": list(report.categories),
        },
        "engine": dict(report.engine),
        "generated_at": _plain(report.generated_at),
    }


def render_json(report: Report) -> str:
    """The report as pretty-printed UTF-8 JSON (Chinese kept readable, not \\u-escaped)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2)
