"""Kinds the session-21 held-out workbooks (heldout11, moved to dev) missed, built as kinds in
styles not in the corpus (session 21, helper costs-fix), each with a look-alike that keeps its reading:

- two cost tables on one sheet: a named one (工作包名称 | 人日数 | 人力费用) above a restatement by
  person whose item column is not named (部门 | 姓名 | 人日数 | 费用), which would win the header search
  by naming more columns: refused, naming both header rows and the --map that chooses;
- a screen design of a program drawn in a workbook (a form whose header names its controls,
  `[Save record button]`, or whose fields hold placeholders, `Enter text`) with sample rows that
  have a Cost: not a cost table; a parts list whose items are buttons keeps its reading;
- a total whose label is merged over the amount cell (报价合计 across 数量:总价) with its figure in
  the next column, headed 备注: that figure is the stated total, checked against the lines;
- a shopping list whose amount column is headed as a product (`Q*C`, `Qty x Price`), items on
  every other row with a second link or a remark on the rows between them and items not yet
  priced: the product column is the amount, the links and remarks are no headings, the unpriced
  items are zero lines.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from bidassist.core.errors import BidassistError
from bidassist.costs import import_cost_sheet

D = Decimal


def refusal(path: Path, **kw: object) -> str:
    with pytest.raises(BidassistError) as err:
        import_cost_sheet(path, **kw)  # type: ignore[arg-type]
    return " | ".join(str(p) for p in err.value.problems) or str(err.value)  # type: ignore[attr-defined]


# ------------------------------------------- two tables on one sheet, the lower one by person

PACKAGES = [("需求分析", 5, 2000), ("接口开发", 10, 4000), ("测试验收", 5, 2000)]


def two_tables(tmp_path: Path, *, named_below: bool) -> Path:
    """A work-package budget (header row 3), its total, then the same 8,000 by person (header row
    10: 部门 | 姓名 | 人日数 | 费用, or 部门 | 项目名称 | ... when `named_below`)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "预算"
    ws.append(["平台开发预算表"])
    ws.append([])
    ws.append(["工作包名称", "开始", "人日数", "人力费用"])
    for name, days, fee in PACKAGES:
        ws.append([name, "2024-03-01", days, fee])
    ws.append(["合计", None, 20, 8000])
    ws.append([])
    ws.append(["人员费用明细"])
    ws.append(["部门", "项目名称" if named_below else "姓名", "人日数", "费用"])
    ws.append(["开发部", "甲", 8, 3200])
    ws.append(["开发部", "乙", 7, 2800])
    ws.append(["测试部", "丙", 5, 2000])
    ws.append(["合计", None, 20, 8000])
    path = tmp_path / "two.xlsx"
    wb.save(path)
    return path


def test_two_tables_with_the_lower_item_column_unnamed_are_refused(tmp_path: Path) -> None:
    text = refusal(two_tables(tmp_path, named_below=False))
    assert "预算!A3" in text and "two cost tables" in text
    assert '--map "预算:header=3"' in text and '--map "预算:header=10"' in text
    assert "two cost tables" in refusal(two_tables(tmp_path, named_below=False), sheet="预算")


def test_the_refusal_names_a_map_that_imports(tmp_path: Path) -> None:
    path = two_tables(tmp_path, named_below=False)
    result = import_cost_sheet(path, mapping="预算:header=3,last=6")
    lines = result.model.lines
    assert [line.description for line in lines] == [p[0] for p in PACKAGES]
    assert sum((line.quantity * line.likely for line in lines), D(0)) == D(8000)


def test_a_lower_table_that_names_its_items_keeps_its_reading(tmp_path: Path) -> None:
    # the look-alike: both headers name their items, so the header search's choice stands (as before)
    result = import_cost_sheet(two_tables(tmp_path, named_below=True))
    assert [line.description for line in result.model.lines] == ["甲", "乙", "丙"]
    assert result.reconciliation.status == "matched"


# ------------------------------------------------------ a program's screens drawn in a workbook


