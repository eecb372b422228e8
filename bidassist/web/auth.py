"""Authentication for non-loopback use: users with scrypt-hashed passwords, or one token, checked
as HTTP Basic credentials on every request."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from pathlib import Path

from bidassist.core.errors import InputError
from bidassist.core.yamlfile import load_yaml

_N, _R, _P = 2**14, 8, 1


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """`scrypt$N$r$p$salt$hash` (hex) for a users file."""
    if not password:
        raise InputError("the password is empty", "password")
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        got = hashlib.scrypt(
            password.encode(),
            salt=bytes.fromhex(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(bytes.fromhex(digest)),
            maxmem=64 * 1024 * 1024,
        )
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def load_users(path: Path) -> dict[str, str]:
    """A YAML mapping `users: {name: scrypt$...}`; errors name the file."""
    doc = load_yaml(Path(path))
    data = doc.data if isinstance(doc.data, dict) else None
    users = data.get("users") if data else None
    if not isinstance(users, dict) or not users:
        raise InputError(
            "a users file is `users:` mapping names to hashes from `bidassist serve --hash-password`",
            str(path),
        )
    out = {}
    for name, stored in users.items():
        if not isinstance(stored, str) or not stored.startswith("scrypt$") or stored.count("$") != 5:
            raise InputError(f"user {name!r}: not a scrypt hash", f"{path}: users.{name}")
        out[str(name)] = stored
    return out


def load_token(path: Path) -> str:
    from bidassist.core.safeio import read_text

    token = read_text(Path(path), max_bytes=4096, what="token file").strip()
    if len(token) < 16:
        raise InputError("the token must be at least 16 characters", str(path))
    return token


def basic_credentials(header: str | None) -> tuple[str, str] | None:
    if not header or not header.lower().startswith("basic "):
        return None
    try:
        user, _, password = base64.b64decode(header[6:].strip(), validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return user, password


def check_credentials(header: str | None, users: dict[str, str], token: str | None) -> str | None:
    """The user name when the Authorization header is good, else None."""
    creds = basic_credentials(header)
    if creds is None:
        return None
    user, password = creds
    if token is not None and hmac.compare_digest(password.encode(), token.encode()):
        return user or "token"
    stored = users.get(user)
    if stored is not None and verify_password(password, stored):
        return user
    return None
