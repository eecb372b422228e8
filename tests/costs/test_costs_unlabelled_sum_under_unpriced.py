"""An item named with no figures, then an unlabelled =SUM under the list: the sum is the list's
stated total, not the named item's figures (session 16: the fresh held-out k197 imported the total
as a line, doubling it with exit 0)."""

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from bidassist.costs import import_cost_sheet


@pytest.mark.parametrize("header", [["Part", "Cost", "Where to buy"], ["配件", "价格", "购买渠道"]])
def test_unlabelled_sum_after_an_unpriced_item_is_the_total(tmp_path: Path, header: list[str]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Parts"
    ws.append(header)
    prices = [12.5, 3.2, 7.75, 20.0]
    for i, p in enumerate(prices):
        ws.append([f"module {i}", p, "online shop"])
    ws.append(["enclosure (printed in house)", None, None])
    ws.append([None, sum(prices), None])
    path = tmp_path / "parts.xlsx"
    wb.save(path)
    got = import_cost_sheet(path)
    lines = got.model.lines
    assert len(lines) == len(prices)
    assert sum(line.likely * line.quantity for line in lines) == Decimal("43.45")
    assert got.reconciliation.status == "matched"
    assert got.reconciliation.cell == "Parts!B7"


def test_figures_under_a_named_item_stay_its_figures(tmp_path: Path) -> None:
    """The twin: a figure under a name that is not the total of the lines above is that item's."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Parts"
    ws.append(["Part", "Cost"])
    ws.append(["module a", 10.0])
    ws.append(["module b", 5.0])
    ws.append(["custom bracket, laser cut", None])
    ws.append([None, 4.0])
    ws.append(["Total", 19.0])
    path = tmp_path / "parts.xlsx"
    wb.save(path)
    got = import_cost_sheet(path)
    assert len(got.model.lines) == 3
    assert got.reconciliation.status == "matched"
