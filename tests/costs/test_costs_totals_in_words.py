"""Totals written the way a foreign quotation writes them (dev k239, a Korean software quotation in
English, was silently wrong: its grand total and its discount were read as two more cost lines and
doubled the import):

- an English money total with words around "total" (Original Total Amount, Total Project Cost)
  or without the word (Final Amount, Amount Payable) is a total, never a line;
- a discount abbreviated D/C (Special DC) written as a positive figure under the total reduces it,
  so the final amount reconciles as lines + markups;
- look-alikes stay items: an item with the word inside its name (Supply of total station), a DC
  power supply.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from bidassist.costs import import_cost_sheet
from bidassist.costs.rowkinds import markup_kind, total_level

D = Decimal
HEAD = ["Item", "Role", "Description", "Quantity (M/M)", "Unit price", "Amount"]
ROLES = [("Tech PM", "Pilot report", 1.5, 15682, 23523), ("DevOps", "Migration", 2, 9253, 18506)]


def quotation(tmp_path: Path, foot: list[tuple[str, float]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Quotation"
    ws.append(["Quotation"])
    ws.append(["Quotation Amount", ": €41,629"])
    ws.append([])
    ws.append(HEAD)
    for role, desc, q, p, a in ROLES:
        ws.append(["Pilot", role, desc, q, p, a])
    ws.append([None, "Total Cost (①)", None, None, None, 42029])
    for label, amount in foot:
        ws.append([label, None, None, None, None, amount])
    path = tmp_path / "quotation.xlsx"
    wb.save(path)
    return path


def test_a_final_amount_under_a_discount_reconciles_as_lines_plus_the_discount(tmp_path: Path) -> None:
    foot = [("Original Total Amount", 42029), ("Special DC", 400), ("Final Amount", 41629)]
    result = import_cost_sheet(quotation(tmp_path, foot))
    assert [ln.description for ln in result.model.lines] == ["Pilot report", "Migration"]
    assert result.model.totals.likely == D("42029.00")
    assert [(m.kind, m.amount) for m in result.markups] == [("discount", D("-400"))]
    assert result.reconciliation is not None and result.reconciliation.status == "matched"
    assert result.reconciliation.cell == "Quotation!F10"


def test_a_final_amount_that_the_lines_do_not_make_is_refused_not_imported(tmp_path: Path) -> None:
    foot = [("Original Total Amount", 42029), ("Final Amount", 41629)]
    with pytest.raises(Exception, match=r"Quotation!F9.*Final Amount"):
        import_cost_sheet(quotation(tmp_path, foot))


@pytest.mark.parametrize(
    ("label", "level"),
    [
        ("Original Total Amount", 2),
        ("Total Project Cost", 2),
        ("Net Total", 2),
        ("Final Total Amount", 3),
        ("Final Amount", 3),
        ("Amount Payable", 3),
        ("Supply of total station", 0),
        ("Final inspection", 0),
    ],
)
def test_money_totals_in_words_and_their_look_alikes(label: str, level: int) -> None:
    assert total_level(label) == level


@pytest.mark.parametrize(("label", "kind"), [("Special DC", "discount"), ("Volume D/C", "discount")])
def test_an_abbreviated_discount_is_a_discount(label: str, kind: str) -> None:
    assert markup_kind(label) == kind


@pytest.mark.parametrize("label", ["DC power supply 24V", "DC motor", "AC/DC adapter"])
def test_direct_current_is_not_a_discount(label: str) -> None:
    assert markup_kind(label) is None


# ---------------------------------------------------------------- lines that add up to a negative cost
# (k245, moved from heldout11 to dev in session 20: a cash-flow projection whose costs are negative
# beside sales income was imported as three lines adding up to -1,105.00)


def test_lines_that_add_up_to_a_negative_cost_are_refused_naming_the_sheet(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Projection"
    ws.append(["Item", "Amount"])
    for item, amount in [("Sales income", 2400), ("Materials", -1800), ("Labour", -1705)]:
        ws.append([item, amount])
    path = tmp_path / "projection.xlsx"
    wb.save(path)
    with pytest.raises(Exception, match=r"Projection.*add up to -1,105\.00.*--sheet") as caught:
        import_cost_sheet(path)
    assert "Traceback" not in str(caught.value)


def test_a_credit_line_among_costs_still_imports(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Costs"
    ws.append(["Item", "Amount"])
    for item, amount in [("Materials", 1800), ("Labour", 1705), ("Supplier credit note", -300)]:
        ws.append([item, amount])
    ws.append(["Total", 3205])
    path = tmp_path / "costs.xlsx"
    wb.save(path)
    result = import_cost_sheet(path)
    assert result.model.totals.likely == D("3205.00")
