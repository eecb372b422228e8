"""Turning the rows below a cost table's header into cost lines, markups and the totals the sheet
states.

`rowkinds.classify` says what each row is; `fields.parse_fields` reads a line's cells; this module
keeps the running state: the category from the section headings, the sums each total row is
checked against, the markups, and the lines (continuation rows joined to their item). The sheet's
rows are never modified.

Total rows — 小计 (level 1), 合计 / Total (2), 总计 / Grand total (3), 本页小计 (page) — are not
lines; each is checked against the lines it can cover (since the previous total of its level, since
the start of the sheet or since its section, with or without the markups above it) and a mismatch
with all of them is a warning naming both cells. The totals are kept for the reconciliation.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import compress, groupby
from operator import itemgetter
from typing import Any

from bidassist.core.errors import Problem
from bidassist.core.money import format_money, round_money
from bidassist.costs.fields import PRICE_NOTE, SPECS, RowFields, make_plan, parse_fields
from bidassist.costs.headers import BREAKDOWN_FIELDS, Layout, classify_header, normalize_header
from bidassist.costs.model import CostLine, Markup
from bidassist.costs.plainrows import (
    BLOCK,
    CENT,
    FIELDS,
    HALF_CENT,
    ONE,
    block_figures,
    fast_figures,
    rounded_amount_wins,
)
from bidassist.costs.rowkinds import (
    FIGURE_IN_TEXT,
    LINE,
    SECTION,
    RowKind,
    SheetView,
    blank,
    classify,
    how_summed,
    is_total_row,
    plain_lines,
    section_parts,
    section_total_follows,
    total_level,
)
from bidassist.costs.spread import SpreadTable, three_point
from bidassist.costs.values import (
    _FLOAT_CACHE,
    CellError,
    cell_text,
    float_to_decimal,
    plain_number,
    to_number,
)
from bidassist.costs.workbook import RawSheet, col_letter, sheet_ref

__all__ = ["SheetResult", "StatedTotal", "closing_total", "parse_rows", "total_level"]

#: the plain-row fast path (`_plain_lines`, `plainrows.fast_figures`); off, every row takes the full path
#: (tests hold both to the same lines, totals and messages)
FAST_PATH = True
#: `_blocks`' mark of a run of plain rows on the fast path (read by `_plain_lines`)
_RUN = object()
ZERO = Decimal(0)
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
_ROW_OF = re.compile(r"[A-Z]+(\d+)$")
#: a remarks column (备注, Remarks): a total row may carry its figure there when its amount cell is empty
_REMARKS = re.compile(r"备注|备注说明|说明|remarks?|notes?|comments?", re.I)
#: a label stating its figure is money: 人力总成本（元）, 短信网关 (万元), Licence (USD) — not 元/月
_MONEY_LABEL = re.compile(r"[（(]\s*(?:元|万元|千元|人民币|rmb|cny|usd|us\$|\$|美元)\s*[)）]\s*$", re.I)
_TITLE_TOTAL = re.compile(
    r"^\s*(?P<label>总计|合计|总价|总金额|报价总额|grand\s*total|total)\s*[:：]\s*"
    r"(?P<fig>[¥￥$]?\s*\d[\d,]*(?:\.\d+)?\s*(?:万|元)?)\s*$",
    re.I,
)


@dataclass(frozen=True)
class StatedTotal:
    """A total row: its amount, cell, and what came before it (lines, their sum, markups)."""

    label: str
    level: int
    amount: Decimal
    cell: str
    lines: int  # lines above it
    cum: Decimal  # Σ quantity × unit cost of those lines
    markups: Decimal  # Σ markup amounts above it
    since: int  # the line count at the previous total of the same or a higher level
    row: int = -1  # 0-based row of the total


def closing_total(totals: list[StatedTotal], n: int) -> StatedTotal | None:
    """The sheet's own total: the last total of the highest level among those that close the sheet
    (no line below them) — 合计/总计/Total, or a lone 小计 that covers every line from the first
    (小计（含税） under a quote); a 措施合计 written above its own items is not the sheet's total."""
    tops = [t for t in totals if t.lines == n and (t.level >= 2 or (t.since == 0 and t.lines))]
    restated = {id(t) for t, _, _ in restatements(tops)}
    tops = [t for t in tops if id(t) not in restated]
    if not tops:
        return None
    level = max(t.level for t in tops)
    if level == 1 and any(t.level == 1 and t.since != 0 for t in totals):
        return None  # 小计 after 小计: section subtotals, none of them the sheet's total
    return [t for t in tops if t.level == level][-1]


#: a total stated for a longer period than the one above it (Annual Total under Monthly Total)
_PERIOD_TOTAL = re.compile(
    r"annual|yearly|per\s*(?:year|annum)|/\s*(?:year|yr)|p\.a\.|全年|年度|每年|年合计|年总"
)
_PERIODS = (Decimal(12), Decimal(4), Decimal(52), Decimal(365))


def restatements(tops: list[StatedTotal]) -> list[tuple[StatedTotal, StatedTotal, Decimal]]:
    """(total, the total it restates, factor) for each closing total labelled for a longer period
    (Annual Total, 全年合计) that is exactly 12, 4, 52 or 365 times the closing total right above it:
    the same lines counted per year, not a second figure for them to add up to."""
    out = []
    for prev, t in zip(tops, tops[1:], strict=False):
        if not prev.amount or not _PERIOD_TOTAL.search(t.label.lower()):
            continue
        for k in _PERIODS:
            if abs(prev.amount * k - t.amount) <= CENT * k:
                out.append((t, prev, k))
                break
    return out


@dataclass
class SheetResult:
    lines: list[CostLine] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    markups: list[Markup] = field(default_factory=list)
    totals: list[StatedTotal] = field(default_factory=list)
    #: priced lines with no description: kept only when the sheet's stated total proves they belong
    nameless: list[Problem] = field(default_factory=list)
    #: readings that stand only if the sheet's stated total agrees (an empty lump amount read as a
    #: zero line, `2190.2 每年` read as one period's amount); errors otherwise
    provisional: list[Problem] = field(default_factory=list)
    #: rows named as items that carry no money at all (a quantity, no unit price, no amount): not
    #: cost lines; errors only when the sheet's stated total differs (`sheets._settle_unpriced`)
    unpriced: list[Problem] = field(default_factory=list)
    #: lump rows read as headings because their amount is the sum of the rows below (`_headed`):
    #: warnings when the sheet's stated total agrees, errors otherwise
    headed: list[Problem] = field(default_factory=list)
    #: (line index, amount ÷ quantity) of single-price lines whose amount cell disagrees with
    #: quantity × unit price: used instead when the stated total adds up the amounts
    alternatives: list[tuple[int, Decimal]] = field(default_factory=list)
    item_rows: int = 0  # rows read as cost lines (valid or not)
    priced_rows: int = 0  # of those, rows with any price or amount
    #: (amount cell, |quantity × unit price − amount|) of lines whose amount disagrees beyond rounding
    amount_diffs: list[tuple[str, Decimal]] = field(default_factory=list)
    #: subtotals and section amounts that differ from their lines (warnings; errors when the sheet
    #: states no total to settle it, see `confidence`)
    mismatches: list[Problem] = field(default_factory=list)
    #: problems in rows below the sheet's own total: warnings when that total reconciles
    trailing: list[Problem] = field(default_factory=list)
    #: rows whose amount is the sum of the rows below, read as items (`rowkinds._item_like_head`):
    #: warnings, saying so when the sheet's stated total agrees
    item_heads: list[Problem] = field(default_factory=list)
    #: rows between the header and the last line holding figures that were not read (0-based)
    unread: list[int] = field(default_factory=list)
    #: (line cell, field, other column's cell) where a second column of the same field holds a
    #: different figure
    rivals: list[tuple[str, str, str]] = field(default_factory=list)
    #: 0-based rows read as lump sums (an amount with no quantity and no unit price in a sheet that
    #: has a quantity column): candidates for markups between a block's subtotal and its total
    lumps: set[int] = field(default_factory=set)
    #: indexes of lines priced as quantity × unit price whose amount cell is empty in a sheet with an
    #: amount column: left out when the sheet's stated total reconciles only without them
    unstated: list[int] = field(default_factory=list)
    #: 0-based row of the first note (NOTES:, 注：) below a line with figures further down: where
    #: the table may end (`sheets.cut_at_note`)
    note_row: int | None = None


@dataclass
class _Mark:
    """The running sums at a point: sheet amounts, model amounts, markups, line count."""

    cum: Decimal = ZERO
    model: Decimal = ZERO
    markups: Decimal = ZERO
    lines: int = 0


def parse_rows(raw: RawSheet, layout: Layout, spreads: SpreadTable, *, unpriced: bool = False) -> SheetResult:
    """All cost lines of one sheet below its header, with markups, stated totals, every problem and
    warning. `unpriced`: a bill of quantities without prices (lines get unit cost 0, priced False)."""
    return _Parser(raw, layout, spreads, unpriced).run()


