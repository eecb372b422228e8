"""From simulated cost and competitor bids to a recommended price, its uncertainty and a decision.

Money basis: cost lines are ex VAT. Bids (ours and the competitors') are compared on the tender's
basis: incl. VAT when `vat.included`. At a price B the NPV at signing is g·B − h·C − bid cost
(`breakeven.py`); our cost does not depend on the competitors' bids in these models, so
E[profit | B] = (g·B − h·E[C])·P(win | B) − bid cost with the exact E[C], and
P(loss if won) = P(h·C > g·B). Every price is evaluated on the same openings.

Steps: simulate → the policy's floor and ceiling → optimise (optimise.py) → re-estimate at the
chosen price on fresh openings, near-optimal band, convergence (uncertainty.py) → decision
(decision.py) → sensitivity, curve, cost summary → the result.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np

from bidassist.core.bidfile import Bid, Policy, SharedDriver
from bidassist.core.errors import InputError
from bidassist.costs.model import CostModel
from bidassist.pricing.breakeven import Economics, economics
from bidassist.pricing.cost import CostSim, simulate_costs
from bidassist.pricing.decision import decide, inputs_hash
from bidassist.pricing.openings import Openings
from bidassist.pricing.optimise import Objective, Optimum, expected_profit, lattice_bounds, optimise
from bidassist.pricing.result import (
    Band,
    Convergence,
    CostSummary,
    CurvePoint,
    Decision,
    PriceRange,
    PriceResult,
    Recommended,
    SensitivityItem,
)
from bidassist.pricing.uncertainty import AtPrice, BandFinder, at_price, convergence, coupled_at_price

#: points of the reported price curve
CURVE_POINTS = 81
#: rival bids above this quantile do not widen the search or the curve
RIVAL_TOP_QUANTILE = 0.998
#: rival bids below this quantile do not widen the curve
RIVAL_LOW_QUANTILE = 0.002
#: with no ceiling price, the search goes this far above the highest plausible rival bid
NO_CEILING_SPAN = 1.3
#: with no ceiling and openings without any rival, the search stops at this × break-even
UNBOUNDED_FACTOR = 3.0
#: the curve shows prices from this share of break-even
CURVE_FLOOR_SHARE = 0.9
#: the curve extends this far beyond the last interesting price
CURVE_HEADROOM = 1.1
#: cost percentiles reported
COST_PERCENTILES = (0.1, 0.5, 0.8, 0.9)
#: largest cost lines and risks listed in the tornado
TORNADO_ITEMS = 20


class Driver:
    """The shared driver (issue 11 item 7): an index I = exp(sd·z − sd²/2), mean 1, per iteration;
    our cost is C·(1 − s_c + s_c·I) and every rival bid b·(1 − s_b + s_b·I) in the same iteration,
    so a cheap market makes both our cost and the rivals' bids low (the winner's curse when s_b > s_c)."""

    def __init__(
        self, spec: SharedDriver, n: int, seed: np.random.SeedSequence, fresh_seed: np.random.SeedSequence
    ) -> None:
        self.spec = spec
        self.z = np.random.default_rng(seed).standard_normal(n)
        self.z_fresh = np.random.default_rng(fresh_seed).standard_normal(n)
        self.note = (
            f"shared driver: an index with sd {spec.sd:.3f} (logs) moves {spec.cost_share:.0%} of our cost "
            f"and {spec.bid_share:.0%} of the rivals' bids together / 共同驱动因素同时影响成本与对手报价"
        )

    def _index(self, z: np.ndarray) -> np.ndarray:
        sd = self.spec.sd
        return np.exp(sd * z - sd * sd / 2)

    def cost(self, z: np.ndarray) -> np.ndarray:
        return 1 - self.spec.cost_share + self.spec.cost_share * self._index(z)

    def bids(self, z: np.ndarray) -> np.ndarray:
        return 1 - self.spec.bid_share + self.spec.bid_share * self._index(z)


@dataclass
class _Run:
    """Everything simulated once and shared by the steps."""

    bid: Bid
    econ: Economics
    cost: CostSim
    sorted_cost: np.ndarray  # h·C, sorted (ex VAT, PV at signing)
    openings: Openings
    obj: Objective
    n: int
    seed: int | None
    step: float
    ceiling: float | None
    fresh_seed: np.random.SeedSequence
    lines: int
    driver: Driver | None
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _simulate(
    bid: Bid, costs: CostModel, n: int, seed_val: int | None, progress: Callable[[int, int], None] | None
) -> _Run:
    p = bid.pricing
    assert p is not None
    econ = economics(bid, costs)
    ss = np.random.SeedSequence(seed_val)
    s_cost, s_comp, s_fresh, s_driver, s_driver_fresh = ss.spawn(5)

    def tick(done: int) -> None:
        if progress:
            progress(done, 2 * n)

    cost = simulate_costs(costs, p, n, s_cost, progress=tick)
    drv = Driver(p.shared_driver, n, s_driver, s_driver_fresh) if p.shared_driver else None
    openings = Openings(bid, econ.expected_cost_bb, n, s_comp, driver=drv.bids(drv.z) if drv else None)
    tick(2 * n)
    obj = Objective(
        econ.g,
        econ.h * econ.expected_cost,
        econ.bid_cost,
        cost.total * econ.h * drv.cost(drv.z) if drv else None,
    )
    run = _Run(
        bid,
        econ,
        cost,
        _sorted_cost(cost, econ.h, obj.cost),
        openings,
        obj,
        n,
        seed_val,
        float(p.price_step),
        openings.ceiling,
        s_fresh,
        len(costs.lines),
        drv,
        list(cost.warnings),
        list(cost.notes),
    )
    if drv:
        run.notes.append(drv.note)
    run.warnings += openings.model.fit.warnings if openings.model.fit else []
    if seed_val is None:
        run.warnings.append("no seed: results differ from run to run / 未指定随机种子，结果不可复现")
    basis = ("incl. VAT" if econ.vat_factor > 1 else "ex VAT") + ", overhead and management fee included"
    run.notes.append(
        f"cost and prices are on the bids' basis ({basis}); profit and margin are ex VAT"
        + (", as NPV at contract signing" if p.payment_terms else "")
    )
    run.notes += econ.finance.notes
    run.notes.append("ties are counted as lost bids (we must beat every other bid strictly)")
    return run


def _sorted_cost(cost: CostSim, h: float, coupled: np.ndarray | None) -> np.ndarray:
    """h·C sorted. The sorted total is kept on the simulation for the cost summary: multiplying by
    h > 0 keeps the order (rounding is monotone), so one sort serves both."""
    if coupled is not None:
        return np.sort(coupled)
    return cost.sorted_total() * h if h > 0 else np.sort(cost.total * h)


# --------------------------------------------------------------------------- bounds


def _policy_floor(run: _Run, pol: Policy) -> float:
    """range.low: break-even, the policy margin and the P(loss if won) limit, whichever is highest."""
    e = run.econ
    q_loss = (
        float(np.quantile(run.sorted_cost, 1 - pol.max_loss_probability)) / e.g
        if pol.max_loss_probability < 1
        else -math.inf
    )
    floor_margin = (1 + pol.min_margin) * e.break_even
    if floor_margin < e.break_even:
        run.warnings.append(
            f"policy.min_margin {pol.min_margin} would allow a price below the expected cost; the range starts at "
            "the expected cost: a bid below cost is unlawful (招标投标法 art. 33 不得以低于成本的价格竞标)"
        )
    return max(e.break_even, floor_margin, q_loss, _cvar_floor(run, pol))


def _cvar_floor(run: _Run, pol: Policy) -> float:
    """The lowest price whose CVaR of the loss if won is within the limit: loss = h·C − g·B, so
    CVaR_α(loss) = CVaR_α(h·C) − g·B ≤ L  ⇔  B ≥ (CVaR_α(h·C) − L)/g."""
    if pol.max_cvar_loss is None:
        return -math.inf
    c = run.sorted_cost
    k = min(c.size - 1, int(math.floor(pol.cvar_level * c.size)))
    cvar = float(c[k:].mean())
    return (cvar - float(pol.max_cvar_loss)) / run.econ.g


def _search_high(run: _Run, shift: int = 0) -> tuple[float, bool]:
    """Upper bound of the search: the ceiling, else past every threshold / plausible rival bid.
    Second value: True when profit keeps rising without a bound (openings with no rival, no ceiling)."""
    if run.ceiling is not None:
        return run.ceiling, False
    ts = run.openings.sorted_thresholds(shift)
    base = run.econ.break_even
    if ts is not None:
        finite = ts[np.isfinite(ts)]
        top = float(finite[-1]) + run.step if finite.size else base
        if finite.size < ts.size:
            return max(top, base * UNBOUNDED_FACTOR), True
        return max(top, base), False
    rivals = run.openings.rival_values()
    top = float(np.quantile(rivals, RIVAL_TOP_QUANTILE)) if rivals.size else base
    return max(top, base) * NO_CEILING_SPAN, False


def _policy_high(run: _Run, low: float, high: float, p_min: float) -> float:
    """range.high: the highest price with P(win) > min_win_probability (a supremum), ≤ high."""
    ts = run.openings.sorted_thresholds()
    if ts is not None:
        c = math.ceil(run.n * (1 - p_min) - 1e-9) - 1
        sup = float(ts[c]) if 0 <= c < ts.size else (math.inf if c >= ts.size else -math.inf)
        return min(sup, high)
    grid = np.linspace(low, high, CURVE_POINTS)
    ok = run.openings.p_win(grid) > p_min
    if not ok.any():
        return low if run.openings.p_win(np.array([low]))[0] > p_min else -math.inf
    i = int(np.nonzero(ok)[0].max())
    if i + 1 >= grid.size:
        return high
    a, b = float(grid[i]), float(grid[i + 1])
    for _ in range(30):
        mid = (a + b) / 2
        a, b = (mid, b) if run.openings.p_win(np.array([mid]))[0] > p_min else (a, mid)
    return a


@dataclass
class _Choice:
    chosen: Optimum | None  # within the policy range when it can be met, else the lawful best
    lawful: Optimum | None  # the best price at or above break-even (ignores the policy)
    range_low: float
    range_high: float
    satisfied: bool
    high: float
    unbounded: bool


def _choose(run: _Run, pol: Policy) -> _Choice:
    high, unbounded = _search_high(run)
    range_low = _policy_floor(run, pol)
    range_high = _policy_high(run, range_low, high, pol.min_win_probability)
    lawful = optimise(run.openings, run.obj, run.econ.break_even, high, run.step)
    chosen = None
    top = min(range_high, high)  # −inf where no price meets the policy's P(win)
    lo, hi = lattice_bounds(range_low, top, run.step) if math.isfinite(top) else (0.0, -math.inf)
    if hi >= lo and range_high > range_low:
        chosen = optimise(run.openings, run.obj, range_low, min(range_high - 1e-9 * run.step, high), run.step)
    satisfied = chosen is not None and chosen.p_win > pol.min_win_probability
    if unbounded:
        run.warnings.append(
            f"some simulated openings have no competitor and there is no ceiling price: expected profit rises "
            f"without limit, the search stops at {high:,.2f}; give tender.ceiling_price "
            "/ 无最高限价且可能无人竞争，期望利润无上限"
        )
    return _Choice(chosen if satisfied else lawful, lawful, range_low, range_high, satisfied, high, unbounded)


# --------------------------------------------------------------------------- uncertainty


def _fresh_estimates(run: _Run, price: float) -> AtPrice:
    """P(win) at the chosen price on openings not used to choose it."""
    drv = run.driver
    fresh = Openings(
        run.bid,
        run.econ.expected_cost_bb,
        run.n,
        run.fresh_seed,
        model=run.openings.model,
        driver=drv.bids(drv.z_fresh) if drv else None,
    )
    if drv is not None:
        obj = replace(run.obj, cost=run.cost.total * run.econ.h * drv.cost(drv.z_fresh))
        return coupled_at_price(price, fresh.wins(price), obj)
    pw = float(fresh.p_win(np.array([price]))[0])
    return at_price(price, pw, run.n, run.obj, run.sorted_cost)


def _band(run: _Run, best: Optimum | None, share: float, curve: np.ndarray) -> tuple[float, float]:
    if best is None:
        return run.econ.break_even, run.econ.break_even
    finder = BandFinder(run.openings, run.obj, best.price, share)
    b = finder.band(curve[(curve >= run.econ.break_even) & (curve <= (run.ceiling or math.inf))])
    return b.low, b.high


# --------------------------------------------------------------------------- reporting pieces


def _money(x: float, decimals: int) -> Decimal:
    q = Decimal(1).scaleb(-decimals)
    return Decimal(repr(float(x))).quantize(q, rounding=ROUND_HALF_UP)


def _curve_grid(run: _Run, ch: _Choice, extra: list[float]) -> np.ndarray:
    e = run.econ
    rivals = run.openings.rival_values()
    lo_q, hi_q = (
        np.quantile(rivals, [RIVAL_LOW_QUANTILE, RIVAL_TOP_QUANTILE])
        if rivals.size
        else (e.break_even, e.break_even)
    )
    lo = max(0.0, min(CURVE_FLOOR_SHARE * e.break_even, float(lo_q)))
    hi = min(ch.high, max(float(hi_q), e.break_even, *extra) * CURVE_HEADROOM)
    if hi <= lo:
        hi = lo * 1.5 + 1
    pts = [p for p in extra if lo <= p <= hi]
    return np.unique(np.concatenate([np.linspace(lo, hi, CURVE_POINTS), pts]))


def _curve(run: _Run, grid: np.ndarray, dp: int) -> list[CurvePoint]:
    pw, prof = expected_profit(run.openings, run.obj, grid)
    net = grid * run.obj.g
    ploss = 1 - np.searchsorted(run.sorted_cost, net, side="right") / run.n
    return [
        CurvePoint(
            price=_money(b, dp),
            p_win=float(a),
            expected_profit=_money(c, dp),
            p_loss_if_won=float(d),
            profit_if_won=_money(b * run.obj.g - run.obj.mean_cost, dp),
        )
        for b, a, c, d in zip(grid, pw, prof, ploss, strict=True)
    ]


def _sensitivity(run: _Run, dp: int) -> list[SensitivityItem]:
    cost = run.cost
    kv = run.econ.vat_factor
    var_t = float(cost.total.var())
    out: list[SensitivityItem] = []
    for it in sorted(cost.items, key=lambda it: -abs(it.share(var_t)))[:TORNADO_ITEMS]:
        out.append(
            SensitivityItem(
                kind=it.kind,
                name=it.name,
                code=it.code,
                share_of_variance=it.share(var_t) if var_t > 0 else 0.0,
                sd=_money(math.sqrt(max(it.cov, 0.0)) * kv, dp),
            )
        )
    for shift in (+1, -1):
        high, unbounded = _search_high(run, shift)
        opt = optimise(run.openings, run.obj, run.econ.break_even, high, run.step, shift)
        if unbounded or opt is None:
            why = (
                "no competitor would be left in some openings and there is no ceiling price: any price wins"
                if unbounded
                else "no lawful price"
            )
            run.notes.append(f"{shift:+d} competitor: {why} / 对手{shift:+d}：无法给出建议价")
            out.append(SensitivityItem(kind="competitors", name=f"{shift:+d} competitor", count_change=shift))
            continue
        out.append(
            SensitivityItem(
                kind="competitors",
                name=f"{shift:+d} competitor",
                count_change=shift,
                recommended_price=_money(opt.price, dp),
                p_win=opt.p_win,
            )
        )
    return out


def _cost_summary(run: _Run, dp: int) -> tuple[CostSummary, list[tuple[float, Decimal]], Decimal]:
    cost, kv = run.cost, run.econ.vat_factor
    sorted_c = cost.sorted_total()
    qs = np.quantile(sorted_c, COST_PERCENTILES) * kv
    likely_bb = cost.likely * kv
    at_likely = float(np.searchsorted(sorted_c, cost.likely, side="right") / run.n)
    run.notes.append(
        f"the likely (base) estimate {likely_bb:,.2f} is at P{at_likely * 100:.0f} of the cost S-curve"
    )
    basis = ("incl. VAT" if kv > 1 else "ex VAT") + ", overhead and management fee included"
    mean = run.econ.expected_cost_bb_exact.quantize(Decimal(1).scaleb(-dp), rounding=ROUND_HALF_UP)
    summary = CostSummary(
        mean=mean,
        p10=_money(qs[0], dp),
        p50=_money(qs[1], dp),
        p80=_money(qs[2], dp),
        p90=_money(qs[3], dp),
        likely=_money(likely_bb, dp),
        basis=basis,
    )
    probs = np.linspace(0.01, 0.99, 99)
    s_curve = [
        (round(float(pr), 2), _money(v * kv, dp))
        for pr, v in zip(probs, np.quantile(sorted_c, probs), strict=True)
    ]
    return summary, s_curve, _money(qs[2] - likely_bb, dp)


def _explain_position(run: _Run, ch: _Choice, price: float, band: tuple[float, float]) -> None:
    """One sentence when the recommended price is outside the policy range or the band."""
    if not ch.satisfied:
        run.warnings.append(
            f"no price satisfies the policy: the floor is {ch.range_low:,.2f} but P(win) falls to the minimum at "
            f"{ch.range_high:,.2f}; the price shown maximises expected profit at or above break-even, ignoring "
            "the policy / 没有满足报价策略的价格"
        )
    elif not band[0] - run.step <= price <= band[1] + run.step:
        run.notes.append(
            f"the recommended price is outside the near-optimal band ({band[0]:,.2f}–{band[1]:,.2f}) "
            "because the policy range excludes the band / 报价策略排除了近优区间"
        )
    if run.ceiling is not None and price >= run.ceiling - run.step:
        run.notes.append(
            "the recommended price is the ceiling price (最高投标限价): expected profit still rises "
            "there, so the ceiling, not the competitors, limits the price"
        )


def _inputs(run: _Run, ch: _Choice, dp: int) -> dict:
    p = run.bid.pricing
    assert p is not None
    model, e = run.openings.model, run.econ
    inputs: dict[str, Any] = {
        "iterations": run.n,
        "seed": run.seed,
        "cost_lines": run.lines,
        "risks": len(p.risks),
        "currency": run.bid.tender.currency,
        "method": p.evaluation.method,
        "competitors": model.description,
        "competitor_count": {
            "values": [int(v) for v in model.count_values],
            "weights": [round(float(w), 6) for w in model.count_weights],
        },
        "vat": {"rate": float(p.vat.rate) if p.vat else 0.0, "included": bool(p.vat and p.vat.included)},
        "overhead": float(p.overhead),
        "management_fee": float(p.management_fee),
        "financing_cost_share": round(e.finance.cost_share, 6),
        "spending_pv_factor": round(e.h, 6),
        "bid_cost": str(_money(float(p.bid_cost), dp)),
        "expected_cost_ex_vat": str(_money(e.expected_cost, dp)),
        "break_even_price": str(_money(e.break_even, dp)),
        "ceiling_price": str(_money(run.ceiling, dp)) if run.ceiling is not None else None,
        "price_step": str(p.price_step),
        "optimiser": ch.chosen.method if ch.chosen else None,
        "correlation": p.correlation.model_dump(),
        "policy": p.policy.model_dump(),
    }
    if model.fit:
        inputs["history_fit"] = model.fit.summary()
        if model.fit.out_of_sample:
            inputs["history_fit_out_of_sample"] = model.fit.out_of_sample
            oos = model.fit.out_of_sample
            if "brier" in oos:
                run.notes.append(
                    f"history fit, walk-forward out of sample on {oos['n_bids']:,} past bids: Brier {oos['brier']:.4f}"
                    f" (1/N {oos['one_over_n']['brier']:.4f}), log loss {oos['log_loss']:.4f} (1/N "
                    f"{oos['one_over_n']['log_loss']:.4f}), calibration slope {oos['calibration_slope']:.2f}"
                )
        inputs["reference_level_sd"] = round(model.level_sd, 6)
    return inputs


def price_bid(
    bid: Bid,
    costs: CostModel,
    *,
    iterations: int | None = None,
    seed: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> PriceResult:
    """Monte Carlo price recommendation for a bid (see README, "Pricing")."""
    p = bid.pricing
    if p is None:
        raise InputError(
            "the bid file has no pricing section (pricing: competitors: ... evaluation: ...)",
            str(bid.source) if bid.source else None,
        )
    n = p.iterations if iterations is None else iterations
    if n < 1:
        raise InputError(f"iterations must be at least 1, got {n}", "iterations")
    try:
        return _price(bid, costs, n, p.seed if seed is None else seed, progress)
    except MemoryError:
        # the simulation holds every iteration (about 0.6 KB each): a clear refusal, not a crash
        raise InputError(
            f"not enough memory for {n:,} Monte Carlo iterations; use fewer / 内存不足，请减少迭代次数",
            "--iterations" if iterations is not None else "pricing.iterations",
        ) from None


def _price(
    bid: Bid,
    costs: CostModel,
    n: int,
    seed: int | None,
    progress: Callable[[int, int], None] | None,
) -> PriceResult:
    p = bid.pricing
    assert p is not None
    run = _simulate(bid, costs, n, seed, progress)
    dp = max(2, -int(p.price_step.normalize().as_tuple().exponent))
    ch = _choose(run, p.policy)
    e = run.econ
    price = (
        ch.chosen.price if ch.chosen else lattice_bounds(e.break_even, e.break_even, run.step)[0] + run.step
    )
    est = _fresh_estimates(run, price)
    grid = _curve_grid(run, ch, [price, e.break_even, ch.range_low] + ([run.ceiling] if run.ceiling else []))
    band = _band(run, ch.lawful, p.near_optimal_share, grid)
    conv = convergence(est, p.near_optimal_share)
    if conv.message:
        run.warnings.append(conv.message)
    best = ch.lawful.expected_profit if ch.lawful else -e.bid_cost
    any_win = ch.lawful is not None and ch.lawful.p_win > 0
    dec = decide(
        break_even=e.break_even,
        ceiling=run.ceiling,
        best_profit=best,
        any_win=any_win,
        policy_satisfied=ch.satisfied,
    )
    if not conv.converged:
        dec = replace(
            dec,
            reason=f"not converged ({n:,} iterations, about {conv.iterations_needed:,} needed), so "
            f"this status is not reliable: {dec.reason}",
        )
    if dec.status != "bid":
        run.warnings.append(dec.reason)
    _explain_position(run, ch, price, band)
    summary, s_curve, contingency = _cost_summary(run, dp)
    sens = _sensitivity(run, dp)
    curve = _curve(run, np.unique(np.concatenate([grid, band])), dp)
    net = price * e.g
    rec = Recommended(
        price=_money(price, dp),
        p_win=est.p_win,
        expected_profit=_money(est.expected_profit, dp),
        margin=(net - run.obj.mean_cost) / run.obj.mean_cost if run.obj.mean_cost else 0.0,
        p_loss_if_won=est.p_loss_if_won,
        profit_if_won=_money(net - run.obj.mean_cost, dp),
        p_win_se=est.p_win_se,
        expected_profit_se=est.expected_profit_se,
        p_loss_if_won_se=est.p_loss_if_won_se,
        p_win_search=ch.chosen.p_win if ch.chosen else 0.0,
    )
    range_high = max(ch.range_high, ch.range_low) if math.isfinite(ch.range_high) else ch.range_low
    return PriceResult(
        recommended=rec,
        range=PriceRange(low=_money(ch.range_low, dp), high=_money(min(range_high, ch.high), dp)),
        band=Band(low=_money(band[0], dp), high=_money(band[1], dp), share=p.near_optimal_share),
        convergence=Convergence(
            converged=conv.converged, iterations=n, iterations_needed=conv.iterations_needed
        ),
        decision=Decision(status=dec.status, reason=dec.reason),
        inputs_hash=inputs_hash(bid, costs, iterations=n, seed=run.seed),
        decimals=dp,
        cost=summary,
        contingency=contingency,
        curve=curve,
        s_curve=s_curve,
        sensitivity=sens,
        policy_satisfied=ch.satisfied,
        warnings=run.warnings,
        notes=run.notes,
        inputs=_inputs(run, ch, dp),
    )
