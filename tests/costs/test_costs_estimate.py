"""Measurement-and-cost estimates without a header row (corpus k49, MuhammadAffanAli123/Public-Health
`Sheet1`; k50 `M.S`): numbered items, measurement rows, one priced row per item
(`Qty | 389 | Cft. | @ | Rs. | 5445 | P.% cft | Rs. | 21181.05`), priced rows written as text,
running text totals (`TOTAL RS. 530431/-`) and a grand total."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from bidassist.core.errors import ProblemsError
from bidassist.costs import import_cost_sheet

D = Decimal
ITEMS = [
    ("Dismantling cement concrete 1:2:4", 389, "Cft.", 5445, "P. % cft", "21181.05"),
    ("Removing cement or lime plaster", 875.5, "Sft.", 121, "P.% sft", "1059.36"),
    ("Cement plaster 1:4 up to 20 ft height", 1804, "Sft.", 2305.85, "P.% sft", "41597.53"),
]


def estimate(
    tmp_path: Path, *, total: str | None, grand: float | None = None, text_line: bool = True
) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["Detailed working estimate for repair of water supply scheme"])
    for n, (desc, qty, unit, rate, per, amount) in enumerate(ITEMS, start=1):
        ws.append([])
        ws.append([n, desc])
        ws.append([None, "Top Slab", None, None, 1, "x", 11.5, "x", 11.5, "x", 0.5, "=", 66.125, "Cft"])
        ws.append([None, "Walls", 2, "x(", 11.5, "+", 10.25, ")  x", 1, "x", 4, "=", 174, "Cft"])
        ws.append([None, None, None, None, None, None, None, None, None, None, "Total", "=", qty])
        ws.append(
            [
                None,
                "Qty",
                qty,
                None,
                unit,
                "@",
                "Rs.",
                rate,
                None,
                per,
                None,
                None,
                None,
                "Rs.",
                float(amount),
            ]
        )
    if text_line:
        ws.append([4, "Making and fixing steel grated doors"])
        ws.append(["1.44.cwt", " @RS", ": 3850/- P-cwt", "RS:", "5544/-"])
    if total is not None:
        ws.append([None] * 12 + ["TOTAL", "RS.", total])
    ws.append([None, "Difference of material"])
    ws.append(
        [None, "Cement", None, None, 107, None, "Bag", "x", 180, None, "P.Bag", None, None, "Rs.", 19260]
    )
    if grand is not None:
        ws.append([None] * 11 + ["G.Total", "Rs.", grand])
    ws.append(
        [
            None,
            "Assistant Engineer",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            "Executive Engineer",
        ]
    )
    path = tmp_path / "estimate.xlsx"
    wb.save(path)
    return path


LINES = sum(D(a) for *_, a in ITEMS) + D(5544) + D(19260)


def test_estimate_lines_reconcile_with_the_grand_total(tmp_path: Path) -> None:
    result = import_cost_sheet(estimate(tmp_path, total="69382/-", grand=float(LINES)))
    lines = result.model.lines
    assert [ln.description for ln in lines] == [
        *(i[0] for i in ITEMS),
        "Making and fixing steel grated doors",
        "Cement",
    ]
    assert [ln.likely for ln in lines] == [*(D(i[5]) for i in ITEMS), D(5544), D(19260)]
    assert result.model.totals.likely == LINES
    rec = result.reconciliation
    assert rec is not None and rec.status == "matched" and rec.cell == "Sheet1!N25"
    assert rec.sheet_total == LINES


def test_estimate_whose_grand_total_disagrees_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(estimate(tmp_path, total="69382/-", grand=float(LINES) + 18971.87))
    assert any("stated total" in p.message and p.where == "Sheet1!N25" for p in info.value.problems)


def test_estimate_without_a_total_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as info:
        import_cost_sheet(estimate(tmp_path, total=None))
    assert any("states no total" in p.message and p.where == "Sheet1" for p in info.value.problems)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(delta=st.integers(min_value=-100_000, max_value=100_000))
def test_never_a_silent_wrong_total_on_estimates(tmp_path: Path, delta: int) -> None:
    """Whatever the grand total says, the import matches it or refuses."""
    path = estimate(tmp_path, total=None, grand=float(LINES + D(delta) / 100), text_line=False)
    want = LINES - D(5544)
    try:
        result = import_cost_sheet(path)
    except ProblemsError as exc:
        assert delta != 0 or any("Sheet1!" in p.where for p in exc.problems)
        return
    assert result.model.totals.likely == want
    assert abs(LINES + D(delta) / 100 - want) <= D("0.035")  # the stated total, within rounding
