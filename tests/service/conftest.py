"""Service fixtures: submissions as zips (from fixtures/generate.py), an in-process app with
two districts and branches, and a real `jishi serve` (API + Celery worker) in a temp dir,
optionally against PostgreSQL and Redis started here in temp dirs and stopped after."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from core.settings import Settings
from fixtures.servers import Server, jishi_serve  # noqa: F401 (re-exported for the tests)

ROOT = Path(__file__).resolve().parents[2]
SERVER_START_TIMEOUT_S = 60.0
TYPED_OK = "ok_prose_docx"  # typed docx minutes and sign-in sheet, three photos: compliant
TYPED_BAD = "v_presider_missing"  # typed: noncompliant (no presider)
PHOTO_BAD = "v_signin_photo_mismatch"  # a photographed sign-in sheet: noncompliant, with crops
PASSWORD = "correct horse battery"


def build_zip(folder: Path) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.iterdir()):
            zf.write(path, path.name)
    return buf.getvalue()


@pytest.fixture(scope="session")
def case_zips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The few cases the service tests upload, generated once, as zips."""
    from fixtures import generate

    out = tmp_path_factory.mktemp("service-cases")
    cases = {c.name: c for c in generate.build_cases()}
    zips = {}
    for name in (TYPED_OK, TYPED_BAD, PHOTO_BAD):
        generate.write_case(out, cases[name])
        zips[name] = build_zip(out / name)
    return zips


@pytest.fixture(scope="session")
def reference(case_zips: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What `jishi check` says of the typed cases (the service must store the same verdict;
    the rules themselves are tested elsewhere)."""
    from ingest.submission import load_submission
    from jishi.pipeline import check_submission

    out = tmp_path_factory.mktemp("reference")
    verdicts = {}
    for name in (TYPED_OK, TYPED_BAD):
        path = out / f"{name}.zip"
        path.write_bytes(case_zips[name])
        verdicts[name] = check_submission(load_submission([path]), Settings()).verdict.value
    return verdicts


# ----------------------------------------------------------------------------- in-process app


@dataclass
class Org:
    """Two districts, one branch each; a secretary per branch, an inspector of district A, an admin."""

    branch_a: int
    branch_b: int
    district_a: int
    district_b: int
    users: dict[str, str] = field(default_factory=dict)  # username -> role


def seed_org(sessions: Any) -> Org:
    from service.auth.passwords import hash_password
    from service.seed import SAMPLE_DIR
    from store import repositories as repo
    from store.models import Role

    hashed = hash_password(PASSWORD)
    with sessions() as s:
        da, db_ = repo.district(s, "甲片区"), repo.district(s, "乙片区")
        a = repo.import_branch_yaml(
            s, (SAMPLE_DIR / "branch.yaml").read_text(encoding="utf-8"), district_id=da.id
        )
        b = repo.import_branch_yaml(
            s,
            "name: 外科第二党支部\nmembers:\n  - {name: 钱多多, role: 书记}\n  - {name: 孙小小, role: 党员}\n",
            district_id=db_.id,
        )
        repo.import_plan_yaml(s, (SAMPLE_DIR / "plan.yaml").read_text(encoding="utf-8"), district_id=da.id)
        repo.create_user(s, "sec_a", hashed, Role.SECRETARY, branch_id=a.id)
        repo.create_user(s, "sec_b", hashed, Role.SECRETARY, branch_id=b.id)
        repo.create_user(s, "insp_a", hashed, Role.INSPECTOR, district_id=da.id)
        repo.create_user(s, "insp_b", hashed, Role.INSPECTOR, district_id=db_.id)
        repo.create_user(s, "admin", hashed, Role.ADMIN)
        s.commit()
        return Org(a.id, b.id, da.id, db_.id)


@dataclass
class Api:
    app: Any
    settings: Any
    sessions: Any
    queue: list[int]
    org: Org

    def client(self, username: str | None = None) -> Any:
        from fastapi.testclient import TestClient

        client = TestClient(self.app)
        if username is not None:
            r = client.post("/api/session", json={"username": username, "password": PASSWORD})
            assert r.status_code == 200, r.text
            client.headers["X-CSRF-Token"] = r.json()["csrf_token"]
        return client

    def work(self) -> list[str]:
        """Run the queued checks in this process (the worker's code, without the broker)."""
        from service.queue.runner import Checker

        checker = Checker(self.settings, self.sessions)
        try:
            done = [checker.run(i) for i in self.queue]
        finally:
            checker.close()
        self.queue.clear()
        return done


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Api]:
    from service.app import create_app
    from service.settings import ServiceSettings
    from store.db import make_engine, session_factory, upgrade

    settings = ServiceSettings(data_dir=tmp_path / "data")
    settings.data_dir.mkdir()
    upgrade(settings.db_url)
    engine = make_engine(settings.db_url)
    sessions = session_factory(engine)
    org = seed_org(sessions)
    queue: list[int] = []
    app = create_app(settings, enqueue=queue.append)
    yield Api(app, settings, sessions, queue, org)
    app.state.engine.dispose()
    engine.dispose()


def upload(client: Any, data: bytes, name: str = "材料.zip", **form: Any) -> Any:
    return client.post("/api/submissions", files=[("files", (name, data, "application/zip"))], data=form)
