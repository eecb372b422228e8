"""Cost workbooks as finance really keeps them (issue 10), each layout rebuilt here with openpyxl
from the kind of real workbook it came from: exact lines, totals, markups, roles and messages."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from bidassist.cli.app import main
from bidassist.core.errors import ProblemsError
from bidassist.costs import import_cost_sheet
from bidassist.costs.messages import summarize

D = Decimal


def save(wb: Workbook, tmp_path: Path, name: str = "book.xlsx") -> Path:
    path = tmp_path / name
    wb.save(path)
    return path


def quote_sheet(ws, items: list[tuple[str, str, float, float]]) -> float:
    """A supplier quote sheet: title, header, lines, 合计. Returns the total."""
    ws.append([f"{ws.title} 报价单"])
    ws.append(["序号", "名称", "单位", "数量", "单价", "合价"])
    total = 0.0
    for i, (name, unit, qty, price) in enumerate(items, start=1):
        ws.append([i, name, unit, qty, price, qty * price])
        total += qty * price
    ws.append([None, "合计", None, None, None, total])
    return total


def test_summary_sheet_repeating_projects_is_the_target_not_imported_again(tmp_path: Path) -> None:
    """A contractor's quote workbook: a 汇总 sheet and one sheet per project (it imported 2×)."""
    wb = Workbook()
    summary = wb.active
    summary.title = "汇总"
    a = wb.create_sheet("一号楼")
    b = wb.create_sheet("二号楼")
    ta = quote_sheet(a, [("风机盘管", "台", 10, 3200), ("风管", "m2", 120, 95.5)])
    tb = quote_sheet(b, [("冷水机组", "台", 1, 480000)])
    summary.append(["项目报价汇总表"])
    summary.append(["序号", "项目名称", "金额"])
    summary.append([1, "一号楼", ta])
    summary.append([2, "二号楼", tb])
    summary.append([None, "税金（9%）", round((ta + tb) * 0.09, 2)])
    summary.append([None, "含税总价", round((ta + tb) * 1.09, 2)])
    result = import_cost_sheet(save(wb, tmp_path))
    assert len(result.model.lines) == 3
    assert result.model.totals.likely == D("523460.00")
    roles = {s.name: (s.role, s.used) for s in result.sheets}
    assert roles == {
        "汇总": ("summary", False),
        "一号楼": ("cost detail", True),
        "二号楼": ("cost detail", True),
    }
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.cell == "汇总!C6"
    assert rec.sheet_total == D("570571.4")
    assert [(m.kind, m.rate, m.amount) for m in result.markups] == [("vat", D("0.09"), D("47111.4"))]


def gb50500(tmp_path: Path, *, tamper: float = 0.0) -> Path:
    """The printed 分部分项工程和单价措施项目清单与计价表: title block and two-row header repeated on
    every page, 金额 over 综合单价/合价/其中：暂估价, a heading merged across the 序号 column,
    本页小计 merged from column A, then 合计, 规费, 税金 and the 含税 total."""
    wb = Workbook()
    ws = wb.active
    ws.title = "清单"
    items = [
        ("010101001001", "平整场地", "m2", 1200, 3.52),
        ("010101002001", "挖一般土方", "m3", 860, 24.1),
        ("010501001001", "垫层", "m3", 45.5, 512.3),
        ("010502001001", "矩形柱", "m3", 30, 688),
        ("010503002001", "矩形梁", "m3", 41.2, 655.4),
    ]
    page_rows: list[list] = []

    def page_head() -> None:
        ws.append(["分部分项工程和单价措施项目清单与计价表"])
        ws.append(["工程名称：某学校教学楼", None, None, None, None, None, "第 1 页 共 2 页"])
        ws.append(["序号", "项目编码", "项目名称", "项目特征描述", "计量单位", "工程量", "金额（元）"])
        r = ws.max_row
        ws.append([None, None, None, None, None, None, "综合单价", "合价", "其中：暂估价"])
        ws.merge_cells(f"G{r}:I{r}")
        for col in "ABCDEF":
            ws.merge_cells(f"{col}{r}:{col}{r + 1}")

    page_head()
    ws.append(["一、土石方工程"])
    ws.merge_cells(f"A{ws.max_row}:I{ws.max_row}")
    total = 0.0
    page = 0.0
    for i, (code, name, unit, qty, price) in enumerate(items, start=1):
        amount = round(qty * price, 2)
        ws.append([i, code, name, "1.土壤类别：三类土", unit, qty, price, amount])
        total += amount
        page += amount
        if i == 2:
            ws.append(["本页小计", None, None, None, None, None, None, round(page, 2)])
            ws.merge_cells(f"A{ws.max_row}:G{ws.max_row}")
            page = 0.0
            page_head()
            ws.append(["二、混凝土工程"])
            ws.merge_cells(f"A{ws.max_row}:I{ws.max_row}")
        page_rows.append([])
    ws.append(["本页小计", None, None, None, None, None, None, round(page, 2)])
    ws.merge_cells(f"A{ws.max_row}:G{ws.max_row}")
    ws.append(["合计", None, None, None, None, None, None, round(total + tamper, 2)])
    ws.merge_cells(f"A{ws.max_row}:G{ws.max_row}")
    ws.append([None, None, "规费", None, "项", None, None, 3200])
    ws.append([None, None, "税金", None, "%", 9, None, round((total + 3200) * 0.09, 2)])
    ws.append(["编制人：（签字）", None, None, None, "审核人：（签字）"])
    return save(wb, tmp_path, "gb50500.xlsx")


