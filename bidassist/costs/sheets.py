"""Reading a whole workbook: what each sheet is, which sheets are imported, and the reconciliation.

Every sheet gets a role: `cost detail` (imported), `summary` (a 汇总 sheet that repeats the detail
sheets: used as the reconciliation target, not imported again), `analysis` (综合单价分析表),
`measurement` (工程量计算表), `blank` (a blank form or an unpriced bill), `not a cost table`,
`hidden`. Sheets that cannot be used are skipped with a warning naming the reason; the import
succeeds when at least one cost detail sheet is left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from bidassist.core.errors import Problem
from bidassist.core.money import format_money
from bidassist.costs.answers import column_answers, extra_columns, is_product_on, line_rows
from bidassist.costs.beside import (
    set_aside_below,
    total_above,
    total_beside,
    total_column,
    total_labelled_beside,
    total_on_top,
)
from bidassist.costs.confidence import amounts_stand, col_letter_of, unconfirmed
from bidassist.costs.estimate import read_estimate
from bidassist.costs.gbtables import (
    FEE_DETAILS,
    GB_DETAIL,
    GB_SUMMARY,
    MATERIAL_LISTS,
    PAYMENTS,
    PROVISIONAL_MATERIALS,
    RESOURCES,
    VAT_WORKINGS,
    entries_counted,
    is_entry_detail,
    markup_table,
    numbered_entries,
    top_entries,
)
from bidassist.costs.headerless import closing_layout, labelled_layout, product_layout
from bidassist.costs.headers import HEADER_SEARCH_ROWS, Layout, classify_header, find_layout
from bidassist.costs.infer import product_columns, unit_column
from bidassist.costs.model import Markup, Reconciliation, SheetRole
from bidassist.costs.othertable import other_table_above
from bidassist.costs.reconcile import SheetCheck, check_sheet, lines_total, mismatch_message, tolerance
from bidassist.costs.rollup import rollup_lumps
from bidassist.costs.screens import screen_marker
from bidassist.costs.sidebyside import block_sheet, side_blocks
from bidassist.costs.spread import SpreadTable
from bidassist.costs.structure import apply_checks, drop_lines
from bidassist.costs.table import SheetResult, StatedTotal, closing_total, parse_rows, total_level
from bidassist.costs.taxed import rate_text, tax_in_amounts
from bidassist.costs.values import cell_text
from bidassist.costs.workbook import RawSheet, col_letter, sheet_ref

NO_HEADER = (
    f"no cost table found: no header row in the first {HEADER_SEARCH_ROWS} rows names a description column (项目名称/名称/"
    "description) and a quantity or price column (数量/工程量/单价/合价/quantity/unit price/amount)"
)
_ANALYSIS = re.compile(r"单价分析|综合单价分析|价格分析|rate\s*analysis|analysis\s*of\s*rates?", re.I)
_MEASURE = re.compile(
    r"工程量计算(?!规则)|计算书|计算式|计算稿|(?<!date of )measurement(?!\s*(?:number|no\b|date))|take-?off|"
    r"quantity\s*calculation",
    re.I,
)
#: base data the quote looks its prices up in (基础价格信息, 基础行车租赁信息表): not cost lines
_REFERENCE = re.compile(r"^基础|信息表|价格信息|价格库|参数表|rate\s*(?:table|list)|price\s*list", re.I)
#: a header naming the key column a quote looks prices up by (VLOOKUP): a lookup table
_LOOKUP_KEYS = frozenset({"查询", "查找", "查询值", "lookup", "lookup key"})
#: a header naming the parts in hand (an inventory beside the BOMs): no quantity to buy or cost
_STOCK_KEYS = frozenset(
    {"stock", "in stock", "on hand", "qty on hand", "inventory", "库存", "现有库存", "库存数量"}
)
_SUMMARY = re.compile(r"汇总|总表|总价表|summary|general\s*abs|gen-?\s*abst|collection", re.I)


@dataclass
class SheetOutcome:
    raw: RawSheet
    role: str
    reason: str = ""
    layout: Layout | None = None
    result: SheetResult | None = None
    check: SheetCheck | None = None
    covers: list[str] = field(default_factory=list)  # a summary: the detail sheets it repeats
    #: a GB50500 markup table (表-11/12/13): its top-level entries, added by the summary's total
    entries: list[Markup] | None = None
    repeats_rows: bool = False  # a summary that copies the detail sheets' rows (not only their totals)
    #: a headerless sheet read from its figures alone (`headerless`): what it is when the workbook
    #: holds a sheet with a header of its own (an abstract beside its detail sheets)
    instead: SheetOutcome | None = None

    @property
    def name(self) -> str:
        return self.raw.name

    @property
    def used(self) -> bool:
        return self.role in ("cost detail", "bill")

    def info(self) -> SheetRole:
        lines = len(self.result.lines) if self.result is not None and self.used else 0
        return SheetRole(
            name=self.name,
            role=self.role,
            used=self.used,
            reason=self.reason,
            lines=lines,
        )


def _title(raw: RawSheet, layout: Layout | None) -> str:
    top = layout.header_row if layout is not None and layout.header_row is not None else 6
    texts = [v for row in raw.rows[:top] for v in row if isinstance(v, str)]
    return " ".join(texts)[:500]


def table_entries(outcomes: list[SheetOutcome]) -> list[Markup]:
    """The entries of a GB50500 export's markup tables that its summary's total adds up."""
    return entries_counted(
        [(f"{o.name} {_title(o.raw, o.layout)}", o.entries) for o in outcomes if o.entries]
    )


def _is_empty(raw: RawSheet) -> bool:
    return not any(any(v != "" and v is not None for v in row) for row in raw.rows)


def read_sheet(
    raw: RawSheet,
    mapping: dict[str, str] | None,
    spreads: SpreadTable,
    *,
    forced: bool,
    unpriced: bool,
    given: Layout | None = None,
) -> SheetOutcome:
    """One sheet: its role and, for a cost table, its parsed rows (`given`: the layout found
    already, for one of several lists side by side)."""
    if _is_empty(raw):
        return SheetOutcome(raw, "blank", "the sheet is empty")
    layout = given or find_layout(raw, mapping)
    hint = f"{raw.name} {_title(raw, layout)}"
    if not forced and not mapping:
        found = _named_role(raw, layout, hint)
        if found is not None:
            return found
    if layout is None:
        if mapping:
            return SheetOutcome(raw, "not a cost table", NO_HEADER)
        estimate = _estimate(raw)
        layout = headerless_layout(raw) if estimate.role == "not a cost table" else None
        if layout is None:
            return _inferred(raw, estimate, spreads, forced=forced, unpriced=unpriced)
    result = _parse(raw, layout, spreads, unpriced)
    if not forced and not mapping:
        layout, result = rival_amounts(raw, layout, result, spreads, unpriced)
        layout, result = cost_as_unit_price(raw, layout, result, spreads, unpriced)
        layout, result = price_rival_as_amount(raw, layout, result, spreads, unpriced)
        layout, result = cut_at_note(raw, layout, result, spreads, unpriced)
        layout, result = heads_as_items(raw, layout, result, spreads, unpriced)
        total_column(raw, layout, result)
        total_beside(raw, layout, result)
        total_labelled_beside(raw, layout, result)
        total_above(raw, layout, result)
        set_aside_below(raw, result)
    if not mapping:  # also under --sheet: naming the sheet does not say which of its tables
        result.problems.extend(other_table_above(raw, layout))
    result.problems.extend(column_answers(raw, layout, result))
    extra_columns(raw, layout, result)
    outcome = SheetOutcome(raw, "bill" if unpriced else "cost detail", layout=layout, result=result)
    _mark_blank(outcome, result, unpriced)
    if outcome.used and not forced and not mapping and _price_list(layout, result):
        outcome.role = "not a cost table"
        outcome.reason = (
            f"a price list: {len(result.lines)} unit price(s) with no quantity column, no amount column "
            "and no stated total, so there is nothing to cost (a catalogue or a quotation of rates)"
        )
        return outcome
    marker = screen_marker(raw, layout) if outcome.used and not forced and not mapping else None
    if marker is not None:
        outcome.role = "not a cost table"
        outcome.reason = (
            f"a screen design of a program (a form naming its controls or placeholders, {marker}): "
            "its rows are sample data, not cost lines; import it with --sheet if they are costs"
        )
        return outcome
    if outcome.used and not forced and not mapping and GB_SUMMARY.search(hint):
        outcome.role = "summary"
        outcome.reason = "the project's summary table (汇总表): the reconciliation target, not imported again"
        outcome.check = check_sheet(result)
        _numbered_summary(outcome)
        return outcome
    if outcome.used:
        outcome.check = check_sheet(result)
        _settle_unstated(outcome)
        if (
            not forced
            and not mapping
            # outcome.check is the result's check (`_settle_unstated` keeps it so)
            and rollup_lumps(raw, result, layout.columns.get("amount", -1), layout.data_start, outcome.check)
        ):
            outcome.check = check_sheet(result)
        running_amounts(outcome)
        prefer_amounts(outcome)
        _settle_nameless(outcome)
        _settle_provisional(outcome)
        _settle_unpriced(outcome)
        _settle(
            outcome,
            result.headed,
            "; the sheet's total {cell} agrees",
            ", or is it an item of its own? no stated total decides; fix: add the sheet's total row "
            "(合计/Total) so that it decides, or number the row as a heading (一、) if it is one",
        )
        _settle_trailing(outcome)
        _note_item_heads(outcome)
    return outcome


def _numbered_summary(outcome: SheetOutcome) -> None:
    """A GB summary whose rows do not add up to its total as table rows, read by its numbered
    entries instead (`gbtables.numbered_entries`: sub-entries, a running total, the steps of 税金):
    its markups are the entries other than the 分部分项 one, which the detail sheets are checked
    against; the entries set aside are said."""
    check, result, layout = outcome.check, outcome.result, outcome.layout
    if (
        check is None
        or check.basis != "difference"
        or check.stated is None
        or result is None
        or layout is None
    ):
        return
    found = numbered_entries(
        outcome.raw, layout, check.stated, tolerance(len(result.lines) + len(result.markups))
    )
    if found is None or len(found.detail) != 1:
        return
    result.lines.clear()
    result.totals.clear()
    result.markups[:] = [m for m in found.counted if m not in found.detail]
    result.warnings.extend(found.notes)
    outcome.check = SheetCheck(check.stated, check.stated, check.cell, "numbered entries", check.label)
    outcome.reason += "; read by its numbered entries (" + ", ".join(m.label for m in found.counted) + ")"


def _note_item_heads(outcome: SheetOutcome) -> None:
    result, check = outcome.result, outcome.check
    if result is None:
        return
    if check is not None and check.matched:
        agreed = [
            p.message.split("; if it heads")[0] + f"; the sheet's total {check.cell} agrees"
            for p in result.item_heads
        ]
        result.warnings.extend(Problem(p.where, m) for p, m in zip(result.item_heads, agreed, strict=True))
    else:
        result.warnings.extend(result.item_heads)


def _named_role(raw: RawSheet, layout: Layout | None, hint: str) -> SheetOutcome | None:
    """A sheet whose name, title or header says it holds no cost lines (an analysis, a quantity
    calculation, an inventory, base prices to look up, a GB50500 form), or None."""
    if _ANALYSIS.search(hint):
        return SheetOutcome(raw, "analysis", "a unit-rate analysis (综合单价分析表), not cost lines", layout)
    if _MEASURE.search(hint):
        return SheetOutcome(raw, "measurement", "a quantity calculation (工程量计算), not cost lines", layout)
    if layout is not None and "quantity" not in layout.columns and layout.header_words & _STOCK_KEYS:
        return SheetOutcome(
            raw,
            "not a cost table",
            "an inventory of parts in hand (a Stock column, no quantity to buy)",
            layout,
        )
    if _REFERENCE.search(raw.name) or (layout is not None and layout.header_words & _LOOKUP_KEYS):
        return SheetOutcome(
            raw, "analysis", "base prices or rates to look up (基础信息/价格信息), not cost lines", layout
        )
    return _gb_role(raw, layout, hint)


def read_lists(
    raw: RawSheet, mapping: dict[str, str] | None, spreads: SpreadTable, *, forced: bool, unpriced: bool
) -> list[SheetOutcome]:
    """One sheet as `read_sheet` reads it, or, when it holds lists side by side under one header
    (`sidebyside.side_blocks`), one outcome per list, each list's lines in the category its
    description header names (硬装, 电器)."""
    outcome = read_sheet(raw, mapping, spreads, forced=forced, unpriced=unpriced)
    spans = None if mapping or outcome.layout is None else side_blocks(raw, outcome.layout)
    if not spans or outcome.layout is None or outcome.layout.header_row is None:
        return [outcome]
    head = raw.rows[outcome.layout.header_row]
    di = outcome.layout.columns.get("description", -1) - spans[0][0]
    parts: list[SheetOutcome] = []
    base = outcome.layout
    for lo, hi in spans:
        shift = lo - spans[0][0]
        given = replace(base, columns={f: c + shift for f, c in base.columns.items()}, rivals={}, warnings=[])
        part = read_sheet(
            block_sheet(raw, (lo, hi)), None, spreads, forced=forced, unpriced=unpriced, given=given
        )
        title = cell_text(head[lo + di]) if 0 <= di and lo + di < len(head) else ""
        if part.result is not None and title:
            part.result.lines[:] = [
                ln if ln.category else ln.replaced(category=title) for ln in part.result.lines
            ]
        if part.used:
            part.reason = f"list {len(parts) + 1} of {len(spans)} side by side (columns {col_letter(lo)}:{col_letter(hi - 1)})"
        parts.append(part)
    if sum(p.used for p in parts) < 2:
        return [outcome]
    joined = _added_up_below_one(parts)
    return parts if joined is None else [joined]


def _added_up_below_one(parts: list[SheetOutcome]) -> SheetOutcome | None:
    """Lists side by side whose only total stands under one of them and adds up them all
    (=SUM(D2:D20)+SUM(L2:L22) under the right list): one outcome holding every list's lines,
    checked against that total; None when the lists are not so added up."""
    used = [p for p in parts if p.used and p.result is not None and p.check is not None]
    stated = [p for p in used if p.check is not None and p.check.stated is not None]
    if len(used) < 2 or len(stated) != 1:
        return None
    host = stated[0]
    check, result = host.check, host.result
    assert check is not None and result is not None and check.stated is not None
    if check.basis != "difference":
        return None
    lines = [ln for p in used if p.result is not None for ln in p.result.lines]
    total = lines_total(lines)
    if abs(total - check.stated) > tolerance(len(lines)):
        return None
    for p in used:
        if p is not host and p.result is not None:
            result.warnings.extend(p.result.warnings)
            result.problems.extend(p.result.problems)
    result.lines[:] = lines
    result.mismatches[:] = [m for m in result.mismatches if m.where != check.cell]
    host.check = SheetCheck(
        total, check.stated, check.cell, "lists side by side, added up by one total", check.label
    )
    host.reason = f"{len(used)} lists side by side, added up by the total {check.cell} under one of them"
    return host


def _mark_blank(outcome: SheetOutcome, result: SheetResult, unpriced: bool) -> None:
    if result.item_rows == 0:
        outcome.role, outcome.reason = "blank", "the cost table has a header but no cost lines below it"
    elif not unpriced and result.priced_rows * 5 <= result.item_rows and not result.lines:
        outcome.role = "blank"
        outcome.reason = (
            f"{result.item_rows} row(s) and no prices: a blank form or an unpriced bill of quantities"
        )
        words = [p for p in result.problems if " is not a number" in p.message]
        if words:  # a price written as a word: name the cell, the user may have meant a number
            outcome.reason += f" ({words[0].where}: {words[0].message})"


def _parse(raw: RawSheet, layout: Layout, spreads: SpreadTable, unpriced: bool) -> SheetResult:
    """The sheet's rows read (`table.parse_rows`) and cross-checked (`structure.apply_checks`)."""
    result = parse_rows(raw, layout, spreads, unpriced=unpriced)
    apply_checks(result)
    total_on_top(raw, result)
    return result


