"""The markups a cost sheet states (管理费 3 %, 规费, 措施费, 税金 9 %, 暂列金额), offered to pricing.

A markup is never a cost line. Pricing takes indirect costs as a share of direct cost
(`pricing.overhead`), VAT as `pricing.vat.rate`, and has no place for a provisional sum other than a
cost line; this module turns the sheet's markups into those settings, each with the cells it came
from, for the user to copy into the bid file. Nothing is applied silently: the import's lines stay
the direct cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from bidassist.costs.model import Markup

#: markups that are indirect cost on top of the lines (a share of direct cost in pricing)
_INDIRECT = frozenset({"overhead", "fees", "measures", "other"})
_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class PricingOffer:
    """Suggested pricing settings from a sheet's markups: `overhead` (share of direct cost),
    `vat_rate`, `provisional` (a sum to add as a fixed cost line), and the cells behind each;
    `left_out`: markups that are not costs (profit, discounts) or could not be converted."""

    overhead: Decimal | None = None
    vat_rate: Decimal | None = None
    provisional: Decimal | None = None
    sources: dict[str, list[str]] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "overhead": None if self.overhead is None else str(self.overhead),
            "vat_rate": None if self.vat_rate is None else str(self.vat_rate),
            "provisional": None if self.provisional is None else str(self.provisional),
            "sources": self.sources,
            "left_out": self.left_out,
        }

    def yaml_lines(self) -> list[str]:
        """How the offer reads in a bid file (pricing.overhead, pricing.vat.rate)."""
        out = []
        if self.overhead is not None:
            out.append(f"pricing.overhead: {self.overhead}  # {', '.join(self.sources['overhead'])}")
        if self.vat_rate is not None:
            out.append(f"pricing.vat.rate: {self.vat_rate}  # {', '.join(self.sources['vat'])}")
        if self.provisional is not None:
            out.append(
                f"costs.lines: + provisional sum {self.provisional} (fixed)  # {', '.join(self.sources['provisional'])}"
            )
        return out


def pricing_offer(markups: list[Markup], direct: Decimal) -> PricingOffer:
    """The markups as pricing settings. A rate counts as it is; a lump amount of an indirect cost
    becomes its share of `direct` (the imported lines' total); several add up."""
    overhead, vat, provisional = Decimal(0), None, Decimal(0)
    sources: dict[str, list[str]] = {}
    left_out: list[str] = []
    for m in markups:
        where = f"{m.label} ({m.source})" if m.source else m.label
        if m.kind in _INDIRECT:
            share = (
                m.rate
                if m.rate is not None
                else (m.amount / direct if m.amount is not None and direct else None)
            )
            if share is None or share < 0:
                left_out.append(where)
                continue
            overhead += share
            sources.setdefault("overhead", []).append(where)
        elif m.kind == "vat" and m.rate is not None and m.rate >= 0:
            vat = m.rate if vat is None else vat
            sources.setdefault("vat", []).append(where)
        elif m.kind == "provisional" and m.amount is not None and m.amount >= 0:
            provisional += m.amount
            sources.setdefault("provisional", []).append(where)
        else:
            left_out.append(where)  # profit, discounts, a tax without a rate: not a cost setting
    return PricingOffer(
        overhead=overhead.quantize(_PLACES) if "overhead" in sources else None,
        vat_rate=vat,
        provisional=provisional if "provisional" in sources else None,
        sources=sources,
        left_out=left_out,
    )
