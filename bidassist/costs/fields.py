"""Reading one cost line's cells into typed values, driven by a table of fields.

Each field the layout found has a spec: the column, the name used in messages and how its cell is
read (a quantity, a money amount, a low/high that may be a relative percentage, a distribution, a
risk flag). `parse_fields` reads a row with the plan and returns the values and every problem; it
never changes the row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from bidassist.costs.headers import BREAKDOWN_FIELDS, classify_header
from bidassist.costs.values import (
    _FLOAT_CACHE,
    CellError,
    approximate,
    float_to_decimal,
    money_per_unit,
    parse_distribution,
    parse_risk,
    quantity_times,
    quantity_with_unit,
    relative_percent,
    to_number,
)


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    label: str  # how messages name it
    kind: str  # quantity | money | range | distribution | risk


SPECS: dict[str, FieldSpec] = {
    s.name: s
    for s in (
        FieldSpec("quantity", "quantity", "quantity"),
        FieldSpec("price", "unit price", "money"),
        FieldSpec("amount", "amount", "money"),
        FieldSpec("likely", "likely", "money"),
        FieldSpec("low", "low", "range"),
        FieldSpec("high", "high", "range"),
        FieldSpec("distribution", "distribution", "distribution"),
        FieldSpec("risk", "risk", "risk"),
        *(FieldSpec(b, b.replace("_", " "), "money") for b in BREAKDOWN_FIELDS),
    )
}


@dataclass(slots=True)
class RowFields:
    """A row's typed values: numbers by field, relative percentages for low/high, the distribution,
    the risk flag, and (column, message) for every cell that could not be read."""

    numbers: dict[str, Decimal] = field(default_factory=dict)
    percents: dict[str, Decimal] = field(default_factory=dict)
    distribution: str | None = None
    risk: bool = False
    problems: list[tuple[int, str]] = field(default_factory=list)
    #: the unit typed in the quantity cell (`1.9万㎡`), when it carries one
    unit: str | None = None
    #: (field, cell text) of figures written as approximate (`（约）30`), read as their number
    approx: list[tuple[str, str]] = field(default_factory=list)
    #: (field, cell text, read as) of money cells holding words: nil words read as 0, notes with no
    #: figure in them (PROPOSE, see quote) read as empty — each reported, never silent
    words: list[tuple[str, str, str]] = field(default_factory=list)
    #: (field, cell text, unit) of money written per unit (`￥0.73/h`, `7200/per camp`), read as
    #: its figure; the unit is the line's unit when the unit column is empty
    per_unit: list[tuple[str, str, str]] = field(default_factory=list)

    def breakdown(self) -> dict[str, Decimal] | None:
        found = {b: self.numbers[b] for b in BREAKDOWN_FIELDS if b in self.numbers}
        return found or None


#: one planned field: its spec, its column, whether a float cell is read directly, its reader
PlanItem = tuple[FieldSpec, int, bool, "Callable[[RowFields, FieldSpec, object], None]"]


def make_plan(columns: dict[str, int]) -> list[PlanItem]:
    """The fields of a layout that hold values, with their columns, in a fixed order."""
    return [
        (spec, columns[name], spec.kind not in ("distribution", "risk"), _READERS[spec.kind])
        for name, spec in SPECS.items()
        if name in columns
    ]


def _quantity(out: RowFields, spec: FieldSpec, value: object) -> None:
    if type(value) is str and value.strip().lower() in _NOT_APPLICABLE:
        return
    try:
        number = to_number(value, spec.label, money=False)
    except CellError:
        number = quantity_times(value)  # x1, 3×: a count with a multiplication sign
        if number is None:
            found = quantity_with_unit(value)
            if found is None:
                raise
            number, out.unit = found
    if number is not None:
        out.numbers[spec.name] = number


#: a price written as "not applicable" or struck out with a dash or slash: no price (the amount,
#: when there is one, decides; a row with neither carries no money)
_NOT_APPLICABLE = frozenset(
    {"n/a", "na", "n.a.", "n.a", "not applicable", "不适用", "/", "／", "-", "--", "—", "——", "–", "无"}
)


#: money written as nil in words: the line costs nothing (a zero-amount line); "given" marks a part
#: handed to the buyer (a kit's supplied board), while "Provided" beside a "-" stays a note
_NIL = frozenset(
    {
        "free",
        "free of charge",
        "no cost",
        "no charge",
        "nil",
        "none",
        "given",
        "免费",
        "赠送",
        "赠品",
        "不收费",
        "0元",
    }
)
#: money not known yet: no figure (the row is an unpriced item, settled against the sheet's total)
_UNKNOWN = frozenset(
    {"tbd", "tba", "tbc", "t.b.d.", "?", "？", "??", "待定", "待询", "待报", "未定", "未购", "未询价", "暂无"}
)


def _money(out: RowFields, spec: FieldSpec, value: object) -> None:
    if type(value) is str:
        word = value.strip().lower()
        if (spec.name == "price" and word in _NOT_APPLICABLE) or word in _UNKNOWN:
            return
        if word in _NIL or (spec.name == "amount" and word in _NOT_APPLICABLE):
            out.numbers[spec.name] = Decimal(0)
            out.words.append((spec.name, value.strip(), "0 (no cost, written in words)"))
            return
    try:
        number = to_number(value, spec.label)
    except CellError:
        number = approximate(value)
        per = money_per_unit(value) if number is None else None
        if per is not None and not (spec.name == "amount" and _PERIOD.match(per[1])):
            out.numbers[spec.name] = per[0]
            out.per_unit.append((spec.name, str(value).strip(), per[1]))
            return
        if number is None:
            if spec.name in ("amount", "price") and _is_note(value):
                out.words.append((spec.name, str(value).strip(), "empty (a word, not a figure)"))
                return
            raise
        out.approx.append((spec.name, str(value)))
    if number is not None:
        out.numbers[spec.name] = number


#: a period an amount may be written per (`1,200/month`): read by the table as one period's amount
_PERIOD = re.compile(r"(?:year|yr|annum|month|mo|年|月)\Z", re.I)


def _is_note(value: object) -> bool:
    """A money cell holding words with no figure in them (PROPOSE, see quote, 见附件): a note, not a
    number written wrongly; text with a digit in it may be money mistyped and stays an error."""
    if type(value) is not str or sum(ch.isalpha() for ch in value) < 4 or any(ch.isdigit() for ch in value):
        return False  # x, abc: a mistyped figure, not a word
    return classify_header(value) is None  # a column's name (Estimate (Min)) is a header, not a note


def _range(out: RowFields, spec: FieldSpec, value: object) -> None:
    try:
        pct = relative_percent(value)
        if pct is not None:
            out.percents[spec.name] = pct
            return
        number = to_number(value, spec.label)
    except CellError as exc:
        text = str(exc)
        raise CellError(text if text.startswith(spec.label) else f"{spec.label} {text}") from None
    if number is not None:
        out.numbers[spec.name] = number


def _distribution(out: RowFields, spec: FieldSpec, value: object) -> None:
    out.distribution = parse_distribution(value)


def _risk(out: RowFields, spec: FieldSpec, value: object) -> None:
    out.risk = parse_risk(value)


_READERS: dict[str, Callable[[RowFields, FieldSpec, object], None]] = {
    "quantity": _quantity,
    "money": _money,
    "range": _range,
    "distribution": _distribution,
    "risk": _risk,
}


def parse_fields(row: list, plan: list[PlanItem]) -> RowFields:
    """Every planned field of one row; spreadsheet floats take the fast path."""
    out = RowFields()
    numbers = out.numbers
    fget = _FLOAT_CACHE.get
    for spec, c, numeric, reader in plan:
        value = row[c]
        if numeric and type(value) is float:
            d = fget(value)
            if d is None:
                try:
                    d = float_to_decimal(value)
                except CellError as exc:
                    out.problems.append((c, f"{spec.label} {exc}"))
                    continue
            numbers[spec.name] = d
        elif value == "" or value is None:
            continue
        else:
            try:
                reader(out, spec, value)
            except CellError as exc:
                out.problems.append((c, str(exc)))
    if out.problems and "amount" in numbers:
        _price_as_note(out, row, plan)
        if out.problems and out.words:
            _nil_quantity(out, row, plan)
    return out


def _nil_quantity(out: RowFields, row: list, plan: list[PlanItem]) -> None:
    """A nil word in the quantity cell of a row whose amount says it in words too (given | given |
    given: a supplied part): no quantity, the zero amount stands, not a quantity mistyped."""
    if not any(name == "amount" and read.startswith("0") for name, _, read in out.words):
        return
    for spec, c, _, _ in plan:
        value = row[c]
        if spec.name == "quantity" and type(value) is str and value.strip().lower() in _NIL:
            out.problems = [(k, m) for k, m in out.problems if k != c]
            out.words.append(("quantity", value.strip(), "empty (no cost, written in words)"))


#: what a unit price cell of words beside the line's amount is read as
PRICE_NOTE = "a note (the amount is the line's money)"


def _price_as_note(out: RowFields, row: list, plan: list[PlanItem]) -> None:
    """Words in the unit price cell of a row whose amount is a figure (an option chosen, 「1楼海景
    小套房」, `Option B: 2 rooms`): the amount is the line's money and the words a note, not a price
    mistyped — even with a digit in them. Without an amount the cell stays an error."""
    for spec, c, _, _ in plan:
        if spec.name != "price":
            continue
        value = row[c]
        if type(value) is str and sum(ch.isalpha() for ch in value) >= 2:
            kept = [(k, m) for k, m in out.problems if k != c]
            if len(kept) < len(out.problems):
                out.problems = kept
                out.words.append(("price", value.strip(), PRICE_NOTE))
