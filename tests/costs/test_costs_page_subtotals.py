"""Layouts from real workbooks (helper costs3): 本页小计 interleaved with 分部小计 in the printed
GB50500 清单, workbooks written by a program whose formulas were never calculated (corpus k61,
zgzzmnbx/zaojia-zhisuan 结算审核演示样例.xlsx), and a sheet whose <dimension> claims
column XFD while its cells stop at column J (corpus k16, a WPS export)."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from bidassist.core.errors import ProblemsError
from bidassist.costs import import_cost_sheet

D = Decimal
HEADER = ["序号", "项目编码", "项目名称", "项目特征描述", "计量单位", "工程量", "金额（元）"]


def _page_head(ws, page: int) -> None:
    ws.append(["分部分项工程和单价措施项目清单与计价表"])
    ws.append(["工程名称：某办公楼土建工程", None, None, None, "标段：", None, None, f"第 {page} 页 共 2 页"])
    ws.append(HEADER)
    r = ws.max_row
    ws.append([None, None, None, None, None, None, "综合单价", "合价", "其中：暂估价"])
    ws.merge_cells(f"G{r}:I{r}")
    for col in "ABCDEF":
        ws.merge_cells(f"{col}{r}:{col}{r + 1}")


SECTIONS = [
    (
        "一、土石方工程",
        [
            ("010101001001", "平整场地", "m2", 1200, "1.86"),
            ("010101003001", "挖沟槽土方", "m3", 356.4, "38.52"),
            ("010103001001", "回填方", "m3", 210.5, "25.10"),
        ],
    ),
    (
        "二、砌筑工程",
        [
            ("010401001001", "砖基础", "m3", 45.2, "512.33"),
            ("010401003001", "实心砖墙", "m3", 180, "498.60"),
        ],
    ),
]


def gb_pages(tmp_path: Path, *, page_error: float = 0.0) -> tuple[Path, Decimal]:
    """Two printed pages; each section ends with 分部小计 (in the 项目名称 column) and each page with
    本页小计 merged from column A, so the second 本页小计 covers only the lines after the first page
    and after the 分部小计 that closed the first section."""
    wb = Workbook()
    ws = wb.active
    ws.title = "分部分项"
    grand = D(0)
    page_sum = D(0)
    n = 0
    for k, (heading, items) in enumerate(SECTIONS):
        if k:
            ws.append(["本页小计", None, None, None, None, None, None, float(page_sum)])
            ws.merge_cells(f"A{ws.max_row}:G{ws.max_row}")
            page_sum = D(0)
        _page_head(ws, k + 1)
        ws.append([heading])
        ws.merge_cells(f"A{ws.max_row}:I{ws.max_row}")
        sub = D(0)
        for code, name, unit, qty, price in items:
            n += 1
            amount = (D(str(qty)) * D(price)).quantize(D("0.01"))
            ws.append([n, code, name, "1.土壤类别：三类土", unit, qty, float(price), float(amount)])
            sub += amount
        ws.append([None, None, "分部小计", None, None, None, None, float(sub)])
        page_sum += sub
        grand += sub
    ws.append(["本页小计", None, None, None, None, None, None, float(page_sum) + page_error])
    ws.merge_cells(f"A{ws.max_row}:G{ws.max_row}")
    ws.append(["合  计", None, None, None, None, None, None, float(grand)])
    ws.merge_cells(f"A{ws.max_row}:G{ws.max_row}")
    path = tmp_path / "gb_pages.xlsx"
    wb.save(path)
    return path, grand


def test_page_subtotals_after_section_subtotals_are_checked_without_false_warnings(tmp_path: Path) -> None:
    path, grand = gb_pages(tmp_path)
    result = import_cost_sheet(path)
    assert [(ln.description, ln.category) for ln in result.model.lines] == [
        ("平整场地", "土石方工程"),
        ("挖沟槽土方", "土石方工程"),
        ("回填方", "土石方工程"),
        ("砖基础", "砌筑工程"),
        ("实心砖墙", "砌筑工程"),
    ]
    assert result.warnings == []
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.sheet_total == grand
    assert rec.cell == "分部分项!H20"


def test_a_wrong_page_subtotal_is_reported(tmp_path: Path) -> None:
    path, _ = gb_pages(tmp_path, page_error=100.0)
    result = import_cost_sheet(path)
    assert any("本页小计" in w.message and w.where == "分部分项!H19" for w in result.warnings)


def _uncalculated(tmp_path: Path, with_typed_sheet: bool) -> Path:
    """What openpyxl writes for formulas (<f> without <v>): a measurement-and-cost estimate whose
    amounts are formulas, beside (optionally) a small sheet of typed figures."""
    wb = Workbook()
    ws = wb.active
    ws.title = "测量费用测算表"
    ws.append(["附表1 测量费用测算表"])
    ws.append(["序号", "项目", "单位", "工程量", "基价（元）", "调整系数", "金额合计（元）"])
    for i in range(1, 6):
        r = ws.max_row + 1
        ws.append([i, f"控制测量 {i}", "点", 6, 3500, 0.6, f"=D{r}*E{r}*F{r}"])
    ws.append(["合计", None, None, None, None, None, f"=SUM(G3:G{ws.max_row})"])
    if with_typed_sheet:
        other = wb.create_sheet("其他费用")
        other.append(["序号", "单体名称", "合计"])
        other.append([1, "示范穿越", 800])
        other.append([2, "示范隧道", 1800])
    path = tmp_path / "uncalculated.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("with_typed_sheet", [False, True])
def test_never_calculated_workbook_is_refused_naming_sheet_and_fix(
    tmp_path: Path, with_typed_sheet: bool
) -> None:
    path = _uncalculated(tmp_path, with_typed_sheet)
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(path)
    problems = info.value.problems
    assert any(
        p.where.startswith("测量费用测算表") and "no saved value" in p.message and "save it" in p.message
        for p in problems
    )


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    amounts=st.lists(st.integers(min_value=1, max_value=10**7), min_size=1, max_size=6),
    stated_delta=st.integers(min_value=-500, max_value=500),
)
def test_never_a_silent_wrong_total_on_gb_pages(
    tmp_path: Path, amounts: list[int], stated_delta: int
) -> None:
    """Whatever the lines and the stated 合计: the import either reconciles with 合计 (within
    rounding), or refuses naming the total's cell."""
    wb = Workbook()
    ws = wb.active
    ws.title = "清单"
    _page_head(ws, 1)
    ws.append(["一、安装工程"])
    ws.merge_cells(f"A{ws.max_row}:I{ws.max_row}")
    for i, a in enumerate(amounts, start=1):
        ws.append([i, f"0304{i:08d}", f"项目{i}", None, "台", 1, a / 100, a / 100])
    truth = sum(D(a) / 100 for a in amounts)
    ws.append(["合计", None, None, None, None, None, None, float(truth + D(stated_delta) / 100)])
    ws.merge_cells(f"A{ws.max_row}:G{ws.max_row}")
    path = tmp_path / "prop.xlsx"
    wb.save(path)
    try:
        result = import_cost_sheet(path)
    except ProblemsError as exc:
        assert stated_delta != 0
        assert any("清单!H" in p.where for p in exc.problems)
        return
    # imported: the lines are the cells, and the stated total agrees within rounding
    assert result.model.totals.likely == truth
    assert abs(D(stated_delta) / 100) <= max(D("0.01"), D("0.005") * len(amounts))
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


