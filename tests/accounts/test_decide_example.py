"""`decide` on the bundled example: the hospital's own ledger in a store, the contract's traps,
the price as the hospital really pays — and a different answer when it pays worse."""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bidassist.accounts.bidding import decide_bid
from bidassist.core.resources import package_path
from bidassist.store import open_store
from bidassist.store.ledger import import_ledger
from bidassist.workflow import import_bid_ledger

pytestmark = pytest.mark.slow  # a pricing run and a store per test: .ci/run's slow step

EXAMPLE = package_path("examples") / "hospital"
AS_OF = dt.date(2026, 11, 30)
BUYER = "滨江市第一人民医院"
ITERATIONS = 4000


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("store") / "s.db"
    assert import_bid_ledger(EXAMPLE / "bid.yaml", path)
    return str(path)


def test_example_decision_with_reasons(store):
    d = decide_bid(EXAMPLE / "bid.yaml", db=store, as_of=AS_OF, iterations=ITERATIONS)
    assert d.customer == BUYER and d.account is not None and d.account.place.tier == "A"
    assert d.decision.verdict == "bid_with_conditions"
    assert d.decision.reasons and d.decision.conditions
    assert any(c.startswith("restore the tender's terms") for c in d.decision.conditions)
    assert any(c.startswith("strike or amend") and "payment.back_to_back" in c for c in d.decision.conditions)
    # priced as the hospital pays: its DSO replaces the contract's 30 days, the tier's floor applies
    assert any("actual DSO" in a for a in d.adjustments) and d.view.priced_days > d.view.nominal_days


def worse_receipts(folder: Path) -> Path:
    """The same ledger, but the hospital now pays every invoice 200 days later."""
    src = EXAMPLE / "ledger" / "receipts.csv"
    rows = list(csv.reader(src.open(encoding="utf-8")))
    out = [rows[0]]
    for r in rows[1:]:
        if r[0] == BUYER:
            r = [r[0], r[1], (dt.date.fromisoformat(r[2]) + dt.timedelta(days=200)).isoformat(), *r[3:]]
        out.append(r)
    path = folder / "receipts.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(out)
    return path


def test_a_worse_payment_record_changes_the_decision(tmp_path, store):
    before = decide_bid(EXAMPLE / "bid.yaml", db=store, as_of=AS_OF, iterations=ITERATIONS)
    db = str(tmp_path / "worse.db")
    with open_store(db, create=True) as s:
        import_ledger(s, EXAMPLE / "ledger" / "invoices.csv")
        import_ledger(s, worse_receipts(tmp_path))
    after = decide_bid(EXAMPLE / "bid.yaml", db=db, as_of=AS_OF, iterations=ITERATIONS)
    assert before.decision.verdict == "bid_with_conditions" and after.decision.verdict == "no_bid"
    assert any("days to pay on average" in r for r in after.decision.reasons)
    assert after.view.break_even > before.view.break_even  # slower money costs more to carry


def test_unknown_store_still_decides(tmp_path):
    d = decide_bid(EXAMPLE / "bid.yaml", db=str(tmp_path / "none.db"), as_of=AS_OF, iterations=ITERATIONS)
    assert d.account is None and d.decision.notes[0].startswith("no customer history")


def test_decide_command_json(store):
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "bidassist",
            "decide",
            str(EXAMPLE / "bid.yaml"),
            "--db",
            store,
            "--as-of",
            AS_OF.isoformat(),
            "--iterations",
            str(ITERATIONS),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["decision"]["verdict"] == "bid_with_conditions" and data["customer"] == BUYER
    assert data["account"]["tier"] == "A" and data["pricing"]["status"] == "bid"
    r = subprocess.run(
        [sys.executable, "-m", "bidassist", "decide", str(EXAMPLE / "bid.yaml"), "--as-of", "soon"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert r.returncode == 2 and "--as-of" in r.stderr and "Traceback" not in r.stderr
