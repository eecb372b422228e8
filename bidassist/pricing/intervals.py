"""Win intervals for the lowest-price method with an abnormally-low rule, per opening, computed once.

With share s, k valid rivals c_j summing to S and our bid B, the floor is s·(S + B)/(k + 1) (ours
in the average). We are valid from L = s·S/(k + 1 − s) up; rival j stays valid while
B ≤ E_j = c_j·(k + 1)/s − S, and E rises with c_j. So with the rivals sorted, for B between
E_(j−1) and E_(j) the lowest valid rival is c_(j): we win on [max(L, E_(j−1)), min(c_(j), E_(j))),
and above E_(k) (no valid rival left) on [max(L, E_(k)), ∞). These at most k + 1 disjoint intervals
per opening give `wins(B)` for one price and, sorted once, P(win | B) for every price at once
(#(lo ≤ B) − #(hi ≤ B)), instead of re-evaluating every opening at every price.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


def abnormal_low_intervals(comp: np.ndarray, share: float) -> tuple[np.ndarray, np.ndarray]:
    """(lo, hi), each (n, k_max + 1): we win opening i at B iff lo[i, j] ≤ B < hi[i, j] for some j
    (NaN in both where there is no interval). `comp` (n, k_max) has NaN for absent or invalid rivals.
    Worked interval-major ((k_max + 1, n): each operation runs along the openings, not along a short
    row) and returned as the transposed views, Fortran order."""
    n, cols = comp.shape
    ok = ~np.isnan(comp)
    k = ok.sum(axis=1)
    total = np.where(ok, comp, 0.0).sum(axis=1, dtype=np.float64)
    cs = np.empty((cols + 1, n))  # the rivals sorted (NaN last), then +inf
    cs[:cols] = np.sort(comp.astype(np.float64), axis=1).T
    cs[cols] = np.inf
    ex = np.empty((cols + 2, n))  # −inf, E_1 … E_k (rival j valid while B ≤ E_j), +inf
    ex[0], ex[cols + 1] = -np.inf, np.inf
    np.multiply(cs[:cols], (k + 1) / share, out=ex[1 : cols + 1])
    ex[1 : cols + 1] -= total
    # L: our own bid valid from here (alone with share 1, B ≥ 1·B always holds: 0, not 0/0)
    room = k + 1 - share
    low = np.divide(share * total, room, out=np.zeros(n), where=room > 0)
    j = np.arange(cols + 1)[:, None]
    with np.errstate(invalid="ignore"):
        hi = np.where(j < k, np.minimum(cs, ex[1:]), np.inf)
        lo = np.maximum(low, ex[: cols + 1])
        keep = (j <= k) & (lo < hi)
    return np.where(keep, lo, np.nan).T, np.where(keep, hi, np.nan).T


@dataclass(frozen=True)
class WinIntervals:
    """The win intervals of n openings, with their ends sorted for P(win) at many prices at once."""

    lo: np.ndarray  # (n, m)
    hi: np.ndarray  # (n, m)
    lo_sorted: np.ndarray
    hi_sorted: np.ndarray
    n: int
    closed_low: bool = True  # [lo, hi) (abnormally-low rule) or (lo, hi) (基准价法: a tie loses)
    _columns: list = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def of(cls, lo: np.ndarray, hi: np.ndarray, *, closed_low: bool = True) -> WinIntervals:
        used = ~np.isnan(lo)
        return cls(lo, hi, np.sort(lo[used]), np.sort(hi[used]), lo.shape[0], closed_low)

    def columns(self) -> tuple[np.ndarray, np.ndarray]:
        """lo and hi in Fortran order (each column contiguous), made on the first `wins`: most
        interval sets (the ±1 competitor ones) are only ever asked P(win) at many prices."""
        if not self._columns:
            self._columns.extend((np.asfortranarray(self.lo), np.asfortranarray(self.hi)))
        return self._columns[0], self._columns[1]

    def wins(self, price: float) -> np.ndarray:
        """(n,) bool: is `price` inside one of the opening's intervals? Column by column (each
        elementwise over the openings: a reduction along the short axis is many times slower)."""
        out = np.zeros(self.n, dtype=bool)
        inside, below_hi = np.empty(self.n, dtype=bool), np.empty(self.n, dtype=bool)
        above_lo = np.less_equal if self.closed_low else np.less
        lo_f, hi_f = self.columns()
        with np.errstate(invalid="ignore"):
            for j in range(lo_f.shape[1]):  # in place: no temporary arrays per column
                above_lo(lo_f[:, j], price, out=inside)
                np.less(price, hi_f[:, j], out=below_hi)
                inside &= below_hi
                out |= inside
        return out

    def p_win(self, prices: np.ndarray) -> np.ndarray:
        """P(win) at each price: intervals begun minus intervals ended (an opening's are disjoint)."""
        begun = np.searchsorted(self.lo_sorted, prices, side="right" if self.closed_low else "left")
        return (begun - np.searchsorted(self.hi_sorted, prices, side="right")) / self.n

    def ends(self) -> np.ndarray:
        """Every finite interval end: where P(win) changes."""
        e = np.concatenate([self.lo_sorted, self.hi_sorted])
        return e[np.isfinite(e)]
