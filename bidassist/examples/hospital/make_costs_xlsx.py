"""Make examples/hospital/costs.xlsx: the bidder's internal cost sheet (工程量清单 style) for the
hospital clean-room HVAC supply-and-install tender.

    .venv/bin/python examples/hospital/make_costs_xlsx.py [--force]

Every figure is stored as a value (subtotals and the total too), because formulas written by a
program have no saved value until a spreadsheet recalculates them. Column L (询价单号, quotation
reference) is a hidden helper column. Unit costs exclude VAT.
"""

from __future__ import annotations

import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from bidassist.core.xlsxout import new_workbook

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # the checkout root, for running without installing

from bidassist.core.safeio import atomic_path  # noqa: E402

TITLE = "滨江市第一人民医院门诊医技楼净化空调系统采购及安装项目"
# (name, spec, unit, quantity, low, likely, high, category, quotation ref); low/high None = single price
_Line = tuple[str, str, str, float, float | None, float, float | None, str, str]
SECTIONS: list[tuple[str, list[_Line]]] = [
    (
        "一、设备购置",
        [
            (
                "组合式净化空调机组 AHU-1",
                "风量22000m³/h，四级过滤",
                "台",
                2,
                255000,
                268000,
                295000,
                "设备",
                "XJ-2611-01",
            ),
            (
                "组合式净化空调机组 AHU-2",
                "风量18000m³/h，四级过滤",
                "台",
                2,
                224000,
                235000,
                262000,
                "设备",
                "XJ-2611-01",
            ),
            ("组合式空调机组 AHU-3", "风量12000m³/h", "台", 2, None, 186000, None, "设备", "XJ-2611-01"),
            (
                "新风机组 PAU-1~3",
                "风量8000m³/h，带热回收",
                "台",
                3,
                92000,
                98000,
                110000,
                "设备",
                "XJ-2611-02",
            ),
            ("排风机组 EF-1~4", "风量6000m³/h，变频", "台", 4, None, 26500, None, "设备", "XJ-2611-02"),
            ("风冷螺杆热泵机组", "制冷量500kW", "台", 2, 410000, 430000, 475000, "设备", "XJ-2611-03"),
            (
                "高效送风口 HEPA H14",
                "484×484×220，含静压箱",
                "个",
                130,
                1980,
                2150,
                2450,
                "设备",
                "XJ-2611-04",
            ),
            ("层流送风天花", "2.6×2.4m，手术室用", "套", 6, None, 36800, None, "设备", "XJ-2611-04"),
            ("定风量阀 CAV", "DN200-DN400", "个", 80, None, 3250, None, "设备", "XJ-2611-05"),
            ("余压阀", "300×200", "个", 40, None, 680, None, "设备", "XJ-2611-05"),
            ("循环水泵", "Q=110m³/h，H=32m", "台", 4, None, 18600, None, "设备", "XJ-2611-06"),
            (
                "自控系统",
                "DDC控制柜、传感器、上位机软件",
                "套",
                1,
                395000,
                420000,
                490000,
                "设备",
                "XJ-2611-07",
            ),
            ("电极式加湿器", "15kg/h", "台", 7, None, 12800, None, "设备", "XJ-2611-06"),
        ],
    ),
    (
        "二、主要材料",
        [
            ("镀锌钢板风管", "δ0.75-1.2mm，共板法兰", "m²", 6000, 108, 118, 135, "材料", "XJ-2611-08"),
            ("不锈钢风管（洁净区）", "SUS304 δ1.0mm", "m²", 600, None, 385, None, "材料", "XJ-2611-08"),
            ("紫铜管", "φ9.52-φ28.6", "m", 2000, 56, 62.5, 78, "材料", "XJ-2611-09"),
            ("镀锌钢管", "DN50-DN150", "m", 980, None, 96, None, "材料", "XJ-2611-09"),
            ("橡塑保温", "δ25-32mm，B1级", "m³", 120, None, 1850, None, "材料", "XJ-2611-10"),
            ("离心玻璃棉保温", "δ50mm，带铝箔", "m³", 60, None, 980, None, "材料", "XJ-2611-10"),
            ("阀门", "蝶阀、止回阀、静态平衡阀", "个", 210, None, 860, None, "材料", "XJ-2611-11"),
            ("风管支吊架及型钢", "热镀锌", "kg", 15000, None, 8.6, None, "材料", "XJ-2611-12"),
            ("电线电缆", "WDZ-YJY 3×4-5×16", "m", 3600, None, 24.5, None, "材料", "XJ-2611-13"),
            ("电缆桥架", "200×100 热镀锌", "m", 860, None, 135, None, "材料", "XJ-2611-13"),
            ("密封胶、法兰垫料等辅材", "", "项", 1, None, 68000, None, "材料", ""),
        ],
    ),
    (
        "三、安装人工",
        [
            ("设备吊装、就位及安装", "", "工日", 420, 400, 420, 470, "人工", ""),
            ("风管制作安装", "", "工日", 1500, 360, 380, 430, "人工", ""),
            ("水管及冷媒管安装", "", "工日", 760, None, 390, None, "人工", ""),
            ("保温施工", "", "工日", 420, None, 350, None, "人工", ""),
            ("电气及自控安装", "", "工日", 380, None, 450, None, "人工", ""),
        ],
    ),
    (
        "四、措施及其他",
        [
            ("设备运输及装卸", "含二次搬运", "项", 1, None, 68000, None, "其他", ""),
            ("系统调试及试运行", "含综合效能调试", "项", 1, None, 120000, None, "其他", ""),
            ("洁净度第三方检测", "按GB 50591-2010", "项", 1, 75000, 85000, 120000, "其他", ""),
            ("安全文明施工措施费", "", "项", 1, None, 80000, None, "其他", ""),
            ("临时设施及脚手架", "", "项", 1, None, 45000, None, "其他", ""),
            ("深化设计及BIM", "", "项", 1, None, 60000, None, "其他", ""),
            ("工程保险", "", "项", 1, None, 18000, None, "其他", ""),
        ],
    ),
]


