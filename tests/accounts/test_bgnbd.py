"""The repeat-purchase model against the published CDNOW figures, against itself (simulated
customers with known parameters) and on bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bidassist.accounts.bgnbd import BGNBD, Summary, fit, summarise
from bidassist.accounts.holdout import auc, evaluate
from bidassist.core.errors import InputError

CDNOW = Path(__file__).parent / "data" / "CDNOW_sample.txt"
CALIBRATION_END = dt.date(1997, 9, 30)  # week 39 of the paper
HOLDOUT_END = dt.date(1998, 6, 30)  # week 78


def cdnow_orders() -> list[tuple[str, dt.date]]:
    rows = []
    for line in CDNOW.read_text().splitlines():
        _, customer, day, _, _ = line.split()
        rows.append((customer, dt.date(int(day[:4]), int(day[4:6]), int(day[6:]))))
    return rows


@pytest.fixture(scope="module")
def cdnow() -> tuple[list[str], Summary]:
    return summarise(cdnow_orders(), CALIBRATION_END)


def test_cdnow_parameters_match_the_paper(cdnow):
    ids, s = cdnow
    assert len(ids) == 2357
    assert int(s.x.sum()) == 2457  # repeat purchases in weeks 1-39 (the paper's Table 1 total)
    m = fit(s)
    # Fader, Hardie & Lee (2005), section 5: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4
    assert (round(m.r, 3), round(m.alpha, 3), round(m.a, 3), round(m.b, 3)) == (0.243, 4.414, 0.793, 2.426)
    assert m.log_likelihood == pytest.approx(-9582.4, abs=0.05)


def test_cdnow_conditional_expectation_matches_the_paper(cdnow):
    m = fit(cdnow[1])
    # the paper's worked example: a customer with x = 2, t_x = 30.43, T = 38.86 makes 1.226
    # purchases in the next 39 weeks
    got = m.conditional_expected(39, np.array([2.0]), np.array([30.43]), np.array([38.86]))
    assert got[0] == pytest.approx(1.226, abs=0.0005)


def test_modified_model_lets_one_off_buyers_drop_out(cdnow):
    bg, mbg = fit(cdnow[1], "bg"), fit(cdnow[1], "mbg")
    one_off = (np.array([0.0]), np.array([0.0]), np.array([38.0]))
    assert bg.p_alive(*one_off)[0] == 1.0  # the published model's known blind spot
    assert 0.0 < mbg.p_alive(*one_off)[0] < 0.9
    # an active repeat buyer is alive in both
    active = (np.array([5.0]), np.array([37.0]), np.array([38.0]))
    assert bg.p_alive(*active)[0] > 0.85 and mbg.p_alive(*active)[0] > 0.85


def test_holdout_beats_the_naive_baseline_on_cdnow():
    report = evaluate(cdnow_orders(), CALIBRATION_END, HOLDOUT_END, variant="mbg")
    assert report.n_customers == 2357 and report.holdout_units == pytest.approx(39.0)
    assert report.mae_model < report.mae_naive
    assert report.auc_p_alive > 0.6 and report.auc_p_order > 0.7
    assert sum(r.n for r in report.deciles) == 2357
    # the model's total for the holdout is within 20 % of what happened; naive is off by > 50 %
    assert abs(report.predicted_total / report.actual_total - 1) < 0.2
    assert abs(report.naive_total / report.actual_total - 1) > 0.5


def simulate(r, alpha, a, b, n, T, seed):
    """Customers drawn from the BG/NBD story itself, observed for T from their first order."""
    rng = np.random.default_rng(seed)
    lam = rng.gamma(r, 1 / alpha, n)
    p = rng.beta(a, b, n)
    x, t_x = np.zeros(n), np.zeros(n)
    for i in range(n):
        t = 0.0
        while True:
            t += rng.exponential(1 / lam[i])
            if t > T:
                break
            x[i] += 1
            t_x[i] = t
            if rng.random() < p[i]:
                break
    return Summary.of(x, t_x, np.full(n, T))


def test_fit_recovers_known_parameters():
    truth = dict(r=0.8, alpha=5.0, a=1.2, b=3.0)
    s = simulate(**truth, n=6000, T=52.0, seed=3)
    m = fit(s)
    # the expected orders the fit implies match the truth's within a few per cent
    true_model = BGNBD(**truth, log_likelihood=0.0, n_customers=0)
    assert m.expected_orders(52.0) == pytest.approx(true_model.expected_orders(52.0), rel=0.05)
    assert m.expected_orders(52.0) == pytest.approx(s.x.mean(), rel=0.05)


@settings(max_examples=60, deadline=None)
@given(
    x=st.integers(0, 40),
    gap=st.floats(0, 100),
    extra=st.floats(0, 100),
    t=st.floats(0.1, 200),
    variant=st.sampled_from(["bg", "mbg"]),
)
def test_predictions_are_probabilities_and_monotone(x, gap, extra, t, variant):
    m = BGNBD(r=0.5, alpha=4.0, a=0.8, b=2.5, log_likelihood=0.0, n_customers=0, variant=variant)
    t_x = gap if x > 0 else 0.0
    args = (np.array([float(x)]), np.array([t_x]), np.array([t_x + extra]))
    alive = m.p_alive(*args)[0]
    assert 0.0 <= alive <= 1.0
    assert 0.0 <= m.p_order_within(t, *args)[0] <= alive + 1e-12
    assert m.conditional_expected(t, *args)[0] >= 0.0
    assert m.expected_orders(t) <= m.expected_orders(t * 2) + 1e-12


def test_auc_known_values():
    assert auc(np.array([0.1, 0.2, 0.8, 0.9]), np.array([0, 0, 1, 1])) == 1.0
    assert auc(np.array([0.9, 0.8, 0.2, 0.1]), np.array([0, 0, 1, 1])) == 0.0
    assert auc(np.array([0.5, 0.5, 0.5, 0.5]), np.array([0, 1, 0, 1])) == 0.5


@pytest.mark.parametrize(
    "x, t_x, T, match",
    [
        ([1], [5], [3], "t_x ≤ T"),
        ([0], [2], [3], "t_x = 0 when x = 0"),
        ([-1], [0], [3], "customer 0"),
        ([1, 2], [1], [3], "equal-length"),
    ],
)
def test_bad_histories_are_refused(x, t_x, T, match):
    with pytest.raises(InputError, match=match):
        Summary.of(x, t_x, T)


def test_too_few_customers_or_no_repeats():
    with pytest.raises(InputError, match="at least 20"):
        fit(Summary.of([1] * 5, [1] * 5, [2] * 5))
    with pytest.raises(InputError, match="no customer ordered more than once"):
        fit(Summary.of([0] * 30, [0] * 30, [5] * 30))
    with pytest.raises(InputError, match="use one of"):
        fit(Summary.of([1] * 30, [1] * 30, [2] * 30), "pareto")


def test_modified_model_matches_the_reference_implementation(cdnow):
    """Figures from lifetimes 0.11.3's ModifiedBetaGeoFitter on the same CDNOW summary (run once
    by hand in a scratch environment; lifetimes is not a dependency)."""
    m = fit(cdnow[1], "mbg")
    assert (m.r, m.alpha, m.a, m.b) == pytest.approx((0.524838, 6.182988, 0.891356, 1.614000), rel=2e-4)
    ref = BGNBD(
        r=0.524838, alpha=6.182988, a=0.891356, b=1.614, log_likelihood=0.0, n_customers=0, variant="mbg"
    )
    one = (np.array([2.0]), np.array([30.43]), np.array([38.86]))
    assert ref.conditional_expected(39, *one)[0] == pytest.approx(1.2626708, abs=1e-6)
    assert ref.p_alive(np.array([0.0]), np.array([0.0]), np.array([38.0]))[0] == pytest.approx(
        0.3921254, abs=1e-6
    )
    assert ref.p_alive(np.array([5.0]), np.array([37.0]), np.array([38.0]))[0] == pytest.approx(
        0.8673488, abs=1e-6
    )
    assert ref.expected_orders(39.0) == pytest.approx(1.1822838, abs=1e-5)
