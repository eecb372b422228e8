"""Kinds of real workbooks from the held-out set heldout6 (k122–k141, moved into dev in session 14,
never tuned on before), each rebuilt as a small workbook in the shape of the real one:

- one list priced in two amount columns, each with its own total (a BOM at two order volumes,
  TOTAL(1) | TOTAL(100)): refused naming both columns, both totals and `--map` (k140, was silently
  wrong); a budget column beside the spend stays settled by the sheet's total;
- a purchase log beside a sheet that restates it by one of its columns (Sub-Project → SUMIF):
  the second sheet is the summary, never "two versions" (k130);
- words in money cells: n/a is a nil amount, a word with no figure is an empty cell, each with a
  warning; a column's name (Estimate (Min)) is never a note (k132, k136);
- amount ≠ quantity × unit price on some lines with no total: the amounts stand when the gaps are
  of a shop's kind (discount, postage), the sheet is refused when they are not (k128).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from bidassist.core.errors import ProblemsError
from bidassist.costs import import_cost_sheet

D = Decimal
FUNC = [HealthCheck.function_scoped_fixture]


def save(wb: Workbook, tmp_path: Path, name: str = "book.xlsx") -> Path:
    path = tmp_path / name
    wb.save(path)
    return path


# ---------------------------------------------------------------- k140: two answers across columns

BOM = [
    ("C1, C2", "22 uF", 6, 0.48, 0.15),
    ("IC1", "USB host", 1, 43.34, 29.03),
    ("R1", "732k", 2, 1.04, 0.33),
]


def bom(tmp_path: Path, heads: tuple[str, str] = ("TOTAL(1)", "TOTAL(100)"), *, totals: bool = True) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["References", "Description", "Quantity", "Price per Unit(1)", "Price per Unit(100)", *heads])
    for ref, desc, q, p1, p100 in BOM:
        ws.append([ref, desc, q, p1, p100, round(q * p1, 2), round(q * p100, 2)])
    if totals:
        ws.append(
            [None, None, None, None, "Total:"]
            + [round(sum(round(q * p, 2) for *_, q, p, _ in BOM), 2)]
            + [round(sum(round(q * p, 2) for *_, q, _, p in BOM), 2)]
        )
    return save(wb, tmp_path)


def test_two_amount_columns_each_with_its_total_are_refused_naming_both(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as err:
        import_cost_sheet(bom(tmp_path))
    text = " ".join(p.message for p in err.value.problems)
    assert "TOTAL(1)" in text and "TOTAL(100)" in text
    assert '--map "Sheet1:amount=F"' in text and '--map "Sheet1:amount=G"' in text


def test_either_column_imports_with_map(tmp_path: Path) -> None:
    path = bom(tmp_path)
    low = import_cost_sheet(path, mapping="Sheet1:amount=G")
    assert low.model.totals.likely == D("30.59")
    assert low.reconciliation.status == "matched" and low.reconciliation.cell == "Sheet1!G5"
    high = import_cost_sheet(path, mapping="Sheet1:amount=F")
    assert high.model.totals.likely == D("48.30")


def test_a_budget_beside_the_spend_is_no_second_answer(tmp_path: Path) -> None:
    """Amount Spent | Amount Budgeted: a plan and its outcome, not two options."""
    result = import_cost_sheet(bom(tmp_path, ("Amount Spent", "Amount Budgeted")))
    assert not any("two amount columns" in w.message for w in result.warnings)


@settings(max_examples=20, deadline=None, suppress_health_check=FUNC)
@given(
    rows=st.lists(
        st.tuples(st.integers(1, 20), st.integers(1, 5000), st.integers(1, 5000)), min_size=2, max_size=6
    ),
)
def test_any_list_with_two_different_totals_in_two_columns_is_never_imported(
    tmp_path: Path, rows: list[tuple[int, int, int]]
) -> None:
    """For any list priced in two amount columns headed alike, each with its own total: when the
    totals differ the import refuses; it never reports one of them as matched."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Item", "Quantity", "Price A", "Price B", "Total A", "Total B"])
    for i, (q, a, b) in enumerate(rows):
        ws.append([f"part {i}", q, a / 100, b / 100, q * a / 100, q * b / 100])
    ta, tb = sum(q * a for q, a, _ in rows) / 100, sum(q * b for q, _, b in rows) / 100
    ws.append(["Total", None, None, None, ta, tb])
    path = save(wb, tmp_path)
    if abs(ta - tb) <= 0.05 * len(rows):
        return
    with pytest.raises(ProblemsError) as err:
        import_cost_sheet(path)
    assert any("--map" in p.message for p in err.value.problems)


