"""Pricing engine benchmark: 100,000 iterations × 1,000 cost lines, next to the time numpy takes
just to draw the same random numbers (one draw per line per iteration), in the same run; and the
peak memory of a 1,000,000-iteration run (measured in a child process, ru_maxrss).

    .venv/bin/python benchmarks/bench_pricing.py [--iterations 100000] [--lines 1000] [--skip-memory]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from decimal import Decimal

import numpy as np


def cost_model(lines: int):
    from bidassist.costs.model import CostLine, CostModel

    rng = np.random.default_rng(0)
    out = []
    kinds = ["pert", "triangular", "uniform", "pert"]
    for i in range(lines):
        lik = Decimal(int(rng.uniform(1000, 50000)))
        out.append(
            CostLine(
                code=f"L{i}",
                description=f"line {i}",
                quantity=Decimal(int(rng.integers(1, 50))),
                low=lik * Decimal("0.92"),
                likely=lik,
                high=lik * Decimal("1.2"),
                distribution=kinds[i % 4],
                category=f"C{i % 8}",
            )
        )
    return CostModel(lines=out)


def bid():
    from bidassist.core.bidfile import Bid

    return Bid.model_validate(
        {
            "tender": {
                "name": "t",
                "number": "1",
                "buyer": "b",
                "deadline": "2026-01-01",
                "bid_validity_days": 90,
            },
            "bidder": {"company": "c", "legal_representative": {"name": "x"}, "address": "a", "phone": "1"},
            "pricing": {
                "competitors": {
                    "count": {"values": [3, 4, 5]},
                    "ratio": {"dist": "triangular", "low": 0.98, "mode": 1.15, "high": 1.45},
                },
                "evaluation": {"method": "lowest_price"},
            },
        }
    )


def numpy_draws(costs, iterations: int) -> float:
    """Baseline: draw each line's unit costs with numpy's own samplers, chunk by chunk."""
    rng = np.random.default_rng(1)
    t = time.perf_counter()
    chunk = 32_768
    for s in range(0, iterations, chunk):
        n = min(chunk, iterations - s)
        for ln in costs.lines:
            a, m, b = float(ln.low), float(ln.likely), float(ln.high)
            if ln.distribution == "pert":
                rng.beta(1 + 4 * (m - a) / (b - a), 1 + 4 * (b - m) / (b - a), n)
            elif ln.distribution == "triangular":
                rng.triangular(a, m, b, n)
            else:
                rng.uniform(a, b, n)
    return time.perf_counter() - t


def engine(costs, iterations: int) -> float:
    from bidassist.pricing import price_bid

    t = time.perf_counter()
    price_bid(bid(), costs, iterations=iterations, seed=1)
    return time.perf_counter() - t


def memory_child(iterations: int, lines: int) -> None:
    costs = cost_model(lines)
    engine(costs, iterations)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--iterations", type=int, default=100_000)
    ap.add_argument("--lines", type=int, default=1000)
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--child", type=int, default=0)
    a = ap.parse_args()
    if a.child:
        memory_child(a.child, a.lines)
        return
    costs = cost_model(a.lines)
    engine(costs, 2000)  # warm-up (imports, PERT tables)
    base = numpy_draws(costs, a.iterations)
    eng = engine(costs, a.iterations)
    print(f"{a.iterations:,} iterations × {a.lines:,} lines")
    print(f"numpy draws only : {base:7.2f} s")
    print(f"pricing engine   : {eng:7.2f} s   ratio {eng / base:.2f}× (target ≤ 2×)")
    if not a.skip_memory:
        out = subprocess.run(
            [sys.executable, __file__, "--child", "1000000", "--lines", str(a.lines)],
            capture_output=True,
            text=True,
            check=True,
        )
        base_rss = subprocess.run(
            [
                sys.executable,
                "-c",
                "import numpy, scipy.special, bidassist.pricing, resource;"
                "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        peak = int(out.stdout.split()[-1]) / 1024
        print(
            f"peak memory, 1,000,000 iterations × {a.lines:,} lines: {peak:,.0f} MB "
            f"(interpreter + imports alone: {int(base_rss.stdout.split()[-1]) / 1024:,.0f} MB; limit 1,024 MB)"
        )


if __name__ == "__main__":
    main()
