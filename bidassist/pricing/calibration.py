"""P(win) calibrated on bid history (issue 11 item 3).

A letting's price level is forecast from earlier years only: the buyer's last letting moved by the
market's drift since then (the all-buyers yearly level), or the market level when the buyer is new.
The forecast's error (bias and sd, in logs) is estimated from the forecasts made for earlier
lettings, so the reference price is a forecast with a stated error, not a point.

Each bid is log price = forecast + e + a_j + ε, e ~ N(bias, σ_e²) the letting's level error shared by
all its bidders, a_j the bidder's own effect and ε ~ N(0, s_j²). a_j and s_j are shrunk towards the
pool (0 and the pooled sd) by `SHRINK_BIDS` pseudo-bids, so a bidder seen rarely is treated almost as
an unknown one. Given our own price, e is updated (our price says something about the letting's
level: the winner's-curse correction), and P(lowest) = E_e[Π_k P(rival k bids above us | e)],
integrated by Gauss–Hermite. The lowest bid is not always awarded: with probability λ (the share of
past lettings where it was not) the award goes to one of the others, so
P(win) = (1 − λ)·P(lowest) + λ·(1 − P(lowest))/N for N rivals.

Finally the predictions are recalibrated (logit P = a + b·logit p, Platt) on the model's own earlier
out-of-sample predictions: before a year is learned, its lettings are predicted and kept with their
outcomes. Those predictions are also the model's out-of-sample score (`oos`), reported whenever the
fit is used.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from scipy.special import ndtr

from bidassist.pricing.competitors import HistoryBid

#: pseudo-bids of shrinkage of a bidder's effect and sd towards the pool
SHRINK_BIDS = 6.0
#: Gauss–Hermite nodes for the letting level
HERMITE_NODES = 32
#: smallest sd used anywhere (logs)
MIN_SD = 0.005
#: forecast error sd assumed before any error has been observed (logs)
PRIOR_LEVEL_SD = 0.10
#: forecast errors needed before their own sd is trusted
MIN_ERRORS = 20
#: years of market drift averaged for the one-year-ahead trend
TREND_YEARS = 3
#: P(win) predictions are kept inside [EPS, 1 − EPS] (log loss is finite)
EPS = 1e-4
#: out-of-sample predictions needed before the recalibration is fitted
MIN_RECALIBRATION = 300
#: Newton steps of a two-parameter logistic fit
NEWTON_STEPS = 50


def logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(p, EPS, 1 - EPS)
    return np.log(q / (1 - q))


def logistic_fit(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(a, b) of P(y = 1) = 1/(1 + exp(−(a + b·x))), by Newton's method."""
    m = np.column_stack([np.ones_like(x), x])
    beta = np.zeros(2)
    for _ in range(NEWTON_STEPS):
        mu = 1 / (1 + np.exp(-(m @ beta)))
        hess = (m * (mu * (1 - mu))[:, None]).T @ m
        step = np.linalg.solve(hess + 1e-9 * np.eye(2), m.T @ (y - mu))
        beta += step
        if np.abs(step).max() < 1e-10:
            break
    return float(beta[0]), float(beta[1])


@dataclass
class Letting:
    tender: str
    year: float
    buyer: str
    bidders: list[str]
    logp: np.ndarray
    won: np.ndarray

    @property
    def level(self) -> float:
        return float(self.logp.mean())


def group_lettings(bids: list[HistoryBid]) -> list[Letting]:
    """Lettings with a year, sorted by year; the buyer defaults to the tender's name."""
    by: dict[str, list[HistoryBid]] = defaultdict(list)
    year_of: dict[str, float] = {}
    for b in bids:
        if b.year is not None:
            by[b.tender].append(b)
            year_of.setdefault(b.tender, b.year)
    out = []
    for tender, bs in by.items():
        out.append(
            Letting(
                tender,
                float(year_of[tender]),
                bs[0].buyer or tender,
                [b.bidder for b in bs],
                np.log(np.array([b.price for b in bs])),
                np.array([b.won for b in bs]),
            )
        )
    out.sort(key=lambda t: (t.year, t.tender))
    return out


