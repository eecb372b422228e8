"""Columns of a table without a header, inferred from the figures alone.

A priced table states its own arithmetic: on every item row the amount is the quantity × the unit
price. Three number columns that hold that relation on nearly every row (`product_columns`) are
the quantity, the unit price and the amount; the column of names beside them is the one holding
words on nearly every such row (`name_column`). The inference is used to read a headerless table
only where the sheet's own total confirms the amounts (`sheets.headerless_layout`); otherwise it is
the exact `--map` a refusal proposes (`proposed_map`), never an import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bidassist.costs.workbook import RawSheet, col_letter

#: rows looked at from the top of a sheet, and number columns tried at most
_ROWS = 400
_MAX_COLUMNS = 12


def _number(v: object) -> float | None:
    if type(v) in (int, float):
        return float(v)  # type: ignore[arg-type]
    return None


def _text(v: object) -> bool:
    return type(v) is str and bool(v.strip()) and not v.strip().replace(".", "").replace(",", "").isdigit()


@dataclass(frozen=True)
class Product:
    """Columns where amount = quantity × price, and the rows (0-based) where it holds."""

    quantity: int
    price: int
    amount: int
    rows: tuple[int, ...]


def product_columns(rows: Sequence[list], start: int = 0, end: int | None = None) -> Product | None:
    """The (quantity, price, amount) columns whose figures satisfy amount = quantity × price on at
    least 90 % of the rows holding all three (three rows or more), with the amount differing from
    the price on two rows at least (quantities of 1 alone do not tell the amount from the price).
    The quantity is the left one of the two factors. None when no triple, or more than one, fits."""
    stop = min(len(rows), start + _ROWS if end is None else end)
    counts: dict[int, int] = {}
    for r in range(start, stop):
        for c, v in enumerate(rows[r]):
            if _number(v) is not None:
                counts[c] = counts.get(c, 0) + 1
    cols = sorted(c for c, n in counts.items() if n >= 3)[:_MAX_COLUMNS]
    found = [
        fit
        for a in cols
        for i, q in enumerate(cols)
        for p in cols[i + 1 :]
        if a not in (q, p) and (fit := _fits(rows, start, stop, q, p, a)) is not None
    ]
    return found[0] if len(found) == 1 else None


def _fits(rows: Sequence[list], start: int, stop: int, q: int, p: int, a: int) -> Product | None:
    hits: list[int] = []
    tried = telling = 0
    for r in range(start, stop):
        row = rows[r]
        if max(q, p, a) >= len(row):
            continue
        n, u, t = _number(row[q]), _number(row[p]), _number(row[a])
        if n is None or u is None or t is None or not t:
            continue
        tried += 1
        if abs(n * u - t) <= 0.005 + 1e-9 * abs(t):
            hits.append(r)
            telling += abs(t - u) > 0.005 and abs(t - n) > 0.005
    if len(hits) >= 3 and len(hits) * 10 >= tried * 9 and telling >= 2:
        return Product(q, p, a, tuple(hits))
    return None


def name_column(rows: Sequence[list], at: Sequence[int], before: int) -> int | None:
    """The column left of `before` holding words on at least 3/4 of the rows `at` (the longest
    words when several do): the items' names."""
    best: tuple[int, int] | None = None
    for c in range(before):
        texts = [rows[r][c].strip() for r in at if c < len(rows[r]) and _text(rows[r][c])]
        if len(texts) * 4 < len(at) * 3:
            continue
        length = sum(len(t) for t in texts)
        if best is None or length > best[0]:
            best = (length, c)
    return None if best is None else best[1]


def outline_columns(rows: Sequence[list], at: Sequence[int], before: int) -> tuple[int, int] | None:
    """Names written as an outline over two columns left of `before` (`Web services | Servers`,
    then `| Git`, `| PM tools` under it): (the outer column, the inner one) when every row `at`
    but a quarter holds words in one of them, each holds words on two rows at least, and the rows
    named only in the inner column run below a row whose inner column is named (a group's first
    sub-item shares the group's row). None otherwise (`name_column` decides first)."""
    for c in range(before - 1):
        outer = [c < len(rows[r]) and _text(rows[r][c]) for r in at]
        inner = [c + 1 < len(rows[r]) and _text(rows[r][c + 1]) for r in at]
        if (
            sum(outer) < 2
            or sum(inner) < 2
            or sum(a or b for a, b in zip(outer, inner, strict=True)) * 4 < len(at) * 3
        ):
            continue
        if all(
            o or not i or (k > 0 and inner[k - 1]) for k, (o, i) in enumerate(zip(outer, inner, strict=True))
        ):
            if any(i and not o for o, i in zip(outer, inner, strict=True)):
                return c, c + 1
    return None


def unit_column(rows: Sequence[list], at: Sequence[int], name: int, first_number: int) -> int | None:
    """A column between the names and the figures holding short words (t, m3, 吨, 项) on at least
    3/4 of the rows `at`."""
    for c in range(name + 1, first_number):
        texts = [rows[r][c].strip() for r in at if c < len(rows[r]) and _text(rows[r][c])]
        if len(texts) * 4 >= len(at) * 3 and all(len(t) <= 6 for t in texts):
            return c
    return None


def proposed_map(raw: RawSheet) -> str | None:
    """The `--map` a refusal proposes for a sheet without a header: `"Sheet:description=B,
    quantity=D,price=E,amount=F,first=2"`, inferred from the figures, or None."""
    product = product_columns(raw.rows)
    if product is None:
        return None
    rows = raw.rows
    name = name_column(rows, product.rows, min(product.quantity, product.price))
    if name is None:
        return None
    fields = [("description", name)]
    unit = unit_column(rows, product.rows, name, min(product.quantity, product.price))
    if unit is not None:
        fields.append(("unit", unit))
    fields += [("quantity", product.quantity), ("price", product.price), ("amount", product.amount)]
    spec = ",".join(f"{f}={col_letter(c)}" for f, c in fields)
    return f"{raw.name}:{spec},first={product.rows[0] + 1}"
