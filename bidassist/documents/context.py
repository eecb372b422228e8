"""Template data: the bid, the cost lines and the price, as the mappings templates read.

Top-level names: `tender`, `bidder`, `offer`, `price`, `bond`, `schedule`, `deviations`,
`appendix`, `date`, `currency`. Absent optional fields are left out (not None), so a template
that prints one gets a "missing field" error naming it, while `{% if tender.agency %}` works.
See README, "Tender documents" for the full list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel

from bidassist.core.bidfile import Bid
from bidassist.core.money import amount_words, rmb_upper, round_money
from bidassist.costs.model import CostModel
from bidassist.documents.bill import PricedBill, PricedItem
from bidassist.documents.environment import Record
from bidassist.documents.schedule import PricedLine, spread_total

DEVIATION_ZH = {"none": "无偏离", "positive": "正偏离", "negative": "负偏离"}
DEVIATION_EN = {"none": "Complies", "positive": "Exceeds", "negative": "Deviates"}
CURRENCY_SYMBOL = {"CNY": "¥", "RMB": "¥", "USD": "US$", "EUR": "€", "HKD": "HK$", "GBP": "£"}


# Values a template may see as they are; anything else (a path, an enum, a model) becomes text or
# plain data, so no live Python object with methods that touch files or state reaches a template.
_PLAIN_SCALARS = (str, bool, int, float, Decimal, dt.date, dt.datetime, dt.time)


def plain(value: Any) -> Any:
    """A scalar as a template may see it: plain values unchanged, enums as their value, anything
    else (paths included) as its text."""
    if isinstance(value, Enum):
        value = value.value
    if value is None or isinstance(value, _PLAIN_SCALARS):
        return value
    return str(value)


def _record(path: str, value: Any) -> Any:
    """Pydantic models / dicts -> Records with None dropped; lists and tuples -> lists of Records;
    every leaf made plain."""
    if isinstance(value, BaseModel):
        value = {k: getattr(value, k) for k in type(value).model_fields}
    if isinstance(value, dict):
        return Record(path, {str(k): _record(f"{path}.{k}", v) for k, v in value.items() if v is not None})
    if isinstance(value, (list, tuple)):
        return [_record(f"{path}[{i}]", v) for i, v in enumerate(value)]
    return plain(value)


@dataclass(frozen=True)
class DocumentData:
    """Everything the templates and the checks need, built once per bid."""

    context: dict[str, Any]
    price: Decimal
    schedule: list[PricedLine] | list[PricedItem]
    date: dt.date
    currency: str
    bill: PricedBill | None = None
    notes: list[str] = field(default_factory=list)
    requested: Decimal | None = None  # the price asked for, when the bill moved it
    headers: dict[str, str] | None = None  # the bill's quantity / unit price / amount headers


def build_data(bid: Bid, costs: CostModel, price: Decimal, *, today: dt.date | None = None) -> DocumentData:
    """Bid + costs + price -> template data (the priced schedule included)."""
    total = round_money(price)
    requested = None
    bill = None
    priced_lines: list[PricedLine] = []
    if bid.tender.bill is not None:
        from bidassist.documents.bill import price_bill, read_bill

        bill = price_bill(total, read_bill(bid.tender.bill), costs, bid)
        if bill.total != total:
            requested, total = total, bill.total
        schedule: list[PricedLine] | list[PricedItem] = bill.items
    else:
        schedule = priced_lines = spread_total(total, list(costs.lines))
    t, o = bid.tender, bid.offer
    date = o.date or today or dt.date.today()
    currency = t.currency

    tender = _record("tender", t)
    if t.deadline is not None:
        tender["deadline_date"] = t.deadline.date() if isinstance(t.deadline, dt.datetime) else t.deadline

    offer = _record("offer", o)
    # what we offer, falling back to what the tender requires
    for key in ("bid_validity_days", "duration_days", "warranty_months", "delivery_place"):
        if key not in offer and getattr(t, key, None) is not None:
            offer[key] = getattr(t, key)
    offer["price"] = total
    offer["date"] = date
    offer.pop("deviations", None)
    offer.pop("appendix", None)

    price_rec = Record(
        "price",
        {
            "total": total,
            "upper": rmb_upper(total),
            "words": amount_words(total, currency),
            "currency": currency,
            "symbol": CURRENCY_SYMBOL.get(currency, currency + " "),
        },
    )
    vat = bid.pricing.vat if bid.pricing else None
    if vat is not None:
        price_rec["vat_rate"] = vat.rate
        price_rec["vat_included"] = vat.included
        if vat.included:
            ex = round_money(total / (1 + vat.rate))
            price_rec["ex_vat"] = ex
            price_rec["vat"] = total - ex

    schedule_rec = bill_record(bill, bid) if bill is not None else _lines_record(priced_lines)
    schedule_rec["total"] = total
    schedule_rec["count"] = len(schedule)
    schedule_rec["cost"] = round_money(sum((p.cost for p in schedule), Decimal(0)))

    devs = []
    for i, d in enumerate(o.deviations):
        rec = _record(f"offer.deviations[{i}]", d)
        rec["label"] = DEVIATION_ZH[d.deviation]
        rec["label_en"] = DEVIATION_EN[d.deviation]
        devs.append(rec)
    for kind in ("commercial", "technical"):
        for n, rec in enumerate((r for r in devs if r["kind"] == kind), start=1):
            rec["no"] = n
    deviations = Record(
        "deviations",
        {
            "commercial": [r for r in devs if r["kind"] == "commercial"],
            "technical": [r for r in devs if r["kind"] == "technical"],
            "all": [Record(r._path, {**r, "no": i}) for i, r in enumerate(devs, start=1)],
        },
    )

    context: dict[str, Any] = {
        "currency": currency,
        "tender": tender,
        "bidder": _record("bidder", bid.bidder),
        "offer": offer,
        "price": price_rec,
        "schedule": schedule_rec,
        "deviations": deviations,
        "appendix": appendix_rows(bid, offer),
        "date": date,
    }
    if t.bid_bond is not None:
        context["bond"] = Record(
            "bond",
            {
                "amount": round_money(t.bid_bond),
                "upper": rmb_upper(t.bid_bond),
                "words": amount_words(t.bid_bond, currency),
            },
        )
    return DocumentData(
        context=context,
        price=total,
        schedule=schedule,
        date=date,
        currency=currency,
        bill=bill,
        notes=list(bill.notes) if bill else [],
        requested=requested,
        headers=_bill_headers(bill, bid) if bill else None,
    )


def _bill_headers(priced: PricedBill, bid: Bid) -> dict[str, str]:
    from bidassist.documents.bill import display_columns

    by_field = {c.field: c.header for c in display_columns(priced.bill, bid.tender.kind)}
    return {"quantity": by_field["quantity"], "unit_price": by_field["price"], "amount": by_field["amount"]}


def _lines_record(schedule: list[PricedLine]) -> Record:
    rows = []
    for p in schedule:
        ln = p.line
        row = {
            "no": p.no,
            "code": ln.code,
            "description": ln.description,
            "unit": ln.unit,
            "quantity": ln.quantity,
            "unit_price": p.unit_price,
            "total": p.total,
            "category": ln.category,
            "source": ln.source,
        }
        rows.append(Record(f"schedule.rows[{p.no - 1}]", {k: v for k, v in row.items() if v is not None}))
    return Record("schedule", {"rows": rows, "bill": False})


def bill_record(priced: PricedBill, bid: Bid) -> Record:
    """schedule.* for a priced bill: rows with the buyer's fields and cells (in the buyer's column
    order), the column headers, the sections with their subtotals, and the table as Word XML."""
    from markupsafe import Markup

    from bidassist.documents.bill import bill_table, cell_texts, display_columns, sections

    columns = display_columns(priced.bill, bid.tender.kind)
    rows = []
    for p in priced.items:
        it = p.item
        row: dict[str, Any] = {
            "no": p.no,
            "code": it.code,
            "description": it.description,
            "unit": it.unit,
            "quantity": it.quantity,
            "unit_price": p.unit_price,
            "total": p.total,
            "section": it.section,
            "source": it.source,
            "cells": cell_texts(p, columns),
        }
        for c in columns:
            if c.field == "text" and it.texts.get(c.index):
                row.setdefault("features" if "特征" in c.header else f"col{c.index}", it.texts[c.index])
        if p.goods is not None:
            row.update({k: v for k, v in p.goods.model_dump().items() if v is not None})
        rows.append(Record(f"schedule.rows[{p.no - 1}]", {k: v for k, v in row.items() if v is not None}))
    groups = [
        Record(
            f"schedule.sections[{i}]",
            {"name": name or "", "count": len(items), "subtotal": sum((p.total for p in items), Decimal(0))},
        )
        for i, (name, items) in enumerate(sections(priced.items))
    ]
    xml, _fits = bill_table(priced, columns)
    return Record(
        "schedule",
        {
            "rows": rows,
            "bill": True,
            "columns": [c.header for c in columns],
            "sections": groups,
            "table_docx": Markup(xml),
        },
    )


def appendix_rows(bid: Bid, offer: Record) -> list[Record]:
    """Rows of 投标函附录: what the data says about the contract terms, then offer.appendix."""
    o = bid.offer
    pt = bid.pricing.payment_terms if bid.pricing else None
    rows: list[tuple[str, str]] = []
    if o.project_manager:
        rows.append(("项目经理", o.project_manager))
    if "duration_days" in offer:
        rows.append(("工期（交货期）", f"{offer['duration_days']}日历天"))
    if "warranty_months" in offer:
        rows.append(("缺陷责任期（质保期）", f"{offer['warranty_months']}个月"))
    if "bid_validity_days" in offer:
        rows.append(("投标有效期", f"{offer['bid_validity_days']}日历天"))
    if pt is not None:
        if pt.advance:
            rows.append(("预付款", f"合同价款的{_pct(pt.advance)}"))
        if pt.retention is not None and pt.retention.share:
            rows.append(
                ("质量保证金", f"合同价款的{_pct(pt.retention.share)}，{pt.retention.months}个月期满后返还")
            )
    if o.payment_terms:
        rows.append(("付款方式", o.payment_terms))
    out = [
        Record(f"appendix[{i}]", {"no": i + 1, "name": name, "content": content})
        for i, (name, content) in enumerate(rows)
    ]
    for item in o.appendix:
        i = len(out)
        rec = _record(f"offer.appendix[{len(out) - len(rows)}]", item)
        rec["no"] = i + 1
        out.append(rec)
    return out


def _pct(rate: Decimal) -> str:
    text = f"{(rate * 100).quantize(Decimal('0.01')).normalize():f}"
    return f"{text}%"
