"""The store's tables (SQLAlchemy 2 declarative models).

Revision 0001 (history): customers and their aliases, competitors and their aliases, tenders and
the bids opened on them. Revision 0002 (our work): our recorded bids, outcomes, contracts and their
findings, invoices and receipts, and the log of imports. Revision 0003 (key accounts): each invoice's
direct cost, cost to serve and penalties. Money columns are `Exact` (never float).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bidassist.store.types import Exact, JSONText

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# --------------------------------------------------------------------------- revision 0001


class Customer(Base):
    """A buyer: a hospital, a utility, a ministry; `parent` is its group (集团)."""

    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    sector: Mapped[str | None] = mapped_column(String(100))
    region: Mapped[str | None] = mapped_column(String(100))
    ownership: Mapped[str | None] = mapped_column(String(50))  # state_owned, government, private, ...
    aliases: Mapped[list[CustomerAlias]] = relationship(back_populates="customer")
    parent: Mapped[Customer | None] = relationship(remote_side="Customer.id")


class CustomerAlias(Base):
    __tablename__ = "customer_aliases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), unique=True)
    customer: Mapped[Customer] = relationship(back_populates="aliases")


class Competitor(Base):
    """A bidder (ourselves included, when we appear in an opening)."""

    __tablename__ = "competitors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    aliases: Mapped[list[CompetitorAlias]] = relationship(back_populates="competitor")


class CompetitorAlias(Base):
    __tablename__ = "competitor_aliases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    competitor_id: Mapped[int] = mapped_column(ForeignKey("competitors.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), unique=True)
    competitor: Mapped[Competitor] = relationship(back_populates="aliases")


class Tender(Base):
    """A tender (or one lot of it): who buys what, when, how it is evaluated."""

    __tablename__ = "tenders"
    __table_args__ = (UniqueConstraint("number", "lot", name="uq_tenders_number_lot"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(200))
    lot: Mapped[str] = mapped_column(String(100), default="")
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    name: Mapped[str | None] = mapped_column(String(500))
    date: Mapped[dt.date | None] = mapped_column(Date)
    year: Mapped[int | None] = mapped_column(Integer)
    method: Mapped[str | None] = mapped_column(String(50))
    method_params: Mapped[Any | None] = mapped_column(JSONText)
    ceiling: Mapped[Decimal | None] = mapped_column(Exact)
    estimate: Mapped[Decimal | None] = mapped_column(Exact)
    currency: Mapped[str | None] = mapped_column(String(3))
    category: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(String(500))
    customer: Mapped[Customer | None] = relationship()
    bids: Mapped[list[Bid]] = relationship(back_populates="tender", order_by="Bid.id")


class Bid(Base):
    """One bid read at an opening. `seq` tells apart two bids of one bidder on one tender."""

    __tablename__ = "bids"
    __table_args__ = (UniqueConstraint("tender_id", "bidder_key", name="uq_bids_tender_bidder"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tender_id: Mapped[int] = mapped_column(ForeignKey("tenders.id", ondelete="CASCADE"), index=True)
    competitor_id: Mapped[int | None] = mapped_column(ForeignKey("competitors.id"), index=True)
    bidder_key: Mapped[str] = mapped_column(String(320))  # competitor name key + '#' + seq
    price: Mapped[Decimal] = mapped_column(Exact)
    quantity: Mapped[Decimal | None] = mapped_column(Exact)
    technical_score: Mapped[Decimal | None] = mapped_column(Exact)
    other_score: Mapped[Decimal | None] = mapped_column(Exact)
    valid: Mapped[bool] = mapped_column(Boolean, default=True)
    rejection_reason: Mapped[str | None] = mapped_column(String(500))
    rank: Mapped[int | None] = mapped_column(Integer)
    awarded: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str | None] = mapped_column(String(500))
    tender: Mapped[Tender] = relationship(back_populates="bids")
    competitor: Mapped[Competitor | None] = relationship()


# --------------------------------------------------------------------------- revision 0002


class OurBid(Base):
    """Our bid as priced (`price --record`) or as written (`render --record`)."""

    __tablename__ = "our_bids"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tender_id: Mapped[int] = mapped_column(ForeignKey("tenders.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # price | render
    record_key: Mapped[str] = mapped_column(String(64), unique=True)
    recorded_at: Mapped[str] = mapped_column(String(32))
    bid_file: Mapped[str | None] = mapped_column(String(500))
    bid_sha256: Mapped[str | None] = mapped_column(String(64))
    inputs: Mapped[Any | None] = mapped_column(JSONText)
    price: Mapped[Decimal | None] = mapped_column(Exact)
    p_win: Mapped[float | None] = mapped_column(Float)
    expected_profit: Mapped[Decimal | None] = mapped_column(Exact)
    range_low: Mapped[Decimal | None] = mapped_column(Exact)
    range_high: Mapped[Decimal | None] = mapped_column(Exact)
    cost_mean: Mapped[Decimal | None] = mapped_column(Exact)
    documents: Mapped[Any | None] = mapped_column(JSONText)  # [{name, file, sha256}]
    tender: Mapped[Tender] = relationship()


class Outcome(Base):
    """What the opening decided for a tender we bid on."""

    __tablename__ = "outcomes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tender_id: Mapped[int] = mapped_column(ForeignKey("tenders.id", ondelete="CASCADE"), unique=True)
    result: Mapped[str] = mapped_column(String(10))  # won | lost
    winner_id: Mapped[int | None] = mapped_column(ForeignKey("competitors.id"))
    winning_price: Mapped[Decimal | None] = mapped_column(Exact)
    our_price: Mapped[Decimal | None] = mapped_column(Exact)
    recorded_at: Mapped[str] = mapped_column(String(32))


class Contract(Base):
    """A contract as reviewed by `check --record`: its key terms and findings."""

    __tablename__ = "contracts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    tender_id: Mapped[int | None] = mapped_column(ForeignKey("tenders.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    parties: Mapped[Any | None] = mapped_column(JSONText)
    price: Mapped[Decimal | None] = mapped_column(Exact)
    key_terms: Mapped[Any | None] = mapped_column(JSONText)
    findings_count: Mapped[int] = mapped_column(Integer, default=0)
    worst_severity: Mapped[str | None] = mapped_column(String(10))
    recorded_at: Mapped[str] = mapped_column(String(32))
    findings: Mapped[list[ContractFinding]] = relationship(
        order_by="ContractFinding.id", cascade="all, delete-orphan"
    )


class ContractFinding(Base):
    __tablename__ = "contract_findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"), index=True)
    rule: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(100))
    severity: Mapped[str] = mapped_column(String(10))
    clause: Mapped[str | None] = mapped_column(String(100))
    location: Mapped[str | None] = mapped_column(String(200))
    message: Mapped[str | None] = mapped_column(Text)
    value: Mapped[str | None] = mapped_column(String(100))


class Invoice(Base):
    __tablename__ = "invoices"
    __table_args__ = (UniqueConstraint("customer_id", "number", name="uq_invoices_customer_number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    number: Mapped[str] = mapped_column(String(100))
    date: Mapped[dt.date] = mapped_column(Date)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Exact)
    currency: Mapped[str | None] = mapped_column(String(3))
    contract_ref: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(String(500))
    # revision 0003: what the sale cost us, for customer value (key accounts)
    cost: Mapped[Decimal | None] = mapped_column(Exact)
    cost_to_serve: Mapped[Decimal | None] = mapped_column(Exact)
    penalties: Mapped[Decimal | None] = mapped_column(Exact)


class Receipt(Base):
    __tablename__ = "receipts"
    __table_args__ = (UniqueConstraint("customer_id", "reference", name="uq_receipts_customer_reference"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"), index=True)
    reference: Mapped[str] = mapped_column(String(200))
    date: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Exact)
    source: Mapped[str | None] = mapped_column(String(500))


class ImportRun(Base):
    """One import of a file: what it added, updated and skipped."""

    __tablename__ = "import_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    at: Mapped[str] = mapped_column(String(32))
    added: Mapped[int] = mapped_column(Integer)
    updated: Mapped[int] = mapped_column(Integer)
    skipped: Mapped[int] = mapped_column(Integer)
    bad: Mapped[int] = mapped_column(Integer)


#: tables in dependency order (export, counts)
TABLES = [
    Customer,
    CustomerAlias,
    Competitor,
    CompetitorAlias,
    Tender,
    Bid,
    OurBid,
    Outcome,
    Contract,
    ContractFinding,
    Invoice,
    Receipt,
    ImportRun,
]
