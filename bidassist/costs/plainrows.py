"""The figures of a table's plain rows (a name, a quantity, one price or a low/likely/high range,
an amount that agrees), read a row at a time (`fast_figures`) or a block of rows column by
column (`block_figures`).

The column-wise read turns each number column of a block of plain rows into Decimals in one go:
each distinct spreadsheet float once (`float_decimals`, the Decimal `float_to_decimal` gives it),
numbers typed as plain text by `plain_number`. A row gets the figures `fast_figures` gives it, or
None where one of its cells needs the full reader (`table._Parser._line` reads that row as
before). Tests hold the block read to the row-at-a-time read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Context, Decimal
from itertools import compress, repeat
from operator import is_
from typing import cast

import numpy as np

from bidassist.costs.values import CellError, float_to_decimal, plain_number

#: rows read at a time: their lists are held together only for one block
BLOCK = 512
ONE = Decimal(1)
#: compared with as Decimals (an int operand is made a Decimal at each comparison)
_ZERO, _TWO = Decimal(0), Decimal(2)
CENT = Decimal("0.01")
HALF_CENT = Decimal("0.005")
_HUNDRED = Decimal(100)
#: whatever the thread's context: a quotient of at most 15 digits is exact in 28
_EXACT = Context(prec=28)
#: a cell the plain reader does not read (other text, another type, a float it refuses)
_UNREAD = object()
#: the number fields of a plain row, in `fast_figures`'s order
FIELDS = ("quantity", "price", "likely", "low", "high", "amount")
_FLOAT_OR_TEXT = frozenset({float, str})


def fast_figures(
    qty: Decimal | None,
    price: Decimal | None,
    likely: Decimal | None,
    low: Decimal | None,
    high: Decimal | None,
    amount: Decimal | None,
) -> tuple | None:
    """The common line's figures (a quantity, one price or likely with an optional low/high pair,
    an amount that agrees with quantity × likely or differs from it by no more than
    `_check_amount` lets pass): (quantity, likely, low, high, distribution, amount,
    quantity × likely, alternative), alternative being amount ÷ quantity for a line to list in
    `SheetResult.alternatives` (else None); None for every other case, which the full path
    (`_unit_cost`, `_range`, `_check_amount`) handles."""
    if qty is None or qty < _ZERO:
        return None
    if likely is None:
        likely = price
    elif price is not None and price != likely:
        return None
    if likely is None:
        return None
    total = qty * likely
    alternative = None
    if amount is not None and total != amount:
        rounded = _rounded(qty, likely, price, amount, low is None and high is None)
        if rounded is None:
            return None
        likely, total, alternative = rounded
    if low is None and high is None:
        return qty, likely, likely, likely, "fixed", amount, total, alternative
    if low is not None and high is not None and low < high and low <= likely <= high:
        return qty, likely, low, high, "pert", amount, total, alternative
    return None


def _rounded(
    qty: Decimal, likely: Decimal, price: Decimal | None, amount: Decimal, one_price: bool
) -> tuple[Decimal, Decimal, Decimal | None] | None:
    """An amount that differs from quantity × likely, as `_unit_cost` and `_build` read it:
    (likely, quantity × likely, alternative) — on a one-price line the unit cost becomes
    amount ÷ quantity where the amount is the product rounded (`rounded_amount_wins`), and
    amount ÷ quantity is listed as the alternative while the product still differs; None where
    `_check_amount` writes a warning or the quantity is 0 (the full path)."""
    if not qty > _ZERO:
        return None
    if one_price:
        likely = rounded_amount_wins(qty, likely, amount)
    checked = price if price is not None else likely
    if abs(qty * checked - amount) > (CENT if qty < _TWO else qty * HALF_CENT):
        return None
    total = qty * likely
    return likely, total, (amount / qty if one_price and total != amount else None)


def rounded_amount_wins(qty: Decimal, price: Decimal, amount: Decimal) -> Decimal:
    """The sheet's amount is the line's money: where quantity × unit price differs from it only by
    the amount's rounding (under one currency unit and ½ %), the unit cost is amount ÷ quantity.
    A bigger difference is a warning, and the stated total decides (see sheets.prefer_amounts)."""
    diff = abs(qty * price - amount)
    if diff and diff < ONE and diff <= abs(amount) * HALF_CENT:
        return amount / qty
    return price


def block_figures(names: Sequence[str], cells: Sequence[Sequence[object]]) -> list[tuple | None]:
    """`fast_figures` of each row of a block of plain rows, read column by column: `cells` holds
    each row's number cells, in the order of `names` (fields of FIELDS). None for a row with a
    cell the plain reader does not read (the full reader decides it)."""
    n = len(cells)
    if not n:
        return []
    columns = dict.fromkeys(FIELDS, [None] * n)
    unread: set[int] = set()
    for name, values in zip(names, zip(*cells, strict=True), strict=True):
        column, unread_possible = _decimal_column(values)
        if unread_possible:
            # compress over `is`: no comparison of each Decimal with the marker
            bad = list(compress(range(n), map(is_, column, repeat(_UNREAD))))
            for i in bad:
                column[i] = None
            unread.update(bad)
        columns[name] = column
    figures = list(map(fast_figures, *columns.values()))
    for i in unread:
        figures[i] = None
    return figures


def decimal_column(values: Sequence[object]) -> list:
    """One number column's cells of a block: Decimal, None for a blank cell, `_UNREAD` for a
    cell the plain reader does not read. Each distinct cell is read once; where only floats and
    texts are found (which never compare equal) and no zero (0.0 and -0.0 are one key), the
    column is looked up in one `map`."""
    return _decimal_column(values)[0]


def _decimal_column(values: Sequence[object]) -> tuple[list, bool]:
    """`decimal_column` of the values, and whether any cell may be `_UNREAD` (False where none
    is: every distinct cell's reading was looked at, or only whole cents were read)."""
    found: dict[object, object] = dict.fromkeys(values)
    # the types of every cell, not of the keys: 1 and 1.0 (or True) are one key
    types = set(map(type, values))
    if types <= _FLOAT_OR_TEXT and 0.0 not in found:
        if str not in types and len(found) == len(values):  # distinct floats: the keys in order
            column = _whole_cents(cast(Sequence[float], values))
            if column is not None:
                return column, False
        texts = _texts_out(found) if str in types else {}
        keys = cast(list[float], list(found))  # only floats are left in it
        decoded = cast(dict[object, object], _unique_float_decimals(keys))
        decoded.update(texts)
        return list(map(decoded.__getitem__, values)), any(map(is_, decoded.values(), repeat(_UNREAD)))
    floats = float_decimals(v for v in values if type(v) is float)
    column = [
        (floats[v] if v else float_to_decimal(v)) if type(v) is float else _text_cell(v) for v in values
    ]
    return column, True


def _whole_cents(keys: Sequence[float]) -> list | None:
    """The Decimals of distinct floats in their order when every one is a whole number of cents
    under 10^13 (a money column of a big sheet), as `_in_cents` makes them (no dict of them, no
    look-up a cell); else None (`_unique_float_decimals` reads them)."""
    values = np.array(keys, dtype=np.float64)
    if not (len(values) and np.isfinite(values).all()):
        return None
    if not (-1e13 < values.min() and values.max() < 1e13):
        return None
    scaled = np.rint(values * 100.0)
    if not (scaled / 100.0 == values).all():
        return None
    return list(map(_EXACT.divide, scaled.astype(np.int64).tolist(), repeat(_HUNDRED)))


def _texts_out(found: dict[object, object]) -> dict[object, object]:
    """The text keys of `found` (floats and texts only), taken out of it, each with its reading:
    the blank cell `""` first (the usual only text), the others one by one."""
    texts: dict[object, object] = {}
    if found.pop("", found) is not found:
        texts[""] = None
    if str in set(map(type, found)):
        for k in [k for k in found if type(k) is str]:
            del found[k]
            texts[k] = _text_cell(k)
    return texts


def float_decimals(values: Iterable[float]) -> dict[float, object]:
    """Each distinct float as `float_to_decimal` gives it (`_UNREAD` where it refuses one: not
    finite, over ±10^15), made by `map` over the whole column (`_in_cents`, `_shortest`). 0.0
    and -0.0 are one key here: `decimal_column` reads zeros one by one (0 and -0)."""
    return _unique_float_decimals(list(dict.fromkeys(values)))


def _unique_float_decimals(keys: list[float]) -> dict[float, object]:
    """`float_decimals` of distinct floats (their bounds and cents found by numpy over the column,
    the Decimals made one by one)."""
    if not keys:
        return {}
    values = np.array(keys, dtype=np.float64)
    low, high = values.min(), values.max()
    if not (np.isfinite(values).all() and -1e15 <= low and high <= 1e15):
        return {v: _float_cell(v) for v in keys}
    found, rest = _in_cents(keys, values) if -1e13 < low and high < 1e13 else ({}, keys)
    if rest:
        found.update(_shortest(rest))
    return found


def _in_cents(keys: list[float], values: np.ndarray) -> tuple[dict[float, object], list[float]]:
    """The floats that are a whole number of cents (n / 100 gives the float back; |v| < 10^13):
    n / 100 in a context of their own (the int divided as it is, no Decimal made of it first),
    which is the Decimal of the float's shortest text (no two numbers of at most 15 digits share
    a float, and an exact quotient keeps no trailing zero: 1234.5, 12); and the other floats.
    `values` holds the keys: n is found by numpy as `round(v * 100)` finds it (`rint` rounds half
    to even as `round` does; n / 100 divides the same doubles, n being under 2^53)."""
    scaled = np.rint(values * 100.0)
    ok = scaled / 100.0 == values
    cents = scaled.astype(np.int64).tolist()
    if ok.all():
        return dict(zip(keys, map(_EXACT.divide, cents, repeat(_HUNDRED)), strict=True)), []
    flags = ok.tolist()
    decimals = map(_EXACT.divide, compress(cents, flags), repeat(_HUNDRED))
    return dict(zip(compress(keys, flags), decimals, strict=True)), [
        v for v, o in zip(keys, flags, strict=True) if not o
    ]


def _shortest(keys: list[float]) -> dict[float, object]:
    """`float_to_decimal` of finite floats within ±10^15: the shortest round-trip text, 15
    significant digits for float noise, `3.0` -> 3."""
    texts = list(map(repr, keys))
    if max(map(len, texts)) > 16:
        texts = [format(v, ".15g") if len(t) > 16 else t for v, t in zip(keys, texts, strict=True)]
    for i in compress(range(len(texts)), map(str.endswith, texts, repeat(".0"))):
        texts[i] = texts[i][:-2]
    return dict(zip(keys, map(Decimal, texts), strict=True))


def _float_cell(v: float) -> object:
    try:
        return float_to_decimal(v)
    except CellError:
        return _UNREAD


def _text_cell(v: object) -> object:
    if v == "":
        return None
    if type(v) is str:
        d = plain_number(v)
        return _UNREAD if d is None else d
    return _UNREAD
