"""A buyer's bill of quantities written as a real .xlsx (GB50500 layout: title rows, a two-row
header with 金额（元） over 综合单价 / 合价, section headings), and our cost lines."""

from __future__ import annotations

import random
from decimal import Decimal as D
from pathlib import Path

from openpyxl import Workbook

from bidassist.costs.model import CostLine, CostModel

SECTIONS = [
    ("一、土石方工程", "0101", "m³"),
    ("二、混凝土及钢筋混凝土工程", "0105", "m³"),
    ("三、通风空调工程", "0307", "台"),
]
NAMES = {
    "0101": ["挖一般土方", "挖沟槽土方", "回填方", "余方弃置"],
    "0105": ["垫层", "带形基础", "矩形柱", "有梁板", "现浇构件钢筋"],
    "0307": ["空调器", "通风机", "碳钢通风管道", "风口安装", "风管检查孔"],
}
UNITS = ["m³", "m²", "t", "台", "个", "m", "项"]


def bill_items(n_per_section: int = 22, seed: int = 12) -> list[tuple[str, str, str, str, str, D]]:
    """(section, code, name, features, unit, quantity) in the buyer's order: 3 × n items."""
    rnd = random.Random(seed)
    out = []
    for title, prefix, _ in SECTIONS:
        for i in range(n_per_section):
            base = NAMES[prefix][i % len(NAMES[prefix])]
            code = f"{prefix}{(i % 9) + 1:02d}{i + 1:03d}{rnd.randint(1, 9):03d}"
            unit = rnd.choice(UNITS)
            q = D(rnd.choice(["1", "2", "12", "35.5", "128.40", "1250.000", "0.85", "3", "64.25", "7"]))
            if unit == "项":
                q = D(1)
            features = f"1.部位：{i + 1}层\n2.规格：C{20 + (i % 4) * 5}"
            out.append((title, code, f"{base}{i + 1}", features, unit, q))
    return out


def write_works_bill(path: Path, items) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "分部分项工程量清单"
    ws.append(["分部分项工程量清单与计价表"])
    ws.append(["工程名称：某医院洁净手术部改造工程"])
    ws.append(
        ["序号", "项目编码", "项目名称", "项目特征描述", "计量单位", "工程量", "金额（元）", None, "备注"]
    )
    ws.append([None, None, None, None, None, None, "综合单价", "合价", None])
    ws.merge_cells("G3:H3")
    no = 0
    current = None
    for section, code, name, features, unit, q in items:
        if section != current:
            ws.append([None, None, section])
            current = section
        no += 1
        ws.append([no, code, name, features, unit, float(q), None, None, None])
    wb.save(path)
    return path


def write_goods_bill(path: Path, items) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "货物清单"
    ws.append(["序号", "货物名称", "技术参数", "数量", "单位", "单价（元）", "合价（元）", "备注"])
    for i, (_s, _code, name, features, unit, q) in enumerate(items, start=1):
        ws.append([i, name, features.replace("\n", "；"), float(q), unit, None, None, None])
    wb.save(path)
    return path


def cost_model(items) -> tuple[CostModel, dict[str, list[str]]]:
    """Our cost lines: one per item of the first section with the bill's code; the others are
    costed by category (a bill_map maps their items to the category)."""
    rnd = random.Random(99)
    lines = []
    bill_map: dict[str, list[str]] = {}
    for section, code, name, _f, unit, q in items:
        if section == SECTIONS[0][0]:
            likely = D(rnd.randint(20, 900))
            lines.append(
                CostLine(
                    code=code,
                    description=name,
                    unit=unit,
                    quantity=q,
                    low=likely,
                    likely=likely,
                    high=likely,
                    category="土石方",
                )
            )
        else:
            bill_map[code] = ["混凝土" if section == SECTIONS[1][0] else "通风空调"]
    for cat, n in (("混凝土", 6), ("通风空调", 9)):
        for i in range(n):
            likely = D(rnd.randint(1000, 90000))
            lines.append(
                CostLine(
                    code=f"{cat}-{i}",
                    description=f"{cat}成本{i}",
                    unit="项",
                    quantity=D(1),
                    low=likely,
                    likely=likely,
                    high=likely,
                    category=cat,
                )
            )
    return CostModel(lines=lines), bill_map
