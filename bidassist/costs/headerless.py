"""Tables without a header row, read from what their figures state.

`sheets.headerless_layout` reads a list whose 合计/Total label (in one of the first columns) closes
a column of figures that add up to it. This module reads the other headerless lists finance keeps:

- a closing total anywhere in its row (`| | | Total | 3,325` under the items), or a figure alone on
  its row, the last of its column, six rows under a list of parts (`| 255`); the figures above it,
  less the labelled subtotals, add up to it (`closing_layout`);
- no total at all, but quantity × unit price = amount on every priced row (`product_layout`): the
  arithmetic names the columns, and the import says that no total confirms it.

The names are the column left of the figures holding words on ¾ of the figure rows
(`infer.name_column`). Each reading carries a warning naming the columns it took and why, and the
`--map` that changes it; anything less certain stays a refusal proposing that map.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from bidassist.core.errors import Problem
from bidassist.costs.headers import Layout
from bidassist.costs.infer import name_column, outline_columns, product_columns, unit_column
from bidassist.costs.reconcile import tolerance
from bidassist.costs.rowkinds import total_level
from bidassist.costs.values import CURRENCY_MARK, money_text
from bidassist.costs.workbook import RawSheet, col_letter, sheet_ref

#: rows looked at from the top of a sheet
_ROWS = 400


def _fig(v: object) -> Decimal | None:
    """A figure: a spreadsheet number, or money typed as text (`$1,200.00`, `¥350`)."""
    if type(v) in (int, float) and v == v:
        return Decimal(repr(float(v)))  # type: ignore[arg-type]
    if type(v) is str:
        return money_text(v)
    return None


def _label(row: Sequence[object], c: int) -> int:
    """The highest total level among the words of the row beside column `c` (0: none): `Total`
    left of the figure, or right of it (`28.98 | Total + 20% VAT`)."""
    return max(
        (total_level(v.strip()) for k, v in enumerate(row) if k != c and type(v) is str and v.strip()),
        default=0,
    )


def _alone(row: Sequence[object], c: int) -> bool:
    """No words on the row: the figure at c stands alone, or beside other figures only (`11.8 | 118`,
    the total and the same for ten sets)."""
    return all(k == c or type(v) is not str or not v.strip() for k, v in enumerate(row))


def _last_in_column(rows: Sequence[list], r: int, c: int, stop: int) -> bool:
    return not any(c < len(rows[k]) and _fig(rows[k][c]) is not None for k in range(r + 1, stop))


def _closing(rows: Sequence[list], r: int, c: int) -> tuple[list[int], Decimal] | None:
    """(rows of the items, their sum) when the figure at (r, c) is the sum of the figures above it
    in column c, less those on rows labelled as subtotals; None otherwise."""
    items: list[int] = []
    total = Decimal(0)
    for k in range(r):
        row = rows[k]
        v = _fig(row[c]) if c < len(row) else None
        if v is None or _label(row, c) or _alone(row, c):
            continue  # a subtotal, labelled or a figure alone on its row
        items.append(k)
        total += v
    want = _fig(rows[r][c])
    if len(items) < 3 or want is None or not want or abs(total - want) > tolerance(len(items)):
        return None
    return items, total


def closing_layout(raw: RawSheet) -> Layout | None:
    """A headerless list closed by its total: a figure labelled as a total anywhere left of it, or
    alone on its row and the last of its column, that equals the items above it (see the module)."""
    rows = raw.rows
    stop = min(len(rows), _ROWS)
    for r in range(stop):
        row = rows[r]
        for c, v in enumerate(row):
            if _fig(v) is None or not v:
                continue
            level = _label(row, c)
            if level < 2 and not (_alone(row, c) and _last_in_column(rows, r, c, stop)):
                continue
            found = _closing(rows, r, c)
            if found is None:
                continue
            return _closed(raw, r, c, found[0], "labelled" if level >= 2 else "unlabelled")
    return None


def _closed(raw: RawSheet, r: int, c: int, items: list[int], how: str) -> Layout | None:
    rows = raw.rows
    name, outline = name_column(rows, items, c), outline_columns(rows, items, c)
    alt = -1
    if outline is not None and name in (None, outline[0]):
        name, alt = outline
    if name is None:
        return None
    columns = {"description": name, "amount": c}
    product = product_columns(rows, items[0], r)
    if product is not None and product.amount == c and name < min(product.quantity, product.price):
        columns |= {"quantity": product.quantity, "price": product.price}
        unit = unit_column(rows, product.rows, name, min(product.quantity, product.price))
        if unit is not None:
            columns["unit"] = unit
    where = f"{sheet_ref(raw.name)}!{col_letter(c)}{r + 1}"
    read = ", ".join(f"{col_letter(k)} as the {f}" for f, k in columns.items() if f != "description")
    names = f"column {col_letter(name)}" + (
        f" (or {col_letter(alt)} where {col_letter(name)} is empty: names written as an outline)"
        if alt >= 0
        else ""
    )
    note = (
        f"no header row: {names} read as the description and {read}, because the "
        f"{how} figure {where} is the sum of the {len(items)} figure(s) above it; rows below row "
        f"{r + 1} are not read (name the columns with --map to change this)"
    )
    return Layout(columns, None, items[0], warnings=[Problem(where, note)], last_row=r, alt_description=alt)


def product_layout(raw: RawSheet) -> Layout | None:
    """A headerless list with no total where quantity × unit price = amount on every row that has
    an amount (three rows at least): those columns, the names beside them, and a warning that no
    stated total confirms the reading. Rows with an amount that is not the product: refused."""
    rows = raw.rows
    product = product_columns(rows)
    if product is None:
        return None
    first, last = product.rows[0], product.rows[-1]
    a = product.amount
    others = [
        k
        for k in range(first, last + 1)
        if k not in product.rows and a < len(rows[k]) and _fig(rows[k][a]) and not _label(rows[k], a)
    ]
    if others:
        return None
    left = min(product.quantity, product.price)
    name = name_column(rows, product.rows, left)
    if name is None:
        return None
    columns = {"description": name, "quantity": product.quantity, "price": product.price, "amount": a}
    unit = unit_column(rows, product.rows, name, left)
    if unit is not None:
        columns["unit"] = unit
    end = last + 1 if last + 1 < len(rows) and _label(rows[last + 1], a) >= 2 else last
    if _figures_elsewhere(rows, first, end, name, set(columns.values())):
        return None  # level totals or a second money column beside the products: not one reading
    if any(a < len(rows[k]) and _fig(rows[k][a]) for k in (*range(first), *range(end + 1, len(rows)))):
        return None  # money in that column above or below the products (a lump, a total): unread
    read = ", ".join(f"{col_letter(k)} as the {f}" for f, k in columns.items() if f != "description")
    where = f"{sheet_ref(raw.name)}!{col_letter(a)}{first + 1}"
    note = (
        f"no header row: column {col_letter(name)} read as the description and {read}, because the "
        f"amount is quantity × unit price on all {len(product.rows)} priced rows (rows {first + 1}–{last + 1}); "
        "the sheet states no total to confirm it (name the columns with --map to change this)"
    )
    return Layout(columns, None, first, warnings=[Problem(where, note)], last_row=end)


def _figures_elsewhere(rows: Sequence[list], first: int, end: int, name: int, used: set[int]) -> bool:
    """A figure right of the names in a column the reading does not use (a roll-up of level
    totals, a second currency) on the table's rows."""
    return any(
        k > name and k not in used and _fig(v) is not None and type(v) is not str
        for row in rows[first : end + 1]
        for k, v in enumerate(row)
    )


