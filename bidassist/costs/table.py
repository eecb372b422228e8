"""Turning the rows below a cost table's header into cost lines.

Row kinds, in the order they are recognised:
- blank rows are skipped; hidden rows are skipped with a warning (finance hides what is not part of
  the offer; a hidden row's numbers are never counted silently);
- a repeat of the header (multi-page print layouts) and a column-numbering row (1 2 3 4 ...) are
  skipped;
- total rows — 小计 / Subtotal (level 1), 合计 / Total (level 2), 总计 / 共计 / Grand total
  (level 3) in the code or description cell — are not lines; their amount is checked against the
  lines since the previous total of the same or a higher level (a subtotal also stops at a section
  heading) and a mismatch is a warning naming both cells;
- notes (注 / 说明 / Note ...) are skipped;
- a section heading — text without a unit and without any number, e.g. `一、设备购置`,
  `A. Equipment` — sets the category of the lines below it (headings numbered like the first one
  seen are top-level; `（一）` under `一、` does not replace the category);
- anything else is a cost line, checked cell by cell; every problem is collected.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter

from bidassist.core.errors import Problem
from bidassist.core.money import format_money, round_money
from bidassist.costs.headers import Layout
from bidassist.costs.model import CostLine
from bidassist.costs.spread import SpreadTable, three_point
from bidassist.costs.values import (
    _FLOAT_CACHE,
    CellError,
    cell_text,
    float_to_decimal,
    parse_distribution,
    parse_risk,
    relative_percent,
    to_number,
)
from bidassist.costs.workbook import RawSheet, col_letter, sheet_ref

ZERO = Decimal(0)
ONE = Decimal(1)
CENT = Decimal("0.01")
HALF_CENT = Decimal("0.005")

_SECTION = re.compile(
    r"^(?:(?P<part>第[一二三四五六七八九十百零〇\d]+[部分章节篇项])"
    r"|(?P<cn>[一二三四五六七八九十百]+)\s*[、.．,，]"
    r"|(?P<paren>[（(]\s*[一二三四五六七八九十\d]+\s*[)）])"
    r"|(?P<roman>[IVX]+)\s*[.、]"
    r"|(?P<letter>[A-Z])\s*[.、)]"
    r"|(?P<dotted>\d+\.\d+(?:\.\d+)*)\s*[、.．]?"
    r"|(?P<arabic>\d+)\s*[、.．)]"
    r")\s*(?P<rest>.*)$")
_ENUM_ONLY = re.compile(r"^(?:[一二三四五六七八九十百]+|[IVX]+|[A-Z]|\d+(?:\.\d+)*|[（(][一二三四五六七八九十\d]+[)）])"
                        r"[、.．]?$")
_NOTE = re.compile(r"^(?:注|说明|备注|附注|note|notes|remark|remarks)\s*[:：.、\d]", re.I)


def total_level(label: str) -> int:
    """0 for a normal label; 1 subtotal (小计), 2 total (合计), 3 grand total (总计/共计)."""
    if not label or len(label) > 30:
        return 0
    s = unicodedata.normalize("NFKC", label).lower().replace(" ", "").replace("\u3000", "")
    if "计" not in s and "total" not in s:
        return 0
    s = _SECTION.sub(lambda m: m.group("rest"), s, count=1) if s[:1] in "一二三四五六七八九十(（第" else s
    s = s.strip("：:。.、()（）")
    if "小计" in s or s.startswith(("subtotal", "sub-total")) or s.endswith(("subtotal", "sub-total")):
        return 1
    if s.startswith(("总计", "共计", "grandtotal", "总价合计")) or s.endswith(("总计", "共计", "grandtotal")):
        return 3
    if s.startswith(("合计", "total")) or s.endswith(("合计", "total")):
        return 2
    return 0


def _section_parts(code: str, desc: str) -> tuple[str, str] | None:
    """(numbering style, name) of a heading, or None when the text is empty."""
    text = desc or code
    if not text:
        return None
    if desc and code and _ENUM_ONLY.match(code):
        m = _SECTION.match(code + ("、" if code[-1] not in "、.．)）" else ""))
        style = _style(m) if m else "code"
        return style, desc
    m = _SECTION.match(text)
    if m and m.group("rest"):
        return _style(m), m.group("rest").strip()
    return "none", text


def _style(m: re.Match) -> str:
    for name in ("part", "cn", "paren", "roman", "letter", "dotted", "arabic"):
        if m.group(name):
            return name
    return "none"


def _blank(v: object) -> bool:
    return v == "" or v is None or (type(v) is str and not v.strip())


@dataclass
class SheetResult:
    lines: list[CostLine] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def parse_rows(raw: RawSheet, layout: Layout, spreads: SpreadTable, *, unpriced: bool = False) -> SheetResult:
    """All cost lines of one sheet below its header, with every problem and warning (`unpriced`:
    a bill of quantities, where a line without a unit price is priced 0)."""
    out = SheetResult()
    rows = raw.rows
    cols = layout.columns
    prefix = sheet_ref(raw.name) + "!"
    letter = {f: col_letter(c) for f, c in cols.items()}
    first_letter = col_letter(min(cols.values()))
    ci = cols.get("code", -1)
    di = cols["description"]
    ui = cols.get("unit", -1)
    qi = cols.get("quantity", -1)
    pi = cols.get("price", -1)
    ai = cols.get("amount", -1)
    li = cols.get("low", -1)
    ki = cols.get("likely", -1)
    hi = cols.get("high", -1)
    gi = cols.get("category", -1)
    xi = cols.get("distribution", -1)
    ri = cols.get("risk", -1)
    numeric_cols = [c for c in (qi, pi, ai, li, ki, hi) if c >= 0]
    all_cols = sorted(set(cols.values()))
    hidden = raw.hidden_rows
    uncached = raw.uncached
    errors = raw.errors
    problems = out.problems
    warnings = out.warnings
    lines = out.lines

    # formula cells without a saved value, and error cells, in the table's columns
    bad_cells: set[tuple[int, int]] = set()
    col_set = set(all_cols)
    for (r, c), formula in sorted(uncached.items()):
        if r >= layout.data_start and c in col_set and r not in hidden:
            bad_cells.add((r, c))
            problems.append(Problem(
                f"{prefix}{col_letter(c)}{r + 1}",
                f'formula "={formula}" has no saved value (the file was written by a program and never '
                "opened in a spreadsheet): open it in Excel/WPS/LibreOffice and save it, or write values "
                "instead of formulas"))
    for (r, c), err in sorted(errors.items()):
        if r >= layout.data_start and c in col_set and r not in hidden:
            bad_cells.add((r, c))
            problems.append(Problem(f"{prefix}{col_letter(c)}{r + 1}",
                                    f"the cell shows the formula error {err}; fix the formula"))

    def problem(c: int, r: int, message: str) -> None:
        if (r, c) not in bad_cells:
            problems.append(Problem(f"{prefix}{col_letter(c)}{r + 1}", message))

    header_desc = None
    if layout.header_row is not None and layout.header_row < len(rows):
        hrow = rows[layout.header_row]
        header_desc = hrow[di] if di < len(hrow) and not _blank(hrow[di]) else None

    start = layout.data_start
    # Pad the rows below the header to the table's width plus one blank sentinel cell, which a
    # missing column (index -1) reads; then one C-level itemgetter call fetches a row's fields.
    width = max(all_cols) + 1
    for row in rows[start:]:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
        row.append("")
    has = {f: f in cols for f in ("code", "unit", "quantity", "price", "amount", "low", "likely", "high",
                                  "category", "distribution", "risk")}
    fields_of = itemgetter(ci, di, ui, qi, pi, ai, li, ki, hi, gi, xi, ri)
    all_of = itemgetter(*all_cols, -1)
    nums_of = itemgetter(*numeric_cols, -1)
    others_of = itemgetter(*[c for c in numeric_cols if c != ai], -1)
    n_nums = len(numeric_cols) + 1  # with the sentinel

    category: str | None = None
    top_style: str | None = None
    # Totals: one running sum; each level remembers where it was last reset.
    line_rows: list[int] = []
    cum = ZERO
    reset_at = {1: (ZERO, 0), 2: (ZERO, 0), 3: (ZERO, 0)}  # level -> (cum, line count) at reset
    section_at: tuple = (ZERO, 0, -1, None)  # cum, count, heading row, heading amount
    spread_of = spreads.for_category
    has_spreads = bool(spreads)
    col_letter_ = col_letter
    fget = _FLOAT_CACHE.get
    has_q = has["quantity"]
    has_a = has["amount"]
    trusted = CostLine.trusted

    for r in range(start, len(rows)):
        row = rows[r]
        if not any(all_of(row)):
            if all(_blank(v) for v in all_of(row)):
                continue
        (code_v, desc_v, unit_v, qty_v, price_v, amount_v, low_v, likely_v, high_v, cat_v, dist_v,
         risk_v) = fields_of(row)
        if r in hidden:
            warnings.append(Problem(f"{prefix}{first_letter}{r + 1}",
                                    "hidden row skipped (unhide it to import it)"))
            continue
        if header_desc is not None and desc_v == header_desc:
            continue  # the header repeated (print layout)
        if r == start and _is_numbering(row, all_cols):
            continue
        code = code_v.strip() if type(code_v) is str else cell_text(code_v)
        desc = desc_v.strip() if type(desc_v) is str else cell_text(desc_v)
        label = desc or code
        if label and ("计" in label or "otal" in label or "OTAL" in label):
            level = total_level(label)
            if level:
                cum_at, count_at = reset_at[level]
                count = len(line_rows) - count_at
                span = (line_rows[count_at], line_rows[-1]) if count else None
                _check_total(raw, prefix, r, ai, label, cum - cum_at, count, span, warnings, bad_cells)
                for lvl in (1, 2, 3):
                    if lvl <= level:
                        reset_at[lvl] = (cum, len(line_rows))
                continue
        nums = nums_of(row)
        has_number = nums.count("") != n_nums
        only_amount = has_number and has_a and others_of(row).count("") == n_nums - 1
        if (not has_number or only_amount) and _blank(unit_v):
            if not has_number and not label:
                continue  # only whitespace or text in columns that are not imported
            if not has_number and _NOTE.match(label):
                continue
            parts = _section_parts(code, desc)
            if parts is not None and (not has_number or parts[0] not in ("none", "arabic", "dotted")):
                style, name = parts
                if top_style is None:
                    top_style = style
                if style == top_style or category is None:
                    if has_number or style == top_style:
                        _close_section(section_at, cum, len(line_rows), line_rows, prefix, ai, rows, warnings)
                        section_at = (cum, len(line_rows), r if has_number else -1,
                                      amount_v if has_number else None)
                    category = name
                reset_at[1] = (cum, len(line_rows))
                continue

        # ---- a cost line
        before = len(problems)
        if not desc:
            problem(di, r, "description is empty")
        qty = price = amount = low = likely = high = None
        low_pct = high_pct = None
        if type(qty_v) is float:  # the common case, inlined (100,000-line sheets)
            qty = fget(qty_v) or float_to_decimal(qty_v)
        elif has_q:
            try:
                qty = to_number(qty_v, "quantity", money=False)
            except CellError as exc:
                problem(qi, r, str(exc))
        else:
            qty = ONE
        if type(price_v) is float:
            price = fget(price_v) or float_to_decimal(price_v)
        elif price_v != "":
            try:
                price = to_number(price_v, "unit price")
            except CellError as exc:
                problem(pi, r, str(exc))
        if type(amount_v) is float:
            amount = fget(amount_v) or float_to_decimal(amount_v)
        elif amount_v != "":
            try:
                amount = to_number(amount_v, "amount")
            except CellError as exc:
                problem(ai, r, str(exc))
        if type(likely_v) is float:
            likely = fget(likely_v) or float_to_decimal(likely_v)
        elif likely_v != "":
            try:
                likely = to_number(likely_v, "likely")
            except CellError as exc:
                problem(ki, r, str(exc))
        if type(low_v) is float:
            low = fget(low_v) or float_to_decimal(low_v)
        elif low_v != "":
            try:
                low_pct = relative_percent(low_v)
                low = None if low_pct is not None else to_number(low_v, "low")
            except CellError as exc:
                problem(li, r, str(exc) if str(exc).startswith("low") else f"low {exc}")
        if type(high_v) is float:
            high = fget(high_v) or float_to_decimal(high_v)
        elif high_v != "":
            try:
                high_pct = relative_percent(high_v)
                high = None if high_pct is not None else to_number(high_v, "high")
            except CellError as exc:
                problem(hi, r, str(exc) if str(exc).startswith("high") else f"high {exc}")
        dist = None
        if dist_v != "":
            try:
                dist = parse_distribution(dist_v)
            except CellError as exc:
                problem(xi, r, str(exc))
        risk = False
        if risk_v != "":
            try:
                risk = parse_risk(risk_v)
            except CellError as exc:
                problem(ri, r, str(exc))
        if len(problems) > before:
            continue

        price_cell = ki if likely is not None or not has["price"] else pi
        if likely is None:
            likely = price
        elif price is not None and price != likely:
            warnings.append(Problem(f"{prefix}{letter['price']}{r + 1}",
                                    f"unit price {price} differs from likely {likely} "
                                    f"({letter['likely']}{r + 1}); likely is used"))
        if qty is None and likely is None and amount is not None:
            qty, likely = ONE, amount
            price_cell = ai
            warnings.append(Problem(f"{prefix}{letter['amount']}{r + 1}",
                                    "no quantity and no unit price: taken as a lump sum (1 × amount)"))
        if qty is None:
            problem(qi, r, "quantity is empty")
            continue
        if qty < 0:
            problem(qi, r, f"quantity {qty} is negative (need ≥ 0)")
            continue
        if likely is None:
            if amount is not None and qty > 0:
                likely = amount / qty
                price_cell = ai
            elif unpriced:
                likely = ZERO
            else:
                c = ki if has["likely"] else (pi if has["price"] else (ai if has["amount"] else di))
                problem(c, r, "likely unit cost is empty" if has["likely"] else "unit price is empty")
                continue
        if low_pct is not None:
            low = likely * (ONE - low_pct) if likely >= 0 else likely * (ONE + low_pct)
        if high_pct is not None:
            high = likely * (ONE + high_pct) if likely >= 0 else likely * (ONE - high_pct)
        cat = (cat_v.strip() if type(cat_v) is str else cell_text(cat_v)) or category
        if low is None and high is None and dist is None and not has_spreads:
            low = high = likely  # a single price, no spreads: fixed (three_point's rule, inlined)
            dist = "fixed"
            three_problems = None
        elif low is not None and high is not None and dist is None and low < high and low <= likely <= high:
            dist = "pert"
            three_problems = None
        else:
            low, high, dist, three_problems = three_point(likely, low, high, dist, spread_of(cat))
        if three_problems:
            for fld, msg in three_problems:
                c = cols.get(fld, price_cell if price_cell >= 0 else di)
                problem(c, r, msg)
            continue
        if amount is not None:
            expected = qty * likely
            if abs(expected - amount) > (CENT if qty < 2 else qty * HALF_CENT):
                pcell = col_letter_(price_cell) if price_cell >= 0 else "?"
                warnings.append(Problem(
                    f"{prefix}{letter['amount']}{r + 1}",
                    f"amount {format_money(amount)} ≠ quantity × unit price = {format_money(expected)} "
                    f"({letter.get('quantity', '?')}{r + 1} × {pcell}{r + 1})"))
            cum += amount
        else:
            cum += qty * likely
        line_rows.append(r)
        lines.append(trusted(
            code or None, desc, (unit_v.strip() if type(unit_v) is str else cell_text(unit_v)) or None,
            qty, low, likely, high, dist, cat or None, risk, f"{prefix}{first_letter}{r + 1}"))
    _close_section(section_at, cum, len(line_rows), line_rows, prefix, ai, rows, warnings)
    return out


def _is_numbering(row: list, cols: list[int]) -> bool:
    """A row of column numbers under the header: 1 2 3 4 ... (or (1) (2) ...)."""
    values = []
    for c in cols:
        if c < len(row) and not _blank(row[c]):
            t = cell_text(row[c]).strip("()（）")
            if not t.isdigit():
                return False
            values.append(int(t))
    return len(values) >= 3 and values == list(range(values[0], values[0] + len(values)))


def _check_total(raw: RawSheet, prefix: str, r: int, ai: int, label: str, total: Decimal, count: int,
                 span: tuple[int, int] | None, warnings: list[Problem], bad_cells: set) -> None:
    """Compare a total row's amount with the sum of the lines it covers."""
    row = raw.rows[r]
    if ai < 0 or ai >= len(row) or _blank(row[ai]) or (r, ai) in bad_cells:
        return
    cell = f"{prefix}{col_letter(ai)}{r + 1}"
    try:
        value = to_number(row[ai], "total")
    except CellError as exc:
        warnings.append(Problem(cell, f"{label}: {exc}; not checked"))
        return
    if value is None or abs(round_money(total) - round_money(value)) <= max(CENT, HALF_CENT * count):
        return
    if span:
        where = f"{prefix}{col_letter(ai)}{span[0] + 1}:{col_letter(ai)}{span[1] + 1}"
        what = f"the sum of its {count} line(s) {where}"
    else:
        what = "the sum of its lines (there are none above it)"
    warnings.append(Problem(cell, f"{label} {format_money(value)} ≠ {format_money(total)}, {what}"))


def _close_section(section_at: tuple, cum: Decimal, n_lines: int, line_rows: list[int], prefix: str,
                   ai: int, rows: list[list], warnings: list[Problem]) -> None:
    """A heading that carries its section's amount (`一 | 设备购置 | ... | 3,500,000`): check it."""
    cum_at, count_at, head_row, head_value = section_at
    if head_row < 0 or head_value is None or ai < 0:
        return
    cell = f"{prefix}{col_letter(ai)}{head_row + 1}"
    try:
        value = to_number(head_value, "section amount")
    except CellError as exc:
        warnings.append(Problem(cell, f"{exc}; not checked"))
        return
    total, count = cum - cum_at, n_lines - count_at
    if value is not None and abs(round_money(total) - round_money(value)) > max(CENT, HALF_CENT * count):
        span = (f"{prefix}{col_letter(ai)}{line_rows[count_at] + 1}:{col_letter(ai)}{line_rows[n_lines - 1] + 1}"
                if count else "(none)")
        warnings.append(Problem(cell, f"section amount {format_money(value)} ≠ {format_money(total)}, "
                                      f"the sum of its {count} line(s) {span}"))
