"""Kinds of real workbooks from the development corpus (benchmarks/corpora/costs, split dev) that
imported wrong or were refused, each rebuilt here in the shape of the real one: a design-fee quote
whose figures are text with their units (k29), a rental quote whose amount is the row's 合计 after
partial amounts and whose only total is a 小计 (k10), a WBS BOQ whose TOTAL column is the all-in rate
(k24), a home budget with unpriced rows and a second name column (k13)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from bidassist.core.errors import ProblemsError
from bidassist.costs import import_cost_sheet
from bidassist.costs.values import quantity_with_unit

D = Decimal

# k29 (LiebeChan/shihe-design 报价明细.xlsx, a CSV under an .xlsx name): every figure carries a unit
DESIGN_FEE = """设计费报价明细

序号,区域,设计面积,单价,设计费,备注
1,商场公区,1.9万㎡,120元/㎡,228.0万,旧改 2个中庭
2,办公公区,1.5万㎡,60元/㎡,90.0万,大堂、标准层、卫生间
3,街区公区,0.7万㎡,50元/㎡,35.0万,室外街 景观节点
4,招商中心,500㎡,500元/㎡,25.0万,含软装设计
,合计,4.15万㎡,,{total},


谈判底线
首轮报价,378万,
可接受价,300万,7.9折
底线价格,260万,6.9折
"""


def write(tmp_path: Path, text: str, name: str = "quote.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_text_figures_with_units_reconcile_with_the_total_row(tmp_path: Path) -> None:
    result = import_cost_sheet(write(tmp_path, DESIGN_FEE.format(total="378.0万")))
    lines = result.model.lines
    assert [(ln.description, ln.quantity, ln.unit, ln.likely) for ln in lines] == [
        ("商场公区", D(19000), "m2", D(120)),
        ("办公公区", D(15000), "m2", D(60)),
        ("街区公区", D(7000), "m2", D(50)),
        ("招商中心", D(500), "m2", D(500)),
    ]
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched"
    assert (rec.sheet_total, rec.imported, rec.cell) == (D(3780000), D("3780000.00"), "quote!E8")
    # the negotiation notes under the total are outside the table, named as such
    assert [w.where for w in result.warnings] == ["quote!C13", "quote!C14"]
    assert all("7.9折" in w.message or "6.9折" in w.message for w in result.warnings)
    assert all("the sheet's total quote!E8 agrees" in w.message for w in result.warnings)


def test_a_total_row_that_disagrees_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(write(tmp_path, DESIGN_FEE.format(total="388.0万")))
    [problem] = [p for p in info.value.problems if p.where == "quote!E8"]
    assert "3,880,000.00" in problem.message and "3,780,000.00" in problem.message
    # the notes below a total that does not reconcile are errors too: nothing vouches for the table
    assert {p.where for p in info.value.problems} >= {"quote!C13", "quote!C14"}


def test_a_total_in_an_unknown_column_is_still_read_as_text(tmp_path: Path) -> None:
    """The original silent error: no quantity column and no amount column recognised, every line
    1 × its rate (730 in all) and the 合计 row's text figure unread: now the text figure is the
    stated total and the difference is an error."""
    text = DESIGN_FEE.format(total="378.0万").replace("设计面积", "规模").replace("设计费", "报价")
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(write(tmp_path, text))
    messages = " ".join(p.message for p in info.value.problems)
    assert "3,780,000.00" in messages and "730.00" in messages


def test_a_quantity_unit_that_contradicts_the_unit_column_is_an_error(tmp_path: Path) -> None:
    text = "名称,单位,数量,单价,合价\n地砖,套,12㎡,10,120\n,合计,,,120\n"
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(write(tmp_path, text))
    [problem] = info.value.problems
    assert problem.where == "quote!C2" and "m2" in problem.message and "套" in problem.message


@given(
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["㎡", "m", "个", "套", "boxes", "sqm", "台"]),
    st.sampled_from(["", " "]),
    st.booleans(),
)
def test_quantity_with_unit_reads_the_number_and_the_unit(
    number: Decimal, unit: str, space: str, wan: bool
) -> None:
    text = f"{number}{'万' if wan else ''}{space}{unit}"
    found = quantity_with_unit(text)
    assert found is not None
    value, read_unit = found
    assert value == number * (10_000 if wan else 1)
    assert read_unit == ("m2" if unit == "㎡" else unit)


@pytest.mark.parametrize("text", ["30元", "（约）30", "约30", "120元/㎡", "12%", "若干", "7.9折", "1,2,3个"])
def test_money_rates_and_guesses_are_not_quantities_with_units(text: str) -> None:
    assert quantity_with_unit(text) is None


def save(wb: Workbook, tmp_path: Path, name: str = "book.xlsx") -> Path:
    path = tmp_path / name
    wb.save(path)
    return path


def rental_quote(tmp_path: Path) -> Path:
    """k10 (sikekidu/baojiacesuan): a rental quote whose header spans two rows, three quantity
    columns (初始/推进/合计用量), a monthly rate, partial amounts (租费合价, 一次性合价, 物流运输费)
    and the row's 合计; an item whose name is merged across the category and name columns; the only
    total a 小计（含税）; a logistics sheet whose 合计 is the 物流运输费 column of that 小计 row; a
    base price table looked up by a 查询 key."""
    wb = Workbook()
    ws = wb.active
    ws.title = "物资清单"
    ws.append(["地铁隧道物资清单"])
    ws.append(
        [
            "大类",
            "名称",
            "计量单位",
            "初始用量",
            "合计用量",
            "月租赁单价",
            "租费合价",
            "一次性合价",
            "物流运输费",
            "合计",
        ]
    )
    ws.append(["行车设备", "行车32吨", "台", 0, 1, 32000, 192000, 0, 64000, 256000])
    ws.append(["轨道", "轨道43kg", "米", 500, 4363, 6, 84816.72, 0, 104400, 189216.72])
    ws.append(["负环管片", "钢管片", "项", 0, 0, 0, 0, 0, 0, 0])
    ws.append(["其他物资", None, None, None, None, None, None, None, 127800, 127800])
    ws.merge_cells("A6:C6")
    ws.append(["小计（含税）", None, None, None, None, None, 276816.72, 0, 296200, 573016.72])
    logistics = wb.create_sheet("物流运输清单")
    logistics.append(["序号", "商品", "数量", "计量单位", "小计重量（kg）", "小计（立方）", "金额"])
    logistics.append([1, "行车32T", 1, "台", 120000, 840, 64000])
    logistics.append([2, "轨道43kg", 4363, "米", 206570.9, 104.9, 104400])
    logistics.append([3, "其他物资", 1, "批", 500000, 2520, 127800])
    logistics.append([None, "合计", None, None, 826570.9, 3464.9, 296200])
    base = wb.create_sheet("行车运输表")
    base.append(["地区", "类型", "查询", "安拆装", "小计"])
    base.append(["上海地区", "门式32T", "上海地区门式32T", 177000, 260000])
    base.append(["南京地区", "门式32T", "南京地区门式32T", 198000, 281000])
    return save(wb, tmp_path, "rental.xlsx")


def test_rental_quote_takes_the_rows_total_and_sets_supporting_sheets_aside(tmp_path: Path) -> None:
    result = import_cost_sheet(rental_quote(tmp_path))
    lines = result.model.lines
    assert [(ln.description, ln.quantity, ln.likely, ln.category) for ln in lines] == [
        ("行车32吨", D(1), D(256000), "行车设备"),
        ("轨道43kg", D(4363), D("189216.72") / D(4363), "轨道"),
        ("钢管片", D(0), D(0), "负环管片"),
        ("其他物资", D(1), D(127800), "其他物资"),
    ]
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.cell == "物资清单!J7"
    assert rec.imported == D("573016.72")
    roles = {s.name: (s.role, s.reason) for s in result.sheets}
    assert roles["物资清单"][0] == "cost detail"
    assert roles["物流运输清单"][0] == "analysis" and "物资清单!I7" in roles["物流运输清单"][1]
    assert roles["行车运输表"][0] == "analysis"


def test_weights_and_volumes_are_not_money() -> None:
    from bidassist.costs.headers import classify_header

    assert classify_header("小计重量（kg）")[0] == "notes"
    assert classify_header("小计（立方）")[0] == "notes"
    assert classify_header("小计（元）")[0] == "amount"
    assert classify_header("设计费")[0] == "amount"
    assert classify_header("设计面积")[0] == "quantity"
    assert classify_header("合计用量") == ("quantity", "合计用量")


def test_wbs_boq_total_column_is_the_all_in_rate(tmp_path: Path) -> None:
    """k24 (Suzanoo/BOQ BOQ2.xlsx): MAT. | LAB. | TOTAL | AMOUNT, TOTAL = MAT. + LAB.; lines with
    QTY 0 and AMOUNT 0; an unlabelled total under AMOUNT."""
    wb = Workbook()
    ws = wb.active
    ws.title = "SUB-L10"
    ws.append([None, "WBS_1", "DESCRIPTION", "UNIT", "QTY", "MAT.", "LAB.", "TOTAL", "AMOUNT"])
    ws.append([None, "STRUCTURE", "1.00m dia. pile cut-off.", "No.", 106, 335, 1730, 2065, 218890])
    ws.append([None, "STRUCTURE", "Existing grade compaction", "M2", 0, 0, 35, 35, 0])
    ws.append([None, "STRUCTURE", "Compacted sand", "M2", 820, 95, 15, 110, 90200])
    ws.append([None, "STRUCTURE", "Rebar SR24, 6mm dia.", "KG.", 0, 24, 5.5, 29.5, 0])
    ws.append([None, None, None, None, None, None, None, None, 309090])
    result = import_cost_sheet(save(wb, tmp_path))
    lines = result.model.lines
    assert [(ln.quantity, ln.likely) for ln in lines] == [(106, 2065), (0, 35), (820, 110), (0, D("29.5"))]
    assert lines[0].breakdown == {"material": D(335), "labour": D(1730)}
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


def home_budget(tmp_path: Path, total: float) -> Path:
    """k13 (Suplum/renovation 装修预算.xlsx): 品类 merged down A, 项目 beside 具体设备, estimate and
    actual columns, unpriced items (a rate only, a quantity only), model rows without a name or an
    amount under their item, an item of a group with only its amount, 总计 in A."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(
        ["品类", "项目", "具体设备", "供应商", "预估单价", "预估数量", "预估总价", "实际单价", "实际总价"]
    )
    ws.append(["前期大项", "设计费", None, None, 200, 88, 18800, 200, 15000])
    ws.append([None, "垃圾清运费", None, None, 3000, 1, 3000, 3000, 3000])
    ws.append(["洁具", "龙头", "台盆龙头1", "淘宝", 500, 1, 500, None, 0])
    ws.append([None, None, "台盆龙头2", "淘宝", None, None, 300, None, 0])
    ws.append([None, None, "岛台龙头", "滨特尔", 300, 1, 300, None, 0])
    ws.append([None, "木工柜子", "洗衣机吊柜", None, 230, None, None, None, 1050])
    ws.append([None, None, "可视门铃", 360, None, 1, None, None, None])
    ws.append([None, "电器", "全屋净水", None, 1376, 1, 9634, 980, 8500])
    ws.append([None, None, None, None, 5788, 1, None, 4500, None])
    ws.append([None, None, None, None, 2470, 1, None, 3000, None])
    ws.merge_cells("A2:A3")
    ws.merge_cells("A4:A10")
    ws.merge_cells("B4:B6")
    ws.append(["总计", None, None, None, None, None, total, None, 27550])
    return save(wb, tmp_path, "budget.xlsx")


