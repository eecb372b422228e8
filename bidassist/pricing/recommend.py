"""From simulated cost and competitor bids to a recommended price, a range and the evidence.

Money basis: cost lines are ex VAT. Bids (ours and the competitors') are compared on the tender's
basis: incl. VAT when `vat.included`. At a price B our net revenue is B/(1+VAT) − B·f, f the
financing cost of the payment terms; profit = net revenue − cost, ex VAT. Our cost does not depend
on the competitors' bids in these models, so E[profit | B] = (net(B) − E[C])·P(win | B) and
P(loss if won) = P(C > net(B)); every price of the grid uses the same samples.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal

import numpy as np

from bidassist.core.bidfile import BenchmarkAverage, Bid, LowestPrice, WeightedScore
from bidassist.core.errors import InputError
from bidassist.core.money import round_money
from bidassist.costs.model import CostModel
from bidassist.pricing.competitors import build_model
from bidassist.pricing.cost import financing_factor, simulate_costs
from bidassist.pricing.evaluation import benchmark_average_wins, lowest_price_wins, weighted_score_wins
from bidassist.pricing.result import (
    CostSummary,
    CurvePoint,
    PriceRange,
    PriceResult,
    Recommended,
    SensitivityItem,
)
from bidassist.pricing.sampling import Marginal

COARSE_POINTS = 81
FINE_POINTS = 33
EVAL_BLOCK = 32_768


def _d(x: float) -> Decimal:
    return round_money(Decimal(repr(float(x))))


class _Openings:
    """Simulated bid openings: competitor bids, counts and the evaluation's random parts."""

    def __init__(self, bid: Bid, expected_cost_bb: float, iterations: int, seed: np.random.SeedSequence) -> None:
        p = bid.pricing
        assert p is not None
        self.ev = p.evaluation
        self.ceiling = float(bid.tender.ceiling_price) if bid.tender.ceiling_price is not None else None
        self.model = build_model(p.competitors, expected_cost_bb)
        cols = self.model.max_count + 1
        s_count, s_bids, s_eval = seed.spawn(3)
        self.counts = self.model.sample_counts(np.random.default_rng(s_count), iterations)
        self.bids = self.model.sample_bids(np.random.default_rng(s_bids), iterations, cols)
        rng = np.random.default_rng(s_eval)
        self.other: np.ndarray | float = 0.0
        self.deduction: np.ndarray | float = 0.0
        self.coef: np.ndarray | None = None
        ev = self.ev
        if isinstance(ev, WeightedScore):
            self.other = Marginal.of(ev.competitor_other_points).from_z(
                rng.standard_normal((iterations, cols), dtype=np.float32))
            sme = rng.random((iterations, cols)) < ev.competitor_sme_share
            self.deduction = np.where(sme, np.float32(ev.sme_deduction), np.float32(0))
            self.our_deduction = float(ev.sme_deduction) if bid.bidder.sme else 0.0
        elif isinstance(ev, BenchmarkAverage):
            self.coef = rng.choice(np.array(ev.coefficients, dtype=float), size=iterations)
            if ev.competitor_other_points is not None:
                self.other = Marginal.of(ev.competitor_other_points).from_z(
                    rng.standard_normal((iterations, cols), dtype=np.float32))
            else:
                self.other = float(ev.our_other_points)
        self.n = iterations
        self._fast_min: dict[int, np.ndarray] = {}

    def _masked(self, start: int, stop: int, shift: int) -> np.ndarray:
        b = self.bids[start:stop]
        cols = np.arange(b.shape[1])
        absent = cols[None, :] >= (self.counts[start:stop] + shift)[:, None]
        return np.where(absent, np.float32(np.nan), b)

    def _sl(self, x: np.ndarray | float, start: int, stop: int) -> np.ndarray | float:
        return x[start:stop] if isinstance(x, np.ndarray) else x

    def p_win(self, prices: np.ndarray, shift: int = 0) -> np.ndarray:
        """P(win) at each price, from the same openings."""
        ev = self.ev
        if isinstance(ev, LowestPrice) and ev.abnormal_low_share is None:
            low = self._fast_min.get(shift)
            if low is None:
                m = np.full(self.n, np.inf)
                for s in range(0, self.n, EVAL_BLOCK):
                    c = self._masked(s, s + EVAL_BLOCK, shift)
                    if self.ceiling is not None:
                        c = np.where(c <= self.ceiling, c, np.nan)
                    m[s:s + EVAL_BLOCK] = np.where(np.isnan(c), np.inf, c).min(axis=1)
                low = np.sort(m)
                self._fast_min[shift] = low
            # strictly above our bid: n − #(low ≤ B)
            p = 1 - np.searchsorted(low, prices.astype(np.float64), side="right") / self.n
            if self.ceiling is not None:
                p = np.where(prices > self.ceiling, 0.0, p)
            return p
        wins = np.zeros(len(prices))
        for s in range(0, self.n, EVAL_BLOCK):
            e = min(self.n, s + EVAL_BLOCK)
            c = self._masked(s, e, shift)
            for i, b in enumerate(prices):
                if isinstance(ev, LowestPrice):
                    w = lowest_price_wins(float(b), c, abnormal_low_share=float(ev.abnormal_low_share),
                                          ceiling=self.ceiling)
                elif isinstance(ev, WeightedScore):
                    w = weighted_score_wins(float(b), c, self._sl(self.other, s, e), price_weight=ev.price_weight,
                                            our_other=ev.our_other_points, our_deduction=self.our_deduction,
                                            comp_deduction=self._sl(self.deduction, s, e), ceiling=self.ceiling)
                else:
                    w = benchmark_average_wins(
                        float(b), c, self.coef[s:e], self._sl(self.other, s, e),
                        drop_extremes_from=ev.drop_extremes_from, per_pct_above=ev.points_per_pct_above,
                        per_pct_below=ev.points_per_pct_below, full_points=ev.full_points,
                        our_other=ev.our_other_points, ceiling=self.ceiling)
                wins[i] += np.count_nonzero(w)
        return wins / self.n


