"""Kinds of real workbooks that were silently wrong on the first scoring of the fourth held-out
batch (k83, k85, k88, moved into dev in session 11), each rebuilt in the shape of the real one:

- a parts budget whose bought-parts block has SUBTOTAL, HST (13%), SHIPPING and TOTAL rows: a lump
  charge between a block's subtotal and its total is a markup, never a line (k83);
- a project estimate and an actual-costs sheet over the same tasks: alternatives, not parts to add
  up; and the TOTAL PER TASK column that sums LABOR/MATERIAL/TRAVEL/OTHER COST is the amount (k85);
- an AWS calculator export with Monthly and First 12 months total columns: the monthly column is the
  amount (as in the Azure exports k81/k82), the 12-month one a restatement named in a warning (k88).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from bidassist.core.errors import ProblemsError
from bidassist.costs import import_cost_sheet
from bidassist.costs.model import CostLine
from bidassist.costs.structure import block_markups
from bidassist.costs.table import StatedTotal

D = Decimal
FUNC = [HealthCheck.function_scoped_fixture]


def save(wb: Workbook, tmp_path: Path, name: str = "book.xlsx") -> Path:
    path = tmp_path / name
    wb.save(path)
    return path


# ---------------------------------------------------------------- k83: SUBTOTAL, HST, SHIPPING, TOTAL

BOUGHT = [("Raspberry Pi 3 B+", 59.99), ("IR thermal camera", 59.99)]
OWNED = [("Parts kit", 100), ("Acrylic case", 7), ("Safety glasses", 5)]


def parts_budget(tmp_path: Path, charge_label: str, charge: float, *, total_adds_charge: bool = True) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["Parts list for the hardware project"])
    ws.append(["Part", "Part Number", "Supplier", "Quantity", "Cost", "Comments"])
    ws.append([])
    for name, cost in BOUGHT:
        ws.append([name, "C-1", "Elmwood", 1, cost, "bought"])
    sub = round(sum(c for _, c in BOUGHT), 2)
    hst = sub * 0.13
    ws.append(["SUBTOTAL", None, None, None, sub])
    ws.append(["HST (13%)", None, None, None, hst])
    ws.append([charge_label, None, None, None, charge])
    block = sub + hst + (charge if total_adds_charge else 0)
    ws.append(["TOTAL", None, None, None, block])
    ws.append([])
    ws.append(["Preowned"])
    for name, cost in OWNED:
        ws.append([name, "N/A", "Already own", 1, cost])
    owned = sum(c for _, c in OWNED)
    ws.append(["TOTAL ", None, None, None, owned])
    ws.append([])
    ws.append(["GRAND TOTAL", None, None, None, block + owned])
    return save(wb, tmp_path)


@pytest.mark.parametrize("label", ["SHIPPING", "运费", "Handling"])
def test_a_lump_charge_between_a_subtotal_and_its_total_is_a_markup(tmp_path: Path, label: str) -> None:
    """The charge label need not be a known markup word: its place (after SUBTOTAL, added by
    TOTAL) makes it a markup."""
    result = import_cost_sheet(parts_budget(tmp_path, label, 6.92))
    names = [ln.description for ln in result.model.lines]
    assert names == [n for n, _ in BOUGHT] + [n for n, _ in OWNED]
    assert result.model.totals.likely == D("231.98")
    assert (label, D("6.92")) in [(m.label, m.amount) for m in result.markups]
    if label == "Handling":  # shipping (k111) and 运费 (session 16) are markup words of their own
        assert any(label in w.message and "markup" in w.message for w in result.warnings)
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


def test_a_lump_row_the_block_total_does_not_add_stays_a_line_and_is_refused(tmp_path: Path) -> None:
    """TOTAL leaves the charge out: the row is not proven a markup, and the totals then disagree."""
    with pytest.raises(ProblemsError):
        import_cost_sheet(parts_budget(tmp_path, "SHIPPING", 6.92, total_adds_charge=False))


def lump(desc: str, amount: int, row: int) -> CostLine:
    a = D(amount)
    return CostLine.trusted(None, desc, None, D(1), a, a, a, "fixed", None, False, f"S!A{row}")


def total(
    label: str, amount: Decimal, lines: int, since: int, row: int, markups: Decimal = D(0)
) -> StatedTotal:
    return StatedTotal(label, 1, amount, f"S!E{row + 1}", lines, D(0), markups, since, row)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(min_value=1, max_value=10**5), min_size=1, max_size=6),
    st.lists(st.integers(min_value=1, max_value=10**4), min_size=1, max_size=3),
    st.integers(min_value=-3, max_value=3),
)
def test_lumps_are_markups_exactly_when_the_total_adds_them_to_the_subtotal(
    items: list[int], charges: list[int], off: int
) -> None:
    """For any block: lumps after a subtotal that its total adds are markups; a total off by more
    than rounding leaves every line a line."""
    lines = [lump(f"item {i}", a, i + 2) for i, a in enumerate(items)]
    n = len(lines)
    sub_row = n + 2
    lines += [lump(f"charge {j}", c, sub_row + 2 + j) for j, c in enumerate(charges)]
    sub = total("SUBTOTAL", D(sum(items)), n, 0, sub_row)
    grand = D(sum(items) + sum(charges) + off)
    top = total("TOTAL", grand, len(lines), 0, sub_row + len(charges) + 1)
    lumps = {i + 2 - 1 for i in range(n)} | {sub_row + 2 + j - 1 for j in range(len(charges))}
    found = block_markups(lines, [sub, top], lumps)
    if off == 0:
        assert found == list(range(n, len(lines)))
    else:
        assert found == []


def test_an_item_with_its_quantity_between_subtotal_and_total_is_no_lump(tmp_path: Path) -> None:
    """Only rows read as lump sums (no quantity) qualify: a priced item keeps its place."""
    lines = [lump("a", 10, 2), lump("b", 5, 5)]
    sub, top = total("SUBTOTAL", D(10), 1, 0, 2), total("TOTAL", D(15), 2, 0, 5)
    assert block_markups(lines, [sub, top], {1}) == []
    assert block_markups(lines, [sub, top], {1, 4}) == [1]


# ---------------------------------------------------------------- k85: estimate and actual sheets

TASKS = [
    ("Develop functional specifications", 20, 1200, 900, 200, 200),
    ("Develop system architecture", 25, 2000, 700, 200, 100),
    ("Procure software", 40, 15000, 4500, 1000, 500),
    ("Install system", 15, 2000, 1000, 400, 100),
]
ACTUAL = [2300, 2800, 22000, 3200]


def project_budget(
    tmp_path: Path,
    *,
    actual_tasks: list[str] | None = None,
    actual: list[int] | None = None,
    title: str = "Actual Costs",
) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Estimated Costs"
    ws.append([None, "Estimated Project Cost"])
    ws.append([])
    ws.append(
        [None, None, "PROJECT TASKS", "LABOR HOURS", "LABOR COST ($)", "MATERIAL COST ($)"]
        + ["TRAVEL COST ($)", "OTHER COST ($)", "TOTAL PER TASK"]
    )
    for name, hours, *money in TASKS:
        ws.append([None, None, name, hours, *money, sum(money)])
    sums = [sum(t[k] for t in TASKS) for k in range(1, 6)]
    ws.append([None, "Total (Scheduled)", None, *sums, sum(sums[1:])])
    spent = actual or ACTUAL
    sheet = wb.create_sheet(title)
    sheet.append([None, "Actual Project Costs"])
    sheet.append([])
    sheet.append([None, None, "ITEM", "COST", "DATE", "REASON FOR EXPENDITURE"])
    names = actual_tasks or [t[0] for t in TASKS]
    for name, cost in zip(names, spent, strict=True):
        sheet.append([None, None, name, cost, "2022-02-03", "spent"])
    sheet.append([None, "PROJECT TOTAL", None, sum(spent)])
    return save(wb, tmp_path)


def test_two_sheets_over_the_same_tasks_are_alternatives_refused_with_the_sheet_fix(tmp_path: Path) -> None:
    path = project_budget(tmp_path)
    with pytest.raises(ProblemsError) as err:
        import_cost_sheet(path)
    [problem] = [p for p in err.value.problems if "alternatives" in p.message]
    assert "Estimated Costs" in problem.message and "Actual Costs" in problem.message
    assert '--sheet "Estimated Costs"' in problem.message and '--sheet "Actual Costs"' in problem.message
    estimate = import_cost_sheet(path, sheet="Estimated Costs")
    assert estimate.model.totals.likely == D(sum(sum(t[2:]) for t in TASKS))
    actual = import_cost_sheet(path, sheet="Actual Costs")
    assert actual.model.totals.likely == D(sum(ACTUAL))


def test_two_sheets_over_different_items_are_parts_and_both_import(tmp_path: Path) -> None:
    """Different items, totals far apart and names that mark no version: parts, both imported."""
    other = ["Marketing launch", "Office rent", "Legal review", "Travel to site"]
    result = import_cost_sheet(
        project_budget(tmp_path, actual_tasks=other, actual=[230, 280, 2200, 320], title="Launch Costs")
    )
    assert len(result.model.lines) == len(TASKS) + len(ACTUAL)


def test_an_estimate_and_an_actual_sheet_over_different_items_are_versions(tmp_path: Path) -> None:
    """Estimated Costs beside Actual Costs (totals 30,000 and 30,300): two versions of one
    budget even when the items are named differently, refused naming both (session 13, k117)."""
    other = ["Marketing launch", "Office rent", "Legal review", "Travel to site"]
    with pytest.raises(ProblemsError) as err:
        import_cost_sheet(project_budget(tmp_path, actual_tasks=other))
    assert any(
        "Estimated Costs" in p.message and '--sheet "Actual Costs"' in p.message for p in err.value.problems
    )


def test_the_column_that_sums_the_other_cost_columns_is_the_amount(tmp_path: Path) -> None:
    """TOTAL PER TASK is headed no better than TRAVEL COST ($): its figures, the sum of the other
    money columns on every row, make it the amount."""
    result = import_cost_sheet(project_budget(tmp_path), sheet="Estimated Costs")
    got = [ln.quantity * ln.likely for ln in result.model.lines]
    assert got == [D(sum(t[2:])) for t in TASKS]
    assert result.reconciliation is not None and result.reconciliation.status == "matched"


# ---------------------------------------------------------------- k88: Monthly and First 12 months total


def aws_export(tmp_path: Path, monthly: list[float], yearly: list[float]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["Region", "Description", "Service", "Upfront", "Monthly", "First 12 months total", "Currency"])
    for i, (m, y) in enumerate(zip(monthly, yearly, strict=True)):
        ws.append(["Asia Pacific (Mumbai)", f"part {i}", f"Service {i}", 0, m, y, "USD"])
    ws.append([None, None, None, None, sum(monthly), sum(yearly)])
    ws.append(["NOTE: the calculator provides only an estimate of your fees"])
    return save(wb, tmp_path)


@settings(max_examples=25, deadline=None, suppress_health_check=FUNC)
@given(st.lists(st.integers(min_value=100, max_value=999), min_size=3, max_size=5))
def test_a_monthly_column_restated_for_twelve_months_is_the_amount(tmp_path: Path, digits: list[int]) -> None:
    """Any monthly figures with their 12-month restatement: the monthly ones are read. (Each figure
    is a magnitude below the one above it, so that no row equals or nearly equals the rows above
    it, which the importer reads as an unlabelled subtotal or a heading: another rule's domain.)"""
    cents = [d * 100 ** (len(digits) - 1 - i) for i, d in enumerate(digits)]
    monthly = [c / 100 for c in cents]
    yearly = [round(12 * m, 2) for m in monthly]
    result = import_cost_sheet(aws_export(tmp_path, monthly, yearly))
    assert result.model.totals.likely == sum((D(c) / 100 for c in cents), D(0))
    [warning] = [w for w in result.warnings if "restatement" in w.message]
    assert "column F" in warning.message and "column E" in warning.message
    assert "--map amount=F" in warning.message


def test_a_twelve_month_column_that_is_no_restatement_keeps_its_reading(tmp_path: Path) -> None:
    """Figures that are not 12 × the monthly ones are not a restatement: no switch, no warning."""
    monthly, yearly = [10.0, 20.0, 30.0], [100.0, 250.0, 330.0]
    result = import_cost_sheet(aws_export(tmp_path, monthly, yearly))
    assert not any("restatement" in w.message for w in result.warnings)
    assert result.model.totals.likely == D(680)


# ---------------------------------------------------------------- the same kind: 含税 beside 不含税

GOODS = [("服务器", 2, 10000), ("交换机", 3, 2000), ("机柜", 1, 3000)]


def taxed_quote(tmp_path: Path, rate: int, *, taxed_first: bool, rates: list[int] | None = None) -> Path:
    """A quote with 不含税金额 and 含税金额 (each line's with-tax amount at `rate` %, or at its own
    rate from `rates`), in either order, and a 合计 row under both."""
    wb = Workbook()
    ws = wb.active
    ws.title = "报价"
    money = ["含税金额", "不含税金额"] if taxed_first else ["不含税金额", "含税金额"]
    ws.append(["序号", "名称", "单位", "数量", "单价", *money])
    totals = [D(0), D(0)]
    for i, (name, qty, price) in enumerate(GOODS):
        net = D(qty * price)
        taxed = (net * (100 + (rates[i] if rates else rate)) / 100).quantize(D("0.01"))
        pair = [taxed, net] if taxed_first else [net, taxed]
        totals = [totals[0] + pair[0], totals[1] + pair[1]]
        ws.append([i + 1, name, "台", qty, price, *(float(x) for x in pair)])
    ws.append(["合计", None, None, None, None, *(float(x) for x in totals)])
    return save(wb, tmp_path)


@settings(max_examples=12, deadline=None, suppress_health_check=FUNC)
@given(st.sampled_from([3, 6, 9, 13, 16]), st.booleans())
def test_an_amount_with_tax_beside_the_same_amount_before_tax_reads_the_one_before_tax(
    tmp_path: Path, rate: int, taxed_first: bool
) -> None:
    """Whichever column comes first, the amount before tax is read, and a warning names both
    columns, the factor and the --map that takes the amount with tax."""
    result = import_cost_sheet(taxed_quote(tmp_path, rate, taxed_first=taxed_first))
    assert result.model.totals.likely == D(sum(q * p for _, q, p in GOODS))
    taxed, net = ("F", "G") if taxed_first else ("G", "F")
    [warning] = [w for w in result.warnings if "restatement" in w.message]
    assert f"column {taxed} (含税金额)" in warning.message and f"column {net} (不含税金额)" in warning.message
    assert f"--map amount={taxed}" in warning.message
    assert not any("second amount column" in w.message for w in result.warnings)


def test_tax_columns_whose_figures_are_no_constant_rate_are_not_a_restatement(tmp_path: Path) -> None:
    result = import_cost_sheet(taxed_quote(tmp_path, 13, taxed_first=False, rates=[13, 6, 9]))
    assert not any("restatement" in w.message for w in result.warnings)
    assert result.model.totals.likely == D(sum(q * p for _, q, p in GOODS))


def test_lumps_under_a_heading_of_their_own_after_a_subtotal_stay_lines() -> None:
    """设备 items, 小计, then a 二、安装 section of lump lines and a 合计 over both: a section, not
    charges on the block."""
    a, b = lump("服务器", 100, 3), lump("安装调试", 20, 6)
    b = b.replaced(category="二、安装")
    sub, top = total("小计", D(100), 1, 0, 3), total("合计", D(120), 2, 0, 6)
    assert block_markups([a, b], [sub, top], {2, 5}) == []
