"""Benchmark: a 1,000-row and a 10,000-row 分项报价表 rendered by bidassist vs plain docxtpl, same template, same data.

Run at 1,000 rows and at 10,000 (`--big`), with the 10,000 ÷ 1,000 time ratio of each beside
the others (linear would be 10×; the target is ≤ 11×).

bidassist's figure is the whole `render_template` call: pricing the schedule, the data checks, the
sandboxed strict render, fitting the table's columns to its figures, the read-back checks (on the
rendered tree in memory), saving and the atomic write.
The old baseline is docxtpl alone: `DocxTemplate.render` (autoescape, a plain Jinja environment with
the same filters) and `save` of the same template with the already-built data. The fair floor is
Jinja2 rendering the template's document XML (cleaned by docxtpl beforehand) and zipping it with
the template's other parts. All in CPU time, alternating, in the same run.

    .venv/bin/python benchmarks/bench_render.py [--rows 1000] [--big 10000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _common import Figure, emit  # noqa: E402
from docxtpl import DocxTemplate  # noqa: E402
from jinja2 import Environment  # noqa: E402

from bidassist.core.bidfile import load_bid  # noqa: E402
from bidassist.costs.model import CostLine, CostModel  # noqa: E402
from bidassist.documents import build_data, find_template, render_template  # noqa: E402
from bidassist.documents.environment import FILTERS  # noqa: E402


def cost_model(rows: int) -> CostModel:
    lines = []
    for i in range(rows):
        qty = Decimal(1 + (i * 37) % 400) / (2 if i % 5 == 0 else 1)
        likely = Decimal(50 + (i * 7919) % 20000) + Decimal(i % 100) / 100
        lines.append(
            CostLine(
                code=f"L{i + 1:04d}",
                description=f"材料设备第{i + 1}项 规格{i % 17}",
                unit="m" if i % 2 else "台",
                quantity=qty,
                low=likely,
                likely=likely,
                high=likely,
                category=("设备", "材料", "人工")[i % 3],
            )
        )
    lines.append(
        CostLine(
            code="LS",
            description="调试",
            unit="项",
            quantity=Decimal(1),
            low=Decimal(1000),
            likely=Decimal(1000),
            high=Decimal(1000),
        )
    )
    return CostModel(lines=lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--big", type=int, default=10000, help="the large schedule (0: skip it)")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", default=None, help="append the figures as JSON lines to this file")
    args = parser.parse_args()

    small = measure(args.rows, args.repeat)
    command = f"benchmarks/bench_render.py --rows {args.rows}" + (f" --big {args.big}" if args.big else "")
    figures = [small.figure(args.repeat, command)]
    if args.big:
        big_repeat = max(3, args.repeat // 2)
        big = measure(args.big, big_repeat)
        figures.append(big.figure(big_repeat, command))
        ours, plain = big.ours / small.ours, big.plain / small.plain
        print(
            f"{args.big:,} rows ÷ {args.rows:,} rows: bidassist {ours:.2f}×, docxtpl {plain:.2f}×, "
            f"Jinja2 + zip {big.floor / small.floor:.2f}× (linear: {args.big / args.rows:.0f}×; target ≤ 11×)"
        )
        figures.append(
            Figure(
                f"render time, {args.big:,} ÷ {args.rows:,} rows",
                ours,
                args.big / args.rows,
                "linear in rows",
                plain,
                "docxtpl's own ratio",
                unit="×",
                target="≤ 11×",
                command=command,
            )
        )
    emit(figures, args.json)


@dataclass
class Timing:
    rows: int
    ours: float  # medians, seconds of CPU
    plain: float
    floor: float

    def figure(self, repeat: int, command: str) -> Figure:
        return Figure(
            f"render, {self.rows:,}-row 分项报价表 (median of {repeat})",
            self.ours * 1000,
            self.floor * 1000,
            "Jinja2 on the document XML + zip",
            self.plain * 1000,
            "docxtpl render + save",
            unit="ms",
            target="≤ 1.0× docxtpl" if self.rows <= 1000 else "",
            command=command,
        )


def measure(rows: int, repeat: int) -> Timing:
    """bidassist, docxtpl and the floor on a `rows`-row schedule, alternating, CPU time."""
    bid = load_bid(ROOT / "bidassist" / "examples" / "hospital" / "bid.yaml")
    costs = cost_model(rows - 1)
    price = (costs.totals.likely * Decimal("1.35")).quantize(Decimal("0.01"))
    bid.tender.ceiling_price = price * 2
    spec = find_template("分项报价表")
    context = build_data(bid, costs, price).context
    plain_env = Environment(autoescape=True)
    plain_env.filters.update(FILTERS)

    def plain() -> None:
        tpl = DocxTemplate(spec.path)
        tpl.render(context, jinja_env=plain_env)
        tpl.save(io.BytesIO())

    floor = xml_floor(spec.path, context, plain_env)
    ours_times, plain_times, floor_times = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(repeat + 1):  # first round warms up both
            t0 = time.process_time()
            plain()
            t1 = time.process_time()
            render_template(spec.name, bid, costs, price, Path(tmp) / f"out{i}.docx")
            t2 = time.process_time()
            floor()
            t3 = time.process_time()
            if i:
                plain_times.append(t1 - t0)
                ours_times.append(t2 - t1)
                floor_times.append(t3 - t2)
    med = statistics.median
    p, o = min(plain_times), min(ours_times)
    pm, om = med(plain_times), med(ours_times)
    print(f"{rows:,}-row 分项报价表, {repeat} alternating runs each (best / median):")
    print(f"  plain docxtpl : {p * 1000:8.1f} ms / {pm * 1000:8.1f} ms")
    print(
        f"  bidassist     : {o * 1000:8.1f} ms / {om * 1000:8.1f} ms"
        "  (spread + checks + sandbox + table fitting + read-back + atomic write)"
    )
    print(f"  ratio         : {o / p:.2f}x best, {om / pm:.2f}x median  (target <= 1.00x at 1,000 rows)")
    return Timing(rows, om, pm, med(floor_times))


def xml_floor(path: Path, context: dict, env: Environment) -> Callable[[], None]:
    """The fair floor: the template's document XML (tags already cleaned by docxtpl, outside the
    timing) rendered by Jinja2 and zipped with the template's other parts."""
    tpl = DocxTemplate(path)
    tpl.init_docx()
    xml = tpl.patch_xml(tpl.get_xml())
    template = env.from_string(xml)
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}

    def run() -> None:
        doc = template.render(context)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in parts.items():
                out.writestr(name, doc.encode("utf-8") if name == "word/document.xml" else data)

    return run


if __name__ == "__main__":
    main()
