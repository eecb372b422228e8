"""Kinds a fresh set of workbooks may hold that dev shows only in part (session 14, helper costs2):

- an amount column repeated in a second currency (Total (USD) | Total (RMB)) with no price column
  of its own: the same money only when it is a fixed rate of the first on every line (then said in
  a warning), refused naming both columns otherwise;
- a note in a money cell ("included", "see below", "incl."): read as empty only when the sheet's
  stated total agrees, an error naming the cell on a sheet with no total;
- CSV as finance exports it: GBK/GB18030, a BOM, semicolons with decimal commas (1.234,56),
  thousands separators — the encoding, delimiter and decimal mark named in the JSON, and a file
  that is UTF-8 up to a bad byte refused naming the line.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from bidassist.core.errors import BidassistError, InputError, ProblemsError
from bidassist.costs import import_cost_sheet

D = Decimal
FUNC = [HealthCheck.function_scoped_fixture]

ITEMS = [("Motor", 2, 109.9), ("Frame", 1, 250.0), ("Battery", 4, 13.99)]


def save(wb: Workbook, tmp_path: Path, name: str = "book.xlsx") -> Path:
    path = tmp_path / name
    wb.save(path)
    return path


# ---------------------------------------------------------------- a second currency


def two_currencies(tmp_path: Path, rates: list[float], extra: str = "Total (RMB)") -> Path:
    """Item | Qty | Unit price (USD) | Total (USD) | Total (RMB), no total row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Quote"
    ws.append(["Item", "Qty", "Unit price (USD)", "Total (USD)", extra])
    for (name, q, p), rate in zip(ITEMS, rates, strict=True):
        amount = round(q * p, 2)
        ws.append([name, q, p, amount, round(amount * rate, 2)])
    return save(wb, tmp_path)


def test_a_second_currency_at_a_fixed_rate_is_the_same_money_said_in_a_warning(tmp_path: Path) -> None:
    result = import_cost_sheet(two_currencies(tmp_path, [7.1, 7.1, 7.1]))
    assert result.model.totals.likely == D("219.80") + D("250.00") + D("55.96")
    note = [w.message for w in result.warnings if "another currency" in w.message]
    assert note and "Total (RMB)" in note[0] and "7.1" in note[0] and "--map" in note[0]


