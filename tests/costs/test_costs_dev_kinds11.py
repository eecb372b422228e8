"""Kinds the session-16 workbooks (heldout9, now dev) missed, built as kinds in styles not in the
corpus (session 17, helper costs), each with a twin that keeps its reading:

- a quantity column whose header names no field, proven by amount = it × unit price;
- an amount column that is a running total (each figure = the one above + quantity × price);
- a single money column under a quantity whose stated total is Σ quantity × it: unit costs;
- one item with no quantity and a nil amount among bought items: a zero-amount line;
- a supplied part whose money cells say "given": a zero-amount line;
- a GB50500 投标报价 export with 表-12-2 暂估单价, 表-12-3 专业工程暂估价, 表-16 支付分解, 表-21
  材料一览表 (risk percentages) and the summary's 投标报价合计=1+2+3+4+5 on its second page.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from bidassist.core.errors import BidassistError
from bidassist.costs import import_cost_sheet

D = Decimal

Rows = list[list[object]]


def book(tmp_path: Path, rows: Rows, name: str = "book.xlsx") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Parts"
    for row in rows:
        ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def refusal(path: Path) -> str:
    with pytest.raises(BidassistError) as err:
        import_cost_sheet(path)
    return " | ".join(str(p) for p in err.value.problems) or str(err.value)  # type: ignore[attr-defined]


def warned(result: object, text: str) -> list[str]:
    return [w.message for w in result.warnings if text in w.message]  # type: ignore[attr-defined]


def amounts(result: object) -> list[Decimal]:
    return [ln.quantity * ln.likely for ln in result.model.lines]  # type: ignore[attr-defined]


# --------------------------------------------------------------- a quantity column nobody named

ORDER = [("Stepper motor", 12.5, 4), ("Driver board", 8.0, 1), ("Belt GT2", 3.2, 3), ("Frame kit", 45.0, 1)]


def test_a_column_the_amount_is_a_product_of_is_the_quantity(tmp_path: Path) -> None:
    """Unit cost | Ordered | Total with Total = Ordered × Unit cost on every row and no total row: the
    column is the quantity (said in a warning), not 1 × each amount refused as unknown money."""
    rows: Rows = [["Part", "Unit cost", "Ordered", "Total"]]
    rows += [[name, price, n, price * n] for name, price, n in ORDER]
    result = import_cost_sheet(book(tmp_path, rows))
    assert [ln.quantity for ln in result.model.lines] == [4, 1, 3, 1]
    assert result.model.totals.likely == D("112.60")
    assert warned(result, "column C (Ordered) is read as the quantity")


def test_twin_a_column_that_is_not_the_multiplier_stays_refused(tmp_path: Path) -> None:
    """The same sheet whose extra column is a weight (no product of it and the price is the total)
    keeps its refusal: which figure is the money is not proven."""
    rows: Rows = [["Part", "Unit cost", "Weight", "Total"]]
    rows += [[name, price, n + 0.5, price * n] for name, price, n in ORDER]
    assert "which figure is the line's money is not known" in refusal(book(tmp_path, rows))


# --------------------------------------------------------------- a running total column


def running_rows(bump: float = 0.0) -> Rows:
    rows: Rows = [["No", "Qty", "Part", "Unit Cost", "Total Cost"]]
    running = 0.0
    for i, (name, price, n) in enumerate(ORDER, start=1):
        running += price * n
        rows.append([i, n, name, price, running + (bump if i == 3 else 0.0)])
    return rows


def test_a_running_total_column_is_read_as_one_and_its_last_figure_is_the_total(tmp_path: Path) -> None:
    result = import_cost_sheet(book(tmp_path, running_rows()))
    assert amounts(result) == [D(50), D(8), D("9.6"), D(45)]
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.cell == "Parts!E5"
    assert rec.sheet_total == D("112.6")
    assert warned(result, "column E is a running total")
    assert not warned(result, "≠ quantity × unit price")


def test_twin_amounts_off_the_running_sum_stay_refused(tmp_path: Path) -> None:
    """One figure of the column off the running sum: no proof, the sheet is refused as before."""
    assert "which figure is the line's money is not known" in refusal(book(tmp_path, running_rows(7.0)))


# --------------------------------------------------------------- a cost column of unit costs


def costs_rows(total: float) -> Rows:
    rows: Rows = [["Component", "Quantity", "Cost", "Shop"]]
    rows += [[name, n, price, "web"] for name, price, n in ORDER]
    rows.append(["Total cost", None, total])
    return rows


def test_a_cost_column_whose_total_is_quantity_times_it_holds_unit_costs(tmp_path: Path) -> None:
    """Component | Quantity | Cost with a total =SUM(B2:B5*C2:C5): the costs are unit costs."""
    result = import_cost_sheet(book(tmp_path, costs_rows(112.6)))
    assert amounts(result) == [D(50), D(8), D("9.6"), D(45)]
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.cell == "Parts!C6"
    assert warned(result, "column C is read as the unit price")


def test_twin_a_cost_column_the_total_adds_up_is_the_line_money(tmp_path: Path) -> None:
    result = import_cost_sheet(book(tmp_path, costs_rows(68.7)))
    assert result.model.totals.likely == D("68.7")
    assert not warned(result, "read as the unit price")


# --------------------------------------------------------------- a quantity-less nil row


def nil_rows(second: bool) -> Rows:
    rows: Rows = [["Item", "Use", "Quantity", "Cost per unit", "Total Part Cost"]]
    rows += [[name, "robot", n, price, price * n] for name, price, n in ORDER]
    rows.append(["Spare fuse", "robot", None, 0.4, 0])
    if second:
        rows.append(["Spare relay", "robot", None, 1.1, 0])
    rows.append([None, None, None, "Total", 112.6])
    return rows


def test_one_item_with_no_quantity_and_a_nil_amount_among_items_is_a_zero_line(tmp_path: Path) -> None:
    result = import_cost_sheet(book(tmp_path, nil_rows(False)))
    assert [ln.description for ln in result.model.lines][-1] == "Spare fuse"
    assert len(result.model.lines) == 5 and amounts(result)[-1] == 0
    assert result.reconciliation is not None and result.reconciliation.status == "matched"
    assert warned(result, "a zero-amount line")


def test_twin_a_run_of_quantity_less_rates_is_a_price_list_not_lines(tmp_path: Path) -> None:
    """Two such rows in a row: rates quoted without quantities (a vendor's list), not lines."""
    result = import_cost_sheet(book(tmp_path, nil_rows(True)))
    assert len(result.model.lines) == 4
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


# --------------------------------------------------------------- supplied parts


def supplied_rows(word: str) -> Rows:
    rows: Rows = [["Part", "Price each", "Qty", "Line total"]]
    rows.append(["Sensor board", word, word, word])
    rows += [[name, price, n, price * n] for name, price, n in ORDER]
    rows.append(["Total", None, None, 112.6])
    return rows


def test_a_part_whose_money_cells_say_given_is_a_zero_amount_line(tmp_path: Path) -> None:
    result = import_cost_sheet(book(tmp_path, supplied_rows("given")))
    assert len(result.model.lines) == 5 and amounts(result)[0] == 0
    assert result.model.totals.likely == D("112.6")
    assert warned(result, "'given' is read as 0 (no cost, written in words)")


def test_twin_provided_stays_a_note_not_a_line(tmp_path: Path) -> None:
    result = import_cost_sheet(book(tmp_path, supplied_rows("Provided")))
    assert len(result.model.lines) == 4
    assert result.model.totals.likely == D("112.6")


# --------------------------------------------------------------- a GB50500 投标报价 export


def gb_bid(tmp_path: Path, *, with_detail: bool = True) -> Path:
    """表-04 over two pages (其中 rows without a colon, 投标报价合计=1+2+3+4+5 on page 2), 表-08,
    表-11, 表-12 and the table of one of its entries (表-12-3), 表-12-2 暂估单价 materials, 表-13,
    表-16 payments and 表-21 with a risk percentage."""
    wb = Workbook()
    summary = wb.active
    summary.title = "表-04 单位工程投标报价汇总表"
    summary.append(["单位工程投标报价汇总表"])
    summary.append(["序号", "汇总内容", "金额(元)", "其中：暂估价(元)"])
    summary.append(["1", "分部分项工程", 2000, 30])
    summary.append(["1.1", "给水", 1200])
    summary.append(["1.2", "排水", 800])
    summary.append(["2", "措施项目", 150, "—"])
    summary.append(["2.1", "其中安全文明施工费", 100, "—"])
    summary.append(["3", "其他项目", 500, "—"])
    summary.append(["3.1", "其中：暂列金额", 300, "—"])
    summary.append(["3.2", "其中：专业工程暂估价", 200, "—"])
    summary.append(["4", "规费", 40, "—"])
    summary.append(["5", "税金", 60, "—"])
    summary.append(["注：本表适用于单位工程招标控制价或投标报价的汇总"])
    summary.append([None, None, None, "表-04"])
    summary.append(["单位工程投标报价汇总表"])
    summary.append(["序号", "汇总内容", "金额(元)", "其中：暂估价(元)"])
    summary.append(["投标报价合计＝1+2+3+4+5", None, 2750, 30])
    if with_detail:
        detail = wb.create_sheet("表-08 分部分项工程和单价措施项目清单与计价表")
        detail.append(["序号", "项目编码", "项目名称", "计量单位", "工程量", "综合单价", "合价"])
        detail.append([1, "031001006001", "塑料给水管", "m", 100, 12, 1200])
        detail.append([2, "031001006002", "塑料排水管", "m", 50, 16, 800])
        detail.append(["合计", None, None, None, None, None, 2000])
    measures = wb.create_sheet("表-11 总价措施项目清单与计价表")
    measures.append(["序号", "项目编码", "项目名称", "计算基础", "费率(%)", "金额(元)"])
    measures.append([1, "031302001001", "安全文明施工费", "人工费", 25, 100])
    measures.append([2, "031302002001", "夜间施工增加费", "人工费", 12.5, 50])
    other = wb.create_sheet("表-12 其他项目清单与计价汇总表")
    other.append(["序号", "项目名称", "金额(元)", "备注"])
    other.append(["1", "暂列金额", 300, "明细详见表-12-1"])
    other.append(["2", "专业工程暂估价", 200, "明细详见表-12-3"])
    special = wb.create_sheet("表-12-3 专业工程暂估价及结算表")
    special.append(["序号", "工程名称", "工程内容", "暂估金额(元)", "备注"])
    special.append(["1", "消防检测", "检测", 200])
    materials = wb.create_sheet("表-12-2 材料(工程设备)暂估单价及调整表")
    materials.append(["材料（工程设备）暂估单价及调整表"])
    materials.append(["序号", "材料名称", "计量单位", "数量", "单价", "合价"])
    materials.append([1, "阀门 DN50", "个", 3, 10, 30])
    materials.append(["合计", None, None, None, None, 30])
    fees = wb.create_sheet("表-13 规费、税金项目计价表")
    fees.append(["序号", "项目名称", "计算基础", "计算费率(%)", "金额（元）"])
    fees.append(["1", "规费", "人工费", 10, 40])
    fees.append(["2", "税金", "税前造价", 9, 60])
    payments = wb.create_sheet("表-16 总价项目进度款支付分解表")
    payments.append(["序号", "项目名称", "总价金额", "首次支付", "二次支付"])
    payments.append([1, "安全文明施工费", 100, 50, 50])
    supplied = wb.create_sheet("表-21 承包人提供主要材料和工程设备一览表")
    supplied.append(
        ["序号", "名称、规格、型号", "单位", "数量", "风险系数（%）", "基准单价（元）", "投标单价（元）"]
    )
    supplied.append([1, "钢管", "t", 2, "5%", 4000, 4100])
    supplied.append([2, "水泥", "t", 1, "100%", 400, 410])
    path = tmp_path / "gb-bid.xlsx"
    wb.save(path)
    return path


def test_gb_bid_export_reconciles_with_the_total_on_the_summary_s_second_page(tmp_path: Path) -> None:
    result = import_cost_sheet(gb_bid(tmp_path))
    assert [ln.description for ln in result.model.lines] == ["塑料给水管", "塑料排水管"]
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.sheet_total == D(2750)
    assert rec.cell == "'表-04 单位工程投标报价汇总表'!C17"
    roles = {s.name: s.role for s in result.sheets}
    assert roles["表-12-2 材料(工程设备)暂估单价及调整表"] == "analysis"
    assert roles["表-16 总价项目进度款支付分解表"] == "not a cost table"
    assert roles["表-21 承包人提供主要材料和工程设备一览表"] == "analysis"
    # 表-12-3 is one entry of 表-12: its 200 is counted once
    assert sum(m.amount for m in result.markups if m.amount is not None) == D(750)


def test_twin_a_provisional_materials_list_alone_is_a_priced_list(tmp_path: Path) -> None:
    """Without the 分部分项 detail beside it the 暂估单价 list is read as the only priced table."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["材料（工程设备）暂估单价及调整表"])
    ws.append(["序号", "材料名称", "计量单位", "数量", "单价", "合价"])
    ws.append([1, "阀门 DN50", "个", 3, 10, 30])
    ws.append([2, "水表", "个", 2, 45, 90])
    ws.append(["合计", None, None, None, None, 120])
    path = tmp_path / "materials.xlsx"
    wb.save(path)
    result = import_cost_sheet(path)
    assert result.model.totals.likely == D(120)
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


# --------------------------------------------------------------- two amount columns, one per period


def pay_rows(total_of_weeks: bool) -> Rows:
    rows: Rows = [
        ["Member", "Role", "Hours per week", "Hourly Rate", "Total pay per week", "Total pay for 10 weeks"]
    ]
    team = [("Member 1", "Lead", 10, 90), ("Member 2", "Developer", 20, 75), ("Member 3", "Tester", 8, 60)]
    rows += [[name, role, h, rate, h * rate, h * rate * 10] for name, role, h, rate in team]
    rows.append(["Total", None, 38, None, 2880, 28800 if total_of_weeks else None])
    return rows


def test_the_amount_column_the_stated_total_adds_up_wins_over_quantity_times_price(tmp_path: Path) -> None:
    """Pay per week (= hours × rate) and Pay for 10 weeks, the Total row summing both: the longer
    period's column is the one whose amounts reach the closing total, taken at its amounts."""
    rows = pay_rows(True)
    rows += [[], ["", "", "Total value of the project", 40000], ["", "", "Total project cost", 28800]]
    rows.append(["", "", "Margin", 11200])
    result = import_cost_sheet(book(tmp_path, rows))
    assert amounts(result) == [D(9000), D(15000), D(4800)]
    assert result.reconciliation is not None and result.reconciliation.status == "matched"
    assert warned(result, "column F is read as the amount")


def test_twin_a_total_of_the_weekly_column_keeps_the_weekly_amounts(tmp_path: Path) -> None:
    result = import_cost_sheet(book(tmp_path, pay_rows(False)))
    assert result.model.totals.likely == D(2880)
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


# --------------------------------------------------------------- two lists, one total for both


def two_lists(tmp_path: Path, total: float) -> Path:
    """A home budget in two lists side by side (items | 数量 | 总价 | 备注 | 采购地 on the left, the
    same without 采购地 on the right) and one unlabelled total under the right list."""
    wb = Workbook()
    ws = wb.active
    ws.title = "预算"
    ws.append([None, "数量", "总价", "备注", "采购地", None, None, "数量", "总价", "备注"])
    left = [("橱柜", "1套", 12000), ("地砖", "80平", 9600), ("吊顶", "1项", 4200)]
    right = [("马桶", "2个", 3600), ("花洒", "2套", 1800), ("浴室柜", "1个", 2600), ("热水器", "1台", 3900)]
    for i in range(max(len(left), len(right))):
        row: list[object] = [None] * 10
        if i < len(left):
            row[0:5] = [left[i][0], left[i][1], left[i][2], None, "本地"]
        if i < len(right):
            row[6:9] = [right[i][0], right[i][1], right[i][2]]
        ws.append(row)
    ws.append([None] * 8 + [total])
    path = tmp_path / "two-lists.xlsx"
    wb.save(path)
    return path


def test_one_total_under_the_right_list_that_adds_up_both_lists(tmp_path: Path) -> None:
    result = import_cost_sheet(two_lists(tmp_path, 37700))
    assert len(result.model.lines) == 7 and result.model.totals.likely == D(37700)
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.cell == "预算!I6"


def test_twin_a_total_of_the_right_list_alone_is_not_the_total_of_both(tmp_path: Path) -> None:
    """The figure under the right list is its own total: the left list stays unconfirmed, never
    checked against it as if it covered both."""
    try:
        result = import_cost_sheet(two_lists(tmp_path, 11900))
    except BidassistError:
        return
    rec = result.reconciliation
    assert rec is None or "added up by one total" not in rec.basis
