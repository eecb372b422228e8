"""The user's cache folder for what bidassist can rebuild at any time (compiled rule patterns, the
top-level help text): `$XDG_CACHE_HOME/bidassist`, else `~/.cache/bidassist`. Nothing here is ever
the only copy of anything; a missing, stale or unwritable cache only costs time."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path | None:
    """`$XDG_CACHE_HOME/bidassist`, else `~/.cache/bidassist`; None when neither is known."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not base or not os.path.isabs(base):
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):  # no home folder
            return None
    return Path(base) / "bidassist"


def write_atomic(path: Path, data: bytes) -> bool:
    """Write `data` to `path` through a temporary file in the same folder and a rename; False when
    the folder cannot be made or written (the caller carries on without its cache)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
        return True
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass
        return False
