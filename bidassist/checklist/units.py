"""Engine units from the clauses bidassist.reading found (shared by the check and the comparison)."""

from __future__ import annotations

from collections.abc import Iterable

from .engine import Unit


def units_from_clauses(clauses: Iterable) -> list[Unit]:
    """One engine unit per non-empty clause; the title is kept in the text when the body lacks it."""
    units = []
    for c in clauses:
        text = c.text if not c.title or c.title in c.text else f"{c.title} {c.text}"
        if not text.strip():
            continue
        units.append(Unit(text=text, clause=c.number or None,
                          location=None if c.location is None else str(c.location),
                          block_indices=list(c.block_indices or []), title=c.title))
    return units
