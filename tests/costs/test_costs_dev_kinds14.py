"""Kinds the session-21 held-out workbooks (heldout12, moved to dev in session 22) missed, built as
kinds in styles not in the corpus, each with a look-alike that keeps its reading:

- prose under a short table (a quotation's terms and conditions, a signature block) written in the
  quantity column's cells: the column is still the quantity, even when its figures are stored as
  text ("3"); words on the table's own rows (工程量计算规则 beside each item) still make a column of
  words that is never read as a number;
- an amount column with no header (数量K | 单价 | <blank> holding =F3*G3) and a second column
  headed as a quantity (所需数量, pieces): the blank column is the amount when it is the product of
  one quantity column and the unit price on its rows, that quantity column is the lines' quantity
  (both said in warnings) and the unlabelled =SUM under it is the stated total; a blank-headed
  column of other figures stays unread;
- a cost or price per piece, item or unit (`Cost/piece`, `cost per piece`) is the unit price, so
  `Item | Amount | Cost/piece | total cost` reads Amount as the count (heldout13 k255, moved to dev);
  a cost per activity stays money.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from bidassist.core.errors import BidassistError
from bidassist.costs import import_cost_sheet
from bidassist.costs.headers import classify_header

D = Decimal

# ------------------------------------------- a quotation with its terms under the quantity column

ITEMS = [("Pressure tank 80 gal", "2", "1450.00", "2900.00"), ("Pump control relay", "3", "86.40", "259.20")]


def quotation(tmp_path: Path, *, rule_text_on_rows: bool = False) -> Path:
    """Letterhead, a header (Item No. | Qty | Description | Unit Price | Extended), two items with
    every figure stored as text, a TOTAL label with no figure, then a page of terms written in the
    Qty column (column B). `rule_text_on_rows`: four items whose Qty cells hold rule text."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Quote"
    ws.append(["Harbour Pumps Ltd — QUOTATION"])
    ws.append(["Quote no.", "Q-1187"])
    ws.append([])
    ws.append(["Item No.", "Qty", "Description", "Unit Price", "Line Price"])
    for k, (name, qty, price, amount) in enumerate(ITEMS * (2 if rule_text_on_rows else 1), 1):
        rule = "measured per installed unit incl. fittings" if rule_text_on_rows else qty
        ws.append([f"{k:03d}", rule, name, price, amount])
    ws.append([])
    ws.append([None, None, None, "TOTAL:", None])
    ws.append([None, "Prices valid for 30 days from the date of this quotation."])
    ws.append([None, "Delivery ex works; freight quoted separately on request."])
    ws.append([None, "Payment: 50% with order, balance before dispatch."])
    ws.append([None, "Warranty: twelve months from delivery against faulty workmanship."])
    ws.append([None, "Accepted by (signature and company stamp):"])
    path = tmp_path / "quotation.xlsx"
    wb.save(path)
    return path


def test_terms_under_the_table_do_not_make_the_quantity_column_words(tmp_path: Path) -> None:
    result = import_cost_sheet(quotation(tmp_path))
    lines = result.model.lines
    assert [line.description for line in lines] == [i[0] for i in ITEMS]
    assert [line.quantity for line in lines] == [D(2), D(3)]
    assert [line.likely for line in lines] == [D("1450.00"), D("86.40")]
    assert sum((line.quantity * line.likely for line in lines), D(0)) == D("3159.20")
    assert not any("holds words" in p.message for p in result.warnings)


def test_rule_text_on_the_table_rows_is_still_a_column_of_words(tmp_path: Path) -> None:
    # the look-alike: the words sit on the item rows, so the column is no quantity (as before)
    with pytest.raises(BidassistError) as err:
        import_cost_sheet(quotation(tmp_path, rule_text_on_rows=True))
    said = str(err.value)
    # not read as the quantity ("... is not a number"): with no quantity each line would be
    # 1 × its unit price, which its amount contradicts, so the import stops and says so
    assert "is not a number" not in said and "amount ≠ quantity × unit price" in said


# -------------------------------------- an amount column with no header beside two quantity columns

PARTS = [("贴片电阻 0603", 10, 2.5, 8900), ("贴片电容 0805", 12, 12, 11200), ("稳压二极管", 4, 6.5, 3600)]