def test_home_budget_lines_are_the_estimated_amounts(tmp_path: Path) -> None:
    result = import_cost_sheet(home_budget(tmp_path, 32534))
    lines = result.model.lines
    assert [(ln.description, ln.quantity * ln.likely, ln.category) for ln in lines] == [
        ("设计费", D(18800), "前期大项"),
        ("垃圾清运费", D(3000), "前期大项"),
        ("台盆龙头1", D(500), "洁具"),
        ("台盆龙头2", D(300), "洁具"),
        ("岛台龙头", D(300), "洁具"),
        ("全屋净水", D(9634), "洁具"),
    ]
    skipped = [w.where for w in result.warnings if "not counted as a cost line" in w.message]
    # (row 8's quantity 1 equals the next item's: read as its measurement, no money either way)
    assert skipped == ["Sheet1!E7", "Sheet1!E10", "Sheet1!E11"]
    assert result.reconciliation is not None and result.reconciliation.cell == "Sheet1!G12"


def test_rows_without_money_are_errors_when_the_total_disagrees(tmp_path: Path) -> None:
    """Without a total that vouches for them, rows left out for having no money are errors."""
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(home_budget(tmp_path, 40000))
    wheres = {p.where for p in info.value.problems}
    assert {"Sheet1!E7", "Sheet1!E10", "Sheet1!E11", "Sheet1!G12"} <= wheres


