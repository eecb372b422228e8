"""Who wins: one small function per evaluation method, vectorised over simulated openings.

Each `*_wins` function takes our bid (one number) and the competitors' bids of n simulated
openings, `comp` of shape (n, m) with NaN where a competitor slot is empty, and returns a boolean
array (n,): did we win? A tie is a loss (we must beat every other bid strictly). Bids above the
ceiling price (最高投标限价) are invalid (实施条例 art. 51(5)).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bidassist.core.bidfile import BenchmarkAverage

_NEG = -np.inf


def _valid(comp: np.ndarray, ceiling: float | None) -> np.ndarray:
    ok = ~np.isnan(comp)
    if ceiling is not None:
        ok &= comp <= ceiling
    return ok


def lowest_price_wins(
    our: float, comp: np.ndarray, *, abnormal_low_share: float | None = None, ceiling: float | None = None
) -> np.ndarray:
    """经评审的最低投标价法: the lowest valid bid wins. With `abnormal_low_share`, a bid below that
    share of the average of the valid bids (ours included) is rejected as abnormally low."""
    n = comp.shape[0]
    if ceiling is not None and our > ceiling:
        return np.zeros(n, dtype=bool)
    ok = _valid(comp, ceiling)
    our_ok = np.ones(n, dtype=bool)
    if abnormal_low_share is not None:
        total = np.where(ok, comp, 0).sum(axis=1) + our
        avg = total / (ok.sum(axis=1) + 1)
        floor = abnormal_low_share * avg
        ok &= comp >= floor[:, None]
        our_ok = our >= floor
    low = np.where(ok, comp, np.inf).min(axis=1)
    return our_ok & (our < low)


def price_points(evaluated: np.ndarray | float, lowest: np.ndarray | float, weight: float) -> np.ndarray:
    """财政部令第87号 art. 55: price points = lowest evaluated price / evaluated price × weight."""
    return np.asarray(lowest / evaluated * weight)


def weighted_score_wins(
    our: float,
    comp: np.ndarray,
    comp_other: np.ndarray,
    *,
    price_weight: float,
    our_other: float,
    our_deduction: float = 0.0,
    comp_deduction: np.ndarray | float = 0.0,
    ceiling: float | None = None,
) -> np.ndarray:
    """综合评分法: price points against the lowest valid evaluated price (an SME's evaluated price is
    bid × (1 − deduction)), plus technical/business points; the highest total wins."""
    n = comp.shape[0]
    if ceiling is not None and our > ceiling:
        return np.zeros(n, dtype=bool)
    ok = _valid(comp, ceiling)
    comp_e = comp * (1 - comp_deduction)
    our_e = our * (1 - our_deduction)
    lowest = np.minimum(np.where(ok, comp_e, np.inf).min(axis=1), our_e)
    ours = price_points(our_e, lowest, price_weight) + our_other
    theirs = np.where(ok, price_points(comp_e, lowest[:, None], price_weight) + comp_other, _NEG)
    return ours > theirs.max(axis=1, initial=_NEG)


def average_benchmark(
    bids: np.ndarray,
    valid: np.ndarray,
    coefficient: np.ndarray | float,
    drop_extremes_from: int | None = None,
) -> np.ndarray:
    """基准价 = mean of the valid bids (dropping the highest and the lowest when there are at least
    `drop_extremes_from`) × the coefficient drawn at opening. `bids` (n, k), `valid` (n, k)."""
    x = np.where(valid, bids, 0.0)
    cnt = valid.sum(axis=1)
    s = x.sum(axis=1)
    if drop_extremes_from is not None:
        hi = np.where(valid, bids, -np.inf).max(axis=1)
        lo = np.where(valid, bids, np.inf).min(axis=1)
        drop = cnt >= drop_extremes_from
        s = np.where(drop, s - hi - lo, s)
        cnt = np.where(drop, cnt - 2, cnt)
    with np.errstate(invalid="ignore", divide="ignore"):
        return s / cnt * coefficient


def deviation_points(
    bid: np.ndarray | float,
    benchmark: np.ndarray,
    *,
    full_points: float,
    per_pct_above: float,
    per_pct_below: float,
) -> np.ndarray:
    """Full points less per 1 % above / below the benchmark; never below 0."""
    d = (bid - benchmark) / benchmark * 100
    pts = full_points - np.where(d > 0, per_pct_above * d, -per_pct_below * d)
    return np.maximum(pts, 0.0)


@dataclass(frozen=True)
class BenchmarkPoints:
    """基准价法's scoring: which bids the benchmark drops (the highest and lowest from this many bids
    on), points per 1 % above / below it, full points, and our other points."""

    drop_extremes_from: int | None
    per_pct_above: float
    per_pct_below: float
    full_points: float
    our_other: float = 0.0

    @classmethod
    def of(cls, ev: BenchmarkAverage) -> BenchmarkPoints:
        return cls(
            ev.drop_extremes_from,
            ev.points_per_pct_above,
            ev.points_per_pct_below,
            ev.full_points,
            ev.our_other_points,
        )

    def tent(self) -> dict[str, float]:
        """The arguments of `deviation_points`."""
        return {
            "full_points": self.full_points,
            "per_pct_above": self.per_pct_above,
            "per_pct_below": self.per_pct_below,
        }


def benchmark_average_wins(
    our: float,
    comp: np.ndarray,
    coefficient: np.ndarray,
    comp_other: np.ndarray | float,
    points: BenchmarkPoints,
    *,
    ceiling: float | None = None,
) -> np.ndarray:
    """基准价法: benchmark = mean of valid bids (ours included) × K drawn at opening; points deducted
    per 1 % away from it; the highest total wins."""
    n = comp.shape[0]
    if ceiling is not None and our > ceiling:
        return np.zeros(n, dtype=bool)
    ok = _valid(comp, ceiling)
    bids = np.concatenate([np.full((n, 1), our, dtype=comp.dtype), comp], axis=1)
    valid = np.concatenate([np.ones((n, 1), dtype=bool), ok], axis=1)
    bm = average_benchmark(bids, valid, coefficient, points.drop_extremes_from)
    kw = points.tent()
    ours = deviation_points(np.float64(our), bm, **kw) + points.our_other
    theirs = np.where(ok, deviation_points(comp, bm[:, None], **kw) + comp_other, _NEG)
    return ours > theirs.max(axis=1, initial=_NEG)
