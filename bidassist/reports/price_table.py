"""Terminal table of a pricing result: recommendation, range, cost percentiles, tornado, warnings."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bidassist.core.money import format_money
from bidassist.pricing.result import PriceResult


def _fmt(d, dp: int) -> str:
    return format_money(d) if dp == 2 else f"{d:,.{dp}f}"


def print_price_table(result: PriceResult, console: Console | None = None, *, currency: str = "CNY") -> None:
    console = console or Console()
    r = result.recommended
    dp = result.decimals
    t = Table(title=f"报价建议 / Bid price ({currency}, {result.cost.basis})", show_header=False)
    t.add_column(style="bold")
    t.add_column(justify="right")
    rows = [
        ("建议报价 / Recommended price", _fmt(r.price, dp)),
        ("分析结论 / Decision", f"{result.decision.status}"),
        ("中标概率 / P(win)", f"{r.p_win:.1%} ± {r.p_win_se:.1%} (SE)"),
        (
            "期望利润 / Expected profit",
            f"{format_money(r.expected_profit)} ± {r.expected_profit_se:,.2f} (SE)",
        ),
        ("利润率 / Margin over expected cost", f"{r.margin:.2%}"),
        ("中标后亏损概率 / P(loss if won)", f"{r.p_loss_if_won:.1%} ± {r.p_loss_if_won_se:.1%} (SE)"),
        (
            f"近优区间 / Near-optimal band (within {result.band.share:.0%})",
            f"{_fmt(result.band.low, dp)} – {_fmt(result.band.high, dp)}",
        ),
        ("策略区间 / Policy range", f"{_fmt(result.range.low, dp)} – {_fmt(result.range.high, dp)}"),
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
            sens.add_row(
                f"对手 {s.count_change:+d} / {s.name}",
                f"{format_money(s.recommended_price or 0)} (P(win) {(s.p_win or 0):.1%})",
            )
    console.print(sens)
    if result.scenarios:
        sc = Table(title="情景对比 / Scenarios")
        for col in (
            "情景 / Scenario",
            "建议报价 / Price",
            "P(win)",
            "期望利润 / E(profit)",
            "近优区间 / Band",
            "结论 / Decision",
        ):
            sc.add_column(col, justify="left" if "Scenario" in col or "Decision" in col else "right")
        j = result.to_json()
        for name, row in [("base 基准", j)] + [(s["name"], s) for s in result.scenarios]:
            rec, band = row["recommended"], row["near_optimal_band"]
            sc.add_row(
                name,
                rec["price"],
                f"{rec['p_win']:.1%}",
                rec["expected_profit"],
                f"{band['low']} – {band['high']}",
                row["decision"]["status"],
            )
        console.print(sc)
    c = result.convergence
    console.print(
        f"[dim]{c.iterations:,} iterations; "
        + ("converged" if c.converged else f"not converged: about {c.iterations_needed:,} needed")
        + f"; decision: {result.decision.reason}[/]",
        highlight=False,
    )
    for w in result.warnings:
        console.print(f"[yellow]warning:[/] {escape(str(w))}", highlight=False)
    for n in result.notes:
        console.print(f"[dim]note: {escape(str(n))}[/]", highlight=False)
