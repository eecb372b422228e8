"""Two cost sheets with no summary sheet are added up, and the import says so: versions of one list
written in other words (a plan and a detailed purchase list, as in a held-out robot-arm BOM) cannot be
told from parts by their item names, so the user sees the sum, its parts and the --sheet that
imports one. A workbook with a summary sheet, or a single cost sheet, gets no such warning."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from bidassist.costs import import_cost_sheet

HEADER = ["名称", "数量", "单价", "合价"]


def _sheet(ws, rows: list[tuple[str, int, int]]) -> int:
    ws.append(HEADER)
    for name, qty, price in rows:
        ws.append([name, qty, price, qty * price])
    total = sum(q * p for _, q, p in rows)
    ws.append(["合计", None, None, total])
    return total


def _book(tmp_path: Path, sheets: dict[str, list[tuple[str, int, int]]]) -> tuple[Path, dict[str, int]]:
    wb = Workbook()
    wb.remove(wb.active)
    totals = {name: _sheet(wb.create_sheet(name), rows) for name, rows in sheets.items()}
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path, totals


def _added(result) -> list[str]:
    return [w.message for w in result.warnings if "added up" in w.message]


def test_plan_and_purchase_list_are_added_with_a_warning(tmp_path: Path) -> None:
    path, _ = _book(
        tmp_path,
        {
            "方案": [("步进电机57", 4, 245), ("编码器模组", 4, 30), ("激光切割", 1, 1000)],
            "采购清单": [
                ("三拓-57-8453 电机", 4, 230),
                ("AS5600 模组", 4, 28),
                ("亚克力切割加工", 1, 950),
                ("螺丝", 100, 1),
            ],
        },
    )
    result = import_cost_sheet(path)
    assert result.model.totals.likely == Decimal("2100") + Decimal("2082")
    (message,) = _added(result)
    assert "方案 (2,100.00) + 采购清单 (2,082.00) = 4,182.00" in message
    assert '--sheet "方案"' in message


def test_one_sheet_gets_no_warning(tmp_path: Path) -> None:
    path, _ = _book(tmp_path, {"清单": [("水泵", 2, 100), ("阀门", 3, 50)]})
    assert _added(import_cost_sheet(path)) == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.lists(st.tuples(st.integers(1, 50), st.integers(1, 900)), min_size=2, max_size=5),
        min_size=2,
        max_size=5,
    )
)
def test_the_warning_names_every_part_and_the_sum(tmp_path: Path, parts: list[list[tuple[int, int]]]) -> None:
    """For any set of part sheets, the warning's sum is the imported total and every part is in it.
    (A sheet whose total equals another's or the rest's sum may be a summary: the importer asks.)"""
    sums = [sum(q * p for q, p in rows) for rows in parts]
    assume(len(set(sums)) == len(sums) and all(2 * t != sum(sums) for t in sums))
    sheets = {
        f"S{i}": [(f"项目{i}-{j}", q, p) for j, (q, p) in enumerate(rows)] for i, rows in enumerate(parts)
    }
    path, totals = _book(tmp_path, sheets)
    result = import_cost_sheet(path)
    (message,) = _added(result)
    total = sum(totals.values())
    assert result.model.totals.likely == total
    assert f"= {total:,.2f}" in message
    for name in list(sheets)[:4]:
        assert f"{name} ({totals[name]:,.2f})" in message