def test_cloud_estimate_discount_and_text_dollar_total(tmp_path: Path) -> None:
    """k26 (giri021/Big-Project Estimate.xlsx): service rows with their total in another column,
    component prices as '$' text, a discount labelled in the region column, the total as text."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Estimate"
    ws.append(["Service Type", "Components", "Region", "Component Price", "Service Price"])
    ws.append(["Amazon EC2 Service", None, None, None, "$313.84"])
    ws.append([None, "Compute:", "Asia Pacific", "$169.84"])
    ws.append([None, "EBS Volumes:", "Asia Pacific", "$144"])
    ws.append(["Amazon S3 Service", None, None, None, "$0.8"])
    ws.append([None, "S3 Standard Storage:", "Asia Pacific", "$0.75"])
    ws.append([None, "S3 Requests:", "Asia Pacific", "$0.05"])
    ws.append([None, None, "Free Tier Discount:", None, "$-5.48"])
    ws.append([None, None, "Total Monthly Payment:", None, "$309.16"])
    result = import_cost_sheet(save(wb, tmp_path))
    assert result.model.totals.likely == D("314.64")
    [markup] = result.markups
    assert (markup.kind, markup.amount) == ("discount", D("-5.48"))
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.cell == "Estimate!E9"


def test_approximate_amount_and_title_total(tmp_path: Path) -> None:
    """k27 (x-Yabao/Hexapod-Robot 物料清单.xlsx): the total written in the title block, an amount
    「（约）30」, unpriced BOM rows with 若干."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["六足机器人物料清单", None, None, None, None, None, None, "总计：563"])
    ws.append(["序号", "材料名称", "型号", "数量", "单价", "总价", "备注"])
    ws.append([1, "舵机", "MG995", 18, 25.5, 459])
    ws.append([2, "六角支柱", "M3*6", 42, None, "（约）30"])
    ws.append([3, "垫片", "M3", "若干"])
    ws.append([4, "螺丝", "M3*4", 24])
    ws.append([5, "上底盘", None, 1, None, 74])
    path = save(wb, tmp_path)
    result = import_cost_sheet(path)
    assert [ln.description for ln in result.model.lines] == ["舵机", "六角支柱", "上底盘"]
    assert result.model.totals.likely == D(563)
    approx = [w for w in result.warnings if "approximate" in w.message]
    assert [w.where for w in approx] == ["Sheet1!F4"] and "read as 30" in approx[0].message
    assert result.reconciliation is not None and result.reconciliation.cell == "Sheet1!H1 (above the table)"
    ws["H1"] = "总计：600"
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(save(wb, tmp_path, "off.xlsx"))
    assert "Sheet1!F4" in {p.where for p in info.value.problems}  # the guess is not kept unconfirmed


