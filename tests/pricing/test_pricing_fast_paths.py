"""The fast paths of the pricing engine give what the direct computations give: the PERT inverse by
a direct index into the z-grid against the np.interp inverse it replaces and the exact beta quantile,
the cost simulation's lookup tables against the quantile functions, and the abnormally-low rule's
win intervals against evaluating the rule at each price."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from conftest import make_bid
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy.special import betaincinv, ndtr

from bidassist.costs.model import CostLine, CostModel
from bidassist.pricing.benchmark_eval import benchmark_intervals
from bidassist.pricing.evaluation import BenchmarkPoints, benchmark_average_wins, lowest_price_wins
from bidassist.pricing.intervals import WinIntervals, abnormal_low_intervals
from bidassist.pricing.sampling import (
    _U_GRID,
    _Z_GRID,
    FINE_OFFSET,
    FINE_SCALE,
    Marginal,
    grid_streams,
    pert_shape,
)

Z = np.random.default_rng(3).standard_normal(200_000).astype(np.float32)


def _old_pert(z: np.ndarray, low: float, mode: float, high: float) -> np.ndarray:
    """The inverse before issue 17: np.interp over the 257-point table of exact beta quantiles."""
    alpha, beta = pert_shape(low, mode, high)
    tab = betaincinv(alpha, beta, _U_GRID)
    return low + (high - low) * np.interp(z, _Z_GRID, tab).astype(z.dtype)


@pytest.mark.parametrize("three", [(90, 100, 130), (0.92, 1.0, 1.2), (10, 10.5, 50), (5, 49, 50)])
def test_direct_index_pert_inverse_matches_np_interp(three):
    low, mode, high = three
    new = Marginal("pert", *three).from_z(Z)
    old = _old_pert(Z, *three)
    assert new.dtype == np.float32
    np.testing.assert_allclose(new, old, rtol=0, atol=2e-6 * (high - low) + 1e-6 * high)
    z64 = Z.astype(np.float64)
    np.testing.assert_allclose(Marginal("pert", *three).from_z(z64), _old_pert(z64, *three), rtol=1e-12)


@pytest.mark.parametrize(
    ("kind", "three"),
    [
        ("pert", (90, 100, 130)),
        ("pert", (5, 49, 50)),
        ("triangular", (90, 100, 130)),
        ("uniform", (90, 130, 0)),
    ],
)
def test_lookup_tables_match_the_quantile_functions(kind, three):
    """The simulation's nearest-point table: within half a fine step of the quantile, same mean."""
    m = Marginal(kind, *three)
    q = 3.0
    pos = Z * np.float32(FINE_SCALE) + np.float32(FINE_OFFSET)
    got = np.take(m.table(q), pos.astype(np.intp), mode="clip")
    exact = q * m.from_z(Z.astype(np.float64))
    span = q * (max(three) - min(three[:2]) if kind == "uniform" else three[2] - three[0])
    assert np.abs(got - exact).max() < 0.01 * span
    assert got.mean() == pytest.approx(exact.mean(), abs=1e-4 * span)
    assert got.std() == pytest.approx(exact.std(), rel=1e-3)
    if kind == "pert":
        a, b = pert_shape(*three)
        exact_beta = three[0] + (three[2] - three[0]) * betaincinv(a, b, ndtr(Z.astype(np.float64)))
        assert np.abs(got / q - exact_beta).max() < 0.01 * (three[2] - three[0])


@pytest.mark.parametrize("rho", [0.0, 0.3, -0.05])
def test_grid_positions_are_normal_scores_with_the_block_correlation(rho):
    from bidassist.pricing.normals import scores

    k, n = 6, 100_000
    rows = []
    for stream, e, scale, offset in grid_streams(99, list(range(k)), n, 0, n, rho, k):
        rows.append((scores(99, stream, n) if e is None else e) * scale + offset)
    z = (np.array(rows, dtype=np.float64) - FINE_OFFSET) / FINE_SCALE
    assert z.shape == (k, n)
    assert np.abs(z.mean(axis=1)).max() < 0.02
    assert np.abs(z.std(axis=1) - 1).max() < 0.02
    c = np.corrcoef(z)
    assert np.abs(c[np.triu_indices(k, 1)] - rho).max() < 0.02


_bid = st.one_of(st.floats(50, 150, allow_nan=False), st.just(np.nan))


