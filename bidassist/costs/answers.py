"""Two answers across columns: one list priced in two amount columns, each with its own total.

A bill of materials priced at two order volumes (TOTAL(1) | TOTAL(100)), two quotations side by
side (Vendor A | Vendor B) or two currencies: the same lines carry two amount columns headed alike,
and the total row states a total under each, each the sum of its own column. The sheet gives two
answers and says nowhere which is the cost, so reading the first and reporting "matched" against
its total would be a silent choice. The import is refused naming both columns, both totals and the
fix (`--map "Sheet:amount=L"`). Columns the header marks as another kind of figure (budget/actual,
before/after tax, monthly/annual) are no rivals (`headers`), so they never reach this check; a
rival column with no total of its own leaves the sheet's total to decide, as before.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bidassist.core.errors import Problem
from bidassist.core.money import format_money
from bidassist.costs.headers import Layout
from bidassist.costs.reconcile import check_sheet, tolerance
from bidassist.costs.table import SheetResult, closing_total
from bidassist.costs.values import cell_text
from bidassist.costs.workbook import RawSheet, col_letter, sheet_ref

_ROW = re.compile(r"(\d+)$")
#: a budget beside what was spent (Amount Budgeted | Amount Spent, 预算 | 实际): a plan and its
#: outcome, settled by the budget/actual convention and the sheet's own total, not two options
_PLAN_AND_OUTCOME = re.compile(
    r"budget|planned|proposed?|estimated?|actual|spent|paid|variance|contract|settle|"
    r"预算|计划|预计|实际|已付|已花|差异|结余|合同|结算|决算|送审|审定|审核|核定|调整|"
    # the same amount before and after tax: a restatement (`headers._restated_amounts`), not options
    r"含税|不含税|未税|税前|税后|incl|excl|vat|tax|gst",
    re.I,
)


def _figure(v: object) -> Decimal | None:
    if type(v) in (int, float):
        return Decimal(repr(float(v)))  # type: ignore[arg-type]
    return None


def line_rows(result: SheetResult) -> list[int]:
    """0-based rows of the lines and markups the sheet's total adds up."""
    rows = []
    for src in [ln.source for ln in result.lines] + [m.source for m in result.markups]:
        found = _ROW.search(src or "")
        if found:
            rows.append(int(found.group(1)) - 1)
    return rows


def _column_sum(raw: RawSheet, c: int, rows: list[int]) -> tuple[Decimal, int]:
    """(sum, count) of the figures in column `c` on `rows`."""
    total, count = Decimal(0), 0
    for r in rows:
        row = raw.rows[r] if r < len(raw.rows) else []
        found = _figure(row[c]) if c < len(row) else None
        if found is not None:
            total += found
            count += 1
    return total, count


def _header(raw: RawSheet, layout: Layout, c: int) -> str:
    """The header of column `c` as written (both rows of a two-row header)."""
    rows = [r for r in (layout.header_row, layout.data_start - 1) if r is not None and 0 <= r < len(raw.rows)]
    texts = [cell_text(raw.rows[r][c]).strip() for r in dict.fromkeys(rows) if c < len(raw.rows[r])]
    return " ".join(t for t in texts if t) or layout.header_text.get(c, "")


def column_answers(raw: RawSheet, layout: Layout, result: SheetResult) -> list[Problem]:
    """The problem of a sheet whose total row states, under a rival amount column, the sum of that
    column's figures on the same lines — a second answer beside the one read (none otherwise)."""
    found = _second_answer(raw, layout, result)
    return [] if found is None else [found]


def _second_answer(raw: RawSheet, layout: Layout, result: SheetResult) -> Problem | None:
    rivals = layout.rivals.get("amount", [])
    n = len(result.lines)
    if not rivals or n < 2 or "amount" not in layout.columns:
        return None
    check = check_sheet(result)
    top = closing_total(result.totals, n)
    if not check.matched or check.stated is None or top is None or top.row < 0:
        return None
    rows = line_rows(result)
    tol = tolerance(n)
    total_row = raw.rows[top.row]
    used = layout.columns["amount"]
    for c in rivals:
        figures, count = _column_sum(raw, c, rows)
        stated = _figure(total_row[c]) if c < len(total_row) else None
        if stated is None or count * 2 < len(rows) or abs(stated - figures) > tol:
            continue
        if abs(stated - check.stated) <= tol:
            continue  # the same answer twice (a copied column)
        names = [_header(raw, layout, k) for k in (used, c)]
        if any(_PLAN_AND_OUTCOME.search(x) for x in names):
            continue
        a, b = col_letter(used), col_letter(c)
        quoted = raw.name.replace('"', '\\"')
        return Problem(
            f"{sheet_ref(raw.name)}!{b}{top.row + 1}",
            f"two amount columns price the same {n} line(s), each with its own total: {a} 「{names[0]}」 "
            f"adds up to {format_money(check.stated)} ({check.cell}) and {b} 「{names[1]}」 to "
            f"{format_money(stated)} ({sheet_ref(raw.name)}!{b}{top.row + 1}); the sheet does not say which is "
            "the cost (two volumes, quotations or options: 两列金额各有合计，不知以哪列为准); fix: choose one with "
            f'--map "{quoted}:amount={a}" or --map "{quoted}:amount={b}"',
        )
    return None


