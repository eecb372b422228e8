"""The cost model: cost lines with a quantity and a three-point unit cost.

Every line keeps its `source` (`Costs!A17` or `bid.yaml:40`) so that every problem lands on a cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from bidassist.core.errors import Problem
from bidassist.core.money import round_money

if TYPE_CHECKING:
    from bidassist.costs.offer import PricingOffer

_new = object.__new__
#: BaseModel's three slots, set through their descriptors (a third cheaper than object.__setattr__)
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__

Distribution = Literal["fixed", "triangular", "pert", "uniform"]


class CostLine(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str | None = None
    description: str = Field(min_length=1)
    unit: str | None = None
    quantity: Decimal = Field(ge=0)
    low: Decimal = Field(description="unit cost, optimistic")
    likely: Decimal = Field(description="unit cost, most likely")
    high: Decimal = Field(description="unit cost, pessimistic")
    distribution: Distribution = "fixed"
    category: str | None = None
    risk: bool = False
    source: str | None = Field(default=None, description="where the line came from, e.g. Costs!A17")
    breakdown: dict[str, Decimal] | None = Field(
        default=None,
        description="components of an all-in unit rate (综合单价): labour, material, "
        "machinery, overhead_profit",
    )
    priced: bool = Field(default=True, description="False for a line of an unpriced bill (role bill)")

    @model_validator(mode="after")
    def _order(self) -> CostLine:
        if not self.low <= self.likely <= self.high:
            raise ValueError(f"need low ≤ likely ≤ high, got {self.low}, {self.likely}, {self.high}")
        if self.distribution == "fixed" and not self.low == self.likely == self.high:
            raise ValueError("a fixed line has low = likely = high")
        return self

    def replaced(self, **changes: Any) -> CostLine:
        """A copy with `changes`, built as `trusted` builds (for values the importer has checked)."""
        return CostLine.trusted(**{**self.__dict__, **changes})

    @classmethod
    def trusted(
        cls,
        code: str | None,
        description: str,
        unit: str | None,
        quantity: Decimal,
        low: Decimal,
        likely: Decimal,
        high: Decimal,
        distribution: Distribution,
        category: str | None,
        risk: bool,
        source: str | None,
        breakdown: dict[str, Decimal] | None = None,
        priced: bool = True,
    ) -> CostLine:
        """Build a line without re-running validation, for a caller that has already applied the
        same rules (the sheet importer checks every cell and collects every problem first; this
        saves ~2 µs a line on 100,000-line sheets). Tests check it agrees with normal validation.
        Units and categories, which repeat from line to line, are kept once (`_SHARED`). The
        fields are stored into the line's attribute dict in field order, so that it shares one
        key table with every other trusted line (CPython's split dict: about 270 bytes a line for
        the object, its dict and its values, against 550 for a dict of its own;
        `_prime_shared_keys`); a dict store costs a tenth of an `object.__setattr__` call, which
        would keep the values in the object without the dict (64 bytes less) at 1.5 µs more."""
        obj = _new(cls)
        if len(_SHARED) < _SHARED_MAX:
            unit, category = _SHARED.setdefault(unit, unit), _SHARED.setdefault(category, category)
        else:
            unit, category = _SHARED.get(unit, unit), _SHARED.get(category, category)
        values = obj.__dict__
        values["code"] = code
        values["description"] = description
        values["unit"] = unit
        values["quantity"] = quantity
        values["low"] = low
        values["likely"] = likely
        values["high"] = high
        values["distribution"] = distribution
        values["category"] = category
        values["risk"] = risk
        values["source"] = source
        values["breakdown"] = breakdown
        values["priced"] = priced
        _set_fields_set(obj, _ALL_FIELDS)
        _set_extra(obj, None)
        _set_private(obj, None)
        return obj

    @property
    def likely_total(self) -> Decimal:
        return self.quantity * self.likely

    @property
    def low_total(self) -> Decimal:
        return self.quantity * self.low

    @property
    def high_total(self) -> Decimal:
        return self.quantity * self.high


_ALL_FIELDS = frozenset(CostLine.model_fields)


def _prime_shared_keys() -> None:
    """Put every field name into CostLine's shared key table now, in field order, before any
    other instance exists: CPython 3.11 lets a class's shared key table take new keys only while
    few instances have been made (each allocation lowers the room left), so a process that
    validated many lines first would otherwise give every trusted line a dict of its own (correct,
    only bigger)."""
    CostLine.trusted(
        None, "-", None, Decimal(0), Decimal(0), Decimal(0), Decimal(0), "fixed", None, False, None
    )


#: one object for each unit and category text seen (they repeat on every line: 60–80 bytes a
#: line each), up to _SHARED_MAX texts
_SHARED: dict[str | None, str | None] = {}
_SHARED_MAX = 4096
_prime_shared_keys()


class CostTotals(BaseModel):
    low: Decimal
    likely: Decimal
    high: Decimal


class CostModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lines: list[CostLine] = Field(min_length=1)
    #: ISO 4217 code the sheet states for its money (costs/currency.py); None: it states none
    currency: str | None = None
    source: str | None = None

    @property
    def totals(self) -> CostTotals:
        """Sums of quantity × unit cost, rounded half-up to 0.01."""
        return CostTotals(
            low=round_money(sum((ln.low_total for ln in self.lines), Decimal(0))),
            likely=round_money(sum((ln.likely_total for ln in self.lines), Decimal(0))),
            high=round_money(sum((ln.high_total for ln in self.lines), Decimal(0))),
        )

    def categories(self) -> list[str]:
        seen: dict[str, None] = {}
        for ln in self.lines:
            seen.setdefault(ln.category or "", None)
        return list(seen)


def decimal_text(value: Decimal) -> str:
    """A Decimal as plain decimal text (never exponent notation): 1.2E+3 -> 1200."""
    text = format(value, "f")
    return "0" if text in ("-0", "-0.0") else text


MarkupKind = Literal["overhead", "fees", "measures", "profit", "vat", "provisional", "discount", "other"]


class Markup(BaseModel):
    """A row that adds to the lines rather than being one: 管理费 3 %, 规费, 税金 9 %, 措施费, 利润,
    暂列金额 (a rate, a lump amount or both). Offered to pricing as overhead/VAT/provisional sums."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: MarkupKind
    label: str
    rate: Decimal | None = Field(default=None, description="0.09 for 9 %")
    amount: Decimal | None = None
    source: str | None = None


