"""Dump every dev cost workbook's import result as canonical JSON: the before/after record of a
change to the importer's reading, value conversion or line building that must not change a result.

    .venv/bin/python benchmarks/dump_costs.py OUT.json [--corpus DIR] [--manifest FILE] [--bench-lines N]
    .venv/bin/python benchmarks/dump_costs.py --compare A.json B.json

Each `split: dev` entry of the manifest is imported as a user first runs it (`import_cost_sheet(file)`)
and, where the manifest lists them, with its `with_sheet` sheets and `with_map` maps; each is also
imported with every row through the full path (`table.FAST_PATH = False`). A result is the whole
`CostImport.to_json()` (lines, totals, warnings, markups, sheets, reconciliation) plus the lines'
exact Decimals as text (`repr`, so 1.50 and 1.5 differ), or the refusal's message and every
problem. `--bench-lines N` (default 20,000; 0 skips it) also imports bench_costs.py's generated
sheet of N lines. Held-out files are never opened.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from bidassist.core.errors import BidassistError  # noqa: E402
from bidassist.costs import import_cost_sheet, table  # noqa: E402


def _exact(result) -> list:
    """Every line's fields exactly as held (Decimal exponents included)."""
    return [
        [
            ln.code,
            ln.description,
            ln.unit,
            repr(ln.quantity),
            repr(ln.low),
            repr(ln.likely),
            repr(ln.high),
            ln.distribution,
            ln.category,
            ln.risk,
            ln.source,
            None if ln.breakdown is None else {k: repr(v) for k, v in ln.breakdown.items()},
            ln.priced,
            type(ln).__name__,
        ]
        for ln in result.model.lines
    ]


def record(path: Path, **kwargs: object) -> dict:
    try:
        result = import_cost_sheet(path, **kwargs)  # type: ignore[arg-type]
    except BidassistError as exc:
        problems = getattr(exc, "problems", None) or []
        return {
            "error": type(exc).__name__,
            "message": str(exc),
            "problems": [[p.where, p.message] for p in problems],
        }
    out = result.to_json()
    out["exact"] = _exact(result)
    out["model_totals"] = {k: repr(v) for k, v in result.model.totals.__dict__.items()}
    return out


def runs(entry: dict) -> list[tuple[str, dict]]:
    """(label, import keyword arguments) for every route the manifest names for this entry."""
    out: list[tuple[str, dict]] = [("default", {})]
    for name in entry.get("with_sheet") or {}:
        out.append((f"sheet={name}", {"sheet": str(name)}))
    for spec in entry.get("with_map") or {}:
        out.append((f"map={spec}", {"mapping": str(spec)}))
    return out


def dump(corpus: Path, manifest: Path, bench_lines: int) -> dict:
    entries = [e for e in yaml.safe_load(manifest.read_text(encoding="utf-8")) if e.get("split") == "dev"]
    out: dict[str, dict] = {}
    for entry in entries:
        path = corpus / entry["file"]
        for label, kwargs in runs(entry):
            for fast in (True, False):
                table.FAST_PATH = fast
                try:
                    out[f"{entry['id']} {label}{'' if fast else ' full'}"] = record(path, **kwargs)
                finally:
                    table.FAST_PATH = True
    if bench_lines:
        from bench_costs import build

        with tempfile.TemporaryDirectory() as tmp:
            sheet = Path(tmp) / "bench.xlsx"
            build(sheet, bench_lines)
            out[f"bench {bench_lines}"] = record(sheet)
            table.FAST_PATH = False
            try:
                out[f"bench {bench_lines} full"] = record(sheet)
            finally:
                table.FAST_PATH = True
    return out


def compare(a: Path, b: Path) -> int:
    left, right = json.loads(a.read_text()), json.loads(b.read_text())
    differ = sorted(k for k in left.keys() | right.keys() if left.get(k) != right.get(k))
    for key in differ:
        print(f"differs: {key}")
    print(f"{len(left)} / {len(right)} results, {len(differ)} differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?")
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"))
    ap.add_argument("--corpus", default=os.environ.get("BIDASSIST_COST_CORPUS", "/work/corpus/costs"))
    ap.add_argument("--manifest", default=str(ROOT / "benchmarks" / "corpora" / "costs" / "manifest.yaml"))
    ap.add_argument("--bench-lines", type=int, default=20_000)
    args = ap.parse_args(argv)
    if args.compare:
        return compare(Path(args.compare[0]), Path(args.compare[1]))
    if not args.out:
        ap.error("OUT.json or --compare A B")
    t = time.perf_counter()
    data = dump(Path(args.corpus), Path(args.manifest), args.bench_lines)
    Path(args.out).write_text(
        json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
    )
    print(f"{len(data)} results in {time.perf_counter() - t:.1f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