@dataclass
class _ErrorStats:
    errors: list[float] = field(default_factory=list)

    def bias_sd(self, fallback_sd: float) -> tuple[float, float]:
        if len(self.errors) < MIN_ERRORS:
            return 0.0, fallback_sd
        e = np.array(self.errors)
        return float(e.mean()), max(float(e.std(ddof=1)), MIN_SD)


@dataclass
class LevelForecaster:
    """The price level of a letting from earlier years (see the module docstring)."""

    buyer_last: dict[str, tuple[float, float]] = field(default_factory=dict)  # buyer -> (year, level)
    year_levels: dict[float, list[float]] = field(default_factory=lambda: defaultdict(list))
    known: _ErrorStats = field(default_factory=_ErrorStats)
    new: _ErrorStats = field(default_factory=_ErrorStats)

    def _market(self) -> dict[float, float]:
        return {y: float(np.mean(v)) for y, v in sorted(self.year_levels.items())}

    def forecast(self, buyer: str, year: float) -> tuple[float, float, bool] | None:
        """(mean, sd, buyer seen before) of the letting's level, or None with no earlier year."""
        market = self._market()
        if not market:
            return None
        years = list(market)
        last = years[-1]
        recent = years[-(TREND_YEARS + 1) :]
        trend = (
            (market[recent[-1]] - market[recent[0]]) / (recent[-1] - recent[0])
            if len(recent) > 1 and recent[-1] > recent[0]
            else 0.0
        )
        ahead = trend * (year - last)
        if buyer in self.buyer_last:
            y0, lvl = self.buyer_last[buyer]
            base = lvl + market[last] - market.get(y0, market[last]) + ahead
            bias, sd = self.known.bias_sd(PRIOR_LEVEL_SD)
            return base + bias, sd, True
        bias, sd = self.new.bias_sd(PRIOR_LEVEL_SD * 1.5)
        return market[last] + ahead + bias, sd, False

    def add_year(self, lettings: list[Letting]) -> None:
        """Record the forecast errors of a year's lettings (made before seeing it), then learn it."""
        for t in lettings:
            f = self.forecast(t.buyer, t.year)
            if f is not None:
                bias = (self.known if f[2] else self.new).bias_sd(0.0)[0]
                (self.known if f[2] else self.new).errors.append(t.level - (f[0] - bias))
        for t in lettings:
            self.year_levels[t.year].append(t.level)
            self.buyer_last[t.buyer] = (t.year, t.level)


@dataclass
class BidderStats:
    """Each bidder's effect (log price − the letting's mean log price) and spread, shrunk to the pool."""

    sums: dict[str, list[float]] = field(default_factory=lambda: defaultdict(lambda: [0.0, 0.0, 0.0]))
    pool: list[float] = field(default_factory=lambda: [0.0, 0.0])

    def add(self, t: Letting) -> None:
        k = t.logp.size
        if k < 2:
            return
        scale = math.sqrt(k / (k - 1))  # residuals from the letting's own mean are narrower
        for name, x in zip(t.bidders, (t.logp - t.logp.mean()) * scale, strict=True):
            s = self.sums[name]
            s[0] += 1
            s[1] += x
            s[2] += x * x
            self.pool[0] += 1
            self.pool[1] += x * x

    @property
    def pool_sd(self) -> float:
        return max(math.sqrt(self.pool[1] / self.pool[0]), MIN_SD) if self.pool[0] else PRIOR_LEVEL_SD / 2

    def effect_sd(self, name: str) -> tuple[float, float]:
        s0 = self.pool_sd
        n, sx, sxx = self.sums.get(name, (0.0, 0.0, 0.0))
        a = sx / (n + SHRINK_BIDS)
        var = (max(sxx - n * (sx / n) ** 2, 0.0) if n else 0.0) + SHRINK_BIDS * s0 * s0
        return a, max(math.sqrt(var / (n + SHRINK_BIDS)), MIN_SD)


