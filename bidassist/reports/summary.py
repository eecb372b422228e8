"""Terminal summary of a bid file: tender, bidder, offer, with amounts in figures and capitals."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bidassist.core.bidfile import Bid
from bidassist.core.money import amount_words, format_money, rmb_upper


def bid_summary_rows(bid: Bid) -> list[tuple[str, str]]:
    """(label, value) rows that describe a bid file."""
    t, b, o = bid.tender, bid.bidder, bid.offer
    rows = [
        ("项目 / Project", t.name + (f"（{t.lot}）" if t.lot else "")),
        ("编号 / Number", t.number),
        ("招标人 / Buyer", t.buyer),
        ("截止 / Deadline", str(t.deadline)),
        ("投标有效期 / Validity required", f"{t.bid_validity_days} 日"),
        ("投标人 / Bidder", b.company),
        ("法定代表人 / Legal rep.", b.legal_representative.name),
    ]
    if b.authorised_agent:
        rows.append(("委托代理人 / Agent", b.authorised_agent.name))
    for label, amount in (
        ("投标保证金 / Bid bond", t.bid_bond),
        ("最高限价 / Ceiling", t.ceiling_price),
        ("投标报价 / Bid price", o.price),
    ):
        if amount is not None:
            rows.append((label, f"{t.currency} {format_money(amount)}"))
            if t.currency == "CNY":
                rows.append(("  大写", "人民币" + rmb_upper(amount)))
            rows.append(("  in words", amount_words(amount, t.currency)))
    if bid.costs:
        src = str(bid.costs.file) if bid.costs.file else f"{len(bid.costs.lines or [])} lines in the bid file"
        rows.append(("成本 / Costs", src))
    if bid.pricing:
        rows.append(("评标办法 / Evaluation", bid.pricing.evaluation.method))
    if bid.contract:
        rows.append(("合同 / Contract", str(bid.contract.file)))
    return rows


def print_bid_summary(bid: Bid, console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title=escape(f"bid file: {bid.source.name if bid.source else ''}"), show_header=False)
    table.add_column(style="bold")
    table.add_column()
    for label, value in bid_summary_rows(bid):
        table.add_row(escape(str(label)), escape(str(value)))  # bid-file text is data, not markup
    console.print(table)
