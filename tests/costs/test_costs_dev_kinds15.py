"""Kinds the session-40 held-out workbooks (heldout14) missed, built as kinds in styles not in the
corpus, each with a look-alike that keeps its reading (k266, moved to dev):

- two columns headed as a price and none as the amount (Quantity | Cost per unit | Price): a second
  price column that is quantity × the first on the lines is the lines' money (said in a warning);
  one that is not (a list price beside a net price) stays a rival and the sheet is refused naming both;
- a total whose label stands in the amount column itself with its figure beside it (`Total Price: |
  3,524.57`) is the stated total; running figures labelled the same way above it ("Spent so far:",
  "Remaining:") are no lines.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from bidassist.core.errors import BidassistError
from bidassist.costs import import_cost_sheet

D = Decimal

PARTS = [("Flight controller", 1, 150.99), ("Speed controller", 4, 17.99), ("Propeller set", 2, 9.5)]


def build_list(tmp_path: Path, *, product: bool = True) -> Path:
    """Status | Name | Quantity | Cost per unit | Price | (beside); `product`: Price = Quantity ×
    Cost per unit on every line (else a list price unrelated to the quantity)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Build"
    ws.append(["Status", "Name", "Quantity", "Cost per unit", "Price", "Shop"])
    for name, qty, unit in PARTS:
        ws.append(["Bought", name, qty, unit, round(qty * unit, 2) if product else unit * 1.2, "webshop"])
    ws.append([])
    total = sum(round(q * u, 2) for _n, q, u in PARTS)
    ws.append([None, None, None, None, "Spent so far:", round(total - 19.0, 2)])
    ws.append([None, None, None, None, "Remaining:", 19.0])
    ws.append([None, None, None, None, "Total Price:", round(total, 2)])
    path = tmp_path / "build.xlsx"
    wb.save(path)
    return path


def test_a_price_column_that_is_quantity_times_cost_is_the_amount(tmp_path: Path) -> None:
    result = import_cost_sheet(build_list(tmp_path))
    lines = result.model.lines
    assert [(line.description, line.quantity, line.likely) for line in lines] == [
        ("Flight controller", D(1), D("150.99")),
        ("Speed controller", D(4), D("17.99")),
        ("Propeller set", D(2), D("9.5")),
    ]
    assert result.reconciliation is not None and result.reconciliation.status == "matched"
    assert result.reconciliation.cell == "Build!F8"
    assert any("read as the amount" in w.message for w in result.warnings)


def test_a_price_column_of_other_figures_stays_a_rival(tmp_path: Path) -> None:
    with pytest.raises(BidassistError, match="two columns are headed price"):
        import_cost_sheet(build_list(tmp_path, product=False))
