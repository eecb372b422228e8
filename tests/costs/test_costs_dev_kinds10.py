"""Kinds the fresh workbooks of session 15 missed, built from their descriptions as kinds (session
16, helper costs), each in styles not in the corpus:

- detail sheets that are alternative costings of one job (two estimates, two options), each with
  its own total and no summary over them, are not added up;
- a tax, duty or freight row at the foot of a list is a markup on the lines, not a line;
- amounts that already include tax (a Paid column with a stated tax rate);
- amounts written as text with a currency sign before or after the figure, with no header;
- a stated total written beside the first item rather than under the column.
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

Rows = list[list[object]]


def workbook(tmp_path: Path, sheets: dict[str, Rows], name: str = "book.xlsx") -> Path:
    wb = Workbook()
    first = True
    for title, rows in sheets.items():
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = title
        for row in rows:
            ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def book(tmp_path: Path, rows: Rows, title: str = "Sheet1") -> Path:
    return workbook(tmp_path, {title: rows})


def warned(result: object, text: str) -> list[str]:
    return [w.message for w in result.warnings if text in w.message]  # type: ignore[attr-defined]


def refusal(path: Path) -> str:
    with pytest.raises(BidassistError) as err:
        import_cost_sheet(path)
    return " | ".join(str(p) for p in err.value.problems) or str(err.value)  # type: ignore[attr-defined]


def priced(items: list[tuple[str, float, float]], title: str | None = None, total: bool = True) -> Rows:
    rows: Rows = [[title]] if title else []
    rows.append(["Item", "Qty", "Rate", "Cost"])
    rows += [[name, q, p, round(q * p, 2)] for name, q, p in items]
    if total:
        rows.append(["Total", None, None, round(sum(round(q * p, 2) for _, q, p in items), 2)])
    return rows


KITCHEN = [
    ("Base cabinets", 8, 420.0),
    ("Quartz worktop", 6, 310.0),
    ("Splashback tiles", 12, 45.0),
    ("Sink and tap", 1, 380.0),
    ("Fitting labour", 5, 260.0),
]
KITCHEN_LEAN = [
    ("Base cabinets", 6, 300.0),
    ("Laminate worktop", 6, 90.0),
    ("Painted splashback", 3, 60.0),
    ("Sink and tap", 1, 210.0),
    ("Fitting labour", 4, 260.0),
]


# ---------------------------------------------------------------- (a) alternative costings


def test_two_estimates_of_one_job_on_two_sheets_are_not_added_up(tmp_path: Path) -> None:
    path = workbook(tmp_path, {"Full estimate": priced(KITCHEN), "15k estimate": priced(KITCHEN_LEAN)})
    text = refusal(path)
    assert "Full estimate" in text and "15k estimate" in text
    assert '--sheet "Full estimate"' in text and '--sheet "15k estimate"' in text
    assert "alternative costings" in text


def test_alternatives_named_only_in_their_titles_are_not_added_up(tmp_path: Path) -> None:
    sheets = {
        "Sheet1": priced(KITCHEN, title="Kitchen refit - quotation A (premium)"),
        "Sheet2": priced(KITCHEN_LEAN[:4], title="Kitchen refit - quotation B (budget)"),
    }
    text = refusal(workbook(tmp_path, sheets))
    assert "Sheet1" in text and "Sheet2" in text and "--sheet" in text


def test_chinese_alternatives_titled_as_budgets_are_not_added_up(tmp_path: Path) -> None:
    def sheet(title: str, prices: list[int], names: list[str]) -> Rows:
        rows: Rows = [[title], ["名称", "数量", "单价", "金额"]]
        rows += [[n, 2, p, 2 * p] for n, p in zip(names, prices, strict=True)]
        rows.append(["合计", None, None, 2 * sum(prices)])
        return rows

    sheets = {
        "甲": sheet("机房建设预算（高配）", [30000, 8000, 3000, 900], ["服务器", "交换机", "机柜", "布线"]),
        "乙": sheet(
            "机房建设预算（低配）", [18000, 5000, 2500, 700], ["二手服务器", "交换机", "开放式机架", "布线"]
        ),
    }
    text = refusal(workbook(tmp_path, sheets))
    assert "甲" in text and "乙" in text and "不能相加" in text


def test_untitled_sheets_listing_the_same_items_at_other_prices_are_not_added_up(tmp_path: Path) -> None:
    text = refusal(workbook(tmp_path, {"North": priced(KITCHEN), "South": priced(KITCHEN_LEAN)}))
    assert "North" in text and "South" in text


def test_phases_listing_the_same_items_are_parts_added_up(tmp_path: Path) -> None:
    result = import_cost_sheet(
        workbook(tmp_path, {"Phase 1": priced(KITCHEN), "Phase 2": priced(KITCHEN_LEAN)})
    )
    assert len(result.model.lines) == 10
    assert warned(result, "added up with no summary sheet")


def test_estimates_tied_by_a_grand_total_are_parts_added_up(tmp_path: Path) -> None:
    full = sum(round(q * p, 2) for _, q, p in KITCHEN) + sum(round(q * p, 2) for _, q, p in KITCHEN_LEAN)
    sheets = {
        "Cover": [["Kitchen and annex refit"], ["Grand total of both estimates", full]],
        "Kitchen estimate": priced(KITCHEN),
        "Annex estimate": priced(KITCHEN_LEAN),
    }
    result = import_cost_sheet(workbook(tmp_path, sheets))
    assert result.model.totals.likely == D(str(full))


def test_estimates_of_different_trades_are_parts_added_up(tmp_path: Path) -> None:
    labour = [("Electrician", 3, 400.0), ("Plumber", 2, 380.0), ("Fitting labour", 5, 260.0)]
    materials = [("Cable", 100, 1.2), ("Pipe", 20, 6.5), ("Fitting labour", 1, 50.0)]
    sheets = {"Labour estimate": priced(labour), "Materials estimate": priced(materials)}
    result = import_cost_sheet(workbook(tmp_path, sheets))
    assert len(result.model.lines) == 6


def test_two_quotes_for_different_things_are_still_added_up(tmp_path: Path) -> None:
    roof = [("Roof tiles", 300, 1.8), ("Battens", 40, 3.5), ("Roofer", 4, 300.0)]
    sheets = {"Quote 1": priced(roof), "Quote 2": priced(KITCHEN)}
    result = import_cost_sheet(workbook(tmp_path, sheets))
    assert len(result.model.lines) == 8


@settings(max_examples=20, deadline=None, suppress_health_check=FUNC)
@given(
    st.lists(st.integers(1, 40), min_size=4, max_size=7),
    st.lists(st.integers(1, 40), min_size=4, max_size=7),
    st.sampled_from(["Option", "Estimate", "方案", "Budget", "Scenario"]),
)
def test_two_costings_of_the_same_items_are_refused_or_never_summed(
    tmp_path: Path, first: list[int], second: list[int], word: str
) -> None:
    names = ["Desk", "Chair", "Lamp", "Shelf", "Rug", "Cabinet", "Screen"]
    a = [(n, 1, float(p * 10)) for n, p in zip(names, first, strict=False)]
    b = [(n, 1, float(p * 10 + 5)) for n, p in zip(names, second, strict=False)]
    path = workbook(
        tmp_path, {f"{word} A": priced(a), f"{word} B": priced(b)}, name=f"p{len(a)}{len(b)}.xlsx"
    )
    with pytest.raises(BidassistError) as err:
        import_cost_sheet(path)
    text = " | ".join(str(p) for p in err.value.problems)  # type: ignore[attr-defined]
    assert f'--sheet "{word} A"' in text and f'--sheet "{word} B"' in text


# ---------------------------------------------------------------- (b) a duty or freight at the foot


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Import tax", "other"),
        ("Customs duty", "other"),
        ("关税", "other"),
        ("运费", "other"),
        ("Freight", "other"),
        ("VAT 20%", "vat"),
        ("Import duties (est.)", "other"),
        ("Duties & taxes", "other"),
        ("Customs clearance", "other"),
        ("关税 10%", "other"),
        ("进口关税及增值税", "other"),
        ("Delivery", "other"),
    ],
)
def test_a_duty_or_freight_row_at_the_foot_is_a_markup_the_total_includes(
    tmp_path: Path, label: str, kind: str
) -> None:
    rows: Rows = [["Part", "Qty", "Unit price", "Amount"]]
    rows += [["Stepper motor", 4, 18.5, 74], ["Driver board", 2, 11.25, 22.5], ["Rail 400mm", 2, 23, 46]]
    rows += [[label, None, None, 21.3], ["Total", None, None, 163.8]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert [ln.description for ln in result.model.lines] == ["Stepper motor", "Driver board", "Rail 400mm"]
    assert result.model.totals.likely == D("142.5")
    assert [(m.label, m.kind, m.amount) for m in result.markups] == [(label, kind, D("21.3"))]
    assert result.reconciliation is not None and result.reconciliation.status == "matched"
    assert result.reconciliation.basis == "lines + markups"


def test_a_duty_the_total_leaves_out_is_refused_not_summed_silently(tmp_path: Path) -> None:
    rows: Rows = [["Part", "Qty", "Unit price", "Amount"]]
    rows += [
        ["Stepper motor", 4, 18.5, 74],
        ["Driver board", 2, 11.25, 22.5],
        ["Import tax", None, None, 21.3],
    ]
    rows += [["Total", None, None, 100]]
    text = refusal(book(tmp_path, rows))
    assert "Sheet1!D5" in text and "--accept-difference" in text


def test_a_freight_item_priced_by_quantity_inside_the_list_stays_a_line(tmp_path: Path) -> None:
    rows: Rows = [["名称", "单位", "数量", "单价", "金额"], ["钢管", "米", 100, 12, 1200]]
    rows += [["运费", "车", 2, 300, 600], ["扣件", "个", 50, 4, 200], ["合计", None, None, None, 2000]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert [ln.description for ln in result.model.lines] == ["钢管", "运费", "扣件"]
    assert result.markups == []


# ---------------------------------------------------------------- (c) amounts with tax included


def taxed_rows(rate: Decimal, where: str, prices: list[tuple[str, int, Decimal]]) -> Rows:
    rows: Rows = []
    if where == "above":
        rows += [["Sales tax", f"{rate * 100}%"], []]
    rows.append(["Item", "Qty", "Price", "Paid"])
    paid = [(q * p * (1 + rate)).quantize(D("0.01")) for _, q, p in prices]
    rows += [[n, q, float(p), float(a)] for (n, q, p), a in zip(prices, paid, strict=True)]
    rows.append(["Total", None, None, float(sum(paid))])
    if where == "below":
        rows += [[], ["Tax rate", float(rate)]]
    return rows


@pytest.mark.parametrize("where", ["above", "below"])
def test_amounts_paid_with_a_stated_tax_are_imported_saying_so(tmp_path: Path, where: str) -> None:
    prices = [("Router", 1, D("129.00")), ("Patch cable", 6, D("4.50")), ("Wall plate", 3, D("7.80"))]
    result = import_cost_sheet(book(tmp_path, taxed_rows(D("0.0875"), where, prices)))
    assert result.reconciliation is not None and result.reconciliation.status == "matched"
    assert "tax 8.75 %" in result.reconciliation.basis
    assert len(warned(result, "include tax at 8.75 %")) == 1
    assert not warned(result, "≠ quantity × unit price")
    assert result.model.totals.likely == sum(
        ((q * p * D("1.0875")).quantize(D("0.01")) for _, q, p in prices), D(0)
    )


def test_amounts_that_differ_from_the_products_by_no_stated_rate_keep_the_old_warnings(
    tmp_path: Path,
) -> None:
    rows: Rows = [["Item", "Qty", "Price", "Paid"], ["Router", 1, 129, 140], ["Cable", 6, 4.5, 30]]
    rows += [["Total", None, None, 170], [], ["Sales tax", "8.75%"]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert not warned(result, "include tax")
    assert warned(result, "taken at their amount")


@settings(max_examples=25, deadline=None, suppress_health_check=FUNC)
@given(
    st.sampled_from([D("0.05"), D("0.0625"), D("0.09"), D("0.1025"), D("0.13"), D("0.2")]),
    st.lists(st.tuples(st.integers(1, 12), st.integers(100, 99999)), min_size=2, max_size=6),
)
def test_amounts_with_a_stated_tax_import_at_the_total_or_are_refused(
    tmp_path: Path, rate: Decimal, rows: list[tuple[int, int]]
) -> None:
    prices = [(f"Part {i}", q, D(c) / 100) for i, (q, c) in enumerate(rows)]
    table = taxed_rows(rate, "above", prices)
    stated = D(str(table[-1][3]))
    try:
        result = import_cost_sheet(book(tmp_path, table))
    except BidassistError as exc:
        assert "Sheet1" in str(exc) or any("Sheet1" in str(p) for p in exc.problems)  # type: ignore[attr-defined]
        return
    assert abs(result.model.totals.likely - stated) <= D("0.01") * len(prices)


# ---------------------------------------------------------------- (d) money as text, no header


@pytest.mark.parametrize(
    ("texts", "total"),
    [
        (["15$", "$ 240", "$ 1,150"], "$ 1,405"),
        (["15 $", "240 USD", "1,150.00 $"], "1405$"),
        (["€15", "240 €", "EUR 1,150"], "1,405 €"),
    ],
)
def test_a_quote_list_of_money_texts_closed_by_a_total_is_read(
    tmp_path: Path, texts: list[str], total: str
) -> None:
    rows: Rows = [["Offer: small shop website"], []]
    rows += [
        [n, t] for n, t in zip(["Domain name", "Hosting, 12 months", "Theme and setup"], texts, strict=True)
    ]
    rows += [["Total", total]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert [ln.quantity * ln.likely for ln in result.model.lines] == [D(15), D(240), D(1150)]
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


def test_a_quote_list_of_money_texts_with_no_total_is_read_saying_so(tmp_path: Path) -> None:
    rows: Rows = [["Offer: small shop website"], [], ["Domain name", "15$"], ["Hosting", "$ 240"]]
    rows += [["Theme and setup", "$ 1,150"], ["Training session", "90 $"]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.model.totals.likely == D(1495)
    assert result.reconciliation is not None and result.reconciliation.status == "no stated total"
    assert warned(result, "written with a currency")


def test_a_list_of_plain_figures_with_no_total_and_no_money_word_is_refused(tmp_path: Path) -> None:
    rows: Rows = [["Team"], [], ["Anna", "15"], ["Ben", "240"], ["Chen", "1150"]]
    assert "--map" in refusal(book(tmp_path, rows))


@settings(max_examples=25, deadline=None, suppress_health_check=FUNC)
@given(
    st.lists(st.integers(1, 99999), min_size=3, max_size=8),
    st.sampled_from(["{}$", "$ {}", "{} USD", "¥{}", "{} €"]),
    st.booleans(),
)
def test_money_texts_are_read_at_their_figures_or_refused(
    tmp_path: Path, figures: list[int], style: str, with_total: bool
) -> None:
    rows: Rows = [["Quotation"]]
    rows += [[f"Item {chr(65 + i)}", style.format(f"{f:,}")] for i, f in enumerate(figures)]
    if with_total:
        rows.append(["Total", style.format(f"{sum(figures):,}")])
    try:
        result = import_cost_sheet(book(tmp_path, rows))
    except BidassistError as exc:
        assert any("Sheet1" in str(p) for p in exc.problems)  # type: ignore[attr-defined]
        return
    assert result.model.totals.likely == sum(figures)
    assert len(result.model.lines) == len(figures)


# ---------------------------------------------------------------- (e) a total beside the first item

DESKS: Rows = [["Sit-stand desk", 3, 410, 1230], ["Task chair", 3, 185, 555], ["Footrest", 3, 28, 84]]


@pytest.mark.parametrize(
    "beside",
    [[None, "Total", 1869], ["TOTAL:", 1869], ["Total: 1,869.00"], [None, "合计", 1869], [None, None, 1869]],
)
def test_a_total_beside_the_first_item_is_reconciled(tmp_path: Path, beside: list[object]) -> None:
    rows: Rows = [["Item", "Qty", "Unit price", "Amount"], DESKS[0] + beside, DESKS[1], DESKS[2]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert len(result.model.lines) == 3
    assert result.reconciliation is not None and result.reconciliation.status == "matched"
    assert result.reconciliation.cell is not None and result.reconciliation.cell.endswith("2")


def test_a_total_beside_the_first_item_of_a_list_of_lumps_keeps_that_item(tmp_path: Path) -> None:
    rows: Rows = [
        ["Expense", "Cost"],
        ["Venue hire", 1200, "Total", 1950],
        ["Catering", 600],
        ["Printing", 150],
    ]
    result = import_cost_sheet(book(tmp_path, rows))
    assert [ln.description for ln in result.model.lines] == ["Venue hire", "Catering", "Printing"]
    assert result.reconciliation is not None and result.reconciliation.cell == "Sheet1!D2"


def test_a_labelled_total_beside_the_lines_that_differs_is_an_error_naming_it(tmp_path: Path) -> None:
    rows: Rows = [
        ["Item", "Qty", "Unit price", "Amount"],
        DESKS[0] + [None, "Total", 1900],
        DESKS[1],
        DESKS[2],
    ]
    text = refusal(book(tmp_path, rows))
    assert "Sheet1!G2" in text and "1,900.00" in text


def test_a_budget_beside_the_lines_that_differs_is_named_not_taken(tmp_path: Path) -> None:
    rows: Rows = [
        ["Item", "Qty", "Unit price", "Amount"],
        DESKS[0] + [None, "Total budget", 2500],
        DESKS[1],
        DESKS[2],
    ]
    result = import_cost_sheet(book(tmp_path, rows))
    assert warned(result, "not taken as the table's total")
    assert result.reconciliation is not None and result.reconciliation.status == "no stated total"


@settings(max_examples=25, deadline=None, suppress_health_check=FUNC)
@given(st.lists(st.integers(1, 5000), min_size=2, max_size=7), st.integers(-50, 50))
def test_a_total_beside_the_lines_is_never_silently_overruled(
    tmp_path: Path, amounts: list[int], off: int
) -> None:
    stated = sum(amounts) + off
    rows: Rows = [["Expense", "Cost"], [f"Cost {0}", amounts[0], "Total", stated]]
    rows += [[f"Cost {i}", a] for i, a in enumerate(amounts[1:], start=1)]
    try:
        result = import_cost_sheet(book(tmp_path, rows))
    except BidassistError as exc:
        assert any("Sheet1" in str(p) for p in exc.problems)  # type: ignore[attr-defined]
        return
    assert off == 0 and result.model.totals.likely == stated


def test_a_quote_list_with_a_note_between_name_and_money_text_is_read(tmp_path: Path) -> None:
    rows: Rows = [["Quotation"], ["Domain name", "yearly", "12$"], ["Hosting", "shared plan", "$ 96"]]
    rows += [["Logo", "two drafts", "$ 350"]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert [ln.description for ln in result.model.lines] == ["Domain name", "Hosting", "Logo"]
    assert result.model.totals.likely == D(458)


def test_a_quote_list_with_counts_between_name_and_money_text_is_refused(tmp_path: Path) -> None:
    rows: Rows = [["Quotation"], ["Resistor", "10 pcs", "$0.50"], ["Capacitor", "20 pcs", "$0.80"]]
    rows += [["LED", "5 pcs", "$1.20"]]
    assert "Sheet1" in refusal(book(tmp_path, rows))


def test_sheets_titled_as_options_are_not_added_up_whatever_they_list(tmp_path: Path) -> None:
    a = [("Heat pump 8kW", 1, 7400.0), ("Buffer tank", 1, 900.0), ("Install", 3, 450.0)]
    b = [("Gas boiler", 1, 2100.0), ("Flue kit", 1, 240.0), ("Fitting", 2, 400.0)]
    sheets = {"Sheet1": priced(a, title="Heating, option 1"), "Sheet2": priced(b, title="Heating, option 2")}
    text = refusal(workbook(tmp_path, sheets))
    assert "titled as options" in text and '--sheet "Sheet1"' in text


def test_amounts_paid_with_a_stated_tax_and_no_total_are_imported_saying_so(tmp_path: Path) -> None:
    prices = [("Router", 1, D("129.00")), ("Patch cable", 6, D("4.50")), ("Wall plate", 3, D("7.80"))]
    rows = taxed_rows(D("0.13"), "above", prices)[:-1]  # no total row
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.reconciliation is not None and result.reconciliation.status == "no stated total"
    (message,) = warned(result, "include tax at 13 %")
    assert "no total to confirm" in message
    assert result.model.totals.likely == sum(
        ((q * p * D("1.13")).quantize(D("0.01")) for _, q, p in prices), D(0)
    )


# ---------------------------------------------------------------- stage B: a charge on one item


@pytest.mark.parametrize(
    "label", ["Mouser order import VAT", "Mouser order - shipping", "Mouser order (duty)"]
)
def test_a_tax_or_freight_row_naming_the_line_above_is_a_markup(tmp_path: Path, label: str) -> None:
    rows: Rows = [["What", "Cost", "Who"], ["Filament spool", 24, "team"], ["Mouser order", 310.4, "team"]]
    rows += [[label, 62.08, "team"], ["Buttons", 12, "team"], [], ["Total spent", 408.48]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert [ln.description for ln in result.model.lines] == ["Filament spool", "Mouser order", "Buttons"]
    assert [(m.label, m.amount) for m in result.markups] == [(label, D("62.08"))]
    assert result.reconciliation is not None and result.reconciliation.basis == "lines + markups"


def test_a_charge_on_an_item_with_its_own_quantity_stays_a_line(tmp_path: Path) -> None:
    rows: Rows = [["名称", "数量", "单价", "金额"], ["电机", 4, 200, 800], ["电机运费", 2, 40, 80]]
    rows += [["合计", None, None, 880]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert len(result.model.lines) == 2 and result.markups == []


def test_a_tax_row_naming_no_line_stays_a_line(tmp_path: Path) -> None:
    rows: Rows = [
        ["Expense", "Cost"],
        ["Rent", 1200],
        ["Property tax", 150],
        ["Insurance", 90],
        ["Total", 1440],
    ]
    result = import_cost_sheet(book(tmp_path, rows))
    assert [ln.description for ln in result.model.lines] == ["Rent", "Property tax", "Insurance"]


# ---------------------------------------------------------------- stage B: another table under the total


def test_a_table_of_other_figures_under_the_total_ends_the_list(tmp_path: Path) -> None:
    rows: Rows = [["", "Item", "Price", "Paid", "Mass"]]
    rows += [
        ["y", "Cells 21700", 58.0, 63.8, 70],
        ["y", "Copper tape", 9.5, 10.45, None],
        ["y", "Fuse", 3, 3.3, 2],
    ]
    rows += [[None, "TOTAL", None, 77.55], [], [None, "Piece", "Grams", "Count", "Total"]]
    rows += [[None, "Shell", 120, 2, 240], [None, "Lid", 40, 1, 40]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert [ln.description for ln in result.model.lines] == ["Cells 21700", "Copper tape", "Fuse"]
    assert result.model.totals.likely == D("77.55")
    assert warned(result, "another table starts here")


def test_sections_that_head_the_amount_column_again_are_read_on(tmp_path: Path) -> None:
    rows: Rows = [
        ["Craft description", "Rate", "Hours", "Total"],
        ["Joiner", 40, 10, 400],
        ["Total labour", None, None, 400],
    ]
    rows += [[], ["Materials", "Quantity", "Unit price", "Total"], ["Oak board", 12, 25, 300]]
    rows += [["Total materials", None, None, 300], ["Grand total", None, None, 700]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert result.model.totals.likely == D(700)


def test_a_price_list_with_a_tax_row_and_its_total_beside_the_first_item_is_read(tmp_path: Path) -> None:
    rows: Rows = [
        ["Component", "Price", "Price when ordered"],
        ["Servo pack", 7.5, None, "Order total:", "44.10"],
    ]
    rows += [["Wheels", "12.40"], ["Battery", 21.0], ["Tax", 3.2, 44.1]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert [ln.description for ln in result.model.lines] == ["Servo pack", "Wheels", "Battery"]
    assert [(m.label, m.amount) for m in result.markups] == [("Tax", D("3.2"))]
    assert result.reconciliation is not None and result.reconciliation.cell == "Sheet1!E2"
    assert result.reconciliation.basis == "lines + markups"


def test_money_texts_under_a_header_no_synonym_names_are_read_as_lumps(tmp_path: Path) -> None:
    rows: Rows = [["Lessons", "Fee (EUR)"], ["Week 1 - basics", "40€"], ["Week 2 - scales", "40€"]]
    rows += [["Week 3 - chords", "45 €"], ["Week 4 - recital", "60€"]]
    result = import_cost_sheet(book(tmp_path, rows))
    assert len(result.model.lines) == 4 and result.model.totals.likely == D(185)
    assert result.reconciliation is not None and result.reconciliation.status == "no stated total"


# ---------------------------------------------------------------- stage B: options within one sheet


def _block(title: str, items: list[tuple[str, float, float]]) -> Rows:
    return [[title], *priced(items)]


def test_option_sections_stacked_in_one_sheet_are_not_added_up(tmp_path: Path) -> None:
    rows = _block("Variant 1: full refit", KITCHEN) + [[]] + _block("Variant 2: light refit", KITCHEN_LEAN)
    text = refusal(book(tmp_path, rows))
    assert "Variant 1: full refit" in text and "Variant 2: light refit" in text
    assert '--map "Sheet1:first=' in text


def test_floor_sections_stacked_in_one_sheet_are_parts(tmp_path: Path) -> None:
    rows = _block("Ground floor", KITCHEN) + [[]] + _block("First floor", KITCHEN_LEAN)
    rows.append(["Grand total", None, None, 7440 + 3770])
    result = import_cost_sheet(book(tmp_path, rows))
    assert len(result.model.lines) == 10


def test_option_lists_side_by_side_are_not_added_up(tmp_path: Path) -> None:
    a, b = priced(KITCHEN), priced(KITCHEN_LEAN)
    rows: Rows = [["方案一（进口橱柜）", None, None, None, None, "方案二（国产橱柜）"]]
    rows += [ra + [None] + rb for ra, rb in zip(a, b, strict=True)]
    text = refusal(book(tmp_path, rows))
    assert "方案一（进口橱柜）" in text and "方案二（国产橱柜）" in text and "--map" in text
