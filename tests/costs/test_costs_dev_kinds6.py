"""Kinds of real workbooks from the held-out set heldout5 (k101–k121, moved into dev in session 13,
never tuned on before), each rebuilt as a small workbook in the shape of the real one:

- two versions of one cost list in two sheets (a plan and a purchase list in different forms, or
  sheets named v1/v2): refused naming both sheets and `--sheet`, never added up (k117); sheets of
  one form (per building, per month) stay parts;
- a `Dist` column of distributor names is not the distribution; `Cnt | Cost Ea. | Cost Total`
  (k103);
- a chart or shape linking to a place in the workbook (`#Dashboard!A1`) does not make the package
  damaged; stacked blocks (Labor / Materials) each with their header and a block total are read on
  when a larger total stands below; a mark-up labelled in a number column beside its rate; template
  rows of formula zeros are no lines (k121);
- a budget with 预计 | 实际 | 差异 columns and blocks above the expense list (k116), a blank
  template sheet named 合计 beside the filled form whose first item sits under 项目 (k114);
- words in money cells: Free is a nil amount, TBD leaves the row unpriced; shipping and a fudge
  factor at the foot are mark-ups (k111).
"""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from bidassist.core.errors import BidassistError, ProblemsError
from bidassist.costs import import_cost_sheet

D = Decimal
FUNC = [HealthCheck.function_scoped_fixture]


def save(wb: Workbook, tmp_path: Path, name: str = "book.xlsx") -> Path:
    path = tmp_path / name
    wb.save(path)
    return path


# ---------------------------------------------------------------- k117: two versions of one list

PLAN = [("AS5600模组", 8.25, 5), ("M8法兰连轴器", 10, 2), ("激光切割加工", 1000, 1)]
BOUGHT = [
    ("底座安装板", 0, 1),
    ("M8法兰连轴-8-32", 10, 3),
    ("激光切割加工", 1000, 1),
    ("六角螺柱M3-25", 2.4, 1),
]


def two_lists(
    tmp_path: Path,
    plan: list[tuple[str, float, int]],
    bought: list[tuple[str, float, int]],
    *,
    names: tuple[str, str] = ("Sheet1", "Sheet2"),
    same_form: bool = False,
) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = names[0]
    ws.append(["name", "link", "price", "count", "total"])
    for name, price, count in plan:
        ws.append([name, "https://shop.example/x", price, count, price * count])
    ws.append([None, None, None, None, sum(p * c for _, p, c in plan)])
    ws2 = wb.create_sheet(names[1])
    if same_form:
        ws2.append(["name", "link", "price", "count", "total"])
        for name, price, count in bought:
            ws2.append([name, "", price, count, price * count])
    else:
        ws2.append(["项目号", "零件号", "说明", "数量", "品牌", "单价", "总价"])
        for i, (name, price, count) in enumerate(bought, start=2):
            ws2.append([i, name, None, count, "RuFeng", price, price * count])
    ws2.append([None] * 4 + [None, None, sum(p * c for _, p, c in bought)])
    return save(wb, tmp_path)