class _Parser:
    def __init__(self, raw: RawSheet, layout: Layout, spreads: SpreadTable, unpriced: bool) -> None:
        self.raw, self.layout, self.spreads, self.unpriced = raw, layout, spreads, unpriced
        self.view = SheetView(raw, layout)
        self.cols = layout.columns
        self.prefix = sheet_ref(raw.name) + "!"
        self.first_letter = col_letter(min(self.cols.values()))
        self.line_ref = self.prefix + self.first_letter  # a line's source without its row number
        self.plan = make_plan(self.cols)
        self.gi = self.cols.get("category")
        self.has_breakdown = any(
            spec.kind == "money" and spec.name not in ("price", "amount", "likely") for spec, *_ in self.plan
        )
        #: lines without spreads or components can take the fast path (`_fast_cost`)
        self.fast_ok = FAST_PATH and not spreads and "quantity" in self.cols and not self.has_breakdown
        self.lump_only = "amount" in self.cols and not _RATE_FIELDS & self.cols.keys()
        self.rivals = layout.rivals
        #: the plain path reads the number columns in one pass when the plan holds nothing else
        names = [spec.name for spec, *_ in self.plan]
        self.plain_names = tuple(names)
        self.plain_cols = (
            itemgetter(*[c for _, c, *_ in self.plan])
            if len(names) >= 2 and set(names) <= _PLAIN_FIELDS
            else None
        )
        self.out = SheetResult()
        self.scales = {f: k for f, (k, _) in layout.scales.items()}
        if self.scales:
            self.plain_cols = None  # scaled figures take the full path
            for fld, (k, found) in layout.scales.items():
                cell, text = found.split("\t", 1)
                self.out.warnings.append(
                    Problem(
                        cell,
                        f"the header 「{text}」 gives the {fld} figures in units of {k:,}: they are "
                        f"multiplied by {k:,} to yuan"
                        + ("; each is one period's amount" if "/" in text else ""),
                    )
                )
        self.bad_cells = self._bad_cells()
        #: columns headed as something other than money (备注, % of Total, 小计（立方）)
        top = layout.header_row
        heads = raw.rows[top] if top is not None and top < len(raw.rows) else []
        self.not_money = frozenset(
            c
            for c, v in enumerate(heads)
            if (named := classify_header(v)) is not None and named[0] == "notes"
        )
        self.remarks = frozenset(c for c, v in enumerate(heads) if _REMARKS.fullmatch(normalize_header(v)))
        self.category: str | None = None
        self.top_style: str | None = None
        self.now = _Mark()
        self.resets = {1: _Mark(), 2: _Mark(), 3: _Mark()}
        self.page = _Mark()
        self.section = _Mark()
        self.section_head: tuple[int, object] | None = None  # heading row and its amount
        #: the row of each line (an array: no int object a line, 32 bytes at the import's peak)
        self.line_rows = array("q")
        self.pending_prefix: tuple[str, str] | None = None
        #: rows with a quantity and no price, held until the next priced row: when its quantity is
        #: their sum they are its measurements (Foundation work 4,412.88 + Approaches 3,220.00)
        self.measures: list[tuple[int, list, Decimal]] = []
        self.amount_slack = ZERO  # Σ |quantity × unit cost − amount cell| over lines (rounding)
        self.skipped = False  # the row just read carries no money (`_unpriced`)
        self.flushing = False  # held measurement rows are being read as lines (`_flush_measures`)
        self.parameters: list[tuple[int, str]] = []  # rows of parameters (`_parameter`)
        self.ended = False  # another table starts below the sheet's own total (`_header_again`)

    # ------------------------------------------------------------------ driver

    def run(self) -> SheetResult:
        handlers = {
            "line": self._line,
            "total": self._total,
            "page total": self._page_total,
            "section": self._section,
            "markup": self._markup,
            "continuation": self._continuation,
            "prefix": self._prefix,
            "unlabelled": self._unlabelled,
            "example": self._example,
            "unit row": self._unit_row,
            "header": self._header_again,
        }
        rows = self.raw.rows
        end = len(rows) if self.layout.last_row is None else min(len(rows), self.layout.last_row + 1)
        hidden = self.raw.hidden_rows
        prev = "start"
        for r, row, plain, figures in self._blocks(self.layout.data_start, end):
            if plain is _RUN:
                self._plain_lines(r, row, figures)
                prev = "line"
                continue
            if r in hidden:
                if not all(blank(v) for v in self.view.all_of(row)):
                    self.out.warnings.append(
                        Problem(
                            f"{self.prefix}{self.first_letter}{r + 1}",
                            "hidden row skipped (unhide it to import it)",
                        )
                    )
                    if self._has_figures(row, BLANK_KIND):
                        self.out.unread.append(r)
                continue
            if plain:
                kind = LINE_KIND  # off the fast path (on it, plain rows come in runs)
            else:
                kind = classify(self.view, r, row, prev)
            if self._ends(r, kind):
                break
            if kind.kind == "note" and self.out.note_row is None and self.now.lines:
                self.out.note_row = r
            if kind.kind not in _KEEPS_MEASURES:
                self._flush_measures()
            handler = handlers.get(kind.kind)
            if handler is not None:
                handler(r, row, kind)
                if self.ended:
                    break
            if kind.kind in _UNREAD_KINDS and self._has_figures(row, kind):
                self.out.unread.append(r)
            if kind.kind != "blank":
                prev = kind.kind
        self._flush_measures()
        self._close_section()
        self._total_column()
        self._title_total()
        self._set_aside_trailing()
        self._note_restatements()
        self._note_parameters()
        for r, note in self.view.item_heads.items():
            self.out.item_heads.append(Problem(self._cell(self.view.ai, r), note))
        last = self.line_rows[-1] if self.line_rows else -1
        self.out.unread = [r for r in self.out.unread if r < last]
        return self.out

    def _blocks(self, start: int, end: int) -> Iterator[tuple[Any, Any, Any, Any]]:
        """Rows start..end-1 as (row number, row, plain, figures), read BLOCK rows at a time:
        `plain` as `is_plain_line` decides (False for a hidden row), `figures` a plain row's
        `fast_figures` read column by column (`_block_figures`), None where the row is read alone.
        On the fast path consecutive plain rows come as one item, (row numbers, rows, `_RUN`,
        figures), for `_plain_lines`."""
        view, hidden = self.view, self.raw.hidden_rows
        for first in range(start, end, BLOCK):
            numbers = range(first, min(first + BLOCK, end))
            rows = view.rows(first, numbers.stop)
            plain = plain_lines(view, rows)
            if hidden:
                plain = [p and r not in hidden for r, p in zip(numbers, plain, strict=True)]
            figures = self._block_figures(rows, plain)
            if not self.fast_ok:
                yield from zip(numbers, rows, plain, figures, strict=True)
                continue
            i = 0
            for p, run in groupby(plain):
                j = i + sum(1 for _ in run)
                if p:
                    yield numbers[i:j], rows[i:j], _RUN, figures[i:j]
                else:
                    yield from zip(numbers[i:j], rows[i:j], plain[i:j], figures[i:j], strict=True)
                i = j

    def _block_figures(self, rows: list[list], plain: list[bool]) -> list[tuple | None]:
        if not self.fast_ok or self.plain_cols is None:
            return [None] * len(rows)
        figures = block_figures(self.plain_names, list(map(self.plain_cols, compress(rows, plain))))
        if len(figures) == len(rows):
            return figures  # every row plain
        read = iter(figures)
        return [next(read) if p else None for p in plain]

    def _total_column(self) -> None:
        """A total written in a column of its own beside the table (H1 「合计」 over one figure, H2
        593.97 = Σ F2:F5) when no total row closes the table: the sheet's stated total, and that
        column is no second amount column. A figure that is not the sum of the lines stays a rival."""
        n, top = len(self.out.lines), self.layout.header_row
        if not n or top is None or closing_total(self.out.totals, n) is not None:
            return
        for c in self.layout.rivals.get("amount", []):
            if total_level(cell_text(self.raw.rows[top][c])) < 2:
                continue
            found = _only_entry(self.raw.rows, c, top + 1)
            if found is None or not _is_figure(found[1]):
                continue
            r, v = found
            try:
                amount = self._in_yuan(c, to_number(v, "total"))
            except CellError:
                continue
            if amount is None or not self._matches(amount, self._spans(_Mark())):
                continue
            cell = self._cell(c, r)
            self.out.rivals = [x for x in self.out.rivals if x[2] != cell]
            now = self.now
            label = f"{cell_text(self.raw.rows[top][c])} (column {col_letter(c)})"
            self.out.totals.append(StatedTotal(label, 3, amount, cell, n, now.model, now.markups, 0))
            return

    def _title_total(self) -> None:
        """A total written in the title block above the header (L1 「总计：1023.35」) when no total
        row closes the table: the sheet's stated total."""
        n, top = len(self.out.lines), self.layout.header_row
        if not n or top is None or closing_total(self.out.totals, n) is not None:
            return
        for r in range(top):
            for c, v in enumerate(self.raw.rows[r]):
                m = _TITLE_TOTAL.match(v) if type(v) is str else None
                if m is None:
                    continue
                try:
                    amount = to_number(m.group("fig"), "total")
                except CellError:
                    continue
                if amount is not None:
                    cell = f"{self._cell(c, r)} (above the table)"
                    now = self.now
                    self.out.totals.append(
                        StatedTotal(m.group("label"), 3, amount, cell, n, now.model, now.markups, 0)
                    )
                    return

    def _note_restatements(self) -> None:
        n = len(self.out.lines)
        tops = [t for t in self.out.totals if t.lines == n and t.level >= 2]
        for t, prev, k in restatements(tops):
            self.out.warnings.append(
                Problem(
                    t.cell,
                    f"{t.label} {format_money(t.amount)} is {k} × {prev.label} {format_money(prev.amount)} "
                    f"({prev.cell}): the same lines for a longer period; the lines are checked against {prev.cell}",
                )
            )

    def _set_aside_trailing(self) -> None:
        """Problems in rows below the sheet's own total (negotiation notes, 可接受价 300万 7.9折):
        outside the table when that total reconciles (`trailing`, settled in `sheets`)."""
        closing = closing_total(self.out.totals, len(self.out.lines))
        if closing is None or closing.row < 0:
            return
        keep: list[Problem] = []
        for p in self.out.problems:
            m = _ROW_OF.search(p.where or "")
            (self.out.trailing if m and int(m.group(1)) - 1 > closing.row else keep).append(p)
        self.out.problems[:] = keep

    def _has_figures(self, row: list, kind: RowKind) -> bool:
        """A row not read as a line that holds a figure other than its numbering: a price, quantity
        or amount the import may have lost (a section's own amount is checked elsewhere)."""
        view = self.view
        skip = view.ai if kind.kind == "section" else -1
        return any(
            c != skip and v != 0 and _is_figure(v)
            for c, v in enumerate(row[view.di + 1 : view.width], start=view.di + 1)
        )

    def _bad_cells(self) -> set[tuple[int, int]]:
        """Formula cells without a saved value, and error cells, in the table's columns."""
        bad: set[tuple[int, int]] = set()
        cols = set(self.cols.values())
        start, hidden, problems = self.layout.data_start, self.raw.hidden_rows, self.out.problems
        for (r, c), formula in sorted(self.raw.uncached.items()):
            if r >= start and c in cols and r not in hidden:
                bad.add((r, c))
                problems.append(
                    Problem(
                        f"{self.prefix}{col_letter(c)}{r + 1}",
                        f'formula "={formula}" has no saved value (the file was written by a program and never '
                        "opened in a spreadsheet): open it in Excel/WPS/LibreOffice and save it, or write "
                        "values instead of formulas",
                    )
                )
        for (r, c), err in sorted(self.raw.errors.items()):
            if r >= start and c in cols and r not in hidden:
                bad.add((r, c))
                problems.append(
                    Problem(
                        f"{self.prefix}{col_letter(c)}{r + 1}",
                        f"the cell shows the formula error {err}; fix the formula",
                    )
                )
        return bad

    def _problem(self, c: int, r: int, message: str) -> None:
        if (r, c) not in self.bad_cells:
            self.out.problems.append(Problem(f"{self.prefix}{col_letter(c)}{r + 1}", message))

    def _cell(self, c: int, r: int) -> str:
        return f"{self.prefix}{col_letter(c)}{r + 1}"

    def _mark(self) -> _Mark:
        n = self.now
        return _Mark(n.cum, n.model, n.markups, n.lines)

    # ------------------------------------------------------------------ lines

    def _plain_lines(self, numbers: range, rows: list[list], figures: list[tuple | None]) -> None:
        """Consecutive plain rows on the fast path (no held rows, a name, clean cells, the amount
        agreeing): each row's figures read with its block's (`_blocks`) and its line built
        directly, what stays fixed over the run read once; any other row goes to `_line` with the
        cells already read. The running sums and counts of the lines built here are kept in
        locals and handed to the parser's (`_built`) before such a row and at the run's end."""
        view, out, now = self.view, self.out, self.now
        di, ci, ui, gi, ai = view.di, view.ci, view.ui, self.gi, view.ai
        lines, line_rows, line_ref, trusted = out.lines, self.line_rows, self.line_ref, CostLine.trusted
        held = bool(self.measures) or self.pending_prefix is not None
        cum, model, built = now.cum, now.model, 0
        for r, row, fast in zip(numbers, rows, figures, strict=True):
            desc = row[di].strip()
            if fast is None or not desc or held:
                self._built(cum, model, built)
                built = 0
                cells = self._plain_numbers(row) if self.plain_cols is not None else None
                self._line(r, row, LINE_KIND, fields=None if cells is None else RowFields(cells))
                cum, model = now.cum, now.model
                held = bool(self.measures) or self.pending_prefix is not None
                continue
            code = row[ci]
            code = code.strip() if type(code) is str else cell_text(code)
            unit = row[ui]
            unit = unit.strip() if type(unit) is str else cell_text(unit)
            # `_category`, inline (once a line)
            category = row[gi] if gi is not None else ""
            category = (category.strip() if type(category) is str else cell_text(category)) or self.category
            qty, likely, low, high, dist, amount, line_total, alternative = fast
            if alternative is not None:
                out.alternatives.append((len(lines), alternative))
            cum += line_total if amount is None else amount
            model += line_total
            built += 1
            if amount is None and line_total and ai >= 0:
                out.unstated.append(len(lines))  # an empty amount cell (see `_counted_line`)
            source = f"{line_ref}{r + 1}"
            category = category or None
            lines.append(
                trusted(
                    code or None, desc, unit or None, qty, low, likely, high, dist, category, False, source
                )
            )
            line_rows.append(r)
            if self.rivals:
                self._check_rivals(r, row)
        self._built(cum, model, built)

    def _built(self, cum: Decimal, model: Decimal, count: int) -> None:
        """The running sums after `count` more lines built by `_plain_lines`, into the parser's."""
        now, out = self.now, self.out
        now.cum, now.model = cum, model
        now.lines += count
        out.item_rows += count
        out.priced_rows += count

    def _plain_numbers(self, row: list) -> dict[str, Decimal] | None:
        """The number cells of a plain row when all are spreadsheet numbers, numbers typed as
        plain ASCII text (`36.5`, `1,234.50`: read alike by every field's reader) or blank (the
        profile's hot spot: one pass, no per-field reader); None sends the row to `parse_fields`."""
        numbers = {}
        cached = _FLOAT_CACHE.get
        try:
            for name, v in zip(self.plain_names, self.plain_cols(row), strict=True):  # type: ignore[misc]  # only called when set
                if type(v) is float:
                    numbers[name] = cached(v) or float_to_decimal(v)
                elif v != "":
                    d = plain_number(v) if type(v) is str else None
                    if d is None:
                        return None
                    numbers[name] = d
        except CellError:
            return None
        return numbers

    def _line(
        self, r: int, row: list, kind: RowKind, *, hold: bool = True, fields: RowFields | None = None
    ) -> None:
        if fields is None:
            fields = parse_fields(row, self.plan)
        if blank(row[self.view.di]) and self._nameless_total(r, row):
            return
        if self.layout.unit_labels and self._parameter(r, row):
            return
        self._as_written(r, row, fields)
        self._quantity_as_note(r, row, fields)
        if self._zero_heading(r, row, fields) or self._only_words(r, fields):
            return
        priced = self._priced(fields)
        if self._no_money(r, row, fields, priced, hold):
            return
        if self.measures:
            # held rows before a priced row with no name of its own (an abstract's measurements)
            # that do not add up to it stay errors; before a named item they are unpriced items
            self._settle_measures(
                fields.numbers.get("quantity") if priced else None, strict=priced and blank(row[self.view.di])
            )
        out = self.out
        out.item_rows += 1
        if priced:
            out.priced_rows += 1
        code, desc = self._names(row)
        if not desc and "amount" in self.cols and "amount" not in fields.numbers and not fields.problems:
            # 5788 × 1 under 全屋净水直饮水 9634: a part of the item above, whose amount holds it
            self._unpriced(r, "no description and no amount")
            return
        before = len(self.out.problems)
        nameless = None
        if not desc:
            nameless = Problem(self._cell(self.view.di, r), "description is empty")
            desc = f"(no description) {code}".strip()
        for c, message in fields.problems:
            self._problem(c, r, message)
        self.skipped = False
        line = self._build(r, row, code, desc, fields) if len(self.out.problems) == before else None
        if line is None:
            if nameless is not None and (r, self.view.di) not in self.bad_cells and not self.skipped:
                self.out.problems.insert(before, nameless)
            return
        if nameless is not None:
            self.out.nameless.append(nameless)
        self.out.lines.append(line)
        self.line_rows.append(r)
        if self.rivals:
            self._check_rivals(r, row)

    def _only_words(self, r: int, fields: RowFields) -> bool:
        """A row whose money cells hold only words (MATERIALS | … | PROPOSE | ACTUAL): an unpriced
        item at most (settled against the sheet's total), never a zero line."""
        if not fields.words or fields.numbers or fields.problems:
            return False
        shown = ", ".join(repr(text) for _, text, _ in fields.words[:3])
        self._unpriced(r, f"only words in its money cells ({shown}), no figure")
        return True

    def _zero_heading(self, r: int, row: list, fields: RowFields) -> bool:
        """A second heading of a sheet whose first heading carries no figures (Circuit Part, then
        Material Part with formula zeros =E9*0.65 = 0): a name with no quantity, only zero money and
        a priced item under it is a heading like the first, not a zero line."""
        numbers = fields.numbers
        if (
            self.category is None
            or "quantity" not in self.cols
            or "quantity" in numbers
            or fields.problems
            or not numbers
            or any(numbers.values())
            or not cell_text(row[self.view.di])
        ):
            return False
        code, desc = cell_text(row[self.view.ci]), cell_text(row[self.view.di])
        parts = section_parts(code, desc)
        if (parts[0] if parts else "none") != self.top_style:
            return False  # 1.2 Project Sponsor | | 0 under 1. Project Management: an item of it
        ai = self.view.ai
        below = next((k for k in range(r + 1, min(r + 4, len(self.raw.rows))) if any(self.raw.rows[k])), None)
        if ai < 0 or below is None:
            return False
        nxt = self.raw.rows[below]
        if not (ai < len(nxt) and _is_figure(nxt[ai]) and nxt[ai]):
            return False
        self._section(r, row, RowKind("section", cell_text(row[self.view.di]), 0))
        self.section_head = None  # its zeros are formulas over nothing, not a subtotal to check
        self.out.headed[:] = [p for p in self.out.headed if p.where != self._cell(ai, r)]
        return True

    def _parameter(self, r: int, row: list) -> bool:
        """Under a generic value column (预算项目 | 数据) a row is money only when its label states a
        currency (人力总成本（元）); 人数 3, 工期（人月） 3.5 or 月均成本（元/月） 6000 are the
        parameters of a calculation, not cost lines (listed in one warning; read as unread rows, so
        that only a stated total that agrees lets the sheet import)."""
        label = cell_text(row[self.view.di])
        if _MONEY_LABEL.search(label):
            return False
        self.parameters.append((r, label))
        self.out.unread.append(r)
        return True

    def _note_parameters(self) -> None:
        if not self.parameters:
            return
        shown = ", ".join(f"{label[:16]} (row {r + 1})" for r, label in self.parameters[:5])
        more = f" … ({len(self.parameters)} in all)" if len(self.parameters) > 5 else ""
        self.out.warnings.append(
            Problem(
                self._cell(self.view.di, self.parameters[0][0]),
                f"{shown}{more}: the label states no money unit (元), so the figure is a parameter of the "
                "calculation, not a cost line; only rows labelled in 元 are read",
            )
        )

    def _nameless_total(self, r: int, row: list) -> bool:
        """A row with figures and no name whose amount is the sum of every line above it (`13 |  |
        138.5 | 2,112.13` under tasks 1–12: the hours and the cost added up): the sheet's unlabelled
        total, never a line."""
        if not self.now.lines or self.pending_prefix is not None or self._beside_description(row):
            return False
        value, _ = self._row_amount(row, r)
        if not value or not self._matches(value, self._spans(self.resets[2], _Mark())):
            return False
        self._total(r, row, RowKind("total", "unlabelled total", 2))
        return True

    def _quantity_as_note(self, r: int, row: list, fields: RowFields) -> None:
        """In a sheet of amounts without unit prices the quantity makes no money: one that is not a
        number (`16/40` used of a pack of 40) is kept as a note and the amount stands as 1 × amount."""
        qi = self.cols.get("quantity", -1)
        if (
            "amount" not in fields.numbers
            or not _PRICE_FIELDS.isdisjoint(self.cols)
            or self.has_breakdown
            or not fields.problems
            or any(c != qi for c, _ in fields.problems)
        ):
            return
        fields.problems = []
        fields.numbers["quantity"] = ONE
        self.out.warnings.append(
            Problem(
                self._cell(qi, r),
                f"quantity {cell_text(row[qi])!r} is not a number; the sheet has no unit price column, so "
                "the line is its amount (1 × amount) and the quantity is only a note",
            )
        )

    def _priced(self, fields: RowFields) -> bool:
        return not _PRICE_KEYS.isdisjoint(fields.numbers) or (
            self.has_breakdown and fields.breakdown() is not None
        )

    def _as_written(self, r: int, row: list, fields: RowFields) -> None:
        """Figures as the sheet means them: scaled to yuan by the header (万元), an amount with its
        period, an approximate figure (each noted, held by the stated total)."""
        for name, k in self.scales.items():
            if name in fields.numbers:
                fields.numbers[name] *= k
        self._periodic_amount(r, row, fields)
        for name, text, read in fields.words:
            # a nil word is a stated zero; a note (included, see below) hides where the money is:
            # it stands only when the sheet's stated total agrees (`provisional`)
            kept = self.out.warnings if read.startswith("0") or read == PRICE_NOTE else self.out.provisional
            kept.append(
                Problem(self._cell(self.cols[name], r), f"{SPECS[name].label} {text!r} is read as {read}")
            )
        for name, text, unit in fields.per_unit:
            self._per_unit(r, fields, name, text, unit)
        for name, text in fields.approx:
            self.out.provisional.append(
                Problem(
                    self._cell(self.cols[name], r),
                    f"{SPECS[name].label} {text!r} is approximate: read as {fields.numbers[name]}",
                )
            )

    def _per_unit(self, r: int, fields: RowFields, name: str, text: str, unit: str) -> None:
        """Money written per unit (`￥0.73/h`, `7200/per camp`): a unit price as its figure; an amount
        as the money of one unit when the line has no other quantity (or its quantity × unit price
        is that figure), else held by the stated total (`provisional`)."""
        if name != "amount":
            return
        n = fields.numbers
        qty, price = n.get("quantity"), n.get("price", n.get("likely"))
        one = qty in (None, ONE) or (price is not None and qty * price == n[name])
        note = Problem(
            self._cell(self.cols[name], r),
            f"amount {text!r} is money per {unit}: read as {n[name]}"
            + (f" (one {unit})" if qty in (None, ONE) else ""),
        )
        (self.out.warnings if one else self.out.provisional).append(note)

    def _no_money(self, r: int, row: list, fields: RowFields, priced: bool, hold: bool) -> bool:
        """Rows that are no cost line because they carry no money: a rate with a nil amount, a
        quantity held as the next item's measurement, a component note with no amount, an unpriced
        item with a quantity such as 若干. True when the row is dealt with."""
        numbers = fields.numbers
        if (
            "quantity" not in numbers
            and numbers.get("amount") == ZERO
            and "quantity" in self.cols
            and any(numbers.get(f) for f in _PRICE_FIELDS)
            and not fields.problems
        ):
            # a rate quoted without a quantity and with a nil amount (a vendor's price list), unless
            # it is one such row among bought items (=C9*D9 with C9 left empty): a zero-amount line
            if not self._nil_among_items(r):
                return True
            numbers["quantity"] = ZERO
            self.out.warnings.append(
                Problem(
                    self._cell(self.cols["quantity"], r),
                    "quantity is empty and the amount is 0: a zero-amount line (0 × the unit price)",
                )
            )
            return False
        if not priced and hold and not self.unpriced and "quantity" in numbers and not fields.problems:
            self.measures.append((r, row, numbers["quantity"]))
            return True
        if fields.problems and self.has_breakdown and self._component_notes(r, fields):
            return True
        qi = self.cols.get("quantity", -1)
        if not priced and fields.problems and not self.unpriced and all(c == qi for c, _ in fields.problems):
            # 垫片 | 若干 and no price: an item nobody priced, not a cost line with a bad quantity
            self.out.item_rows += 1
            self._unpriced(r, f"quantity {cell_text(row[qi])!r} and no price", qi, money=False)
            return True
        return False

    def _nil_among_items(self, r: int) -> bool:
        """The row above was read as a line and the row below is an item with a quantity or the
        total: a single quantity-less row inside a list of bought items, not a list of rates."""
        rows, qi = self.raw.rows, self.cols["quantity"]
        above = next((k for k in range(r - 1, max(r - 3, -1), -1) if any(rows[k])), None)
        if above is None or not self.line_rows or self.line_rows[-1] != above:
            return False
        below = next((k for k in range(r + 1, min(r + 3, len(rows))) if any(rows[k])), None)
        if below is None:
            return False
        row = rows[below]
        return (qi < len(row) and _is_figure(row[qi]) and bool(row[qi])) or is_total_row(row)

    def _names(self, row: list) -> tuple[str, str]:
        """The row's code and description (the text waiting from the row above, the name in the
        second name column or beside an empty description)."""
        view = self.view
        code, desc = row[view.ci], row[view.di]
        code = code.strip() if type(code) is str else cell_text(code)
        desc = desc.strip() if type(desc) is str else cell_text(desc)
        if self.pending_prefix is not None:
            p_code, p_desc = self.pending_prefix
            self.pending_prefix = None
            if not code:
                code, desc = p_code, f"{p_desc} {desc}".strip()
        return code, desc or self._beside_description(row)

    def _periodic_amount(self, r: int, row: list, fields: RowFields) -> None:
        """An amount written with its period (`2190.2 每年`, `1,200 per month`): one period's amount,
        kept only if the sheet's stated total counts it so (`provisional`)."""
        ai = self.cols.get("amount", -1)
        if not fields.problems or ai < 0:
            return
        text = row[ai]
        m = _PERIODIC.match(text) if type(text) is str else None
        if m is None or not any(c == ai for c, _ in fields.problems):
            return
        fields.problems = [(c, msg) for c, msg in fields.problems if c != ai]
        fields.numbers["amount"] = Decimal(m.group(1).replace(",", ""))
        self.out.provisional.append(
            Problem(self._cell(ai, r), f"amount {text!r} read as {m.group(1)} for one period ({m.group(2)})")
        )

    def _check_rivals(self, r: int, row: list) -> None:
        """A second column headed like a used one (two 合价 columns) that holds another figure on
        this line: which one is the line's money is not known."""
        for fld, others in self.layout.rivals.items():
            mine = row[self.cols[fld]]
            for c in others:
                v = row[c] if c < len(row) else ""
                if (type(v) is float or type(v) is int) and v != mine:
                    self.out.rivals.append((self._cell(self.cols[fld], r), fld, self._cell(c, r)))
                    return

    def _settle_measures(self, qty: Decimal | None, *, strict: bool = False) -> None:
        """Held quantity rows: dropped when they add up to this priced row's quantity, else read as
        lines (and reported as such)."""
        total = sum((q for _, _, q in self.measures), ZERO)
        if qty is not None and abs(total - qty) <= CENT * len(self.measures):
            rows = [r for r, _, _ in self.measures]
            self.out.warnings.append(
                Problem(
                    self._cell(self.cols["quantity"], rows[0]),
                    f"{len(rows)} row(s) with a quantity and no price or amount "
                    f"(rows {', '.join(str(r + 1) for r in rows)}) add up to the quantity of the priced "
                    "row below them: read as its measurements, not as cost lines",
                )
            )
            self.measures = []
            return
        self._flush_measures(keep_prefix=True, strict=strict)

    def _flush_measures(self, *, keep_prefix: bool = False, strict: bool = False) -> None:
        """Read the held rows as lines; the item text waiting for a priced row stays for it
        (`keep_prefix`) or is dropped."""
        held, self.measures = self.measures, []
        prefix, self.pending_prefix = self.pending_prefix, None
        self.flushing = strict  # a held quantity row that measures nothing stays an error (`_unpriced`)
        for r, row, _ in held:
            self._line(r, row, LINE_KIND, hold=False)
        self.flushing = False
        if keep_prefix or not held:
            self.pending_prefix = prefix

    def _beside_description(self, row: list) -> str:
        """An empty description with the item's name in the unmapped column next to it (项目 | 具体设备)."""
        used = set(self.cols.values())
        for c in (self.layout.alt_description, self.view.di + 1, self.view.di - 1):
            if 0 <= c < len(row) - 1 and c not in used and type(row[c]) is str and row[c].strip():
                return row[c].strip()
        return ""

    def _build(self, r: int, row: list, code: str, desc: str, f: RowFields) -> CostLine | None:
        fast = self._fast_cost(f) if self.fast_ok else None  # again for a row that was not plain
        if fast is not None:
            return self._fast_line(r, row, code, desc, f, fast)
        cost = self._unit_cost(r, f)
        if cost is None:
            return None
        qty, likely, price_cell, priced = cost
        low, high, dist = self._range(r, f, likely, price_cell, row)
        if dist is None:
            return None
        amount = f.numbers.get("amount")
        self._check_amount(r, qty, f.numbers.get("price", likely), amount, price_cell)
        if (
            amount is not None
            and qty > 0
            and qty * likely != amount
            and not f.percents
            and "low" not in f.numbers
            and "high" not in f.numbers
        ):
            self.out.alternatives.append((len(self.out.lines), amount / qty))
        breakdown = f.breakdown() if self.has_breakdown else None
        values = (qty, likely, low, high, dist)
        return self._counted_line(
            r, row, code, desc, f, values, amount, self._category(row), breakdown, priced
        )

    def _counted_line(
        self,
        r: int,
        row: list,
        code: str,
        desc: str,
        f: RowFields,
        values: tuple,
        amount: Decimal | None,
        category: str | None,
        breakdown: dict | None,
        priced: bool,
    ) -> CostLine:
        """The cost line of row r, counted into the running section totals. `values` is
        (quantity, likely, low, high, distribution)."""
        qty, likely, low, high, dist = values
        line_total = qty * likely
        if amount is None and line_total and self.view.ai >= 0:
            self.out.unstated.append(len(self.out.lines))
        now = self.now
        now.cum += amount if amount is not None else line_total
        now.model += line_total
        now.lines += 1
        return CostLine.trusted(
            code or None,
            desc,
            self._unit_of(r, row, f) or None,
            qty,
            low,
            likely,
            high,
            dist,
            category or None,
            f.risk,
            f"{self.prefix}{self.first_letter}{r + 1}",
            breakdown,
            priced,
        )

    def _unit_of(self, r: int, row: list, f: RowFields) -> str:
        """The unit column's text; the unit typed in the quantity cell (`1.9万㎡`) when the column is
        empty or absent. The two disagreeing is an error: the quantity may be in another unit."""
        unit = row[self.view.ui]
        unit = unit.strip() if type(unit) is str else cell_text(unit)
        for name, _, per in f.per_unit:
            other = unit or f.unit
            if other and not same_unit(other, per):
                # a price per hour beside a quantity in days: only a stated total that agrees (or
                # the line's own amount) tells what the product means (`provisional`)
                self.out.provisional.append(
                    Problem(
                        self._cell(self.cols[name], r),
                        f"the {SPECS[name].label} is written per {per} but the quantity is in {other}: "
                        "write the price per the quantity's unit",
                    )
                )
            unit = unit or per
        if f.unit is None:
            return unit
        if unit and normalize_header(unit) != normalize_header(f.unit):
            self._problem(
                self.cols["quantity"],
                r,
                f"the quantity is written in {f.unit} but the unit column says {unit}: "
                "write the quantity in the unit of the unit column",
            )
        return unit or f.unit

    def _fast_line(self, r: int, row: list, code: str, desc: str, f: RowFields, fast: tuple) -> CostLine:
        category = self.category if self.gi is None else self._category(row)
        if fast[7] is not None:
            self.out.alternatives.append((len(self.out.lines), fast[7]))
        return self._counted_line(r, row, code, desc, f, fast[:5], fast[5], category, None, True)

    def _fast_cost(self, f: RowFields) -> tuple | None:
        """The common line (see `plainrows.fast_figures`); None for every other case, which the full
        path handles."""
        if f.percents or f.distribution is not None:
            return None
        return fast_figures(*map(f.numbers.get, FIELDS))

    def _category(self, row: list) -> str | None:
        gi = self.gi
        if gi is not None:
            own = cell_text(row[gi])
            if own:
                return own
        return self.category

    def _lump(
        self, r: int, amount: Decimal, likely: Decimal | None, price_cell: int, f: RowFields
    ) -> tuple[Decimal | None, Decimal | None, int]:
        """(quantity, likely, its cell) of a row with an amount and no quantity."""
        cols = self.cols
        # no quantity and no unit price, or a nil rate beside a nil amount (Sponsor | | 0 | 0): a lump
        if likely is None or likely == amount == ZERO:
            self.out.lumps.add(r)
            self.out.warnings.append(
                Problem(
                    f"{self.prefix}{self.layout.letter('amount')}{r + 1}",
                    "no quantity and no unit price: taken as a lump sum (1 × amount)",
                )
            )
            return ONE, amount, cols["amount"]
        if amount and not f.problems and (r, cols.get("quantity", -1)) not in self.bad_cells:
            # a unit price and an amount but no quantity: the amount is the money; only a stated
            # total that agrees lets it stand (`provisional`)
            self.out.provisional.append(
                Problem(
                    f"{self.prefix}{self.layout.letter('quantity')}{r + 1}",
                    f"quantity is empty: the line is its amount {format_money(amount)} (1 × amount)",
                )
            )
            return ONE, amount, cols["amount"]
        return None, likely, price_cell

    def _unit_cost(self, r: int, f: RowFields) -> tuple[Decimal, Decimal, int, bool] | None:
        """(quantity, likely unit cost, the cell it came from, priced) or None after a problem."""
        n, cols = f.numbers, self.cols
        qty = n.get("quantity") if "quantity" in cols else ONE
        likely, price = n.get("likely"), n.get("price")
        price_cell = cols.get("likely", -1) if likely is not None or "price" not in cols else cols["price"]
        if likely is None:
            likely = price
        elif price is not None and price != likely:
            self.out.warnings.append(
                Problem(
                    f"{self.prefix}{self.layout.letter('price')}{r + 1}",
                    f"unit price {price} differs from likely {likely} ({self.layout.letter('likely')}{r + 1}); "
                    "likely is used",
                )
            )
        amount = n.get("amount")
        if likely is None and self.has_breakdown and f.breakdown():
            likely = self._from_components(f, qty, amount)
        if qty is None and amount is not None:
            qty, likely, price_cell = self._lump(r, amount, likely, price_cell, f)
        if qty is None:
            if likely is not None and amount is None and not f.problems:
                self._unpriced(r, "a unit price with no quantity and no amount")
                return None
            self._problem(cols["quantity"], r, "quantity is empty")
            return None
        if qty < 0:
            self._problem(cols["quantity"], r, f"quantity {qty} is negative (need ≥ 0)")
            return None
        if likely is None and amount is not None and qty > 0:
            likely, price_cell = amount / qty, cols["amount"]
        if (
            likely is not None
            and amount is not None
            and qty > 0
            and not f.percents
            and "low" not in n
            and "high" not in n
        ):
            likely = rounded_amount_wins(qty, likely, amount)
        if likely is None:
            if self.unpriced:
                return qty, ZERO, price_cell, False
            if amount is None and self.lump_only and not f.problems:
                # an item with an empty amount in a sheet of lump amounts: a zero line while the
                # sheet's stated total reconciles with it (`_settle_empty_amounts`), else an error
                self.out.provisional.append(
                    Problem(self._cell(cols["amount"], r), "amount is empty: read as a zero line")
                )
                return ONE, ZERO, cols["amount"], True
            if amount is None and not f.problems:
                self._unpriced(r, "no unit price and no amount", money=False)
                return None
            if amount == ZERO and qty == ZERO:
                return qty, ZERO, cols["amount"], True  # a nil item (0 × … = 0): a zero line
            c = cols.get("likely", cols.get("price", cols.get("amount", self.view.di)))
            self._problem(c, r, "likely unit cost is empty" if "likely" in cols else "unit price is empty")
            return None
        return qty, likely, price_cell, True

    def _component_notes(self, r: int, fields: RowFields) -> bool:
        """Words in a rate component column (MAT. 「Include in ID (Provisional Sum)」, 「Exclude
        No.Detail」): a note, not a figure. With the line's amount written the component is left out
        (a warning); without one the row is not a cost line (held by the stated total). True when
        the row is set aside."""
        parts = {self.cols[b] for b in BREAKDOWN_FIELDS if b in self.cols}
        notes = [(c, m) for c, m in fields.problems if c in parts]
        if not notes or len(notes) < len(fields.problems):
            return False
        fields.problems = []
        if "amount" in fields.numbers:
            for c, message in notes:
                self.out.warnings.append(
                    Problem(self._cell(c, r), f"{message}: read as a note, the amount stands")
                )
            return False
        self.out.item_rows += 1
        self._unpriced(r, f"{notes[0][1].split(' is not a number')[0]} and no amount", notes[0][0])
        return True

    def _unpriced(self, r: int, why: str, column: int | None = None, *, money: bool = True) -> None:
        """A row that carries no money in a priced sheet (an item not yet quoted, a note with a
        quantity): not a cost line, while the sheet's stated total agrees (`provisional`); a row
        with no figure of money at all (`money` False) is listed in `unpriced`."""
        self.skipped = True
        cols = self.cols
        c = (
            cols.get("likely", cols.get("price", cols.get("amount", self.view.di)))
            if column is None
            else column
        )
        found = Problem(self._cell(c, r), f"{why}: not counted as a cost line")
        (self.out.provisional if money or self.flushing else self.out.unpriced).append(found)

    @staticmethod
    def _from_components(f: RowFields, qty: Decimal | None, amount: Decimal | None) -> Decimal:
        """Only 人工/材料/机械/管理费和利润 columns: their sum is the unit price, unless they add up
        to the line's amount (components given as amounts, not per unit)."""
        total = sum((f.breakdown() or {}).values(), ZERO)
        if amount is not None and qty and qty != ONE and abs(total - amount) <= CENT:
            return amount / qty
        return total

    def _range(
        self, r: int, f: RowFields, likely: Decimal, price_cell: int, row: list
    ) -> tuple[Decimal, Decimal, str | None]:
        low, high, dist = f.numbers.get("low"), f.numbers.get("high"), f.distribution
        if "low" in f.percents:
            pct = f.percents["low"]
            low = likely * (ONE - pct) if likely >= 0 else likely * (ONE + pct)
        if "high" in f.percents:
            pct = f.percents["high"]
            high = likely * (ONE + pct) if likely >= 0 else likely * (ONE - pct)
        if low is None and high is None and dist is None and not self.spreads:
            return likely, likely, "fixed"
        if low is not None and high is not None and dist is None and low < high and low <= likely <= high:
            return low, high, "pert"
        low, high, dist, found = three_point(
            likely, low, high, dist, self.spreads.for_category(self._category(row))
        )
        if found:
            for fld, msg in found:
                self._problem(self.cols.get(fld, price_cell if price_cell >= 0 else self.view.di), r, msg)
            return likely, likely, None
        return low, high, dist

    def _check_amount(
        self, r: int, qty: Decimal, likely: Decimal, amount: Decimal | None, price_cell: int
    ) -> None:
        if amount is None:
            return
        expected = qty * likely
        diff = abs(expected - amount)
        self.amount_slack += min(diff, HALF_CENT)
        if diff > (CENT if qty < 2 else qty * HALF_CENT):
            pcell = col_letter(price_cell) if price_cell >= 0 else "?"
            qcell = self.layout.letter("quantity") if "quantity" in self.cols else "?"
            self.out.amount_diffs.append((f"{self.prefix}{self.layout.letter('amount')}{r + 1}", diff))
            self.out.warnings.append(
                Problem(
                    f"{self.prefix}{self.layout.letter('amount')}{r + 1}",
                    f"amount {format_money(amount)} ≠ quantity × unit price = {format_money(expected)} "
                    f"({qcell}{r + 1} × {pcell}{r + 1})",
                )
            )

    def _continuation(self, r: int, row: list, kind: RowKind) -> None:
        if not self.out.lines or self.line_rows[-1] >= r:
            return
        last = self.out.lines[-1]
        joined = f"{last.description} {kind.label}".strip()
        self.out.lines[-1] = last.replaced(description=joined)

    def _totals_lines_above(self, row: list, r: int) -> bool:
        """The row's amount is the sum of every line read so far (an unlabelled =SUM under the list)."""
        value, _ = self._row_amount(row, r)
        if value is None or value == ZERO or self.now.lines < 2:
            return False
        return bool(self._matches(value, self._spans(self.resets[2], _Mark())))

    def _unit_row(self, r: int, row: list, kind: RowKind) -> None:
        """`cum | per cum` under a line: its unit, when the line has none."""
        if not self.out.lines or self.out.lines[-1].unit:
            return
        last = self.out.lines[-1]
        self.out.lines[-1] = last.replaced(unit=kind.label)

    def _prefix(self, r: int, row: list, kind: RowKind) -> None:
        self.pending_prefix = (cell_text(row[self.view.ci]), kind.label)

    def _example(self, r: int, row: list, kind: RowKind) -> None:
        self.out.item_rows += 1
        self.out.priced_rows += 1
        self._problem(
            self.view.di,
            r,
            "the template's example line (示例 example) is still here: delete the "
            "row, or remove 「示例 example」 from its description to keep it as a line",
        )

    # ------------------------------------------------------------------ totals, sections, markups

    def _row_amount(self, row: list, r: int, *, labelled: bool = False) -> tuple[Decimal | None, int]:
        """The amount a total row states: its amount cell, else the last number in the row outside
        the columns headed as something other than money (% of Total, 备注); `labelled` (a row read
        as a total by its label): the label may stand in the amount cell, its figure beside it."""
        ai = self.view.ai
        if ai >= 0 and labelled and _is_label(row[ai]):  # "Total Price:" in the amount cell
            candidates = self._past_merged_label(row, r, label_in_amount=True) or [ai]
        else:
            candidates = (
                [ai]
                if ai >= 0 and not blank(row[ai])
                else self._past_merged_label(row, r)
                or [c for c in range(len(row) - 2, -1, -1) if _is_figure(row[c]) and c not in self.not_money][
                    :1
                ]
            )
        for c in candidates:
            if (r, c) in self.bad_cells:
                return None, c
            try:
                return self._in_yuan(c, to_number(row[c], "total")), c
            except CellError as exc:
                self.out.warnings.append(Problem(self._cell(c, r), f"{exc}; not checked"))
                return None, c
        return None, ai

    def _past_merged_label(self, row: list, r: int, *, label_in_amount: bool = False) -> list[int]:
        """[the first figure right of the empty amount cell] of a total row when that figure stands in
        a remarks column (备注, Remarks) or the total's label is merged over the amount cell (报价合计
        in F16:H16 with =SUM(H12:H15) in I16 under 备注); [] otherwise (a share, a volume)."""
        ai = self.view.ai
        found = [c for c in range(ai + 1, len(row)) if _is_figure(row[c])][:1] if ai >= 0 else []
        if not found:
            return []
        covered = any(r0 <= r <= r1 and c0 < ai <= c1 for (r0, c0), (r1, c1) in self.raw.merged)
        # the label written in the amount cell itself ("Total Price:" in the Price column, its figure beside it)
        beside = label_in_amount and found[0] == ai + 1
        return found if covered or beside or found[0] in self.remarks else []

    def _in_yuan(self, c: int, value: Decimal | None) -> Decimal | None:
        """A figure of the amount column in yuan (the header may give it in 万)."""
        k = self.scales.get("amount") if c == self.view.ai and c >= 0 else None
        return value * k if value is not None and k is not None else value

    def _spans(self, *marks: _Mark) -> list[tuple[Decimal, int, _Mark]]:
        """What a total can cover: the lines since each mark, without and with the markups."""
        out = []
        for m in marks:
            out.append((self.now.cum - m.cum, self.now.lines - m.lines, m))
            if self.now.markups != m.markups:
                out.append((self.now.cum - m.cum + self.now.markups - m.markups, self.now.lines - m.lines, m))
        return out

    def _matches(self, value: Decimal, spans: list[tuple[Decimal, int, _Mark]]) -> bool:
        return any(
            abs(round_money(total) - round_money(value)) <= max(CENT, HALF_CENT * count)
            for total, count, _ in spans
        )

    def _total(self, r: int, row: list, kind: RowKind) -> None:
        value, c = self._row_amount(row, r, labelled=kind.label != "unlabelled total")
        level = kind.level
        if level == 3 and value is not None and self._grand_again(kind, value):
            return
        same = self.resets[level]
        if value is not None:
            spans = self._spans(same, _Mark(), self.section, self.resets[1], self.resets[2])
            if not self._matches(value, spans) and not self._restates(kind, value):
                self._mismatch(r, c, kind.label, value, same)
            self.out.totals.append(
                StatedTotal(
                    kind.label,
                    level,
                    value,
                    self._cell(c, r),
                    self.now.lines,
                    self.now.model,
                    self.now.markups,
                    same.lines,
                    r,
                )
            )
        self._figure_in_words(r, kind, value, same)
        for lvl in (1, 2, 3):
            if lvl <= level:
                self.resets[lvl] = self._mark()
        # the page's running sum goes on past 分部小计 and section totals: 本页小计 covers the page

    def _grand_again(self, kind: RowKind, value: Decimal) -> bool:
        """招标控制价合计=1+2+3+4+5 below 6 总造价 of the same figure (a summary printed over two
        pages): the grand total written again, neither a total of the rows since nor a line."""
        if not how_summed(kind.label):
            return False
        return any(t.level == 3 and t.amount == value for t in self.out.totals)

    def _restates(self, kind: RowKind, value: Decimal) -> bool:
        """Annual Total right under Monthly Total: checked as a restatement (`restatements`)."""
        if not self.out.totals or self.out.totals[-1].lines != self.now.lines:
            return False
        prev = self.out.totals[-1]
        probe = StatedTotal(kind.label, kind.level, value, "", prev.lines, prev.cum, prev.markups, prev.since)
        return bool(restatements([prev, probe]))

    def _figure_in_words(self, r: int, kind: RowKind, value: Decimal | None, same: _Mark) -> None:
        """A total written out (大写 … 小写：213350) states a figure too: it is the sheet's total
        when it differs from the cell beside it (both are then reconciled)."""
        m = FIGURE_IN_TEXT.search(kind.label) if len(kind.label) > 12 else None
        if m is None:
            return
        figure = Decimal(m.group(1).replace(",", ""))
        if value is not None and figure == value:
            return
        self.out.totals.append(
            StatedTotal(
                kind.label[:20],
                kind.level,
                figure,
                self._cell(self.view.di, r) + " (written out)",
                self.now.lines,
                self.now.model,
                self.now.markups,
                same.lines,
                r,
            )
        )

    def _mismatch(self, r: int, c: int, label: str, value: Decimal, since: _Mark) -> None:
        count = self.now.lines - since.lines
        total = self.now.cum - since.cum
        if count:
            first, last = self.line_rows[since.lines], self.line_rows[self.now.lines - 1]
            ac = col_letter(c)
            what = f"the sum of its {count} line(s) {self.prefix}{ac}{first + 1}:{ac}{last + 1}"
        else:
            what = "the sum of its lines (there are none above it)"
        self.out.mismatches.append(
            Problem(self._cell(c, r), f"{label} {format_money(value)} ≠ {format_money(total)}, {what}")
        )

    def _page_total(self, r: int, row: list, kind: RowKind) -> None:
        value, c = self._row_amount(row, r)
        if value is not None and not self._matches(value, self._spans(self.page, self.resets[1])):
            self._mismatch(r, c, kind.label, value, self.page)
        self.page = self._mark()

    def _ends(self, r: int, kind: RowKind) -> bool:
        """A note or signature row ends the table, unless it is the foot of a printed page."""
        return kind.kind == "end" and not self._page_below(r)

    def _page_below(self, r: int) -> bool:
        """The sheet's header row is printed again within the next rows: the note or signature
        line at `r` is the foot of a printed page, and the table goes on over the next page."""
        top = self.layout.header_row
        if top is None:
            return False
        head = [normalize_header(v) for v in self.raw.rows[top] if type(v) is str and v.strip()]
        if len(head) < 2:
            return False
        for row in self.raw.rows[r + 1 : r + 40]:
            if [normalize_header(v) for v in row if type(v) is str and v.strip()] == head:
                return True
        return False

    def _header_again(self, r: int, row: list, kind: RowKind) -> None:
        """A header row below the table that puts quantity/price/amount in other columns (a 报价明细表
        of component build-ups under a quotation) starts another table. When the lines above are
        closed by the sheet's own total and agree with it, the table ends here (a warning names the
        row); otherwise the rows are read on and checked as before."""
        top = self.layout.header_row
        if top is None:
            return
        heads = self.raw.rows[top : self.layout.data_start]
        moved = {
            fld
            for c, v in enumerate(row)
            if not any(c < len(h) and normalize_header(h[c]) == normalize_header(v) for h in heads)
            and (found := classify_header(v)) is not None
            and (fld := found[0]) in ("quantity", "price", "amount")
            and fld in self.cols
            and self.cols[fld] != c
        }
        renamed = "" if self.layout.blocks else _renamed_header(row, heads, self.view.di)
        closing = closing_total(self.out.totals, len(self.out.lines))
        if (
            not (moved or renamed)
            or closing is None
            or not self._matches(closing.amount, self._spans(_Mark()))
            or (renamed and self._larger_total_below(r, closing.amount))
        ):
            return
        self.ended = True
        what = (
            f"with {', '.join(sorted(moved))} in other columns"
            if moved
            else f"named 「{renamed}」 in the description column"
        )
        self.out.warnings.append(
            Problem(
                self._cell(self.view.ci if self.view.ci >= 0 else self.view.di, r),
                f"another table starts here, {what}, below the sheet's "
                f"total {closing.cell} that agrees with the lines above it: rows from {r + 1} on are not "
                f'read (import them with --map "{self.raw.name}:header={r + 1}" if they are cost lines)',
            )
        )

    def _larger_total_below(self, r: int, closing: Decimal) -> bool:
        """A total row further down (Subtotal, Total) stating more than the total above the repeated
        header: that total closed one block of stacked blocks (Total Labor over Equipment |
        Materials), not the sheet, so the blocks below are read on."""
        rows = self.raw.rows
        for k in range(r + 1, len(rows)):
            row = rows[k]
            texts = [v for v in row if type(v) is str and v.strip() and len(v) <= 40]
            if not any(total_level(t) for t in texts):
                continue
            figures = [float(v) for v in row if type(v) is float or type(v) is int]
            if figures and max(figures) > float(closing):
                return True
        return False

    def _unlabelled(self, r: int, row: list, kind: RowKind) -> None:
        if self.pending_prefix is not None and not self._totals_lines_above(row, r):
            self._line(r, row, LINE)  # the figures of the item named above (`_figures_below`)
            return
        if self.pending_prefix is not None:
            # an item named with no figures, then the total of every line above: not its figures
            name = self.pending_prefix[1]
            self.pending_prefix = None
            self.out.warnings.append(
                Problem(
                    self._cell(self.view.di, r),
                    f"「{name}」 above has no price; this row is the total of the lines above it, not its figures",
                )
            )
        value, c = self._row_amount(row, r)
        if value is None or value == ZERO:
            return  # nothing, or a numbered template row whose formula gives 0.00: no cost, no line
        if self.now.lines and self._matches(value, self._spans(self.resets[2], _Mark())):
            self._total(r, row, RowKind("total", "unlabelled total", 2))
        elif self.now.lines and self._matches(value, self._spans(self.resets[1], self.section)):
            self._total(r, row, RowKind("total", "unlabelled subtotal", 1))
        elif self.now.lines and self._closes_table(r, row):
            # figures only, under every line: the sheet's own total, which differs from its lines
            self._total(r, row, RowKind("total", "unlabelled total (the last row of figures)", 2))
        else:
            self._problem(
                self.view.di,
                r,
                f"an amount ({format_money(value)}) with no description: name the "
                "item, or label the row 合计/小计 if it is a total",
            )

    def _closes_table(self, r: int, row: list) -> bool:
        """A row of figures only (no text in any cell) below which no row of the table holds a
        figure: where a sheet writes its total without a label (I63 under I2:I62)."""
        if any(type(v) is str and v.strip() for v in row):
            return False
        rows = self.raw.rows
        end = len(rows) if self.layout.last_row is None else min(len(rows), self.layout.last_row + 1)
        # row by row (stored rows are decoded on access): the first figure below settles it
        return not any(_is_figure(v) for k in range(r + 1, end) for v in rows[k] if not blank(v))

    def _markup(self, r: int, row: list, kind: RowKind) -> None:
        amount = None
        ai = self.view.ai
        fraction = None
        if ai < 0 or blank(row[ai]):
            # no amount column, or the figure elsewhere (Free Tier Discount: … $-5.48 under Service Price);
            # where the lines are their prices (no quantity), the price column is the money column
            pi = self.view.pi
            lump = self.view.qi < 0 and pi >= 0 and _is_figure(row[pi])
            ai = (
                pi
                if lump
                else next(
                    (
                        c
                        for c in range(len(row) - 2, self.view.di, -1)
                        if _is_figure(row[c]) and c not in self.not_money
                    ),
                    -1,
                )
            )
            if ai >= 0 and type(row[ai]) in (int, float) and 0 < abs(row[ai]) < 1:
                # Profit | 0.4 beside no amount column: a rate written as a fraction, not money
                fraction, ai = Decimal(repr(float(row[ai]))), -1
        if ai >= 0 and not blank(row[ai]):
            try:
                amount = self._in_yuan(ai, to_number(row[ai], "amount"))
            except CellError as exc:
                if kind.markup != "discount":
                    self._problem(ai, r, f"{kind.label}: {exc}")
                    return
                # an offer after the total (优惠价 9000+2190=11190): kept as text, never a cost
                self.out.warnings.append(
                    Problem(
                        self._cell(ai, r), f"{kind.label}: {exc}; the discount is kept as text, not counted"
                    )
                )
        if kind.markup == "discount" and amount is not None and amount > 0:
            amount = -amount  # Special DC | 379 under Total: a discount written as a positive figure
        rate = self._rate(row) or fraction
        if amount is None and rate is None and classify_header(kind.label) is not None:
            return  # 其中 | 暂估价 under 金额: a header row's words, no markup
        if amount is not None:
            self.now.markups += amount
        self.out.markups.append(
            Markup(
                kind=kind.markup or "other",
                label=kind.label,
                rate=rate,
                amount=amount,
                source=f"{self.prefix}{self.first_letter}{r + 1}",
            )
        )

    def _rate(self, row: list) -> Decimal | None:
        for v in row:
            if type(v) is str:
                m = _PERCENT.search(v)
                if m:
                    return Decimal(m.group(1)) / 100
        for name in ("price", "quantity"):
            c = self.cols.get(name)
            if c is not None and type(row[c]) is float and 0 < row[c] < 1 and "amount" in self.cols:
                return Decimal(repr(row[c]))
        return None

    def _section(self, r: int, row: list, kind: RowKind) -> None:
        code, desc = cell_text(row[self.view.ci]), cell_text(row[self.view.di])
        parts = section_parts(code, desc) if (code or desc) else None
        if parts is None:
            m = SECTION.match(kind.label)
            parts = (_style_of(m), m.group("rest").strip()) if m and m.group("rest") else ("none", kind.label)
        style, name = parts
        has_amount = self.view.ai >= 0 and not blank(row[self.view.ai])
        if self.top_style is None:
            self.top_style = style
        if style == self.top_style or self.category is None:
            if has_amount or style == self.top_style:
                self._close_section()
                self.section = self._mark()
                self.section_head = (r, row[self.view.ai]) if has_amount else None
            if has_amount and style in ("none", "arabic", "dotted") and self.view.qi < 0:
                self._headed(r, row, name)
            self.category = name
        elif has_amount and not section_total_follows(self.view, r, row[self.view.ai]):
            self.out.unread.append(r)  # a sub-heading's amount that is not the sum of its lines
        self.resets[1] = self._mark()

    def _headed(self, r: int, row: list, name: str) -> None:
        """A row of a list of lump amounts read as a heading because its amount is the sum of the
        rows below it (服务器 3,000 over 带宽 1,000 and 存储 2,000): it may as well be an item of its
        own, so the reading holds only where the sheet's stated total agrees (`headed`)."""
        v = row[self.view.ai]
        if type(v) in (int, float) and v:
            self.out.headed.append(
                Problem(
                    self._cell(self.view.ai, r),
                    f"「{name[:30]}」 {format_money(Decimal(repr(float(v))))} is the sum of the rows below it: read "
                    "as a heading with its section's amount, not as a cost line",
                )
            )

    def _close_section(self) -> None:
        """A heading that carries its section's amount (`一 | 设备购置 | ... | 3,500,000`): check it."""
        if self.section_head is None:
            return
        head_row, head_value = self.section_head
        self.section_head = None
        cell = self._cell(self.view.ai, head_row)
        try:
            value = self._in_yuan(self.view.ai, to_number(head_value, "section amount"))
        except CellError as exc:
            self.out.warnings.append(Problem(cell, f"{exc}; not checked"))
            return
        spans = self._spans(self.section)
        if value is None or self._matches(value, spans):
            return
        count = self.now.lines - self.section.lines
        total = self.now.cum - self.section.cum
        ac = col_letter(self.view.ai)
        span = (
            f"{self.prefix}{ac}{self.line_rows[self.section.lines] + 1}:{ac}{self.line_rows[self.now.lines - 1] + 1}"
            if count
            else "(none)"
        )
        self.out.mismatches.append(
            Problem(
                cell,
                f"section amount {format_money(value)} ≠ {format_money(total)}, "
                f"the sum of its {count} line(s) {span}",
            )
        )


