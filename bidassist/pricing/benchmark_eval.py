"""基准价法 at many prices: what does not depend on our price (the valid rivals, their sum, count,
extremes and other points) is computed once per set of openings, so each price costs one pass over
the rivals' bids instead of rebuilding and re-reducing every opening's bid table.

Gives what `evaluation.benchmark_average_wins` gives (a property test holds them equal).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bidassist.pricing.evaluation import deviation_points


@dataclass(frozen=True)
class BenchmarkOpenings:
    """The price-independent part of n openings under 基准价法."""

    bids: np.ndarray  # (m, n) rivals' bids, 1.0 where absent (their points are −inf then); rival-major
    other: np.ndarray  # (m, n) rivals' other points, −inf where absent: the max over rivals is then
    # an elementwise max of m rows (a reduction along a short last axis is many times slower)
    total: np.ndarray  # (n,) sum of the valid rivals' bids
    count: np.ndarray  # (n,) number of valid rivals
    high: np.ndarray  # (n,) highest valid rival bid (−inf when none)
    low: np.ndarray  # (n,) lowest valid rival bid (+inf when none)
    coefficient: np.ndarray  # (n,) K drawn at opening
    drop_extremes_from: int | None
    points: dict[str, float]  # full_points, per_pct_above, per_pct_below
    our_other: float

    @classmethod
    def of(
        cls,
        comp: np.ndarray,
        coefficient: np.ndarray,
        comp_other: np.ndarray | float,
        *,
        drop_extremes_from: int | None,
        per_pct_above: float,
        per_pct_below: float,
        full_points: float,
        our_other: float = 0.0,
    ) -> BenchmarkOpenings:
        """`comp` (n, m) with NaN for absent or invalid rivals (as `benchmark_average_wins` takes it)."""
        ok = ~np.isnan(comp)
        other = np.broadcast_to(np.asarray(comp_other, dtype=np.float64), comp.shape)
        return cls(
            bids=np.ascontiguousarray(np.where(ok, comp, 1.0).astype(np.float64).T),
            other=np.ascontiguousarray(np.where(ok, other, -np.inf).T),
            total=np.where(ok, comp, 0.0).sum(axis=1),
            count=ok.sum(axis=1),
            high=np.where(ok, comp, -np.inf).max(axis=1, initial=-np.inf),
            low=np.where(ok, comp, np.inf).min(axis=1, initial=np.inf),
            coefficient=np.asarray(coefficient, dtype=np.float64),
            drop_extremes_from=drop_extremes_from,
            points={
                "full_points": full_points,
                "per_pct_above": per_pct_above,
                "per_pct_below": per_pct_below,
            },
            our_other=our_other,
        )

    def benchmark(self, our: float) -> np.ndarray:
        """基准价 per opening with our bid in the average (extremes dropped as the method says)."""
        s = self.total + our
        cnt = self.count + 1
        if self.drop_extremes_from is not None:
            drop = cnt >= self.drop_extremes_from
            s = np.where(drop, s - np.maximum(self.high, our) - np.minimum(self.low, our), s)
            cnt = np.where(drop, cnt - 2, cnt)
        with np.errstate(invalid="ignore", divide="ignore"):
            return s / cnt * self.coefficient

    def wins(self, our: float) -> np.ndarray:
        """(n,) bool: our total points beat every valid rival's."""
        bm = self.benchmark(our)
        ours = deviation_points(np.float64(our), bm, **self.points) + self.our_other
        theirs = deviation_points(self.bids, bm[None, :], **self.points)
        theirs += self.other
        return ours > theirs.max(axis=0, initial=-np.inf)
