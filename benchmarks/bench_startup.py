"""Start-up benchmark: `bidassist --help` in a fresh interpreter, CPU time (user + system of the
child), medians of 3 alternating runs, beside

- the fair floor: a fresh interpreter printing the `--help` of a two-command Typer app in the same
  plain layout (`rich_markup_mode=None`, as bidassist's): what any typer CLI pays before its own code;
- the old baseline: the same `--help` from an older checkout (`--old-tree DIR` holding its `bidassist`
  package, e.g. from `git archive`), when given; and the bare interpreter.

    .venv/bin/python benchmarks/bench_startup.py [--old-tree DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Figure, emit  # noqa: E402

HELP = [sys.executable, "-m", "bidassist", "--help"]
FLOOR_CODE = """
import typer
app = typer.Typer(rich_markup_mode=None, add_completion=False)
@app.command()
def one() -> None:
    "One command."
@app.command()
def two() -> None:
    "Another command."
app(["--help"])
"""
FLOOR = [sys.executable, "-c", FLOOR_CODE]
BARE = [sys.executable, "-c", "pass"]


def child_cpu(cmd: list[str], pythonpath: str | None = None) -> float:
    """CPU seconds (user + system) of one run of cmd."""
    env = dict(os.environ)
    # An installed package has its bytecode compiled; a shell that sets PYTHONDONTWRITEBYTECODE would
    # make every run recompile the sources (0.1 s more), which no user pays.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, env=env, cwd="/")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--old-tree", default=None, help="a folder holding an older bidassist package")
    ap.add_argument("--json", default=None)
    a = ap.parse_args()
    runs = {"help": (HELP, None), "floor": (FLOOR, None), "bare": (BARE, None)}
    if a.old_tree:
        runs["old"] = (HELP, str(Path(a.old_tree).resolve()))
    child_cpu(HELP)  # warm the file cache and write the bytecode, as an install does
    if a.old_tree:
        child_cpu(HELP, str(Path(a.old_tree).resolve()))
    times: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(a.repeat):
        for k, (cmd, path) in runs.items():
            times[k].append(child_cpu(cmd, path))
    t = {k: statistics.median(v) for k, v in times.items()}
    old, old_what = (t["old"], "--help of the older tree") if a.old_tree else (t["bare"], "bare interpreter")
    emit(
        [
            Figure(
                "`bidassist --help` (CPU, fresh interpreter)",
                t["help"],
                t["floor"],
                "a two-command typer app's --help",
                old,
                old_what,
                target="≤ 0.15 s",
                command="benchmarks/bench_startup.py" + (" --old-tree OLD" if a.old_tree else ""),
            )
        ],
        a.json,
    )


if __name__ == "__main__":
    main()
