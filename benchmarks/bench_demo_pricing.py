"""The demo's pricing step: `price_bid` on the bundled hospital example (its own 100,000 iterations),
CPU time inside a fresh interpreter after one short warm-up run (imports, compiled kernels), medians
of 3 runs alternating with the same step of an older tree:

    git archive fe44f70 | tar -x -C /tmp/old    # the tree when issue 17 was filed
    .venv/bin/python benchmarks/bench_demo_pricing.py --old-tree /tmp/old [--repeat 3] [--json FILE]

The older tree must be a whole checkout (its example is found beside its package).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Figure, emit  # noqa: E402

CHILD = """
import time
from bidassist.core.bidfile import load_bid
from bidassist.costs.importer import load_costs
from bidassist.pricing import price_bid
from bidassist.workflow import default_example
bid = load_bid(default_example())
model = load_costs(bid).model
price_bid(bid, model, iterations=2000)
t = time.process_time()
price_bid(bid, model)
print(time.process_time() - t)
"""


def step_cpu(tree: str | None) -> float:
    """CPU seconds of the pricing step in a fresh interpreter (the older tree first on the path)."""
    env = dict(os.environ)
    if tree:
        env["PYTHONPATH"] = str(Path(tree).resolve())
    out = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, check=True, env=env, cwd=tree or None
    )
    return float(out.stdout.split()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--old-tree", required=True, help="a whole older checkout (git archive COMMIT)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", default=None)
    a = ap.parse_args()
    now: list[float] = []
    old: list[float] = []
    for _ in range(a.repeat):
        old.append(step_cpu(a.old_tree))
        now.append(step_cpu(None))
    emit(
        [
            Figure(
                "the demo's pricing step (`price_bid`, bundled example, 100k iterations)",
                statistics.median(now),
                None,
                "",
                statistics.median(old),
                "the same step of the older tree",
                target="≥ 3× faster than when issue 17 was filed (now ÷ old ≤ 0.33×)",
                command="benchmarks/bench_demo_pricing.py --old-tree OLD",
            )
        ],
        a.json,
    )


if __name__ == "__main__":
    main()
