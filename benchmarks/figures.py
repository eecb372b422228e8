"""Regenerate the figures table in docs/performance.md from the benchmarks' own output.

Runs each benchmark with `--json` (or reads figures saved earlier with `--from FILE`), and rewrites
the table between the markers `<!-- figures:start -->` and `<!-- figures:end -->`: each row our
figure, the fair floor and the old baseline measured in the same run, and the ratio.

    .venv/bin/python benchmarks/figures.py [--quick] [--from FILE] [--old-tree DIR] [--only SCRIPT ...]
        [--keep DIR]

`bench_check_real.py` adds the real dev contracts' row (each with its own party words, beside the
same contracts with their rule-set variant built). `--old-tree` is a whole older checkout (`git
archive COMMIT | tar -x -C DIR`): the start-up row's old baseline, and the demo's pricing step
beside the same step of that tree. `--only bench_check.py` runs that benchmark alone and replaces
only its rows, keeping the others. `--keep` keeps the cost benchmark's built sheets (100,000 and
500,000 lines: minutes to build) for the next run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import fmt

HERE = Path(__file__).resolve().parent
DOC = HERE.parent / "docs" / "performance.md"
START, END = "<!-- figures:start -->", "<!-- figures:end -->"


def benchmarks(quick: bool, old_tree: str | None, keep: str | None = None) -> list[list[str]]:
    """The benchmark command lines (script and arguments) the table is made of."""
    pricing = ["bench_pricing.py"] + (["--iterations", "20000", "--skip-memory"] if quick else [])
    startup = ["bench_startup.py"] + (["--old-tree", old_tree] if old_tree else [])
    demo = [["bench_demo_pricing.py", "--old-tree", old_tree]] if old_tree else []
    check = ["bench_check.py"] + (["--contracts", "100", "--rounds", "1"] if quick else [])
    check += ["--old-tree", old_tree] if old_tree else []
    real = ["bench_check_real.py"] + (["--rounds", "1"] if quick else [])
    jobs = ["bench_check_jobs.py"] + (["--contracts", "40", "--rounds", "1"] if quick else [])
    render = ["bench_render.py", "--repeat", "3"] + (["--big", "0"] if quick else ["--big", "10000"])
    # the peak memory at 500,000 lines builds that sheet first (minutes); --quick skips it
    costs = ["bench_costs.py"] + (["--skip-memory"] if quick else ["--memory-lines", "500000"])
    costs += ["--keep", keep] if keep else []
    return [pricing, *demo, startup, render, check, real, jobs, costs]


def run_all(
    quick: bool, old_tree: str | None, only: list[str] | None = None, keep: str | None = None
) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "figures.jsonl"
        for cmd in benchmarks(quick, old_tree, keep):
            if only and cmd[0] not in only:
                continue
            print("running", " ".join(cmd), flush=True)
            subprocess.run([sys.executable, str(HERE / cmd[0]), *cmd[1:], "--json", str(out)], check=True)
        return read(out)


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


HEAD = (
    "| work | now | fair floor (same run) | ratio to floor | old baseline (same run) | now ÷ old | target |"
)


def row_line(r: dict) -> str:
    unit = r["unit"]
    floor = f"{fmt(r['floor'], unit)} ({r['floor_what']})" if r["floor"] is not None else "—"
    ratio = f"{r['ratio']:.2f}×" if r["ratio"] is not None else "—"
    old = f"{fmt(r['old'], unit)} ({r['old_what']})" if r["old"] is not None else "—"
    vs_old = f"{r['now'] / r['old']:.2f}×" if r["old"] else "—"
    return f"| {r['work']} | {fmt(r['now'], unit)} | {floor} | {ratio} | {old} | {vs_old} | {r['target']} |"


def measured(commands: set[str]) -> str:
    return (
        f"Measured {dt.date.today().isoformat()} with " + ", ".join(f"`{c}`" for c in sorted(commands)) + "."
    )


def table(rows: list[dict]) -> str:
    lines = [HEAD, "|---|---|---|---|---|---|---|", *(row_line(r) for r in rows)]
    lines += ["", measured({r["command"] for r in rows if r["command"]})]
    return "\n".join(lines)


def merged(old: str, rows: list[dict], scripts: list[str]) -> str:
    """The table `old` with the rows of `scripts` replaced by `rows` (the others kept as they are)."""
    mine = tuple(f"benchmarks/{s}" for s in scripts)
    prefixes = tuple({r["work"].split(",")[0] for r in rows})
    kept = [
        line
        for line in old.splitlines()
        if line.startswith("| ") and line != HEAD and not line[2:].startswith(prefixes)
    ]
    commands = {c for c in re.findall(r"`([^`]+)`", old.rsplit("Measured", 1)[-1]) if not c.startswith(mine)}
    commands |= {r["command"] for r in rows if r["command"]}
    lines = [HEAD, "|---|---|---|---|---|---|---|", *kept, *(row_line(r) for r in rows)]
    return "\n".join([*lines, "", measured(commands)])


def rewrite(doc: Path, rows: list[dict], only: list[str] | None = None) -> None:
    text = doc.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{doc}: the markers {START} and {END} are missing")
    before, rest = text.split(START, 1)
    old, after = rest.split(END, 1)
    new = merged(old, rows, only) if only else table(rows)
    doc.write_text(f"{before}{START}\n{new}\n{END}{after}", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer iterations, no memory run")
    ap.add_argument("--from", dest="source", default=None, help="figures saved earlier (JSON lines)")
    ap.add_argument("--old-tree", default=None, help="a whole older checkout: start-up and demo pricing rows")
    ap.add_argument(
        "--only", nargs="+", default=None, help="run these benchmarks (e.g. bench_check.py) alone"
    )
    ap.add_argument("--keep", default=None, help="a folder keeping the cost benchmark's built sheets")
    a = ap.parse_args()
    rows = read(Path(a.source)) if a.source else run_all(a.quick, a.old_tree, a.only, a.keep)
    rewrite(DOC, rows, a.only)
    print(f"wrote {DOC}")


if __name__ == "__main__":
    main()
