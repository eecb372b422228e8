"""A second quantity column beside a product-checked price list is a rival reading, refused with
its fix, never a crash (session 16: a workbook of this shape raised IndexError)."""

from pathlib import Path

import openpyxl
import pytest

from bidassist.core.errors import BidassistError
from bidassist.costs import import_cost_sheet


@pytest.mark.parametrize(
    "header",
    [
        ["Item", "Qty", "Unit price", "Amount", "Qty"],
        ["名称", "数量", "单价", "金额", "数量"],
        ["Item", "Qty", "Unit price", "Amount", "Quantity ordered"],
    ],
)
def test_second_quantity_column_is_refused_with_its_fix(tmp_path: Path, header: list[str]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"
    ws.append(header)
    for i in range(5):
        ws.append([f"part {i}", 2 + i, 10.5, (2 + i) * 10.5, 3 + i])
    path = tmp_path / "two-quantities.xlsx"
    wb.save(path)
    with pytest.raises(BidassistError) as err:
        import_cost_sheet(path)
    text = str(err.value)
    assert "Sheet1!" in text
    assert "--map" in text
