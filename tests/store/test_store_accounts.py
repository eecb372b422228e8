"""Key accounts read from a real store (SQLite and PostgreSQL): ledger exports with costs →
tiers, flags and payment behaviour; the CLI list/show/report; migration 0002 → 0003 keeps data."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from bidassist.accounts.api import assess_store
from bidassist.store import open_store
from bidassist.store.connection import Store, resolve_url
from bidassist.store.ledger import import_ledger
from bidassist.store.migrate import upgrade

from .conftest import bidassist

pytestmark = pytest.mark.slow  # CLI subprocesses and PostgreSQL round trips: .ci/run's slow step

AS_OF = dt.date(2026, 11, 30)


def _months(start: dt.date, n: int, step: int = 30):
    return [start + dt.timedelta(days=step * i) for i in range(n)]


def write_ledger(folder):
    """Invoices (with cost) and receipts as finance exports them: 24 small regular customers,
    a big profitable one, a big slow-paying low-margin one, and a one-off bulk buyer."""
    inv = ["客户名称,发票号码,开票日期,到期日,价税合计,销售成本,服务成本"]
    rec = ["客户名称,回款单号,到账日期,回款金额,发票号码"]

    def sale(customer, no, day, amount, cost, pay_days, serve="0", linked=True):
        inv.append(f"{customer},{no},{day},{day + dt.timedelta(days=60)},{amount},{cost},{serve}")
        paid = day + dt.timedelta(days=pay_days)
        if paid <= AS_OF:
            rec.append(f"{customer},R-{no},{paid},{amount},{no if linked else ''}")

    for k in range(24):
        for i, day in enumerate(_months(dt.date(2024, 1, 5) + dt.timedelta(days=5 * k), 12, 60)):
            sale(f"小客户{k:02d}有限公司", f"S{k:02d}-{i}", day, "20000", "15600", 35)
    for i, day in enumerate(_months(dt.date(2024, 1, 10), 35)):
        sale("滨江市第一人民医院", f"H-{i}", day, "400000", "300000", 40)
    for i, day in enumerate(_months(dt.date(2024, 1, 15), 35)):
        sale("大量低利集团", f"V-{i}", day, "300000", "291000", 150, serve="3000", linked=False)
    sale("一次性团购公司", "O-1", dt.date(2024, 10, 8), "6000000", "4920000", 45)
    (folder / "invoices.csv").write_text("\n".join(inv) + "\n", encoding="utf-8")
    (folder / "receipts.csv").write_text("\n".join(rec) + "\n", encoding="utf-8")
    return folder / "invoices.csv", folder / "receipts.csv"


def test_accounts_from_the_store(db_url, tmp_path):
    invoices, receipts = write_ledger(tmp_path)
    with open_store(db_url, create=True) as store:
        assert import_ledger(store, invoices).added == 24 * 12 + 35 + 35 + 1
        import_ledger(store, receipts)
    result = assess_store(db_url, as_of=AS_OF)
    hospital, volume, oneoff = (
        result.accounts[k] for k in ("滨江市第一人民医院", "大量低利集团", "一次性团购公司")
    )
    assert hospital.place.tier == "A" and hospital.place.rank == 1 and not hospital.flags
    assert {f.name for f in volume.flags} == {"volume_without_profit"}
    assert {f.name for f in oneoff.flags} == {"one_off"}
    # unreferenced receipts are applied oldest invoice first: 150 days on every paid invoice
    assert all(i.days == 150 for i in volume.value.payments.invoices if i.open == 0)
    assert hospital.value.revenue == Decimal("14000000.00") and hospital.value.direct_cost == Decimal(
        "10500000.00"
    )
    assert hospital.value.ids["invoices"][0].startswith("invoice:")


def test_accounts_cli_list_show_report(tmp_path):
    db = str(tmp_path / "s.db")
    invoices, receipts = write_ledger(tmp_path)
    assert bidassist("ledger", "import", str(invoices), "--db", db).returncode == 0
    assert bidassist("ledger", "import", str(receipts), "--db", db).returncode == 0
    r = bidassist("accounts", "list", "--db", db, "--as-of", AS_OF.isoformat(), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["accounts"][0]["name"] == "滨江市第一人民医院" and data["accounts"][0]["tier"] == "A"
    r = bidassist("accounts", "show", "大量低利集团", "--db", db, "--as-of", AS_OF.isoformat())
    assert r.returncode == 0 and "volume_without_profit" in r.stdout
    r = bidassist("accounts", "show", "nobody", "--db", db)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "no customer" in r.stderr
    out = tmp_path / "accounts.xlsx"
    r = bidassist("accounts", "report", "-o", str(out), "--db", db, "--as-of", AS_OF.isoformat())
    assert r.returncode == 0, r.stderr
    wb = load_workbook(out)
    assert wb["Tiers"]["B2"].value == "滨江市第一人民医院" and wb["Tiers"]._charts
    r = bidassist("accounts", "report", "-o", str(out), "--db", db)
    assert r.returncode == 2 and "exists" in r.stderr


def test_upgrade_from_0002_keeps_invoices(tmp_path):
    db = str(tmp_path / "old.db")
    invoices, _ = write_ledger(tmp_path)
    with Store(resolve_url(db)) as store:
        upgrade(store, "0002")
        store.engine.dispose()
    with Store(resolve_url(db)) as store:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO customers (name) VALUES ('老客户')")
            conn.exec_driver_sql(
                "INSERT INTO invoices (customer_id, number, date, amount) "
                "VALUES (1, 'A-1', '2025-01-01', '1000.00')"
            )
        assert upgrade(store) == ("0002", "0003")
    with open_store(db) as store, store.reading() as session:
        row = session.execute(__import__("sqlalchemy").text("SELECT amount, cost FROM invoices")).one()
        assert row[1] is None and Decimal(str(row[0])) == Decimal("1000.00")
