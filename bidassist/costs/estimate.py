"""Measurement-and-cost estimates: sheets with no header row, as public-works departments write them.

Each item is a numbered row (`1 | Dismantling cement concrete …`), its measurement rows
(`2 x 11.5 x 0.5 = 66.125 Cft`, `Total = 388.75`), then one priced row that states the quantity,
the rate and the amount behind a currency word: `Qty | 389 | Cft. | @ | Rs. | 5445 | P.% cft | Rs. |
21181.05`. Running totals (`TOTAL RS. 530431/-`, `G.Total Rs. 605438`) are stated totals, and an
abstract sheet holds only labelled amounts (`REPAIR OF CIVIL STRUCTURE Rs: 826589/-`, `2% PHYSICAL
CONTINGENCY`, `G-TOTAL`).

A priced row is a row with a currency word followed by an amount and, before it, figures
(quantity and rate) with `@` or `x` between them; its amount is the line's money as written (`5544/-` included). The description
is the item's text above it. Rows with a currency amount and no figures before it are totals,
markups or an abstract's entries, never lines. Such a sheet is only imported when a stated total
reconciles with its lines (checked by the caller, as for any sheet); with no stated total it is
refused, since nothing shows that every priced row was found.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from bidassist.core.errors import Problem
from bidassist.costs.headers import Layout
from bidassist.costs.model import CostLine, Markup
from bidassist.costs.rowkinds import markup_kind
from bidassist.costs.table import SheetResult, StatedTotal
from bidassist.costs.workbook import RawSheet, col_letter, sheet_ref

ONE = Decimal(1)
ZERO = Decimal(0)
_CURRENCY = re.compile(r"^@?\s*(?:rs|rupees|inr|pkr)\s*[.:;]?\s*$", re.I)
_WRITTEN = re.compile(r"^\s*([\d,]+(?:\.\d+)?)\s*(?:/-|/=)?\s*$")
#: a whole priced line in one cell: `1.44.cwt @RS: 3850/- P-cwt RS: 5544/-`
_IN_TEXT = re.compile(r"@\s*rs\b.*\brs\s*[.:;]?\s*([\d,]+(?:\.\d+)?)\s*/-", re.I)
_GRAND = re.compile(r"g\s*[.-]?\s*total|grand\s*total|总计", re.I)
_TOTAL = re.compile(r"\btotal\b|合计", re.I)
_SAY = re.compile(r"^\s*say\b", re.I)
_MEASURE_SIGNS = frozenset({"=", "x", "X", "+"})
_TIMES = frozenset({"x", "X", "×", "*"})


def _number(v: object) -> Decimal | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return Decimal(repr(float(v))) if isinstance(v, float) else Decimal(v)
    if isinstance(v, str):
        m = _WRITTEN.match(v)
        if m:
            try:
                return Decimal(m.group(1).replace(",", ""))
            except InvalidOperation:
                return None
    return None


_LEADING_FIGURE = re.compile(r"^\s*\d")


def _is_figure(v: object) -> bool:
    """A quantity or rate: a number, or text that starts with one (`1.44.cwt`, `420.0 sft`)."""
    return _number(v) is not None or (isinstance(v, str) and bool(_LEADING_FIGURE.match(v)))


def _cells(row: list) -> list[tuple[int, object]]:
    return [(c, v) for c, v in enumerate(row) if v not in ("", None)]


def _amount(cells: list[tuple[int, object]]) -> tuple[int, int, Decimal] | None:
    """(column of the last currency word, column of its amount, amount) or None."""
    for k in range(len(cells) - 1, -1, -1):
        c, v = cells[k]
        if isinstance(v, str) and _CURRENCY.match(v) and k + 1 < len(cells):
            ac, av = cells[k + 1]
            amount = _number(av)
            return (c, ac, amount) if amount is not None else None
    return None


def _label(cells: list[tuple[int, object]], before: int) -> str:
    return " ".join(
        str(v).strip() for c, v in cells if c < before and isinstance(v, str) and _number(v) is None
    )


class _Reader:
    def __init__(self, raw: RawSheet) -> None:
        self.raw = raw
        self.prefix = sheet_ref(raw.name) + "!"
        self.out = SheetResult()
        self.item = ""
        self.cum = ZERO
        self.markups = ZERO
        self.since = {2: 0, 3: 0}
        self.desc_col = 1
        self.amount_col = -1

    def run(self) -> SheetResult:
        for r, row in enumerate(self.raw.rows):
            if r in self.raw.hidden_rows:
                continue
            cells = _cells(row)
            if cells:
                self._row(r, cells)
        return self.out

    def _row(self, r: int, cells: list[tuple[int, object]]) -> None:
        found = _amount(cells)
        if found is None:
            self._text_row(r, cells)
            return
        mark, ac, amount = found
        label = _label(cells, mark)
        figures = [v for c, v in cells if c < mark and _is_figure(v)]
        times = any(isinstance(v, str) and (v.strip() in _TIMES or "@" in v) for c, v in cells if c < mark)
        if _SAY.match(label):
            return
        if _GRAND.search(label) or _TOTAL.search(label):
            self._total(r, ac, label, amount)
        elif figures and times:
            own = next((v.strip() for c, v in cells if c == self.desc_col and isinstance(v, str)), "")
            plain = own and "@" not in own and not own.lower().startswith("qty") and not _is_figure(own)
            self._line(r, ac, amount, label, own if plain else "")
        else:
            self._entry(r, ac, label, amount)

    def _text_row(self, r: int, cells: list[tuple[int, object]]) -> None:
        texts = [(c, v) for c, v in cells if isinstance(v, str) and v.strip()]
        for c, v in texts:
            m = _IN_TEXT.search(v)
            if m:
                self._line(r, c, Decimal(m.group(1).replace(",", "")), v.strip())
                return
        if any(isinstance(v, str) and v.strip() in _MEASURE_SIGNS for _, v in cells):
            return  # a measurement row (2 x 11.5 x 0.5 = 66.125)
        if texts and len(texts) <= 2:
            c, v = texts[0]
            if not _TOTAL.search(v):
                self.item, self.desc_col = v.strip(), c

    def _line(self, r: int, ac: int, amount: Decimal, label: str, own: str = "") -> None:
        text = own or self.item or label
        self.amount_col = ac
        self.cum += amount
        self.out.item_rows += 1
        self.out.priced_rows += 1
        self.out.lines.append(
            CostLine.trusted(
                None,
                text[:500] or f"(no description) {self.prefix}{col_letter(ac)}{r + 1}",
                None,
                ONE,
                amount,
                amount,
                amount,
                "fixed",
                None,
                False,
                f"{self.prefix}{col_letter(ac)}{r + 1}",
            )
        )

    def _total(self, r: int, ac: int, label: str, amount: Decimal) -> None:
        level = 3 if _GRAND.search(label) else 2
        n = len(self.out.lines)
        self.out.totals.append(
            StatedTotal(
                label[:40],
                level,
                amount,
                f"{self.prefix}{col_letter(ac)}{r + 1}",
                n,
                self.cum,
                self.markups,
                self.since[level],
            )
        )
        for lvl in (2, 3):
            if lvl <= level:
                self.since[lvl] = n

    def _entry(self, r: int, ac: int, label: str, amount: Decimal) -> None:
        """An amount with a label and no figures before it: a markup (2% contingency) or an
        abstract's entry (REPAIR OF CIVIL STRUCTURE Rs: 826589/-)."""
        kind = markup_kind(label)
        if kind is not None:
            self.markups += amount
            self.out.markups.append(
                Markup(
                    kind=kind,
                    label=label[:80],
                    rate=None,
                    amount=amount,
                    source=f"{self.prefix}{col_letter(ac)}{r + 1}",
                )
            )


def read_estimate(raw: RawSheet) -> tuple[SheetResult, Layout] | None:
    """The lines and stated totals of a measurement-and-cost estimate, or None when the sheet has
    fewer than two priced rows (`qty @ Rs. rate … Rs. amount`)."""
    reader = _Reader(raw)
    result = reader.run()
    if len(result.lines) < 2:
        return None  # an abstract of labelled amounts, or one stray priced row: not this layout
    if result.lines and not any(t.level >= 2 for t in result.totals):
        result.problems.append(
            Problem(
                sheet_ref(raw.name),
                f"read as a measurement-and-cost estimate ({len(result.lines)} priced rows), but it states no "
                "total (TOTAL Rs. …) to check them against: whether every priced row was found is not known; "
                "fix: add the estimate's total below its last item, or give the lines with --map",
            )
        )
    columns = {"description": reader.desc_col, "amount": max(reader.amount_col, reader.desc_col + 1)}
    return result, Layout(columns, None, 0)
