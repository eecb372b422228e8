"""The optimiser cannot miss (issue 11, acceptance): closed-form cases of our own, each through the
whole engine. Every recommendation reaches ≥ 99 % of the true maximum expected profit, and the
P(win) it reports (re-estimated on fresh openings) is within 2 standard errors of the exact value."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import fixed_cost
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from bidassist.pricing import price_bid
from bidassist.pricing.evaluation import weighted_score_wins
from bidassist.pricing.openings import weighted_score_threshold

OPEN_POLICY = {"min_win_probability": 0.0, "max_loss_probability": 1.0, "min_margin": 0.0}


def check(result, exact_profit, exact_p_win, true_max: float) -> None:
    price = float(result.recommended.price)
    assert exact_profit(price) >= 0.99 * true_max, (price, exact_profit(price), true_max)
    se = result.recommended.p_win_se
    assert abs(result.recommended.p_win - exact_p_win(price)) <= 2 * se + 1e-12, (
        result.recommended.p_win,
        exact_p_win(price),
        se,
    )


def grid_max(f, lo: float, hi: float, points: int = 2_000_001) -> float:
    x = np.linspace(lo, hi, points)
    return float(np.max(f(x)))


def test_ceiling_a_thousand_times_the_cost(mkbid, fixed100):
    # three rivals U(100, 140): E(B) = (B − 100)·((140 − B)/40)^3, best 110 → 4.21875
    bid = mkbid(
        {
            "competitors": {"count": 3, "price": {"dist": "uniform", "low": 100, "high": 140}},
            "evaluation": {"method": "lowest_price"},
            "policy": OPEN_POLICY,
        },
        ceiling_price=100_000,
    )

    def p(b):
        return np.clip((140 - np.asarray(b)) / 40, 0, 1) ** 3

    r = price_bid(bid, fixed100, iterations=100_000)
    check(r, lambda b: (b - 100) * p(b), p, 10 * 0.75**3)
    assert r.decision.status == "bid"


def test_unit_price_tender(mkbid):
    # cost 0.138 a unit, three lognormal rivals (mean 0.150, sd 0.008), prices in 0.0001
    bid = mkbid(
        {
            "competitors": {"count": 3, "price": {"dist": "lognormal", "mean": 0.150, "sd": 0.008}},
            "evaluation": {"method": "lowest_price"},
            "policy": OPEN_POLICY,
            "price_step": "0.0001",
        }
    )
    s2 = np.log1p((0.008 / 0.150) ** 2)
    dist = stats.lognorm(s=np.sqrt(s2), scale=0.150 * np.exp(-s2 / 2))

    def p(b):
        return dist.sf(b) ** 3

    r = price_bid(bid, fixed_cost("0.138"), iterations=100_000)
    true_max = grid_max(lambda b: (b - 0.138) * p(b), 0.138, 0.2)
    check(r, lambda b: (b - 0.138) * p(b), p, true_max)
    assert r.decimals == 4 and str(r.recommended.price).count(".") == 1
    assert len(r.to_json()["recommended"]["price"].split(".")[1]) == 4


@pytest.mark.slow
def test_narrow_benchmark_window(mkbid):
    # four rivals at 100 with 3.8 more other points, K = 0.97, −1 / −0.5 per 1 % above / below:
    # benchmark = 0.97·(400 + B)/5; we win on (95.963, 96.341) (solved by hand below); cost 90.
    c0, c1, a, b, d = 0.97 * 400 / 5, 0.97 / 5, 1.0, 0.5, 3.8
    upper = (100 - d * c0 / (100 * a)) / (1 + d * c1 / (100 * a))
    lower = (100 * a - c0 * (a + b + d / 100)) / (c1 * (a + b + d / 100) - b)
    assert (round(lower, 2), round(upper, 2)) == (95.96, 96.34)
    bid = mkbid(
        {
            "competitors": {"count": 4, "price": {"dist": "fixed", "value": 100}},
            "evaluation": {
                "method": "benchmark_average",
                "coefficients": [0.97],
                "competitor_other_points": {"dist": "fixed", "value": 3.8},
            },
            "policy": OPEN_POLICY,
        }
    )

    def p(x):
        return 1.0 if lower < x < upper else 0.0

    r = price_bid(bid, fixed_cost(90), iterations=20_000)
    check(r, lambda x: (x - 90) * p(x), p, upper - 90)
    assert r.recommended.p_win == 1.0 and r.decision.status == "bid"


def test_cliff_just_below_the_rivals(mkbid, fixed100):
    # three rivals U(105, 105.5), cost 100: P(win) = 1 below 105, then falls as ((105.5 − B)/0.5)^3;
    # E(B) is largest at 105 (5.00)
    bid = mkbid(
        {
            "competitors": {"count": 3, "price": {"dist": "uniform", "low": 105, "high": 105.5}},
            "evaluation": {"method": "lowest_price"},
            "policy": OPEN_POLICY,
        }
    )

    def p(b):
        return float(np.clip((105.5 - b) / 0.5, 0, 1) ** 3)

    r = price_bid(bid, fixed100, iterations=100_000)
    check(r, lambda b: (b - 100) * p(b), p, 5.0)


def test_two_rivals_fixed_at_101(mkbid, fixed100):
    bid = mkbid(
        {
            "competitors": {"count": 2, "price": {"dist": "fixed", "value": 101}},
            "evaluation": {"method": "lowest_price"},
            "policy": OPEN_POLICY,
        }
    )
    r = price_bid(bid, fixed100, iterations=5_000)
    assert str(r.recommended.price) == "100.99" and r.recommended.p_win == 1.0


def test_weighted_score_with_our_sme_deduction(mkbid, fixed100):
    # three rivals U(100, 140), 2 more other points each, w = 30; we are an SME (10 % deduction):
    # our evaluated price 0.9·B must stay below (28/30)·(lowest rival), so
    # P(win) = ((140 − B·0.9·30/28)/40)^3 on [~100, 140·28/27]
    bid = mkbid(
        {
            "competitors": {"count": 3, "price": {"dist": "uniform", "low": 100, "high": 140}},
            "evaluation": {
                "method": "weighted_score",
                "price_weight": 30,
                "our_other_points": 60,
                "competitor_other_points": {"dist": "fixed", "value": 62},
                "sme_deduction": 0.1,
            },
            "policy": OPEN_POLICY,
        }
    )
    bid.bidder.sme = True
    k = 0.9 * 30 / 28

    def p(b):
        return np.clip((140 - np.asarray(b) * k) / 40, 0, 1) ** 3

    r = price_bid(bid, fixed100, iterations=100_000)
    true_max = grid_max(lambda b: (b - 100) * p(b), 100, 150)
    check(r, lambda b: (b - 100) * p(b), p, true_max)


def test_band_and_standard_errors_are_reported(mkbid, fixed100):
    bid = mkbid(
        {
            "competitors": {"count": 3, "price": {"dist": "uniform", "low": 100, "high": 140}},
            "evaluation": {"method": "lowest_price"},
            "policy": OPEN_POLICY,
        }
    )
    r = price_bid(bid, fixed100, iterations=50_000)
    j = r.to_json()
    assert (
        float(j["near_optimal_band"]["low"])
        < float(j["recommended"]["price"])
        < float(j["near_optimal_band"]["high"])
    )
    # E(B) = (B−100)((140−B)/40)^3 is within 1 % of its best (4.21875) on (108.81, 111.26); the band
    # also holds prices not distinguishable from that at 2 paired SE, so it is a little wider
    low, high = float(j["near_optimal_band"]["low"]), float(j["near_optimal_band"]["high"])
    assert 107.5 < low <= 108.81 and 111.26 <= high < 112.5
    u = j["uncertainty"]
    p = r.recommended.p_win
    assert u["p_win_se"] == pytest.approx(np.sqrt(p * (1 - p) / 50_000), rel=1e-3)
    margin = float(r.recommended.price) - 100
    assert u["expected_profit_se"] == pytest.approx(margin * u["p_win_se"], rel=0.01)
    assert u["converged"] or u["iterations_needed"] > 50_000
    assert j["decision"]["status"] == "bid" and len(j["inputs_hash"]) == 64


def test_one_iteration_is_not_trusted(mkbid, fixed100):
    bid = mkbid(
        {
            "competitors": {"count": 3, "price": {"dist": "uniform", "low": 100, "high": 140}},
            "evaluation": {"method": "lowest_price"},
            "policy": OPEN_POLICY,
        }
    )
    r = price_bid(bid, fixed100, iterations=1)
    assert not r.convergence.converged and r.convergence.iterations_needed >= 1000
    assert any("Monte Carlo error too large" in w for w in r.warnings)
    assert r.decision.reason.startswith("not converged (1 iterations")


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4), st.floats(10, 60), st.floats(0, 0.2), st.integers(0, 2**31 - 1))
def test_weighted_threshold_agrees_with_direct_scoring(k, our_other, our_ded, seed):
    rng = np.random.default_rng(seed)
    n = 64
    comp = rng.uniform(80, 140, (n, k))
    comp[rng.random((n, k)) < 0.2] = np.nan
    other = rng.normal(40, 8, (n, k))
    ded = np.where(rng.random((n, k)) < 0.5, 0.1, 0.0)
    t = weighted_score_threshold(
        comp, other, ded, price_weight=30, our_other=our_other, our_deduction=our_ded
    )
    for b in rng.uniform(60, 160, 12):
        direct = weighted_score_wins(
            float(b),
            comp,
            other,
            price_weight=30,
            our_other=our_other,
            our_deduction=our_ded,
            comp_deduction=ded,
        )
        near = np.isclose(t, b, rtol=1e-9)
        assert np.array_equal((b < t)[~near], direct[~near])


def test_shared_driver_closed_form(mkbid, fixed100):
    # one rival at 110·I, our cost 100·I, I lognormal with mean 1 and sd 0.1 in logs:
    # E(B) = B·P(I > B/110) − 100·E[I·1{I > B/110}]
    #      = B·Φ((−s²/2 − ln c)/s) − 100·Φ((s²/2 − ln c)/s), c = B/110
    s = 0.1
    bid = mkbid(
        {
            "competitors": {"count": 1, "price": {"dist": "fixed", "value": 110}},
            "evaluation": {"method": "lowest_price"},
            "policy": OPEN_POLICY,
            "shared_driver": {"sd": s, "cost_share": 1, "bid_share": 1},
        }
    )

    def p(b):
        return stats.norm.cdf((-s * s / 2 - np.log(np.asarray(b) / 110)) / s)

    def profit(b):
        c = np.asarray(b) / 110
        return b * p(b) - 100 * stats.norm.cdf((s * s / 2 - np.log(c)) / s)

    r = price_bid(bid, fixed100, iterations=100_000)
    check(r, profit, p, grid_max(profit, 100, 160))
    assert r.inputs and any("shared driver" in n for n in r.notes)


def test_gates_option_closed_form(mkbid, fixed100):
    # Gates with 3 alike rivals U(100, 140): P = p/(p + 3(1 − p)), p = (140 − B)/40 (pricing.md)
    comp = {"count": 3, "price": {"dist": "uniform", "low": 100, "high": 140}}
    bid = mkbid(
        {
            "competitors": comp | {"combine": "gates"},
            "evaluation": {"method": "lowest_price"},
            "policy": OPEN_POLICY,
        }
    )

    def p(b):
        q = np.clip((140 - np.asarray(b)) / 40, 0, 1)
        return q / (q + 3 * (1 - q))

    r = price_bid(bid, fixed100, iterations=100_000)
    check(r, lambda b: (b - 100) * p(b), p, grid_max(lambda b: (b - 100) * p(b), 100, 140))
    friedman = price_bid(mkbid({"competitors": comp, "policy": OPEN_POLICY}), fixed100, iterations=20_000)
    assert float(r.recommended.price) > float(friedman.recommended.price)  # Gates: higher optimal markup


def test_lowest_not_awarded_lottery(mkbid):
    # one rival U(100, 140); with probability λ = 0.2 the lowest bid is not awarded and the other is:
    # P(win | B) = 0.8·(140 − B)/40 + 0.2·(B − 100)/40
    from dataclasses import replace as dc_replace

    from bidassist.pricing.competitors import build_model
    from bidassist.pricing.openings import Openings
    from bidassist.pricing.optimise import Objective, expected_profit

    bid = mkbid(
        {
            "competitors": {"count": 1, "price": {"dist": "uniform", "low": 100, "high": 140}},
            "evaluation": {"method": "lowest_price"},
            "policy": OPEN_POLICY,
        }
    )
    model = dc_replace(build_model(bid.pricing.competitors, 100.0), p_not_lowest=0.2)
    o = Openings(bid, 100.0, 200_000, np.random.SeedSequence(5), model=model)
    prices = np.array([100.0, 110.0, 120.0, 139.0])
    exact = 0.8 * (140 - prices) / 40 + 0.2 * (prices - 100) / 40
    assert np.allclose(o.p_win(prices), exact, atol=0.004)
    assert np.allclose([o.wins(float(b)).mean() for b in prices], o.p_win(prices))
    cost = np.random.default_rng(1).uniform(90, 110, o.n)
    _, prof = expected_profit(o, Objective(1.0, 100.0, 0.0, cost), prices)
    direct = [np.mean((b - cost) * o.wins(float(b))) for b in prices]
    assert np.allclose(prof, direct)
