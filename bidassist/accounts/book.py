"""What the key-account analysis reads: customers, their orders, invoices and receipts, the tenders
they ran and the findings in their contracts, as of one date.

These are plain records with ids, filled from the store (or built in code in tests); every figure
the analysis reports can be traced back to the ids it came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from bidassist.core.errors import InputError

Outcome = Literal["won", "lost", "no_bid", "pending"]
ZERO = Decimal(0)


@dataclass(frozen=True)
class Customer:
    id: str
    name: str
    group: str | None = None  # the parent or group the customer belongs to (one buyer, several subsidiaries)


@dataclass(frozen=True)
class Order:
    """A delivered order or contract: what we earned and what it cost us."""

    id: str
    customer_id: str
    date: dt.date
    revenue: Decimal
    cost: Decimal | None  # direct cost; None when finance did not record it
    cost_to_serve: Decimal = ZERO  # account management, logistics, after-sales, where given
    penalties: Decimal = ZERO  # penalties paid or claims settled on this order


@dataclass(frozen=True)
class Invoice:
    id: str
    customer_id: str
    date: dt.date
    amount: Decimal
    due: dt.date | None = None  # None: the profile's default terms apply


@dataclass(frozen=True)
class Receipt:
    id: str
    invoice_id: str
    date: dt.date
    amount: Decimal


@dataclass(frozen=True)
class TenderEntry:
    """A tender the customer ran that we were invited to: what we did and how it ended."""

    id: str
    customer_id: str
    date: dt.date
    outcome: Outcome
    our_price: Decimal | None = None
    our_cost: Decimal | None = None  # expected cost at bid time: gives the margin we offered
    winner: str | None = None  # the competitor that won when we lost
    winning_price: Decimal | None = None


@dataclass(frozen=True)
class ContractFinding:
    """A finding `bidassist check` recorded in one of the customer's contracts."""

    id: str
    customer_id: str
    contract_id: str
    date: dt.date
    category: str
    severity: str


@dataclass(frozen=True)
class Book:
    as_of: dt.date
    customers: tuple[Customer, ...]
    orders: tuple[Order, ...] = ()
    invoices: tuple[Invoice, ...] = ()
    receipts: tuple[Receipt, ...] = ()
    tenders: tuple[TenderEntry, ...] = ()
    findings: tuple[ContractFinding, ...] = ()
    # derived, never passed in: `dataclasses.replace` builds them afresh for the new book
    _index: dict[str, Customer] = field(init=False, repr=False, compare=False)
    _slices: dict[frozenset[str], Slice] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {})
        object.__setattr__(self, "_slices", {})
        for c in self.customers:
            if c.id in self._index:
                raise InputError(f"customer {c.id!r} is listed twice")
            self._index[c.id] = c
        invoice_ids = {i.id for i in self.invoices}
        records: tuple[Order | Invoice | TenderEntry | ContractFinding, ...]
        records = (*self.orders, *self.invoices, *self.tenders, *self.findings)
        for rec in records:
            if rec.customer_id not in self._index:
                raise InputError(
                    f"{type(rec).__name__.lower()} {rec.id}: unknown customer {rec.customer_id!r}"
                )
        for r in self.receipts:
            if r.invoice_id not in invoice_ids:
                raise InputError(f"receipt {r.id}: unknown invoice {r.invoice_id!r}")

    def customer(self, customer_id: str) -> Customer:
        try:
            return self._index[customer_id]
        except KeyError:
            raise InputError(f"no customer {customer_id!r}") from None

    def members(self, key: str) -> set[str]:
        """The customer ids a key stands for: one customer, or every member of a group."""
        if key in self._index:
            return {key}
        group = {c.id for c in self.customers if c.group == key}
        if not group:
            raise InputError(f"no customer or customer group {key!r}")
        return group

    def groups(self) -> list[str]:
        return sorted({c.group for c in self.customers if c.group})

    def subset(self, ids: Iterable[str]) -> Slice:
        """The records of these customers (computed once per set of ids: value, flags and the
        repeat-purchase model all ask for the same slices)."""
        keep = frozenset(ids)
        if keep not in self._slices:
            self._slices[keep] = self._slice(keep)
        return self._slices[keep]

    def _slice(self, keep: frozenset[str]) -> Slice:
        inv = tuple(i for i in self.invoices if i.customer_id in keep)
        inv_ids = {i.id for i in inv}
        return Slice(
            orders=tuple(sorted((o for o in self.orders if o.customer_id in keep), key=lambda o: o.date)),
            invoices=tuple(sorted(inv, key=lambda i: i.date)),
            receipts=tuple(r for r in self.receipts if r.invoice_id in inv_ids),
            tenders=tuple(sorted((t for t in self.tenders if t.customer_id in keep), key=lambda t: t.date)),
            findings=tuple(f for f in self.findings if f.customer_id in keep),
        )


@dataclass(frozen=True)
class Slice:
    """The records of one customer or group, each list in date order."""

    orders: tuple[Order, ...]
    invoices: tuple[Invoice, ...]
    receipts: tuple[Receipt, ...]
    tenders: tuple[TenderEntry, ...]
    findings: tuple[ContractFinding, ...]
