from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from bidassist.core.bidfile import Bid
from bidassist.costs.model import CostLine, CostModel


def make_bid(pricing: dict, **tender) -> Bid:
    return Bid.model_validate(
        {
            "tender": {
                "name": "t",
                "number": "1",
                "buyer": "b",
                "deadline": "2026-01-01",
                "bid_validity_days": 90,
                **tender,
            },
            "bidder": {"company": "c", "legal_representative": {"name": "x"}, "address": "a", "phone": "1"},
            "pricing": pricing,
        }
    )


def fixed_cost(value: int | str = 100) -> CostModel:
    v = Decimal(value)
    return CostModel(lines=[CostLine(description="all", quantity=Decimal(1), low=v, likely=v, high=v)])


@pytest.fixture
def mkbid():
    return make_bid


@pytest.fixture
def fixed100() -> CostModel:
    return fixed_cost(100)


def shared_dir() -> Path | None:
    """`shared/` beside the checkout (main) or beside the worktrees' folder."""
    here = Path(__file__).resolve()
    for up in (3, 4):
        cand = here.parents[up] / "shared"
        if cand.is_dir():
            return cand
    return None


SHARED = shared_dir()
MILK = SHARED / "bench" / "bids" / "tx_school_milk_bids.csv" if SHARED else Path("/nonexistent")
