"""Decision status, inputs hash, the shared break-even, and the report's marks."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from bidassist.documents.checks import expected_cost
from bidassist.pricing import price_bid
from bidassist.pricing.breakeven import expected_cost_bb
from bidassist.pricing.decision import inputs_hash
from bidassist.reports.price_xlsx import write_price_xlsx

COMP = {"count": 3, "price": {"dist": "uniform", "low": 100, "high": 140}}
OPEN = {"min_win_probability": 0.0, "max_loss_probability": 1.0, "min_margin": 0.0}


def test_break_even_above_ceiling_is_below_break_even(mkbid, fixed100):
    r = price_bid(mkbid({"competitors": COMP, "policy": OPEN}, ceiling_price=95), fixed100, iterations=2000)
    assert r.decision.status == "below_break_even" and "ceiling" in r.decision.reason
    assert r.to_json()["decision"] == {"status": r.decision.status, "reason": r.decision.reason}


def test_bid_cost_larger_than_the_best_profit_is_do_not_bid(mkbid, fixed100):
    r = price_bid(mkbid({"competitors": COMP, "policy": OPEN, "bid_cost": 50}), fixed100, iterations=2000)
    assert r.decision.status == "do_not_bid" and "expected profit" in r.decision.reason


def test_inputs_hash_changes_with_inputs_only(mkbid, fixed100):
    bid = mkbid({"competitors": COMP, "policy": OPEN})
    h = inputs_hash(bid, fixed100, iterations=3000, seed=7)
    r = price_bid(bid, fixed100, iterations=3000)
    assert (
        r.inputs_hash
        == h
        == inputs_hash(mkbid({"competitors": COMP, "policy": OPEN}), fixed100, iterations=3000, seed=7)
    )
    assert (
        inputs_hash(
            mkbid({"competitors": COMP, "policy": OPEN, "bid_cost": 1}), fixed100, iterations=3000, seed=7
        )
        != h
    )
    assert inputs_hash(bid, fixed100, iterations=3000, seed=8) != h


def test_documents_use_the_same_expected_cost(mkbid):
    from bidassist.costs.model import CostLine, CostModel

    costs = CostModel(
        lines=[
            CostLine(
                description="x",
                quantity=Decimal(2),
                low=Decimal(90),
                likely=Decimal(100),
                high=Decimal(140),
                distribution="pert",
            )
        ]
    )
    bid = mkbid(
        {
            "competitors": COMP,
            "overhead": 0.1,
            "vat": {"rate": 0.13, "included": True},
            "risks": [{"name": "r", "probability": 0.5, "impact": {"dist": "fixed", "value": 10}}],
        }
    )
    # PERT mean (90 + 400 + 140)/6 = 105 → (2·105 + 0.5·10)·1.1·1.13 = 267.2450 → 267.25
    assert expected_cost(bid, costs) == expected_cost_bb(bid, costs) == Decimal("267.25")
    r = price_bid(bid, costs, iterations=2000)
    assert r.cost.mean == Decimal("267.25")


def test_xlsx_marks_price_band_and_ceiling(mkbid, fixed100, tmp_path):
    r = price_bid(mkbid({"competitors": COMP, "policy": OPEN}, ceiling_price=150), fixed100, iterations=5000)
    path = write_price_xlsx(r, tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(path)
    summary = {row[0]: row[1] for row in wb["Summary"].iter_rows(values_only=True) if row and row[0]}
    assert summary["分析结论 Decision"] == "bid" and "近优区间下限 Near-optimal band low" in summary
    cv = wb["Curve"]
    names = [cv.cell(2 + 3 * i, 20).value for i in range(4)]
    assert names == ["建议报价 Recommended", "近优下限 Band low", "近优上限 Band high", "最高限价 Ceiling"]
    assert cv.cell(3, 20).value == float(r.recommended.price) and cv.cell(12, 20).value == 150.0
    assert all(len(ch.series) == 5 for ch in cv._charts)


def test_cvar_limit_raises_the_floor(mkbid):
    from bidassist.costs.model import CostLine, CostModel

    # cost U(90, 110): the worst 10 % (108–110) average 109; a CVaR limit of 3 needs B ≥ 106
    costs = CostModel(
        lines=[
            CostLine(
                description="x",
                quantity=Decimal(1),
                low=Decimal(90),
                likely=Decimal(100),
                high=Decimal(110),
                distribution="uniform",
            )
        ]
    )
    pol = OPEN | {"max_cvar_loss": 3, "cvar_level": 0.9}
    r = price_bid(
        mkbid({"competitors": COMP, "policy": pol, "correlation": {"within_category": 0}}),
        costs,
        iterations=40_000,
    )
    assert float(r.range.low) == pytest.approx(106, abs=0.1)
    assert float(r.recommended.price) >= float(r.range.low)


def test_scenarios_side_by_side(mkbid, fixed100, tmp_path):
    from bidassist.pricing.scenarios import load_scenario, price_scenarios

    more = tmp_path / "more.yaml"
    more.write_text("name: more rivals\ncompetitors: {count: 6}\n", encoding="utf-8")
    money = tmp_path / "money.yaml"
    money.write_text("competitors:\n  price: {dist: uniform, low: 100, high: 120}\n", encoding="utf-8")
    bid = mkbid(
        {"competitors": {"count": 3, "ratio": {"dist": "uniform", "low": 1.0, "high": 1.4}}, "policy": OPEN}
    )
    name, sbid = load_scenario(bid, money)
    assert name == "money" and sbid.pricing.competitors.ratio is None and sbid.pricing.competitors.count == 3
    rows = price_scenarios(bid, fixed100, [more, money], lambda b: price_bid(b, fixed100, iterations=5000))
    base = price_bid(bid, fixed100, iterations=5000)
    assert [r["name"] for r in rows] == ["more rivals", "money"]
    assert float(rows[0]["recommended"]["price"]) < float(base.recommended.price)
    bad = tmp_path / "bad.yaml"
    bad.write_text("competitors:\n  count: 0\n", encoding="utf-8")
    from bidassist.core.errors import ProblemsError

    with pytest.raises(ProblemsError, match="bad.yaml:2"):
        load_scenario(bid, bad)
