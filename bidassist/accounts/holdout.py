"""Out-of-sample check of the repeat-purchase model: fit BG/NBD on orders up to a split date,
predict each customer's orders in the period after it, and compare with what happened and with a
naive baseline (each customer goes on at its own past repeat rate)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.stats import rankdata

from bidassist.accounts.bgnbd import BGNBD, fit, summarise

#: number of groups in the table of predicted against actual orders
DECILES = 10


@dataclass(frozen=True)
class DecileRow:
    predicted: float  # mean predicted orders per customer in the group (model)
    naive: float  # mean naive prediction in the group
    actual: float  # mean actual orders per customer in the group
    n: int


@dataclass(frozen=True)
class HoldoutReport:
    model: BGNBD
    n_customers: int
    holdout_units: float
    actual_total: int
    predicted_total: float
    naive_total: float
    mae_model: float
    mae_naive: float
    auc_p_alive: float  # P(alive) at the split against "ordered again in the holdout"
    auc_p_order: float  # P(at least one order in the holdout) against the same
    deciles: list[DecileRow]


def auc(score: np.ndarray, positive: np.ndarray) -> float:
    """Area under the ROC curve (Mann–Whitney, ties shared): the chance a random positive scores
    above a random negative."""
    pos = positive.astype(bool)
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    ranks = rankdata(score)
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def evaluate(
    orders: Sequence[tuple[str, dt.date]],
    split: dt.date,
    end: dt.date,
    *,
    unit_days: float = 7.0,
    variant: str = "bg",
) -> HoldoutReport:
    """Fit on orders up to `split`, score the customers seen by then over (split, end]."""
    ids, s = summarise(orders, split, unit_days=unit_days)
    model = fit(s, variant)
    horizon = (end - split).days / unit_days
    later = Counter(c for c, day in {(c, d) for c, d in orders if split < d <= end})
    actual = np.array([later.get(c, 0) for c in ids], dtype=float)
    predicted = model.conditional_expected(horizon, s.x, s.t_x, s.T)
    naive = s.x / np.where(s.T > 0, s.T, np.inf) * horizon
    return HoldoutReport(
        model=model,
        n_customers=len(ids),
        holdout_units=horizon,
        actual_total=int(actual.sum()),
        predicted_total=float(predicted.sum()),
        naive_total=float(naive.sum()),
        mae_model=float(np.abs(predicted - actual).mean()),
        mae_naive=float(np.abs(naive - actual).mean()),
        auc_p_alive=auc(model.p_alive(s.x, s.t_x, s.T), actual > 0),
        auc_p_order=auc(model.p_order_within(horizon, s.x, s.t_x, s.T), actual > 0),
        deciles=_deciles(predicted, naive, actual),
    )


def _deciles(predicted: np.ndarray, naive: np.ndarray, actual: np.ndarray) -> list[DecileRow]:
    order = np.argsort(predicted, kind="stable")
    rows = []
    for part in np.array_split(order, DECILES):
        if part.size:
            rows.append(
                DecileRow(
                    predicted=float(predicted[part].mean()),
                    naive=float(naive[part].mean()),
                    actual=float(actual[part].mean()),
                    n=int(part.size),
                )
            )
    return rows
