"""A roll-up column: the column of a sheet's closing total that is not the lines' amount column
(`WBS Level 1 Totals` beside `Subtotals`). Each of its figures adds the lines from its row down to
the next figure (a section heading's total, or an item's own amount); a figure with no line under
it (`4. Testing 3,400` = 10 % of software, `6. Reserves 26,028`) is priced only at that level: an
amount the lines do not hold, added by the closing total. Such figures become markups only when
every other figure of the column is the sum of its lines and the column adds up to the total."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from bidassist.core.errors import Problem
from bidassist.core.money import format_money
from bidassist.costs.model import CostLine, Markup
from bidassist.costs.reconcile import SheetCheck, check_sheet, tolerance
from bidassist.costs.rowkinds import markup_kind
from bidassist.costs.table import SheetResult, closing_total
from bidassist.costs.values import cell_text
from bidassist.costs.workbook import RawSheet, col_index, sheet_ref

_CELL = re.compile(r"!\$?([A-Z]+)\$?(\d+)$")


def _row_of(line: CostLine) -> int | None:
    m = _CELL.search(line.source or "")
    return int(m.group(2)) - 1 if m else None


def _figures(raw: RawSheet, c: int, start: int, end: int) -> list[tuple[int, Decimal]]:
    out = []
    for r in range(start, end):
        row = raw.rows[r]
        v = row[c] if c < len(row) else ""
        if type(v) in (int, float) and v:
            out.append((r, Decimal(repr(float(v)))))
    return out


def rollup_lumps(
    raw: RawSheet, result: SheetResult, amount_col: int, start: int, check: SheetCheck | None = None
) -> bool:
    """Add the roll-up column's lone figures as markups when that makes the sheet's closing total
    agree (see the module's doc); True when it did. The result's closing total is updated.
    `check`: the result's `check_sheet`, when the caller has it (a pass over the lines saved)."""
    top = closing_total(result.totals, len(result.lines))
    m = _CELL.search(top.cell) if top is not None else None
    if top is None or m is None or top.row < 0 or (check or check_sheet(result)).basis != "difference":
        return False
    c = col_index(m.group(1))
    if c == amount_col:
        return False
    figures = _figures(raw, c, start, top.row)
    rows = [(r, ln.likely_total) for ln in result.lines if (r := _row_of(ln)) is not None]
    lone: list[tuple[int, Decimal]] = []
    for k, (r, value) in enumerate(figures):
        stop = figures[k + 1][0] if k + 1 < len(figures) else top.row
        covered = [a for lr, a in rows if r <= lr < stop]
        if not covered:
            lone.append((r, value))
        elif abs(sum(covered, Decimal(0)) - value) > tolerance(len(covered)):
            return False
    marked = {int(x.group(2)) - 1 for mk in result.markups if (x := _CELL.search(mk.source or ""))}
    new = [(r, v) for r, v in lone if r not in marked]
    if len(figures) < 3 or not new:
        return False
    if abs(sum((v for _, v in figures), Decimal(0)) - top.amount) > tolerance(len(figures)):
        return False
    added = sum((v for _, v in new), Decimal(0))
    trial = replace(
        result, totals=[replace(t, markups=t.markups + added) if t is top else t for t in result.totals]
    )
    if not check_sheet(trial).matched:
        return False
    result.totals[:] = trial.totals
    result.mismatches[:] = [p for p in result.mismatches if p.where != top.cell]
    for r, v in new:
        label = next((cell_text(x) for x in raw.rows[r] if type(x) is str and x.strip()), f"row {r + 1}")
        where = f"{sheet_ref(raw.name)}!A{r + 1}"
        result.markups.append(Markup(kind=markup_kind(label) or "other", label=label, amount=v, source=where))
        result.warnings.append(
            Problem(
                where,
                f"{label[:40]} {format_money(v)} is priced only in the roll-up column {m.group(1)} (no line under "
                f"it), which the total {top.cell} adds: read as a markup, not as a cost line",
            )
        )
    return True


__all__ = ["rollup_lumps"]
