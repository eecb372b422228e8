"""`history import`: past tenders and their bids from a CSV/XLSX file, one row per bid.

Idempotent: a tender is known by (number, lot), a bid by (tender, bidder, n-th bid of that bidder
in the tender), so importing the same file again changes nothing and reports every row skipped.
The whole import is one transaction: when it fails, the store is as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, tuple_
from sqlalchemy.orm import Session

from bidassist.core.errors import InputError, Problem, ProblemsError
from bidassist.core.money import parse_amount, parse_number
from bidassist.store.connection import Store
from bidassist.store.entities import Directory
from bidassist.store.models import Bid, Competitor, Tender
from bidassist.store.names import name_key
from bidassist.store.tabular import ImportCounts, Table, map_columns, parse_date, read_table, row_getter

FIELDS: dict[str, tuple[str, ...]] = {
    "tender": (
        "tender",
        "tender_id",
        "tender_no",
        "letting",
        "project",
        "number",
        "招标编号",
        "项目编号",
        "项目",
    ),
    "lot": ("lot", "标段", "包号", "标包"),
    "buyer": ("buyer", "customer", "purchaser", "招标人", "采购人", "业主"),
    "tender_name": ("tender_name", "project_name", "项目名称"),
    "date": ("date", "opening_date", "开标日期", "日期"),
    "year": ("year", "年份"),
    "category": ("category", "品目", "类别"),
    "method": ("method", "evaluation", "评标办法"),
    "ceiling": ("ceiling", "ceiling_price", "最高投标限价", "最高限价"),
    "estimate": ("estimate", "reference", "cost_estimate", "engineer_estimate", "估算", "成本估算", "控制价"),
    "currency": ("currency", "币种"),
    "bidder": ("bidder", "name", "competitor", "company", "vendor", "投标人", "单位"),
    "price": ("price", "bid", "amount", "unit_price", "bid_price", "报价", "投标报价", "投标价"),
    "quantity": ("quantity", "qty", "数量"),
    "technical_score": ("technical_score", "tech_score", "技术分"),
    "other_score": ("other_score", "business_score", "商务分"),
    "status": ("status", "winner", "won", "result", "中标", "结果"),
    "rank": ("rank", "排名"),
    "reason": ("rejection_reason", "reason", "废标原因"),
}
REQUIRED = ("tender", "price")
_WON = {"won", "win", "winner", "awarded", "yes", "y", "true", "1", "中标", "是"}
_LOST = {"lost", "lose", "no", "n", "false", "0", "未中标", "否", "valid", "有效", ""}
_REJECTED = {"rejected", "invalid", "废标", "无效", "disqualified"}
_TENDER_FIELDS = ("customer", "name", "date", "year", "category", "method", "ceiling", "estimate", "currency")


@dataclass
class BidRow:
    where: str
    number: str
    lot: str
    buyer: str
    bidder: str
    bid: dict[str, Any]
    tender: dict[str, Any]


@dataclass
class ImportReport(ImportCounts):
    """What an import did. `added/updated/skipped` count bids (rows); the rest are details."""

    tenders_added: int = 0
    tenders_updated: int = 0
    competitors_added: int = 0


def _decimal(text: str, what: str, *, money: bool = True) -> Decimal | None:
    if not text:
        return None
    try:
        return parse_amount(text) if money else parse_number(text, allow_percent=False)
    except InputError as exc:
        raise ValueError(f"{what} {text!r}: {exc.message}") from None


def _status(text: str) -> tuple[bool, bool]:
    """(valid, awarded) from a status cell."""
    s = text.strip().lower()
    if s in _WON:
        return True, True
    if s in _REJECTED:
        return False, False
    if s in _LOST:
        return True, False
    raise ValueError(f"status {text!r}: write won, lost or rejected (中标/未中标/废标)")


def _when(get) -> tuple[dt.date | None, int | None]:  # noqa: ANN001 - row getter
    date = parse_date(get("date")) if get("date") else None
    year_text = get("year")
    year: int | None
    if year_text:
        if not year_text[:4].isdigit():
            raise ValueError(f"year {year_text!r} is not a year")
        year = int(year_text[:4])
    else:
        year = date.year if date else None
    return date, year


def _parse_row(get, where: str) -> BidRow:  # noqa: ANN001 - row getter
    number = get("tender")
    if not number:
        raise ValueError("tender must not be empty")
    price = _decimal(get("price"), "price")
    if price is None or price <= 0:
        raise ValueError(f"price must be a positive amount, got {get('price')!r}")
    valid, awarded = _status(get("status"))
    date, year = _when(get)
    rank = get("rank")
    if rank and not rank.isdigit():
        raise ValueError(f"rank {rank!r} is not a whole number")
    bid = {
        "price": price,
        "quantity": _decimal(get("quantity"), "quantity", money=False),
        "technical_score": _decimal(get("technical_score"), "technical_score", money=False),
        "other_score": _decimal(get("other_score"), "other_score", money=False),
        "valid": valid,
        "awarded": awarded,
        "rank": int(rank) if rank else None,
        "rejection_reason": get("reason") or None,
    }
    currency = get("currency").upper() or None
    if currency is not None and (len(currency) != 3 or not currency.isalpha()):
        raise ValueError(f"currency {currency!r} is not a 3-letter code")
    tender = {
        "name": get("tender_name") or None,
        "date": date,
        "year": year,
        "category": get("category") or None,
        "method": get("method") or None,
        "ceiling": _decimal(get("ceiling"), "ceiling"),
        "estimate": _decimal(get("estimate"), "estimate"),
        "currency": currency,
    }
    return BidRow(where, number, get("lot"), get("buyer"), get("bidder"), bid, tender)


def parse_bid_rows(
    table: Table, mapping: Mapping[str, str], constants: Mapping[str, str]
) -> tuple[list[BidRow], list[Problem]]:
    cols = map_columns(table, FIELDS, mapping, REQUIRED, constants)
    rows: list[BidRow] = []
    problems: list[Problem] = []
    for i, raw in enumerate(table.rows):
        if not any(raw):
            continue
        where = table.where(i)
        try:
            rows.append(_parse_row(row_getter(raw, cols, constants), where))
        except ValueError as exc:
            problems.append(Problem(where, str(exc)))
    return rows, problems


class _Importer:
    """Applies parsed rows to one session, counting what changed."""

    def __init__(self, session: Session, report: ImportReport, rows: list[BidRow]) -> None:
        self.session = session
        self.report = report
        self.directory = Directory(session)
        keys = {(r.number, r.lot) for r in rows}
        self.tenders: dict[tuple[str, str], Tender] = {}
        key_list = list(keys)
        for start in range(0, len(key_list), 500):
            chunk = key_list[start : start + 500]
            for t in session.scalars(select(Tender).where(tuple_(Tender.number, Tender.lot).in_(chunk))):
                self.tenders[(t.number, t.lot)] = t
        self.bids: dict[tuple[int, str], Bid] = {}
        ids = [t.id for t in self.tenders.values()]
        for start in range(0, len(ids), 500):
            for b in session.scalars(select(Bid).where(Bid.tender_id.in_(ids[start : start + 500]))):
                self.bids[(b.tender_id, b.bidder_key)] = b
        self.seen_tender: dict[tuple[str, str], str] = {}
        self.new_bids: list[tuple[Tender, Competitor | None, dict[str, Any]]] = []
        self.seq: dict[tuple[str, str, str], int] = {}

    def tender(self, row: BidRow) -> Tender:
        key = (row.number, row.lot)
        customer = self.directory.customer(row.buyer) if row.buyer else None
        values = dict(row.tender, customer=customer)
        tender = self.tenders.get(key)
        if tender is None:
            tender = Tender(
                number=row.number, lot=row.lot, source=row.where, **{k: v for k, v in values.items()}
            )
            self.session.add(tender)
            self.tenders[key] = tender
            self.seen_tender[key] = row.where
            self.report.tenders_added += 1
            return tender
        changed = [k for k in _TENDER_FIELDS if values[k] is not None and getattr(tender, k) != values[k]]
        if key in self.seen_tender:
            if changed:
                raise ValueError(
                    f"tender {row.number}: {changed[0]} differs from row {self.seen_tender[key]}"
                )
            return tender
        if customer is not None and tender.customer is not None and tender.customer is not customer:
            raise ValueError(
                f"tender {row.number} is recorded for buyer {tender.customer.name!r}, "
                f"this row says {row.buyer!r}"
            )
        for k in changed:
            setattr(tender, k, values[k])
        self.seen_tender[key] = row.where
        if changed:
            self.report.tenders_updated += 1
        return tender

    def insert_new_bids(self) -> None:
        """New bids in one bulk insert (in file order), once their tenders and bidders have ids."""
        if not self.new_bids:
            return
        self.session.flush()
        rows = [
            dict(values, tender_id=tender.id, competitor_id=competitor.id if competitor else None)
            for tender, competitor, values in self.new_bids
        ]
        self.session.execute(insert(Bid), rows)

    def bid(self, row: BidRow) -> None:
        tender = self.tender(row)
        competitor = self.directory.competitor(row.bidder) if row.bidder else None
        who = name_key(row.bidder) if competitor else ""
        seq_key = (row.number, row.lot, who)
        seq = self.seq[seq_key] = self.seq.get(seq_key, 0) + 1
        bidder_key = f"{who}#{seq}"
        existing = self.bids.get((tender.id, bidder_key)) if tender.id is not None else None
        if existing is None:
            self.new_bids.append((tender, competitor, dict(row.bid, bidder_key=bidder_key, source=row.where)))
            self.report.added += 1
            return
        changed = [k for k, v in row.bid.items() if getattr(existing, k) != v]
        for k in changed:
            setattr(existing, k, row.bid[k])
        if changed:
            self.report.updated += 1
        else:
            self.report.skipped += 1


def import_history(
    store: Store,
    path: Path,
    *,
    mapping: Mapping[str, str] | None = None,
    constants: Mapping[str, str] | None = None,
    skip_bad: bool = False,
) -> ImportReport:
    """Import past tenders and bids. Bad rows are all reported (file:row); unless `skip_bad`, any
    bad row means nothing is imported (ProblemsError)."""
    table = read_table(Path(path))
    constants = {k.lower(): v for k, v in (constants or {}).items()}
    rows, problems = parse_bid_rows(table, mapping or {}, constants)
    if problems and not skip_bad:
        raise ProblemsError(problems, "history file has bad rows; nothing was imported")
    report = ImportReport(table.path.name, bad=list(problems))
    with store.writing() as session:
        importer = _Importer(session, report, rows)
        for row in rows:
            try:
                with session.no_autoflush:
                    importer.bid(row)
            except ValueError as exc:
                report.bad.append(Problem(row.where, str(exc)))
        if report.bad and not skip_bad:
            raise ProblemsError(report.bad, "history file has bad rows; nothing was imported")
        importer.insert_new_bids()
        report.customers_added = importer.directory.added_customers
        report.competitors_added = importer.directory.added_competitors
        report.log_run(session, "history", table.sha256)
    return report
