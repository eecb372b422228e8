"""Simulated bid openings: the competitors' bids, how many bid, and the evaluation's random parts
(other points, SME deductions, the benchmark coefficient drawn at opening).

For lowest price (without an abnormally-low rule) and 综合评分法 our winning set in each opening is
an interval (−∞, t): the lower our price, the better our score against every rival. `thresholds`
holds t per opening (float64, +inf when nobody else bids), so P(win | B) = #(t > B)/n exactly, for
every B at once. With an abnormally-low rule (intervals.py) and under 基准价法 (benchmark_eval.py)
the winning set is a few intervals per opening, also computed once.
"""

from __future__ import annotations

import numpy as np

from bidassist.core.bidfile import BenchmarkAverage, Bid, LowestPrice, WeightedScore
from bidassist.core.errors import InputError
from bidassist.pricing.benchmark_eval import benchmark_intervals
from bidassist.pricing.competitors import CompetitorModel, build_model
from bidassist.pricing.evaluation import BenchmarkPoints, benchmark_average_wins, lowest_price_wins
from bidassist.pricing.intervals import WinIntervals, abnormal_low_intervals
from bidassist.pricing.sampling import Marginal

#: openings evaluated per block (bounds the temporary (block × competitors) arrays)
EVAL_BLOCK = 32_768
#: up to this many prices, P(win) on openings whose thresholds are not sorted yet is counted directly
FEW_PRICES = 4


def _rival_major(x: np.ndarray | float, shape: tuple[int, ...]) -> np.ndarray:
    """x broadcast to (n, k) `shape`, as a contiguous float64 (k, n) array: elementwise work on it
    runs at full speed (a transposed view is read with a stride of k)."""
    if np.ndim(x) == 0:
        return np.broadcast_to(np.asarray(x, dtype=np.float64), shape[::-1])
    return np.ascontiguousarray(np.broadcast_to(x, shape).T, dtype=np.float64)


def weighted_score_threshold(
    comp: np.ndarray,
    other: np.ndarray | float,
    deduction: np.ndarray | float,
    *,
    price_weight: float,
    our_other: float,
    our_deduction: float,
) -> np.ndarray:
    """Per opening, the price t below which we win under 综合评分法 (财政部令第87号 art. 55).

    x = our evaluated price. While x ≤ m (the lowest rival evaluated price) we keep full price points
    and each rival k scores x·w/e_k + o_k, rising with x: we lose from x_A = min_k (w + o − o_k)·e_k/w.
    Above m our points m·w/x fall against a fixed best rival T: we lose from x_B = m·w/(T − o).
    The score gap is continuous and decreasing in x, so the crossing is x_A when x_A ≤ m, else x_B.
    `comp` (n, k) has NaN for absent or invalid rivals. Computed rival-major ((k, n)): the minima and
    maxima over rivals are then elementwise over k rows, many times faster than along a short axis."""
    comp_t = _rival_major(comp, comp.shape)
    ok = ~np.isnan(comp_t)
    ded = _rival_major(deduction, comp.shape)
    e = np.where(ok, comp_t * (1 - ded), np.nan)
    o = _rival_major(other, comp.shape)
    w = float(price_weight)
    with np.errstate(invalid="ignore", divide="ignore"):
        x_a = np.where(ok, (w + our_other - o) * e / w, np.inf).min(axis=0, initial=np.inf)
        m = np.where(ok, e, np.inf).min(axis=0, initial=np.inf)
        t_best = np.where(ok, m[None, :] * w / e + o, -np.inf).max(axis=0, initial=-np.inf)
        x_b = np.where(t_best > our_other, m * w / (t_best - our_other), np.inf)
    x = np.where(x_a > m, x_b, x_a)
    return x / (1 - our_deduction)


#: bisection steps when inverting the Gates P(win) curve
GATES_BISECTIONS = 60


