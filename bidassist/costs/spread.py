"""Three-point unit costs: default spreads per category and the rules every line follows.

A single-price line is `fixed` unless the bid file gives its category a spread
(`材料: {low: -0.05, high: 0.12}` -> low = likely × 0.95, high = likely × 1.12, distribution pert).
A spread key applies to the category of the same name, or else to a category that contains it
(`设备` applies to `设备购置`) when exactly one key fits.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from bidassist.core.money import AmountError, parse_number, to_decimal

ONE = Decimal(1)


def _rate(value: Any) -> Decimal:
    """0.12, "12%", "-5%" -> Decimal."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        try:
            return parse_number(value.strip().removeprefix("+"))
        except AmountError as exc:
            raise ValueError(f"spread rate {value!r}: {exc.message}") from None
    return to_decimal(value)


class SpreadTable:
    """Category -> (low rate ≤ 0, high rate ≥ 0), looked up by exact name, then by containment."""

    def __init__(self, spreads: Mapping[str, Any] | None = None) -> None:
        self._rates: dict[str, tuple[Decimal, Decimal]] = {}
        for key, sp in (spreads or {}).items():
            if isinstance(sp, Mapping):
                low, high = sp.get("low", 0), sp.get("high", 0)
            elif isinstance(sp, (tuple, list)):
                low, high = sp
            else:
                low, high = sp.low, sp.high
            low, high = _rate(low), _rate(high)
            if low > 0 or high < 0:
                raise ValueError(f"spread {key!r}: need low ≤ 0 ≤ high, got {low}, {high}")
            self._rates[str(key).strip()] = (low, high)
        self._cache: dict[str | None, tuple[Decimal, Decimal] | None] = {}

    def __bool__(self) -> bool:
        return bool(self._rates)

    def for_category(self, category: str | None) -> tuple[Decimal, Decimal] | None:
        if category in self._cache:
            return self._cache[category]
        found = None
        if category:
            found = self._rates.get(category)
            if found is None:
                hits = [k for k in self._rates if k and k in category]
                if len(hits) == 1:
                    found = self._rates[hits[0]]
        self._cache[category] = found
        return found


def three_point(
    likely: Decimal,
    low: Decimal | None,
    high: Decimal | None,
    distribution: str | None,
    spread: tuple[Decimal, Decimal] | None,
) -> tuple[Decimal, Decimal, str, list[tuple[str, str]]]:
    """Complete a line's unit cost: (low, high, distribution, problems as (field, message)).

    - neither low nor high given: the category spread if any (unless distribution says fixed),
      else low = high = likely;
    - one side given: the other side is likely (a one-sided range);
    - the distribution defaults to pert when low < high, fixed when low = high; a range of zero
      width is always fixed.
    """
    problems: list[tuple[str, str]] = []
    if low is None and high is None:
        if spread is not None and distribution != "fixed" and (spread[0] or spread[1]):
            low, high = likely * (ONE + spread[0]), likely * (ONE + spread[1])
            if likely < 0:  # a credit line: the spread widens the other way
                low, high = high, low
        else:
            low = high = likely
    else:
        if low is None:
            low = likely
        if high is None:
            high = likely
    if low > likely:
        problems.append(("low", f"low {low} is above likely {likely} (need low ≤ likely ≤ high)"))
    if high < likely:
        problems.append(("high", f"high {high} is below likely {likely} (need low ≤ likely ≤ high)"))
    if distribution is None:
        distribution = "pert" if low < high else "fixed"
    elif low == high:
        distribution = "fixed"
    elif distribution == "fixed":
        problems.append(
            ("distribution", f"distribution fixed needs low = likely = high, got {low}, {likely}, {high}")
        )
    return low, high, distribution, problems
