"""Start-up benchmark: `bidassist --help` and `bidassist check` on the bundled example in fresh
interpreters, CPU time (user + system of the child) and wall time, medians of 3 alternating runs.

`--help` twice: with its text kept in the cache folder by an earlier run (cli/helpcache.py: printed
without importing typer or click), beside the bare interpreter; and with an empty cache folder each
run (printed through typer, which writes the text), beside the fair floor of that path, a fresh
interpreter printing the `--help` of a two-command Typer app in the same plain layout
(`rich_markup_mode=None`, as bidassist's): what any typer CLI pays before its own code. The old
baseline: the same `--help` from an older checkout (`--old-tree DIR` holding its `bidassist` package,
e.g. from `git archive`), when given; else the cold run beside the kept one, and the bare interpreter
beside the cold one.

`bidassist check examples/hospital/contract.docx --format json -o OUT --force`, with the compiled
rule patterns cached (warm: the cache folder written by an earlier run) and not (cold: an empty
cache folder each run, so the run also writes it), beside
- the floor `python -c "import bidassist.cli.app"` (the CLI imported, nothing run), same run;
- the old baseline: the same check by the older checkout when given, else the cold run.

The commands run this checkout's bidassist (PYTHONPATH is the checkout), each cache folder a
temporary one (XDG_CACHE_HOME), never the user's.

    .venv/bin/python benchmarks/bench_startup.py [--old-tree DIR] [--json FILE] [--skip-check]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Figure, emit  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HELP = [sys.executable, "-m", "bidassist", "--help"]
EXAMPLE = ROOT / "examples" / "hospital" / "contract.docx"
IMPORT_APP = [sys.executable, "-c", "import bidassist.cli.app"]
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


def child(cmd: list[str], pythonpath: str | None = None, cache: str | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of one run of cmd."""
    env = dict(os.environ)
    # An installed package has its bytecode compiled; a shell that sets PYTHONDONTWRITEBYTECODE would
    # make every run recompile the sources (0.1 s more), which no user pays.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = pythonpath or str(ROOT)
    if cache:
        env["XDG_CACHE_HOME"] = cache
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd="/")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def child_cpu(cmd: list[str], pythonpath: str | None = None) -> float:
    """CPU seconds (user + system) of one run of cmd."""
    return child(cmd, pythonpath)[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--old-tree", default=None, help="a folder holding an older bidassist package")
    ap.add_argument("--json", default=None)
    ap.add_argument("--skip-check", action="store_true", help="--help only")
    a = ap.parse_args()
    old_tree = str(Path(a.old_tree).resolve()) if a.old_tree else None
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        out = str(Path(tmp) / "out.json")
        check = [
            sys.executable,
            "-m",
            "bidassist",
            "check",
            str(EXAMPLE),
            "--format",
            "json",
            "-o",
            out,
            "--force",
        ]
        warm = str(Path(tmp) / "warm")
        cold_n = iter(range(10**6))
        # name -> (command, PYTHONPATH, cache folder: a fixed one, or a new empty one per run)
        runs: dict[str, tuple[list[str], str | None, object]] = {
            "help": (HELP, None, str(Path(tmp) / "help")),
            "help_cold": (HELP, None, lambda: str(Path(tmp) / f"cold{next(cold_n)}")),
            "floor": (FLOOR, None, None),
            "bare": (BARE, None, None),
        }
        if old_tree:
            runs["old"] = (HELP, old_tree, None)
        if not a.skip_check:
            runs["import"] = (IMPORT_APP, None, None)
            runs["warm"] = (check, None, warm)
            runs["cold"] = (check, None, lambda: str(Path(tmp) / f"cold{next(cold_n)}"))
            if old_tree:
                runs["old_check"] = (check, old_tree, str(Path(tmp) / "old"))
        # warm the file cache and write the bytecode, as an install does; write the warm pattern cache
        for name in ("help", "old", "warm", "old_check"):  # the kept help text written here
            if name in runs:
                cmd, path, cache = runs[name]
                child(cmd, path, cache if isinstance(cache, str) else None)
        times: dict[str, list[tuple[float, float]]] = {k: [] for k in runs}
        for _ in range(a.repeat):
            for k, (cmd, path, cache) in runs.items():
                folder = cache() if callable(cache) else cache
                times[k].append(child(cmd, path, folder))
    t = {k: statistics.median(c for _, c in v) for k, v in times.items()}
    w = {k: statistics.median(x for x, _ in v) for k, v in times.items()}
    command = "benchmarks/bench_startup.py" + (" --old-tree OLD" if a.old_tree else "")
    old, old_what = (
        (t["old"], "--help of the older tree") if a.old_tree else (t["help_cold"], "the same, cold cache")
    )
    cold_old, cold_what = (
        (t["old"], "--help of the older tree") if a.old_tree else (t["bare"], "bare interpreter")
    )
    figures = [
        Figure(
            "`bidassist --help`, text kept by an earlier run (CPU, fresh interpreter)",
            t["help"],
            t["bare"],
            "the bare interpreter",
            old,
            old_what,
            target="≤ 0.15 s",
            command=command,
        ),
        Figure(
            "`bidassist --help`, empty cache folder: through typer, keeping the text (CPU, fresh interpreter)",
            t["help_cold"],
            t["floor"],
            "a two-command typer app's --help",
            cold_old,
            cold_what,
            command=command,
        ),
    ]
    if not a.skip_check:
        base = ("old_check", "the older tree's check") if old_tree else ("cold", "the same check, cold cache")
        for name, what in (("warm", "patterns cached"), ("cold", "cold pattern cache, written by the run")):
            old_wall = f", old {w[base[0]]:.2f} s" if base[0] != name else ""
            figures.append(
                Figure(
                    f"`bidassist check` bundled example, {what} (CPU, fresh interpreter; wall "
                    f"{w[name]:.2f} s, floor {w['import']:.2f} s{old_wall})",
                    t[name],
                    t["import"],
                    "`python -c 'import bidassist.cli.app'`",
                    t[base[0]] if base[0] != name else None,
                    base[1] if base[0] != name else "",
                    command="benchmarks/bench_startup.py" + (" --old-tree OLD" if a.old_tree else ""),
                )
            )
    emit(figures, a.json)


if __name__ == "__main__":
    main()