def _price_list(layout: Layout, result: SheetResult) -> bool:
    """Unit prices alone: no quantity, amount or three-point column and no total the sheet states.
    Reading each price as 1 × price would invent a quantity nobody wrote."""
    cols = layout.columns
    if "quantity" in cols or "amount" in cols or {"likely", "low", "high"} & cols.keys():
        return False
    return "price" in cols and check_sheet(result).stated is None


def rival_amounts(
    raw: RawSheet, layout: Layout, result: SheetResult, spreads: SpreadTable, unpriced: bool
) -> tuple[Layout, SheetResult]:
    """Several columns headed alike as the amount (Cost per Role | Cost per Activity | Cost per
    Phase) and the one chosen does not add up to the sheet's stated total: the rival whose lines
    do is the amount column, said in a warning naming both columns and the total. When none or
    more than one does, the first stays (and its difference is reported as before)."""
    rivals = layout.rivals.get("amount", [])
    if not rivals:
        return layout, result
    first = check_sheet(result)
    if first.matched:
        _also_reconciles(raw, layout, result, spreads, unpriced, first)
    if first.basis != "difference":
        return layout, result
    used = layout.columns["amount"]
    fits: list[tuple[int, Layout, SheetResult, SheetCheck]] = []
    for c in rivals:
        trial_layout = replace(
            layout,
            columns={**layout.columns, "amount": c},
            rivals={**layout.rivals, "amount": [x for x in [used, *rivals] if x != c]},
            # the warning below names every amount column instead
            warnings=[w for w in layout.warnings if not w.message.startswith("a second amount column")],
        )
        trial = _parse(raw, trial_layout, spreads, unpriced)
        check = check_sheet(trial)
        if not check.matched and _at_amounts_matches(trial) and not _at_amounts_matches(result):
            # its amounts, not quantity × unit price, add up to a total stated outside the column
            # (Total Project Cost beside a 14-week pay column, the weekly one used) while those of
            # the column used do not: `prefer_amounts` takes them. A total in the column itself
            # only shows the column is consistent (actual spend beside an estimate that is not)
            at = check_sheet(replace(trial, lines=_at_amounts(trial)))
            check = at if col_letter_of(at.cell or "") != col_letter(c) else check
        if check.matched and not trial.problems:
            fits.append((c, trial_layout, trial, check))
    if len(fits) != 1:
        return layout, result
    c, chosen, trial, check = fits[0]
    others = ", ".join(col_letter(x) for x in [used, *rivals] if x != c)
    trial.warnings.append(
        Problem(
            f"{sheet_ref(raw.name)}!{col_letter(c)}{(layout.header_row or 0) + 1}",
            f"column {col_letter(c)} is read as the amount: of the columns headed as an amount "
            f"({col_letter(c)}, {others}) it is the only one whose lines add up to the sheet's "
            f"total {check.cell}",
        )
    )
    return chosen, trial


