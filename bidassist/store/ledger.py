"""`ledger import`: invoices and receipts exported from finance (CSV/XLSX), for payment behaviour.

An invoice is known by (customer, invoice number); a receipt by (customer, reference) — or, when the
export has no reference column, by invoice, date and amount. Importing the same file again changes
nothing. The import is one transaction; bad rows are reported by file and row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bidassist.core.errors import InputError, Problem, ProblemsError
from bidassist.core.money import parse_amount
from bidassist.store.connection import Store
from bidassist.store.entities import Directory
from bidassist.store.models import Invoice, Receipt
from bidassist.store.names import name_key
from bidassist.store.tabular import ImportCounts, Table, map_columns, parse_date, read_table, row_getter

INVOICE_FIELDS: dict[str, tuple[str, ...]] = {
    "customer": ("customer", "buyer", "client", "客户", "客户名称", "购买方", "付款单位"),
    "number": ("number", "invoice", "invoice_no", "invoice_number", "发票号", "发票号码"),
    "date": ("date", "invoice_date", "开票日期", "日期"),
    "due_date": ("due_date", "due", "到期日", "应收日期"),
    "amount": ("amount", "total", "invoice_amount", "金额", "价税合计", "开票金额"),
    "currency": ("currency", "币种"),
    "contract": ("contract", "contract_no", "合同编号", "合同号"),
    "cost": ("cost", "cogs", "cost_of_sales", "direct_cost", "成本", "销售成本", "直接成本"),
    "cost_to_serve": ("cost_to_serve", "service_cost", "服务成本", "客户服务成本"),
    "penalties": ("penalties", "penalty", "claims", "罚款", "违约金", "索赔"),
}
RECEIPT_FIELDS: dict[str, tuple[str, ...]] = {
    "customer": INVOICE_FIELDS["customer"],
    "reference": ("reference", "receipt", "receipt_no", "payment_id", "流水号", "回款单号", "收款单号"),
    "date": ("date", "receipt_date", "payment_date", "received", "到账日期", "收款日期", "回款日期", "日期"),
    "amount": ("amount", "received_amount", "金额", "收款金额", "回款金额"),
    "invoice": ("invoice", "invoice_no", "invoice_number", "发票号", "发票号码"),
}
_RECEIPT_HINTS = ("receipt", "payment", "received", "回款", "收款", "到账", "流水")


@dataclass
class LedgerReport(ImportCounts):
    """What a ledger import did (`kind`: which ledger the file holds)."""

    kind: str = "invoices"  # invoices | receipts


def detect_kind(table: Table) -> str:
    header = " ".join(table.header).lower()
    return "receipts" if any(h in header for h in _RECEIPT_HINTS) else "invoices"


def _amount(text: str) -> Decimal:
    try:
        value = parse_amount(text)
    except InputError as exc:
        raise ValueError(f"amount {text!r}: {exc.message}") from None
    if value <= 0:
        raise ValueError(f"amount must be positive, got {text!r}")
    return value


def _date(text: str, what: str):  # noqa: ANN202
    if not text:
        raise ValueError(f"{what} must not be empty")
    return parse_date(text)


def _optional_amount(text: str, what: str) -> Decimal | None:
    """A cost column: empty is unknown, zero is allowed, negative is not."""
    if not text:
        return None
    try:
        value = parse_amount(text)
    except InputError as exc:
        raise ValueError(f"{what} {text!r}: {exc.message}") from None
    if value < 0:
        raise ValueError(f"{what} must not be negative, got {text!r}")
    return value


def _customer(get) -> str:  # noqa: ANN001
    name = get("customer")
    if not name_key(name):  # blank, or punctuation only: no customer can be named by it
        raise ValueError(f"customer must be a name, got {name!r}" if name else "customer must not be empty")
    return name


def _invoice_row(get) -> tuple[str, dict[str, Any]]:  # noqa: ANN001
    if not get("number"):
        raise ValueError("invoice number must not be empty")
    return _customer(get), {
        "number": get("number"),
        "date": _date(get("date"), "date"),
        "due_date": parse_date(get("due_date")) if get("due_date") else None,
        "amount": _amount(get("amount")),
        "currency": get("currency").upper() or None,
        "contract_ref": get("contract") or None,
        **{k: _optional_amount(get(k), k) for k in ("cost", "cost_to_serve", "penalties")},
    }


def _receipt_row(get) -> tuple[str, dict[str, Any]]:  # noqa: ANN001
    customer = _customer(get)
    date, amount = _date(get("date"), "date"), _amount(get("amount"))
    reference = get("reference") or f"{get('invoice') or '-'}|{date.isoformat()}|{format(amount, 'f')}"
    return customer, {
        "reference": reference,
        "date": date,
        "amount": amount,
        "invoice": get("invoice") or None,
    }


def import_ledger(
    store: Store,
    path: Path,
    *,
    kind: str | None = None,
    mapping: Mapping[str, str] | None = None,
    constants: Mapping[str, str] | None = None,
    skip_bad: bool = False,
) -> LedgerReport:
    """Import invoices or receipts (`kind`, default: from the headers)."""
    table = read_table(Path(path))
    kind = kind or detect_kind(table)
    if kind not in ("invoices", "receipts"):
        raise InputError(f"--kind must be invoices or receipts, got {kind!r}", "--kind")
    fields = INVOICE_FIELDS if kind == "invoices" else RECEIPT_FIELDS
    required = (
        ("customer", "number", "date", "amount") if kind == "invoices" else ("customer", "date", "amount")
    )
    constants = {k.lower(): v for k, v in (constants or {}).items()}
    cols = map_columns(table, fields, mapping or {}, required, constants)
    parse = _invoice_row if kind == "invoices" else _receipt_row
    rows, bad = [], []
    for i, raw in enumerate(table.rows):
        if not any(raw):
            continue
        try:
            rows.append((table.where(i), *parse(row_getter(raw, cols, constants))))
        except ValueError as exc:
            bad.append(Problem(table.where(i), str(exc)))
    if bad and not skip_bad:
        raise ProblemsError(bad, "ledger file has bad rows; nothing was imported")
    report = LedgerReport(table.path.name, bad=bad, kind=kind)
    with store.writing() as session:
        directory = Directory(session)
        apply = _apply_invoice if kind == "invoices" else _apply_receipt
        for where, customer_name, values in rows:
            customer = directory.customer(customer_name)
            assert customer is not None  # rows were parsed with a non-blank name key
            session.flush()
            status = apply(session, customer.id, values, where)
            setattr(report, status, getattr(report, status) + 1)
        report.customers_added = directory.added_customers
        report.log_run(session, kind, table.sha256)
    return report


def _upsert(session, model, key: dict[str, Any], values: dict[str, Any], where: str) -> str:  # noqa: ANN001
    row = session.scalar(select(model).filter_by(**key))
    if row is None:
        session.add(model(**key, **values, source=where))
        return "added"
    changed = [k for k, v in values.items() if getattr(row, k) != v]
    for k in changed:
        setattr(row, k, values[k])
    return "updated" if changed else "skipped"


def _apply_invoice(session, customer_id: int, values: dict[str, Any], where: str) -> str:  # noqa: ANN001
    number = values.pop("number")
    return _upsert(session, Invoice, {"customer_id": customer_id, "number": number}, values, where)


def _apply_receipt(session, customer_id: int, values: dict[str, Any], where: str) -> str:  # noqa: ANN001
    invoice_no = values.pop("invoice")
    invoice_id = None
    if invoice_no:
        invoice_id = session.scalar(select(Invoice.id).filter_by(customer_id=customer_id, number=invoice_no))
    reference = values.pop("reference")
    return _upsert(
        session,
        Receipt,
        {"customer_id": customer_id, "reference": reference},
        dict(values, invoice_id=invoice_id),
        where,
    )
