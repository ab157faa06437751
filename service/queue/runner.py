"""One check of a stored submission, as a worker runs it (no Celery here: callable from tests).

The database row is the record: ``claim`` takes it (queued, or running with its lease run
out), a heartbeat keeps the lease while the check runs, ``complete`` stores the report,
the verdict, the findings, the HTML report, where the evidence crops are (they are drawn
when first looked at: ``service.crops``) and the evidence files.
A submission the ingest rejects (an empty or unsafe upload) is ``failed`` with the
plain-Chinese reason; a jishi bug is ``failed`` with the error kept, to retry from the UI.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import traceback
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from core.errors import Family, JishiError
from core.meta import SubmissionMeta
from core.models import EvidenceFile, Report
from core.settings import EngineName, Settings, load_settings
from ingest.submission import Submission as Ingested
from ingest.submission import load_submission
from jishi.pipeline import check_submission
from jishi.report.html import crop_key, render_html
from jishi.report.json_report import to_dict
from service.crops import crop_marker, crop_specs
from service.settings import ServiceSettings
from store import repositories as repo
from store.cache import DocumentCache
from store.faces import FaceStore
from store.files import FileStore
from store.history import HistoryStore
from store.models import Status, Submission, utcnow
from store.records import RecordStore

log = logging.getLogger(__name__)
ZIP_NAME_SUFFIX = ".zip"
HISTORY_ID_PREFIX = "series:"


class Checker:
    """Everything a worker process keeps between checks (settings, stores, caches)."""

    def __init__(self, settings: ServiceSettings, sessions: sessionmaker[Session]) -> None:
        self.settings = settings
        self.sessions = sessions
        self.files = FileStore(settings.files_dir)
        self.check_settings = check_settings(settings.ocr_engine)
        settings.tmp_dir.mkdir(parents=True, exist_ok=True)
        self.cache = DocumentCache(settings.data_dir / "cache.sqlite")
        self.history = HistoryStore(settings.history_path)
        self.records = RecordStore(settings.history_path)

    def close(self) -> None:
        self.cache.close()
        self.history.close()
        self.records.close()

    def faces(self) -> FaceStore | None:
        """The enrolled reference faces, once someone enrolled any (as ``jishi check``)."""
        return FaceStore(self.settings.faces_path) if self.settings.faces_path.exists() else None

    def run(self, submission_id: int) -> str:
        """Check one submission if it is ours to check; returns what happened."""
        with self.sessions() as s:
            if not repo.claim(s, submission_id, self.settings.lease):
                return "skipped"
        with self._heartbeat(submission_id):
            try:
                result = self._check(submission_id)
            except JishiError as exc:  # the catalogue's family decides: retry, reject or a bug
                self._fail(submission_id, exc.for_user(), final=not exc.retryable)
                if exc.retryable:
                    return "retry"  # queued again; the sweeper sends it when the lease is over
                return "rejected" if exc.family is Family.BAD_INPUT else "failed"
            except Exception as exc:  # a jishi bug: kept on the row, retried from the UI
                log.exception("check of submission %s failed", submission_id)
                detail = traceback.format_exception_only(exc)[-1].strip()
                self._fail(submission_id, f"内部错误（不是材料的问题）：{detail}")
                return "failed"
        with self.sessions() as s:
            return "done" if repo.complete(s, submission_id, result) else "superseded"

    def _fail(self, submission_id: int, error: str, *, final: bool = True) -> None:
        with self.sessions() as s:
            repo.fail(s, submission_id, error, final=final)
            row = s.get(Submission, submission_id)
            repo.audit(s, actor=None, action="check_failed", submission=row, after={"error": error})
            s.commit()

    @contextmanager
    def _heartbeat(self, submission_id: int) -> Iterator[None]:
        """Extend the lease every third of it while the check runs (a dead worker stops doing so)."""
        stop = threading.Event()
        every = self.settings.lease_seconds / 3

        def beat() -> None:
            while not stop.wait(every):
                with suppress(Exception), self.sessions() as s:
                    s.execute(
                        update(Submission)
                        .where(Submission.id == submission_id, Submission.status == Status.RUNNING.value)
                        .values(lease_until=utcnow() + self.settings.lease)
                        .execution_options(synchronize_session=False)
                    )
                    s.commit()

        thread = threading.Thread(target=beat, name=f"lease-{submission_id}", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()

    def _check(self, submission_id: int) -> repo.CheckResult:
        with self.sessions() as s:
            row = s.get(Submission, submission_id)
            assert row is not None
            uploads = [(f.name, f.sha256) for f in row.files if f.kind == "upload"]
            branch = repo.branch_meta(row.branch)
            form_meta = dict(row.meta)
            month = row.month
            plan_row = repo.plan_for(s, row.branch, month)
            plan = repo.plan_meta(plan_row)
            name = row.name
            series = row.series
            branch_row = row.branch
        with self._package(uploads) as package:
            ingested = load_submission([package], settings=self.check_settings)
        meta = SubmissionMeta.model_validate(
            {
                **ingested.meta.model_dump(exclude_none=True),
                **form_meta,
                "branch": branch.name,
                "id": history_id(series),
            }
        )
        if month is None and meta.meeting_date is not None:
            month = meta.meeting_date.strftime("%Y-%m")
            with self.sessions() as s:
                plan = repo.plan_meta(repo.plan_for(s, branch_row, month))
        ingested = dataclasses.replace(ingested, name=name, meta=meta, branch=branch, plan=plan)
        report = check_submission(
            ingested,
            self.check_settings,
            history=self.history,
            cache=self.cache,
            records=self.records,
            faces=self.faces(),
        )
        return self._result(report, ingested, month)

    @contextmanager
    def _package(self, uploads: list[tuple[str, str]]) -> Iterator[Path]:
        """The upload as one zip on the data disk: a zip upload as stored, else the files zipped
        under their shown names (the ingest reads member names safely; they never become paths)."""
        for _, sha in uploads:  # our own loss, not the branch's: a failure, never a rejection
            if not self.files.has(sha):
                raise FileNotFoundError(f"stored upload {sha} is missing from the file store")
        if len(uploads) == 1 and uploads[0][0].lower().endswith(ZIP_NAME_SUFFIX):
            yield self.files.path(uploads[0][1])
            return
        path = self.settings.tmp_dir / f"{uuid.uuid4().hex}.zip"
        try:
            with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
                for shown, sha in uploads:
                    zf.write(self.files.path(sha), shown)
            yield path
        finally:
            path.unlink(missing_ok=True)

    def _result(self, report: Report, ingested: Ingested, month: str | None) -> repo.CheckResult:
        """The stored outcome. Evidence crops are not drawn here: the report points at crop
        specs the web process draws on first request (``service.crops``); the HTML report
        holds a marker where each picture goes."""
        specs = crop_specs(report, ingested.files)
        data = to_dict(report)
        for finding, source in zip(data["findings"], report.findings, strict=True):
            for ev_json, ev in zip(finding["evidence"], source.evidence, strict=True):
                found = specs.get(crop_key(ev))
                ev_json["crop"] = found[0] if found else None
        data["problems"] = [dataclasses.asdict(p) for p in ingested.problems]
        html = render_html(report, crops={key: crop_marker(cid) for key, (cid, _) in specs.items()})
        return repo.CheckResult(
            verdict=str(data["verdict"]),
            report=data,
            findings=data["findings"],
            report_html=self.files.put_bytes(html.encode("utf-8")),
            crops=dict(specs.values()),
            evidence=[_stored(self.files, f) for f in ingested.files],
            month=month,
        )


def check_settings(engine: EngineName) -> Settings:
    """The check's settings as ``jishi check`` reads them (``JISHI_LIMITS__…``, ``JISHI_OCR__…``,
    ``JISHI_FACES__…`` from the environment), with the service's OCR engine."""
    found = load_settings()
    return found.model_copy(update={"ocr": found.ocr.model_copy(update={"engine": engine})})


def history_id(series: str) -> str:
    """The submission as the photo and record histories know it: every version of one
    submission (a re-upload after fixing, a re-check) is one entry, replaced on each check,
    so a version never matches its own earlier version or itself."""
    return f"{HISTORY_ID_PREFIX}{series}"


def _stored(files: FileStore, f: EvidenceFile) -> repo.UploadedFile:
    files.put_hashed(f.data, f.sha256)  # the ingest hashed it: not again
    return repo.UploadedFile(name=f.path, sha256=f.sha256, size=len(f.data))