@dataclass
class CalibratedModel:
    """Everything learned from the lettings seen so far (walk forward with `add_year`)."""

    levels: LevelForecaster = field(default_factory=LevelForecaster)
    bidders: BidderStats = field(default_factory=BidderStats)
    awards: list[int] = field(default_factory=lambda: [0, 0])  # [lowest not awarded, lettings]
    counts: Counter = field(default_factory=Counter)  # bidders per letting
    raw: list[np.ndarray] = field(default_factory=list)  # out-of-sample logits before recalibration
    final: list[np.ndarray] = field(default_factory=list)  # out-of-sample predictions as made
    outcomes: list[np.ndarray] = field(default_factory=list)
    recalibration: tuple[float, float] = (0.0, 1.0)

    def add_year(self, lettings: list[Letting]) -> None:
        """Predict the year's lettings (out of sample), then learn them."""
        for t in lettings:
            raw = self.p_lowest_mix(t) if t.logp.size >= 2 else None
            if raw is not None:
                self.raw.append(logit(raw))
                self.final.append(self.recalibrate(raw))
                self.outcomes.append(t.won.astype(float))
        if sum(x.size for x in self.raw) >= MIN_RECALIBRATION:
            self.recalibration = logistic_fit(np.concatenate(self.raw), np.concatenate(self.outcomes))
        self.levels.add_year(lettings)
        for t in lettings:
            self.bidders.add(t)
            self.counts[t.logp.size] += 1
            if t.logp.size >= 2 and t.won.any():
                self.awards[1] += 1
                self.awards[0] += int(not t.won[int(np.argmin(t.logp))])

    @property
    def p_lowest_not_awarded(self) -> float:
        """λ with a Jeffreys-style half-count prior."""
        return (self.awards[0] + 0.5) / (self.awards[1] + 1.0)

    def recalibrate(self, p: np.ndarray) -> np.ndarray:
        a, b = self.recalibration
        return np.clip(1 / (1 + np.exp(-(a + b * logit(p)))), EPS, 1 - EPS)

    def p_win(self, t: Letting) -> np.ndarray | None:
        """P(win) of each bidder of letting t at the price it bid, as if it were us; None when no
        earlier year exists."""
        raw = self.p_lowest_mix(t)
        return None if raw is None else self.recalibrate(raw)

    def oos(self) -> tuple[np.ndarray, np.ndarray]:
        """(predictions as made, outcomes) of every letting predicted before it was learned."""
        if not self.final:
            return np.empty(0), np.empty(0)
        return np.concatenate(self.final), np.concatenate(self.outcomes)

    def p_lowest_mix(self, t: Letting) -> np.ndarray | None:
        """P(win) before recalibration (see the module docstring)."""
        f = self.levels.forecast(t.buyer, t.year)
        if f is None:
            return None
        mu_e, sd_e, _ = f
        params = [self.bidders.effect_sd(b) for b in t.bidders]
        a = np.array([p[0] for p in params])
        s = np.array([p[1] for p in params])
        x, w = np.polynomial.hermite_e.hermegauss(HERMITE_NODES)
        w = w / w.sum()
        lam = self.p_lowest_not_awarded
        k = t.logp.size
        out = np.empty(k)
        for i in range(k):
            y0 = t.logp[i]
            prec = 1 / sd_e**2 + 1 / s[i] ** 2
            m = (mu_e / sd_e**2 + (y0 - a[i]) / s[i] ** 2) / prec
            e = m + x / math.sqrt(prec)  # letting level given our own price
            others = np.arange(k) != i
            z = (y0 - e[:, None] - a[None, others]) / s[None, others]
            p_low = float((np.prod(ndtr(-z), axis=1) * w).sum()) if k > 1 else 1.0
            n_rivals = k - 1
            out[i] = (1 - lam) * p_low + (lam * (1 - p_low) / n_rivals if n_rivals else 0.0)
        return np.clip(out, EPS, 1 - EPS)
