"""One ASGI middleware in front of every route: authentication when configured, the request-body
limit, the browser's session cookie (for CSRF tokens) and security headers."""

from __future__ import annotations

from http.cookies import SimpleCookie

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bidassist.web.auth import check_credentials
from bidassist.web.csrf import COOKIE, Csrf

_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    ),
]
_FORM_OVERHEAD = 256 * 1024


def _simple(status: int, text: str, extra: list[tuple[bytes, bytes]] | None = None):
    body = (f"<!doctype html><meta charset=utf-8><title>bidassist</title><p class=error>{text}</p>").encode()
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        *_HEADERS,
        *(extra or []),
    ]
    return status, headers, body


class GuardMiddleware:
    def __init__(self, app: ASGIApp, state) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        config = self.state.config
        if config.auth_required:
            user = check_credentials(headers.get("authorization"), config.users, config.token)
            if user is None:
                await _reply(
                    send,
                    *_simple(
                        401, "login required (需要登录)", [(b"www-authenticate", b'Basic realm="bidassist"')]
                    ),
                )
                return
            scope["bidassist.user"] = user
        limit = config.max_upload + _FORM_OVERHEAD
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await _reply(
                send,
                *_simple(
                    413, f"error: upload: over the {config.max_upload // 2**20} MB upload limit (文件过大)"
                ),
            )
            return
        cookie = SimpleCookie()
        cookie.load(headers.get("cookie", ""))
        new_session = None if COOKIE in cookie else Csrf.new_session()
        if new_session:
            scope["bidassist.session"] = new_session
        await self.app(scope, _limited(receive, limit), _with_headers(send, new_session))


def _limited(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                from starlette.exceptions import HTTPException

                raise HTTPException(413, "upload: over the upload limit (文件过大)")
        return message

    return wrapped


def _with_headers(send: Send, new_session: str | None) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            extra = list(_HEADERS)
            if new_session:
                extra.append(
                    (b"set-cookie", f"{COOKIE}={new_session}; Path=/; HttpOnly; SameSite=Strict".encode())
                )
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return wrapped


async def _reply(send: Send, status: int, headers, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
