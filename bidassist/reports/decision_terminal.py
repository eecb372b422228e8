"""The bid / no-bid decision on the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from bidassist.accounts.bidding import BidDecision

VERDICT = {
    "bid": "[green]BID 投标[/]",
    "bid_with_conditions": "[yellow]BID WITH CONDITIONS 有条件投标[/]",
    "no_bid": "[red]NO BID 不投标[/]",
}


def print_decision(result: BidDecision, console: Console) -> None:
    d, v = result.decision, result.view
    console.print(f"{VERDICT[d.verdict]}  {escape(result.customer)}")
    console.print(
        f"price {v.price:,.2f}, P(win) {v.p_win:.1%}, expected profit {v.expected_profit:,.2f}, "
        f"break-even {v.break_even:,.2f} (pricing: {v.status})"
    )
    for line in result.adjustments:
        console.print(f"  priced as the customer pays: {escape(line)}")
    for title, lines in (
        ("reasons 理由", d.reasons),
        ("conditions 条件", d.conditions),
        ("notes 说明", d.notes),
    ):
        if lines:
            console.print(f"[bold]{title}[/]")
            for line in lines:
                console.print(f"  • {escape(line)}")
