"""Kinds the session-17 held-out workbooks (heldout10, now dev) missed, built as kinds in styles
not in the corpus (session 18, helper costs-fix), each with a twin that keeps its reading:

- a provincial tender export (单位工程费汇总表 numbered 1, 1.1, 2 …, a running 税前工程造价, the VAT
  steps 销项税额 / 应纳税额 / 附加税费 before 税金, the 合计 typed as text with a thousands comma)
  beside its 分部分项 detail, a 主要材料、设备明细表, VAT workings and a fee's 明细表;
- a quantity cell struck out with "/" (not applicable, as GB forms write it);
- a headerless budget whose names are an outline over two columns (a group in A sharing its row
  with its first sub-item in B, the other sub-items in B alone) under an unlabelled sum.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from bidassist.core.errors import BidassistError
from bidassist.costs import import_cost_sheet

D = Decimal


def refusal(path: Path) -> str:
    with pytest.raises(BidassistError) as err:
        import_cost_sheet(path)
    return " | ".join(str(p) for p in err.value.problems) or str(err.value)  # type: ignore[attr-defined]


# --------------------------------------------------------------- a provincial tender export

DETAIL = [("给水管 PPR DN25", "m", 40, 30.5), ("截止阀 DN25", "个", 6, 85.0), ("洗脸盆", "组", 4, 420.0)]
DETAIL_TOTAL = 40 * 30.5 + 6 * 85.0 + 4 * 420.0  # 3,410.00


def tender(tmp_path: Path, closing: str) -> Path:
    """单位工程费汇总表: 1 分部分项 3,410; 2 措施 120 (2.1, 2.2 under it); 3 其他项目 (no figure);
    4 规费 95 (4.1 by trade); 5 安全文明 80; 6 税前工程造价 3,705 (= 1+2+4+5); 6.1 其中：进项税额;
    7 销项税额, 8 增值税应纳税额 45, 9 附加税费 5 (steps), 10 税金 50; 合计 `closing` (text)."""
    wb = Workbook()
    summary = wb.active
    summary.title = "表一 单位工程费汇总表"
    summary.append(["单位工程费汇总表"])
    summary.append(["工程名称：某住宅给排水", None, None, None, "第 1 页 共 1 页"])
    summary.append(["序号", "名称", "计算基数", "费率(%)", "金额(元)"])
    summary.append(["1", "分部分项工程量清单计价合计", "/", "/", DETAIL_TOTAL])
    summary.append(["2", "措施项目清单计价合计", "/", "/", 120])
    summary.append(["2.1", "单价措施项目清单计价合计", "/", "/", None])
    summary.append(["2.2", "其他总价措施项目清单计价合计", "/", "/", 120])
    summary.append(["3", "其他项目清单计价合计", "/", "/", None])
    summary.append(["4", "规费", "人工费+机械费", "/", 95])
    summary.append(["4.1", "安装工程", 500, "19", 95])
    summary.append(["5", "安全生产、文明施工费", "税前造价", "/", 80])
    summary.append(["6", "税前工程造价", "1+2+3+4+5", None, 3705])
    summary.append(["6.1", "其中：进项税额", "见进项税额计算表", None, 288.45])
    summary.append(["7", "销项税额", "税前工程造价-进项税额", "9", 307.45])
    summary.append(["8", "增值税应纳税额", "销项税额-进项税额", None, 45])
    summary.append(["9", "附加税费", "增值税应纳税额", "11.11", 5])
    summary.append(["10", "税金", "8+9", "/", 50])
    summary.append(["/", "合计", "/", "/", closing])
    detail = wb.create_sheet("表二 分部分项工程量清单与计价表")
    detail.append(["分部分项工程量清单与计价表"])
    detail.append(["序号", "项目编码", "项目名称", "计量单位", "工程数量", "综合单价", "合价"])
    for k, (name, unit, qty, price) in enumerate(DETAIL, 1):
        detail.append([k, f"0310010060{k:02d}", name, unit, qty, price, qty * price])
    detail.append(["合计", None, None, None, None, None, DETAIL_TOTAL])
    materials = wb.create_sheet("表三 主要材料、设备明细表")
    materials.append(["主要材料、设备明细表"])
    materials.append(["序号", "编码", "名称", "单位", "数量", "单价", "合价"])
    materials.append(["1", None, "材料", "/", "/", "/", "/"])
    materials.append(["1.1", "C001", "PPR 管 DN25", "m", 40.8, 12.5, 510])
    materials.append(["1.2", "C002", "截止阀 DN25", "个", 6, 60, 360])
    materials.append([None, None, "小计", "/", "/", "/", 870])
    vat = wb.create_sheet("材料、机械增值税计算表")
    vat.append(["序号", "名称", "单位", "数量", "含税单价", "税率", "进项税额"])
    vat.append([1, "PPR 管 DN25", "m", 40.8, 12.5, 0.13, 58.67])
    vat.append([2, "截止阀 DN25", "个", 6, 60, 0.13, 41.42])
    vat.append(["合计", None, None, None, None, None, 100.09])
    fees = wb.create_sheet("安全文明施工费明细表")
    fees.append(["序号", "项目名称", "计算基数", "费率(%)", "金额(元)"])
    fees.append([1, "安装工程", 3625, 2.2, 80])
    fees.append(["合计", None, None, None, 80])
    path = tmp_path / "tender.xlsx"
    wb.save(path)
    return path


def test_a_summary_read_by_its_numbered_entries_reconciles_the_detail(tmp_path: Path) -> None:
    """The total is 税前工程造价 + 税金: the running total is not added again, the VAT steps are
    inside 税金, the sub-entries break down their parent; the resource list, the VAT workings and
    the fee's 明细表 beside the 分部分项 detail are not cost lines."""
    result = import_cost_sheet(tender(tmp_path, "3,755.00"))
    assert [ln.description for ln in result.model.lines] == [d[0] for d in DETAIL]
    assert result.model.totals.likely == D("3410.00")
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched"
    assert rec.sheet_total == D("3755.00") and rec.cell == "'表一 单位工程费汇总表'!E18"
    assert sorted(m.amount for m in result.markups) == [D(50), D(80), D(95), D(120)]
    roles = {s.name: s.role for s in result.sheets}
    assert roles["表三 主要材料、设备明细表"] == "analysis"
    assert roles["材料、机械增值税计算表"] == "analysis"
    assert roles["安全文明施工费明细表"] == "analysis"


