"""Cost-sheet import speed and memory on a 100,000-line sheet, against the raw read of the same file.

    .venv/bin/python benchmarks/bench_costs.py [--lines 100000] [--repeat 3] [--openpyxl]

Builds a realistic sheet (title block, header, 50 sections with subtotals, a grand total, prices
with cents, text in some number cells, a few hidden rows), then times, in the same run:
- raw read: python-calamine opening the file and reading every cell value (the fastest reader);
- import: `import_cost_sheet` (reading, XML scan for hidden rows/uncached formulas, header
  detection, parsing and checking every cell, building the model).
The import should stay within 2× of the raw read. `--openpyxl` also times openpyxl's read-only
mode, the alternative reader. Peak memory is the process's peak resident size (it includes the
Rust reader's allocations, which tracemalloc would not see) measured in a fresh child process.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


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


def openpyxl_read(path: Path) -> int:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += len(row)
    wb.close()
    return cells


def do_import(path: Path) -> int:
    from bidassist.costs import import_cost_sheet

    result = import_cost_sheet(path)
    return len(result.model.lines)


def timed(fn, path: Path) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result)."""
    w, c = time.perf_counter(), time.process_time()
    out = fn(path)
    return time.perf_counter() - w, time.process_time() - c, out


def peak_memory_mb(path: Path) -> float:
    """Peak RSS of a fresh process that only imports the sheet."""
    code = (
        f"import resource, sys; sys.path.insert(0, {str(ROOT)!r}); "
        "from bidassist.costs import import_cost_sheet; "
        f"import_cost_sheet({str(path)!r}); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024  # Linux: KiB


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--openpyxl", action="store_true", help="also time openpyxl read-only")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big_costs.xlsx"
        t = time.perf_counter()
        build(path, args.lines)
        print(
            f"built {args.lines:,} lines in {time.perf_counter() - t:.1f} s "
            f"({path.stat().st_size / 1e6:.1f} MB)"
        )
        # interleave so that machine load affects both alike; keep the best of each
        raw_w = raw_c = imp_w = imp_c = float("inf")
        for _ in range(args.repeat):
            w, c, cells = timed(raw_read, path)
            raw_w, raw_c = min(raw_w, w), min(raw_c, c)
            w, c, n = timed(do_import, path)
            imp_w, imp_c = min(imp_w, w), min(imp_c, c)
        print(f"raw read (python-calamine): {raw_w:.3f} s wall, {raw_c:.3f} s CPU  ({cells:,} cells)")
        print(f"import_cost_sheet:          {imp_w:.3f} s wall, {imp_c:.3f} s CPU  ({n:,} lines)")
        print(
            f"ratio import / raw read:    {imp_w / raw_w:.2f}× wall, {imp_c / raw_c:.2f}× CPU  (target ≤ 2×)"
        )
        if args.openpyxl:
            ot, _, _ = timed(openpyxl_read, path)
            print(f"openpyxl read-only read:    {ot:.3f} s wall  ({ot / raw_w:.1f}× the calamine read)")
        peak = peak_memory_mb(path)
        print(f"peak memory (import, RSS):  {peak:.0f} MB  (target < 1024 MB)")


if __name__ == "__main__":
    main()