def test_a_second_currency_at_no_fixed_rate_is_refused_naming_the_column(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as caught:
        import_cost_sheet(two_currencies(tmp_path, [7.1, 6.5, 7.3]))
    text = " ".join(p.where + " " + p.message for p in caught.value.problems)
    assert "Quote" in text and "E" in text
    assert any(k in caught.value.message or k in text for k in ("--map", "--sheet"))


@settings(max_examples=25, deadline=None, suppress_health_check=FUNC)
@given(rates=st.lists(st.sampled_from([0.14, 1.0, 6.9, 7.25, 7.9]), min_size=3, max_size=3))
def test_a_second_currency_is_never_read_as_another_total(tmp_path: Path, rates: list[float]) -> None:
    """Whatever the rates: the import is the first currency's amounts, or a refusal."""
    try:
        result = import_cost_sheet(two_currencies(tmp_path, rates))
    except ProblemsError:
        assert len(set(rates)) > 1
        return
    assert result.model.totals.likely == D("525.76")


# ---------------------------------------------------------------- notes in money cells


def with_note(tmp_path: Path, note: str, *, total: float | None) -> Path:
    """Part | Qty | Price | Amount, one amount written as a note; a total row when `total`."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Parts"
    ws.append(["Part", "Qty", "Unit price", "Amount"])
    ws.append(["Motor", 2, 109.9, 219.8])
    ws.append(["Mounting kit", 1, 40, note])
    ws.append(["Frame", 1, 250, 250])
    if total is not None:
        ws.append(["Total", None, None, total])
    return save(wb, tmp_path)


@pytest.mark.parametrize("note", ["included", "see below", "incl.", "Included in frame"])
def test_a_note_in_an_amount_with_no_total_is_an_error_naming_the_cell(tmp_path: Path, note: str) -> None:
    with pytest.raises(ProblemsError) as caught:
        import_cost_sheet(with_note(tmp_path, note, total=None))
    assert any(
        p.where == "Parts!D3" and "no stated total confirms it" in p.message for p in caught.value.problems
    )


def test_a_note_in_an_amount_stands_when_the_sheets_total_agrees(tmp_path: Path) -> None:
    """The total leaves the kit out: it is included in another line, the note is reported."""
    result = import_cost_sheet(with_note(tmp_path, "included", total=469.8))
    assert result.model.totals.likely == D("469.80")
    assert result.reconciliation.status == "matched"
    assert any(w.where == "Parts!D3" and "included" in w.message for w in result.warnings)


def test_a_note_whose_line_the_total_counts_is_priced_by_quantity_times_price(tmp_path: Path) -> None:
    """ "see below" where the total counts the kit: quantity × unit price is its amount, checked."""
    result = import_cost_sheet(with_note(tmp_path, "see below", total=509.8))
    assert result.model.totals.likely == D("509.80")
    assert result.reconciliation.status == "matched"


@pytest.mark.parametrize("total", [300.0, 600.0])
def test_a_note_in_an_amount_against_a_total_that_differs_is_refused(tmp_path: Path, total: float) -> None:
    with pytest.raises(ProblemsError):
        import_cost_sheet(with_note(tmp_path, "see below", total=total))


# ---------------------------------------------------------------- CSV as finance exports it

ROWS = [
    ("螺栓 M12", "套", "120", "1.234,56"),
    ("钢板 Q235", "吨", "2,5", "4.100,00"),
    ("焊条", "kg", "30", "12,35"),
]


def csv_file(tmp_path: Path, text: str, encoding: str, name: str = "报价.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def european(rows: list[tuple[str, str, str, str]] = ROWS) -> str:
    return "名称;单位;数量;单价\n" + "".join(";".join(r) + "\n" for r in rows)


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-8"])
def test_a_semicolon_csv_with_decimal_commas_is_read_and_its_format_named(
    tmp_path: Path, encoding: str
) -> None:
    result = import_cost_sheet(csv_file(tmp_path, european(), encoding))
    want = D(120) * D("1234.56") + D("2.5") * D("4100.00") + D(30) * D("12.35")
    assert result.model.totals.likely == want
    fmt = result.to_json()["text_format"]
    named = {"gbk": "gb18030", "gb18030": "gb18030"}.get(encoding, encoding)
    assert fmt == {"encoding": named, "delimiter": ";", "decimal": ","}
    assert [ln.description for ln in result.model.lines] == ["螺栓 M12", "钢板 Q235", "焊条"]


def test_a_comma_csv_with_thousands_separators_keeps_decimal_points(tmp_path: Path) -> None:
    text = '名称,单位,数量,单价\n螺栓,套,120,"1,234.56"\n焊条,kg,30,12.35\n'
    result = import_cost_sheet(csv_file(tmp_path, text, "gbk"))
    assert result.model.totals.likely == D(120) * D("1234.56") + D(30) * D("12.35")
    assert result.to_json()["text_format"]["decimal"] == "."


def test_a_semicolon_csv_mixing_decimal_marks_is_refused_cell_by_cell(tmp_path: Path) -> None:
    rows = [("螺栓", "套", "120", "1.234,56"), ("焊条", "kg", "30", "12.35"), ("垫片", "个", "10", "0,5")]
    with pytest.raises(BidassistError):
        import_cost_sheet(csv_file(tmp_path, european(rows), "utf-8"))


def test_a_utf8_csv_with_a_bad_byte_is_refused_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "报价.csv"
    path.write_bytes(european().encode("utf-8") + "垫片;个;10;0,50\n".encode("gbk"))
    with pytest.raises(InputError) as caught:
        import_cost_sheet(path)
    assert "line 5" in caught.value.message and "UTF-8" in caught.value.message


@settings(max_examples=40, deadline=None, suppress_health_check=FUNC)
@given(
    cents=st.lists(st.integers(min_value=1, max_value=10**9), min_size=2, max_size=6),
    encoding=st.sampled_from(["gbk", "utf-8-sig"]),
)
def test_decimal_comma_amounts_read_to_the_cent(tmp_path: Path, cents: list[int], encoding: str) -> None:
    """Any amounts written 1.234.567,89 in a semicolon CSV import as exactly those amounts."""

    def euro(c: int) -> str:
        whole = f"{c // 100:,}".replace(",", ".")
        return f"{whole},{c % 100:02d}"

    text = "名称;金额\n" + "".join(f"项目{i};{euro(c)}\n" for i, c in enumerate(cents, 1))
    result = import_cost_sheet(csv_file(tmp_path, text, encoding))
    assert result.model.totals.likely == sum((D(c) / 100 for c in cents), D(0))


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_a_csvs_first_line_under_the_header_is_a_line_not_a_second_header(tmp_path: Path, sep: str) -> None:
    """A CSV's figures are text: 项目1 | "1.5" under 名称 | 金额 is the first line (it was taken as
    a second header row and dropped, with no warning)."""
    text = "".join(
        sep.join(r) + "\n" for r in [("名称", "金额"), ("项目1", "1.5"), ("项目2", "2"), ("项目3", "7")]
    )
    result = import_cost_sheet(csv_file(tmp_path, text, "utf-8"))
    assert [ln.description for ln in result.model.lines] == ["项目1", "项目2", "项目3"]
    assert result.model.totals.likely == D("10.5")


# ---------------------------------------------------------------- k123: a sparse "Total Cost" column

PARTS = [
    ("Motor+Wheel", 7.05, 109.9),
    ("Controller", 1.07, 17.87),
    ("Battery", 1.91, 146.95),
    ("Connectors", 8.7, 30.45),
    ("Tubing", 3.25, 29.46),
    ("Arduino", 0.02, 22.0),
]


def total_cost(tmp_path: Path, stated: float) -> Path:
    """Parts | Material | Weight (lbs) | Cost | Total Cost: the total beside the first line, weight
    notes further down the same column."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["Parts", "Material", "Weight (lbs)", "Cost", "Total Cost"])
    for i, (name, weight, cost) in enumerate(PARTS):
        extra = {0: stated, 2: "Total Weight (lbs)", 3: round(sum(w for _, w, _ in PARTS), 2)}.get(i)
        ws.append([name, "Metal", weight, cost, extra])
    return save(wb, tmp_path)


