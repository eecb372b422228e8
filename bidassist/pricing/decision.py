"""The analysis status of a priced bid, and the hash that ties a price to the inputs it came from.

`decision.status`:
- "bid": the recommended price is lawful (at or above break-even, within the ceiling) and expected
  to earn money;
- "below_break_even": every valid price (≤ the ceiling) is below the break-even price;
- "do_not_bid": no lawful price has positive expected profit, or no price meets the policy.
`render` refuses a price whose status is not "bid" unless the user accepts the risk explicitly.

`inputs_hash` = sha256 of the canonical JSON of everything the price depends on: the pricing
section, the tender's ceiling price, duration and currency, whether we are an SME, the cost lines,
the effective iterations and seed, and the bytes of a history file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Literal

from bidassist.core.bidfile import Bid
from bidassist.costs.model import CostModel

Status = Literal["bid", "below_break_even", "do_not_bid"]


@dataclass(frozen=True)
class Decision:
    status: Status
    reason: str

    def to_json(self) -> dict[str, str]:
        return {"status": self.status, "reason": self.reason}


def decide(
    *, break_even: float, ceiling: float | None, best_profit: float, any_win: bool, policy_satisfied: bool
) -> Decision:
    """The status of the analysis (see the module docstring); the reason is one sentence."""
    if ceiling is not None and break_even > ceiling:
        return Decision(
            "below_break_even",
            f"the break-even price {break_even:,.2f} is above the ceiling price {ceiling:,.2f}: every "
            "valid bid loses money on average / 盈亏平衡价高于最高投标限价",
        )
    if not any_win:
        return Decision(
            "do_not_bid",
            "P(win) is 0 at every price at or above break-even: the competitors are "
            "certain to beat any lawful price / 任何合法报价都无法中标",
        )
    if best_profit <= 0:
        return Decision(
            "do_not_bid",
            f"the best expected profit is {best_profit:,.2f} (after the bid cost): "
            "bidding is expected to lose money / 期望利润不为正",
        )
    if not policy_satisfied:
        return Decision(
            "do_not_bid",
            "no price meets the pricing policy (min margin, max P(loss if won), "
            "min P(win)); the price shown ignores it / 没有满足报价策略的价格",
        )
    return Decision(
        "bid",
        "the recommended price is at or above break-even, within the ceiling, meets the "
        "policy and has positive expected profit / 建议报价合法且期望盈利",
    )


def _cost_lines(costs: CostModel) -> list[list[Any]]:
    return [
        [ln.code, str(ln.quantity), str(ln.low), str(ln.likely), str(ln.high), ln.distribution, ln.category]
        for ln in costs.lines
    ]


def pricing_inputs(
    bid: Bid, costs: CostModel, *, iterations: int | None = None, seed: int | None = None
) -> dict[str, Any]:
    """The canonical inputs of a price (what `inputs_hash` hashes)."""
    p = bid.pricing
    section = p.model_dump(mode="json") if p is not None else None
    history = None
    if p is not None and section is not None and p.competitors.history is not None:
        path = p.competitors.history.file
        if path is None:  # the bid-history store: named, not hashed
            history = p.competitors.history.label
        else:
            history = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else str(path)
            section["competitors"]["history"]["file"] = path.name
    t = bid.tender
    return {
        "pricing": section,
        "iterations": iterations if iterations is not None else (p.iterations if p else None),
        "seed": seed if seed is not None else (p.seed if p else None),
        "tender": {
            "ceiling_price": str(t.ceiling_price) if t.ceiling_price is not None else None,
            "duration_days": t.duration_days,
            "currency": t.currency,
        },
        "sme": bid.bidder.sme,
        "costs": _cost_lines(costs),
        "history_sha256": history,
    }


def inputs_hash(bid: Bid, costs: CostModel, *, iterations: int | None = None, seed: int | None = None) -> str:
    """sha256 (hex) of the canonical pricing inputs."""
    text = json.dumps(
        pricing_inputs(bid, costs, iterations=iterations, seed=seed),
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
