"""Sheets that state no total (no 合计, no 汇总 sheet): nothing in the workbook can contradict the
import, so it must be sure of its lines or refuse naming the sheet, the cells and the fix. Each
layout is rebuilt with openpyxl from the kind of real workbook it came from."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from bidassist.cli.app import main
from bidassist.core.errors import ProblemsError
from bidassist.costs import import_cost_sheet

D = Decimal


def save(wb: Workbook, tmp_path: Path, name: str = "book.xlsx") -> Path:
    path = tmp_path / name
    wb.save(path)
    return path


def refusal(path: Path) -> list:
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(path)
    return info.value.problems


def test_clean_sheet_without_total_imports_and_says_so(tmp_path: Path, capsys) -> None:
    """A supplier's price list (名称 | 单位 | 数量 | 单价 | 金额) with no 合计 row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "报价"
    ws.append(["名称", "单位", "数量", "单价", "金额"])
    ws.append(["风机盘管", "台", 10, 3200, 32000])
    ws.append(["镀锌风管", "m2", 120, 95.5, 11460])
    path = save(wb, tmp_path)
    result = import_cost_sheet(path)
    assert result.model.totals.likely == D("43460.00")
    rec = result.reconciliation
    assert rec is not None and rec.status == "no stated total" and rec.sheet_total is None
    assert "no sheet states a total" in rec.basis
    with pytest.raises(SystemExit) as info:
        main(["costs", "import", str(path)])
    assert info.value.code == 0
    assert "NO STATED TOTAL" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["costs", "import", str(path), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["reconciliation"]["status"] == "no stated total"
    assert data["reconciliation"]["sheet_total"] is None


def test_amounts_with_tax_disagreeing_on_many_rows_are_refused(tmp_path: Path) -> None:
    """A quote whose 金额 column includes 13 % VAT while 单价 does not, and no total to tell which is
    the cost: the import cannot know which figure to use."""
    wb = Workbook()
    ws = wb.active
    ws.title = "设备报价"
    ws.append(["序号", "设备名称", "单位", "数量", "单价", "金额"])
    for i, (qty, price) in enumerate([(2, 1000), (5, 240), (1, 18000)], start=1):
        ws.append([i, f"设备{i}", "台", qty, price, round(qty * price * 1.13, 2)])
    path = save(wb, tmp_path)
    [problem] = refusal(path)
    assert problem.where == "设备报价!F2"
    assert "设备报价 states no total" in problem.message
    assert (
        "3 line(s) have an amount ≠ quantity × unit price (设备报价!F2, 设备报价!F3, 设备报价!F4"
        in problem.message
    )
    assert '--map "设备报价:' in problem.message and "--accept-difference" in problem.message
    accepted = import_cost_sheet(path, accept_difference=True)
    assert accepted.model.totals.likely == D("21200.00")
    assert any("accepted (--accept-difference)" in w.message for w in accepted.warnings)


def test_amount_rounding_without_total_is_not_a_doubt(tmp_path: Path) -> None:
    """Amounts rounded to the cent (3 × 33.333 = 99.999 → 100.00) are the same money."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Description", "Qty", "Rate", "Amount"])
    ws.append(["Labour", 3, 33.333, 100.00])
    ws.append(["Cable", 7, 1.4285, 10.00])
    result = import_cost_sheet(save(wb, tmp_path))
    assert len(result.model.lines) == 2 and result.reconciliation.status == "no stated total"


def test_subtotal_that_differs_from_its_lines_without_a_grand_total(tmp_path: Path) -> None:
    """分部小计 rows and no 合计: a 小计 that is not the sum of its lines means a lost or misread row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "清单"
    ws.append(["项目编码", "项目名称", "单位", "工程量", "综合单价", "合价"])
    ws.append(["一、", "土建工程"])
    ws.append(["010101001001", "平整场地", "m2", 100, 2.5, 250])
    ws.append(["010101002001", "挖土方", "m3", 40, 30, 1200])
    ws.append([None, "小计", None, None, None, 1450])
    ws.append(["二、", "安装工程"])
    ws.append(["030411001001", "配管", "m", 200, 12, 2400])
    ws.append([None, "小计", None, None, None, 2800])  # the row of 400 was deleted, the 小计 kept
    path = save(wb, tmp_path)
    [problem] = refusal(path)
    assert problem.where == "清单!F8"
    assert "清单 states no total" in problem.message and "1 subtotal(s) differ" in problem.message
    assert "2,800.00 ≠ 2,400.00" in problem.message
    assert '--map "清单:first=ROW,last=ROW"' in problem.message


def test_subheading_with_an_amount_of_its_own_is_not_dropped_silently(tmp_path: Path) -> None:
    """A lettered sub-heading that carries a lump amount which is not the sum of the lines under it
    (「A. 临时设施 … 50,000」): it was read as a heading and its money lost."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Estimate"
    ws.append(["Item", "Description", "Unit", "Qty", "Rate", "Amount"])
    ws.append(["1.", "Civil works"])
    ws.append(["1.1", "Excavation", "cum", 100, 20, 2000])
    ws.append(["A.", "Temporary facilities (lump)", None, None, None, 50000])
    ws.append(["1.2", "Concrete", "cum", 10, 500, 5000])
    path = save(wb, tmp_path)
    [problem] = refusal(path)
    assert problem.where == "Estimate!A4"
    assert "hold figures but were not read as lines (rows 4)" in problem.message


def test_hidden_priced_row_without_total_is_refused(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Costs"
    ws.append(["Description", "Qty", "Unit price", "Amount"])
    ws.append(["Pump", 2, 1500, 3000])
    ws.append(["Valve", 10, 80, 800])
    ws.append(["Motor", 1, 900, 900])
    ws.row_dimensions[3].hidden = True
    path = save(wb, tmp_path)
    [problem] = refusal(path)
    assert problem.where == "Costs!A3" and "1 row(s)" in problem.message
    result = import_cost_sheet(path, accept_difference=True)
    assert len(result.model.lines) == 2


def test_hidden_row_under_a_matching_total_imports(tmp_path: Path) -> None:
    """The same hidden row when the sheet's 合计 leaves it out: the total settles it."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Description", "Qty", "Unit price", "Amount"])
    ws.append(["Pump", 2, 1500, 3000])
    ws.append(["Valve", 10, 80, 800])
    ws.append(["Motor", 1, 900, 900])
    ws.append(["合计", None, None, 3900])
    ws.row_dimensions[3].hidden = True
    result = import_cost_sheet(save(wb, tmp_path))
    assert result.reconciliation.status == "matched" and len(result.model.lines) == 2


def test_two_amount_columns_with_other_figures_are_refused(tmp_path: Path) -> None:
    """金额 (before tax) and 合价 (after tax) both read as amount: the second was ignored silently."""
    wb = Workbook()
    ws = wb.active
    ws.title = "询价"
    ws.append(["名称", "数量", "金额", "合价"])
    ws.append(["钢管", 10, 500, 565])
    ws.append(["阀门", 4, 800, 904])
    path = save(wb, tmp_path)
    [problem] = refusal(path)
    assert problem.where == "询价!C2" and "询价!D2" in problem.message
    assert '--map "询价:amount=LETTER"' in problem.message
    assert import_cost_sheet(path, mapping="amount=D").model.totals.likely == D("1469.00")


def test_two_amount_columns_with_the_same_figures_import(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["名称", "数量", "金额", "合价"])
    ws.append(["钢管", 10, 500, 500])
    result = import_cost_sheet(save(wb, tmp_path))
    assert result.model.totals.likely == D("500.00")


def test_priced_sheet_skipped_by_its_name_is_not_lost_silently(tmp_path: Path) -> None:
    """A 工程量计算 sheet that is in fact priced, beside a cost sheet, and no total anywhere."""
    wb = Workbook()
    ws = wb.active
    ws.title = "清单"
    ws.append(["名称", "单位", "数量", "单价", "合价"])
    ws.append(["水泵", "台", 2, 1500, 3000])
    calc = wb.create_sheet("工程量计算表")
    calc.append(["名称", "数量", "单价", "合价"])
    calc.append(["管道", 100, 30, 3000])
    path = save(wb, tmp_path)
    [problem] = refusal(path)
    assert problem.where == "工程量计算表"
    assert "sheet skipped as measurement" in problem.message and '--sheet "工程量计算表"' in problem.message
    assert import_cost_sheet(path, accept_difference=True).model.totals.likely == D("3000.00")


def test_stacked_blocks_with_unpriced_rows_and_a_vendor_list(tmp_path: Path) -> None:
    """A contractor's BOQ (new dev k41's shape): systems stacked in one sheet, each with its header
    and TOTAL, rates written " N/A " on unpriced rows whose amount formula gives 0, and a vendor's
    price list (rates, no quantities, nil amounts) under the last block."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["IT SERVICES"])
    ws.append(["Sr.No ", "Particulars", "Unit ", "QTY", "Rate Rs", "Amount Rs"])
    ws.append([1, "Access point", "EACH", 10, 7800, 78000])
    ws.append([2, "UTM firewall", "EACH", 1, " N/A ", 0])
    ws.append(["TOTAL", None, None, None, None, 78000])
    ws.append([])
    ws.append(["CCTV SYSTEM"])
    ws.append(["Sr.No ", "Particulars", "Unit ", "QTY", "Rate Rs", None])
    ws.append([1, "Fibre cable", "METER", 2000, 40, 80000])
    ws.append([2, "Patch cord", "EACH", 30, None, 0])
    ws.append(["Total", None, None, None, None, 80000])
    ws.append([])
    ws.append(["Description from vendor"])
    ws.append(["Sr.No ", "Particulars", "Unit", "QTY", "Rate Rs", "Amount Rs"])
    ws.append([1, "5x5 Mounting Box", None, None, 45, 0])
    ws.append([2, "300P DP box", None, None, 2000, 0])
    result = import_cost_sheet(save(wb, tmp_path))
    assert [(ln.description, ln.likely) for ln in result.model.lines] == [
        ("Access point", D(7800)),
        ("UTM firewall", D(0)),
        ("Fibre cable", D(40)),
        ("Patch cord", D(0)),
    ]
    assert result.model.totals.likely == D("158000.00")
    assert result.reconciliation.status == "matched"


def test_quotation_with_a_units_row_under_the_header_and_no_total(tmp_path: Path) -> None:
    """A supplier quotation (new dev k43's shape): a units row under the header (`In Nos.` under
    Qty.), `Rate/Nos.` as the rate, a weight column before the quantity, numbered item headings with
    specification text, priced `Size:-` rows, no total."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Sr. No.", "Item Description", "Wt./Kg. ", "Qty.", "Rate/Nos.", "Total Amount."])
    ws.append([None, None, "(+/- 3%)", "In Nos.", "In Rs.", "In Rs."])
    ws.append([])
    ws.append([1])
    ws.append([None, "The panel shall be manufactured from angle of size 50x50x5mm."])
    ws.append([None, "Size:-1250mm x 1000mm.", 56, 130, 3584, 465920])
    ws.append([None, "Size:-1250mm x 500mm.", 32.5, 20, 2080, 41600])
    result = import_cost_sheet(save(wb, tmp_path))
    assert [(ln.quantity, ln.likely) for ln in result.model.lines] == [(D(130), D(3584)), (D(20), D(2080))]
    assert result.reconciliation.status == "no stated total"