def screens(tmp_path: Path, *, control: str | None, placeholder: bool = False) -> Path:
    """A `Parts catalogue` screen: title, a search label, header Part no | Item | Supplier | Cost
    (+ `control` as a last header cell), two sample rows; a `New part` form with placeholders."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Parts catalogue"
    ws.append(["", "PARTS"])
    ws.append(["", "FIND A PART"])
    ws.append([])
    ws.append(["Part no", "Item", "Supplier", "Cost", *([control] if control else [])])
    ws.append([1001, "Push buttons, red", "ACME", 12.5])
    ws.append([1002, "Toggle switch", "ACME", 7.25])
    form = wb.create_sheet("New part")
    form.append(["Part no", "Item", "Supplier"])
    form.append(["Enter text" if placeholder else "", "", ""])
    path = tmp_path / "screens.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("control", ["[Save record button]", "(select from drop-down)"])
def test_a_screen_design_naming_its_controls_is_refused(tmp_path: Path, control: str) -> None:
    text = refusal(screens(tmp_path, control=control))
    assert "'Parts catalogue'!E4" in text and "screen design" in text


def test_a_screen_design_is_read_with_sheet_when_asked(tmp_path: Path) -> None:
    result = import_cost_sheet(screens(tmp_path, control="[Save record button]"), sheet="Parts catalogue")
    assert sum((line.likely for line in result.model.lines), D(0)) == D("19.75")


def test_a_parts_list_of_buttons_keeps_its_reading(tmp_path: Path) -> None:
    # the look-alike: `buttons` in an item, not a control in the header; a placeholder on another
    # sheet does not make the list a screen
    result = import_cost_sheet(screens(tmp_path, control=None, placeholder=True))
    assert [line.description for line in result.model.lines] == ["Push buttons, red", "Toggle switch"]
    assert sum((line.likely for line in result.model.lines), D(0)) == D("19.75")


# ------------------------------------- a total label merged over the amount cell, figure in 备注

TESTS = [("盐雾试验", 2, 300), ("硬度测试", 3, 120), ("金相分析", 1, 800)]  # 1,760.00


def merged_total(tmp_path: Path, figure: float, *, merged: bool = True, last: str = "备注") -> Path:
    """序号 | 检测项目 | 数量 | 单价 | 总价 | `last`; 报价合计 in C6 (merged C6:E6 when `merged`) with
    `figure` in F6 (备注), then a terms line."""
    wb = Workbook()
    ws = wb.active
    ws.title = "报价"
    ws.append(["检测报价单"])
    ws.append(["序号", "检测项目", "数量", "单价", "总价", last])
    for i, (name, qty, price) in enumerate(TESTS, start=1):
        ws.append([i, name, qty, price, qty * price, "含制样" if i == 1 else None])
    ws.append([None, None, "报价合计", None, None, figure])
    if merged:
        ws.merge_cells("C6:E6")
    ws.append(["以上价格为含税价，有效期一个月"])
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    return path


def test_a_total_merged_over_the_amount_cell_is_read_from_the_next_column(tmp_path: Path) -> None:
    result = import_cost_sheet(merged_total(tmp_path, 1760))
    assert len(result.model.lines) == 3
    assert result.reconciliation.status == "matched" and result.reconciliation.cell == "报价!F6"


def test_a_merged_total_that_differs_names_its_cell(tmp_path: Path) -> None:
    text = refusal(merged_total(tmp_path, 1900))
    assert "报价!F6" in text


def test_a_total_with_its_figure_under_remarks_is_checked(tmp_path: Path) -> None:
    # not merged: a figure under 备注 on the total row is still its stated total (it was ignored)
    assert import_cost_sheet(merged_total(tmp_path, 1760, merged=False)).reconciliation.cell == "报价!F6"
    assert "报价!F6" in refusal(merged_total(tmp_path, 1900, merged=False))


def test_a_share_beside_an_empty_total_keeps_its_reading(tmp_path: Path) -> None:
    # the look-alike: 100 under 占总价比例 beside an unmerged total label is a share, not the total
    result = import_cost_sheet(merged_total(tmp_path, 100, merged=False, last="占总价比例"))
    assert result.reconciliation.cell != "报价!F6" and len(result.model.lines) == 3


# --------------------------------- a shopping list: `Q*C` amounts, links and remarks between items

PARTS = [("Servo motor", 2, 12.5), ("Li-ion cell", 4, 6.0), ("Radio module", 1, None), ("Frame kit", 1, 45.0)]


def shopping(tmp_path: Path, product: str, *, between: bool = True) -> Path:
    """Item | Quantity | Cost | `product` (=C*B) | Link | Notes, items on every other row, the rows
    between holding, when `between`, a second link alone or the formula's 0 and a remark."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Parts"
    ws.append(["Parts to buy"])
    ws.append([])
    ws.append(["Item", "Quantity", "Cost", product, "Link", "Notes"])
    r = 4
    for i, (name, qty, cost) in enumerate(PARTS):
        ws.append([name, qty, cost, f"=C{r}*B{r}", f"https://shop.example/p{i}"])
        ws.cell(row=r, column=4).value = (qty * cost) if cost is not None else 0  # the cached value
        # a second link alone on its row, or the formula's 0 and a remark under Notes
        extra = [None, f"https://other.example/p{i}", None] if i % 2 == 0 else [0, None, "ask the lab first"]
        ws.append([None, None, None, *(extra if between else [0, None, None])])
        r += 2
    ws.append(["Total", None, None, 25 + 24 + 45])
    path = tmp_path / "shopping.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("product", ["Q*C", "Qty x Price", "Cost × Qty"])
def test_a_product_header_is_the_amount_and_in_between_rows_are_no_headings(
    tmp_path: Path, product: str
) -> None:
    result = import_cost_sheet(shopping(tmp_path, product))
    lines = result.model.lines
    assert [line.description for line in lines] == [p[0] for p in PARTS]
    assert [line.category for line in lines] == [None] * 4  # no link or remark became a heading
    assert sum((line.quantity * line.likely for line in lines), D(0)) == D(94)
    assert result.reconciliation.status == "matched"


def test_a_list_without_links_between_keeps_its_reading(tmp_path: Path) -> None:
    # the look-alike: a header naming the amount plainly, nothing between the items
    result = import_cost_sheet(shopping(tmp_path, "Total", between=False))
    assert [line.description for line in result.model.lines] == [p[0] for p in PARTS]
    assert result.reconciliation.status == "matched"


def test_a_heading_in_another_text_column_is_still_a_heading(tmp_path: Path) -> None:
    # a look-alike of the in-between rows: a plain word (not a link, not under Notes) stays a heading
    wb = Workbook()
    ws = wb.active
    ws.append(["Item", "Quantity", "Cost", "Total", "Supplier"])
    ws.append([None, None, None, None, "Mechanics"])
    ws.append(["Servo motor", 2, 12.5, 25, "RC shop"])
    ws.append(["Frame kit", 1, 45, 45, "RC shop"])
    ws.append(["Total", None, None, 70])
    path = tmp_path / "heading.xlsx"
    wb.save(path)
    assert {line.category for line in import_cost_sheet(path).model.lines} == {"Mechanics"}