LINE_KIND = RowKind("line")
_PLAIN_FIELDS = frozenset({"quantity", "price", "likely", "low", "high", "amount"})
BLANK_KIND = RowKind("blank")
#: row kinds that read no figure: one holding figures there is a row the import may have lost
_UNREAD_KINDS = frozenset({"section", "continuation", "prefix", "unit row", "blank", "note"})
_PRICE_KEYS = frozenset({"price", "likely", "amount", "low", "high"})
#: one unit written several ways (h, hr, hour, 小时): a price per unit beside a quantity in it
_UNIT_NAMES = (
    frozenset({"h", "hr", "hrs", "hour", "hours", "小时", "时", "工时"}),
    frozenset({"d", "day", "days", "天", "日", "工日", "人天"}),
    frozenset({"wk", "week", "weeks", "周", "星期"}),
    frozenset({"mo", "month", "months", "月", "个月"}),
    frozenset({"yr", "year", "years", "年"}),
    frozenset(
        {
            "pc",
            "pcs",
            "piece",
            "pieces",
            "ea",
            "each",
            "no",
            "nos",
            "unit",
            "units",
            "个",
            "件",
            "只",
            "台",
            "套",
        }
    ),
    frozenset({"m2", "sqm", "㎡", "平方米", "平米"}),
    frozenset({"m3", "cum", "㎥", "立方米", "方"}),
    frozenset({"m", "metre", "meter", "米"}),
    frozenset({"kg", "公斤", "千克"}),
    frozenset({"t", "ton", "tonne", "吨"}),
)


