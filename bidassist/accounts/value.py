"""What a customer (or a customer group) is worth to us: revenue and margin by year, cost to
serve, the financing cost of how it actually pays, order rhythm, tenure, tenders and what its
contracts contained. Profit here is after financing cost and cost to serve — the figure tiers
are cut on, not revenue."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from bidassist.accounts.book import ZERO, Book, Slice
from bidassist.accounts.payments import PaymentBehaviour, behaviour
from bidassist.accounts.profile import Profile

CENT = Decimal("0.01")
HIGH = "high"


@dataclass(frozen=True)
class YearFigures:
    year: int
    revenue: Decimal
    gross_margin: Decimal


@dataclass(frozen=True)
class TenderTally:
    invited: int
    bid: int
    won: int
    lost: int
    lost_to: dict[str, int]  # competitor -> tenders it won against us
    margins: tuple[tuple[dt.date, float], ...]  # margin we offered, tender by tender


@dataclass(frozen=True)
class CustomerValue:
    key: str  # customer id or group name
    name: str
    members: tuple[str, ...]
    revenue: Decimal
    direct_cost: Decimal
    cost_to_serve: Decimal
    penalties: Decimal
    financing_cost: Decimal
    profit: Decimal  # revenue − direct cost − cost to serve − penalties − financing cost
    margin: float | None  # profit / revenue
    uncosted_revenue: Decimal  # revenue whose direct cost is unknown: counted with no margin
    by_year: tuple[YearFigures, ...]
    orders: int
    first_order: dt.date | None
    last_order: dt.date | None
    tenure_days: int
    orders_per_year: float | None
    gap_cv: float | None  # regularity: coefficient of variation of the gaps between orders
    payments: PaymentBehaviour
    tenders: TenderTally
    findings: dict[str, int]  # category -> count
    high_findings: int
    ids: dict[str, tuple[str, ...]]  # the store rows every figure comes from


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)


def _by_year(s: Slice) -> tuple[YearFigures, ...]:
    years: dict[int, list[Decimal]] = {}
    for o in s.orders:
        acc = years.setdefault(o.date.year, [ZERO, ZERO])
        acc[0] += o.revenue
        acc[1] += o.revenue - o.cost if o.cost is not None else ZERO
    return tuple(YearFigures(y, _money(v[0]), _money(v[1])) for y, v in sorted(years.items()))


def _rhythm(s: Slice) -> tuple[int, float | None, float | None]:
    days = sorted({o.date for o in s.orders})
    if len(days) < 2:
        return 0, None, None
    tenure = (days[-1] - days[0]).days
    gaps = np.diff([d.toordinal() for d in days]).astype(float)
    per_year = (len(days) - 1) / (tenure / 365.0) if tenure else None
    cv = float(gaps.std() / gaps.mean()) if len(gaps) > 1 and gaps.mean() > 0 else None
    return tenure, per_year, cv


def _tenders(s: Slice) -> TenderTally:
    bid = [t for t in s.tenders if t.outcome in ("won", "lost", "pending")]
    lost_to = Counter(t.winner for t in s.tenders if t.outcome == "lost" and t.winner)
    margins = tuple(
        (t.date, float((t.our_price - t.our_cost) / t.our_price))
        for t in bid
        if t.our_price and t.our_cost is not None and t.our_price > 0
    )
    return TenderTally(
        invited=len(s.tenders),
        bid=len(bid),
        won=sum(t.outcome == "won" for t in s.tenders),
        lost=sum(t.outcome == "lost" for t in s.tenders),
        lost_to=dict(lost_to),
        margins=margins,
    )


def customer_value(book: Book, key: str, profile: Profile) -> CustomerValue:
    """The value of one customer, or of every member of a group together."""
    members = tuple(sorted(book.members(key)))
    s = book.subset(members)
    pay = behaviour(s.invoices, s.receipts, book.as_of, profile)
    revenue = sum((o.revenue for o in s.orders), ZERO)
    uncosted = sum((o.revenue for o in s.orders if o.cost is None), ZERO)
    cost = sum((o.cost for o in s.orders if o.cost is not None), ZERO)
    serve = sum((o.cost_to_serve for o in s.orders), ZERO)
    penalties = sum((o.penalties for o in s.orders), ZERO)
    # an order with no recorded cost earns no margin here: never a margin we cannot show
    profit = revenue - uncosted - cost - serve - penalties - pay.financing_cost
    tenure, per_year, cv = _rhythm(s)
    name = book.customer(key).name if len(members) == 1 and key in members else key
    return CustomerValue(
        key=key,
        name=name,
        members=members,
        revenue=_money(revenue),
        direct_cost=_money(cost),
        cost_to_serve=_money(serve),
        penalties=_money(penalties),
        financing_cost=pay.financing_cost,
        profit=_money(profit),
        margin=float(profit / revenue) if revenue else None,
        uncosted_revenue=_money(uncosted),
        by_year=_by_year(s),
        orders=len({o.date for o in s.orders}),
        first_order=s.orders[0].date if s.orders else None,
        last_order=s.orders[-1].date if s.orders else None,
        tenure_days=tenure,
        orders_per_year=per_year,
        gap_cv=cv,
        payments=pay,
        tenders=_tenders(s),
        findings=dict(Counter(f.category for f in s.findings)),
        high_findings=sum(f.severity == HIGH for f in s.findings),
        ids={
            "orders": tuple(o.id for o in s.orders),
            "invoices": tuple(i.id for i in s.invoices),
            "receipts": tuple(r.id for r in s.receipts),
            "tenders": tuple(t.id for t in s.tenders),
            "findings": tuple(f.id for f in s.findings),
        },
    )