def cost_as_unit_price(
    raw: RawSheet, layout: Layout, result: SheetResult, spreads: SpreadTable, unpriced: bool
) -> tuple[Layout, SheetResult]:
    """A quantity column and one money column with no unit price column (PART | Quantity | COST),
    whose figures do not add up to the sheet's stated total: when quantity × those figures do
    (the total is =SUM(B2:B10*C2:C10)), the column holds unit costs, said in a warning naming the
    total. Otherwise the reading stays (and its difference is reported as before)."""
    cols = layout.columns
    if "amount" not in cols or "quantity" not in cols or {"price", "likely", "low", "high"} & cols.keys():
        return layout, result
    if not result.lines or check_sheet(result).basis != "difference":
        return layout, result
    c = cols["amount"]
    trial_layout = replace(layout, columns={**{f: k for f, k in cols.items() if f != "amount"}, "price": c})
    trial = _parse(raw, trial_layout, spreads, unpriced)
    check = check_sheet(trial)
    if not check.matched or trial.problems or len(trial.lines) != len(result.lines):
        return layout, result
    trial.warnings.append(
        Problem(
            f"{sheet_ref(raw.name)}!{col_letter(c)}{(layout.header_row or 0) + 1}",
            f"column {col_letter(c)} is read as the unit price: the sheet's total {check.cell} is the sum of "
            f"quantity × {col_letter(c)} ({layout.letter('quantity')} × {col_letter(c)}), not of "
            f"{col_letter(c)} alone",
        )
    )
    return trial_layout, trial


def price_rival_as_amount(
    raw: RawSheet, layout: Layout, result: SheetResult, spreads: SpreadTable, unpriced: bool
) -> tuple[Layout, SheetResult]:
    """Two columns headed as the price and none as the amount (Quantity | Cost per unit | Price):
    a second price column that is quantity × the first on the lines (to the cent, on nine lines
    in ten) holds each line's money; it is read as the amount, said in a warning. Otherwise the
    two columns stay rivals (the sheet is refused naming both)."""
    cols = layout.columns
    if "amount" in cols or not {"quantity", "price"} <= cols.keys() or not layout.rivals.get("price"):
        return layout, result
    rows = line_rows(result)
    found = [
        c for c in layout.rivals["price"] if is_product_on(raw, rows, c, cols["quantity"], cols["price"])
    ]
    if len(found) != 1:
        return layout, result
    c = found[0]
    rivals = {**layout.rivals, "price": [k for k in layout.rivals["price"] if k != c]}
    head = (
        f"{col_letter(c)}{(layout.header_row or 0) + 1}"  # its header; "a second price column … ignored" goes
    )
    trial_layout = replace(
        layout,
        columns={**cols, "amount": c},
        rivals={f: v for f, v in rivals.items() if v},
        warnings=[
            w for w in layout.warnings if not ((w.where or "").endswith(head) and "second price" in w.message)
        ],
    )
    trial = _parse(raw, trial_layout, spreads, unpriced)
    if len(trial.lines) != len(result.lines):
        return layout, result
    trial.warnings.append(
        Problem(
            f"{sheet_ref(raw.name)}!{head}",
            f"column {col_letter(c)} is read as the amount: it is quantity × unit price "
            f"({layout.letter('quantity')} × {layout.letter('price')}) on the lines",
        )
    )
    return trial_layout, trial


def _at_amounts_matches(result: SheetResult) -> bool:
    """The sheet's stated total adds up the lines' amount cells (where they differ from quantity ×
    unit price)."""
    return bool(result.alternatives) and check_sheet(replace(result, lines=_at_amounts(result))).matched


def heads_as_items(
    raw: RawSheet, layout: Layout, result: SheetResult, spreads: SpreadTable, unpriced: bool
) -> tuple[Layout, SheetResult]:
    """Lump rows read as headings because their amount is the sum of the rows below (服务器 3,000
    over 带宽 1,000 and 存储 2,000), in a sheet whose stated total then differs: when reading them as
    items makes the stated total agree, they are items (a warning names them)."""
    if not result.headed:
        return layout, result  # no such row: the sheet is not checked here (a pass over its lines)
    check = check_sheet(result)
    # no total closes the sheet: a total above the lines may agree once the rows are items; a
    # total that agrees only within the rounding slack (0.06 against 0.07 with a 0.01 heading) may
    # agree exactly once they are
    on_top = check.stated is None and any(t.lines == 0 for t in result.totals)
    slack = bool(check.matched and check.difference)
    if check.basis != "difference" and not on_top and not slack:
        return layout, result
    items = replace(layout, lump_heads=False)
    trial = _parse(raw, items, spreads, unpriced)
    other = check_sheet(trial)
    if not other.matched or trial.problems:
        return layout, result
    if slack and abs(other.difference or Decimal(0)) >= abs(check.difference or Decimal(0)):
        return layout, result
    check = other
    cells = ", ".join(p.where or "" for p in result.headed[:5])
    trial.warnings.append(
        Problem(
            result.headed[0].where or sheet_ref(raw.name),
            f"{len(result.headed)} row(s) whose amount is the sum of the rows below them ({cells}) are items, "
            f"not headings: the sheet's total {check.cell} adds them",
        )
    )
    return items, trial


