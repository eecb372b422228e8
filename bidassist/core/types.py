"""Pydantic field types shared by every model: money, rates, file paths relative to a data file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo

from bidassist.core.money import AmountError, parse_amount, parse_number, to_decimal


class StrictModel(BaseModel):
    """Base of every data-file model: unknown keys are errors, values are not silently coerced
    from the wrong kind."""

    model_config = ConfigDict(extra="forbid", frozen=False, populate_by_name=True, allow_inf_nan=False)


def _money(value: Any) -> Decimal:
    """An amount within ±10^15 (see `money.bounded`)."""
    try:
        if isinstance(value, str):
            return parse_amount(value)
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return to_decimal(value)
    except AmountError as exc:
        raise ValueError(exc.message) from None
    raise ValueError(f"expected an amount, got {type(value).__name__}")


#: a rate or share is a fraction within [-1, 1] (a spread may be negative)
RATE_LIMIT = Decimal(1)


def _rate(value: Any) -> Decimal:
    """0.13 or '13%' -> Decimal('0.13'); within [-1, 1]."""
    try:
        if isinstance(value, str):
            rate = parse_number(value)
        elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            rate = to_decimal(value)
        else:
            raise ValueError(f"expected a rate such as 0.13 or '13%', got {type(value).__name__}")
    except AmountError as exc:
        raise ValueError(exc.message) from None
    if abs(rate) > RATE_LIMIT:
        raise ValueError(f"a rate must be within [-1, 1] (0.13 or 13%), got {rate:.6g}")
    return rate


def _resolve_path(value: Path, info: ValidationInfo) -> Path:
    base = (info.context or {}).get("base_dir")
    if base is not None and not value.is_absolute():
        return (Path(base) / value).resolve()
    return value


#: An amount of money: number or text as finance writes it ("1,234.50", "12.5万"); Decimal.
Money = Annotated[Decimal, BeforeValidator(_money)]
#: A rate or share as a fraction: 0.13 or "13%".
Rate = Annotated[Decimal, BeforeValidator(_rate)]
#: A plain number in a data file (a distribution's low/high, a competitor's price): finite and
#: within ±10^15.
Num = Annotated[float, Field(ge=-1e15, le=1e15)]
#: A file path; relative paths resolve against the folder of the data file that names it.
DataPath = Annotated[Path, AfterValidator(_resolve_path)]
