"""Cost sheet import: real workbooks built here with openpyxl, exact lines, categories and totals."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from bidassist.core.errors import InputError, ProblemsError
from bidassist.costs import import_cost_sheet

D = Decimal


def save(wb: Workbook, tmp_path: Path, name: str = "costs.xlsx") -> Path:
    path = tmp_path / name
    wb.save(path)
    return path


def bill_of_quantities(tmp_path: Path, *, subtotal_equip: float = 1_036_000) -> Path:
    """A Chinese 工程量清单-style sheet: title block, two-row merged header, section rows,
    subtotals and a grand total, all stored as values."""
    wb = Workbook()
    ws = wb.active
    ws.title = "清单"
    ws.merge_cells("A1:I1")
    ws["A1"] = "某医院净化空调工程 工程量清单"
    ws["A2"] = "编制单位：某公司"
    ws["G2"] = "日期：2026-11-20"
    for col, text in enumerate(
        ["序号", "项目名称", "单位", "数量", "单价（元）", None, None, "合价（元）", "类别"], start=1
    ):
        ws.cell(row=3, column=col, value=text)
    ws["E4"], ws["F4"], ws["G4"] = "最低", "最可能", "最高"
    for letter in "ABCDHI":
        ws.merge_cells(f"{letter}3:{letter}4")
    ws.merge_cells("E3:G3")
    rows = [
        ["一", "设备购置"],
        ["1.1", "组合式空调机组", "台", 2, 250000, 268000, 295000, 536000, None],
        ["1.2", "新风机组", "台", 5, None, 100000, None, 500000, None],
        [None, "小计", None, None, None, None, None, subtotal_equip],
        ["二", "主要材料"],
        ["2.1", "镀锌钢板风管", "m²", "1,200", None, "¥118.50", None, 142200, "材料"],
        ["2.2", "紫铜管", "m", 300, 56, 62.5, 78, 18750, None],
        [None, "小计", None, None, None, None, None, 160950],
        [None, "合计", None, None, None, None, None, 1196950],
    ]
    for row in rows:
        ws.append(row)
    return save(wb, tmp_path)


def test_bill_of_quantities_lines_categories_totals(tmp_path: Path) -> None:
    result = import_cost_sheet(bill_of_quantities(tmp_path), spread={"设备": {"low": "-3%", "high": "8%"}})
    lines = result.model.lines
    assert [
        (
            ln.code,
            ln.description,
            ln.unit,
            ln.quantity,
            ln.low,
            ln.likely,
            ln.high,
            ln.distribution,
            ln.category,
            ln.source,
        )
        for ln in lines
    ] == [
        ("1.1", "组合式空调机组", "台", D(2), D(250000), D(268000), D(295000), "pert", "设备购置", "清单!A6"),
        (
            "1.2",
            "新风机组",
            "台",
            D(5),
            D("97000.00"),
            D(100000),
            D("108000.00"),
            "pert",
            "设备购置",
            "清单!A7",
        ),
        (
            "2.1",
            "镀锌钢板风管",
            "m²",
            D(1200),
            D("118.50"),
            D("118.50"),
            D("118.50"),
            "fixed",
            "材料",
            "清单!A10",
        ),
        ("2.2", "紫铜管", "m", D(300), D(56), D("62.5"), D(78), "pert", "主要材料", "清单!A11"),
    ]
    totals = result.model.totals
    assert (totals.low, totals.likely, totals.high) == (D("1144000.00"), D("1196950.00"), D("1295600.00"))
    assert result.warnings == []


def test_subtotal_mismatch_is_a_warning_naming_both_cells(tmp_path: Path) -> None:
    result = import_cost_sheet(bill_of_quantities(tmp_path, subtotal_equip=1_000_000))
    assert [(w.where, w.message) for w in result.warnings] == [
        ("清单!H8", "小计 1,000,000.00 ≠ 1,036,000.00, the sum of its 2 line(s) 清单!H6:H7")
    ]
    assert len(result.model.lines) == 4


def test_json_shape_amounts_as_strings(tmp_path: Path) -> None:
    data = import_cost_sheet(bill_of_quantities(tmp_path, subtotal_equip=1)).to_json()
    assert set(data) == {
        "lines",
        "currency",
        "totals",
        "warnings",
        "markups",
        "pricing_offer",
        "sheets",
        "reconciliation",
    }
    assert data["reconciliation"] == {
        "status": "matched",
        "sheet_total": "1196950",
        "imported": "1196950.00",
        "difference": "0.00",
        "cell": "清单!H13",
        "basis": "lines",
    }
    assert data["sheets"] == [{"name": "清单", "role": "cost detail", "used": True, "reason": "", "lines": 4}]
    assert set(data["lines"][0]) == {
        "code",
        "description",
        "unit",
        "quantity",
        "low",
        "likely",
        "high",
        "distribution",
        "category",
        "source",
    }
    assert data["lines"][2]["likely"] == "118.50" and data["lines"][2]["quantity"] == "1200"
    assert data["totals"] == {"low": "1159000.00", "likely": "1196950.00", "high": "1255600.00"}
    assert data["warnings"][0]["cell"] == "清单!H8"
    json.dumps(data)  # serialisable as is


def ten_bad_cells(tmp_path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Costs"
    ws.append(["Code", "Description", "Unit", "Quantity", "Low", "Likely", "High", "Distribution", "Risk"])
    ws.append(["A1", "ok line", "pc", 1, 1, 2, 3, "pert", "no"])
    ws.append(["A2", "comma typo", "pc", "12,5O", None, 10, None, None, None])  # D3
    ws.append(["A3", "word price", "pc", 1, None, "abc", None, None, None])  # F4
    ws.append(["A4", "negative qty", "pc", -2, None, 10, None, None, None])  # D5
    ws.append(["A5", "low above", "pc", 1, 12, 10, 15, None, None])  # E6
    ws.append(["A6", None, "pc", 1, None, 10, None, None, None])  # B7
    ws.append(["A7", "bad dist", "pc", 1, 9, 10, 11, "normal", None])  # H8
    ws.append(["A8", "fixed range", "pc", 1, 9, 10, 11, "fixed", None])  # H9
    ws.append(["A9", "date qty", "pc", None, None, 10, None, None, None])  # D10 (date)
    ws.append(["A10", "percent price", "pc", 1, None, "15%", None, None, None])  # F11
    ws.append(["A11", "bad risk", "pc", 1, None, 10, None, None, "maybe"])  # I12
    import datetime as dt

    ws["D10"] = dt.date(2024, 1, 2)
    return save(wb, tmp_path)


def test_ten_bad_cells_all_reported_in_one_run(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(ten_bad_cells(tmp_path))
    found = {p.where: p.message for p in info.value.problems}
    assert set(found) == {
        "Costs!D3",
        "Costs!F4",
        "Costs!D5",
        "Costs!E6",
        "Costs!B7",
        "Costs!H8",
        "Costs!H9",
        "Costs!D10",
        "Costs!F11",
        "Costs!I12",
    }
    assert found["Costs!D3"].startswith('quantity "12,5O" is not a number')
    assert found["Costs!F4"] == 'likely "abc" is not a number'
    assert "negative" in found["Costs!D5"]
    assert "low 12 is above likely 10" in found["Costs!E6"]
    assert found["Costs!B7"] == "description is empty"
    assert "normal" in found["Costs!H8"]
    assert "fixed needs low = likely = high" in found["Costs!H9"]
    assert "date" in found["Costs!D10"]
    assert "percentage" in found["Costs!F11"]
    assert "yes/no" in found["Costs!I12"]


def test_numbers_as_text_hidden_rows_blank_rows(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Costs"
    ws.append(["项目名称", "单位", "工程量", "综合单价(元)", "金额(元)"])
    ws.append(["钢管", "m", "１２", "¥1,234.50", "14,814.00"])  # full-width digits
    ws.append([])
    ws.append(["阀门", "个", 3, "1.2万", 36000])
    ws.append(["隐藏的行", "个", 1, 999, 999])
    ws.row_dimensions[5].hidden = True
    ws.append(["损耗", "项", "13%", 100, 13])  # a percentage quantity (税率 would be a VAT markup)
    path = save(wb, tmp_path)
    # no stated total says whether the hidden priced row counts: refused until accepted
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(path)
    assert [p.where for p in info.value.problems] == ["Costs!A5"]
    result = import_cost_sheet(path, accept_difference=True)
    assert [(ln.description, ln.quantity, ln.likely) for ln in result.model.lines] == [
        ("钢管", D(12), D("1234.50")),
        ("阀门", D(3), D(12000)),
        ("损耗", D("0.13"), D(100)),
    ]
    assert [w.where for w in result.warnings] == ["Costs!A5", "Costs!A5"]
    assert result.warnings[0].message == "hidden row skipped (unhide it to import it)"


def test_amount_check_names_cells_and_refuses_without_a_stated_total(tmp_path: Path) -> None:
    """No total on the sheet decides between 60 (the amount cell) and 10 × 5: an error, unless the
    user accepts quantity × unit price; then a warning naming both cells."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Costs"
    ws.append(["Description", "Unit", "Qty", "Unit price (USD)", "Amount (USD)"])
    ws.append(["Duct", "m2", 10, 5, 60])
    path = save(wb, tmp_path)
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(path)
    [problem] = info.value.problems
    assert problem.where == "Costs!E2"
    assert "states no total" in problem.message and "--accept-difference" in problem.message
    result = import_cost_sheet(path, accept_difference=True)
    assert result.model.totals.likely == Decimal("50.00")
    assert ("Costs!E2", "amount 60.00 ≠ quantity × unit price = 50.00 (C2 × D2)") in [
        (w.where, w.message) for w in result.warnings
    ]