def cut_at_note(
    raw: RawSheet, layout: Layout, result: SheetResult, spreads: SpreadTable, unpriced: bool
) -> tuple[Layout, SheetResult]:
    """A note block (NOTES:, 注：, 说明：) below the lines with more figures under it (alternatives, a
    purchase log): when the rows read on past it do not add up to a stated total, the table ends
    at the note if the rows above it read cleanly, with a warning naming the note and the `--map`
    that reads on. A sheet whose stated total below the note agrees with every line is read whole
    (a note at the foot of a printed page)."""
    note = result.note_row
    if note is None or check_sheet(result).matched or not (result.problems or _note_block(raw, layout, note)):
        return layout, result
    cut = replace(layout, last_row=note - 1)
    trial = _parse(raw, cut, spreads, unpriced)
    if trial.problems or not trial.lines:
        return layout, result
    label = cell_text(next((v for v in raw.rows[note] if type(v) is str and v.strip()), "")).strip()
    trial.warnings.append(
        Problem(
            f"{sheet_ref(raw.name)}!A{note + 1}",
            f"the table ends at the note 「{label[:30]}」 (row {note + 1}): the {len(trial.lines)} line(s) above it "
            f"are imported; the {len(result.lines) - len(trial.lines)} priced row(s) below it are not "
            f'(alternatives, records or another list); to read on: --map "{raw.name}:last={len(raw.rows)}"',
        )
    )
    return cut, trial


def _note_block(raw: RawSheet, layout: Layout, note: int) -> bool:
    """The note is a block: more rows of words follow it before the next row with figures in the
    table's number columns (NOTES: / Green text means … / Alternatives: …), not one remark inside
    the list."""
    numeric = [c for f, c in layout.columns.items() if f in ("quantity", "price", "amount", "likely")]
    words = 0
    for row in raw.rows[note + 1 : note + 50]:
        if any(c < len(row) and type(row[c]) in (int, float) for c in numeric):
            break
        words += any(type(v) is str and v.strip() for v in row)
    return words >= 1


#: sheets up to this many lines are read again with each rival amount column (`_also_reconciles`)
_RIVAL_CHECK_LINES = 2_000


def _also_reconciles(
    raw: RawSheet,
    layout: Layout,
    result: SheetResult,
    spreads: SpreadTable,
    unpriced: bool,
    check: SheetCheck,
) -> None:
    """The chosen amount column adds up to the stated total: when a rival column read as the
    amount gives other lines that add up to a stated total too, two readings fit, and the warning
    says which was taken and why (the header's rank) and how to take the other."""
    if len(result.lines) > _RIVAL_CHECK_LINES:
        return
    used = layout.columns["amount"]
    for c in layout.rivals.get("amount", []):
        trial = parse_rows(
            raw,
            replace(layout, columns={**layout.columns, "amount": c}, warnings=[]),
            spreads,
            unpriced=unpriced,
        )
        other = check_sheet(trial)
        total = lines_total(trial.lines)
        if not other.matched or trial.problems or not total or total == lines_total(result.lines):
            continue  # no second reading, or one of nothing (a column of zeros under a zero total)
        result.warnings.append(
            Problem(
                f"{sheet_ref(raw.name)}!{col_letter(c)}{(layout.header_row or 0) + 1}",
                f"two readings add up to a stated total: column {col_letter(used)} as the amount "
                f"({len(result.lines)} lines, {format_money(check.imported)}, total {check.cell}) and column "
                f"{col_letter(c)} ({len(trial.lines)} lines, {format_money(other.imported)}, total {other.cell}); "
                f"{col_letter(used)} is read because its header ranks first as the amount; "
                f'to read {col_letter(c)}: --map "{raw.name}:amount={col_letter(c)}"',
            )
        )


def headerless_layout(raw: RawSheet) -> Layout | None:
    """A sheet without a header whose 合计/Total row states a figure equal to the sum of the numbers
    above it in that column (衣柜 37,000 … 合计 125,550): that column holds the amounts and the
    label's column the names; rows below the total (已交, 还差) are not read."""
    for r, row in enumerate(raw.rows[: HEADER_SEARCH_ROWS * 10]):
        for t, v in enumerate(row[:4]):
            if type(v) is not str or total_level(v.strip()) < 2:
                continue
            c = _summed_column(raw, r, t)
            named = [k for k in range(r) if t < len(raw.rows[k]) and _text(raw.rows[k][t])]
            if c is None or len(named) < 2 or _rolls_up(raw, c, named[0], r):
                return None
            first = named[0]
            where = f"{sheet_ref(raw.name)}!{col_letter(c)}{r + 1}"
            columns = {"description": t, "amount": c, **_factors(raw, first, r, t, c)}
            read = ", ".join(f"{col_letter(k)} as the {f}" for f, k in columns.items() if f != "description")
            note = (
                f"no header row: column {col_letter(t)} read as the description and {read}, because "
                f"{where} ({v.strip()}) is the sum of the figures above it"
                + (" and they are quantity × unit price on every item row" if "quantity" in columns else "")
                + f"; rows below row {r + 1} are not read (name the columns with --map to change this)"
            )
            return Layout(
                columns,
                None,
                first,
                warnings=[Problem(where, note)],
                last_row=r,
            )
    return None


def _factors(raw: RawSheet, first: int, end: int, name: int, amount: int) -> dict[str, int]:
    """The quantity and unit price (and unit) columns of a headerless table whose amount column is
    known: the two columns whose product it is on the item rows (`infer.product_columns`)."""
    product = product_columns(raw.rows, first, end)
    if product is None or product.amount != amount or name >= min(product.quantity, product.price):
        return {}
    out = {"quantity": product.quantity, "price": product.price}
    unit = unit_column(raw.rows, product.rows, name, min(product.quantity, product.price))
    return {"unit": unit, **out} if unit is not None else out


def _rolls_up(raw: RawSheet, c: int, first: int, end: int) -> bool:
    """Column c holds fewer figures than the rows beside it that hold figures elsewhere and none in
    c (WBS level totals over item rows priced in another column): c sums detail rows, it is no
    column of line amounts, and reading it would turn totals into lines."""
    own = other = 0
    for row in raw.rows[first:end]:
        if c < len(row) and _figure(row[c]):
            own += 1
        elif any(_figure(v) for k, v in enumerate(row) if k != c):
            other += 1
    return other >= max(2, own)


def _figure(v: object) -> bool:
    return type(v) in (int, float) and v != 0


def _text(v: object) -> bool:
    return type(v) is str and bool(v.strip())


def _summed_column(raw: RawSheet, r: int, t: int) -> int | None:
    row = raw.rows[r]
    for c in range(t + 1, len(row)):
        v = row[c]
        if type(v) not in (int, float) or not v:
            continue
        above = [
            Decimal(repr(float(x)))
            for x in (raw.rows[k][c] if c < len(raw.rows[k]) else "" for k in range(r))
            if type(x) in (int, float)
        ]
        if len(above) >= 3 and abs(sum(above, Decimal(0)) - Decimal(repr(float(v)))) <= tolerance(len(above)):
            return c
    return None


