"""Amounts that already include a tax the sheet states (a Paid column beside a sales-tax rate).

Where every line's amount is quantity × unit price × (1 + r) for one rate r that the sheet states
beside a tax word (`Sales tax 10.25%`, `税率 | 13%`, `含税(9%)`), and the stated total adds up the
amounts, the amounts are the lines' money (what was paid) and the import says why they differ from
the products: one warning naming the rate's cell, instead of one per line.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from bidassist.costs.model import CostLine
from bidassist.costs.workbook import RawSheet, col_letter, sheet_ref

_TAX = re.compile(r"tax|vat|gst|hst|税", re.I)
_PERCENT = re.compile(r"(\d{1,2}(?:\.\d{1,4})?)\s*[%％]")
_TOP = Decimal("0.30")
CENT = Decimal("0.01")
#: rows of the sheet searched for the rate
_ROWS = 2000


def _rates(row: list) -> list[tuple[int, Decimal]]:
    """(column, rate) of the figures in a row that holds a tax word: 0.1025, 10.25 or `10.25%`."""
    out: list[tuple[int, Decimal]] = []
    for c, v in enumerate(row):
        if isinstance(v, bool):
            continue
        if isinstance(v, (int, float, Decimal)):
            try:
                d = Decimal(str(v))
            except InvalidOperation:
                continue
            out.extend((c, r) for r in (d, d / 100) if 0 < r <= _TOP)
        elif isinstance(v, str):
            out.extend((c, Decimal(m) / 100) for m in _PERCENT.findall(v) if 0 < Decimal(m) / 100 <= _TOP)
    return out


def stated_rates(raw: RawSheet) -> list[tuple[str, Decimal]]:
    """(cell, rate) of every tax rate the sheet states beside a tax word."""
    found: list[tuple[str, Decimal]] = []
    for r, row in enumerate(raw.rows[:_ROWS]):
        if not any(isinstance(v, str) and _TAX.search(v) for v in row):
            continue
        found.extend((f"{sheet_ref(raw.name)}!{col_letter(c)}{r + 1}", rate) for c, rate in _rates(row))
    return found


def _fits(lines: list[CostLine], amounts: dict[int, Decimal], rate: Decimal) -> bool:
    """Every line's amount is its quantity × unit price × (1 + rate), to the cent per quantity."""
    for i, ln in enumerate(lines):
        amount = amounts.get(i, ln.quantity * ln.likely)
        slack = CENT * max(Decimal(1), abs(ln.quantity))
        if abs(ln.quantity * ln.likely * (1 + rate) - amount) > slack:
            return False
    return True


def tax_in_amounts(
    raw: RawSheet, lines: list[CostLine], alternatives: list[tuple[int, Decimal]]
) -> tuple[str, Decimal] | None:
    """(cell, rate) of the stated tax rate that every line's amount includes, or None. `lines` as
    read (unit price from its column); `alternatives`: (index, amount ÷ quantity) of each line whose
    amount differs from quantity × unit price."""
    if not lines or len(alternatives) * 2 < len(lines):
        return None
    amounts = {i: unit * lines[i].quantity for i, unit in alternatives}
    for cell, rate in stated_rates(raw):
        if _fits(lines, amounts, rate):
            return cell, rate
    return None


def rate_text(rate: Decimal) -> str:
    """0.1025 -> `10.25 %`."""
    return f"{(rate * 100).normalize():f} %"
