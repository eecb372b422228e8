"""Workbooks the package writes: a new one with its first sheet typed as a worksheet (openpyxl
types `active` as optional; a fresh workbook always has one), and the atomic save."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from bidassist.core.safeio import atomic_path


def new_workbook(first_sheet_title: str) -> tuple[Workbook, Worksheet]:
    wb = Workbook()
    ws = wb.active
    if not isinstance(ws, Worksheet):  # pragma: no cover - openpyxl always creates one
        raise TypeError("openpyxl created a workbook without a worksheet")
    ws.title = first_sheet_title
    return wb, ws


def save_workbook(wb: Workbook, path: Path, *, force: bool = False) -> Path:
    """Write the workbook atomically (never over an existing file unless `force`)."""
    path = Path(path)
    with atomic_path(path, force=force) as tmp:
        wb.save(tmp)
    return path