def _gb_role(raw: RawSheet, layout: Layout | None, hint: str) -> SheetOutcome | None:
    """The tables of a GB50500 export that are not cost lines, by their names: resource lists,
    the details of a markup entry, the markup tables (their entries kept for the summary's check)
    and the unit project's summary (checked in `mark_gb_summary`)."""
    if RESOURCES.search(hint):
        return SheetOutcome(
            raw,
            "analysis",
            "a list of the resources inside the unit rates (主材/人材机), not cost lines",
            layout,
        )
    if PAYMENTS.search(hint):
        return SheetOutcome(
            raw,
            "not a cost table",
            "a payment schedule (进度款支付分解): when the price is paid, not cost lines",
            layout,
        )
    kind = markup_table(hint)
    if kind is not None and is_entry_detail(hint):
        return SheetOutcome(
            raw, "analysis", "the details of one entry of a markup table, already in that entry", layout
        )
    if kind is None or layout is None:
        return None
    outcome = SheetOutcome(
        raw,
        "summary",
        "a markup table (总价措施/其他项目/规费、税金): its entries are added to the detail sheets by the summary's total, not cost lines",
        layout,
    )
    outcome.entries = top_entries(raw, layout, kind)
    return outcome


def _estimate(raw: RawSheet) -> SheetOutcome:
    """A sheet without a header row read as a measurement-and-cost estimate (`costs.estimate`)
    when it has priced rows, else not a cost table."""
    found = read_estimate(raw)
    if found is None:
        return SheetOutcome(raw, "not a cost table", NO_HEADER)
    result, layout = found
    outcome = SheetOutcome(raw, "cost detail", layout=layout, result=result)
    outcome.check = check_sheet(result)
    return outcome


def uncalculated(outcomes: list[SheetOutcome]) -> list[Problem]:
    """Sheets set aside (blank, summary, analysis …) whose table columns hold formulas with no saved
    value: a workbook written by a program and never calculated. Its skipped figures and totals are
    unknown, so nothing can be reconciled: the import is refused until the file is saved by a
    spreadsheet. (A used sheet reports its own such cells, cell by cell.)"""
    found = []
    for o in outcomes:
        if o.used or o.layout is None:
            continue
        cols = set(o.layout.columns.values())
        cells = sorted(
            (r, c)
            for (r, c) in o.raw.uncached
            if r >= o.layout.data_start and c in cols and r not in o.raw.hidden_rows
        )
        if not cells:
            continue
        shown = ", ".join(f"{col_letter(c)}{r + 1}" for r, c in cells[:5])
        more = f" … ({len(cells)} in all)" if len(cells) > 5 else ""
        found.append(
            Problem(
                sheet_ref(o.name),
                f"sheet {o.role}: its formulas have no saved values ({shown}{more}): the workbook was written "
                "by a program and never calculated, so its amounts and totals cannot be read or checked; "
                "fix: open it in Excel/WPS/LibreOffice and save it (公式未计算：请用 Excel/WPS 打开并保存)",
            )
        )
    return found


def running_amounts(outcome: SheetOutcome) -> None:
    """No stated total, and the amount column disagrees with quantity × unit price from the second
    line on (Total Cost =F2+F3, =F2+F3+4*F4 …): when every amount is the running sum of the
    products so far, the column is a running total. The lines are quantity × unit price and the
    column's last figure is the sheet's total, which they reconcile with (one warning instead of
    one per line). Any amount off the running sum leaves the lines to `prefer_amounts`."""
    result, check, layout = outcome.result, outcome.check, outcome.layout
    if result is None or check is None or layout is None or check.stated is not None:
        return
    if len(result.alternatives) < 2 or "amount" not in layout.columns:
        return
    written = dict(result.alternatives)
    running = Decimal(0)
    for i, ln in enumerate(result.lines):
        product = ln.quantity * ln.likely
        running += product
        amount = ln.quantity * written[i] if i in written else product
        if abs(amount - running) > tolerance(i + 1):
            return
    last = result.lines[-1]
    if len(result.lines) - 1 not in written:
        return
    cell = f"{sheet_ref(outcome.name)}!{layout.letter('amount')}{_row(last.source) + 1}"
    cells = {c for c, _ in result.amount_diffs}
    result.warnings[:] = [w for w in result.warnings if w.where not in cells]
    result.amount_diffs[:], result.alternatives[:] = [], []
    outcome.check = SheetCheck(
        lines_total(result.lines), last.quantity * written[len(result.lines) - 1], cell, "running total"
    )
    letter = layout.letter("amount")
    result.warnings.append(
        Problem(
            cell,
            f"column {letter} is a running total (each figure = the one above + quantity × unit price): the "
            f"lines are quantity × unit price, and its last figure {cell} is the sheet's total",
        )
    )


def prefer_amounts(outcome: SheetOutcome) -> None:
    """Lines whose amount cell disagrees with quantity × unit price: when the sheet's stated total
    adds up the amounts (and not the products), the amounts are the lines' money; so they are, with
    or without a stated total, when every amount is the product plus a tax rate the sheet states
    (`taxed`)."""
    result, check = outcome.result, outcome.check
    if result is None or check is None or not result.alternatives:
        return
    if check.stated is None:
        if amounts_stand(result, check.imported):  # otherwise `confidence` refuses
            _amounts_as_written(result)
            outcome.check = check_sheet(result)
        else:
            _taxed(outcome, result, _at_amounts(result), None)
        return
    if check.basis != "difference":
        return
    lines = _at_amounts(result)
    trial = check_sheet(replace(result, lines=lines))
    if not trial.matched or _taxed(outcome, result, lines, trial):
        return
    result.lines[:] = lines
    outcome.check = trial
    result.warnings.append(
        Problem(
            trial.cell,
            f"{len(result.alternatives)} line(s) whose amount ≠ quantity × "
            "unit price are taken at their amount: the stated total adds "
            "up the amounts",
        )
    )


def _at_amounts(result: SheetResult) -> list:
    """The lines with each disagreeing line's unit cost taken from its amount cell."""
    lines = list(result.lines)
    for i, unit in result.alternatives:
        ln = lines[i]
        factor = unit / ln.likely if ln.likely else None
        low, high = (ln.low * factor, ln.high * factor) if factor is not None else (unit, unit)
        lines[i] = ln.replaced(low=low, likely=unit, high=high)
    return lines


def _taxed(outcome: SheetOutcome, result: SheetResult, lines: list, trial: SheetCheck | None) -> bool:
    """Take the amounts when every one is quantity × unit price × (1 + a tax rate the sheet states),
    with one warning naming the rate instead of one per line; `trial`: the stated total's check of
    the amounts (None: the sheet states no total). False when no stated rate explains them."""
    taxed = tax_in_amounts(outcome.raw, result.lines, result.alternatives)
    if taxed is None:
        return False
    cells = {cell for cell, _ in result.amount_diffs}
    result.warnings[:] = [w for w in result.warnings if w.where not in cells]
    result.lines[:] = lines
    result.amount_diffs[:], result.alternatives[:] = [], []
    rate = rate_text(taxed[1])
    text = (
        f"the amounts include tax at {rate} ({taxed[0]}): amount = quantity × unit price × {1 + taxed[1]} on "
        "every line (金额已含税), so the lines are taken at their amounts, tax included"
    )
    if trial is None:
        outcome.check = SheetCheck(lines_total(lines), basis=f"amounts include tax {rate}")
        result.warnings.append(Problem(taxed[0], text + "; the sheet states no total to confirm them"))
        return True
    outcome.check = replace(trial, basis=f"{trial.basis} (amounts include tax {rate})")
    result.warnings.append(Problem(trial.cell, text + ", and the stated total agrees"))
    return True