@settings(max_examples=300, deadline=None)
@example(rows=[[np.nan, np.nan, np.nan, 50.0], [np.nan] * 4], share=1.0, prices=[20.0])  # alone, share 1
@given(
    rows=st.lists(st.lists(_bid, min_size=4, max_size=4), min_size=1, max_size=12),
    share=st.floats(0.3, 1.0),
    prices=st.lists(st.floats(20, 200), min_size=1, max_size=8),
)
def test_abnormal_low_intervals_equal_the_rule_at_every_price(rows, share, prices):
    comp = np.array(rows, dtype=np.float64)
    iv = WinIntervals.of(*abnormal_low_intervals(comp, share))
    ends = np.concatenate([iv.ends(), comp[~np.isnan(comp)]])
    for b in prices:
        if ends.size and np.min(np.abs(ends - b)) < 1e-9 * max(1.0, abs(b)):
            continue  # on an interval's end, rounding decides: not a property of the rule
        direct = lowest_price_wins(b, comp, abnormal_low_share=share)
        assert iv.wins(b).tolist() == direct.tolist()
        assert iv.p_win(np.array([b]))[0] == pytest.approx(direct.mean())


def _direct_margin(price, comp, coef, pts, kw):
    """Our points less the best rival's in each opening, evaluated directly (the rule's own terms)."""
    from bidassist.pricing.evaluation import average_benchmark, deviation_points

    n = comp.shape[0]
    ok = ~np.isnan(comp)
    bids = np.concatenate([np.full((n, 1), price), comp], axis=1)
    bm = average_benchmark(
        bids, np.concatenate([np.ones((n, 1), bool), ok], axis=1), coef, kw["drop_extremes_from"]
    )
    tent = dict(
        full_points=kw["full_points"], per_pct_above=kw["per_pct_above"], per_pct_below=kw["per_pct_below"]
    )
    ours = deviation_points(np.float64(price), bm, **tent) + kw["our_other"]
    theirs = np.where(ok, deviation_points(comp, bm[:, None], **tent) + pts, -np.inf)
    return ours - theirs.max(axis=1, initial=-np.inf)


def _check_benchmark_intervals(comp, coef, pts, kw, prices):
    iv = WinIntervals.of(*benchmark_intervals(comp, coef, pts, BenchmarkPoints(**kw)), closed_low=False)
    checked = 0
    for b in prices:
        direct = benchmark_average_wins(b, comp, coef, pts, BenchmarkPoints(**kw))
        clear = np.abs(_direct_margin(b, comp, coef, pts, kw)) > 1e-9  # a tie up to rounding: not the rule's
        assert iv.wins(b)[clear].tolist() == direct[clear].tolist()
        if clear.all():
            assert iv.p_win(np.array([b]))[0] == pytest.approx(direct.mean(), abs=1e-12)
        checked += int(clear.sum())
    return checked


@pytest.mark.parametrize("drop", [None, 3, 5])
@pytest.mark.parametrize("other", ["array", "scalar"])
def test_benchmark_intervals_equal_benchmark_average_wins(drop, other):
    """基准价法 as win intervals computed once gives the direct evaluation's wins at every price."""
    rng = np.random.default_rng(11)
    n, m = 20_000, 6
    comp = rng.uniform(80, 130, (n, m))
    comp[np.arange(m)[None, :] >= rng.integers(0, m + 1, n)[:, None]] = np.nan  # 0..m rivals
    coef = rng.choice([0.95, 0.97, 1.0], n)
    pts = rng.normal(0, 2, (n, m)) if other == "array" else 0.7
    kw = dict(drop_extremes_from=drop, per_pct_above=1.0, per_pct_below=0.5, full_points=100.0, our_other=0.7)
    prices = [70.0, 95.5, 101.25, 110.0, 140.0, *rng.uniform(60, 160, 40)]
    assert _check_benchmark_intervals(comp, coef, pts, kw, prices) > 0.99 * n * len(prices)


_rival = st.one_of(st.floats(1, 300, allow_nan=False), st.just(np.nan))


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(st.lists(_rival, min_size=5, max_size=5), min_size=1, max_size=8),
    coef=st.sampled_from([0.9, 0.95, 1.0, 1.1]),
    drop=st.sampled_from([None, 3, 4, 6]),
    points=st.tuples(st.floats(1, 100), st.floats(0, 5), st.floats(0, 5), st.floats(0, 10)),
    other=st.lists(st.floats(0, 10), min_size=5, max_size=5),
    prices=st.lists(st.floats(1, 400), min_size=1, max_size=8),
)
def test_benchmark_intervals_equal_the_rule_for_any_openings(rows, coef, drop, points, other, prices):
    """Any rivals (0..5, equal bids, far apart), any tent (flat sides, points floored at 0 near the
    benchmark or far from it), ties of other points: the intervals give the rule's wins wherever the
    rule itself is not a tie up to rounding."""
    comp = np.array(rows, dtype=np.float64)
    full, above, below, ours = points
    kw = dict(
        drop_extremes_from=drop, per_pct_above=above, per_pct_below=below, full_points=full, our_other=ours
    )
    pts = np.broadcast_to(np.array(other), comp.shape)
    _check_benchmark_intervals(comp, np.full(comp.shape[0], coef), pts, kw, prices)


