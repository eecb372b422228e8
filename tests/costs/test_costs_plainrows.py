"""The column-wise read of plain rows (`plainrows.block_figures`) gives what the row-at-a-time read
gives: every float's Decimal as `float_to_decimal` (exponent and sign included), and each row's
figures as `fast_figures` of its numbers read one by one, or None where that read refuses a cell."""

from __future__ import annotations

from decimal import Decimal, localcontext

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bidassist.costs import plainrows
from bidassist.costs.headers import find_layout
from bidassist.costs.plainrows import block_figures, decimal_column, fast_figures
from bidassist.costs.rowkinds import SheetView, is_plain_line, plain_lines
from bidassist.costs.rows import SheetRows
from bidassist.costs.values import CellError, float_to_decimal, plain_number
from bidassist.costs.workbook import RawSheet

cents = st.integers(-(10**15), 10**15).map(lambda n: n / 100)
whole = st.integers(-(10**15), 10**15).map(float)
floats = st.one_of(
    cents,
    whole,
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 1e13, -1e13, 9999999999999.99, 1e15, 1e16, 0.1 + 0.2, 1e-5, 0.005]),
)
texts = st.sampled_from(["", "36.5", "1,234.50", "0", "若干", " 12", "-3", "1e3"])
cells = st.one_of(floats, texts, st.integers(-5, 5), st.none())


def _one(v: object) -> object:
    """The row-at-a-time reader of one number cell (`table._Parser._plain_numbers`)."""
    if type(v) is float:
        try:
            return float_to_decimal(v)
        except CellError:
            return "unread"
    if v == "":
        return None
    d = plain_number(v) if type(v) is str else None
    return "unread" if d is None else d


def _same(a: object, b: object) -> bool:
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return a.as_tuple() == b.as_tuple()
    return a is b or a == b


@settings(max_examples=300)
@given(st.lists(cells, max_size=40))
def test_a_column_reads_as_its_cells_one_by_one(values: list) -> None:
    got = decimal_column(values)
    for v, d in zip(values, got, strict=True):
        want = _one(v)
        assert _same("unread" if d is plainrows._UNREAD else d, want), (v, d, want)


@settings(max_examples=200)
@given(st.lists(st.one_of(cents, whole), min_size=1, max_size=40))
def test_whole_cents_as_their_shortest_text_whatever_the_context(values: list[float]) -> None:
    with localcontext() as ctx:
        ctx.prec = 5  # a caller's narrow context does not round the column's Decimals
        got = decimal_column(values)
    for v, d in zip(values, got, strict=True):
        want = _one(v)
        assert _same("unread" if d is plainrows._UNREAD else d, want), (v, d, want)


@settings(max_examples=200)
@given(st.lists(st.one_of(cents, whole, floats), min_size=1, max_size=40, unique=True))
def test_a_column_of_distinct_floats_reads_as_its_cells_one_by_one(values: list[float]) -> None:
    """Distinct floats (a money column of a big sheet): each cell's Decimal made in order, not
    looked up, and the same as read alone."""
    got = decimal_column(values)
    for v, d in zip(values, got, strict=True):
        assert _same("unread" if d is plainrows._UNREAD else d, _one(v)), (v, d)


def _row_figures(names: tuple[str, ...], row: tuple) -> tuple | None:
    numbers = {}
    for name, v in zip(names, row, strict=True):
        d = _one(v)
        if d == "unread":
            return None
        if d is not None:
            numbers[name] = d
    return fast_figures(*(numbers.get(f) for f in plainrows.FIELDS))


quantities = st.sampled_from([1.0, 2.0, 36.5, 480.25, 0.0, -1.0, "12", "若干", ""])
prices = st.one_of(st.integers(1, 10**9 - 1).map(lambda n: n / 100), st.sampled_from(["", "1,234.50", 1e16]))
layouts = st.sampled_from(
    [
        ("quantity", "price", "amount"),
        ("quantity", "amount", "likely", "low", "high"),
        ("quantity", "price", "likely", "amount"),
        ("quantity", "likely"),
    ]
)


@st.composite
def blocks(draw: st.DrawFn) -> tuple[tuple[str, ...], list[tuple]]:
    names = draw(layouts)
    rows = []
    for _ in range(draw(st.integers(0, 12))):
        row = [draw(quantities) if n == "quantity" else draw(prices) for n in names]
        if "amount" in names and draw(st.booleans()):
            q, p = row[0], row[names.index("likely" if "likely" in names else "price")]
            if type(q) is float and type(p) is float:
                row[names.index("amount")] = round(q * p, draw(st.sampled_from([0, 1, 2])))
        rows.append(tuple(row))
    return names, rows


@settings(max_examples=300)
@given(blocks())
def test_a_block_reads_as_its_rows_one_by_one(block: tuple[tuple[str, ...], list[tuple]]) -> None:
    names, rows = block
    got = block_figures(names, rows)
    assert len(got) == len(rows)
    for row, figures in zip(rows, got, strict=True):
        assert repr(figures) == repr(_row_figures(names, row)), row


def test_rows_read_as_one_slice_are_the_rows_read_one_by_one() -> None:
    """`SheetView.rows` (a block's rows, one slice of the compact rows) gives what `row` gives for
    each: padded to the table's width with the blank sentinel, a short row included; with a merge
    that changes rows, the rows are read one by one."""
    head = ["序号", "项目名称", "单位", "数量", "单价", "合价"]
    body = [[i, f"item {i}", "m", 2.0, 9.5, 19.0] for i in range(1, 9)] + [
        [9, "item 9"],
        ["", "", "", "", ""],
    ]
    for merged in ([], [((3, 0), (3, 1))]):
        raw = RawSheet("Costs", SheetRows([head, *body]), merged=merged)
        view = SheetView(raw, find_layout(raw, None))
        n = len(raw.rows)
        assert view.rows(1, n) == [view.row(r) for r in range(1, n)]
        assert all(len(row) == view.width + 1 and row[-1] == "" for row in view.rows(1, n))


_NAMES = st.sampled_from(
    ["", "风机", "小计", "item 3", "Total", "sum", "运费 2", "项目\n其中", "注：", 5.0, None]
)
_CODES = st.sampled_from(["", "1", "0307001", "计", "Sub-total", "A.1", 3.0])
_FIGURES = st.sampled_from(["", 2.0, 3, "36.5", "若干", None])


@settings(max_examples=200)
@given(st.lists(st.tuples(_CODES, _NAMES, _FIGURES, _FIGURES, _FIGURES), max_size=30))
def test_a_block_of_rows_is_plain_as_each_row_is(body: list[tuple]) -> None:
    """`plain_lines` (the names' keyword search made once over a block) gives `is_plain_line`
    of each row."""
    head = ["序号", "项目名称", "数量", "单价", "合价"]
    first = [1, "风机", 2.0, 10.0, 20.0]
    raw = RawSheet("Costs", SheetRows([head, first, *map(list, body)]))
    layout = find_layout(raw, None)
    assume(layout is not None)
    view = SheetView(raw, layout)
    rows = view.rows(1, len(raw.rows))
    assert plain_lines(view, rows) == [is_plain_line(view, row) for row in rows]