@given(st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False))
def test_approximate_reads_the_figure(number: Decimal) -> None:
    from bidassist.costs.values import approximate

    for text in (f"（约）{number}", f"约{number}", f"{number}左右", f"approx. {number}"):
        assert approximate(text) == number
    assert approximate(str(number)) is None


def test_headerless_sheet_with_a_total_row(tmp_path: Path) -> None:
    """k30 (644792799/Decoration 装修预算.xlsx Sheet1): names in A, budget in B, paid in D, 合计 under
    B, payment notes below it; another sheet is a blank template."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for name, budget, paid in [
        ("门", 8100, 6500),
        ("地板", 6000, None),
        ("飘窗石", None, None),
        ("水电", 7700, 7700),
    ]:
        ws.append([name, budget, None, paid])
    ws.append(["合计", 21800])
    ws.append([])
    ws.append(["已交", 14200, None, 14200])
    blank = wb.create_sheet("半包主材清单")
    blank.append(["名称", "单位", "数量", "单价", "总价"])
    blank.append(["瓷砖", "㎡", None, None, None])
    result = import_cost_sheet(save(wb, tmp_path))
    assert [(ln.description, ln.likely) for ln in result.model.lines] == [
        ("门", D(8100)),
        ("地板", D(6000)),
        ("水电", D(7700)),
    ]
    assert result.reconciliation is not None and result.reconciliation.cell == "Sheet1!B5"
    assert any(w.where == "Sheet1!B5" and "no header row" in w.message for w in result.warnings)
    ws["B5"] = 21000  # the column no longer adds up: no reading is guessed
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(save(wb, tmp_path, "off.xlsx"))
    assert any(p.where == "Sheet1" and "--map" in p.message for p in info.value.problems)


def running_bill(tmp_path: Path, grand: float) -> Path:
    """k25 (sudhamshusu/bill BOQ.xlsx): a running bill whose title block says 'Date of Measurement',
    two header rows (As per BOQ | As per VO1 over Quantity | Rate | Total Amount), Sub-Totals, and
    the closing rows labelled in the unit column (PS amount, VAT 13%, a 32-character Grand Total)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "BOQ"
    ws.append(["Bill of Contract"])
    ws.append(["Date of Measurement: 2081/11/11"])
    ws.append(["S.N.", "Work Description", "Unit", "As per BOQ", None, None, "As per VO1", None, None])
    ws.append([None, None, None, "Quantity", "Rate", "Total Amount", "Quantity", "Rate", "Total Amount"])
    ws.merge_cells("D3:F3")
    ws.merge_cells("G3:I3")
    ws.append([1.1, "Relocation of services", "PS", 1, 50000, 50000, None, 50000, 0])
    ws.append([1.2, "Plain cement concrete", "Cum", 2.16, 6000, 12960, None, 6000, 0])
    ws.append([None, "Sub-Total 1", None, None, None, 62960])
    ws.append([None, None, "Total without PS", None, None, 12960])
    ws.append([None, None, "VAT 13%", None, None, 1684.8])
    ws.append([None, None, "Grand Total Inclusive VAT and PS", None, None, grand])
    return save(wb, tmp_path, "bill.xlsx")