def _vertex(x: np.ndarray, y: np.ndarray, lo: float, hi: float) -> float | None:
    """Vertex of a least-squares parabola through (x, y) when it is concave and inside [lo, hi]."""
    if x.size < 5:
        return None
    xc = (x - x.mean()) / (x.std() or 1)
    a, b, _ = np.polyfit(xc, y, 2)
    if a >= 0:
        return None
    v = -b / (2 * a) * (x.std() or 1) + x.mean()
    return float(v) if lo <= v <= hi and x.min() <= v <= x.max() else None


def price_bid(bid: Bid, costs: CostModel, *, iterations: int | None = None, seed: int | None = None,
              progress: Callable[[int, int], None] | None = None) -> PriceResult:
    """Monte Carlo price recommendation for a bid (see README, "Pricing")."""
    p = bid.pricing
    if p is None:
        raise InputError("the bid file has no pricing section (pricing: competitors: ... evaluation: ...)",
                         str(bid.source) if bid.source else None)
    n = p.iterations if iterations is None else iterations
    if n < 1:
        raise InputError(f"iterations must be at least 1, got {n}", "iterations")
    seed_val = p.seed if seed is None else seed
    warnings: list[str] = []
    notes: list[str] = []
    if seed_val is None:
        warnings.append("no seed: results differ from run to run / 未指定随机种子，结果不可复现")
    ss = np.random.SeedSequence(seed_val)
    s_cost, s_comp = ss.spawn(2)
    total_work = 2 * n

    def tick(done: int) -> None:
        if progress:
            progress(done, total_work)

    cost = simulate_costs(costs, p, n, s_cost, progress=tick)
    warnings += cost.warnings
    notes += cost.notes
    vat = float(p.vat.rate) if p.vat else 0.0
    kv = 1 + vat if (p.vat and p.vat.included) else 1.0
    f, fnotes = financing_factor(p.payment_terms, bid.tender.duration_days)
    notes += fnotes
    g = 1 / kv - f  # net revenue ex VAT per unit of bid price
    if g <= 0:
        raise InputError("the payment terms' financing cost exceeds the price; check payment_terms.annual_rate",
                         "pricing.payment_terms")
    mean_c = cost.mean
    sorted_c = np.sort(cost.total)
    expected_bb = mean_c * kv
    basis = ("incl. VAT" if kv > 1 else "ex VAT") + ", overhead and management fee included"
    notes.append(f"cost and prices are on the bids' basis ({basis}); profit and margin are ex VAT"
                 + (f", after {f:.2%} financing cost" if f else ""))
    notes.append("ties are counted as lost bids (we must beat every other bid strictly)")
    openings = _Openings(bid, expected_bb, n, s_comp)
    tick(2 * n)
    warnings += openings.model.fit.warnings if openings.model.fit else []
    ceiling = openings.ceiling
    pol = p.policy
    bid_cost = float(p.bid_cost)

    # --- the policy's floor (cost side, known from the cost samples)
    q_loss = float(np.quantile(sorted_c, 1 - pol.max_loss_probability)) if pol.max_loss_probability < 1 else -math.inf
    breakeven = mean_c / g
    floor_margin = (1 + pol.min_margin) * mean_c / g
    range_low = max(breakeven, floor_margin, q_loss / g)
    if floor_margin < breakeven:
        warnings.append(
            f"policy.min_margin {pol.min_margin} would allow a price below the expected cost; the range starts at "
            "the expected cost: a bid below cost is unlawful (招标投标法 art. 33 不得以低于成本的价格竞标)")

    def curve_at(prices: np.ndarray, shift: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        pw = openings.p_win(prices, shift)
        net = prices * g
        profit = (net - mean_c) * pw - bid_cost
        ploss = 1 - np.searchsorted(sorted_c, net, side="right") / n
        return pw, profit, ploss

    comp_vals = openings.bids[np.isfinite(openings.bids)]
    q_lo, q_hi = (np.quantile(comp_vals, [0.002, 0.998]) if comp_vals.size else (breakeven, breakeven))
    lo = max(0.0, min(0.9 * breakeven, float(q_lo)))
    hi = ceiling if ceiling is not None else max(float(q_hi), breakeven) * 1.3
    if hi <= lo:
        hi = lo * 1.5 + 1

    def optimise(shift: int) -> tuple[float, float, float, float, bool, np.ndarray, tuple]:
        grid = np.unique(np.concatenate([np.linspace(lo, hi, COARSE_POINTS), [range_low]]))
        pw, prof, ploss = curve_at(grid, shift)
        ok_win = pw > pol.min_win_probability
        high = range_low
        if ok_win.any():
            last = int(np.nonzero(ok_win)[0].max())
            high = float(grid[last])
            if last + 1 < grid.size and pw[last] > pw[last + 1]:
                t = (pw[last] - pol.min_win_probability) / (pw[last] - pw[last + 1])
                high = float(grid[last] + t * (grid[last + 1] - grid[last]))
        if ceiling is not None:
            high = min(high, ceiling)
        feasible = (grid >= range_low - 1e-9) & (grid <= high + 1e-9) & ok_win
        satisfied = bool(feasible.any()) and high >= range_low
        if not satisfied:
            feasible = grid >= breakeven - 1e-9
            if ceiling is not None:
                feasible &= grid <= ceiling
        if not feasible.any():
            return range_low, 0.0, -bid_cost, high, False, grid, (pw, prof, ploss)
        idx = np.nonzero(feasible)[0]
        best = int(idx[np.argmax(prof[idx])])
        step = (hi - lo) / (COARSE_POINTS - 1)
        a = max(float(grid[best]) - 2 * step, float(grid[idx].min()))
        b = min(float(grid[best]) + 2 * step, float(grid[idx].max()))
        price = float(grid[best])
        if b > a:
            fine = np.linspace(a, b, FINE_POINTS)
            fpw, fprof, _ = curve_at(fine, shift)
            price = float(fine[np.argmax(fprof)])
            v = _vertex(fine, fprof, a, b)
            if v is not None:
                price = v
        price = float(round_money(Decimal(repr(price))))
        ppw, pprof, _ = curve_at(np.array([price]), shift)
        return price, float(ppw[0]), float(pprof[0]), high, satisfied, grid, (pw, prof, ploss)

    price, pw_star, prof_star, range_high, satisfied, grid, (pw, prof, ploss) = optimise(0)
    if not satisfied:
        lawful = pw[grid >= breakeven - 1e-9]
        if lawful.size == 0 or lawful.max() <= 0:
            warnings.append("P(win) is 0 at every price at or above our expected cost: the competitors are certain "
                            "to bid below it. Do not bid at this cost, or revisit the cost and competitor inputs "
                            "/ 对手报价均低于我方成本，任何合法报价都无法中标")
        else:
            warnings.append(
                f"no price satisfies the policy (min margin {pol.min_margin}, max P(loss if won) "
                f"{pol.max_loss_probability}, min P(win) {pol.min_win_probability}): the floor is "
                f"{range_low:,.2f} but P(win) falls below {pol.min_win_probability} at {range_high:,.2f}. "
                "The price shown maximises expected profit at or above the expected cost, ignoring the policy "
                "/ 没有满足报价策略的价格")
        range_high = max(range_high, range_low)
    if ceiling is not None and range_low > ceiling:
        warnings.append(f"the policy's lowest price {range_low:,.2f} is above the ceiling price {ceiling:,.2f}: "
                        "any bid above the ceiling is rejected (实施条例 art. 51(5))")
    if ceiling is not None and price >= ceiling - 0.01:
        notes.append("the recommended price is the ceiling price (最高投标限价): expected profit still rises "
                     "there, so the ceiling, not the competitors, limits the price")
    net = price * g
    ploss_star = float(1 - np.searchsorted(sorted_c, net, side="right") / n)
    margin = (net - mean_c) / mean_c if mean_c else 0.0

    # --- cost percentiles on the bids' basis
    qs = np.quantile(sorted_c, [0.1, 0.5, 0.8, 0.9]) * kv
    likely_bb = cost.likely * kv
    at_likely = float(np.searchsorted(sorted_c, cost.likely, side="right") / n)
    notes.append(f"the likely (base) estimate {likely_bb:,.2f} is at P{at_likely * 100:.0f} of the cost S-curve")
    cost_summary = CostSummary(mean=_d(expected_bb), p10=_d(qs[0]), p50=_d(qs[1]), p80=_d(qs[2]), p90=_d(qs[3]),
                               likely=_d(likely_bb), basis=basis)
    probs = np.linspace(0.01, 0.99, 99)
    s_curve = [(round(float(pr), 2), _d(v * kv)) for pr, v in zip(probs, np.quantile(sorted_c, probs), strict=True)]

    # --- sensitivity: tornado and one competitor more / fewer
    var_t = float(cost.total.var())
    sens: list[SensitivityItem] = []
    items = sorted(cost.items, key=lambda it: -abs(it.share(var_t)))
    for it in items[:20]:
        sens.append(SensitivityItem(kind=it.kind, name=it.name, code=it.code,
                                    share_of_variance=it.share(var_t) if var_t > 0 else 0.0,
                                    sd=_d(math.sqrt(max(it.cov, 0.0)) * kv)))
    for shift in (+1, -1):
        if int(openings.counts.min()) + shift < 1 and shift < 0:
            if int(openings.model.count_values.min()) + shift < 1:
                notes.append("one competitor fewer: some openings would have no competitor at all")
        sp, spw, _, _, _, _, _ = optimise(shift)
        sens.append(SensitivityItem(kind="competitors", name=f"{shift:+d} competitor", count_change=shift,
                                    recommended_price=_d(sp), p_win=spw))

    curve = [CurvePoint(price=_d(b), p_win=float(a), expected_profit=_d(c), p_loss_if_won=float(d),
                        profit_if_won=_d(b * g - mean_c))
             for b, a, c, d in zip(grid, pw, prof, ploss, strict=True)]
    model = openings.model
    inputs = {
        "iterations": n, "seed": seed_val, "cost_lines": len(costs.lines), "risks": len(p.risks),
        "currency": bid.tender.currency, "method": p.evaluation.method,
        "competitors": model.description,
        "competitor_count": {"values": [int(v) for v in model.count_values],
                             "weights": [round(float(w), 6) for w in model.count_weights]},
        "vat": {"rate": vat, "included": bool(p.vat and p.vat.included)},
        "overhead": float(p.overhead), "management_fee": float(p.management_fee),
        "financing_cost_share": round(f, 6), "bid_cost": str(round_money(p.bid_cost)),
        "expected_cost_ex_vat": str(_d(mean_c)), "break_even_price": str(_d(breakeven)),
        "ceiling_price": str(round_money(Decimal(repr(ceiling)))) if ceiling is not None else None,
        "correlation": p.correlation.model_dump(),
        "policy": pol.model_dump(),
    }
    if model.fit:
        inputs["history_fit"] = model.fit.summary()
    return PriceResult(
        recommended=Recommended(price=_d(price), p_win=pw_star, expected_profit=_d(prof_star), margin=margin,
                                p_loss_if_won=ploss_star, profit_if_won=_d(net - mean_c)),
        range=PriceRange(low=_d(range_low), high=_d(max(range_high, range_low) if satisfied else range_high)),
        cost=cost_summary, contingency=_d(qs[2] - likely_bb), curve=curve, s_curve=s_curve,
        sensitivity=sens, policy_satisfied=satisfied, warnings=warnings, notes=notes, inputs=inputs)
