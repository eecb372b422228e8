"""The key-account book read from the store: customers (with their group), invoiced sales with
their costs, invoices and receipts, the tenders we bid on with their outcomes, and the findings
`check --record` stored for each customer's contracts.

Receipts that name no invoice are applied to the customer's oldest open invoices first (FIFO), as
finance matches unreferenced payments.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bidassist.accounts.book import (
    ZERO,
    Book,
    ContractFinding,
    Customer,
    Invoice,
    Order,
    Receipt,
    TenderEntry,
)
from bidassist.store import models as m
from bidassist.store.connection import Store

#: the year assumed for a tender recorded with neither a date nor a year
_NO_YEAR = 1900


def _customers(session: Session) -> tuple[dict[int, str], list[Customer]]:
    rows = session.scalars(select(m.Customer).order_by(m.Customer.id)).all()
    names = {c.id: c.name for c in rows}
    return names, [Customer(c.name, c.name, names.get(c.parent_id) if c.parent_id else None) for c in rows]


def _sales(
    session: Session, names: dict[int, str], as_of: dt.date
) -> tuple[list[Order], list[Invoice], dict[int, Invoice]]:
    orders: list[Order] = []
    invoices: list[Invoice] = []
    by_db_id: dict[int, Invoice] = {}
    for inv in session.scalars(select(m.Invoice).where(m.Invoice.date <= as_of).order_by(m.Invoice.id)):
        key = f"invoice:{inv.id}"
        who = names[inv.customer_id]
        orders.append(
            Order(key, who, inv.date, inv.amount, inv.cost, inv.cost_to_serve or ZERO, inv.penalties or ZERO)
        )
        invoices.append(Invoice(key, who, inv.date, inv.amount, inv.due_date))
        by_db_id[inv.id] = invoices[-1]
    return orders, invoices, by_db_id


def _receipts(
    session: Session, names: dict[int, str], invoices: dict[int, Invoice], as_of: dt.date
) -> list[Receipt]:
    out: list[Receipt] = []
    open_amount = {i.id: i.amount for i in invoices.values()}
    by_customer: dict[str, list[Invoice]] = defaultdict(list)
    for inv in sorted(invoices.values(), key=lambda i: (i.date, i.id)):
        by_customer[inv.customer_id].append(inv)
    query = select(m.Receipt).where(m.Receipt.date <= as_of).order_by(m.Receipt.date, m.Receipt.id)
    for rec in session.scalars(query):
        if rec.invoice_id is not None and rec.invoice_id not in invoices:
            continue  # pays an invoice dated after the analysis date
        if rec.invoice_id in invoices:
            target = invoices[rec.invoice_id]
            open_amount[target.id] -= rec.amount
            out.append(Receipt(f"receipt:{rec.id}", target.id, rec.date, rec.amount))
            continue
        out += _fifo(rec, by_customer[names[rec.customer_id]], open_amount)
    return out


def _fifo(rec: m.Receipt, invoices: list[Invoice], open_amount: dict[str, Decimal]) -> list[Receipt]:
    left = rec.amount
    parts: list[Receipt] = []
    for inv in invoices:
        if left <= 0:
            break
        take = min(left, open_amount[inv.id])
        if take > 0 and inv.date <= rec.date:
            open_amount[inv.id] -= take
            left -= take
            parts.append(Receipt(f"receipt:{rec.id}/{len(parts) + 1}", inv.id, rec.date, take))
    return parts


def _tenders(session: Session, names: dict[int, str]) -> list[TenderEntry]:
    """Tenders of known customers that we bid on or have an outcome for: four queries in all."""
    outcomes = {o.tender_id: o for o in session.scalars(select(m.Outcome))}
    last_bid: dict[int, m.OurBid] = {}
    for bid in session.scalars(select(m.OurBid).order_by(m.OurBid.id)):
        last_bid[bid.tender_id] = bid  # ordered by id: the last one stays
    competitors = dict(session.execute(select(m.Competitor.id, m.Competitor.name)).tuples().all())
    out = []
    query = select(m.Tender).where(m.Tender.customer_id.is_not(None)).order_by(m.Tender.id)
    for t in session.scalars(query):
        outcome, last = outcomes.get(t.id), last_bid.get(t.id)
        if outcome is None and last is None:
            continue  # a tender from someone else's history: we did not bid
        our_price = outcome.our_price if outcome and outcome.our_price is not None else None
        out.append(
            TenderEntry(
                f"tender:{t.id}",
                _name(names, t.customer_id),
                t.date or dt.date(t.year or _NO_YEAR, 1, 1),
                outcome.result if outcome else "pending",  # type: ignore[arg-type]  # won|lost by the importer
                our_price if our_price is not None else (last.price if last else None),
                last.cost_mean if last else None,
                competitors.get(outcome.winner_id) if outcome and outcome.winner_id else None,
                outcome.winning_price if outcome else None,
            )
        )
    return out


def _findings(session: Session, names: dict[int, str]) -> list[ContractFinding]:
    query = (
        select(m.Contract)
        .where(m.Contract.customer_id.is_not(None))
        .options(selectinload(m.Contract.findings))
        .order_by(m.Contract.id)
    )
    out = []
    for c in session.scalars(query):
        day = dt.date.fromisoformat(c.recorded_at[:10])
        who = _name(names, c.customer_id)
        out += [
            ContractFinding(f"finding:{f.id}", who, f"contract:{c.id}", day, f.category, f.severity)
            for f in c.findings
        ]
    return out


def _name(names: dict[int, str], customer_id: int | None) -> str:
    if customer_id is None:  # the queries select rows with a customer only
        raise ValueError("a record without a customer reached the key-account book")
    return names[customer_id]


def load_book(store: Store, as_of: dt.date) -> Book:
    """Everything the key-account analysis reads, as of a date (later records are left out)."""
    store.require_current()
    with store.reading() as session:
        names, customers = _customers(session)
        orders, invoices, by_id = _sales(session, names, as_of)
        receipts = _receipts(session, names, by_id, as_of)
        tenders = [t for t in _tenders(session, names) if t.date <= as_of]
        findings = [f for f in _findings(session, names) if f.date <= as_of]
    return Book(
        as_of,
        tuple(customers),
        tuple(orders),
        tuple(invoices),
        tuple(receipts),
        tuple(tenders),
        tuple(findings),
    )
