"""Kinds of real workbooks from the development corpus (benchmarks/corpora/costs, split dev) that
imported wrong or were refused, each rebuilt here in the shape of the real one: a design-fee quote
whose figures are text with their units (k29), a rental quote whose amount is the row's 合计 after
partial amounts and whose only total is a 小计 (k10), a WBS BOQ whose TOTAL column is the all-in rate
(k24), a home budget with unpriced rows and a second name column (k13)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from bidassist.core.errors import ProblemsError
from bidassist.costs import import_cost_sheet
from bidassist.costs.values import quantity_with_unit

D = Decimal

# k29 (LiebeChan/shihe-design 报价明细.xlsx, a CSV under an .xlsx name): every figure carries a unit
DESIGN_FEE = """设计费报价明细

序号,区域,设计面积,单价,设计费,备注
1,商场公区,1.9万㎡,120元/㎡,228.0万,旧改 2个中庭
2,办公公区,1.5万㎡,60元/㎡,90.0万,大堂、标准层、卫生间
3,街区公区,0.7万㎡,50元/㎡,35.0万,室外街 景观节点
4,招商中心,500㎡,500元/㎡,25.0万,含软装设计
,合计,4.15万㎡,,{total},


谈判底线
首轮报价,378万,
可接受价,300万,7.9折
底线价格,260万,6.9折
"""


def write(tmp_path: Path, text: str, name: str = "quote.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_text_figures_with_units_reconcile_with_the_total_row(tmp_path: Path) -> None:
    result = import_cost_sheet(write(tmp_path, DESIGN_FEE.format(total="378.0万")))
    lines = result.model.lines
    assert [(ln.description, ln.quantity, ln.unit, ln.likely) for ln in lines] == [
        ("商场公区", D(19000), "m2", D(120)),
        ("办公公区", D(15000), "m2", D(60)),
        ("街区公区", D(7000), "m2", D(50)),
        ("招商中心", D(500), "m2", D(500)),
    ]
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched"
    assert (rec.sheet_total, rec.imported, rec.cell) == (D(3780000), D("3780000.00"), "quote!E8")
    # the negotiation notes under the total are outside the table, named as such
    assert [w.where for w in result.warnings] == ["quote!C13", "quote!C14"]
    assert all("7.9折" in w.message or "6.9折" in w.message for w in result.warnings)
    assert all("the sheet's total quote!E8 agrees" in w.message for w in result.warnings)


def test_a_total_row_that_disagrees_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(write(tmp_path, DESIGN_FEE.format(total="388.0万")))
    [problem] = [p for p in info.value.problems if p.where == "quote!E8"]
    assert "3,880,000.00" in problem.message and "3,780,000.00" in problem.message
    # the notes below a total that does not reconcile are errors too: nothing vouches for the table
    assert {p.where for p in info.value.problems} >= {"quote!C13", "quote!C14"}


def test_a_total_in_an_unknown_column_is_still_read_as_text(tmp_path: Path) -> None:
    """The original silent error: no quantity column and no amount column recognised, every line
    1 × its rate (730 in all) and the 合计 row's text figure unread: now the text figure is the
    stated total and the difference is an error."""
    text = DESIGN_FEE.format(total="378.0万").replace("设计面积", "规模").replace("设计费", "报价")
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(write(tmp_path, text))
    messages = " ".join(p.message for p in info.value.problems)
    assert "3,780,000.00" in messages and "730.00" in messages


def test_a_quantity_unit_that_contradicts_the_unit_column_is_an_error(tmp_path: Path) -> None:
    text = "名称,单位,数量,单价,合价\n地砖,套,12㎡,10,120\n,合计,,,120\n"
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(write(tmp_path, text))
    [problem] = info.value.problems
    assert problem.where == "quote!C2" and "m2" in problem.message and "套" in problem.message


@given(
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["㎡", "m", "个", "套", "boxes", "sqm", "台"]),
    st.sampled_from(["", " "]),
    st.booleans(),
)
def test_quantity_with_unit_reads_the_number_and_the_unit(
    number: Decimal, unit: str, space: str, wan: bool
) -> None:
    text = f"{number}{'万' if wan else ''}{space}{unit}"
    found = quantity_with_unit(text)
    assert found is not None
    value, read_unit = found
    assert value == number * (10_000 if wan else 1)
    assert read_unit == ("m2" if unit == "㎡" else unit)


@pytest.mark.parametrize("text", ["30元", "（约）30", "约30", "120元/㎡", "12%", "若干", "7.9折", "1,2,3个"])
def test_money_rates_and_guesses_are_not_quantities_with_units(text: str) -> None:
    assert quantity_with_unit(text) is None