def _settle_unstated(outcome: SheetOutcome) -> None:
    """Lines priced as quantity × unit price whose amount cell is empty (线下推广活动 7,000 × 2 with no
    单月成本): when the sheet's stated total differs with them and agrees without them, the sheet has
    not counted them, so neither does the import; each is named in a warning."""
    result, check = outcome.result, outcome.check
    if result is None or check is None or check.basis != "difference" or not result.unstated:
        return
    trial = replace(
        result,
        lines=list(result.lines),
        totals=list(result.totals),
        markups=list(result.markups),
        alternatives=list(result.alternatives),
        unstated=list(result.unstated),
    )
    gone = [result.lines[i] for i in result.unstated]
    drop_lines(trial, dict.fromkeys(result.unstated))
    again = check_sheet(trial)
    if not again.matched:
        return
    result.lines[:], result.totals[:] = trial.lines, trial.totals
    result.alternatives[:], result.unstated[:] = trial.alternatives, []
    result.mismatches[:] = [p for p in result.mismatches if p.where != again.cell]
    outcome.check = again
    result.warnings.extend(
        Problem(
            ln.source or sheet_ref(outcome.name),
            f"{ln.description[:40]}: {format_money(ln.quantity)} × {format_money(ln.likely)} with an empty "
            f"amount cell, not counted: the sheet's total {again.cell} leaves it out (write its amount to count it)",
        )
        for ln in gone
    )


def _amounts_as_written(result: SheetResult) -> None:
    """No stated total decides between a line's amount cell and quantity × unit price, and they
    differ by less than one currency unit in all (4 × 0.15 written as 1): the amount column is the
    money the sheet shows, so the amounts stand; each difference is already a warning naming both
    cells. (A bigger difference is refused by `confidence`.)"""
    for i, unit in result.alternatives:
        ln = result.lines[i]
        factor = unit / ln.likely if ln.likely else None
        low, high = (ln.low * factor, ln.high * factor) if factor is not None else (unit, unit)
        result.lines[i] = ln.replaced(low=low, likely=unit, high=high)
    result.warnings.append(
        Problem(
            result.lines[result.alternatives[0][0]].source,
            f"{len(result.alternatives)} line(s) whose amount ≠ quantity × unit price are taken at their "
            "amount as written (no stated total decides between them)",
        )
    )


def _settle_nameless(outcome: SheetOutcome) -> None:
    """Priced rows without a description are errors, unless the sheet's stated total reconciles only
    with them counted: then they are lines (named by their code) with a warning."""
    result, check = outcome.result, outcome.check
    if result is None or not result.nameless:
        return
    if check is not None and check.matched and (check.stated or _nameless_carry_money(result)):
        result.warnings.extend(
            Problem(
                p.where,
                "description is empty; kept as a line because the sheet's "
                f"total {check.cell} includes it — name the item",
            )
            for p in result.nameless
        )
    else:
        result.problems.extend(result.nameless)


def _nameless_carry_money(result: SheetResult) -> bool:
    """Whether any of the nameless lines has money: a total of 0 that agrees with lines of nothing
    (a template's empty rows whose formulas give 0) proves nothing about them."""
    rows = {_row(p.where) for p in result.nameless}
    return any(ln.quantity * ln.likely != 0 for ln in result.lines if _row(ln.source) in rows)


def _settle(outcome: SheetOutcome, pending: list[Problem], agreed: str, otherwise: str = "") -> None:
    """Readings that stand only if the sheet's stated total agrees: warnings (the message and
    `agreed`, which names the total's cell as {cell}) when it does, errors (the message and
    `otherwise`) when it does not or there is none."""
    result, check = outcome.result, outcome.check
    if result is None or not pending:
        return
    if check is not None and check.matched:
        result.warnings.extend(Problem(p.where, p.message + agreed.format(cell=check.cell)) for p in pending)
    else:
        result.problems.extend(Problem(p.where, p.message + otherwise) for p in pending)


def _settle_provisional(outcome: SheetOutcome) -> None:
    """An empty lump amount as a zero line, an amount written with its period: an unpriced item
    may be money the sheet has not counted."""
    if outcome.result is not None:
        _settle(
            outcome,
            outcome.result.provisional,
            "; the sheet's total {cell} agrees",
            ", but no stated total confirms it: write the amount as a number "
            "(or delete the row if it is not a cost)",
        )


def _settle_unpriced(outcome: SheetOutcome) -> None:
    """Items named but not priced (a quantity, no unit price, no amount): finance imports the priced
    lines and lists these. With the sheet's stated total agreeing, or with no stated total while
    the priced lines outnumber them, each is a warning; against a stated total that differs, or
    when most items are unpriced (a bill still being priced), each is an error."""
    result, check = outcome.result, outcome.check
    if result is None or not result.unpriced:
        return
    rows = result.unpriced
    if check is not None and check.matched:
        result.warnings.extend(
            Problem(p.where, p.message + f"; the sheet's total {check.cell} agrees") for p in rows
        )
    elif check is not None and check.stated is None and len(result.lines) > len(rows):
        shown = ", ".join((p.where or "").rsplit("!", 1)[-1] for p in rows[:8]) + (
            " …" if len(rows) > 8 else ""
        )
        result.warnings.append(
            Problem(
                rows[0].where,
                f"{len(rows)} item(s) have no unit price and no amount ({shown}): not counted as cost lines; "
                f"the {len(result.lines)} priced line(s) are imported and no stated total shows whether the "
                "others cost anything (price them to count them)",
            )
        )
    else:
        result.problems.extend(
            Problem(
                p.where,
                p.message + ", but no stated total confirms it: write the amount as a number (or delete the "
                "row if it is not a cost)",
            )
            for p in rows
        )


def _settle_trailing(outcome: SheetOutcome) -> None:
    """Unreadable rows below the sheet's own total: notes outside the table when it reconciles."""
    if outcome.result is not None:
        _settle(outcome, outcome.result.trailing, "; below the sheet's total {cell}, not read")


def _inferred(
    raw: RawSheet, estimate: SheetOutcome, spreads: SpreadTable, *, forced: bool, unpriced: bool
) -> SheetOutcome:
    """A sheet with no header read from its figures (`headerless`) when that reading is clean;
    otherwise what the sheet was estimated to be (a refusal proposing the `--map`)."""
    if estimate.role != "not a cost table":
        return estimate
    layout = closing_layout(raw) or product_layout(raw) or labelled_layout(raw)
    if layout is None:
        return estimate
    outcome = read_sheet(raw, None, spreads, forced=forced, unpriced=unpriced, given=layout)
    outcome.instead = estimate
    return outcome if _clean(outcome) else estimate


def _clean(outcome: SheetOutcome) -> bool:
    """A sheet read with no problem and no difference from its stated total."""
    result, check = outcome.result, outcome.check
    return (
        outcome.used
        and result is not None
        and not result.problems
        and not result.rivals
        and (check is None or check.basis != "difference")
    )


def mark_inferred(outcomes: list[SheetOutcome]) -> None:
    """A sheet read without a header (`SheetOutcome.instead`) beside a sheet read under a header of
    its own: the workbook's tables are the headed ones (a general abstract of parts and add-ons
    beside its detail sheets is no list of its own), so it is what it was without the inference."""
    if any(o.used and o.instead is None for o in outcomes):
        for i, o in enumerate(outcomes):
            if o.instead is not None:
                outcomes[i] = o.instead


def mark_summaries(outcomes: list[SheetOutcome]) -> None:
    """A sheet that repeats the other cost sheets (汇总) becomes their reconciliation target."""
    details = [o for o in outcomes if o.role == "cost detail" and o.result is not None and o.result.lines]
    if len(details) < 2:
        return
    for s in details:
        others = [o for o in details if o is not s and o.role == "cost detail"]
        covers = _covered(s, others)
        named = bool(_SUMMARY.search(f"{s.name} {_title(s.raw, s.layout)}"))
        n = len(s.result.lines) if s.result else 0
        if named and not covers and _repeats_rows(s, others):
            covers, s.repeats_rows = others, True
        if (named and others and covers) or (len(covers) >= 2 and len(covers) * 2 >= n) or s.repeats_rows:
            s.role, s.covers = "summary", [o.name for o in (others if named else covers)]
            s.reason = (
                "repeats " + ", ".join(s.covers) + ": used as the reconciliation target, not imported again"
            )
        elif named and others and not covers:
            continue


