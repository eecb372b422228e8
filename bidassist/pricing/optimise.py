"""The best price: maximise E[profit | B] = (g·B − E[C])·P(win | B) − bid cost over [low, high].

Candidates are the prices where P(win) changes — the win thresholds of the simulated openings
(lowest price, 综合评分法: every one of them, so the search is exact on the samples), or for other
methods quantiles of the rivals' bids and of the benchmark our bid would create, plus an even grid —
then a local search that only ever keeps a better point, all on the same openings (common random
numbers) at full precision. Prices are rounded to the tender's price unit (`price_step`) only at the
end, and the rounded point is compared with its neighbours on the lattice.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from bidassist.pricing.openings import Openings

#: quantiles of rival bids / benchmark prices used as candidates (methods without thresholds)
CANDIDATE_QUANTILES = 96
#: evenly spaced candidates between the bounds (methods without thresholds)
EVEN_CANDIDATES = 41
#: local searches started from the best candidates
SEARCH_STARTS = 5
#: evaluations allowed per local search
SEARCH_EVALUATIONS = 60
#: the search stops when its step is below this share of the price unit
MIN_STEP_SHARE = 0.25
#: lattice neighbours compared when rounding the best point to the price unit
ROUNDING_NEIGHBOURS = 2


@dataclass(frozen=True)
class Objective:
    """E[profit | B]: net revenue per unit of price `g` (ex VAT, after financing), h·E[C] and the bid
    cost. With a shared driver our cost moves with the rivals' bids, so `cost` holds h·C per opening
    (aligned with the openings) and E[profit | B] = mean((g·B − h·C_i)·W_i(B)) − bid cost."""

    g: float
    mean_cost: float
    bid_cost: float
    cost: np.ndarray | None = None

    def profit(self, prices: np.ndarray | float, p_win: np.ndarray | float) -> np.ndarray | float:
        """E[profit] when cost and winning are independent."""
        return (np.asarray(prices, dtype=np.float64) * self.g - self.mean_cost) * p_win - self.bid_cost

    def per_opening(self, price: float, wins: np.ndarray) -> np.ndarray:
        """(g·B − h·C_i)·W_i for each opening (before the bid cost)."""
        c = self.mean_cost if self.cost is None else self.cost
        return (price * self.g - c) * wins


def expected_profit(
    openings: Openings, obj: Objective, prices: np.ndarray, shift: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """(P(win), E[profit]) at each price on the openings."""
    prices = np.asarray(prices, dtype=np.float64)
    pw = openings.p_win(prices, shift)
    if obj.cost is None:
        return pw, np.asarray(obj.profit(prices, pw))
    if openings.has_thresholds:
        prof = prices * obj.g * pw - openings.won_cost(obj.cost, prices, shift) / openings.n
        return pw, prof - obj.bid_cost
    prof = np.array([obj.per_opening(float(b), openings.wins(float(b), shift)).mean() for b in prices])
    return pw, prof - obj.bid_cost


@dataclass(frozen=True)
class Optimum:
    """The best price on the price lattice, with P(win) and E[profit] on the search samples."""

    price: float
    p_win: float
    expected_profit: float
    evaluations: int
    method: str  # "thresholds" (exact on the samples) | "candidates + local search"


def lattice_below(x: np.ndarray, step: float) -> np.ndarray:
    """Largest multiples of `step` strictly below x."""
    k = np.ceil(np.asarray(x, dtype=np.float64) / step - 1e-9) - 1
    return np.round(k * step, 12)


def sorted_unique(x: np.ndarray) -> np.ndarray:
    """np.unique of an array already sorted (no second sort)."""
    if x.size < 2:
        return x
    keep = np.empty(x.size, dtype=bool)
    keep[0] = True
    np.not_equal(x[1:], x[:-1], out=keep[1:])
    return x[keep]


def lattice_bounds(low: float, high: float, step: float) -> tuple[float, float]:
    """[low, high] shrunk to the price lattice (low rounded up, high rounded down)."""
    lo = round(math.ceil(low / step - 1e-9) * step, 12)
    hi = round(math.floor(high / step + 1e-9) * step, 12)
    return lo, hi


def optimise(
    openings: Openings, obj: Objective, low: float, high: float, step: float, shift: int = 0
) -> Optimum | None:
    """The best price in [low, high] on the `step` lattice; None when no lattice price is inside."""
    lo, hi = lattice_bounds(low, high, step)
    if hi < lo:
        return None
    ts = openings.sorted_thresholds(shift)
    if ts is not None:
        return _on_thresholds(openings, ts, obj, lo, hi, step, shift)
    return _search(openings, obj, lo, hi, step, shift)


def _on_thresholds(
    openings: Openings, ts: np.ndarray, obj: Objective, lo: float, hi: float, step: float, shift: int
) -> Optimum:
    """Exact on the samples: between thresholds profit rises with price, so the best lattice price is
    the largest one below some threshold, or the upper bound."""
    inside = ts[np.searchsorted(ts, lo, side="right") : np.searchsorted(ts, hi + step, side="right")]
    below = lattice_below(inside, step)  # sorted, as the thresholds are: no sort needed
    cands = sorted_unique(np.concatenate([[lo], below[(below >= lo) & (below <= hi)], [hi]]))
    pw, prof = expected_profit(openings, obj, cands, shift)
    best = int(np.argmax(prof))
    return Optimum(float(cands[best]), float(pw[best]), float(prof[best]), int(cands.size), "thresholds")


class _Evaluator:
    """Memoised E[profit] on the openings."""

    def __init__(self, openings: Openings, obj: Objective, shift: int) -> None:
        self.openings, self.obj, self.shift = openings, obj, shift
        self.seen: dict[float, tuple[float, float]] = {}

    def __call__(self, price: float) -> float:
        return self.at(price)[1]

    def at(self, price: float) -> tuple[float, float]:
        key = float(price)
        if key not in self.seen:
            pw, prof = expected_profit(self.openings, self.obj, np.array([key]), self.shift)
            self.seen[key] = (float(pw[0]), float(prof[0]))
        return self.seen[key]


def candidate_prices(openings: Openings, lo: float, hi: float) -> np.ndarray:
    """Where P(win) changes for methods without thresholds: rival-bid and benchmark quantiles, and
    an even grid, inside [lo, hi]."""
    parts = [
        np.linspace(lo, hi, EVEN_CANDIDATES),
        [lo, hi],
        openings.candidate_quantiles(CANDIDATE_QUANTILES),
    ]
    c = np.concatenate([np.asarray(p, dtype=np.float64) for p in parts])
    return np.unique(c[(c >= lo) & (c <= hi)])


def local_search(
    f: Callable[[float], float],
    x: float,
    fx: float,
    h: float,
    lo: float,
    hi: float,
    min_step: float,
    budget: int = SEARCH_EVALUATIONS,
) -> tuple[float, float]:
    """Compass search: try x ± h, move only to a better point, halve h when neither is better."""
    used = 0
    while h >= min_step and used < budget:
        moved = False
        for c in (x + h, x - h):
            if lo <= c <= hi:
                used += 1
                fc = f(c)
                if fc > fx:
                    x, fx, moved = c, fc, True
                    break
        if not moved:
            h /= 2
    return x, fx


def _search(openings: Openings, obj: Objective, lo: float, hi: float, step: float, shift: int) -> Optimum:
    f = _Evaluator(openings, obj, shift)
    cands = candidate_prices(openings, lo, hi)
    p_wins, prof = expected_profit(openings, obj, cands, shift)  # all at once
    f.seen.update((float(c), (float(a), float(b))) for c, a, b in zip(cands, p_wins, prof, strict=True))
    order = np.argsort(-prof, kind="stable")[:SEARCH_STARTS]
    best_x, best_f = float(cands[order[0]]), float(prof[order[0]])
    for i in order:
        left = cands[i - 1] if i > 0 else cands[i]
        right = cands[i + 1] if i + 1 < cands.size else cands[i]
        h = max(float(right - left) / 2, step)
        x, fx = local_search(f, float(cands[i]), float(prof[i]), h, lo, hi, step * MIN_STEP_SHARE)
        if fx > best_f:
            best_x, best_f = x, fx
    price = _round_on_lattice(f, best_x, lo, hi, step)
    pw, pr = f.at(price)
    return Optimum(price, pw, pr, len(f.seen), "candidates + local search")


def _round_on_lattice(f: _Evaluator, x: float, lo: float, hi: float, step: float) -> float:
    """The best lattice price among the neighbours of x (the rounding is compared, not assumed)."""
    base = math.floor(x / step + 1e-9)
    pts = [round((base + k) * step, 12) for k in range(-ROUNDING_NEIGHBOURS, ROUNDING_NEIGHBOURS + 1)]
    pts = [p for p in pts if lo <= p <= hi] or [lo]
    return max(pts, key=lambda p: (f(p), -abs(p - x)))
