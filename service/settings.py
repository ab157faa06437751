"""The service's settings: where data lives, which database and broker, and its limits.

Embedded defaults (SQLite for data and queue under ``data_dir``); the same code at scale
by environment only: ``JISHI_DATABASE_URL=postgresql+psycopg://…``,
``JISHI_BROKER_URL=redis://…`` or ``amqp://…``. Every limit is a named bounded default.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from core.settings import MB, EngineName
from store.db import sqlite_url

ENV_PREFIX = "JISHI_"
DEFAULT_DATA_DIR = Path("jishi-data")


class ServiceSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    data_dir: Path = DEFAULT_DATA_DIR
    database_url: str | None = None  # default: SQLite file in data_dir
    broker_url: str | None = None  # default: kombu's SQLAlchemy transport on a SQLite file in data_dir
    max_upload_bytes: Annotated[int, Field(gt=0, le=2048 * MB)] = 200 * MB
    max_upload_files: Annotated[int, Field(gt=0, le=1000)] = 200
    lease_seconds: Annotated[float, Field(gt=0, le=86_400)] = 600.0  # a check running longer is taken again
    requeue_after_seconds: Annotated[float, Field(gt=0, le=86_400)] = 120.0  # queued and not picked up
    sweep_every_seconds: Annotated[float, Field(gt=0, le=3_600)] = 30.0
    max_attempts: Annotated[int, Field(ge=1, le=20)] = 3
    session_hours: Annotated[float, Field(gt=0, le=24 * 90)] = 12.0
    secure_cookies: bool = False  # set behind HTTPS
    ocr_engine: EngineName = "rapidocr"
    worker_concurrency: Annotated[int, Field(ge=1, le=64)] = 1
    worker_max_memory_kb: Annotated[int, Field(ge=100_000, le=64_000_000)] = 3_000_000
    worker_proc_alive_timeout: Annotated[float, Field(gt=0, le=600)] = 60.0

    @classmethod
    def from_env(cls, **overrides: object) -> ServiceSettings:
        """Settings from ``JISHI_<FIELD>`` environment variables, then ``overrides``."""
        values: dict[str, object] = {}
        for name in cls.model_fields:
            raw = os.environ.get(ENV_PREFIX + name.upper())
            if raw is not None and raw != "":
                values[name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(values)

    def env(self) -> dict[str, str]:
        """These settings as environment variables (for the worker and beat processes)."""
        out = {}
        for name, value in self.model_dump().items():
            if value is not None:
                out[ENV_PREFIX + name.upper()] = str(value)
        return out

    @property
    def db_url(self) -> str:
        return self.database_url or sqlite_url(self.data_dir.resolve() / "jishi.sqlite")

    @property
    def queue_url(self) -> str:
        return self.broker_url or "sqla+" + sqlite_url(self.data_dir.resolve() / "queue.sqlite")

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"

    @property
    def history_path(self) -> Path:
        """The photo and record histories (one SQLite file, as ``jishi check --history``)."""
        return self.data_dir / "history.sqlite"

    @property
    def faces_path(self) -> Path:
        """The enrolled reference faces (``store.faces``); the face check runs once it exists."""
        return self.data_dir / "faces.sqlite3"

    @property
    def tmp_dir(self) -> Path:
        return self.data_dir / "tmp"

    @property
    def crops_dir(self) -> Path:
        """Evidence crops drawn on request (``service.crops``), by crop id; a cache."""
        return self.data_dir / "crops"

    @property
    def lease(self) -> dt.timedelta:
        return dt.timedelta(seconds=self.lease_seconds)

    @property
    def requeue_after(self) -> dt.timedelta:
        return dt.timedelta(seconds=self.requeue_after_seconds)
