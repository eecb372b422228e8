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
from sqlalchemy.orm import Session

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


def _customers(session: Session) -> tuple[dict[int, str], list[Customer]]:
    rows = session.scalars(select(m.Customer).order_by(m.Customer.id)).all()
    names = {c.id: c.name for c in rows}
    return names, [Customer(c.name, c.name, names.get(c.parent_id) if c.parent_id else None) for c in rows]


def _sales(
    session: Session, names: dict[int, str], as_of: dt.date
) -> tuple[list[Order], list[Invoice], dict]:
    orders, invoices, by_db_id = [], [], {}
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
    left, parts = rec.amount, []
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
    out = []
    for t in session.scalars(select(m.Tender).where(m.Tender.customer_id.is_not(None)).order_by(m.Tender.id)):
        outcome = session.scalar(select(m.Outcome).where(m.Outcome.tender_id == t.id))
        ours = session.scalars(select(m.OurBid).where(m.OurBid.tender_id == t.id).order_by(m.OurBid.id)).all()
        if outcome is None and not ours:
            continue  # a tender from someone else's history: we did not bid
        last = ours[-1] if ours else None
        winner = session.get(m.Competitor, outcome.winner_id).name if outcome and outcome.winner_id else None
        day = t.date or dt.date(t.year or 1900, 1, 1)
        out.append(
            TenderEntry(
                f"tender:{t.id}",
                names[t.customer_id],
                day,
                outcome.result if outcome else "pending",  # type: ignore[arg-type]
                (
                    outcome.our_price
                    if outcome and outcome.our_price is not None
                    else (last.price if last else None)
                ),
                last.cost_mean if last else None,
                winner,
                outcome.winning_price if outcome else None,
            )
        )
    return out


def _findings(session: Session, names: dict[int, str]) -> list[ContractFinding]:
    out = []
    query = select(m.Contract).where(m.Contract.customer_id.is_not(None)).order_by(m.Contract.id)
    for c in session.scalars(query):
        day = dt.date.fromisoformat(c.recorded_at[:10])
        out += [
            ContractFinding(
                f"finding:{f.id}", names[c.customer_id], f"contract:{c.id}", day, f.category, f.severity
            )
            for f in c.findings
        ]
    return out


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
