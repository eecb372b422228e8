"""Monte Carlo error at the recommendation, the near-optimal band and the convergence rule.

- P(win) at the chosen price is re-estimated on fresh openings (the search samples flatter the
  price they chose); its standard error is √(p(1−p)/n).
- E[profit] = (g·B − h·E[C])·P(win) − bid cost uses the exact expected cost, so its error is
  |g·B − h·E[C]|·SE(P(win)). P(loss if won) = P(h·C > g·B) has SE √(q(1−q)/n).
- The near-optimal band: the prices around the best whose expected profit is within
  `near_optimal_share` (1 %) of the best, or not distinguishable from that at two paired standard
  errors (both prices on the same openings).
- Convergence: the result is trusted when SE(E[profit]) ≤ the band's share of the best
  profit; otherwise it warns and says how many iterations would do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from bidassist.pricing.openings import Openings
from bidassist.pricing.optimise import Objective

#: standard errors a difference must exceed to count as real
Z_DISTINCT = 2.0
#: prices probed when locating a band edge by bisection
EDGE_BISECTIONS = 24
#: below this many iterations no result is trusted, whatever its standard error
MIN_TRUSTED_ITERATIONS = 1_000
#: most iterations the convergence rule will suggest
MAX_SUGGESTED_ITERATIONS = 10_000_000


@dataclass(frozen=True)
class AtPrice:
    """Estimates at one price with their standard errors."""

    p_win: float
    p_win_se: float
    expected_profit: float
    expected_profit_se: float
    p_loss_if_won: float
    p_loss_if_won_se: float
    iterations: int


def binomial_se(p: float, n: int) -> float:
    return math.sqrt(max(p * (1 - p), 0.0) / n) if n > 0 else math.inf


def coupled_at_price(price: float, wins: np.ndarray, obj: Objective) -> AtPrice:
    """Estimates at `price` when cost and winning share a driver: per-opening profit and the loss
    probability among the openings won."""
    n = wins.size
    p_win = float(wins.mean())
    v = obj.per_opening(price, wins)
    se_v = float(v.std(ddof=1)) / math.sqrt(n) if n > 1 else math.inf
    won = float(np.sum(wins))
    assert obj.cost is not None
    q = float(np.sum(wins * (obj.cost > price * obj.g)) / won) if won else 0.0
    return AtPrice(
        p_win,
        binomial_se(p_win, n),
        float(v.mean()) - obj.bid_cost,
        se_v,
        q,
        binomial_se(q, max(int(round(won)), 1)),
        n,
    )


def at_price(price: float, p_win: float, n: int, obj: Objective, sorted_cost: np.ndarray) -> AtPrice:
    """Estimates at `price` from a P(win) measured on n openings and the (h-scaled) cost samples."""
    se_p = binomial_se(p_win, n)
    margin = price * obj.g - obj.mean_cost
    net = price * obj.g
    q = float(1 - np.searchsorted(sorted_cost, net, side="right") / sorted_cost.size)
    return AtPrice(
        p_win,
        se_p,
        float(obj.profit(price, p_win)),
        abs(margin) * se_p,
        q,
        binomial_se(q, sorted_cost.size),
        n,
    )


@dataclass(frozen=True)
class Band:
    low: float
    high: float
    share: float


class BandFinder:
    """Locates the near-optimal band on the search openings (paired comparisons with the best)."""

    def __init__(self, openings: Openings, obj: Objective, best: float, share: float) -> None:
        self.openings, self.obj, self.share = openings, obj, share
        self.best = best
        self.v_best = obj.per_opening(best, openings.wins(best))
        self.e_best = float(self.v_best.mean()) - obj.bid_cost
        self.target = self.e_best - share * abs(self.e_best)

    def inside(self, price: float) -> bool:
        v = self.obj.per_opening(price, self.openings.wins(price))
        e = float(v.mean()) - self.obj.bid_cost
        if e >= self.target:
            return True
        n = v.size
        se = float(np.std(self.v_best - v, ddof=1)) / math.sqrt(n) if n > 1 else math.inf
        return e + Z_DISTINCT * se >= self.target

    def edge(self, inside: float, outside: float) -> float:
        """Bisection between a price inside the band and one outside it."""
        for _ in range(EDGE_BISECTIONS):
            mid = (inside + outside) / 2
            if self.inside(mid):
                inside = mid
            else:
                outside = mid
        return inside

    def band(self, grid: np.ndarray) -> Band:
        """Walk the grid out from the best price, then refine each edge."""
        g = np.unique(np.concatenate([grid, [self.best]]))
        i = int(np.searchsorted(g, self.best))
        lo_i = i
        while lo_i > 0 and self.inside(float(g[lo_i - 1])):
            lo_i -= 1
        hi_i = i
        while hi_i + 1 < g.size and self.inside(float(g[hi_i + 1])):
            hi_i += 1
        low = self.edge(float(g[lo_i]), float(g[lo_i - 1])) if lo_i > 0 else float(g[0])
        high = self.edge(float(g[hi_i]), float(g[hi_i + 1])) if hi_i + 1 < g.size else float(g[-1])
        return Band(low, high, self.share)


@dataclass(frozen=True)
class Convergence:
    converged: bool
    iterations_needed: int | None
    message: str | None


def convergence(est: AtPrice, share: float) -> Convergence:
    """Is the Monte Carlo error small enough for the decision? (see the module docstring)"""
    n = est.iterations
    target = share * abs(est.expected_profit)
    ok_se = est.expected_profit_se <= target or est.expected_profit_se == 0
    if n >= MIN_TRUSTED_ITERATIONS and ok_se:
        return Convergence(True, None, None)
    if target > 0 and est.expected_profit_se > 0:
        need = int(min(MAX_SUGGESTED_ITERATIONS, math.ceil(n * (est.expected_profit_se / target) ** 2)))
    else:
        need = MAX_SUGGESTED_ITERATIONS
    need = max(need, MIN_TRUSTED_ITERATIONS)
    msg = (
        f"Monte Carlo error too large for the decision: {n:,} iterations give expected profit ± "
        f"{est.expected_profit_se:,.2f} (1 SE); about {need:,} iterations are needed "
        "/ 模拟次数不足，结果不可靠"
    )
    return Convergence(False, need, msg)
