"""Which price goes in the documents, where it came from, and what the price analysis said of it.

`offer.price` in bid.yaml wins; otherwise a saved price result (`bidassist price` / the main job's
price.json) is reused when its `inputs_hash` equals the hash of the current inputs; otherwise the
price is simulated now. A result's `decision.status` ("bid", "below_break_even", "do_not_bid") is
carried to the documents' index; a price the analysis marks below break-even or do-not-bid is
refused unless the risk is accepted explicitly. A result without `decision` or `inputs_hash`
(an older one) gives an unknown status / cannot be matched, and a note says so.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from bidassist.core.bidfile import Bid
from bidassist.core.errors import InputError
from bidassist.core.money import format_money, round_money
from bidassist.core.safeio import read_text
from bidassist.costs.model import CostModel

RISKY = ("below_break_even", "do_not_bid")


@dataclass
class PriceChoice:
    price: Decimal
    source: str  # where the price came from, in words
    status: str | None = None  # the analysis' decision.status; None: unknown
    reason: str | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "price": f"{self.price:.2f}",
            "source": self.source,
            "status": self.status or "unknown",
            "reason": self.reason,
        }


def current_hash(bid: Bid, costs: CostModel) -> str | None:
    """The inputs hash the pricing engine would store for these inputs (None: not available)."""
    try:
        from bidassist.pricing.decision import inputs_hash
    except ImportError:
        return None
    return inputs_hash(bid, costs)


def load_result(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(read_text(path, what="price result"))
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not a price result (JSON error at line {exc.lineno}: {exc.msg})", str(path)
        ) from None
    if not isinstance(data, dict) or "recommended" not in data:
        raise InputError("not a price result of `bidassist price` (no recommended price)", str(path))
    return data


def result_price(data: dict[str, Any], where: str) -> Decimal:
    try:
        return round_money(Decimal(str(data["recommended"]["price"])))
    except (KeyError, TypeError, InvalidOperation):
        raise InputError("the price result has no readable recommended.price", where) from None


def _decision(data: dict[str, Any], where: str, notes: list[str]) -> tuple[str | None, str | None]:
    d = data.get("decision")
    if not isinstance(d, dict) or "status" not in d:
        notes.append(
            f"{where} has no decision status (an older result): the analysis status is unknown (分析结论未知)"
        )
        return None, None
    return str(d["status"]), str(d.get("reason") or "")


def _matching(paths: list[Path], want: str | None, notes: list[str]) -> tuple[Path, dict] | None:
    for path in paths:
        if not path.is_file():
            continue
        data = load_result(path)
        have = data.get("inputs_hash")
        if have is None:
            notes.append(
                f"{path} has no inputs_hash (an older result): it cannot be matched to the inputs, "
                "so it is not reused"
            )
        elif want is None:
            notes.append(f"{path}: the inputs hash cannot be computed here, so the result is not reused")
        elif have == want:
            return path, data
        else:
            notes.append(f"{path} was priced from other inputs (inputs_hash differs): not reused")
    return None


def choose_price(
    bid: Bid,
    costs: CostModel,
    *,
    candidates: list[Path],
    simulate: Callable[[], dict[str, Any]] | None,
    accept_risk: bool = False,
) -> PriceChoice:
    """The price for the documents (see the module docstring). `candidates`: saved results to try
    in order (the user's --price-result first); `simulate`: runs the pricing engine, returning its
    JSON. Raises InputError for a risky price without `accept_risk`."""
    notes: list[str] = []
    found = _matching(candidates, current_hash(bid, costs), notes) if candidates else None
    if bid.offer.price is not None:
        choice = PriceChoice(round_money(bid.offer.price), "offer.price in the bid file", notes=notes)
        if found is not None:
            choice.status, choice.reason = _decision(found[1], str(found[0]), notes)
        else:
            notes.append(
                "no price analysis matches these inputs: the analysis status is unknown "
                "(run `bidassist price` to check the price against break-even)"
            )
    elif found is not None:
        path, data = found
        choice = PriceChoice(
            result_price(data, str(path)), f"recommended price in {path} (inputs match, reused)", notes=notes
        )
        choice.status, choice.reason = _decision(data, str(path), notes)
    elif simulate is not None:
        data = simulate()
        choice = PriceChoice(result_price(data, "pricing"), "recommended price, simulated now", notes=notes)
        choice.status, choice.reason = _decision(data, "the simulation", notes)
    else:
        raise InputError("no price: give offer.price, or a pricing section to recommend one", "offer.price")
    if choice.status in RISKY and not accept_risk:
        raise InputError(
            f"the price analysis marks this bid {choice.status} ({choice.reason}); the documents "
            f"were not written. Use --accept-risk to write them at {format_money(choice.price)} "
            "anyway (报价分析不建议投标)",
            "render",
        )
    return choice
