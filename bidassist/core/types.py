"""Pydantic field types shared by every model: money, rates, file paths relative to a data file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationInfo

from bidassist.core.money import AmountError, parse_amount, parse_number, to_decimal


class StrictModel(BaseModel):
    """Base of every data-file model: unknown keys are errors, values are not silently coerced
    from the wrong kind."""

    model_config = ConfigDict(extra="forbid", frozen=False, populate_by_name=True)


def _money(value: Any) -> Decimal:
    if isinstance(value, str):
        try:
            return parse_amount(value)
        except AmountError as exc:
            raise ValueError(exc.message) from None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return to_decimal(value)
    raise ValueError(f"expected an amount, got {type(value).__name__}")


def _rate(value: Any) -> Decimal:
    """0.13 or '13%' -> Decimal('0.13')."""
    if isinstance(value, str):
        try:
            return parse_number(value)
        except AmountError as exc:
            raise ValueError(exc.message) from None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return to_decimal(value)
    raise ValueError(f"expected a rate such as 0.13 or '13%', got {type(value).__name__}")


def _resolve_path(value: Path, info: ValidationInfo) -> Path:
    base = (info.context or {}).get("base_dir")
    if base is not None and not value.is_absolute():
        return (Path(base) / value).resolve()
    return value


#: An amount of money: number or text as finance writes it ("1,234.50", "12.5万"); Decimal.
Money = Annotated[Decimal, BeforeValidator(_money)]
#: A rate or share as a fraction: 0.13 or "13%".
Rate = Annotated[Decimal, BeforeValidator(_rate)]
#: A file path; relative paths resolve against the folder of the data file that names it.
DataPath = Annotated[Path, AfterValidator(_resolve_path)]
