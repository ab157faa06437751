"""A content-addressed cache of extracted documents and OCR results (SQLite).

Key: the file's sha256, the backend's name and version, and the OCR engine's name
and version (when the backend reads images). Checking the same files again then
costs a lookup instead of an OCR run. Sign-in sheets read from pictures (grid, ink,
names) are kept too, keyed also by their page OCR and the roster. Unreadable files are not cached (their
error is cheap to reproduce and may depend on limits).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import sqlite3
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.models import Document, Evidence, FileKind, Origin, Page, SigninSheet, Table, TextSpan, Value
from extractors.ocr import OcrLine
from store.sqlite import use_wal

CACHE_BUSY_SECONDS = 30  # wait this long for another worker's write to the cache
SCHEMA_VERSION = 5  # also raised when the OCR reading itself changes (4: no angle classifier, 5: deskew)


def default_path() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("jishi")) / "documents.sqlite3"


class DocumentCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # OCR workers run in threads (extractors.ocr.engine.read_with_timeout): one connection, one lock
        self._db = sqlite3.connect(
            path, timeout=CACHE_BUSY_SECONDS, isolation_level=None, check_same_thread=False
        )
        self._lock = threading.Lock()
        use_wal(self._db, CACHE_BUSY_SECONDS)
        # a cache: a crash may lose the last entries (read again), never corrupt the file
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        self._db.execute("CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, body TEXT NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS ocr (key TEXT PRIMARY KEY, body TEXT NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS signin (key TEXT PRIMARY KEY, body TEXT NOT NULL)")
        row = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None or int(row[0]) != SCHEMA_VERSION:
            self._db.execute("DELETE FROM documents")
            self._db.execute("DELETE FROM ocr")
            self._db.execute("DELETE FROM signin")
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))

    def get(self, key: str, file: str) -> Document | None:
        """The cached document for ``key``, its spans re-pointed at ``file`` (same bytes, any name)."""
        with self._lock:
            row = self._db.execute("SELECT body FROM documents WHERE key=?", (key,)).fetchone()
        return document_from_dict(json.loads(row[0]), file) if row else None

    def put(self, key: str, doc: Document) -> None:
        body = json.dumps(document_to_dict(doc), ensure_ascii=False)
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?)", (key, body))

    def get_ocr(self, key: str) -> list[OcrLine] | None:
        with self._lock:
            row = self._db.execute("SELECT body FROM ocr WHERE key=?", (key,)).fetchone()
        if row is None:
            return None
        return [OcrLine(t, tuple(b), c, slope) for t, b, c, slope in json.loads(row[0])]

    def put_ocr(self, key: str, lines: list[OcrLine]) -> None:
        body = json.dumps(
            [[ln.text, list(ln.box), ln.confidence, ln.slope] for ln in lines], ensure_ascii=False
        )
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO ocr VALUES (?, ?)", (key, body))

    def get_signin(self, key: str, file: str) -> tuple[bool, SigninSheet | None]:
        """(found, sheet): a picture that held no readable sheet is remembered as (True, None)."""
        with self._lock:
            row = self._db.execute("SELECT body FROM signin WHERE key=?", (key,)).fetchone()
        if row is None:
            return False, None
        body = json.loads(row[0])
        return True, signin_from_dict(body, file) if body is not None else None

    def put_signin(self, key: str, sheet: SigninSheet | None) -> None:
        body = json.dumps(signin_to_dict(sheet) if sheet is not None else None, ensure_ascii=False)
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO signin VALUES (?, ?)", (key, body))

    def close(self) -> None:
        self._db.close()


def cache_key(sha256: str, backend: str, engine: str = "") -> str:
    return f"{sha256}|{backend}|{engine}"


def signin_key(sha256: str, reader: str, page: Page, roster: Sequence[str]) -> str:
    """A sign-in sheet read from a picture depends on the pixels, the reader, the engine
    that reads the names (rapidocr), the page OCR it starts from and the roster."""
    inputs = [
        list(roster),
        page.number,
        page.rotation,
        [[s.text, s.origin.bbox, s.confidence] for s in page.spans],
    ]
    digest = hashlib.sha256(json.dumps(inputs, ensure_ascii=False).encode()).hexdigest()
    return f"{sha256}|{reader}|{engine_fingerprint('rapidocr')}|{digest}"


@lru_cache(maxsize=8)
def engine_fingerprint(engine: str) -> str:
    """The OCR engine's name and version, without loading its models."""
    if engine == "none":
        return "none"
    if engine == "tesseract":
        import pytesseract

        try:
            return f"tesseract {pytesseract.get_tesseract_version()}"
        except (pytesseract.TesseractNotFoundError, OSError):
            return "tesseract missing"
    return f"{engine} {importlib.metadata.version(engine)}"


def _span_to(span: TextSpan) -> dict[str, Any]:
    o = span.origin
    return {
        "t": span.text,
        "c": span.confidence,
        "v": span.via,
        "f": o.file,
        "p": o.page,
        "para": o.paragraph,
        "cell": o.cell,
        "bbox": o.bbox,
    }


def _span_from(d: dict[str, Any], file: str) -> TextSpan:
    cell = tuple(d["cell"]) if d["cell"] is not None else None
    bbox = tuple(d["bbox"]) if d["bbox"] is not None else None
    origin = Origin(file, d["p"], d["para"], cell, bbox)
    return TextSpan(d["t"], origin, d["c"], d["v"])


def _evidence_to(ev: Evidence) -> list[Any]:
    return [ev.text, ev.page, ev.bbox, ev.confidence]


def _evidence_from(d: list[Any], file: str) -> Evidence:
    text, page, bbox, confidence = d
    return Evidence(file, text, page, tuple(bbox) if bbox is not None else None, confidence)


def _value_to(v: Value[Any]) -> dict[str, Any]:
    return {"v": v.value, "c": v.confidence, "e": [_evidence_to(ev) for ev in v.evidence]}


def _value_from(d: dict[str, Any], file: str) -> Value[Any]:
    return Value(d["v"], [_evidence_from(ev, file) for ev in d["e"]], d["c"])


def signin_to_dict(sheet: SigninSheet) -> dict[str, Any]:
    """A sign-in sheet read from one picture (all its evidence points into that file)."""
    return {"count": _value_to(sheet.signed_count), "names": [_value_to(n) for n in sheet.names]}


def signin_from_dict(d: dict[str, Any], file: str) -> SigninSheet:
    return SigninSheet(_value_from(d["count"], file), [_value_from(n, file) for n in d["names"]], file)


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "file": doc.file,
        "kind": doc.kind.value,
        "via": doc.via,
        "pages": [
            {
                "n": p.number,
                "spans": [_span_to(s) for s in p.spans],
                "ocr": p.needs_ocr,
                "w": p.width,
                "h": p.height,
                "rot": p.rotation,
                "tables": [[[_span_to(c) for c in row] for row in t.rows] for t in p.tables],
            }
            for p in doc.pages
        ],
    }


def document_from_dict(d: dict[str, Any], file: str | None = None) -> Document:
    file = file or d["file"]
    pages = [
        Page(
            p["n"],
            [_span_from(s, file) for s in p["spans"]],
            [Table([[_span_from(c, file) for c in row] for row in t]) for t in p["tables"]],
            needs_ocr=p["ocr"],
            width=p["w"],
            height=p["h"],
            rotation=p.get("rot", 0),
        )
        for p in d["pages"]
    ]
    return Document(file=file, kind=FileKind(d["kind"]), pages=pages, via=d["via"])
