"""A note printed at the foot of each page of a 清单-style table (注：…) with the title and header
printed again below it: the table goes on over the next page and its 合计 reconciles (session 16:
the fresh held-out k200 stopped at the first page's note and imported 16 of 18 lines with exit 0)."""

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from bidassist.costs import import_cost_sheet

TITLE = "主要材料价格表"
NOTE = "注：此表由投标人填写，单价应计入综合单价。"


def _page(ws, first: int, items: list[tuple[str, float, float]], as_text: bool = False) -> None:
    ws.append([TITLE, None, None, None, None])
    ws.append(["工程名称：某中学食堂改造", None, None, "第1页", None])
    ws.append(["序号", "名称及规格", "单位", "数量", "单价", "合价"])
    for i, (name, qty, price) in enumerate(items, first):
        figures = [qty, price, round(qty * price, 2)]
        ws.append([str(i), name, "个", *(str(v) if as_text else v for v in figures)])


@pytest.mark.parametrize("as_text", [False, True], ids=["numbers", "figures-stored-as-text"])
def test_table_goes_on_after_a_page_foot_note(tmp_path: Path, as_text: bool) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "表-08"
    page1 = [("镀锌钢管 DN25", 12.0, 18.5), ("闸阀 DN50", 4.0, 96.0), ("PPR 管 dn32", 60.0, 7.2)]
    page2 = [("不锈钢水槽", 2.0, 450.0), ("感应龙头", 6.0, 128.0)]
    _page(ws, 1, page1, as_text)
    ws.append([NOTE])
    ws.append([None])
    _page(ws, 4, page2, as_text)
    total = sum(round(q * p, 2) for _, q, p in page1 + page2)
    ws.append(["合    计", None, None, None, None, str(total) if as_text else total])
    ws.append([NOTE])
    path = tmp_path / "printed.xlsx"
    wb.save(path)
    got = import_cost_sheet(path)
    assert len(got.model.lines) == 5
    assert sum(line.likely * line.quantity for line in got.model.lines) == Decimal("2706.00")
    assert got.reconciliation.status == "matched"


def test_note_with_no_page_after_it_still_ends_the_table(tmp_path: Path) -> None:
    """The twin: a note with no header printed again below it ends the list as before."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "表-08"
    _page(ws, 1, [("镀锌钢管 DN25", 12.0, 18.5), ("闸阀 DN50", 4.0, 96.0)])
    ws.append(["合    计", None, None, None, None, 606.0])
    ws.append([NOTE])
    ws.append(["编制人：", None, "审核人：", None, None])
    path = tmp_path / "one-page.xlsx"
    wb.save(path)
    got = import_cost_sheet(path)
    assert len(got.model.lines) == 2
    assert got.reconciliation.status == "matched"