def test_twin_a_summary_whose_entries_do_not_make_its_total_is_refused(tmp_path: Path) -> None:
    """合计 3,855 is neither the entries' sum nor 税前工程造价 + 税金: refused, naming the cell."""
    text = refusal(tender(tmp_path, "3,855.00"))
    assert "'表一 单位工程费汇总表'!E18" in text and "--accept-difference" in text


# --------------------------------------------------------------- a quantity struck out with "/"


def slash_rows(quantity: object) -> list[list[object]]:
    return [
        ["Item", "Unit", "Qty", "Rate", "Amount"],
        ["Site survey", "lot", quantity, "/", 1800],
        ["Trial pits", "no", 4, 250, 1000],
        ["Soil tests", "no", 6, 120, 720],
        ["Total", None, None, None, 3520],
    ]


def slash_book(tmp_path: Path, quantity: object) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "BOQ"
    for row in slash_rows(quantity):
        ws.append(row)
    path = tmp_path / "slash.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("mark", ["/", "／", "—"])
def test_a_quantity_struck_out_is_no_quantity_and_the_amount_stands(tmp_path: Path, mark: str) -> None:
    result = import_cost_sheet(slash_book(tmp_path, mark))
    assert [ln.quantity * ln.likely for ln in result.model.lines] == [D(1800), D(1000), D(720)]
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


def test_twin_a_quantity_mistyped_stays_an_error(tmp_path: Path) -> None:
    assert "BOQ!C2" in refusal(slash_book(tmp_path, "1 lot?"))


# --------------------------------------------------------------- names written as an outline

OUTLINE = [
    ["Rent", None, 24000],
    ["Cloud", "Hosting", 3600],
    [None, "Backups", 480],
    [None, "Monitoring", 600],
    ["Insurance", None, 2500],
    ["Bookkeeping", None, 3000],
    ["Equipment", None, 7000],
    ["Training", None, 1500],
]


def outline_book(tmp_path: Path, rows: list[list[object]]) -> Path:
    """The rows, then their sum alone under the figures (the cached value of a =SUM)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan"
    for row in rows:
        ws.append(row)
    ws.append([None, None, sum(r[2] for r in rows)])  # type: ignore[misc]
    path = tmp_path / "outline.xlsx"
    wb.save(path)
    return path


def test_names_written_as_an_outline_over_two_columns_name_every_line(tmp_path: Path) -> None:
    """A3 and A4 empty under A2's group: the sub-items take their names from B; the sum closes."""
    result = import_cost_sheet(outline_book(tmp_path, OUTLINE))
    names = [ln.description for ln in result.model.lines]
    assert names[2:4] == ["Backups", "Monitoring"] and len(names) == len(OUTLINE)
    assert result.model.totals.likely == D(sum(r[2] for r in OUTLINE))  # type: ignore[misc]
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.cell == "Plan!C9"


def test_twin_a_name_only_in_the_second_column_out_of_an_outline_is_refused(tmp_path: Path) -> None:
    """A row named only in B after a row with nothing in B is no sub-item: its name is missing."""
    rows = [["Cloud hosting", None, 3600] if r[0] == "Cloud" else list(r) for r in OUTLINE]
    rows[3] = ["Monitoring", None, 600]
    text = refusal(outline_book(tmp_path, rows))
    assert text.startswith("Plan") and "--map" in text