@settings(max_examples=60, deadline=None)
@given(
    z=st.lists(st.floats(-9, 9, width=32), min_size=1, max_size=64),
    rho=st.floats(0, 0.95),
    kind=st.sampled_from(["pert", "triangular", "uniform"]),
)
def test_compiled_lookup_equals_the_numpy_lookup(z, rho, kind):
    """kernels.lookup_add gives what multiply, add, cast, clip and take give, element for element, and
    line_covariance looks the same values up again; the numpy passes (passes.py), which small runs
    use, give the same floats as the compiled ones, covariance included."""
    from bidassist.pricing import kernels, passes

    e = np.array(z, dtype=np.float32)
    offset = (np.linspace(-1, 1, e.size) * FINE_SCALE + FINE_OFFSET).astype(np.float32)
    scale = np.float32(FINE_SCALE * np.sqrt(1 - rho))
    table = Marginal(kind, 90.0, 100.0, 130.0).table(3.0)
    pos = e * scale
    pos += offset
    expected = np.take(table, pos.astype(np.intp), mode="clip")
    centred = np.linspace(-2, 3, e.size)
    found = []
    for run in (kernels, passes):
        index = np.empty(e.size, dtype=np.uint16)
        total = np.full(e.size, 7.0)
        run.lookup_add(e, scale, offset, table, index, total)
        np.testing.assert_array_equal(table[index], expected)
        np.testing.assert_array_equal(total, 7.0 + expected.astype(np.float64))
        found.append((index, run.line_covariance(table, index, centred)))
    assert found[0][1] == pytest.approx(float(expected @ centred), rel=1e-9, abs=1e-6)
    np.testing.assert_array_equal(found[0][0], found[1][0])
    assert found[0][1] == found[1][1]


EVALUATIONS = [
    {"method": "lowest_price"},
    {"method": "lowest_price", "abnormal_low_share": 0.85},
    {
        "method": "weighted_score",
        "price_weight": 30,
        "our_other_points": 58,
        "competitor_other_points": {"dist": "normal", "mean": 57, "sd": 3},
    },
    {"method": "benchmark_average", "coefficients": [0.95, 1.0], "drop_extremes_from": 5},
]
_LINE = st.tuples(
    st.integers(100, 50_000),  # likely unit cost
    st.floats(0.5, 1.0),  # low / likely
    st.floats(1.0, 2.0),  # high / likely
    st.integers(1, 40),  # quantity
    st.sampled_from(["pert", "triangular", "uniform", "fixed"]),
    st.sampled_from(["", "A", "B"]),  # category ("" none)
)


@settings(max_examples=15, deadline=None)
@given(
    lines=st.lists(_LINE, min_size=1, max_size=25),
    iterations=st.integers(1, 2500),
    seed=st.integers(0, 2**32 - 1),
    evaluation=st.sampled_from(EVALUATIONS),
    corr=st.floats(-0.5, 0.9),
)
def test_the_numpy_and_the_compiled_passes_give_the_same_price(lines, iterations, seed, evaluation, corr):
    """The same bid and seed give the same result, every figure, with the numpy passes (small runs)
    and with the compiled passes (large runs): `cost.COMPILED_FROM` decides only the speed."""
    import bidassist.pricing.cost as cost
    from bidassist.pricing import price_bid

    costs = CostModel(
        lines=[
            CostLine(
                code=f"L{i}",
                description=f"line {i}",
                quantity=Decimal(q),
                low=Decimal(lik) if dist == "fixed" else Decimal(round(lik * lo, 2)),
                likely=Decimal(lik),
                high=Decimal(lik) if dist == "fixed" else Decimal(round(lik * hi, 2)),
                distribution=dist,
                category=cat or None,
            )
            for i, (lik, lo, hi, q, dist, cat) in enumerate(lines)
        ]
    )
    bid = make_bid(
        {
            "competitors": {
                "count": {"values": [2, 4]},
                "ratio": {"dist": "uniform", "low": 0.95, "high": 1.3},
            },
            "evaluation": evaluation,
            "correlation": {"within_category": corr},
            "risks": [
                {"name": "r", "probability": 0.2, "impact": {"dist": "uniform", "low": 10, "high": 900}}
            ],
        }
    )
    saved = cost.COMPILED_FROM
    dumps = []
    try:
        for start in (10**18, 0):
            cost.COMPILED_FROM = start
            dumps.append(price_bid(bid, costs, iterations=iterations, seed=seed).model_dump_json())
    finally:
        cost.COMPILED_FROM = saved
    assert dumps[0] == dumps[1]


