"""A second cost table on one sheet that the chosen header leaves unread.

The header search keeps the header row naming the most kinds of column. A header whose description
column was only inferred (部门 | 级别 | 人日数 | 费用 over people's names: a restatement of the budget
by person) can win that way over an earlier header that names its description column (功能模块名称 |
人日数 | 人力费用) and has its own figures under it. Which of the two is the cost list is then not
sure, so the sheet is refused, naming both header rows and the `--map header=ROW` that chooses."""

from __future__ import annotations

from bidassist.core.errors import Problem
from bidassist.costs.headers import Layout, classify_header
from bidassist.costs.workbook import RawSheet, col_letter, sheet_ref

#: figures under the other header (before the chosen one) that make it a table, not a stray label
_MIN_FIGURES = 3


def _number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and v != 0


def _fields(row: list) -> dict[str, int]:
    out: dict[str, int] = {}
    for c, v in enumerate(row):
        if isinstance(v, str) and v.strip():
            found = classify_header(v)
            if found is not None:
                out.setdefault(found[0], c)
    return out


def _figures(raw: RawSheet, c: int, start: int, end: int) -> int:
    return sum(1 for row in raw.rows[start:end] if c < len(row) and _number(row[c]))


def other_table_above(raw: RawSheet, layout: Layout) -> list[Problem]:
    """[the problem] when an earlier header row names a description and an amount column with
    figures under it, while the chosen header's description column is not named as one."""
    top = layout.header_row
    desc = layout.columns.get("description")
    if top is None or desc is None or top >= len(raw.rows):
        return []
    head = raw.rows[top]
    own = classify_header(head[desc]) if desc < len(head) and isinstance(head[desc], str) else None
    if own is not None and own[0] == "description":
        return []
    for r in range(top):
        fields = _fields(raw.rows[r])
        money = fields.get("amount", fields.get("price"))
        if "description" not in fields or money is None:
            continue
        if _figures(raw, money, r + 1, top) < _MIN_FIGURES:
            continue
        return [
            Problem(
                f"{sheet_ref(raw.name)}!{col_letter(fields['description'])}{r + 1}",
                f"two cost tables on this sheet: the header in row {r + 1} names its items and has figures "
                f"under it, and the header in row {top + 1} (read, as it names more columns) does not name "
                "its item column; which one is the cost list is not sure: choose one with "
                f'--map "{raw.name}:header={r + 1}" or --map "{raw.name}:header={top + 1}"',
            )
        ]
    return []