def test_gb50500_printed_layout(tmp_path: Path) -> None:
    result = import_cost_sheet(gb50500(tmp_path))
    lines = result.model.lines
    assert [(ln.code, ln.description, ln.category) for ln in lines] == [
        ("010101001001", "平整场地", "土石方工程"),
        ("010101002001", "挖一般土方", "土石方工程"),
        ("010501001001", "垫层", "混凝土工程"),
        ("010502001001", "矩形柱", "混凝土工程"),
        ("010503002001", "矩形梁", "混凝土工程"),
    ]
    assert lines[0].likely == D("3.52")  # the 综合单价 column under 金额, not the merged 金额 group
    assert result.warnings == []
    assert result.reconciliation is not None and result.reconciliation.status == "matched"
    assert result.reconciliation.cell == "清单!H18"
    assert [m.kind for m in result.markups] == ["fees", "vat"]


def test_stated_total_that_differs_is_an_error_naming_both_unless_accepted(tmp_path: Path) -> None:
    path = gb50500(tmp_path, tamper=1000)
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(path)
    [problem] = [p for p in info.value.problems if "stated total" in p.message]
    assert problem.where == "清单!H18" and "--accept-difference" in problem.message
    accepted = import_cost_sheet(path, accept_difference=True)
    assert accepted.reconciliation is not None and accepted.reconciliation.status == "accepted"
    assert accepted.reconciliation.difference == D("1000.00")


def test_unnumbered_heading_with_its_section_total_is_not_a_line(tmp_path: Path) -> None:
    """投标报价: 「楼地面」 heading carrying its section's amount (it was read as a line: total 2×)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "报价"
    ws.append(["编号", "项目名称", "单位", "数量", "单价", "合价"])
    ws.append([None, "楼地面", None, None, None, 5000])
    ws.append(["1", "地砖", "m2", 100, 40, 4000])
    ws.append(["2", "踢脚线", "m", 100, 10, 1000])
    ws.append([None, "墙面", None, None, None, 600])
    ws.append(["3", "乳胶漆", "m2", 200, 3, 600])
    ws.append([None, "调试费", None, None, None, 250])  # a lump sum, not a heading
    ws.append([None, "合计", None, None, None, 5850])
    result = import_cost_sheet(save(wb, tmp_path))
    assert [(ln.description, ln.category) for ln in result.model.lines] == [
        ("地砖", "楼地面"),
        ("踢脚线", "楼地面"),
        ("乳胶漆", "墙面"),
        ("调试费", "墙面"),
    ]
    assert result.model.totals.likely == D("5850.00")
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


def test_footers_total_in_rate_column_unlabelled_total_signature(tmp_path: Path) -> None:
    """English abstract of cost: "Total" in the rate column, then a signature block."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Abstract"
    ws.append(["Sl. No.", "Particulars", "Qty", "Unit", "Rate", "Amount (Rs.)"])
    ws.append([1, "Earth work excavation", 120, "cum", 250, 30000])
    ws.append([2, "PCC 1:4:8", 12.5, "cum", 4200, 52500])
    ws.append([None, None, None, None, "Total", 82500])
    ws.append([])
    ws.append(["Prepared by", None, None, "Checked by"])
    ws.append(["Assistant Engineer", None, None, "Executive Engineer"])
    result = import_cost_sheet(save(wb, tmp_path))
    assert [ln.description for ln in result.model.lines] == ["Earth work excavation", "PCC 1:4:8"]
    assert result.reconciliation is not None and result.reconciliation.cell == "Abstract!F4"
    ws.delete_rows(4)
    ws.insert_rows(4)
    ws["F4"] = 82500  # an unlabelled total under the amount column
    result = import_cost_sheet(save(wb, tmp_path, "unlabelled.xlsx"))
    assert len(result.model.lines) == 2
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


