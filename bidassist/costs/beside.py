"""A stated total written beside the lines or above them rather than below them.

`total_on_top`: a list whose 总计 row stands right under the header, above its items (=SUM(B6:B102)
in B5), states the total of every line below it: when no total closes the list and that row's
figure equals the lines, it is the list's total (its "none above it" mismatch is withdrawn).

Some budgets put `=SUM(D3:D29)` in a column right of the table, on the first line's row (F3 beside
`ESP32 | 2 | 875.45 | 1,750.90`), with no label. When the sheet has no total of its own, a column
right of the amount that holds exactly one figure over the table's rows, equal to the lines' sum
(as computed or as the amount cells are written), is that total: it is recorded as the sheet's
unlabelled total so that the import reconciles with it. A figure that equals neither sum proves
nothing and is left alone (the sheet then states no total, as before).
"""

from __future__ import annotations

import re
from decimal import Decimal

from bidassist.core.errors import Problem
from bidassist.costs.headers import Layout
from bidassist.costs.reconcile import lines_total, tolerance
from bidassist.costs.table import SheetResult, StatedTotal, closing_total, total_level
from bidassist.costs.values import CellError, to_number
from bidassist.costs.workbook import RawSheet, col_letter, sheet_ref

_ROW = re.compile(r"(\d+)$")
LABEL = "unlabelled total beside the lines"


def _line_rows(result: SheetResult) -> tuple[int, int] | None:
    rows = [int(m.group(1)) - 1 for ln in result.lines if ln.source and (m := _ROW.search(ln.source))]
    return (min(rows), max(rows)) if rows else None


def _as_written(result: SheetResult) -> Decimal:
    """The lines' sum taking each disagreeing line at its amount cell."""
    lines = list(result.lines)
    for i, unit in result.alternatives:
        lines[i] = lines[i].replaced(likely=unit)
    return lines_total(lines)


def _lone_figure(raw: RawSheet, c: int, first: int, last: int) -> tuple[int, Decimal] | None:
    found: tuple[int, Decimal] | None = None
    for r in range(first, last + 1):
        row = raw.rows[r] if r < len(raw.rows) else []
        v = row[c] if c < len(row) else None
        if v is None or v == "" or (isinstance(v, str) and not v.strip()):
            continue
        if found is not None or isinstance(v, (str, bool)):
            return None
        try:
            number = to_number(v, "total")
        except CellError:
            return None
        if number is None:
            return None
        found = (r, number)
    return found


def total_beside(raw: RawSheet, layout: Layout, result: SheetResult) -> None:
    """Record the unlabelled total beside the lines (see the module) in `result.totals`."""
    ai = layout.columns.get("amount", -1)
    n = len(result.lines)
    if ai < 0 or n < 2 or closing_total(result.totals, n) is not None:
        return
    span = _line_rows(result)
    if span is None:
        return
    sums = {lines_total(result.lines), _as_written(result)}
    width = max((len(raw.rows[r]) for r in range(span[0], min(span[1] + 1, len(raw.rows)))), default=0)
    used = set(layout.columns.values())
    for c in range(ai + 1, width):
        if c in used:
            continue
        lone = _lone_figure(raw, c, span[0], span[1])
        if lone is None or not any(abs(lone[1] - s) <= tolerance(n) for s in sums):
            continue
        markups = sum((m.amount or Decimal(0) for m in result.markups), Decimal(0))
        result.totals.append(
            StatedTotal(
                LABEL,
                2,
                lone[1],
                f"{sheet_ref(raw.name)}!{col_letter(c)}{lone[0] + 1}",
                n,
                lines_total(result.lines),
                markups,
                0,
                lone[0],
            )
        )
        return


def _in_cell_total(text: str) -> Decimal | None:
    """The figure of a total written with its label in one cell (`Total: 2,410`), or None."""
    m = _LABELLED.match(text)
    if m is None or total_level(m.group("label").strip()) < 2:
        return None
    return _figure(m.group("fig"))


