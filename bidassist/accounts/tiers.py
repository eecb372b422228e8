"""Pareto / ABC tiers on profit after financing cost and cost to serve (not on revenue).

Customers are ranked by that profit; a customer is in tier A while the profit of the customers
ranked above it is still below the A cut-off share of total profit (so the customer that crosses
the line is A), then B likewise; the rest, and every customer that makes no profit, are C.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bidassist.accounts.profile import Profile
from bidassist.accounts.value import CustomerValue

ZERO = Decimal(0)


@dataclass(frozen=True)
class TierPlace:
    tier: str
    rank: int  # 1 = most profitable
    of: int
    profit_share: float  # this customer's share of total positive profit
    cumulative_before: float  # share of profit made by the customers ranked above it
    revenue_share: float

    def explain(self) -> str:
        return (
            f"{self.tier}: {self.profit_share:.1%} of profit, rank {self.rank} of {self.of} "
            f"(customers above it make {self.cumulative_before:.1%})"
        )


def assign_tiers(values: list[CustomerValue], profile: Profile) -> dict[str, TierPlace]:
    ranked = sorted(values, key=lambda v: (-v.profit, v.key))
    positive = sum((v.profit for v in ranked if v.profit > 0), ZERO)
    revenue = sum((v.revenue for v in ranked), ZERO)
    cut_a, cut_b = Decimal(profile.tiers.A), Decimal(profile.tiers.B)
    out: dict[str, TierPlace] = {}
    before = ZERO
    for rank, v in enumerate(ranked, start=1):
        share = v.profit / positive if positive > 0 and v.profit > 0 else ZERO
        if v.profit <= 0:
            tier = "C"
        elif before < cut_a:
            tier = "A"
        elif before < cut_b:
            tier = "B"
        else:
            tier = "C"
        out[v.key] = TierPlace(
            tier=tier,
            rank=rank,
            of=len(ranked),
            profit_share=float(share),
            cumulative_before=float(before),
            revenue_share=float(v.revenue / revenue) if revenue else 0.0,
        )
        before += share
    return out
