"""`bidassist price --scenario` and `bidassist history backtest` as a user meets them (subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BID = """tender: {name: t, number: '1', buyer: b, deadline: 2026-01-01, bid_validity_days: 90, ceiling_price: 150}
bidder: {company: c, legal_representative: {name: x}, address: a, phone: '1'}
costs:
  lines: [{description: all, quantity: 1, likely: 100}]
pricing:
  iterations: 5000
  competitors: {count: 3, price: {dist: uniform, low: 100, high: 140}}
  policy: {min_win_probability: 0, max_loss_probability: 1, min_margin: 0}
"""


def bidassist(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bidassist", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


@pytest.mark.slow
def test_price_json_with_scenarios_and_documented_keys(tmp_path):
    bid = tmp_path / "bid.yaml"
    bid.write_text(BID, encoding="utf-8")
    more = tmp_path / "more_rivals.yaml"
    more.write_text("competitors: {count: 6}\n", encoding="utf-8")
    r = bidassist("price", str(bid), "--format", "json", "--scenario", str(more))
    assert r.returncode == 0, r.stderr
    j = json.loads(r.stdout)
    assert {
        "recommended",
        "uncertainty",
        "range",
        "near_optimal_band",
        "decision",
        "inputs_hash",
        "cost",
        "curve",
        "sensitivity",
        "policy_satisfied",
        "warnings",
        "notes",
        "inputs",
        "scenarios",
    } <= set(j)
    assert j["decision"]["status"] == "bid" and len(j["inputs_hash"]) == 64
    assert j["scenarios"][0]["name"] == "more_rivals"
    assert float(j["scenarios"][0]["recommended"]["price"]) < float(j["recommended"]["price"])
    t = bidassist("price", str(bid), "--scenario", str(more))
    assert t.returncode == 0 and "more_rivals" in t.stdout and "Near-optimal band" in t.stdout


@pytest.mark.slow
def test_backtest_without_years_is_one_error_line(tmp_path):
    csv = tmp_path / "past.csv"
    csv.write_text("tender,bidder,price\nT1,A,100\nT1,B,110\n", encoding="utf-8")
    r = bidassist("history", "backtest", str(csv))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert (
        r.stderr.strip().startswith("error: ")
        and "year" in r.stderr
        and len(r.stderr.strip().splitlines()) == 1
    )
