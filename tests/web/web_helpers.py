"""Helpers shared by the web tests."""

from __future__ import annotations

import os
import re
import socket
from pathlib import Path

from bidassist.core.resources import package_path

EXAMPLE = package_path("examples") / "hospital"
CHROMIUM = Path(os.environ.get("BIDASSIST_CHROMIUM", "/usr/bin/chromium"))


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf" value="([0-9a-f]{64})"', html)
    assert m, "the page has no CSRF token"
    return m.group(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
