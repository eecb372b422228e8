"""A screen design of a program drawn in a sheet (a wireframe), not a cost list.

Such a sheet has a header row and one or two sample rows with a `Cost`, but its header row or the
title block above it names controls of the screen - `(Edit Product button)`, `(select drop down)` -
or holds placeholders (`Enter Text`, `Auto generate`). Its rows are sample data, not cost lines."""

from __future__ import annotations

import re

from bidassist.costs.headers import Layout
from bidassist.costs.workbook import RawSheet, col_letter, sheet_ref

#: a control named in brackets: (Edit Product button), [drop-down], (checkbox)
_CONTROL = re.compile(
    r"[\(\[][^\)\]]*\b(button|drop[- ]?down|check ?box|text ?box|combo ?box)\b[^\)\]]*[\)\]]", re.I
)
#: a placeholder filling a form's field
_PLACEHOLDER = re.compile(r"\s*(enter text|auto[- ]?generated?|click here|type here)\s*", re.I)


def _marker(v: object) -> bool:
    return isinstance(v, str) and (_CONTROL.search(v) is not None or _PLACEHOLDER.fullmatch(v) is not None)


def screen_marker(raw: RawSheet, layout: Layout) -> str | None:
    """`Sheet!Cell 'text'` of the first control or placeholder in the header row or above it."""
    if layout.header_row is None:
        return None
    last = (layout.header_row if layout.data_start <= layout.header_row else layout.data_start - 1) + 1
    for r, row in enumerate(raw.rows[:last]):
        for c, v in enumerate(row):
            if _marker(v):
                return f"{sheet_ref(raw.name)}!{col_letter(c)}{r + 1} {str(v).strip()!r}"
    return None