def test_unlabelled_total_in_a_row_carrying_the_next_number(tmp_path: Path) -> None:
    """A small BOM (new dev k45's shape): price before quantity, the total 55.68 in a row whose 序号
    is 11, then rows holding only 序号 12, 13 …"""
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "名称", "型号", "单价", "数量", "总价"])
    ws.append([1, "投影机镜头", "4.3寸", 15, 1, 15])
    ws.append([2, "COB 灯珠", "7W", 4, 10, 40])
    ws.append([3, "电池弹簧片", "18.5mm", 0.34, 2, 0.68])
    ws.append([4, None, None, None, None, 55.68])
    ws.append([5])
    ws.append([6])
    result = import_cost_sheet(save(wb, tmp_path))
    assert len(result.model.lines) == 3 and result.model.totals.likely == D("55.68")
    rec = result.reconciliation
    assert rec.status == "matched" and rec.cell == "Sheet!F5"


def test_json_output_stays_json_when_there_are_warnings(tmp_path: Path, capsys) -> None:
    """`--format json` printed the last warning instead of the JSON (new dev k44: exit 0, a text
    line on stdout)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Costs"
    ws.append(["Description", "Qty", "Unit price", "Amount"])
    ws.append(["Duct", 10, 5, 60])
    path = save(wb, tmp_path)
    with pytest.raises(SystemExit) as info:
        main(["costs", "import", str(path), "--format", "json", "--accept-difference"])
    assert info.value.code == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["reconciliation"]["status"] == "no stated total" and len(data["lines"]) == 1
    assert "warning:" in captured.err