def _money(x: Decimal) -> float:
    return float(x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def build(path: Path, *, force: bool = False) -> Decimal:
    wb, ws = new_workbook("成本测算")
    thin = Side(style="thin", color="808080")
    box = Border(top=thin, bottom=thin, left=thin, right=thin)
    head_fill = PatternFill("solid", fgColor="D9E1F2")
    sec_fill = PatternFill("solid", fgColor="F2F2F2")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)

    ws.merge_cells("A1:K1")
    ws["A1"] = f"{TITLE}\n成本测算表（工程量清单）"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = center
    ws.row_dimensions[1].height = 42
    ws.merge_cells("A2:E2")
    ws["A2"] = "编制单位：江南洁净空调工程有限公司（成本部）"
    ws.merge_cells("I2:K2")
    ws["I2"] = "日期：2026年11月20日"
    ws.merge_cells("A3:E3")
    ws["A3"] = "金额单位：人民币元（不含增值税）"

    heads = [
        "序号",
        "项目名称",
        "规格型号",
        "单位",
        "数量",
        "单价（元）",
        None,
        None,
        "合价（元）",
        "类别",
        "备注",
        "询价单号",
    ]
    for col, text in enumerate(heads, start=1):
        ws.cell(row=4, column=col, value=text)
    for col, text in ((6, "最低"), (7, "最可能"), (8, "最高")):
        ws.cell(row=5, column=col, value=text)
    for letter in "ABCDEIJKL":
        ws.merge_cells(f"{letter}4:{letter}5")
    ws.merge_cells("F4:H4")
    for row in ws.iter_rows(min_row=4, max_row=5, min_col=1, max_col=12):
        for cell in row:
            cell.font = Font(bold=True)
            cell.fill = head_fill
            cell.alignment = center
            cell.border = box

    r = 6
    grand = Decimal(0)
    for s_index, (section, items) in enumerate(SECTIONS):
        ws.cell(row=r, column=1, value=section.split("、")[0])
        ws.cell(row=r, column=2, value=section.split("、")[1])
        for c in range(1, 12):
            ws.cell(row=r, column=c).fill = sec_fill
            ws.cell(row=r, column=c).font = Font(bold=True)
        r += 1
        sub = Decimal(0)
        for i, (name, spec, unit, qty, low, likely, high, cat, ref) in enumerate(items, start=1):
            amount = Decimal(str(qty)) * Decimal(str(likely))
            sub += amount
            values = [
                f"{s_index + 1}.{i}",
                name,
                spec or None,
                unit,
                qty,
                low,
                likely,
                high,
                _money(amount),
                cat,
                "三点估价" if low is not None else None,
                ref or None,
            ]
            for c, v in enumerate(values, start=1):
                cell = ws.cell(row=r, column=c, value=v)
                cell.border = box
                if c in (6, 7, 8, 9):
                    cell.number_format = "#,##0.00"
                if c == 5:
                    cell.number_format = "#,##0.##"
            r += 1
        ws.cell(row=r, column=2, value="小计")
        ws.cell(row=r, column=9, value=_money(sub)).number_format = "#,##0.00"
        ws.cell(row=r, column=2).font = Font(bold=True)
        r += 1
        grand += sub
    ws.cell(row=r, column=2, value="合计")
    ws.cell(row=r, column=9, value=_money(grand)).number_format = "#,##0.00"
    ws.cell(row=r, column=2).font = Font(bold=True)
    ws.cell(row=r, column=9).font = Font(bold=True)
    ws.cell(
        row=r + 2,
        column=1,
        value="注：单价不含增值税；“最低/最高”为空的项目按投标文件设定的类别浮动幅度取值。",
    )

    for letter, width in zip("ABCDEFGHIJKL", (7, 30, 26, 6, 10, 12, 12, 12, 15, 7, 10, 12), strict=True):
        ws.column_dimensions[letter].width = width
    ws.column_dimensions["L"].hidden = True
    ws.freeze_panes = "C6"
    ws.print_title_rows = "4:5"

    with atomic_path(path, force=force) as tmp:
        wb.save(tmp)
    return grand


if __name__ == "__main__":
    total = build(HERE / "costs.xlsx", force="--force" in sys.argv)
    print(f"wrote {HERE / 'costs.xlsx'}: likely direct cost ¥{total:,.2f}")