def same_unit(a: str, b: str) -> bool:
    """Two unit words naming one unit (`h` and `小时`, `pcs` and `each`)."""
    x, y = normalize_header(a).rstrip("."), normalize_header(b).rstrip(".")
    return x == y or any(x in names and y in names for names in _UNIT_NAMES)


_PERIODIC = re.compile(
    r"^\s*(\d[\d,]*(?:\.\d+)?)\s*元?\s*(每年|每月|/年|/月|per\s+(?:year|month|annum)|p\.\s*a\.?|/\s*(?:year|month))\s*$",
    re.I,
)
_RATE_FIELDS = frozenset({"quantity", "price", "likely", "low", "high"})
_PRICE_FIELDS = _RATE_FIELDS - {"quantity"}
#: row kinds that do not end an item's measurement rows
_KEEPS_MEASURES = frozenset(
    {"line", "blank", "unit row", "continuation", "page", "header", "numbering", "info", "note"}
)


def _only_entry(rows: Sequence[list], c: int, start: int) -> tuple[int, object] | None:
    """(row, value) of the one filled cell of column `c` from row `start` on; None when there are
    none or several (the scan stops at the second)."""
    found = None
    for r in range(start, len(rows)):
        row = rows[r]
        if c < len(row) and not blank(row[c]):
            if found is not None:
                return None
            found = (r, row[c])
    return found


