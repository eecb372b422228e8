"""The priced schedule (分项报价表): the bid total spread over the cost lines by cost share.

Every line is priced so that the evaluators' rules hold exactly:
- unit prices are whole cents; every line total is unit price × quantity rounded half-up to 0.01
  (evaluators recompute it, and the unit price governs);
- the line totals add up exactly to the bid total.

Method: each line's target is the total × its share of the likely cost (largest-remainder at the
cent); unit price = target / quantity rounded; the few cents left over by rounding are then placed
on the line that absorbs them with the smallest relative change of its unit price (a lump-sum line,
quantity 1, absorbs any remainder), or on two lines together when no single line can.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from bidassist.core.errors import InputError
from bidassist.core.money import format_money, round_money
from bidassist.costs.model import CostLine

_ONE = Decimal(1)
_PAIR_LINES = 24
_PAIR_STEPS = 60


@dataclass(frozen=True)
class PricedLine:
    no: int
    line: CostLine
    unit_price: Decimal  # 0.01
    total: Decimal  # 0.01, = round(unit_price × quantity)
    cost: Decimal  # likely cost of the line (quantity × likely), unrounded

    @property
    def quantity(self) -> Decimal:
        return self.line.quantity

    @property
    def source(self) -> str | None:
        return self.line.source


def _line_cents(unit_cents: int, quantity: Decimal) -> int:
    return int((Decimal(unit_cents) * quantity).quantize(_ONE, rounding=ROUND_HALF_UP))


def _largest_remainder(total_cents: int, weights: list[Decimal]) -> list[int]:
    whole = sum(weights, Decimal(0))
    exact = [Decimal(total_cents) * w / whole for w in weights]
    base = [int(e.to_integral_value(rounding=ROUND_FLOOR)) for e in exact]
    left = total_cents - sum(base)
    order = sorted(range(len(weights)), key=lambda i: (exact[i] - base[i], weights[i]), reverse=True)
    for i in order[:left]:
        base[i] += 1
    return base


def _candidate_steps(unit: int, quantity: Decimal, need: int, current: int) -> list[int]:
    """Steps k (cents of unit price) near need/quantity; only those keeping the price ≥ 0."""
    centre = int((Decimal(need) / quantity).to_integral_value(rounding=ROUND_HALF_UP))
    out = []
    for k in (centre, centre - 1, centre + 1, centre - 2, centre + 2):
        if k != 0 and unit + k >= 0 and k not in out:
            out.append(k)
    return out


class Leftover(Exception):
    """No whole-step unit prices reach the total: the rounded state and what is left over."""

    def __init__(self, rest: int, units: list[int], amounts: list[int]) -> None:
        super().__init__(rest)
        self.rest, self.units, self.amounts = rest, units, amounts


def spread_cents(
    total_cents: int, quantities: list[Decimal], weights: list[Decimal], zero_units: list[int]
) -> tuple[list[int], list[int]]:
    """Unit prices (in cents per quantity unit) and line amounts (cents, = round(unit × quantity))
    adding up to `total_cents`, spread by `weights`. A zero-quantity line keeps its `zero_units`.
    Raises Leftover when no such prices exist near the spread."""
    targets = _largest_remainder(total_cents, weights)
    units: list[int] = []
    amounts: list[int] = []
    for q, target, zero in zip(quantities, targets, zero_units, strict=True):
        if q > 0:
            unit = int((Decimal(target) / q).to_integral_value(rounding=ROUND_HALF_UP))
            units.append(unit)
            amounts.append(_line_cents(unit, q))
        else:
            units.append(zero)
            amounts.append(0)
    rest = total_cents - sum(amounts)
    if rest and not _place_remainder(rest, quantities, units, amounts):
        rest = nearest_reachable(rest, quantities, units, amounts)
        if rest and not _place_remainder(rest, quantities, units, amounts):
            raise Leftover(rest, units, amounts)
    return units, amounts


def spread_total(total: Decimal, lines: list[CostLine]) -> list[PricedLine]:
    """Price every cost line so that line totals = unit price × quantity (rounded) and add up
    exactly to `total` (rounded half-up to 0.01). Raises InputError when that is impossible."""
    total = round_money(total)
    if total <= 0:
        raise InputError(f"the bid total must be positive, got {format_money(total)}", "offer.price")
    if not lines:
        raise InputError("no cost lines to price", "costs")
    costs = [ln.quantity * ln.likely for ln in lines]
    cost_sum = sum(costs, Decimal(0))
    if cost_sum <= 0:
        raise InputError("the cost lines add up to 0: the total cannot be spread by cost share", "costs")
    total_cents = int(total * 100)
    markup = Decimal(total_cents) / cost_sum  # cents per unit of cost
    zero = [int((ln.likely * markup).to_integral_value(rounding=ROUND_HALF_UP)) for ln in lines]
    quantities = [ln.quantity for ln in lines]
    try:
        units, amounts = spread_cents(total_cents, quantities, costs, zero)
    except Leftover as exc:
        step = min((q for q in quantities if q > 0), default=_ONE)
        raise InputError(
            f"the bid total {format_money(total)} cannot be spread exactly over the cost lines with unit "
            f"prices in whole cents: every line total moves in steps of about {step / 100:f} and "
            f"{format_money(Decimal(exc.rest) / 100)} is left over; change the price by a few cents or add a "
            "lump-sum line (quantity 1)",
            "costs",
        ) from None
    return [
        PricedLine(
            no=i + 1,
            line=ln,
            unit_price=Decimal(units[i]) / 100,
            total=Decimal(amounts[i]) / 100,
            cost=costs[i],
        )
        for i, ln in enumerate(lines)
    ]


def nearest_reachable(rest: int, quantities: list[Decimal], units: list[int], amounts: list[int]) -> int:
    """Bring the sum as near as possible to the target (`rest` cents short of it) by moving unit
    prices one step at a time, each time the move that closes the most (ties: the line whose
    price changes least in relative terms); stops when no move brings it nearer. Returns what is
    still left over (0 when the target was reached)."""
    live = [i for i, q in enumerate(quantities) if q > 0]
    for _ in range(10 * len(live) + 100):
        if rest == 0:
            break
        best: tuple[int, Decimal, int, int] | None = None
        for i in live:
            k = 1 if rest > 0 else -1
            if units[i] + k < 0:
                continue
            left = rest - (_line_cents(units[i] + k, quantities[i]) - amounts[i])
            cand = (abs(left), Decimal(1) / max(units[i], 1), i, k)
            if abs(left) < abs(rest) and (best is None or cand < best):
                best = cand
        if best is None:
            break
        _, _, i, k = best
        rest -= _line_cents(units[i] + k, quantities[i]) - amounts[i]
        units[i] += k
        amounts[i] = _line_cents(units[i], quantities[i])
    return rest


def _place_remainder(rest: int, quantities: list[Decimal], units: list[int], amounts: list[int]) -> bool:
    """Place `rest` cents by moving one or two unit prices; False when that cannot be done."""
    live = [i for i, q in enumerate(quantities) if q > 0]
    # 1. one line, the smallest relative change of its unit price
    best: tuple[Decimal, int, int] | None = None
    for i in live:
        q = quantities[i]
        for k in _candidate_steps(units[i], q, rest, amounts[i]):
            if _line_cents(units[i] + k, q) - amounts[i] == rest:
                score = Decimal(abs(k)) / max(units[i], 1)
                if best is None or score < best[0]:
                    best = (score, i, k)
                break
    if best is not None:
        _, i, k = best
        units[i] += k
        amounts[i] = _line_cents(units[i], quantities[i])
        return True
    # 2. two lines: step one of the largest lines, let another take what is left
    big = sorted(live, key=lambda i: amounts[i], reverse=True)[:_PAIR_LINES]
    for i in big:
        qi = quantities[i]
        for step in range(1, _PAIR_STEPS + 1):
            for k_i in (step, -step):
                if units[i] + k_i < 0:
                    continue
                d_i = _line_cents(units[i] + k_i, qi) - amounts[i]
                need = rest - d_i
                for j in big:
                    if j == i:
                        continue
                    qj = quantities[j]
                    for k_j in _candidate_steps(units[j], qj, need, amounts[j]):
                        if _line_cents(units[j] + k_j, qj) - amounts[j] == need:
                            units[i] += k_i
                            units[j] += k_j
                            amounts[i] = _line_cents(units[i], qi)
                            amounts[j] = _line_cents(units[j], qj)
                            return True
    return False
