"""Kinds the fresh workbooks of session 14 missed, built as kinds (session 15, helper costs), each
in styles not in the corpus:

- no header row: a list closed by a total labelled anywhere in its row or by a figure alone on its
  row, or with no total at all but quantity × unit price = amount on every priced row;
- words in a unit price cell beside the line's amount (an option chosen, with a digit in it);
- money written per unit as text (`￥0.73/h`, `$45/hr`, `7200/per camp`);
- a stated total above the header (a label with its figure to the right or under it).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from bidassist.core.errors import BidassistError
from bidassist.costs import import_cost_sheet

D = Decimal
FUNC = [HealthCheck.function_scoped_fixture]


def book(tmp_path: Path, rows: list[list[object]], name: str = "book.xlsx", title: str = "Sheet1") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def warned(result: object, text: str) -> list[str]:
    return [w.message for w in result.warnings if text in w.message]  # type: ignore[attr-defined]


# ---------------------------------------------------------------- no header row


def test_a_headerless_list_closed_by_a_total_in_the_column_left_of_it_is_read(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Field trip 2024"], []]
    rows += [["Coach", "day", 2, 380, 760], ["Lunch", "pp", 24, 9.5, 228], ["Tickets", "pp", 24, 12, 288]]
    rows += [[None, None, None, "TOTAL", 1276]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert [ln.description for ln in result.model.lines] == ["Coach", "Lunch", "Tickets"]
    assert result.model.totals.likely == D("1276")
    assert result.reconciliation is not None and result.reconciliation.status == "matched"
    assert result.reconciliation.cell == "Sheet1!E6"
    assert warned(result, "no header row") and "--map" in warned(result, "no header row")[0]
    assert [ln.unit for ln in result.model.lines] == ["day", "pp", "pp"]


def test_a_headerless_list_closed_by_a_figure_alone_on_its_row_is_read(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Parts bought"], [], ["ESP32 board", 18.5], ["Servo", 7.2], ["Wires", 3.3]]
    rows += [["Enclosure", 11.0], [], [], [None, 40]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.model.totals.likely == D("40.0")
    assert result.reconciliation is not None and result.reconciliation.cell == "Sheet1!B9"
    assert len(result.model.lines) == 4


def test_a_headerless_list_with_subtotals_is_checked_against_its_total(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Hardware"], ["Board", 25], ["Sensor", 50], ["Subtotal", 75]]
    rows += [["Software"], ["Licence", 100], ["Hosting", 40], ["Subtotal", 140], ["Total", 215]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.model.totals.likely == D("215")
    assert len(result.model.lines) == 4


def test_a_headerless_product_table_with_no_total_says_no_total_confirms_it(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Tents", 3, 500, 1500], ["Food", 30, 50, 1500], ["Buses", 2, 150, 300]]
    rows += [["Rope", 10, 2.5, 25]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.model.totals.likely == D("3325")
    assert result.reconciliation is not None and result.reconciliation.status == "no stated total"
    note = warned(result, "no header row")
    assert note and "states no total" in note[0] and "quantity × unit price" in note[0]


def test_a_headerless_table_with_a_row_that_breaks_the_product_is_refused_with_a_map(
    tmp_path: Path,
) -> None:
    rows: list[list[object]] = [["Tents", 3, 500, 1500], ["Food", 30, 50, 1500], ["Buses", 2, 150, 300]]
    rows += [["Kit", 1, 20, 95], ["Rope", 10, 2.5, 25]]
    with pytest.raises(BidassistError) as caught:
        import_cost_sheet(book(tmp_path, rows))
    assert "--map" in str(caught.value) or any("--map" in p.message for p in caught.value.problems)


@settings(max_examples=25, deadline=None, suppress_health_check=FUNC)
@given(
    st.lists(
        st.tuples(st.integers(1, 40), st.integers(1, 9999)),
        min_size=3,
        max_size=8,
    ),
    st.integers(-3, 3),
)
def test_a_headerless_product_list_imports_its_products_or_is_refused(
    tmp_path: Path, items: list[tuple[int, int]], off: int
) -> None:
    """Whatever the figures: the import is Σ quantity × price of the rows, reconciled with a total
    that agrees, or a refusal — never another figure."""
    rows: list[list[object]] = [[f"Part {i}", q, p / 100, q * p / 100] for i, (q, p) in enumerate(items)]
    right = sum((D(q) * D(p) / 100 for q, p in items), D(0))
    rows.append([None, "Total", None, float(right) + off])
    try:
        result = import_cost_sheet(book(tmp_path, rows))
    except BidassistError:
        return
    assert result.model.totals.likely == right
    if result.reconciliation is not None and result.reconciliation.status == "matched":
        assert off == 0


# ---------------------------------------------------------------- words in a unit price cell


def test_an_option_named_in_the_price_cell_beside_the_amount_is_a_note(tmp_path: Path) -> None:
    rows: list[list[object]] = [["项目", "单价", "数量", "金额"], ["机票", 1200, 10, 12000]]
    rows += [["酒店", "2号楼山景大床房", 5, 4000], ["餐费", 100, 30, 3000], ["合计", None, None, 19000]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.model.totals.likely == D("19000")
    hotel = result.model.lines[1]
    assert hotel.quantity == 5 and hotel.likely == 800
    assert warned(result, "2号楼山景大床房")


def test_words_with_a_digit_in_the_price_cell_and_no_amount_stay_an_error(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Item", "Unit price", "Qty", "Total"], ["Flights", 1200, 10, 12000]]
    rows += [["Hotel", "Option B: 2 rooms", 5, None], ["Meals", 100, 30, 3000]]
    with pytest.raises(BidassistError) as caught:
        import_cost_sheet(book(tmp_path, rows))
    assert any(p.where == "Sheet1!B3" for p in caught.value.problems)


# ---------------------------------------------------------------- money written per unit


def test_prices_written_with_a_currency_and_a_unit_are_read_with_that_unit(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Item", "Rate", "Qty"], ["Compute", "US$0.42/hr", 720]]
    rows += [["Object storage", "US$0.02/GB", 5000], ["Egress", "US$0.09 per GB", 300]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert [(ln.likely, ln.unit) for ln in result.model.lines] == [
        (D("0.42"), "hr"),
        (D("0.02"), "GB"),
        (D("0.09"), "GB"),
    ]
    assert result.model.totals.likely == D("0.42") * 720 + D("0.02") * 5000 + D("0.09") * 300


def test_a_price_per_another_unit_than_the_unit_column_is_an_error(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Item", "Unit", "Rate", "Qty"], ["Electrician", "day", "£45/hr", 3]]
    rows += [["Scaffold", "week", 120, 2], ["Skip", "each", 230, 1]]
    with pytest.raises(BidassistError) as caught:
        import_cost_sheet(book(tmp_path, rows))
    assert any("per hr" in p.message and "day" in p.message for p in caught.value.problems)


def test_an_amount_per_unit_is_one_unit_said_in_a_warning(tmp_path: Path) -> None:
    rows: list[list[object]] = [["活动", "费用"], ["场地", "$4500/per event"], ["物料", 800], ["交通", 650]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.model.totals.likely == D("5950")
    assert warned(result, "$4500/per event")


def test_an_amount_per_unit_beside_another_quantity_stands_only_with_a_total(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Item", "Qty", "Cost"], ["Cabins", 3, "600/per cabin"], ["Food", 1, 240]]
    rows += [["Fuel", 1, 90]]
    with pytest.raises(BidassistError):
        import_cost_sheet(book(tmp_path, rows, "a.xlsx"))
    rows.append(["Total", None, 930])
    result = import_cost_sheet(book(tmp_path, rows, "b.xlsx"))
    assert result.model.totals.likely == D("930")


@pytest.mark.parametrize("text", ["1/2", "24/7", "see p. 3/4", "RS-485/USB"])
def test_fractions_and_codes_are_not_money_per_unit(tmp_path: Path, text: str) -> None:
    rows: list[list[object]] = [["Item", "Qty", "Unit price"], ["A", 1, text], ["B", 2, 3]]
    with pytest.raises(BidassistError):
        import_cost_sheet(book(tmp_path, rows))


# ---------------------------------------------------------------- a total above the header


def test_a_total_beside_its_label_above_the_header_is_reconciled(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Workshop budget"], ["Grand total", None, None, 2450], []]
    rows += [["Item", "Qty", "Unit cost", "Cost"], ["Room", 1, 1200, 1200], ["Catering", 25, 40, 1000]]
    rows += [["Printing", 50, 5, 250]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.reconciliation is not None and result.reconciliation.status == "matched"
    assert result.reconciliation.cell == "Sheet1!D2"


def test_a_total_under_its_label_above_the_header_is_reconciled(tmp_path: Path) -> None:
    rows: list[list[object]] = [["采购清单", None, None, "总计"], [None, None, None, 2450]]
    rows += [["名称", "数量", "单价", "金额"], ["会议室", 1, 1200, 1200], ["茶歇", 25, 40, 1000]]
    rows += [["印刷", 50, 5, 250]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.reconciliation is not None and result.reconciliation.cell == "Sheet1!D2"


def test_a_total_above_the_header_that_differs_is_refused_naming_it(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Total", 2400], ["Item", "Qty", "Unit cost", "Cost"]]
    rows += [["Room", 1, 1200, 1200], ["Catering", 25, 40, 1000], ["Printing", 50, 5, 250]]
    with pytest.raises(BidassistError) as caught:
        import_cost_sheet(book(tmp_path, rows))
    assert any(p.where == "Sheet1!B1" and "stated total" in p.message for p in caught.value.problems)


def test_a_budget_above_the_header_that_differs_is_named_not_taken(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Total budget", 5000], ["Item", "Qty", "Unit cost", "Cost"]]
    rows += [["Room", 1, 1200, 1200], ["Catering", 25, 40, 1000], ["Printing", 50, 5, 250]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.model.totals.likely == D("2450")
    assert result.reconciliation is not None and result.reconciliation.status == "no stated total"
    assert warned(result, "Total budget")


# ---------------------------------------------------------------- a part that is the sum of the rows below

PARTS = ["Part no.", "Description", "Package", "Cost"]


def test_a_part_whose_price_is_the_sum_of_the_next_rows_is_an_item_when_the_list_runs_on(
    tmp_path: Path,
) -> None:
    rows: list[list[object]] = [PARTS, ["R-10K", "Resistor 10k", "0603", 0.03]]
    rows += [["C-22P", "Cap 22pF", "0603", 0.05], ["R-1K", "Resistor 1k", "0603", 0.03]]
    rows += [["R-4K7", "Resistor 4k7", "0603", 0.02], ["U-358", "Op-amp", "SO8", 0.41]]
    rows += [["U-555", "Timer", "SO8", 0.27]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert len(result.model.lines) == 6
    assert result.model.totals.likely == D("0.81")
    note = warned(result, "is read as an item")
    assert note and "Cap 22pF" in note[0]


def test_headings_with_their_section_amounts_and_no_total_are_still_refused(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        PARTS,
        [None, "Passives", None, 0.08],
        ["R-10K", "Resistor 10k", "0603", 0.03],
    ]
    rows += [["R-1K", "Resistor 1k", "0603", 0.05], [None, "ICs", None, 0.68]]
    rows += [["U-358", "Op-amp", "SO8", 0.41], ["U-555", "Timer", "SO8", 0.27]]
    with pytest.raises(BidassistError) as caught:
        import_cost_sheet(book(tmp_path, rows))
    assert any("no stated total decides" in p.message for p in caught.value.problems)


@settings(max_examples=30, deadline=None, suppress_health_check=FUNC)
@given(st.lists(st.integers(1, 9), min_size=4, max_size=9))
def test_a_list_of_parts_with_no_total_imports_every_row_or_is_refused(
    tmp_path: Path, cents: list[int]
) -> None:
    """Whatever the prices (small ones repeat and add up by chance): every row counted once, or a
    refusal — never a part dropped as a heading without a word."""
    rows: list[list[object]] = [PARTS] + [
        [f"P-{i}", f"Part {i}", "0603", c / 100] for i, c in enumerate(cents)
    ]
    try:
        result = import_cost_sheet(book(tmp_path, rows))
    except BidassistError:
        return
    assert result.model.totals.likely == D(sum(cents)) / 100


def test_a_total_of_hours_above_the_header_is_no_total_of_the_money(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Total hours", 76], ["Task", "Hours", "Rate", "Cost"]]
    rows += [["Design", 30, 60, 1800], ["Build", 40, 45, 1800], ["Test", 6, 50, 300]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.model.totals.likely == D("3900")
    assert result.reconciliation is not None and result.reconciliation.status == "no stated total"


def test_a_money_total_named_without_total_above_the_header_is_reconciled(tmp_path: Path) -> None:
    rows: list[list[object]] = [["项目总金额（元）", None, "3,900.00"], ["任务", "工时", "单价", "金额"]]
    rows += [["设计", 30, 60, 1800], ["开发", 40, 45, 1800], ["测试", 6, 50, 300]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.reconciliation is not None and result.reconciliation.cell == "Sheet1!C1"


def test_a_price_per_hour_beside_hours_written_otherwise_is_the_same_unit(tmp_path: Path) -> None:
    rows: list[list[object]] = [["名称", "单位", "单价", "数量"], ["云主机", "小时", "￥0.73/h", 720]]
    rows += [["GPU", "小时", "￥8.5/hr", 40], ["存储", "GB", "￥0.12/GB", 500]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.model.totals.likely == D("0.73") * 720 + D("8.5") * 40 + D("0.12") * 500
    assert [ln.unit for ln in result.model.lines] == ["小时", "小时", "GB"]


def test_an_amount_per_unit_in_brackets_is_read(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Item", "Cost"], ["Campsite", "7,200 (per camp)"], ["Food", 1500]]
    rows += [["Buses", 900], ["Total", 9600]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.reconciliation is not None and result.reconciliation.status == "matched"
    assert result.model.lines[0].unit == "camp"


def test_a_headerless_list_of_text_money_with_its_total_labelled_right_of_it(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Laser cutter", "£1,250.00"],
        ["Fume filter", "£310.50"],
        ["Lens kit", "£88.20"],
    ]
    rows += [[None, "£1,648.70", "Total incl. delivery"]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.model.totals.likely == D("1648.70")
    assert result.reconciliation is not None and result.reconciliation.cell == "Sheet1!B4"


# ---------------------------------------------------------------- a header that names no description


@pytest.mark.parametrize("head", [["Category", "Cost"], ["费用项目", "金额"], ["Cost item", "Amount"]])
def test_a_header_whose_name_column_is_headed_otherwise_is_read(tmp_path: Path, head: list[str]) -> None:
    rows: list[list[object]] = [head, ["Venue", 1200], ["Catering", 800], ["AV hire", 350], ["Printing", 120]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert [ln.description for ln in result.model.lines] == ["Venue", "Catering", "AV hire", "Printing"]
    assert result.model.totals.likely == D("2470")


def test_a_category_column_that_groups_named_items_stays_the_category(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Category", "Item", "Cost"],
        ["Event", "Venue", 1200],
        ["Event", "Catering", 800],
    ]
    rows += [["Media", "Printing", 120]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert [(ln.description, ln.category) for ln in result.model.lines] == [
        ("Venue", "Event"),
        ("Catering", "Event"),
        ("Printing", "Media"),
    ]


# ---------------------------------------------------------------- the currency after the figure


@pytest.mark.parametrize(
    ("text", "figure"),
    [("1,200 USD", "1200"), ("1200€", "1200"), ("30 RM", "30"), ("RM 30", "30"), ("Rs. 500/-", "500")],
)
def test_money_with_its_currency_after_the_figure_is_read(tmp_path: Path, text: str, figure: str) -> None:
    rows: list[list[object]] = [["Item", "Qty", "Unit price"], ["Widget", 2, text], ["Gadget", 1, 10]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.model.lines[0].likely == D(figure)


@pytest.mark.parametrize("text", ["5 ft", "12 rooms", "RM -3"])
def test_words_after_a_figure_that_are_no_currency_stay_an_error(tmp_path: Path, text: str) -> None:
    rows: list[list[object]] = [["Item", "Qty", "Amount"], ["Widget", 2, text], ["Gadget", 1, 10]]
    with pytest.raises(BidassistError):
        import_cost_sheet(book(tmp_path, rows))


def test_a_headerless_product_table_with_a_lump_below_it_is_refused(tmp_path: Path) -> None:
    """Money in the amount column below the products (a delivery charge) would be left unread."""
    rows: list[list[object]] = [["Tents", 3, 500, 1500], ["Food", 30, 50, 1500], ["Buses", 2, 150, 300]]
    rows += [[], ["Delivery", None, None, 60]]
    with pytest.raises(BidassistError):
        import_cost_sheet(book(tmp_path, rows))


def test_a_headerless_list_of_costs_is_read_as_lumps_saying_no_total_confirms_it(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Purchasing cost", 6502.25], ["Flow cost: pumps", 601.36]]
    rows += [["Fixed cost: pumps", 125.0], ["Flow cost: reactor", 2222.12]]
    result = import_cost_sheet(book(tmp_path, rows, title="Cost Breakdown"))
    assert result.model.totals.likely == D("9450.73")
    note = warned(result, "no header row")
    assert note and "states no total" in note[0]


def test_a_headerless_list_with_an_unlabelled_total_among_its_figures_is_refused(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Materials cost", 100], ["Labour cost", 200], ["Overall cost", 300]]
    with pytest.raises(BidassistError):
        import_cost_sheet(book(tmp_path, rows, title="Costs"))


def test_a_headerless_list_of_figures_not_named_as_money_is_refused(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Pumps", 4], ["Valves", 12], ["Reactors", 2]]
    with pytest.raises(BidassistError):
        import_cost_sheet(book(tmp_path, rows, title="Plant"))


def test_an_inventory_beside_the_bills_of_materials_is_skipped(tmp_path: Path) -> None:
    wb = Workbook()
    bom = wb.active
    bom.title = "Board"
    for row in [
        ["Part", "Quantity", "Cost", "Total"],
        ["MCU", 1, 4.5, 4.5],
        ["LDO", 2, 0.4, 0.8],
        ["Total", None, None, 5.3],
    ]:
        bom.append(row)
    stock = wb.create_sheet("Parts in hand")
    for row in [["Part", "Stock", "Cost"], ["MCU", 10, 4.5], ["LDO", 30, 0.4], ["Cap", 200, 0.02]]:
        stock.append(row)
    path = tmp_path / "bom.xlsx"
    wb.save(path)
    result = import_cost_sheet(path)
    assert result.model.totals.likely == D("5.3")
    assert [s.role for s in result.sheets] == ["cost detail", "not a cost table"]


def test_a_block_after_a_blank_row_below_a_total_beside_the_lines_is_outside_the_table(
    tmp_path: Path,
) -> None:
    rows: list[list[object]] = [
        ["行程", "车次", "单价", "合计", "总计"],
        ["广州-长沙", "G6112", 314.5, 629, 2073],
    ]
    rows += [["长沙-张家界", "D7525", 222, 444, None], ["张家界-广州", "G6182", 500, 1000, None], [], []]
    rows += [
        ["备选民宿", "￥388", "湖景大床房", "http://example.org/a"],
        ["备选酒店", "￥520", "双床房", None],
    ]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.model.totals.likely == D("2073")
    assert result.reconciliation is not None and result.reconciliation.cell == "Sheet1!E2"