def shortage_list(tmp_path: Path, *, product: bool) -> Path:
    """材料名称 | 数量K | 单价 | <no header> | 所需数量: the blank-headed column holds B×C (the values
    a =B3*C3 column saves)
    (`product`) or other figures (a lot number), a spacer row with =B*C giving 0, and an unlabelled
    =SUM two rows under the last item."""
    wb = Workbook()
    ws = wb.active
    ws.title = "缺料表"
    ws.append([])
    ws.append(["材料名称", "数量K", "单价", None, "所需数量"])
    row = 3
    for k, (name, qty, price, pieces) in enumerate(PARTS):
        figure = f"=B{row}*C{row}" if product else 240 + 17 * k
        ws.append([name, qty, price, figure, pieces])
        row += 1
    ws.append([None, None, None, f"=B{row}*C{row}" if product else None, None])  # a spacer row
    ws.append([])
    ws.append([None, None, None, f"=SUM(D3:D{row})" if product else None, None])
    path = tmp_path / "shortage.xlsx"
    wb.save(path)
    # formulas with their saved values, as Excel writes them
    wb2 = load_workbook(path)
    ws2 = wb2.active
    if product:
        for r in range(3, 3 + len(PARTS)):
            ws2[f"D{r}"] = ws2[f"B{r}"].value * ws2[f"C{r}"].value
        ws2[f"D{row}"] = 0
        ws2[f"D{row + 2}"] = sum(q * p for _, q, p, _ in PARTS)
    wb2.save(path)
    return path


def test_a_blank_headed_product_column_is_the_amount(tmp_path: Path) -> None:
    result = import_cost_sheet(shortage_list(tmp_path, product=True))
    lines = result.model.lines
    assert [line.description for line in lines] == [p[0] for p in PARTS]
    assert [line.quantity for line in lines] == [D(10), D(12), D(4)]  # 数量K, not 所需数量
    assert sum((line.quantity * line.likely for line in lines), D(0)) == D(195)
    assert result.reconciliation is not None and result.reconciliation.status == "matched"
    said = " | ".join(p.message for p in result.warnings)
    assert "read as the amount" in said and "not the lines' quantity" in said


def test_a_blank_headed_column_of_other_figures_stays_unread(tmp_path: Path) -> None:
    # the look-alike: the blank-headed figures are no product, so nothing is read as the amount
    path = shortage_list(tmp_path, product=False)
    try:
        result = import_cost_sheet(path)
    except BidassistError as err:
        assert "read as the amount" not in str(err)
        return
    assert not any("read as the amount" in p.message for p in result.warnings)
    assert all(line.likely in {D("2.5"), D(12), D("6.5")} for line in result.model.lines)


# ------------------------------- a cost per piece is the unit price; "Amount" then counts pieces


@pytest.mark.parametrize(
    "header", ["Cost/piece", "cost per piece", "Price / pc", "Cost per item", "price/ea"]
)
def test_a_cost_per_piece_is_the_unit_price(header: str) -> None:
    assert classify_header(header)[0] == "price"  # type: ignore[index]


def test_a_cost_per_activity_stays_an_amount() -> None:
    # the look-alike: a cost per activity or phase is money, not a unit price (as before)
    assert classify_header("Cost per Activity") == ("amount", "cost")


PIECES = [("LiPo charger", 1, 22.39), ("2200mAh LiPo battery", 2, 16.42), ("Foam board", 4, 1.5)]


def test_amount_counting_pieces_beside_a_cost_per_piece(tmp_path: Path) -> None:
    """Item | Amount | Cost/piece | total cost: Amount is the count, total cost = Amount x Cost/piece,
    an unlabelled =SUM under the total cost column (saved values, as Excel writes them)."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Item", "Amount", "Cost/piece", "total cost", "COST IS IN USD"])
    for name, n, price in PIECES:
        ws.append([name, n, price, round(n * price, 2)])
    ws.append([None, None, None, round(sum(n * p for _, n, p in PIECES), 2)])
    path = tmp_path / "parts.xlsx"
    wb.save(path)
    result = import_cost_sheet(path)
    assert [line.quantity for line in result.model.lines] == [D(1), D(2), D(4)]
    assert sum((line.quantity * line.likely for line in result.model.lines), D(0)) == D("61.23")
    assert result.reconciliation is not None and result.reconciliation.status == "matched"
