"""Kinds of real workbooks from the third development batch (benchmarks/corpora/costs, k65-k82,
moved into dev in session 11), each rebuilt in the shape of the real one, and the structural
cross-checks of `costs.structure` that keep a wrong reading from passing silently:

- an equipment quotation whose 总价 and 税率 13% rows carry the next 序号 (k65);
- a parts list whose zero-amount rows say 若干, closed by 总参考价, with a second list under a
  renamed header (k68);
- a BOM with a `/` unit price and an amount rounded up from quantity × price, no total (k69);
- a WBS estimate with #Units/Hrs | Cost/Unit/Hrs | Subtotals and WBS level totals beside them (k72);
- a phase estimate whose role rows repeat one figure in Cost per Role / Activity / Phase, with a
  % of Total column (k73);
- unit-price quotations and product catalogues with no quantities, no amounts and no total (k76, k79);
- cloud estimates with a Monthly Total and an Annual Total, and a zero-cost service named only by its
  category (k81, k82).
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
from bidassist.costs.model import CostLine
from bidassist.costs.structure import hierarchy_parents, outline_number, percent_rows, sequence_breaks

D = Decimal
FUNC = [HealthCheck.function_scoped_fixture]


def save(wb: Workbook, tmp_path: Path, name: str = "book.xlsx") -> Path:
    path = tmp_path / name
    wb.save(path)
    return path


def line(code: str | None, desc: str, amount: str, qty: str = "1") -> CostLine:
    q, a = D(qty), D(amount)
    unit = a / q if q else a
    return CostLine.trusted(code, desc, None, q, unit, unit, unit, "fixed", None, False, f"S!A{desc[:2]}")


# ---------------------------------------------------------------- k65: 总价 / 税率 rows numbered 10, 11

ITEMS = [("LCD拼接单元", "台", 12, 9000), ("视频处理器", "台", 1, 22926), ("LCD框架", "块", 12, 680)]


def numbered_quote(tmp_path: Path, tax_label: str) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "3X6"
    ws.append(["3×4项目设备清单"])
    ws.append(["序号", "设备名称", "设备型号", "单位", "数量", "单价", "金额", "备注"])
    for i, (name, unit, qty, price) in enumerate(ITEMS, start=1):
        ws.append([str(i), name, "DS-1", unit, qty, price, qty * price])
    net = sum(q * p for _, _, q, p in ITEMS)
    tax = round(net * 0.13, 2)
    ws.append([str(len(ITEMS) + 1), "总价：", None, None, None, None, net])
    ws.append([str(len(ITEMS) + 2), tax_label, None, None, None, None, tax])
    ws.append(["合计", None, None, None, None, None, net + tax, "质保三年"])
    return save(wb, tmp_path)


@pytest.mark.parametrize("label", ["税率：13%", "检测费 13%"])
def test_numbered_total_and_rate_rows_are_a_subtotal_and_a_markup(tmp_path: Path, label: str) -> None:
    """税率 is a tax word; 检测费 13% is not, but its amount is 13 % of the lines above it."""
    result = import_cost_sheet(numbered_quote(tmp_path, label))
    assert [ln.description for ln in result.model.lines] == [name for name, *_ in ITEMS]
    net = sum(q * p for _, _, q, p in ITEMS)
    assert result.model.totals.likely == D(net)
    [markup] = result.markups
    assert (markup.label, markup.rate, markup.amount) == (label, D("0.13"), D(str(round(net * 0.13, 2))))
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


# ---------------------------------------------------------------- percent rows: a property


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=8),
    st.integers(min_value=1, max_value=30),
)
def test_a_rate_row_that_is_its_rate_of_the_lines_is_a_markup(amounts: list[int], pct: int) -> None:
    lines = [line(str(i), f"item {i}", str(a)) for i, a in enumerate(amounts, start=1)]
    base = sum(D(a) for a in amounts)
    fee = (base * pct / 100).quantize(D("0.01"))
    found = percent_rows([*lines, line(None, f"fee {pct}%", str(fee))])
    assert [(p.index, p.rate, p.base) for p in found] == [(len(amounts), D(pct) / 100, base)]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=8),
    st.integers(min_value=1, max_value=30),
    st.integers(min_value=1, max_value=10**4),
)
def test_a_rate_row_off_its_rate_stays_a_line(amounts: list[int], pct: int, off: int) -> None:
    lines = [line(str(i), f"item {i}", str(a)) for i, a in enumerate(amounts, start=1)]
    fee = (sum(D(a) for a in amounts) * pct / 100).quantize(D("0.01")) + D(off)
    assert percent_rows([*lines, line(None, f"fee {pct}%", str(fee))]) == []


# ---------------------------------------------------------------- WBS parents: 1 over 1.1, 1.2


def wbs_sheet(tmp_path: Path, children: list[int], parent: int, total: int | None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "WBS"
    ws.append(["Description", "Quantity", "Unit price", "Amount"])
    ws.append(["1 Project management", 1, parent, parent])
    for k, amount in enumerate(children, start=1):
        ws.append([f"1.{k} Role {k}", 1, amount, amount])
    ws.append(["2 Hardware", 1, 500, 500])
    if total is not None:
        ws.append(["Total", None, None, total])
    return save(wb, tmp_path)


@settings(max_examples=15, deadline=None, suppress_health_check=FUNC)
@given(st.lists(st.integers(min_value=0, max_value=10**5), min_size=2, max_size=6))
def test_a_parent_row_equal_to_its_children_is_their_subtotal(tmp_path: Path, children: list[int]) -> None:
    """Whatever the children, the parent never counts twice: the lines are the children and 2."""
    result = import_cost_sheet(wbs_sheet(tmp_path, children, sum(children), sum(children) + 500))
    assert [ln.description.split()[0] for ln in result.model.lines] == [
        *(f"1.{k}" for k in range(1, len(children) + 1)),
        "2",
    ]
    assert result.model.totals.likely == sum(children) + 500
    assert any("read as their subtotal" in w.message and w.where == "WBS!A2" for w in result.warnings)


def test_a_parent_row_that_differs_from_its_children_is_refused_without_a_total(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(wbs_sheet(tmp_path, [100, 200], 350, None))
    [problem] = info.value.problems
    assert problem.where == "WBS!A2"
    assert "differs from their sum 300.00" in problem.message and "--accept-difference" in problem.message


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**5), min_size=1, max_size=5))
def test_hierarchy_parents_sum_only_the_leaves(amounts: list[int]) -> None:
    """1 over 1.1 over 1.1.k: each parent's total is the sum of the leaves below it."""
    leaves = [line(f"1.1.{k}", f"leaf {k}", str(a)) for k, a in enumerate(amounts, start=1)]
    total = str(sum(amounts))
    lines = [line("1", "top", total), line("1.1", "mid", total), *leaves, line("2", "next", "5")]
    parents = hierarchy_parents(lines)
    assert [(p.index, p.total, p.rollup) for p in parents] == [(0, D(total), True), (1, D(total), True)]