def _labelled_beside(raw: RawSheet, right: int, first: int, last: int) -> list[tuple[str, Decimal, str, int]]:
    """(label, figure, cell, row) of each total labelled right of column `right` on rows first..last:
    `Total: 2,410` in one cell, or `Total | 2,410` with the figure right of the label."""
    found = []
    for r in range(first, min(last + 1, len(raw.rows))):
        row = raw.rows[r]
        for c in range(right + 1, len(row)):
            v = row[c]
            if not isinstance(v, str) or not v.strip():
                continue
            text = v.strip()
            fig = _in_cell_total(text)
            if fig is not None:
                found.append((text, fig, f"{sheet_ref(raw.name)}!{col_letter(c)}{r + 1}", r))
                continue
            if not _money_total(text):
                continue
            nxt = next(((k, x) for k, x in enumerate(row) if k > c and _filled(x)), None)
            if nxt is not None and (fig := _figure(nxt[1])) is not None:
                found.append((text, fig, f"{sheet_ref(raw.name)}!{col_letter(nxt[0])}{r + 1}", r))
    return found


def total_labelled_beside(raw: RawSheet, layout: Layout, result: SheetResult) -> None:
    """A total labelled beside the lines, right of the table (`Total | 2,410` or `Total: 2,410` on
    the first item's row), when the sheet closes with none of its own: the import reconciles with
    it. One that equals the lines is their total; one labelled as an allowance, or one of several
    that differ, is named in a warning; any other that differs is the sheet's stated total, so the
    difference is an error naming it — never a silent import beside a total that says otherwise."""
    n = len(result.lines)
    if n < 2 or closing_total(result.totals, n) is not None or not layout.columns:
        return
    span = _line_rows(result)
    if span is None:
        return
    found = _labelled_beside(raw, max(layout.columns.values()), span[0], span[1])
    if not found:
        return
    markups = sum((m.amount or Decimal(0) for m in result.markups), Decimal(0))
    imported = lines_total(result.lines)
    sums = (imported, imported + markups, _as_written(result))
    agree = [f for f in found if any(abs(f[1] - s) <= tolerance(n) for s in sums)]
    label, figure, cell, row = (agree or found)[0]
    if not agree and (len({f[1] for f in found}) > 1 or _ALLOWANCE.search(label)):
        result.warnings.append(
            Problem(
                cell,
                f"{label!r} {figure} beside the table is not the sum of its {n} line(s) ({imported}); "
                "it is not taken as the table's total (a budget or another table's figure)",
            )
        )
        return
    result.totals.append(StatedTotal(label, 2, figure, cell, n, imported, markups, 0, row))


def total_on_top(raw: RawSheet, result: SheetResult) -> None:
    """Record a total row above every line that equals the lines as the sheet's total (see the
    module). A row labelled as a total more than once (总计 over each of several lists side by
    side that were not told apart) proves nothing about one list."""
    n = len(result.lines)
    if n < 2 or closing_total(result.totals, n) is not None:
        return
    top = next((t for t in result.totals if t.lines == 0 and t.level >= 1), None)
    if top is None or any(t.lines for t in result.totals) or not 0 <= top.row < len(raw.rows):
        return
    if sum(1 for v in raw.rows[top.row] if isinstance(v, str) and total_level(v.strip())) != 1:
        return
    markups = sum((m.amount or Decimal(0) for m in result.markups), Decimal(0))
    imported = lines_total(result.lines)
    if abs(top.amount - imported) > tolerance(n) and abs(top.amount - imported - markups) > tolerance(n):
        return
    result.totals[result.totals.index(top)] = StatedTotal(
        top.label, max(top.level, 2), top.amount, top.cell, n, imported, markups, 0, top.row
    )
    result.mismatches[:] = [p for p in result.mismatches if p.where != top.cell]