def test_running_bill_reconciles_with_its_grand_total(tmp_path: Path) -> None:
    result = import_cost_sheet(running_bill(tmp_path, 64644.8))
    assert [s.role for s in result.sheets] == ["cost detail"]
    assert result.model.totals.likely == D(62960)
    assert [(m.kind, m.amount) for m in result.markups] == [("vat", D("1684.8"))]
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.cell == "BOQ!F10"


def test_running_bill_whose_grand_total_is_wrong_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(running_bill(tmp_path, 14644.8))
    [problem] = info.value.problems
    assert problem.where == "BOQ!F10" and "stated total" in problem.message


def test_amounts_in_wan_per_month_stated_only_in_the_header(tmp_path: Path) -> None:
    """k28 (cornflower10/finance 报价.xlsx): 分工 | 单位：万/月, a category merged down B, 合计."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append([None, None, "分工", "单位：万/月"])
    ws.append([None, "网站系统开发", "UI设计", 0.8])
    ws.append([None, None, "前端", 1.0])
    ws.append([None, "管理员系统", "后台", 0.6])
    ws.append([None, "合计", None, 2.4])
    ws.merge_cells("B2:B3")
    result = import_cost_sheet(save(wb, tmp_path))
    assert [(ln.description, ln.likely) for ln in result.model.lines] == [
        ("UI设计", D(8000)),
        ("前端", D(10000)),
        ("后台", D(6000)),
    ]
    [scale] = [w for w in result.warnings if w.where == "Sheet1!D1"]
    assert "10,000" in scale.message and "one period" in scale.message
    assert result.reconciliation is not None and result.reconciliation.sheet_total == D(24000)


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.decimals(min_value=0, max_value=10**5, places=2), min_size=1, max_size=8))
def test_a_wan_header_scales_every_figure_and_the_total(amounts: list[Decimal]) -> None:
    import tempfile

    wb = Workbook()
    ws = wb.active
    ws.title = "报价"
    ws.append(["名称", "数量", "单价（万元）", "合价（万元）"])
    for i, a in enumerate(amounts):
        ws.append([f"项{i}", 1, float(a), float(a)])
    ws.append(["合计", None, None, float(sum(amounts))])
    with tempfile.TemporaryDirectory() as tmp:
        result = import_cost_sheet(save(wb, Path(tmp)))
    assert result.model.totals.likely == sum(amounts) * 10_000
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.sheet_total == sum(amounts) * 10_000


def test_wbs_boq_with_plan_and_actual_copies_and_component_notes(tmp_path: Path) -> None:
    """k23 (Suzanoo/BOQ BOQ.xlsx): zone quantity columns before QTY, MAT. cells holding notes
    ('Exclude No.Detail' on a nil line, 'Include in ID (Provisional Sum)' with no amount), an
    unlabelled total beside zeros, and plan / actual sheets repeating the BOQ's rows."""
    wb = Workbook()
    rows = [
        ["STRUCTURE", "1.00m dia. pile cut-off.", "No.", 106, 106, 335, 1730, 2065, 218890],
        ["ARCHITECTURE", "AD2: glass door", "NO.", 1, 1, "Exclude No.Detail", None, 0, 0],
        ["ARCHITECTURE", "KITCHENETTE CT9150", "SET", 1, 1, "Include in ID (Provisional Sum)", None, 0, None],
        ["EXTERNAL", "Excavation.", "M3", 2039, 2039, 0, 110, 110, 224290],
        ["EXTERNAL", "Compacted sand", "M2", 820, 820, 95, 15, 110, 90200],
    ]
    for title in ("boq", "plan"):
        ws = wb.active if title == "boq" else wb.create_sheet(title)
        ws.title = title
        ws.append(["WBS_1", "DESCRIPTION", "UNIT", "L1", "QTY", "MAT.", "LAB.", "TOTAL", "AMOUNT"])
        for row in rows:
            ws.append(row)
        if title == "boq":
            ws.append([None, None, None, None, 0, None, None, 0, 533380])
    result = import_cost_sheet(save(wb, tmp_path))
    assert [ln.description for ln in result.model.lines] == [
        "1.00m dia. pile cut-off.",
        "AD2: glass door",
        "Excavation.",
        "Compacted sand",
    ]
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.cell == "boq!I7"
    roles = {s.name: (s.role, s.reason) for s in result.sheets}
    assert roles["plan"][0] == "analysis" and "boq!I7" in roles["plan"][1]
    notes = {w.where: w.message for w in result.warnings}
    assert "read as a note" in notes["boq!F3"] and "not counted as a cost line" in notes["boq!F4"]


