"""Cost-sheet import speed and memory on a 100,000-line sheet, against the raw read of the same file.

    .venv/bin/python benchmarks/bench_costs.py [--lines 100000] [--repeat 3] [--memory-lines 500000]
        [--skip-memory] [--keep DIR] [--openpyxl] [--json FILE]

Builds a realistic sheet (title block, header, 50 sections with subtotals, a grand total, prices
with cents, text in some number cells, a few hidden rows), then times, in the same run:
- raw read: python-calamine opening the file and reading every cell value (the fastest reader);
- import: `import_cost_sheet` (reading, XML scan for hidden rows/uncached formulas, header
  detection, parsing and checking every cell, building the model).
- floor: calamine's read plus one pass over the sheet XML (issue #17's fair floor).
Figures are CPU-time medians of `--repeat` runs. The import should stay within 2× of the raw read
(#10) and 1.3× of the floor (#17). `--openpyxl` also times openpyxl's read-only
mode, the alternative reader. Peak memory is the peak resident size (VmHWM, which includes
the Rust reader's allocations) of a fresh process, beside that of a process that only imports,
at `--memory-lines` (#17 asks for 500,000). A sheet over the default sheet limits (200,000 rows,
5,000,000 cells: `costs.SheetLimits`) is imported with the limits raised, and the run says so.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _common import Figure, emit  # noqa: E402


def build(path: Path, lines: int, seed: int = 1) -> None:
    from openpyxl import Workbook

    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Costs")
    ws.append(["某医院净化空调工程 成本测算表"])
    ws.append(["编制单位：测试", None, None, "日期：2026-01-01"])
    ws.append(
        [
            "序号",
            "项目编码",
            "项目名称",
            "单位",
            "数量",
            "最低单价",
            "最可能单价",
            "最高单价",
            "合价(元)",
            "类别",
            "备注",
        ]
    )
    units = ["台", "套", "m", "m²", "个", "项", "工日", "kg"]
    cats = ["设备", "材料", "人工", "其他"]
    per_section = max(1, lines // 50)
    grand = 0.0
    n = 0
    section = 0
    while n < lines:
        section += 1
        ws.append([f"第{section}部分", None, f"分部 {section}"])
        sub = 0.0
        for _ in range(min(per_section, lines - n)):
            n += 1
            qty = rng.choice([1, 2, 3, 5, 8, 12, 20, 36.5, 120, 480.25])
            likely = round(rng.uniform(5, 50000), 2)
            three = rng.random() < 0.5
            low = round(likely * rng.uniform(0.85, 1.0), 2) if three else None
            high = round(likely * rng.uniform(1.0, 1.3), 2) if three else None
            amount = round(qty * likely, 2)
            sub += amount
            qty_cell = f"{qty:,}" if rng.random() < 0.05 else qty  # some numbers stored as text
            ws.append(
                [
                    n,
                    f"0307{n:08d}",
                    f"项目 {n} 规格{rng.randint(1, 999)}",
                    rng.choice(units),
                    qty_cell,
                    low,
                    likely,
                    high,
                    amount,
                    rng.choice(cats),
                    None,
                ]
            )
        ws.append([None, None, "小计", None, None, None, None, None, round(sub, 2)])
        grand += sub
    ws.append([None, None, "合计", None, None, None, None, None, round(grand, 2)])
    wb.save(path)


def raw_read(path: Path) -> int:
    import python_calamine as pc

    wb = pc.CalamineWorkbook.from_path(str(path))
    cells = 0
    for name in wb.sheet_names:
        rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
        cells += sum(len(r) for r in rows)
    wb.close()
    return cells


def floor_read(path: Path) -> int:
    """The fair floor (#17): calamine's read plus one pass over each sheet's XML (decompress and
    one literal-led regular-expression scan over the bytes)."""
    import re
    import zipfile

    cells = raw_read(path)
    pattern = re.compile(rb'row\b[^>]*?\sr\s*=\s*["\'](\d+)')
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                pattern.findall(zf.read(name))
    return cells


def openpyxl_read(path: Path) -> int:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += len(row)
    wb.close()
    return cells


def do_import(path: Path, **kwargs: object) -> int:
    from bidassist.costs import import_cost_sheet

    result = import_cost_sheet(path, **kwargs)  # type: ignore[arg-type]
    return len(result.model.lines)


def timed(fn, path: Path) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result)."""
    w, c = time.perf_counter(), time.process_time()
    out = fn(path)
    return time.perf_counter() - w, time.process_time() - c, out


_HWM = (
    "def hwm():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            return int(line.split()[1])\n"
)


#: the sheet limits the benchmark gives a sheet over the defaults (200,000 rows, 5,000,000 cells)
RAISED = {"rows": 1_048_576, "cells": 20_000_000}


def over_limits(lines: int) -> bool:
    return lines + 200 > 200_000  # the title, header, section and total rows


