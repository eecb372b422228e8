"""Fixtures for the tender-document tests: the bundled example bid and a cost model built here."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from bidassist.core.bidfile import Bid, load_bid
from bidassist.costs.model import CostLine, CostModel

EXAMPLE = Path(__file__).resolve().parents[2] / "bidassist" / "examples" / "hospital" / "bid.yaml"
PRICE = D("9876543.21")


def hospital_lines() -> list[CostLine]:
    def line(code, desc, unit, qty, likely, cat, spread=True):
        likely = D(likely)
        low, high = (likely * D("0.95"), likely * D("1.1")) if spread else (likely, likely)
        return CostLine(
            code=code,
            description=desc,
            unit=unit,
            quantity=D(qty),
            low=low,
            likely=likely,
            high=high,
            distribution="triangular" if spread else "fixed",
            category=cat,
            source=f"Costs!A{len(code) + 1}",
        )

    return [
        line("SB-01", "组合式净化空调机组 22000m³/h", "台", "4", "392000", "设备"),
        line("SB-02", "高效送风口（含HEPA）", "个", "186", "2350", "设备"),
        line("SB-03", "排风机组", "台", "6", "46800", "设备"),
        line("CL-01", "镀锌钢板风管", "m²", "5230.5", "196", "材料"),
        line("CL-02", "铜管及保温", "m", "3120", "95", "材料"),
        line("CL-03", "风阀及消声器", "套", "214", "1280", "材料"),
        line("RG-01", "安装人工", "工日", "2600", "450", "人工"),
        line("QT-01", "系统调试及洁净度检测", "项", "1", "180000", "其他", spread=False),
    ]


@pytest.fixture
def bid() -> Bid:
    return load_bid(EXAMPLE)


@pytest.fixture
def costs() -> CostModel:
    return CostModel(lines=hospital_lines())


def chinese_font() -> bool:
    """Whether the machine has a font that covers Chinese: LibreOffice without one writes every
    Hanzi as the same fallback glyph, so a PDF's Chinese text cannot be checked."""
    import shutil
    import subprocess

    if shutil.which("fc-list") is None:
        return False
    run = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    return bool(run.stdout.strip())
