"""The web application: the REST API under /api, the pages, the shared dependencies."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.actions import Services
from service.auth.access import COOKIE, NotLoggedIn, Principal
from service.settings import ServiceSettings
from store import repositories as repo
from store.db import make_engine, session_factory
from store.files import FileStore

log = logging.getLogger(__name__)
UPLOAD_PATHS = ("/api/submissions", "/upload", "/branches/")  # /branches/{id}/faces: reference photos
FORM_OVERHEAD_BYTES = 1024 * 1024  # multipart boundaries and form fields around the files
DB_DOWN = "数据库暂时无法连接，本次操作未被接收（没有保存任何内容），请稍后重试。"


def services(request: Request) -> Services:
    return request.app.state.services


def db(request: Request) -> Iterator[Session]:
    with services(request).sessions() as s:
        yield s


def principal(request: Request, s: Annotated[Session, Depends(db)]) -> Principal:
    token = request.cookies.get(COOKIE)
    row = repo.live_session(s, token) if token else None
    if row is None:
        raise NotLoggedIn
    return Principal(row.user, row, repo.scope_of(s, row.user))


class UploadLimit:
    """Refuse an upload by its Content-Length before Starlette reads (and spools) the body,
    and stop one whose body runs past what it declared."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes + FORM_OVERHEAD_BYTES

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or not scope["path"].startswith(UPLOAD_PATHS):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is None or not length.isdigit():
            await _refuse(send, 411, "上传请求缺少 Content-Length")
            return
        if int(length) > self.max_bytes:
            mb = (self.max_bytes - FORM_OVERHEAD_BYTES) // (1024 * 1024)
            await _refuse(send, 413, f"上传内容过大（上限 {mb} MB），请压缩照片或分次上传")
            return
        declared, seen = int(length), 0

        async def bounded() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > declared:
                raise ValueError("request body longer than its Content-Length")
            return message

        await self.app(scope, bounded, send)


async def _refuse(send: Send, status: int, detail: str) -> None:
    response = JSONResponse({"detail": detail}, status_code=status)
    await send({"type": "http.response.start", "status": status, "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})


def create_app(settings: ServiceSettings, enqueue: Callable[[int], None] | None = None) -> FastAPI:
    """The ASGI app. ``enqueue`` sends a submission id to the workers (default: Celery)."""
    from service.api.routes import router as api_router
    from service.web.district import router as district_router
    from service.web.faces import router as faces_router
    from service.web.routes import router as web_router

    settings.tmp_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.db_url)
    app = FastAPI(
        title="纪实 jishi",
        version="0.1.0",
        docs_url="/api/docs",
        openapi_url="/api/openapi.json",
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    app.state.services = Services(
        settings=settings,
        sessions=session_factory(engine),
        files=FileStore(settings.files_dir),
        enqueue=enqueue or celery_enqueue(),
    )
    app.state.engine = engine
    app.include_router(api_router)
    app.include_router(web_router)
    app.include_router(district_router)
    app.include_router(faces_router)
    app.add_middleware(UploadLimit, max_bytes=settings.max_upload_bytes)
    app.add_exception_handler(NotLoggedIn, _not_logged_in)
    app.add_exception_handler(OperationalError, _database_down)
    app.add_exception_handler(DBAPIError, _database_down)
    app.middleware("http")(_security_headers)
    return app


def celery_enqueue() -> Callable[[int], None]:
    from service.queue.app import CHECK_TASK, app

    def enqueue(submission_id: int) -> None:
        app.send_task(CHECK_TASK, args=[submission_id])

    return enqueue


async def _not_logged_in(request: Request, exc: Exception) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": "请先登录"}, status_code=401)
    return RedirectResponse("/login", status_code=303)


async def _database_down(request: Request, exc: Exception) -> Response:
    log.error("database error: %s", exc)
    return JSONResponse({"detail": DB_DOWN}, status_code=503)


async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response