def _is_label(v: object) -> bool:
    """Words with no figure in them (a total's label where its amount belongs)."""
    return type(v) is str and bool(v.strip()) and not any(ch.isdigit() for ch in v)


def _is_figure(v: object) -> bool:
    """A number, or text that reads as one (`378.0万`, `1,234.50` in a CSV or a text cell)."""
    if type(v) is float or type(v) is int:
        return True
    if type(v) is not str or not v.strip() or not any(ch.isdigit() for ch in v):
        return False
    try:
        return to_number(v, "figure") is not None
    except CellError:
        return False


def _style_of(m: re.Match) -> str:
    for name in ("part", "cn", "paren", "roman", "letter", "dotted", "arabic"):
        if m.group(name):
            return name
    return "none"


def _renamed_header(row: list, heads: Sequence[list], di: int) -> str:
    """The repeated header of another table under the same columns (必备工具 | 作用 | 数量 | 单价 where
    the table's header says 材料名称 | 类型 | 数量 | 单价): the new name in the description column, or
    "" when that cell repeats the header (a printed page header) or is empty."""
    if di < 0 or di >= len(row):
        return ""
    text = cell_text(row[di])
    if not text or classify_header(text) is not None:
        return ""
    same = any(di < len(h) and normalize_header(h[di]) == normalize_header(text) for h in heads)
    return "" if same else text