class SheetRole(BaseModel):
    """How one sheet of the workbook was read."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    role: Literal[
        "cost detail", "summary", "analysis", "measurement", "blank", "not a cost table", "hidden", "bill"
    ]
    used: bool
    reason: str = ""
    lines: int = 0


class Reconciliation(BaseModel):
    """The imported total checked against the total the workbook states (合计, 总计, 汇总 sheet)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    status: Literal["matched", "accepted", "no stated total"]
    imported: Decimal
    sheet_total: Decimal | None = None
    difference: Decimal | None = None
    cell: str | None = None
    basis: str = ""

    def to_json(self) -> dict:
        def txt(v: Decimal | None) -> str | None:
            return None if v is None else decimal_text(v)

        return {
            "status": self.status,
            "sheet_total": txt(self.sheet_total),
            "imported": txt(self.imported),
            "difference": txt(self.difference),
            "cell": self.cell,
            "basis": self.basis,
        }


@dataclass
class CostImport:
    """The result of importing costs: the model, the warnings (cell-located) that did not stop it,
    the markups found beside the lines, how each sheet was read and the reconciliation."""

    model: CostModel
    warnings: list[Problem] = field(default_factory=list)
    markups: list[Markup] = field(default_factory=list)
    sheets: list[SheetRole] = field(default_factory=list)
    reconciliation: Reconciliation | None = None
    #: a CSV file's text format as read (encoding, delimiter, decimal mark); None for a workbook
    text_format: dict[str, str] | None = None

    def to_json(self) -> dict:
        """The documented JSON shape; amounts are decimal strings, totals rounded half-up to 0.01."""
        totals = self.model.totals
        return {
            "lines": [
                {
                    "code": ln.code,
                    "description": ln.description,
                    "unit": ln.unit,
                    "quantity": decimal_text(ln.quantity),
                    "low": decimal_text(ln.low),
                    "likely": decimal_text(ln.likely),
                    "high": decimal_text(ln.high),
                    "distribution": ln.distribution,
                    "category": ln.category,
                    "source": ln.source,
                    **(
                        {"breakdown": {k: decimal_text(v) for k, v in ln.breakdown.items()}}
                        if ln.breakdown
                        else {}
                    ),
                    **({} if ln.priced else {"priced": False}),
                }
                for ln in self.model.lines
            ],
            "currency": self.model.currency,
            "totals": {
                "low": decimal_text(totals.low),
                "likely": decimal_text(totals.likely),
                "high": decimal_text(totals.high),
            },
            "warnings": [{"cell": w.where, "message": w.message} for w in self.warnings],
            "markups": [
                {
                    "kind": m.kind,
                    "label": m.label,
                    "rate": None if m.rate is None else decimal_text(m.rate),
                    "amount": None if m.amount is None else decimal_text(m.amount),
                    "source": m.source,
                }
                for m in self.markups
            ],
            "pricing_offer": self.pricing_offer().to_json(),
            "sheets": [s.model_dump() for s in self.sheets],
            "reconciliation": None if self.reconciliation is None else self.reconciliation.to_json(),
            **({"text_format": dict(self.text_format)} if self.text_format else {}),
        }

    def pricing_offer(self) -> PricingOffer:
        """The markups as pricing settings (overhead share, VAT rate, provisional sums)."""
        from bidassist.costs.offer import pricing_offer

        return pricing_offer(self.markups, self.model.totals.likely)