def test_columns_rpm_total_quantity_rule_text(tmp_path: Path) -> None:
    """设备表: 转速（r/min） is not `min`; 合计工程量 beats per-floor quantities; 工程量计算规则 is text."""
    wb = Workbook()
    ws = wb.active
    ws.title = "设备"
    ws.append(
        [
            "序号",
            "设备名称",
            "转速（r/min）",
            "单位",
            "工程量",
            None,
            None,
            None,
            "工程量计算规则",
            "单价",
            "合价",
        ]
    )
    ws.append([None, None, None, None, "-1层", "-2层", "-3层", "合计工程量", None, None, None])
    ws.append([1, "排水泵", 1450, "台", 1, 2, 1, 4, "按设计图示数量计算", 5200, 20800])
    ws.append([2, "送风机", 960, "台", 2, 0, 0, 2, "按设计图示数量计算", 8000, 16000])
    ws.merge_cells("E1:H1")
    result = import_cost_sheet(save(wb, tmp_path))
    assert [(ln.quantity, ln.low, ln.likely) for ln in result.model.lines] == [
        (D(4), D(5200), D(5200)),
        (D(2), D(8000), D(8000)),
    ]


def test_all_in_rate_with_component_columns(tmp_path: Path) -> None:
    """综合单价 split into 人工费/材料费/机械费/管理费和利润: unit price + breakdown."""
    wb = Workbook()
    ws = wb.active
    ws.title = "成本分析"
    ws.append(["项目名称", "单位", "工程量", "综合单价", None, None, None, None, "合价"])
    ws.append([None, None, None, "合计", "人工费", "材料费", "机械费", "管理费和利润", None])
    ws.merge_cells("D1:H1")
    ws.append(["砌体墙", "m3", 10, 420, 120, 250, 10, 40, 4200])
    ws.append(["抹灰", "m2", 100, None, 12, 8, 1, 2, 2300])
    result = import_cost_sheet(save(wb, tmp_path))
    first, second = result.model.lines
    assert first.likely == D(420)
    assert first.breakdown == {
        "labour": D(120),
        "material": D(250),
        "machinery": D(10),
        "overhead_profit": D(40),
    }
    assert second.likely == D(23)  # only the components: their sum


def test_circled_item_code_does_not_crash(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "名称", "数量", "单价"])
    ws.append(["①", "水泵", 2, 100])
    ws.append(["②", "阀门", 3, 10])
    result = import_cost_sheet(save(wb, tmp_path))
    assert [ln.code for ln in result.model.lines] == ["①", "②"]


def test_unusable_sheets_are_skipped_with_the_reason(tmp_path: Path) -> None:
    wb = Workbook()
    blank = wb.active
    blank.title = "空白表"
    blank.append(["序号", "名称", "单位", "数量", "单价", "合价"])
    blank.append([1, "钢筋", "t", 10, None, None])
    blank.append([2, "水泥", "t", 5, None, None])
    analysis = wb.create_sheet("综合单价分析表")
    analysis.append(["项目编码", "项目名称", "计量单位", "工程量", "综合单价"])
    analysis.append(["010101001001", "平整场地", "m2", 1, 3.52])
    real = wb.create_sheet("报价")
    quote_sheet(real, [("水泵", "台", 2, 1500)])
    result = import_cost_sheet(save(wb, tmp_path))
    assert len(result.model.lines) == 1
    assert {(s.name, s.role) for s in result.sheets} == {
        ("空白表", "blank"),
        ("综合单价分析表", "analysis"),
        ("报价", "cost detail"),
    }
    assert {w.where for w in result.warnings if "sheet skipped" in w.message} == {"空白表", "综合单价分析表"}
    wb.remove(real)
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(save(wb, tmp_path, "no_usable.xlsx"))
    found = {p.where: p.message for p in info.value.problems}
    assert found["空白表"].startswith("blank: 2 row(s) and no prices")
    assert "--sheet" in found["综合单价分析表"]
    forced = import_cost_sheet(save(wb, tmp_path, "no_usable.xlsx"), sheet="综合单价分析表")
    assert len(forced.model.lines) == 1


