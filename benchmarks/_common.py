"""Shared helpers of the benchmarks: CPU time, medians, peak memory of a fresh process, and the
machine-readable figures that `benchmarks/figures.py` turns into the table in docs/performance.md.

Every benchmark prints its figure beside the fair floor (the unavoidable work done by the fastest
known means) and beside the old baseline, measured in the same run, alternating, in CPU time.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path


def cpu(fn: Callable[[], object]) -> float:
    """CPU seconds (this process) taken by fn()."""
    t = time.process_time()
    fn()
    return time.process_time() - t


def medians(runs: dict[str, Callable[[], object]], repeat: int = 3) -> dict[str, float]:
    """Median CPU time of each run, the runs alternating so that all see the same machine load."""
    times: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(repeat):
        for k, fn in runs.items():
            times[k].append(cpu(fn))
    return {k: statistics.median(v) for k, v in times.items()}


def peak_mb() -> float:
    """Peak resident memory of this process since its exec (VmHWM: the memory map's high-water
    mark, which a new program does not inherit, unlike ru_maxrss)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource  # not Linux: ru_maxrss (may include what the parent had)

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fresh_process_peak(code: str) -> float:
    """Peak memory (MB) of a fresh interpreter running `code` (which must print peak_mb() last)."""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path(__file__).parent
    )
    return float(out.stdout.split()[-1])


@dataclass
class Figure:
    """One row of the figures table: our time, the fair floor and the old baseline, same run."""

    work: str
    now: float
    floor: float | None
    floor_what: str
    old: float | None = None
    old_what: str = ""
    unit: str = "s"
    target: str = ""
    command: str = ""

    @property
    def ratio(self) -> float | None:
        return self.now / self.floor if self.floor else None

    def line(self) -> str:
        parts = [f"{self.work}: {fmt(self.now, self.unit)}"]
        if self.floor is not None:
            parts.append(f"floor ({self.floor_what}) {fmt(self.floor, self.unit)} → {self.ratio:.2f}×")
        if self.old is not None:
            parts.append(
                f"old baseline ({self.old_what}) {fmt(self.old, self.unit)} → {self.now / self.old:.2f}×"
            )
        if self.target:
            parts.append(f"target {self.target}")
        return "; ".join(parts)


def fmt(x: float, unit: str) -> str:
    if unit == "s":
        return f"{x:.3f} s" if x < 10 else f"{x:.1f} s"
    if unit == "ms":
        return f"{x:.1f} ms"
    if unit == "×":
        return f"{x:.2f}×"
    if unit.startswith("bytes"):
        return f"{x:,.0f} {unit}"
    return f"{x:,.1f} {unit}"


def emit(figures: list[Figure], path: str | None) -> None:
    """Print the figures; with a path, also append them as JSON lines for figures.py."""
    for f in figures:
        print(f.line())
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            for f in figures:
                fh.write(json.dumps(asdict(f) | {"ratio": f.ratio}, ensure_ascii=False) + "\n")
