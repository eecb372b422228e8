"""The pricing result: a recommended price, a range, cost percentiles and the evidence."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Recommended(_M):
    price: Decimal = Field(
        description="bid price on the bids' basis (incl. VAT when vat.included), a "
        "multiple of pricing.price_step"
    )
    p_win: float = Field(description="re-estimated on fresh openings (not the ones the price was chosen on)")
    expected_profit: Decimal = Field(description="E[(net revenue − cost) · 1{win}] − bid cost, ex VAT, NPV")
    margin: float = Field(description="(net revenue − expected cost) / expected cost, ex VAT")
    p_loss_if_won: float
    profit_if_won: Decimal
    p_win_se: float = 0.0
    expected_profit_se: float = 0.0
    p_loss_if_won_se: float = 0.0
    p_win_search: float = Field(default=0.0, description="P(win) on the search openings (biased upwards)")


class Band(_M):
    low: Decimal
    high: Decimal
    share: float = Field(description="expected profit within this share of the best (or not distinguishable)")


class Convergence(_M):
    converged: bool
    iterations: int
    iterations_needed: int | None = None


class Decision(_M):
    status: str = Field(description="bid | below_break_even | do_not_bid")
    reason: str


class PriceRange(_M):
    low: Decimal
    high: Decimal


class CostSummary(_M):
    mean: Decimal
    p10: Decimal
    p50: Decimal
    p80: Decimal
    p90: Decimal
    likely: Decimal = Field(description="Σ quantity × likely unit cost with indirects, no risks")
    basis: str


class CurvePoint(_M):
    price: Decimal
    p_win: float
    expected_profit: Decimal
    p_loss_if_won: float
    profit_if_won: Decimal


class SensitivityItem(_M):
    kind: str  # line | risk | competitors
    name: str
    code: str | None = None
    share_of_variance: float | None = None
    sd: Decimal | None = None
    count_change: int | None = None
    recommended_price: Decimal | None = None
    p_win: float | None = None


class PriceResult(_M):
    recommended: Recommended
    range: PriceRange
    band: Band
    convergence: Convergence
    decision: Decision
    inputs_hash: str
    decimals: int = Field(default=2, description="decimals of the price unit (price_step), at least 2")
    scenarios: list[dict[str, Any]] = Field(
        default_factory=list, description="scenario results, side by side"
    )
    cost: CostSummary
    contingency: Decimal = Field(description="P80 − likely total, on the bids' basis")
    curve: list[CurvePoint]
    s_curve: list[tuple[float, Decimal]] = Field(description="(probability, cost) points of the cost S-curve")
    sensitivity: list[SensitivityItem]
    policy_satisfied: bool
    warnings: list[str]
    notes: list[str]
    inputs: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape; amounts as decimal strings with the price unit's decimals."""
        r = self.recommended
        dp = self.decimals

        def _s(d: Decimal) -> str:
            return f"{d:.{dp}f}"

        sens = []
        for s in self.sensitivity:
            d: dict[str, Any] = {"kind": s.kind, "name": s.name}
            if s.kind in ("line", "risk"):
                d.update(
                    code=s.code,
                    share_of_variance=round(s.share_of_variance or 0.0, 6),
                    sd=_s(s.sd) if s.sd is not None else None,
                )
            else:
                d.update(
                    count_change=s.count_change,
                    recommended_price=_s(s.recommended_price) if s.recommended_price is not None else None,
                    p_win=round(s.p_win or 0.0, 6),
                )
            sens.append(d)
        return {
            "recommended": {
                "price": _s(r.price),
                "p_win": round(r.p_win, 6),
                "expected_profit": _s(r.expected_profit),
                "margin": round(r.margin, 6),
                "p_loss_if_won": round(r.p_loss_if_won, 6),
                "profit_if_won": _s(r.profit_if_won),
            },
            "uncertainty": {
                "p_win_se": round(r.p_win_se, 6),
                "expected_profit_se": round(r.expected_profit_se, 6),
                "p_loss_if_won_se": round(r.p_loss_if_won_se, 6),
                "p_win_on_search_samples": round(r.p_win_search, 6),
                "converged": self.convergence.converged,
                "iterations": self.convergence.iterations,
                "iterations_needed": self.convergence.iterations_needed,
            },
            "range": {"low": _s(self.range.low), "high": _s(self.range.high)},
            "near_optimal_band": {
                "low": _s(self.band.low),
                "high": _s(self.band.high),
                "share": self.band.share,
            },
            "decision": {"status": self.decision.status, "reason": self.decision.reason},
            "inputs_hash": self.inputs_hash,
            "cost": {k: _s(getattr(self.cost, k)) for k in ("mean", "p10", "p50", "p80", "p90", "likely")}
            | {"basis": self.cost.basis},
            "contingency": _s(self.contingency),
            "curve": [
                {
                    "price": _s(c.price),
                    "p_win": round(c.p_win, 6),
                    "expected_profit": _s(c.expected_profit),
                    "p_loss_if_won": round(c.p_loss_if_won, 6),
                    "profit_if_won": _s(c.profit_if_won),
                }
                for c in self.curve
            ],
            "sensitivity": sens,
            "policy_satisfied": self.policy_satisfied,
            "warnings": list(self.warnings),
            "notes": list(self.notes),
            "inputs": self.inputs,
            "scenarios": list(self.scenarios),
        }