def test_unpriced_bill_imports_with_the_bill_role(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "清单"
    ws.append(["项目编码", "项目名称", "计量单位", "工程量", "综合单价", "合价"])
    ws.append(["030101001001", "离心式泵", "台", 2, None, None])
    result = import_cost_sheet(save(wb, tmp_path), role="bill")
    [line] = result.model.lines
    assert (line.quantity, line.likely, line.priced) == (D(2), D(0), False)


def test_per_sheet_map_and_first_last_rows(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "数据"
    ws.append(["foo", "bar", "baz", "qux"])
    ws.append(["X-1", "Thing one", 4, 2.5])
    ws.append(["X-2", "Thing two", 1, 10])
    ws.append(["by", "someone", "who", "signs"])
    path = save(wb, tmp_path)
    result = import_cost_sheet(path, mapping="数据:code=A,description=B,quantity=C,price=D,first=2,last=3")
    assert [(ln.code, ln.quantity, ln.likely) for ln in result.model.lines] == [
        ("X-1", D(4), D("2.5")),
        ("X-2", D(1), D(10)),
    ]


def test_continuation_rows_join_their_item(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "名称", "单位", "数量", "单价"])
    ws.append([1, "镀锌钢管 DN100，", "m", 20, 80])
    ws.append([None, "含管件、支架及除锈刷油", None, None, None])
    ws.append([2, "闸阀", "个", 2, 300])
    result = import_cost_sheet(save(wb, tmp_path))
    assert [ln.description for ln in result.model.lines] == [
        "镀锌钢管 DN100， 含管件、支架及除锈刷油",
        "闸阀",
    ]


def test_many_problems_are_summarised_by_kind(tmp_path: Path, capsys) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Costs"
    ws.append(["名称", "数量", "单价"])
    for i in range(30):
        ws.append([f"item {i}", "工", 10])
    path = save(wb, tmp_path)
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(path)
    lines = summarize(info.value.problems)
    assert lines[0] == "30 problems of 1 kind(s):"
    assert lines[1].startswith('  30 × quantity "工" is not a number  [Costs!B2, Costs!B3, Costs!B4, …]')
    assert len(lines) == 3 + 20
    assert len(summarize(info.value.problems, all_errors=True)) == 3 + 30
    with pytest.raises(SystemExit) as exit_info:
        main(["costs", "import", str(path)])
    assert exit_info.value.code == 2
    assert "first 20 details (--all-errors for all)" in capsys.readouterr().err


def test_eighty_columns_never_split_numbers(tmp_path: Path, capsys, monkeypatch) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["名称", "数量", "单价"])
    ws.append(["组合式净化空调机组，含初中高效过滤段、加湿段及控制柜，出厂调试", 12345.5, 1234567.89])
    path = save(wb, tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit) as info:
        main(["costs", "import", str(path)])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "1,234,567.89" in out and "12,345.5" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def pwd_estimate(tmp_path: Path) -> Path:
    """An Indian PWD estimate: a General Abstract without a cost header (part totals, `Add 3% for
    contingencies`, Grand Total, `Say Rs. … Lacs`), an Abstract of Cost whose header has a typo,
    units on the row under each item, an item with its description lost, amounts rounded to
    rupees, `Total` in the rate column and a signature block."""
    wb = Workbook()
    gen = wb.active
    gen.title = "Gen-Abst"
    abstract = wb.create_sheet("Abstract")
    abstract.append(["NAME OF WORK :- Construction of a culvert"])
    abstract.append(["ABSTRACT OF COST"])
    abstract.append(["S.No.", "Particualrs", "Qty.", "Rate", "Amount"])
    abstract.append([1, "Earth work in excavation", 720, 178, 128160])
    abstract.append([None, None, "cum", "per cum"])
    abstract.append([2, None, 330.12, 11, 3632])  # description lost; 330.12 × 11 = 3631.32, rounded up
    abstract.append([None, None, "sqm", "per sqm"])
    abstract.append([3, "Brick work in cement mortar", 59.7356, 4990, 298080.644])
    abstract.append([None, None, None, "Total", 429872.644])
    abstract.append([None, None, "Assistant Engineer", None, "Executive Engineer"])
    gen.append(["GENERAL ABSTRACT OF COST"])
    gen.append([None, "Part A civil work", None, None, 429872.644])
    gen.append([None, "Add 3% for contingencies", None, None, 12896.18])
    gen.append([None, None, None, "Grand Total Rs.", 442768.82])
    gen.append([None, None, None, "Say Rs.", 4.43])
    gen.append([None, None, None, None, "Lacs"])
    return save(wb, tmp_path, "estimate.xlsx")


