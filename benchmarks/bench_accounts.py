"""Key accounts: does the repeat-purchase model predict real customers better than the naive rule?

Fits BG/NBD (published and modified) on the first 39 weeks of the full CDNOW data set (23,570 real
customers, benchmarks/data/CDNOW_master.txt), predicts each customer's orders in the following 39
weeks, and prints, beside the naive baseline (each customer goes on at its own past repeat rate)
from the same run: mean absolute error per customer, the total, the decile table, and how well
P(alive) and P(order in the holdout) separate customers who bought again (AUC). Also the fit time
beside the time to read the data.

    .venv/bin/python benchmarks/bench_accounts.py [--data FILE] [--split 1997-09-30] [--end 1998-06-30]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from bidassist.accounts.holdout import evaluate

DATA = Path(__file__).resolve().parent / "data" / "CDNOW_master.txt"


def read_orders(path: Path) -> list[tuple[str, dt.date]]:
    rows = []
    for line in path.read_text().splitlines()[1:]:
        customer, day, _, _ = line.split()
        rows.append((customer, dt.date(int(day[:4]), int(day[4:6]), int(day[6:]))))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--split", type=dt.date.fromisoformat, default=dt.date(1997, 9, 30))
    ap.add_argument("--end", type=dt.date.fromisoformat, default=dt.date(1998, 6, 30))
    args = ap.parse_args()
    t0 = time.perf_counter()
    orders = read_orders(args.data)
    t_read = time.perf_counter() - t0
    print(
        f"{args.data.name}: {len(orders):,} orders, {len({c for c, _ in orders}):,} customers; "
        f"calibration to {args.split}, holdout to {args.end}"
    )
    for variant in ("bg", "mbg"):
        t0 = time.perf_counter()
        rep = evaluate(orders, args.split, args.end, variant=variant)
        t_fit = time.perf_counter() - t0
        m = rep.model
        print(
            f"\n[{variant}] r={m.r:.4f} alpha={m.alpha:.4f} a={m.a:.4f} b={m.b:.4f} LL={m.log_likelihood:.1f}; "
            f"fit+score {t_fit:.2f} s vs read {t_read:.2f} s ({t_fit / t_read:.1f}x)"
        )
        print(
            f"  holdout orders: actual {rep.actual_total:,}  model {rep.predicted_total:,.0f}  "
            f"naive {rep.naive_total:,.0f}"
        )
        print(
            f"  MAE per customer: model {rep.mae_model:.4f}  naive {rep.mae_naive:.4f}  "
            f"(ratio {rep.mae_model / rep.mae_naive:.2f})"
        )
        print(
            f"  AUC bought-again: P(alive) {rep.auc_p_alive:.3f}  P(order in holdout) {rep.auc_p_order:.3f}"
        )
        print("  decile of prediction   n   predicted  naive   actual")
        for i, d in enumerate(rep.deciles, start=1):
            print(f"  {i:>6} {d.n:>11} {d.predicted:>10.3f} {d.naive:>7.3f} {d.actual:>8.3f}")


if __name__ == "__main__":
    main()