@pytest.mark.parametrize(
    ("code", "desc", "number"),
    [
        ("1", "x", (1,)),
        ("", " 1.1 Project Manager", (1, 1)),
        ("", "2. Hardware", (2,)),
        ("", "3.5寸屏", None),
        ("010101001001", "1.1 x", None),
        ("", "2024年 设备", None),
    ],
)
def test_outline_numbers(code: str, desc: str, number: tuple[int, ...] | None) -> None:
    assert outline_number(line(code, desc, "1")) == number


def test_a_copied_row_is_warned() -> None:
    lines = [line("1", "钢管", "10"), line("2", "阀门", "5"), line("2", "阀门", "5")]
    assert sequence_breaks(lines) == [(1, 2, "序号 2 repeated with the same description")]
    assert sequence_breaks(lines[:2] + [line("2", "弯头", "5")]) == []

    # a 序号 written with spaces around it (full-width too) is still one; a long item code is not
    padded = [line("2\u3000\u3000\u3000\u3000", "阀门", "5"), line(" 2\u3000", "阀门", "5")]
    assert sequence_breaks(lines[:2] + padded) == [
        (1, 2, "序号 2 repeated with the same description"),
        (2, 3, "序号 2 repeated with the same description"),
    ]
    assert sequence_breaks([line("03070001", "阀门", "5"), line("03070001", "阀门", "5")]) == []


# ---------------------------------------------------------------- k68: 若干 rows, 总参考价, a second list


def parts_with_tools(tmp_path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["材料名称", "类型", "数量", "单价", "总价", "链接"])
    ws.append(["电池", "蓝色", 1, 18, 18, "https://example.com/a"])
    ws.append(["舵机", "360", 2, 8, 16, "https://example.com/b"])
    ws.append(["M3M4螺丝", "若干（长度10mm~16mm）", None, None, 0])
    ws.append(["M2自攻螺丝", "若干", None, None, 0])
    ws.append(["总参考价：", None, None, None, 34])
    ws.append([])
    ws.append(["必备工具", "作用", "数量", "单价", "总价", "链接"])
    ws.append(["螺丝刀"])
    ws.append(["ov2640广角", "可选（替代原装）", 1, 18, 18])
    return save(wb, tmp_path)


