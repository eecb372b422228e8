"""Reports of a walk-forward backtest: terminal table, Excel workbook and HTML page, each with the
reliability table (predicted vs observed win rate by decile) and, in xlsx and HTML, its chart."""

from __future__ import annotations

import html
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import Reference, ScatterChart, Series
from rich.console import Console
from rich.table import Table

from bidassist.core.safeio import atomic_write_text
from bidassist.core.xlsxout import new_workbook, save_workbook
from bidassist.pricing.backtest import Backtest

#: size of the HTML reliability chart (pixels)
SVG_SIZE = 360


def print_backtest(bt: Backtest, console: Console | None = None) -> None:
    console = console or Console()
    t = Table(
        title=f"回测 / Walk-forward backtest: {bt.n_bids:,} bids, {bt.n_lettings:,} lettings, "
        f"{bt.years[0]}–{bt.years[-1]}, win rate {bt.win_rate:.3f}"
    )
    for col in ("", "Brier", "log loss", "calibration slope"):
        t.add_column(col, justify="right" if col else "left")
    t.add_row(
        "model 模型",
        f"{bt.model['brier']:.4f}",
        f"{bt.model['log_loss']:.4f}",
        f"{bt.model['calibration_slope']:.3f}",
    )
    t.add_row(
        "1/N",
        f"{bt.baselines['one_over_n']['brier']:.4f}",
        f"{bt.baselines['one_over_n']['log_loss']:.4f}",
        "",
    )
    t.add_row(
        "constant 常数",
        f"{bt.baselines['constant']['brier']:.4f}",
        f"{bt.baselines['constant']['log_loss']:.4f}",
        "",
    )
    console.print(t)
    r = Table(title="可靠性 / Reliability (deciles of predicted P(win))")
    for col in ("predicted", "observed", "difference", "bids"):
        r.add_column(col, justify="right")
    for d in bt.deciles:
        r.add_row(
            f"{d['predicted']:.3f}",
            f"{d['observed']:.3f}",
            f"{d['observed'] - d['predicted']:+.3f}",
            f"{d['n']:,}",
        )
    console.print(r)


def build_backtest_workbook(bt: Backtest) -> Workbook:
    wb, ws = new_workbook("Scores")
    ws.append(["", "Brier", "log loss", "calibration slope"])
    ws.append(["model", bt.model["brier"], bt.model["log_loss"], bt.model["calibration_slope"]])
    for name, s in bt.baselines.items():
        ws.append([name, s["brier"], s["log_loss"]])
    ws.append([])
    ws.append(["bids", bt.n_bids])
    ws.append(["lettings", bt.n_lettings])
    ws.append(["years", f"{bt.years[0]}–{bt.years[-1]}"])
    ws.append(["win rate", bt.win_rate])
    rel = wb.create_sheet("Reliability")
    rel.append(["predicted", "observed", "bids", "perfect"])
    for d in bt.deciles:
        rel.append([d["predicted"], d["observed"], d["n"], d["predicted"]])
    n = len(bt.deciles) + 1
    ch = ScatterChart()
    ch.title = "可靠性 Reliability: observed vs predicted P(win)"
    ch.x_axis.title, ch.y_axis.title = "predicted", "observed"
    ch.x_axis.delete = ch.y_axis.delete = False
    x = Reference(rel, min_col=1, min_row=2, max_row=n)
    for col in (2, 4):
        s = Series(Reference(rel, min_col=col, min_row=1, max_row=n), x, title_from_data=True)
        if col == 4:
            s.marker.symbol = "none"
        ch.series.append(s)
    rel.add_chart(ch, "F2")
    return wb


def write_backtest_xlsx(bt: Backtest, path: Path, *, force: bool = False) -> Path:
    return save_workbook(build_backtest_workbook(bt), path, force=force)


def _svg(bt: Backtest) -> str:
    s = SVG_SIZE
    pad = 30
    span = s - 2 * pad

    def xy(p: float, o: float) -> tuple[float, float]:
        return pad + p * span, s - pad - o * span

    dots = "".join(
        f'<circle cx="{xy(d["predicted"], d["observed"])[0]:.1f}" '
        f'cy="{xy(d["predicted"], d["observed"])[1]:.1f}" r="4" fill="#1f77b4"/>'
        for d in bt.deciles
    )
    (x0, y0), (x1, y1) = xy(0, 0), xy(1, 1)
    return (
        f'<svg width="{s}" height="{s}" xmlns="http://www.w3.org/2000/svg">'
        f'<rect x="{pad}" y="{pad}" width="{span}" height="{span}" fill="none" stroke="#999"/>'
        f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y1}" stroke="#999" stroke-dasharray="4"/>{dots}'
        f'<text x="{s / 2}" y="{s - 5}" text-anchor="middle" font-size="12">predicted</text>'
        f'<text x="10" y="{s / 2}" font-size="12" transform="rotate(-90 10 {s / 2})">observed</text></svg>'
    )


def backtest_html(bt: Backtest) -> str:
    rows = "".join(
        f"<tr><td>{d['predicted']:.3f}</td><td>{d['observed']:.3f}</td><td>{d['n']}</td></tr>"
        for d in bt.deciles
    )
    base = "".join(
        f"<tr><td>{html.escape(k)}</td><td>{v['brier']:.4f}</td><td>{v['log_loss']:.4f}</td><td></td></tr>"
        for k, v in bt.baselines.items()
    )
    m = bt.model
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Backtest</title></head><body>"
        f"<h1>回测 Walk-forward backtest</h1><p>{bt.n_bids} bids, {bt.n_lettings} lettings, "
        f"{bt.years[0]}–{bt.years[-1]}, win rate {bt.win_rate:.3f}</p>"
        "<table border='1'><tr><th></th><th>Brier</th><th>log loss</th><th>calibration slope</th></tr>"
        f"<tr><td>model</td><td>{m['brier']:.4f}</td><td>{m['log_loss']:.4f}</td>"
        f"<td>{m['calibration_slope']:.3f}</td></tr>{base}</table>"
        f"<h2>可靠性 Reliability</h2>{_svg(bt)}"
        f"<table border='1'><tr><th>predicted</th><th>observed</th><th>bids</th></tr>{rows}</table>"
        "</body></html>"
    )


def write_backtest_html(bt: Backtest, path: Path, *, force: bool = False) -> Path:
    atomic_write_text(Path(path), backtest_html(bt), force=force)
    return Path(path)