def test_formula_without_cached_value_is_an_error_with_the_fix(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Costs"
    ws.append(["Description", "Quantity", "Unit price", "Amount"])
    ws.append(["Duct", 10, 5, "=B2*C2"])
    ws.append(["Pipe", "=1+1", 5, 10])
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(save(wb, tmp_path))
    problems = info.value.problems
    assert [p.where for p in problems] == ["Costs!D2", "Costs!B3"]
    assert '"=B2*C2" has no saved value' in problems[0].message
    assert "open it in Excel/WPS/LibreOffice and save it" in problems[0].message


def test_explicit_mapping_for_unrecognised_headers(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["foo", "bar", "baz", "qux"])
    ws.append(["X-1", "Thing one", 4, 2.5])
    ws.append(["X-2", "Thing two", 1, 10])
    path = save(wb, tmp_path)
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(path)
    assert info.value.problems[0].where == "Data" and "--map" in info.value.problems[0].message
    result = import_cost_sheet(path, mapping="code=A,description=B,quantity=C,price=D,header=1")
    assert [(ln.code, ln.quantity, ln.likely, ln.source) for ln in result.model.lines] == [
        ("X-1", D(4), D("2.5"), "Data!A2"),
        ("X-2", D(1), D(10), "Data!A3"),
    ]
    with pytest.raises(InputError, match="unknown field 'qty'"):
        import_cost_sheet(path, mapping="qty=C")


def test_several_sheets_and_sheet_option(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "说明"
    ws["A1"] = "本表为成本测算"
    for name, price in (("设备", 100), ("Labour costs", 50)):
        s = wb.create_sheet(name)
        s.append(["Description", "Quantity", "Unit price"])
        s.append([f"{name} item", 2, price])
    path = save(wb, tmp_path)
    result = import_cost_sheet(path)
    assert [ln.source for ln in result.model.lines] == ["设备!A2", "'Labour costs'!A2"]
    assert result.model.totals.likely == D("300.00")
    one = import_cost_sheet(path, sheet="Labour costs")
    assert [ln.description for ln in one.model.lines] == ["Labour costs item"]
    with pytest.raises(InputError, match="no sheet named 'Nope'"):
        import_cost_sheet(path, sheet="Nope")


def test_csv_import(tmp_path: Path) -> None:
    path = tmp_path / "costs.csv"
    path.write_text(
        '序号,名称,单位,数量,单价\n1,风管,m2,"1,000",118.5\n2,人工,工日,10,400\n', encoding="gb18030"
    )
    result = import_cost_sheet(path)
    assert [(ln.code, ln.description, ln.quantity, ln.likely, ln.source) for ln in result.model.lines] == [
        ("1", "风管", D(1000), D("118.5"), "costs!A2"),
        ("2", "人工", D(10), D(400), "costs!A3"),
    ]


def test_empty_sheet_and_no_header(tmp_path: Path) -> None:
    wb = Workbook()
    path = save(wb, tmp_path, "empty.xlsx")
    with pytest.raises(ProblemsError, match="the sheet is empty"):
        import_cost_sheet(path)
    wb = Workbook()
    wb.active.append(["just", "some", "words"])
    with pytest.raises(ProblemsError, match="no cost table found"):
        import_cost_sheet(save(wb, tmp_path, "words.xlsx"))


def test_bundled_example_imports() -> None:
    path = Path(__file__).resolve().parents[2] / "bidassist" / "examples" / "hospital" / "costs.xlsx"
    result = import_cost_sheet(path)
    assert result.warnings == []
    cats = {ln.category for ln in result.model.lines}
    assert cats == {"设备", "材料", "人工", "其他"}
    assert 30 <= len(result.model.lines) <= 45
    assert D("7500000") <= result.model.totals.likely <= D("8000000")
