"""Timestamps as the store keeps them: UTC, ISO 8601, whole seconds, as text (the same on every
backend). `BIDASSIST_NOW` fixes the clock (reproducible exports and tests)."""

from __future__ import annotations

import datetime as dt
import os


def now_text() -> str:
    fixed = os.environ.get("BIDASSIST_NOW")
    if fixed:
        return fixed
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