@given(st.lists(st.floats(-5, 5), max_size=40))
def test_sorted_unique_is_np_unique_of_a_sorted_array(xs):
    from bidassist.pricing.optimise import sorted_unique

    a = np.sort(np.array(xs, dtype=np.float64))
    np.testing.assert_array_equal(sorted_unique(a), np.unique(a))


@pytest.mark.parametrize(
    "m", [Marginal("uniform", 0.9, 1.3), Marginal("triangular", 0.97, 1.1, 1.35), Marginal("pert", 1, 2, 4)]
)
def test_quantile_from_probability_equals_the_round_trip_through_the_normal_score(m):
    from scipy.special import ndtri

    u = np.random.default_rng(2).random(10_000)
    np.testing.assert_allclose(m.from_u(u), m.from_z(ndtri(u)), rtol=1e-12)


@settings(max_examples=40, deadline=None)
@given(
    k=st.integers(1, 7),
    n=st.integers(1, 300),
    key=st.integers(0, 2**64 - 1),
    rho=st.floats(0, 0.95),
    kinds=st.lists(st.sampled_from(["pert", "triangular", "uniform"]), min_size=7, max_size=7),
)
def test_the_compiled_lines_pass_equals_a_numpy_pass_per_line(k, n, key, rho, kinds):
    """kernels.draw_lookup_add_lines (two lines a pass) gives the same indices and the same total,
    to the bit, as the numpy passes drawing and looking up one line after the other."""
    from bidassist.pricing import kernels, passes
    from bidassist.pricing.normals import scores

    tables = np.stack(
        [Marginal(kind, 90.0, 100.0 + q, 130.0).table(1.0 + q) for q, kind in enumerate(kinds[:k])]
    )
    rows = np.arange(k, dtype=np.int64)[::-1].copy()  # index rows in another order than the tables
    streams = (rows.astype(np.uint64) + np.uint64(3)) * np.uint64(1000)
    offset = scores(key, 10**6, n) * np.float32(FINE_SCALE * np.sqrt(rho)) + np.float32(FINE_OFFSET)
    scale = np.float32(FINE_SCALE * np.sqrt(1 - rho))
    found = []
    for run in (kernels, passes):
        index = np.zeros((k, n + 5), dtype=np.uint16)
        total = np.full(n, 11.0)
        run.draw_lookup_add_lines(key, streams, scale, offset, tables, rows, index, total)
        cov = np.zeros(k)
        run.add_covariances(tables, rows, index, np.linspace(-1, 2, n), cov)
        found.append((index, total, cov))
    for a, b in zip(*found, strict=True):
        np.testing.assert_array_equal(a, b)
    assert not found[0][0][:, n:].any()  # only the first n of each row written


# ------------------------------------------------------------------ blockwise quantiles (memory)

_KINDS = [
    Marginal("fixed", 3.0),
    Marginal("uniform", 1.0, 2.0),
    Marginal("triangular", 1.0, 1.2, 2.0),
    Marginal("pert", 1.0, 1.3, 2.5),
    Marginal("normal", 5.0, 0.4),
    Marginal("lognormal", 0.1, 0.2),
]


@pytest.mark.parametrize("marginal", _KINDS, ids=lambda m: m.kind)
def test_the_blockwise_quantile_equals_the_whole_array_one(marginal):
    """The competitors' other points are made a block of openings at a time (fewer full-size
    temporaries): the values and their type are those of one call over the whole array."""
    z = np.random.default_rng(5).standard_normal((100, 3), dtype=np.float32)
    whole = marginal.from_z(z.copy())
    got = marginal.from_z_blocks(z.copy(), 7)
    assert got.dtype == whole.dtype and np.array_equal(got, whole)


@pytest.mark.parametrize("marginal", _KINDS[1:4], ids=lambda m: m.kind)
def test_rival_bids_made_a_block_at_a_time_equal_one_pass(marginal, monkeypatch):
    from bidassist.pricing import competitors

    model = competitors.CompetitorModel.__new__(competitors.CompetitorModel)
    model.identity_weights, model.common, model.scale, model.level_sd = None, 0.3, 1.0, 0.0
    model.marginals = [marginal]
    monkeypatch.setattr(competitors, "BID_BLOCK", 10**9)
    one = model.sample_bids(np.random.default_rng(11), 1_000, 4)
    monkeypatch.setattr(competitors, "BID_BLOCK", 13)
    blocks = model.sample_bids(np.random.default_rng(11), 1_000, 4)
    assert blocks.dtype == np.float64 and np.array_equal(blocks, one)
