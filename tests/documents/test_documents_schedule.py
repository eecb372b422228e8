"""The priced schedule: line totals = unit price × quantity (rounded) and add up to the total."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bidassist.core.errors import InputError
from bidassist.core.money import round_money
from bidassist.costs.model import CostLine
from bidassist.documents.schedule import spread_total


def _line(qty: str | D, likely: str | D, code: str = "X") -> CostLine:
    return CostLine(
        code=code, description="line", quantity=D(qty), low=D(likely), likely=D(likely), high=D(likely)
    )


def _assert_exact(priced, total):
    assert sum(p.total for p in priced) == round_money(total)
    for p in priced:
        assert p.total == round_money(p.unit_price * p.line.quantity)
        assert p.unit_price == p.unit_price.quantize(D("0.01"))
        assert p.unit_price >= 0


def test_spread_by_cost_share_with_remainder_on_a_lump_sum():
    lines = [_line("3", "100", "A"), _line("7", "100", "B"), _line("1", "1", "C")]
    priced = spread_total(D("1000.00"), lines)
    _assert_exact(priced, D("1000.00"))
    # shares follow the cost: 300 : 700 : 1 of 1001
    assert priced[0].total == pytest.approx(D("299.70"), abs=D("0.10"))
    assert priced[1].total == pytest.approx(D("699.30"), abs=D("0.10"))


def test_spread_uses_two_lines_when_no_single_line_can_take_the_remainder():
    # quantities 3 and 7 only: line totals move in steps of 0.03 and 0.07; 0.01 needs both
    lines = [_line("3", "10", "A"), _line("7", "10", "B")]
    for total in ("100.00", "100.01", "100.02", "99.99", "1234.57"):
        _assert_exact(spread_total(D(total), lines), D(total))


def test_spread_impossible_total_is_a_clear_error():
    lines = [_line("2", "10", "A"), _line("4", "10", "B")]  # every line total is a multiple of 0.02
    with pytest.raises(InputError, match="cannot be spread exactly"):
        spread_total(D("100.01"), lines)


def test_zero_cost_lines_cannot_be_spread():
    with pytest.raises(InputError, match="add up to 0"):
        spread_total(D("100"), [_line("1", "0")])


def test_zero_quantity_line_gets_a_rate_and_no_amount():
    priced = spread_total(D("500"), [_line("0", "10", "A"), _line("5", "20", "B")])
    _assert_exact(priced, D("500"))
    assert priced[0].total == 0 and priced[0].unit_price > 0


quantities = st.one_of(
    st.integers(min_value=1, max_value=5000).map(D),
    st.decimals(min_value=D("0.01"), max_value=D("9999.99"), places=2),
)
costs = st.decimals(min_value=D("0.01"), max_value=D("500000"), places=2)


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(st.tuples(quantities, costs), min_size=1, max_size=30),
    total=st.decimals(min_value=D("1.00"), max_value=D("500000000"), places=2),
)
def test_property_lines_add_up_exactly_with_a_lump_sum_line(lines, total):
    cost_lines = [_line(q, c, f"L{i}") for i, (q, c) in enumerate(lines)] + [_line("1", "1000", "LS")]
    priced = spread_total(total, cost_lines)
    _assert_exact(priced, total)
    assert len(priced) == len(cost_lines)


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(st.tuples(quantities, costs), min_size=2, max_size=20),
    total=st.decimals(min_value=D("100.00"), max_value=D("50000000"), places=2),
)
@pytest.mark.slow
def test_property_any_spread_that_succeeds_is_exact(lines, total):
    cost_lines = [_line(q, c, f"L{i}") for i, (q, c) in enumerate(lines)]
    try:
        priced = spread_total(total, cost_lines)
    except InputError as exc:
        assert "cannot be spread exactly" in exc.message
        return
    _assert_exact(priced, total)
