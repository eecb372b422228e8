"""Expected cost and break-even price: the one definition used by pricing and by the documents'
below-cost check (issue 12 item 5).

Expected cost (ex VAT) = (Σ quantity × mean unit cost + Σ probability × mean impact) × (1 + overhead
+ management fee): the mean of each line's own distribution (PERT (a+4m+b)/6, triangular (a+m+b)/3,
uniform (a+b)/2), not its likely value. On the bids' basis VAT is added when bids include it.

Financing (issue 11 item 4) is the NPV at contract signing (day 0) at the annual rate r: receipts
(advance at signing, milestones `days` after delivery on day D = duration, the balance at delivery
when there are no milestones, retention `months` after delivery) and our spending (a profile over
the duration, even by default) are each discounted by (1 + r)^(−t/365). At price B:
NPV = B·g − h·C − bid cost with g = PV(receipts)/(1 + VAT) − bond fee share and h = PV(spending).
Break-even price = h·E[C] / g.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from bidassist.core.bidfile import Bid, PaymentTerms, PricingSection
from bidassist.core.errors import InputError
from bidassist.core.money import round_money
from bidassist.costs.model import CostModel

_DAYS_PER_YEAR = 365.0
_DAYS_PER_MONTH = 365.25 / 12


def line_mean(low: Decimal, likely: Decimal, high: Decimal, distribution: str) -> Decimal:
    """Mean unit cost of a three-point line (pricing.md)."""
    if distribution == "pert":
        return (low + 4 * likely + high) / 6
    if distribution == "triangular":
        return (low + likely + high) / 3
    if distribution == "uniform":
        return (low + high) / 2
    return likely


def _impact_mean(d: object) -> float:
    exp = getattr(d, "expected", None)
    if exp is not None:
        return float(exp)
    return float(d.mean)  # type: ignore[attr-defined]


def expected_cost_ex_vat(pricing: PricingSection | None, costs: CostModel) -> Decimal:
    """E[cost] ex VAT with indirects and expected risk (unrounded Decimal)."""
    direct = sum(
        (ln.quantity * line_mean(ln.low, ln.likely, ln.high, ln.distribution) for ln in costs.lines),
        Decimal(0),
    )
    if pricing is None:
        return direct
    risk = sum((Decimal(repr(r.probability * _impact_mean(r.impact))) for r in pricing.risks), Decimal(0))
    return (direct + risk) * (1 + pricing.overhead + pricing.management_fee)


def vat_factor(pricing: PricingSection | None) -> Decimal:
    """1 + VAT when bids are compared incl. VAT, else 1."""
    if pricing is not None and pricing.vat is not None and pricing.vat.included:
        return 1 + pricing.vat.rate
    return Decimal(1)


def discount(days: float, rate: float) -> float:
    return (1 + rate) ** (-days / _DAYS_PER_YEAR)


def even_spend_pv(duration: float, rate: float) -> float:
    """PV factor of spending spread evenly over [0, duration] days."""
    if duration <= 0 or rate == 0:
        return 1.0
    k = math.log1p(rate) / _DAYS_PER_YEAR
    return (1 - math.exp(-k * duration)) / (k * duration)


@dataclass(frozen=True)
class Financing:
    """PV factors at signing: receipts per unit of price, spending per unit of cost, bond fee share."""

    receipts_pv: float = 1.0
    spending_pv: float = 1.0
    bond_share: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def cost_share(self) -> float:
        """Share of the price lost to waiting for payment (and the bond fee)."""
        return 1 - self.receipts_pv + self.bond_share


def receipts(terms: PaymentTerms, duration: float) -> list[tuple[float, float]]:
    """(share of price, day after signing) of each payment; shares add up to 1 (validated)."""
    pays = [(float(terms.advance), 0.0)]
    ret = float(terms.retention.share) if terms.retention else 0.0
    if terms.milestones:
        pays += [(float(m.share), duration + m.days) for m in terms.milestones]
    else:
        pays.append((1 - float(terms.advance) - ret, duration))
    if terms.retention:
        pays.append((ret, duration + terms.retention.months * _DAYS_PER_MONTH))
    return [(s, t) for s, t in pays if s]


def financing(terms: PaymentTerms | None, duration_days: int | None) -> Financing:
    """NPV factors of the payment terms at signing (see the module docstring)."""
    if terms is None:
        return Financing()
    r = float(terms.annual_rate)
    dur = float(terms.duration_days if terms.duration_days is not None else (duration_days or 0))
    rec = sum(s * discount(t, r) for s, t in receipts(terms, dur))
    if terms.spending:
        spend = sum(float(p.share) * discount(float(p.day), r) for p in terms.spending)
        how = "as scheduled in spending"
    else:
        spend = even_spend_pv(dur, r)
        how = f"evenly over the {dur:.0f} days"
    bond = 0.0
    if terms.bond is not None:
        bond = float(terms.bond.share) * float(terms.bond.annual_fee) * float(terms.bond.months) / 12
    note = (
        f"financing as NPV at signing at {r:.2%} a year: receipts worth {rec:.4%} of the price, "
        f"spending (paid {how}) worth {spend:.4%} of the cost"
        + (f", bond fee {bond:.4%} of the price" if bond else "")
        + f" / 按签约日净现值计算资金成本（交货日为第 {dur:.0f} 天）"
    )
    return Financing(rec, spend, bond, [note])


@dataclass(frozen=True)
class Economics:
    """What a price earns: NPV(B) = g·B − h·C − bid cost, ex VAT."""

    expected_cost: float  # ex VAT, indirects and expected risk included, not discounted
    vat_factor: float
    g: float  # PV of net revenue ex VAT per unit of bid price
    h: float  # PV factor of the cost
    bid_cost: float
    finance: Financing
    expected_cost_bb_exact: Decimal = Decimal(0)  # unrounded Decimal, for the figure shown

    @property
    def expected_cost_bb(self) -> float:
        """Expected cost on the bids' basis (VAT added when bids include it)."""
        return self.expected_cost * self.vat_factor

    @property
    def break_even(self) -> float:
        """The price whose expected NPV is zero before the sunk bid cost: h·E[C] / g."""
        return self.h * self.expected_cost / self.g


def economics(bid: Bid, costs: CostModel) -> Economics:
    p = bid.pricing
    if p is None:
        raise InputError("the bid file has no pricing section", str(bid.source) if bid.source else None)
    kv = float(vat_factor(p))
    fin = financing(p.payment_terms, bid.tender.duration_days)
    g = fin.receipts_pv / kv - fin.bond_share
    if g <= 0:
        raise InputError(
            "the payment terms' financing cost exceeds the price; check payment_terms.annual_rate",
            "pricing.payment_terms",
        )
    exact = expected_cost_ex_vat(p, costs)
    return Economics(float(exact), kv, g, fin.spending_pv, float(p.bid_cost), fin, exact * vat_factor(p))


def expected_cost_bb(bid: Bid, costs: CostModel) -> Decimal:
    """Expected cost on the bids' basis, rounded to 0.01: the below-cost floor of the documents."""
    p = bid.pricing
    return round_money(expected_cost_ex_vat(p, costs) * vat_factor(p))
