"""Lists set side by side in one sheet: 硬装 | 预算 | 品牌 | 实际支出 | 备注, then 电器 | 预算 | … to the
right, each list under the same header words at a fixed step of columns.

`side_blocks` finds the blocks from the layout of the leftmost list: the amount column's header
repeats at a constant step (whatever the figures under it), and every
other header word of the first block repeats at the same step; the description column may differ
(it names the list: 硬装, 电器). `block_sheet` gives the sheet with every cell outside one block
blanked, so each list is read as a table of its own, with its cells named where they are.
"""

from __future__ import annotations

from dataclasses import replace

from bidassist.costs.headers import Layout, normalize_header
from bidassist.costs.workbook import RawSheet

#: above this many rows a sheet is not split (the copies would cost memory; such sheets are
#: generated exports, not hand-kept side-by-side lists)
MAX_ROWS = 5000


#: note headers the first list has and a list to its right may leave out (采购地 over the left list only)
_NOTES = frozenset(
    {"采购地", "购买地", "备注", "附注", "品牌", "链接", "notes", "remarks", "link", "shop", "vendor"}
)


def side_blocks(raw: RawSheet, layout: Layout) -> list[tuple[int, int]] | None:
    """[(first column, end column)) of each list when the sheet holds two or more side by side,
    else None."""
    hr, ai = layout.header_row, layout.columns.get("amount", -1)
    if hr is None or ai < 0 or len(raw.rows) > MAX_ROWS or layout.mapped:
        return None
    words = [normalize_header(v) for v in raw.rows[hr]]
    others = [c for c in range(ai + 1, len(words)) if words[c] == words[ai]]
    if not others:
        return None
    step = others[0] - ai
    starts = [ai + k * step for k in range(len(others) + 1)]
    if step < 2 or [ai, *others] != starts:
        return None
    first = min(layout.columns.values())
    if first > ai or ai - first >= step:
        return None
    for c in range(first, first + step):
        if c == layout.columns.get("description"):
            continue
        for k in range(1, len(starts)):
            at = c + k * step
            here, there = (words[c] if c < len(words) else ""), (words[at] if at < len(words) else "")
            if here != there and not (here in _NOTES and not there):
                return None
    return [(first + k * step, first + (k + 1) * step) for k in range(len(starts))]


def block_sheet(raw: RawSheet, span: tuple[int, int]) -> RawSheet:
    """The sheet with every cell outside the columns [span) blank (positions kept)."""
    lo, hi = span
    rows = [[v if lo <= c < hi else "" for c, v in enumerate(row)] for row in raw.rows]
    merged = [m for m in raw.merged if lo <= m[0][1] and m[1][1] < hi]
    uncached = {k: v for k, v in raw.uncached.items() if lo <= k[1] < hi}
    errors = {k: v for k, v in raw.errors.items() if lo <= k[1] < hi}
    return replace(raw, rows=rows, merged=merged, uncached=uncached, errors=errors)