def test_markups_are_offered_to_pricing_with_their_cells(tmp_path: Path) -> None:
    """A GB50500 清单 with 管理费 3 %, 规费 as a lump, 税金 9 % and 暂列金额 below its lines."""
    wb = Workbook()
    ws = wb.active
    ws.title = "清单"
    ws.append(["序号", "项目名称", "单位", "工程量", "综合单价", "合价"])
    ws.append([1, "风管", "m2", 100, 100, 10000])
    ws.append([2, "调试", "项", 1, 10000, 10000])
    ws.append([None, "管理费 3%", "项", None, None, 600])
    ws.append([None, "规费", "项", None, None, 400])
    ws.append([None, "暂列金额", "项", None, None, 2000])
    ws.append([None, "利润", "项", None, None, 1000])
    ws.append([None, "税金 9%", "项", None, None, 2016])
    ws.append([None, "合计", None, None, None, 26016])
    result = import_cost_sheet(save(wb, tmp_path))
    assert result.model.totals.likely == D(20000)
    offer = result.pricing_offer()
    assert offer.overhead == D("0.0500")  # 3 % + 400 / 20,000
    assert offer.vat_rate == D("0.09") and offer.provisional == D(2000)
    assert offer.sources["overhead"] == ["管理费 3% (清单!A4)", "规费 (清单!A5)"]
    assert offer.left_out == ["利润 (清单!A7)"]
    data = result.to_json()["pricing_offer"]
    assert data["overhead"] == "0.0500" and data["vat_rate"] == "0.09"


