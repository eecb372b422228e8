"""Calibration from history: the walk-forward backtest on the Texas school-milk sealed bids meets
the issue's acceptance (below the 1/N baseline, slope 0.8–1.2, every decile with ≥ 100 bids within
0.08), through the CLI; and the pieces on small hand-made histories."""

from __future__ import annotations

import json

import numpy as np
import openpyxl
import pytest
from conftest import MILK
from typer.testing import CliRunner

from bidassist.cli.app import app
from bidassist.pricing.backtest import brier, calibration_slope, deciles, log_loss, run_backtest
from bidassist.pricing.calibration import CalibratedModel, group_lettings
from bidassist.pricing.competitors import HistoryBid

needs_milk = pytest.mark.skipif(not MILK.exists(), reason="bench data not present")


@pytest.mark.slow
@needs_milk
def test_backtest_on_texas_milk_meets_acceptance(tmp_path):
    xlsx, html = tmp_path / "bt.xlsx", tmp_path / "bt.html"
    res = CliRunner().invoke(
        app, ["history", "backtest", str(MILK), "--format", "json", "--xlsx", str(xlsx), "--html", str(html)]
    )
    assert res.exit_code == 0, res.output
    j = json.loads(res.stdout)
    assert j["n_bids"] > 3000
    m, one = j["model"], j["baselines"]["one_over_n"]
    assert m["log_loss"] < one["log_loss"] and m["brier"] < one["brier"]
    assert m["brier"] < j["baselines"]["constant"]["brier"]
    assert 0.8 <= m["calibration_slope"] <= 1.2
    for d in j["deciles"]:
        assert set(d) == {"predicted", "observed", "n"}
        if d["n"] >= 100:
            assert abs(d["predicted"] - d["observed"]) <= 0.08, d
    assert sum(d["n"] for d in j["deciles"]) == j["n_bids"]
    wb = openpyxl.load_workbook(xlsx)
    assert wb["Reliability"]._charts and "<svg" in html.read_text(encoding="utf-8")


def test_scores_by_hand():
    p, y = np.array([0.2, 0.8]), np.array([0.0, 1.0])
    assert brier(p, y) == pytest.approx(0.04)
    assert log_loss(p, y) == pytest.approx(-np.log(0.8))
    rng = np.random.default_rng(1)
    q = rng.uniform(0.05, 0.95, 20_000)
    assert calibration_slope(q, (rng.random(q.size) < q).astype(float)) == pytest.approx(1.0, abs=0.08)
    assert [d["n"] for d in deciles(q, q, 10)] == [2000] * 10


def _history(years: int, seed: int = 3) -> list[HistoryBid]:
    """Buyers whose price level drifts 3 % a year; bidder A is 5 % cheaper than B and C."""
    rng = np.random.default_rng(seed)
    bids = []
    for y in range(years):
        for buyer in range(40):
            level = 1.0 * 1.03**y * rng.lognormal(0, 0.03)
            names = ["A", "B", "C"][: 2 + buyer % 2]
            prices = {n: level * (0.95 if n == "A" else 1.0) * rng.lognormal(0, 0.03) for n in names}
            low = min(prices, key=prices.get)
            for n, pr in prices.items():
                bids.append(HistoryBid(f"{buyer}|{y}", n, pr, None, n == low, 2000 + y, "x", f"D{buyer}"))
    return bids


def test_walk_forward_learns_bidder_effects_and_beats_one_over_n():
    bt = run_backtest(_history(8), min_train_lettings=40)
    assert bt.years[0] == 2001 and bt.model["brier"] < bt.baselines["one_over_n"]["brier"]
    model = CalibratedModel()
    lettings = group_lettings(_history(6))
    for year in range(2000, 2005):
        model.add_year([t for t in lettings if t.year == year])
    a_eff, _ = model.bidders.effect_sd("A")
    b_eff, _ = model.bidders.effect_sd("B")
    assert a_eff < b_eff and model.p_lowest_not_awarded < 0.05
    p, y = model.oos()
    assert p.size == y.size > 0


def test_history_without_years_is_refused():
    from bidassist.core.errors import InputError

    with pytest.raises(InputError, match="year"):
        run_backtest([HistoryBid("T", "A", 1.0, None, True, None, "x")])
