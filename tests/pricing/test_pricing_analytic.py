"""Closed-form cases, one per evaluation method, through the whole engine."""

from __future__ import annotations

import json

import pytest

from bidassist.pricing import price_bid

OPEN_POLICY = {"min_win_probability": 0.0, "max_loss_probability": 1.0, "min_margin": 0.0}


def test_lowest_price_three_uniform_competitors(mkbid, fixed100):
    # E(B) = (B − 100)·((140 − B)/40)^3 → optimum 110, P(win) = 0.75^3 = 0.421875
    bid = mkbid(
        {
            "competitors": {"count": 3, "price": {"dist": "uniform", "low": 100, "high": 140}},
            "evaluation": {"method": "lowest_price"},
            "policy": OPEN_POLICY,
        }
    )
    r = price_bid(bid, fixed100)  # default 100,000 iterations
    price = float(r.recommended.price)
    assert price == pytest.approx(110, abs=0.8)
    assert r.recommended.p_win == pytest.approx(((140 - price) / 40) ** 3, abs=0.005)
    at110 = min(r.curve, key=lambda c: abs(float(c.price) - 110))
    assert at110.p_win == pytest.approx(((140 - float(at110.price)) / 40) ** 3, abs=0.005)
    assert float(r.range.low) == pytest.approx(100)
    # P(win) > 0 up to 140; the samples reach the highest lowest rival, 140 − 40·n^(−1/3) ≈ 139.1
    assert float(r.range.high) == pytest.approx(140, abs=1.5)


def test_weighted_score_one_competitor_closed_form(mkbid, fixed100):
    # Competitor has 2 more other points; we win iff c > 30B/28; E = (B−100)(140 − 15B/14)/40
    # → optimum B = 3460/30 = 115.33, P(win) = (140 − 15·115.33/14)/40 = 0.4107
    bid = mkbid(
        {
            "competitors": {"count": 1, "price": {"dist": "uniform", "low": 100, "high": 140}},
            "evaluation": {
                "method": "weighted_score",
                "price_weight": 30,
                "our_other_points": 60,
                "competitor_other_points": {"dist": "fixed", "value": 62},
            },
            "policy": OPEN_POLICY,
        },
    )
    r = price_bid(bid, fixed100, iterations=60_000)
    assert float(r.recommended.price) == pytest.approx(115.33, abs=1.2)
    b = float(r.recommended.price)
    assert r.recommended.p_win == pytest.approx((140 - 15 * b / 14) / 40, abs=0.008)


@pytest.mark.slow
def test_benchmark_average_closed_form(mkbid, fixed100):
    # Two bids, K = 1, 2 points per 1 % above, 1 below: the one below the mean loses fewer points,
    # so we win iff B < c: P = (140 − B)/40, optimum 120, P(win) 0.5
    bid = mkbid(
        {
            "competitors": {"count": 1, "price": {"dist": "uniform", "low": 100, "high": 140}},
            "evaluation": {
                "method": "benchmark_average",
                "coefficients": [1.0],
                "points_per_pct_above": 2,
                "points_per_pct_below": 1,
            },
            "policy": OPEN_POLICY,
        }
    )
    r = price_bid(bid, fixed100, iterations=60_000)
    assert float(r.recommended.price) == pytest.approx(120, abs=1.5)
    assert r.recommended.p_win == pytest.approx((140 - float(r.recommended.price)) / 40, abs=0.008)


def test_uniform_lowest_competing_bid_worked_case(mkbid, fixed100):
    # pricing.md: L ~ U(0.75c, 2c): optimum 1.5c, P(win) 0.4, E = 0.2c
    bid = mkbid(
        {
            "competitors": {"count": 1, "price": {"dist": "uniform", "low": 75, "high": 200}},
            "evaluation": {"method": "lowest_price"},
            "policy": OPEN_POLICY,
        }
    )
    r = price_bid(bid, fixed100, iterations=60_000)
    assert float(r.recommended.price) == pytest.approx(150, abs=2)
    assert float(r.recommended.expected_profit) == pytest.approx(20, abs=0.5)


def test_same_seed_same_bytes_and_other_seed_close(mkbid, fixed100):
    bid = mkbid(
        {
            "competitors": {"count": 3, "price": {"dist": "uniform", "low": 100, "high": 140}},
            "evaluation": {"method": "lowest_price"},
            "policy": OPEN_POLICY,
            "seed": 11,
        }
    )
    a = json.dumps(price_bid(bid, fixed100).to_json(), ensure_ascii=False)
    b = json.dumps(price_bid(bid, fixed100).to_json(), ensure_ascii=False)
    assert a == b
    c = price_bid(bid, fixed100, seed=12)
    assert abs(float(c.recommended.price) - float(json.loads(a)["recommended"]["price"])) / 110 < 0.005


def test_json_shape(mkbid, fixed100):
    bid = mkbid(
        {
            "competitors": {
                "count": 2,
                "ratio": {"dist": "triangular", "low": 1.0, "mode": 1.2, "high": 1.6},
            },
            "evaluation": {"method": "lowest_price"},
            "vat": {"rate": 0.13, "included": True},
        }
    )
    j = price_bid(bid, fixed100, iterations=5000).to_json()
    assert set(j["recommended"]) >= {"price", "p_win", "expected_profit", "margin"}
    assert set(j["range"]) == {"low", "high"}
    assert set(j["cost"]) >= {"mean", "p10", "p50", "p80", "p90"}
    assert j["cost"]["mean"] == "113.00"  # fixed 100 ex VAT = 113.00 incl. VAT: the bids' basis
    assert set(j["curve"][0]) >= {"price", "p_win", "expected_profit", "p_loss_if_won"}
    assert isinstance(j["recommended"]["price"], str) and j["recommended"]["price"].count(".") == 1
    assert j["inputs"]["iterations"] == 5000
    # with VAT included the price is compared incl. VAT: never below 113
    assert float(j["range"]["low"]) >= 113.0