def total_column(raw: RawSheet, layout: Layout, result: SheetResult) -> None:
    """A column headed as the total (Total Cost) beside a full amount column, with its figure on
    the first rows (`headers._sparse_total`): that figure is the sheet's stated total, whatever it
    says — the import reconciles with it (a SUM that stops short is a difference naming the cell)."""
    c, n = layout.total_column, len(result.lines)
    if c < 0 or n < 2 or closing_total(result.totals, n) is not None:
        return
    span = _line_rows(result)
    if span is None:
        return
    for r in range(layout.data_start, span[1] + 1):
        row = raw.rows[r] if r < len(raw.rows) else []
        v = row[c] if c < len(row) else None
        if isinstance(v, str) and v.strip():
            return  # words first (a label of another figure): no total of the lines
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            continue
        try:
            figure = to_number(v, "total")
        except CellError:
            return
        if figure is None:
            return
        markups = sum((m.amount or Decimal(0) for m in result.markups), Decimal(0))
        head = raw.rows[layout.header_row] if layout.header_row is not None else []
        label = (str(head[c]).strip() if c < len(head) else "") or "total column"
        cell = f"{sheet_ref(raw.name)}!{col_letter(c)}{r + 1}"
        result.totals.append(StatedTotal(label, 2, figure, cell, n, lines_total(result.lines), markups, 0, r))
        return


#: a total written with its figure in one cell above the table (`Total: $12,345.00`, `合计：12,345元`)
_LABELLED = re.compile(
    r"^(?P<label>[^\d¥￥$€£]{2,30}?)\s*[:：=]?\s*(?P<fig>[¥￥$€£]?\s*\d[\d,]*(?:\.\d+)?\s*(?:万元|元)?)\s*$"
)
#: a figure above the table that is an allowance, not the lines' total (Total budget: 50,000)
_ALLOWANCE = re.compile(r"budget|allowance|available|limit|funding|ceiling|cap\b|限额|额度|可用|上限", re.I)
#: totals of money written without 合计/Total (总金额, 费用总额, 预算总额)
_MONEY_TOTAL = re.compile(
    r"^(?:预算|项目|工程|采购)?总(?:金额|费用|成本|额|投资|价款|报价)|(?:金额|费用|成本)总[计额]|总额$"
)
#: totals of something other than money (Total hours, 总工时, 数量合计): never the lines' total
_NOT_MONEY = re.compile(
    r"hours?|hrs|days?|weeks?|months?|qty|quantity|items?|pcs|units?|weight|kg|lbs|area|people|persons?|"
    r"heads?|工时|人数|人天|天数|数量|重量|面积|件数|台数",
    re.I,
)


def _money_total(label: str) -> bool:
    """A label that states the total of the money (Total, 合计, 总金额), not of hours or items."""
    if _NOT_MONEY.search(label):
        return False
    return total_level(label) >= 2 or _MONEY_TOTAL.search(label.replace(" ", "")) is not None


def _figure(v: object) -> Decimal | None:
    if isinstance(v, bool) or not isinstance(v, (int, float, str)):
        return None
    try:
        return to_number(v, "total") if not isinstance(v, str) or v.strip() else None
    except CellError:
        return None


def _above(raw: RawSheet, top: int) -> list[tuple[str, Decimal, str, int]]:
    """(label, figure, cell, row) of every total above row `top`: a total label with its figure in
    the same cell, to its right on its row, or right under it (still above the table)."""
    found = []
    for r in range(top):
        row = raw.rows[r]
        for c, v in enumerate(row):
            if not isinstance(v, str) or not v.strip():
                continue
            text = v.strip()
            fig = _in_cell_total(text)
            if fig is not None:
                found.append((text, fig, f"{sheet_ref(raw.name)}!{col_letter(c)}{r + 1}", r))
                continue
            if not _money_total(text):
                continue
            right = next(((k, x) for k, x in enumerate(row) if k > c and _figure(x) is not None), None)
            below = raw.rows[r + 1][c] if r + 1 < top and c < len(raw.rows[r + 1]) else None
            if right is None and _figure(below) is not None:
                right = (c, below)
                r += 1
            if right is not None:
                cell = f"{sheet_ref(raw.name)}!{col_letter(right[0])}{r + 1}"
                found.append((text, _figure(right[1]) or Decimal(0), cell, r))
    return found