def is_product_on(raw: RawSheet, rows: list[int], a: int, q: int, p: int) -> bool:
    """Column `a` = column `q` × column `p` (to the cent) on at least 90 % of `rows` with figures."""
    hits = tried = 0
    for r in rows:
        row = raw.rows[r] if r < len(raw.rows) else []
        cells = [row[k] if k < len(row) else "" for k in (a, q, p)]
        if not all(type(x) in (int, float) for x in cells):
            continue
        x, n, u = (float(v) for v in cells)
        tried += 1
        hits += abs(n * u - x) <= 0.005 + 1e-9 * abs(x)
    return tried >= 2 and hits * 10 >= tried * 9


def extra_columns(raw: RawSheet, layout: Layout, result: SheetResult) -> None:
    """A sheet that states no total, whose quantity × unit price = amount on every line, with a
    second column headed as the price or the amount (采购费用 = 数量 × 50, 加采购费用后单价 = (金额 +
    采购费用) ÷ 数量): when no second column makes a quantity × unit price = amount reading of its
    own with the others, they are further figures of the same lines (a fee, a landed price), not a
    rival reading; they are named in a warning and no longer block the import."""
    cols = layout.columns
    if not result.rivals or result.amount_diffs or not {"quantity", "price", "amount"} <= cols.keys():
        return
    rows = line_rows(result)
    q = cols["quantity"]
    prices = [cols["price"], *layout.rivals.get("price", [])]
    amounts = [cols["amount"], *layout.rivals.get("amount", [])]
    for a in amounts:
        for p in prices:
            if (a, p) != (cols["amount"], cols["price"]) and is_product_on(raw, rows, a, q, p):
                return  # a second reading: the rival stays an error (`confidence`)
    if not is_product_on(raw, rows, cols["amount"], q, cols["price"]):
        return
    others = sorted({c for c in prices + amounts if c not in (cols["price"], cols["amount"])})
    if not others:
        return  # the rival is another field's column (a second quantity): it stays an error
    if any(_column_sum(raw, c, rows)[1] * 2 < len(rows) for c in others):
        return  # a lone figure beside the lines (a total that disagrees) is no per-line figure
    if not _same_money(raw, layout, rows, others, result):
        return  # a second currency that is no fixed rate of the first: the rival stays an error
    head = ", ".join(f"{col_letter(c)} 「{_header(raw, layout, c)}」" for c in others)
    result.rivals[:] = []
    result.warnings.append(
        Problem(
            f"{sheet_ref(raw.name)}!{col_letter(others[0])}{(layout.header_row or 0) + 1}",
            f"{head}: further figures of the same lines, not read: quantity × unit price = amount holds on "
            f"every line in {layout.letter('quantity')} × {layout.letter('price')} = {layout.letter('amount')}, "
            "and no other column makes such a reading",
        )
    )


#: a currency or an exchange rate named in a header: Price (USD), Total(RM), 金额（元）, 汇率
_CURRENCY = re.compile(
    r"\b(?:usd|eur|rmb|cny|gbp|hkd|jpy|myr|sgd|aud|cad|inr|rm|fx)\b|exchange|[$€£¥￥]|"
    r"美元|欧元|人民币|港币|港元|日元|英镑|汇率|元",
    re.I,
)


def _currencies(text: str) -> frozenset[str]:
    return frozenset(m.group(0).lower() for m in _CURRENCY.finditer(text))


def _same_money(
    raw: RawSheet, layout: Layout, rows: list[int], others: list[int], result: SheetResult
) -> bool:
    """Further columns in another currency than the one read (Total (RMB) beside Total (USD), or
    an exchange rate) are the same money only when each is a fixed rate of its own kind's column on
    every line; then that is said in a warning. False when a second currency is no fixed rate of
    the first (the sheet does not say which is the cost: refused)."""
    cols = layout.columns
    for c in others:
        kind = "amount" if c in layout.rivals.get("amount", []) else "price"
        base = cols[kind]
        mine, theirs = _currencies(_header(raw, layout, base)), _currencies(_header(raw, layout, c))
        if not theirs or theirs == mine:
            continue
        rate = _fixed_rate(raw, rows, base, c)
        if rate is None:
            return False
        result.warnings.append(
            Problem(
                f"{sheet_ref(raw.name)}!{col_letter(c)}{(layout.header_row or 0) + 1}",
                f"{col_letter(c)} 「{_header(raw, layout, c)}」 is {col_letter(base)} 「{_header(raw, layout, base)}」 "
                f"in another currency (× {rate:.6g} on every line, 同一金额的另一币种): the import is in the "
                f'currency of {col_letter(base)}; to import the other, --map "{raw.name}:{kind}={col_letter(c)}"',
            )
        )
    return True


def _fixed_rate(raw: RawSheet, rows: list[int], base: int, c: int) -> Decimal | None:
    """The rate r with column `c` = column `base` × r on every line (to the cent, or 0.5 % for
    figures rounded after conversion); None when no such rate holds."""
    pairs = []
    for r in rows:
        row = raw.rows[r] if r < len(raw.rows) else []
        a = _figure(row[base]) if base < len(row) else None
        b = _figure(row[c]) if c < len(row) else None
        if a is None or b is None:
            return None
        pairs.append((a, b))
    big = max(pairs, key=lambda p: abs(p[0]), default=None)
    if big is None or len(pairs) < 2 or not big[0]:
        return None
    rate = big[1] / big[0]
    ok = all(abs(b - a * rate) <= max(Decimal("0.01"), abs(b) * Decimal("0.005")) for a, b in pairs)
    return rate if ok and rate > 0 else None
