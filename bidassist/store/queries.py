"""Reading the store back: the bids pricing fits its competitor model on, and the listings of
`history show|competitors|tenders`. Results are plain dicts (money as exact text), ordered by id,
so the same store gives the same JSON on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session, aliased

from bidassist.core.errors import InputError
from bidassist.store.connection import Store
from bidassist.store.entities import Directory
from bidassist.store.models import (
    Bid,
    Competitor,
    Contract,
    Customer,
    Invoice,
    OurBid,
    Outcome,
    Receipt,
    Tender,
)
from bidassist.store.names import name_key


@dataclass(frozen=True)
class Filters:
    """Which tenders: the buyer (its aliases, and the members when it is a group), the category,
    and the earliest date (a tender known only by its year counts from 1 January)."""

    buyer: str | None = None
    category: str | None = None
    since: dt.date | None = None


def _customer_ids(session: Session, buyer: str) -> list[int]:
    found = Directory(session).customer(buyer, create=False)
    if found is None:
        raise InputError(
            f"no customer {buyer!r} in the store (names and aliases are compared without case, "
            "spaces and punctuation)",
            "buyer",
        )
    ids = {found.id}
    frontier = [found.id]
    while frontier:  # members of the group, and their members
        frontier = [
            c
            for c in session.scalars(select(Customer.id).where(Customer.parent_id.in_(frontier)))
            if c not in ids
        ]
        ids.update(frontier)
    return sorted(ids)


def _filtered(session: Session, query: Select, f: Filters) -> Select:
    if f.buyer:
        query = query.where(Tender.customer_id.in_(_customer_ids(session, f.buyer)))
    if f.category:
        query = query.where(
            Tender.category.is_not(None), Tender.category.ilike(f.category.replace("%", r"\%"))
        )
    if f.since:
        query = query.where(
            or_(Tender.date >= f.since, and_(Tender.date.is_(None), Tender.year >= f.since.year))
        )
    return query


def history_rows(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Valid bids as the history-file loader gives them: tender, bidder, price, estimate, won, year,
    where, buyer. A bid without a bidder name is its own unnamed bidder, as in a file."""
    with store.reading() as session:
        q = (
            select(
                Bid.id,
                Tender.number,
                Tender.lot,
                Competitor.name,
                Bid.price,
                Tender.estimate,
                Bid.awarded,
                Tender.year,
                Tender.date,
                Bid.source,
                Customer.name,
            )
            .join(Tender, Bid.tender_id == Tender.id)
            .outerjoin(Competitor, Bid.competitor_id == Competitor.id)
            .outerjoin(Customer, Tender.customer_id == Customer.id)
            .where(Bid.valid.is_(True))
            .order_by(Bid.id)
        )
        rows = session.execute(_filtered(session, q, f)).all()
    out = []
    for bid_id, number, lot, bidder, price, estimate, awarded, year, date, source, buyer in rows:
        year = year if year is not None else (date.year if date else None)
        out.append(
            {
                "tender": f"{number}#{lot}" if lot else number,
                "bidder": bidder or f"(unnamed, bid {bid_id})",
                "price": float(price),
                "estimate": float(estimate) if estimate else None,
                "won": bool(awarded),
                "year": float(year) if year is not None else None,
                "where": source or f"store bid {bid_id}",
                "buyer": buyer,
            }
        )
    return out


def _money(d: Decimal | None) -> str | None:
    return None if d is None else format(d, "f")