def mark_supporting(outcomes: list[SheetOutcome]) -> None:
    """A cost sheet whose total is a figure in another sheet's total row, in a column other than
    that sheet's amount (物流运输清单 合计 782,950 = the 物流运输费 column of the quote's 小计 row):
    the calculation behind that column, already inside the other sheet's lines."""
    details = [o for o in outcomes if o.role == "cost detail" and o.result is not None and o.layout]
    for s in details:
        stated = s.check.stated if s.check is not None else None
        if stated is None or not stated:
            continue
        for o in details:
            found = _in_total_row(o, stated) if o is not s and o.role == "cost detail" else None
            if found is not None:
                s.role = "analysis"
                s.reason = (
                    f"its total {format_money(stated)} ({s.check.cell if s.check else ''}) is {found} of "
                    f"{o.name}'s total row: the calculation behind that column, not cost lines again"
                )
                break


def mark_copies(outcomes: list[SheetOutcome]) -> None:
    """A cost sheet that states no total and repeats (description and quantity) at least 90 % of
    the lines of a sheet whose stated total reconciles (plan and actual sheets over the BOQ's
    items): a schedule over the same items, not cost lines again."""
    details = [
        o for o in outcomes if o.role == "cost detail" and o.result is not None and o.check is not None
    ]
    sure = [o for o in details if o.check is not None and o.check.matched]
    for s in details:
        lines = s.result.lines if s.result is not None else []
        if s.check is None or s.check.stated is not None or len(lines) < 3:
            continue
        for o in sure:
            seen = {(ln.description, ln.quantity) for ln in o.result.lines} if o.result else set()
            hits = sum((ln.description, ln.quantity) in seen for ln in lines)
            if o is not s and hits * 10 >= len(lines) * 9:
                s.role = "analysis"
                s.reason = (
                    f"repeats {hits} of its {len(lines)} lines from {o.name}, whose total "
                    f"{o.check.cell if o.check else ''} reconciles: a schedule over the same items, "
                    "not cost lines again"
                )
                break


#: the tables of a GB50500 export that support its 分部分项 detail: (pattern, what they are)
_SUPPORTING = (
    (
        PROVISIONAL_MATERIALS,
        "the provisional prices of materials (材料暂估单价) inside the unit rates of {gb}",
    ),
    (MATERIAL_LISTS, "the main materials and equipment (主要材料、设备) inside the unit rates of {gb}"),
    (VAT_WORKINGS, "the VAT (增值税/进项税额) worked out for the summary's 税金 of {gb}'s project"),
    (FEE_DETAILS, "the details of a fee (规费/安全文明施工费) that the summary adds to {gb}"),
)


def mark_provisional_materials(outcomes: list[SheetOutcome]) -> None:
    """The tables of a GB50500 export beside its 分部分项 detail that are not cost lines of their
    own: the 材料暂估单价表 (表-12-2, inside the detail's unit rates: 此处不汇总), the lists of main
    materials and equipment (主要材料、设备明细表), the VAT workings (增值税计算表, 进项税额计算汇总表)
    and the details of the fees the summary adds (规费明细表, 安全文明施工费明细表)."""
    details = [o for o in outcomes if o.role == "cost detail"]
    hints = {id(o): f"{o.name} {_title(o.raw, o.layout)}" for o in details}
    gb = next((o for o in details if GB_DETAIL.search(hints[id(o)])), None)
    if gb is None:
        return
    for o in details:
        if o is gb or GB_DETAIL.search(hints[id(o)]):
            continue
        what = next((text for pattern, text in _SUPPORTING if pattern.search(hints[id(o)])), None)
        if what is not None:
            o.role = "analysis"
            o.reason = what.format(gb=gb.name) + ", not cost lines of their own"


def mark_price_lists(outcomes: list[SheetOutcome]) -> None:
    """A sheet of unit prices only (no quantity, no amount, no total: a 库 of 2,636 元件 prices)
    beside a cost sheet whose stated total reconciles: prices to look up, not cost lines."""
    details = [o for o in outcomes if o.role == "cost detail" and o.layout is not None]
    sure = [o for o in details if o.check is not None and o.check.stated is not None and o.check.matched]
    for s in details:
        assert s.layout is not None
        cols = s.layout.columns
        if s in sure or not sure or "price" not in cols or cols.keys() & {"quantity", "amount", "likely"}:
            continue
        if s.check is not None and s.check.stated is not None:
            continue
        s.role = "analysis"
        s.reason = (
            f"a price list (unit prices with no quantity or amount column, no total) beside {sure[0].name}, "
            f"whose total {sure[0].check.cell if sure[0].check else ''} reconciles: prices to look up, "
            "not cost lines"
        )


def _in_total_row(o: SheetOutcome, figure: Decimal) -> str | None:
    """The cell of `o`'s closing total row, outside its amount column, that holds `figure`."""
    assert o.result is not None and o.layout is not None
    n = len(o.result.lines)
    ai = o.layout.columns.get("amount", -1)
    hr = o.layout.header_row
    head = o.raw.rows[hr] if hr is not None and hr < len(o.raw.rows) else []
    # a column headed as no money (差异, Actual, 备注) holds no cost another sheet could calculate
    notes = {
        c for c, h in enumerate(head) if (found := classify_header(h)) is not None and found[0] == "notes"
    }
    for top in o.result.totals:
        if top.lines != n or top.row < 0 or closing_total([top], n) is None:
            continue
        for c, v in enumerate(o.raw.rows[top.row]):
            if (
                c != ai
                and c not in notes
                and type(v) in (int, float)
                and abs(Decimal(repr(float(v))) - figure) <= Decimal("0.01")
            ):
                return f"{sheet_ref(o.name)}!{col_letter(c)}{top.row + 1}"
    return None


def mark_plain_summaries(outcomes: list[SheetOutcome]) -> None:
    """A sheet without a cost table whose figures repeat a cost sheet's total (a General Abstract:
    PART A … Rs. 3,575,752) is a summary, not an unreadable sheet."""
    totals = {}
    for o in outcomes:
        if o.role == "cost detail" and o.check is not None:
            for t in (o.check.imported, o.check.stated):
                if t:
                    totals[t] = o.name
    if not totals:
        return
    for o in outcomes:
        if o.role != "not a cost table":
            continue
        found = sorted(
            {
                name
                for row in o.raw.rows
                for v in row
                if isinstance(v, (int, float)) and not isinstance(v, bool)
                for t, name in totals.items()
                if abs(Decimal(repr(float(v))) - t) <= Decimal("0.01")
            }
        )
        if found:
            o.role, o.covers = "summary", found
            o.reason = "repeats the total of " + ", ".join(found) + "; not imported again"


def _repeats_rows(s: SheetOutcome, others: list[SheetOutcome]) -> bool:
    """Most of this sheet's lines (description and quantity) are lines of the other sheets."""
    seen = {(ln.description, ln.quantity) for o in others if o.result for ln in o.result.lines}
    lines = s.result.lines if s.result else []
    hits = sum((ln.description, ln.quantity) in seen for ln in lines)
    return len(lines) >= 3 and hits * 2 >= len(lines)


def _covered(s: SheetOutcome, others: list[SheetOutcome]) -> list[SheetOutcome]:
    """The other sheets a summary's lines name or whose totals its lines repeat."""
    found = []
    lines = s.result.lines if s.result else []
    for o in others:
        totals = {o.check.imported} if o.check else set()
        if o.check is not None and o.check.stated is not None:
            totals.add(o.check.stated)
        for ln in lines:
            amount = ln.quantity * ln.likely
            named = len(o.name.strip()) >= 3 and ln.description.strip().startswith(o.name.strip())
            if named or any(abs(amount - t) <= Decimal("0.01") for t in totals):
                found.append(o)
                break
    return found


