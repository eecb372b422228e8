"""Evaluation functions and pricing.md worked cases, by hand."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bidassist.core.money import round_money
from bidassist.pricing.competitors import empirical_p_beat, friedman_p_win, gates_p_win
from bidassist.pricing.evaluation import (
    BenchmarkPoints,
    average_benchmark,
    benchmark_average_wins,
    lowest_price_wins,
    price_points,
    weighted_score_wins,
)

NAN = np.nan


def test_87_price_scores():
    bids = np.array([100.0, 105.0, 120.0])
    assert np.round(price_points(bids, bids.min(), 30), 2).tolist() == [30.00, 28.57, 25.00]
    evaluated = bids * np.array([1, 0.9, 1])  # the 105 bidder is an SME with 10 % deduction
    pts = price_points(evaluated, evaluated.min(), 30)
    # shown half-up to 0.01, as the tender's score sheet does (23.625 → 23.63)
    assert [str(round_money(Decimal(f"{x:.10f}"))) for x in pts] == ["28.35", "30.00", "23.63"]


def test_average_times_96_percent():
    bids = np.array([[459.0, 442.0, 412.0, 400.0]])
    bm = average_benchmark(bids, np.ones_like(bids, dtype=bool), 0.96)
    assert round(float(bm[0]), 2) == 411.12


def test_drop_extremes_when_enough():
    bids = np.array([[100.0, 200.0, 300.0, 400.0, 1000.0]])
    v = np.ones_like(bids, dtype=bool)
    assert float(average_benchmark(bids, v, 1.0, 5)[0]) == 300.0
    assert float(average_benchmark(bids, v, 1.0, 6)[0]) == 400.0


def test_gates_and_friedman_worked_case():
    p = {3: [0.75, 0.82, 0.67, 0.88], 5: [0.68, 0.75, 0.60, 0.80], 7: [0.60, 0.68, 0.54, 0.72]}
    gates = {m: gates_p_win(v) for m, v in p.items()}
    fried = {m: friedman_p_win(v) for m, v in p.items()}
    assert [round(gates[m], 4) for m in (3, 5, 7)] == [0.4583, 0.3676, 0.2960]
    assert [round(fried[m], 4) for m in (3, 5, 7)] == [0.3626, 0.2448, 0.1586]
    assert max((m / 100 * gates[m], m) for m in p)[1] == 7
    assert max((m / 100 * fried[m], m) for m in p)[1] == 5


def test_empirical_ratio_strict_inequality():
    ratios = [1.02] * 6 + [1.04] * 12 + [1.06] * 3 + [1.10] * 6 + [1.12] * 3
    assert empirical_p_beat(ratios, 0.08) == pytest.approx(0.30)
    assert empirical_p_beat(ratios, 0.10) == pytest.approx(0.10)  # a tie at 1.10 is a loss


def test_lowest_price_ties_ceiling_and_abnormal():
    comp = np.array([[110.0, NAN], [100.0, 130.0], [90.0, 200.0]])
    assert lowest_price_wins(100.0, comp).tolist() == [True, False, False]
    assert lowest_price_wins(100.0, comp, ceiling=95).tolist() == [False, False, False]
    # ceiling 150 rejects the 200 bid but 90 still beats us
    assert lowest_price_wins(95.0, comp, ceiling=150).tolist() == [True, True, False]
    # abnormal low: average of 60, 100, 110 = 90; 0.8·90 = 72 → our 60 rejected
    assert lowest_price_wins(60.0, np.array([[100.0, 110.0]]), abnormal_low_share=0.8).tolist() == [False]
    # a competitor's abnormally low bid is rejected and we win
    assert lowest_price_wins(100.0, np.array([[40.0, 110.0]]), abnormal_low_share=0.6).tolist() == [True]


def test_weighted_score_by_hand():
    # us 105 (SME, 10 %: evaluated 94.5), competitors 100 and 120; weight 30
    comp = np.array([[100.0, 120.0]])
    other = np.array([[60.0, 60.0]])
    w = weighted_score_wins(105.0, comp, other, price_weight=30, our_other=59.0, our_deduction=0.1)
    assert w.tolist() == [True]  # 30 + 59 = 89 > 28.35 + 60 = 88.35
    w = weighted_score_wins(105.0, comp, other, price_weight=30, our_other=58.0, our_deduction=0.1)
    assert w.tolist() == [False]  # 88 < 88.35


def test_benchmark_average_by_hand():
    # bids 100 (us), 110, 130; K = 0.96: benchmark = 113.33·0.96 = 108.8; points 1/% above, 0.5/% below
    comp = np.array([[110.0, 130.0]])
    w = benchmark_average_wins(
        100.0,
        comp,
        np.array([0.96]),
        0.0,
        BenchmarkPoints(drop_extremes_from=None, per_pct_above=1.0, per_pct_below=0.5, full_points=100),
    )
    # us: 8.09 % below → 95.96; 110: 1.10 % above → 98.90 → the 110 bidder wins
    assert w.tolist() == [False]
    # us 111: benchmark 117·0.96 = 112.32; us 1.18 % below → 99.41 beats 110 (2.07 % below → 98.96)
    w = benchmark_average_wins(
        111.0,
        comp,
        np.array([0.96]),
        0.0,
        BenchmarkPoints(drop_extremes_from=None, per_pct_above=1.0, per_pct_below=0.5, full_points=100),
    )
    assert w.tolist() == [True]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(50, 200), min_size=1, max_size=6), st.floats(50, 200), st.floats(0.01, 5))
def test_lower_bid_never_hurts_under_lowest_price(comp, ours, delta):
    c = np.array([comp])
    if lowest_price_wins(ours, c)[0]:
        assert lowest_price_wins(ours - delta, c)[0]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(50, 200), min_size=1, max_size=6), st.floats(50, 200))
def test_weighted_equal_points_is_lowest_price(comp, ours):
    assume(min(abs(ours - x) for x in comp) > 1e-6)  # scores equal to float precision are a tie
    c = np.array([comp])
    same = weighted_score_wins(ours, c, np.full_like(c, 50.0), price_weight=40, our_other=50.0)
    assert same[0] == lowest_price_wins(ours, c)[0]


def test_one_iteration_with_the_abnormally_low_rule_gives_a_price_not_a_crash(mkbid, fixed100):
    """With one iteration no price may reach the policy's P(win): range.high is then −inf, and the
    lawful best price is recommended (this once raised OverflowError in lattice_bounds)."""
    from bidassist.pricing import price_bid

    bid = mkbid(
        {
            "competitors": {
                "count": {"values": [2, 4]},
                "ratio": {"dist": "uniform", "low": 0.95, "high": 1.3},
            },
            "evaluation": {"method": "lowest_price", "abnormal_low_share": 0.85},
        }
    )
    result = price_bid(bid, fixed100, iterations=1, seed=0)
    assert result.recommended.price >= 100