@given(
    st.lists(st.decimals(min_value=0, max_value=1, places=3), max_size=4),
    st.decimals(min_value=1, max_value=10**6, places=2),
)
def test_offered_overhead_is_the_sum_of_the_indirect_rates(rates: list[Decimal], direct: Decimal) -> None:
    from bidassist.costs.model import Markup
    from bidassist.costs.offer import pricing_offer

    markups = [Markup(kind="overhead", label=f"管理费{i}", rate=r) for i, r in enumerate(rates)]
    offer = pricing_offer(markups, direct)
    assert offer.overhead == (sum(rates, Decimal(0)).quantize(Decimal("0.0001")) if rates else None)
    assert offer.vat_rate is None and offer.provisional is None


def test_heading_subtotal_across_a_page_subtotal(tmp_path: Path) -> None:
    """k20 (huanghaijian1/Demo test22.xls 表-08): a heading carrying its section's amount (M7
    49,054.98) whose lines run past a 本页小计 and a repeated page header: a heading, not a line."""
    wb = Workbook()
    ws = wb.active
    ws.title = "表-08"
    header = ["序号", "项目编码", "项目名称", "计量单位", "工程量", "综合单价", "合价"]
    ws.append(header)
    ws.append([None, None, "1#楼综合布线系统", None, None, None, 700])
    ws.append([1, "030501005001", "42U机柜", "台", 1, 300, 300])
    ws.append([2, "030501012001", "交换机", "台", 2, 100, 200])
    ws.append(["本页小计", None, None, None, None, None, 500])
    ws.append(header)
    ws.append([3, "030502010001", "配线架", "台", 1, 200, 200])
    ws.append([None, None, "措施项目", None, None, None, 50])
    ws.append([4, "1.1", "脚手架搭拆费", "项", 1, 50, 50])
    ws.append(["本页小计", None, None, None, None, None, 250])
    ws.append(["合计", None, None, None, None, None, 750])
    result = import_cost_sheet(save(wb, tmp_path))
    assert [(ln.description, ln.category) for ln in result.model.lines] == [
        ("42U机柜", "1#楼综合布线系统"),
        ("交换机", "1#楼综合布线系统"),
        ("配线架", "1#楼综合布线系统"),
        ("脚手架搭拆费", "措施项目"),
    ]
    assert result.reconciliation is not None and result.reconciliation.cell == "'表-08'!G11"
    assert result.warnings == []