# ---------------------------------------------------------------- k130: a summary by groups

LOG = [
    ("Hydrogen Regulator", 509.7, 1, "Launch System"),
    ("Flashback Arrester", 44.36, 1, "Launch System"),
    ("Shipping", 7.65, 1, "Launch System"),
    ("USB Hub", 16.95, 1, "Ground Station"),
    ("Extender", 39.99, 2, "Ground Station"),
    ("First Aid Kit", 19.94, 1, "Payload Recovery"),
]


def log_and_groups(tmp_path: Path, *, off: float = 0.0, budget: bool = True) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Purchases"
    ws.append(["Item", "Unit Price", "Quantity", "Cost", "Sub-Project"])
    for name, price, q, group in LOG:
        ws.append([name, price, q, round(price * q, 2), group])
    groups: dict[str, float] = {}
    for _, price, q, group in LOG:
        groups[group] = round(groups.get(group, 0) + price * q, 2)
    ws2 = wb.create_sheet("Subsystems")
    ws2.append(["Subsystem", "Amount Spent"] + (["Amount Budgeted"] if budget else []))
    ws2.append(["Total Project", round(sum(groups.values()) + off, 2)] + ([5000] if budget else []))
    for name, amount in groups.items():
        ws2.append([name, round(amount + off, 2)] + ([1000] if budget else []))
    ws2.append(["Mission Control", 0] + ([2000] if budget else []))
    return save(wb, tmp_path)


def test_a_sheet_restating_the_log_by_groups_is_its_summary(tmp_path: Path) -> None:
    result = import_cost_sheet(log_and_groups(tmp_path))
    roles = {s.name: s.role for s in result.sheets}
    assert roles == {"Purchases": "cost detail", "Subsystems": "summary"}
    assert result.reconciliation.status == "matched"
    assert result.reconciliation.cell == "Subsystems!B2"
    assert not any("versions" in w.message for w in result.warnings)


def test_groups_that_do_not_add_up_are_no_summary(tmp_path: Path) -> None:
    """Every group 3.00 off: the second sheet is not a restatement of the log."""
    with pytest.raises(ProblemsError) as err:
        import_cost_sheet(log_and_groups(tmp_path, off=3.0, budget=False))
    assert any("--sheet" in p.message for p in err.value.problems)


# ---------------------------------------------------------------- k132/k136: words in money cells


