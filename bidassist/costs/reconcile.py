"""Never a silent wrong total: the imported lines checked against the total the sheet states.

A sheet's stated total is its last total row of the highest level (合计 / 总计 / Total / an
unlabelled total). It reconciles when it equals the lines above it, or the lines plus the markups
above it (含税总价 after 税金), or when several totals of that level cover the lines between them.
The tolerance is one cent plus half a cent per line (each amount cell may be rounded).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter, mul

from bidassist.core.money import format_money, format_money_or_dash, round_money
from bidassist.costs.model import CostLine
from bidassist.costs.table import SheetResult, StatedTotal, closing_total

CENT = Decimal("0.01")
HALF_CENT = Decimal("0.005")


def tolerance(n_lines: int) -> Decimal:
    return max(CENT, HALF_CENT * n_lines)


def lines_total(lines: list[CostLine]) -> Decimal:
    """Σ quantity × likely, rounded to cents (the products added in order, by `map`: no Python
    loop turn a line)."""
    return round_money(sum(map(mul, map(_QUANTITY, lines), map(_LIKELY, lines)), Decimal(0)))


_QUANTITY, _LIKELY = attrgetter("quantity"), attrgetter("likely")


@dataclass(frozen=True)
class SheetCheck:
    """One sheet's reconciliation: matched (with the stated total and its cell), no total, or a
    difference (an error unless accepted)."""

    imported: Decimal
    stated: Decimal | None = None
    cell: str | None = None
    basis: str = ""
    label: str = ""

    @property
    def difference(self) -> Decimal | None:
        return None if self.stated is None else round_money(self.stated - self.imported)

    @property
    def matched(self) -> bool:
        return self.stated is not None and self.basis != "difference"


def check_sheet(result: SheetResult) -> SheetCheck:
    imported = lines_total(result.lines)
    top = _stated(result.totals, len(result.lines))
    if top is None:
        return SheetCheck(imported)
    n = len(result.lines)
    tol = tolerance(n)
    if top.lines == n and abs(top.amount - imported) <= tol:
        return SheetCheck(imported, top.amount, top.cell, "lines", top.label)
    if top.lines == n and abs(top.amount - (imported + top.markups)) <= tol:
        return SheetCheck(imported + top.markups, top.amount, top.cell, "lines + markups", top.label)
    chain = _chain(result.totals, top.level, n)
    if chain is not None:
        stated = sum((t.amount for t in chain), Decimal(0))
        cell = (
            chain[0].cell if len(chain) == 1 else f"{chain[0].cell} … {chain[-1].cell} ({len(chain)} totals)"
        )
        if abs(stated - imported) <= tol:
            return SheetCheck(imported, stated, cell, "lines", top.label)
        if top.markups and abs(stated - imported - top.markups) <= tol:
            return SheetCheck(imported + top.markups, stated, cell, "lines + markups", top.label)
    return SheetCheck(imported, top.amount, top.cell, "difference", top.label)


def _stated(totals: list[StatedTotal], n: int) -> StatedTotal | None:
    return closing_total(totals, n)


def _chain(totals: list[StatedTotal], level: int, n: int) -> list[StatedTotal] | None:
    """Totals of one level that each cover the lines since the previous one, up to the last line."""
    chain = [t for t in totals if t.level == level]
    covered = 0
    for t in chain:
        if t.since != covered:
            return None
        covered = t.lines
    return chain if chain and covered == n else None


def mismatch_message(check: SheetCheck, n_lines: int, where: str) -> str:
    return (
        f"the stated total {check.label} {format_money_or_dash(check.stated)} ({check.cell}) ≠ "
        f"{format_money(check.imported)}, the sum of the {n_lines} line(s) imported from {where} "
        f"(difference {format_money_or_dash(check.difference)}): a row is missing, counted twice or read in "
        "the wrong column; check the rows, name the columns with --map / the rows with "
        "--map first=ROW,last=ROW, or accept the difference with --accept-difference"
    )
