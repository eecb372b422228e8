"""A blank cost sheet for finance: bilingual headers, number formats, dropdowns for distribution
and category, a frozen header row and one example line, which the importer refuses until finance
deletes the row or removes 「示例 example」 from its description."""

from __future__ import annotations

from pathlib import Path

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

from bidassist.core.xlsxout import new_workbook, save_workbook

HEADERS = (
    ("序号 Code", 10),
    ("项目名称 Description", 36),
    ("单位 Unit", 8),
    ("数量 Quantity", 12),
    ("最低单价 Low", 14),
    ("最可能单价 Likely", 16),
    ("最高单价 High", 14),
    ("合价 Amount", 16),
    ("分布 Distribution", 16),
    ("类别 Category", 12),
    ("风险 Risk", 9),
    ("备注 Notes", 24),
)
DISTRIBUTIONS = ("pert", "triangular", "uniform", "fixed")
CATEGORIES = ("设备", "材料", "人工", "分包", "机械", "措施", "运输", "其他")
EXAMPLE: tuple[str | float, ...] = (
    "1.1",
    "组合式空调机组 AHU-1（示例 example）",
    "台",
    2,
    180000,
    186000,
    205000,
    372000,
    "pert",
    "设备",
    "否",
    "删除本行后填写 delete this line",
)
ROWS = 500  # rows prepared with formats and dropdowns


def write_template(path: Path, *, force: bool = False) -> Path:
    """Write the blank cost sheet to `path` atomically; refuses to overwrite unless `force`."""
    wb, ws = new_workbook("Costs")
    ws["A1"] = "成本测算表 Cost sheet"
    ws["A1"].font = Font(bold=True, size=14)
    ws["E1"] = (
        "单价为不含税单价（元）；只有一个单价时填“最可能单价”。Unit costs excl. VAT; with one price, "
        "fill Likely only."
    )
    ws["E1"].font = Font(italic=True, color="666666")
    thin = Side(style="thin", color="999999")
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col, (title, width) in enumerate(HEADERS, start=1):
        cell = ws.cell(row=2, column=col, value=title)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        ws.column_dimensions[cell.column_letter].width = width
    ws.row_dimensions[2].height = 32
    for col, value in enumerate(EXAMPLE, start=1):
        ws.cell(row=3, column=col, value=value)
    last = ROWS + 2
    for row in ws.iter_rows(min_row=3, max_row=last, min_col=4, max_col=8):
        for number_cell in row:
            number_cell.number_format = "#,##0.###" if number_cell.column == 4 else "#,##0.00"
    ws.freeze_panes = "C3"
    ws.auto_filter.ref = f"A2:L{last}"
    dist = DataValidation(
        type="list",
        formula1='"' + ",".join(DISTRIBUTIONS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="分布 Distribution",
        error="pert, triangular, uniform 或 fixed",
    )
    cat = DataValidation(
        type="list",
        formula1='"' + ",".join(CATEGORIES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="类别 Category",
        error="不在列表中的类别也可使用 Other categories are allowed",
    )
    risk = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    for dv, letter in ((dist, "I"), (cat, "J"), (risk, "K")):
        ws.add_data_validation(dv)
        dv.add(f"{letter}3:{letter}{last}")
    qty = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        error="数量不能为负 Quantity must be ≥ 0",
    )
    ws.add_data_validation(qty)
    qty.add(f"D3:D{last}")

    help_ws = wb.create_sheet("说明 Help")
    notes = (
        ("列 Column", "说明 Meaning"),
        ("序号 Code", "清单编码或序号，可空 / item code, optional"),
        ("项目名称 Description", "必填 / required"),
        ("数量 Quantity", "≥ 0"),
        (
            "最低/最可能/最高单价",
            "low ≤ likely ≤ high；只填最可能单价 = 单一价格 / likely only = single price",
        ),
        ("合价 Amount", "可空；填写时核对 数量×最可能单价 / optional, checked against quantity × likely"),
        ("分布 Distribution", "pert（默认 default）, triangular, uniform, fixed"),
        (
            "类别 Category",
            "设备/材料/人工…；为空时取所在分部（如“一、设备购置”）/ empty: the section heading",
        ),
        ("小计/合计 rows", "可保留，作校核 / kept as checks, not imported as lines"),
        ("隐藏行 Hidden rows", "不导入并提示 / skipped with a warning"),
    )
    for r, (a, b) in enumerate(notes, start=1):
        help_ws.cell(row=r, column=1, value=a).font = Font(bold=(r == 1))
        help_ws.cell(row=r, column=2, value=b).font = Font(bold=(r == 1))
    help_ws.column_dimensions["A"].width = 24
    help_ws.column_dimensions["B"].width = 80

    return save_workbook(wb, path, force=force)
