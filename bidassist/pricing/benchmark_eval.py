"""基准价法 as exact win intervals per opening, computed once: P(win) at any number of prices is then
two binary searches, as for the abnormally-low rule (intervals.py).

The benchmark K·(sum of the valid bids, ours included, extremes dropped as the method says)/count is
piecewise linear in our bid B: one piece, or three when extremes are dropped (B below the lowest
rival, between the lowest and the highest, above the highest). Every bid's price points are a tent
in bid/benchmark (full points at the benchmark, less per 1 % above or below, never below 0). Between
the prices where our bid or a rival's changes branch of its tent, every comparison "our points >
rival j's points", multiplied by the (positive) benchmark, is linear in B, so we win on one interval
there; the intervals of the pieces, joined where they touch, are the opening's win set. A tie is a
loss, so the intervals are open. Gives what `evaluation.benchmark_average_wins` gives (a property
test holds them equal away from the ends, where rounding decides).
"""

from __future__ import annotations

import numpy as np

from bidassist.pricing.evaluation import BenchmarkPoints


def benchmark_intervals(
    comp: np.ndarray,
    coefficient: np.ndarray,
    comp_other: np.ndarray | float,
    points: BenchmarkPoints,
) -> tuple[np.ndarray, np.ndarray]:
    """(lo, hi), each (n, j) in Fortran order: we win opening i at B iff lo[i, j] < B < hi[i, j] for some j (NaN where
    there is no interval). `comp` (n, m) has NaN for absent or invalid rivals (as
    `benchmark_average_wins` takes it), `comp_other` their other points."""
    from bidassist.pricing.kernels import benchmark_intervals as compiled

    n, m = comp.shape
    bids = np.ascontiguousarray(comp, dtype=np.float64)
    other = np.ascontiguousarray(np.broadcast_to(np.asarray(comp_other, dtype=np.float64), comp.shape))
    coef = np.ascontiguousarray(np.broadcast_to(np.asarray(coefficient, dtype=np.float64), (n,)))
    pts = np.array(
        [points.full_points, points.per_pct_above, points.per_pct_below, points.our_other], dtype=np.float64
    )
    cap = 3 * (3 * (m + 1) + 1)  # pieces × (branch changes + 1): the most intervals an opening can have
    lo = np.empty((cap, n))  # interval-major: the slots no opening reaches stay untouched
    hi = np.empty((cap, n))
    most = compiled(bids, other, coef, points.drop_extremes_from or 0, pts, lo, hi)
    width = max(most, 1)
    return lo[:width].T, hi[:width].T  # (n, width) views, Fortran order