def test_a_total_column_with_one_figure_is_the_sheets_total(tmp_path: Path) -> None:
    result = import_cost_sheet(total_cost(tmp_path, 356.63))
    assert len(result.model.lines) == 6
    assert result.model.totals.likely == D("356.63")
    assert result.reconciliation.status == "matched" and result.reconciliation.cell == "Sheet1!E2"


def test_a_total_column_whose_sum_stops_short_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as caught:
        import_cost_sheet(total_cost(tmp_path, 334.63))  # leaves out the last part
    assert any(
        p.where == "Sheet1!E2" and "stated total" in p.message and "22.00" in p.message
        for p in caught.value.problems
    )


@settings(max_examples=20, deadline=None, suppress_health_check=FUNC)
@given(stated=st.decimals(min_value=1, max_value=10_000, places=2))
def test_a_total_column_is_never_read_as_a_line(tmp_path: Path, stated: Decimal) -> None:
    """Whatever the total column says: the six parts and a match, or a refusal naming E2."""
    try:
        result = import_cost_sheet(total_cost(tmp_path, float(stated)))
    except ProblemsError as exc:
        assert any(p.where == "Sheet1!E2" for p in exc.problems)
        return
    assert len(result.model.lines) == 6 and result.model.totals.likely == D("356.63")


# ---------------------------------------------------------------- k134: weekly and whole-period pay

TEAM = [("Product Owner", 10, 90), ("Scrum Master", 14, 80), ("Developer", 20, 75), ("Designer", 17, 65)]


def team_budget(tmp_path: Path, weeks: int, *, summary: bool) -> Path:
    """Role | Hours per week | Hourly Rate | Total pay per week | Total pay for N weeks, a Total row
    under both pay columns, and (`summary`) a Total Project Cost block below."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["Role", "Hours per week", "Hourly Rate", "Total pay per week", f"Total pay for {weeks} weeks"])
    for role, hours, rate in TEAM:
        ws.append([role, hours, rate, hours * rate, hours * rate * weeks])
    weekly = sum(h * r for _, h, r in TEAM)
    ws.append(["Total", sum(h for _, h, _ in TEAM), None, weekly, weekly * weeks])
    if summary:
        ws.append([])
        ws.append([None, "Total Project Cost", weekly * weeks])
    return save(wb, tmp_path)


@settings(max_examples=10, deadline=None, suppress_health_check=FUNC)
@given(weeks=st.integers(min_value=2, max_value=52), summary=st.booleans())
def test_weekly_pay_beside_the_periods_pay_is_never_silently_the_weekly_total(
    tmp_path: Path, weeks: int, summary: bool
) -> None:
    """The sheet's own total is the whole period's: the import is that figure, or a refusal."""
    weekly = sum(h * r for _, h, r in TEAM)
    try:
        result = import_cost_sheet(team_budget(tmp_path, weeks, summary=summary))
    except ProblemsError:
        return
    assert result.model.totals.likely == D(weekly * weeks)