#: words that say a label or a sheet is about money (Purchasing Cost, 设备费用, Cost Breakdown)
_MONEY_WORDS = re.compile(
    r"cost|price|fee|charge|expense|spend|budget|payment|amount|成本|费|价|预算|支出|金额|开支", re.I
)


def labelled_layout(raw: RawSheet) -> Layout | None:
    """A headerless list of labels and figures and nothing else (`Purchasing Cost | 6,502,257.28`),
    three rows at least, no total: read as lump amounts only when the sheet's name or every label
    says the figures are money, with a warning that no stated total confirms them."""
    rows = raw.rows[:_ROWS]
    pairs: list[int] = []
    name = amount = -1
    for r, row in enumerate(rows):
        filled = [
            (c, v)
            for c, v in enumerate(row)
            if not (v is None or v == "" or (type(v) is str and not v.strip()))
        ]
        if not filled:
            continue
        if not pairs and _words_only(filled):
            continue  # a title above the list (Quote for the website), or words over its two columns
        if not _label_and_figure(filled):
            return None
        if (name, amount) != (-1, -1) and (filled[0][0], filled[-1][0]) != (name, amount):
            return None
        name, amount = filled[0][0], filled[-1][0]
        pairs.append(r)
    if len(pairs) < 3:
        return None
    labels = [str(rows[r][name]) for r in pairs]
    if any(total_level(t.strip()) for t in labels):
        return None  # a total among them: `closing_layout` reads it or nothing does
    marked = all(type(v) is str and CURRENCY_MARK.search(v) for v in (rows[r][amount] for r in pairs))
    if not (marked or _MONEY_WORDS.search(raw.name) or all(_MONEY_WORDS.search(t) for t in labels)):
        return None
    if _sums_others([_fig(rows[r][amount]) or Decimal(0) for r in pairs]):
        return None  # Overall cost 300 under 100 and 200: a total without a total's label
    where = f"{sheet_ref(raw.name)}!{col_letter(amount)}{pairs[0] + 1}"
    note = (
        f"no header row: column {col_letter(name)} read as the description and {col_letter(amount)} as "
        f"the amount of {len(pairs)} lump sum(s), because the "
        + (
            "figures are written with a currency"
            if marked
            else "sheet's name names costs"
            if _MONEY_WORDS.search(raw.name)
            else "labels name costs"
        )
        + "; the sheet states no total to confirm the figures (name the columns with --map to "
        "change this)"
    )
    columns = {"description": name, "amount": amount}
    return Layout(columns, None, pairs[0], warnings=[Problem(where, note)], last_row=pairs[-1])


def _words_only(filled: list[tuple[int, object]]) -> bool:
    """One or two cells of words without a figure: a title, or a header no synonym names
    (`Modules | Quote(in USD)`)."""
    return len(filled) <= 2 and all(type(v) is str and _fig(v) is None for _, v in filled)


def _label_and_figure(filled: list[tuple[int, object]]) -> bool:
    """A label first, a figure last, and at most one note between them in words without a digit
    (`Hosting | yearly plan | $ 240`; `10 pcs` between them could make the figure a unit price)."""
    if len(filled) not in (2, 3) or type(filled[0][1]) is not str or _fig(filled[0][1]) is not None:
        return False
    if _fig(filled[-1][1]) is None:
        return False
    return all(type(v) is str and not any(ch.isdigit() for ch in v) for _, v in filled[1:-1])


def _sums_others(figures: list[Decimal]) -> bool:
    """One figure is the sum of those above it (two or more) or of all the others."""
    whole = sum(figures, Decimal(0))
    running = Decimal(0)
    for i, f in enumerate(figures):
        if (i >= 2 and abs(f - running) <= tolerance(i)) or abs(2 * f - whole) <= tolerance(len(figures)):
            return True
        running += f
    return False
