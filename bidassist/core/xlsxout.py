"""A new openpyxl workbook with its first sheet typed as a worksheet (openpyxl types `active` as
optional; a fresh workbook always has one)."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet


def new_workbook(first_sheet_title: str) -> tuple[Workbook, Worksheet]:
    wb = Workbook()
    ws = wb.active
    if not isinstance(ws, Worksheet):  # pragma: no cover - openpyxl always creates one
        raise TypeError("openpyxl created a workbook without a worksheet")
    ws.title = first_sheet_title
    return wb, ws
