"""The import's fast paths give what the full paths give.

- `table._plain_lines` (the common row: numbers read in one pass, the line built directly) against
  every row through `parse_fields` and `_build` (`table.FAST_PATH = False`), on random sheets with
  sections, subtotals, a grand total, three-point and one-price lines, rounded amounts, numbers typed
  as text, blank and bad cells;
- a number typed as plain ASCII text (`36.5`, `1,234.50`) against `parse_amount` / `parse_number`;
- a spreadsheet float against the Decimal of its shortest repr (15 significant digits for float
  noise).
"""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bidassist.core.money import AmountError, parse_amount, parse_number
from bidassist.costs import table
from bidassist.costs.rows import SheetRows
from bidassist.costs.sheets import read_sheet
from bidassist.costs.spread import SpreadTable
from bidassist.costs.values import CellError, float_to_decimal, plain_number, to_number
from bidassist.costs.workbook import RawSheet

THREE_POINT = [
    "序号",
    "项目编码",
    "项目名称",
    "单位",
    "数量",
    "最低单价",
    "最可能单价",
    "最高单价",
    "合价(元)",
    "类别",
    "备注",
]
ONE_PRICE = ["序号", "项目编码", "项目名称", "单位", "数量", "单价", "合价", "备注"]

cents = st.integers(min_value=1, max_value=5_000_000).map(lambda c: c / 100)
quantities = st.sampled_from([1, 2, 3, 5, 8, 12, 20, 36.5, 120, 480.25, 0.5, 0.0])


@st.composite
def line_row(draw: st.DrawFn, n: int, three: bool) -> list:
    qty = draw(quantities)
    likely = draw(cents)
    amount: object = round(qty * likely, 2)
    variant = draw(st.integers(min_value=0, max_value=24))
    qty_cell: object = qty
    if variant == 1:
        qty_cell = f"{qty:,}"  # a number typed as text
    elif variant == 2:
        amount = ""  # no amount
    elif variant == 3:
        amount = round(amount + 1, 2)  # an amount that disagrees
    elif variant == 4:
        qty_cell = "若干"
    elif variant == 5:
        qty_cell = -qty - 1
    elif variant == 7:
        amount = float(round(qty * likely))  # rounded to the yuan: a warning where quantity < 2
    elif variant == 8:
        amount = round(qty * likely, 1)
    elif variant == 9:
        amount = f"{amount:,}"  # the amount typed as text
    elif variant == 10:
        amount = f" {amount}"  # text that is no plain number: the full parser reads it
    desc = "" if variant == 6 else f"项目 {n} 规格{draw(st.integers(1, 999))}"
    unit = draw(st.sampled_from(["台", "套", "m", "m²", "", "项"]))
    price: object = f"{likely:,}" if variant == 11 else likely  # the price typed as text
    if not three:
        return [n, f"0307{n:08d}", desc, unit, qty_cell, price, amount, None]
    low = high = None
    if draw(st.booleans()):
        low = round(likely * draw(st.sampled_from([0.85, 0.9, 1.0, 1.1])), 2)
        high = round(likely * draw(st.sampled_from([1.0, 1.2, 0.95])), 2)
    cat = draw(st.sampled_from(["设备", "材料", "人工", "", None]))
    if low is not None and variant == 12:
        low = f"{low:,}"
    return [n, f"0307{n:08d}", desc, unit, qty_cell, low, price, high, amount, cat, None]


@st.composite
def sheets(draw: st.DrawFn) -> list[list]:
    three = draw(st.booleans())
    width = len(THREE_POINT if three else ONE_PRICE)
    amount_col = 8 if three else 6
    rows: list[list] = [["某工程 成本测算表"], THREE_POINT if three else ONE_PRICE]
    grand, n = 0.0, 0
    for s in range(draw(st.integers(min_value=1, max_value=3))):
        rows.append([f"第{s + 1}部分", None, f"分部 {s + 1}"])
        sub = 0.0
        for _ in range(draw(st.integers(min_value=1, max_value=8))):
            n += 1
            row = draw(line_row(n, three))
            rows.append(row)
            a = row[amount_col]
            sub += a if isinstance(a, float) else 0.0
        if draw(st.booleans()):
            total = [None] * width
            total[2], total[amount_col] = "小计", round(sub, 2)
            rows.append(total)
        grand += sub
    if draw(st.booleans()):
        total = [None] * width
        total[2], total[amount_col] = "合计", round(grand, 2)
        rows.append(total)
    return [[("" if v is None else v) for v in r] + [""] * (width - len(r)) for r in rows]


def _read(rows: list[list], fast: bool, monkeypatch: pytest.MonkeyPatch) -> tuple:
    monkeypatch.setattr(table, "FAST_PATH", fast)
    out = read_sheet(RawSheet("Costs", SheetRows(rows)), None, SpreadTable(), forced=False, unpriced=False)
    res = out.result
    # repr: Decimal('1.0') and Decimal('1') are equal but written differently
    return out.role, out.reason, repr(res), [repr(ln.model_dump()) for ln in res.lines] if res else None


@settings(max_examples=80, deadline=None)
@given(sheets())
def test_plain_rows_fast_path_equals_full_path(rows: list[list]) -> None:
    with pytest.MonkeyPatch.context() as mp:
        fast = _read(rows, True, mp)
        full = _read(rows, False, mp)
    assert fast == full


