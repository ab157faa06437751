"""A new data directory gets a sample district, branch (the roster in ``sample/``), the
month plan, and three accounts with random passwords, printed once and kept in
``<data-dir>/initial-logins.txt`` (mode 0600)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.auth.passwords import hash_password
from store import repositories as repo
from store.models import Role, User

SAMPLE_DIR = Path(__file__).resolve().parent / "sample"
SAMPLE_DISTRICT = "第一督查片区"
LOGINS_FILE = "initial-logins.txt"
PASSWORD_BYTES = 9


@dataclass(frozen=True)
class Login:
    username: str
    password: str
    role: Role


def needs_seed(s: Session) -> bool:
    return not s.scalar(select(func.count()).select_from(User))


def seed(s: Session, data_dir: Path) -> list[Login]:
    """The sample organisation and accounts; returns the logins (to print once)."""
    district = repo.district(s, SAMPLE_DISTRICT)
    branch = repo.import_branch_yaml(
        s, (SAMPLE_DIR / "branch.yaml").read_text(encoding="utf-8"), district_id=district.id
    )
    repo.import_plan_yaml(s, (SAMPLE_DIR / "plan.yaml").read_text(encoding="utf-8"), district_id=district.id)
    logins = [
        Login("shuji", secrets.token_urlsafe(PASSWORD_BYTES), Role.SECRETARY),
        Login("ducha", secrets.token_urlsafe(PASSWORD_BYTES), Role.INSPECTOR),
        Login("admin", secrets.token_urlsafe(PASSWORD_BYTES), Role.ADMIN),
    ]
    names = {Role.SECRETARY: f"{branch.name}书记", Role.INSPECTOR: "督查员", Role.ADMIN: "管理员"}
    for login in logins:
        repo.create_user(
            s,
            login.username,
            hash_password(login.password),
            login.role,
            display_name=names[login.role],
            branch_id=branch.id if login.role == Role.SECRETARY else None,
            district_id=district.id if login.role == Role.INSPECTOR else None,
        )
    s.commit()
    path = data_dir / LOGINS_FILE
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.writelines(f"{x.username}\t{x.password}\t{x.role.value}\n" for x in logins)
    return logins