def words_sheet(tmp_path: Path, word: str, total: float | None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Item", "Quantity", "Price per unit", "total"])
    ws.append(["Raspberry Pi", 1, 59.95, 59.95])
    ws.append(["Display", 2, 19.95, 39.9])
    ws.append(["PCB", 1, word, word])
    if total is not None:
        ws.append(["Total", None, None, total])
    return save(wb, tmp_path)


def test_na_in_every_money_cell_is_a_zero_line_reported(tmp_path: Path) -> None:
    result = import_cost_sheet(words_sheet(tmp_path, "n/a", 99.85))
    assert len(result.model.lines) == 3 and result.model.totals.likely == D("99.85")
    assert any("'n/a' is read as 0" in w.message for w in result.warnings)


@pytest.mark.parametrize("word", ["none", "nil", "Free"])
def test_nil_words_are_never_a_silent_zero(tmp_path: Path, word: str) -> None:
    result = import_cost_sheet(words_sheet(tmp_path, word, None))
    assert any(f"{word!r} is read as 0" in w.message for w in result.warnings)


def test_a_word_with_no_figure_is_an_empty_cell_against_the_total(tmp_path: Path) -> None:
    result = import_cost_sheet(words_sheet(tmp_path, "PROPOSE", 99.85))
    assert result.model.totals.likely == D("99.85")
    assert any("'PROPOSE' is read as empty" in w.message for w in result.warnings)


def test_a_word_in_place_of_money_the_total_counts_is_refused(tmp_path: Path) -> None:
    """The total says the row costs 30: reading the word as empty would lose it."""
    with pytest.raises(ProblemsError) as err:
        import_cost_sheet(words_sheet(tmp_path, "see quote", 129.85))
    assert any("129.85" in p.message for p in err.value.problems)


def test_text_with_a_figure_stays_an_error(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as err:
        import_cost_sheet(words_sheet(tmp_path, "LIMIT: 50 lbs", 99.85))
    assert any("LIMIT: 50 lbs" in p.message for p in err.value.problems)


# ---------------------------------------------------------------- k128: amount ≠ quantity × price


def shop_list(tmp_path: Path, amounts: list[float]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["项目", "单价", "数量", "总价"])
    for i, amount in enumerate(amounts):
        ws.append([f"零件{i}", 10 + i, 2, amount])
    return save(wb, tmp_path)


def test_amounts_off_by_postage_stand_with_a_warning(tmp_path: Path) -> None:
    written = [20.0, 23.5, 24.0, 26.0, 27.0, 30.0]  # 20, 22, 24, 26, 28, 30 as quantity × price
    result = import_cost_sheet(shop_list(tmp_path, written))
    assert result.model.totals.likely == D(str(sum(written)))
    assert any("taken at their amount" in w.message for w in result.warnings)
    assert result.reconciliation.status == "no stated total"


def test_an_amount_ten_times_its_product_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as err:
        import_cost_sheet(shop_list(tmp_path, [20.0, 22.0, 240.0, 26.0, 28.0, 30.0]))
    assert any("amount ≠ quantity × unit price" in p.message for p in err.value.problems)


@settings(max_examples=30, deadline=None, suppress_health_check=FUNC)
@given(extra=st.lists(st.integers(-300, 3000), min_size=6, max_size=6))
def test_amounts_are_the_money_or_the_sheet_is_refused(tmp_path: Path, extra: list[int]) -> None:
    """For any amounts written beside quantity × unit price and no total: the import reports the
    amounts as written (never the products) or refuses; never a third figure."""
    written = [max(0.01, (2 * (10 + i) * 100 + e) / 100) for i, e in enumerate(extra)]
    try:
        result = import_cost_sheet(shop_list(tmp_path, written))
    except ProblemsError:
        return
    assert result.model.totals.likely == sum((D(str(w)) for w in written), D(0)).quantize(D("0.01"))


# ---------------------------------------------------------------- k131: "Amount" is how many


def two_currencies(tmp_path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Name", "Purchase Link", "Amount", "Unit", "Price(RMB)", "Price(RM)", "Total(RM)"])
    ws.append(["Circuit Part"])
    ws.append(["Arduino Nano", "https://shop.example/1", 3, "Piece", 14.6, 9.49, 28.47])
    ws.append(["Dupont Line", "https://shop.example/2", 3, "group", 12, 7.8, 23.4])
    ws.append(["Unpredictable factor 1", None, 1, None, 20, 13, 13])
    ws.append(["Material Part", None, None, None, None, 0, 0])
    ws.append(["Copper Stick", "not decided", 12, "stick", 7, 4.55, 54.6])
    ws.append(["Copper Sheet", "not decided", 9, "piece", 3.25, 2.1125, 19.0125])
    ws.append(["Logistics cost(Delivery cost,Package)", None, 1, None, 25, 16.25, 16.25])
    ws.append(["sum", None, None, None, None, None, 154.7325])
    return save(wb, tmp_path)


def test_an_amount_column_that_times_the_price_gives_the_total_is_the_quantity(tmp_path: Path) -> None:
    result = import_cost_sheet(two_currencies(tmp_path))
    lines = result.model.lines
    assert [ln.quantity for ln in lines] == [D(3), D(3), D(12), D(9)]
    assert [ln.category for ln in lines] == ["Circuit Part", "Circuit Part", "Material Part", "Material Part"]
    assert sorted(m.kind for m in result.markups) == ["other", "provisional"]
    assert result.reconciliation.status == "matched" and result.reconciliation.cell == "Sheet!G10"


def test_sum_alone_is_a_total_and_never_a_line(tmp_path: Path) -> None:
    result = import_cost_sheet(two_currencies(tmp_path), mapping="quantity=C,price=F,amount=G")
    assert "sum" not in [ln.description for ln in result.model.lines]
    assert result.reconciliation.cell == "Sheet!G10"


# ---------------------------------------------------------------- k136: the name above the figures


def proposal(tmp_path: Path, *, figures_on_name_row: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["MATERIALS", "ITS USES TO THE PROJECT", "PROPOSE", "ACTUAL", "Seller"])
    ws.append(["Raspberry PI", "a small single-board"] + ([50, 100, "Amazon"] if figures_on_name_row else []))
    ws.append([None, "computer developed in the United Kingdom."])
    ws.append([None, "part of my project."] + ([] if figures_on_name_row else [50, 100, "Amazon"]))
    ws.append([])
    ws.append(["Laptop", "the major device"])
    ws.append([None, "with enough storage.", 600, 1100, "Best Buy"])
    ws.append(["Glasses", "protection of the eyes.", 5, 5, "kijiji"])
    ws.append([])
    ws.append(["TOTAL EXPENDITURE", None, 655, 1205])
    return save(wb, tmp_path)


def test_figures_on_the_last_row_of_an_items_text_belong_to_its_name(tmp_path: Path) -> None:
    result = import_cost_sheet(proposal(tmp_path))
    assert [(ln.description, ln.source) for ln in result.model.lines] == [
        ("Raspberry PI", "Sheet!A4"),
        ("Laptop", "Sheet!A7"),
        ("Glasses", "Sheet!A8"),
    ]
    assert result.model.totals.likely == D(655)
    assert result.reconciliation.status == "matched"


# ---------------------------------------------------------------- k126: a fee column beside the amount


def purchases(tmp_path: Path, fee: float = 50) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "采购表"
    ws.append(["商品名称", "单位", "数量", "单价", "金额", "采购费用", "加采购费用后单价"])
    for name, q, p in [("甲醛", 31.32, 1450), ("液碱", 20, 1100), ("大单体703", 31.14, 11400)]:
        amount = round(q * p, 2)
        ws.append([name, "吨", q, p, amount, round(q * fee, 2), round((amount + q * fee) / q, 4)])
    return save(wb, tmp_path)


def test_a_fee_and_a_landed_price_beside_the_amount_are_further_figures(tmp_path: Path) -> None:
    result = import_cost_sheet(purchases(tmp_path))
    assert result.model.totals.likely == D("45414.00") + D("22000.00") + D("354996.00")
    assert result.reconciliation.status == "no stated total"
    assert any("further figures of the same lines" in w.message for w in result.warnings)


def test_two_price_and_amount_pairs_with_no_total_are_refused(tmp_path: Path) -> None:
    """A second price column whose quantity × price is the second amount column: two readings."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Item", "Quantity", "Unit price", "Unit price", "Amount", "Amount"])
    for name, q, a, b in [("Cap", 6, 0.48, 0.15), ("IC", 2, 43.34, 29.03), ("Res", 3, 1.04, 0.33)]:
        ws.append([name, q, a, b, round(q * a, 2), round(q * b, 2)])
    with pytest.raises(ProblemsError) as err:
        import_cost_sheet(save(wb, tmp_path))
    assert any("--map" in p.message for p in err.value.problems)


@settings(max_examples=20, deadline=None, suppress_health_check=FUNC)
@given(fee=st.integers(1, 500))
def test_a_fee_column_is_never_added_to_the_amounts(tmp_path: Path, fee: int) -> None:
    """For any per-unit fee beside the amount: the import is the amount column as written."""
    result = import_cost_sheet(purchases(tmp_path, fee))
    assert result.model.totals.likely == D("422410.00")


# ---------------------------------------------------------------- closing13: the versions rule's reach


def sheets_in_two_forms(tmp_path: Path, names: tuple[str, str], totals: tuple[int, int]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = names[0]
    ws.append(["Item", "Qty", "Rate", "Amount"])
    ws.append(["Site team", 10, totals[0] / 10, totals[0]])
    ws.append(["Total", None, None, totals[0]])
    ws2 = wb.create_sheet(names[1])
    ws2.append(["名称", "规格", "单价", "数量", "合价"])
    ws2.append(["Steel frame", "S355", totals[1] / 2, 2, totals[1]])
    ws2.append(["合计", None, None, None, totals[1]])
    return save(wb, tmp_path)


@pytest.mark.parametrize(
    ("names", "totals"),
    [
        (("New York site", "Boston site"), (10000, 30000)),  # "new" alone is a word of a name
        (("Labour", "Materials"), (10000, 10500)),  # kinds of cost: parts even with close totals
        (("人工", "材料"), (10000, 10500)),
    ],
)
def test_names_that_are_no_versions_leave_parts_added_up(
    tmp_path: Path, names: tuple[str, str], totals: tuple[int, int]
) -> None:
    result = import_cost_sheet(sheets_in_two_forms(tmp_path, names, totals))
    assert result.model.totals.likely == D(sum(totals))
    assert any("added up" in w.message for w in result.warnings)


@pytest.mark.parametrize("names", [("Budget", "Budget new"), ("old budget", "new budget"), ("Quote", "New")])
def test_old_and_new_beside_the_same_name_are_versions(tmp_path: Path, names: tuple[str, str]) -> None:
    with pytest.raises(ProblemsError) as err:
        import_cost_sheet(sheets_in_two_forms(tmp_path, names, (10000, 30000)))
    assert any("versions" in p.message and "--sheet" in p.message for p in err.value.problems)


# ---------------------------------------------------------------- k122: a priced line with no quantity


def milestones(tmp_path: Path, total: float) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Description", "Hours", "Rate", "Units", "$/Unit", "Fixed cost", "Budget"])
    ws.append(["Milestone 1"])
    ws.append(["Task 1: Purchase delivery trucks", None, 15000, None, None, None, 30000])
    ws.append(["Task 2: Pay delivery drivers", 160, 15, None, None, None, 2400])
    ws.append(["Reserve buffer", None, None, None, None, None, 3600])
    ws.append(["TOTAL", None, None, None, None, None, total])
    return save(wb, tmp_path)


def test_an_amount_with_a_price_and_no_quantity_is_a_lump_held_by_the_total(tmp_path: Path) -> None:
    result = import_cost_sheet(milestones(tmp_path, 36000))
    assert [ln.likely_total for ln in result.model.lines] == [D(30000), D(2400)]
    assert [(m.kind, m.amount) for m in result.markups] == [("provisional", D(3600))]
    assert any("quantity is empty: the line is its amount" in w.message for w in result.warnings)


def test_with_a_total_that_differs_the_lump_reading_is_refused(tmp_path: Path) -> None:
    """The stated total does not hold the reading: refused naming the total, never imported."""
    with pytest.raises(ProblemsError) as err:
        import_cost_sheet(milestones(tmp_path, 40000))
    assert any(p.where == "Sheet!G6" and "40,000.00" in p.message for p in err.value.problems)
