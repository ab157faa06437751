"""Who is asking: the session cookie, the user, the branches they may see, CSRF.

Sessions are rows (revocable); the cookie holds a random token, HttpOnly and SameSite.
Every state-changing request carries the session's CSRF token (a form field or the
``X-CSRF-Token`` header).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from fastapi import HTTPException, Request

from store import repositories as repo
from store.models import Role, SessionToken, User

COOKIE = "jishi_session"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"


@dataclass(frozen=True)
class Principal:
    user: User
    session: SessionToken
    scope: repo.Scope

    @property
    def role(self) -> Role:
        return Role(self.user.role)

    @property
    def csrf(self) -> str:
        return self.session.csrf_token

    def is_reviewer(self) -> bool:
        return self.role in (Role.INSPECTOR, Role.ADMIN)

    def may_see(self, branch_id: int) -> bool:
        return self.scope is None or branch_id in self.scope


class NotLoggedIn(Exception):
    """Raised for a page without a live session (pages redirect to the login; the API says 401)."""


def forbidden() -> HTTPException:
    return HTTPException(status_code=403, detail="没有权限进行此操作")


def not_found() -> HTTPException:
    return HTTPException(status_code=404, detail="找不到该记录（或无权查看）")


def csrf_ok(request: Request, principal: Principal, form_value: str | None = None) -> bool:
    given = request.headers.get(CSRF_HEADER) or form_value or ""
    return hmac.compare_digest(given.encode(), principal.csrf.encode())
