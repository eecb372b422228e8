"""A sheet that restates another cost sheet grouped by one of its columns.

A purchase log (Item | Cost | … | Sub-Project) beside a sheet of sub-projects whose amounts are
SUMIFs over the log (Launch System 571.69, Ground Station 130.37 …): the second sheet is a view of
the same spend, not a second list — adding it doubles the spend, and calling the two "versions"
refuses a workbook that is perfectly clear. It is recognised by its content, not by how close its
total is: every priced row of the summary names a value of one text column of the detail sheet
(at least two groups) and its amount is the sum of the detail rows of that group (lines and
markups, to the cent per row), and every group of the detail sheet with money is on it. Such a
sheet becomes the summary (the reconciliation target), as a 汇总 sheet does.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bidassist.costs.sheets import SheetOutcome
from bidassist.costs.workbook import col_letter

_ROW = re.compile(r"(\d+)$")


def _key(v: object) -> str:
    return " ".join(str(v).lower().split()) if type(v) is str else ""


def _row_amounts(o: SheetOutcome) -> dict[int, Decimal]:
    """0-based row -> the money the sheet reads on it (lines and markups)."""
    out: dict[int, Decimal] = {}
    res = o.result
    if res is None:
        return out
    items = [(ln.source, ln.quantity * ln.likely) for ln in res.lines]
    items += [(m.source, m.amount) for m in res.markups if m.amount is not None]
    for src, amount in items:
        found = _ROW.search(src or "")
        if found:
            r = int(found.group(1)) - 1
            out[r] = out.get(r, Decimal(0)) + amount
    return out


def _groups(o: SheetOutcome, amounts: dict[int, Decimal], c: int) -> dict[str, Decimal] | None:
    """Group text in column `c` -> the sum of the rows' money; None when a row with money has no
    text in that column."""
    out: dict[str, Decimal] = {}
    for r, amount in amounts.items():
        row = o.raw.rows[r] if r < len(o.raw.rows) else []
        key = _key(row[c]) if c < len(row) else ""
        if not key:
            return None
        out[key] = out.get(key, Decimal(0)) + amount
    return out


def _restates(s: SheetOutcome, groups: dict[str, Decimal]) -> bool:
    """Every priced row of `s` is one group with its sum, and every group with money is there."""
    lines = s.result.lines if s.result is not None else []
    seen: set[str] = set()
    for ln in lines:
        amount = ln.quantity * ln.likely
        key = _key(ln.description)
        if not amount:
            continue
        if key not in groups or abs(groups[key] - amount) > Decimal("0.01") * max(1, len(groups)):
            return False
        seen.add(key)
    return len(seen) >= 2 and all(k in seen for k, v in groups.items() if v)


def _grouping_column(s: SheetOutcome, d: SheetOutcome) -> int | None:
    """The column of `d` whose groups `s` restates, or None."""
    if d.layout is None:
        return None
    amounts = _row_amounts(d)
    if len(amounts) < 3:
        return None
    skip = {d.layout.columns.get(f, -1) for f in ("description", "amount", "price", "quantity")}
    width = max((len(d.raw.rows[r]) for r in amounts if r < len(d.raw.rows)), default=0)
    for c in range(width):
        if c in skip:
            continue
        groups = _groups(d, amounts, c)
        if groups is not None and 2 <= len(groups) < len(amounts) and _restates(s, groups):
            return c
    return None


def mark_group_summaries(outcomes: list[SheetOutcome]) -> None:
    """A cost sheet that restates another one by groups (`_restates`) becomes its summary."""
    details = [o for o in outcomes if o.role == "cost detail" and o.result is not None and o.result.lines]
    for s in details:
        for d in details:
            if d is s or s.role != "cost detail" or d.role != "cost detail":
                continue
            priced = [ln for ln in (s.result.lines if s.result else []) if ln.quantity * ln.likely]
            if len(priced) >= len(d.result.lines if d.result else []):
                continue  # a summary has fewer priced rows than the rows it groups
            c = _grouping_column(s, d)
            if c is None:
                continue
            s.role, s.covers = "summary", [d.name]
            s.reason = (
                f"restates {d.name} grouped by its column {col_letter(c)}: used as the reconciliation "
                "target, not imported again"
            )
            break
