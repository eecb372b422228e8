"""More kinds of real workbooks from the development corpus (benchmarks/corpora/costs, split dev,
k51-k56), each rebuilt in the shape of the real one: a robot parts list whose total sits in a 合计
column beside the header and whose numbered template rows hold 0.00 (k53), a contract BOQ whose
unlabelled total row leaves out the last item (k54), a quotation with amounts as `KSH 4,000` under
ITEM | Cost (k56), a hobby BOM with quantities such as `16/40` and amounts only (k52), and a supplier
quotation with price build-ups below its 合计 and a price-library sheet (k51)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from bidassist.core.errors import ProblemsError
from bidassist.core.money import parse_amount
from bidassist.costs import import_cost_sheet

D = Decimal


def save(wb: Workbook, tmp_path: Path, name: str = "book.xlsx") -> Path:
    path = tmp_path / name
    wb.save(path)
    return path


# ---------------------------------------------------------------- k53: a total column, nil rows

PARTS = [("V5 Robot Brain", 349, 1), ("V5 Controller", 124.99, 1), ("Inertial Sensor", 49.99, 2)]


def parts_list(tmp_path: Path, total: float, nil_rows: int = 15) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["编号", "材料", "SKU", "价格", "数量", "总价", None, "合计"])
    for i, (name, price, qty) in enumerate(PARTS, start=1):
        ws.append(
            [i, name, f"276-48{i}0", price, qty, round(price * qty, 2), None, total if i == 1 else None]
        )
    for i in range(len(PARTS) + 1, len(PARTS) + 1 + nil_rows):
        ws.append([i, None, None, None, None, 0])  # the template's quantity × price over empty cells
    return save(wb, tmp_path, "parts.xlsx")


def test_a_total_column_beside_the_table_is_the_stated_total(tmp_path: Path) -> None:
    result = import_cost_sheet(parts_list(tmp_path, 573.97))
    assert [ln.description for ln in result.model.lines] == [name for name, _, _ in PARTS]
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched"
    assert (rec.sheet_total, rec.cell) == (D("573.97"), "Sheet!H2")


def test_a_total_column_that_disagrees_is_a_difference_naming_it(tmp_path: Path) -> None:
    """The column headed 合计 with one figure is the sheet's stated total (session 14, k123): a
    figure that disagrees with the lines is a difference naming it, never a line or a choice."""
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(parts_list(tmp_path, 600.00))
    [problem] = info.value.problems
    assert problem.where == "Sheet!H2" and "stated total" in problem.message and "--map" in problem.message
    assert "573.97" in problem.message and "600.00" in problem.message


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=0, max_value=25))
def test_numbered_rows_with_a_nil_amount_are_never_lines(tmp_path: Path, nil_rows: int) -> None:
    result = import_cost_sheet(parts_list(tmp_path, 573.97, nil_rows))
    assert len(result.model.lines) == len(PARTS)
    assert result.model.totals.likely == D("573.97")


# ---------------------------------------------------------------- k54: last row of figures


def contract_boq(tmp_path: Path, *, leave_out_last: bool) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(
        ["Serial Number", "Description", "Unit", "Quantity", "Price", "Total Contract Sum", "Total Estimate"]
    )
    amounts = []
    for i, (qty, price) in enumerate([(2908.98, 409.05), (120, 797.85), (5, 3969), (5, 3969)], start=1):
        amount = float((D(str(qty)) * D(str(price))).quantize(D("0.01")))
        amounts.append(amount)
        ws.append([i, f"Concrete item {i}", "m3", qty, price, amount, 0])
    shown = sum(amounts[:-1]) if leave_out_last else sum(amounts)
    ws.append([None, None, None, None, None, round(shown, 2), 0])  # =SUBTOTAL(9, F2:F4) without a label
    return save(wb, tmp_path, "boq.xlsx")


def test_an_unlabelled_last_row_that_leaves_out_a_line_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(contract_boq(tmp_path, leave_out_last=True))
    [problem] = info.value.problems
    assert problem.where == "Sheet!F6"
    assert "stated total" in problem.message and "difference -19,845.00" in problem.message


def test_an_unlabelled_last_row_equal_to_the_lines_reconciles(tmp_path: Path) -> None:
    result = import_cost_sheet(contract_boq(tmp_path, leave_out_last=False))
    rec = result.reconciliation
    assert len(result.model.lines) == 4
    assert rec is not None and rec.status == "matched" and rec.cell == "Sheet!F6"


# ---------------------------------------------------------------- k56: currency codes, Cost


def test_item_and_cost_with_a_currency_code_before_each_figure(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["ITEM", "Cost"])
    for name, text in [
        ("APPLICATION DEVELOPMENT", "KSH 4,000"),
        ("TESTING", "KSH 2,000"),
        ("HOSTING", "KSH 2,500"),
    ]:
        ws.append([name, text])
    ws.append([])
    ws.append(["TOTAL", "KSH 8,500"])
    result = import_cost_sheet(save(wb, tmp_path))
    assert [(ln.description, ln.likely) for ln in result.model.lines] == [
        ("APPLICATION DEVELOPMENT", D(4000)),
        ("TESTING", D(2000)),
        ("HOSTING", D(2500)),
    ]
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.cell == "Sheet!B6"


@given(
    st.sampled_from(["KSH", "KES", "INR", "Rs.", "Rs", "GBP", "₹", "£", "NGN", "ZAR"]),
    st.sampled_from(["", " "]),
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
)
def test_a_currency_code_before_a_figure_is_dropped(code: str, space: str, number: Decimal) -> None:
    assert parse_amount(f"{code}{space}{number:,}") == number


@pytest.mark.parametrize("text", ["RS-485", "KSH", "GBP abc", "INR-5"])
def test_codes_that_are_not_a_currency_before_a_figure_are_not_numbers(text: str) -> None:
    with pytest.raises(ValueError):
        parse_amount(text)


# ---------------------------------------------------------------- k52: amounts only, 16/40


def test_a_quantity_that_is_not_a_number_in_a_sheet_of_amounts_is_a_note(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["循迹小车物料清单"])
    ws.append(["序号", "名称", "规格", "数量", "链接", "金额"])
    ws.append(["1", "arduino开发板", "UNO R3", 1, "https://example.invalid/1", 20.75])
    ws.append(["2", "杜邦线", "母-母 30cm", "16/40", "https://example.invalid/2", 3.5])
    ws.append(["3", "丝杆", "M3*180", "2/5", "https://example.invalid/3", 3.26])
    ws.append([None, None, None, None, None, 27.51])
    result = import_cost_sheet(save(wb, tmp_path))
    assert [(ln.description, ln.quantity, ln.likely) for ln in result.model.lines] == [
        ("arduino开发板", D(1), D("20.75")),
        ("杜邦线", D(1), D("3.5")),
        ("丝杆", D(1), D("3.26")),
    ]
    assert {w.where for w in result.warnings if "only a note" in w.message} == {"Sheet!D4", "Sheet!D5"}
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


def test_a_quantity_that_is_not_a_number_beside_a_unit_price_is_still_an_error(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["名称", "数量", "单价", "金额"])
    ws.append(["杜邦线", "16/40", 0.2, 3.5])
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(save(wb, tmp_path))
    assert any(p.where == "Sheet!B2" and "16/40" in p.message for p in info.value.problems)


# ---------------------------------------------------------------- k51: build-ups below, library


def quotation(tmp_path: Path, total: float) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "ABB (2)"
    ws.append(["产 品 报 价 单"])
    ws.append(["序号", "名    称", "型    号", "单位", "数量", "单价(元)", "金额(元)"])
    ws.append([1, "低压出线柜", "GCS", "台", 12, 39861, 478332])
    for i in range(2, 6):
        ws.append([i])
    ws.append(["合计", 478332, None, None, None, None, total])
    ws.append(["报价备注", "1、以上报价含13%增值税，含运费；"])
    ws.append(["报 价 明 细 表"])
    ws.append(["序号", "名      称", "型      号", "数量(只)", "单价(元)", "金额(元)", "产地/品牌"])
    parts = [("塑壳断路器", "XT1N160", 1, 444, "ABB"), ("电流互感器", "SDH-0.66", 15, 28, "宁波/天灵")]
    for i, (name, model, qty, price, brand) in enumerate(parts, start=1):
        ws.append([i, name, model, qty, price, qty * price, brand])
    ws.append([3, "铜排", "TMY-4", None, None, 10685, "江西/金来"])
    ws.append([4, "成套费（组装费、企业管理费、税收、利润等）", None, None, None, None, "宁波/海越"])
    ws.append([5, "合计", None, None, None, 11549])
    lib = wb.create_sheet("库")
    lib.append(["型号", "名称", "单价", "产地/厂家"])
    for i in range(40):
        lib.append([f"3AE-{i}", "真空断路器", 27800 + i, "西门子"])
    return save(wb, tmp_path, "quote.xlsx")


def test_build_ups_below_a_reconciled_quotation_and_a_price_library_are_not_lines(tmp_path: Path) -> None:
    result = import_cost_sheet(quotation(tmp_path, 478332))
    assert [(ln.description, ln.quantity, ln.likely) for ln in result.model.lines] == [
        ("低压出线柜", D(12), D(39861))
    ]
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.cell == "'ABB (2)'!G8"
    ends = [w for w in result.warnings if "another table starts here" in w.message]
    assert [w.where for w in ends] == ["'ABB (2)'!A11"] and "header=11" in ends[0].message
    assert any(w.where == "库" and "price list" in w.message for w in result.warnings)


def test_build_ups_below_a_quotation_whose_total_disagrees_are_not_set_aside(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(quotation(tmp_path, 500000))
    assert all("another table" not in p.message for p in info.value.problems)
    assert info.value.problems
