"""The BG/NBD repeat-purchase model (Fader, Hardie & Lee 2005, "Counting your customers the easy
way"): from each customer's number of repeat orders `x`, the time of the last one `t_x` and the
length of observation `T` (all in the same time unit, measured from the first order), it gives the
expected number of orders in a future period and the probability that the customer is still
"alive" (still buying from us).

While alive a customer orders as a Poisson process with rate λ ~ Gamma(r, α); after each order it
becomes inactive with probability p ~ Beta(a, b). The four parameters are fitted by maximum
likelihood over all customers (formula (6) of the paper), on the logarithm of each parameter so
that they stay positive.

Checked against the paper's CDNOW figures (r = 0.243, α = 4.414, a = 0.793, b = 2.426,
log-likelihood −9582.4) in tests/accounts/test_bgnbd.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, gammaln, hyp2f1

from bidassist.core.errors import InputError

#: starting point of the likelihood search (the paper's order of magnitude; any positive works)
_START = np.log([1.0, 1.0, 1.0, 1.0])
#: optimiser settings: enough iterations for thousands of customers, tolerance far below the
#: precision anybody reads the parameters to
_MAX_ITER = 2000
_GTOL = 1e-8
#: the search stays within e^±12 for every parameter (far outside any fitted value seen in
#: practice), so the likelihood stays finite
_LOG_BOUNDS = [(-12.0, 12.0)] * 4
#: below this many customers the four parameters cannot be identified
MIN_CUSTOMERS = 20


@dataclass(frozen=True)
class Summary:
    """Per-customer summary the model works on: repeat orders, time of the last one, observed
    length (same unit, from each customer's first order)."""

    x: np.ndarray
    t_x: np.ndarray
    T: np.ndarray

    @classmethod
    def of(cls, x: Sequence[float], t_x: Sequence[float], T: Sequence[float]) -> Summary:
        xs, ts, Ts = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        if not (xs.shape == ts.shape == Ts.shape) or xs.ndim != 1:
            raise InputError("BG/NBD: x, t_x and T must be equal-length lists")
        bad = (xs < 0) | (ts < 0) | (ts > Ts + 1e-9) | ((xs == 0) & (ts > 0)) | ~np.isfinite(xs + ts + Ts)
        if bad.any():
            i = int(np.argmax(bad))
            raise InputError(
                f"BG/NBD: customer {i}: need 0 ≤ t_x ≤ T and t_x = 0 when x = 0 "
                f"(x={xs[i]}, t_x={ts[i]}, T={Ts[i]})"
            )
        return cls(xs, ts, Ts)


#: "bg": BG/NBD as published (a customer can only drop out right after a repeat order, so one
#: with no repeat order is "alive" for sure); "mbg": the modified BG/NBD (Batislam, Denizel &
#: Filiztekin 2007), where a customer may also drop out right after the first order — what the
#: one-off bulk buyer flag needs.
VARIANTS = ("bg", "mbg")


@dataclass(frozen=True)
class BGNBD:
    """Fitted parameters and the model's predictions."""

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float
    n_customers: int
    variant: str = "bg"

    @property
    def _shift(self) -> int:
        """1 in the modified model, where every order (the first included) is a chance to drop out."""
        return 1 if self.variant == "mbg" else 0

    def p_alive(self, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
        """P(still active at T | x, t_x, T) — paper, formula (11)."""
        x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        return 1.0 / (1.0 + _dropout_odds(self, x, t_x, T))

    def expected_orders(self, t: float | np.ndarray) -> np.ndarray:
        """E[X(t)]: expected orders in (0, t] for a customer just acquired — formula (7)."""
        t = np.asarray(t, dtype=float)
        r, al, a, b, k = self.r, self.alpha, self.a, self.b, self._shift
        z = t / (al + t)
        head = b / (a - 1) if k else (a + b - 1) / (a - 1)  # Batislam et al. (2007) eq. 8 for mbg
        return head * (1 - (al / (al + t)) ** r * hyp2f1(r, b + k, a + b - 1 + k, z))

    def conditional_expected(self, t: float, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
        """E[Y(t) | x, t_x, T]: expected orders in the next `t` for a customer with this history —
        formula (10)."""
        x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        r, al, a, b, k = self.r, self.alpha, self.a, self.b, self._shift
        z = t / (al + T + t)
        head = (a + b + x - 1 + k) / (a - 1)
        body = 1 - ((al + T) / (al + T + t)) ** (r + x) * hyp2f1(r + x, b + x + k, a + b + x - 1 + k, z)
        return head * body / (1.0 + _dropout_odds(self, x, t_x, T))

    def p_order_within(self, t: float, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
        """P(at least one order in the next `t` | history): alive, and the posterior Poisson rate
        λ ~ Gamma(r + x, α + T) produces an order in time t."""
        x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        none_if_alive = ((self.alpha + T) / (self.alpha + T + t)) ** (self.r + x)
        return self.p_alive(x, t_x, T) * (1.0 - none_if_alive)


def _dropout_odds(m: BGNBD, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
    """Odds of having dropped out after the last order: a/(b+x−1+k) · ((α+T)/(α+t_x))^(r+x), zero
    for x = 0 in the published model; computed in logs to stay finite."""
    k = m._shift
    with np.errstate(divide="ignore", invalid="ignore"):
        log_odds = (
            np.log(m.a) - np.log(m.b + x - 1 + k) + (m.r + x) * (np.log(m.alpha + T) - np.log(m.alpha + t_x))
        )
    return np.where((x > 0) | (k == 1), np.exp(log_odds), 0.0)


def _negative_ll(
    log_params: np.ndarray, x: np.ndarray, t_x: np.ndarray, T: np.ndarray, weight: np.ndarray, k: int
) -> float:
    r, alpha, a, b = np.exp(log_params)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = betaln(a, b + x + k) - betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        a4 = np.where(
            (x > 0) | (k == 1), np.log(a) - np.log(b + x - 1 + k) - (r + x) * np.log(alpha + t_x), -np.inf
        )
    ll = a1 + a2 + np.logaddexp(a3, a4)
    total = float(-(weight * ll).sum())
    return total if np.isfinite(total) else np.inf


def fit(summary: Summary, variant: str = "bg") -> BGNBD:
    """Maximum-likelihood fit over all customers (identical histories are grouped, so the cost
    grows with the number of distinct (x, t_x, T) triples, not of customers)."""
    if variant not in VARIANTS:
        raise InputError(f"repeat-purchase model {variant!r}: use one of {', '.join(VARIANTS)}")
    n = summary.x.size
    if n < MIN_CUSTOMERS:
        raise InputError(f"BG/NBD needs at least {MIN_CUSTOMERS} customers' histories to fit; got {n}")
    if not (summary.x > 0).any():
        raise InputError("BG/NBD: no customer ordered more than once; repeat behaviour cannot be fitted")
    triples = np.stack([summary.x, summary.t_x, summary.T], axis=1)
    uniq, counts = np.unique(triples, axis=0, return_counts=True)
    args = (uniq[:, 0], uniq[:, 1], uniq[:, 2], counts.astype(float), 1 if variant == "mbg" else 0)
    with np.errstate(all="ignore"):
        res = minimize(
            _negative_ll,
            _START,
            args=args,
            method="L-BFGS-B",
            bounds=_LOG_BOUNDS,
            options={"maxiter": _MAX_ITER, "gtol": _GTOL},
        )
    if not np.isfinite(res.fun):
        raise InputError("BG/NBD: the likelihood could not be evaluated on these histories")
    r, alpha, a, b = (float(v) for v in np.exp(res.x))
    return BGNBD(r=r, alpha=alpha, a=a, b=b, log_likelihood=-float(res.fun), n_customers=n, variant=variant)


def summarise(
    orders: Sequence[tuple[str, dt.date]], end: dt.date, *, unit_days: float = 7.0
) -> tuple[list[str], Summary]:
    """Orders (customer, date) up to `end` → the customers in first-order order and their
    (x, t_x, T) in units of `unit_days` (weeks by default). Orders on one day count as one; orders
    after `end` are ignored."""
    days: dict[str, set[dt.date]] = {}
    for customer, day in orders:
        if day <= end:
            days.setdefault(customer, set()).add(day)
    ids = sorted(days, key=lambda c: (min(days[c]), c))
    x, t_x, T = [], [], []
    for c in ids:
        first, last = min(days[c]), max(days[c])
        x.append(len(days[c]) - 1)
        t_x.append((last - first).days / unit_days)
        T.append((end - first).days / unit_days)
    return ids, Summary.of(x, t_x, T)