def gb_export(tmp_path: Path, grand: float) -> Path:
    """k20 (huanghaijian1/Demo test22.xls): a GB50500 招标控制价 export — 表-04 summary (总造价 above
    a 其中 人工费 row), 表-08 detail, 表-11/12/13 markup tables, 表-12-1 detail of an entry, 主材表."""
    wb = Workbook()
    summary = wb.active
    summary.title = "表-04 单位工程招标控制价汇总表"
    summary.append(["单位工程招标控制价汇总表"])
    summary.append(["序号", "汇总内容", "金额(元)"])
    summary.append(["1", "分部分项合计", 1000])
    summary.append(["2", "措施合计", 100])
    summary.append(["3", "其他项目", 60])
    summary.append(["3.1", "暂列金额", 50])
    summary.append(["4", "规费", 10])
    summary.append(["5", "税金", 30])
    summary.append(["6", "总造价", grand])
    summary.append(["7", "人工费", 300])
    detail = wb.create_sheet("表-08 分部分项工程和单价措施项目清单与计价表")
    detail.append(["序号", "项目编码", "项目名称", "计量单位", "工程量", "综合单价", "合价"])
    detail.append([1, "030501005001", "42U机柜", "台", 2, 300, 600])
    detail.append([2, "030501012001", "交换机", "台", 4, 100, 400])
    detail.append(["合计", None, None, None, None, None, 1000])
    measures = wb.create_sheet("表-11 总价措施项目清单与计价表")
    measures.append(["序号", "项目编码", "项目名称", "计算基础", "费率(%)", "金额(元)"])
    measures.append([1, "1.2", "安全文明施工", "人工费", "26.57", 100])
    other = wb.create_sheet("表-12 其他项目清单与计价汇总表")
    other.append(["序号", "项目名称", "金额(元)", "备注"])
    other.append(["1", "暂列金额", 50, "明细详见表-12-1"])
    other.append(["2", "预算包干费", 10])
    provisional = wb.create_sheet("表-12-1 暂列金额表")
    provisional.append(["暂列金额明细表"])
    provisional.append(["序号", "项目名称", "计量单位", "暂定金额(元)"])
    provisional.append(["1", "暂列金", "项", 50])
    fees = wb.create_sheet("表-13 规费、税金项目清单与计价表")
    fees.append(["序号", "项目名称", "计算基础", "计算费率(%)", "金额（元）"])
    fees.append(["1", "规费", "规费合计", None, 10])
    fees.append(["1.1", "危险作业意外伤害保险费", "分部分项合计", "0.1", 10])
    fees.append(["2", "税金", "分部分项合计+规费", "2.6", 30])
    materials = wb.create_sheet("23单位工程主材表")
    materials.append(["序号", "名称", "单位", "数量", "单价", "合价"])
    materials.append([1, "型钢", "kg", 97.47, 5.2, 506.84])
    return save(wb, tmp_path, "gb.xlsx")


def test_gb50500_export_reconciles_the_detail_and_markup_tables_with_the_summary(tmp_path: Path) -> None:
    result = import_cost_sheet(gb_export(tmp_path, 1200))
    assert [ln.description for ln in result.model.lines] == ["42U机柜", "交换机"]
    roles = {s.name: s.role for s in result.sheets}
    assert roles == {
        "表-04 单位工程招标控制价汇总表": "summary",
        "表-08 分部分项工程和单价措施项目清单与计价表": "cost detail",
        "表-11 总价措施项目清单与计价表": "summary",
        "表-12 其他项目清单与计价汇总表": "summary",
        "表-12-1 暂列金额表": "analysis",
        "表-13 规费、税金项目清单与计价表": "summary",
        "23单位工程主材表": "analysis",
    }
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.sheet_total == D(1200)
    assert rec.cell == "'表-04 单位工程招标控制价汇总表'!C9"
    assert [(m.kind, m.amount) for m in result.markups] == [
        ("measures", D(100)),
        ("provisional", D(50)),
        ("other", D(10)),
        ("fees", D(10)),
        ("vat", D(30)),
    ]


def test_gb50500_export_whose_summary_disagrees_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(gb_export(tmp_path, 1300))
    assert any(p.where == "'表-04 单位工程招标控制价汇总表'!C9" for p in info.value.problems)


def test_a_markup_table_without_a_summary_is_never_dropped_silently(tmp_path: Path) -> None:
    """A sheet named like a GB markup table (其他项目) in a workbook with no summary: refused with the
    fix, a warning with --accept-difference."""
    wb = Workbook()
    ws = wb.active
    ws.title = "装修"
    ws.append(["名称", "数量", "单价", "合价"])
    ws.append(["地板", 10, 100, 1000])
    ws.append(["合计", None, None, 1000])
    other = wb.create_sheet("其他项目")
    other.append(["序号", "名称", "金额"])
    other.append(["1", "窗帘", 800])
    path = save(wb, tmp_path)
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(path)
    [problem] = info.value.problems
    assert problem.where == "其他项目" and '--sheet "其他项目"' in problem.message
    result = import_cost_sheet(path, accept_difference=True)
    assert any(w.where == "其他项目" for w in result.warnings)
