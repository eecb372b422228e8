"""The issue's acceptance flow through the command line, on SQLite and PostgreSQL: db init →
history import (Texas) → price with store-fitted competitors filtered by buyer → history result →
db export; the JSON outputs are byte-identical on both backends."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, TEXAS, TEXAS_ARGS, bidassist, needs_texas

pytestmark = pytest.mark.slow  # CLI subprocesses and PostgreSQL round trips: .ci/run's slow step

NOW = "2026-12-01T09:00:00Z"


def store_bid(folder: Path) -> Path:
    """The bundled example, its competitors fitted from the store (AUSTIN's lettings)."""
    example = ROOT / "bidassist" / "examples" / "hospital"
    for f in example.iterdir():
        if f.is_file():
            shutil.copy(f, folder / f.name)
    text = (folder / "bid.yaml").read_text(encoding="utf-8")
    text, n = re.subn(
        r"    ratio: \{dist: triangular[^\n]*\n",
        "    history: {db: true, buyer: austin, category: school milk, since: 1980, reference: median}\n",
        text,
    )
    assert n == 1
    (folder / "bid.yaml").write_text(text, encoding="utf-8")
    return folder / "bid.yaml"


def run_flow(db: str, folder: Path, tag: str) -> dict[str, str]:
    env = {"BIDASSIST_DB": db, "BIDASSIST_NOW": NOW}
    out: dict[str, str] = {}

    def ok(*args: str) -> str:
        r = bidassist(*args, env=env, cwd=folder)
        assert r.returncode == 0, (args, r.stderr)
        assert "Traceback" not in r.stderr and "locked" not in r.stderr
        return r.stdout

    assert "schema 0003" in ok("db", "init")
    first = json.loads(ok("history", "import", str(TEXAS), *TEXAS_ARGS, "--format", "json"))
    second = json.loads(ok("history", "import", str(TEXAS), *TEXAS_ARGS, "--format", "json"))
    assert (first["added"], second["added"], second["skipped"]) == (4226, 0, 4226)
    bid = folder / "bid.yaml"
    out["price"] = ok("price", str(bid), "--iterations", "3000", "--format", "json", "--record")
    price = json.loads(out["price"])
    assert "fitted from the bid-history store (buyer=austin" in json.dumps(
        price["inputs"], ensure_ascii=False
    )
    assert ok(
        "history",
        "result",
        "BJZC-2026-0417",
        "--lot",
        "第1包",
        "--lost",
        "--winner",
        "ACME 洁净",
        "--price",
        "9,650,000.00",
    ).startswith("recorded the result")
    for name, args in (
        ("tenders", ("history", "tenders", "--buyer", "AUSTIN")),
        ("competitors", ("history", "competitors", "--since", "1985")),
        ("show", ("history", "show")),
        ("export", ("db", "export")),
    ):
        out[name] = ok(*args, "--format", "json")
    ok("db", "export", "-o", str(folder / f"export_{tag}"), "--format", "csv")
    out["export_files"] = ",".join(sorted(p.name for p in (folder / f"export_{tag}").iterdir()))
    return out


@needs_texas
def test_acceptance_flow_sqlite_and_postgresql_identical(tmp_path, pg_url):
    store_bid(tmp_path)
    lite = run_flow(str(tmp_path / "stores" / "history.db"), tmp_path, "lite")
    pg = run_flow(pg_url, tmp_path, "pg")
    for key in lite:
        assert lite[key] == pg[key], key
    export = json.loads(lite["export"])
    assert len(export["bids"]) == 4226 + 1 and len(export["tenders"]) == 1475 + 1
    assert (
        export["outcomes"][0]["result"] == "lost" and export["outcomes"][0]["winning_price"] == "9650000.00"
    )
    ours = export["our_bids"]
    assert len(ours) == 1 and ours[0]["kind"] == "price" and ours[0]["p_win"] is not None
    assert "bids.csv" in lite["export_files"] and "our_bids.csv" in lite["export_files"]


def test_store_errors_are_one_line_exit_2(tmp_path):
    r = bidassist("history", "tenders", "--db", str(tmp_path / "missing.db"))
    assert r.returncode == 2 and "db init" in r.stderr and "Traceback" not in r.stderr
    r = bidassist("history", "tenders", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert r.returncode == 2 and "cannot reach the PostgreSQL store" in r.stderr
    assert "Traceback" not in r.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("tender,bidder,price\nT1,A,12,5\nT1,B,x\n", encoding="utf-8")
    r = bidassist("history", "import", str(bad), "--db", str(tmp_path / "s.db"))
    assert r.returncode == 2 and "bad.csv:3: price 'x'" in r.stderr


@pytest.mark.parametrize("kind", ["invoices", "receipts"])
def test_ledger_import_idempotent(tmp_path, kind):
    f = tmp_path / f"{kind}.csv"
    if kind == "invoices":
        f.write_text(
            "客户名称,发票号码,开票日期,到期日,价税合计\n滨江市第一人民医院,INV-1,2026-01-05,2026-02-04,"
            '"1,130,000.00"\n滨江市第一人民医院,INV-2,2026-03-01,,565000\n',
            encoding="utf-8",
        )
    else:
        f.write_text(
            "客户名称,回款单号,到账日期,回款金额,发票号码\n滨江市第一人民医院,R-1,2026-04-20,1130000,INV-1\n",
            encoding="utf-8",
        )
    db = str(tmp_path / "s.db")
    first = json.loads(bidassist("ledger", "import", str(f), "--db", db, "--format", "json").stdout)
    again = json.loads(bidassist("ledger", "import", str(f), "--db", db, "--format", "json").stdout)
    assert first["kind"] == kind and first["added"] >= 1 and again["added"] == 0
    assert again["skipped"] == first["added"]
