"""Cost-sheet import speed and memory on a 100,000-line sheet, against the raw read of the same file.

    .venv/bin/python benchmarks/bench_costs.py [--lines 100000] [--repeat 3] [--openpyxl]

Builds a realistic sheet (title block, header, 50 sections with subtotals, a grand total, prices
with cents, text in some number cells, a few hidden rows), then times, in the same run:
- raw read: python-calamine opening the file and reading every cell value (the fastest reader);
- import: `import_cost_sheet` (reading, XML scan for hidden rows/uncached formulas, header
  detection, parsing and checking every cell, building the model).
- floor: calamine's read plus one pass over the sheet XML (issue #17's fair floor).
Figures are CPU-time medians of `--repeat` runs. The import should stay within 2× of the raw read
(#10) and 1.3× of the floor (#17). `--openpyxl` also times openpyxl's read-only
mode, the alternative reader. Peak memory is the peak resident size (VmHWM, which includes
the Rust reader's allocations) of a fresh process, beside that of a process that only imports.
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


def do_import(path: Path) -> int:
    from bidassist.costs import import_cost_sheet

    result = import_cost_sheet(path)
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


def peak_memory_mb(path: Path, *, baseline: bool = False) -> float:
    """Peak RSS of a fresh process (VmHWM of its own address space: ru_maxrss would carry the
    parent's peak across exec) that imports the package and, unless `baseline`, the sheet."""
    work = "" if baseline else f"import_cost_sheet({str(path)!r}); "
    code = (
        _HWM + f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
        "from bidassist.costs import import_cost_sheet; " + work + "print(hwm())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024  # KiB


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
        raw_w, raw_c, flo_c, imp_w, imp_c = [], [], [], [], []
        for _ in range(args.repeat):
            w, c, cells = timed(raw_read, path)
            raw_w.append(w)
            raw_c.append(c)
            flo_c.append(timed(floor_read, path)[1])
            w, c, n = timed(do_import, path)
            imp_w.append(w)
            imp_c.append(c)
        med = statistics.median
        print(
            f"raw read (python-calamine): {med(raw_w):.3f} s wall, {med(raw_c):.3f} s CPU  ({cells:,} cells)"
        )
        print(f"calamine + one XML pass:    {med(flo_c):.3f} s CPU  (the #17 floor)")
        print(f"import_cost_sheet:          {med(imp_w):.3f} s wall, {med(imp_c):.3f} s CPU  ({n:,} lines)")
        print(
            f"ratio import / raw read:    {med(imp_c) / med(raw_c):.2f}× CPU (medians of {args.repeat}; #10 ≤ 2×)"
        )
        print(f"ratio import / floor:       {med(imp_c) / med(flo_c):.2f}× CPU (#17 ≤ 1.3×)")
        if args.openpyxl:
            ot, _, _ = timed(openpyxl_read, path)
            print(f"openpyxl read-only read:    {ot:.3f} s wall  ({ot / raw_w:.1f}× the calamine read)")
        peak = peak_memory_mb(path)
        base = peak_memory_mb(path, baseline=True)
        per_line = (peak - base) * 1024 * 1024 / max(1, n)
        print(
            f"peak memory (fresh process): {peak:.0f} MB; imports alone {base:.0f} MB; "
            f"{per_line:,.0f} bytes per line above that (#17 ≤ 1 KB per line; #10 < 1024 MB)"
        )


if __name__ == "__main__":
    main()
