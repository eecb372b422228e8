"""Pricing engine benchmark: 100,000 iterations × 1,000 cost lines, every evaluation method, in CPU
time (medians of 3, alternating), each beside

- the fair floor: the engine's own random-number work — one float32 standard normal per line per
  iteration, drawn chunk by chunk as the engine draws them (no engine can sample its costs with less);
- the old baseline: numpy's own samplers drawing every line's unit costs (beta for PERT, triangular,
  uniform), which the benchmark compared with before;

and the peak memory of a 1,000,000-iteration run, measured in a fresh interpreter (VmHWM).

    .venv/bin/python benchmarks/bench_pricing.py [--iterations 100000] [--lines 1000] [--skip-memory]
        [--methods lowest_price,abnormal_low,weighted_score,benchmark_average] [--json FILE]
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bidassist itself: the installed one

from _common import Figure, emit, fresh_process_peak, medians  # noqa: E402

EVALUATIONS = {
    "lowest_price": {"method": "lowest_price"},
    "abnormal_low": {"method": "lowest_price", "abnormal_low_share": 0.85},
    "weighted_score": {
        "method": "weighted_score",
        "price_weight": 30,
        "our_other_points": 58,
        "competitor_other_points": {"dist": "normal", "mean": 57, "sd": 4},
        "sme_deduction": 0.1,
        "competitor_sme_share": 0.5,
    },
    "benchmark_average": {
        "method": "benchmark_average",
        "coefficients": [0.95, 0.97, 1.0],
        "drop_extremes_from": 5,
        "competitor_other_points": {"dist": "normal", "mean": 0, "sd": 2},
    },
}
LABELS = {
    "lowest_price": "lowest price",
    "abnormal_low": "lowest price + abnormally-low rule",
    "weighted_score": "综合评分法 weighted score",
    "benchmark_average": "基准价法 benchmark average",
}


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


def bid(method: str = "lowest_price"):
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
                "evaluation": EVALUATIONS[method],
            },
        }
    )


def rng_floor(lines: int, iterations: int) -> None:
    """The engine's own random-number work: float32 standard normals, lines × iterations, chunked,
    by the fastest means (one line at a time into a buffer that stays in cache)."""
    from bidassist.pricing.cost import chunk_size

    rng = np.random.default_rng(1)
    chunk = chunk_size(lines)
    buf = np.empty(chunk, dtype=np.float32)
    for s in range(0, iterations, chunk):
        out = buf[: min(chunk, iterations - s)]
        for _ in range(lines):
            rng.standard_normal(dtype=np.float32, out=out)


def numpy_draws(costs, iterations: int) -> None:
    """Old baseline: draw each line's unit costs with numpy's own samplers, chunk by chunk."""
    rng = np.random.default_rng(1)
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


def engine(costs, method: str, iterations: int) -> None:
    from bidassist.pricing import price_bid

    price_bid(bid(method), costs, iterations=iterations, seed=1)


MEMORY_CHILD = """
import bench_pricing as b, _common
b.engine(b.cost_model({lines}), "lowest_price", {iterations})
print(_common.peak_mb())
"""
IMPORTS_CHILD = "import numpy, scipy.special, bidassist.pricing, _common; print(_common.peak_mb())"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--iterations", type=int, default=100_000)
    ap.add_argument("--lines", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--methods", default=",".join(EVALUATIONS))
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--json", default=None, help="append the figures as JSON lines to this file")
    a = ap.parse_args()
    costs = cost_model(a.lines)
    methods = a.methods.split(",")
    for m in methods:
        engine(costs, m, 2000)  # warm-up (imports, tables)
    runs = {
        "floor": lambda: rng_floor(a.lines, a.iterations),
        "old": lambda: numpy_draws(costs, a.iterations),
    }
    for m in methods:
        runs[m] = lambda m=m: engine(costs, m, a.iterations)
    t = medians(runs, a.repeat)
    print(
        f"{a.iterations:,} iterations × {a.lines:,} lines, CPU time, medians of {a.repeat} alternating runs"
    )
    cmd = f"benchmarks/bench_pricing.py --iterations {a.iterations} --lines {a.lines}"
    figs = [
        Figure(
            f"pricing {a.iterations // 1000}k × {a.lines:,} lines, {LABELS[m]}",
            t[m],
            t["floor"],
            "float32 normals, the engine's own RNG work",
            t["old"],
            "numpy beta/triangular/uniform draws",
            target="≤ 1.3× floor",
            command=cmd,
        )
        for m in methods
    ]
    if not a.skip_memory:
        code = MEMORY_CHILD.format(lines=a.lines, iterations=1_000_000)
        peak, base = fresh_process_peak(code), fresh_process_peak(IMPORTS_CHILD)
        figs.append(
            Figure(
                f"pricing peak memory, 1,000,000 iterations × {a.lines:,} lines (fresh process)",
                peak,
                None,
                "",
                base,
                "interpreter + imports alone",
                unit="MB",
                target="≤ 1,024 MB",
                command=cmd,
            )
        )
    emit(figs, a.json)


if __name__ == "__main__":
    main()
