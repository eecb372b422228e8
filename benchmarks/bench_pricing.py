"""Pricing engine benchmark: 100,000 iterations × 1,000 cost lines, every evaluation method, in CPU
time (medians of 3, alternating), each beside

- the fair floor: the engine's own random-number work — one float32 standard-normal score per line
  per iteration, the engine's own counter-based scores (`bidassist/pricing/normals.py`), drawn by
  the compiled kernel (`kernels.draw`) one line at a time into a buffer that stays in cache (no
  engine can sample its costs with less);
- the old baseline: numpy's own samplers drawing every line's unit costs (beta for PERT, triangular,
  uniform), which the benchmark compared with before;

and the peak memory of a 1,000,000-iteration run, measured in a fresh interpreter (VmHWM).

Is the floor fair? A further row sets it beside the fastest known means of drawing as many float32
standard normals — a compiled ziggurat fed by xoshiro256** (`_ziggurat.py`), exact but with a
rejection step that numpy cannot repeat bit for bit — and beside numpy's own float32 sampler (the
floor until the engine drew its own scores).

    .venv/bin/python benchmarks/bench_pricing.py [--iterations 100000] [--lines 1000] [--skip-memory]
        [--methods lowest_price,abnormal_low,weighted_score,benchmark_average] [--json FILE]
    .venv/bin/python benchmarks/bench_pricing.py --passes

`--passes` measures instead where the compiled passes start to pay (`cost.COMPILED_FROM`): the CPU
of numba's import and kernel load in a fresh interpreter, and the cost simulation with the numpy
and with the compiled passes at a few sizes.
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
    """The engine's own random-number work: its float32 normal scores, lines × iterations, chunked,
    by the fastest means (the compiled kernel, one line at a time into a buffer that stays in cache)."""
    from bidassist.pricing.cost import chunk_size
    from bidassist.pricing.kernels import draw

    chunk = chunk_size(lines)
    buf = np.empty(chunk, dtype=np.float32)
    for s in range(0, iterations, chunk):
        out = buf[: min(chunk, iterations - s)]
        for r in range(lines):
            draw(12345, r * iterations + s, out)


def numpy_floor(lines: int, iterations: int) -> None:
    """The floor before the engine drew its own scores: numpy's float32 standard normals, as many."""
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
LOAD_CHILD = """
import time, numpy as np, scipy.special, bidassist.pricing.cost
t = time.process_time()
from bidassist.pricing import kernels
e, tab, idx, rows = np.zeros(8, np.float32), np.zeros((2, 9), np.float32), np.zeros((2, 8), np.uint16), np.arange(2)
kernels.draw_lookup_add_lines(1, rows.astype(np.uint64), np.float32(1), e, tab, rows, idx, np.zeros(8))
kernels.add_covariances(tab, rows, idx, np.zeros(8), np.zeros(2))
print(time.process_time() - t)
"""
IMPORTS_CHILD = "import numpy, scipy.special, bidassist.pricing, _common; print(_common.peak_mb())"


def passes_crossover(repeat: int) -> None:
    """Print numba's load cost (fresh interpreter) and the simulation's CPU with either passes."""
    import statistics
    import subprocess

    import bidassist.pricing.cost as cost

    def load() -> float:
        out = subprocess.run([sys.executable, "-c", LOAD_CHILD], capture_output=True, text=True, check=True)
        return float(out.stdout.split()[-1])

    load_cpu = statistics.median(load() for _ in range(repeat))
    print(f"numba import + kernel load, fresh interpreter: {load_cpu:.3f} s CPU (median of {repeat})")
    pricing = bid().pricing
    for lines, iterations in ((36, 100_000), (100, 100_000), (300, 100_000), (1000, 100_000)):
        costs = cost_model(lines)

        def sim(start: int, costs=costs, iterations=iterations) -> None:
            cost.COMPILED_FROM = start
            cost.simulate_costs(costs, pricing, iterations, np.random.SeedSequence(1))

        t = medians({"numpy": lambda: sim(10**18), "compiled": lambda: sim(0)}, repeat)
        per = (t["numpy"] - t["compiled"]) / (lines * iterations) * 1e9
        print(
            f"{lines:>5} lines × {iterations:,}: numpy {t['numpy']:.3f} s, compiled {t['compiled']:.3f} s "
            f"({per:.1f} ns a value saved; repays the load from {load_cpu / max(per, 1e-3) * 1e3:.0f}M values)"
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--iterations", type=int, default=100_000)
    ap.add_argument("--lines", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--methods", default=",".join(EVALUATIONS))
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--json", default=None, help="append the figures as JSON lines to this file")
    ap.add_argument("--passes", action="store_true", help="where the compiled passes start to pay")
    a = ap.parse_args()
    if a.passes:
        passes_crossover(a.repeat)
        return
    costs = cost_model(a.lines)
    methods = a.methods.split(",")
    engine(costs, methods[0], 50_000_000 // a.lines + 1)  # warm-up: the compiled passes' load
    for m in methods:
        engine(costs, m, 2000)  # warm-up (imports, tables)
    from _ziggurat import fastest_floor

    from bidassist.pricing.cost import chunk_size

    fastest_floor(a.lines, 1000, 1000)  # compile
    runs = {
        "floor": lambda: rng_floor(a.lines, a.iterations),
        "fastest": lambda: fastest_floor(a.lines, a.iterations, chunk_size(a.lines)),
        "numpy": lambda: numpy_floor(a.lines, a.iterations),
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
            "float32 normal scores, the engine's own RNG work",
            t["old"],
            "numpy beta/triangular/uniform draws",
            target="≤ 1.3× floor",
            command=cmd,
        )
        for m in methods
    ]
    figs.append(
        Figure(
            f"pricing floor check: {a.iterations // 1000}k × {a.lines:,} float32 normal scores, the engine's own "
            "(compiled, the floor above)",
            t["floor"],
            t["fastest"],
            "compiled ziggurat + xoshiro256**, as many exact normals, another stream",
            t["numpy"],
            "numpy's float32 standard_normal, the floor before",
            command=cmd,
        )
    )
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