def test_fast_path_is_taken_and_agrees_on_a_plain_sheet(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [THREE_POINT] + [
        [i, f"C{i}", f"item {i}", "m", 2.0, 9.5, 10.25, 12.0, 20.5, "材料", ""] for i in range(1, 30)
    ]
    calls: list[int] = []
    real = table._Parser._plain_lines

    def spy(self: table._Parser, numbers: range, rows: list[list], figures: list[tuple | None]) -> None:
        calls.extend(numbers)
        real(self, numbers, rows, figures)

    monkeypatch.setattr(table._Parser, "_plain_lines", spy)
    fast = _read(rows, True, monkeypatch)
    assert len(calls) == 29  # every line took the fast path
    assert fast == _read(rows, False, monkeypatch)
    assert "Decimal('10.25')" in fast[3][0] and "'pert'" in fast[3][0]


def test_rounded_amounts_take_the_fast_path_and_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    """36.5 × 1,234.57 = 45,061.805 written 45,061.81: the unit cost is the amount ÷ the quantity and
    the line is listed with its alternative, as the full path reads it; an amount rounded to the
    yuan under a quantity below 2 draws a warning, which the full path writes."""
    rows = [ONE_PRICE] + [[i, f"C{i}", f"item {i}", "m", 36.5, 1234.57, 45061.81, ""] for i in range(1, 20)]
    rows.append([20, "C20", "item 20", "m", 1.0, 100.3, 100.0, ""])
    full_rows = []
    real = table._Parser._line

    def spy(self: table._Parser, r: int, row: list, *args: object, **kwargs: object) -> None:
        full_rows.append(r)
        real(self, r, row, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(table._Parser, "_line", spy)
    fast = _read(rows, True, monkeypatch)
    assert full_rows == [20]  # only the line with a warning left the fast path
    assert fast == _read(rows, False, monkeypatch)
    assert "alternatives=[(0, Decimal(" in fast[2]
    assert "amount 100.00 ≠ quantity × unit price = 100.30" in fast[2]


plain_texts = st.one_of(
    st.from_regex(r"\A[0-9]{1,15}(\.[0-9]{1,12})?\Z", fullmatch=True),
    st.from_regex(r"\A[0-9]{1,3}(,[0-9]{3}){1,4}(\.[0-9]{1,12})?\Z", fullmatch=True),
    st.text(alphabet="0123456789,.+- ", min_size=1, max_size=20),
)


@settings(max_examples=300)
@given(plain_texts, st.booleans())
def test_text_numbers_read_as_the_full_parser_reads_them(text: str, money: bool) -> None:
    try:
        full: Decimal | str = (parse_amount if money else parse_number)(text.strip())
    except AmountError:
        full = "error"
    except IndexError:  # an empty text after strip: to_number reads it as blank
        full = "error"
    try:
        got: Decimal | str | None = to_number(text, "quantity", money=money)
    except CellError:
        got = "error"
    if got is None:
        assert not text.strip()
        return
    if text.strip().startswith("+") and full == "error":
        return  # `+1`: the sign is dropped before the full parser sees it
    if isinstance(got, Decimal) and isinstance(full, Decimal):
        assert got.as_tuple() == full.as_tuple()
    elif not (text.strip().startswith("+") or "/" in text):
        assert got == full


@settings(max_examples=300)
@given(plain_texts, st.booleans())
def test_plain_numbers_as_every_reader_reads_them(text: str, money: bool) -> None:
    """`plain_number` (the plain-row path's reader of text cells) gives what `to_number` gives."""
    got = plain_number(text)
    if got is None:
        return
    full = to_number(text, "quantity", money=money)
    assert full is not None and got.as_tuple() == full.as_tuple()


def _reference(value: float) -> Decimal:
    """The rule in words: the shortest repr, or 15 significant digits where that is longer than
    16 characters; `3.0` -> 3."""
    text = repr(value)
    if len(text) > 16:
        text = format(value, ".15g")
    elif text.endswith(".0"):
        text = text[:-2]
    return Decimal(text)


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_float_cells_as_their_shortest_text(value: float) -> None:
    if math.isnan(value) or math.isinf(value):
        with pytest.raises(CellError, match="not a finite number"):
            float_to_decimal(value)
    elif abs(value) > 1e15:
        with pytest.raises(CellError, match="over the limit"):
            float_to_decimal(value)
    else:
        assert float_to_decimal(value).as_tuple() == _reference(value).as_tuple()


@given(st.integers(-(10**15), 10**15).map(float) | st.sampled_from([0.0, -0.0, 1e15, -1e15, 1e14, 2.0**49]))
def test_whole_float_cells_as_their_shortest_text(value: float) -> None:
    """Whole numbers take a shorter way (no text): the same Decimal, exponent and sign included."""
    assert float_to_decimal(value).as_tuple() == _reference(value).as_tuple()


def test_a_lone_plus_is_not_a_number() -> None:
    # found by the property above: `+` alone raised IndexError (a traceback for the user)
    with pytest.raises(CellError, match='quantity "\\+" is not a number'):
        to_number("+", "quantity", money=False)
