"""Variance reduction for the pricing simulation (issue 11 item 2), measured, not assumed.

For two estimates the engine makes — P(win) at a price (three rivals U(100, 140), lowest price,
B = 111, exact (29/40)³ — not 110, whose box has dyadic corners that Sobol integrates exactly) and the mean cost of 50 independent PERT lines — the spread over R
independent replications of n draws with: plain Monte Carlo (the engine's), antithetic normal scores,
Latin hypercube and scrambled Sobol (scipy.stats.qmc). Prints the variance ratio against plain MC
(> 1 = fewer iterations needed for the same error) and the time per replication.

    .venv/bin/python benchmarks/bench_variance.py [--n 16384] [--reps 200]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from scipy.special import ndtri
from scipy.stats import qmc

from bidassist.pricing.sampling import Marginal


def normal_scores(kind: str, n: int, d: int, rng: np.random.Generator) -> np.ndarray:
    if kind == "plain":
        return rng.standard_normal((n, d))
    if kind == "antithetic":
        z = rng.standard_normal((n // 2, d))
        return np.concatenate([z, -z])
    if kind == "latin hypercube":
        u = qmc.LatinHypercube(d=d, seed=rng).random(n)
    else:
        u = qmc.Sobol(d=d, scramble=True, seed=rng).random(n)
    return ndtri(np.clip(u, 1e-12, 1 - 1e-12))


def p_win(z: np.ndarray) -> float:
    bids = Marginal("uniform", 100, 140).from_z(z)
    return float(np.mean(bids.min(axis=1) > 111))


PERT = [Marginal("pert", 90 + i, 100 + i, 130 + 2 * i) for i in range(50)]


def mean_cost(z: np.ndarray) -> float:
    return float(sum(m.from_z(z[:, i]).mean() for i, m in enumerate(PERT)))


def engine_openings(reps: int, n: int) -> None:
    """The engine's own openings (3–5 rivals as ratios, common factor 0.2): P(win) at 1.04 × cost."""
    from bidassist.core.bidfile import Bid
    from bidassist.pricing.openings import Openings

    for method in (
        {"method": "lowest_price"},
        {
            "method": "weighted_score",
            "price_weight": 30,
            "our_other_points": 60,
            "competitor_other_points": {"dist": "normal", "mean": 60, "sd": 4},
        },
    ):
        base = None
        for sobol in (False, True):
            bid = Bid.model_validate(
                {
                    "tender": {
                        "name": "t",
                        "number": "1",
                        "buyer": "b",
                        "deadline": "2026-01-01",
                        "bid_validity_days": 90,
                    },
                    "bidder": {
                        "company": "c",
                        "legal_representative": {"name": "x"},
                        "address": "a",
                        "phone": "1",
                    },
                    "pricing": {
                        "sobol": sobol,
                        "evaluation": method,
                        "competitors": {
                            "count": {"values": [3, 4, 5]},
                            "common_factor": 0.2,
                            "ratio": {"dist": "triangular", "low": 0.97, "mode": 1.1, "high": 1.35},
                        },
                    },
                }
            )
            t = time.perf_counter()
            est = np.array(
                [
                    Openings(bid, 100.0, n, np.random.SeedSequence(r)).p_win(np.array([104.0]))[0]
                    for r in range(reps)
                ]
            )
            secs = (time.perf_counter() - t) / reps
            var = float(est.var(ddof=1))
            base = base or var
            print(
                f"  engine {method['method']:14s} {'sobol' if sobol else 'plain':6s} sd {np.sqrt(var):.3e}  "
                f"variance ratio {base / var:6.2f}  {secs * 1000:6.1f} ms"
            )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=16_384)
    ap.add_argument("--reps", type=int, default=200)
    a = ap.parse_args()
    for name, f, d in (("P(win) at 111, 3 rivals", p_win, 3), ("mean of 50 PERT lines", mean_cost, 50)):
        base = None
        print(f"{name}: n = {a.n:,}, {a.reps} replications")
        for kind in ("plain", "antithetic", "latin hypercube", "sobol"):
            rng = np.random.default_rng(1)
            t = time.perf_counter()
            est = np.array([f(normal_scores(kind, a.n, d, rng)) for _ in range(a.reps)])
            secs = (time.perf_counter() - t) / a.reps
            var = float(est.var(ddof=1))
            base = base or var
            print(
                f"  {kind:16s} sd {np.sqrt(var):.3e}  variance ratio {base / var if var else float('inf'):8.2f}  {secs * 1000:6.1f} ms"
            )
    print(f"engine openings: n = {a.n:,}, {a.reps // 2} replications")
    engine_openings(a.reps // 2, a.n)


if __name__ == "__main__":
    main()