def test_zero_rows_count_and_a_renamed_header_under_the_total_ends_the_table(tmp_path: Path) -> None:
    result = import_cost_sheet(parts_with_tools(tmp_path))
    assert [(ln.description, ln.likely_total) for ln in result.model.lines] == [
        ("电池", D(18)),
        ("舵机", D(16)),
        ("M3M4螺丝", D(0)),
        ("M2自攻螺丝", D(0)),
    ]
    rec = result.reconciliation
    assert rec is not None and (rec.status, rec.cell) == ("matched", "Sheet!E6")
    assert any("another table starts here" in w.message and "必备工具" in w.message for w in result.warnings)


# ---------------------------------------------------------------- k69: a "/" price, an amount rounded up


def stock_bom(tmp_path: Path, footpad_amount: float) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["名称", "数量", "单价", "每套总价", None, "库存余量", "库存余套"])
    ws.append(["灯板PCB", 3, 22, 66, None, "26坏1", 8])
    ws.append(["XH4A连接座", 6, "/", 3, None, 0, 0])
    ws.append(["脚垫", 4, 0.15, footpad_amount, None, 64, 16])
    return save(wb, tmp_path)


def test_a_slash_price_is_no_price_and_a_rounded_amount_stands(tmp_path: Path) -> None:
    result = import_cost_sheet(stock_bom(tmp_path, 1))
    assert [ln.likely_total for ln in result.model.lines] == [D(66), D(3), D(1)]
    assert result.reconciliation is not None and result.reconciliation.status == "no stated total"
    assert any(w.where == "Sheet!D4" and "≠ quantity × unit price" in w.message for w in result.warnings)


