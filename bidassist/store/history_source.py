"""The store as a source of past bids for the pricing engine (`competitors.history.db`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from bidassist.core.errors import InputError
from bidassist.store.connection import open_store
from bidassist.store.queries import Filters, history_rows


def since_date(since: dt.date | int | str | None) -> dt.date | None:
    """A date, or a year (2019 -> 2019-01-01)."""
    if since is None or isinstance(since, dt.date):
        return since
    text = str(since).strip()
    if text.isdigit() and len(text) == 4:
        return dt.date(int(text), 1, 1)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"since {since!r}: write a year (2019) or a date (2019-07-01)", "since") from None


def store_history_rows(
    db: bool | str | None,
    *,
    beside: Path | None = None,
    buyer: str | None = None,
    category: str | None = None,
    since: dt.date | int | None = None,
) -> list[dict[str, Any]]:
    """Past bids from the store, in the shape of the history-file loader's rows."""
    with open_store(db if isinstance(db, str) else None, beside=beside) as store:
        rows = history_rows(store, Filters(buyer, category, since_date(since)))
    if not rows:
        shown = ", ".join(
            f"{k}={v}" for k, v in (("buyer", buyer), ("category", category), ("since", since)) if v
        )
        raise InputError(
            f"the store has no valid bids{' for ' + shown if shown else ''}; import history first "
            "(bidassist history import)",
            "pricing.competitors.history",
        )
    return rows
