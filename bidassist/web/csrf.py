"""CSRF protection: a random per-browser cookie, and on every form the HMAC of it under the
server's secret; a POST without the matching token is refused."""

from __future__ import annotations

import hashlib
import hmac
import secrets

COOKIE = "bidassist_session"
FIELD = "csrf"
HEADER = "x-csrf-token"


class Csrf:
    def __init__(self) -> None:
        self._secret = secrets.token_bytes(32)

    @staticmethod
    def new_session() -> str:
        return secrets.token_urlsafe(24)

    def token(self, session: str) -> str:
        return hmac.new(self._secret, session.encode(), hashlib.sha256).hexdigest()

    def valid(self, session: str | None, token: str | None) -> bool:
        if not session or not token:
            return False
        return hmac.compare_digest(self.token(session), token)
