"""The server's settings: workspace, limits, authentication."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path

from bidassist.core.errors import InputError
from bidassist.core.safeio import MiB

#: largest upload accepted (the whole request body is limited to this plus a little form overhead)
DEFAULT_MAX_UPLOAD = 20 * MiB
#: library calls (reviews, imports, renders) that may run at once; the others wait their turn
DEFAULT_WORKERS = 4


@dataclass
class WebConfig:
    """What `bidassist serve` was started with."""

    workspace: Path
    host: str = "127.0.0.1"
    max_upload: int = DEFAULT_MAX_UPLOAD
    workers: int = DEFAULT_WORKERS
    #: user name -> scrypt hash (see auth.hash_password); empty: no user file
    users: dict[str, str] = field(default_factory=dict)
    #: a shared access token (the password of HTTP Basic auth, any user name), or None
    token: str | None = None
    #: pricing runs that may run at once
    max_jobs: int = 2
    #: contract reviews kept (oldest dropped with their files)
    max_reviews: int = 32
    #: the bid-history store (path or URL); None: $BIDASSIST_DB, else bidassist.db in the workspace
    db: str | None = None

    @property
    def auth_required(self) -> bool:
        return bool(self.users) or self.token is not None

    def validate(self) -> None:
        """Refuse to listen beyond loopback without authentication."""
        if not is_loopback(self.host) and not self.auth_required:
            raise InputError(
                f"listening on {self.host} needs authentication: give --users FILE or "
                "--token-file FILE (仅本机地址可免登录)",
                "--host",
            )
        if not self.workspace.is_dir():
            raise InputError("workspace folder not found", str(self.workspace))


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