def test_pwd_estimate_with_general_abstract(tmp_path: Path) -> None:
    result = import_cost_sheet(pwd_estimate(tmp_path))
    lines = result.model.lines
    assert [(ln.code, ln.description, ln.unit) for ln in lines] == [
        ("1", "Earth work in excavation", "cum"),
        ("2", "(no description) 2", "sqm"),
        ("3", "Brick work in cement mortar", None),
    ]
    assert result.model.totals.likely == D("429872.64")  # the amount cells: 3632, not 3631.32
    assert {s.name: s.role for s in result.sheets} == {"Gen-Abst": "summary", "Abstract": "cost detail"}
    assert [w.where for w in result.warnings if "description is empty" in w.message] == ["Abstract!B6"]
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.cell == "Abstract!E9"


def test_nameless_priced_row_is_an_error_without_a_total(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Abstract"
    ws.append(["S.No.", "Particulars", "Qty.", "Rate", "Amount"])
    ws.append([1, "Earth work", 720, 178, 128160])
    ws.append([2, None, 330.12, 11, 3632])
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(save(wb, tmp_path))
    assert [(p.where, p.message) for p in info.value.problems] == [("Abstract!B3", "description is empty")]


@pytest.mark.parametrize(
    "header", [["Item", "Qty", "Rate", "Amount"], ["名称", "数量", "单价", "金额"]], ids=["en", "zh"]
)
def test_nameless_zero_rows_under_a_zero_total_are_not_proven_lines(tmp_path: Path, header: list) -> None:
    """A template's empty rows whose amount formulas give 0, under a total of 0 (a budget's income
    sheet left blank; session 17: the fresh held-out k215 imported four of them, total 0.00, exit 0):
    a total that agrees with lines of nothing proves nothing, so they stay errors."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Income"
    ws.append(header)
    for _ in range(3):
        ws.append([None, 1, 0, 0])
    ws.append(["Total" if header[0] == "Item" else "合计", None, None, 0])
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(save(wb, tmp_path))
    assert [p.message for p in info.value.problems[:3]] == ["description is empty"] * 3


def test_summary_that_copies_every_row_is_not_imported_again(tmp_path: Path) -> None:
    wb = Workbook()
    merged = wb.active
    merged.title = "清单汇总"
    a = wb.create_sheet("综合楼")
    b = wb.create_sheet("教学楼")
    quote_sheet(a, [("平整场地", "m2", 2090.01, 2.32), ("挖一般土方", "m3", 1585.62, 5.77)])
    quote_sheet(b, [("回填方", "m3", 851.99, 17.92), ("余方弃置", "m3", 264.25, 56.25)])
    merged.append(["名称", "单位", "数量", "单价", "合价"])
    for row in list(a.iter_rows(min_row=3, max_row=4, values_only=True)) + list(
        b.iter_rows(min_row=3, max_row=4, values_only=True)
    ):
        merged.append(list(row[1:]))
    result = import_cost_sheet(save(wb, tmp_path))
    assert len(result.model.lines) == 4
    assert {s.name: s.role for s in result.sheets}["清单汇总"] == "summary"


def test_cached_empty_string_is_an_empty_value(tmp_path: Path) -> None:
    """Excel saves IF(…,"") with an empty cached text value (t="str"): an empty cell, not a formula
    "written by a program"."""
    import zipfile

    wb = Workbook()
    ws = wb.active
    ws.title = "Costs"
    ws.append(["名称", "数量", "单价", "备注"])
    ws.append(["水泵", 2, 100, '=IF(B2>5,"大批","")'])
    path = save(wb, tmp_path, "plain.xlsx")
    fixed = tmp_path / "excel_saved.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(fixed, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<c r="D2">', b'<c r="D2" t="str">')
            dst.writestr(item, data)
    result = import_cost_sheet(fixed, mapping="category=D")
    assert [(ln.description, ln.category) for ln in result.model.lines] == [("水泵", None)]
    with pytest.raises(ProblemsError, match="has no saved value"):
        import_cost_sheet(path, mapping="category=D")


def test_mapped_column_is_not_called_ignored(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Costs"
    ws.append(["名称", "数量", "工程量", "单价"])
    ws.append(["水泵", 1, 2, 100])
    path = save(wb, tmp_path)
    # two quantity columns with different figures and no stated total: which one is meant is not known
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(path)
    [problem] = info.value.problems
    assert problem.where == "Costs!B2" and "Costs!C2" in problem.message
    assert '--map "Costs:quantity=LETTER"' in problem.message
    accepted = import_cost_sheet(path, accept_difference=True)
    assert [w.where for w in accepted.warnings] == ["Costs!C1", "Costs!B2"]  # the second column, the rival
    mapped = import_cost_sheet(path, mapping="quantity=C")
    assert mapped.warnings == [] and mapped.model.lines[0].quantity == D(2)


def test_item_with_measurement_rows_then_its_priced_row(tmp_path: Path) -> None:
    """Abstract of cost: the item's text, its quantities per part, then the priced row (no text)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Abstract"
    ws.append(["S.No.", "Item No", "Particulars", "Qty.", "Unit", "Rate", "/Unit", "Amount"])
    ws.append([1, "B-1 1.1.4", "Earthwork in excavation for foundation"])
    ws.append([None, None, "Foundation Work", 4412.88, "Cum"])
    ws.append([None, None, "Approaches", 3220, "Cum"])
    ws.append([None, None, None, "7,632.88", "Cum", 70, "/Cum", 534301.6])
    ws.append([2, "B-1 1.1.5", "Earthwork in hard soil"])
    ws.append([None, None, "Foundation Work", 1317.48, "Cum", 81, "/Cum", 106715.88])
    ws.append([3, "B-2 6.2", "Cement concrete"])
    ws.append([None, None, "Foundation Work", 10, "Cum"])
    ws.append([None, None, None, 12, "Cum", 100, "/Cum", 1200])  # 10 ≠ 12: the row above is no measurement
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(save(wb, tmp_path))
    assert [p.where for p in info.value.problems] == ["Abstract!F9"]
    ws.delete_rows(8, 3)
    result = import_cost_sheet(save(wb, tmp_path, "ok.xlsx"))
    assert [(ln.code, ln.description, ln.quantity, ln.likely) for ln in result.model.lines] == [
        ("B-1 1.1.4", "Earthwork in excavation for foundation", D("7632.88"), D(70)),
        ("B-1 1.1.5", "Earthwork in hard soil Foundation Work", D("1317.48"), D(81)),
    ]


def test_costs_list_with_text_amounts_and_no_description_header(tmp_path: Path) -> None:
    """A small project's cost list: 明目 (a typo) | 费用 | 小计 | 备注, amounts typed as 「673元/年」."""
    wb = Workbook()
    ws = wb.active
    ws.append(["明目", "费用", "小计", "备注"])
    ws.append(["开发者证书", "673元/年", "2353元", "申请流程见官网"])
    ws.append(["云服务器", "1680元/年", None, None])
    ws.append(["开发", "6825元", "6825元", "分两期支付"])
    ws.append(["总计", "9178元", "9178元"])
    result = import_cost_sheet(save(wb, tmp_path))
    assert [(ln.description, ln.likely) for ln in result.model.lines] == [
        ("开发者证书", D(673)),
        ("云服务器", D(1680)),
        ("开发", D(6825)),
    ]
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


def test_total_written_out_in_words_is_checked(tmp_path: Path) -> None:
    """A supplier quote: 总金额（大写）… 小写：N merged across the row, the cell beside it says
    something else: an error naming the written-out figure, never a silent pick."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["序号", "产品名称", "厂家/型号", "数量", "单价/元", "总价/元"])
    ws.append([1, "高压灭菌锅", "博迅/YXQ-50A", 1, 11100, 11100])
    ws.append([2, "霉菌培养箱", "博迅/BMJ-160", 1, 8200, 8200])
    ws.append(["总金额(大写）：壹万玖仟叁佰元整     小写：19300", None, None, None, None, 19300])
    ws.merge_cells("A4:E4")
    assert import_cost_sheet(save(wb, tmp_path)).reconciliation.status == "matched"
    ws["A4"] = "总金额(大写）：贰万壹仟叁佰元整     小写：21300"
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(save(wb, tmp_path, "wrong.xlsx"))
    [problem] = info.value.problems
    assert problem.where == "Sheet1!B4 (written out)" and "21,300.00" in problem.message