def test_a_plan_and_a_purchase_list_of_one_project_are_refused_naming_both(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as err:
        import_cost_sheet(two_lists(tmp_path, PLAN, BOUGHT))
    text = " ".join(p.message for p in err.value.problems)
    assert "Sheet1" in text and "Sheet2" in text and '--sheet "Sheet1"' in text
    assert "versions" in text


def test_either_version_imports_with_sheet(tmp_path: Path) -> None:
    path = two_lists(tmp_path, PLAN, BOUGHT)
    one = import_cost_sheet(path, sheet="Sheet1")
    assert one.model.totals.likely == D("1061.25")
    two = import_cost_sheet(path, sheet="Sheet2")
    assert [ln.description for ln in two.model.lines][:2] == ["底座安装板", "M8法兰连轴-8-32"]


def test_the_item_number_column_is_not_the_name(tmp_path: Path) -> None:
    two = import_cost_sheet(two_lists(tmp_path, PLAN, BOUGHT), sheet="Sheet2")
    assert all(not ln.description.isdigit() for ln in two.model.lines)


@pytest.mark.parametrize("names", [("报价 v1", "报价 v2"), ("Budget", "Budget (2)"), ("预算", "预算修改版")])
def test_sheets_named_as_versions_are_refused_even_in_one_form(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    other = [("Motor", 245.0, 4), ("Frame", 300.0, 1), ("Cable", 2.5, 10)]
    with pytest.raises(ProblemsError) as err:
        import_cost_sheet(two_lists(tmp_path, PLAN, other, names=names, same_form=True))
    assert any(names[0] in p.message and names[1] in p.message for p in err.value.problems)


def test_sheets_of_one_form_are_parts_and_added_up(tmp_path: Path) -> None:
    """Per-building or per-month sheets of one template are parts: added up with a warning."""
    east = [("C30混凝土", 500.0, 10), ("钢筋", 4000.0, 2), ("模板", 60.0, 50)]
    west = [("C30混凝土", 500.0, 12), ("钢筋", 4000.0, 3), ("砌体", 300.0, 20)]
    result = import_cost_sheet(two_lists(tmp_path, east, west, names=("东楼", "西楼"), same_form=True))
    assert result.model.totals.likely == D(5000 + 8000 + 3000) + D(6000 + 12000 + 6000)
    assert any("added up" in w.message for w in result.warnings)


def test_parts_in_different_forms_with_nothing_in_common_are_added_up(tmp_path: Path) -> None:
    """Two quotations in different forms, no shared item and far apart totals: parts (a warning)."""
    parts = [("Compressor", 5000.0, 10), ("Fan motor", 800.0, 2)]
    repair = [("检漏维修", 300.0, 1), ("冷媒", 90.0, 4)]
    result = import_cost_sheet(two_lists(tmp_path, parts, repair))
    assert result.model.totals.likely == D(51600) + D(660)
    assert any("added up" in w.message for w in result.warnings)


@settings(max_examples=25, deadline=None, suppress_health_check=FUNC)
@given(
    prices=st.lists(st.integers(1, 900), min_size=3, max_size=6),
    drift=st.integers(-9, 9),
    shared=st.booleans(),
)
def test_a_second_pricing_in_another_form_is_never_added_up(
    tmp_path: Path, prices: list[int], drift: int, shared: bool
) -> None:
    """For any list priced a second time in another form - its totals within 10 % of each other, or
    one item named alike - the import refuses and names both sheets: the sum is never returned."""
    plan = [(f"零件{i}", float(p), 1) for i, p in enumerate(prices)]
    total = sum(prices)
    bought = [(f"part-{i}", float(p), 1) for i, p in enumerate(prices[:-1])]
    last = max(1, prices[-1] + round(total * drift / 100))
    bought.append((plan[0][0] if shared else "part-last", float(last), 1))
    with pytest.raises(ProblemsError) as err:
        import_cost_sheet(two_lists(tmp_path, plan, bought))
    assert any("Sheet1" in p.message and "Sheet2" in p.message for p in err.value.problems)


# ---------------------------------------------------------------- k103: a BOM's Dist column


def bom(tmp_path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "BOM"
    ws.append(
        [
            "Cnt",
            "Part References",
            "Mfg PN",
            "Description",
            "Dist",
            "Dist Part Number",
            "Cost Ea.",
            "Cost Total",
        ]
    )
    rows = [
        (1, "U1", "SEN0315", "Gesture sensor", "Mouser", "426-SEN0315", 8.5),
        (2, "R1,R2", "RC0603", "Resistor 10k", "Digi-Key", "311-10K", 0.1),
    ]
    for cnt, ref, pn, desc, dist, dpn, each in rows:
        ws.append([cnt, ref, pn, desc, dist, dpn, each, cnt * each])
    ws.append([None, None, None, None, None, None, "TOTAL:", 8.7])
    return save(wb, tmp_path)


def test_a_distributor_column_is_not_the_distribution(tmp_path: Path) -> None:
    result = import_cost_sheet(bom(tmp_path))
    assert [(ln.description, ln.quantity, ln.likely, ln.distribution) for ln in result.model.lines] == [
        ("Gesture sensor", D(1), D("8.5"), "fixed"),
        ("Resistor 10k", D(2), D("0.1"), "fixed"),
    ]
    assert any("holds no distribution names" in w.message for w in result.warnings)
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


def test_a_distribution_column_of_names_is_still_read(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["名称", "数量", "最低", "最可能", "最高", "分布"])
    ws.append(["服务器", 2, 900, 1000, 1200, "三角"])
    ws.append(["交换机", 1, 400, 500, 700, "PERT"])
    result = import_cost_sheet(save(wb, tmp_path))
    assert [ln.distribution for ln in result.model.lines] == ["triangular", "pert"]
    assert not any("distribution names" in w.message for w in result.warnings)


# ---------------------------------------------------------------- k121: an estimating workbook


def estimate(tmp_path: Path, *, materials: float = 970.0, rate: float = 0.15) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "RFP"
    ws.append(["Est No.", 112723])
    ws.append(["Craft Description", None, None, "Rate", "Hours", None, None, "Total"])
    ws.append(["Carpenter", None, None, 65.5, 24, None, None, 1572.0, None, "Scope", "Frame the wall"])
    ws.append([None] * 7 + [0])
    ws.append([None, None, None, None, None, "Total Labor", None, 1572.0])
    ws.append([])
    ws.append(["Materials", None, None, "Quantity", "Unit Price", None, None, "Total"])
    ws.append(["Lot", None, None, 1, materials, None, None, materials])
    ws.append([None] * 7 + [0])
    ws.append([None, None, None, None, None, "Total Materials", None, materials])
    ws.append([None, None, None, None, None, "Subtotal", None, 1572.0 + materials])
    ws.append(
        ["Working Days:", None, None, None, "Mark Up", None, rate, round((1572.0 + materials) * rate, 2)]
    )
    ws.append([None, None, None, None, "Total", None, None, round((1572.0 + materials) * (1 + rate), 2)])
    view = wb.create_sheet("RFPView")
    view.append(["Craft Description", None, None, "Rate", "Hours", None, None, "Total"])
    for _ in range(4):
        view.append([0, None, None, 0, 0, None, None, 0, None, "Greeting", 0])
    view.append([None, None, None, None, None, "Total Labor", None, 0])
    ws.cell(row=1, column=3).hyperlink = "#RFPView!A1"
    return save(wb, tmp_path)


def with_internal_link(path: Path) -> Path:
    """Add a drawing relationship whose target is a place in the workbook, as Excel writes for a
    shape linked to a cell."""
    out = path.with_name("linked.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr(
            "xl/drawings/_rels/drawing1.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/hyperlink" Target="#Dashboard!A1"/></Relationships>',
        )
    return out


def test_stacked_blocks_and_a_mark_up_beside_its_rate(tmp_path: Path) -> None:
    result = import_cost_sheet(with_internal_link(estimate(tmp_path)))
    assert [(ln.description, ln.source) for ln in result.model.lines] == [
        ("Carpenter", "RFP!A3"),
        ("Lot", "RFP!A8"),
    ]
    assert result.model.totals.likely == D("2542")
    assert [(m.label, m.amount) for m in result.markups] == [("Mark Up", D("381.30"))]
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


def test_a_link_out_of_the_package_is_still_refused(tmp_path: Path) -> None:
    path = estimate(tmp_path)
    out = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr(
            "xl/drawings/_rels/drawing1.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="x" Target="../../../etc/passwd"/>'
            "</Relationships>",
        )
    with pytest.raises(BidassistError, match="outside the package"):
        import_cost_sheet(out)


@settings(max_examples=15, deadline=None, suppress_health_check=FUNC)
@given(
    materials=st.integers(1, 5000), rate=st.sampled_from([0.05, 0.1, 0.15]), off=st.sampled_from([0, 0, 7])
)
def test_blocks_below_a_block_total_are_never_dropped_silently(
    tmp_path: Path, materials: int, rate: float, off: int
) -> None:
    """For any second block, the import either holds both blocks (and the total agrees) or is
    refused: the first block's total never ends the sheet while a larger total stands below."""
    path = estimate(tmp_path, materials=float(materials), rate=rate)
    if off:
        from openpyxl import load_workbook

        wb = load_workbook(path)
        wb["RFP"].cell(row=13, column=8).value = wb["RFP"].cell(row=13, column=8).value + off
        wb.save(path)
    try:
        result = import_cost_sheet(path)
    except ProblemsError:
        assert off
        return
    assert not off
    assert result.model.totals.likely == D(1572 + materials)


# ---------------------------------------------------------------- k116 / k114: budgets and forms


def month_budget(tmp_path: Path) -> Path:
    wb = Workbook()
    for month, rows in (
        ("10月份", [("兼职工资", 7000), ("办公座椅", 6192.8)]),
        ("11月份", [("兼职工资", 7000)]),
    ):
        ws = wb.active if month == "10月份" else wb.create_sheet(month)
        ws.title = month
        ws.append(["公司预算"])
        ws.append(["现金流量", "预计", "实际", "差异"])
        ws.append(["总收益", None, None, 0])
        ws.append(["总现金", 0, -6542.8, 0])
        ws.append(["每月收入", "预计", "实际", "差异"])
        ws.append(["收入 1", None, None, 0])
        ws.append(["每月支出", "预计", "实际", "差异"])
        for name, amount in rows:
            ws.append([name, amount, 0, amount])
        for _ in range(3):
            ws.append([None, None, None, 0])
        total = sum(a for _, a in rows)
        ws.append(["总计", total, 0, total])
    return save(wb, tmp_path)


def test_a_budget_reads_the_expense_list_and_its_budget_column(tmp_path: Path) -> None:
    result = import_cost_sheet(month_budget(tmp_path))
    assert [(ln.description, ln.likely) for ln in result.model.lines] == [
        ("兼职工资", D(7000)),
        ("办公座椅", D("6192.8")),
        ("兼职工资", D(7000)),
    ]
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


def filled_form(tmp_path: Path) -> Path:
    wb = Workbook()
    blank = wb.active
    blank.title = "合计"
    real = wb.create_sheet("实报")
    for ws, amount in ((blank, None), (real, 882.68)):
        ws.append(["专题生活会活动费用明细"])
        ws.append(["参与人数（人）：", 24])
        ws.append(["项目", "实报", "金额", "备注"])
        ws.append(["简餐费", None, None, "*餐，人均*元/餐"])
        ws.append(["租车费", None, None, "*辆大巴"])
        ws.append(["图书、文具费", amount, amount])
        ws.append(["合计", amount or 0, amount or 0])
    return save(wb, tmp_path)


def test_a_blank_template_named_like_a_summary_is_skipped(tmp_path: Path) -> None:
    result = import_cost_sheet(filled_form(tmp_path))
    assert [(ln.description, ln.likely) for ln in result.model.lines] == [("图书、文具费", D("882.68"))]
    assert result.reconciliation is not None and result.reconciliation.cell == "实报!C7"


# ---------------------------------------------------------------- k111: words in money cells


def budget(tmp_path: Path, word: str, *, total: float | None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["QUANTY", "ITEM NAME", "Price"])
    ws.append([2, "6ft aluminum bar", 50.56])
    ws.append([4, "NEMA 23 Stepper motors", 92])
    ws.append([3, "Endstops", 3])
    ws.append([1, "Bernhard leftovers", word])
    ws.append([1, "Shipping fees (Approx)", 100])
    ws.append([1, "Fudge Factor", 50])
    if total is not None:
        ws.append(["TOTAL", None, total])
    return save(wb, tmp_path)


@pytest.mark.parametrize("word", ["Free", "免费", "No cost"])
def test_a_nil_word_is_a_zero_line(tmp_path: Path, word: str) -> None:
    result = import_cost_sheet(budget(tmp_path, word, total=295.56))
    assert ("Bernhard leftovers", D(0)) in [
        (ln.description, ln.quantity * ln.likely) for ln in result.model.lines
    ]
    assert sum(ln.quantity * ln.likely for ln in result.model.lines) == D("145.56")
    assert [(m.kind, m.amount) for m in result.markups] == [("other", D(100)), ("provisional", D(50))]
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


@pytest.mark.parametrize("word", ["TBD", "待定", "?"])
def test_an_unknown_price_leaves_the_row_unpriced(tmp_path: Path, word: str) -> None:
    """Against a total that counts no figure for it, the row is left out with a warning; with a
    total that differs it is refused - never a guessed price."""
    result = import_cost_sheet(budget(tmp_path, word, total=295.56))
    assert "Bernhard leftovers" not in [ln.description for ln in result.model.lines]
    assert any(
        "Bernhard" in w.message or "B5" in (w.where or "") or "C5" in (w.where or "") for w in result.warnings
    )
    with pytest.raises(ProblemsError):
        import_cost_sheet(budget(tmp_path, word, total=395.56))


# ---------------------------------------------------------------- k110: a total beside the first line

PARTS = [
    ("ESP32 C3 Mini", 2, 875.45),
    ("Pin header", 8, 40),
    ("Voltage sensor", 1, 550),
    ("3D print", 1, 6200),
]


def smart_budget(tmp_path: Path, *, beside: float | None, sharing: bool = True) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["Budget For Smart Nest"])
    ws.append(["Item", "Quantity", "Unity Price", "Total Price"] + [None] * 8 + ["Donor A", "Donor B"])
    for i, (name, qty, price) in enumerate(PARTS):
        row: list = [name, qty, price, round(qty * price, 2), round(qty * price * 0.8, 2)]
        if i == 0:
            row.append(beside)
        if sharing and i < 2:
            row += [None] * (12 - len(row)) + [1000 + i, 500]
        ws.append(row)
    ws.append([None, None, None, None, 9999])
    if sharing:
        ws.append([None] * 11 + ["Total=", 2001, 1000])
    return save(wb, tmp_path)


def test_a_total_beside_the_first_line_is_the_sheets_total(tmp_path: Path) -> None:
    total = round(sum(q * p for _, q, p in PARTS), 2)
    result = import_cost_sheet(smart_budget(tmp_path, beside=total))
    assert len(result.model.lines) == len(PARTS)
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.cell == "Sheet1!F3"


@settings(max_examples=20, deadline=None, suppress_health_check=FUNC)
@given(off=st.sampled_from([0, 0, 1, 250, -100]), sharing=st.booleans())
def test_a_figure_beside_the_lines_never_confirms_a_wrong_total(
    tmp_path: Path, off: int, sharing: bool
) -> None:
    """The lone figure beside the lines is taken as the total only when it equals the lines; any
    other figure confirms nothing (no reconciliation is claimed), and the Total= of the block
    beside the table is never the sheet's total."""
    total = round(sum(q * p for _, q, p in PARTS), 2)
    result = import_cost_sheet(smart_budget(tmp_path, beside=total + off, sharing=sharing))
    assert result.model.totals.likely == D(str(total))
    rec = result.reconciliation
    assert rec is not None
    assert (rec.status == "matched") == (off == 0)
    assert "M" not in (rec.cell or "")


# ---------------------------------------------------------------- k113: lists side by side


def side_by_side(tmp_path: Path, lists: dict[str, list[tuple[str, int | None]]], *, off: int = 0) -> Path:
    """Each list: 名 | 预算 | 品牌 | 实际支出 | 备注 and an empty column, its 总计 right under the header."""
    wb = Workbook()
    ws = wb.active
    ws.title = "预算与实际支出"
    ws.append(["", "预算", "实际支出"])
    ws.append([])
    width = 6
    names = list(lists)
    head: list = []
    tops: list = []
    for i, name in enumerate(names):
        head += [name, "预算", "品牌", "实际支出", "备注", None]
        total = sum(a or 0 for _, a in lists[name]) + (off if i == len(names) - 1 else 0)
        tops += ["总计", total, None, 0, None, None]
    ws.append(head)
    ws.append(tops)
    depth = max(len(items) for items in lists.values())
    for r in range(depth):
        row: list = [None] * (width * len(names))
        for i, name in enumerate(names):
            if r < len(lists[name]):
                item, amount = lists[name][r]
                row[i * width] = item
                row[i * width + 1] = amount
                row[i * width + 2] = "某品牌" if r % 2 else None
        ws.append(row)
    return save(wb, tmp_path)


HOME = {
    "硬装": [("半包", 60000), ("所有窗户", 8000), ("防盗门", 2000), ("橱柜", 20000)],
    "电器": [("热水器", 1499), ("冰箱", 1999), ("洗碗机", 1999), ("烤箱", None)],
    "家具": [("电视柜", 2000), ("茶几", 39), ("餐桌", 799)],
}


def test_lists_side_by_side_are_each_read_with_their_category(tmp_path: Path) -> None:
    result = import_cost_sheet(side_by_side(tmp_path, HOME))
    got = [(ln.category, ln.description, ln.likely) for ln in result.model.lines]
    want = [(cat, item, D(a)) for cat, items in HOME.items() for item, a in items if a is not None]
    assert got == want
    assert result.reconciliation is not None and result.reconciliation.status == "matched"
    assert result.model.lines[4].source == "预算与实际支出!G5"


@settings(max_examples=15, deadline=None, suppress_health_check=FUNC)
@given(
    sizes=st.lists(st.integers(2, 6), min_size=2, max_size=4),
    amounts=st.lists(st.integers(1, 9_000), min_size=24, max_size=24),
    off=st.sampled_from([0, 0, 1, 300]),
)
def test_lists_side_by_side_never_add_up_wrong(
    tmp_path: Path, sizes: list[int], amounts: list[int], off: int
) -> None:
    """For any lists side by side, the import is the sum of every list and each list's total
    above its items agrees; a list whose total differs is refused."""
    it = iter(amounts)
    lists = {f"类{i}": [(f"物品{i}-{k}", next(it)) for k in range(n)] for i, n in enumerate(sizes)}
    path = side_by_side(tmp_path, lists, off=off)
    if off:
        with pytest.raises(ProblemsError):
            import_cost_sheet(path)
        return
    result = import_cost_sheet(path)
    assert result.model.totals.likely == D(sum(a for items in lists.values() for _, a in items))
    assert {ln.category for ln in result.model.lines} == set(lists)


def test_a_named_row_with_a_word_in_a_number_column_is_no_markup(tmp_path: Path) -> None:
    """`Cement | Lump | 0.75 | 1,000`: a named row stays an item (or a refused cell), never a
    mark-up read off its rate-like figure."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Description", "Quantity", "Rate", "Amount"])
    ws.append(["Sand", 10, 25, 250])
    ws.append(["Cement", "Lump", 0.75, 1000])
    ws.append(["Total", None, None, 1250])
    try:
        result = import_cost_sheet(save(wb, tmp_path))
    except ProblemsError as err:
        assert any("B3" in (p.where or "") for p in err.problems)
    else:
        assert "Cement" in [ln.description for ln in result.model.lines]
        assert not result.markups


@pytest.mark.parametrize("rows", [2, 5])
def test_a_total_above_one_list_is_its_total(tmp_path: Path, rows: int) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["项目", "预算", "备注"])
    ws.append(["总计", 100 * rows])
    for k in range(rows):
        ws.append([f"物品{k}", 100])
    result = import_cost_sheet(save(wb, tmp_path))
    assert result.model.totals.likely == D(100 * rows)
    assert result.reconciliation is not None and result.reconciliation.cell == "Sheet!B2"
    ws["B2"] = 100 * rows + 1
    with pytest.raises(ProblemsError):
        import_cost_sheet(save(wb, tmp_path, "off.xlsx"))