def test_an_amount_far_from_quantity_times_price_is_still_refused_without_a_total(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(stock_bom(tmp_path, 60))
    assert info.value.problems[0].where == "Sheet!D4"


# ---------------------------------------------------------------- k73: three cost columns, a % column


def phase_estimate(tmp_path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Estimate"
    ws.append(
        [
            "Activity",
            "Resource",
            "Effort Estimate per Role (hours)",
            "Hourly Rate",
            "Cost per Role",
            "Cost per Activity",
            "Cost per Phase",
            "% of Total Cost per Phase",
            None,
            10000,
            "Budget",
        ]
    )
    ws.append(["1. Initiation Phase"])
    ws.append(["Developing the charter", "PM", 15, 70, 1050, 1050, 1050])
    ws.append([None, "BA", 8, 40, 320, 320, 320])
    ws.append(["Activity Subtotal", None, None, None, None, 1370])
    ws.append(["Phase Subtotal", None, None, None, None, None, 1370, 0.137])
    ws.append(["First-year Subscription", None, None, None, None, None, 5000, 0.5])
    ws.append(["Project Contingencies", None, None, None, None, None, 637, 0.0637])
    ws.append(["Total Cost Estimate", None, None, None, None, None, 7007, 0.7007])
    return save(wb, tmp_path)


def test_the_rival_amount_column_that_adds_up_is_chosen_and_a_share_column_is_never_money(
    tmp_path: Path,
) -> None:
    result = import_cost_sheet(phase_estimate(tmp_path))
    assert [ln.likely_total for ln in result.model.lines] == [D(1050), D(320), D(5000)]
    assert [(m.kind, m.amount) for m in result.markups] == [("provisional", D(637))]
    rec = result.reconciliation
    assert rec is not None and (rec.status, rec.cell) == ("matched", "Estimate!G9")
    assert any(
        w.where == "Estimate!G1" and "the only one whose lines add up" in w.message for w in result.warnings
    )


# ---------------------------------------------------------------- k76 / k79: prices alone


def test_a_catalogue_of_prices_is_refused_naming_the_sheet_and_the_fix(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "products"
    ws.append(["id", "name", "price", "image", "supplier_id", "description"])
    for i in range(1, 8):
        ws.append([i, f"Paint {i}", 1000 * i, f"img/{i}.jpg", 2, "durable"])
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(save(wb, tmp_path))
    [problem] = info.value.problems
    assert problem.where == "products"
    assert "a price list" in problem.message and "--map" in problem.message


def test_prices_with_a_stated_total_are_still_read(tmp_path: Path) -> None:
    """A total the sheet states is the evidence that each price is one item's money."""
    wb = Workbook()
    ws = wb.active
    ws.append(["名称", "单价"])
    ws.append(["A", 100])
    ws.append(["B", 250])
    ws.append(["合计", 350])
    result = import_cost_sheet(save(wb, tmp_path))
    assert result.model.totals.likely == D(350)


# ---------------------------------------------------------------- k81 / k82: cloud estimates


def cloud_estimate(tmp_path: Path, annual: float) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Your Estimate"
    ws.append(["Microsoft Azure Estimate"])
    ws.append(["Service category", "Service type", "Region", "Description", "Estimated monthly cost"])
    ws.append(["Compute", "App Service", "West Europe", "1 instance", 246.2436])
    ws.append(["Storage", "Storage Accounts", "UK West", "Block Blob", 35.292105396351])
    ws.append(["Support", None, None, None, 0.0])
    ws.append([None, None, None, "Monthly Total", 281.535705396351])
    ws.append([None, None, None, "Annual Total", annual])
    return save(wb, tmp_path)


def test_an_annual_total_restating_the_monthly_one_is_not_the_sheets_total(tmp_path: Path) -> None:
    result = import_cost_sheet(cloud_estimate(tmp_path, 281.535705396351 * 12))
    assert [ln.category for ln in result.model.lines] == ["Compute", "Storage", "Support"]
    rec = result.reconciliation
    assert rec is not None and (rec.status, rec.cell) == ("matched", "'Your Estimate'!E6")
    assert any("is 12 × Monthly Total" in w.message for w in result.warnings)


def test_an_annual_total_that_is_no_restatement_is_checked(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(cloud_estimate(tmp_path, 3000))
    assert any(p.where == "'Your Estimate'!E7" and "Annual Total" in p.message for p in info.value.problems)


# ---------------------------------------------------------------- k72: WBS level totals beside the lines


def wbs_estimate(tmp_path: Path, *, header: bool) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Project Cost Estimate"])
    ws.append(
        [None, "#Units/Hrs", "Cost/Unit/Hrs", "Subtotals", "WBS Level 1 Totals"]
        if header
        else [None, None, None, None, None]
    )
    ws.append(["WBS Items"])
    ws.append(["1. Project Management", None, None, None, 1008])
    ws.append([" 1.1 Project Manager", 48, 16, 768])
    ws.append([" 1.2 Business Analyst", 16, 15, 240])
    ws.append(["2. Hardware"])
    ws.append([" 2.1 Computer", 5, 1300, 6500, 7500])
    ws.append([" 2.2 Screens", 5, 200, 1000, None])
    ws.append(["Total Project Cost Estimate", None, None, None, 8508])
    return save(wb, tmp_path)


def test_wbs_headers_read_the_item_rows_not_the_level_totals(tmp_path: Path) -> None:
    result = import_cost_sheet(wbs_estimate(tmp_path, header=True))
    assert [ln.likely_total for ln in result.model.lines] == [D(768), D(240), D(6500), D(1000)]
    assert result.model.totals.likely == D(8508)


def test_a_headerless_column_of_level_totals_is_not_read_as_lines(tmp_path: Path) -> None:
    """Without a header the total row's column sums the level totals; the item rows beside it are
    priced in another column, so reading it would turn totals into lines: refused with the fix."""
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(wbs_estimate(tmp_path, header=False))
    assert any("--map" in p.message for p in info.value.problems)


def test_two_amount_columns_that_both_add_up_are_refused_naming_both(tmp_path: Path) -> None:
    """Two readings fit the sheet's totals, each column with its own: the sheet gives two answers
    and says nowhere which is the cost, so the import refuses naming both columns and how to read
    each (session 14, k140: reading the first with a warning was a silent choice)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws.append(["Description", "Cost per Role", "Cost per Phase"])
    ws.append(["Design", 100, 200])
    ws.append(["Build", 200, 300])
    ws.append(["Total", 300, 500])
    path = save(wb, tmp_path)
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(path)
    [problem] = [p for p in info.value.problems if "two amount columns" in p.message]
    assert problem.where == "Plan!C4"
    assert '--map "Plan:amount=B"' in problem.message and '--map "Plan:amount=C"' in problem.message
    assert import_cost_sheet(path, mapping="Plan:amount=C").model.totals.likely == D(500)
