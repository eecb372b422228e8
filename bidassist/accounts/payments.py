"""How a customer actually pays: days from invoice to receipt per invoice, DSO, the share paid
late, what is still open, and the financing cost of carrying the receivables.

An invoice paid in parts counts each part for the days it was outstanding; what is still open at
the analysis date counts up to that date (it is costing money now). Financing cost of a receivable
= amount × annual rate × days outstanding / 365.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from bidassist.accounts.book import ZERO, Invoice, Receipt
from bidassist.accounts.profile import Profile

DAYS_PER_YEAR = Decimal(365)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class InvoicePayment:
    invoice_id: str
    date: dt.date
    due: dt.date
    amount: Decimal
    paid: Decimal
    open: Decimal
    days: float  # amount-weighted days outstanding (open part counted to the analysis date)
    late: bool  # paid, or still open, after the due date plus grace
    financing_cost: Decimal


@dataclass(frozen=True)
class PaymentBehaviour:
    invoices: tuple[InvoicePayment, ...]
    dso: float | None  # amount-weighted days from invoice to payment; None without invoices
    share_late: float | None  # share of invoiced amount that was late
    open_amount: Decimal
    overdue_amount: Decimal
    financing_cost: Decimal
    dso_slope_per_year: float | None  # trend of days-to-pay over invoice dates (days per year)


def _one(inv: Invoice, parts: list[Receipt], as_of: dt.date, profile: Profile) -> InvoicePayment:
    due = inv.due or inv.date + dt.timedelta(days=profile.default_terms_days)
    deadline = due + dt.timedelta(days=profile.late_grace_days)
    paid = sum((r.amount for r in parts), ZERO)
    open_part = max(inv.amount - paid, ZERO)
    weighted = sum((r.amount * (r.date - inv.date).days for r in parts), ZERO)
    weighted += open_part * (as_of - inv.date).days
    base = paid + open_part
    days = float(weighted / base) if base else 0.0
    late = any(r.date > deadline for r in parts) or (open_part > 0 and as_of > deadline)
    cost = (weighted * Decimal(profile.annual_rate) / DAYS_PER_YEAR).quantize(CENT, ROUND_HALF_UP)
    return InvoicePayment(
        invoice_id=inv.id,
        date=inv.date,
        due=due,
        amount=inv.amount,
        paid=paid,
        open=open_part,
        days=days,
        late=late,
        financing_cost=cost,
    )


def _slope_per_year(dates: list[dt.date], values: list[float]) -> float | None:
    """Least-squares slope of values against time, per year; None when there is no spread."""
    if len(dates) < 2:
        return None
    x = np.array([d.toordinal() for d in dates], dtype=float)
    if np.ptp(x) == 0:
        return None
    return float(np.polyfit(x, np.array(values), 1)[0] * 365.0)


def behaviour(
    invoices: tuple[Invoice, ...], receipts: tuple[Receipt, ...], as_of: dt.date, profile: Profile
) -> PaymentBehaviour:
    by_invoice: dict[str, list[Receipt]] = defaultdict(list)
    for r in receipts:
        if r.date <= as_of:
            by_invoice[r.invoice_id].append(r)
    rows = tuple(_one(i, by_invoice[i.id], as_of, profile) for i in invoices if i.date <= as_of)
    total = sum((r.amount for r in rows), ZERO)
    if not rows or total <= 0:
        return PaymentBehaviour(rows, None, None, ZERO, ZERO, ZERO, None)
    dso = float(sum(Decimal(r.days) * r.amount for r in rows) / total)
    late = sum((r.amount for r in rows if r.late), ZERO)
    return PaymentBehaviour(
        invoices=rows,
        dso=dso,
        share_late=float(late / total),
        open_amount=sum((r.open for r in rows), ZERO),
        overdue_amount=sum((r.open for r in rows if r.open > 0 and as_of > r.due), ZERO),
        financing_cost=sum((r.financing_cost for r in rows), ZERO),
        dso_slope_per_year=_slope_per_year(
            [r.date for r in rows if r.open == 0], [r.days for r in rows if r.open == 0]
        ),
    )
