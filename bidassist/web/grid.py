"""Cell grids for the cost-sheet page: each sheet's cells around its problems, with the cells a
problem names (`Costs!E17`, `'My costs'!E17:F18`) marked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bidassist.costs.workbook import col_letter

_REF = re.compile(r"^(?:'((?:[^']|'')+)'|([^!:'\s][^!]*?))!\$?([A-Z]{1,3})\$?(\d+)")
MAX_ROWS, MAX_COLS, CONTEXT = 60, 26, 3


def parse_cell(where: str | None) -> tuple[str, int, int] | None:
    """(sheet, row, col), 0-based, of the first cell a problem's place names; None for no cell."""
    m = _REF.match((where or "").strip())
    if not m:
        return None
    sheet = m.group(1).replace("''", "'") if m.group(1) is not None else m.group(2)
    col = 0
    for ch in m.group(3):
        col = col * 26 + ord(ch) - 64
    return sheet, int(m.group(4)) - 1, col - 1


@dataclass
class Cell:
    text: str
    kind: str = ""  # "", "error", "warning"
    notes: list[str] = field(default_factory=list)


@dataclass
class SheetGrid:
    name: str
    columns: list[str]
    rows: list[tuple[int | None, list[Cell]]]  # (1-based row number or None for a gap, cells)
    marked: int


def _text(value) -> str:
    if value is None:
        return ""
    text = str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _rows_to_show(n_rows: int, marked_rows: set[int]) -> list[int]:
    keep = set(range(min(n_rows, 25)))
    for r in marked_rows:
        keep.update(range(max(r - CONTEXT, 0), min(r + CONTEXT + 1, n_rows)))
    return sorted(keep)[: MAX_ROWS * 4]


def build_grids(sheets, problems: list[tuple[str, str | None, str]]) -> list[SheetGrid]:
    """Grids for `sheets` (RawSheet objects) with `problems` = (kind, where, message) marked."""
    marks: dict[str, dict[tuple[int, int], list[tuple[str, str]]]] = {}
    for kind, where, message in problems:
        ref = parse_cell(where)
        if ref is not None:
            marks.setdefault(ref[0], {}).setdefault((ref[1], ref[2]), []).append((kind, message))
    grids: list[SheetGrid] = []
    for raw in sheets:
        sheet_marks = marks.get(raw.name, {})
        if not sheet_marks and len(grids) >= 3:
            continue
        n_rows = max(len(raw.rows), max((r + 1 for r, _ in sheet_marks), default=0))
        n_cols = max((len(r) for r in raw.rows[:2000]), default=0)
        n_cols = min(max(n_cols, max((c + 1 for _, c in sheet_marks), default=0)), MAX_COLS)
        shown = _rows_to_show(n_rows, {r for r, _ in sheet_marks})
        rows: list[tuple[int | None, list[Cell]]] = []
        prev = -1
        for r in shown:
            if r != prev + 1:
                rows.append((None, []))
            values = raw.rows[r] if r < len(raw.rows) else []
            cells = []
            for c in range(n_cols):
                cell = Cell(_text(values[c] if c < len(values) else None))
                for kind, message in sheet_marks.get((r, c), []):
                    cell.kind = "error" if kind == "error" or cell.kind == "error" else "warning"
                    cell.notes.append(message)
                cells.append(cell)
            rows.append((r + 1, cells))
            prev = r
        grids.append(SheetGrid(raw.name, [col_letter(c) for c in range(n_cols)], rows, len(sheet_marks)))
    return grids
