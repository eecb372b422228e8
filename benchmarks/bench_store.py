"""Store timings: the Texas school-milk import (all 4,226 bids, 1,475 lettings) and `price` with the
competitor model fitted from the store beside the same fit from the CSV file.

    .venv/bin/python benchmarks/bench_store.py [--pg postgresql://...] [--iterations 20000] [--repeat 3]

Prints each figure beside its baseline from the same run (targets of issue 14: import < 10 s;
store-fitted price ≤ 1.2 × the CSV-fitted price).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bidassist.core.bidfile import load_bid
from bidassist.costs import load_costs
from bidassist.pricing import price_bid
from bidassist.store import open_store
from bidassist.store.history_import import import_history

ROOT = Path(__file__).resolve().parents[1]
TEXAS = (
    next(
        (
            p
            for p in (ROOT.parent.parent / "shared", ROOT.parent / "shared", Path("/work/shared"))
            if (p / "bench/bids/tx_school_milk_bids.csv").exists()
        ),
        Path("/work/shared"),
    )
    / "bench/bids/tx_school_milk_bids.csv"
)


def timed(fn) -> float:  # noqa: ANN001
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bid_with(folder: Path, history: str) -> Path:
    src = (ROOT / "bidassist/examples/hospital/bid.yaml").read_text(encoding="utf-8")
    text = re.sub(r"    ratio: \{dist: triangular[^\n]*\n", f"    history: {history}\n", src)
    for f in (ROOT / "bidassist/examples/hospital").iterdir():
        if f.is_file() and f.name != "bid.yaml":
            (folder / f.name).write_bytes(f.read_bytes())
    path = folder / f"bid_{abs(hash(history))}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--pg",
        help="also time the import on this PostgreSQL database URL (emptied first? no: "
        "give an empty database)",
    )
    ap.add_argument("--iterations", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        targets = [("sqlite", str(folder / "bidassist.db"))] + ([("postgresql", args.pg)] if args.pg else [])
        for name, db in targets:
            with open_store(db, create=True) as store:
                first = timed(
                    lambda store=store: import_history(
                        store, TEXAS, mapping={"buyer": "district"}, constants={"category": "school milk"}
                    )
                )
                again = timed(
                    lambda store=store: import_history(
                        store, TEXAS, mapping={"buyer": "district"}, constants={"category": "school milk"}
                    )
                )
            print(f"texas import ({name}): {first:.2f} s first, {again:.2f} s again (target < 10 s)")
        csv_bid = load_bid(bid_with(folder, f"{{file: {TEXAS}, reference: median}}"))
        db_bid = load_bid(bid_with(folder, f"{{db: {folder / 'bidassist.db'}, reference: median}}"))
        costs = load_costs(csv_bid).model
        price_bid(csv_bid, costs, iterations=1000)  # warm imports
        price_bid(db_bid, costs, iterations=1000)
        t_csv, t_db = [], []
        for _ in range(args.repeat):
            t_csv.append(timed(lambda: price_bid(csv_bid, costs, iterations=args.iterations)))
            t_db.append(timed(lambda: price_bid(db_bid, costs, iterations=args.iterations)))
        a, b = statistics.median(t_csv), statistics.median(t_db)
        same = (
            price_bid(csv_bid, costs, iterations=args.iterations).recommended
            == price_bid(db_bid, costs, iterations=args.iterations).recommended
        )
        print(
            f"price, {args.iterations} iterations, median of {args.repeat}: CSV-fitted {a:.3f} s, "
            f"store-fitted {b:.3f} s, ratio {b / a:.2f} (target ≤ 1.2); same recommendation: {same}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
