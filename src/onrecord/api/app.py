"""The web application: the JSON API under ``/api/v1`` and the server-rendered UI, one process.

``create_app`` takes the database (or a function that opens a ``Service``) and the server's
settings. The app holds one ``Service`` for its lifetime, as the CLI holds one per command, so
both read and write through the same code. Every failure, whatever raised it, is answered in one
shape: ``{"ok": false, "error": "...", "status": N}`` under ``/api``, an HTML page elsewhere.
"""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from onrecord import __version__, settings
from onrecord.errors import OnRecordError
from onrecord.service import Service
from onrecord.store.search import refresh_statistics

log = logging.getLogger("onrecord.api")
HERE = Path(__file__).parent
API_PREFIX = "/api"

# The UI loads nothing from elsewhere and runs no inline script or style, so a script that slipped
# into a page through article text would still not run. Escaping is the defence; this is the net.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """How the server treats requests. ``token`` None or empty: no token is configured."""

    token: str | None = None
    allow_anonymous_writes: bool = False
    max_request_bytes: int = 20 * 1024 * 1024

    @classmethod
    def from_environment(cls, *, allow_anonymous_writes: bool = False) -> ApiSettings:
        return cls(
            token=settings.default("token") or None,
            allow_anonymous_writes=allow_anonymous_writes,
            max_request_bytes=settings.int_setting("max_request_bytes"),
        )


class WriteRefused(OnRecordError):
    """A write without the right token (401: none given, 403: wrong, or writes are off)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def check_write_token(api: ApiSettings, authorization: str | None) -> None:
    """Raise WriteRefused unless this request may write."""
    if not api.token:
        if api.allow_anonymous_writes:
            return
        raise WriteRefused(
            "writes are disabled: set ONRECORD_TOKEN for the server and send 'Authorization: Bearer "
            "TOKEN', or start it with --allow-anonymous-writes",
            403,
        )
    if not authorization:
        raise WriteRefused("this request writes: send 'Authorization: Bearer TOKEN'", 401)
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), api.token.encode()):
        raise WriteRefused("the token given is not the server's ONRECORD_TOKEN", 403)


def create_app(
    service: str | Callable[[], Service] | None = None, api_settings: ApiSettings | None = None
) -> FastAPI:
    """The application over a database path or URL (default: the ``db`` setting), or over the
    Service that ``service()`` opens. The Service is opened now, so a bad database fails at start."""
    from onrecord.api import pages, routes

    opened = service() if callable(service) else Service(service)
    refresh_statistics(opened.store)
    api = api_settings or ApiSettings.from_environment()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        opened.close()

    app = FastAPI(
        title="onrecord",
        version=__version__,
        summary="A source-linked record of who said what, to whom, and when.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.service = opened
    app.state.api = api
    # One writer at a time: ingest keeps a near-duplicate index in memory.
    app.state.write_lock = threading.Lock()
    app.include_router(routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _add_error_handlers(app)
    app.add_middleware(_SecurityHeaders)
    app.add_middleware(_BodyLimit, max_bytes=api.max_request_bytes)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path == API_PREFIX or request.url.path.startswith(API_PREFIX + "/")


def error_response(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """The one error shape: JSON under /api, a page elsewhere."""
    if _is_api(request):
        return JSONResponse({"ok": False, "error": message, "status": status}, status, headers=headers)
    from onrecord.api.pages import render

    return HTMLResponse(
        render("error.html", request, status=status, message=message, title=f"Error {status}"),
        status,
        headers=headers,
    )


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = {404: "not found", 405: "method not allowed"}.get(exc.status_code, str(exc.detail))
        if exc.status_code == 404 and isinstance(exc.detail, str) and exc.detail != "Not Found":
            message = exc.detail
        if exc.status_code == 405:
            message = f"method {request.method} not allowed on {request.url.path}"
        return error_response(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, validation_message(exc.errors()))

    @app.exception_handler(OnRecordError)
    async def onrecord_error(request: Request, exc: OnRecordError) -> Response:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(request, exc.status, exc.message, headers)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(request, 500, f"internal error ({type(exc).__name__}); see the server log")


def validation_message(errors: Any) -> str:
    """FastAPI's validation errors as one line: where, and what is wrong there."""
    parts = []
    for e in errors:
        where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


class _SecurityHeaders:
    """Adds the CSP and friends to every response (pure ASGI: no buffering of bodies)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _BodyLimit:
    """Refuses request bodies over the limit with 413, by Content-Length before reading, and by
    counting for chunked bodies that do not say their length."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    # An HTTPException, so the app's handlers answer it in the one error shape.
                    raise StarletteHTTPException(413, self._message())
            return message

        await self.app(scope, counting_receive, send)

    def _message(self) -> str:
        return f"request body too large: the limit is {self.max_bytes} bytes (ONRECORD_MAX_REQUEST_BYTES)"

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(Request(scope, receive), 413, self._message())
        await response(scope, receive, send)