def import_kwargs(lines: int) -> dict:
    from bidassist.costs import SheetLimits

    return {"limits": SheetLimits(**RAISED)} if over_limits(lines) else {}


def peak_memory_mb(path: Path, lines: int, *, baseline: bool = False) -> float:
    """Peak RSS of a fresh process (VmHWM of its own address space: ru_maxrss would carry the
    parent's peak across exec) that imports the package and, unless `baseline`, the sheet."""
    limits = f"limits=SheetLimits(**{RAISED!r})" if over_limits(lines) else ""
    work = "" if baseline else f"import_cost_sheet({str(path)!r}, {limits}); "
    code = (
        _HWM + f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
        "from bidassist.costs import SheetLimits, import_cost_sheet; " + work + "print(hwm())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024  # KiB


def sheet(path: Path, lines: int) -> Path:
    """The benchmark sheet of `lines` lines at `path`, built unless it is there (--keep)."""
    if not path.exists():
        t = time.perf_counter()
        build(path, lines)
        print(
            f"built {lines:,} lines in {time.perf_counter() - t:.1f} s ({path.stat().st_size / 1e6:.1f} MB)"
        )
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--memory-lines", type=int, default=0, help="peak memory at this many lines (default: --lines)"
    )
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--openpyxl", action="store_true", help="also time openpyxl read-only")
    ap.add_argument("--keep", default=None, help="a folder to keep the built sheets in and reuse them from")
    ap.add_argument("--json", default=None, help="append the figures as JSON lines to this file")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = sheet(folder / f"costs_{args.lines}.xlsx", args.lines)
        if over_limits(max(args.lines, args.memory_lines)):
            print(f"a sheet over the default sheet limits is imported with SheetLimits(**{RAISED})")
        figures = [timing(path, args)]
        if not args.skip_memory:
            lines = args.memory_lines or args.lines
            mem_path = path if lines == args.lines else sheet(folder / f"costs_{lines}.xlsx", lines)
            figures.append(memory(mem_path, lines, command(args)))
        emit(figures, args.json)


def command(args: argparse.Namespace) -> str:
    """The command line that gives the figures (for the table's list of commands)."""
    memory = f" --memory-lines {args.memory_lines}" if args.memory_lines and not args.skip_memory else ""
    return f"benchmarks/bench_costs.py --lines {args.lines}{memory}"


def timing(path: Path, args: argparse.Namespace) -> Figure:
    kwargs = import_kwargs(args.lines)
    # interleave so that machine load affects all alike
    raw_w, raw_c, flo_c, imp_w, imp_c = [], [], [], [], []
    for _ in range(args.repeat):
        w, c, cells = timed(raw_read, path)
        raw_w.append(w)
        raw_c.append(c)
        flo_c.append(timed(floor_read, path)[1])
        w, c, n = timed(lambda p: do_import(p, **kwargs), path)
        imp_w.append(w)
        imp_c.append(c)
    med = statistics.median
    print(f"raw read (python-calamine): {med(raw_w):.3f} s wall, {med(raw_c):.3f} s CPU  ({cells:,} cells)")
    print(f"calamine + one XML pass:    {med(flo_c):.3f} s CPU  (the #17 floor)")
    print(f"import_cost_sheet:          {med(imp_w):.3f} s wall, {med(imp_c):.3f} s CPU  ({n:,} lines)")
    print(
        f"ratio import / raw read:    {med(imp_c) / med(raw_c):.2f}× CPU (medians of {args.repeat}; #10 ≤ 2×)"
    )
    print(f"ratio import / floor:       {med(imp_c) / med(flo_c):.2f}× CPU (#17 ≤ 1.3×)")
    if args.openpyxl:
        ot, _, _ = timed(openpyxl_read, path)
        print(f"openpyxl read-only read:    {ot:.3f} s wall  ({ot / med(raw_w):.1f}× the calamine read)")
    return Figure(
        f"cost import, {args.lines:,} lines (median of {args.repeat})",
        med(imp_c),
        med(flo_c),
        "calamine read + one pass over the sheet XML",
        med(raw_c),
        "calamine raw read, the #10 baseline",
        target="≤ 1.3× floor",
        command=command(args),
    )


def memory(path: Path, lines: int, command: str) -> Figure:
    peak = peak_memory_mb(path, lines)
    base = peak_memory_mb(path, lines, baseline=True)
    per_line = (peak - base) * 1024 * 1024 / lines
    print(
        f"peak memory (fresh process), {lines:,} lines: {peak:.0f} MB; imports alone {base:.0f} MB; "
        f"{per_line:,.0f} bytes per line above that (#17 ≤ 1 KB per line; #10 < 1024 MB)"
    )
    return Figure(
        f"cost import peak memory above the imports, {lines:,} lines (fresh process)",
        per_line,
        None,
        "",
        None,
        "",
        unit="bytes a line",
        target="≤ 1,024 bytes a line",
        command=command,
    )


if __name__ == "__main__":
    main()
