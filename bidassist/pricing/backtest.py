"""Walk-forward backtest of history-fitted win probabilities (`bidassist history backtest FILE`).

Year by year: fit on every letting of earlier years only, then predict each letting of the year,
taking each of its bidders in turn as "us" and reading P(win) at the price it actually bid. Scored
on lettings with at least two bidders (a competition), against two baselines that see the same
information: 1/N (N bidders at the letting) and a constant (the win rate of earlier years).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import groupby

import numpy as np

from bidassist.core.errors import InputError
from bidassist.pricing.calibration import EPS, CalibratedModel, group_lettings, logistic_fit, logit
from bidassist.pricing.competitors import HistoryBid

#: reliability bins
DECILES = 10


def brier(p: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean((p - y) ** 2))


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    q = np.clip(p, EPS, 1 - EPS)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


def calibration_slope(p: np.ndarray, y: np.ndarray) -> float:
    """Slope b of logit P(y) = a + b·logit(p) (1 = calibrated, < 1 = overconfident)."""
    return logistic_fit(logit(p), y)[1]


def deciles(p: np.ndarray, y: np.ndarray, bins: int = DECILES) -> list[dict]:
    """Equal-count bins of the predictions: mean predicted, observed win rate, bids."""
    order = np.argsort(p, kind="stable")
    out = []
    for part in np.array_split(order, bins):
        if part.size:
            out.append(
                {
                    "predicted": round(float(p[part].mean()), 4),
                    "observed": round(float(y[part].mean()), 4),
                    "n": int(part.size),
                }
            )
    return out


@dataclass
class Backtest:
    n_bids: int
    n_lettings: int
    years: list[int]
    win_rate: float
    model: dict
    baselines: dict
    deciles: list[dict]
    fit: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "n_bids": self.n_bids,
            "n_lettings": self.n_lettings,
            "years": self.years,
            "win_rate": round(self.win_rate, 4),
            "model": self.model,
            "baselines": self.baselines,
            "deciles": self.deciles,
            "fit": self.fit,
        }


def _scores(p: np.ndarray, y: np.ndarray) -> dict:
    return {"brier": round(brier(p, y), 5), "log_loss": round(log_loss(p, y), 5)}


def run_backtest(
    bids: list[HistoryBid], *, min_train_lettings: int = 100, where: str = "history"
) -> Backtest:
    """Walk forward by year (see the module docstring)."""
    lettings = group_lettings(bids)
    if not lettings:
        raise InputError(
            "the history has no bids with a year: a walk-forward backtest needs the year column", where
        )
    model = CalibratedModel()
    seen = 0
    wins_before = [0, 0]
    pred: list[np.ndarray] = []
    one_n: list[np.ndarray] = []
    const: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    years: list[int] = []
    n_lettings = 0
    for year, group in groupby(lettings, key=lambda t: t.year):
        year_lettings = list(group)
        if seen >= min_train_lettings and wins_before[1]:
            rate = wins_before[0] / wins_before[1]
            for t in year_lettings:
                p = model.p_win(t) if t.logp.size >= 2 else None
                if p is None:
                    continue
                pred.append(p)
                one_n.append(np.full(p.size, 1 / p.size))
                const.append(np.full(p.size, rate))
                ys.append(t.won.astype(float))
                n_lettings += 1
            years.append(int(year))
        model.add_year(year_lettings)
        seen += len(year_lettings)
        for t in year_lettings:
            if t.logp.size >= 2:
                wins_before[0] += int(t.won.sum())
                wins_before[1] += t.logp.size
    if not pred:
        raise InputError(
            f"too little history for a walk-forward backtest: needs more than {min_train_lettings} "
            "lettings before the first year predicted",
            where,
        )
    p, y = np.concatenate(pred), np.concatenate(ys)
    b1, bc = np.concatenate(one_n), np.concatenate(const)
    fit = {
        "p_lowest_not_awarded": round(model.p_lowest_not_awarded, 4),
        "level_forecast_sd": {
            "known_buyer": round(model.levels.known.bias_sd(math.nan)[1], 4),
            "new_buyer": round(model.levels.new.bias_sd(math.nan)[1], 4),
        },
        "bidder_sd_pool": round(model.bidders.pool_sd, 4),
        "bidders_per_letting": {str(k): v for k, v in sorted(model.counts.items())},
    }
    return Backtest(
        int(y.size),
        n_lettings,
        years,
        float(y.mean()),
        _scores(p, y) | {"calibration_slope": round(calibration_slope(p, y), 4)},
        {"one_over_n": _scores(b1, y), "constant": _scores(bc, y)},
        deciles(p, y),
        fit,
    )
