"""The currency a cost sheet states, and the check that it is the tender's (costs/currency.py).

A cost sheet in US dollars priced in a tender in yuan is a wrong figure with nothing on screen to
tell: the sheet's own currency is read where it writes it (the money columns' headers, the title
block, a note beside the header, money typed with its sign) and a bid whose tender currency is
another one is refused. Look-alikes: 元件 / 单元, RS Online, an RM (raw material) column, a word
"won" in a title are no currency; a sheet that states none takes the tender's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from bidassist.core.bidfile import load_bid
from bidassist.core.errors import ProblemsError
from bidassist.costs import import_cost_sheet, load_costs
from bidassist.costs.currency import currencies_in

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Price (USD)", {"USD"}),
        ("COST IS IN USD", {"USD"}),
        ("单价（元）", {"CNY"}),
        ("金额（万元）", {"CNY"}),
        ("Total (RMB)", {"CNY"}),
        ("Amount (Rs.)", {"INR"}),
        ("Rs 500", {"INR"}),
        ("Total(RM)", {"MYR"}),
        ("HK$ 300", {"HKD"}),
        ("US$ 5", {"USD"}),
        ("€ 12", {"EUR"}),
        ("Price (KRW)", {"KRW"}),
        ("$ 9.95/13.19 (CAD)", {"USD", "CAD"}),
        # look-alikes: no currency
        ("元件名称", set()),
        ("单元", set()),
        ("RS Online part", set()),
        ("RM cost", set()),
        ("Projects won", set()),
    ],
)
def test_currencies_written_in_headers_and_cells(text: str, codes: set[str]) -> None:
    assert currencies_in(text) == codes


def sheet(tmp_path: Path, header: list[str], note: str | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Costs"
    if note:
        ws.append([note])
    ws.append(header)
    ws.append(["Cable tray", "m", 120, 8.5, 1020])
    ws.append(["Junction box", "pcs", 12, 35, 420])
    path = tmp_path / "costs.xlsx"
    wb.save(path)
    return path


def test_a_sheet_in_dollars_says_so(tmp_path: Path) -> None:
    path = sheet(tmp_path, ["Description", "Unit", "Qty", "Unit Price (USD)", "Amount (USD)"])
    assert import_cost_sheet(path).model.currency == "USD"


def test_a_note_above_the_header_states_the_currency(tmp_path: Path) -> None:
    path = sheet(tmp_path, ["Description", "Unit", "Qty", "Unit Price", "Amount"], note="All prices in EUR")
    assert import_cost_sheet(path).model.currency == "EUR"


def test_a_sheet_that_names_no_currency_states_none(tmp_path: Path) -> None:
    path = sheet(tmp_path, ["Description", "Unit", "Qty", "Unit Price", "Amount"])
    result = import_cost_sheet(path)
    assert result.model.currency is None and result.to_json()["currency"] is None


def test_yuan_in_a_chinese_header(tmp_path: Path) -> None:
    path = sheet(tmp_path, ["名称", "单位", "数量", "单价（元）", "合价（元）"])
    assert import_cost_sheet(path).model.currency == "CNY"


def _bid_with_sheet(tmp_path: Path, sheet_path: Path) -> Path:
    text = (ROOT / "examples/hospital/bid.yaml").read_text(encoding="utf-8")
    start = text.index("costs:")
    end = text.index("\npricing:")
    bid_path = tmp_path / "bid.yaml"
    bid_path.write_text(text[:start] + f"costs:\n  file: {sheet_path}\n" + text[end:], encoding="utf-8")
    return bid_path


def test_a_dollar_sheet_in_a_yuan_tender_is_refused(tmp_path: Path) -> None:
    path = sheet(tmp_path, ["Description", "Unit", "Qty", "Unit Price (USD)", "Amount (USD)"])
    bid = load_bid(_bid_with_sheet(tmp_path, path))
    assert bid.tender.currency == "CNY"
    with pytest.raises(ProblemsError) as err:
        load_costs(bid)
    said = str(err.value.problems[0])
    assert "USD" in said and "CNY" in said and "tender.currency" in said


def test_a_sheet_with_no_stated_currency_is_taken_in_the_tender_s(tmp_path: Path) -> None:
    # the look-alike: nothing says the sheet is in another currency, so it is priced as the tender's
    path = sheet(tmp_path, ["Description", "Unit", "Qty", "Unit Price", "Amount"])
    result = load_costs(load_bid(_bid_with_sheet(tmp_path, path)))
    assert len(result.model.lines) == 2
