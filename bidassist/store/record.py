"""Recording our work in the store: a priced or written bid, an opening's result, a contract
review. Each is one transaction; recording the same thing twice changes nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bidassist.core.bidfile import Bid as BidFile
from bidassist.core.errors import InputError
from bidassist.store.connection import Store, open_store
from bidassist.store.entities import Directory
from bidassist.store.models import Bid, Contract, ContractFinding, OurBid, Outcome, Tender
from bidassist.store.names import name_key
from bidassist.store.timeutil import now_text
from bidassist.store.types import dump_json


@dataclass
class Recorded:
    """What a record call did: `added`, `updated` or `unchanged`, and where."""

    what: str
    status: str
    store: str

    def __str__(self) -> str:
        verb = {"added": "recorded", "updated": "updated", "unchanged": "already recorded"}[self.status]
        return f"{verb} {self.what} in {self.store}"


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _beside(bid: BidFile) -> Path | None:
    return bid.source.parent if bid.source else None


def tender_for_bid(session: Session, bid: BidFile) -> Tender:
    """The store's tender for a bid file (created from its tender section when new)."""
    t = bid.tender
    lot = t.lot or ""
    tender = session.scalar(select(Tender).where(Tender.number == t.number, Tender.lot == lot))
    customer = Directory(session).customer(t.buyer)
    if tender is None:
        tender = Tender(number=t.number, lot=lot, source=str(bid.source.name) if bid.source else None)
        session.add(tender)
    deadline = t.deadline.date() if hasattr(t.deadline, "date") else t.deadline
    values: dict[str, Any] = {
        "customer": customer,
        "name": t.name,
        "date": deadline,
        "year": deadline.year,
        "currency": t.currency,
        "ceiling": t.ceiling_price,
    }
    if bid.pricing is not None:
        evaluation = bid.pricing.evaluation
        values["method"] = evaluation.method
        values["method_params"] = evaluation.model_dump(mode="json", exclude={"method"})
    for key, value in values.items():
        if value is not None and getattr(tender, key) is None:
            setattr(tender, key, value)
    return tender


def _our_bid(db: str | Path | None, bid: BidFile, kind: str, fields: dict[str, Any]) -> Recorded:
    sha = file_sha256(bid.source) if bid.source else None
    key = hashlib.sha256(
        dump_json(
            {"kind": kind, "tender": [bid.tender.number, bid.tender.lot], "bid": sha, **fields}
        ).encode()
    ).hexdigest()
    with open_store(db, beside=_beside(bid), create=True) as store, store.writing() as session:
        what = f"our {kind} bid for {bid.tender.number}"
        if session.scalar(select(OurBid.id).where(OurBid.record_key == key)) is not None:
            return Recorded(what, "unchanged", store.where)
        tender = tender_for_bid(session, bid)
        session.add(
            OurBid(
                tender=tender,
                kind=kind,
                record_key=key,
                recorded_at=now_text(),
                bid_file=bid.source.name if bid.source else None,
                bid_sha256=sha,
                **fields,
            )
        )
        return Recorded(what, "added", store.where)


def record_price(db: str | Path | None, bid: BidFile, result: dict[str, Any]) -> Recorded:
    """Store our priced bid: the bid file's pricing inputs and the price result (P(win) predicted)."""
    rec, rng, cost = result["recommended"], result["range"], result["cost"]
    inputs = {
        "bidder": bid.bidder.company,
        "pricing": bid.pricing.model_dump(mode="json") if bid.pricing else None,
        "costs": bid.costs.model_dump(mode="json", exclude_none=True) if bid.costs else None,
        "run": result.get("inputs"),
    }
    return _our_bid(
        db,
        bid,
        "price",
        {
            "inputs": inputs,
            "price": Decimal(rec["price"]),
            "p_win": rec["p_win"],
            "expected_profit": Decimal(rec["expected_profit"]),
            "range_low": Decimal(rng["low"]),
            "range_high": Decimal(rng["high"]),
            "cost_mean": Decimal(cost["mean"]),
        },
    )


def record_render(db: str | Path | None, bid: BidFile, price: Decimal, files: list[Path]) -> Recorded:
    """Store the bid as written: its price and the hash of every document."""
    documents = [{"file": Path(f).name, "sha256": file_sha256(Path(f))} for f in files]
    return _our_bid(
        db,
        bid,
        "render",
        {"inputs": {"bidder": bid.bidder.company}, "price": Decimal(price), "documents": documents},
    )


def _winner_bid(session: Session, tender: Tender, winner: str, price: Decimal) -> Bid:
    competitor = Directory(session).competitor(winner)
    assert competitor is not None
    key = f"{name_key(winner)}#1"
    bid = (
        session.scalar(select(Bid).where(Bid.tender_id == tender.id, Bid.bidder_key == key))
        if tender.id is not None
        else None
    )
    if bid is None:
        bid = Bid(
            tender=tender,
            competitor=competitor,
            bidder_key=key,
            price=price,
            valid=True,
            awarded=True,
            source="history result",
        )
        session.add(bid)
    bid.price, bid.awarded = price, True
    return bid