def _lone_above(raw: RawSheet, layout: Layout, top: int) -> tuple[Decimal, str, int] | None:
    """The figure right above the header in the amount column (H2 =SUM(H4:H105) over `Total Cost`)
    with no words between it and the header: (figure, cell, row)."""
    ai = layout.columns.get("amount", -1)
    if ai < 0:
        return None
    for r in range(top - 1, max(-1, top - 4), -1):
        row = raw.rows[r]
        v = row[ai] if ai < len(row) else None
        fig = _figure(v) if not isinstance(v, str) else None
        if fig is not None:
            return fig, f"{sheet_ref(raw.name)}!{col_letter(ai)}{r + 1}", r
        if v not in (None, "") and not (isinstance(v, str) and not v.strip()):
            return None  # words first (USD, a title): no total under them
    return None


def total_above(raw: RawSheet, layout: Layout, result: SheetResult) -> None:
    """A total stated above the header (`Total: 12,345` in the title block, 合计 | 12,345 over
    the table) when the sheet closes with none of its own: the import reconciles with it. One that
    equals the lines (with or without the markups) is their total; one labelled as an allowance
    (Total budget) that differs is named in a warning; any other that differs is the sheet's
    stated total, so the difference is an error naming it."""
    n, top = len(result.lines), layout.header_row
    if not top or n < 2 or closing_total(result.totals, n) is not None:
        return
    markups = sum((m.amount or Decimal(0) for m in result.markups), Decimal(0))
    imported = lines_total(result.lines)
    sums = (imported, imported + markups, _as_written(result))
    found = _above(raw, top)
    if not found:
        lone = _lone_above(raw, layout, top)
        if lone is not None and any(abs(lone[0] - s) <= tolerance(n) for s in sums):
            result.totals.append(StatedTotal(LABEL, 2, lone[0], lone[1], n, imported, markups, 0, lone[2]))
        return
    agree = [f for f in found if any(abs(f[1] - s) <= tolerance(n) for s in sums)]
    label, figure, cell, row = (agree or found)[-1]
    if not agree and (len(found) > 1 or _ALLOWANCE.search(label)):
        result.warnings.append(
            Problem(
                cell,
                f"{label!r} {figure} above the table is not the sum of its {n} line(s) ({imported}); "
                "it is not taken as the table's total (a budget or another table's figure)",
            )
        )
        return
    result.totals.append(StatedTotal(label, 2, figure, cell, n, imported, markups, 0, row))


_CELL_ROW = re.compile(r"[A-Z]+(\d+)$")


def set_aside_below(raw: RawSheet, result: SheetResult) -> None:
    """Problems in a block below the lines, after a blank row, when the sheet's total stands beside
    or above them (E30 总计 beside the first line; candidate guesthouses further down with room
    types in the price column): outside the table, settled like rows below a closing total
    (`SheetResult.trailing`: notes when that total reconciles, errors otherwise)."""
    n = len(result.lines)
    closing = closing_total(result.totals, n)
    if closing is None or not result.problems:
        return
    span = _line_rows(result)
    if span is None:
        return
    last = max(span[1], closing.row)
    blank = next(
        (r for r in range(last + 1, len(raw.rows)) if not any(_filled(v) for v in raw.rows[r])), None
    )
    if blank is None:
        return
    keep: list[Problem] = []
    for p in result.problems:
        m = _CELL_ROW.search(p.where or "")
        (result.trailing if m and int(m.group(1)) - 1 > blank else keep).append(p)
    result.problems[:] = keep


def _filled(v: object) -> bool:
    return v is not None and v != "" and not (isinstance(v, str) and not v.strip())