def summary_check(
    summary: SheetOutcome, used: list[SheetOutcome], tables: list[Markup] | tuple[Markup, ...] = ()
) -> tuple[Reconciliation, list[Markup], bool]:
    """The detail sheets against the summary's total: (reconciliation, the markups it adds up,
    matched). `tables`: the entries of a GB50500 export's markup tables (表-11/12/13)."""
    res = summary.result
    assert res is not None and summary.check is not None
    markups = list(res.markups)
    marked = sum((m.amount for m in markups if m.amount is not None), Decimal(0))
    grand = [t for t in res.totals if t.level == 3]
    if summary.check.stated is not None:
        target, cell = summary.check.stated, summary.check.cell
    elif grand:
        target, cell = grand[-1].amount, grand[-1].cell  # 总造价 above its 其中 rows
    else:
        target = lines_total(res.lines) + marked
        cell = f"{sheet_ref(summary.name)} (the sum of its rows)"
    imported = sum((o.check.imported for o in used if o.check), Decimal(0))
    n = sum(len(o.result.lines) for o in used if o.result)
    tol = tolerance(n + len(res.lines))
    if summary.check.stated is None and not grand:
        inner = _inner_total(res, imported, tol)
        if inner is not None:  # Total above the selling side (Sell Price, Profit, Markup)
            target, cell = inner.amount, inner.cell
            markups = [m for m in markups if _row(m.source) <= inner.row]
            marked = sum((m.amount for m in markups if m.amount is not None), Decimal(0))
    added = sum((m.amount for m in tables if m.amount is not None), Decimal(0))
    # the detail sheets' own markups (shipping rows of a purchase log that the summary's groups add)
    own = sum(
        (m.amount for o in used if o.result for m in o.result.markups if m.amount is not None), Decimal(0)
    )
    for value, basis, found in (
        (imported, "detail sheets", markups),
        (imported + marked, "detail sheets + markups of the summary", markups),
        (imported + added, "detail sheets + the markup tables' entries", list(tables)),
        (imported + own, "detail sheets with their markups", markups),
    ):
        if (found is markups or tables) and abs(target - value) <= tol:
            markups = found
            return (
                Reconciliation(
                    status="matched",
                    imported=value,
                    sheet_total=target,
                    difference=target - value,
                    cell=cell,
                    basis=f"{basis}, against the summary sheet {summary.name}",
                ),
                markups,
                True,
            )
    return (
        Reconciliation(
            status="accepted",
            imported=imported,
            sheet_total=target,
            difference=target - imported,
            cell=cell,
            basis=f"detail sheets against the summary sheet {summary.name}",
        ),
        markups,
        False,
    )


def _inner_total(res: SheetResult, imported: Decimal, tol: Decimal) -> StatedTotal | None:
    """A summary's total row that does not close it (Total, then Sell Price, Profit and Markup
    rows worked out from it) and equals the detail sheets: the figure they are checked against."""
    return next(
        (t for t in reversed(res.totals) if t.level >= 2 and t.row >= 0 and abs(t.amount - imported) <= tol),
        None,
    )


def _row(source: str | None) -> int:
    m = re.search(r"(\d+)$", source or "")
    return int(m.group(1)) - 1 if m else -1


def sheet_problems(
    outcome: SheetOutcome, accept: bool, *, confirmed: bool = False
) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings) of a used sheet's reconciliation. `confirmed`: a summary sheet's total
    settles the sheet. A sheet that states no total must show no sign of a lost or misread row
    (see `confidence`); subtotals that differ from their lines are warnings otherwise."""
    check, result = outcome.check, outcome.result
    if result is None or check is None:
        return [], []
    mismatches = list(result.mismatches)
    if check.stated is None and not confirmed:
        return unconfirmed(outcome.name, result, check.imported, accept)
    if check.stated is None or check.matched:
        return [], mismatches
    message = mismatch_message(check, len(result.lines), sheet_ref(outcome.name))
    problem = Problem(check.cell, message)
    return ([], [problem, *mismatches]) if accept else ([problem], mismatches)


_ROW_CHECKS = (
    "only the rows were checked (amounts = quantity × unit price, subtotals, no unread rows with "
    "figures, one column per field)"
)


def combined(used: list[SheetOutcome], accept: bool) -> Reconciliation:
    """The workbook's reconciliation from its used sheets' own totals."""
    imported = sum((o.check.imported for o in used if o.check), Decimal(0))
    checks = [o.check for o in used if o.check is not None]
    stated = [c for c in checks if c.stated is not None]
    if not stated:
        return Reconciliation(
            status="no stated total",
            imported=imported,
            basis=f"no sheet states a total (合计/总计/Total) to check the lines against; {_ROW_CHECKS}",
        )
    if len(stated) < len(checks):
        missing = [o.name for o in used if o.check is not None and o.check.stated is None]
        return Reconciliation(
            status="no stated total",
            imported=imported,
            basis="these sheets state no total: " + ", ".join(missing) + f"; {_ROW_CHECKS}",
        )
    total = sum((c.stated for c in stated if c.stated is not None), Decimal(0))
    cells = [c.cell or "" for c in stated]
    cell = cells[0] if len(cells) == 1 else " + ".join(cells[:3]) + (" + …" if len(cells) > 3 else "")
    ok = all(c.matched for c in stated)
    basis = ", ".join(sorted({c.basis for c in stated}))
    return Reconciliation(
        status="matched" if ok else "accepted",
        imported=imported,
        sheet_total=total,
        difference=total - imported,
        cell=cell,
        basis=basis,
    )


def _item_names(o: SheetOutcome) -> set[str]:
    lines = o.result.lines if o.result is not None else []
    return {" ".join(ln.description.lower().split()) for ln in lines}


def _imported(o: SheetOutcome) -> Decimal:
    """The sum of the lines imported from one sheet (0 when it was not checked)."""
    return o.check.imported if o.check else Decimal(0)


def added_up(used: list[SheetOutcome]) -> list[Problem]:
    """A warning when the lines of two or more cost sheets are added up and no summary sheet says
    they are parts of one whole: the sum is what the import reports, and versions or options
    listed in other words than each other's would be counted twice."""
    if len({o.name for o in used}) < 2:
        return []  # one sheet, or lists side by side in one sheet (`read_lists`)
    parts = [(o.name, _imported(o)) for o in used]
    shown = " + ".join(f"{name} ({format_money(amount)})" for name, amount in parts[:4])
    more = f" + {len(parts) - 4} more" if len(parts) > 4 else ""
    total = sum((amount for _, amount in parts), Decimal(0))
    first = parts[0][0].replace('"', '\\"')
    return [
        Problem(
            sheet_ref(parts[0][0]),
            f"{len(parts)} cost sheets added up with no summary sheet tying them: {shown}{more} = "
            f"{format_money(total)}; if they are versions or options rather than parts "
            f'(各表为不同版本/方案时请只导入一张), import one with --sheet "{first}"',
        )
    ]


def alternatives(used: list[SheetOutcome]) -> list[Problem]:
    """Two cost sheets that list largely the same items (at least 80 % of each one's item names,
    three or more) with different totals are alternatives (estimate and actual, two versions, two
    options), not parts to add up: a problem per pair naming both sheets and the `--sheet` fix."""
    out: list[Problem] = []
    for i, a in enumerate(used):
        for b in used[i + 1 :]:
            na, nb = _item_names(a), _item_names(b)
            same = len(na & nb)
            if same < 3 or same * 5 < len(na) * 4 or same * 5 < len(nb) * 4:
                continue
            ta, tb = _imported(a), _imported(b)
            if ta == tb:
                continue
            qa, qb = a.name.replace('"', '\\"'), b.name.replace('"', '\\"')
            out.append(
                Problem(
                    sheet_ref(b.name),
                    f"sheets {a.name} ({format_money(ta)}) and {b.name} ({format_money(tb)}) list {same} of the "
                    "same items with different figures: alternatives (estimate and actual, versions, "
                    f'options), not parts to add up; import one with --sheet "{qa}" or --sheet "{qb}"',
                )
            )
    return out