def list_tenders(store: Store, f: Filters, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Tenders with their bid count, lowest valid bid and winner(s)."""
    with store.reading() as session:
        q = _filtered(session, select(Tender).order_by(Tender.id), f)
        if limit:
            q = q.limit(limit)
        tenders = session.scalars(q).all()
        out = []
        for t in tenders:
            valid = [b for b in t.bids if b.valid]
            lowest = min((b.price for b in valid), default=None)
            winners = [b.competitor.name if b.competitor else "(unnamed)" for b in t.bids if b.awarded]
            out.append(
                {
                    "number": t.number,
                    "lot": t.lot or None,
                    "buyer": t.customer.name if t.customer else None,
                    "date": t.date.isoformat() if t.date else None,
                    "year": t.year,
                    "category": t.category,
                    "currency": t.currency,
                    "bids": len(t.bids),
                    "valid_bids": len(valid),
                    "lowest": _money(lowest),
                    "winners": winners,
                    "estimate": _money(t.estimate),
                    "ceiling": _money(t.ceiling),
                }
            )
    return out


def list_competitors(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Each competitor seen on the filtered tenders: tenders, bids, wins, aliases, ratio of its bid
    to the tender's median bid (mean), first and last year."""
    rows = history_rows(store, f)
    by_tender: dict[str, list[float]] = {}
    for r in rows:
        by_tender.setdefault(r["tender"], []).append(r["price"])
    medians = {
        k: sorted(v)[len(v) // 2] if len(v) % 2 else sum(sorted(v)[len(v) // 2 - 1 : len(v) // 2 + 1]) / 2
        for k, v in by_tender.items()
    }
    stats: dict[str, dict[str, Any]] = {}
    for r in rows:
        s = stats.setdefault(r["bidder"], {"tenders": set(), "bids": 0, "wins": 0, "ratios": [], "years": []})
        s["tenders"].add(r["tender"])
        s["bids"] += 1
        s["wins"] += int(r["won"])
        if len(by_tender[r["tender"]]) > 1:
            s["ratios"].append(r["price"] / medians[r["tender"]])
        if r["year"] is not None:
            s["years"].append(int(r["year"]))
    with store.reading() as session:
        aliases = {
            c.name: sorted(a.alias for a in c.aliases if a.alias != c.name)
            for c in session.scalars(select(Competitor))
        }
    out = []
    for name, s in sorted(stats.items(), key=lambda kv: (-len(kv[1]["tenders"]), kv[0])):
        ratio = round(sum(s["ratios"]) / len(s["ratios"]), 4) if s["ratios"] else None
        out.append(
            {
                "name": name,
                "tenders": len(s["tenders"]),
                "bids": s["bids"],
                "wins": s["wins"],
                "mean_ratio_to_median": ratio,
                "first_year": min(s["years"], default=None),
                "last_year": max(s["years"], default=None),
                "aliases": aliases.get(name, []),
            }
        )
    return out


def show_summary(store: Store, f: Filters) -> dict[str, Any]:
    """Counts of what the store holds for the filters, our bids and outcomes, contracts, ledger."""
    tenders = list_tenders(store, f)
    numbers = {(t["number"], t["lot"] or "") for t in tenders}
    with store.reading() as session:
        ours = session.execute(
            select(OurBid.kind, Tender.number, Tender.lot, OurBid.price, OurBid.p_win, OurBid.recorded_at)
            .join(Tender)
            .order_by(OurBid.id)
        ).all()
        winner = aliased(Competitor)
        outcomes = session.execute(
            select(Tender.number, Tender.lot, Outcome.result, winner.name, Outcome.winning_price)
            .join(Tender, Outcome.tender_id == Tender.id)
            .outerjoin(winner, Outcome.winner_id == winner.id)
            .order_by(Outcome.id)
        ).all()
        contracts = session.execute(
            select(Contract.file_name, Customer.name, Contract.findings_count, Contract.worst_severity)
            .outerjoin(Customer)
            .order_by(Contract.id)
        ).all()
        invoices = len(session.scalars(select(Invoice.id)).all())
        receipts = len(session.scalars(select(Receipt.id)).all())
    return {
        "filters": {
            "buyer": f.buyer,
            "category": f.category,
            "since": f.since.isoformat() if f.since else None,
        },
        "tenders": len(tenders),
        "bids": sum(t["bids"] for t in tenders),
        "buyers": len({t["buyer"] for t in tenders if t["buyer"]}),
        "our_bids": [
            {"kind": k, "tender": n, "lot": lot or None, "price": _money(p), "p_win": pw, "recorded_at": at}
            for k, n, lot, p, pw, at in ours
            if (n, lot) in numbers or not f.buyer
        ],
        "outcomes": [
            {"tender": n, "lot": lot or None, "result": r, "winner": w, "winning_price": _money(p)}
            for n, lot, r, w, p in outcomes
            if (n, lot) in numbers or not f.buyer
        ],
        "contracts": [
            {"file": fn, "customer": c, "findings": k, "worst": w}
            for fn, c, k, w in contracts
            if not f.buyer or (c and name_key(c) in _keys(store, f.buyer))
        ],
        "invoices": invoices,
        "receipts": receipts,
    }


def _keys(store: Store, buyer: str) -> set[str]:
    with store.reading() as session:
        ids = _customer_ids(session, buyer)
        return {name_key(n) for n in session.scalars(select(Customer.name).where(Customer.id.in_(ids)))}
