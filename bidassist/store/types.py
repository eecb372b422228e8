"""Column types: exact decimals (money, quantities, scores) and JSON kept as text.

Money is never a float in the store. PostgreSQL keeps it as NUMERIC without a fixed scale, so the
digits written are the digits read; SQLite has no decimal type, so it is kept as canonical text
(`format(d, "f")`). Both give back the same `Decimal`, with the same digits, on either backend.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sqlalchemy import Numeric, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


def canonical_decimal(value: Decimal) -> Decimal:
    """The same number without an exponent: Decimal('1E+3') -> Decimal('1000'); digits kept."""
    if not value.is_finite():
        raise ValueError(f"not a finite amount: {value}")
    return Decimal(format(value, "f"))


class Exact(TypeDecorator):
    """An exact decimal: NUMERIC on PostgreSQL, canonical text on SQLite. Floats are refused."""

    impl = String(48)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(48))
        return dialect.type_descriptor(Numeric(asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if isinstance(value, float) or isinstance(value, bool):
            raise TypeError("money and quantities are stored from Decimal, int or text, never float")
        d = canonical_decimal(value if isinstance(value, Decimal) else Decimal(str(value)))
        return format(d, "f") if dialect.name == "sqlite" else d

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return canonical_decimal(value if isinstance(value, Decimal) else Decimal(str(value)))


def dump_json(value: Any) -> str:
    """Stable JSON text (sorted keys, unicode kept): the same bytes on every backend."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str, separators=(",", ":"))


class JSONText(TypeDecorator):
    """A JSON value kept as text (TEXT on both backends), written with sorted keys."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else dump_json(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return None if value is None else json.loads(value)
