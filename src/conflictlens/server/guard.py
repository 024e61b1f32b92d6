"""What every request meets before the API reads it, and what every response carries.

Pure ASGI middleware, so that a request is refused before FastAPI reads or parses any of it: one whose
address or query holds a control character (nothing a person types holds one, and PostgreSQL refuses
NUL in text), a write without a valid token, or a body over the size limit (by its Content-Length, or
while it streams in when it has none). Every refusal is one line of JSON, ``{"detail": ...}``. Every
response carries a Content-Security-Policy that lets the page run only the server's own scripts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from urllib.parse import parse_qsl, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# C0 controls but tab, newline and carriage return.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def content_security_policy(map_tiles: str | None) -> str:
    """Only the server's own scripts run; Leaflet sets style attributes, and a configured tile server's images load."""
    tiles = _origin(map_tiles) if map_tiles else None
    images = ["'self'", "data:", *([tiles] if tiles else [])]
    return ("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            f"form-action 'self'; style-src 'self' 'unsafe-inline'; img-src {' '.join(images)}")


def _origin(template: str) -> str | None:
    """The CSP source of a tile URL template: ``https://{s}.tile.example.org/{z}/{x}/{y}.png`` gives
    ``https://*.tile.example.org``; a relative template is the server's own ('self')."""
    parts = urlsplit(template)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    host = re.sub(r"\{[^}]*\}", "*", parts.netloc)
    if "*" in host.removeprefix("*."):  # a placeholder CSP cannot express: allow the scheme's servers
        return f"{parts.scheme}:"
    return f"{parts.scheme}://{host}"


class SecurityHeaders:
    """Adds the Content-Security-Policy and ``X-Content-Type-Options: nosniff`` to every response."""

    def __init__(self, app: ASGIApp, *, policy: str) -> None:
        self.app = app
        self.headers = security_headers(policy)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(self.headers)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def security_headers(policy: str) -> dict[str, str]:
    return {"Content-Security-Policy": policy, "X-Content-Type-Options": "nosniff"}


class BodyTooLarge(HTTPException):
    """A body that grew over the limit while it streamed in (a chunked one, which has no Content-Length)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over {limit:,} bytes: send a smaller one")


class RequestGuard:
    """Refuses a request before the app reads it: a control character in its address or query (422), a write
    whose token ``authenticate`` refuses (it raises an HTTPException, 401), a body over ``max_body_bytes`` (413)."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int, authenticate: Callable[[str | None], object]) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.authenticate = authenticate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        try:
            self._check_address(scope)
            if scope["method"] not in READ_METHODS:
                # The token is checked before a byte of the body is read: a stranger's body is never parsed.
                await run_in_threadpool(self.authenticate, headers.get("authorization"))
            length = headers.get("content-length")
            if length is not None and not length.isdigit():
                raise HTTPException(400, "the Content-Length header is not a whole number of bytes")
            if length is not None and (len(length) > 15 or int(length) > self.max_body_bytes):
                raise BodyTooLarge(self.max_body_bytes)
        except HTTPException as exc:
            await refuse(send, exc.status_code, exc.detail, exc.headers)
            return
        received = 0
        started = False

        async def capped_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise BodyTooLarge(self.max_body_bytes)
            return message

        async def noting_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, capped_receive, noting_send)
        except BodyTooLarge as exc:  # raised where no exception handler answered it
            if started:
                raise
            await refuse(send, exc.status_code, exc.detail, None)

    def _check_address(self, scope: Scope) -> None:
        if CONTROL.search(scope["path"]):
            raise HTTPException(422, "the address holds a control character: remove it")
        # Read as Starlette reads the query, so that what is checked is what the endpoints get.
        for name, value in parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True):
            if CONTROL.search(name) or CONTROL.search(value):
                shown = CONTROL.sub("?", name)[:40]
                raise HTTPException(422, f"query parameter {shown!r} holds a control character: remove it")


async def refuse(send: Send, status: int, detail: str, headers: Mapping[str, str] | None) -> None:
    """Answer with one line of JSON, ``{"detail": ...}``, without reading the request."""
    body = json.dumps({"detail": detail}, separators=(",", ":")).encode("utf-8")
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode("ascii")),
           *((k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items())]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