def gates_p_win_curve(p: np.ndarray, counts: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Gates (1967) with n alike rivals, n drawn from the count distribution: Σ π_n · p/(p + n(1 − p))."""
    p = np.asarray(p, dtype=np.float64)[..., None]
    n = counts[None, :].astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        each = np.where(n > 0, p / (p + n * (1 - p)), 1.0)
    return (np.nan_to_num(each, nan=0.0) * weights[None, :]).sum(axis=-1)


def gates_thresholds(model: CompetitorModel, u: np.ndarray, shift: int = 0) -> np.ndarray:
    """Win thresholds whose survival function is the Gates P(win): t = F⁻¹(1 − p) of one rival's bid,
    p solving P_Gates(p) = u (by bisection), so P(t > B) = P_Gates(p(B)) exactly in distribution."""
    counts = np.maximum(model.count_values + shift, 0)
    lo, hi = np.zeros_like(u), np.ones_like(u)
    for _ in range(GATES_BISECTIONS):
        mid = (lo + hi) / 2
        up = gates_p_win_curve(mid, counts, model.count_weights) < u
        lo, hi = np.where(up, mid, lo), np.where(up, hi, mid)
    p = (lo + hi) / 2
    from scipy.special import ndtri

    z = ndtri(np.clip(1 - p, 1e-15, 1 - 1e-15))
    return model.marginals[0].from_z(z) * model.scale


def use_sobol(choice: bool | None, ev: object, model: CompetitorModel) -> bool:
    """Sobol points for the rivals where they pay (benchmarks/bench_variance.py: P(win) variance ÷ ~24
    for lowest price at twice the sampling time; ÷ 1.2 only for 综合评分法, whose other points are
    drawn plainly): lowest price with rivals in money or as ratios, unless the bid file says."""
    if model.identity_weights is not None:
        return False
    return choice if choice is not None else isinstance(ev, LowestPrice)


class Openings:
    """n simulated openings; `p_win(prices)` and `wins(price)` evaluate our bid against all of them."""

    def __init__(
        self,
        bid: Bid,
        expected_cost_bb: float,
        iterations: int,
        seed: np.random.SeedSequence,
        model: CompetitorModel | None = None,
        driver: np.ndarray | None = None,
    ) -> None:
        p = bid.pricing
        assert p is not None
        self.ev = p.evaluation
        self.ceiling = float(bid.tender.ceiling_price) if bid.tender.ceiling_price is not None else None
        self.model = model or build_model(p.competitors, expected_cost_bb)
        cols = max(self.model.max_count + 1, 1)
        s_count, s_bids, s_eval = seed.spawn(3)
        self._gates: np.ndarray | None = None
        if p.competitors.combine == "gates":
            if not (isinstance(self.ev, LowestPrice) and self.ev.abnormal_low_share is None):
                raise InputError(
                    "combine: gates applies to the lowest-price method without an abnormally-low rule",
                    "pricing.competitors.combine",
                )
            self._gates_u = np.random.default_rng(s_bids).random(iterations)
            self._gates = gates_thresholds(self.model, self._gates_u)
        lowest = isinstance(self.ev, LowestPrice) and self.ev.abnormal_low_share is None
        #: chance the lowest bid is not awarded (then one of the others is, at random)
        self.lam = self.model.p_not_lowest if lowest and self._gates is None else 0.0
        if use_sobol(p.sobol, self.ev, self.model):
            self.counts, self.bids = self.model.sample_qmc(np.random.default_rng(s_bids), iterations, cols)
        else:
            self.counts = self.model.sample_counts(np.random.default_rng(s_count), iterations)
            self.bids = self.model.sample_bids(np.random.default_rng(s_bids), iterations, cols)
        if driver is not None:
            self.bids *= driver[:, None]  # the shared driver moves every rival's bid in an opening
        self.n = iterations
        self.other: np.ndarray | float = 0.0
        self.deduction: np.ndarray | float = 0.0
        self.our_deduction = 0.0
        self.coef: np.ndarray | None = None
        self._draw_evaluation(bid, np.random.default_rng(s_eval), cols)
        self._thresholds: dict[int, np.ndarray | None] = {}
        self._suffix: dict[tuple, tuple] = {}
        self._direct_count: dict[tuple, int] = {}

    def _draw_evaluation(self, bid: Bid, rng: np.random.Generator, cols: int) -> None:
        ev, n = self.ev, self.n
        if isinstance(ev, WeightedScore):
            self.other = Marginal.of(ev.competitor_other_points).from_z_blocks(
                rng.standard_normal((n, cols), dtype=np.float32), EVAL_BLOCK
            )
            sme = rng.random((n, cols)) < ev.competitor_sme_share
            self.deduction = np.where(sme, np.float32(ev.sme_deduction), np.float32(0))
            self.our_deduction = float(ev.sme_deduction) if bid.bidder.sme else 0.0
        elif isinstance(ev, BenchmarkAverage):
            self.coef = rng.choice(np.array(ev.coefficients, dtype=float), size=n)
            if ev.competitor_other_points is not None:
                self.other = Marginal.of(ev.competitor_other_points).from_z_blocks(
                    rng.standard_normal((n, cols), dtype=np.float32), EVAL_BLOCK
                )
            else:
                self.other = float(ev.our_other_points)

    # ------------------------------------------------------------------ helpers

    def masked(self, start: int, stop: int, shift: int = 0) -> np.ndarray:
        """Bids of openings start..stop with NaN for absent rivals (and those above the ceiling)."""
        b = self.bids[start:stop]
        cols = np.arange(b.shape[1])
        absent = cols[None, :] >= (self.counts[start:stop] + shift)[:, None]
        if self.ceiling is not None:
            absent |= b > self.ceiling
        return np.where(absent, np.nan, b)

    @staticmethod
    def _sl(x: np.ndarray | float, start: int, stop: int) -> np.ndarray | float:
        return x[start:stop] if isinstance(x, np.ndarray) else x

    @property
    def has_thresholds(self) -> bool:
        ev = self.ev
        return isinstance(ev, WeightedScore) or (
            isinstance(ev, LowestPrice) and ev.abnormal_low_share is None
        )

    def thresholds(self, shift: int = 0) -> np.ndarray | None:
        """Per-opening win threshold t (we win iff price < t), or None for methods without one."""
        if not self.has_thresholds:
            return None
        if self._gates is not None:
            if shift not in self._thresholds:  # the same uniforms: common random numbers across shifts
                self._thresholds[shift] = gates_thresholds(self.model, self._gates_u, shift)
            return self._thresholds[shift]
        if shift not in self._thresholds:
            t = np.empty(self.n, dtype=np.float64)
            for s in range(0, self.n, EVAL_BLOCK):
                e = min(self.n, s + EVAL_BLOCK)
                t[s:e] = self._block_threshold(s, e, shift)
            self._thresholds[shift] = t
        return self._thresholds[shift]

    def _block_threshold(self, s: int, e: int, shift: int) -> np.ndarray:
        c = self.masked(s, e, shift)
        ev = self.ev
        if isinstance(ev, WeightedScore):
            return weighted_score_threshold(
                c,
                self._sl(self.other, s, e),
                self._sl(self.deduction, s, e),
                price_weight=ev.price_weight,
                our_other=ev.our_other_points,
                our_deduction=self.our_deduction,
            )
        t = np.full(c.shape[0], np.inf)
        for j in range(c.shape[1]):  # an elementwise minimum over the rivals (fmin skips NaN, absent)
            np.fmin(t, c[:, j], out=t)
        return t

    # ------------------------------------------------------------------ evaluation

    def inv_rivals(self, shift: int = 0) -> np.ndarray:
        """1/N per opening (N valid rivals; 0 when there is none): our chance in an award lottery."""
        key = ("inv", shift)
        if key not in self._suffix:
            inv = np.empty(self.n)
            for s in range(0, self.n, EVAL_BLOCK):
                e = min(self.n, s + EVAL_BLOCK)
                k = (~np.isnan(self.masked(s, e, shift))).sum(axis=1)
                inv[s:e] = np.where(k > 0, 1.0 / np.maximum(k, 1), 0.0)
            self._suffix[key] = (inv, inv)
        return self._suffix[key][0]

    def wins(self, price: float, shift: int = 0) -> np.ndarray:
        """(n,) do we win each opening at this price? Bool, or with an award lottery (lam > 0) our
        chance: (1 − λ) when lowest, λ/N otherwise."""
        if self.ceiling is not None and price > self.ceiling:
            return np.zeros(self.n, dtype=bool)
        t = self.thresholds(shift)
        if t is not None:
            if self.lam:
                low = price < t
                return np.where(low, 1 - self.lam, self.lam * self.inv_rivals(shift))
            return price < t
        if self._direct_first(shift):
            return self._direct_wins(price, shift)
        iv = self.intervals(shift)
        assert iv is not None  # every method has thresholds or intervals
        return iv.wins(price)

    def _direct_first(self, shift: int, prices: int = 1) -> bool:
        """Evaluate the rule directly while only a few prices were asked on these openings (fresh
        openings ask one): building the intervals costs more than a few direct evaluations."""
        if ("intervals", shift) in self._suffix:
            return False
        key = ("direct", shift)
        done = self._direct_count.get(key, 0) + prices
        self._direct_count[key] = done
        return done <= FEW_PRICES

    def _direct_wins(self, price: float, shift: int) -> np.ndarray:
        """The rule itself at one price (methods with intervals), opening block by opening block."""
        ev = self.ev
        out = np.empty(self.n, dtype=bool)
        for s in range(0, self.n, EVAL_BLOCK):
            e = min(self.n, s + EVAL_BLOCK)
            c = self.masked(s, e, shift)
            if isinstance(ev, BenchmarkAverage):
                assert self.coef is not None
                out[s:e] = benchmark_average_wins(
                    price,
                    c,
                    self.coef[s:e],
                    self._sl(self.other, s, e),
                    BenchmarkPoints.of(ev),
                )
            else:
                assert isinstance(ev, LowestPrice) and ev.abnormal_low_share is not None
                out[s:e] = lowest_price_wins(price, c, abnormal_low_share=float(ev.abnormal_low_share))
        return out

    def intervals(self, shift: int = 0) -> WinIntervals | None:
        """Per-opening win intervals (lowest price with an abnormally-low rule, 基准价法), or None."""
        key = ("intervals", shift)
        if key not in self._suffix:
            parts = [
                self._block_intervals(s, min(self.n, s + EVAL_BLOCK), shift)
                for s in range(0, self.n, EVAL_BLOCK)
            ]
            if any(p is None for p in parts):
                return None
            width = max(p[0].shape[1] for p in parts if p is not None)
            # joined interval-major ((width, n), then viewed (n, width) in Fortran order): the
            # blocks come that way, and `WinIntervals.wins` reads column by column
            lo = np.concatenate([_pad(p[0].T, width) for p in parts if p is not None], axis=1).T
            hi = np.concatenate([_pad(p[1].T, width) for p in parts if p is not None], axis=1).T
            iv = WinIntervals.of(lo, hi, closed_low=not isinstance(self.ev, BenchmarkAverage))
            self._suffix[key] = (iv, iv)
        return self._suffix[key][0]

    def _block_intervals(self, s: int, e: int, shift: int) -> tuple[np.ndarray, np.ndarray] | None:
        ev = self.ev
        if isinstance(ev, LowestPrice) and ev.abnormal_low_share is not None:
            return abnormal_low_intervals(self.masked(s, e, shift), float(ev.abnormal_low_share))
        if isinstance(ev, BenchmarkAverage):
            assert self.coef is not None
            return benchmark_intervals(
                self.masked(s, e, shift),
                self.coef[s:e],
                self._sl(self.other, s, e),
                BenchmarkPoints.of(ev),
            )
        return None

    def p_win(self, prices: np.ndarray, shift: int = 0) -> np.ndarray:
        """P(win) at each price, on the same openings (common random numbers)."""
        prices = np.asarray(prices, dtype=np.float64)
        t = self.thresholds(shift)
        if (
            t is not None
            and prices.size <= FEW_PRICES
            and not self.lam
            and -1000 - shift not in self._thresholds
        ):
            # a few prices on openings not sorted yet (fresh openings): count, do not sort
            p = 1 - np.array([np.count_nonzero(t <= b) for b in prices]) / self.n
        elif t is not None:
            ts = self._sorted(shift)
            k = np.searchsorted(ts, prices, side="right")
            p = 1 - k / self.n
            if self.lam:
                p = (1 - self.lam) * p + self.lam * self._prefix(None, shift)[k] / self.n
        elif self._direct_first(shift, prices.size):
            p = np.array([np.count_nonzero(self._direct_wins(float(b), shift)) / self.n for b in prices])
        else:
            iv = self.intervals(shift)
            assert iv is not None  # every method has thresholds or intervals
            p = iv.p_win(prices)
        if self.ceiling is not None:
            p = np.where(prices > self.ceiling, 0.0, p)
        return p

    def _sorted(self, shift: int) -> np.ndarray:
        key = -1000 - shift
        done = self._thresholds.get(key)
        if done is None:
            t = self.thresholds(shift)
            assert t is not None  # only on the closed-form path (thresholds exist)
            done = self._thresholds[key] = np.sort(t)
        return done

    def _order(self, shift: int) -> np.ndarray:
        key = ("order", shift)
        if key not in self._suffix:
            t = self.thresholds(shift)
            assert t is not None  # only on the closed-form path (thresholds exist)
            order = np.argsort(t, kind="stable")
            self._suffix[key] = (order, order)
        return self._suffix[key][0]

    def _prefix(self, x: np.ndarray | None, shift: int) -> np.ndarray:
        """prefix[k] = Σ x_i/N_i (x = 1 when None) over the k openings with the lowest thresholds: those
        we do not win outright at a price between the k-th and the (k+1)-th threshold."""
        key = ("prefix", shift, None if x is None else id(x))
        if key not in self._suffix:
            o = self._order(shift)
            inv = self.inv_rivals(shift)[o]
            v = inv if x is None else x[o] * inv
            self._suffix[key] = (np.concatenate([[0.0], np.cumsum(v)]), x)  # x kept: its id stays unique
        return self._suffix[key][0]

    def won_cost(self, cost: np.ndarray, prices: np.ndarray, shift: int = 0) -> np.ndarray:
        """Σ_i cost_i·W_i(B) for each price B (threshold methods), by suffix/prefix sums in threshold order."""
        key = ("suffix", shift, id(cost))
        if key not in self._suffix:
            c = cost[self._order(shift)]
            self._suffix[key] = (np.concatenate([np.cumsum(c[::-1])[::-1], [0.0]]), cost)
        suffix = self._suffix[key][0]
        k = np.searchsorted(self._sorted(shift), prices, side="right")
        out = suffix[k]
        if self.lam:
            out = (1 - self.lam) * out + self.lam * self._prefix(cost, shift)[k]
        if self.ceiling is not None:
            out = np.where(prices > self.ceiling, 0.0, out)
        return out

    def sorted_thresholds(self, shift: int = 0) -> np.ndarray | None:
        return self._sorted(shift) if self.has_thresholds else None

    def bid_at_benchmark(self) -> np.ndarray | None:
        """基准价法: per opening, the price equal to the benchmark it creates with our own bid in the
        average (B = K·S/(k + 1 − K), ignoring dropped extremes): where our points peak."""
        if self.coef is None:
            return None
        out = np.empty(self.n, dtype=np.float64)
        for s in range(0, self.n, EVAL_BLOCK):
            e = min(self.n, s + EVAL_BLOCK)
            c = self.masked(s, e)
            ok = ~np.isnan(c)
            total = np.where(ok, c, 0).sum(axis=1, dtype=np.float64)
            k = self.coef[s:e]
            out[s:e] = k * total / (ok.sum(axis=1) + 1 - k)
        return out

    def rival_values(self) -> np.ndarray:
        """Every valid rival bid (flattened), for candidate prices (computed once)."""
        key = ("rivals",)
        if key not in self._suffix:
            c = self.masked(0, self.n)
            v = c[~np.isnan(c)].astype(np.float64)
            self._suffix[key] = (v, v)
        return self._suffix[key][0]

    def candidate_quantiles(self, points: int) -> np.ndarray:
        """Quantiles (0 to 1 in `points` steps) of the rivals' bids and of the prices at the benchmark
        our bid would create: where P(win) changes most (computed once per number of points)."""
        key = ("candidates", points)
        if key not in self._suffix:
            qs = np.linspace(0.0, 1.0, points)
            parts = []
            rivals = self.rival_values()
            if rivals.size:
                parts.append(np.quantile(rivals, qs))
            bench = self.bid_at_benchmark()
            if bench is not None:
                bench = bench[np.isfinite(bench)]
                if bench.size:
                    parts.append(np.quantile(bench, qs))
            v = np.concatenate(parts) if parts else np.empty(0)
            self._suffix[key] = (v, v)
        return self._suffix[key][0]


def _pad(a: np.ndarray, width: int) -> np.ndarray:
    """(w, n) → (width, n) with NaN rows added."""
    if a.shape[0] == width:
        return a
    return np.concatenate([a, np.full((width - a.shape[0], a.shape[1]), np.nan)], axis=0)
