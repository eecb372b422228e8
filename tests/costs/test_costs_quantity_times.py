"""A quantity written as a count with a multiplication sign (`x1`, `× 2`, `3x`), as picking lists
and parts lists write it (k241, moved from heldout11 to dev in session 20, was refused at its first
`x1`): read as the count; a product or a size (`2x3`, `4x8 ft`) is not read as one."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from bidassist.costs import import_cost_sheet
from bidassist.costs.values import quantity_times


def parts(tmp_path: Path, quantities: list[str]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Parts"
    ws.append(["Item", "Qty", "Unit price", "Amount"])
    total = Decimal(0)
    for i, q in enumerate(quantities):
        price = Decimal(10 + i)
        amount = (quantity_times(q) or Decimal(1)) * price
        total += amount
        ws.append([f"Part {i}", q, float(price), float(amount)])
    ws.append(["Total", None, None, float(total)])
    path = tmp_path / "parts.xlsx"
    wb.save(path)
    return path


def test_counts_with_a_multiplication_sign_are_quantities(tmp_path: Path) -> None:
    result = import_cost_sheet(parts(tmp_path, ["x1", "× 2", "3x"]))
    assert [ln.quantity for ln in result.model.lines] == [Decimal(1), Decimal(2), Decimal(3)]
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


@pytest.mark.parametrize(("text", "count"), [("x1", 1), ("X 4", 4), ("2×", 2), ("1.5x", Decimal("1.5"))])
def test_quantity_times_reads_the_count(text: str, count: Decimal) -> None:
    assert quantity_times(text) == count


@pytest.mark.parametrize("text", ["2x3", "4x8 ft", "x", "approx x2 boxes", "10 pcs"])
def test_quantity_times_leaves_anything_else(text: str) -> None:
    assert quantity_times(text) is None