def record_result(
    db: str | Path | None,
    number: str,
    *,
    won: bool,
    winner: str | None,
    price: Decimal,
    lot: str = "",
    buyer: str | None = None,
    our_price: Decimal | None = None,
) -> Recorded:
    """Record an opening: won or lost, the winner and the winning price (a tender not yet in the
    store is added). Our price defaults to the last recorded price of our bid."""
    if price <= 0:
        raise InputError("the winning price must be positive", "--price")
    with open_store(db, create=True) as store, store.writing() as session:
        tender = session.scalar(select(Tender).where(Tender.number == number, Tender.lot == lot))
        if tender is None:
            directory = Directory(session)
            tender = Tender(
                number=number,
                lot=lot,
                customer=directory.customer(buyer) if buyer else None,
                source="history result",
            )
            session.add(tender)
            session.flush()
        ours = session.scalars(select(OurBid).where(OurBid.tender_id == tender.id).order_by(OurBid.id)).all()
        if winner is None:
            if not won:
                raise InputError("name the winner of a lost tender", "--winner")
            named = [o.inputs.get("bidder") for o in ours if o.inputs and o.inputs.get("bidder")]
            if not named:
                raise InputError("no recorded bid of ours names our company; give --winner", "--winner")
            winner = named[-1]
        our = our_price if our_price is not None else next((o.price for o in reversed(ours) if o.price), None)
        if won and our is None:
            our = price
        winning = _winner_bid(session, tender, winner, price)
        session.flush()
        outcome = session.scalar(select(Outcome).where(Outcome.tender_id == tender.id))
        values = {
            "result": "won" if won else "lost",
            "winner_id": winning.competitor_id,
            "winning_price": price,
            "our_price": our,
        }
        status = "added"
        if outcome is None:
            session.add(Outcome(tender_id=tender.id, recorded_at=now_text(), **values))
        elif all(getattr(outcome, k) == v for k, v in values.items()):
            status = "unchanged"
        else:
            for k, v in values.items():
                setattr(outcome, k, v)
            status = "updated"
        return Recorded(f"the result of {number} ({values['result']}, {winner})", status, store.where)


def _findings(check: dict[str, Any]) -> list[ContractFinding]:
    return [
        ContractFinding(
            rule=f["rule"],
            category=f["category"],
            severity=f["severity"],
            clause=f.get("clause"),
            location=f.get("location"),
            message=f.get("message"),
            value=None if f.get("value") is None else str(f["value"]),
        )
        for f in check["findings"]
    ]


def record_contract(
    db: str | Path | None,
    contract: Path,
    check: dict[str, Any],
    *,
    customer: str | None,
    tender: str | None = None,
    beside: Path | None = None,
    store: Store | None = None,
) -> Recorded:
    """Store a reviewed contract for its customer: its key terms and findings (the `check` JSON).
    Known by the file's hash: the same file again updates its findings if the review changed.
    `store`: an open store to write to (a folder's batch opens one for all its files), else `db`
    is opened for this contract alone."""
    contract = Path(contract)
    if store is None:
        with open_store(db, beside=beside or contract.parent, create=True) as opened:
            return record_contract(db, contract, check, customer=customer, tender=tender, store=opened)
    sha = file_sha256(contract)
    key_terms = [
        {"type": k["type"], "clause": k.get("clause"), "values": k.get("values")}
        for k in check.get("clauses", [])
    ]
    summary = check["summary"]
    worst = next((s for s in ("high", "medium", "low") if summary["by_severity"].get(s)), None)
    with store.writing() as session:
        directory = Directory(session)
        who = directory.customer(customer) if customer else None
        tender_row = session.scalar(select(Tender).where(Tender.number == tender)) if tender else None
        row = session.scalar(select(Contract).where(Contract.sha256 == sha))
        values = {
            "customer_id": who.id if who and who.id else None,
            "key_terms": key_terms,
            "findings_count": len(check["findings"]),
            "worst_severity": worst,
            "parties": {"customer": customer},
        }
        what = f"the review of {contract.name}" + (f" for {customer}" if customer else "")
        if row is None:
            session.flush()
            values["customer_id"] = who.id if who else None
            row = Contract(
                file_name=contract.name,
                sha256=sha,
                recorded_at=now_text(),
                tender_id=tender_row.id if tender_row else None,
                **values,
            )
            row.findings = _findings(check)
            session.add(row)
            return Recorded(what, "added", store.where)
        session.flush()
        values["customer_id"] = who.id if who else row.customer_id
        old = [(f.rule, f.clause, f.severity) for f in row.findings]
        new = [(f["rule"], f.get("clause"), f["severity"]) for f in check["findings"]]
        if old == new and all(getattr(row, k) == v for k, v in values.items()):
            return Recorded(what, "unchanged", store.where)
        for k, v in values.items():
            setattr(row, k, v)
        row.findings = _findings(check)
        return Recorded(what, "updated", store.where)
