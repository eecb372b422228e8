"""Terminal table of a pricing result: recommendation, range, cost percentiles, tornado, warnings."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bidassist.core.money import format_money
from bidassist.pricing.result import PriceResult


def print_price_table(result: PriceResult, console: Console | None = None, *, currency: str = "CNY") -> None:
    console = console or Console()
    r = result.recommended
    t = Table(title=f"报价建议 / Bid price ({currency}, {result.cost.basis})", show_header=False)
    t.add_column(style="bold")
    t.add_column(justify="right")
    rows = [
        ("建议报价 / Recommended price", format_money(r.price)),
        ("中标概率 / P(win)", f"{r.p_win:.1%}"),
        ("期望利润 / Expected profit", format_money(r.expected_profit)),
        ("利润率 / Margin over expected cost", f"{r.margin:.2%}"),
        ("中标后亏损概率 / P(loss if won)", f"{r.p_loss_if_won:.1%}"),
        ("报价区间 / Range", f"{format_money(result.range.low)} – {format_money(result.range.high)}"),
        ("成本均值 / Cost mean", format_money(result.cost.mean)),
        ("成本 P10 / P50", f"{format_money(result.cost.p10)} / {format_money(result.cost.p50)}"),
        ("成本 P80 / P90", f"{format_money(result.cost.p80)} / {format_money(result.cost.p90)}"),
        ("基准估算 / Likely estimate", format_money(result.cost.likely)),
        ("不可预见费 / Contingency (P80 − likely)", format_money(result.contingency)),
    ]
    for label, value in rows:
        t.add_row(label, value)
    console.print(t)
    sens = Table(title="敏感性 / Sensitivity")
    sens.add_column("项目 / Item")
    sens.add_column("方差占比 / Share of variance", justify="right")
    for s in result.sensitivity:
        if s.kind in ("line", "risk"):
            label = f"{s.code + ' ' if s.code else ''}{s.name}" + (" (risk)" if s.kind == "risk" else "")
            sens.add_row(escape(label), f"{(s.share_of_variance or 0):.1%}")
    for s in result.sensitivity:
        if s.kind == "competitors":
            sens.add_row(f"对手 {s.count_change:+d} / {s.name}",
                         f"{format_money(s.recommended_price or 0)} (P(win) {(s.p_win or 0):.1%})")
    console.print(sens)
    for w in result.warnings:
        console.print(f"[yellow]warning:[/] {escape(str(w))}", highlight=False)
    for n in result.notes:
        console.print(f"[dim]note: {escape(str(n))}[/]", highlight=False)