def _with_wide_dimension(path: Path) -> Path:
    """Rewrite the sheet's <dimension> as WPS does when whole rows are formatted: A1:XFD<rows>."""
    out = path.with_name("wide.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                start = text.index("<dimension ref=")
                end = text.index("/>", start)
                data = (text[:start] + '<dimension ref="A1:XFD950"' + text[end:]).encode()
            dst.writestr(item, data)
    return out


def test_dimension_reaching_xfd_with_cells_to_column_i_is_read(tmp_path: Path) -> None:
    path, grand = gb_pages(tmp_path)
    result = import_cost_sheet(_with_wide_dimension(path))
    assert result.model.totals.likely == grand


def renovation_budget(tmp_path: Path, *, stated: float) -> Path:
    """A home-renovation budget (corpus k46, 装修报价): 名称 merged over A:B, a group name merged down
    column A with its items in B, other items named in A:B merged, 预估价格 holding each item's
    whole price, one item not yet priced, and the total under the price column without a label."""
    wb = Workbook()
    ws = wb.active
    ws.title = "装修报价"
    ws.append(["名称", None, "预估价格", "提供方", "品牌", "实际价格", "备注"])
    ws.merge_cells("A1:B1")
    ws.append(["木材：", "木料", 3500])
    ws.append([None, "板材（含木工板，多层板）", 18000])
    ws.append([None, "漆片板，石膏板", None])
    ws.merge_cells("A2:A4")
    for name, price in (("水泥，黄沙，红砖", 4000), ("油漆材料", 12000), ("瓷砖", 15000)):
        ws.append([name, None, price])
        ws.merge_cells(f"A{ws.max_row}:B{ws.max_row}")
    ws.append(["中央空调", None, None, None, None, 43000])
    ws.merge_cells(f"A{ws.max_row}:B{ws.max_row}")
    ws.append([])
    ws.append([None, None, stated])
    path = tmp_path / "renovation.xlsx"
    wb.save(path)
    return path


def test_lump_price_budget_with_group_names(tmp_path: Path) -> None:
    result = import_cost_sheet(renovation_budget(tmp_path, stated=52500))
    lines = result.model.lines
    assert [(ln.description, ln.quantity, ln.likely) for ln in lines] == [
        ("木料", 1, 3500),
        ("板材（含木工板，多层板）", 1, 18000),
        ("漆片板，石膏板", 1, 0),
        ("水泥，黄沙，红砖", 1, 4000),
        ("油漆材料", 1, 12000),
        ("瓷砖", 1, 15000),
    ]
    assert result.reconciliation is not None and result.reconciliation.status == "matched"
    assert result.reconciliation.cell == "装修报价!C10"
    assert any(w.where == "装修报价!C4" and "zero line" in w.message for w in result.warnings)


def test_unpriced_item_without_agreeing_total_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(renovation_budget(tmp_path, stated=60000))
    assert any(p.where == "装修报价!C4" and "amount is empty" in p.message for p in info.value.problems)


def software_quote(tmp_path: Path, *, stated: float) -> Path:
    """A software quote (corpus k62, yuqingyang3019-cyber/ding-post 报价单.xlsx): 需求单 | 价格, equal
    prices on consecutive rows under long descriptions, a yearly price written as text, 总价, then a
    discount offer written as an equation."""
    wb = Workbook()
    ws = wb.active
    ws.title = "报价单"
    ws.append(["需求单", "价格（人民币/元）"])
    ws.append(["后端支持OCR图片处理，用户确认后存储到数据库。", 2000])
    ws.append(["后端支持数据计算，例如涨幅均差等。支持历史记录查询", 2000])
    ws.append(["前端支持用户上传图片，并用户确认。前端支持图表展示。", 4000])
    ws.append(["集成该应用到钉钉中，能够在工作台找到企业内部应用。", 4000])
    ws.append(["阿里云服务器采购（可与其他项目共用）", "2190.2 每年"])
    ws.append(["总价", stated])
    ws.append(["优惠价（钉钉集成已在其他项目付费）", "9000+2190=11190"])
    path = tmp_path / "quote.xlsx"
    wb.save(path)
    return path


def test_quote_with_equal_prices_a_yearly_price_and_a_discount(tmp_path: Path) -> None:
    result = import_cost_sheet(software_quote(tmp_path, stated=14190.2))
    assert [ln.likely for ln in result.model.lines] == [2000, 2000, 4000, 4000, D("2190.2")]
    assert result.reconciliation is not None and result.reconciliation.status == "matched"
    assert [(m.kind, m.amount) for m in result.markups] == [("discount", None)]
    assert any(w.where == "报价单!B6" and "one period" in w.message for w in result.warnings)


def test_yearly_price_without_an_agreeing_total_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(software_quote(tmp_path, stated=12000))
    assert any(p.where == "报价单!B6" and "one period" in p.message for p in info.value.problems)
